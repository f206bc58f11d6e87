/* numbers.c - counts in report text, as ACLED would read them.
 *
 * A count is a figure ("400", "2,500", "2 million"), a number written in
 * words ("six", "forty-five", "two hundred and fifty", "a dozen") or a vague
 * quantity, valued by the ACLED codebook: "When sources report estimates
 * such as 'tens' or 'dozens' or 'hundreds', ACLED codes 10 for 'tens', 12
 * for 'dozens', 100 for 'hundreds'"; "scores" is read as 20 and "thousands"
 * as 1000 in the same spirit.  "several", "some", "many" are no number at
 * all, so they are not reported.  A qualifier before the figure makes it a
 * bound or an estimate ("more than 400", "nearly 70", "some 70").  The
 * counted noun is the first plural head noun within four words after the
 * figure ("400 Zenki militants", "dozens of vehicles", "forty-five former US
 * military personnel"), or for "one"/ordinals the last word of that run.
 *
 * Not counts, and so skipped: days of the month ("19 July"), ISO and numeric
 * dates, times ("10:30", "10 pm"), decimals ("3.5"), figures glued to
 * letters or hyphens ("BGM-71", "5km", "12-year-old", "1990s"), money
 * ("$5").  Four-digit years after "in"/"since"/"of"/"until" or a month are
 * reported with is_year set.  Cost: O(1) per token, so O(region). */
#include <string.h>

#include "annotate/annotate_int.h"
#include "sitrep/arena.h"
#include "sitrep/timex.h"

/* Figures beyond this are not counts of anything ACLED codes; the cap also
 * keeps every product below LLONG_MAX. */
#define NB_MAX_VALUE 1000000000000000LL

typedef struct nb_state {
    sr_arena *a;
    sr_ann_view v;
    size_t free_from; /* first token of the sentence not inside a number */
    sr_number *out;
    size_t n_out, cap_out;
    int quals_indexed;               /* qual_first and qual_order are built */
    unsigned char qual_first[27];    /* by letter: the start of its run in qual_order */
    unsigned char qual_order[32];    /* indexes into nb_quals */
} nb_state;

/* The figure itself, without qualifier and noun. */
typedef struct nb_core {
    size_t start, end; /* tokens */
    long long value;
    int ordinal;
    int vague;
    int plain; /* bare digits: no separator, suffix or multiplier */
} nb_core;

static long long nb_scale(const nb_state *st, size_t i)
{
    static const char *const words[] = {"hundred", "thousand", "million", "billion", NULL};
    static const long long value[] = {100, 1000, 1000000, 1000000000};
    int w = sr_ann_wl(&st->v, i, words);
    return w < 0 ? 0 : value[w];
}

static long long nb_mul(long long a, long long b)
{
    return a > NB_MAX_VALUE / b ? -1 : a * b;
}

/* Index after the run of glued tokens starting at I. */
static size_t nb_skip_glued(const nb_state *st, size_t i)
{
    size_t k = i + 1;
    while (k < st->v.n && st->v.tok[k].glued)
        k++;
    return k;
}

/* Figures written in digits.  Returns 1 with *C filled, 0 when token I is
 * not a count (then *SKIP is where scanning resumes). */
static int nb_digits(const nb_state *st, size_t i, nb_core *c, size_t *skip)
{
    static const char *const suffix[] = {"st", "nd", "rd", "th", NULL};
    const sr_ann_view *v = &st->v;
    *skip = nb_skip_glued(st, i);
    if (sr_ann_num_attached(v, i) || sr_ann_len(&v->tok[i]) > 15)
        return 0;
    long long x = sr_ann_digits(v, i, 15);
    size_t k = i + 1, ndigits = sr_ann_len(&v->tok[i]);
    int plain = 1;
    /* thousands separators: "2,500", "1,200,000" */
    if (ndigits <= 3) {
        while (sr_ann_p(v, k, ',') && v->tok[k].glued && k + 1 < v->n && v->tok[k + 1].glued &&
               v->tok[k + 1].kind == SR_ANN_NUM && sr_ann_len(&v->tok[k + 1]) == 3 &&
               ndigits + 3 <= 15) {
            x = x * 1000 + sr_ann_digits(v, k + 1, 3);
            ndigits += 3;
            k += 2;
            plain = 0;
        }
    }
    /* a decimal counts only with a scale word: "1.5 million" */
    if (sr_ann_p(v, k, '.') && v->tok[k].glued && k + 1 < v->n && v->tok[k + 1].glued &&
        v->tok[k + 1].kind == SR_ANN_NUM) {
        long long scale = nb_scale(st, k + 2);
        size_t fd = sr_ann_len(&v->tok[k + 1]);
        if (!scale || scale < 1000 || fd > 3 || !sr_ann_num_ends(v, k + 1))
            return 0;
        long long frac = sr_ann_digits(v, k + 1, 3), div = fd == 1 ? 10 : fd == 2 ? 100 : 1000;
        long long whole = nb_mul(x, scale);
        if (whole < 0)
            return 0;
        x = whole + frac * (scale / div);
        k += 3;
        plain = 0;
    } else if (k < v->n && v->tok[k].glued && sr_ann_wl(v, k, suffix) >= 0 &&
               sr_ann_num_ends(v, k)) {
        c->ordinal = 1; /* "16th" */
        k++;
        plain = 0;
    } else if (!sr_ann_num_ends(v, k - 1)) {
        return 0; /* "12-year-old", "5km", "10:30", "50%", "10-09-2014" */
    }
    long long scale;
    while (!c->ordinal && (scale = nb_scale(st, k)) != 0) { /* "2 million" */
        x = nb_mul(x, scale);
        if (x < 0)
            return 0;
        k++;
        plain = 0;
    }
    c->end = k;
    c->value = x;
    c->plain = plain;
    return 1;
}

/* Numbers in words: "six", "forty-five", "two hundred and fifty", "a
 * dozen", "a hundred", "third", "twenty-first".  Returns 1 with *C filled. */
static int nb_words(const nb_state *st, size_t i, nb_core *c)
{
    enum { NONE, UNIT, HUNDRED, BIG, DOZEN, AND } last = NONE;
    const sr_ann_view *v = &st->v;
    size_t k = i;
    /* "hundred" and "dozen" multiply at most 99 and the big scales must
     * fall ("two million three thousand"), which bounds an expression to a
     * few dozen tokens however the words repeat */
    long long total = 0, cur = 0, big_limit = NB_MAX_VALUE;
    int have = 0, article = 0;
    if ((sr_ann_w(v, k, "a") || sr_ann_w(v, k, "an")) &&
        (nb_scale(st, k + 1) || sr_ann_w(v, k + 1, "dozen"))) {
        article = 1;
        k++;
    } else if (sr_ann_w(v, k, "half") && sr_ann_w(v, k + 1, "a") && sr_ann_w(v, k + 2, "dozen")) {
        c->value = 6;
        c->end = k + 3;
        return 1;
    }
    while (k < v->n) {
        int w = sr_ann_number_word(v->s, &v->tok[k]);
        int o = w < 0 ? sr_ann_ordinal_word(v->s, &v->tok[k]) : -1;
        long long scale;
        if ((w >= 0 || o >= 0) && (last == NONE || last == HUNDRED || last == BIG || last == AND)) {
            int val = w >= 0 ? w : o;
            k++;
            /* "forty-five", "twenty-first" */
            if (val >= 20 && val % 10 == 0 && w >= 0 && sr_ann_p(v, k, '-') && v->tok[k].glued &&
                k + 1 < v->n && v->tok[k + 1].glued) {
                int u = sr_ann_number_word(v->s, &v->tok[k + 1]);
                int uo = u < 0 ? sr_ann_ordinal_word(v->s, &v->tok[k + 1]) : -1;
                if (u >= 1 && u <= 9) {
                    val += u;
                    k += 2;
                } else if (uo >= 1 && uo <= 9) {
                    val += uo;
                    o = val;
                    k += 2;
                }
            }
            cur += val;
            have = 1;
            last = UNIT;
            if (o >= 0) {
                c->ordinal = 1;
                break;
            }
        } else if (sr_ann_w(v, k, "hundred") && (have || article) && cur < 100) {
            cur = nb_mul(cur ? cur : 1, 100);
            if (cur < 0)
                return 0;
            have = 1;
            last = HUNDRED;
            k++;
        } else if ((scale = nb_scale(st, k)) > 100 && scale < big_limit && (have || article)) {
            long long add = nb_mul(cur ? cur : 1, scale);
            if (add < 0 || total > NB_MAX_VALUE - add)
                return 0;
            total += add;
            big_limit = scale;
            cur = 0;
            have = 1;
            last = BIG;
            k++;
        } else if (sr_ann_w(v, k, "dozen") && (have || article) && cur < 100 && last != DOZEN) {
            cur = nb_mul(cur ? cur : 1, 12);
            if (cur < 0)
                return 0;
            have = 1;
            last = DOZEN;
            k++;
        } else if (sr_ann_w(v, k, "and") && (last == HUNDRED || last == BIG) && k + 1 < v->n &&
                   sr_ann_number_word(v->s, &v->tok[k + 1]) >= 0) {
            last = AND;
            k++;
        } else {
            break;
        }
    }
    if (!have)
        return 0;
    c->value = total + cur;
    c->end = k;
    /* "no one", "one another", "each one": pronouns, not counts */
    if (k == i + 1 && sr_ann_w(v, i, "one") &&
        (sr_ann_w(v, k, "another") ||
         (i > 0 &&
          (sr_ann_w(v, i - 1, "no") || sr_ann_w(v, i - 1, "each") || sr_ann_w(v, i - 1, "any") ||
           sr_ann_w(v, i - 1, "every") || sr_ann_w(v, i - 1, "the") || sr_ann_w(v, i - 1, "this") ||
           sr_ann_w(v, i - 1, "that")))))
        return 0;
    return 1;
}

/* Vague quantities by the ACLED codebook: "dozens", "tens of", "scores of",
 * "hundreds", "thousands", "hundreds of thousands", "several dozen". */
static int nb_vague(const nb_state *st, size_t i, nb_core *c)
{
    static const char *const words[] = {"dozens",    "tens",     "scores", "hundreds",
                                        "thousands", "millions", NULL};
    static const long long value[] = {12, 10, 20, 100, 1000, 1000000};
    const sr_ann_view *v = &st->v;
    size_t k = i;
    if (sr_ann_w(v, k, "a") && sr_ann_w(v, k + 1, "few"))
        k++;
    if ((sr_ann_w(v, k, "several") || sr_ann_w(v, k, "few") || sr_ann_w(v, k, "many")) &&
        sr_ann_w(v, k + 1, "dozen")) {
        c->value = 12;
        c->vague = 1;
        c->end = k + 2;
        return 1;
    }
    int w = sr_ann_wl(v, i, words);
    if (w < 0)
        return 0;
    /* "tens" and "scores" are other words unless a partitive follows */
    if ((w == 1 || w == 2) && !sr_ann_w(v, i + 1, "of"))
        return 0;
    long long x = value[w];
    k = i + 1;
    int w2;
    if (sr_ann_w(v, k, "of") && (w2 = sr_ann_wl(v, k + 1, words)) >= 3) {
        x *= value[w2]; /* "tens of thousands" */
        k += 2;
    }
    c->value = x;
    c->vague = 1;
    c->end = k;
    return 1;
}

/* Whether a plain four-digit figure at I is a year: after a preposition
 * ("in 2014"), after a month ("July 2016", "July 19, 2016") or as the end
 * of a range ("2014 and 2015").  "a force of 2000 fighters" stays a count. */
static int nb_is_year(const nb_state *st, size_t i, const nb_core *c)
{
    static const char *const preps[] = {"in",     "since",  "of",      "until",      "till",
                                        "by",     "from",   "between", "during",     "before",
                                        "after",  "early",  "late",    "throughout", "summer",
                                        "spring", "autumn", "fall",    "winter",     NULL};
    const sr_ann_view *v = &st->v;
    if (!c->plain || c->end != i + 1 || sr_ann_len(&v->tok[i]) != 4 || c->value < 1900 ||
        c->value > 2099 || i == 0)
        return 0;
    if (sr_ann_wl(v, i - 1, preps) >= 0)
        return !(sr_ann_w(v, i - 1, "of") && i + 1 < v->n && sr_ann_plural(v->s, &v->tok[i + 1]));
    if (sr_ann_p(v, i - 1, '-') && i >= 2 && sr_ann_w(v, i - 2, "mid"))
        return 1;
    size_t k = i - 1;
    if (sr_ann_p(v, k, ',') && k > 0)
        k--;
    if (sr_ann_month(v->s, &v->tok[k]))
        return 1;
    if (v->tok[k].kind == SR_ANN_NUM && k > 0 && sr_ann_month(v->s, &v->tok[k - 1]))
        return 1; /* "July 19, 2016" */
    if ((sr_ann_w(v, i - 1, "and") || sr_ann_w(v, i - 1, "to")) && i >= 2) {
        long long y = sr_ann_digits(v, i - 2, 4);
        return y >= 1900 && y <= 2099;
    }
    return 0;
}

/* Whether the figure at [i, c->end) is a day of the month ("19 July",
 * "July 19", "the 17th of November") or a clock time ("10 pm"). */
static int nb_is_day_or_time(const nb_state *st, size_t i, const nb_core *c)
{
    static const char *const clock[] = {"am", "pm", "gmt", "utc", "hrs", "o", NULL};
    const sr_ann_view *v = &st->v;
    if (c->value < 1 || c->value > 31 || c->vague || sr_ann_len(&v->tok[i]) > 2 ||
        v->tok[i].kind != SR_ANN_NUM)
        return 0;
    size_t k = c->end;
    if (sr_ann_w(v, k, "of"))
        k++;
    if (k < v->n && sr_ann_month(v->s, &v->tok[k]))
        return 1;
    if (i > 0 && sr_ann_month(v->s, &v->tok[i - 1]))
        return 1;
    if (sr_ann_p(v, i - 1, '.') && i >= 2 && sr_ann_month(v->s, &v->tok[i - 2]))
        return 1; /* "Aug. 24" */
    if (sr_ann_wl(v, c->end, clock) >= 0)
        return 1;
    return sr_ann_w(v, c->end, "a") && sr_ann_p(v, c->end + 1, '.') && sr_ann_w(v, c->end + 2, "m");
}

/* Qualifiers of a figure, tried in this order. */
static const struct nb_qual {
    const char *w[3];
    sr_number_kind kind;
} nb_quals[] = {
    /* longer phrases first: "no more than" is not "more than" */
    {{"no", "fewer", "than"}, SR_NUM_LOWER_BOUND},
    {{"no", "less", "than"}, SR_NUM_LOWER_BOUND},
    {{"not", "less", "than"}, SR_NUM_LOWER_BOUND},
    {{"in", "excess", "of"}, SR_NUM_LOWER_BOUND},
    {{"a", "minimum", "of"}, SR_NUM_LOWER_BOUND},
    {{"no", "more", "than"}, SR_NUM_UPPER_BOUND},
    {{"not", "more", "than"}, SR_NUM_UPPER_BOUND},
    {{"as", "many", "as"}, SR_NUM_UPPER_BOUND},
    {{"a", "maximum", "of"}, SR_NUM_UPPER_BOUND},
    {{"at", "least", NULL}, SR_NUM_LOWER_BOUND},
    {{"more", "than", NULL}, SR_NUM_LOWER_BOUND},
    {{"upwards", "of", NULL}, SR_NUM_LOWER_BOUND},
    {{"over", NULL, NULL}, SR_NUM_LOWER_BOUND},
    {{"up", "to", NULL}, SR_NUM_UPPER_BOUND},
    {{"less", "than", NULL}, SR_NUM_UPPER_BOUND},
    {{"fewer", "than", NULL}, SR_NUM_UPPER_BOUND},
    {{"close", "to", NULL}, SR_NUM_UPPER_BOUND},
    {{"at", "most", NULL}, SR_NUM_UPPER_BOUND},
    {{"nearly", NULL, NULL}, SR_NUM_UPPER_BOUND},
    {{"almost", NULL, NULL}, SR_NUM_UPPER_BOUND},
    {{"an", "estimated", NULL}, SR_NUM_APPROX},
    {{"estimated", NULL, NULL}, SR_NUM_APPROX},
    {{"about", NULL, NULL}, SR_NUM_APPROX},
    {{"around", NULL, NULL}, SR_NUM_APPROX},
    {{"some", NULL, NULL}, SR_NUM_APPROX},
    {{"approximately", NULL, NULL}, SR_NUM_APPROX},
    {{"roughly", NULL, NULL}, SR_NUM_APPROX},
    {{"circa", NULL, NULL}, SR_NUM_APPROX},
};
#define NB_N_QUALS (sizeof nb_quals / sizeof nb_quals[0])
_Static_assert(NB_N_QUALS <= sizeof((nb_state *)0)->qual_order, "nb_state indexes every qualifier");

/* The qualifiers by the first letter of their last word (the word just
 * before a figure), each letter's in table order: nb_qualifier tries only
 * those that can match.  Built for a document on its first use. */
static void nb_index_quals(nb_state *st)
{
    unsigned count[26] = {0};
    for (size_t q = 0; q < NB_N_QUALS; q++) {
        size_t len = nb_quals[q].w[2] ? 3 : nb_quals[q].w[1] ? 2 : 1;
        count[nb_quals[q].w[len - 1][0] - 'a']++;
    }
    st->qual_first[0] = 0;
    for (int c = 0; c < 26; c++)
        st->qual_first[c + 1] = (unsigned char)(st->qual_first[c] + count[c]);
    unsigned char fill[26];
    memcpy(fill, st->qual_first, sizeof fill);
    for (size_t q = 0; q < NB_N_QUALS; q++) {
        size_t len = nb_quals[q].w[2] ? 3 : nb_quals[q].w[1] ? 2 : 1;
        st->qual_order[fill[nb_quals[q].w[len - 1][0] - 'a']++] = (unsigned char)q;
    }
    st->quals_indexed = 1;
}

/* The qualifier ending just before token I: sets *KIND and *START. */
static void nb_qualifier(nb_state *st, size_t i, sr_number_kind *kind, size_t *start)
{
    *kind = SR_NUM_EXACT;
    *start = i;
    /* every qualifier ends in a word just before the figure */
    if (i == 0 || i - 1 < st->free_from || st->v.tok[i - 1].kind != SR_ANN_WORD)
        return;
    /* the first letter of that word, as sr_ann_w tests it, rejects most:
     * only the qualifiers whose last word begins with it are tried */
    unsigned last = (unsigned char)(st->v.s[st->v.tok[i - 1].start] | 0x20);
    if (last < 'a' || last > 'z')
        return;
    if (!st->quals_indexed)
        nb_index_quals(st);
    for (unsigned x = st->qual_first[last - 'a']; x < st->qual_first[last - 'a' + 1]; x++) {
        size_t q = st->qual_order[x];
        size_t len = nb_quals[q].w[2] ? 3 : nb_quals[q].w[1] ? 2 : 1, m;
        if (i < len || i - len < st->free_from)
            continue;
        for (m = 0; m < len && sr_ann_w(&st->v, i - len + m, nb_quals[q].w[m]); m++)
            ;
        if (m == len) {
            *kind = nb_quals[q].kind;
            *start = i - len;
            return;
        }
    }
}

enum {
    NB_W_STOP = 1,      /* ends a noun phrase; a noun is never one of these */
    NB_W_COLLECTIVE = 2 /* a counted noun without a plural "-s": "people", "dead" */
};

/* The words nb_noun looks for, as a lexicon (see annotate_int.h). */
static const sr_ann_lex *const nb_noun_words[26][SR_ANN_LEX_MAX + 1] = {
    ['a' - 'a'][1] = SR_ANN_RUN(SR_ANN_LEX("a", NB_W_STOP, 0)),
    ['a' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("an", NB_W_STOP, 0), SR_ANN_LEX("as", NB_W_STOP, 0),
                                SR_ANN_LEX("at", NB_W_STOP, 0)),
    ['a' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("and", NB_W_STOP, 0), SR_ANN_LEX("are", NB_W_STOP, 0)),
    ['a' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("also", NB_W_STOP, 0)),
    ['a' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("after", NB_W_STOP, 0), SR_ANN_LEX("among", NB_W_STOP, 0)),
    ['a' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("across", NB_W_STOP, 0)),
    ['a' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("against", NB_W_STOP, 0)),
    ['a' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("aircraft", NB_W_COLLECTIVE, 0)),
    ['a' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("according", NB_W_STOP, 0)),
    ['b' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("be", NB_W_STOP, 0), SR_ANN_LEX("by", NB_W_STOP, 0)),
    ['b' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("but", NB_W_STOP, 0)),
    ['b' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("been", NB_W_STOP, 0)),
    ['b' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("being", NB_W_STOP, 0)),
    ['b' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("before", NB_W_STOP, 0)),
    ['b' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("between", NB_W_STOP, 0)),
    ['c' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("can", NB_W_STOP, 0)),
    ['c' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("crew", NB_W_COLLECTIVE, 0)),
    ['c' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("could", NB_W_STOP, 0)),
    ['c' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("cattle", NB_W_COLLECTIVE, 0),
                                SR_ANN_LEX("clergy", NB_W_COLLECTIVE, 0)),
    ['c' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("children", NB_W_COLLECTIVE, 0)),
    ['d' - 'a'][4] =
        SR_ANN_RUN(SR_ANN_LEX("dead", NB_W_COLLECTIVE, 0), SR_ANN_LEX("down", NB_W_STOP, 0)),
    ['d' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("during", NB_W_STOP, 0)),
    ['e' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("each", NB_W_STOP, 0)),
    ['f' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("for", NB_W_STOP, 0)),
    ['f' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("from", NB_W_STOP, 0)),
    ['h' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("he", NB_W_STOP, 0)),
    ['h' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("had", NB_W_STOP, 0), SR_ANN_LEX("has", NB_W_STOP, 0),
                                SR_ANN_LEX("her", NB_W_STOP, 0), SR_ANN_LEX("his", NB_W_STOP, 0)),
    ['h' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("have", NB_W_STOP, 0)),
    ['i' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("in", NB_W_STOP, 0), SR_ANN_LEX("is", NB_W_STOP, 0),
                                SR_ANN_LEX("it", NB_W_STOP, 0)),
    ['i' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("its", NB_W_STOP, 0)),
    ['i' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("into", NB_W_STOP, 0)),
    ['i' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("injured", NB_W_COLLECTIVE, 0)),
    ['i' - 'a'][8] = SR_ANN_RUN(SR_ANN_LEX("infantry", NB_W_COLLECTIVE, 0)),
    ['i' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("including", NB_W_STOP, 0)),
    ['l' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("livestock", NB_W_COLLECTIVE, 0)),
    ['m' - 'a'][3] =
        SR_ANN_RUN(SR_ANN_LEX("may", NB_W_STOP, 0), SR_ANN_LEX("men", NB_W_COLLECTIVE, 0)),
    ['m' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("might", NB_W_STOP, 0)),
    ['m' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("militia", NB_W_COLLECTIVE, 0)),
    ['n' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("no", NB_W_STOP, 0)),
    ['n' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("nor", NB_W_STOP, 0), SR_ANN_LEX("not", NB_W_STOP, 0)),
    ['n' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("near", NB_W_STOP, 0)),
    ['o' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("of", NB_W_STOP, 0), SR_ANN_LEX("on", NB_W_STOP, 0),
                                SR_ANN_LEX("or", NB_W_STOP, 0)),
    ['o' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("off", NB_W_STOP, 0), SR_ANN_LEX("our", NB_W_STOP, 0),
                                SR_ANN_LEX("out", NB_W_STOP, 0)),
    ['o' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("over", NB_W_STOP, 0)),
    ['p' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("per", NB_W_STOP, 0)),
    ['p' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("people", NB_W_COLLECTIVE, 0),
                                SR_ANN_LEX("police", NB_W_COLLECTIVE, 0)),
    ['p' - 'a'][9] = SR_ANN_RUN(SR_ANN_LEX("personnel", NB_W_COLLECTIVE, 0)),
    ['r' - 'a'][10] = SR_ANN_RUN(SR_ANN_LEX("reportedly", NB_W_STOP, 0)),
    ['s' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("say", NB_W_STOP, 0), SR_ANN_LEX("she", NB_W_STOP, 0)),
    ['s' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("said", NB_W_STOP, 0), SR_ANN_LEX("says", NB_W_STOP, 0)),
    ['s' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("sheep", NB_W_COLLECTIVE, 0), SR_ANN_LEX("since", NB_W_STOP, 0),
                   SR_ANN_LEX("staff", NB_W_COLLECTIVE, 0)),
    ['s' - 'a'][6] = SR_ANN_RUN(SR_ANN_LEX("should", NB_W_STOP, 0)),
    ['t' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("to", NB_W_STOP, 0)),
    ['t' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("the", NB_W_STOP, 0)),
    ['t' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("than", NB_W_STOP, 0), SR_ANN_LEX("that", NB_W_STOP, 0),
                                SR_ANN_LEX("them", NB_W_STOP, 0), SR_ANN_LEX("they", NB_W_STOP, 0),
                                SR_ANN_LEX("this", NB_W_STOP, 0)),
    ['t' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("their", NB_W_STOP, 0), SR_ANN_LEX("there", NB_W_STOP, 0),
                   SR_ANN_LEX("these", NB_W_STOP, 0), SR_ANN_LEX("those", NB_W_STOP, 0)),
    ['u' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("up", NB_W_STOP, 0)),
    ['u' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("under", NB_W_STOP, 0)),
    ['w' - 'a'][2] = SR_ANN_RUN(SR_ANN_LEX("we", NB_W_STOP, 0)),
    ['w' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("was", NB_W_STOP, 0), SR_ANN_LEX("who", NB_W_STOP, 0)),
    ['w' - 'a'][4] = SR_ANN_RUN(SR_ANN_LEX("were", NB_W_STOP, 0), SR_ANN_LEX("when", NB_W_STOP, 0),
                                SR_ANN_LEX("whom", NB_W_STOP, 0), SR_ANN_LEX("will", NB_W_STOP, 0),
                                SR_ANN_LEX("with", NB_W_STOP, 0)),
    ['w' - 'a'][5] =
        SR_ANN_RUN(SR_ANN_LEX("where", NB_W_STOP, 0), SR_ANN_LEX("which", NB_W_STOP, 0),
                   SR_ANN_LEX("while", NB_W_STOP, 0), SR_ANN_LEX("would", NB_W_STOP, 0)),
    ['w' - 'a'][7] = SR_ANN_RUN(SR_ANN_LEX("wounded", NB_W_COLLECTIVE, 0)),
    ['y' - 'a'][3] = SR_ANN_RUN(SR_ANN_LEX("you", NB_W_STOP, 0)),
    ['y' - 'a'][5] = SR_ANN_RUN(SR_ANN_LEX("youth", NB_W_COLLECTIVE, 0)),
};

/* The counted noun after the figure ending at token K, or an empty span. */
static sr_span nb_noun(const nb_state *st, size_t k, const nb_core *c)
{
    const sr_ann_view *v = &st->v;
    sr_span none = {0, 0};
    sr_span last = none;
    /* the singular head ("one soldier", "the 16th Division") ends where a
     * name gives way to lower case or a participle follows: "the 16th
     * Division fought", "one soldier killed" */
    int closed = 0, prev_upper = 0;
    if (sr_ann_w(v, k, "of")) { /* "dozens of vehicles", "one of the fighters" */
        k++;
        if (sr_ann_w(v, k, "the"))
            k++;
    }
    for (int words = 0; words < 4 && k < v->n; words++) {
        if (v->tok[k].kind != SR_ANN_WORD)
            break;
        /* a hyphenated compound ("pro-government") is one word; its last
         * part is its head */
        size_t head = k;
        while (sr_ann_p(v, head + 1, '-') && v->tok[head + 1].glued && head + 2 < v->n &&
               v->tok[head + 2].glued && v->tok[head + 2].kind == SR_ANN_WORD)
            head += 2;
        const sr_ann_tok *t = &v->tok[head];
        const sr_ann_lex *q = sr_ann_lookup_in(nb_noun_words, v->s, t);
        unsigned f = q ? q->flags : 0;
        if ((f & NB_W_STOP) || sr_ann_number_word(v->s, t) >= 0 || nb_scale(st, head))
            break;
        if (sr_ann_plural(v->s, t) || (f & NB_W_COLLECTIVE))
            return (sr_span){t->start, t->end};
        size_t len = sr_ann_len(t);
        if (words > 0 &&
            ((prev_upper && !t->upper) || (len > 3 && sr_ann_eq(v->s + t->end - 2, 2, "ed"))))
            closed = 1;
        if (!closed)
            last = (sr_span){t->start, t->end};
        prev_upper = t->upper;
        k = head + 1;
    }
    /* "one soldier", "the 16th Division": a singular head */
    if ((c->value == 1 && !c->vague) || c->ordinal)
        return last;
    return none;
}

static sr_status nb_emit(nb_state *st, const nb_core *c, size_t start, sr_number_kind kind,
                         sr_span noun, int is_year)
{
    if (st->n_out == st->cap_out) {
        size_t cap = st->cap_out ? st->cap_out * 2 : 16;
        sr_number *grown =
            sr_arena_grow(st->a, st->out, st->cap_out * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return SR_ENOMEM;
        st->out = grown;
        st->cap_out = cap;
    }
    sr_number *x = &st->out[st->n_out++];
    x->span.start = st->v.tok[start].start;
    x->span.end = st->v.tok[c->end - 1].end;
    x->value = c->value;
    x->kind = c->vague ? SR_NUM_VAGUE : kind;
    x->noun = noun;
    x->is_year = is_year;
    x->is_ordinal = c->ordinal;
    st->free_from = c->end;
    return SR_OK;
}

/* Whether a count can begin at word I: a number word or a vague quantity,
 * or "a", "several", "few", "many" before "dozen", a scale word or "few".
 * The other words - nearly all of a news text - need no further reading. */
static int nb_may_start(const nb_state *st, size_t i)
{
    unsigned f = sr_ann_flags(st->v.s, &st->v.tok[i]);
    if (f & (SR_LX_CARD | SR_LX_ORD | SR_LX_NB))
        return 1;
    return (f & SR_LX_NB_IF) && i + 1 < st->v.n &&
           (sr_ann_flags(st->v.s, &st->v.tok[i + 1]) & SR_LX_NB_AFTER);
}

static sr_status nb_sentence(nb_state *st)
{
    st->free_from = 0;
    size_t i = 0;
    while (i < st->v.n) {
        i = st->v.tok[i].next; /* tokens before it begin no rule */
        if (i >= st->v.n)
            break;
        /* most tokens start no number: passed over before the core is set up */
        int tk = st->v.tok[i].kind;
        if (tk != SR_ANN_NUM && !(tk == SR_ANN_WORD && nb_may_start(st, i))) {
            i++;
            continue;
        }
        nb_core c;
        memset(&c, 0, sizeof c);
        c.start = i;
        size_t skip = i + 1;
        int found = tk == SR_ANN_NUM ? nb_digits(st, i, &c, &skip)
                                     : nb_vague(st, i, &c) || nb_words(st, i, &c);
        if (!found) {
            i = skip;
            continue;
        }
        if (nb_is_day_or_time(st, i, &c)) {
            i = c.end;
            continue;
        }
        int is_year = nb_is_year(st, i, &c);
        sr_number_kind kind = SR_NUM_EXACT;
        size_t start = i;
        sr_span noun = {0, 0};
        if (!is_year) {
            nb_qualifier(st, i, &kind, &start);
            noun = nb_noun(st, c.end, &c);
        }
        sr_status rc = nb_emit(st, &c, start, kind, noun, is_year);
        if (rc != SR_OK)
            return rc;
        i = c.end;
    }
    return SR_OK;
}

sr_status ann_numbers_begin(sr_arena *a, const char *text, ann_numbers **out)
{
    nb_state *st = sr_arena_alloc(a, sizeof *st);
    *out = st;
    if (!st)
        return SR_ENOMEM;
    memset(st, 0, sizeof *st);
    st->a = a;
    st->v.s = text;
    return SR_OK;
}

sr_status ann_numbers_sentence(ann_numbers *st, sr_ann_tok *tok, size_t n)
{
    st->v.tok = tok;
    st->v.n = n;
    return nb_sentence(st);
}

static sr_status nb_each(void *st, sr_ann_tok *tok, size_t n)
{
    return ann_numbers_sentence(st, tok, n);
}

void ann_numbers_end(ann_numbers *st, sr_number **out, size_t *n_out)
{
    *out = st->out;
    *n_out = st->n_out;
}

sr_status sr_numbers_find(sr_arena *a, const char *text, sr_span region, sr_number **out,
                          size_t *n_out)
{
    if (!out || !n_out)
        return SR_EINVAL;
    *out = NULL;
    *n_out = 0;
    if (!a || region.start > region.end || (region.end > region.start && !text))
        return SR_EINVAL;
    ann_numbers *st;
    sr_status rc = ann_numbers_begin(a, text, &st);
    if (rc != SR_OK)
        return rc;
    rc = sr_ann_each_sentence(a, text, &region, 1, nb_each, st);
    if (rc != SR_OK)
        return rc;
    ann_numbers_end(st, out, n_out);
    return SR_OK;
}
