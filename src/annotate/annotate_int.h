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
#include <stdint.h>

#include "core/letters.h"
#include <string.h>

#include "sitrep/arena.h"
#include "sitrep/timex.h"

/* A "sentence" longer than this (tables, lists, garbage without stops) is cut
 * into pieces of this many tokens.  Real news sentences are far shorter; the
 * cap bounds the scratch memory, and a cut only costs an expression that
 * straddles it. */
#define SR_ANN_MAX_TOKENS 512

typedef enum sr_ann_kind { SR_ANN_WORD = 0, SR_ANN_NUM, SR_ANN_PUNCT } sr_ann_kind;

struct sr_ann_lex;

typedef struct sr_ann_tok {
    size_t start, end;
    unsigned char kind;  /* sr_ann_kind */
    unsigned char glued; /* no white space between this token and the previous one */
    unsigned char upper; /* a word starting with an ASCII capital */
    char punct;          /* the ASCII meaning of a PUNCT token */
    /* the first token from this one on that is a digit run or has a
     * lexicon entry (the sentence's length when none is): every rule of
     * both readers begins at such a token, so they skip to it */
    unsigned short next;
    /* a word's entry in the lexicon below, or NULL: looked up once by the
     * scanner, since both annotators ask it of nearly every word */
    const struct sr_ann_lex *lex;
} sr_ann_tok;

static inline const struct sr_ann_lex *sr_ann_lex_find(const char *s, const sr_ann_tok *t,
                                                       size_t end);

enum { SR_ANN_C_SPACE, SR_ANN_C_NEWLINE, SR_ANN_C_LETTER, SR_ANN_C_DIGIT, SR_ANN_C_PUNCT };

/* The slow path of the scanner stays out of line and the hot one is
 * inlined into the annotators' sentence loops. */
#if defined(__GNUC__)
#define SR_ANN_COLD __attribute__((noinline, cold, unused))
#define SR_ANN_HOT __attribute__((always_inline)) inline
#else
#define SR_ANN_COLD
#define SR_ANN_HOT inline
#endif

/* Classifies the character at S[p] (p < end); returns its length in bytes
 * and sets *CLS (and *PUNCT for punctuation). */
static SR_ANN_COLD size_t sr_ann_unit(const char *s, size_t p, size_t end, int *cls, char *punct)
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

/* Reads the token at or after *POS in S[..end).  Returns 0 at the end.
 * *NEWLINE is set when a line break was skipped before the token. */
static SR_ANN_HOT int sr_ann_next(const char *s, size_t *pos, size_t end, sr_ann_tok *t,
                                  int *newline)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = *pos, n;
    int cls, nl = 0;
    char punct = 0;
    if (p < end && u[p] == ' ')
        p++; /* the common gap: one plain space, which the loop would skip */
    for (;; p += n) {
        if (p >= end) {
            *newline = nl;
            *pos = p;
            return 0;
        }
        cls = sr_ann_byte_class[u[p]];
        n = 1;
        punct = (char)u[p];
        if (cls == SR_ANN_C_MULTI)
            n = sr_ann_unit(s, p, end, &cls, &punct);
        if (cls > SR_ANN_C_NEWLINE)
            break;
        nl |= cls; /* SR_ANN_C_NEWLINE is 1, SR_ANN_C_SPACE 0 */
    }
    *newline = nl;
    t->start = p;
    t->glued = (unsigned char)(p == *pos);
    if (cls == SR_ANN_C_PUNCT) {
        t->kind = SR_ANN_PUNCT;
        t->upper = 0;
        t->punct = punct;
        p += n;
    } else {
        t->kind = cls == SR_ANN_C_DIGIT ? SR_ANN_NUM : SR_ANN_WORD;
        t->upper = (unsigned char)(u[p] >= 'A' && u[p] <= 'Z');
        t->punct = 0;
        p += n;
        for (;;) {
            if (cls == SR_ANN_C_LETTER)
                p = sr_letter_run(u, p, end, 0);
            /* the common case: a run of single-byte members of the class */
            while (p < end && sr_ann_byte_class[u[p]] == cls)
                p++;
            if (p >= end || sr_ann_byte_class[u[p]] != SR_ANN_C_MULTI)
                break;
            int more;
            n = sr_ann_unit(s, p, end, &more, &punct);
            if (more != cls)
                break;
            p += n;
        }
    }
    t->end = p;
    *pos = p;
    t->lex = t->kind == SR_ANN_WORD ? sr_ann_lex_find(s, t, end) : NULL;
    return 1;
}

static inline size_t sr_ann_len(const sr_ann_tok *t)
{
    return t->end - t->start;
}

/* Whether the N bytes at P spell W (ASCII lower-case letters), ignoring
 * case.  c | 0x20 equals a lower-case letter only for that letter and its
 * capital, and is never 0, so a W shorter than N fails at its NUL. */
static inline int sr_ann_eq(const char *p, size_t n, const char *w)
{
    for (size_t k = 0; k < n; k++)
        if ((p[k] | 0x20) != w[k])
            return 0;
    return w[n] == 0;
}

/* Whether token T is the word W (ASCII, lower case), ignoring case. */
static inline int sr_ann_is(const char *s, const sr_ann_tok *t, const char *w)
{
    /* the first letter rejects almost every candidate */
    if (t->kind != SR_ANN_WORD || (s[t->start] | 0x20) != w[0])
        return 0;
    return sr_ann_eq(s + t->start, sr_ann_len(t), w);
}

/* Index of token T's word in the NULL-terminated LIST, or -1. */
static inline int sr_ann_find(const char *s, const sr_ann_tok *t, const char *const *list)
{
    if (t->kind != SR_ANN_WORD)
        return -1;
    char c = (char)(s[t->start] | 0x20);
    for (int i = 0; list[i]; i++)
        if (list[i][0] == c && sr_ann_eq(s + t->start, sr_ann_len(t), list[i]))
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
    if (!t->upper && n >= 5 && sr_ann_eq(w + n - 3, 3, "men"))
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

/* ---- the lexicon ----------------------------------------------------------
 * Every word that can begin a date or a count, and the words that must
 * follow the frequent ones among them, with what they mean.  Both annotators
 * look each word of the text up here first, and try their rules only where
 * a word (or a digit) can begin an expression: most sentences have none.  A
 * lexicon rather than the rules' own word lists because one look-up per
 * word, among the few entries that share its first letter and length, is
 * what the throughput budget allows.
 * Adding a word that can begin an expression means adding it here. */

enum {
    SR_LX_MONTH = 1 << 0,        /* "june": value is the month */
    SR_LX_MONTH_ABBR = 1 << 1,   /* "jun", "sept" */
    SR_LX_WEEKDAY = 1 << 2,      /* "monday": value 1..7 from Monday */
    SR_LX_WEEKDAY_ABBR = 1 << 3, /* "mon", "thurs" */
    SR_LX_CARD = 1 << 4,         /* "six", "forty": value */
    SR_LX_ORD = 1 << 5,          /* "sixth", "fortieth": value */
    SR_LX_TX = 1 << 6,           /* begins a date: "yesterday" */
    SR_LX_TX_IF = 1 << 7,        /* begins a date before a TX_AFTER word: "the" (day) */
    SR_LX_TX_AFTER = 1 << 8,
    SR_LX_NB = 1 << 9,     /* begins a count: "dozens" */
    SR_LX_NB_IF = 1 << 10, /* begins a count before an NB_AFTER word: "a" (dozen) */
    SR_LX_NB_AFTER = 1 << 11
};

/* The word is held in the entry, padded with NULs, so that a look-up
 * compares it without following a pointer, and eight bytes at a time. */
typedef struct sr_ann_lex {
    unsigned char len, value;
    unsigned short flags;
    char w[16];
} sr_ann_lex;

#define SR_ANN_LEX(w, flags, value)                                                                \
    {                                                                                              \
        sizeof(w) - 1, value, flags, w                                                             \
    }
/* One run of the table: the entries that share a first letter and length. */
#define SR_ANN_RUN(...) ((const sr_ann_lex[]){__VA_ARGS__, {0, 0, 0, ""}})
/* No entry is longer; a longer word is in no lexicon. */
#define SR_ANN_LEX_MAX 12
_Static_assert(SR_ANN_LEX_MAX < sizeof((sr_ann_lex *)0)->w, "a lexicon word and its NUL fit");

static const sr_ann_lex *const sr_ann_lexicon[26][SR_ANN_LEX_MAX + 1] = {
    ['a' - 'a'][1] = SR_ANN_RUN(SR_ANN_LEX("a", SR_LX_TX_IF | SR_LX_NB_IF, 0)),
    ['a' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("an", SR_LX_TX_IF | SR_LX_NB_IF, 0)),
    ['a' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("apr", SR_LX_MONTH_ABBR, 4), SR_ANN_LEX("aug", SR_LX_MONTH_ABBR, 8)),
    ['a' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("april", SR_LX_MONTH, 4)),
    ['a' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("august", SR_LX_MONTH, 8)),
    ['a' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("afternoon", SR_LX_TX_AFTER, 0)),
    ['b' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("billion", SR_LX_NB_AFTER, 0)),
    ['d' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("day", SR_LX_TX_AFTER, 0), SR_ANN_LEX("dec", SR_LX_MONTH_ABBR, 12)),
    ['d' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("days", SR_LX_TX_AFTER, 0)),
    ['d' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("dozen", SR_LX_NB_AFTER, 0)),
    ['d' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("dozens", SR_LX_NB, 0)),
    ['d' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("december", SR_LX_MONTH, 12)),
    ['e' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("eight", SR_LX_CARD, 8)),
    ['e' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("eighth", SR_LX_ORD, 8), SR_ANN_LEX("eighty", SR_LX_CARD, 80),
                   SR_ANN_LEX("eleven", SR_LX_CARD, 11)),
    ['e' - 'a'][7] =
        SR_ANN_RUN(SR_ANN_LEX("earlier", SR_LX_TX_IF, 0), SR_ANN_LEX("evening", SR_LX_TX_AFTER, 0)),
    ['e' - 'a'][8] =
        SR_ANN_RUN(SR_ANN_LEX("eighteen", SR_LX_CARD, 18), SR_ANN_LEX("eleventh", SR_LX_ORD, 11)),
    ['e' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("eightieth", SR_LX_ORD, 80)),
    ['e' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("eighteenth", SR_LX_ORD, 18)),
    ['f' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("feb", SR_LX_MONTH_ABBR, 2),
                                SR_ANN_LEX("few", SR_LX_NB_IF | SR_LX_NB_AFTER, 0),
                                SR_ANN_LEX("fri", SR_LX_WEEKDAY_ABBR, 5)),
    ['f' - 'a'][4] =
        SR_ANN_RUN(SR_ANN_LEX("five", SR_LX_CARD, 5), SR_ANN_LEX("four", SR_LX_CARD, 4)),
    ['f' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("fifth", SR_LX_ORD, 5), SR_ANN_LEX("fifty", SR_LX_CARD, 50),
                   SR_ANN_LEX("first", SR_LX_ORD, 1), SR_ANN_LEX("forty", SR_LX_CARD, 40)),
    ['f' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("fourth", SR_LX_ORD, 4), SR_ANN_LEX("fourty", SR_LX_CARD, 40),
                   SR_ANN_LEX("friday", SR_LX_WEEKDAY, 5)),
    ['f' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("fifteen", SR_LX_CARD, 15)),
    ['f' - 'a'][8] =
        SR_ANN_RUN(SR_ANN_LEX("february", SR_LX_MONTH, 2), SR_ANN_LEX("fiftieth", SR_LX_ORD, 50),
                   SR_ANN_LEX("fortieth", SR_LX_ORD, 40), SR_ANN_LEX("fourteen", SR_LX_CARD, 14)),
    ['f' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("fifteenth", SR_LX_ORD, 15),
                                SR_ANN_LEX("following", SR_LX_TX_AFTER, 0)),
    ['f' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("fourteenth", SR_LX_ORD, 14)),
    ['h' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("half", SR_LX_NB, 0)),
    ['h' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("hundred", SR_LX_NB_AFTER, 0)),
    ['h' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("hundreds", SR_LX_NB, 0)),
    ['j' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("jan", SR_LX_MONTH_ABBR, 1), SR_ANN_LEX("jul", SR_LX_MONTH_ABBR, 7),
                   SR_ANN_LEX("jun", SR_LX_MONTH_ABBR, 6)),
    ['j' - 'a'][4] =
        SR_ANN_RUN(SR_ANN_LEX("july", SR_LX_MONTH, 7), SR_ANN_LEX("june", SR_LX_MONTH, 6)),
    ['j' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("january", SR_LX_MONTH, 1)),
    ['l' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("last", SR_LX_TX_IF, 0)),
    ['l' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("later", SR_LX_TX_IF, 0)),
    ['m' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("mar", SR_LX_MONTH_ABBR, 3), SR_ANN_LEX("may", SR_LX_MONTH, 5),
                   SR_ANN_LEX("mon", SR_LX_WEEKDAY_ABBR, 1)),
    ['m' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("many", SR_LX_NB_IF, 0)),
    ['m' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("march", SR_LX_MONTH, 3), SR_ANN_LEX("month", SR_LX_TX_AFTER, 0)),
    ['m' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("monday", SR_LX_WEEKDAY, 1), SR_ANN_LEX("months", SR_LX_TX_AFTER, 0)),
    ['m' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("million", SR_LX_NB_AFTER, 0),
                                SR_ANN_LEX("morning", SR_LX_TX_AFTER, 0)),
    ['m' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("millions", SR_LX_NB, 0)),
    ['n' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("nov", SR_LX_MONTH_ABBR, 11)),
    ['n' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("next", SR_LX_TX_IF | SR_LX_TX_AFTER, 0),
                                SR_ANN_LEX("nine", SR_LX_CARD, 9)),
    ['n' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("night", SR_LX_TX_AFTER, 0), SR_ANN_LEX("ninth", SR_LX_ORD, 9)),
    ['n' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("ninety", SR_LX_CARD, 90)),
    ['n' - 'a'][8] =
        SR_ANN_RUN(SR_ANN_LEX("nineteen", SR_LX_CARD, 19), SR_ANN_LEX("november", SR_LX_MONTH, 11)),
    ['n' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("ninetieth", SR_LX_ORD, 90)),
    ['n' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("nineteenth", SR_LX_ORD, 19)),
    ['o' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("oct", SR_LX_MONTH_ABBR, 10), SR_ANN_LEX("one", SR_LX_CARD, 1)),
    ['o' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("october", SR_LX_MONTH, 10)),
    ['o' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("overnight", SR_LX_TX, 0)),
    ['p' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("prior", SR_LX_TX_AFTER, 0)),
    ['p' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("previous", SR_LX_TX_AFTER, 0)),
    ['s' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("sat", SR_LX_WEEKDAY_ABBR, 6), SR_ANN_LEX("sep", SR_LX_MONTH_ABBR, 9),
                   SR_ANN_LEX("six", SR_LX_CARD, 6), SR_ANN_LEX("sun", SR_LX_WEEKDAY_ABBR, 7)),
    ['s' - 'a'][4] =
        SR_ANN_RUN(SR_ANN_LEX("same", SR_LX_TX_AFTER, 0), SR_ANN_LEX("sept", SR_LX_MONTH_ABBR, 9)),
    ['s' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("seven", SR_LX_CARD, 7), SR_ANN_LEX("sixth", SR_LX_ORD, 6),
                   SR_ANN_LEX("sixty", SR_LX_CARD, 60)),
    ['s' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("scores", SR_LX_NB, 0), SR_ANN_LEX("second", SR_LX_ORD, 2),
                   SR_ANN_LEX("sunday", SR_LX_WEEKDAY, 7)),
    ['s' - 'a'][7] =
        SR_ANN_RUN(SR_ANN_LEX("seventh", SR_LX_ORD, 7), SR_ANN_LEX("seventy", SR_LX_CARD, 70),
                   SR_ANN_LEX("several", SR_LX_NB_IF, 0), SR_ANN_LEX("sixteen", SR_LX_CARD, 16)),
    ['s' - 'a'][8] =
        SR_ANN_RUN(SR_ANN_LEX("saturday", SR_LX_WEEKDAY, 6), SR_ANN_LEX("sixtieth", SR_LX_ORD, 60)),
    ['s' - 'a'][9] =
        SR_ANN_RUN(SR_ANN_LEX("september", SR_LX_MONTH, 9), SR_ANN_LEX("seventeen", SR_LX_CARD, 17),
                   SR_ANN_LEX("sixteenth", SR_LX_ORD, 16)),
    ['s' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("seventieth", SR_LX_ORD, 70)),
    ['s' - 'a'][11] = SR_ANN_RUN(SR_ANN_LEX("seventeenth", SR_LX_ORD, 17)),
    ['t' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("ten", SR_LX_CARD, 10), SR_ANN_LEX("the", SR_LX_TX_IF, 0),
                   SR_ANN_LEX("thu", SR_LX_WEEKDAY_ABBR, 4),
                   SR_ANN_LEX("tue", SR_LX_WEEKDAY_ABBR, 2), SR_ANN_LEX("two", SR_LX_CARD, 2)),
    ['t' - 'a'][4] = SR_ANN_RUN(
        SR_ANN_LEX("tens", SR_LX_NB, 0), SR_ANN_LEX("that", SR_LX_TX_IF | SR_LX_TX_AFTER, 0),
        SR_ANN_LEX("this", SR_LX_TX_IF | SR_LX_TX_AFTER, 0),
        SR_ANN_LEX("thur", SR_LX_WEEKDAY_ABBR, 4), SR_ANN_LEX("tues", SR_LX_WEEKDAY_ABBR, 2)),
    ['t' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("tenth", SR_LX_ORD, 10), SR_ANN_LEX("third", SR_LX_ORD, 3),
                   SR_ANN_LEX("three", SR_LX_CARD, 3), SR_ANN_LEX("thurs", SR_LX_WEEKDAY_ABBR, 4),
                   SR_ANN_LEX("today", SR_LX_TX, 0)),
    ['t' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("thirty", SR_LX_CARD, 30), SR_ANN_LEX("twelve", SR_LX_CARD, 12),
                   SR_ANN_LEX("twenty", SR_LX_CARD, 20)),
    ['t' - 'a'][7] =
        SR_ANN_RUN(SR_ANN_LEX("tonight", SR_LX_TX, 0), SR_ANN_LEX("tuesday", SR_LX_WEEKDAY, 2),
                   SR_ANN_LEX("twelfth", SR_LX_ORD, 12)),
    ['t' - 'a'][8] = SR_ANN_RUN(
        SR_ANN_LEX("thirteen", SR_LX_CARD, 13), SR_ANN_LEX("thousand", SR_LX_NB_AFTER, 0),
        SR_ANN_LEX("thursday", SR_LX_WEEKDAY, 4), SR_ANN_LEX("tomorrow", SR_LX_TX, 0)),
    ['t' - 'a'][9] =
        SR_ANN_RUN(SR_ANN_LEX("thirtieth", SR_LX_ORD, 30), SR_ANN_LEX("thousands", SR_LX_NB, 0),
                   SR_ANN_LEX("twentieth", SR_LX_ORD, 20)),
    ['t' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("thirteenth", SR_LX_ORD, 13)),
    ['w' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("wed", SR_LX_WEEKDAY_ABBR, 3)),
    ['w' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("week", SR_LX_TX_AFTER, 0)),
    ['w' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("weeks", SR_LX_TX_AFTER, 0)),
    ['w' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("weekend", SR_LX_TX_AFTER, 0)),
    ['w' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("wednesday", SR_LX_WEEKDAY, 3)),
    ['y' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("year", SR_LX_TX_AFTER, 0)),
    ['y' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("years", SR_LX_TX_AFTER, 0)),
    ['y' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("yesterday", SR_LX_TX, 0)),
};

/* The entry for token T in TABLE (a lexicon's runs of entries by first
 * letter and length, each ended by a zero length), or NULL.  O(entries of
 * T's first letter and length), at most a handful. */
/* The entry of run Q (of words of length N >= 2 sharing the first letter
 * of W) that the N bytes at W spell, ignoring case, or NULL.  AVAIL bytes
 * are readable at W: a word of at most eight letters with eight readable
 * is compared with each entry in one step, its bytes folded as sr_ann_eq
 * folds them and those past the word masked off (an entry's NUL padding). */
static SR_ANN_HOT const sr_ann_lex *sr_ann_run_find(const sr_ann_lex *q, const char *w, size_t n,
                                                    size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n <= 8 && avail >= 8) {
        uint64_t key, e;
        memcpy(&key, w, 8);
        key = (key | 0x2020202020202020ull) & (~0ull >> (64 - 8 * n));
        for (; q->len; q++) {
            memcpy(&e, q->w, 8);
            if (e == key)
                return q;
        }
        return NULL;
    }
#else
    (void)avail;
#endif
    /* the second letter turns away most entries */
    char second = (char)(w[1] | 0x20);
    for (; q->len; q++)
        if (q->w[1] == second && sr_ann_eq(w + 2, n - 2, q->w + 2))
            return q;
    return NULL;
}

/* The entry for token T in TABLE (a lexicon's runs of entries by first
 * letter and length, each ended by a zero length) that the token spells,
 * or NULL, for a token of text readable up to END: O(entries of T's first
 * letter and length), at most a handful. */
static inline const sr_ann_lex *
sr_ann_lookup_to(const sr_ann_lex *const table[26][SR_ANN_LEX_MAX + 1], const char *s,
                 const sr_ann_tok *t, size_t end)
{
    unsigned c = (unsigned char)(s[t->start] | 0x20);
    size_t n = sr_ann_len(t);
    if (t->kind != SR_ANN_WORD || c < 'a' || c > 'z' || n > SR_ANN_LEX_MAX)
        return NULL;
    const sr_ann_lex *q = table[c - 'a'][n];
    if (!q)
        return NULL;
    if (n == 1)
        return q->len ? q : NULL; /* the first letter was the word */
    return sr_ann_run_find(q, s + t->start, n, end - t->start);
}

/* sr_ann_lookup_to with nothing known readable past the token (the run's
 * byte-by-byte compare). */
static inline const sr_ann_lex *
sr_ann_lookup_in(const sr_ann_lex *const table[26][SR_ANN_LEX_MAX + 1], const char *s,
                 const sr_ann_tok *t)
{
    return sr_ann_lookup_to(table, s, t, t->start);
}

static inline const struct sr_ann_lex *sr_ann_lex_find(const char *s, const sr_ann_tok *t,
                                                       size_t end)
{
    return sr_ann_lookup_to(sr_ann_lexicon, s, t, end);
}

/* Token T's lexicon entry (found by the scanner), or NULL. */
static inline const sr_ann_lex *sr_ann_lookup(const char *s, const sr_ann_tok *t)
{
    (void)s;
    return t->lex;
}

/* The flags of token T's lexicon entry, 0 when it has none. */
static inline unsigned sr_ann_flags(const char *s, const sr_ann_tok *t)
{
    const sr_ann_lex *q = sr_ann_lookup(s, t);
    return q ? q->flags : 0;
}

/* Month 1..12 named by word T: full names, three-letter forms and "Sept".
 * Abbreviations and "March"/"May" must be capitalised, as news prints
 * months, so the verbs "march" and "may" are not read as dates. */
static inline int sr_ann_month(const char *s, const sr_ann_tok *t)
{
    const sr_ann_lex *q = sr_ann_lookup(s, t);
    if (!q || !(q->flags & (SR_LX_MONTH | SR_LX_MONTH_ABBR)))
        return 0;
    if (q->flags & SR_LX_MONTH)
        return (q->value == 3 || q->value == 5) && !t->upper ? 0 : q->value;
    return t->upper ? q->value : 0;
}

/* Cardinal 1..19 and tens 20..90 written as a word ("six", "forty"), or -1. */
static inline int sr_ann_number_word(const char *s, const sr_ann_tok *t)
{
    const sr_ann_lex *q = sr_ann_lookup(s, t);
    return q && (q->flags & SR_LX_CARD) ? q->value : -1;
}

/* Ordinal 1..19 and tens 20..90 written as a word ("third"), or -1. */
static inline int sr_ann_ordinal_word(const char *s, const sr_ann_tok *t)
{
    const sr_ann_lex *q = sr_ann_lookup(s, t);
    return q && (q->flags & SR_LX_ORD) ? q->value : -1;
}

/* Abbreviations a '.' follows inside a sentence: titles, ranks, months. */
static const sr_ann_lex *const sr_ann_abbrev[26][SR_ANN_LEX_MAX + 1] = {
    ['a' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("adm", 1, 0), SR_ANN_LEX("apr", 1, 0), SR_ANN_LEX("aug", 1, 0)),
    ['a' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("approx", 1, 0)),
    ['b' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("brig", 1, 0)),
    ['c' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("co", 1, 0)),
    ['c' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("col", 1, 0), SR_ANN_LEX("cpl", 1, 0)),
    ['c' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("capt", 1, 0)),
    ['d' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("dr", 1, 0)),
    ['d' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("dec", 1, 0)),
    ['f' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("ft", 1, 0)),
    ['f' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("feb", 1, 0)),
    ['g' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("gen", 1, 0), SR_ANN_LEX("gov", 1, 0)),
    ['i' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("inc", 1, 0)),
    ['j' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("jr", 1, 0)),
    ['j' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("jan", 1, 0), SR_ANN_LEX("jul", 1, 0), SR_ANN_LEX("jun", 1, 0)),
    ['l' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("lt", 1, 0)),
    ['l' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("ltd", 1, 0)),
    ['m' - 'a'][2] =
        SR_ANN_RUN(SR_ANN_LEX("mr", 1, 0), SR_ANN_LEX("ms", 1, 0), SR_ANN_LEX("mt", 1, 0)),
    ['m' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("maj", 1, 0), SR_ANN_LEX("mar", 1, 0), SR_ANN_LEX("mrs", 1, 0)),
    ['n' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("no", 1, 0)),
    ['n' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("nov", 1, 0)),
    ['o' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("oct", 1, 0)),
    ['p' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("pvt", 1, 0)),
    ['p' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("prof", 1, 0)),
    ['r' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("rep", 1, 0), SR_ANN_LEX("rev", 1, 0)),
    ['s' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("sr", 1, 0), SR_ANN_LEX("st", 1, 0)),
    ['s' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("sen", 1, 0), SR_ANN_LEX("sep", 1, 0), SR_ANN_LEX("sgt", 1, 0)),
    ['s' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("sept", 1, 0)),
    ['v' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("vs", 1, 0)),
};

/* Whether the '.' at TOK[i] ends a sentence: not inside "U.S." or "3.5", not
 * after a title or month abbreviation, and followed by a capital, a quote or
 * nothing.  NEXT is the token after it (NULL at the end). */
static inline int sr_ann_stop_ends(const char *s, const sr_ann_tok *tok, size_t i,
                                   const sr_ann_tok *next)
{
    if (!next)
        return 1;
    if (next->glued)
        return 0;
    if (tok[i].punct == '.' && i > 0 && tok[i].glued && tok[i - 1].kind == SR_ANN_WORD) {
        const sr_ann_tok *w = &tok[i - 1];
        if ((sr_ann_len(w) == 1 && w->upper) || sr_ann_lookup_in(sr_ann_abbrev, s, w))
            return 0;
    }
    if (next->kind == SR_ANN_WORD)
        return next->upper;
    return next->kind == SR_ANN_PUNCT &&
           (next->punct == '"' || next->punct == '\'' || next->punct == '(' || next->punct == '[');
}

/* The end of the run of ASCII letters from U[q], sixteen bytes at a time as
 * sr_letter_run reads them; *HIGH tells whether a byte >= 0x80 ends it
 * (the word may go on in another script). */
static SR_ANN_HOT size_t sr_ann_ascii_run(const unsigned char *u, size_t q, size_t end, int *high)
{
#if defined(__SSE2__)
    const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(0x80 - 'a');
    const __m128i past_z = _mm_set1_epi8(-102);
    while (end - q >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + q));
        __m128i x = _mm_add_epi8(_mm_or_si128(v, case_bit), shift);
        unsigned other = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, past_z)) ^ 0xFFFFu;
        if (other) {
            unsigned k = (unsigned)__builtin_ctz(other);
            *high = (int)((unsigned)_mm_movemask_epi8(v) >> k & 1);
            return q + k;
        }
        q += 16;
    }
#endif
    while (q < end && (unsigned)((u[q] | 0x20) - 'a') < 26u)
        q++;
    *high = q < end && u[q] >= 0x80;
    return q;
}

/* The common token, read without sr_ann_next's generality: at *POS (after
 * at most one plain space) an ASCII letter, digit or punctuation mark whose
 * token ends at ASCII text or at END.  Fills T as sr_ann_next would, with
 * no line break before it, advances *POS and returns 1; returns 0, having
 * changed nothing but T, where sr_ann_next must read the token (white space
 * beyond one space, a byte >= 0x80 in or right after the token, the end). */
static SR_ANN_HOT int sr_ann_next_ascii(const char *s, size_t *pos, size_t end, sr_ann_tok *t)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = *pos;
    if (p < end && u[p] == ' ')
        p++;
    if (p >= end)
        return 0;
    unsigned char c = u[p];
    int cls = sr_ann_byte_class[c];
    size_t q = p + 1;
    const sr_ann_lex *lx = NULL;
    if (cls == SR_ANN_C_LETTER) {
        if (c >= 0x80)
            return 0;
        int high;
        q = sr_ann_ascii_run(u, q, end, &high);
        if (high)
            return 0; /* the word may go on in another script */
        t->kind = SR_ANN_WORD;
        t->upper = (unsigned char)(c >= 'A' && c <= 'Z');
        t->punct = 0;
        /* sr_ann_lookup_to, on what is known here: ASCII letters */
        size_t n = q - p;
        if (n <= SR_ANN_LEX_MAX && (lx = sr_ann_lexicon[(c | 0x20) - 'a'][n]) != NULL)
            lx = n > 1 ? sr_ann_run_find(lx, s + p, n, end - p) : lx->len ? lx : NULL;
    } else if (cls == SR_ANN_C_DIGIT) {
        /* no byte >= 0x80 is a digit: the run ends at the first non-digit */
        while (q < end && (unsigned)(u[q] - '0') < 10u)
            q++;
        t->kind = SR_ANN_NUM;
        t->upper = 0;
        t->punct = 0;
    } else if (cls == SR_ANN_C_PUNCT) {
        t->kind = SR_ANN_PUNCT;
        t->upper = 0;
        t->punct = (char)c;
    } else {
        return 0;
    }
    t->start = p;
    t->end = q;
    t->glued = (unsigned char)(p == *pos);
    t->lex = lx;
    *pos = q;
    return 1;
}

/* Fills TOK (room for SR_ANN_MAX_TOKENS) with the next sentence of
 * S[*pos..end) and advances *POS past it.  A sentence ends after '.', '!' or
 * '?' as sr_ann_stop_ends judges, at a line break, or at the cap.  Returns
 * the token count, 0 at the end.  Each token's NEXT is filled in as the
 * tokens come: a digit run or lexicon word settles it for the tokens since
 * the last one. */
static inline size_t sr_ann_sentence(const char *s, size_t *pos, size_t end, sr_ann_tok *tok)
{
    /* the position in a local: a store to a token could alias *POS */
    size_t n = 0, p = *pos, unsettled = 0;
    int newline;
    while (n < SR_ANN_MAX_TOKENS) {
        size_t before = p;
        sr_ann_tok *t = &tok[n];
        if (!sr_ann_next_ascii(s, &p, end, t)) {
            if (!sr_ann_next(s, &p, end, t, &newline))
                break;
            if (newline && n > 0) {
                p = before;
                break;
            }
        }
        if (n == 0)
            t->glued = 0;
        n++;
        if (t->lex || t->kind == SR_ANN_NUM)
            for (; unsettled < n; unsettled++)
                tok[unsettled].next = (unsigned short)(n - 1);
        if (t->kind == SR_ANN_PUNCT && (t->punct == '.' || t->punct == '!' || t->punct == '?')) {
            size_t peek = p;
            sr_ann_tok nx;
            int has_next = sr_ann_next(s, &peek, end, &nx, &newline);
            if (!has_next || newline)
                break;
            if (t->punct != '.' ? !nx.glued : sr_ann_stop_ends(s, tok, n - 1, &nx))
                break;
        }
    }
    *pos = p;
    for (; unsettled < n; unsettled++)
        tok[unsettled].next = (unsigned short)n;
    return n;
}

/* ---- one tokenisation for both annotators -------------------------------
 * sr_annotate reads each sentence once with sr_ann_sentence and hands the
 * tokens to the date reader and the number reader in turn; sr_timex_find
 * and sr_numbers_find do the same for one annotator.  Sentences must come in
 * text order (the date reader's reference time moves with them).  The state
 * lives in arena A; the tokens are only read, during the call. */
typedef struct tx_state ann_timex;
typedef struct nb_state ann_numbers;

/* SR_EINVAL for an anchor outside 1900..2099 or not a calendar date. */
sr_status ann_timex_begin(sr_arena *a, const char *text, sr_date anchor, ann_timex **out);
sr_status ann_timex_sentence(ann_timex *st, sr_ann_tok *tok, size_t n);
void ann_timex_end(ann_timex *st, sr_timex **out, size_t *n_out);

sr_status ann_numbers_begin(sr_arena *a, const char *text, ann_numbers **out);
sr_status ann_numbers_sentence(ann_numbers *st, sr_ann_tok *tok, size_t n);
void ann_numbers_end(ann_numbers *st, sr_number **out, size_t *n_out);

/* Calls FN(CTX, tokens, count) for each sentence of the N_REGIONS regions
 * of TEXT in order, with one token buffer from arena A; stops at the first
 * status other than SR_OK and returns it. */
static inline sr_status sr_ann_each_sentence(sr_arena *a, const char *text, const sr_span *regions,
                                             size_t n_regions,
                                             sr_status (*fn)(void *, sr_ann_tok *, size_t),
                                             void *ctx)
{
    sr_ann_tok *tok = sr_arena_alloc(a, SR_ANN_MAX_TOKENS * sizeof *tok);
    if (!tok)
        return SR_ENOMEM;
    for (size_t r = 0; r < n_regions; r++) {
        size_t pos = regions[r].start, n;
        while ((n = sr_ann_sentence(text, &pos, regions[r].end, tok)) > 0) {
            sr_status rc = fn(ctx, tok, n);
            if (rc != SR_OK)
                return rc;
        }
    }
    return SR_OK;
}

#endif
