/* serve_json.c - reading just enough of the store's JSON lines.
 *
 * The store already writes JSON; the server only wraps lines into arrays
 * and, for the network view, picks a few top-level members out of each
 * line.  A full document tree would cost an allocation per value for
 * that, so this file scans instead: it trusts its input to be the store's
 * valid JSON and only needs to tell strings from brackets. */
#include <string.h>

#include "serve_int.h"

/* End of the string literal starting at S[i] == '"'; returns the index just
 * past the closing quote. */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return len;
}

/* End of the value starting at S[i]: a string, a bracketed value (skipped
 * by depth) or a scalar up to the next ',' '}' or ']'. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (s[i] == '"')
        return skip_string(s, len, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < len) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, len, i);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            i++;
        }
        return len;
    }
    while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ')
        i++;
    return i;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

int serve_json_member(const char *line, size_t len, const char *key, const char **v, size_t *vlen)
{
    size_t klen = strlen(key);
    size_t i = skip_space(line, len, 0);
    if (i >= len || line[i] != '{')
        return 0;
    i++;
    while (i < len) {
        i = skip_space(line, len, i);
        if (i >= len || line[i] != '"')
            return 0;
        size_t kstart = i + 1;
        size_t kend = skip_string(line, len, i);
        i = skip_space(line, len, kend);
        if (i >= len || line[i] != ':')
            return 0;
        i = skip_space(line, len, i + 1);
        size_t vend = skip_value(line, len, i);
        /* keys the store writes are plain ASCII, so a byte compare is exact */
        if (kend - 1 - kstart == klen && !memcmp(line + kstart, key, klen)) {
            *v = line + i;
            *vlen = vend - i;
            return 1;
        }
        i = skip_space(line, len, vend);
        if (i >= len || line[i] != ',')
            return 0;
        i++;
    }
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void put_utf8(sr_buf *out, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sr_buf_append(out, u, n);
}

static long hex4(const char *s, size_t len, size_t i)
{
    if (i + 4 > len)
        return -1;
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(s[i + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

int serve_json_unquote(const char *s, size_t len, sr_buf *out)
{
    if (len < 2 || s[0] != '"' || s[len - 1] != '"')
        return 0;
    sr_buf_append(out, "", 0); /* NUL-terminated even when empty */
    for (size_t i = 1; i + 1 < len; i++) {
        char c = s[i];
        if (c != '\\') {
            sr_buf_putc(out, c);
            continue;
        }
        if (++i + 1 >= len)
            break;
        switch (s[i]) {
        case 'n': sr_buf_putc(out, '\n'); break;
        case 't': sr_buf_putc(out, '\t'); break;
        case 'r': sr_buf_putc(out, '\r'); break;
        case 'b': sr_buf_putc(out, '\b'); break;
        case 'f': sr_buf_putc(out, '\f'); break;
        case 'u': {
            long cp = hex4(s, len, i + 1);
            if (cp < 0)
                return 0;
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < len && s[i + 1] == '\\' && s[i + 2] == 'u') {
                long lo = hex4(s, len, i + 3);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD;
            put_utf8(out, (unsigned long)cp);
            break;
        }
        default: sr_buf_putc(out, s[i]); break;
        }
    }
    return out->status == SR_OK;
}

size_t serve_json_lines_array(sr_buf *out, const char *lines, size_t len, size_t skip, size_t max,
                              int *more)
{
    size_t n = 0, seen = 0, i = 0;
    *more = 0;
    sr_buf_putc(out, '[');
    while (i < len) {
        const char *nl = memchr(lines + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - lines) : len;
        size_t a = skip_space(lines, end, i);
        if (a < end) {
            if (seen++ >= skip) {
                if (max && n == max) {
                    *more = 1;
                    break;
                }
                if (n)
                    sr_buf_putc(out, ',');
                sr_buf_append(out, lines + a, end - a);
                n++;
            }
        }
        i = end + 1;
    }
    sr_buf_putc(out, ']');
    return n;
}
