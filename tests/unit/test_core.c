/* test_core.c - arena, buffers and JSON escaping, UTF-8 repair. */
#include "test_util.h"

#include "core/letters.h"
#include "sitrep/buf.h"
#include "sitrep/doc.h"

static void arena_basics(void **state)
{
    sr_arena *a = sr_arena_new(NULL);
    assert_non_null(a);
    char *p = sr_arena_alloc(a, 10);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    memcpy(p, "123456789", 10);
    char *q = sr_arena_grow(a, p, 10, 5000);
    assert_ptr_equal(p, q); /* last allocation grows in place */
    assert_string_equal(q, "123456789");
    void *big = sr_arena_alloc(a, 20u << 20); /* larger than a chunk */
    assert_non_null(big);
    sr_arena_reset(a);
    assert_int_equal(sr_arena_used(a), 0);
    sr_arena_set_cap(a, 1 << 20);
    assert_null(sr_arena_alloc(a, 2 << 20));
    assert_null(sr_arena_calloc(a, SIZE_MAX / 2, 4)); /* overflow */
    assert_string_equal(sr_arena_strndup(a, "abcdef", 3), "abc");
    sr_arena_free(a);
    sr_arena_free(NULL);
}

/* sr_format_fixed must write what printf("%.*f") writes: coordinates in
 * the entity output went through printf before. */
static void fixed_point_like_printf(void **state)
{
    static const double fixed[] = {0.0,      -0.0,     0.125,    0.375,        2.5,
                                   -2.5,     36.20124, 37.16117, -0.000004,    -0.000006,
                                   0.000005, 0.000015, 1e-300,   99999.999995, 123456789.123456,
                                   5e-324,   1e9,      -1e12,    1.0 / 0.0,    0.0 / 0.0};
    char want[64], got[64];
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        for (int d = 0; d <= 9; d++) {
            snprintf(want, sizeof want, "%.*f", d, fixed[i]);
            size_t n = sr_format_fixed(got, fixed[i], d);
            assert_string_equal(got, want);
            assert_int_equal(n, strlen(want));
        }
    /* coordinates and their neighbours, pseudo-random but repeatable */
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 360.0;
        if (i % 3 == 0) /* exact halves at the fifth decimal */
            v = (double)(long long)(v * 1e5) / 1e5 + 0.000005;
        int d = i % 4 == 0 ? (int)(x % 10) : 5;
        snprintf(want, sizeof want, "%.*f", d, v);
        sr_format_fixed(got, v, d);
        assert_string_equal(got, want);
    }
    char u[24];
    u[sr_format_uint(u, 0)] = '\0';
    assert_string_equal(u, "0");
    for (uint64_t p = 1; p <= UINT64_MAX / 10; p *= 10) /* every digit count */
        for (uint64_t v = p - 1; v <= p + 1; v++) {
            snprintf(want, sizeof want, "%llu", (unsigned long long)v);
            u[sr_format_uint(u, v)] = '\0';
            assert_string_equal(u, want);
        }
    u[sr_format_uint(u, UINT64_MAX)] = '\0';
    assert_string_equal(u, "18446744073709551615");
}

/* sr_letter_run may stop early (callers read on byte by byte) but never
 * past the first byte that is not a letter (or hyphen, when asked) */
static void letter_runs(void **state)
{
    const char stops[] = {' ', '.', '@', '[', '`', '{', '-', (char)0xC3, '0'};
    for (size_t at = 0; at < 40; at++)
        for (size_t k = 0; k < sizeof stops; k++)
            for (int hyphens = 0; hyphens < 2; hyphens++) {
                unsigned char u[40];
                for (size_t i = 0; i < sizeof u; i++)
                    u[i] = (unsigned char)(i % 3 ? 'a' + i % 26 : 'Z' - i % 26);
                u[at] = (unsigned char)stops[k];
                size_t want = stops[k] == '-' && hyphens ? sizeof u : at;
                size_t got = sr_letter_run(u, 0, sizeof u, hyphens);
                assert_true(got <= want);
                for (size_t i = 0; i < got; i++)
                    assert_true(((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z') ||
                                (hyphens && u[i] == '-'));
            }
}

static void json_escaping(void **state)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    sr_json_string(&b, "a\"b\\c\n\t\x01\xE2\x80\x99", 11);
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\xE2\x80\x99\"");
    sr_buf_clear(&b);
    /* long runs go by blocks of 16 and 8: every position of an escaped
     * byte in a block, and bytes above 0x7F that need none */
    for (size_t at = 0; at < 40; at++) {
        char in[41], want[64];
        memset(in, 'w', 40);
        in[at % 3 ? at : 39 - at] = (char)0xC3;
        in[at] = at % 2 ? '"' : '\x1F';
        size_t k = 0;
        want[k++] = '"';
        for (size_t i = 0; i < 40; i++) {
            if (i == at && at % 2) {
                want[k++] = '\\';
                want[k++] = '"';
            } else if (i == at) {
                memcpy(want + k, "\\u001f", 6);
                k += 6;
            } else
                want[k++] = in[i];
        }
        want[k++] = '"';
        want[k] = '\0';
        sr_buf_clear(&b);
        sr_json_string(&b, in, 40);
        assert_string_equal(b.data, want);
    }
    sr_buf_clear(&b);
    int first = 1;
    sr_buf_putc(&b, '{');
    sr_json_key(&b, "k", &first);
    sr_json_cstr(&b, NULL);
    sr_json_key(&b, "s", &first);
    sr_json_span(&b, (sr_span){3, 9});
    sr_buf_putc(&b, '}');
    assert_string_equal(b.data, "{\"k\":null,\"s\":[3,9]}");
    b.limit = 64;
    sr_buf_clear(&b);
    char big[100];
    memset(big, 'x', sizeof big);
    assert_int_equal(sr_buf_append(&b, big, sizeof big), SR_ENOMEM);
    assert_int_equal(sr_buf_putc(&b, 'x'), SR_ENOMEM); /* sticky */
    sr_buf_free(&b);
}

static void check_repair(const char *in, size_t n, const char *want, size_t issues)
{
    sr_doc d;
    assert_int_equal(sr_doc_init(&d, NULL), SR_OK);
    assert_int_equal(sr_doc_set_body(&d, in, n), SR_OK);
    assert_int_equal(d.body_len, strlen(want));
    assert_memory_equal(d.body, want, d.body_len);
    assert_int_equal(d.n_utf8_issues, issues);
    sr_doc_free(&d);
}

#define FFFD "\xEF\xBF\xBD"
static void utf8_repair(void **state)
{
    check_repair("plain ascii text, long enough for words", 39,
                 "plain ascii text, long enough for words", 0);
    check_repair("Hay\xE2\x80\x99" "at", 8, "Hay\xE2\x80\x99" "at", 0);
    check_repair("a\xFF" "b", 3, "a" FFFD "b", 1);
    check_repair("\xC0\xAF", 2, FFFD FFFD, 2);           /* overlong '/' */
    check_repair("\xED\xA0\x80x", 4, FFFD FFFD FFFD "x", 3); /* surrogate D800 */
    check_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4); /* > U+10FFFF */
    check_repair("ab\xE2\x80", 4, "ab" FFFD, 1);         /* truncated: one subpart */
    check_repair("a\0b", 3, "a" FFFD "b", 1);             /* NUL */
    sr_doc d;
    sr_doc_init(&d, NULL);
    sr_doc_set_body(&d, "xx\xFFyy", 5);
    assert_int_equal(d.n_utf8_issues_stored, 1);
    assert_int_equal(d.utf8_issues[0].input_offset, 2);
    assert_int_equal(d.utf8_issues[0].text_offset, 2);
    sr_doc_free(&d);
}

static void status_names(void **state)
{
    assert_string_equal(sr_status_str(SR_OK), "ok");
    assert_string_equal(sr_status_str(SR_ENOMEM), "out of memory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_basics),
        cmocka_unit_test(letter_runs),
        cmocka_unit_test(json_escaping),
        cmocka_unit_test(fixed_point_like_printf),
        cmocka_unit_test(utf8_repair),
        cmocka_unit_test(status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
