/* jsonl.c - one JSON-lines record into a document.
 *
 * A purpose-built parser rather than a general JSON library: it decodes the
 * handful of fields sitrep uses (id, url, title, published, source, text,
 * html) straight into the document's arena and copies every other field
 * verbatim into doc->extra_json, so unknown fields pass through untouched.
 * It validates the whole line (RFC 8259 grammar; nesting capped at 256 so a
 * hostile line cannot exhaust anything) and rejects it with the byte column
 * and reason otherwise.  Cost: one pass over the line. */
#include <stdio.h>
#include <string.h>

#include "core/json_plain.h"
#include "ingest_int.h"

#define JSON_MAX_DEPTH 256

typedef struct jparser {
    const char *p, *start, *end;
    sr_doc *doc;
    char *err;
    size_t errlen;
} jparser;

static int jfail(jparser *j, const char *why)
{
    if (j->err && j->errlen)
        snprintf(j->err, j->errlen, "malformed JSON at column %zu: %s",
                 (size_t)(j->p - j->start) + 1, why);
    return -1;
}

static void skip_ws(jparser *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Parses a string at j->p (on the opening quote).  When OUT is not NULL the
 * decoded bytes are written there (caller guarantees room: decoded length
 * never exceeds the encoded length) and *OUTLEN set.  Lone surrogates decode
 * to U+FFFD. */
static int parse_string(jparser *j, char *out, size_t *outlen)
{
    j->p++; /* opening quote */
    char *o = out;
    for (;;) {
        const char *run = j->p;
#if SR_JSON_PLAIN16
        /* 16 bytes at a time, to the first '"', '\\' or control byte */
        while (j->end - j->p >= 16) {
            unsigned stops = sr_json_stops16(j->p);
            if (stops) {
                j->p += __builtin_ctz(stops);
                break;
            }
            j->p += 16;
        }
#endif
        /* 8 bytes at a time: stop at a word holding '"', '\\' or a control
         * byte (the classic has-zero-byte test, Hacker's Delight 6-1). */
        while (j->end - j->p >= 8) {
            uint64_t w;
            memcpy(&w, j->p, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w);
            if (hit & highs)
                break;
            j->p += 8;
        }
        while (j->p < j->end && *j->p != '"' && *j->p != '\\' && (unsigned char)*j->p >= 0x20)
            j->p++;
        if (o && j->p > run) {
            memcpy(o, run, (size_t)(j->p - run));
            o += j->p - run;
        }
        if (j->p >= j->end)
            return jfail(j, "unterminated string");
        char c = *j->p;
        if (c == '"') {
            j->p++;
            break;
        }
        if ((unsigned char)c < 0x20)
            return jfail(j, "control character inside a string");
        /* backslash escape */
        if (j->end - j->p < 2)
            return jfail(j, "unterminated escape");
        char e = j->p[1];
        j->p += 2;
        char lit = 0;
        switch (e) {
        case '"': lit = '"'; break;
        case '\\': lit = '\\'; break;
        case '/': lit = '/'; break;
        case 'b': lit = '\b'; break;
        case 'f': lit = '\f'; break;
        case 'n': lit = '\n'; break;
        case 'r': lit = '\r'; break;
        case 't': lit = '\t'; break;
        case 'u': {
            unsigned cp;
            if (j->end - j->p < 4 || hex4(j->p, &cp))
                return jfail(j, "bad \\u escape");
            j->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 && j->p[0] == '\\' &&
                j->p[1] == 'u') {
                unsigned lo;
                if (!hex4(j->p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    j->p += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
            if (o)
                o = put_utf8(o, cp);
            continue;
        }
        default: return jfail(j, "unknown escape");
        }
        if (o)
            *o++ = lit;
    }
    if (outlen)
        *outlen = o ? (size_t)(o - out) : 0;
    return 0;
}

static int parse_literal(jparser *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n))
        return jfail(j, "unexpected character");
    j->p += n;
    return 0;
}

static int parse_number(jparser *j)
{
    const char *s = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        return jfail(j, "bad number");
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return jfail(j, "bad number");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return jfail(j, "bad number");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    return s == j->p ? -1 : 0;
}

/* Validates and skips any value, iteratively (explicit stack). */
static int skip_value(jparser *j)
{
    char stack[JSON_MAX_DEPTH];
    int depth = 0;
    int expect_key = 0;
    for (;;) {
        skip_ws(j);
        if (j->p >= j->end)
            return jfail(j, "unexpected end of line");
        char c = *j->p;
        if (expect_key) {
            if (c == '}' && depth && stack[depth - 1] == '{') {
                /* empty object handled below */
            } else {
                if (c != '"')
                    return jfail(j, "expected a key");
                if (parse_string(j, NULL, NULL))
                    return -1;
                skip_ws(j);
                if (j->p >= j->end || *j->p != ':')
                    return jfail(j, "expected ':'");
                j->p++;
                expect_key = 0;
                continue;
            }
        }
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH)
                return jfail(j, "nesting deeper than 256");
            stack[depth++] = c;
            j->p++;
            skip_ws(j);
            if (j->p < j->end && *j->p == (c == '{' ? '}' : ']')) {
                j->p++;
                depth--;
                goto after_value;
            }
            expect_key = (c == '{');
            continue;
        }
        if (c == '"') {
            if (parse_string(j, NULL, NULL))
                return -1;
        } else if (c == 't') {
            if (parse_literal(j, "true"))
                return -1;
        } else if (c == 'f') {
            if (parse_literal(j, "false"))
                return -1;
        } else if (c == 'n') {
            if (parse_literal(j, "null"))
                return -1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (parse_number(j))
                return -1;
        } else {
            return jfail(j, "unexpected character");
        }
    after_value:
        for (;;) {
            if (!depth)
                return 0;
            skip_ws(j);
            if (j->p >= j->end)
                return jfail(j, "unexpected end of line");
            char close = stack[depth - 1] == '{' ? '}' : ']';
            if (*j->p == ',') {
                j->p++;
                expect_key = stack[depth - 1] == '{';
                break;
            }
            if (*j->p == close) {
                j->p++;
                depth--;
                continue;
            }
            return jfail(j, "expected ',' or a closing bracket");
        }
    }
}

enum { F_ID, F_URL, F_TITLE, F_PUBLISHED, F_SOURCE, F_TEXT, F_HTML, F_OTHER };

static int field_of(const char *k, size_t n)
{
    static const char *const names[] = {"id", "url", "title", "published", "source", "text", "html"};
    for (int i = 0; i < F_OTHER; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], k, n))
            return i;
    return F_OTHER;
}

sr_status jsonl_parse_line(const char *line, size_t len, sr_doc *doc, char *err, size_t errlen)
{
    jparser j = {line, line, line + len, doc, err, errlen};
    const char *str[F_OTHER] = {0};
    size_t slen[F_OTHER] = {0};
    char *extra = NULL;
    size_t extra_len = 0;
    skip_ws(&j);
    if (j.p >= j.end || *j.p != '{') {
        jfail(&j, "a record must be a JSON object");
        return SR_REJECT;
    }
    j.p++;
    skip_ws(&j);
    int empty = j.p < j.end && *j.p == '}';
    if (empty)
        j.p++;
    while (!empty) {
        skip_ws(&j);
        if (j.p >= j.end || *j.p != '"') {
            jfail(&j, "expected a key");
            return SR_REJECT;
        }
        const char *kstart = j.p;
        char key[32];
        size_t klen = 0;
        /* keys of interest are short and unescaped; longer ones are OTHER */
        if (parse_string(&j, NULL, NULL))
            return SR_REJECT;
        size_t raw_klen = (size_t)(j.p - kstart) - 2;
        if (raw_klen < sizeof key) {
            memcpy(key, kstart + 1, raw_klen);
            klen = raw_klen;
        }
        int f = klen ? field_of(key, klen) : F_OTHER;
        skip_ws(&j);
        if (j.p >= j.end || *j.p != ':') {
            jfail(&j, "expected ':'");
            return SR_REJECT;
        }
        j.p++;
        skip_ws(&j);
        if (j.p >= j.end) {
            jfail(&j, "unexpected end of line");
            return SR_REJECT;
        }
        const char *vstart = j.p;
        if (f != F_OTHER && *j.p == '"') {
            /* decode in one pass into room for the rest of the line (an
             * upper bound, as decoding never grows), then give back the
             * unused tail */
            size_t room = (size_t)(j.end - j.p);
            char *dst = sr_arena_alloc(doc->arena, room + 1);
            if (!dst)
                return SR_ENOMEM;
            if (parse_string(&j, dst, &slen[f]))
                return SR_REJECT;
            sr_arena_shrink(doc->arena, dst, room + 1, slen[f] + 1);
            dst[slen[f]] = '\0';
            str[f] = dst;
        } else if (f == F_ID && (*j.p == '-' || (*j.p >= '0' && *j.p <= '9'))) {
            if (parse_number(&j)) {
                jfail(&j, "bad number");
                return SR_REJECT;
            }
            str[f] = sr_arena_strndup(doc->arena, vstart, (size_t)(j.p - vstart));
            slen[f] = (size_t)(j.p - vstart);
        } else {
            if (skip_value(&j))
                return SR_REJECT;
            int is_null = (size_t)(j.p - vstart) == 4 && !memcmp(vstart, "null", 4);
            if (f != F_OTHER && !is_null && f != F_OTHER) {
                /* a known field with a non-string value: keep it verbatim */
                f = F_OTHER;
            }
            if (f == F_OTHER) {
                size_t add = (size_t)(j.p - kstart);
                char *ne = sr_arena_grow(doc->arena, extra, extra_len ? extra_len + 1 : 0,
                                         extra_len + add + 2);
                if (!ne)
                    return SR_ENOMEM;
                extra = ne;
                if (extra_len)
                    extra[extra_len++] = ',';
                /* "key": value, normalised to no space around ':' */
                memcpy(extra + extra_len, kstart, raw_klen + 2);
                extra_len += raw_klen + 2;
                extra[extra_len++] = ':';
                memcpy(extra + extra_len, vstart, (size_t)(j.p - vstart));
                extra_len += (size_t)(j.p - vstart);
                extra[extra_len] = '\0';
            }
        }
        skip_ws(&j);
        if (j.p < j.end && *j.p == ',') {
            j.p++;
            continue;
        }
        if (j.p < j.end && *j.p == '}') {
            j.p++;
            break;
        }
        jfail(&j, "expected ',' or '}'");
        return SR_REJECT;
    }
    skip_ws(&j);
    if (j.p != j.end) {
        jfail(&j, "trailing bytes after the object");
        return SR_REJECT;
    }
    const char *body = str[F_TEXT];
    size_t blen = slen[F_TEXT];
    doc->content_type = SR_CONTENT_TEXT;
    if (!body && str[F_HTML]) {
        body = str[F_HTML];
        blen = slen[F_HTML];
        doc->content_type = SR_CONTENT_HTML;
    }
    if (!body) {
        if (err && errlen)
            snprintf(err, errlen, "record has no \"text\" or \"html\" string field");
        return SR_REJECT;
    }
    /* metadata strings: repaired too, so output JSON is always valid UTF-8 */
    const char **dst[] = {&doc->id, &doc->url, &doc->title, &doc->published, &doc->source};
    for (int f = F_ID; f <= F_SOURCE; f++) {
        if (!str[f])
            continue;
        sr_doc tmp = *doc;
        if (sr_doc_adopt_body(&tmp, str[f], slen[f]) != SR_OK)
            return SR_ENOMEM;
        *dst[f] = tmp.body;
    }
    sr_status st = sr_doc_adopt_body(doc, body, blen);
    if (st != SR_OK)
        return st;
    doc->extra_json = extra;
    return SR_OK;
}
