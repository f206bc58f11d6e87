/* table.c - JSON lines shown as an aligned text table (the CLI's default
 * view of a query answer), or one record as "key  value" lines.
 *
 * Each column names a key of the line's object, or a dotted path into
 * nested objects ("place.location").  Strings print as they are (line
 * breaks as spaces), numbers as written, arrays of scalars joined with
 * ", ", other arrays as their length, objects as "{...}", null as "".
 * Widths count UTF-8 code points and are capped (STORE_TABLE_WIDTH), longer
 * cells end in "...".  Cost: linear in the input; the cells are held in one
 * arena until the table is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/json.h"
#include "store/store_int.h"

#define STORE_TABLE_WIDTH 48
#define STORE_TABLE_MAX_COLS 32

static const json_value *path_get(const json_value *o, const char *path)
{
    char key[128];
    while (o && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        o = json_get(o, key);
        path += n + (dot ? 1 : 0);
    }
    return o;
}

static void scalar(sr_buf *b, const json_value *v)
{
    switch (v->type) {
    case JSON_NULL: break;
    case JSON_TRUE: sr_buf_puts(b, "true"); break;
    case JSON_FALSE: sr_buf_puts(b, "false"); break;
    case JSON_NUMBER: sr_buf_puts(b, v->str); break;
    case JSON_STRING:
        for (size_t i = 0; i < v->len; i++)
            sr_buf_putc(b, v->str[i] == '\n' || v->str[i] == '\r' || v->str[i] == '\t' ? ' '
                                                                                       : v->str[i]);
        break;
    case JSON_OBJECT: sr_buf_puts(b, "{...}"); break;
    case JSON_ARRAY: {
        int flat = 1;
        for (size_t i = 0; i < v->len && flat; i++)
            flat = v->items[i]->type != JSON_ARRAY && v->items[i]->type != JSON_OBJECT;
        if (!flat) {
            sr_buf_printf(b, "[%zu]", v->len);
            break;
        }
        for (size_t i = 0; i < v->len; i++) {
            if (i)
                sr_buf_puts(b, ", ");
            scalar(b, v->items[i]);
        }
        break;
    }
    }
}

/* Code points in S[0..n). */
static size_t width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Byte length of the first W code points of S (length N). */
static size_t prefix_bytes(const char *s, size_t n, size_t w)
{
    size_t i = 0, k = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == w)
            break;
    }
    return i;
}

static void cell(sr_buf *out, const char *s, size_t w, int last)
{
    size_t n = strlen(s), cw = width(s, n);
    if (cw > STORE_TABLE_WIDTH) {
        sr_buf_append(out, s, prefix_bytes(s, n, STORE_TABLE_WIDTH - 3));
        sr_buf_puts(out, "...");
        cw = STORE_TABLE_WIDTH;
    } else {
        sr_buf_append(out, s, n);
    }
    if (last)
        return;
    for (size_t k = cw; k < w + 2; k++)
        sr_buf_putc(out, ' ');
}

sr_status sr_store_table(const char *jsonl, size_t len, const char *const *columns, size_t ncols,
                         sr_buf *out)
{
    if (!ncols || ncols > STORE_TABLE_MAX_COLS)
        return SR_EINVAL;
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return SR_ENOMEM;
    size_t rows = 0, cap = 0, w[STORE_TABLE_MAX_COLS];
    char **cells = NULL; /* rows x ncols; the strings live in the arena */
    sr_status rc = SR_OK;
    sr_buf tmp;
    sr_buf_init(&tmp, NULL);
    for (size_t c = 0; c < ncols; c++)
        w[c] = width(columns[c], strlen(columns[c]));
    for (const char *p = jsonl, *end = jsonl + len; p < end && rc == SR_OK;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        json_value *v = NULL;
        char err[128];
        if (n && (rc = json_parse(a, p, n, (uint32_t)rows + 1, 1, &v, err, sizeof err)) == SR_OK) {
            if (rows == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                char **q = realloc(cells, ncap * ncols * sizeof *q);
                if (!q) {
                    rc = SR_ENOMEM;
                    break;
                }
                cells = q;
                cap = ncap;
            }
            for (size_t c = 0; c < ncols && rc == SR_OK; c++) {
                const json_value *x = path_get(v, columns[c]);
                sr_buf_clear(&tmp);
                if (x)
                    scalar(&tmp, x);
                char *s = sr_arena_strndup(a, tmp.data ? tmp.data : "", tmp.len);
                if (!s || tmp.status != SR_OK) {
                    rc = SR_ENOMEM;
                    break;
                }
                cells[rows * ncols + c] = s;
                size_t cw = width(s, tmp.len);
                cw = cw > STORE_TABLE_WIDTH ? STORE_TABLE_WIDTH : cw;
                if (cw > w[c])
                    w[c] = cw;
            }
            rows++;
        }
        p += n + 1;
    }
    if (rc == SR_OK) {
        for (size_t c = 0; c < ncols; c++)
            cell(out, columns[c], w[c], c + 1 == ncols);
        sr_buf_putc(out, '\n');
        for (size_t r = 0; r < rows; r++) {
            for (size_t c = 0; c < ncols; c++)
                cell(out, cells[r * ncols + c], w[c], c + 1 == ncols);
            sr_buf_putc(out, '\n');
        }
        rc = out->status;
    }
    sr_buf_free(&tmp);
    free(cells);
    sr_arena_free(a);
    return rc;
}

/* "k=v, k=v" for the members of object O (nested containers summarised). */
static void inline_object(sr_buf *b, const json_value *o)
{
    int n = 0;
    for (size_t i = 0; i < o->len; i++) {
        const json_value *v = o->items[i];
        if (v->type == JSON_NULL)
            continue;
        sr_buf_puts(b, n++ ? ", " : "");
        sr_buf_append(b, v->key, v->key_len);
        sr_buf_putc(b, '=');
        scalar(b, v);
    }
}

sr_status sr_store_record(const char *jsonl, size_t len, sr_buf *out)
{
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return SR_ENOMEM;
    sr_status rc = SR_OK;
    size_t line = 0;
    for (const char *p = jsonl, *end = jsonl + len; p < end && rc == SR_OK; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        json_value *v = NULL;
        char err[128];
        if (n && (rc = json_parse(a, p, n, (uint32_t)line + 1, 1, &v, err, sizeof err)) == SR_OK &&
            v->type == JSON_OBJECT) {
            size_t kw = 0;
            for (size_t i = 0; i < v->len; i++)
                kw = v->items[i]->key_len > kw ? v->items[i]->key_len : kw;
            if (line)
                sr_buf_putc(out, '\n');
            for (size_t i = 0; i < v->len; i++) {
                const json_value *x = v->items[i];
                sr_buf_printf(out, "%-*.*s  ", (int)kw, (int)x->key_len, x->key);
                int rows = x->type == JSON_ARRAY && x->len && x->items[0]->type == JSON_OBJECT;
                if (rows) {
                    sr_buf_printf(out, "(%zu)\n", x->len);
                    for (size_t k = 0; k < x->len; k++) {
                        sr_buf_printf(out, "%*s- ", (int)kw + 2, "");
                        if (x->items[k]->type == JSON_OBJECT)
                            inline_object(out, x->items[k]);
                        else
                            scalar(out, x->items[k]);
                        sr_buf_putc(out, '\n');
                    }
                } else if (x->type == JSON_OBJECT) {
                    inline_object(out, x);
                    sr_buf_putc(out, '\n');
                } else if (x->type == JSON_STRING) {
                    /* long texts keep their line breaks, indented */
                    for (size_t k = 0; k < x->len; k++) {
                        sr_buf_putc(out, x->str[k]);
                        if (x->str[k] == '\n')
                            sr_buf_printf(out, "%*s", (int)kw + 2, "");
                    }
                    sr_buf_putc(out, '\n');
                } else {
                    scalar(out, x);
                    sr_buf_putc(out, '\n');
                }
            }
        }
        p += n + 1;
    }
    sr_arena_free(a);
    return rc == SR_OK ? out->status : rc;
}

const char *sr_store_errmsg(const sr_store *st)
{
    return st ? st->msg : "";
}
