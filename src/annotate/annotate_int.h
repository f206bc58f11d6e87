/* annotate_int.h - the word scanner shared by timex.c and numbers.c.
 *
 * Both annotators read English news text one sentence at a time as a short
 * array of tokens (words, digit runs, single punctuation marks).  The scanner
 * reads the typographic forms that reach us from web pages - no-break and
 * thin spaces, curly quotes and apostrophes, en and em dashes - by their
 * ASCII meaning without copying the text, so every token indexes the
 * original bytes.  Any other byte >= 0x80 counts as a word letter: such a
 * word never equals an English keyword, which is all the annotators ask of
 * it, and invalid UTF-8 cannot make the scanner misstep.
 *
 * Everything here is static inline so the two files share one scanner
 * without adding a translation unit.  Cost: each byte is classified once per
 * scan, by a table look-up unless it is one of the four lead bytes of the
 * typographic forms above; a sentence is at most SR_ANN_MAX_TOKENS tokens.
 * Keyword tests compare lengths or first letters before bytes and never call
 * into libc: for the entity stage to read 100 MB/s per core, each annotator
 * can spend about 25 instructions on a byte of text, tokenising included. */
#ifndef SITREP_ANNOTATE_INT_H
#define SITREP_ANNOTATE_INT_H

#include <stddef.h>
#include <string.h>

/* A "sentence" longer than this (tables, lists, garbage without stops) is cut
 * into pieces of this many tokens.  Real news sentences are far shorter; the
 * cap bounds the scratch memory, and a cut only costs an expression that
 * straddles it. */
#define SR_ANN_MAX_TOKENS 512

typedef enum sr_ann_kind { SR_ANN_WORD = 0, SR_ANN_NUM, SR_ANN_PUNCT } sr_ann_kind;

typedef struct sr_ann_tok {
    size_t start, end;
    unsigned char kind;  /* sr_ann_kind */
    unsigned char glued; /* no white space between this token and the previous one */
    unsigned char upper; /* a word starting with an ASCII capital */
    char punct;          /* the ASCII meaning of a PUNCT token */
} sr_ann_tok;

enum { SR_ANN_C_SPACE, SR_ANN_C_NEWLINE, SR_ANN_C_LETTER, SR_ANN_C_DIGIT, SR_ANN_C_PUNCT };

/* Classifies the character at S[p] (p < end); returns its length in bytes
 * and sets *CLS (and *PUNCT for punctuation). */
static inline size_t sr_ann_unit(const char *s, size_t p, size_t end, int *cls, char *punct)
{
    unsigned char c = (unsigned char)s[p];
    *punct = 0;
    if (c < 0x80) {
        if (c == '\n' || c == '\r') {
            *cls = SR_ANN_C_NEWLINE;
        } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c < 0x20 || c == 0x7f) {
            *cls = SR_ANN_C_SPACE;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            *cls = SR_ANN_C_LETTER;
        } else if (c >= '0' && c <= '9') {
            *cls = SR_ANN_C_DIGIT;
        } else {
            *cls = SR_ANN_C_PUNCT;
            *punct = (char)c;
        }
        return 1;
    }
    unsigned char c1 = p + 1 < end ? (unsigned char)s[p + 1] : 0;
    unsigned char c2 = p + 2 < end ? (unsigned char)s[p + 2] : 0;
    if (c == 0xC2 && c1 == 0xA0) { /* U+00A0 no-break space */
        *cls = SR_ANN_C_SPACE;
        return 2;
    }
    if (c == 0xE2 && c1 == 0x80) { /* U+2000..U+203F: spaces, dashes, quotes */
        if (c2 <= 0x8B || c2 == 0xAF) {
            *cls = SR_ANN_C_SPACE;
            return 3;
        }
        if (c2 == 0xA8 || c2 == 0xA9) { /* line and paragraph separators */
            *cls = SR_ANN_C_NEWLINE;
            return 3;
        }
        *cls = SR_ANN_C_PUNCT;
        if (c2 >= 0x90 && c2 <= 0x95)
            *punct = '-';
        else if (c2 == 0x98 || c2 == 0x99 || c2 == 0x9B || c2 == 0xB2)
            *punct = '\'';
        else if (c2 == 0x9C || c2 == 0x9D || c2 == 0x9F || c2 == 0xB3)
            *punct = '"';
        else if (c2 == 0xA6) /* an ellipsis rarely ends a news sentence */
            *punct = ',';
        else
            *punct = '*';
        return 3;
    }
    if ((c == 0xE3 && c1 == 0x80 && c2 == 0x80) || (c == 0xEF && c1 == 0xBB && c2 == 0xBF) ||
        (c == 0xE2 && c1 == 0x81 && c2 == 0x9F)) { /* ideographic space, BOM, U+205F */
        *cls = SR_ANN_C_SPACE;
        return 3;
    }
    *cls = SR_ANN_C_LETTER;
    return 1;
}

/* The class of each byte when it stands alone: every ASCII byte, and the
 * bytes >= 0x80 that are a word letter whatever follows them.  0xC2, 0xE2,
 * 0xE3 and 0xEF may start a typographic space, dash or quote and are
 * SR_ANN_C_MULTI: sr_ann_unit reads them.  Read-only, shared by all threads. */
enum { SR_ANN_C_MULTI = SR_ANN_C_PUNCT + 1 };
static const unsigned char sr_ann_byte_class[256] = {
    /* 0x00: controls are white space, \n and \r line breaks */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, /* */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* */
    0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* space, !"#$%&'()*+,-./ */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, /* 0-9 :;<=>? */
    4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* @A-O */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, /* P-Z [\]^_ */
    4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* `a-o */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 0, /* p-z {|}~ DEL */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x80 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* */
    2, 2, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xC2 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* */
    2, 2, 5, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, /* 0xE2, 0xE3, 0xEF */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0xF0 */
};

/* Class and length of the character at S[p] (p < end), as sr_ann_unit. */
static inline size_t sr_ann_class(const char *s, size_t p, size_t end, int *cls, char *punct)
{
    unsigned char c = (unsigned char)s[p];
    *cls = sr_ann_byte_class[c];
    *punct = (char)c;
    if (*cls == SR_ANN_C_MULTI)
        return sr_ann_unit(s, p, end, cls, punct);
    return 1;
}

/* Reads the token at or after *POS in S[..end).  Returns 0 at the end.
 * *NEWLINE is set when a line break was skipped before the token. */
static inline int sr_ann_next(const char *s, size_t *pos, size_t end, sr_ann_tok *t, int *newline)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = *pos, n = 0;
    int cls = SR_ANN_C_SPACE, spaced = 0, nl = 0;
    char punct = 0;
    for (; p < end; p += n, spaced = 1) {
        n = sr_ann_class(s, p, end, &cls, &punct);
        if (cls == SR_ANN_C_NEWLINE)
            nl = 1;
        else if (cls != SR_ANN_C_SPACE)
            break;
    }
    *newline = nl;
    if (p >= end) {
        *pos = p;
        return 0;
    }
    t->start = p;
    t->glued = (unsigned char)!spaced;
    t->upper = 0;
    t->punct = 0;
    if (cls == SR_ANN_C_PUNCT) {
        t->kind = SR_ANN_PUNCT;
        t->punct = punct;
        p += n;
    } else {
        int want = cls;
        t->kind = want == SR_ANN_C_DIGIT ? SR_ANN_NUM : SR_ANN_WORD;
        t->upper = (unsigned char)(u[p] >= 'A' && u[p] <= 'Z');
        p += n;
        for (;;) {
            /* the common case: a run of single-byte members of the class */
            while (p < end && sr_ann_byte_class[u[p]] == want)
                p++;
            if (p >= end || sr_ann_byte_class[u[p]] != SR_ANN_C_MULTI)
                break;
            n = sr_ann_unit(s, p, end, &cls, &punct);
            if (cls != want)
                break;
            p += n;
        }
    }
    t->end = p;
    *pos = p;
    return 1;
}

static inline size_t sr_ann_len(const sr_ann_tok *t)
{
    return t->end - t->start;
}

/* Whether token T is the word W (ASCII, lower case), ignoring case. */
static inline int sr_ann_is(const char *s, const sr_ann_tok *t, const char *w)
{
    /* the first letter rejects almost every candidate before strlen */
    if (t->kind != SR_ANN_WORD || (s[t->start] | 0x20) != w[0])
        return 0;
    size_t n = strlen(w);
    return sr_ann_len(t) == n && !strncasecmp(s + t->start, w, n);
}

/* Index of token T's word in the NULL-terminated LIST, or -1. */
static inline int sr_ann_find(const char *s, const sr_ann_tok *t, const char *const *list)
{
    if (t->kind != SR_ANN_WORD)
        return -1;
    for (int i = 0; list[i]; i++)
        if (sr_ann_is(s, t, list[i]))
            return i;
    return -1;
}

/* A sentence as the annotators see it, with bounds-checked token tests
 * (an index past the end never matches). */
typedef struct sr_ann_view {
    const char *s;
    sr_ann_tok *tok;
    size_t n;
} sr_ann_view;

static inline int sr_ann_w(const sr_ann_view *v, size_t i, const char *w)
{
    return i < v->n && sr_ann_is(v->s, &v->tok[i], w);
}

static inline int sr_ann_wl(const sr_ann_view *v, size_t i, const char *const *list)
{
    return i < v->n ? sr_ann_find(v->s, &v->tok[i], list) : -1;
}

static inline int sr_ann_p(const sr_ann_view *v, size_t i, char c)
{
    return i < v->n && v->tok[i].kind == SR_ANN_PUNCT && v->tok[i].punct == c;
}

/* Value of a digit token of at most MAXD (<= 18) digits, else -1. */
static inline long long sr_ann_digits(const sr_ann_view *v, size_t i, size_t maxd)
{
    if (i >= v->n || v->tok[i].kind != SR_ANN_NUM || sr_ann_len(&v->tok[i]) > maxd)
        return -1;
    long long x = 0;
    for (size_t p = v->tok[i].start; p < v->tok[i].end; p++)
        x = x * 10 + (v->s[p] - '0');
    return x;
}

/* Whether what follows a number at token I leaves it a plain number:
 * nothing glued on, or only closing punctuation.  Rejects "24km",
 * "24-year-old", "3.5", "1,5", "10:30", "50%". */
static inline int sr_ann_num_ends(const sr_ann_view *v, size_t i)
{
    size_t k = i + 1;
    if (k >= v->n || !v->tok[k].glued)
        return 1;
    const sr_ann_tok *t = &v->tok[k];
    if (t->kind != SR_ANN_PUNCT)
        return 0;
    switch (t->punct) {
    case ';':
    case ')':
    case '"':
    case '\'':
    case '!':
    case '?': return 1;
    case ',': /* "1,5" and "1,2,3" are no plain number; "400," is */
    case '.': return !(k + 1 < v->n && v->tok[k + 1].glued && v->tok[k + 1].kind == SR_ANN_NUM);
    default: return 0;
    }
}

/* Whether a number at token I is glued onto what precedes it: "BGM-71",
 * "A320", "5/10", "observer_22", "$5", "3.5" (the fraction).  An opening
 * bracket or quote does not attach: "(400", "\"400". */
static inline int sr_ann_num_attached(const sr_ann_view *v, size_t i)
{
    if (i == 0 || !v->tok[i].glued)
        return 0;
    const sr_ann_tok *p = &v->tok[i - 1];
    if (p->kind != SR_ANN_PUNCT || p->punct == '$' || p->punct == '#')
        return 1;
    return i >= 2 && p->glued && !strchr("([{\"'", p->punct);
}

/* Whether word T looks like a plural noun ("militants", "IDPs", "Syrians",
 * "gunmen") rather than "was", "its", "various", "crisis" or "Hamas". */
static inline int sr_ann_plural(const char *s, const sr_ann_tok *t)
{
    static const char *const not_plural[] = {
        "was",  "has",  "as",      "its",     "his",     "this",       "thus",    "yes",
        "does", "goes", "always",  "perhaps", "towards", "afterwards", "besides", "sometimes",
        "news", "plus", "whereas", "says",    "lies",    "seems",      "means",   NULL};
    size_t n = sr_ann_len(t);
    const char *w = s + t->start;
    if (t->kind != SR_ANN_WORD || n < 3)
        return 0;
    if (!t->upper && n >= 5 && !strncasecmp(w + n - 3, "men", 3))
        return 1;
    if (w[n - 1] != 's' || sr_ann_find(s, t, not_plural) >= 0)
        return 0;
    char a = (char)(w[n - 2] | 0x20);
    if (a == 's' || a == 'u')
        return 0;
    if (t->upper) /* "Syrians", "Iraqis", "IDPs"; not "Hamas", "Abbas" */
        return a != 'a' && n >= 4;
    return a != 'i';
}

/* Month 1..12 named by word T: full names, three-letter forms and "Sept".
 * Abbreviations and "March"/"May" must be capitalised, as news prints
 * months, so the verbs "march" and "may" are not read as dates. */
static inline int sr_ann_month(const char *s, const sr_ann_tok *t)
{
    static const char *const full[] = {"january",  "february", "march",  "april",     "may",
                                       "june",     "july",     "august", "september", "october",
                                       "november", "december", NULL};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",  "jul",
                                       "aug", "sep", "oct", "nov", "dec", "sept", NULL};
    int m = sr_ann_find(s, t, full);
    if (m >= 0)
        return (m == 2 || m == 4) && !t->upper ? 0 : m + 1;
    m = sr_ann_find(s, t, abbr);
    if (m >= 0 && t->upper)
        return m == 12 ? 9 : m + 1;
    return 0;
}

/* Cardinal 1..19 and tens 20..90 written as a word ("six", "forty"), or -1. */
static inline int sr_ann_number_word(const char *s, const sr_ann_tok *t)
{
    static const char *const units[] = {"one",     "two",       "three",    "four",     "five",
                                        "six",     "seven",     "eight",    "nine",     "ten",
                                        "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                                        "sixteen", "seventeen", "eighteen", "nineteen", NULL};
    static const char *const tens[] = {"twenty",  "thirty", "forty",  "fifty",  "sixty",
                                       "seventy", "eighty", "ninety", "fourty", NULL};
    int i = sr_ann_find(s, t, units);
    if (i >= 0)
        return i + 1;
    i = sr_ann_find(s, t, tens);
    if (i >= 0)
        return i == 8 ? 40 : 20 + 10 * i;
    return -1;
}

/* Ordinal 1..19 and tens 20..90 written as a word ("third"), or -1. */
static inline int sr_ann_ordinal_word(const char *s, const sr_ann_tok *t)
{
    static const char *const units[] = {"first",       "second",     "third",      "fourth",
                                        "fifth",       "sixth",      "seventh",    "eighth",
                                        "ninth",       "tenth",      "eleventh",   "twelfth",
                                        "thirteenth",  "fourteenth", "fifteenth",  "sixteenth",
                                        "seventeenth", "eighteenth", "nineteenth", NULL};
    static const char *const tens[] = {"twentieth", "thirtieth", "fortieth",
                                       "fiftieth",  "sixtieth",  "seventieth",
                                       "eightieth", "ninetieth", NULL};
    int i = sr_ann_find(s, t, units);
    if (i >= 0)
        return i + 1;
    i = sr_ann_find(s, t, tens);
    return i >= 0 ? 20 + 10 * i : -1;
}

/* Whether the '.' at TOK[i] ends a sentence: not inside "U.S." or "3.5", not
 * after a title or month abbreviation, and followed by a capital, a quote or
 * nothing.  NEXT is the token after it (NULL at the end). */
static inline int sr_ann_stop_ends(const char *s, const sr_ann_tok *tok, size_t i,
                                   const sr_ann_tok *next)
{
    static const char *const abbrev[] = {
        "mr",  "mrs", "ms",  "dr",  "gen", "lt",  "col", "maj",  "capt",   "sgt",  "brig",
        "adm", "cpl", "pvt", "st",  "sen", "rep", "gov", "prof", "rev",    "jr",   "sr",
        "no",  "jan", "feb", "mar", "apr", "jun", "jul", "aug",  "sep",    "sept", "oct",
        "nov", "dec", "vs",  "inc", "ltd", "co",  "mt",  "ft",   "approx", NULL};
    if (!next)
        return 1;
    if (next->glued)
        return 0;
    if (tok[i].punct == '.' && i > 0 && tok[i].glued && tok[i - 1].kind == SR_ANN_WORD) {
        const sr_ann_tok *w = &tok[i - 1];
        if ((sr_ann_len(w) == 1 && w->upper) || sr_ann_find(s, w, abbrev) >= 0)
            return 0;
    }
    if (next->kind == SR_ANN_WORD)
        return next->upper;
    return next->kind == SR_ANN_PUNCT &&
           (next->punct == '"' || next->punct == '\'' || next->punct == '(' || next->punct == '[');
}

/* Fills TOK (room for SR_ANN_MAX_TOKENS) with the next sentence of
 * S[*pos..end) and advances *POS past it.  A sentence ends after '.', '!' or
 * '?' as sr_ann_stop_ends judges, at a line break, or at the cap.  Returns
 * the token count, 0 at the end. */
static inline size_t sr_ann_sentence(const char *s, size_t *pos, size_t end, sr_ann_tok *tok)
{
    size_t n = 0;
    int newline;
    while (n < SR_ANN_MAX_TOKENS) {
        size_t before = *pos;
        sr_ann_tok t;
        if (!sr_ann_next(s, pos, end, &t, &newline))
            break;
        if (newline && n > 0) {
            *pos = before;
            break;
        }
        if (n == 0)
            t.glued = 0;
        tok[n++] = t;
        if (t.kind == SR_ANN_PUNCT && (t.punct == '.' || t.punct == '!' || t.punct == '?')) {
            size_t peek = *pos;
            sr_ann_tok nx;
            int has_next = sr_ann_next(s, &peek, end, &nx, &newline);
            if (!has_next || newline)
                break;
            if (t.punct != '.' ? !nx.glued : sr_ann_stop_ends(s, tok, n - 1, &nx))
                break;
        }
    }
    return n;
}

#endif
