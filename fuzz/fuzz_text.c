/* fuzz_text.c - libFuzzer target for the text layer.
 *
 * Runs sr_normalize under every flag combination and sr_sentences on
 * arbitrary bytes and traps on any broken promise: the offset map must be
 * monotone, end at the input length and land on character boundaries, the
 * copy must be well-formed UTF-8, mapped spans must be ordered and whole,
 * and sentences must be ordered, disjoint, trimmed and inside the region.
 * The header asks for valid UTF-8, so ill-formed bytes are first repaired to
 * '?'; the raw bytes are also fed through once, where only memory safety is
 * checked.
 *
 *   clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude \
 *     $(pkg-config --cflags icu-uc) src/core/mem.c src/core/arena.c src/text/normalize.c \
 *     src/text/sentences.c fuzz/fuzz_text.c \
 *     -o /tmp/fuzz_text $(pkg-config --libs icu-uc)
 *   /tmp/fuzz_text -max_total_time=120 fuzz/corpus/text */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "sitrep/text.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

#define ALL_FLAGS (SR_NORM_NFKC | SR_NORM_PUNCT | SR_NORM_CASEFOLD | SR_NORM_STRIP_MARKS)

/* Copy of IN with every byte of an ill-formed sequence replaced by '?'. */
static char *repair(const uint8_t *in, size_t len) {
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    memcpy(s, in, len);
    s[len] = '\0';
    for (size_t p = 0; p < len;) {
        int32_t i = 0, n = len - p < 4 ? (int32_t)(len - p) : 4;
        UChar32 c;
        U8_NEXT((const uint8_t *)s + p, i, n, c);
        if (c < 0)
            memset(s + p, '?', (size_t)i);
        p += (size_t)i;
    }
    return s;
}

static int well_formed(const char *s, size_t len) {
    for (size_t p = 0; p < len;) {
        int32_t i = 0, n = len - p < 4 ? (int32_t)(len - p) : 4;
        UChar32 c;
        U8_NEXT((const uint8_t *)s + p, i, n, c);
        if (c < 0)
            return 0;
        p += (size_t)i;
    }
    return 1;
}

static int boundary(const char *s, size_t len, size_t off) {
    return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

static int is_space_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void check_norm(sr_arena *a, const char *s, size_t len, unsigned flags) {
    sr_norm n;
    sr_status st = sr_normalize(a, s, len, flags, &n);
    if (st == SR_ENOMEM) /* the arena cap: a legitimate answer */
        return;
    CHECK(st == SR_OK);
    CHECK(n.text && n.map && n.text[n.len] == '\0');
    CHECK(n.map[n.len] == len);
    for (size_t i = 0; i < n.len; i++) {
        CHECK(n.map[i] <= n.map[i + 1]);
        CHECK(n.map[i] < len);
        CHECK(boundary(s, len, n.map[i]));
    }
    CHECK(well_formed(n.text, n.len));
    /* ASCII maps byte for byte (lowered, ` made '): the map is the identity. */
    size_t k = 0;
    while (k < len && (unsigned char)s[k] < 0x80)
        k++;
    if (k == len) {
        CHECK(n.len == len);
        for (size_t i = 0; i < len; i++)
            CHECK(n.map[i] == i);
    }
    /* A sample of spans; all O(len^2) pairs would be too slow per input. */
    size_t step = n.len / 64 + 1;
    for (size_t i = 0; i <= n.len; i += step)
        for (size_t j = i; j <= n.len; j += step) {
            sr_span sp = sr_norm_span(&n, i, j);
            CHECK(sp.start <= sp.end && sp.end <= len);
            CHECK(sp.start == n.map[i]);
            CHECK(boundary(s, len, sp.start) && boundary(s, len, sp.end));
            if (j > i)
                CHECK(sp.end > n.map[j - 1]);
        }
    sr_span sp = sr_norm_span(&n, n.len + 7, 0);
    CHECK(sp.start == sp.end);
}

static void check_sentences(sr_arena *a, const char *s, size_t len, sr_span region) {
    sr_span *v;
    size_t n;
    sr_status st = sr_sentences(a, s, region, &v, &n);
    if (st == SR_ENOMEM)
        return;
    CHECK(st == SR_OK);
    size_t prev = region.start;
    for (size_t i = 0; i < n; i++) {
        CHECK(v[i].start >= prev && v[i].start < v[i].end && v[i].end <= region.end);
        CHECK(boundary(s, len, v[i].start) && boundary(s, len, v[i].end));
        CHECK(!is_space_byte(s[v[i].start]) && !is_space_byte(s[v[i].end - 1]));
        prev = v[i].end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return 0;
    /* Ill-formed input: outside the contract, must still be memory-safe. */
    sr_norm raw;
    if (sr_normalize(a, (const char *)data, size, SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS, &raw) ==
        SR_OK)
        CHECK(raw.map[raw.len] == size && well_formed(raw.text, raw.len));
    sr_span *v;
    size_t n;
    (void)sr_sentences(a, (const char *)data, (sr_span){0, size}, &v, &n);

    char *s = repair(data, size);
    if (s) {
        for (unsigned f = 0; f <= ALL_FLAGS; f++) {
            sr_arena_reset(a);
            check_norm(a, s, size, f);
        }
        sr_arena_reset(a);
        check_sentences(a, s, size, (sr_span){0, size});
        /* A region that starts and ends on character boundaries inside. */
        size_t lo = size / 3, hi = size - size / 4;
        while (lo < size && !boundary(s, size, lo))
            lo++;
        while (hi > lo && !boundary(s, size, hi))
            hi--;
        if (lo <= hi)
            check_sentences(a, s, size, (sr_span){lo, hi});
        free(s);
    }
    sr_arena_free(a);
    return 0;
}
