/* test_serve.c - the HTTP server without the network: JSON-line helpers,
 * the embedded files, routing and parameter checks through
 * sr_server_handle on an empty SQLite store. */
#include <unistd.h>

#include "test_util.h"

#include "serve/serve_int.h"

static int member(const char *line, const char *key, const char *want)
{
    const char *v;
    size_t n;
    if (!serve_json_member(line, strlen(line), key, &v, &n))
        return want == NULL;
    return want && strlen(want) == n && !memcmp(v, want, n);
}

static void test_json_member(void **state)
{
    (void)state;
    const char *l =
        "{\"a\":1,\"b\":\"x\\\"}y\",\"c\":{\"a\":2,\"d\":[1,{\"e\":\"]\"}]},\"d\":null}";
    assert_true(member(l, "a", "1"));
    assert_true(member(l, "b", "\"x\\\"}y\""));
    assert_true(member(l, "c", "{\"a\":2,\"d\":[1,{\"e\":\"]\"}]}"));
    assert_true(member(l, "d", "null")); /* the top-level d, not the nested one */
    assert_true(member(l, "e", NULL));
    assert_true(member(" { \"k\" : true } ", "k", "true"));
    assert_true(member("[1,2]", "a", NULL));
    (void)member("{\"a\":", "a", NULL); /* truncated input: must not read past it */
}

static void test_json_unquote(void **state)
{
    (void)state;
    sr_buf b;
    sr_buf_init(&b, NULL);
    const char *s = "\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\"";
    assert_true(serve_json_unquote(s, strlen(s), &b));
    assert_string_equal(b.data, "a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80");
    sr_buf_clear(&b);
    assert_true(serve_json_unquote("\"\"", 2, &b));
    assert_int_equal(b.len, 0);
    assert_false(serve_json_unquote("12", 2, &b));
    sr_buf_free(&b);
}

static void test_lines_array(void **state)
{
    (void)state;
    const char *lines = "{\"i\":0}\n\n{\"i\":1}\n{\"i\":2}\n";
    sr_buf b;
    sr_buf_init(&b, NULL);
    int more;
    assert_int_equal(serve_json_lines_array(&b, lines, strlen(lines), 0, 0, &more), 3);
    assert_string_equal(b.data, "[{\"i\":0},{\"i\":1},{\"i\":2}]");
    assert_false(more);
    sr_buf_clear(&b);
    assert_int_equal(serve_json_lines_array(&b, lines, strlen(lines), 1, 1, &more), 1);
    assert_string_equal(b.data, "[{\"i\":1}]");
    assert_true(more);
    sr_buf_clear(&b);
    assert_int_equal(serve_json_lines_array(&b, "", 0, 0, 5, &more), 0);
    assert_string_equal(b.data, "[]");
    sr_buf_free(&b);
}

static void test_assets(void **state)
{
    (void)state;
    const serve_asset *a = serve_asset_find("/");
    assert_non_null(a);
    assert_string_equal(a->name, "/index.html");
    assert_non_null(serve_asset_find("/app.js"));
    assert_non_null(serve_asset_find("/map/syria.json"));
    assert_null(serve_asset_find("/../Makefile"));
    assert_null(serve_asset_find("/ui/index.html"));
    assert_null(serve_asset_find("/map/"));
    assert_null(serve_asset_find("/index.html/"));
    assert_null(serve_asset_find(""));
}

typedef struct fixture {
    char dir[64];
    char db[96];
    sr_server *rw, *ro;
    sr_buf out;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/sitrep-serve-XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    char err[256];
    sr_serve_options o = {.db = f->db, .token = "unit-test-token", .threads = 2};
    if (sr_server_new(&f->rw, &o, err, sizeof err) != SR_OK) {
        print_error("server: %s\n", err);
        return -1;
    }
    o.readonly = 1;
    if (sr_server_new(&f->ro, &o, err, sizeof err) != SR_OK) {
        print_error("read-only server: %s\n", err);
        return -1;
    }
    sr_buf_init(&f->out, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sr_server_free(f->rw);
    sr_server_free(f->ro);
    sr_buf_free(&f->out);
    char path[128];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", f->db, suffix[i]);
        unlink(path);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

/* GET PATH with "name=value" pairs (NULL-terminated); returns the status. */
static int get(fixture *f, sr_server *srv, const char *method, const char *path, const char *auth,
               const char *body, ...)
{
    sr_http_param params[8];
    size_t n = 0;
    va_list ap;
    va_start(ap, body);
    const char *name;
    while (n < 8 && (name = va_arg(ap, const char *))) {
        params[n].name = name;
        params[n].value = va_arg(ap, const char *);
        n++;
    }
    va_end(ap);
    sr_http_request req = {
        .method = method,
        .path = path,
        .params = params,
        .nparams = n,
        .authorization = auth,
        .body = body ? body : "",
        .body_len = body ? strlen(body) : 0,
    };
    const char *ctype;
    sr_buf_clear(&f->out);
    return sr_server_handle(srv, &req, &f->out, &ctype);
}

#define has(f, s) assert_non_null(strstr((f)->out.data, (s)))

static void test_routes(void **state)
{
    fixture *f = *state;
    assert_int_equal(get(f, f->rw, "GET", "/api/events", NULL, NULL, NULL), 200);
    has(f, "\"items\":[]");
    has(f, "\"next\":null");
    assert_int_equal(get(f, f->rw, "GET", "/", NULL, NULL, NULL), 200);
    has(f, "<title>sitrep</title>");
    assert_int_equal(get(f, f->rw, "HEAD", "/app.js", NULL, NULL, NULL), 200);
    assert_int_equal(get(f, f->rw, "GET", "/api/nope", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "GET", "/api/", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "GET", "/api/events/", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "GET", "/../../etc/passwd", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "DELETE", "/api/events", NULL, NULL, NULL), 405);
    assert_int_equal(get(f, f->rw, "POST", "/", NULL, NULL, NULL), 405);
    assert_int_equal(get(f, f->rw, "GET", "/api/ingest", NULL, NULL, NULL), 405);
    assert_int_equal(get(f, f->rw, "GET", "/api/events/0123", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "GET", "/api/documents/nope", NULL, NULL, NULL), 404);
    assert_int_equal(get(f, f->rw, "GET", "/api/network", NULL, NULL, "at", "2017-03-01", NULL),
                     200);
    has(f, "\"edges\":[");
}

static void test_bad_params(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *path, *name, *value, *word;
    } cases[] = {
        {"/api/events", "limit", "0", "'limit'"},
        {"/api/events", "limit", "1001", "'limit'"},
        {"/api/events", "limit", "12x", "'limit'"},
        {"/api/events", "offset", "-1", "'offset'"},
        {"/api/events", "from", "2017-02-29", "'from'"},
        {"/api/events", "from", "2016-02-30", "'from'"},
        {"/api/events", "to", "17-01-01", "'to'"},
        {"/api/events", "km", "5", "'km'"},
        {"/api/events", "colour", "red", "'colour'"},
        {"/api/documents", "limit", "", NULL},
        {"/api/relations", "at", "2017-00", "'at'"},
        {"/api/control", "at", "2017-1-01", "'at'"},
        {"/api/network", "actor", "HTS", "'actor'"},
        {"/api/timeline", "from", "2017", "'from'"},
        {"/api/events/abc", "x", "1", "'x'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int st =
            get(f, f->rw, "GET", cases[i].path, NULL, NULL, cases[i].name, cases[i].value, NULL);
        if (!cases[i].word) {
            assert_int_equal(st, 200); /* an empty value is no value */
            continue;
        }
        if (st != 400 || !strstr(f->out.data, cases[i].word))
            fail_msg("%s?%s=%s: %d %s", cases[i].path, cases[i].name, cases[i].value, st,
                     f->out.data);
    }
    assert_int_equal(
        get(f, f->rw, "GET", "/api/events", NULL, NULL, "actor", "a", "actor", "b", NULL), 400);
    has(f, "twice");
    assert_int_equal(get(f, f->rw, "GET", "/api/events", NULL, NULL, "from", "2019-01-01", "to",
                         "2018-01-01", NULL),
                     400);
    assert_int_equal(get(f, f->rw, "GET", "/api/events", NULL, NULL, "from", "2016-02-29", "to",
                         "2016-03", NULL),
                     200);
}

static void test_ingest_auth(void **state)
{
    fixture *f = *state;
    assert_int_equal(get(f, f->rw, "POST", "/api/ingest", NULL, "x\n", NULL), 401);
    assert_int_equal(get(f, f->rw, "POST", "/api/ingest", "Bearer unit-test-toke", "x\n", NULL),
                     401);
    assert_int_equal(get(f, f->rw, "POST", "/api/ingest", "Bearer unit-test-tokenX", "x\n", NULL),
                     401);
    assert_int_equal(get(f, f->rw, "POST", "/api/ingest", "bearer unit-test-token", "x\n", NULL),
                     401);
    assert_int_equal(get(f, f->rw, "POST", "/api/ingest", "Bearer unit-test-token", "\n\n", NULL),
                     400);
    has(f, "empty body");
    assert_int_equal(
        get(f, f->rw, "POST", "/api/ingest", "Bearer unit-test-token", "{\"id\":\"a\"}\n", NULL),
        400);
    has(f, "\"line\":1");
    assert_int_equal(get(f, f->ro, "POST", "/api/ingest", "Bearer unit-test-token", "x\n", NULL),
                     403);
    has(f, "read-only");
}

static void test_token(void **state)
{
    (void)state;
    char err[256], dir[] = "/tmp/sitrep-token-XXXXXX", db[64];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    sr_serve_options o = {.db = db, .threads = 1};
    sr_server *a = NULL, *b = NULL;
    assert_int_equal(sr_server_new(&a, &o, err, sizeof err), SR_OK);
    assert_int_equal(sr_server_new(&b, &o, err, sizeof err), SR_OK);
    assert_int_equal(strlen(sr_server_token(a)), SR_SERVE_TOKEN_LEN);
    assert_string_not_equal(sr_server_token(a), sr_server_token(b));
    assert_int_equal(sr_server_port(a), SR_SERVE_DEFAULT_PORT);
    sr_server_free(a);
    sr_server_free(b);
    sr_server_free(NULL);
    o.threads = SERVE_MAX_THREADS + 1;
    assert_int_equal(sr_server_new(&a, &o, err, sizeof err), SR_EINVAL);
    assert_null(a);
    char path[96];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffix[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_member),
        cmocka_unit_test(test_json_unquote),
        cmocka_unit_test(test_lines_array),
        cmocka_unit_test(test_assets),
        cmocka_unit_test_setup_teardown(test_routes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_params, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ingest_auth, setup, teardown),
        cmocka_unit_test(test_token),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
