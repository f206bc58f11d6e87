/* sentences.c - sentence boundaries in news text.
 *
 * Event coding works sentence by sentence (an actor, a verb and a place must
 * co-occur), so a missed boundary glues two events together and a false one
 * splits an actor from its action.  False splits are the worse error here:
 * "Lt. Col. Ahmed" cut after "Lt." loses the actor entirely.  The rules are
 * therefore conservative: a stop (. ! ? … and runs such as "?!" or "...")
 * plus any closing quotes or brackets ends a sentence only when white space
 * and a plausible sentence start (capital, digit, opening quote, or a letter
 * of a caseless script such as Arabic) follow, and not after a known
 * abbreviation or initial.  A blank line always ends a sentence.
 *
 * Cost: O(region length).  Each byte is visited a bounded number of times:
 * the main loop moves forward only, and the look-back for an abbreviation
 * reads at most ABBR_MAX_SCAN bytes per stop. */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "sitrep/text.h"

/* Longest token examined as a possible abbreviation ("approx", "U.S.A"). */
#define ABBR_MAX_SCAN 16

enum abbr_kind {
    ABBR_ALWAYS,       /* never ends a sentence: a name or a word follows */
    ABBR_BEFORE_NUMBER /* does not end a sentence when a number follows */
};

typedef struct abbr {
    /* without the final dot; compared ignoring ASCII case.  At most seven
     * bytes (the compiler holds every entry to the array), so a longer
     * token skips the list. */
    char word[8];
    unsigned char kind;
} abbr;

/* Abbreviations that wire copy writes with a dot.  Titles and ranks are the
 * AP Stylebook's abbreviated forms before a name (military, civil and
 * religious titles); months are AP's (Jan. Feb. Aug. Sept. Oct. Nov. Dec.)
 * plus the three-letter forms other agencies use; the rest is the Latin and
 * reference shorthand common in agency copy.
 * Words that often end a sentence ("etc.", "Jr.", "km.") are deliberately
 * absent: the general rule (split only before a capital) handles them.
 * Multi-letter initialisms (U.S., U.N., E.U.) and single initials (Abu M.)
 * are recognised by shape, not listed. */
#define A ABBR_ALWAYS
#define N ABBR_BEFORE_NUMBER
#define RUN(...) ((const abbr[]){__VA_ARGS__, {"", 0}})
/* by first letter in any case, each run ending in an empty word */
static const abbr *const ABBREVIATIONS[26] = {
    ['a' - 'a'] = RUN({"Adm", A}, {"approx", A}, {"Art", N}, {"Apr", N}, {"Aug", N}),
    ['b' - 'a'] = RUN({"Brig", A}),
    ['c' - 'a'] =
        RUN({"Col", A}, {"Capt", A}, {"Cmdr", A}, {"Cdr", A}, {"Cpl", A}, {"cf", A}, {"ca", N}),
    ['d' - 'a'] = RUN({"Dr", A}, {"Dec", N}),
    ['e' - 'a'] = RUN({"e.g", A}),
    ['f' - 'a'] = RUN({"Ft", A}, {"Feb", N}),
    ['g' - 'a'] = RUN({"Gen", A}, {"Gens", A}, {"Gov", A}),
    ['h' - 'a'] = RUN({"Hon", A}),
    ['i' - 'a'] = RUN({"i.e", A}),
    ['j' - 'a'] = RUN({"Jan", N}, {"Jun", N}, {"Jul", N}),
    ['l' - 'a'] = RUN({"Lt", A}),
    ['m' - 'a'] =
        RUN({"Mr", A}, {"Mrs", A}, {"Ms", A}, {"Messrs", A}, {"Maj", A}, {"Mt", A}, {"Mar", N}),
    ['n' - 'a'] = RUN({"No", N}, {"Nos", N}, {"Nov", N}),
    ['o' - 'a'] = RUN({"Oct", N}),
    ['p' - 'a'] = RUN({"Prof", A}, {"Pvt", A}, {"Pres", A}, {"p", N}, {"pp", N}),
    ['r' - 'a'] = RUN({"Rep", A}, {"Rev", A}, {"Rt", A}),
    ['s' - 'a'] = RUN({"Sgt", A}, {"Sen", A}, {"St", A}, {"Sep", N}, {"Sept", N}),
    ['v' - 'a'] = RUN({"vs", A}, {"Vol", N}),
};
#undef A
#undef N
#undef RUN

/* Bytes that can begin a stop or a line break (U+2028, U+2029 start with
 * 0xE2).  Plain spaces are not among them: white space matters only after
 * a stop, where the stop's branch reads it.  Every other byte costs one
 * table lookup and a well-predicted branch: the hot path of the scan. */
static const unsigned char SPECIAL[256] = {
    ['\n'] = 1, ['\r'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xD8] = 1, [0xDB] = 1, [0xE2] = 1,
};

#if defined(__SSE2__)
/* The first byte of U[p..end) that SPECIAL marks, testing sixteen at a time
 * for the same eight values; where fewer than sixteen are left it stops and
 * the table takes over. */
static size_t special_scan16(const unsigned char *u, size_t p, size_t end)
{
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), dot = _mm_set1_epi8('.');
    const __m128i bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
    const __m128i d8 = _mm_set1_epi8((char)0xD8), db = _mm_set1_epi8((char)0xDB);
    const __m128i e2 = _mm_set1_epi8((char)0xE2);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + p));
        __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)));
        __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, ask), _mm_cmpeq_epi8(v, d8)),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, db), _mm_cmpeq_epi8(v, e2)));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, lead));
        if (m)
            return p + (size_t)__builtin_ctz(m);
        p += 16;
    }
    return p;
}
#endif

typedef struct sent_list {
    sr_arena *a;
    sr_span *v;
    size_t n, cap;
} sent_list;

static int match(const char *t, size_t p, size_t end, const char *seq, size_t n) {
    return end - p >= n && memcmp(t + p, seq, n) == 0;
}

/* Length of the white-space character at T[p], 0 if none; line breaks are
 * counted into *NL (U+2029, a paragraph separator, counts as a blank line). */
static size_t space_at(const char *t, size_t p, size_t end, unsigned *nl) {
    unsigned char b = (unsigned char)t[p];
    if (b == '\n' || (b == '\r' && !match(t, p + 1, end, "\n", 1))) {
        ++*nl;
        return 1;
    }
    if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v')
        return 1;
    if (b == 0xC2 && (match(t, p, end, "\xC2\xA0", 2) || match(t, p, end, "\xC2\x85", 2)))
        return 2; /* no-break space, next line */
    if (b == 0xE3 && match(t, p, end, "\xE3\x80\x80", 3))
        return 3; /* ideographic space */
    if (b == 0xE2 && end - p >= 3 && (unsigned char)t[p + 1] == 0x80) {
        unsigned char c = (unsigned char)t[p + 2];
        if (c == 0xA8 || c == 0xA9) {
            *nl += c == 0xA9 ? 2 : 1;
            return 3;
        }
        if ((c >= 0x80 && c <= 0x8A) || c == 0xAF)
            return 3; /* U+2000..U+200A, narrow no-break space */
    }
    if (b == 0xE2 && match(t, p, end, "\xE2\x81\x9F", 3))
        return 3; /* medium mathematical space */
    return 0;
}

/* Length of the white-space character ending at T[e-1] (not before LO). */
static size_t space_before(const char *t, size_t lo, size_t e) {
    unsigned nl = 0;
    for (size_t n = 1; n <= 3 && n <= e - lo; n++)
        if (space_at(t, e - n, e, &nl) == n)
            return n;
    return 0;
}

static size_t skip_space(const char *t, size_t p, size_t end, unsigned *nl) {
    size_t w;
    while (p < end && (w = space_at(t, p, end, nl)) != 0)
        p += w;
    return p;
}

/* Length of the sentence-final stop at T[p]: . ! ? … and the Arabic question
 * mark and Urdu full stop; 0 if none. */
static size_t stop_at(const char *t, size_t p, size_t end) {
    unsigned char b = (unsigned char)t[p];
    if (b == '.' || b == '!' || b == '?')
        return 1;
    if (match(t, p, end, "\xE2\x80\xA6", 3))
        return 3;
    if (match(t, p, end, "\xD8\x9F", 2) || match(t, p, end, "\xDB\x94", 2))
        return 2;
    return 0;
}

/* Length of a closing quote or bracket at T[p]: " ' ) ] } ” ’ » ›. */
static size_t closer_at(const char *t, size_t p, size_t end) {
    unsigned char b = (unsigned char)t[p];
    if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '}')
        return 1;
    if (match(t, p, end, "\xE2\x80\x9D", 3) || match(t, p, end, "\xE2\x80\x99", 3) ||
        match(t, p, end, "\xE2\x80\xBA", 3))
        return 3;
    if (match(t, p, end, "\xC2\xBB", 2))
        return 2;
    return 0;
}

/* Whether T[p] is an opening quote or bracket: “ ‘ „ « ‹ ¿ ¡ (ASCII ones are
 * handled by the caller). */
static int opener_at(const char *t, size_t p, size_t end) {
    static const char *const open[] = {"\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x9E", "\xC2\xAB",
                                       "\xE2\x80\xB9", "\xC2\xBF",     "\xC2\xA1"};
    for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
        if (match(t, p, end, open[i], strlen(open[i])))
            return 1;
    return 0;
}

/* Whether a sentence can start at T[q]: a capital, a digit, an opening quote
 * or bracket, or a letter of a script without case (Arabic, Hebrew, CJK). */
static int starts_sentence(const char *t, size_t q, size_t end) {
    unsigned char b = (unsigned char)t[q];
    if (b < 0x80)
        return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '"' || b == '\'' ||
               b == '(' || b == '[';
    if (opener_at(t, q, end))
        return 1;
    int32_t i = 0, n = end - q < 4 ? (int32_t)(end - q) : 4;
    UChar32 c;
    U8_NEXT((const uint8_t *)t + q, i, n, c);
    if (c < 0)
        return 0;
    if (u_isupper(c) || u_istitle(c) || u_isdigit(c))
        return 1;
    return u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CASED);
}

static int ascii_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26u; }

/* ASCII-only and locale-free, unlike strncasecmp. */
static int same_word(const char *word, const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!word[i] || (word[i] | 32) != (w[i] | 32))
            return 0;
    return word[n] == '\0';
}

/* Whether the single '.' at T[dot] closes an abbreviation, given whether a
 * digit follows the white space after it.  The token is the run of ASCII
 * letters and dots before the dot; it must not continue a longer word
 * ("Nu‘mān." or "5km." are not abbreviations). */
static int is_abbreviation(const char *t, size_t lo, size_t dot, int digit_next) {
    size_t s = dot;
    while (s > lo && dot - s <= ABBR_MAX_SCAN &&
           (ascii_alpha((unsigned char)t[s - 1]) || t[s - 1] == '.'))
        s--;
    size_t n = dot - s;
    if (n == 0 || n > ABBR_MAX_SCAN || t[s] == '.')
        return 0;
    if (s > lo) {
        unsigned char b = (unsigned char)t[s - 1];
        if (b < 0x80) {
            if (b >= '0' && b <= '9')
                return 0;
        } else {
            size_t from = s - lo > 4 ? s - 4 : lo;
            int32_t i = (int32_t)(s - from);
            UChar32 c;
            U8_PREV((const uint8_t *)t + from, 0, i, c);
            if (c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)))
                return 0;
        }
    }
    const char *w = t + s;
    /* the token starts with a letter: the scan above took letters and
     * dots, and not a dot first */
    const abbr *ab = n < sizeof ABBREVIATIONS[0]->word ? ABBREVIATIONS[(w[0] | 32) - 'a'] : NULL;
    for (; ab && ab->word[0]; ab++)
        if (same_word(ab->word, w, n))
            return ab->kind == ABBR_ALWAYS || digit_next;
    /* A single capital is an initial ("Abu M. al-Adnani", "George W. Bush");
     * capitals alternating with dots are an initialism ("U.S", "U.N"). */
    for (size_t i = 0; i < n; i++) {
        int letter = i % 2 == 0;
        if (letter ? !(w[i] >= 'A' && w[i] <= 'Z') : w[i] != '.')
            return 0;
    }
    return n % 2 == 1;
}

/* Appends the trimmed span [s, e) unless it is empty. */
static sr_status add(sent_list *l, const char *t, size_t s, size_t e) {
    unsigned nl = 0;
    size_t w;
    /* the common case, a sentence that starts and ends with a visible ASCII
     * character, has nothing to trim: no white space is such a byte, nor
     * ends with one */
    if (!(s < e && (unsigned char)(t[s] - 0x21) < 0x5E && (unsigned char)(t[e - 1] - 0x21) < 0x5E)) {
        while (s < e && (w = space_at(t, s, e, &nl)) != 0)
            s += w;
        while (e > s && (w = space_before(t, s, e)) != 0)
            e -= w;
    }
    if (s == e)
        return SR_OK;
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        if (ncap > SIZE_MAX / sizeof(sr_span))
            return SR_ENOMEM;
        sr_span *v = sr_arena_grow(l->a, l->v, l->cap * sizeof *v, ncap * sizeof *v);
        if (!v)
            return SR_ENOMEM;
        l->v = v;
        l->cap = ncap;
    }
    l->v[l->n].start = s;
    l->v[l->n].end = e;
    l->n++;
    return SR_OK;
}

/* Whether [s, e) looks like a dateline set off by a blank line ("BEIRUT
 * (Reuters) -", "Damascus, SANA:"): it ends in a dash or colon.  Such a line
 * is the lead-in of the first sentence, not a sentence. */
static int is_dateline(const char *t, size_t s, size_t e) {
    size_t w;
    while (e > s && (w = space_before(t, s, e)) != 0)
        e -= w;
    if (e == s)
        return 0;
    char c = t[e - 1];
    if (c == '-' || c == ':')
        return 1;
    return e - s >= 3 &&
           (match(t, e - 3, e, "\xE2\x80\x93", 3) || match(t, e - 3, e, "\xE2\x80\x94", 3));
}

sr_status sr_sentences(sr_arena *a, const char *text, sr_span region, sr_span **out,
                       size_t *n_out) {
    if (out)
        *out = NULL;
    if (n_out)
        *n_out = 0;
    if (!a || !out || !n_out || region.start > region.end || (!text && region.end > region.start))
        return SR_EINVAL;
    sent_list l = {a, NULL, 0, 0};
    const size_t lo = region.start, end = region.end;
    size_t start = lo, p = lo;
    sr_status st = SR_OK;
    while (p < end && st == SR_OK) {
        /* special bytes are ASCII or lead bytes, never continuation bytes;
         * four table look-ups per test while far from the end */
        const unsigned char *u = (const unsigned char *)text;
#if defined(__SSE2__)
        p = special_scan16(u, p, end);
#endif
        while (end - p >= 4 &&
               !(SPECIAL[u[p]] | SPECIAL[u[p + 1]] | SPECIAL[u[p + 2]] | SPECIAL[u[p + 3]]))
            p += 4;
        while (p < end && !SPECIAL[u[p]])
            p++;
        if (p >= end)
            break;
        unsigned nl = 0;
        size_t q = skip_space(text, p, end, &nl);
        if (q > p) {
            if (nl >= 2 && !(l.n == 0 && is_dateline(text, start, p))) {
                st = add(&l, text, start, p);
                start = q;
            }
            p = q;
            continue;
        }
        size_t w = stop_at(text, p, end);
        if (!w) {
            p++;
            continue;
        }
        size_t dot = p;
        int single_dot = text[p] == '.';
        p += w;
        while (p < end && (w = stop_at(text, p, end)) != 0) {
            p += w;
            single_dot = 0;
        }
        while (p < end && (w = closer_at(text, p, end)) != 0)
            p += w;
        if (p >= end)
            break;
        nl = 0;
        q = skip_space(text, p, end, &nl);
        if (q == p)
            continue; /* "3.5", "U.S.-made", "Yahoo!'s": no space, no boundary */
        int boundary = nl >= 2;
        if (!boundary && q < end && starts_sentence(text, q, end)) {
            int digit = text[q] >= '0' && text[q] <= '9';
            boundary = !(single_dot && is_abbreviation(text, lo, dot, digit));
        }
        if (boundary) {
            st = add(&l, text, start, p);
            start = q;
        }
        p = q;
    }
    if (st == SR_OK)
        st = add(&l, text, start, end);
    if (st != SR_OK)
        return st;
    *out = l.v;
    *n_out = l.n;
    return SR_OK;
}
