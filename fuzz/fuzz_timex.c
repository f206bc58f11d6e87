/* fuzz_timex.c - the date finder on arbitrary bytes.  The first three bytes
 * pick the anchor (0xFF first: no anchor); the rest is the text, read as two
 * regions with a one-byte gap.  Invariants: every expression lies inside
 * one region, in order, without overlap; a resolved day is a real date; a
 * year is never invented without an anchor except from a written date. */
#include <stdint.h>
#include <string.h>

#include "sitrep/arena.h"
#include "sitrep/timex.h"

static int valid_day(sr_date d)
{
    static const int dim[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d.year > 0 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= dim[d.month - 1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    sr_date anchor = {0, 0, 0};
    if (data[0] != 0xFF)
        anchor = (sr_date){1990 + data[0] % 100, 1 + data[1] % 12, 1 + data[2] % 28};
    const char *text = (const char *)data + 3;
    size_t n = size - 3, half = n / 2;
    sr_span regions[2] = {{0, half}, {half < n ? half + 1 : n, n}};
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return 0;
    sr_timex *x;
    size_t nx;
    if (sr_timex_find(a, text, regions, 2, anchor, &x, &nx) == SR_OK) {
        for (size_t i = 0; i < nx; i++) {
            sr_span s = x[i].span;
            int inside = 0;
            for (int r = 0; r < 2; r++)
                inside |= s.start >= regions[r].start && s.end <= regions[r].end;
            if (!inside || s.start >= s.end || (i && x[i - 1].span.end > s.start) || !x[i].rule)
                __builtin_trap();
            if (x[i].precision == SR_PREC_DAY && !valid_day(x[i].date))
                __builtin_trap();
            if (x[i].precision == SR_PREC_NONE && x[i].date.year != 0)
                __builtin_trap();
            if (x[i].end.year < x[i].date.year || x[i].part_of_day < 0 || x[i].part_of_day > 5)
                __builtin_trap();
            if (!anchor.year && x[i].precision != SR_PREC_NONE && x[i].relative &&
                x[i].precision != SR_PREC_DAY && x[i].precision != SR_PREC_WEEK)
                __builtin_trap(); /* months and years are only inferred from the anchor */
        }
    }
    sr_arena_free(a);
    return 0;
}
