/* fold.c - the spelling skeleton shared by text and dictionary (fold.h).
 *
 * Two passes: sr_normalize (NFKC, case fold, marks stripped, punctuation
 * folded) and then a word-by-word rewrite with the transliteration rules
 * below.  Rules work on whole tokens so that article handling and the word
 * table see the word; every output byte keeps the original offset of the
 * byte it came from.  Cost O(len) plus one table probe per word. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sitrep/fold.h"

#define FOLD_MAX_WORD 64 /* longer tokens are copied without rules */

typedef struct fold_entry {
    char *from, *to;
} fold_entry;

struct sr_fold_table {
    fold_entry *e; /* sorted by from */
    size_t n;
    /* (first letter, length) pairs present among the variants, and
     * (first two letters, length): most words of a text are not in the
     * table and are rejected with a bit test or two */
    uint64_t present[26];
    uint64_t present2[26][26];
};

/* Byte classes of normalised text: 1 word byte (a-z, 0-9, UTF-8), 2 the
 * apostrophe, which is a word byte that rules drop, 0 anything else.
 * Lower-case ASCII letters and digits are also "plain" (3): a token of
 * plain bytes only takes the fast path in fold_normalised. */
enum { FB_NONE = 0, FB_WORD = 1, FB_APOS = 2, FB_PLAIN = 3 };
/* clang-format off */
static const unsigned char fold_class[256] = {
    ['\''] = FB_APOS,
    ['0'] = FB_PLAIN, ['1'] = FB_PLAIN, ['2'] = FB_PLAIN, ['3'] = FB_PLAIN, ['4'] = FB_PLAIN,
    ['5'] = FB_PLAIN, ['6'] = FB_PLAIN, ['7'] = FB_PLAIN, ['8'] = FB_PLAIN, ['9'] = FB_PLAIN,
    ['a'] = FB_PLAIN, ['b'] = FB_PLAIN, ['c'] = FB_PLAIN, ['d'] = FB_PLAIN, ['e'] = FB_PLAIN,
    ['f'] = FB_PLAIN, ['g'] = FB_PLAIN, ['h'] = FB_PLAIN, ['i'] = FB_PLAIN, ['j'] = FB_PLAIN,
    ['k'] = FB_PLAIN, ['l'] = FB_PLAIN, ['m'] = FB_PLAIN, ['n'] = FB_PLAIN, ['o'] = FB_PLAIN,
    ['p'] = FB_PLAIN, ['q'] = FB_PLAIN, ['r'] = FB_PLAIN, ['s'] = FB_PLAIN, ['t'] = FB_PLAIN,
    ['u'] = FB_PLAIN, ['v'] = FB_PLAIN, ['w'] = FB_PLAIN, ['x'] = FB_PLAIN, ['y'] = FB_PLAIN,
    ['z'] = FB_PLAIN,
#define FB_ROW16 FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, \
                 FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD, FB_WORD
    [0x80] = FB_ROW16, FB_ROW16, FB_ROW16, FB_ROW16, FB_ROW16, FB_ROW16, FB_ROW16, FB_ROW16,
#undef FB_ROW16
};
/* clang-format on */

static int is_word_byte(unsigned char c)
{
    return fold_class[c] != FB_NONE;
}

/* The letter rules' single-letter substitutions (q -> k, o -> u, e -> i)
 * on the plain bytes (a-z, 0-9); 0 for every other byte. */
/* clang-format off */
static const unsigned char fold_plain_letter[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'i', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'u', ['p'] = 'p', ['q'] = 'k', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z'};

/* What a plain byte leaves for the doubled-letter test of the next one: its
 * letter, or for a digit 0xFF, which equals no letter and no digit (a digit
 * never doubles, and the letter after one always counts). */
#define FOLD_REP(c) [c] = 0xFF
static const unsigned char fold_plain_repeat[256] = {
    FOLD_REP('0'), FOLD_REP('1'), FOLD_REP('2'), FOLD_REP('3'), FOLD_REP('4'), FOLD_REP('5'), FOLD_REP('6'), FOLD_REP('7'), FOLD_REP('8'), FOLD_REP('9'), ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'i', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'u', ['p'] = 'p', ['q'] = 'k', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z'};
#undef FOLD_REP
/* clang-format on */

static unsigned char fold_letter(unsigned char c)
{
    return fold_plain_letter[c] ? fold_plain_letter[c] : c;
}

static int vowel(char c) { return c == 'a' || c == 'i' || c == 'u'; }

/* Letter rules for one token W[0..n) (ASCII lower case, no apostrophes);
 * writes the skeleton to OUT and, per output byte, the index of the input
 * byte in SRC.  Returns the output length. */
static size_t word_rules(const char *w, size_t n, char *out, size_t *src)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = (char)fold_letter((unsigned char)w[i]);
        if (c >= 'a' && c <= 'z' && o > 0 && out[o - 1] == c)
            continue; /* doubled letters: Hayyaat, Tell, Hurras */
        out[o] = c;
        src[o] = i;
        o++;
    }
    if (o > 2 && out[o - 1] == 'h' && vowel(out[o - 2]))
        o--; /* Hamah/Hama, Raqqah/Raqqa */
    return o;
}

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const fold_entry *)a)->from, ((const fold_entry *)b)->from);
}

static const char *table_search(const sr_fold_table *t, const char *w, size_t n);

#if defined(__GNUC__)
#define FOLD_INLINE __attribute__((always_inline)) inline
#else
#define FOLD_INLINE inline
#endif

/* The table's replacement for skeleton W (N bytes), or NULL: the bit
 * tests, inlined, answer for nearly every word of a text (an empty table
 * has no bit set). */
static FOLD_INLINE const char *table_find(const sr_fold_table *t, const char *w, size_t n)
{
    if (!t || n >= 64 || w[0] < 'a' || w[0] > 'z' ||
        !(t->present[w[0] - 'a'] & ((uint64_t)1 << n)))
        return NULL;
    if (n >= 2 &&
        (w[1] < 'a' || w[1] > 'z' || !(t->present2[w[0] - 'a'][w[1] - 'a'] & ((uint64_t)1 << n))))
        return NULL;
    return table_search(t, w, n);
}

static const char *table_search(const sr_fold_table *t, const char *w, size_t n)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(t->e[mid].from, w, n);
        if (c == 0 && t->e[mid].from[n] != '\0')
            c = 1;
        if (c == 0)
            return t->e[mid].to;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Is token T (length N) an Arabic article?  NEXT is the following token
 * (may be NULL) and HYPHEN says whether a hyphen joins them. */
static int is_article(const char *t, size_t n, const char *next, size_t nn, int hyphen)
{
    if (n == 2 && (t[0] == 'a' || t[0] == 'e') && t[1] == 'l')
        return hyphen || (next && nn > 0); /* al-/el-, "al Sham" */
    /* assimilated article: ad-, ar-, as-, ash-, at-, az-, an-, adh-, ath-
     * before a hyphen, or before a word starting with the same consonant */
    if ((t[0] != 'a' && t[0] != 'e') || n < 2 || n > 3)
        return 0;
    static const char *const sun[] = {"d", "r", "s", "t", "z", "n", "sh", "dh", "th"};
    for (size_t k = 0; k < sizeof sun / sizeof *sun; k++)
        if ((k < 6 ? 1u : 2u) == n - 1 && !memcmp(t + 1, sun[k], n - 1)) {
            if (hyphen)
                return 1;
            return next && nn >= n - 1 && !memcmp(next, t + 1, n - 1);
        }
    return 0;
}

typedef struct fold_out {
    char *text;
    size_t *map;
    size_t len;
} fold_out;

static void emit(fold_out *o, char c, size_t orig)
{
    o->text[o->len] = c;
    if (o->map) /* NULL when the caller wants the skeleton only */
        o->map[o->len] = orig;
    o->len++;
}

/* Source offset of normalised byte I; a NULL map is the identity (the
 * ASCII fast path, where normalisation only lower-cases). */
#define SRC(nm, i) ((nm)->map ? (nm)->map[i] : (i))

/* Whether the K-letter token W can be an article at all: al, el and the
 * assimilated forms (ad, ar, ..., ash, adh, ath: three letters end in h).
 * Turns away "and", "are", "all" before article_here looks ahead. */
static int may_be_article(const char *w, size_t k)
{
    return k >= 2 && k <= 3 && (w[0] == 'a' || w[0] == 'e') && (k == 2 || w[2] == 'h');
}

/* Whether the article rule applies to the K-letter token W (may_be_article)
 * ending at S[i]: decides on the next token. */
static int article_here(const char *s, size_t n, size_t i, const char *w, size_t k)
{
    int hyphen = i < n && s[i] == '-';
    size_t j = i, nn = 0;
    while (j < n && !is_word_byte((unsigned char)s[j]))
        j++;
    const char *next = j < n ? s + j : NULL;
    while (j + nn < n && (s[j + nn] >= 'a' && s[j + nn] <= 'z'))
        nn++;
    return is_article(w, k, next, nn, hyphen);
}

/* The end of the rules for the plain token S[start, end) (ASCII letters and
 * digits, at most FOLD_MAX_WORD) whose letter rules wrote M bytes, and
 * their sources, past the end of O: the article rule, the final h, the
 * table.  What the general path does to such a token, without copying it. */
static FOLD_INLINE void plain_finish(const sr_fold_table *table, const sr_norm *nm, fold_out *o,
                                     size_t start, size_t end, size_t m)
{
    const char *w = nm->text + start;
    size_t k = end - start;
    if (may_be_article(w, k) && article_here(nm->text, nm->len, end, w, k)) {
        emit(o, 'a', SRC(nm, start));
        emit(o, 'l', SRC(nm, end - 1));
        return;
    }
    char *out = o->text + o->len;
    if (m > 2 && out[m - 1] == 'h' && vowel(out[m - 2]))
        m--; /* Hamah/Hama */
    const char *rep = table_find(table, out, m);
    if (rep) {
        size_t rl = strlen(rep);
        for (size_t r = 0; r < rl; r++)
            emit(o, rep[r], SRC(nm, start + (r < k ? r : k - 1)));
        return;
    }
    o->len += m;
}

/* word_rules for a plain token, writing the skeleton and its sources past
 * the end of O (room: the caller allocated 2x), then plain_finish. */
static void fold_plain_word(const sr_fold_table *table, const sr_norm *nm, fold_out *o,
                            size_t start, size_t end)
{
    const char *w = nm->text + start;
    char *out = o->text + o->len;
    size_t *map = o->map ? o->map + o->len : NULL;
    size_t m = 0;
    unsigned char prev = 0;
    for (size_t r = 0; r < end - start; r++) {
        unsigned char c = fold_plain_letter[(unsigned char)w[r]];
        if (c == prev && c >= 'a')
            continue; /* doubled letters */
        out[m] = (char)c;
        if (map)
            map[m] = SRC(nm, start + r);
        m++;
        prev = c;
    }
    plain_finish(table, nm, o, start, end, m);
}

/* The rules over the whole normalised text.  FAST (a constant) says the
 * text is ASCII (no map: offsets are the identity) and O wants a map:
 * sr_fold's common case, for which the body is compiled on its own so that
 * the tests on the two maps fold away. */
static FOLD_INLINE void fold_body(const sr_fold_table *table, const sr_norm *nm_in,
                                  fold_out *o_out, const int fast)
{
    sr_norm nm_local = *nm_in;
    fold_out o_local = *o_out;
    if (fast) {
        nm_local.map = NULL;
#if defined(__GNUC__)
        if (!o_local.map)
            __builtin_unreachable();
#endif
    }
    const sr_norm *nm = &nm_local;
    fold_out *o = &o_local;
    const char *s = nm->text;
    size_t n = nm->len, i = 0;
    int pending_space = 0;
    size_t space_at = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (!is_word_byte(c) || c == '\'') {
            if (!pending_space && c != '\'' && c != '"' && o->len > 0) {
                pending_space = 1;
                space_at = SRC(nm, i);
            }
            i++;
            continue;
        }
        /* a token: letters, digits, UTF-8 bytes; apostrophes inside drop */
        size_t start = i;
        if (pending_space) { /* a token follows, whatever its kind */
            emit(o, ' ', space_at);
            pending_space = 0;
        }
        if (fast) {
            /* ASCII text, so offsets are the identity: the common token
             * (letters and digits only) is scanned and gets its letter
             * rules in one pass, written past the end of O; another token
             * leaves them there uncounted and takes the general path */
            char *out = o->text + o->len;
            size_t *map = o->map + o->len;
            size_t j = i, m = 0;
            unsigned char prev = 0, lc, ch;
            /* S[n] is the NUL sr_fold puts after the lowered text, which
             * ends the run */
            while ((lc = fold_plain_letter[ch = (unsigned char)s[j]]) != 0) {
                out[m] = (char)lc;
                map[m] = j;
                m += lc != prev; /* doubled letters */
                prev = fold_plain_repeat[ch];
                j++;
            }
            if (j - start <= FOLD_MAX_WORD && (j == n || !is_word_byte((unsigned char)s[j]))) {
                i = j;
                plain_finish(table, nm, o, start, j, m);
                /* the common gap, one space, taken here as the loop would
                 * take it (the token has just written something) */
                if (s[i] == ' ') {
                    pending_space = 1;
                    space_at = i++;
                }
                continue;
            }
        } else {
            size_t j = i;
            while (j < n && fold_class[(unsigned char)s[j]] == FB_PLAIN)
                j++;
            if (j - start <= FOLD_MAX_WORD && (j == n || !is_word_byte((unsigned char)s[j]))) {
                i = j;
                fold_plain_word(table, nm, o, start, j);
                continue;
            }
        }
        char w[FOLD_MAX_WORD];
        size_t wsrc[FOLD_MAX_WORD];
        size_t k = 0;
        int ascii = 1;
        while (i < n && is_word_byte((unsigned char)s[i])) {
            if (s[i] != '\'') {
                if ((unsigned char)s[i] >= 0x80)
                    ascii = 0;
                if (k < FOLD_MAX_WORD) {
                    w[k] = s[i];
                    wsrc[k] = i;
                }
                k++;
            }
            i++;
        }
        /* possessive: "HTS's", "Zenki's" */
        if (k >= 2 && i - start >= 2 && s[i - 1] == 's' && s[i - 2] == '\'' && k <= FOLD_MAX_WORD)
            k--;
        if (!ascii || k > FOLD_MAX_WORD) {
            for (size_t q = start; q < i; q++)
                if (s[q] != '\'')
                    emit(o, s[q], SRC(nm, q));
            continue;
        }
        /* look ahead for article decisions (only 2-3 letter words can be one) */
        if (may_be_article(w, k) && article_here(s, n, i, w, k)) {
            emit(o, 'a', SRC(nm, wsrc[0]));
            emit(o, 'l', SRC(nm, wsrc[k - 1]));
            continue;
        }
        char sk[FOLD_MAX_WORD];
        sk[0] = sk[1] = 0; /* table_find may read two bytes of a one-byte skeleton */
        size_t sksrc[FOLD_MAX_WORD];
        size_t m = word_rules(w, k, sk, sksrc);
        const char *rep = table_find(table, sk, m);
        if (rep) {
            size_t rl = strlen(rep);
            for (size_t r = 0; r < rl; r++)
                emit(o, rep[r], SRC(nm, wsrc[r < k ? r : k - 1]));
        } else {
            for (size_t r = 0; r < m; r++)
                emit(o, sk[r], SRC(nm, wsrc[sksrc[r]]));
        }
    }
    *o_out = o_local;
}

static void fold_normalised(const sr_fold_table *table, const sr_norm *nm, fold_out *o)
{
    if (!nm->map && o->map)
        fold_body(table, nm, o, 1);
    else
        fold_body(table, nm, o, 0);
}

/* ASCII needs no ICU: NFKC and punctuation folding leave it alone, marks
 * cannot occur, and case folding is tolower.  Returns 1 when S is ASCII and
 * LOWER (LEN bytes) holds it lower-cased. */
static int ascii_lower(const char *s, size_t len, char *lower)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* sixteen at a time: no high bit set, then 0x20 added to A-Z (the
     * signed compares are exact on ASCII) */
    const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
    const __m128i case_bit = _mm_set1_epi8(0x20);
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        if (_mm_movemask_epi8(v))
            return 0;
        __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
        v = _mm_or_si128(v, _mm_and_si128(upper, case_bit));
        _mm_storeu_si128((__m128i *)(void *)(lower + i), v);
    }
#endif
    /* eight bytes at a time: no high bit set, then 0x20 added to A-Z */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & highs)
            return 0;
        uint64_t ge_a = w + ones * (0x80 - 'A'), gt_z = w + ones * (0x80 - 'Z' - 1);
        w |= ((ge_a & ~gt_z) & highs) >> 2;
        memcpy(lower + i, &w, 8);
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return 0;
        lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return 1;
}

sr_status sr_fold(sr_arena *a, const sr_fold_table *table, const char *s, size_t len, sr_norm *out)
{
    sr_norm nm = {0};
    char *lower = sr_arena_alloc(a, len + 1);
    if (!lower)
        return SR_ENOMEM;
    if (ascii_lower(s, len, lower)) {
        lower[len] = '\0';
        nm.text = lower;
        nm.len = len;
    } else {
        sr_status st = sr_normalize(a, s, len, SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS, &nm);
        if (st != SR_OK)
            return st;
    }
    /* table words may be longer than what they replace: allow 2x */
    size_t cap = nm.len * 2 + 8;
    fold_out o = {sr_arena_alloc(a, cap + 1), sr_arena_alloc(a, (cap + 1) * sizeof(size_t)), 0};
    if (!o.text || !o.map)
        return SR_ENOMEM;
    fold_normalised(table, &nm, &o);
    o.text[o.len] = '\0';
    o.map[o.len] = len;
    out->text = o.text;
    out->len = o.len;
    out->map = o.map;
    return SR_OK;
}

size_t sr_fold_name(const sr_fold_table *table, const char *s, size_t len, char *buf, size_t cap)
{
    char lower[256], text[520];
    if (len < sizeof lower && ascii_lower(s, len, lower)) {
        /* names are short and mostly ASCII: no arena, no ICU */
        sr_norm nm = {lower, len, NULL};
        fold_out o = {text, NULL, 0};
        fold_normalised(table, &nm, &o);
        if (o.len >= cap)
            return (size_t)-1;
        memcpy(buf, text, o.len);
        buf[o.len] = '\0';
        return o.len;
    }
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return (size_t)-1;
    sr_norm n;
    size_t r = (size_t)-1;
    if (sr_fold(a, table, s, len, &n) == SR_OK && n.len < cap) {
        memcpy(buf, n.text, n.len);
        buf[n.len] = '\0';
        r = n.len;
    }
    sr_arena_free(a);
    return r;
}

void sr_fold_table_free(sr_fold_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->e[i].from);
        free(t->e[i].to);
    }
    free(t->e);
    free(t);
}

/* Folds a table word with the letter rules only (no table). */
static char *fold_word(const char *s, size_t n)
{
    char buf[FOLD_MAX_WORD * 2];
    size_t r = sr_fold_name(NULL, s, n, buf, sizeof buf);
    if (r == (size_t)-1 || r == 0 || memchr(buf, ' ', r))
        return NULL;
    return strdup(buf);
}

sr_status sr_fold_table_load(sr_fold_table **out, const char *path, char *err, size_t errlen)
{
    *out = NULL;
    sr_fold_table *t = calloc(1, sizeof *t);
    if (!t)
        return SR_ENOMEM;
    if (!path) {
        *out = t;
        return SR_OK;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open", path);
        free(t);
        return SR_EIO;
    }
    char line[512];
    size_t cap = 0, lineno = 0;
    sr_status st = SR_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\n')
            line[--l] = '\0';
        else if (!feof(f)) {
            snprintf(err, errlen, "%s:%zu: line longer than %zu bytes", path, lineno, sizeof line);
            st = SR_EFORMAT;
            break;
        }
        if (!l || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || strchr(tab + 1, '\t')) {
            snprintf(err, errlen, "%s:%zu: expected two tab-separated columns", path, lineno);
            st = SR_EFORMAT;
            break;
        }
        fold_entry e = {fold_word(line, (size_t)(tab - line)), fold_word(tab + 1, strlen(tab + 1))};
        if (!e.from || !e.to) {
            free(e.from);
            free(e.to);
            snprintf(err, errlen, "%s:%zu: each column must be one word", path, lineno);
            st = SR_EFORMAT;
            break;
        }
        if (t->n == cap) {
            cap = cap ? cap * 2 : 64;
            fold_entry *ne = realloc(t->e, cap * sizeof *ne);
            if (!ne) {
                free(e.from);
                free(e.to);
                st = SR_ENOMEM;
                break;
            }
            t->e = ne;
        }
        t->e[t->n++] = e;
    }
    fclose(f);
    if (st != SR_OK) {
        sr_fold_table_free(t);
        return st;
    }
    if (t->n > 1)
        qsort(t->e, t->n, sizeof *t->e, entry_cmp);
    for (size_t i = 0; i < t->n; i++) {
        size_t l = strlen(t->e[i].from);
        char c0 = t->e[i].from[0];
        if (c0 >= 'a' && c0 <= 'z' && l < 64)
            t->present[c0 - 'a'] |= (uint64_t)1 << l;
        char c1 = t->e[i].from[1];
        if (c0 >= 'a' && c0 <= 'z' && c1 >= 'a' && c1 <= 'z' && l < 64)
            t->present2[c0 - 'a'][c1 - 'a'] |= (uint64_t)1 << l;
    }
    *out = t;
    return SR_OK;
}
