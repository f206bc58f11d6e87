/* test_numbers.c - counts, qualifiers, ACLED vague quantities, counted
 * nouns, ordinals and years; what is not a count; errors, allocation
 * failure and a linear-time check. */
#include <time.h>

#include "test_util.h"

#include "annotate/annotate_int.h"
#include "sitrep/arena.h"
#include "sitrep/timex.h"

typedef struct run {
    sr_arena *a;
    const char *text;
    sr_number *x;
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

static void find(run *r, const char *text)
{
    sr_span region = {0, strlen(text)};
    r->text = text;
    assert_int_equal(sr_numbers_find(r->a, text, region, &r->x, &r->n), SR_OK);
    for (size_t i = 0; i < r->n; i++) {
        assert_true(r->x[i].span.start < r->x[i].span.end);
        assert_true(r->x[i].span.end <= region.end);
        assert_true(r->x[i].noun.start <= r->x[i].noun.end);
        assert_true(r->x[i].noun.end <= region.end);
        if (i)
            assert_true(r->x[i - 1].span.end <= r->x[i].span.start);
    }
}

static const sr_number *get(const run *r, const char *written)
{
    size_t len = strlen(written);
    for (size_t i = 0; i < r->n; i++) {
        sr_span s = r->x[i].span;
        if (s.end - s.start == len && !memcmp(r->text + s.start, written, len))
            return &r->x[i];
    }
    fail_msg("no number written \"%s\"", written);
    return NULL;
}

/* Checks value, kind and noun (NULL = no noun). */
static void expect(const run *r, const sr_number *x, long long value, sr_number_kind kind,
                   const char *noun)
{
    assert_int_equal(x->value, value);
    assert_int_equal(x->kind, kind);
    size_t len = x->noun.end - x->noun.start;
    if (!noun) {
        assert_int_equal(len, 0);
        return;
    }
    if (len != strlen(noun) || memcmp(r->text + x->noun.start, noun, len))
        fail_msg("noun \"%.*s\", expected \"%s\"", (int)len, r->text + x->noun.start, noun);
}

static void qualifiers(void **state)
{
    run *r = *state;
    find(r, "More than 400 militants were killed, at least 112 people died and nearly 70 fled. "
            "Some 70 fighters, about 50 rebels, up to 20 soldiers, an estimated 300 civilians, "
            "less than 10 policemen, no more than 5 officers, over 30 villages and almost 90.");
    assert_int_equal(r->n, 11);
    expect(r, get(r, "More than 400"), 400, SR_NUM_LOWER_BOUND, "militants");
    expect(r, get(r, "at least 112"), 112, SR_NUM_LOWER_BOUND, "people");
    expect(r, get(r, "nearly 70"), 70, SR_NUM_UPPER_BOUND, NULL);
    expect(r, get(r, "Some 70"), 70, SR_NUM_APPROX, "fighters");
    expect(r, get(r, "about 50"), 50, SR_NUM_APPROX, "rebels");
    expect(r, get(r, "up to 20"), 20, SR_NUM_UPPER_BOUND, "soldiers");
    expect(r, get(r, "an estimated 300"), 300, SR_NUM_APPROX, "civilians");
    expect(r, get(r, "less than 10"), 10, SR_NUM_UPPER_BOUND, "policemen");
    expect(r, get(r, "no more than 5"), 5, SR_NUM_UPPER_BOUND, "officers");
    expect(r, get(r, "over 30"), 30, SR_NUM_LOWER_BOUND, "villages");
    expect(r, get(r, "almost 90"), 90, SR_NUM_UPPER_BOUND, NULL);
}

/* ACLED codebook: 'tens' = 10, 'dozens' = 12, 'hundreds' = 100. */
static void vague_quantities(void **state)
{
    run *r = *state;
    find(r, "Dozens of vehicles burned; tens of thousands of refugees fled and hundreds were "
            "killed. Scores of people, several dozen men and at least dozens of them. Several "
            "fighters, many civilians and some casualties.");
    assert_int_equal(r->n, 6);
    const sr_number *x = get(r, "Dozens");
    expect(r, x, 12, SR_NUM_VAGUE, "vehicles");
    expect(r, get(r, "tens of thousands"), 10000, SR_NUM_VAGUE, "refugees");
    expect(r, get(r, "hundreds"), 100, SR_NUM_VAGUE, NULL);
    expect(r, get(r, "Scores"), 20, SR_NUM_VAGUE, "people");
    expect(r, get(r, "several dozen"), 12, SR_NUM_VAGUE, "men");
    expect(r, get(r, "at least dozens"), 12, SR_NUM_VAGUE, NULL);
}

static void number_words(void **state)
{
    run *r = *state;
    find(r, "Six militants and three civilians died; forty-five former US military personnel "
            "arrived with two hundred and fifty fighters, a dozen tanks, a hundred trucks and "
            "two Turkish soldiers. One soldier was hurt; no one else, and one another. "
            "Two million three thousand and five hundred.");
    assert_int_equal(r->n, 9);
    expect(r, get(r, "Two million three thousand and five hundred"), 2003500, SR_NUM_EXACT, NULL);
    expect(r, &r->x[0], 6, SR_NUM_EXACT, "militants");
    expect(r, &r->x[1], 3, SR_NUM_EXACT, "civilians");
    expect(r, get(r, "forty-five"), 45, SR_NUM_EXACT, "personnel");
    expect(r, get(r, "two hundred and fifty"), 250, SR_NUM_EXACT, "fighters");
    expect(r, get(r, "a dozen"), 12, SR_NUM_EXACT, "tanks");
    expect(r, get(r, "a hundred"), 100, SR_NUM_EXACT, "trucks");
    expect(r, get(r, "two"), 2, SR_NUM_EXACT, "soldiers");
    expect(r, get(r, "One"), 1, SR_NUM_EXACT, "soldier");
}

static void digits(void **state)
{
    run *r = *state;
    find(r, "2,500 people fled, 1500 stayed, 3.5 percent left, 1.5 million Syrians and 2 million "
            "people; 400 Zenki militants and 1,200,000 refugees.");
    assert_int_equal(r->n, 6);
    expect(r, get(r, "2,500"), 2500, SR_NUM_EXACT, "people");
    expect(r, get(r, "1500"), 1500, SR_NUM_EXACT, NULL);
    expect(r, get(r, "1.5 million"), 1500000, SR_NUM_EXACT, "Syrians");
    expect(r, get(r, "2 million"), 2000000, SR_NUM_EXACT, "people");
    expect(r, get(r, "400"), 400, SR_NUM_EXACT, "militants");
    expect(r, get(r, "1,200,000"), 1200000, SR_NUM_EXACT, "refugees");
}

static void ordinals_and_years(void **state)
{
    run *r = *state;
    find(r, "The 16th Division fought for a third day. In 2014, on July 19, 2016 and on 5 June "
            "2015, since 2012 and in 2014 and 2015. A force of 2000 fighters.");
    const sr_number *x = get(r, "16th");
    assert_true(x->is_ordinal);
    expect(r, x, 16, SR_NUM_EXACT, "Division");
    x = get(r, "third");
    assert_true(x->is_ordinal);
    expect(r, x, 3, SR_NUM_EXACT, "day");
    size_t years = 0;
    for (size_t i = 0; i < r->n; i++) {
        years += r->x[i].is_year;
        assert_true(r->x[i].value != 19 && r->x[i].value != 5); /* days of the month */
    }
    assert_int_equal(years, 6);
    assert_true(get(r, "2012")->is_year);
    x = get(r, "2000");
    assert_false(x->is_year);
    expect(r, x, 2000, SR_NUM_EXACT, "fighters");
}

static void not_counts(void **state)
{
    run *r = *state;
    find(r, "BGM-71 missiles hit a 12-year-old boy at 10:30 near T-72 tanks 5km away with 120mm "
            "shells in the 1990s; 50% of $5 million, on 2016-07-19 and 05.10.2017 at 10 pm. "
            "3.5 and 2.25 too, by observer_22 and 1,5.");
    assert_int_equal(r->n, 0);
}

static void typographic_text(void **state)
{
    run *r = *state;
    find(r, "\xE2\x80\x9C"
            "At\xC2\xA0least 2,500\xC2\xA0people\xE2\x80\x9D died, "
            "forty\xE2\x80\x91"
            "five said.");
    expect(r, get(r, "At\xC2\xA0least 2,500"), 2500, SR_NUM_LOWER_BOUND, "people");
    expect(r,
           get(r, "forty\xE2\x80\x91"
                  "five"),
           45, SR_NUM_EXACT, NULL);
}

static void errors(void **state)
{
    run *r = *state;
    sr_span region = {0, 3}, backwards = {3, 1}, empty = {0, 0};
    assert_int_equal(sr_numbers_find(NULL, "abc", region, &r->x, &r->n), SR_EINVAL);
    assert_int_equal(sr_numbers_find(r->a, "abc", region, NULL, &r->n), SR_EINVAL);
    assert_int_equal(sr_numbers_find(r->a, "abc", backwards, &r->x, &r->n), SR_EINVAL);
    assert_null(r->x);
    assert_int_equal(sr_numbers_find(r->a, NULL, empty, &r->x, &r->n), SR_OK);
    assert_int_equal(r->n, 0);
}

static void allocation_failure(void **state)
{
    (void)state;
    char text[8192] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "six militants, ");
    sr_span region = {0, strlen(text)};
    int failed = 0, ok = 0;
    for (size_t cap = 1024; cap < 65536; cap += 1024) {
        sr_arena *a = sr_arena_new(NULL);
        assert_non_null(a);
        sr_arena_set_cap(a, cap);
        sr_number *x = (sr_number *)1;
        size_t n = 99;
        sr_status st = sr_numbers_find(a, text, region, &x, &n);
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

static void pathological_linear(void **state)
{
    run *r = *state;
    size_t len = 2u << 20;
    char *big = malloc(len + 1);
    assert_non_null(big);
    const char *unit = "at least 2,500 and forty-five hundred thousand dozens of ";
    size_t ul = strlen(unit);
    for (size_t i = 0; i < len; i++)
        big[i] = unit[i % ul];
    big[len] = '\0';
    clock_t t0 = clock();
    find(r, big);
    assert_true(r->n > len / ul);
    memset(big, '9', len);
    find(r, big);
    assert_int_equal(r->n, 0);
    for (size_t i = 0; i < len; i++)
        big[i] = (i % 2) ? ',' : '1'; /* "1,1,1,..." */
    find(r, big);
    const char *words = "ninety hundred one million one million nine hundred dozen ";
    size_t wl = strlen(words);
    for (size_t i = 0; i < len; i++)
        big[i] = words[i % wl];
    find(r, big);
    for (size_t i = 0; i < r->n; i++)
        assert_true(r->x[i].value > 0 && r->x[i].value <= 1000000000000000LL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 20.0);
    free(big);
}

/* The scanner's eight-bytes-at-a-time letter run: it may stop early (near
 * the end, before a non-ASCII byte) but never past a letter run's end. */
static void ascii_letter_runs(void **state)
{
    static const char alphabet[] = "abcXYZ@[`{ 09.-\x80\xC3\xA9";
    unsigned char buf[64];
    uint64_t x = 88172645463325252ull;
    for (int round = 0; round < 20000; round++) {
        size_t len = 1 + round % 40;
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            /* mostly letters, so runs are long enough to cross 8 bytes */
            buf[i] =
                x % 4 ? (unsigned char)("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[x %
                                                                                               52])
                      : (unsigned char)alphabet[(x >> 8) % (sizeof alphabet - 1)];
        }
        size_t p = round % len, end_of_run = p;
        while (end_of_run < len &&
               ((buf[end_of_run] | 0x20) >= 'a' && (buf[end_of_run] | 0x20) <= 'z'))
            end_of_run++;
        size_t q = sr_letter_run(buf, p, len, 0);
        assert_true(q >= p && q <= end_of_run);
        if (q <
            end_of_run) { /* stopped early: fewer than 8 bytes left, or a non-ASCII byte ahead */
            int high = 0;
            for (size_t k = q; k < len && k < q + 8; k++)
                high |= buf[k] >= 0x80;
            assert_true(len - q < 8 || high);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(qualifiers, setup, teardown),
        cmocka_unit_test_setup_teardown(vague_quantities, setup, teardown),
        cmocka_unit_test_setup_teardown(number_words, setup, teardown),
        cmocka_unit_test_setup_teardown(digits, setup, teardown),
        cmocka_unit_test_setup_teardown(ordinals_and_years, setup, teardown),
        cmocka_unit_test_setup_teardown(not_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(typographic_text, setup, teardown),
        cmocka_unit_test_setup_teardown(errors, setup, teardown),
        cmocka_unit_test(allocation_failure),
        cmocka_unit_test_setup_teardown(pathological_linear, setup, teardown),
        cmocka_unit_test(ascii_letter_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
