/* fuzz_numbers.c - the count reader on arbitrary bytes.  The first three
 * bytes are skipped (they pick the anchor in fuzz_timex, so the two targets
 * share seed shapes); the rest is the text, read as one region that leaves
 * out its first and last byte.  Invariants: every number and its noun lie
 * inside the region, numbers are in order without overlap, the noun follows
 * the number, and values are never negative. */
#include <stdint.h>
#include <string.h>

#include "sitrep/arena.h"
#include "sitrep/timex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const char *text = (const char *)data + 3;
    size_t n = size - 3;
    sr_span region = {n > 1 ? 1 : 0, n > 1 ? n - 1 : n};
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return 0;
    sr_number *x;
    size_t nx;
    if (sr_numbers_find(a, text, region, &x, &nx) == SR_OK) {
        for (size_t i = 0; i < nx; i++) {
            sr_span s = x[i].span, w = x[i].noun;
            if (s.start < region.start || s.end > region.end || s.start >= s.end)
                __builtin_trap();
            if (i && x[i - 1].span.end > s.start)
                __builtin_trap();
            if (w.start != w.end && (w.start < s.end || w.end > region.end || w.start > w.end))
                __builtin_trap();
            if (x[i].value < 0 || (unsigned)x[i].kind > SR_NUM_VAGUE)
                __builtin_trap();
        }
    }
    sr_arena_free(a);
    return 0;
}
