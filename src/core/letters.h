/* core/letters.h - the end of a run of ASCII letters, eight bytes at a time.
 *
 * Shared by the annotator's tokeniser and the coder's word tests.  A word
 * mostly ends within its first eight bytes, so the test that finds its end
 * is predictable where a byte loop's exit is not. */
#ifndef SITREP_CORE_LETTERS_H
#define SITREP_CORE_LETTERS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* From U[p], skips ASCII letters (and hyphens, when HYPHENS) sixteen bytes
 * at a time with SSE2, then eight.  Returns the first byte that is neither,
 * or a position before it where fewer than eight bytes are left or a
 * non-ASCII byte comes: the caller reads on from there byte by byte. */
static inline size_t sr_letter_run(const unsigned char *u, size_t p, size_t end, int hyphens)
{
#if defined(__SSE2__)
    /* sixteen at a time: with the capitals folded, a letter plus 0x80 - 'a'
     * lands on 0x80..0x99, the only bytes below -102 as signed; no other
     * ASCII byte and no byte >= 0x80 does */
    const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(0x80 - 'a');
    const __m128i past_z = _mm_set1_epi8(-102), dash = _mm_set1_epi8('-');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + p));
        __m128i x = _mm_add_epi8(_mm_or_si128(v, case_bit), shift);
        __m128i ok = _mm_cmplt_epi8(x, past_z);
        if (hyphens)
            ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, dash));
        unsigned other = (unsigned)_mm_movemask_epi8(ok) ^ 0xFFFFu;
        if (other)
            return p + (size_t)__builtin_ctz(other);
        p += 16;
    }
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, u + p, 8);
        if (w & highs)
            break;
        /* every byte is below 0x80, so no sum carries into the next byte:
         * x | 0x20 folds the capitals, a letter is then in 'a'..'z'; a
         * hyphen is a zero byte of w ^ '-' */
        uint64_t x = w | ones * 0x20, y = w ^ ones * '-';
        uint64_t letter = (x + ones * (0x80 - 'a')) & ~(x + ones * (0x80 - 'z' - 1));
        uint64_t hyphen = hyphens ? ~(((y & ~highs) + ~highs) | y) : 0;
        uint64_t other = ~(letter | hyphen) & highs;
        if (other)
            return p + ((size_t)__builtin_ctzll(other) >> 3);
        p += 8;
    }
#else
    (void)u, (void)end, (void)hyphens;
#endif
    return p;
}

#endif
