/* test_timex.c - dates resolved against an anchor: explicit, year-less,
 * weekdays, deictic and anaphoric expressions, months and years; the
 * no-anchor rule; typographic and FA-KES dirty text; errors, allocation
 * failure and a linear-time check. */
#include <time.h>

#include "test_util.h"

#include "sitrep/arena.h"
#include "sitrep/timex.h"

typedef struct run {
    sr_arena *a;
    const char *text;
    sr_timex *x;
    size_t n;
} run;

static int setup(void **state)
{
    run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->a = sr_arena_new(NULL);
    assert_non_null(r->a);
    *state = r;
    return 0;
}

static int teardown(void **state)
{
    run *r = *state;
    sr_arena_free(r->a);
    free(r);
    return 0;
}

static sr_date iso(const char *s)
{
    sr_date d = {0, 0, 0};
    if (s)
        assert_true(sr_date_parse_iso(s, &d));
    return d;
}

/* Finds the dates of TEXT (one region) against ANCHOR ("YYYY-MM-DD" or NULL). */
static void find(run *r, const char *text, const char *anchor)
{
    sr_span region = {0, strlen(text)};
    r->text = text;
    assert_int_equal(sr_timex_find(r->a, text, &region, 1, iso(anchor), &r->x, &r->n), SR_OK);
    for (size_t i = 0; i < r->n; i++) {
        assert_true(r->x[i].span.start < r->x[i].span.end);
        assert_true(r->x[i].span.end <= region.end);
        if (i)
            assert_true(r->x[i - 1].span.end <= r->x[i].span.start);
        assert_non_null(r->x[i].rule);
    }
}

/* The expression written exactly as WRITTEN; fails when absent. */
static const sr_timex *get(const run *r, const char *written)
{
    size_t len = strlen(written);
    for (size_t i = 0; i < r->n; i++) {
        sr_span s = r->x[i].span;
        if (s.end - s.start == len && !memcmp(r->text + s.start, written, len))
            return &r->x[i];
    }
    fail_msg("no date written \"%s\"", written);
    return NULL;
}

static void expect(const sr_timex *x, int y, int m, int d, sr_precision p, const char *rule)
{
    assert_int_equal(x->date.year, y);
    assert_int_equal(x->date.month, m);
    assert_int_equal(x->date.day, d);
    assert_int_equal(x->precision, p);
    if (rule)
        assert_string_equal(x->rule, rule);
}

static void anchored_year_less_and_day_earlier(void **state)
{
    run *r = *state;
    find(r,
         "On October 6, HTS launched an offensive on Zenki positions west of Aleppo. "
         "A day earlier, heavy clashes broke out near Darat Izza.",
         "2018-10-06");
    assert_int_equal(r->n, 2);
    const sr_timex *x = get(r, "October 6");
    expect(x, 2018, 10, 6, SR_PREC_DAY, "yearless");
    assert_int_equal(x->relative, 1);
    expect(get(r, "A day earlier"), 2018, 10, 5, SR_PREC_DAY, "relative-day");

    find(r, "On November 17, regime forces shelled the town.", "2017-11-18");
    expect(get(r, "November 17"), 2017, 11, 17, SR_PREC_DAY, "yearless");
}

/* Past (or no marker) takes the latest occurrence, allowing one day after
 * the anchor; a future clause takes the next one. */
static void year_less_tense_and_tolerance(void **state)
{
    run *r = *state;
    find(r, "Fighting resumed on October 7.", "2018-10-06");
    expect(get(r, "October 7"), 2018, 10, 7, SR_PREC_DAY, NULL);
    find(r, "Fighting resumed on October 8.", "2018-10-06");
    expect(get(r, "October 8"), 2017, 10, 8, SR_PREC_DAY, NULL);
    find(r, "The sides will meet on October 2 in Astana.", "2018-10-06");
    expect(get(r, "October 2"), 2019, 10, 2, SR_PREC_DAY, NULL);
    find(r, "The convoy arrived on 17 November and on the 3rd of March.", "2017-11-18");
    expect(get(r, "17 November"), 2017, 11, 17, SR_PREC_DAY, NULL);
    expect(get(r, "3rd of March"), 2017, 3, 3, SR_PREC_DAY, NULL);
    find(r, "A raid on February 29 killed four.", "2019-03-01");
    expect(get(r, "February 29"), 2016, 2, 29, SR_PREC_DAY, NULL);
}

static void late_on_earlier_in_and_agreement(void **state)
{
    run *r = *state;
    find(r,
         "Late on June 24, jets struck Kafr Nabl. Earlier in June, Russia and Turkey accused "
         "each other of breaching the March 5 de-escalation agreement.",
         "2020-06-25");
    assert_int_equal(r->n, 3);
    const sr_timex *x = get(r, "Late on June 24");
    expect(x, 2020, 6, 24, SR_PREC_DAY, "yearless");
    assert_int_equal(x->part_of_day, 5);
    x = get(r, "Earlier in June");
    expect(x, 2020, 6, 0, SR_PREC_MONTH, "month");
    assert_int_equal(x->end.month, 6);
    expect(get(r, "March 5"), 2020, 3, 5, SR_PREC_DAY, "yearless");
}

static void last_week_and_no_date(void **state)
{
    run *r = *state;
    find(r, "Reinforcements are expected in the upcoming few hours.", "2019-01-07");
    assert_int_equal(r->n, 0);
    find(r, "Turkish artillery shelled Tal Rifaat last week.", "2019-01-07");
    assert_int_equal(r->n, 1);
    const sr_timex *x = get(r, "last week");
    expect(x, 2018, 12, 31, SR_PREC_WEEK, "last-week");
    assert_int_equal(x->relative, 1);
    find(r, "Talks resume this week and end next week.", "2019-01-09");
    expect(get(r, "this week"), 2019, 1, 7, SR_PREC_WEEK, "this-week");
    expect(get(r, "next week"), 2019, 1, 14, SR_PREC_WEEK, "next-week");
}

/* Anchor 2017-11-18 is a Saturday. */
static void weekdays(void **state)
{
    run *r = *state;
    find(r, "The factions will form a joint operations room on Wednesday.", "2017-11-18");
    expect(get(r, "Wednesday"), 2017, 11, 22, SR_PREC_DAY, "weekday");
    find(r, "HTS said on Wednesday it will withdraw from the town.", "2017-11-18");
    expect(get(r, "Wednesday"), 2017, 11, 15, SR_PREC_DAY, "weekday");
    find(r, "Wednesday\xE2\x80\x99s attack killed six; the army retook the hill on Saturday.",
         "2017-11-18");
    expect(get(r, "Wednesday"), 2017, 11, 15, SR_PREC_DAY, "weekday");
    expect(get(r, "Saturday"), 2017, 11, 18, SR_PREC_DAY, "weekday");
    find(r, "Jets struck last Saturday and will return next Saturday.", "2017-11-18");
    expect(get(r, "last Saturday"), 2017, 11, 11, SR_PREC_DAY, NULL);
    expect(get(r, "next Saturday"), 2017, 11, 25, SR_PREC_DAY, NULL);
    find(r, "Clashes erupted on Sunday night and late Monday.", "2017-11-18");
    assert_int_equal(get(r, "Sunday night")->part_of_day, 4);
    const sr_timex *x = get(r, "late Monday");
    expect(x, 2017, 11, 13, SR_PREC_DAY, NULL);
    assert_int_equal(x->part_of_day, 5);
    find(r, "The Sunday Times said Good Friday prayers were held.", "2017-11-18");
    assert_int_equal(r->n, 0);
    find(r, "The talks will be held on Tuesday.", "2017-11-18");
    expect(get(r, "Tuesday"), 2017, 11, 21, SR_PREC_DAY, NULL);
}

static void explicit_forms(void **state)
{
    run *r = *state;
    find(r,
         "On 19 July 2016, July 19, 2016, July 19 2016 and 2016-07-19 the same. "
         "Then 05.10.2017 and 10-09-2014, and Sunday 24 Aug 2014.",
         "2020-01-01");
    assert_int_equal(r->n, 7);
    for (size_t i = 0; i < 4; i++) {
        expect(&r->x[i], 2016, 7, 19, SR_PREC_DAY, "explicit");
        assert_int_equal(r->x[i].relative, 0);
    }
    expect(get(r, "05.10.2017"), 2017, 10, 5, SR_PREC_DAY, "explicit");
    expect(get(r, "10-09-2014"), 2014, 9, 10, SR_PREC_DAY, "explicit");
    expect(get(r, "Sunday 24 Aug 2014"), 2014, 8, 24, SR_PREC_DAY, "explicit");
    find(r, "The raid of June 2016 and of Feb. 2015.", NULL);
    expect(get(r, "June 2016"), 2016, 6, 0, SR_PREC_MONTH, "month");
}

static void not_dates(void **state)
{
    run *r = *state;
    find(r,
         "400 militants of the 16th Division fired BGM-71 missiles; a 12-year-old boy died. "
         "The 2014 offensive used T-72 tanks at 10:30, 5km away. He may 5 times march 3 miles.",
         "2018-10-06");
    assert_int_equal(r->n, 0);
}

/* With no anchor a year is never invented; written dates still resolve and
 * become the reference for "a day earlier". */
static void no_anchor(void **state)
{
    run *r = *state;
    find(r,
         "On Wednesday, rebels shelled the town. Between 2014 and 2015 the siege held. "
         "On 19 July 2016 the army entered. A day earlier, jets struck. On November 17, talks "
         "began. Yesterday, last week and in June.",
         NULL);
    const sr_timex *x = get(r, "Wednesday");
    assert_int_equal(x->precision, SR_PREC_NONE);
    assert_int_equal(x->date.year, 0);
    x = get(r, "Between 2014 and 2015");
    expect(x, 2014, 0, 0, SR_PREC_YEAR, "year-range");
    assert_int_equal(x->end.year, 2015);
    expect(get(r, "19 July 2016"), 2016, 7, 19, SR_PREC_DAY, "explicit");
    expect(get(r, "A day earlier"), 2016, 7, 18, SR_PREC_DAY, "relative-day");
    expect(get(r, "November 17"), 0, 11, 17, SR_PREC_NONE, "yearless");
    expect(get(r, "Yesterday"), 0, 0, 0, SR_PREC_NONE, NULL);
    expect(get(r, "last week"), 0, 0, 0, SR_PREC_NONE, NULL);
    expect(get(r, "June"), 0, 6, 0, SR_PREC_NONE, "month");
}

static void fakes_dirty_text(void **state)
{
    run *r = *state;
    find(r,
         "Sun 10 Jul 2016\n"
         "Syrias army said on Sunday that rebels attacked on Sunday 24 August near Aleppo",
         "2016-07-10");
    assert_int_equal(r->n, 3);
    expect(&r->x[0], 2016, 7, 10, SR_PREC_DAY, "explicit");
    expect(&r->x[1], 2016, 7, 10, SR_PREC_DAY, "weekday");
    /* 24 August 2014 was a Sunday; 2015's was a Monday */
    expect(get(r, "Sunday 24 August"), 2014, 8, 24, SR_PREC_DAY, "yearless");
}

static void reference_chain_and_overnight(void **state)
{
    run *r = *state;
    find(r,
         "Overnight, jets struck Idlib. On October 3, rebels attacked. The next day the army "
         "responded, and two days later a truce began. Earlier that day, a car bomb exploded. "
         "The previous night was calm.",
         "2018-10-06");
    const sr_timex *x = get(r, "Overnight");
    expect(x, 2018, 10, 5, SR_PREC_DAY, "overnight");
    assert_int_equal(x->part_of_day, 4);
    expect(get(r, "October 3"), 2018, 10, 3, SR_PREC_DAY, NULL);
    expect(get(r, "The next day"), 2018, 10, 4, SR_PREC_DAY, "relative-day");
    expect(get(r, "two days later"), 2018, 10, 6, SR_PREC_DAY, "relative-day");
    expect(get(r, "Earlier that day"), 2018, 10, 6, SR_PREC_DAY, "relative-day");
    x = get(r, "The previous night");
    expect(x, 2018, 10, 5, SR_PREC_DAY, NULL);
    assert_int_equal(x->part_of_day, 4);
}

/* "X comes a day after Y": Y is the day before X, not the day after. */
static void comes_after(void **state)
{
    run *r = *state;
    find(r,
         "Mortars hit the district on Monday. The attack comes a day after a sniper killed two "
         "men there. Two days after the attack, the road reopened.",
         "2018-10-10");
    expect(get(r, "Monday"), 2018, 10, 8, SR_PREC_DAY, NULL);
    expect(get(r, "a day after"), 2018, 10, 7, SR_PREC_DAY, "relative-day");
    expect(get(r, "Two days after"), 2018, 10, 9, SR_PREC_DAY, "relative-day");
    /* after a day told in the same sentence: the clause after "after" is
     * the earlier event; right after a dateline it counts forward */
    find(r,
         "Jets struck the town on Thursday, two days after rebels shelled it. 10 Oct 2018 A day "
         "after the blast, shops reopened.",
         "2018-10-12");
    expect(get(r, "two days after"), 2018, 10, 9, SR_PREC_DAY, "relative-day");
    expect(get(r, "A day after"), 2018, 10, 11, SR_PREC_DAY, "relative-day");
}

static void deictic(void **state)
{
    run *r = *state;
    find(r,
         "Yesterday morning a drone struck; last night and this morning shelling went on. "
         "Two days ago, earlier this month and last month, and this year, the toll rose. "
         "The day before yesterday was calm. Three weeks ago too.",
         "2019-01-09");
    const sr_timex *x = get(r, "Yesterday morning");
    expect(x, 2019, 1, 8, SR_PREC_DAY, "relative-day");
    assert_int_equal(x->part_of_day, 1);
    x = get(r, "last night");
    expect(x, 2019, 1, 8, SR_PREC_DAY, "overnight");
    assert_int_equal(x->part_of_day, 4);
    assert_int_equal(get(r, "this morning")->date.day, 9);
    expect(get(r, "Two days ago"), 2019, 1, 7, SR_PREC_DAY, "ago");
    expect(get(r, "earlier this month"), 2019, 1, 0, SR_PREC_MONTH, "this-month");
    expect(get(r, "last month"), 2018, 12, 0, SR_PREC_MONTH, "last-month");
    expect(get(r, "this year"), 2019, 0, 0, SR_PREC_YEAR, "this-year");
    expect(get(r, "The day before yesterday"), 2019, 1, 7, SR_PREC_DAY, NULL);
    expect(get(r, "Three weeks ago"), 2018, 12, 17, SR_PREC_WEEK, "ago");
}

/* "last weekend", "at the weekend": the Saturday of the latest weekend */
static void weekend(void **state)
{
    run *r = *state;
    /* 2019-01-09 is a Wednesday */
    find(r, "Jets struck the town at the weekend. Rebels shelled it last weekend too.", "2019-01-09");
    expect(get(r, "the weekend"), 2019, 1, 5, SR_PREC_WEEK, "weekend");
    expect(get(r, "last weekend"), 2019, 1, 5, SR_PREC_WEEK, "weekend");
    /* on a Sunday, "over the weekend" is this one, "last weekend" the one before */
    find(r, "Jets struck the town over the weekend. Rebels shelled it last weekend too.", "2019-01-13");
    expect(get(r, "the weekend"), 2019, 1, 12, SR_PREC_WEEK, "weekend");
    expect(get(r, "last weekend"), 2019, 1, 5, SR_PREC_WEEK, "weekend");
}

static void months_and_years(void **state)
{
    run *r = *state;
    find(r,
         "In June, rebels took the hill. The talks will be held in June. Since 2012 and in "
         "2014 and 2015, and in mid-2014, and from 2011 to 2013, and in 2014-15.",
         "2016-07-10");
    assert_int_equal(r->n, 7);
    expect(&r->x[0], 2016, 6, 0, SR_PREC_MONTH, "month");
    expect(&r->x[1], 2017, 6, 0, SR_PREC_MONTH, "month");
    expect(get(r, "Since 2012"), 2012, 0, 0, SR_PREC_YEAR, "since");
    const sr_timex *x = get(r, "2014 and 2015");
    expect(x, 2014, 0, 0, SR_PREC_YEAR, "year-range");
    assert_int_equal(x->end.year, 2015);
    expect(get(r, "mid-2014"), 2014, 0, 0, SR_PREC_YEAR, "year");
    assert_int_equal(get(r, "from 2011 to 2013")->end.year, 2013);
    assert_int_equal(get(r, "2014-15")->end.year, 2015);
    /* 700 steps of 999 days walk back past year 1: unresolved, never year 0 */
    char *walk = calloc(700 * 24 + 64, 1);
    assert_non_null(walk);
    strcpy(walk, "On 1 January 1900 rebels attacked.");
    for (int i = 0; i < 700; i++)
        strcat(walk, " Then 999 days earlier.");
    find(r, walk, NULL);
    assert_int_equal(r->n, 701);
    assert_int_equal(r->x[1].date.year, 1897);
    assert_int_equal(r->x[700].precision, SR_PREC_NONE);
    assert_int_equal(r->x[700].date.year, 0);
    for (size_t i = 1; i < r->n; i++)
        assert_true(r->x[i].precision == SR_PREC_NONE || r->x[i].date.year >= 1);
    free(walk);
    find(r, "Fighting raged in 2014.", NULL);
    x = get(r, "2014");
    expect(x, 2014, 0, 0, SR_PREC_YEAR, "year");
    assert_int_equal(x->end.year, 2014);
    find(r, "A force of 2000 fighters.", NULL);
    assert_int_equal(r->n, 0);
}

/* The reference date carries from one region to the next; text between the
 * regions is not read. */
static void regions_carry_reference(void **state)
{
    run *r = *state;
    const char *t =
        "On 3 May 2017 rebels attacked.|On 9 May 2017 nothing.|The next day they withdrew.";
    sr_span regions[2] = {{0, (size_t)(strchr(t, '|') - t)},
                          {(size_t)(strrchr(t, '|') - t + 1), strlen(t)}};
    r->text = t;
    assert_int_equal(sr_timex_find(r->a, t, regions, 2, iso("2017-06-01"), &r->x, &r->n), SR_OK);
    assert_int_equal(r->n, 2);
    expect(get(r, "3 May 2017"), 2017, 5, 3, SR_PREC_DAY, "explicit");
    expect(get(r, "The next day"), 2017, 5, 4, SR_PREC_DAY, "relative-day");
}

static void typographic_text(void **state)
{
    run *r = *state;
    find(r,
         "\xE2\x80\x9C"
         "On\xC2\xA0Wednesday, on\xE2\x80\xAF"
         "17\xC2\xA0November and "
         "19\xC2\xA0July\xC2\xA0"
         "2016\xE2\x80\x9D, he said\xE2\x80\x94late on Sunday.",
         "2017-11-18");
    expect(get(r, "Wednesday"), 2017, 11, 15, SR_PREC_DAY, NULL);
    expect(get(r, "17\xC2\xA0November"), 2017, 11, 17, SR_PREC_DAY, NULL);
    expect(get(r, "19\xC2\xA0July\xC2\xA0"
                  "2016"),
           2016, 7, 19, SR_PREC_DAY, "explicit");
    assert_int_equal(get(r, "late on Sunday")->part_of_day, 5);
}

static void parse_iso(void **state)
{
    (void)state;
    sr_date d;
    assert_true(sr_date_parse_iso("2017-11-18", &d));
    assert_int_equal(d.year, 2017);
    assert_int_equal(d.month, 11);
    assert_int_equal(d.day, 18);
    assert_true(sr_date_parse_iso("2016-02-29T23:59:00Z", &d));
    assert_int_equal(d.day, 29);
    assert_false(sr_date_parse_iso("2017-02-29", &d));
    assert_false(sr_date_parse_iso("2017-13-01", &d));
    assert_false(sr_date_parse_iso("2017-1-01", &d));
    assert_false(sr_date_parse_iso("2017-11-18x", &d));
    assert_false(sr_date_parse_iso("1850-01-01", &d));
    assert_false(sr_date_parse_iso("", &d));
    assert_false(sr_date_parse_iso(NULL, &d));
}

static void errors(void **state)
{
    run *r = *state;
    sr_span region = {0, 3};
    sr_date bad = {2017, 2, 30}, none = {0, 0, 0};
    assert_int_equal(sr_timex_find(r->a, "abc", &region, 1, bad, &r->x, &r->n), SR_EINVAL);
    assert_null(r->x);
    assert_int_equal(r->n, 0);
    assert_int_equal(sr_timex_find(NULL, "abc", &region, 1, none, &r->x, &r->n), SR_EINVAL);
    assert_int_equal(sr_timex_find(r->a, "abc", &region, 1, none, NULL, &r->n), SR_EINVAL);
    sr_span backwards = {3, 1};
    assert_int_equal(sr_timex_find(r->a, "abc", &backwards, 1, none, &r->x, &r->n), SR_EINVAL);
    assert_int_equal(sr_timex_find(r->a, NULL, NULL, 0, none, &r->x, &r->n), SR_OK);
    assert_int_equal(r->n, 0);
}

/* Every arena cap either succeeds or fails cleanly with nothing returned. */
static void allocation_failure(void **state)
{
    (void)state;
    char text[8192] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "On June 24 and ");
    sr_span region = {0, strlen(text)};
    int failed = 0, ok = 0;
    for (size_t cap = 1024; cap < 65536; cap += 1024) {
        sr_arena *a = sr_arena_new(NULL);
        assert_non_null(a);
        sr_arena_set_cap(a, cap);
        sr_timex *x = (sr_timex *)1;
        size_t n = 99;
        sr_status st = sr_timex_find(a, text, &region, 1, iso("2020-06-25"), &x, &n);
        if (st == SR_OK) {
            assert_int_equal(n, 100);
            ok++;
        } else {
            assert_int_equal(st, SR_ENOMEM);
            assert_null(x);
            assert_int_equal(n, 0);
            failed++;
        }
        sr_arena_free(a);
    }
    assert_true(failed > 0);
    assert_true(ok > 0);
}

/* Two megabytes of dates, and of text without a sentence stop, stay linear. */
static void pathological_linear(void **state)
{
    run *r = *state;
    size_t len = 2u << 20;
    char *big = malloc(len + 1);
    assert_non_null(big);
    const char *unit = "Sunday 24 August, the day before 2014 and 2015 overnight ";
    size_t ul = strlen(unit);
    for (size_t i = 0; i < len; i++)
        big[i] = unit[i % ul];
    big[len] = '\0';
    clock_t t0 = clock();
    find(r, big, "2016-07-10");
    assert_true(r->n > len / ul);
    memset(big, '7', len); /* one endless digit run */
    find(r, big, "2016-07-10");
    for (size_t i = 0; i < len; i++)
        big[i] = (i % 3 == 2) ? ' ' : (char)(0x80 + i % 64); /* bytes >= 0x80 */
    find(r, big, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 20.0);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(anchored_year_less_and_day_earlier, setup, teardown),
        cmocka_unit_test_setup_teardown(year_less_tense_and_tolerance, setup, teardown),
        cmocka_unit_test_setup_teardown(late_on_earlier_in_and_agreement, setup, teardown),
        cmocka_unit_test_setup_teardown(last_week_and_no_date, setup, teardown),
        cmocka_unit_test_setup_teardown(weekdays, setup, teardown),
        cmocka_unit_test_setup_teardown(explicit_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(not_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(no_anchor, setup, teardown),
        cmocka_unit_test_setup_teardown(fakes_dirty_text, setup, teardown),
        cmocka_unit_test_setup_teardown(reference_chain_and_overnight, setup, teardown),
        cmocka_unit_test_setup_teardown(comes_after, setup, teardown),
        cmocka_unit_test_setup_teardown(deictic, setup, teardown),
        cmocka_unit_test_setup_teardown(weekend, setup, teardown),
        cmocka_unit_test_setup_teardown(months_and_years, setup, teardown),
        cmocka_unit_test_setup_teardown(regions_carry_reference, setup, teardown),
        cmocka_unit_test_setup_teardown(typographic_text, setup, teardown),
        cmocka_unit_test(parse_iso),
        cmocka_unit_test_setup_teardown(errors, setup, teardown),
        cmocka_unit_test(allocation_failure),
        cmocka_unit_test_setup_teardown(pathological_linear, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
