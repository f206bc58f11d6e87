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

/* From U[p], skips ASCII letters (and hyphens, when HYPHENS) eight bytes at
 * a time.  Returns the first byte that is neither, or where fewer than
 * eight bytes are left or a non-ASCII byte comes: the caller reads on from
 * there byte by byte. */
static inline size_t sr_letter_run(const unsigned char *u, size_t p, size_t end, int hyphens)
{
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
