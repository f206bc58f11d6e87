/* test_eval.c - the event scorer (sr_eval_events) and its JSON parser.
 *
 * Each case writes a tiny gold, actors and events file under /tmp and checks
 * the figures score.py gives for them. */
#include "test_util.h"

#include <stdlib.h>
#include <unistd.h>

#include "eval/json.h"
#include "sitrep/eval.h"

static char dir[64];
static char gold_path[128], actors_path[128], events_path[128];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    if (mkdtemp(strcpy(dir, "/tmp/sitrep-test-eval-XXXXXX")) == NULL)
        return -1;
    snprintf(gold_path, sizeof gold_path, "%s/g.gold.json", dir);
    snprintf(actors_path, sizeof actors_path, "%s/actors.gold.json", dir);
    snprintf(events_path, sizeof events_path, "%s/events.jsonl", dir);
    write_file(actors_path, "{\"_comment\": \"x\",\n"
                            " \"HTS\": [\"Hay'at Tahrir al-Sham\", \"Tahrir al-Sham\"],\n"
                            " \"ZENKI\": [\"Nour al-Din al-Zenki Movement\", \"Zenki\"],\n"
                            " \"CIVILIANS\": [\"Civilians (Syria)\"]}\n");
    return 0;
}

static int teardown(void **state)
{
    unlink(gold_path);
    unlink(actors_path);
    unlink(events_path);
    rmdir(dir);
    return 0;
}

/* One doc "d1" with two gold events: e1 required (clash, HTS+ZENKI,
 * 2018-10-06 +-1, Mizanaz, 3 dead), e2 optional (agreement). */
static const char *GOLD =
    "{\"docs\": [{\"id\": \"d1\", \"events\": [\n"
    "  {\"id\": \"e1\", \"required\": true, \"types\": [\"Armed clash\"],\n"
    "   \"actors\": [\"HTS\", \"ZENKI\"], \"date\": \"2018-10-06\", \"date_tol\": 1,\n"
    "   \"location\": [\"Mizanaz\"], \"fatalities\": 3, \"historical\": true},\n"
    "  {\"id\": \"e2\", \"required\": false, \"types\": [\"Agreement\"],\n"
    "   \"actors\": [\"HTS\"], \"date\": null}]}]}\n";

static sr_status run(const char *gold, const char *events, sr_eval_result *r)
{
    char err[256];
    write_file(gold_path, gold);
    write_file(events_path, events);
    sr_status st = sr_eval_events(gold_path, events_path, NULL, NULL, r, err, sizeof err);
    if (st)
        print_error("sr_eval_events: %s\n", err);
    return st;
}

static void exact_match(void **state)
{
    sr_eval_result r;
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\","
                         "\"event_date\":\"2018-10-06\",\"actor1\":\"HTS\",\"actor2\":"
                         "\"Zenki\",\"location\":\"Mizanaz\",\"fatalities\":3,"
                         "\"historical\":true}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_system, 1);
    assert_int_equal(r.events_gold_required, 1);
    assert_int_equal(r.events_tp, 1);
    assert_true(r.precision == 1.0 && r.recall == 1.0 && r.f1 == 1.0);
    assert_int_equal(r.n_missed, 0);
    assert_int_equal(r.fatalities_ok, 1);
    assert_int_equal(r.fatalities_n, 1);
    assert_int_equal(r.historical_ok, 1);
    assert_int_equal(r.n_bad_lines, 0);

    sr_buf b;
    sr_buf_init(&b, NULL);
    assert_int_equal(sr_eval_result_print(&r, &b, 1), SR_OK);
    assert_non_null(strstr(b.data, " \"events_precision\": 1.0,\n"));
    assert_non_null(strstr(b.data, " \"events_missed\": [],\n"));
    assert_non_null(strstr(b.data, " \"fatalities_exact\": \"1/1\",\n"));
    sr_buf_clear(&b);
    assert_int_equal(sr_eval_result_print(&r, &b, 0), SR_OK);
    assert_non_null(
        strstr(b.data, "summary: events_f1=1.0 events_precision=1.0 events_recall=1.0\n"));
    sr_buf_free(&b);
    sr_eval_result_free(&r);
    sr_eval_result_free(&r); /* zeroed: no-op */
    sr_eval_result_free(NULL);
}

static void date_tolerance(void **state)
{
    sr_eval_result r;
    /* one day off: inside date_tol 1; two days off: outside */
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "\"2018-10-07\",\"actor1\":\"HTS\",\"assoc_actor_1\":\"Zenki\","
                         "\"location\":\"Mizanaz\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 1);
    assert_int_equal(r.fatalities_ok, 0); /* absent != 3 */
    assert_int_equal(r.fatalities_n, 1);
    sr_eval_result_free(&r);
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "\"2018-10-08T10:00\",\"actor1\":\"HTS\",\"actor2\":\"Zenki\","
                         "\"location\":\"Mizanaz\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 0);
    assert_int_equal(r.n_missed, 1);
    assert_string_equal(r.missed[0], "e1");
    assert_true(r.precision == 0.0);
    sr_eval_result_free(&r);
    /* Python 3.11 fromisoformat also reads the basic form */
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "20181005,\"actor1\":\"HTS\",\"actor2\":\"Zenki\","
                         "\"location\":\"Mizanaz\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 1);
    sr_eval_result_free(&r);
}

static void optional_gold(void **state)
{
    sr_eval_result r;
    /* the agreement matches optional e2: it neither helps nor hurts, so
     * precision stays 1/1 with the clash, and a stray event costs */
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Agreement\",\"actor1\":"
                         "\"Tahrir al-Sham\"}\n"
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "\"2018-10-06\",\"actor1\":\"HTS\",\"actor2\":\"Zenki\","
                         "\"location\":\"Mizanaz\"}\n"
                         "{\"doc_id\":\"other\",\"sub_event_type\":\"Armed clash\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_system, 2); /* "other" is not a gold doc */
    assert_int_equal(r.optional_matched, 1);
    assert_int_equal(r.events_tp, 1);
    assert_true(r.precision == 1.0);
    sr_eval_result_free(&r);
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Attack\",\"actor1\":\"HTS\"}\n"
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "\"2018-10-06\",\"actor1\":\"HTS\",\"actor2\":\"Zenki\","
                         "\"location\":\"Mizanaz\"}\n",
                         &r),
                     SR_OK);
    assert_true(r.precision == 0.5);
    sr_buf b;
    sr_buf_init(&b, NULL);
    sr_eval_result_print(&r, &b, 1);
    assert_non_null(strstr(b.data, " \"events_f1\": 0.667,\n"));
    sr_buf_free(&b);
    sr_eval_result_free(&r);
}

static void greedy_one_to_one(void **state)
{
    /* Two required gold events that one system event could both match: it
     * goes to the tighter gold (one type) and the other is missed. */
    const char *gold = "{\"docs\": [{\"id\": \"d1\", \"events\": [\n"
                       "  {\"id\": \"wide\", \"required\": true,\n"
                       "   \"types\": [\"Armed clash\", \"Attack\"], \"actors\": [\"HTS\"]},\n"
                       "  {\"id\": \"tight\", \"required\": true, \"types\": [\"Attack\"],\n"
                       "   \"actors\": [\"HTS\"]}]}]}\n";
    const char *ev = "{\"doc_id\":\"d1\",\"sub_event_type\":\"Attack\",\"actor1\":\"HTS\"}\n";
    sr_eval_result r;
    assert_int_equal(run(gold, ev, &r), SR_OK);
    assert_int_equal(r.events_tp, 1);
    assert_int_equal(r.n_missed, 1);
    assert_string_equal(r.missed[0], "wide");
    sr_eval_result_free(&r);
    /* a second event is used once only */
    char two[512];
    snprintf(two, sizeof two, "%s%s", ev, ev);
    assert_int_equal(run(gold, two, &r), SR_OK);
    assert_int_equal(r.events_tp, 2);
    assert_int_equal(r.n_missed, 0);
    sr_eval_result_free(&r);
}

static void actor_folding(void **state)
{
    /* typographic apostrophe, hyphen, case, "al" and a diacritic */
    sr_eval_result r;
    const char *gold = "{\"docs\": [{\"id\": \"d1\", \"events\": [\n"
                       "  {\"id\": \"a\", \"required\": true, \"types\": [\"Attack\"],\n"
                       "   \"actors\": [\"HTS\", \"UNKNOWN_KEY\"]}]}]}\n";
    assert_int_equal(run(gold,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"ATTACK\",\"actor1\":"
                         "\"hayat tahrir al sham\",\"assoc_actor_1\":\"x; The Unknown-Key\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 1);
    sr_eval_result_free(&r);
    assert_int_equal(run(gold,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Attack\",\"actors\":"
                         "[{\"name\":\"Hay\xE2\x80\x99\x61t Tahrir al-Sh\xC4\x81m\"},"
                         "\"unknown_key\"]}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 1);
    sr_eval_result_free(&r);
    /* a near miss stays a miss */
    assert_int_equal(run(gold,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Attack\",\"actor1\":"
                         "\"Hayat Tahrir\",\"actor2\":\"unknown key\"}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.events_tp, 0);
    sr_eval_result_free(&r);
}

static void malformed_line(void **state)
{
    sr_eval_result r;
    assert_int_equal(run(GOLD,
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\"\n"
                         "\n"
                         "[1,2]\n"
                         "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"event_date\":"
                         "\"2018-10-06\",\"actor1\":\"HTS\",\"actor2\":\"Zenki\","
                         "\"location\":\"Mizanaz\",\"fatalities\":3.0}\n",
                         &r),
                     SR_OK);
    assert_int_equal(r.lines_read, 3);
    assert_int_equal(r.n_bad_lines, 2);
    assert_int_equal(r.n_diags, 2);
    assert_non_null(strstr(r.diags[0], "events.jsonl:1:"));
    assert_non_null(strstr(r.diags[1], "events.jsonl:3: not a JSON object"));
    assert_int_equal(r.events_system, 1);
    assert_int_equal(r.events_tp, 1);
    assert_int_equal(r.fatalities_ok, 1); /* 3.0 == 3 */
    sr_eval_result_free(&r);
}

static void doc_totals_and_errors(void **state)
{
    const char *gold = "{\"docs\": [{\"id\": \"d1\", \"events\": [],\n"
                       "  \"doc_fatalities\": {\"types\": [\"Armed clash\"], \"total\": 9}}]}\n";
    sr_eval_result r;
    assert_int_equal(
        run(gold,
            "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"fatalities\":9}\n"
            "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\",\"fatalities\":9}\n",
            &r),
        SR_OK);
    assert_int_equal(r.n_doc_totals_wrong, 1);
    assert_string_equal(r.doc_totals_wrong[0], "d1: 18 != 9");
    assert_true(r.precision == 0.0 && r.recall == 0.0 && r.f1 == 0.0);
    sr_eval_result_free(&r);

    char err[256];
    write_file(gold_path, "{\"docs\": [{\"id\": \"d1\", \"events\": [{\"types\": 1}]}]}");
    assert_int_equal(sr_eval_events(gold_path, events_path, NULL, NULL, &r, err, sizeof err),
                     SR_EFORMAT);
    assert_non_null(strstr(err, "g.gold.json:1:"));
    sr_eval_result_free(&r);
    write_file(gold_path, "{\"docs\": [}");
    assert_int_equal(sr_eval_events(gold_path, events_path, NULL, NULL, &r, err, sizeof err),
                     SR_EFORMAT);
    assert_non_null(strstr(err, "g.gold.json:1:11: unexpected character"));
    sr_eval_result_free(&r);
    assert_int_equal(
        sr_eval_events(gold_path, "/nonexistent/x", actors_path, NULL, &r, err, sizeof err),
        SR_EFORMAT);
    sr_eval_result_free(&r);
    write_file(gold_path, GOLD);
    assert_int_equal(sr_eval_events(gold_path, "/nonexistent/x", NULL, NULL, &r, err, sizeof err),
                     SR_EIO);
    sr_eval_result_free(&r);
}

/* An allocator that fails from the Nth call on (curl's torture mode). */
typedef struct failing {
    long left;
} failing;

static void *f_alloc(size_t n, void *ctx)
{
    failing *f = ctx;
    return f->left-- > 0 ? malloc(n ? n : 1) : NULL;
}

static void *f_resize(void *p, size_t n, void *ctx)
{
    failing *f = ctx;
    return f->left-- > 0 ? realloc(p, n ? n : 1) : NULL;
}

static void f_release(void *p, void *ctx)
{
    free(p);
}

static void allocation_failures(void **state)
{
    write_file(gold_path, GOLD);
    write_file(events_path, "{\"doc_id\":\"d1\",\"sub_event_type\":\"Armed clash\","
                            "\"event_date\":\"2018-10-06\",\"actor1\":\"Hay\u2019at Tahrir "
                            "al-Sh\u0101m\",\"actor2\":\"Zenki\",\"location\":\"Mizanaz\"}\n");
    int ok = 0;
    for (long n = 0; n < 200 && !ok; n++) {
        failing f = {n};
        sr_mem mem = {f_alloc, f_resize, f_release, &f};
        sr_eval_result r;
        char err[256];
        sr_status st = sr_eval_events(gold_path, events_path, NULL, &mem, &r, err, sizeof err);
        if (st == SR_OK) {
            assert_int_equal(r.events_tp, 1);
            ok = 1;
        } else {
            assert_int_equal(st, SR_ENOMEM);
            assert_true(err[0] != '\0');
        }
        sr_eval_result_free(&r);
    }
    assert_true(ok);
}

static void json_dom(void **state)
{
    sr_arena *a = sr_arena_new(NULL);
    json_value *v;
    char err[128];
    const char *t = "{\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\ud83d\\ude00\\ud800\"],\n"
                    " \"a\": {\"k\": {}}, \"e\": []}";
    assert_int_equal(json_parse(a, t, strlen(t), 1, 1, &v, err, sizeof err), SR_OK);
    assert_int_equal(v->type, JSON_OBJECT);
    assert_int_equal(v->len, 3);
    const json_value *last = json_get(v, "a");
    assert_int_equal(last->type, JSON_OBJECT); /* last duplicate wins */
    assert_int_equal(last->line, 2);
    const json_value *arr = v->items[0];
    assert_int_equal(arr->len, 6);
    assert_true(arr->items[1]->num == -25.0 && !arr->items[1]->is_int);
    assert_string_equal(arr->items[5]->str, "x\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD");
    static const struct {
        const char *text, *why;
    } bad[] = {
        {"[1,]", "1:4: unexpected character"},
        {"{\"a\" 1}", "1:6: expected ':'"},
        {"[1 2]", "1:4: expected ',' or ']'"},
        {"\"\x80\"", "1:2: invalid UTF-8"},
        {"\"a\tb\"", "control character"},
        {"01", "1:2: trailing characters"},
        {"NaN", "unexpected character"},
        {"", "no JSON value"},
        {"[\n[\n", "3:1: unexpected end of input"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(json_parse(a, bad[i].text, strlen(bad[i].text), 1, 1, &v, err, sizeof err),
                         SR_EFORMAT);
        if (!strstr(err, bad[i].why))
            fail_msg("%s: got \"%s\", want \"%s\"", bad[i].text, err, bad[i].why);
    }
    /* depth cap: 256 nested arrays parse, 257 do not */
    char deep[600];
    memset(deep, '[', 256);
    memset(deep + 256, ']', 256);
    assert_int_equal(json_parse(a, deep, 512, 1, 1, &v, err, sizeof err), SR_OK);
    memset(deep, '[', 257);
    memset(deep + 257, ']', 257);
    assert_int_equal(json_parse(a, deep, 514, 1, 1, &v, err, sizeof err), SR_EFORMAT);
    assert_non_null(strstr(err, "nesting"));
    sr_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_dom),
        cmocka_unit_test(exact_match),
        cmocka_unit_test(date_tolerance),
        cmocka_unit_test(optional_gold),
        cmocka_unit_test(greedy_one_to_one),
        cmocka_unit_test(actor_folding),
        cmocka_unit_test(malformed_line),
        cmocka_unit_test(doc_totals_and_errors),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
