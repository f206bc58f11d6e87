/* test_jsonl.c - the JSON-lines record parser. */
#include "test_util.h"

#include "ingest/ingest_int.h"

static sr_status parse(const char *line, sr_doc *d, char *err)
{
    sr_doc_reset(d);
    err[0] = '\0';
    return jsonl_parse_line(line, strlen(line), d, err, 256);
}

static void fields_and_passthrough(void **state)
{
    sr_doc d;
    char err[256];
    sr_doc_init(&d, NULL);
    assert_int_equal(parse("{\"id\":\"x1\",\"url\":\"u\",\"title\":\"T\",\"published\":\"2019-01-07\","
                           "\"source\":\"s\",\"text\":\"body\\n\\u00e9\\ud83d\\ude00\","
                           "\"lang\": \"en\",\"n\":[1,{\"a\":null}]}",
                           &d, err),
                     SR_OK);
    assert_string_equal(d.id, "x1");
    assert_string_equal(d.url, "u");
    assert_string_equal(d.title, "T");
    assert_string_equal(d.published, "2019-01-07");
    assert_string_equal(d.source, "s");
    assert_string_equal(d.body, "body\n\xC3\xA9\xF0\x9F\x98\x80");
    assert_int_equal(d.content_type, SR_CONTENT_TEXT);
    assert_string_equal(d.extra_json, "\"lang\":\"en\",\"n\":[1,{\"a\":null}]");
    /* numeric id, html body, null metadata */
    assert_int_equal(parse("{\"id\":42,\"html\":\"<p>x</p>\",\"title\":null}", &d, err), SR_OK);
    assert_string_equal(d.id, "42");
    assert_int_equal(d.content_type, SR_CONTENT_HTML);
    assert_null(d.title);
    /* lone surrogate becomes U+FFFD */
    assert_int_equal(parse("{\"text\":\"a\\ud800b\"}", &d, err), SR_OK);
    assert_string_equal(d.body, "a\xEF\xBF\xBD" "b");
    sr_doc_free(&d);
}

static void rejections(void **state)
{
    sr_doc d;
    char err[256];
    sr_doc_init(&d, NULL);
    static const struct {
        const char *line, *why;
    } bad[] = {
        {"[1,2]", "must be a JSON object"},
        {"{\"text\":\"x\"} trailing", "trailing bytes"},
        {"{\"text\":\"unterminated}", "unterminated string"},
        {"{\"id\":\"a\"}", "no \"text\" or \"html\""},
        {"{\"text\":\"a\\qb\"}", "unknown escape"},
        {"{\"text\":\"a\",}", "expected a key"},
        {"{\"text\" \"a\"}", "expected ':'"},
        {"{\"x\":tru,\"text\":\"a\"}", "unexpected character"},
        {"{\"x\":01,\"text\":\"a\"}", "expected ','"},
        {"{\"text\":\"a\tb\"}", "control character"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(parse(bad[i].line, &d, err), SR_REJECT);
        if (!strstr(err, bad[i].why))
            fail_msg("line %s: message '%s' lacks '%s'", bad[i].line, err, bad[i].why);
    }
    /* nesting beyond the cap is rejected, not recursed */
    char deep[2000] = "{\"x\":";
    for (int i = 0; i < 300; i++)
        strcat(deep, "[");
    assert_int_equal(parse(deep, &d, err), SR_REJECT);
    assert_non_null(strstr(err, "nesting deeper than 256"));
    sr_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields_and_passthrough),
        cmocka_unit_test(rejections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
