/* sitrep/timex.h - temporal expressions and numbers in report text.
 *
 * sr_timex_find reads the dates a report mentions and normalises each one
 * against the document's anchor (its `published` date, else its dateline),
 * in the manner of HeidelTime: explicit dates; year-less dates, with the
 * year inferred from the anchor and the tense around them; weekdays ("On
 * Wednesday"); expressions relative to the last mentioned date ("a day
 * earlier", "the next day"); "overnight", "late on June 24", "earlier in
 * June" (month precision), "last week" (week precision), "in 2014 and 2015"
 * (year precision).  With no anchor, expressions that need one stay
 * unresolved (year == 0): a year is never invented.
 *
 * sr_numbers_find reads counts: digits ("400", "2,500"), number words
 * ("six", "forty-five", "a dozen"), vague quantities by ACLED's codebook
 * ("dozens" = 12, "tens" = 10, "hundreds" = 100, "scores" = 20), and
 * qualifiers ("more than 400", "at least 112", "nearly 70"), keeping the
 * counted noun ("six militants and three civilians" gives two numbers).
 *
 * Output arrays are allocated in the arena passed in; spans index TEXT. */
#ifndef SITREP_TIMEX_H
#define SITREP_TIMEX_H

#include "sitrep/clean.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_precision {
    SR_PREC_NONE = 0, /* unresolved */
    SR_PREC_DAY,
    SR_PREC_WEEK,
    SR_PREC_MONTH,
    SR_PREC_YEAR
} sr_precision;

typedef struct sr_timex {
    sr_span span;           /* the expression as written */
    sr_date date;           /* resolved value; for WEEK the week's Monday,
                               for MONTH day = 0, for YEAR month = day = 0 */
    sr_date end;            /* last day of a range ("in 2014 and 2015"),
                               else equal to date */
    sr_precision precision;
    int relative;           /* 1 when resolved against the anchor or the
                               last mentioned date rather than written out */
    int part_of_day;        /* 0 none, 1 morning, 2 afternoon, 3 evening,
                               4 night/overnight, 5 late (late on June 24) */
    const char *rule;       /* static name of the rule that matched */
} sr_timex;

/* Finds and resolves the dates in each of the N_REGIONS regions of TEXT
 * (in order; the "last mentioned date" carries across regions).  ANCHOR may
 * be all zeros (no anchor).  O(total region length). */
sr_status sr_timex_find(sr_arena *a, const char *text, const sr_span *regions, size_t n_regions,
                        sr_date anchor, sr_timex **out, size_t *n_out);

/* Parses "2017-11-18" (or a longer ISO timestamp) into *D; 0 on failure. */
int sr_date_parse_iso(const char *s, sr_date *d);

typedef enum sr_number_kind {
    SR_NUM_EXACT = 0,   /* "six", "400" */
    SR_NUM_LOWER_BOUND, /* "at least 112", "more than 400", "over 30" */
    SR_NUM_UPPER_BOUND, /* "up to 20", "nearly 70", "less than 10" */
    SR_NUM_APPROX,      /* "about 50", "some 70", "around 20" */
    SR_NUM_VAGUE        /* "dozens", "tens", "hundreds", "scores" */
} sr_number_kind;

typedef struct sr_number {
    sr_span span;      /* number with its qualifier, as written */
    long long value;   /* the figure ACLED would use (vague: codebook) */
    sr_number_kind kind;
    sr_span noun;      /* the counted noun ("militants"), or empty */
    int is_year;       /* four digits read as a year ("in 2014") */
    int is_ordinal;    /* "16th", "third" */
} sr_number;

sr_status sr_numbers_find(sr_arena *a, const char *text, sr_span region, sr_number **out,
                          size_t *n_out);

#ifdef __cplusplus
}
#endif
#endif
