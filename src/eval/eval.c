/* eval.c - the event scorer: a C port of score.py's --events mode.
 *
 * score.py is the reference (shared/eval/score.py); every rule here mirrors
 * one of its lines, including Python's semantics where they matter to the
 * figures: truthiness ("x or y"), str() of non-string values before folding
 * (True -> "True", 1.0 -> "1.0"), numeric equality across int and float,
 * dict look-ups keeping the last duplicate key, and date.fromisoformat of
 * Python 3.11 (which also takes 20200624 and 2020-W26-3).  Python's
 * behaviour is followed even where it looks odd, because the point is that
 * both scorers print the same numbers.
 *
 * Name folding does not use sr_fold or sr_normalize: those fold harder
 * (case folding, transliteration skeletons) than score.py's fold(), and a
 * looser fold here would score matches the reference scorer rejects.
 *
 * Known departures, all on input where score.py crashes or exits instead:
 * malformed events lines are skipped with a diagnostic; non-object lines
 * likewise; non-numeric fatalities count 0 in document totals (with a
 * diagnostic); NaN/Infinity literals are rejected; gold document ids must
 * be strings.  str() of a list or dict is approximated (no duplicate-key
 * merging); such values never equal a gold spelling in practice.
 *
 * Work happens in three arenas: WORK (gold tree and the extracted events,
 * freed on return), LINE (one events line, reset per line) and the
 * result's own arena (strings the caller reads). */
#include "sitrep/eval.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "eval/json.h"
#include "sitrep/arena.h"

/* Longest events line.  A coded event is a few KB; a longer line is not an
 * event and is skipped rather than buffered. */
#define EVAL_MAX_LINE (64u << 20)

/* Longest string folded.  NFKD can expand 18x (U+FDFA) and each UTF-16 unit
 * takes 2 bytes, so this bounds the scratch at about 150 MiB.  Longer
 * strings fail the line (events) or the run (gold). */
#define EVAL_MAX_FOLD (4u << 20)

/* Cap on the work arena: the gold tree plus about 300 bytes per event. */
#define EVAL_WORK_CAP ((size_t)1 << 30)

typedef struct estr {
    const char *s;
    size_t n;
} estr;

typedef struct estr_vec {
    estr *v;
    size_t n, cap;
} estr_vec;

typedef struct sys_event {
    size_t doc;       /* gold doc whose id equals doc_id */
    size_t doc_class; /* first gold doc whose folded id equals doc_id's */
    uint32_t line;
    estr type; /* folded sub_event_type / event_type / type */
    estr *names;
    size_t n_names;
    estr *places;
    size_t n_places;
    int has_date;
    long date;              /* days since 0001-01-01 */
    json_value *fatalities; /* NULL when absent */
    int historical;
    estr certainty; /* folded */
    estr *evidence; /* squashed */
    size_t n_evidence;
} sys_event;

typedef struct want_set {
    estr *v;
    size_t n;
} want_set;

typedef struct gold_event {
    const json_value *id;
    size_t doc, doc_class, index;
    int required;
    size_t n_types_raw;
    estr *types;
    want_set *actors;
    size_t n_actors;
    int has_date;
    long date;
    double tol;
    estr *locs;
    size_t n_locs;
    const json_value *fatalities; /* valid when has_fatalities */
    int has_fatalities, historical, certainty;
} gold_event;

typedef struct gold_doc {
    estr id;
    size_t doc_class;
    int has_df;
    estr *df_types;
    size_t n_df_types;
    const json_value *df_total;
} gold_doc;

typedef struct negative {
    const json_value *doc, *why;
    estr text; /* squashed, first 40 code points */
} negative;

typedef struct actor_entry {
    estr key;
    want_set want;
} actor_entry;

typedef struct eval_ctx {
    const sr_mem *mem;
    sr_arena *work, *line, *res;
    const UNormalizer2 *nfkd, *nfkc;
    UChar *u[2];
    size_t ucap[2];
    sr_buf tmp;
    estr_vec vec;
    char *err;
    size_t errlen;
    sr_eval_result *out;
    const char *gold_path, *events_path;

    gold_doc *docs;
    size_t n_docs;
    size_t *doc_order; /* docs sorted by id, for look-up */
    gold_event *gold;
    size_t n_gold;
    negative *negs;
    size_t n_negs;
    actor_entry *actors;
    size_t n_actors;

    sys_event *ev;
    size_t n_ev, cap_ev;
} eval_ctx;

/* ---- small helpers ---------------------------------------------------- */

static sr_status fail(eval_ctx *cx, sr_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static sr_status fail(eval_ctx *cx, sr_status st, const char *fmt, ...)
{
    if (cx->err && cx->errlen && !cx->err[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(cx->err, cx->errlen, fmt, ap);
        va_end(ap);
    }
    return st;
}

static sr_status nomem(eval_ctx *cx)
{
    return fail(cx, SR_ENOMEM, "out of memory");
}

static int estr_eq(estr a, estr b)
{
    return a.n == b.n && (a.n == 0 || !memcmp(a.s, b.s, a.n));
}

static int estr_eq_c(estr a, const char *s)
{
    return estr_eq(a, (estr){s, strlen(s)});
}

/* str.isspace() / regex \s on str, from CPython 3.11's tables. */
static int py_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static char *put_utf8(char *o, uint32_t cp)
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

/* Decodes one code point of valid UTF-8 at S (the JSON parser validated). */
static uint32_t get_utf8(const unsigned char *s, size_t n, size_t *adv)
{
    uint32_t c = s[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (k > n) {
        *adv = 1;
        return 0xFFFD;
    }
    if (k == 2)
        c &= 0x1F;
    else if (k == 3)
        c &= 0x0F;
    else if (k == 4)
        c &= 0x07;
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *adv = k;
    return c;
}

static sr_status vec_push(eval_ctx *cx, estr s)
{
    estr_vec *v = &cx->vec;
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 16;
        estr *p = cx->mem->resize(v->v, nc * sizeof *p, cx->mem->ctx);
        if (!p)
            return nomem(cx);
        v->v = p;
        v->cap = nc;
    }
    v->v[v->n++] = s;
    return SR_OK;
}

/* Moves vec[from..] into arena A and truncates the vector back to FROM. */
static sr_status vec_take(eval_ctx *cx, size_t from, sr_arena *a, estr **out, size_t *n)
{
    size_t k = cx->vec.n - from;
    *out = NULL;
    *n = k;
    if (k) {
        *out = sr_arena_calloc(a, k, sizeof **out);
        if (!*out)
            return nomem(cx);
        memcpy(*out, cx->vec.v + from, k * sizeof **out);
    }
    cx->vec.n = from;
    return SR_OK;
}

static sr_status ubuf(eval_ctx *cx, int i, size_t units)
{
    if (cx->ucap[i] >= units)
        return SR_OK;
    size_t nc = cx->ucap[i] ? cx->ucap[i] : 256;
    while (nc < units)
        nc *= 2;
    UChar *p = cx->mem->resize(cx->u[i], nc * sizeof(UChar), cx->mem->ctx);
    if (!p)
        return nomem(cx);
    cx->u[i] = p;
    cx->ucap[i] = nc;
    return SR_OK;
}

/* ---- Python truthiness, str() and equality ----------------------------- */

static int py_truthy(const json_value *v)
{
    if (!v)
        return 0;
    switch (v->type) {
    case JSON_NULL:
    case JSON_FALSE: return 0;
    case JSON_TRUE: return 1;
    case JSON_NUMBER: return v->num != 0;
    default: return v->len != 0;
    }
}

/* Python's "a or b": A when truthy, else B. */
static const json_value *py_or(const json_value *a, const json_value *b)
{
    return py_truthy(a) ? a : b;
}

/* repr(float) of CPython: the shortest digits that round-trip, in fixed
 * notation for exponents -4..15 and scientific otherwise. */
static void py_float_repr(double x, char out[40])
{
    if (isnan(x)) {
        strcpy(out, "nan");
        return;
    }
    if (isinf(x)) {
        strcpy(out, x > 0 ? "inf" : "-inf");
        return;
    }
    if (x == 0) {
        strcpy(out, signbit(x) ? "-0.0" : "0.0");
        return;
    }
    char e[48];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec - 1, x);
        if (strtod(e, NULL) == x)
            break;
    }
    const char *p = e;
    char *o = out;
    if (*p == '-')
        *o++ = *p++;
    char dig[24];
    int nd = 0;
    while (*p && *p != 'e') {
        if (*p != '.')
            dig[nd++] = *p;
        p++;
    }
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    int exp = atoi(p + 1);
    if (exp < -4 || exp >= 16) {
        *o++ = dig[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, dig + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        sprintf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    int decpt = exp + 1;
    if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++)
            *o++ = '0';
        memcpy(o, dig, (size_t)nd);
        o += nd;
    } else if (decpt >= nd) {
        memcpy(o, dig, (size_t)nd);
        o += nd;
        for (int i = nd; i < decpt; i++)
            *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, dig, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, dig + decpt, (size_t)(nd - decpt));
        o += nd - decpt;
    }
    *o = '\0';
}

/* Python's repr() of a str: quote choice and escapes as CPython does. */
static void py_repr_str(sr_buf *b, const char *s, size_t n)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    sr_buf_putc(b, q);
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t c = get_utf8((const unsigned char *)s + i, n - i, &adv);
        if (c == (uint32_t)q || c == '\\') {
            sr_buf_putc(b, '\\');
            sr_buf_putc(b, (char)c);
        } else if (c == '\t') {
            sr_buf_puts(b, "\\t");
        } else if (c == '\n') {
            sr_buf_puts(b, "\\n");
        } else if (c == '\r') {
            sr_buf_puts(b, "\\r");
        } else if (c < 0x20 || c == 0x7F) {
            sr_buf_printf(b, "\\x%02x", c);
        } else if (c < 0x80) {
            sr_buf_putc(b, (char)c);
        } else {
            int t = u_charType((UChar32)c);
            int printable =
                !(t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_SURROGATE ||
                  t == U_PRIVATE_USE_CHAR || t == U_UNASSIGNED || t == U_LINE_SEPARATOR ||
                  t == U_PARAGRAPH_SEPARATOR || t == U_SPACE_SEPARATOR);
            if (printable)
                sr_buf_append(b, s + i, adv);
            else if (c < 0x100)
                sr_buf_printf(b, "\\x%02x", c);
            else if (c < 0x10000)
                sr_buf_printf(b, "\\u%04x", c);
            else
                sr_buf_printf(b, "\\U%08x", c);
        }
        i += adv;
    }
    sr_buf_putc(b, q);
}

static int int_is_zero(const json_value *v)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->str[i] >= '1' && v->str[i] <= '9')
            return 0;
    return 1;
}

/* Appends Python's str(V) (REPR = 1: repr(V), as inside containers).  NULL
 * (absent) prints as None. */
static void py_str(sr_buf *b, const json_value *v, int repr)
{
    char f[40];
    if (!v || v->type == JSON_NULL) {
        sr_buf_puts(b, "None");
        return;
    }
    switch (v->type) {
    case JSON_FALSE: sr_buf_puts(b, "False"); break;
    case JSON_TRUE: sr_buf_puts(b, "True"); break;
    case JSON_NUMBER:
        if (v->is_int) {
            if (int_is_zero(v))
                sr_buf_putc(b, '0');
            else
                sr_buf_append(b, v->str, v->len);
        } else {
            py_float_repr(v->num, f);
            sr_buf_puts(b, f);
        }
        break;
    case JSON_STRING:
        if (repr)
            py_repr_str(b, v->str, v->len);
        else
            sr_buf_append(b, v->str, v->len);
        break;
    case JSON_ARRAY:
    case JSON_OBJECT: {
        int obj = v->type == JSON_OBJECT;
        sr_buf_putc(b, obj ? '{' : '[');
        for (size_t i = 0; i < v->len; i++) {
            if (i)
                sr_buf_puts(b, ", ");
            if (obj) {
                py_repr_str(b, v->items[i]->key, v->items[i]->key_len);
                sr_buf_puts(b, ": ");
            }
            py_str(b, v->items[i], 1);
        }
        sr_buf_putc(b, obj ? '}' : ']');
        break;
    }
    default: break;
    }
}

/* A Python number: int (exact up to int64) or float. */
typedef struct pynum {
    int is_float;
    int64_t i;
    double f;
} pynum;

static int py_number(const json_value *v, pynum *n)
{
    if (!v)
        return 0;
    if (v->type == JSON_TRUE || v->type == JSON_FALSE) {
        *n = (pynum){0, v->type == JSON_TRUE, 0};
        return 1;
    }
    if (v->type != JSON_NUMBER)
        return 0;
    if (v->is_int) {
        errno = 0;
        long long x = strtoll(v->str, NULL, 10);
        if (errno != ERANGE) {
            *n = (pynum){0, (int64_t)x, 0};
            return 1;
        }
    }
    *n = (pynum){1, 0, v->num};
    return 1;
}

static int pynum_eq(pynum a, pynum b)
{
    if (!a.is_float && !b.is_float)
        return a.i == b.i;
    double x = a.is_float ? a.f : (double)a.i, y = b.is_float ? b.f : (double)b.i;
    return x == y;
}

static int key_cmp(const void *pa, const void *pb)
{
    const json_value *a = *(const json_value *const *)pa, *b = *(const json_value *const *)pb;
    size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
    int c = n ? memcmp(a->key, b->key, n) : 0;
    if (c)
        return c;
    return a->key_len < b->key_len ? -1 : a->key_len > b->key_len;
}

static size_t distinct_keys(eval_ctx *cx, const json_value *o, int *oom)
{
    if (o->len < 2)
        return o->len;
    const json_value **k = sr_arena_calloc(cx->line, o->len, sizeof *k);
    if (!k) {
        *oom = 1;
        return 0;
    }
    memcpy(k, o->items, o->len * sizeof *k);
    qsort(k, o->len, sizeof *k, key_cmp);
    size_t d = 1;
    for (size_t i = 1; i < o->len; i++)
        d += key_cmp(&k[i - 1], &k[i]) != 0;
    return d;
}

/* Python's a == b on JSON-derived values; NULL is None.  Objects compare as
 * dicts (last duplicate wins): O(n log n) per object. */
static int py_equal(eval_ctx *cx, const json_value *a, const json_value *b, int *oom)
{
    int an = !a || a->type == JSON_NULL, bn = !b || b->type == JSON_NULL;
    if (an || bn)
        return an && bn;
    pynum x, y;
    int ax = py_number(a, &x), by = py_number(b, &y);
    if (ax || by)
        return ax && by && pynum_eq(x, y);
    if (a->type != b->type)
        return 0;
    if (a->type == JSON_STRING)
        return a->len == b->len && !memcmp(a->str, b->str, a->len);
    if (a->type == JSON_ARRAY) {
        if (a->len != b->len)
            return 0;
        for (size_t i = 0; i < a->len; i++)
            if (!py_equal(cx, a->items[i], b->items[i], oom))
                return 0;
        return 1;
    }
    /* objects */
    if (distinct_keys(cx, a, oom) != distinct_keys(cx, b, oom))
        return 0;
    for (size_t i = 0; i < a->len; i++) {
        const json_value *m = a->items[i], *o = NULL;
        for (size_t j = b->len; j-- > 0;)
            if (b->items[j]->key_len == m->key_len &&
                !memcmp(b->items[j]->key, m->key, m->key_len)) {
                o = b->items[j];
                break;
            }
        if (!o)
            return 0;
        char *k = sr_arena_strndup(cx->line, m->key, m->key_len);
        if (!k) {
            *oom = 1;
            return 0;
        }
        if (!py_equal(cx, json_get(a, k), o, oom))
            return 0;
    }
    return 1;
}

/* ---- fold() and squash() ---------------------------------------------- */

enum { MODE_FOLD, MODE_SQUASH };

/* The character steps of fold() after lower(): drop quotes, punctuation to
 * a space, collapse white space, strip.  SQUASH only collapses and strips. */
typedef struct emitter {
    char *o;
    int started, pending, mode;
} emitter;

static void emit(emitter *e, uint32_t c)
{
    if (e->mode == MODE_FOLD) {
        switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x02BC:
        case 0x02BF:
        case 0x02BE:
        case '\'':
        case '`':
        case '"':
        case 0x201C:
        case 0x201D: return;
        case '-':
        case '_':
        case '/':
        case '.':
        case ',':
        case '(':
        case ')': c = ' '; break;
        default: break;
        }
    }
    if (py_space(c)) {
        if (e->started)
            e->pending = 1;
        return;
    }
    if (e->pending)
        *e->o++ = ' ';
    e->pending = 0;
    e->started = 1;
    e->o = put_utf8(e->o, c);
}

/* fold(S) of score.py (MODE_FOLD) or squash(S) (MODE_SQUASH), into arena
 * A.  fold: NFKD, drop code points of non-zero canonical combining class
 * (unicodedata.combining), str.lower() (ICU root lower case: full mappings
 * and final sigma, as Python's), then the regex steps, then one leading
 * article.  squash: NFKC, collapse, strip.  O(n). */
static sr_status fold_text(eval_ctx *cx, const char *s, size_t n, int mode, sr_arena *a, estr *out)
{
    if (n > EVAL_MAX_FOLD)
        return fail(cx, SR_ETOOBIG, "a string longer than %u bytes", EVAL_MAX_FOLD);
    size_t ascii = 0;
    while (ascii < n && (unsigned char)s[ascii] < 0x80)
        ascii++;
    char *buf;
    size_t cap;
    emitter e = {NULL, 0, 0, mode};
    if (ascii == n) {
        cap = n + 1;
        if (!(buf = sr_arena_alloc(a, cap)))
            return nomem(cx);
        e.o = buf;
        for (size_t i = 0; i < n; i++) {
            uint32_t c = (unsigned char)s[i];
            if (mode == MODE_FOLD && c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            emit(&e, c);
        }
    } else {
        UErrorCode ue = U_ZERO_ERROR;
        if (ubuf(cx, 0, n + 1))
            return SR_ENOMEM;
        int32_t len16 = 0;
        u_strFromUTF8(cx->u[0], (int32_t)cx->ucap[0], &len16, s, (int32_t)n, &ue);
        if (U_FAILURE(ue))
            return fail(cx, SR_EFORMAT, "invalid UTF-8 in a string");
        const UNormalizer2 *nf = mode == MODE_FOLD ? cx->nfkd : cx->nfkc;
        int32_t len = unorm2_normalize(nf, cx->u[0], len16, cx->u[1], (int32_t)cx->ucap[1], &ue);
        if (ue == U_BUFFER_OVERFLOW_ERROR) {
            ue = U_ZERO_ERROR;
            if (ubuf(cx, 1, (size_t)len + 1))
                return SR_ENOMEM;
            len = unorm2_normalize(nf, cx->u[0], len16, cx->u[1], (int32_t)cx->ucap[1], &ue);
        }
        if (U_FAILURE(ue))
            return fail(cx, SR_ENOMEM, "Unicode normalisation failed: %s", u_errorName(ue));
        UChar *cur = cx->u[1];
        if (mode == MODE_FOLD) {
            /* drop combining marks in place, then lower into u[0] */
            int32_t w = 0;
            for (int32_t i = 0; i < len;) {
                UChar32 c;
                int32_t at = i;
                U16_NEXT(cur, i, len, c);
                if (u_getCombiningClass(c) != 0)
                    continue;
                while (at < i)
                    cur[w++] = cur[at++];
            }
            len = w;
            int32_t need = u_strToLower(cx->u[0], (int32_t)cx->ucap[0], cur, len, "", &ue);
            if (ue == U_BUFFER_OVERFLOW_ERROR) {
                ue = U_ZERO_ERROR;
                if (ubuf(cx, 0, (size_t)need + 1))
                    return SR_ENOMEM;
                need = u_strToLower(cx->u[0], (int32_t)cx->ucap[0], cur, len, "", &ue);
            }
            if (U_FAILURE(ue))
                return fail(cx, SR_ENOMEM, "lower-casing failed: %s", u_errorName(ue));
            cur = cx->u[0];
            len = need;
        }
        cap = (size_t)len * 3 + 1;
        if (!(buf = sr_arena_alloc(a, cap)))
            return nomem(cx);
        e.o = buf;
        for (int32_t i = 0; i < len;) {
            UChar32 c;
            U16_NEXT(cur, i, len, c);
            emit(&e, (uint32_t)c);
        }
    }
    *e.o = '\0';
    size_t used = (size_t)(e.o - buf);
    sr_arena_shrink(a, buf, cap, used + 1);
    out->s = buf;
    out->n = used;
    if (mode == MODE_FOLD) {
        /* ^(the|al|el|ad|ar|as|an|at|az)\s+ -- after collapsing, one space */
        static const char *const articles[] = {"the", "al", "el", "ad", "ar",
                                               "as",  "an", "at", "az"};
        for (size_t k = 0; k < sizeof articles / sizeof *articles; k++) {
            size_t m = strlen(articles[k]);
            if (used > m && !memcmp(buf, articles[k], m) && buf[m] == ' ') {
                out->s = buf + m + 1;
                out->n = used - m - 1;
                break;
            }
        }
    }
    return SR_OK;
}

/* fold(V) where V is any JSON value: fold(None) is "", others go through
 * str() first. */
static sr_status fold_value(eval_ctx *cx, const json_value *v, sr_arena *a, estr *out)
{
    if (!v || v->type == JSON_NULL) {
        *out = (estr){"", 0};
        return SR_OK;
    }
    if (v->type == JSON_STRING)
        return fold_text(cx, v->str, v->len, MODE_FOLD, a, out);
    sr_buf_clear(&cx->tmp);
    py_str(&cx->tmp, v, 0);
    if (cx->tmp.status)
        return nomem(cx);
    return fold_text(cx, cx->tmp.data, cx->tmp.len, MODE_FOLD, a, out);
}

/* as_list(V), each item folded and pushed on cx->vec.  Recursion follows
 * the JSON nesting, so it is bounded by JSON_MAX_DEPTH. */
static sr_status as_list_folded(eval_ctx *cx, const json_value *v, sr_arena *a)
{
    if (!v || v->type == JSON_NULL)
        return SR_OK;
    if (v->type == JSON_ARRAY) {
        for (size_t i = 0; i < v->len; i++) {
            sr_status st = as_list_folded(cx, v->items[i], a);
            if (st)
                return st;
        }
        return SR_OK;
    }
    if (v->type == JSON_OBJECT)
        return as_list_folded(cx, py_or(json_get(v, "name"), json_get(v, "text")), a);
    const char *s;
    size_t n;
    if (v->type == JSON_STRING) {
        s = v->str;
        n = v->len;
    } else {
        sr_buf_clear(&cx->tmp);
        py_str(&cx->tmp, v, 0);
        if (cx->tmp.status)
            return nomem(cx);
        char *c = sr_arena_strndup(cx->line, cx->tmp.data, cx->tmp.len);
        if (!c)
            return nomem(cx);
        s = c;
        n = cx->tmp.len;
    }
    /* [p.strip() for p in s.split(";") if p.strip()] */
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != ';')
            continue;
        size_t b = start, e = i;
        while (b < e) {
            size_t adv;
            uint32_t c = get_utf8((const unsigned char *)s + b, e - b, &adv);
            if (!py_space(c))
                break;
            b += adv;
        }
        while (e > b) {
            size_t k = e - 1;
            while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            size_t adv;
            uint32_t c = get_utf8((const unsigned char *)s + k, e - k, &adv);
            if (!py_space(c))
                break;
            e = k;
        }
        if (e > b) {
            estr f;
            sr_status st = fold_text(cx, s + b, e - b, MODE_FOLD, a, &f);
            if (st || (st = vec_push(cx, f)))
                return st;
        }
        start = i + 1;
    }
    return SR_OK;
}

/* ---- dates: Python 3.11 date.fromisoformat(str(s)[:10]) --------------- */

static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468; /* days since 1970-01-01 */
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static const char *digits(const char *p, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return NULL;
        *v = *v * 10 + (p[i] - '0');
    }
    return p + n;
}

/* CPython 3.11 parse_isoformat_date + iso_to_ymd on a NUL-terminated S of
 * LEN bytes (7, 8 or 10); trailing bytes are ignored as CPython does. */
static int iso_date(const char *s, size_t len, long *days)
{
    int year, month = 0, day = 0;
    const char *p = digits(s, 4, &year);
    if (!p)
        return 0;
    int sep = *p == '-';
    p += sep;
    if (*p == 'W') {
        int week, wday = 1;
        if (!(p = digits(p + 1, 2, &week)))
            return 0;
        if ((size_t)(p - s) < len) {
            if (sep && *p++ != '-')
                return 0;
            if (!(p = digits(p, 1, &wday)))
                return 0;
        }
        if (year < 1 || year > 9999)
            return 0;
        long jan1 = days_from_civil(year, 1, 1);
        long wd = ((jan1 % 7) + 7 + 3) % 7; /* Monday = 0; 1970-01-01 was a Thursday */
        if (week <= 0 || week >= 53) {
            if (!(week == 53 && (wd == 3 || (wd == 2 && is_leap(year)))))
                return 0;
        }
        if (wday <= 0 || wday >= 8)
            return 0;
        long monday = jan1 - wd + (wd > 3 ? 7 : 0);
        long z = monday + (week - 1) * 7 + wday - 1, y, m, d;
        civil_from_days(z, &y, &m, &d);
        if (y < 1 || y > 9999)
            return 0;
        *days = z;
        return 1;
    }
    if (!(p = digits(p, 2, &month)))
        return 0;
    if (sep && *p++ != '-')
        return 0;
    if (!digits(p, 2, &day))
        return 0;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return 0;
    if (day > mdays[month - 1] + (month == 2 && is_leap(year)))
        return 0;
    *days = days_from_civil(year, month, day);
    return 1;
}

/* parse_date(V): None when V is falsy or not an ISO date. */
static int parse_date(eval_ctx *cx, const json_value *v, long *days)
{
    if (!py_truthy(v))
        return 0;
    const char *s;
    size_t n;
    if (v->type == JSON_STRING) {
        s = v->str;
        n = v->len;
    } else {
        sr_buf_clear(&cx->tmp);
        py_str(&cx->tmp, v, 0);
        if (cx->tmp.status)
            return 0;
        s = cx->tmp.data;
        n = cx->tmp.len;
    }
    /* str(s)[:10] counts code points; fromisoformat then sees UTF-8 bytes */
    size_t b = 0;
    for (int k = 0; k < 10 && b < n; k++) {
        b++;
        while (b < n && ((unsigned char)s[b] & 0xC0) == 0x80)
            b++;
    }
    if (b != 7 && b != 8 && b != 10)
        return 0;
    char z[16] = {0};
    memcpy(z, s, b);
    if (memchr(z, '\0', b))
        return 0;
    return iso_date(z, b, days);
}

/* ---- reading the gold and actors files -------------------------------- */

static sr_status read_file(eval_ctx *cx, const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(cx, SR_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = sr_arena_alloc(cx->work, cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = sr_arena_grow(cx->work, buf, cap, cap * 2);
        cap *= 2;
        buf = nb;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return fail(cx, SR_ENOMEM, "%s: too large to read", path);
    if (bad)
        return fail(cx, SR_EIO, "%s: read error", path);
    *text = buf;
    *len = n;
    return SR_OK;
}

static sr_status load_json_file(eval_ctx *cx, const char *path, const json_value **out)
{
    char *text = NULL;
    size_t len = 0;
    sr_status st = read_file(cx, path, &text, &len);
    if (st)
        return st;
    json_value *v;
    char e[160];
    st = json_parse(cx->work, text, len, 1, 1, &v, e, sizeof e);
    if (st)
        return fail(cx, st, "%s:%s", path, e);
    *out = v;
    return SR_OK;
}

static sr_status load_actors(eval_ctx *cx, const char *path)
{
    const json_value *raw;
    sr_status st = load_json_file(cx, path, &raw);
    if (st)
        return st;
    if (raw->type != JSON_OBJECT)
        return fail(cx, SR_EFORMAT, "%s: not a JSON object", path);
    cx->actors = sr_arena_calloc(cx->work, raw->len ? raw->len : 1, sizeof *cx->actors);
    if (!cx->actors)
        return nomem(cx);
    for (size_t i = 0; i < raw->len; i++) {
        const json_value *m = raw->items[i];
        if (m->key_len && m->key[0] == '_')
            continue;
        if (m->type != JSON_ARRAY)
            return fail(cx, SR_EFORMAT, "%s:%lu:%lu: the spellings of \"%s\" are not a list", path,
                        (unsigned long)m->line, (unsigned long)m->col, m->key);
        size_t mark = cx->vec.n;
        for (size_t k = 0; k <= m->len; k++) {
            estr f;
            st = k < m->len ? fold_value(cx, m->items[k], cx->work, &f)
                            : fold_text(cx, m->key, m->key_len, MODE_FOLD, cx->work, &f);
            if (st || (st = vec_push(cx, f)))
                return st;
        }
        actor_entry *a = &cx->actors[cx->n_actors++];
        a->key = (estr){m->key, m->key_len};
        if ((st = vec_take(cx, mark, cx->work, &a->want.v, &a->want.n)))
            return st;
    }
    return SR_OK;
}

/* Actors.match's accepted set for gold key K (the last entry wins). */
static sr_status want_for(eval_ctx *cx, const json_value *k, want_set *out)
{
    if (k->type == JSON_STRING)
        for (size_t i = cx->n_actors; i-- > 0;)
            if (estr_eq(cx->actors[i].key, (estr){k->str, k->len})) {
                *out = cx->actors[i].want;
                return SR_OK;
            }
    if (k->type == JSON_ARRAY || k->type == JSON_OBJECT)
        return fail(cx, SR_EFORMAT, "%s:%lu:%lu: a gold actor key must be a string", cx->gold_path,
                    (unsigned long)k->line, (unsigned long)k->col);
    out->v = sr_arena_alloc(cx->work, sizeof *out->v);
    if (!out->v)
        return nomem(cx);
    out->n = 1;
    return fold_value(cx, k, cx->work, out->v);
}

static sr_status gold_err(eval_ctx *cx, const json_value *at, const char *what)
{
    return fail(cx, SR_EFORMAT, "%s:%lu:%lu: %s", cx->gold_path, (unsigned long)at->line,
                (unsigned long)at->col, what);
}

/* {fold(x) for x in V} for a gold list V, pushed on cx->vec. */
static sr_status fold_list(eval_ctx *cx, const json_value *v)
{
    for (size_t i = 0; i < v->len; i++) {
        estr f;
        sr_status st = fold_value(cx, v->items[i], cx->work, &f);
        if (st || (st = vec_push(cx, f)))
            return st;
    }
    return SR_OK;
}

static sr_status load_gold_event(eval_ctx *cx, const json_value *g, size_t doc, gold_event *ge)
{
    sr_status st;
    if (g->type != JSON_OBJECT)
        return gold_err(cx, g, "a gold event is not an object");
    ge->doc = doc;
    ge->doc_class = cx->docs[doc].doc_class;
    const json_value *types = json_get(g, "types"), *req = json_get(g, "required");
    if (!types || types->type != JSON_ARRAY)
        return gold_err(cx, g, "gold event without a \"types\" list");
    if (!req)
        return gold_err(cx, g, "gold event without \"required\"");
    ge->required = py_truthy(req);
    ge->id = json_get(g, "id");
    if (ge->required && !ge->id)
        return gold_err(cx, g, "required gold event without \"id\"");
    ge->n_types_raw = types->len;
    size_t mark = cx->vec.n, nt;
    if ((st = fold_list(cx, types)) || (st = vec_take(cx, mark, cx->work, &ge->types, &nt)))
        return st;
    const json_value *actors = json_get(g, "actors");
    if (py_truthy(actors)) {
        if (actors->type != JSON_ARRAY)
            return gold_err(cx, actors, "gold \"actors\" is not a list");
        ge->actors = sr_arena_calloc(cx->work, actors->len, sizeof *ge->actors);
        if (!ge->actors)
            return nomem(cx);
        ge->n_actors = actors->len;
        for (size_t i = 0; i < actors->len; i++)
            if ((st = want_for(cx, actors->items[i], &ge->actors[i])))
                return st;
    }
    ge->has_date = parse_date(cx, json_get(g, "date"), &ge->date);
    if (ge->has_date) {
        const json_value *tol = json_get(g, "date_tol");
        pynum t;
        if (!tol)
            ge->tol = 1;
        else if (py_number(tol, &t))
            ge->tol = t.is_float ? t.f : (double)t.i;
        else
            return gold_err(cx, tol, "\"date_tol\" is not a number");
    }
    const json_value *loc = json_get(g, "location");
    if (py_truthy(loc)) {
        if (loc->type != JSON_ARRAY)
            return gold_err(cx, loc, "gold \"location\" is not a list");
        mark = cx->vec.n;
        if ((st = fold_list(cx, loc)) ||
            (st = vec_take(cx, mark, cx->work, &ge->locs, &ge->n_locs)))
            return st;
    }
    ge->fatalities = json_get(g, "fatalities");
    ge->has_fatalities = ge->fatalities != NULL;
    ge->historical = py_truthy(json_get(g, "historical"));
    ge->certainty = py_truthy(json_get(g, "certainty"));
    return SR_OK;
}

static int doc_id_cmp(const void *pa, const void *pb, void *ctx)
{
    const gold_doc *d = ctx;
    estr a = d[*(const size_t *)pa].id, b = d[*(const size_t *)pb].id;
    size_t n = a.n < b.n ? a.n : b.n;
    int c = n ? memcmp(a.s, b.s, n) : 0;
    if (c)
        return c;
    if (a.n != b.n)
        return a.n < b.n ? -1 : 1;
    return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

static sr_status load_gold(eval_ctx *cx)
{
    const json_value *root;
    sr_status st = load_json_file(cx, cx->gold_path, &root);
    if (st)
        return st;
    if (root->type != JSON_OBJECT)
        return gold_err(cx, root, "the gold file is not a JSON object");
    const json_value *docs = json_get(root, "docs");
    if (!docs || docs->type != JSON_ARRAY)
        return gold_err(cx, root, "the gold file has no \"docs\" list");
    cx->n_docs = docs->len;
    cx->docs = sr_arena_calloc(cx->work, docs->len + 1, sizeof *cx->docs);
    cx->doc_order = sr_arena_calloc(cx->work, docs->len + 1, sizeof *cx->doc_order);
    if (!cx->docs || !cx->doc_order)
        return nomem(cx);
    estr *folded = sr_arena_calloc(cx->work, docs->len + 1, sizeof *folded);
    if (!folded)
        return nomem(cx);
    size_t n_gold = 0;
    for (size_t i = 0; i < docs->len; i++) {
        const json_value *d = docs->items[i], *id = json_get(d, "id"), *ev = json_get(d, "events");
        if (d->type != JSON_OBJECT)
            return gold_err(cx, d, "a gold doc is not an object");
        if (!id || id->type != JSON_STRING)
            return gold_err(cx, d, "a gold doc's \"id\" is missing or not a string");
        if (!ev || ev->type != JSON_ARRAY)
            return gold_err(cx, d, "a gold doc has no \"events\" list");
        gold_doc *gd = &cx->docs[i];
        gd->id = (estr){id->str, id->len};
        if ((st = fold_text(cx, id->str, id->len, MODE_FOLD, cx->work, &folded[i])))
            return st;
        gd->doc_class = i;
        for (size_t k = 0; k < i; k++)
            if (estr_eq(folded[k], folded[i])) {
                gd->doc_class = cx->docs[k].doc_class;
                break;
            }
        cx->doc_order[i] = i;
        n_gold += ev->len;
        const json_value *df = json_get(d, "doc_fatalities");
        if (py_truthy(df)) {
            const json_value *t = json_get(df, "types");
            gd->df_total = json_get(df, "total");
            if (df->type != JSON_OBJECT || !t || t->type != JSON_ARRAY || !gd->df_total)
                return gold_err(cx, df,
                                "\"doc_fatalities\" needs a \"types\" list and a \"total\"");
            size_t mark = cx->vec.n;
            if ((st = fold_list(cx, t)) ||
                (st = vec_take(cx, mark, cx->work, &gd->df_types, &gd->n_df_types)))
                return st;
            gd->has_df = 1;
        }
    }
    qsort_r(cx->doc_order, cx->n_docs, sizeof *cx->doc_order, doc_id_cmp, cx->docs);
    cx->gold = sr_arena_calloc(cx->work, n_gold + 1, sizeof *cx->gold);
    if (!cx->gold)
        return nomem(cx);
    for (size_t i = 0; i < docs->len; i++) {
        const json_value *ev = json_get(docs->items[i], "events");
        for (size_t k = 0; k < ev->len; k++) {
            gold_event *ge = &cx->gold[cx->n_gold];
            ge->index = cx->n_gold++;
            if ((st = load_gold_event(cx, ev->items[k], i, ge)))
                return st;
        }
    }
    const json_value *negs = json_get(root, "negatives");
    if (negs) {
        if (negs->type != JSON_ARRAY)
            return gold_err(cx, negs, "\"negatives\" is not a list");
        cx->negs = sr_arena_calloc(cx->work, negs->len + 1, sizeof *cx->negs);
        if (!cx->negs)
            return nomem(cx);
        for (size_t i = 0; i < negs->len; i++) {
            const json_value *n = negs->items[i], *t = json_get(n, "text");
            negative *ng = &cx->negs[cx->n_negs++];
            ng->doc = json_get(n, "doc");
            ng->why = json_get(n, "why");
            if (!ng->doc || !t || t->type != JSON_STRING || !ng->why)
                return gold_err(cx, n, "a negative needs \"doc\", \"text\" (a string) and \"why\"");
            if ((st = fold_text(cx, t->str, t->len, MODE_SQUASH, cx->work, &ng->text)))
                return st;
            /* [:40] in code points */
            size_t b = 0;
            for (int k = 0; k < 40 && b < ng->text.n; k++) {
                b++;
                while (b < ng->text.n && ((unsigned char)ng->text.s[b] & 0xC0) == 0x80)
                    b++;
            }
            ng->text.n = b;
        }
    }
    return SR_OK;
}

/* ---- reading the events file ------------------------------------------ */

static void diag(eval_ctx *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void diag(eval_ctx *cx, const char *fmt, ...)
{
    sr_eval_result *r = cx->out;
    if (r->n_diags >= SR_EVAL_MAX_DIAGS)
        return;
    char m[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    char *s = sr_arena_strndup(cx->res, m, strlen(m));
    if (s)
        r->diags[r->n_diags++] = s;
}

static const gold_doc *find_doc(eval_ctx *cx, const json_value *id, size_t *idx)
{
    if (!id || id->type != JSON_STRING)
        return NULL;
    estr k = {id->str, id->len};
    size_t lo = 0, hi = cx->n_docs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        estr m = cx->docs[cx->doc_order[mid]].id;
        size_t n = m.n < k.n ? m.n : k.n;
        int c = n ? memcmp(m.s, k.s, n) : 0;
        if (!c)
            c = m.n < k.n ? -1 : m.n > k.n;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cx->n_docs && estr_eq(cx->docs[cx->doc_order[lo]].id, k)) {
        *idx = cx->doc_order[lo];
        return &cx->docs[*idx];
    }
    return NULL;
}

static sr_status list_fields(eval_ctx *cx, const json_value *e, const char *const *fields, size_t n,
                             estr **out, size_t *n_out)
{
    size_t mark = cx->vec.n;
    for (size_t i = 0; i < n; i++) {
        sr_status st = as_list_folded(cx, json_get(e, fields[i]), cx->work);
        if (st)
            return st;
    }
    return vec_take(cx, mark, cx->work, out, n_out);
}

/* One parsed events line into cx->ev (when its doc_id names a gold doc). */
static sr_status take_event(eval_ctx *cx, const json_value *e, uint32_t line)
{
    size_t doc;
    if (!find_doc(cx, json_get(e, "doc_id"), &doc))
        return SR_OK;
    if (cx->n_ev == cx->cap_ev) {
        size_t nc = cx->cap_ev ? cx->cap_ev * 2 : 64;
        sys_event *p = cx->mem->resize(cx->ev, nc * sizeof *p, cx->mem->ctx);
        if (!p)
            return nomem(cx);
        cx->ev = p;
        cx->cap_ev = nc;
    }
    sys_event *ev = &cx->ev[cx->n_ev];
    memset(ev, 0, sizeof *ev);
    ev->doc = doc;
    ev->doc_class = cx->docs[doc].doc_class;
    ev->line = line;
    static const char *const actor_fields[] = {"actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
                                               "actors"};
    static const char *const place_fields[] = {"location", "admin3", "admin2", "admin1", "place"};
    sr_status st;
    const json_value *t =
        py_or(json_get(e, "sub_event_type"), py_or(json_get(e, "event_type"), json_get(e, "type")));
    if ((st = fold_value(cx, t, cx->work, &ev->type)) ||
        (st = list_fields(cx, e, actor_fields, 5, &ev->names, &ev->n_names)) ||
        (st = list_fields(cx, e, place_fields, 5, &ev->places, &ev->n_places)) ||
        (st = fold_value(cx, json_get(e, "certainty"), cx->work, &ev->certainty)) ||
        (st = json_clone(cx->work, json_get(e, "fatalities"), &ev->fatalities)))
        return st == SR_ENOMEM ? nomem(cx) : st;
    ev->has_date = parse_date(cx, py_or(json_get(e, "event_date"), json_get(e, "date")), &ev->date);
    ev->historical = py_truthy(json_get(e, "historical"));
    if (cx->n_negs) {
        /* evidence_texts(e): a string, or a list of strings / {"text"} */
        const json_value *evd = json_get(e, "evidence");
        size_t mark = cx->vec.n;
        size_t k = !evd || evd->type == JSON_NULL ? 0 : evd->type == JSON_ARRAY ? evd->len : 1;
        for (size_t i = 0; i < k; i++) {
            const json_value *x = evd->type == JSON_ARRAY ? evd->items[i] : evd;
            if (x->type == JSON_OBJECT && py_truthy(json_get(x, "text")))
                x = json_get(x, "text");
            if (x->type != JSON_STRING) /* score.py skips these or crashes */
                continue;
            estr sq;
            if ((st = fold_text(cx, x->str, x->len, MODE_SQUASH, cx->work, &sq)) ||
                (st = vec_push(cx, sq)))
                return st;
        }
        if ((st = vec_take(cx, mark, cx->work, &ev->evidence, &ev->n_evidence)))
            return st;
    }
    cx->n_ev++;
    return SR_OK;
}

/* Trims Python white space (str.strip) from both ends of S[0..*n). */
static const char *py_strip(const char *s, size_t *n)
{
    size_t b = 0, e = *n;
    while (b < e) {
        unsigned char c = (unsigned char)s[b];
        size_t adv = 1;
        uint32_t cp = c;
        if (c >= 0x80) {
            if (c < 0xC2 || e - b < 2)
                break;
            cp = get_utf8((const unsigned char *)s + b, e - b, &adv);
        }
        if (!py_space(cp))
            break;
        b += adv;
    }
    while (e > b) {
        size_t k = e - 1;
        while (k > b && e - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        size_t adv;
        uint32_t cp = get_utf8((const unsigned char *)s + k, e - k, &adv);
        if (k + adv != e || !py_space(cp))
            break;
        e = k;
    }
    *n = e - b;
    return s + b;
}

static sr_status score_line(eval_ctx *cx, const char *path, char *text, size_t len, uint32_t line)
{
    size_t n = len;
    const char *s = py_strip(text, &n);
    if (!n)
        return SR_OK;
    cx->out->lines_read++;
    sr_arena_reset(cx->line);
    json_value *v;
    char e[160];
    sr_status st = json_parse(cx->line, s, n, line, (uint32_t)(s - text) + 1, &v, e, sizeof e);
    if (st == SR_ENOMEM)
        return nomem(cx);
    if (st) {
        cx->out->n_bad_lines++;
        diag(cx, "%s:%s; line skipped", path, e);
        return SR_OK;
    }
    if (v->type != JSON_OBJECT) {
        cx->out->n_bad_lines++;
        diag(cx, "%s:%lu: not a JSON object; line skipped", path, (unsigned long)line);
        return SR_OK;
    }
    size_t mark = cx->vec.n;
    st = take_event(cx, v, line);
    cx->vec.n = mark;
    if (st == SR_ETOOBIG || st == SR_EFORMAT) {
        cx->out->n_bad_lines++;
        diag(cx, "%s:%lu: %s; line skipped", path, (unsigned long)line, cx->err);
        cx->err[0] = '\0';
        return SR_OK;
    }
    return st;
}

static sr_status read_events(eval_ctx *cx, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(cx, SR_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = cx->mem->alloc(cap, cx->mem->ctx);
    if (!buf) {
        fclose(f);
        return nomem(cx);
    }
    sr_status st = SR_OK;
    uint32_t line = 0;
    int too_long = 0, c;
    /* Python's text mode ends a line at \n, \r\n or \r. */
    for (;;) {
        c = getc(f);
        if (c != EOF && c != '\n' && c != '\r') {
            if (too_long)
                continue;
            if (n + 1 >= cap) {
                if (cap >= EVAL_MAX_LINE) {
                    too_long = 1;
                    continue;
                }
                char *nb = cx->mem->resize(buf, cap * 2, cx->mem->ctx);
                if (!nb) {
                    st = nomem(cx);
                    break;
                }
                buf = nb;
                cap *= 2;
            }
            buf[n++] = (char)c;
            continue;
        }
        if (c == '\r') {
            int d = getc(f);
            if (d != '\n' && d != EOF)
                ungetc(d, f);
        }
        if (c == EOF && n == 0 && !too_long)
            break;
        line++;
        if (too_long) {
            cx->out->lines_read++;
            cx->out->n_bad_lines++;
            diag(cx, "%s:%lu: line longer than %u bytes; skipped", path, (unsigned long)line,
                 EVAL_MAX_LINE);
        } else if ((st = score_line(cx, path, buf, n, line))) {
            break;
        }
        n = 0;
        too_long = 0;
        if (c == EOF)
            break;
    }
    if (!st && ferror(f))
        st = fail(cx, SR_EIO, "%s: read error", path);
    fclose(f);
    cx->mem->release(buf, cx->mem->ctx);
    return st;
}

/* ---- matching and figures --------------------------------------------- */

static int matches(const gold_event *g, const sys_event *e)
{
    if (e->doc_class != g->doc_class)
        return 0;
    size_t i, k;
    for (i = 0; i < g->n_types_raw; i++)
        if (estr_eq(e->type, g->types[i]))
            break;
    if (i == g->n_types_raw)
        return 0;
    for (size_t a = 0; a < g->n_actors; a++) {
        const want_set *w = &g->actors[a];
        int hit = 0;
        for (i = 0; i < e->n_names && !hit; i++)
            for (k = 0; k < w->n && !hit; k++)
                hit = estr_eq(e->names[i], w->v[k]);
        if (!hit)
            return 0;
    }
    if (g->has_date) {
        if (!e->has_date)
            return 0;
        long d = e->date - g->date;
        if ((double)(d < 0 ? -d : d) > g->tol)
            return 0;
    }
    if (g->n_locs) {
        int hit = 0;
        for (i = 0; i < g->n_locs && !hit; i++)
            for (k = 0; k < e->n_places && !hit; k++)
                hit = estr_eq(g->locs[i], e->places[k]);
        if (!hit)
            return 0;
    }
    return 1;
}

static int gold_order_cmp(const void *pa, const void *pb)
{
    const gold_event *a = *(const gold_event *const *)pa, *b = *(const gold_event *const *)pb;
    if (a->required != b->required)
        return a->required ? -1 : 1;
    if (a->n_types_raw != b->n_types_raw)
        return a->n_types_raw < b->n_types_raw ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static char *res_str(eval_ctx *cx, sr_buf *b)
{
    return b->status ? NULL : sr_arena_strndup(cx->res, b->data, b->len);
}

static sr_status score(eval_ctx *cx)
{
    sr_eval_result *r = cx->out;
    size_t ng = cx->n_gold, ne = cx->n_ev, nd = cx->n_docs;
    /* events of each document class, in file order */
    size_t *start = sr_arena_calloc(cx->work, nd + 1, sizeof *start);
    size_t *by_doc = sr_arena_calloc(cx->work, ne + 1, sizeof *by_doc);
    long *match = sr_arena_calloc(cx->work, ng + 1, sizeof *match);
    unsigned char *used = sr_arena_calloc(cx->work, ne + 1, 1);
    const gold_event **order = sr_arena_calloc(cx->work, ng + 1, sizeof *order);
    if (!start || !by_doc || !match || !used || !order)
        return nomem(cx);
    for (size_t i = 0; i < ne; i++)
        start[cx->ev[i].doc_class + 1]++;
    for (size_t d = 0; d < nd; d++)
        start[d + 1] += start[d];
    size_t *fill = sr_arena_calloc(cx->work, nd + 1, sizeof *fill);
    if (!fill)
        return nomem(cx);
    memcpy(fill, start, (nd + 1) * sizeof *fill);
    for (size_t i = 0; i < ne; i++)
        by_doc[fill[cx->ev[i].doc_class]++] = i;

    /* greedy one-to-one: required gold first, tighter gold first */
    for (size_t i = 0; i < ng; i++) {
        order[i] = &cx->gold[i];
        match[i] = -1;
    }
    qsort(order, ng, sizeof *order, gold_order_cmp);
    for (size_t o = 0; o < ng; o++) {
        const gold_event *g = order[o];
        for (size_t k = start[g->doc_class]; k < start[g->doc_class + 1]; k++) {
            size_t si = by_doc[k];
            if (!used[si] && matches(g, &cx->ev[si])) {
                used[si] = 1;
                match[g->index] = (long)si;
                break;
            }
        }
    }

    size_t req = 0, tp = 0, opt = 0, n_missed = 0;
    for (size_t i = 0; i < ng; i++) {
        if (cx->gold[i].required) {
            req++;
            if (match[i] >= 0)
                tp++;
            else
                n_missed++;
        } else if (match[i] >= 0) {
            opt++;
        }
    }
    size_t counted = ne - opt;
    r->events_system = ne;
    r->events_gold_required = req;
    r->events_tp = tp;
    r->optional_matched = opt;
    r->precision = counted ? (double)tp / (double)counted : 0.0;
    r->recall = req ? (double)tp / (double)req : 0.0;
    r->f1 = r->precision + r->recall > 0 ? 2 * r->precision * r->recall / (r->precision + r->recall)
                                         : 0.0;

    sr_buf b;
    sr_buf_init(&b, cx->mem);
    sr_status st = SR_OK;
    r->missed = sr_arena_calloc(cx->res, n_missed + 1, sizeof *r->missed);
    if (!r->missed)
        st = nomem(cx);
    for (size_t i = 0; i < ng && !st; i++) {
        if (!cx->gold[i].required || match[i] >= 0)
            continue;
        sr_buf_clear(&b);
        py_str(&b, cx->gold[i].id, 0);
        if (!(r->missed[r->n_missed++] = res_str(cx, &b)))
            st = nomem(cx);
    }

    /* field accuracy on matched events */
    for (size_t i = 0; i < ng && !st; i++) {
        if (match[i] < 0)
            continue;
        const gold_event *g = &cx->gold[i];
        const sys_event *e = &cx->ev[match[i]];
        if (g->has_fatalities) {
            int oom = 0;
            r->fatalities_n++;
            r->fatalities_ok += (size_t)py_equal(cx, e->fatalities, g->fatalities, &oom);
            if (oom)
                st = nomem(cx);
        }
        if (g->historical) {
            r->historical_n++;
            r->historical_ok += (size_t)e->historical;
        }
        if (g->certainty) {
            r->hedged_n++;
            estr c = e->certainty;
            r->hedged_ok += !(c.n == 0 || estr_eq_c(c, "reported") || estr_eq_c(c, "confirmed") ||
                              estr_eq_c(c, "certain"));
        }
    }

    /* doc-level fatality totals (no double counting) */
    r->doc_totals_wrong = sr_arena_calloc(cx->res, nd + 1, sizeof *r->doc_totals_wrong);
    if (!r->doc_totals_wrong && !st)
        st = nomem(cx);
    for (size_t d = 0; d < nd && !st; d++) {
        const gold_doc *gd = &cx->docs[d];
        if (!gd->has_df)
            continue;
        pynum tot = {0, 0, 0};
        for (size_t i = 0; i < ne; i++) {
            const sys_event *e = &cx->ev[i];
            if (!estr_eq(cx->docs[e->doc].id, gd->id))
                continue;
            size_t t;
            for (t = 0; t < gd->n_df_types; t++)
                if (estr_eq(e->type, gd->df_types[t]))
                    break;
            if (t == gd->n_df_types || !py_truthy(e->fatalities))
                continue;
            pynum x;
            if (!py_number(e->fatalities, &x)) {
                diag(cx, "%s:%lu: fatalities is not a number; counted as 0 in the total of %s",
                     cx->events_path, (unsigned long)e->line, gd->id.s);
                continue;
            }
            if (tot.is_float || x.is_float) {
                double a = tot.is_float ? tot.f : (double)tot.i;
                tot = (pynum){1, 0, a + (x.is_float ? x.f : (double)x.i)};
            } else if (__builtin_add_overflow(tot.i, x.i, &tot.i)) {
                tot = (pynum){1, 0, (double)tot.i + (double)x.i};
            }
        }
        pynum want;
        if (py_number(gd->df_total, &want) && pynum_eq(tot, want))
            continue;
        sr_buf_clear(&b);
        sr_buf_append(&b, gd->id.s, gd->id.n);
        sr_buf_puts(&b, ": ");
        if (tot.is_float) {
            char f[40];
            py_float_repr(tot.f, f);
            sr_buf_puts(&b, f);
        } else {
            sr_buf_int(&b, tot.i);
        }
        sr_buf_puts(&b, " != ");
        py_str(&b, gd->df_total, 0);
        if (!(r->doc_totals_wrong[r->n_doc_totals_wrong++] = res_str(cx, &b)))
            st = nomem(cx);
    }

    /* gold negatives that became events */
    for (size_t k = 0; k < cx->n_negs && !st; k++) {
        const negative *n = &cx->negs[k];
        int expected = 0;
        if (n->why->type == JSON_STRING)
            expected = memmem(n->why->str, n->why->len, "expected", 8) != NULL;
        else if (n->why->type == JSON_ARRAY)
            for (size_t i = 0; i < n->why->len; i++)
                expected |=
                    n->why->items[i]->type == JSON_STRING &&
                    estr_eq_c((estr){n->why->items[i]->str, n->why->items[i]->len}, "expected");
        for (size_t i = 0; i < ne; i++) {
            const sys_event *e = &cx->ev[i];
            estr id = cx->docs[e->doc].id;
            if (n->doc->type != JSON_STRING || !estr_eq(id, (estr){n->doc->str, n->doc->len}))
                continue;
            int hit = 0;
            for (size_t t = 0; t < e->n_evidence && !hit; t++)
                hit = n->text.n == 0 ||
                      memmem(e->evidence[t].s, e->evidence[t].n, n->text.s, n->text.n) != NULL;
            if (!hit)
                continue;
            if (expected &&
                (estr_eq_c(e->certainty, "expected") || estr_eq_c(e->certainty, "planned") ||
                 estr_eq_c(e->certainty, "future")))
                continue;
            r->negatives_hit++;
            break;
        }
    }
    sr_buf_free(&b);
    return st;
}

/* ---- public API -------------------------------------------------------- */

sr_status sr_eval_events(const char *gold_path, const char *events_path, const char *actors_path,
                         const sr_mem *mem, sr_eval_result *out, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!out)
        return SR_EINVAL;
    memset(out, 0, sizeof *out);
    if (!gold_path || !events_path)
        return SR_EINVAL;
    char local_err[512] = "";
    eval_ctx cx;
    memset(&cx, 0, sizeof cx);
    cx.mem = mem ? mem : sr_mem_default();
    cx.err = err && errlen ? err : local_err;
    cx.errlen = err && errlen ? errlen : sizeof local_err;
    cx.out = out;
    cx.gold_path = gold_path;
    cx.events_path = events_path;
    sr_buf_init(&cx.tmp, cx.mem);
    sr_status st = SR_OK;
    char *apath = NULL;
    cx.res = sr_arena_new(cx.mem);
    cx.work = sr_arena_new(cx.mem);
    cx.line = sr_arena_new(cx.mem);
    if (!cx.res || !cx.work || !cx.line) {
        st = nomem(&cx);
        goto done;
    }
    sr_arena_set_cap(cx.work, EVAL_WORK_CAP);
    out->internal_ = cx.res;
    out->diags = sr_arena_calloc(cx.res, SR_EVAL_MAX_DIAGS, sizeof *out->diags);
    if (!out->diags) {
        st = nomem(&cx);
        goto done;
    }
    UErrorCode ue = U_ZERO_ERROR;
    cx.nfkd = unorm2_getNFKDInstance(&ue);
    cx.nfkc = unorm2_getNFKCInstance(&ue);
    if (U_FAILURE(ue)) {
        st = fail(&cx, SR_ENOMEM, "ICU normaliser unavailable: %s", u_errorName(ue));
        goto done;
    }
    if (!actors_path) {
        /* actors.gold.json beside the gold file */
        const char *slash = strrchr(gold_path, '/');
        size_t dir = slash ? (size_t)(slash - gold_path) + 1 : 0;
        apath = sr_arena_alloc(cx.work, dir + sizeof "actors.gold.json");
        if (!apath) {
            st = nomem(&cx);
            goto done;
        }
        memcpy(apath, gold_path, dir);
        memcpy(apath + dir, "actors.gold.json", sizeof "actors.gold.json");
        actors_path = apath;
    }
    if ((st = load_actors(&cx, actors_path)) || (st = load_gold(&cx)) ||
        (st = read_events(&cx, events_path)) || (st = score(&cx)))
        goto done;
done:
    cx.mem->release(cx.u[0], cx.mem->ctx);
    cx.mem->release(cx.u[1], cx.mem->ctx);
    cx.mem->release(cx.vec.v, cx.mem->ctx);
    cx.mem->release(cx.ev, cx.mem->ctx);
    sr_buf_free(&cx.tmp);
    sr_arena_free(cx.work);
    sr_arena_free(cx.line);
    if (!out->internal_)
        sr_arena_free(cx.res);
    if (st == SR_ENOMEM && cx.err[0] == '\0')
        fail(&cx, st, "out of memory");
    return st;
}

void sr_eval_result_free(sr_eval_result *r)
{
    if (!r)
        return;
    sr_arena_free(r->internal_);
    memset(r, 0, sizeof *r);
}

/* json.dumps of a str with ensure_ascii (Python's default). */
static void json_ascii(sr_buf *b, const char *s)
{
    size_t n = strlen(s);
    sr_buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t c = get_utf8((const unsigned char *)s + i, n - i, &adv);
        i += adv;
        switch (c) {
        case '"': sr_buf_puts(b, "\\\""); continue;
        case '\\': sr_buf_puts(b, "\\\\"); continue;
        case '\n': sr_buf_puts(b, "\\n"); continue;
        case '\r': sr_buf_puts(b, "\\r"); continue;
        case '\t': sr_buf_puts(b, "\\t"); continue;
        case '\b': sr_buf_puts(b, "\\b"); continue;
        case '\f': sr_buf_puts(b, "\\f"); continue;
        default: break;
        }
        if (c < 0x20 || (c >= 0x80 && c < 0x10000)) {
            sr_buf_printf(b, "\\u%04x", c);
        } else if (c >= 0x10000) {
            c -= 0x10000;
            sr_buf_printf(b, "\\u%04x\\u%04x", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        } else {
            sr_buf_putc(b, (char)c);
        }
    }
    sr_buf_putc(b, '"');
}

/* repr(round(x, 3)): glibc's %.3f rounds the exact binary value half-even,
 * as CPython's round() does; the shortest repr of the result is then the
 * 3-place decimal without trailing zeros (but keeping one). */
static void round3(sr_buf *b, double x)
{
    char f[64];
    snprintf(f, sizeof f, "%.3f", x);
    size_t n = strlen(f);
    while (n > 0 && f[n - 1] == '0' && f[n - 2] != '.')
        n--;
    sr_buf_append(b, f, n);
}

static void print_list(sr_buf *b, const char **v, size_t n, int json)
{
    if (!json) {
        sr_buf_putc(b, '[');
        for (size_t i = 0; i < n; i++) {
            if (i)
                sr_buf_puts(b, ", ");
            py_repr_str(b, v[i], strlen(v[i]));
        }
        sr_buf_putc(b, ']');
        return;
    }
    if (!n) {
        sr_buf_puts(b, "[]");
        return;
    }
    sr_buf_puts(b, "[\n");
    for (size_t i = 0; i < n; i++) {
        sr_buf_puts(b, "  ");
        json_ascii(b, v[i]);
        sr_buf_puts(b, i + 1 < n ? ",\n" : "\n");
    }
    sr_buf_puts(b, " ]");
}

sr_status sr_eval_result_print(const sr_eval_result *r, sr_buf *b, int json)
{
    if (!r || !b)
        return SR_EINVAL;
    const char *keys[] = {"events_system",
                          "events_gold_required",
                          "events_tp",
                          "events_precision",
                          "events_recall",
                          "events_f1",
                          "events_missed",
                          "fatalities_exact",
                          "historical_flagged",
                          "hedged_marked",
                          "doc_fatality_totals_wrong",
                          "negatives_hit"};
    size_t nk = sizeof keys / sizeof *keys;
    if (json)
        sr_buf_puts(b, "{\n");
    for (size_t k = 0; k < nk; k++) {
        if (json) {
            sr_buf_puts(b, " \"");
            sr_buf_puts(b, keys[k]);
            sr_buf_puts(b, "\": ");
        } else {
            sr_buf_puts(b, keys[k]);
            sr_buf_puts(b, ": ");
        }
        switch (k) {
        case 0: sr_buf_uint(b, r->events_system); break;
        case 1: sr_buf_uint(b, r->events_gold_required); break;
        case 2: sr_buf_uint(b, r->events_tp); break;
        case 3: round3(b, r->precision); break;
        case 4: round3(b, r->recall); break;
        case 5: round3(b, r->f1); break;
        case 6: print_list(b, r->missed, r->n_missed, json); break;
        case 7:
        case 8:
        case 9: {
            size_t ok = k == 7 ? r->fatalities_ok : k == 8 ? r->historical_ok : r->hedged_ok;
            size_t n = k == 7 ? r->fatalities_n : k == 8 ? r->historical_n : r->hedged_n;
            if (json)
                sr_buf_printf(b, "\"%zu/%zu\"", ok, n);
            else
                sr_buf_printf(b, "%zu/%zu", ok, n);
            break;
        }
        case 10: print_list(b, r->doc_totals_wrong, r->n_doc_totals_wrong, json); break;
        case 11: sr_buf_uint(b, r->negatives_hit); break;
        default: break;
        }
        if (json)
            sr_buf_puts(b, k + 1 < nk ? ",\n" : "\n");
        else
            sr_buf_putc(b, '\n');
    }
    if (json) {
        sr_buf_puts(b, "}\n");
    } else {
        sr_buf_puts(b, "summary: events_f1=");
        round3(b, r->f1);
        sr_buf_puts(b, " events_precision=");
        round3(b, r->precision);
        sr_buf_puts(b, " events_recall=");
        round3(b, r->recall);
        sr_buf_putc(b, '\n');
    }
    return b->status;
}
