/* json.c - a small iterative JSON parser building an arena tree.
 *
 * Containers are built as singly linked child lists while open (one head and
 * tail per nesting level on a fixed stack of JSON_MAX_DEPTH entries) and
 * turned into arrays of pointers when they close, so no scratch buffer ever
 * grows.  Strings are scanned once to find their end, then decoded into an
 * arena block of the encoded size (decoding never lengthens), which is
 * shrunk to fit.  Cost: O(len). */
#include "eval/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct jparse {
    sr_arena *a;
    const char *p, *end;
    const char *text, *line_start;
    uint32_t line, first_col;
    char *err;
    size_t errlen;
    sr_status fail;
} jparse;

/* Build-time sibling links, kept outside json_value so finished nodes carry
 * no dead fields. */
typedef struct jnode {
    json_value v;
    struct jnode *next;
} jnode;

static uint32_t col_of(const jparse *j)
{
    if (j->line_start == j->text)
        return (uint32_t)(j->p - j->text) + j->first_col;
    return (uint32_t)(j->p - j->line_start) + 1;
}

static sr_status jfail(jparse *j, const char *why)
{
    if (j->err && j->errlen)
        snprintf(j->err, j->errlen, "%lu:%lu: %s", (unsigned long)j->line, (unsigned long)col_of(j),
                 why);
    j->fail = SR_EFORMAT;
    return SR_EFORMAT;
}

static sr_status jnomem(jparse *j)
{
    if (j->err && j->errlen)
        snprintf(j->err, j->errlen, "%lu:%lu: out of memory", (unsigned long)j->line,
                 (unsigned long)col_of(j));
    j->fail = SR_ENOMEM;
    return SR_ENOMEM;
}

static void skip_ws(jparse *j)
{
    while (j->p < j->end) {
        char c = *j->p;
        if (c == '\n') {
            j->p++;
            j->line++;
            j->line_start = j->p;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            j->p++;
        } else {
            break;
        }
    }
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

/* Length of the valid UTF-8 sequence at P (lead byte >= 0x80), or 0
 * (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF). */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/* Parses the string at j->p (on the opening quote) into *OUT / *OUTLEN. */
static sr_status parse_string(jparse *j, const char **out, size_t *outlen)
{
    const char *s = ++j->p;
    /* pass 1: find the closing quote and validate raw bytes */
    const char *q = s;
    while (q < j->end && *q != '"') {
        unsigned char c = (unsigned char)*q;
        if (c == '\\') {
            if (j->end - q < 2) {
                j->p = q;
                return jfail(j, "unterminated string");
            }
            q += 2;
        } else if (c < 0x20) {
            j->p = q;
            return jfail(j, "control character inside a string");
        } else if (c >= 0x80) {
            size_t n = utf8_seq((const unsigned char *)q, (const unsigned char *)j->end);
            if (!n) {
                j->p = q;
                return jfail(j, "invalid UTF-8 inside a string");
            }
            q += n;
        } else {
            q++;
        }
    }
    if (q >= j->end) {
        j->p = q;
        return jfail(j, "unterminated string");
    }
    size_t raw = (size_t)(q - s);
    char *buf = sr_arena_alloc(j->a, raw + 1);
    if (!buf)
        return jnomem(j);
    char *o = buf;
    /* pass 2: decode escapes */
    while (j->p < q) {
        const char *run = j->p;
        while (j->p < q && *j->p != '\\')
            j->p++;
        memcpy(o, run, (size_t)(j->p - run));
        o += j->p - run;
        if (j->p >= q)
            break;
        char e = j->p[1];
        j->p += 2;
        switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp;
            if (q - j->p < 4 || hex4(j->p, &cp)) {
                j->p -= 2;
                return jfail(j, "bad \\u escape");
            }
            j->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && q - j->p >= 6 && j->p[0] == '\\' &&
                j->p[1] == 'u') {
                unsigned lo;
                if (!hex4(j->p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    j->p += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
            o = put_utf8(o, cp);
            break;
        }
        default: j->p -= 2; return jfail(j, "unknown escape");
        }
    }
    j->p = q + 1;
    *o = '\0';
    size_t n = (size_t)(o - buf);
    sr_arena_shrink(j->a, buf, raw + 1, n + 1);
    *out = buf;
    *outlen = n;
    return SR_OK;
}

static sr_status parse_number(jparse *j, json_value *v)
{
    const char *s = j->p;
    int is_int = 1;
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
        is_int = 0;
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return jfail(j, "bad number");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        is_int = 0;
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return jfail(j, "bad number");
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    char *lit = sr_arena_strndup(j->a, s, (size_t)(j->p - s));
    if (!lit)
        return jnomem(j);
    v->type = JSON_NUMBER;
    v->str = lit;
    v->len = (size_t)(j->p - s);
    v->num = strtod(lit, NULL); /* the library never changes LC_NUMERIC */
    v->is_int = is_int;
    return SR_OK;
}

static sr_status parse_literal(jparse *j, const char *word, json_type t, json_value *v)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n))
        return jfail(j, "unexpected character");
    j->p += n;
    v->type = t;
    return SR_OK;
}

/* One open container. */
typedef struct jframe {
    jnode *node;
    jnode *head, *tail;
    size_t n;
    const char *key; /* pending member name (objects) */
    size_t key_len;
} jframe;

static sr_status parse_key(jparse *j, jframe *f)
{
    skip_ws(j);
    if (j->p >= j->end || *j->p != '"')
        return jfail(j, "expected a key");
    if (parse_string(j, &f->key, &f->key_len))
        return j->fail;
    skip_ws(j);
    if (j->p >= j->end || *j->p != ':')
        return jfail(j, "expected ':'");
    j->p++;
    return SR_OK;
}

static sr_status close_frame(jparse *j, jframe *f)
{
    json_value *v = &f->node->v;
    v->len = f->n;
    if (f->n) {
        v->items = sr_arena_calloc(j->a, f->n, sizeof *v->items);
        if (!v->items)
            return jnomem(j);
        size_t i = 0;
        for (jnode *c = f->head; c; c = c->next)
            v->items[i++] = &c->v;
    }
    return SR_OK;
}

sr_status json_parse(sr_arena *a, const char *text, size_t len, uint32_t first_line,
                     uint32_t first_col, json_value **out, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!a || (!text && len) || !out)
        return SR_EINVAL;
    *out = NULL;
    jparse j = {
        a,   text,   text + len, text, text, first_line ? first_line : 1, first_col ? first_col : 1,
        err, errlen, SR_OK};
    jframe stack[JSON_MAX_DEPTH];
    int depth = 0;
    jnode *root = NULL;
    for (;;) {
        skip_ws(&j);
        if (j.p >= j.end)
            return jfail(&j, depth ? "unexpected end of input" : "no JSON value");
        jnode *node = sr_arena_calloc(a, 1, sizeof *node);
        if (!node)
            return jnomem(&j);
        json_value *v = &node->v;
        v->line = j.line;
        v->col = col_of(&j);
        char c = *j.p;
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH)
                return jfail(&j, "nesting deeper than 256");
            v->type = c == '{' ? JSON_OBJECT : JSON_ARRAY;
            j.p++;
            jframe *f = &stack[depth++];
            memset(f, 0, sizeof *f);
            f->node = node;
            skip_ws(&j);
            if (j.p < j.end && *j.p == (c == '{' ? '}' : ']')) {
                j.p++;
                depth--;
            } else {
                if (c == '{' && parse_key(&j, f))
                    return j.fail;
                continue;
            }
        } else if (c == '"') {
            v->type = JSON_STRING;
            if (parse_string(&j, &v->str, &v->len))
                return j.fail;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (parse_number(&j, v))
                return j.fail;
        } else if (c == 't') {
            if (parse_literal(&j, "true", JSON_TRUE, v))
                return j.fail;
        } else if (c == 'f') {
            if (parse_literal(&j, "false", JSON_FALSE, v))
                return j.fail;
        } else if (c == 'n') {
            if (parse_literal(&j, "null", JSON_NULL, v))
                return j.fail;
        } else {
            return jfail(&j, "unexpected character");
        }
        /* NODE is complete: attach it, then close every container that ends
         * here. */
        for (;;) {
            if (!depth) {
                root = node;
                break;
            }
            jframe *f = &stack[depth - 1];
            node->v.key = f->key;
            node->v.key_len = f->key_len;
            f->key = NULL;
            if (f->tail)
                f->tail->next = node;
            else
                f->head = node;
            f->tail = node;
            f->n++;
            skip_ws(&j);
            if (j.p >= j.end)
                return jfail(&j, "unexpected end of input");
            int is_obj = f->node->v.type == JSON_OBJECT;
            if (*j.p == ',') {
                j.p++;
                if (is_obj && parse_key(&j, f))
                    return j.fail;
                break; /* parse the next member */
            }
            if (*j.p != (is_obj ? '}' : ']'))
                return jfail(&j, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
            j.p++;
            if (close_frame(&j, f))
                return j.fail;
            node = f->node;
            depth--;
        }
        if (root)
            break;
    }
    skip_ws(&j);
    if (j.p < j.end)
        return jfail(&j, "trailing characters after the JSON value");
    *out = &root->v;
    return SR_OK;
}

const json_value *json_get(const json_value *obj, const char *key)
{
    if (!obj || obj->type != JSON_OBJECT || !key)
        return NULL;
    size_t n = strlen(key);
    for (size_t i = obj->len; i-- > 0;) {
        const json_value *m = obj->items[i];
        if (m->key_len == n && !memcmp(m->key, key, n))
            return m;
    }
    return NULL;
}

static json_value *clone_rec(sr_arena *a, const json_value *v)
{
    json_value *c = sr_arena_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *v;
    c->key = NULL;
    c->key_len = 0;
    if (v->key && !(c->key = sr_arena_strndup(a, v->key, v->key_len)))
        return NULL;
    c->key_len = v->key_len;
    if (v->str && !(c->str = sr_arena_strndup(a, v->str, v->len)))
        return NULL;
    if (v->items && v->len) {
        c->items = sr_arena_calloc(a, v->len, sizeof *c->items);
        if (!c->items)
            return NULL;
        for (size_t i = 0; i < v->len; i++)
            if (!(c->items[i] = clone_rec(a, v->items[i])))
                return NULL;
    }
    return c;
}

sr_status json_clone(sr_arena *a, const json_value *v, json_value **out)
{
    if (!a || !out)
        return SR_EINVAL;
    *out = NULL;
    if (!v)
        return SR_OK;
    *out = clone_rec(a, v);
    return *out ? SR_OK : SR_ENOMEM;
}
