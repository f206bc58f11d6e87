/* normalize.c - the normalised copy of a text and its byte map back to the
 * original.
 *
 * Dictionaries match on a folded copy (NFKC, ASCII punctuation, case folded)
 * but every reported span must index the original, so each output byte
 * records the original offset of the character that produced it.
 *
 * The input is cut into normalisation segments.  A segment starts at a code
 * point with a normalisation boundary before it (ICU's
 * unorm2_hasBoundaryBefore), so normalising segment by segment gives the
 * same result as normalising the whole text, and every output byte of a
 * segment maps to the segment's first original byte.  Map values are thus
 * always starts of original characters: a span mapped back never cuts one.
 * Almost every segment is a single code point, so the map is as fine as the
 * original's characters; only base + combining marks share one entry.
 *
 * ASCII is a fixed point of NFKC, of mark stripping and (after lowering) of
 * case folding, so runs of ASCII never reach ICU: they are copied in a tight
 * loop, which is what keeps English news text above several hundred MB/s.
 * Non-ASCII code points that every requested step leaves alone (checked with
 * ICU's quick-check properties) are copied too; only the rest pay for the
 * UTF-16 round trip through ICU.
 *
 * Cost: O(len) time.  Memory: the copy plus a size_t per output byte, so
 * about 9x the input in the arena (more when NFKC expands, up to 11x for
 * U+FDFA); the arena's cap bounds hostile input. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "sitrep/text.h"

/* Longest segment, in code points.  Unicode's Stream-Safe Text Format
 * (UAX #15) allows at most 30 non-starters in a row; cutting a longer run
 * keeps ICU's canonical reordering (insertion sort) from going quadratic on
 * a hostile run of a million combining marks.  Real text never comes close. */
#define SEG_MAX_CP 32

/* Scratch for one segment.  A 32-code-point segment is at most 128 bytes of
 * UTF-8 and so at most 128 UTF-16 units; the stack buffers cover every
 * realistic expansion and the arena takes over for the rest. */
#define SEG_STACK_UNITS 512

/* Size of the per-call memo of code point properties (a power of two). */
#define CP_CACHE_SIZE 256

#define ALL_FLAGS (SR_NORM_NFKC | SR_NORM_PUNCT | SR_NORM_CASEFOLD | SR_NORM_STRIP_MARKS)
#define MARK_MASK (U_GC_MN_MASK | U_GC_ME_MASK)
#define REPLACEMENT_CHAR 0xFFFD

/* What the ICU property look-ups said about one code point. */
enum { CP_BOUNDARY = 1, CP_SAME = 2 };
typedef struct cp_entry {
    UChar32 cp; /* -1: empty slot */
    unsigned bits;
} cp_entry;

typedef struct norm_ctx {
    sr_arena *a;
    unsigned flags;
    /* Decides segment boundaries and recomposes after mark stripping: NFKC
     * with SR_NORM_NFKC, NFC for stripping alone, NULL when no normal form
     * is involved and every code point is its own segment. */
    const UNormalizer2 *compose;
    const UNormalizer2 *nfkc, *nfc, *nfd;
    char *text;
    size_t *map;
    size_t len, cap; /* cap counts bytes of text and entries of map */
    UChar *buf[2];
    int32_t bufcap[2];
    /* Memo of cp_info, on the caller's stack: a document uses few distinct
     * non-ASCII characters, and the ICU look-ups behind one entry cost
     * 50-100 ns, several times the rest of the per-character work. */
    cp_entry *cache;
} norm_ctx;

/* SR_NORM_PUNCT's table: the ASCII replacement of C ("" deletes it), or NULL
 * when C is left alone.  The list covers what news feeds actually carry:
 * typographic and transliteration apostrophes (‘ayn and hamza written as
 * ʿ ʾ ʻ ʼ in romanised Arabic), quotes, the dash family, the space family
 * and invisible characters that split words for a matcher. */
static const char *punct_fold(UChar32 c) {
    if (c < 0x80)
        return c == '`' ? "'" : NULL;
    if (c >= 0x2018 && c <= 0x201B)
        return "'";
    if (c >= 0x201C && c <= 0x201F)
        return "\"";
    if (c >= 0x2010 && c <= 0x2015)
        return "-";
    if (c >= 0x2000 && c <= 0x200A)
        return " ";
    if (c >= 0x200B && c <= 0x200D)
        return "";
    switch (c) {
    case 0x00B4: /* acute accent used as an apostrophe */
    case 0x02BB: /* modifier letter turned comma (ʻayn) */
    case 0x02BC: /* modifier letter apostrophe */
    case 0x02BE: /* modifier letter right half ring (hamza) */
    case 0x02BF: /* modifier letter left half ring (ʿayn) */
    case 0x2032: /* prime */
    case 0x2039:
    case 0x203A:
        return "'";
    case 0x00AB:
    case 0x00BB:
    case 0x2033: /* double prime */
        return "\"";
    case 0x2212: /* minus sign */
        return "-";
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return " ";
    case 0x00AD: /* soft hyphen */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* byte-order mark / zero-width no-break space */
        return "";
    case 0x2026:
        return "...";
    case 0x060C: /* Arabic comma */
        return ",";
    case 0x061B: /* Arabic semicolon */
        return ";";
    default:
        return NULL;
    }
}

/* What the whole pipeline of sr_fold's flags (SR_NORM_DEFAULT with
 * SR_NORM_STRIP_MARKS) makes of each letter U+00C0..U+024F (Latin-1
 * Supplement, Latin Extended-A and -B) that comes out as ASCII letters:
 * the accented letters of place and person names, ß, the ligatures ĳ and
 * ǆ.  "" for the rest (æ, ø, ŀ, ŉ, ...), which go through ICU.  Read off
 * ICU's output and checked against it entry by entry in
 * tests/unit/test_text.c.  A letter alone in its segment then skips
 * run_segment's UTF-16 round trip, some 3,000 instructions: the
 * gazetteer's names at load time, and texts with accents. */
#define LATIN_FIRST 0xC0
#define LATIN_END 0x250
#define LATIN_FLAGS (SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS)
static const char latin_fold[LATIN_END - LATIN_FIRST][3] = {
    "a", "a", "a", "a", "a", "a", "", "c", /* U+00C0 */
    "e", "e", "e", "e", "i", "i", "i", "i", /* U+00C8 */
    "", "n", "o", "o", "o", "o", "o", "", /* U+00D0 */
    "", "u", "u", "u", "u", "y", "", "ss", /* U+00D8 */
    "a", "a", "a", "a", "a", "a", "", "c", /* U+00E0 */
    "e", "e", "e", "e", "i", "i", "i", "i", /* U+00E8 */
    "", "n", "o", "o", "o", "o", "o", "", /* U+00F0 */
    "", "u", "u", "u", "u", "y", "", "y", /* U+00F8 */
    "a", "a", "a", "a", "a", "a", "c", "c", /* U+0100 */
    "c", "c", "c", "c", "c", "c", "d", "d", /* U+0108 */
    "", "", "e", "e", "e", "e", "e", "e", /* U+0110 */
    "e", "e", "e", "e", "g", "g", "g", "g", /* U+0118 */
    "g", "g", "g", "g", "h", "h", "", "", /* U+0120 */
    "i", "i", "i", "i", "i", "i", "i", "i", /* U+0128 */
    "i", "", "ij", "ij", "j", "j", "k", "k", /* U+0130 */
    "", "l", "l", "l", "l", "l", "l", "", /* U+0138 */
    "", "", "", "n", "n", "n", "n", "n", /* U+0140 */
    "n", "", "", "", "o", "o", "o", "o", /* U+0148 */
    "o", "o", "", "", "r", "r", "r", "r", /* U+0150 */
    "r", "r", "s", "s", "s", "s", "s", "s", /* U+0158 */
    "s", "s", "t", "t", "t", "t", "", "", /* U+0160 */
    "u", "u", "u", "u", "u", "u", "u", "u", /* U+0168 */
    "u", "u", "u", "u", "w", "w", "y", "y", /* U+0170 */
    "y", "z", "z", "z", "z", "z", "z", "s", /* U+0178 */
    "", "", "", "", "", "", "", "", /* U+0180 */
    "", "", "", "", "", "", "", "", /* U+0188 */
    "", "", "", "", "", "", "", "", /* U+0190 */
    "", "", "", "", "", "", "", "", /* U+0198 */
    "o", "o", "", "", "", "", "", "", /* U+01A0 */
    "", "", "", "", "", "", "", "u", /* U+01A8 */
    "u", "", "", "", "", "", "", "", /* U+01B0 */
    "", "", "", "", "", "", "", "", /* U+01B8 */
    "", "", "", "", "dz", "dz", "dz", "lj", /* U+01C0 */
    "lj", "lj", "nj", "nj", "nj", "a", "a", "i", /* U+01C8 */
    "i", "o", "o", "u", "u", "u", "u", "u", /* U+01D0 */
    "u", "u", "u", "u", "u", "", "a", "a", /* U+01D8 */
    "a", "a", "", "", "", "", "g", "g", /* U+01E0 */
    "k", "k", "o", "o", "o", "o", "", "", /* U+01E8 */
    "j", "dz", "dz", "dz", "g", "g", "", "", /* U+01F0 */
    "n", "n", "a", "a", "", "", "", "", /* U+01F8 */
    "a", "a", "a", "a", "e", "e", "e", "e", /* U+0200 */
    "i", "i", "i", "i", "o", "o", "o", "o", /* U+0208 */
    "r", "r", "r", "r", "u", "u", "u", "u", /* U+0210 */
    "s", "s", "t", "t", "", "", "h", "h", /* U+0218 */
    "", "", "", "", "", "", "a", "a", /* U+0220 */
    "e", "e", "o", "o", "o", "o", "o", "o", /* U+0228 */
    "o", "o", "y", "y", "", "", "", "", /* U+0230 */
    "", "", "", "", "", "", "", "", /* U+0238 */
    "", "", "", "", "", "", "", "", /* U+0240 */
    "", "", "", "", "", "", "", "", /* U+0248 */
};

/* Decodes the code point at S[P]; -1 for an ill-formed sequence, whose
 * length (the maximal ill-formed subpart, at least 1) still goes to *CLEN. */
static UChar32 decode(const unsigned char *s, size_t p, size_t len, size_t *clen) {
    int32_t i = 0, n = len - p < 4 ? (int32_t)(len - p) : 4;
    UChar32 c;
    U8_NEXT(s + p, i, n, c);
    *clen = (size_t)i;
    return c;
}

/* Whether the code point C (as decoded, -1 for ill-formed) begins a new
 * segment. */
static int starts_segment(const norm_ctx *cx, UChar32 c) {
    if (!cx->compose || c < 0x80)
        return 1; /* nothing composes with a following ASCII character */
    if (cx->flags & SR_NORM_PUNCT) {
        const char *r = punct_fold(c);
        if (r)
            return r[0] != '\0'; /* a deleted character joins its neighbours */
    }
    return unorm2_hasBoundaryBefore(cx->compose, c);
}

/* Whether every requested step leaves the lone code point C unchanged. */
static int unchanged(const norm_ctx *cx, UChar32 c) {
    unsigned f = cx->flags;
    if ((f & SR_NORM_NFKC) && u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES)
        return 0;
    if ((f & SR_NORM_CASEFOLD) && u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED))
        return 0;
    if ((f & SR_NORM_STRIP_MARKS) &&
        (u_getIntPropertyValue(c, UCHAR_NFD_QUICK_CHECK) != UNORM_YES ||
         (U_GET_GC_MASK(c) & MARK_MASK)))
        return 0;
    return 1;
}

/* CP_BOUNDARY | CP_SAME facts about the non-ASCII code point C, memoised. */
static unsigned cp_info(norm_ctx *cx, UChar32 c) {
    cp_entry *e = &cx->cache[(c ^ (c >> 8)) & (CP_CACHE_SIZE - 1)];
    if (e->cp != c) {
        e->cp = c;
        e->bits = (starts_segment(cx, c) ? CP_BOUNDARY : 0) | (unchanged(cx, c) ? CP_SAME : 0);
    }
    return e->bits;
}

/* Makes room for EXTRA more output bytes plus the final NUL.  Growth doubles,
 * so the copies cost O(len) in total. */
static sr_status reserve(norm_ctx *cx, size_t extra) {
    if (extra < cx->cap - cx->len)
        return SR_OK;
    size_t need = cx->len + extra + 1;
    if (need <= extra)
        return SR_ENOMEM;
    size_t ncap = cx->cap <= SIZE_MAX / 2 ? cx->cap * 2 : need;
    if (ncap < need)
        ncap = need;
    if (ncap > SIZE_MAX / sizeof(size_t))
        return SR_ENOMEM;
    char *t = sr_arena_grow(cx->a, cx->text, cx->cap, ncap);
    if (!t)
        return SR_ENOMEM;
    cx->text = t;
    size_t *m = sr_arena_grow(cx->a, cx->map, cx->cap * sizeof *m, ncap * sizeof *m);
    if (!m)
        return SR_ENOMEM;
    cx->map = m;
    cx->cap = ncap;
    return SR_OK;
}

/* Copies the ASCII bytes S[p..q), lowered for case folding and with the
 * backtick made an apostrophe for punctuation folding.  The branch-free
 * loops vectorise; this is the hot path for English text. */
static sr_status emit_ascii(norm_ctx *cx, const unsigned char *s, size_t p, size_t q) {
    size_t n = q - p;
    sr_status st = reserve(cx, n);
    if (st != SR_OK)
        return st;
    unsigned char *t = (unsigned char *)cx->text + cx->len;
    size_t *m = cx->map + cx->len;
    const unsigned char *in = s + p;
    int lower = (cx->flags & SR_NORM_CASEFOLD) != 0, tick = (cx->flags & SR_NORM_PUNCT) != 0;
    if (!lower && !tick) {
        memcpy(t, in, n);
    } else if (lower && !tick) {
        for (size_t k = 0; k < n; k++)
            t[k] = (unsigned char)(in[k] + (((unsigned)(in[k] - 'A') < 26u) << 5));
    } else {
        unsigned char lo = lower ? 32 : 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char c = in[k];
            c = (unsigned char)(c + ((unsigned)(c - 'A') < 26u ? lo : 0));
            t[k] = c == '`' ? '\'' : c;
        }
    }
    for (size_t k = 0; k < n; k++)
        m[k] = p + k;
    cx->len += n;
    return SR_OK;
}

/* Appends the bytes R[0..n), all produced by the original byte SRC. */
static sr_status emit_bytes(norm_ctx *cx, const char *r, size_t n, size_t src) {
    sr_status st = reserve(cx, n);
    if (st != SR_OK)
        return st;
    memcpy(cx->text + cx->len, r, n);
    for (size_t k = 0; k < n; k++)
        cx->map[cx->len + k] = src;
    cx->len += n;
    return SR_OK;
}

/* Appends U[0..n) (well-formed UTF-16) as UTF-8, all mapped to SRC. */
static sr_status emit_utf16(norm_ctx *cx, const UChar *u, int32_t n, size_t src) {
    sr_status st = reserve(cx, (size_t)n * 3); /* a unit is at most 3 bytes, a pair 4 */
    if (st != SR_OK)
        return st;
    size_t o = cx->len;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(u, i, n, c);
        U8_APPEND_UNSAFE(cx->text, o, c);
    }
    for (size_t k = cx->len; k < o; k++)
        cx->map[k] = src;
    cx->len = o;
    return SR_OK;
}

/* Gives scratch buffer B room for N units. */
static sr_status scratch(norm_ctx *cx, int b, int32_t n) {
    if (n <= cx->bufcap[b])
        return SR_OK;
    if ((size_t)n > SIZE_MAX / sizeof(UChar))
        return SR_ENOMEM;
    UChar *p = sr_arena_alloc(cx->a, (size_t)n * sizeof(UChar));
    if (!p)
        return SR_ENOMEM;
    cx->buf[b] = p;
    cx->bufcap[b] = n;
    return SR_OK;
}

/* One ICU step from buffer *CUR into the other one: normalisation with N2,
 * or full case folding when N2 is NULL.  ICU reports the size it needs on
 * overflow, so a second attempt always fits. */
static sr_status icu_step(norm_ctx *cx, const UNormalizer2 *n2, int *cur, int32_t *n) {
    int src = *cur, dst = !src;
    for (int attempt = 0; attempt < 2; attempt++) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t m;
        if (n2)
            m = unorm2_normalize(n2, cx->buf[src], *n, cx->buf[dst], cx->bufcap[dst], &err);
        else
            m = u_strFoldCase(cx->buf[dst], cx->bufcap[dst], cx->buf[src], *n, U_FOLD_CASE_DEFAULT,
                              &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            sr_status st = scratch(cx, dst, m + 1);
            if (st != SR_OK)
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return err == U_MEMORY_ALLOCATION_ERROR ? SR_ENOMEM : SR_EINVAL;
        *n = m;
        *cur = dst;
        return SR_OK;
    }
    return SR_ENOMEM;
}

/* Applies the punctuation table to the code points of buffer *CUR. */
static sr_status punct_step(norm_ctx *cx, int *cur, int32_t *n) {
    int src = *cur, dst = !src;
    sr_status st = scratch(cx, dst, *n * 3); /* "..." is the longest replacement */
    if (st != SR_OK)
        return st;
    const UChar *in = cx->buf[src];
    UChar *out = cx->buf[dst];
    int32_t o = 0;
    for (int32_t i = 0; i < *n; i++) {
        /* Every folded character is in the BMP, so surrogates pass through. */
        const char *r = punct_fold(in[i]);
        if (!r)
            out[o++] = in[i];
        else
            while (*r)
                out[o++] = (UChar)*r++;
    }
    *n = o;
    *cur = dst;
    return SR_OK;
}

/* Drops combining marks from buffer *CUR in place (the text is in NFD). */
static void strip_marks(norm_ctx *cx, int cur, int32_t *n) {
    UChar *u = cx->buf[cur];
    int32_t o = 0;
    for (int32_t i = 0; i < *n;) {
        int32_t at = i;
        UChar32 c;
        U16_NEXT(u, i, *n, c);
        if (U_GET_GC_MASK(c) & MARK_MASK)
            continue;
        while (at < i)
            u[o++] = u[at++];
    }
    *n = o;
}

/* Runs the full pipeline on the segment S[start..end) and appends the
 * result.  Order: punctuation first (NFKC would turn ´ into space + accent
 * and ″ into two primes), then NFKC, case folding (renormalised, as
 * NFKC_Casefold is defined), mark stripping on the decomposed form with
 * recomposition, and punctuation again for what NFKC or NFD produced
 * (﹘ -> —, U+1FFD -> ´). */
static sr_status run_segment(norm_ctx *cx, const unsigned char *s, size_t start, size_t end) {
    /* Each code point becomes at most as many UTF-16 units as it has bytes
     * (the 3-byte ellipsis becomes 3 dots). */
    sr_status st = scratch(cx, 0, (int32_t)(end - start));
    if (st != SR_OK)
        return st;
    int cur = 0;
    int32_t n = 0;
    UChar *u = cx->buf[0];
    for (size_t p = start; p < end;) {
        size_t clen;
        UChar32 c = decode(s, p, end, &clen);
        p += clen;
        if (c < 0)
            c = REPLACEMENT_CHAR;
        const char *r = (cx->flags & SR_NORM_PUNCT) ? punct_fold(c) : NULL;
        if (r) {
            while (*r)
                u[n++] = (UChar)*r++;
        } else {
            U16_APPEND_UNSAFE(u, n, c);
        }
    }
    unsigned f = cx->flags;
    if ((f & SR_NORM_NFKC) && (st = icu_step(cx, cx->nfkc, &cur, &n)) != SR_OK)
        return st;
    if (f & SR_NORM_CASEFOLD) {
        if ((st = icu_step(cx, NULL, &cur, &n)) != SR_OK)
            return st;
        if ((f & SR_NORM_NFKC) && (st = icu_step(cx, cx->nfkc, &cur, &n)) != SR_OK)
            return st;
    }
    if (f & SR_NORM_STRIP_MARKS) {
        if ((st = icu_step(cx, cx->nfd, &cur, &n)) != SR_OK)
            return st;
        strip_marks(cx, cur, &n);
        /* NFD split Hangul syllables and precomposed letters; put them back.
         * NFC suffices: NFD of NFKC text holds no compatibility characters. */
        if ((st = icu_step(cx, cx->nfc, &cur, &n)) != SR_OK)
            return st;
    }
    if ((f & SR_NORM_PUNCT) && (st = punct_step(cx, &cur, &n)) != SR_OK)
        return st;
    return emit_utf16(cx, cx->buf[cur], n, start);
}

/* Handles the segment that starts at *PP and advances *PP past it. */
static sr_status segment(norm_ctx *cx, const unsigned char *s, size_t len, size_t *pp) {
    size_t start = *pp, clen;
    UChar32 first = decode(s, start, len, &clen);
    size_t p = start + clen;
    unsigned ncp = 1;
    while (p < len && ncp < SEG_MAX_CP) {
        size_t l2;
        UChar32 c = decode(s, p, len, &l2);
        if (c < 0x80 || (cp_info(cx, c) & CP_BOUNDARY))
            break; /* ill-formed bytes (-1) become U+FFFD, a starter */
        p += l2;
        ncp++;
    }
    *pp = p;
    if (ncp > 1)
        return run_segment(cx, s, start, p);
    if (first < 0)
        return emit_bytes(cx, "\xEF\xBF\xBD", 3, start); /* U+FFFD */
    if (first < 0x80)
        return emit_ascii(cx, s, start, p);
    const char *r = (cx->flags & SR_NORM_PUNCT) ? punct_fold(first) : NULL;
    if (r)
        return emit_bytes(cx, r, strlen(r), start);
    if (first >= LATIN_FIRST && first < LATIN_END && cx->flags == LATIN_FLAGS &&
        latin_fold[first - LATIN_FIRST][0]) {
        r = latin_fold[first - LATIN_FIRST];
        return emit_bytes(cx, r, r[1] ? 2 : 1, start);
    }
    if (cp_info(cx, first) & CP_SAME)
        return emit_bytes(cx, (const char *)s + start, clen, start);
    return run_segment(cx, s, start, p);
}

/* End of the run of ASCII bytes starting at P, eight bytes at a time. */
static size_t ascii_end(const unsigned char *s, size_t p, size_t len) {
    while (len - p >= 8) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        if (w & 0x8080808080808080ull)
            break;
        p += 8;
    }
    while (p < len && s[p] < 0x80)
        p++;
    return p;
}

sr_status sr_normalize(sr_arena *a, const char *s, size_t len, unsigned flags, sr_norm *out) {
    if (out)
        memset(out, 0, sizeof *out);
    if (!a || !out || (!s && len) || (flags & ~(unsigned)ALL_FLAGS) || len >= SIZE_MAX / 2)
        return SR_EINVAL;
    const unsigned char *u = (const unsigned char *)s;
    UChar stack0[SEG_STACK_UNITS], stack1[SEG_STACK_UNITS];
    norm_ctx cx = {.a = a,
                   .flags = flags,
                   .buf = {stack0, stack1},
                   .bufcap = {SEG_STACK_UNITS, SEG_STACK_UNITS}};
    cp_entry cache[CP_CACHE_SIZE];
    size_t ascii = len ? ascii_end(u, 0, len) : 0;
    if (ascii < len) {
        memset(cache, 0xFF, sizeof cache); /* cp = -1 everywhere */
        cx.cache = cache;
    }
    if (ascii < len && (flags & (SR_NORM_NFKC | SR_NORM_STRIP_MARKS))) {
        /* ICU's instances are process-wide, immutable and thread-safe. */
        UErrorCode err = U_ZERO_ERROR;
        cx.nfkc = unorm2_getNFKCInstance(&err);
        cx.nfc = unorm2_getNFCInstance(&err);
        cx.nfd = unorm2_getNFDInstance(&err);
        if (U_FAILURE(err))
            return err == U_MEMORY_ALLOCATION_ERROR ? SR_ENOMEM : SR_EINVAL;
        cx.compose = (flags & SR_NORM_NFKC) ? cx.nfkc : cx.nfc;
    }
    /* Pure ASCII keeps its length; otherwise most folds shrink or keep the
     * size, and the slack absorbs the occasional expansion (ß -> ss). */
    cx.cap = ascii == len ? len + 1 : len + len / 4 + 64;
    if (cx.cap > SIZE_MAX / sizeof(size_t))
        return SR_ENOMEM;
    cx.text = sr_arena_alloc(a, cx.cap);
    cx.map = cx.text ? sr_arena_alloc(a, cx.cap * sizeof(size_t)) : NULL;
    if (!cx.map)
        return SR_ENOMEM;

    size_t p = 0;
    sr_status st = SR_OK;
    while (p < len && st == SR_OK) {
        if (u[p] < 0x80) {
            size_t q = p < ascii ? ascii : ascii_end(u, p, len);
            /* The last ASCII character before a non-ASCII one may take a
             * combining mark (e + U+0301), so it goes through segment(). */
            size_t stop = q < len && cx.compose ? q - 1 : q;
            if (stop > p) {
                st = emit_ascii(&cx, u, p, stop);
                p = stop;
                continue;
            }
        }
        st = segment(&cx, u, len, &p);
    }
    if (st != SR_OK)
        return st;
    cx.text[cx.len] = '\0';
    cx.map[cx.len] = len;
    out->text = cx.text;
    out->len = cx.len;
    out->map = cx.map;
    return SR_OK;
}

sr_span sr_norm_span(const sr_norm *n, size_t start, size_t end) {
    sr_span sp = {0, 0};
    if (!n || !n->map)
        return sp;
    if (end > n->len)
        end = n->len;
    if (start > end)
        start = end;
    sp.start = sp.end = n->map[start];
    if (start == end)
        return sp;
    /* The end is the start of the next original character: skip the rest of
     * the output of the segment that produced byte end-1.  A segment's output
     * is short (SEG_MAX_CP code points), so this is O(1). */
    size_t last = n->map[end - 1], k = end;
    while (k < n->len && n->map[k] <= last)
        k++;
    sp.end = n->map[k];
    return sp;
}
