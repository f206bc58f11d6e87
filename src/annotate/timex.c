/* timex.c - the dates a report mentions, resolved against its anchor.
 *
 * The design follows HeidelTime (Strötgen & Gertz), cut down to what
 * conflict news needs.  Each sentence is scanned once; at each token a
 * fixed sequence of rules is tried (explicit date, year-less date, month,
 * year, weekday, expressions relative to the anchor, expressions relative
 * to the last mentioned date, "overnight") and the first that matches is
 * emitted.  Resolution uses two reference times, as HeidelTime does for
 * news: the document's anchor (its publication date or dateline) for
 * deictic expressions ("yesterday", "on Wednesday", "last week"), and the
 * last mentioned day ("reference time") for anaphoric ones ("a day earlier",
 * "the next day").  The reference time starts as the anchor and moves with
 * every day-precision date resolved, in text order across regions.
 *
 * Where the year or the direction is not written, the tense of the clause
 * decides: as HeidelTime's ContextAnalyzer does, we take the nearest tense
 * marker before the expression in its sentence, else the nearest after it.
 * Without a part-of-speech tagger the markers are words: future modals and
 * "is expected to"-style phrases, past auxiliaries, common irregular past
 * forms and regular "-ed" verbs.  Past (or no marker) picks the most recent
 * occurrence, future the next one.
 *
 * A date is never invented: with no anchor, anything that needs one is
 * reported with precision SR_PREC_NONE and year 0.
 *
 * The cue words are English grammar, not domain knowledge, so they live
 * here as tables rather than in data/.  Cost: O(1) work per token (the
 * explicit-date reader looks at most 40 bytes ahead), so O(text). */
#include <stdint.h>
#include <string.h>

#include "annotate/annotate_int.h"
#include "sitrep/arena.h"
#include "sitrep/timex.h"

#define TX_PAST (-1)
#define TX_FUTURE 1

/* The explicit-date reader (sr_find_date) is given this many bytes: the
 * longest form it reads, "September 30th, 2016", is 20; a bounded window
 * keeps the whole pass linear. */
#define TX_DATE_WINDOW 40

typedef struct tx_state {
    sr_arena *a;
    sr_ann_view v;              /* the current sentence */
    signed char *before;        /* before[k]: tense marker of token k, or TX_MARK_UNREAD */
    unsigned char *tense_words; /* tense-word flags of each token, or TX_UNREAD */
    int tensed;                 /* before[] and tense_words[] are reset for this sentence */
    int has_anchor;
    sr_date anchor;
    long anchor_days;
    int has_ref; /* the last mentioned day, HeidelTime's "reference time" */
    long ref_days;
    size_t free_from; /* first token of the sentence not inside an expression */
    int ref_here;     /* the reference day was set in this sentence */
    sr_timex *out;
    size_t n_out, cap_out;
} tx_state;

/* ---- calendar ------------------------------------------------------------ */

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static sr_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return (sr_date){(int)(yoe + era * 400 + (m <= 2)), (int)m, (int)d};
}

/* ISO weekday, Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday). */
static int iso_weekday(long days)
{
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w) + 1;
}

static long monday_of(long days)
{
    return days - (iso_weekday(days) - 1);
}

int sr_date_parse_iso(const char *s, sr_date *d)
{
    if (!s || !d)
        return 0;
    for (int i = 0; i < 10; i++) {
        int want_dash = i == 4 || i == 7;
        if (want_dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    if (s[10] && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    /* The same year range as the dateline reader (clean/dateline.c). */
    if (y < 1900 || y > 2099 || !valid_ymd(y, m, day))
        return 0;
    *d = (sr_date){y, m, day};
    return 1;
}

/* ---- token tests ---------------------------------------------------------- */

/* Whether token I - BACK exists and is not inside an earlier expression. */
static int tx_back(const tx_state *st, size_t i, size_t back)
{
    return i >= back && i - back >= st->free_from;
}

/* Weekday 1..7 named at token I: full names in any case; with ALLOW_ABBREV
 * also capitalised "Sun", "Wed", "Thurs" (only used before a written date,
 * where "Sun" cannot be the noun). */
static int tx_weekday(const tx_state *st, size_t i, int allow_abbrev)
{
    if (i >= st->v.n)
        return 0;
    const sr_ann_lex *q = sr_ann_lookup(st->v.s, &st->v.tok[i]);
    if (!q)
        return 0;
    if (q->flags & SR_LX_WEEKDAY)
        return q->value;
    if ((q->flags & SR_LX_WEEKDAY_ABBR) && allow_abbrev && st->v.tok[i].upper)
        return q->value;
    return 0;
}

/* Index after an optional weekday prefix ("Sunday", "Sun.,") at I. */
static size_t tx_skip_weekday(const tx_state *st, size_t i)
{
    if (!tx_weekday(st, i, 1))
        return i;
    size_t k = i + 1;
    if (sr_ann_p(&st->v, k, '.') && st->v.tok[k].glued)
        k++;
    if (sr_ann_p(&st->v, k, ','))
        k++;
    return k;
}

/* Month named at token I; *NEXT is past it and a glued '.' after an
 * abbreviation ("Aug."). */
static int tx_month(const tx_state *st, size_t i, size_t *next)
{
    if (i >= st->v.n)
        return 0;
    int m = sr_ann_month(st->v.s, &st->v.tok[i]);
    if (!m)
        return 0;
    *next = i + 1;
    if (sr_ann_len(&st->v.tok[i]) <= 4 && sr_ann_p(&st->v, i + 1, '.') && st->v.tok[i + 1].glued)
        *next = i + 2;
    return m;
}

static int tx_full_month(const tx_state *st, size_t i)
{
    size_t next;
    if (!tx_month(st, i, &next))
        return 0;
    size_t len = sr_ann_len(&st->v.tok[i]);
    return len > 4 || sr_ann_w(&st->v, i, "may") || sr_ann_w(&st->v, i, "june") ||
           sr_ann_w(&st->v, i, "july");
}

/* Day of the month at token I ("24", "24th"), 0 if none; *NEXT past it. */
static int tx_day(const tx_state *st, size_t i, size_t *next)
{
    static const char *const suffix[] = {"st", "nd", "rd", "th", NULL};
    long v = sr_ann_digits(&st->v, i, 2);
    if (v < 1 || v > 31)
        return 0;
    if (sr_ann_num_attached(&st->v, i))
        return 0;
    size_t k = i;
    if (k + 1 < st->v.n && st->v.tok[k + 1].glued && sr_ann_wl(&st->v, k + 1, suffix) >= 0)
        k++;
    if (!sr_ann_num_ends(&st->v, k))
        return 0;
    *next = k + 1;
    return (int)v;
}

/* A four-digit year 1900..2099 at I standing alone, else 0. */
static int tx_year(const tx_state *st, size_t i)
{
    long v = sr_ann_digits(&st->v, i, 4);
    if (v < 1900 || v > 2099 || sr_ann_len(&st->v.tok[i]) != 4)
        return 0;
    if (i > 0 && st->v.tok[i].glued && st->v.tok[i - 1].kind != SR_ANN_PUNCT)
        return 0;
    return (int)v;
}

/* A small count at I: digits, "a"/"an", "two", "twenty-one"; -1 if none. */
static long tx_count(const tx_state *st, size_t i, size_t *next)
{
    long v = sr_ann_digits(&st->v, i, 3);
    if (v > 0 && sr_ann_num_ends(&st->v, i)) {
        *next = i + 1;
        return v;
    }
    if (sr_ann_w(&st->v, i, "a") || sr_ann_w(&st->v, i, "an")) {
        *next = i + 1;
        return 1;
    }
    if (i >= st->v.n)
        return -1;
    int w = sr_ann_number_word(st->v.s, &st->v.tok[i]);
    if (w < 0)
        return -1;
    *next = i + 1;
    if (w >= 20 && sr_ann_p(&st->v, i + 1, '-') && i + 2 < st->v.n && st->v.tok[i + 1].glued &&
        st->v.tok[i + 2].glued) {
        int u = sr_ann_number_word(st->v.s, &st->v.tok[i + 2]);
        if (u >= 1 && u <= 9) {
            w += u;
            *next = i + 3;
        }
    }
    return w;
}

/* ---- tense ---------------------------------------------------------------- */

enum {
    TX_T_FUTURE = 1 << 0,       /* "will", "upcoming" */
    TX_T_PAST = 1 << 1,         /* "was", "said", irregular past forms */
    TX_T_NOT_PAST_ED = 1 << 2,  /* adjectives and nouns that look like "-ed" past forms */
    TX_T_FUTURE_TO = 1 << 3,    /* "X to" announcing the future: "is expected to", "plans to" */
    TX_T_BE_FUTURE_TO = 1 << 4, /* "is X to": "is set to", "are due to", "is going to" */
    TX_T_BE = 1 << 5,           /* before BE_FUTURE_TO */
    TX_T_PASSIVE = 1 << 6       /* "be", "been", "being": a participle after it is passive */
};

/* The tense cue words, looked up in the manner of the shared lexicon. */
static const sr_ann_lex *const tx_tense_words[26][SR_ANN_LEX_MAX + 1] = {
    ['a' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("am", TX_T_BE, 0)),
    ['a' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("ago", TX_T_PAST, 0), SR_ANN_LEX("are", TX_T_BE, 0)),
    ['a' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("about", TX_T_BE_FUTURE_TO, 0),
                                SR_ANN_LEX("armed", TX_T_NOT_PAST_ED, 0)),
    ['a' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("allied", TX_T_NOT_PAST_ED, 0)),
    ['a' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("alleged", TX_T_NOT_PAST_ED, 0)),
    ['a' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("advanced", TX_T_NOT_PAST_ED, 0)),
    ['b' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("be", TX_T_BE | TX_T_PASSIVE, 0)),
    ['b' - 'a'][4] =
        SR_ANN_RUN(SR_ANN_LEX("been", TX_T_PASSIVE, 0), SR_ANN_LEX("blew", TX_T_PAST, 0)),
    ['b' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("based", TX_T_NOT_PAST_ED, 0), SR_ANN_LEX("began", TX_T_PAST, 0),
                   SR_ANN_LEX("being", TX_T_PASSIVE, 0), SR_ANN_LEX("broke", TX_T_PAST, 0)),
    ['b' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("backed", TX_T_NOT_PAST_ED, 0), SR_ANN_LEX("became", TX_T_PAST, 0)),
    ['b' - 'a'][7] =
        SR_ANN_RUN(SR_ANN_LEX("beloved", TX_T_NOT_PAST_ED, 0), SR_ANN_LEX("brought", TX_T_PAST, 0)),
    ['c' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("came", TX_T_PAST, 0)),
    ['c' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("caught", TX_T_PAST, 0)),
    ['c' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("concerned", TX_T_NOT_PAST_ED, 0)),
    ['d' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("did", TX_T_PAST, 0), SR_ANN_LEX("due", TX_T_BE_FUTURE_TO, 0)),
    ['d' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("drove", TX_T_PAST, 0)),
    ['d' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("detailed", TX_T_NOT_PAST_ED, 0)),
    ['e' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("expected", TX_T_FUTURE_TO, 0)),
    ['f' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("fell", TX_T_PAST, 0), SR_ANN_LEX("fled", TX_T_PAST, 0)),
    ['f' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("fought", TX_T_PAST, 0)),
    ['g' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("gave", TX_T_PAST, 0)),
    ['g' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("going", TX_T_BE_FUTURE_TO, 0)),
    ['h' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("had", TX_T_PAST, 0)),
    ['h' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("held", TX_T_PAST, 0)),
    ['h' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("hundred", TX_T_NOT_PAST_ED, 0)),
    ['i' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("is", TX_T_BE, 0)),
    ['i' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("intend", TX_T_FUTURE_TO, 0)),
    ['i' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("injured", TX_T_NOT_PAST_ED, 0),
                                SR_ANN_LEX("intends", TX_T_FUTURE_TO, 0)),
    ['i' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("interested", TX_T_NOT_PAST_ED, 0)),
    ['k' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("kindred", TX_T_NOT_PAST_ED, 0)),
    ['l' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("lost", TX_T_PAST, 0)),
    ['l' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("limited", TX_T_NOT_PAST_ED, 0)),
    ['m' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("met", TX_T_PAST, 0)),
    ['m' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("made", TX_T_PAST, 0)),
    ['m' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("masked", TX_T_NOT_PAST_ED, 0)),
    ['n' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("next", TX_T_FUTURE, 0)),
    ['n' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("naked", TX_T_NOT_PAST_ED, 0)),
    ['o' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("overran", TX_T_PAST, 0)),
    ['p' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("plan", TX_T_FUTURE_TO, 0)),
    ['p' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("plans", TX_T_FUTURE_TO, 0)),
    ['p' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("poised", TX_T_FUTURE_TO, 0)),
    ['p' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("planning", TX_T_FUTURE_TO, 0)),
    ['r' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("ran", TX_T_PAST, 0)),
    ['r' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("rose", TX_T_PAST, 0)),
    ['r' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("rugged", TX_T_NOT_PAST_ED, 0)),
    ['r' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("related", TX_T_NOT_PAST_ED, 0)),
    ['s' - 'a'][1] = SR_ANN_RUN(SR_ANN_LEX("s", TX_T_BE, 0)),
    ['s' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("saw", TX_T_PAST, 0), SR_ANN_LEX("set", TX_T_BE_FUTURE_TO, 0)),
    ['s' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("said", TX_T_PAST, 0), SR_ANN_LEX("sent", TX_T_PAST, 0),
                                SR_ANN_LEX("shot", TX_T_PAST, 0)),
    ['s' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("shall", TX_T_FUTURE, 0), SR_ANN_LEX("spoke", TX_T_PAST, 0),
                   SR_ANN_LEX("stood", TX_T_PAST, 0)),
    ['s' - 'a'][6] =
        SR_ANN_RUN(SR_ANN_LEX("sacred", TX_T_NOT_PAST_ED, 0),
                   SR_ANN_LEX("slated", TX_T_FUTURE_TO, 0), SR_ANN_LEX("struck", TX_T_PAST, 0)),
    ['s' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("skilled", TX_T_NOT_PAST_ED, 0)),
    ['s' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("scheduled", TX_T_FUTURE_TO, 0)),
    ['t' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("told", TX_T_PAST, 0), SR_ANN_LEX("took", TX_T_PAST, 0)),
    ['t' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("threw", TX_T_PAST, 0)),
    ['t' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("tomorrow", TX_T_FUTURE, 0)),
    ['u' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("united", TX_T_NOT_PAST_ED, 0)),
    ['u' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("unnamed", TX_T_NOT_PAST_ED, 0)),
    ['u' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("upcoming", TX_T_FUTURE, 0)),
    ['u' - 'a'][12] = SR_ANN_RUN(SR_ANN_LEX("unidentified", TX_T_NOT_PAST_ED, 0)),
    ['w' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("was", TX_T_PAST, 0), SR_ANN_LEX("won", TX_T_PAST, 0)),
    ['w' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("went", TX_T_PAST, 0), SR_ANN_LEX("were", TX_T_PAST, 0),
                                SR_ANN_LEX("will", TX_T_FUTURE, 0)),
    ['w' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("wicked", TX_T_NOT_PAST_ED, 0)),
    ['w' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("wounded", TX_T_NOT_PAST_ED, 0)),
    ['w' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("withdrew", TX_T_PAST, 0)),
    ['y' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("yesterday", TX_T_PAST, 0)),
};

/* Tense marker at token K of the sentence: TX_PAST, TX_FUTURE or 0.  F[k]
 * holds the tense-word flags of token k. */
static int tx_marker(const tx_state *st, const unsigned char *f, size_t k)
{
    const sr_ann_tok *t = &st->v.tok[k];
    const char *s = st->v.s;
    if (t->kind != SR_ANN_WORD)
        return 0;
    if (f[k] & TX_T_FUTURE)
        return TX_FUTURE;
    if (sr_ann_is(s, t, "ll") && t->glued && k > 0 && st->v.tok[k - 1].punct == '\'')
        return TX_FUTURE;
    if (sr_ann_is(s, t, "won") && sr_ann_p(&st->v, k + 1, '\'') && sr_ann_w(&st->v, k + 2, "t"))
        return TX_FUTURE;
    if (sr_ann_is(s, t, "to")) {
        if (k > 0 && (f[k - 1] & TX_T_FUTURE_TO))
            return TX_FUTURE;
        if (k > 1 && (f[k - 1] & TX_T_BE_FUTURE_TO) && (f[k - 2] & TX_T_BE))
            return TX_FUTURE;
        return 0;
    }
    if (sr_ann_w(&st->v, k + 1, "to") && (f[k] & TX_T_FUTURE_TO))
        return 0; /* the "to" after it carries the future */
    /* after "be" a participle is passive and the auxiliary carries the
     * tense: "will be held", "is expected to be signed" */
    if (k > 0 && (f[k - 1] & TX_T_PASSIVE))
        return 0;
    if (f[k] & TX_T_PAST)
        return TX_PAST;
    size_t len = sr_ann_len(t);
    const char *w = s + t->start;
    if (!t->upper && len >= 5 && w[len - 2] == 'e' && w[len - 1] == 'd' && w[len - 3] != 'e' &&
        !(f[k] & TX_T_NOT_PAST_ED) && !(k > 0 && t->glued && st->v.tok[k - 1].punct == '-'))
        return TX_PAST;
    return 0;
}

/* Not yet read: the tense-word flags use bits 0..6, a marker is -1, 0 or 1. */
#define TX_UNREAD 0x80
#define TX_MARK_UNREAD ((signed char)-128)

/* Tense-word flags of token K, looked up on first use. */
static unsigned char tx_flags(tx_state *st, size_t k)
{
    unsigned char *f = st->tense_words;
    if (f[k] == TX_UNREAD) {
        const sr_ann_lex *q = sr_ann_lookup_in(tx_tense_words, st->v.s, &st->v.tok[k]);
        f[k] = q ? (unsigned char)q->flags : 0;
    }
    return f[k];
}

/* tx_marker of token K, worked out on first use: it reads the flags of
 * tokens K - 2 .. K. */
static signed char tx_marker_at(tx_state *st, size_t k)
{
    signed char *mk = st->before;
    if (mk[k] == TX_MARK_UNREAD) {
        for (size_t q = k >= 2 ? k - 2 : 0; q <= k; q++)
            tx_flags(st, q);
        mk[k] = (signed char)tx_marker(st, st->tense_words, k);
    }
    return mk[k];
}

/* Tense governing the expression at tokens [i, j): the nearest marker
 * before I, else the nearest one from J on.  Markers are read outwards
 * from the expression and remembered for the sentence, so most sentences
 * read a few tokens rather than all.  Cost: O(n) per call, at most
 * SR_ANN_MAX_TOKENS; each token's marker is worked out once. */
static int tx_tense(tx_state *st, size_t i, size_t j)
{
    if (!st->tensed) {
        memset(st->tense_words, TX_UNREAD, st->v.n);
        memset(st->before, (unsigned char)TX_MARK_UNREAD, st->v.n);
        st->tensed = 1;
    }
    for (size_t k = i; k-- > 0;) {
        signed char m = tx_marker_at(st, k);
        if (m)
            return m;
    }
    for (size_t k = j; k < st->v.n; k++) {
        signed char m = tx_marker_at(st, k);
        if (m)
            return m;
    }
    return 0;
}

/* ---- output --------------------------------------------------------------- */

static sr_status tx_emit(tx_state *st, size_t i, size_t j, sr_date d, sr_date e, sr_precision p,
                         int relative, int part, const char *rule)
{
    if (st->n_out == st->cap_out) {
        size_t cap = st->cap_out ? st->cap_out * 2 : 16;
        sr_timex *grown =
            sr_arena_grow(st->a, st->out, st->cap_out * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return SR_ENOMEM;
        st->out = grown;
        st->cap_out = cap;
    }
    if (p != SR_PREC_NONE && (d.year < 1 || e.year > 9999)) {
        /* a chain of "999 days earlier" can walk off the calendar; year 0
         * means unknown, so such a date is left unresolved */
        d = e = (sr_date){0, 0, 0};
        p = SR_PREC_NONE;
    }
    sr_timex *x = &st->out[st->n_out++];
    x->span.start = st->v.tok[i].start;
    x->span.end = st->v.tok[j - 1].end;
    x->date = d;
    x->end = e;
    x->precision = p;
    x->relative = relative;
    x->part_of_day = part;
    x->rule = rule;
    if (p == SR_PREC_DAY) {
        st->has_ref = 1;
        st->ref_days = days_from_civil(d.year, d.month, d.day);
        st->ref_here = 1;
    }
    st->free_from = j;
    return SR_OK;
}

/* Widens a day expression [*i, *j) by "late (on)" or "the night of" before
 * it and "morning"/"night" after it, setting *PART. */
static void tx_day_parts(const tx_state *st, size_t *i, size_t *j, int *part)
{
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    size_t a = *i;
    int p;
    if (tx_back(st, a, 2) && sr_ann_w(&st->v, a - 1, "on") && sr_ann_w(&st->v, a - 2, "late")) {
        *i = a - 2;
        *part = 5;
    } else if (tx_back(st, a, 1) && sr_ann_w(&st->v, a - 1, "late")) {
        *i = a - 1;
        *part = 5;
    } else if (tx_back(st, a, 2) && sr_ann_w(&st->v, a - 1, "of") &&
               (p = sr_ann_wl(&st->v, a - 2, parts)) >= 0) {
        *i = tx_back(st, a, 3) && sr_ann_w(&st->v, a - 3, "the") ? a - 3 : a - 2;
        *part = p + 1;
    }
    if ((p = sr_ann_wl(&st->v, *j, parts)) >= 0) {
        if (!*part)
            *part = p + 1;
        (*j)++;
    }
}

/* Emits a day expression: resolved to DAYS when RESOLVED, else SR_PREC_NONE
 * with the partial date KNOWN (year 0). */
static sr_status tx_emit_day(tx_state *st, size_t i, size_t j, int resolved, long days,
                             sr_date known, int relative, int part, const char *rule)
{
    tx_day_parts(st, &i, &j, &part);
    if (!resolved)
        return tx_emit(st, i, j, known, known, SR_PREC_NONE, relative, part, rule);
    sr_date d = civil_from_days(days);
    return tx_emit(st, i, j, d, d, SR_PREC_DAY, relative, part, rule);
}

static sr_status tx_emit_none(tx_state *st, size_t i, size_t j, int relative, const char *rule)
{
    sr_date z = {0, 0, 0};
    return tx_emit(st, i, j, z, z, SR_PREC_NONE, relative, 0, rule);
}

static sr_status tx_emit_month(tx_state *st, size_t i, size_t j, int y, int m, int relative,
                               const char *rule)
{
    sr_date d = {y, m, 0};
    return tx_emit(st, i, j, d, d, y ? SR_PREC_MONTH : SR_PREC_NONE, relative, 0, rule);
}

static sr_status tx_emit_week(tx_state *st, size_t i, size_t j, long monday, const char *rule)
{
    sr_date d = civil_from_days(monday);
    return tx_emit(st, i, j, d, d, SR_PREC_WEEK, 1, 0, rule);
}

/* Month Y-M shifted by DELTA months, as year*12 + month-1. */
static void tx_shift_month(int y, int m, int delta, int *oy, int *om)
{
    int idx = y * 12 + (m - 1) + delta;
    *oy = idx / 12;
    *om = idx % 12 + 1;
}

/* ---- rules ---------------------------------------------------------------- */
/* Each rule tries an expression starting at token I.  It returns the index
 * after the expression (having emitted it, or stored an error in *RC), or 0
 * when it does not match. */

/* "19 July 2016", "July 19, 2016", "2016-07-19", "05.10.2017", optionally
 * after a weekday ("Sunday 24 Aug 2014", "Sun 10 Jul 2016").  The forms are
 * read by sr_find_date, which the dateline finder also uses. */
static size_t rule_explicit(tx_state *st, size_t i, sr_status *rc)
{
    size_t k = tx_skip_weekday(st, i);
    if (k >= st->v.n)
        return 0;
    const sr_ann_tok *t = &st->v.tok[k];
    if (t->kind != SR_ANN_NUM && !(t->kind == SR_ANN_WORD && sr_ann_month(st->v.s, t)))
        return 0;
    if (t->kind == SR_ANN_NUM && sr_ann_num_attached(&st->v, k))
        return 0;
    /* sr_find_date reads ASCII separators, so the window is rebuilt from the
     * tokens with one plain space wherever the text had white space (a
     * no-break space, say) and each punctuation mark as its ASCII meaning;
     * ENDS[] maps the copy back to tokens. */
    char buf[TX_DATE_WINDOW + 1];
    size_t ends[TX_DATE_WINDOW + 1], len = 0, m;
    int year_digits = 0;
    /* every form sr_find_date reads has a year of four digits (or a day
     * glued to one), so most windows need not be read at all: a first
     * pass over the window's lengths looks for one before any copying */
    for (m = k; m < st->v.n && !year_digits; m++) {
        const sr_ann_tok *u = &st->v.tok[m];
        size_t need = (m > k && !u->glued) + (u->kind == SR_ANN_PUNCT ? 1 : sr_ann_len(u));
        if (len + need > TX_DATE_WINDOW)
            break;
        year_digits |= u->kind == SR_ANN_NUM && sr_ann_len(u) >= 4;
        len += need;
    }
    if (!year_digits)
        return 0;
    len = 0;
    for (m = k; m < st->v.n; m++) {
        const sr_ann_tok *u = &st->v.tok[m];
        size_t need = (m > k && !u->glued) + (u->kind == SR_ANN_PUNCT ? 1 : sr_ann_len(u));
        if (len + need > TX_DATE_WINDOW)
            break;
        year_digits |= u->kind == SR_ANN_NUM && sr_ann_len(u) >= 4;
        if (m > k && !u->glued)
            buf[len++] = ' ';
        if (u->kind == SR_ANN_PUNCT) {
            buf[len++] = u->punct;
        } else {
            memcpy(buf + len, st->v.s + u->start, sr_ann_len(u));
            len += sr_ann_len(u);
        }
        ends[m - k] = len;
    }
    sr_span sp;
    sr_date d;
    if (m == k || !year_digits || !sr_find_date(buf, len, &sp, &d) || sp.start != 0)
        return 0;
    size_t j = k;
    while (j < m && ends[j - k] < sp.end)
        j++;
    if (j == m || ends[j - k] != sp.end)
        return 0; /* the date ends inside a token */
    j++;
    if (j < st->v.n && st->v.tok[j].glued && st->v.tok[j].kind != SR_ANN_PUNCT)
        return 0;
    sr_date known = d;
    *rc =
        tx_emit_day(st, i, j, 1, days_from_civil(d.year, d.month, d.day), known, 0, 0, "explicit");
    return j;
}

/* "November 17", "17 November", "the 17th of November", "Sunday 24
 * August": the year is the anchor's, moved by the tense.  Past (or no
 * marker): the latest such day no later than one day after the anchor - a
 * report filed just after midnight may name the next day.  Future: the
 * first such day on or after the anchor. */
static size_t rule_yearless(tx_state *st, size_t i, sr_status *rc)
{
    size_t k = tx_skip_weekday(st, i), after, j, y;
    int m, d;
    if ((m = tx_month(st, k, &after)) && (d = tx_day(st, after, &j))) {
        /* "June 24" with no year; a written year means sr_find_date found
         * the date invalid ("February 30, 2016"), so it is no date at all */
        y = sr_ann_p(&st->v, j, ',') ? j + 1 : j;
        if (sr_ann_digits(&st->v, y, 4) >= 1000)
            return 0;
    } else if ((d = tx_day(st, k, &after))) {
        size_t q = sr_ann_w(&st->v, after, "of") ? after + 1 : after;
        if (!(m = tx_month(st, q, &j)))
            return 0;
        y = sr_ann_p(&st->v, j, ',') ? j + 1 : j;
        if (sr_ann_digits(&st->v, y, 4) >= 1000)
            return 0;
    } else {
        return 0;
    }
    if (d > days_in(2000, m)) /* 2000 was a leap year: February 29 may exist */
        return 0;
    sr_date known = {0, m, d};
    if (!st->has_anchor) {
        *rc = tx_emit_day(st, i, j, 0, 0, known, 1, 0, "yearless");
        return j;
    }
    int future = tx_tense(st, i, j) == TX_FUTURE;
    long days = 0;
    int found = 0;
    /* February 29 can be 8 years away (2096 -> 2104) */
    for (int step = 0; step < 9 && !found; step++) {
        int yy = st->anchor.year + (future ? step : -step);
        if (!valid_ymd(yy, m, d))
            continue;
        days = days_from_civil(yy, m, d);
        found = future ? days >= st->anchor_days : days <= st->anchor_days + 1;
    }
    /* A written weekday pins the year: "on Sunday 24 August" in a July 2016
     * report is 2014's (24 August 2015 was a Monday).  A date falls on the
     * same weekday again within at most 11 years, so look no further; when
     * none matches (a misprint) the tense's choice stands. */
    int wd = k > i ? tx_weekday(st, i, 1) : 0;
    if (found && wd && iso_weekday(days) != wd) {
        int y0 = civil_from_days(days).year;
        for (int step = 1; step <= 11; step++) {
            int yy = y0 + (future ? step : -step);
            if (valid_ymd(yy, m, d) && iso_weekday(days_from_civil(yy, m, d)) == wd) {
                days = days_from_civil(yy, m, d);
                break;
            }
        }
    }
    *rc = tx_emit_day(st, i, j, found, days, known, 1, 0, "yearless");
    return j;
}

/* "June 2016", "June, 2016": month precision, written out. */
static size_t rule_month_year(tx_state *st, size_t i, sr_status *rc)
{
    size_t after;
    int m = tx_month(st, i, &after);
    if (!m)
        return 0;
    size_t k = sr_ann_p(&st->v, after, ',') ? after + 1 : after;
    int y = k < st->v.n ? tx_year(st, k) : 0;
    if (!y || !sr_ann_num_ends(&st->v, k))
        return 0;
    *rc = tx_emit_month(st, i, k + 1, y, m, 0, "month");
    return k + 1;
}

/* "in June", "since June", "earlier in June", "mid-June", "last June": a
 * bare month needs a preposition or modifier before it, so a name like
 * "June" alone is not read as a date. */
static size_t rule_month(tx_state *st, size_t i, sr_status *rc)
{
    static const char *const preps[] = {
        "in",   "since", "during", "until", "till", "through",    "by",      "early",
        "late", "of",    "before", "after", "from", "throughout", "between", NULL};
    enum { TENSE, PAST, FUTURE, STRICT_PAST, STRICT_FUTURE, THIS } how = TENSE;
    if (!tx_full_month(st, i))
        return 0;
    int m = sr_ann_month(st->v.s, &st->v.tok[i]);
    size_t start = i;
    if (!tx_back(st, i, 1))
        return 0;
    if (sr_ann_p(&st->v, i - 1, '-') && st->v.tok[i].glued && tx_back(st, i, 2) &&
        sr_ann_w(&st->v, i - 2, "mid")) {
        start = i - 2;
    } else if (sr_ann_w(&st->v, i - 1, "last")) {
        how = STRICT_PAST;
        start = i - 1;
    } else if (sr_ann_w(&st->v, i - 1, "next")) {
        how = STRICT_FUTURE;
        start = i - 1;
    } else if (sr_ann_w(&st->v, i - 1, "this")) {
        how = THIS;
        start = i - 1;
    } else if (sr_ann_w(&st->v, i - 1, "in") && tx_back(st, i, 2) &&
               sr_ann_w(&st->v, i - 2, "earlier")) {
        how = PAST; /* "earlier in June" cannot be ahead of the report */
        start = i - 2;
    } else if (sr_ann_w(&st->v, i - 1, "in") && tx_back(st, i, 2) &&
               sr_ann_w(&st->v, i - 2, "later")) {
        start = i - 2;
    } else if (sr_ann_wl(&st->v, i - 1, preps) < 0) {
        return 0;
    }
    size_t j = i + 1;
    if (!st->has_anchor) {
        *rc = tx_emit_month(st, start, j, 0, m, 1, "month");
        return j;
    }
    int ay = st->anchor.year, am = st->anchor.month, y;
    if (how == TENSE)
        how = tx_tense(st, start, j) == TX_FUTURE ? FUTURE : PAST;
    switch (how) {
    case STRICT_PAST: y = m < am ? ay : ay - 1; break;
    case STRICT_FUTURE: y = m > am ? ay : ay + 1; break;
    case FUTURE: y = m >= am ? ay : ay + 1; break;
    case THIS: y = ay; break;
    default: y = m <= am ? ay : ay - 1; break;
    }
    *rc = tx_emit_month(st, start, j, y, m, 1, "month");
    return j;
}

/* "in 2014", "since 2012", "between 2014 and 2015", "in 2014-15".  A bare
 * four-digit number needs a preposition before it: "the 2014 offensive" is
 * left alone, and "a force of 2000 fighters" is a count, not a year. */
static size_t rule_year(tx_state *st, size_t i, sr_status *rc)
{
    static const char *const preps[] = {"in",     "since",  "between", "from",       "during",
                                        "until",  "till",   "by",      "of",         "early",
                                        "late",   "before", "after",   "throughout", "summer",
                                        "spring", "autumn", "fall",    "winter",     NULL};
    int y1 = tx_year(st, i);
    if (!y1 || !tx_back(st, i, 1))
        return 0;
    size_t start = i;
    if (sr_ann_p(&st->v, i - 1, '-') && st->v.tok[i].glued && tx_back(st, i, 2) &&
        sr_ann_w(&st->v, i - 2, "mid")) {
        start = i - 2;
    } else if (sr_ann_wl(&st->v, i - 1, preps) < 0) {
        return 0;
    } else if (sr_ann_w(&st->v, i - 1, "between") || sr_ann_w(&st->v, i - 1, "from") ||
               sr_ann_w(&st->v, i - 1, "since")) {
        start = i - 1;
    }
    if (sr_ann_w(&st->v, i - 1, "of") && i + 1 < st->v.n &&
        sr_ann_plural(st->v.s, &st->v.tok[i + 1]))
        return 0;
    int y2 = 0;
    size_t j = i + 1;
    if (sr_ann_w(&st->v, j, "and") || sr_ann_w(&st->v, j, "to") || sr_ann_w(&st->v, j, "until") ||
        sr_ann_w(&st->v, j, "till") || sr_ann_w(&st->v, j, "through")) {
        int v = j + 1 < st->v.n ? tx_year(st, j + 1) : 0;
        if (v > y1 && sr_ann_num_ends(&st->v, j + 1)) {
            y2 = v;
            j += 2;
        }
    } else if (sr_ann_p(&st->v, j, '-') && st->v.tok[j].glued && j + 1 < st->v.n &&
               st->v.tok[j + 1].glued) {
        long v = sr_ann_digits(&st->v, j + 1, 4);
        if (sr_ann_len(&st->v.tok[j + 1]) == 2 && v >= 0)
            v += y1 / 100 * 100;
        if (v > y1 && v <= 2099 && sr_ann_len(&st->v.tok[j + 1]) != 3 &&
            sr_ann_num_ends(&st->v, j + 1)) {
            y2 = (int)v;
            j += 2;
        }
    }
    if (j == i + 1 && !sr_ann_num_ends(&st->v, i))
        return 0;
    sr_date d = {y1, 0, 0}, e = {y2 ? y2 : y1, 0, 0};
    const char *rule = y2 ? "year-range" : sr_ann_w(&st->v, i - 1, "since") ? "since" : "year";
    *rc = tx_emit(st, start, j, d, e, SR_PREC_YEAR, 0, 0, rule);
    return j;
}

/* "on Wednesday", "Wednesday's attack", "last Sunday", "overnight Saturday":
 * the latest such weekday on or before the anchor (a Sunday report's "on
 * Sunday" is that day), or the first on or after it in a future clause;
 * "last"/"next" exclude the anchor's own day. */
static size_t rule_weekday(tx_state *st, size_t i, sr_status *rc)
{
    static const char *const named[] = {"good", "bloody", "black", "palm", "easter", NULL};
    int wd = tx_weekday(st, i, 0);
    if (!wd)
        return 0;
    /* names, not dates: "the Sunday Times", "Good Friday", "Bloody Sunday" */
    if (i > 0 && ((sr_ann_w(&st->v, i - 1, "the") && i + 1 < st->v.n && st->v.tok[i + 1].upper) ||
                  (st->v.tok[i - 1].upper && sr_ann_wl(&st->v, i - 1, named) >= 0)))
        return 0;
    int dir = 0, strict = 0, part = 0;
    size_t start = i;
    if (tx_back(st, i, 1)) {
        if (sr_ann_w(&st->v, i - 1, "last") || sr_ann_w(&st->v, i - 1, "past")) {
            dir = TX_PAST;
            strict = 1;
            start = i - 1;
        } else if (sr_ann_w(&st->v, i - 1, "next") || sr_ann_w(&st->v, i - 1, "coming")) {
            dir = TX_FUTURE;
            strict = sr_ann_w(&st->v, i - 1, "next");
            start = i - 1;
        } else if (sr_ann_w(&st->v, i - 1, "this")) {
            start = i - 1;
        } else if (sr_ann_w(&st->v, i - 1, "overnight")) {
            part = 4;
            start = i - 1;
        } else if ((sr_ann_w(&st->v, i - 1, "on") || sr_ann_w(&st->v, i - 1, "into")) &&
                   tx_back(st, i, 2) && sr_ann_w(&st->v, i - 2, "overnight")) {
            part = 4;
            start = i - 2;
        }
        if (start == i - 1 && tx_back(st, i, 2) &&
            sr_ann_w(&st->v, i - 2, "this")) /* "this past" */
            start = i - 2;
    }
    size_t j = i + 1;
    sr_date none = {0, 0, 0};
    if (!st->has_anchor) {
        *rc = tx_emit_day(st, start, j, 0, 0, none, 1, part, "weekday");
        return j;
    }
    if (!dir)
        dir = tx_tense(st, start, j) == TX_FUTURE ? TX_FUTURE : TX_PAST;
    int aw = iso_weekday(st->anchor_days);
    int delta = dir == TX_FUTURE ? (wd - aw + 7) % 7 : (aw - wd + 7) % 7;
    if (strict && delta == 0)
        delta = 7;
    long days = st->anchor_days + (dir == TX_FUTURE ? delta : -delta);
    *rc = tx_emit_day(st, start, j, 1, days, none, 1, part, "weekday");
    return j;
}

/* Counts of units back from the anchor: "two days ago", "a week ago". */
static size_t rule_ago(tx_state *st, size_t i, sr_status *rc)
{
    static const char *const units[] = {"day",    "days", "week",  "weeks", "month",
                                        "months", "year", "years", NULL};
    size_t k;
    long c = tx_count(st, i, &k);
    int u = c > 0 ? sr_ann_wl(&st->v, k, units) : -1;
    if (u < 0 || !sr_ann_w(&st->v, k + 1, "ago") || c > 999)
        return 0;
    size_t j = k + 2;
    sr_date none = {0, 0, 0};
    if (!st->has_anchor) {
        *rc = tx_emit_none(st, i, j, 1, "ago");
        return j;
    }
    int y, m;
    switch (u / 2) {
    case 0: *rc = tx_emit_day(st, i, j, 1, st->anchor_days - c, none, 1, 0, "ago"); break;
    case 1: *rc = tx_emit_week(st, i, j, monday_of(st->anchor_days - 7 * c), "ago"); break;
    case 2:
        tx_shift_month(st->anchor.year, st->anchor.month, (int)-c, &y, &m);
        *rc = tx_emit_month(st, i, j, y, m, 1, "ago");
        break;
    default: {
        sr_date d = {st->anchor.year - (int)c, 0, 0};
        *rc = tx_emit(st, i, j, d, d, SR_PREC_YEAR, 1, 0, "ago");
    }
    }
    return j;
}

/* Deictic expressions, relative to the anchor: "yesterday", "today",
 * "tonight", "this morning", "last night", "last/this/next week|month|year",
 * "earlier this week". */
static size_t rule_anchor(tx_state *st, size_t i, sr_status *rc)
{
    static const char *const days[] = {"yesterday", "today", "tonight", "tomorrow", NULL};
    static const int day_offset[] = {-1, 0, 0, 1};
    static const char *const parts[] = {"morning", "afternoon", "evening", NULL};
    static const char *const which[] = {"last", "this", "next", NULL};
    static const char *const units[] = {"week", "month", "year", NULL};
    static const char *const rules[3][3] = {{"last-week", "this-week", "next-week"},
                                            {"last-month", "this-month", "next-month"},
                                            {"last-year", "this-year", "next-year"}};
    sr_date none = {0, 0, 0};
    int d = sr_ann_wl(&st->v, i, days);
    if (d >= 0) {
        *rc = tx_emit_day(st, i, i + 1, st->has_anchor, st->anchor_days + day_offset[d], none, 1,
                          d == 2 ? 4 : 0, "relative-day");
        return i + 1;
    }
    int p;
    if (sr_ann_w(&st->v, i, "this") && (p = sr_ann_wl(&st->v, i + 1, parts)) >= 0) {
        *rc = tx_emit_day(st, i, i + 2, st->has_anchor, st->anchor_days, none, 1, p + 1,
                          "relative-day");
        return i + 2;
    }
    if (sr_ann_w(&st->v, i, "last") && sr_ann_w(&st->v, i + 1, "night")) {
        /* the night that ended on the anchor's morning began the day before */
        *rc =
            tx_emit_day(st, i, i + 2, st->has_anchor, st->anchor_days - 1, none, 1, 4, "overnight");
        return i + 2;
    }
    /* "last weekend", "at the weekend", "over the weekend": the Saturday of
     * the latest weekend before the anchor (this one on a weekend anchor,
     * except "last weekend"), to the week */
    {
        static const char *const at[] = {"at", "over", "during", NULL};
        size_t wk = 0;
        int last = 0;
        if ((sr_ann_w(&st->v, i, "last") || sr_ann_w(&st->v, i, "this")) &&
            sr_ann_w(&st->v, i + 1, "weekend")) {
            wk = i + 2;
            last = sr_ann_w(&st->v, i, "last");
        } else if (i > 0 && sr_ann_wl(&st->v, i - 1, at) >= 0 && sr_ann_w(&st->v, i, "the") &&
                   sr_ann_w(&st->v, i + 1, "weekend"))
            wk = i + 2;
        if (wk) {
            if (!st->has_anchor) {
                *rc = tx_emit_none(st, i, wk, 1, "weekend");
                return wk;
            }
            int aw = iso_weekday(st->anchor_days);
            long sat = st->anchor_days - (aw >= 6 ? aw - 6 : aw + 1);
            if (last && aw >= 6)
                sat -= 7;
            sr_date sd = civil_from_days(sat);
            *rc = tx_emit(st, i, wk, sd, sd, SR_PREC_WEEK, 1, 0, "weekend");
            return wk;
        }
    }
    size_t k = i;
    if ((sr_ann_w(&st->v, i, "earlier") || sr_ann_w(&st->v, i, "later")) &&
        sr_ann_w(&st->v, i + 1, "this"))
        k = i + 1;
    int w = sr_ann_wl(&st->v, k, which), u = sr_ann_wl(&st->v, k + 1, units);
    if (w < 0 || u < 0 || (k > i && w != 1))
        return 0;
    size_t j = k + 2;
    if (!st->has_anchor) {
        *rc = tx_emit_none(st, i, j, 1, rules[u][w]);
        return j;
    }
    int y, m;
    switch (u) {
    case 0:
        *rc = tx_emit_week(st, i, j, monday_of(st->anchor_days) + 7 * (w - 1), rules[u][w]);
        break;
    case 1:
        tx_shift_month(st->anchor.year, st->anchor.month, w - 1, &y, &m);
        *rc = tx_emit_month(st, i, j, y, m, 1, rules[u][w]);
        break;
    default: {
        sr_date yd = {st->anchor.year + w - 1, 0, 0};
        *rc = tx_emit(st, i, j, yd, yd, SR_PREC_YEAR, 1, 0, rules[u][w]);
    }
    }
    return j;
}

/* Anaphoric expressions, relative to the last mentioned day: "a day
 * earlier", "the next day", "two days later", "earlier that day", "that
 * night", "the previous night". */
static size_t rule_reference(tx_state *st, size_t i, sr_status *rc)
{
    static const struct {
        const char *w[3];
        int offset, part;
    } fixed[] = {
        {{"the", "day", "before"}, -1, 0},       {{"the", "previous", "day"}, -1, 0},
        {{"the", "prior", "day"}, -1, 0},        {{"a", "day", "earlier"}, -1, 0},
        {{"one", "day", "earlier"}, -1, 0},      {{"a", "day", "before"}, -1, 0},
        {{"one", "day", "before"}, -1, 0},       {{"the", "next", "day"}, 1, 0},
        {{"the", "following", "day"}, 1, 0},     {{"a", "day", "later"}, 1, 0},
        {{"one", "day", "later"}, 1, 0},         {{"the", "day", "after"}, 1, 0},
        {{"a", "day", "after"}, 1, 0},           {{"the", "next", "morning"}, 1, 1},
        {{"the", "following", "morning"}, 1, 1}, {{"earlier", "that", "day"}, 0, 0},
        {{"later", "that", "day"}, 0, 0},        {{"the", "same", "day"}, 0, 0},
        {{"that", "same", "day"}, 0, 0},         {{"the", "previous", "night"}, -1, 4},
        {{"the", "night", "before"}, -1, 4},     {{"the", "previous", "evening"}, -1, 3},
        {{"the", "same", "night"}, 0, 4},        {{"that", "morning", NULL}, 0, 1},
        {{"that", "afternoon", NULL}, 0, 2},     {{"that", "evening", NULL}, 0, 3},
        {{"that", "night", NULL}, 0, 4},         {{"that", "day", NULL}, 0, 0},
    };
    sr_date none = {0, 0, 0};
    /* "the shelling comes a day after ten were killed", "Jets struck X on
     * Thursday, a day after Y": the clause after "after" tells what
     * happened a day BEFORE the day just told (in this sentence, not right
     * before the phrase as a dateline is) */
    int comes = i > 0 && (sr_ann_w(&st->v, i - 1, "comes") || sr_ann_w(&st->v, i - 1, "came") ||
                          sr_ann_w(&st->v, i - 1, "come") || sr_ann_w(&st->v, i - 1, "coming") ||
                          (st->ref_here && st->free_from < i));
    /* every fixed phrase begins with a word starting t, a, o, e or l (the
     * test sr_ann_w makes of the first letter) */
    int may_fix = 0;
    if (i < st->v.n && st->v.tok[i].kind == SR_ANN_WORD) {
        char c0 = (char)(st->v.s[st->v.tok[i].start] | 0x20);
        may_fix = c0 == 't' || c0 == 'a' || c0 == 'o' || c0 == 'e' || c0 == 'l';
    }
    for (size_t f = 0; may_fix && f < sizeof fixed / sizeof fixed[0]; f++) {
        size_t len = fixed[f].w[2] ? 3 : 2, q;
        for (q = 0; q < len && sr_ann_w(&st->v, i + q, fixed[f].w[q]); q++)
            ;
        if (q < len)
            continue;
        size_t j = i + len;
        /* "the day before yesterday", "the day after tomorrow": the anchor's */
        if (fixed[f].w[1] && !strcmp(fixed[f].w[1], "day") &&
            (sr_ann_w(&st->v, j, "yesterday") || sr_ann_w(&st->v, j, "tomorrow"))) {
            long off = sr_ann_w(&st->v, j, "yesterday") ? -2 : 2;
            *rc = tx_emit_day(st, i, j + 1, st->has_anchor, st->anchor_days + off, none, 1, 0,
                              "relative-day");
            return j + 1;
        }
        int off = fixed[f].offset;
        if (comes && fixed[f].w[2] &&
            (!strcmp(fixed[f].w[2], "after") || !strcmp(fixed[f].w[2], "before")))
            off = -off;
        *rc = tx_emit_day(st, i, j, st->has_ref, st->ref_days + off, none, 1, fixed[f].part,
                          "relative-day");
        return j;
    }
    /* "two days later", "3 days earlier", "two weeks later" */
    size_t k;
    long c = tx_count(st, i, &k);
    int weeks = sr_ann_w(&st->v, k, "weeks") || sr_ann_w(&st->v, k, "week");
    if (c <= 0 || c > 999 || !(weeks || sr_ann_w(&st->v, k, "days") || sr_ann_w(&st->v, k, "day")))
        return 0;
    int sign = sr_ann_w(&st->v, k + 1, "later") || sr_ann_w(&st->v, k + 1, "after")      ? 1
               : sr_ann_w(&st->v, k + 1, "earlier") || sr_ann_w(&st->v, k + 1, "before") ? -1
                                                                                         : 0;
    if (!sign)
        return 0;
    if (comes && (sr_ann_w(&st->v, k + 1, "after") || sr_ann_w(&st->v, k + 1, "before")))
        sign = -sign;
    size_t j = k + 2;
    if (!st->has_ref) {
        *rc = tx_emit_none(st, i, j, 1, weeks ? "relative-week" : "relative-day");
        return j;
    }
    if (weeks)
        *rc = tx_emit_week(st, i, j, monday_of(st->ref_days + sign * 7 * c), "relative-week");
    else
        *rc = tx_emit_day(st, i, j, 1, st->ref_days + sign * c, none, 1, 0, "relative-day");
    return j;
}

/* "overnight": the night before the reference day, dated by the day on
 * which it began.  "overnight Saturday" is left to rule_weekday. */
static size_t rule_overnight(tx_state *st, size_t i, sr_status *rc)
{
    if (!sr_ann_w(&st->v, i, "overnight"))
        return 0;
    size_t k = i + 1;
    if (sr_ann_w(&st->v, k, "on") || sr_ann_w(&st->v, k, "into"))
        k++;
    if (tx_weekday(st, k, 0))
        return 0;
    sr_date none = {0, 0, 0};
    *rc = tx_emit_day(st, i, i + 1, st->has_ref, st->ref_days - 1, none, 1, 4, "overnight");
    return i + 1;
}

typedef size_t (*tx_rule)(tx_state *, size_t, sr_status *);

/* Rules in priority order: written-out forms before inferred ones, so
 * "Sunday 24 August 2014" is one explicit date, not a weekday. */
static const tx_rule tx_rules[] = {rule_explicit,  rule_yearless, rule_month_year, rule_month,
                                   rule_year,      rule_weekday,  rule_ago,        rule_anchor,
                                   rule_reference, rule_overnight, NULL};

/* The same rules, in the same order, less those that cannot match at a
 * digit run (the ones that begin with a month, a weekday or a word) and
 * at a word that names no month or weekday (the ones that begin with a
 * figure, a month or a weekday, written-out dates included). */
static const tx_rule tx_rules_digits[] = {rule_explicit, rule_yearless, rule_year, rule_ago,
                                          rule_reference, NULL};
static const tx_rule tx_rules_words[] = {rule_ago, rule_anchor, rule_reference, rule_overnight,
                                         NULL};

/* Whether any rule can match at token I.  Every rule begins at a digit run
 * or at a lexicon word that begins dates, the frequent "the", "a", "this"
 * only before a word that can follow them in a date ("the next day", "a
 * week ago", "this morning"), so the rest of the tokens - nine in ten of a
 * news text - are passed over without trying the rules. */
static int tx_may_start(const tx_state *st, size_t i)
{
    const sr_ann_tok *t = &st->v.tok[i];
    if (t->kind == SR_ANN_NUM)
        return 1;
    unsigned f = sr_ann_flags(st->v.s, t);
    if (f & (SR_LX_MONTH | SR_LX_MONTH_ABBR | SR_LX_WEEKDAY | SR_LX_WEEKDAY_ABBR | SR_LX_CARD |
             SR_LX_TX))
        return 1;
    return (f & SR_LX_TX_IF) && i + 1 < st->v.n &&
           (sr_ann_flags(st->v.s, &st->v.tok[i + 1]) & SR_LX_TX_AFTER);
}

static sr_status tx_sentence(tx_state *st)
{
    st->tensed = 0;
    st->free_from = 0;
    st->ref_here = 0;
    size_t i = 0;
    while (i < st->v.n) {
        i = st->v.tok[i].next; /* tokens before it begin no rule */
        if (i >= st->v.n)
            break;
        if (!tx_may_start(st, i)) {
            i++;
            continue;
        }
        size_t j = 0;
        sr_status rc = SR_OK;
        const sr_ann_tok *t = &st->v.tok[i];
        const tx_rule *rules =
            t->kind == SR_ANN_NUM ? tx_rules_digits
            : sr_ann_flags(st->v.s, t) &
                    (SR_LX_MONTH | SR_LX_MONTH_ABBR | SR_LX_WEEKDAY | SR_LX_WEEKDAY_ABBR)
                ? tx_rules
                : tx_rules_words;
        for (size_t r = 0; rules[r] && !j; r++)
            j = rules[r](st, i, &rc);
        if (rc != SR_OK)
            return rc;
        i = j > i ? j : i + 1;
    }
    return SR_OK;
}

sr_status ann_timex_begin(sr_arena *a, const char *text, sr_date anchor, ann_timex **out)
{
    *out = NULL;
    if (anchor.year || anchor.month || anchor.day) {
        /* an anchor comes from sr_date_parse_iso or the dateline, both
         * limited to 1900..2099; anything else is a caller's mistake */
        if (anchor.year < 1900 || anchor.year > 2099 ||
            !valid_ymd(anchor.year, anchor.month, anchor.day))
            return SR_EINVAL;
    }
    tx_state *st = sr_arena_alloc(a, sizeof *st);
    if (!st)
        return SR_ENOMEM;
    memset(st, 0, sizeof *st);
    st->a = a;
    st->v.s = text;
    if (anchor.year || anchor.month || anchor.day) {
        st->has_anchor = st->has_ref = 1;
        st->anchor = anchor;
        st->anchor_days = st->ref_days = days_from_civil(anchor.year, anchor.month, anchor.day);
    }
    st->before = sr_arena_alloc(a, 2 * SR_ANN_MAX_TOKENS);
    if (!st->before)
        return SR_ENOMEM;
    st->tense_words = (unsigned char *)st->before + SR_ANN_MAX_TOKENS;
    *out = st;
    return SR_OK;
}

sr_status ann_timex_sentence(ann_timex *st, sr_ann_tok *tok, size_t n)
{
    st->v.tok = tok;
    st->v.n = n;
    return tx_sentence(st);
}

static sr_status tx_each(void *st, sr_ann_tok *tok, size_t n)
{
    return ann_timex_sentence(st, tok, n);
}

void ann_timex_end(ann_timex *st, sr_timex **out, size_t *n_out)
{
    *out = st->out;
    *n_out = st->n_out;
}

sr_status sr_timex_find(sr_arena *a, const char *text, const sr_span *regions, size_t n_regions,
                        sr_date anchor, sr_timex **out, size_t *n_out)
{
    if (!out || !n_out)
        return SR_EINVAL;
    *out = NULL;
    *n_out = 0;
    if (!a || (n_regions && (!regions || !text)))
        return SR_EINVAL;
    for (size_t r = 0; r < n_regions; r++)
        if (regions[r].start > regions[r].end)
            return SR_EINVAL;
    ann_timex *st;
    sr_status rc = ann_timex_begin(a, text, anchor, &st);
    if (rc != SR_OK)
        return rc;
    rc = sr_ann_each_sentence(a, text, regions, n_regions, tx_each, st);
    if (rc != SR_OK)
        return rc;
    ann_timex_end(st, out, n_out);
    return SR_OK;
}
