/* test_text.c - normalisation, the offset map and sentence splitting. */
#include "test_util.h"

#include <time.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "sitrep/text.h"

#define ALL_FLAGS (SR_NORM_NFKC | SR_NORM_PUNCT | SR_NORM_CASEFOLD | SR_NORM_STRIP_MARKS)

static int setup(void **state) {
    *state = sr_arena_new(NULL);
    return *state ? 0 : -1;
}

static int teardown(void **state) {
    sr_arena_free(*state);
    return 0;
}

/* Normalises S with FLAGS and returns the copy (valid until teardown). */
static sr_norm norm(sr_arena *a, const char *s, unsigned flags) {
    sr_norm n;
    assert_int_equal(sr_normalize(a, s, strlen(s), flags, &n), SR_OK);
    assert_non_null(n.text);
    assert_int_equal(strlen(n.text), n.len);
    return n;
}

static void assert_norm(sr_arena *a, const char *in, unsigned flags, const char *want) {
    sr_norm n = norm(a, in, flags);
    if (strcmp(n.text, want) != 0)
        fail_msg("normalise(\"%s\", %#x) = \"%s\", want \"%s\"", in, flags, n.text, want);
}

static int is_boundary(const char *s, size_t len, size_t off) {
    return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

/* The invariants the header promises, plus the round trip: a normalised
 * range that covers whole segments maps to an original range that
 * normalises to exactly that range. */
static void check_map(sr_arena *a, const char *s, unsigned flags) {
    size_t len = strlen(s);
    sr_norm n = norm(a, s, flags);
    assert_int_equal(n.map[n.len], len);
    for (size_t i = 0; i < n.len; i++) {
        assert_true(n.map[i] <= n.map[i + 1]);
        assert_true(n.map[i] < len);
        assert_true(is_boundary(s, len, n.map[i]));
    }
    for (size_t i = 0; i <= n.len; i++) {
        for (size_t j = i; j <= n.len; j++) {
            sr_span sp = sr_norm_span(&n, i, j);
            assert_true(sp.start <= sp.end && sp.end <= len);
            assert_true(is_boundary(s, len, sp.start) && is_boundary(s, len, sp.end));
            int seg_start = i == 0 || n.map[i] != n.map[i - 1];
            int seg_end = j == n.len || n.map[j] != n.map[j - 1];
            if (i == j || !seg_start || !seg_end)
                continue;
            assert_int_equal(sp.start, n.map[i]);
            assert_int_equal(sp.end, n.map[j]);
            sr_norm sub;
            assert_int_equal(sr_normalize(a, s + sp.start, sp.end - sp.start, flags, &sub), SR_OK);
            assert_int_equal(sub.len, j - i);
            assert_memory_equal(sub.text, n.text + i, j - i);
        }
    }
}

static void test_apostrophes(void **state) {
    sr_arena *a = *state;
    const char *in[] = {"Hay’at", "Hay‘at", "Hayʼat", "Hayʻat", "Hayʿat", "Hayʾat",
                        "Hay`at", "Hay´at", "Hay′at", "Hay'at", "HAY’AT"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        assert_norm(a, in[i], SR_NORM_DEFAULT, "hay'at");
    assert_norm(a, "“Tahrir” „al-Sham‟ «HTS» ″x″", SR_NORM_PUNCT,
                "\"Tahrir\" \"al-Sham\" \"HTS\" \"x\"");
    /* Without SR_NORM_PUNCT the quotes stay. */
    assert_norm(a, "Hay’at", SR_NORM_NFKC | SR_NORM_CASEFOLD, "hay’at");
}

static void test_strip_marks(void **state) {
    sr_arena *a = *state;
    assert_norm(a, "Ma‘arrat an Nu‘mān", SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS,
                "ma'arrat an nu'man");
    assert_norm(a, "Ḥamāh Dayr az-Zawr", SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS,
                "hamah dayr az-zawr");
    /* Decomposed input: e + U+0301, and a mark after the last ASCII letter. */
    assert_norm(a, "Qe\xCC\x81", SR_NORM_STRIP_MARKS, "Qe");
    assert_norm(a, "Qe\xCC\x81", SR_NORM_NFKC, "Q\xC3\xA9");
    /* Arabic vowel marks (harakat) are nonspacing marks. */
    assert_norm(a, "حَلَب", SR_NORM_STRIP_MARKS, "حلب");
    /* Hangul decomposes under NFD and must come back composed. */
    assert_norm(a, "한국", SR_NORM_STRIP_MARKS, "한국");
    /* Marks kept when not asked. */
    assert_norm(a, "Nu‘mān", SR_NORM_DEFAULT, "nu'mān");
}

static void test_nfkc(void **state) {
    sr_arena *a = *state;
    assert_norm(a, "\xEF\xAC\x81re", SR_NORM_NFKC, "fire"); /* U+FB01 ligature */
    assert_norm(a, "ＨＴＳ", SR_NORM_NFKC, "HTS");
    assert_norm(a, "ＨＴＳ", SR_NORM_DEFAULT, "hts");
    assert_norm(a, "½", SR_NORM_NFKC,
                "1\xE2\x81\x84"
                "2");
    /* NFKC makes an em dash from a small one; PUNCT then folds it. */
    assert_norm(a,
                "a\xEF\xB9\x98"
                "b",
                SR_NORM_DEFAULT, "a-b");
    /* Fullwidth apostrophe is NFKC's business, not the table's. */
    assert_norm(a,
                "Hay\xEF\xBC\x87"
                "at",
                SR_NORM_DEFAULT, "hay'at");

    sr_norm n = norm(a, "x\xEF\xAC\x81y", SR_NORM_NFKC);
    assert_string_equal(n.text, "xfiy");
    size_t want[] = {0, 1, 1, 4, 5};
    assert_memory_equal(n.map, want, sizeof want);
    sr_span sp = sr_norm_span(&n, 1, 2); /* "f" alone covers the whole ligature */
    assert_int_equal(sp.start, 1);
    assert_int_equal(sp.end, 4);
}

static void test_spaces_dashes_invisibles(void **state) {
    sr_arena *a = *state;
    const char *spaces[] = {"a\xC2\xA0"
                            "b",
                            "a\xE2\x80\xAF"
                            "b",
                            "a\xE2\x80\x87"
                            "b",
                            "a\xE2\x80\x89"
                            "b",
                            "a\xE2\x80\x83"
                            "b",
                            "a\xE3\x80\x80"
                            "b"};
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        assert_norm(a, spaces[i], SR_NORM_PUNCT, "a b");
    const char *dashes[] = {"a‐b", "a‑b", "a‒b", "a–b", "a—b", "a―b", "a−b"};
    for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
        assert_norm(a, dashes[i], SR_NORM_PUNCT, "a-b");
    const char *gone[] = {"a\xE2\x80\x8B"
                          "b",
                          "a\xE2\x80\x8C"
                          "b",
                          "a\xE2\x80\x8D"
                          "b",
                          "a\xE2\x81\xA0"
                          "b",
                          "a\xEF\xBB\xBF"
                          "b",
                          "a\xC2\xAD"
                          "b",
                          "\xEF\xBB\xBF"
                          "ab"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_norm(a, gone[i], SR_NORM_DEFAULT, "ab");
    assert_norm(a, "Wait… what", SR_NORM_PUNCT, "Wait... what");
    assert_norm(a, "حلب، حمص؛", SR_NORM_PUNCT, "حلب, حمص;");

    /* A leading byte-order mark: the first output byte maps past it. */
    sr_norm n = norm(a, "\xEF\xBB\xBFHTS", SR_NORM_DEFAULT);
    assert_string_equal(n.text, "hts");
    assert_int_equal(n.map[0], 3);
    /* A deleted character is absorbed into the span before it. */
    n = norm(a,
             "ab\xC2\xAD"
             "cd",
             SR_NORM_DEFAULT);
    assert_string_equal(n.text, "abcd");
    sr_span sp = sr_norm_span(&n, 0, 2);
    assert_int_equal(sp.start, 0);
    assert_int_equal(sp.end, 4);
    /* Em dash under the default flags: three bytes in, one out. */
    n = norm(a, "x—y", SR_NORM_DEFAULT);
    assert_string_equal(n.text, "x-y");
    sp = sr_norm_span(&n, 1, 2);
    assert_int_equal(sp.start, 1);
    assert_int_equal(sp.end, 4);
}

static void test_casefold(void **state) {
    sr_arena *a = *state;
    assert_norm(a, "İdlib", SR_NORM_DEFAULT,
                "i\xCC\x87"
                "dlib"); /* full folding */
    assert_norm(a, "Straße", SR_NORM_DEFAULT, "strasse");
    assert_norm(a, "ΣΥΡΙΑ", SR_NORM_CASEFOLD, "συρια");
    assert_norm(a, "Ꭰ", SR_NORM_CASEFOLD, "Ꭰ"); /* Cherokee folds to uppercase */
    const char *arabic = "هيئة تحرير الشام في إدلب";
    assert_norm(a, arabic, SR_NORM_DEFAULT, arabic);
    assert_norm(a, "HTS AND IS", SR_NORM_CASEFOLD, "hts and is");
    sr_norm n = norm(a, "ẞA", SR_NORM_CASEFOLD);
    assert_string_equal(n.text, "ssa");
    size_t want[] = {0, 0, 3, 4};
    assert_memory_equal(n.map, want, sizeof want);
}

static void test_identity_and_ascii(void **state) {
    sr_arena *a = *state;
    const char *s = "Rebels (HTS) shelled `Idlib' at 5 p.m. - 12 dead.";
    sr_norm n = norm(a, s, 0);
    assert_string_equal(n.text, s);
    for (size_t i = 0; i <= n.len; i++)
        assert_int_equal(n.map[i], i);
    n = norm(a, s, SR_NORM_DEFAULT);
    assert_string_equal(n.text, "rebels (hts) shelled 'idlib' at 5 p.m. - 12 dead.");
    for (size_t i = 0; i <= n.len; i++)
        assert_int_equal(n.map[i], i);
    /* Flags 0 on non-ASCII: a plain copy. */
    n = norm(a, "Ḥamāh ’", 0);
    assert_string_equal(n.text, "Ḥamāh ’");
}

static void test_map_invariants(void **state) {
    sr_arena *a = *state;
    const char *inputs[] = {
        "Ma‘arrat an Nu‘mān — İdlib’s “HTS”… ﬁ ＨＴＳ ½ Straße",
        "e\xCC\x81\xCC\xA3 a\xCC\x8A\xE2\x80\x8B\xCC\x81 x\xC2\xAD\xCC\x81y",
        "حَلَب، دِمَشْق\xE2\x80\x8C؛ 한국어 \xF0\x9F\x98\x80 \xF0\x9D\x90\x80",
        "\xEF\xBB\xBF\xC2\xA0\xE2\x80\x83 ΣΑΣ ǅ ﷺ",
        "",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        for (unsigned f = 0; f <= ALL_FLAGS; f++)
            check_map(a, inputs[i], f);
}

static void test_empty_and_errors(void **state) {
    sr_arena *a = *state;
    sr_norm n;
    assert_int_equal(sr_normalize(a, "", 0, SR_NORM_DEFAULT, &n), SR_OK);
    assert_int_equal(n.len, 0);
    assert_string_equal(n.text, "");
    assert_int_equal(n.map[0], 0);
    assert_int_equal(sr_normalize(a, NULL, 0, SR_NORM_DEFAULT, &n), SR_OK);
    assert_int_equal(n.len, 0);
    sr_span sp = sr_norm_span(&n, 0, 0);
    assert_int_equal(sp.start, 0);
    assert_int_equal(sp.end, 0);

    assert_int_equal(sr_normalize(NULL, "x", 1, 0, &n), SR_EINVAL);
    assert_int_equal(sr_normalize(a, NULL, 1, 0, &n), SR_EINVAL);
    assert_int_equal(sr_normalize(a, "x", 1, 0, NULL), SR_EINVAL);
    assert_int_equal(sr_normalize(a, "x", 1, 1u << 9, &n), SR_EINVAL);
    assert_null(n.text);

    /* Out-of-range spans are clamped, not read past the map. */
    n = norm(a, "abc", 0);
    sp = sr_norm_span(&n, 2, 99);
    assert_int_equal(sp.start, 2);
    assert_int_equal(sp.end, 3);
    sp = sr_norm_span(&n, 5, 1); /* reversed: empty, at the clamped end */
    assert_int_equal(sp.start, 1);
    assert_int_equal(sp.end, 1);
}

static void test_out_of_memory(void **state) {
    (void)state;
    sr_arena *a = sr_arena_new(NULL);
    assert_non_null(a);
    sr_arena_set_cap(a, 4096);
    char buf[2048];
    memset(buf, 'a', sizeof buf);
    sr_norm n;
    assert_int_equal(sr_normalize(a, buf, sizeof buf, SR_NORM_DEFAULT, &n), SR_ENOMEM);
    assert_null(n.text);
    sr_arena_free(a);
}

/* Ill-formed input breaks the contract but must not break the process:
 * each ill-formed sequence becomes U+FFFD. */
static void test_ill_formed(void **state) {
    sr_arena *a = *state;
    const char bad[] = "a\xFF"
                       "b\xE2\x80"
                       "c\xC3";
    sr_norm n;
    for (unsigned f = 0; f <= ALL_FLAGS; f++) {
        assert_int_equal(sr_normalize(a, bad, sizeof bad - 1, f, &n), SR_OK);
        assert_int_equal(n.map[n.len], sizeof bad - 1);
    }
    assert_string_equal(n.text, "a\xEF\xBF\xBD"
                                "b\xEF\xBF\xBD"
                                "c\xEF\xBF\xBD");
}

/* A million combining marks must stay linear (segments are capped). */
static void test_pathological_marks(void **state) {
    sr_arena *a = *state;
    size_t marks = 500000, len = 1 + marks * 2;
    char *s = malloc(len);
    assert_non_null(s);
    s[0] = 'a';
    for (size_t i = 0; i < marks; i++) {
        /* alternate two combining classes so canonical reordering has work */
        s[1 + 2 * i] = '\xCC';
        s[2 + 2 * i] = i % 2 ? '\x81' : '\xA3';
    }
    clock_t t0 = clock();
    sr_norm n;
    assert_int_equal(sr_normalize(a, s, len, SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS, &n), SR_OK);
    assert_string_equal(n.text, "a");
    assert_int_equal(sr_normalize(a, s, len, SR_NORM_DEFAULT, &n), SR_OK);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
    free(s);
}

/* The pipeline of SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS on the lone code
 * point C, computed here with ICU step by step (NFKC, case folding, NFKC,
 * NFD, marks dropped, NFC) as the header describes it, into OUT as ASCII.
 * Returns 0 when the result is not all ASCII letters. */
static int oracle_ascii_fold(UChar32 c, char *out, size_t cap) {
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&e), *nfd = unorm2_getNFDInstance(&e),
                       *nfc = unorm2_getNFCInstance(&e);
    UChar a[64], b[64];
    int32_t n = 0, m = 0;
    U16_APPEND_UNSAFE(a, n, c);
    n = unorm2_normalize(nfkc, a, n, b, 64, &e);
    n = u_strFoldCase(a, 64, b, n, U_FOLD_CASE_DEFAULT, &e);
    n = unorm2_normalize(nfkc, a, n, b, 64, &e);
    n = unorm2_normalize(nfd, b, n, a, 64, &e);
    for (int32_t i = 0; i < n; i++)
        if (!(U_GET_GC_MASK(a[i]) & (U_GC_MN_MASK | U_GC_ME_MASK)))
            b[m++] = a[i];
    n = unorm2_normalize(nfc, b, m, a, 64, &e);
    assert_false(U_FAILURE(e));
    if (n == 0 || (size_t)n >= cap)
        return 0;
    for (int32_t i = 0; i < n; i++) {
        if (a[i] < 'a' || a[i] > 'z')
            return 0;
        out[i] = (char)a[i];
    }
    out[n] = '\0';
    return 1;
}

/* normalize.c folds the Latin letters U+00C0..U+024F without ICU: every
 * one of them must come out as ICU makes it, with the whole output mapped
 * to the letter's first byte; the others must not be taken for ASCII. */
static void test_latin_letters_match_icu(void **state) {
    sr_arena *a = *state;
    for (UChar32 c = 0xC0; c < 0x250; c++) {
        char in[8], want[16], expect[24];
        size_t k = 0;
        in[k++] = 'x';
        U8_APPEND_UNSAFE(in, k, c);
        size_t cl = k - 1;
        in[k++] = 'y';
        in[k] = '\0';
        sr_norm n = norm(a, in, SR_NORM_DEFAULT | SR_NORM_STRIP_MARKS);
        if (oracle_ascii_fold(c, want, sizeof want)) {
            snprintf(expect, sizeof expect, "x%sy", want);
            if (strcmp(n.text, expect) != 0)
                fail_msg("U+%04X: \"%s\", ICU gives \"%s\"", (unsigned)c, n.text, expect);
            assert_int_equal(n.map[0], 0);
            for (size_t i = 1; i + 1 < n.len; i++)
                assert_int_equal(n.map[i], 1);
            assert_int_equal(n.map[n.len - 1], 1 + cl);
            assert_int_equal(n.map[n.len], k);
        } else {
            int letters = n.len > 2;
            for (size_t i = 1; i + 1 < n.len; i++)
                letters &= n.text[i] >= 'a' && n.text[i] <= 'z';
            if (letters)
                fail_msg("U+%04X folds to \"%s\", which ICU does not give", (unsigned)c, n.text);
        }
    }
}

/* ---- sentences ---- */

/* Splits S and compares with the NULL-terminated list WANT. */
static void assert_sentences(sr_arena *a, const char *s, const char *const *want) {
    sr_span *v;
    size_t n;
    sr_span region = {0, strlen(s)};
    assert_int_equal(sr_sentences(a, s, region, &v, &n), SR_OK);
    size_t k = 0;
    while (want[k])
        k++;
    for (size_t i = 0; i < n && i < k; i++) {
        size_t len = v[i].end - v[i].start;
        if (len != strlen(want[i]) || memcmp(s + v[i].start, want[i], len) != 0)
            fail_msg("sentence %zu of \"%s\" is \"%.*s\", want \"%s\"", i, s, (int)len,
                     s + v[i].start, want[i]);
    }
    if (n != k)
        fail_msg("\"%s\": %zu sentences, want %zu", s, n, k);
}

#define SENTS(a, s, ...)                                                                           \
    do {                                                                                           \
        const char *const want_[] = {__VA_ARGS__, NULL};                                           \
        assert_sentences(a, s, want_);                                                             \
    } while (0)

static void test_sentences_abbreviations(void **state) {
    sr_arena *a = *state;
    SENTS(a, "U.S.-made missiles were used. The group said.", "U.S.-made missiles were used.",
          "The group said.");
    SENTS(a, "Lt. Col. Ahmed arrived. He left.", "Lt. Col. Ahmed arrived.", "He left.");
    SENTS(a, "The No. 5 brigade moved. It stopped.", "The No. 5 brigade moved.", "It stopped.");
    SENTS(a, "He said no. Then he left.", "He said no.", "Then he left.");
    SENTS(a, "Gen. Smith met Mr. Jones and Dr. Ali. They talked.",
          "Gen. Smith met Mr. Jones and Dr. Ali.", "They talked.");
    SENTS(a, "Abu M. Al-Adnani spoke. George W. Bush replied.", "Abu M. Al-Adnani spoke.",
          "George W. Bush replied.");
    SENTS(a, "The U.N. Security Council met. The U.S. Army left.", "The U.N. Security Council met.",
          "The U.S. Army left.");
    SENTS(a, "On Sept. 11 and Jan. 5 fighting raged. In Jan. Rebels won.",
          "On Sept. 11 and Jan. 5 fighting raged.", "In Jan.", "Rebels won.");
    SENTS(a, "Tanks, jets, etc. The army used all. Rebels vs. Regime forces.", "Tanks, jets, etc.",
          "The army used all.", "Rebels vs. Regime forces.");
    SENTS(a, "Cities, e.g. Aleppo, i.e. Halab, fell. Next.",
          "Cities, e.g. Aleppo, i.e. Halab, fell.", "Next.");
    SENTS(a, "It is 12 km. The road is closed.", "It is 12 km.", "The road is closed.");
    SENTS(a, "Nu‘mān. He left.", "Nu‘mān.", "He left.");
    SENTS(a, "Brig. Gen. Ali and Capt. Omar died. Sgt. Hasan lived.",
          "Brig. Gen. Ali and Capt. Omar died.", "Sgt. Hasan lived.");
}

static void test_sentences_quotes_numbers(void **state) {
    sr_arena *a = *state;
    SENTS(a, "He said “we won.” Then he left.", "He said “we won.”", "Then he left.");
    SENTS(a, "He said \"we won.\" Then he left.", "He said \"we won.\"", "Then he left.");
    SENTS(a, "It was 'over.' Then silence.", "It was 'over.'", "Then silence.");
    SENTS(a, "(This was confirmed.) Troops left.", "(This was confirmed.)", "Troops left.");
    SENTS(a, "The town is 3.5 km away. It fell.", "The town is 3.5 km away.", "It fell.");
    SENTS(a, "He cried \"Run!\" and fled.", "He cried \"Run!\" and fled.");
    SENTS(a, "She said: “Go.” “Now,” he replied.", "She said: “Go.”", "“Now,” he replied.");
    SENTS(a, "Casualties rose. 12 died.", "Casualties rose.", "12 died.");
}

static void test_sentences_stops(void **state) {
    sr_arena *a = *state;
    SENTS(a, "Wait... What happened? Nobody knows!", "Wait...", "What happened?", "Nobody knows!");
    SENTS(a, "He paused... and left.", "He paused... and left.");
    SENTS(a, "Really?! Yes.", "Really?!", "Yes.");
    SENTS(a, "Wait… What?", "Wait…", "What?");
    SENTS(a, "قصف الطيران المدينة. قتل خمسة؟ نعم.", "قصف الطيران المدينة.", "قتل خمسة؟", "نعم.");
    SENTS(a, "Él llegó. ¿Dónde está? Élite troops.", "Él llegó.", "¿Dónde está?", "Élite troops.");
    SENTS(a, "no stop at all", "no stop at all");
    SENTS(a, "Trailing space.   ", "Trailing space.");
}

static void test_sentences_lines_datelines(void **state) {
    sr_arena *a = *state;
    SENTS(a, "Headline without a stop\n\nBody starts here. More.", "Headline without a stop",
          "Body starts here.", "More.");
    SENTS(a, "Line one\nline two.", "Line one\nline two.");
    SENTS(a, "Para one.\r\n\r\n  para two", "Para one.", "para two");
    SENTS(a, "BEIRUT (Reuters) - Rebels shelled a checkpoint. Two died.",
          "BEIRUT (Reuters) - Rebels shelled a checkpoint.", "Two died.");
    SENTS(a, "BEIRUT (Reuters) -\n\nRebels shelled a checkpoint. Two died.",
          "BEIRUT (Reuters) -\n\nRebels shelled a checkpoint.", "Two died.");
    SENTS(a, "Sun 03 Mar 2019 Clashes near a town in the north AFP. Three died.",
          "Sun 03 Mar 2019 Clashes near a town in the north AFP.", "Three died.");
    SENTS(a, "DAMASCUS, Jan. 4 (SANA) \xE2\x80\x94 Units entered. Fine.",
          "DAMASCUS, Jan. 4 (SANA) \xE2\x80\x94 Units entered.", "Fine.");
    SENTS(a,
          "Non\xC2\xA0"
          "breaking.\xC2\xA0Next one.",
          "Non\xC2\xA0"
          "breaking.",
          "Next one.");
}

static void test_sentences_region(void **state) {
    sr_arena *a = *state;
    const char *s = "IGNORED. First one. Second one. IGNORED";
    sr_span region = {8, 32}; /* " First one. Second one. " */
    sr_span *v;
    size_t n;
    assert_int_equal(sr_sentences(a, s, region, &v, &n), SR_OK);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].start, 9);
    assert_int_equal(v[0].end, 19);
    assert_int_equal(v[1].start, 20);
    assert_int_equal(v[1].end, 31);

    region.start = region.end = 5;
    assert_int_equal(sr_sentences(a, s, region, &v, &n), SR_OK);
    assert_int_equal(n, 0);
    region = (sr_span){0, 4};
    assert_int_equal(sr_sentences(a, " \n\n ", region, &v, &n), SR_OK);
    assert_int_equal(n, 0);
    assert_int_equal(sr_sentences(a, NULL, (sr_span){0, 0}, &v, &n), SR_OK);
    assert_int_equal(n, 0);

    region = (sr_span){4, 2};
    assert_int_equal(sr_sentences(a, s, region, &v, &n), SR_EINVAL);
    assert_int_equal(sr_sentences(NULL, s, (sr_span){0, 3}, &v, &n), SR_EINVAL);
    assert_int_equal(sr_sentences(a, NULL, (sr_span){0, 3}, &v, &n), SR_EINVAL);
}

static void test_sentences_many_and_linear(void **state) {
    sr_arena *a = *state;
    /* Many sentences: the span array grows. */
    size_t k = 5000, len = k * 8;
    char *s = malloc(len + 1);
    assert_non_null(s);
    for (size_t i = 0; i < k; i++)
        memcpy(s + i * 8, "Go now. ", 8);
    s[len] = '\0';
    sr_span *v;
    size_t n;
    assert_int_equal(sr_sentences(a, s, (sr_span){0, len}, &v, &n), SR_OK);
    assert_int_equal(n, k);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(v[i].start, i * 8);
        assert_int_equal(v[i].end, i * 8 + 7);
    }
    free(s);

    /* Pathological: megabytes of dots, initials and spaces stay linear. */
    const char *pats[] = {".", "A. ", "a.a.", ". ", "!?\"", " \n"};
    for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
        size_t pl = strlen(pats[p]), reps = 2000000 / pl;
        s = malloc(reps * pl);
        assert_non_null(s);
        for (size_t i = 0; i < reps; i++)
            memcpy(s + i * pl, pats[p], pl);
        clock_t t0 = clock();
        sr_arena_reset(a);
        assert_int_equal(sr_sentences(a, s, (sr_span){0, reps * pl}, &v, &n), SR_OK);
        assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
        free(s);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_apostrophes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strip_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nfkc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spaces_dashes_invisibles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_casefold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_identity_and_ascii, setup, teardown),
        cmocka_unit_test_setup_teardown(test_map_invariants, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_and_errors, setup, teardown),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test_setup_teardown(test_ill_formed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pathological_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_latin_letters_match_icu, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_quotes_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_lines_datelines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_region, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_many_and_linear, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
