/* test_reader.c - inputs, format choice, streaming limits, rejections. */
#include "test_util.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "sitrep/reader.h"

static char dir[64];

static void put(const char *name, const char *data, size_t n)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(data, 1, n, f);
    fclose(f);
}

static int setup(void **state)
{
    strcpy(dir, "/tmp/sitrep-reader-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd);
}

typedef struct run {
    int ok, rejected;
    char ids[16][64];
    char errors[8][300];
    sr_content_type types[16];
} run;

static run read_all(const char *path, size_t max)
{
    run out;
    memset(&out, 0, sizeof out);
    sr_reader_options opt = {.max_doc_bytes = max};
    sr_reader *r;
    char err[256];
    assert_int_equal(sr_reader_open(&r, path, &opt, err, sizeof err), SR_OK);
    sr_doc doc;
    sr_doc_init(&doc, NULL);
    sr_status st;
    while ((st = sr_reader_next(r, &doc)) != SR_DONE) {
        if (st == SR_OK) {
            if (out.ok < 16) {
                snprintf(out.ids[out.ok], 64, "%s", doc.id);
                out.types[out.ok] = doc.content_type;
            }
            out.ok++;
        } else {
            assert_int_equal(st, SR_REJECT);
            if (out.rejected < 8)
                snprintf(out.errors[out.rejected], 300, "%s", sr_reader_error(r));
            out.rejected++;
        }
    }
    sr_doc_free(&doc);
    sr_reader_free(r);
    return out;
}

static void directory_walk(void **state)
{
    char sub[128];
    snprintf(sub, sizeof sub, "%s/b-sub", dir);
    mkdir(sub, 0755);
    put("c.txt", "Third article text.", 19);
    put("a.html", "<html><body><p>Page</p></body></html>", 37);
    put("b-sub/x.jsonl", "{\"id\":\"j1\",\"text\":\"one\"}\n\n{\"id\":\"j2\",\"text\":\"two\"}\n", 50);
    put(".hidden", "ignored", 7);
    put("empty.txt", "", 0);
    put("bin.dat", "\x01\x02\0\x03\x04", 5);
    run r = read_all(dir, 0);
    assert_int_equal(r.ok, 4);
    assert_string_equal(r.ids[0], "a"); /* byte order of names */
    assert_int_equal(r.types[0], SR_CONTENT_HTML);
    assert_string_equal(r.ids[1], "j1");
    assert_string_equal(r.ids[2], "j2");
    assert_string_equal(r.ids[3], "c");
    assert_int_equal(r.rejected, 2);
    assert_non_null(strstr(r.errors[0], "bin.dat: binary data"));
    assert_non_null(strstr(r.errors[1], "empty.txt: empty file"));
}

static void sniffing_without_extension(void **state)
{
    char p[128];
    put("feed", "  {\"id\":\"s1\",\"text\":\"x\"}\n", 25);
    snprintf(p, sizeof p, "%s/feed", dir);
    run r = read_all(p, 0);
    assert_int_equal(r.ok, 1);
    assert_string_equal(r.ids[0], "s1");
    put("page", "<!DOCTYPE html><p>x</p>", 23);
    snprintf(p, sizeof p, "%s/page", dir);
    r = read_all(p, 0);
    assert_int_equal(r.types[0], SR_CONTENT_HTML);
}

static void limits_and_gzip(void **state)
{
    char p[128];
    /* a line over the limit is skipped whole; the next is read */
    char line[600];
    memset(line, 'y', sizeof line);
    memcpy(line, "{\"text\":\"", 9);
    memcpy(line + sizeof line - 3, "\"}\n", 3);
    put("long.jsonl", line, sizeof line);
    snprintf(p, sizeof p, "%s/long.jsonl", dir);
    FILE *f = fopen(p, "ab");
    fputs("{\"id\":\"short\",\"text\":\"ok\"}\n", f);
    fclose(f);
    run r = read_all(p, 100);
    assert_int_equal(r.ok, 1);
    assert_int_equal(r.rejected, 1);
    assert_non_null(strstr(r.errors[0], "long.jsonl:1: line of 599 bytes exceeds the 100-byte limit"));
    /* a whole-file document over the limit */
    put("big.txt", line, sizeof line);
    snprintf(p, sizeof p, "%s/big.txt", dir);
    r = read_all(p, 100);
    assert_int_equal(r.rejected, 1);
    assert_non_null(strstr(r.errors[0], "larger than the 100-byte limit"));
    /* gzip, whole and truncated */
    snprintf(p, sizeof p, "%s/z.jsonl.gz", dir);
    gzFile gz = gzopen(p, "wb");
    for (int i = 0; i < 2000; i++)
        gzprintf(gz, "{\"id\":\"z%d\",\"text\":\"record number %d with some text\"}\n", i, i);
    gzclose(gz);
    r = read_all(p, 0);
    assert_int_equal(r.ok, 2000);
    struct stat sb;
    stat(p, &sb);
    assert_int_equal(truncate(p, sb.st_size / 2), 0);
    r = read_all(p, 0);
    assert_true(r.ok > 0 && r.ok < 2000);
    assert_int_equal(r.rejected, 1);
    assert_non_null(strstr(r.errors[0], "truncated gzip"));
}

static void missing_path(void **state)
{
    sr_reader *r;
    char err[256];
    assert_int_equal(sr_reader_open(&r, "/nonexistent/x", NULL, err, sizeof err), SR_EIO);
    assert_null(r);
    assert_non_null(strstr(err, "/nonexistent/x"));
    sr_input_format f;
    assert_int_equal(sr_input_format_parse("warc", &f), SR_OK);
    assert_int_equal(f, SR_INPUT_WARC);
    assert_int_equal(sr_input_format_parse("pdf", &f), SR_EINVAL);
    sr_reader_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(directory_walk, setup, teardown),
        cmocka_unit_test_setup_teardown(sniffing_without_extension, setup, teardown),
        cmocka_unit_test_setup_teardown(limits_and_gzip, setup, teardown),
        cmocka_unit_test(missing_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
