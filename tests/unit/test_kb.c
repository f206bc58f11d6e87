/* test_kb.c - the fold skeleton on real variant pairs, the knowledge-file
 * loaders' error reports, and matching on the shipped knowledge base. */
#include "test_util.h"

#include <unistd.h>

#include "kb/kb_int.h"
#include "sitrep/annotate.h"
#include "sitrep/fold.h"

static sr_fold_table *table;

static int load_table(void **state)
{
    char err[256];
    return sr_fold_table_load(&table, "data/fold.tsv", err, sizeof err) == SR_OK ? 0 : -1;
}

static int free_table(void **state)
{
    sr_fold_table_free(table);
    return 0;
}

static void same_skeleton(const char *const *variants, size_t n)
{
    char first[256], other[256];
    assert_true(sr_fold_name(table, variants[0], strlen(variants[0]), first, sizeof first) > 0);
    for (size_t i = 1; i < n; i++) {
        sr_fold_name(table, variants[i], strlen(variants[i]), other, sizeof other);
        if (strcmp(first, other))
            fail_msg("'%s' -> '%s' but '%s' -> '%s'", variants[0], first, variants[i], other);
    }
}
#define SAME(...)                                                                                  \
    do {                                                                                           \
        const char *v[] = {__VA_ARGS__};                                                           \
        same_skeleton(v, sizeof v / sizeof *v);                                                    \
    } while (0)

static void fold_variants(void **state)
{
    SAME("Hay\xE2\x80\x99" "at Tahrir al-Sham", "Hayat Tahrir al-Sham", "Hayyaat Tahrir Al-Sham",
         "HAY'AT TAHRIR AL SHAM");
    SAME("Tell Rifat", "Tall Rif\xE2\x80\x98" "at", "Tal Rifaat", "Tel Rifaat");
    SAME("Maarrat al-Numan", "Ma\xE2\x80\x98" "arrat an Nu\xE2\x80\x98m\xC4\x81n", "Marat Al-Noaman");
    SAME("Kafr Halab", "Kfar Halab", "Kafar Halab");
    SAME("Horas al-Din", "Hurras al-Din", "Hurras al-Deen", "Huras ad-Din");
    SAME("el-Bab", "al-Bab", "Al Bab");
    SAME("ad-Dana", "al-Dana");
    SAME("Nour al-Din", "Nur al-Din", "Noor al-Din");
    SAME("Idlib", "Idleb", "Edlib");
    SAME("Jabhat al-Nusra", "Jabhat al-Nursa");
    SAME("Deir ez-Zor", "Dayr az-Zor", "Deir al-Zor");
    SAME("ar-Raqqa", "Al-Raqqah", "al Raqqa");
    SAME("Raqqa", "Raqqah");
    char out[64];
    /* possessives fold away; different names stay different */
    sr_fold_name(table, "HTS\xE2\x80\x99s", 6, out, sizeof out);
    assert_string_equal(out, "hts");
    char a[64], b[64];
    sr_fold_name(table, "Homs", 4, a, sizeof a);
    sr_fold_name(table, "homes", 5, b, sizeof b);
    assert_string_not_equal(a, b);
}

static void fold_offsets(void **state)
{
    sr_arena *ar = sr_arena_new(NULL);
    const char *s = "On Wednesday, Hay\xE2\x80\x99" "at Tahrir al-Sham\xC2\xA0" "attacked.";
    sr_norm n;
    assert_int_equal(sr_fold(ar, table, s, strlen(s), &n), SR_OK);
    const char *hit = strstr(n.text, "hayat tahrir al sham");
    assert_non_null(hit);
    size_t i = (size_t)(hit - n.text);
    sr_span o = sr_norm_span(&n, i, i + strlen("hayat tahrir al sham"));
    assert_int_equal(o.end - o.start, strlen("Hay\xE2\x80\x99" "at Tahrir al-Sham"));
    assert_memory_equal(s + o.start, "Hay", 3);
    sr_arena_free(ar);
}

/* A token of plain ASCII letters and digits takes fold.c's fast path; the
 * same letters with an apostrophe inside (which the fold drops) take the
 * general one.  Both must give the same skeleton, whatever the rules do:
 * articles, table words, doubled letters, a final h, digits, long words. */
static void fold_fast_path_same_as_general(void **state)
{
    static const char *const words[] = {
        "al",
        "el",
        "ad",
        "ash",
        "an",
        "at",
        "ar",
        "Kfar",
        "Kafar",
        "Hamah",
        "Raqqah",
        "Idleb",
        "Deir",
        "ez",
        "Hurras",
        "Hayyaat",
        "Tell",
        "Noor",
        "Qusayr",
        "2017",
        "1st",
        "a",
        "e",
        "Aleppo",
        "Shaykh",
        "Maaret",
        "Nusra",
        "Jabhat",
        "Haya",
        "Syrians",
        "Pneumonoultramicroscopicsilicovolcanoconiosisxxxxxxxxxxxxxxxxxxxxxxx"};
    static const char *const next[] = {"", " Bab", "-Dana", " Sham", " dar", " zor"};
    char plain[160], quoted[160], a[512], b[512];
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        for (size_t j = 0; j < sizeof next / sizeof *next; j++) {
            snprintf(plain, sizeof plain, "%s%s", words[i], next[j]);
            size_t wl = strlen(words[i]);
            if (wl < 2)
                continue;
            /* the apostrophe after the first letter ("K'far") */
            snprintf(quoted, sizeof quoted, "%c'%s%s", words[i][0], words[i] + 1, next[j]);
            sr_fold_name(table, plain, strlen(plain), a, sizeof a);
            sr_fold_name(table, quoted, strlen(quoted), b, sizeof b);
            if (strcmp(a, b))
                fail_msg("'%s' -> '%s' but '%s' -> '%s'", plain, a, quoted, b);
        }
}

static char *write_tmp(const char *content)
{
    static char path[64];
    strcpy(path, "/tmp/sitrep-kb-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

static void expect_error(sr_status (*load)(sr_kb *, const char *, char *, size_t),
                         const char *content, const char *want)
{
    sr_kb *kb = sr_kb_new_empty();
    char err[512] = "";
    char *p = write_tmp(content);
    assert_int_equal(load(kb, p, err, sizeof err), SR_EFORMAT);
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s:", p);
    if (strncmp(err, prefix, strlen(prefix)) || !strstr(err, want))
        fail_msg("got '%s', want '%s...%s'", err, prefix, want);
    unlink(p);
    sr_kb_free(kb);
}

static void loader_errors(void **state)
{
    expect_error(sr_kb_load_actors, "# c\nHTS\tName\tarmed_group\t2\n", ":2: expected 6 to 8");
    expect_error(sr_kb_load_actors, "hts\tName\tarmed_group\t2\tSyria\t\n", ":1: id must match");
    expect_error(sr_kb_load_actors, "A\tName\tbrigade\t2\tSyria\t\n", ":1: unknown kind");
    expect_error(sr_kb_load_actors, "A\tName\tarmed_group\t9\tSyria\t\n", ":1: inter must be");
    expect_error(sr_kb_load_actors, "A\tName\tarmed_group\t2\tSyria\t\t2017-13-01\n",
                 ":1: dates must be");
    expect_error(sr_kb_load_countries, "Syria\tSyrian\tx\n", ":1: expected 4 to 5");
    expect_error(sr_kb_load_countries, "sy\tSyria\tSyrian\t\t\n", ":1: iso2 must be");
    expect_error(sr_kb_load_relations, "allied\tA\tB\n", ":1: unknown actor id 'A'");
    expect_error(sr_kb_load_relations, "friends\tA\tB\n", ":1: unknown relation type");
    expect_error(sr_kb_load_cues, "\n\nmaybe\tperhaps\n", ":3: unknown cue kind");
    expect_error(sr_kb_load_cues, "militants\tgeneric_actor\tNOBODY\n", ":1: generic_actor needs");
    expect_error(sr_kb_load_cues, "troops\tgeneric_actor\t@MIL:NOBODY\n", ":1: generic_actor needs");
    sr_fold_table *t = NULL;
    char err[256];
    char *p = write_tmp("kfar\tkafr\ntwo words\tx\n");
    assert_int_equal(sr_fold_table_load(&t, p, err, sizeof err), SR_EFORMAT);
    assert_non_null(strstr(err, ":2:"));
    unlink(p);
}

/* Matching on the shipped data. */
static sr_kb *kb;
static int load_kb(void **state)
{
    char err[512];
    sr_kb_options o = {.data_dir = "data", .cache_dir = ""};
    if (sr_kb_load(&kb, &o, err, sizeof err) != SR_OK) {
        fprintf(stderr, "kb: %s\n", err);
        return -1;
    }
    return 0;
}
static int free_kb(void **state)
{
    sr_kb_free(kb);
    return 0;
}

typedef struct found {
    char kind[16], text[96], name[96];
} found;

static size_t run(const char *text, const char *published, found *f, size_t max)
{
    sr_doc d;
    sr_doc_init(&d, NULL);
    d.id = "t";
    d.published = published;
    sr_doc_set_body(&d, text, strlen(text));
    sr_cleaned c;
    assert_int_equal(sr_clean(&d, &c), SR_OK);
    sr_annotator *an;
    assert_int_equal(sr_annotator_new(&an, kb), SR_OK);
    sr_annotation a;
    assert_int_equal(sr_annotate(an, &d, &c, &a), SR_OK);
    size_t n = 0;
    for (size_t i = 0; i < a.n_mentions && n < max; i++) {
        const sr_mention *m = &a.mentions[i];
        snprintf(f[n].kind, sizeof f[n].kind, "%s", sr_mention_kind_name(m->kind));
        snprintf(f[n].text, sizeof f[n].text, "%.*s", (int)(m->span.end - m->span.start),
                 c.text + m->span.start);
        const char *name = m->actor >= 0 ? sr_kb_actor(kb, (size_t)m->actor)->name
                           : m->kind == SR_MENTION_PLACE ? m->where.location
                                                         : "";
        snprintf(f[n].name, sizeof f[n].name, "%s", name ? name : "");
        n++;
    }
    sr_annotator_free(an);
    sr_doc_free(&d);
    return n;
}

static const found *find(const found *f, size_t n, const char *kind, const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].kind, kind) && !strcmp(f[i].text, text))
            return &f[i];
    return NULL;
}

/* kb_scan against the definition it replaces: every pattern (and plural)
 * that occurs in the skeleton as a run of whole words, found by trying
 * every pattern at every place.  The text has words of 8 bytes and more,
 * two spaces in a row, runs inside runs and a name with an "s". */
typedef struct scan_hits {
    size_t n;
    struct {
        size_t start, end;
        int pattern;
    } v[256];
} scan_hits;

static int collect(int pattern, size_t start, size_t end, void *ctx)
{
    scan_hits *h = ctx;
    assert_true(h->n < 256);
    h->v[h->n].start = start, h->v[h->n].end = end, h->v[h->n].pattern = pattern;
    h->n++;
    return 0;
}

static int in_hits(const scan_hits *h, size_t start, size_t end, int pattern)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->v[i].start == start && h->v[i].end == end && h->v[i].pattern == pattern)
            return 1;
    return 0;
}

static void scan_matches_every_whole_word_run(void **state)
{
    static const char *const texts[] = {
        "The Nour al-Din al-Zenki Movement and Hayat Tahrir al-Sham fought in the western "
        "Aleppo countryside  near Darat Izza, said the Syrian Observatory for Human Rights.",
        "Aleppos residents fled; Jabhat Fatah al-Sham militants shelled Idlib",
        "Turkish-backed fighters of the Free Syrian Army entered Afrin"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sr_arena *a = sr_arena_new(NULL);
        sr_norm f;
        assert_int_equal(sr_fold(a, kb->fold, texts[k], strlen(texts[k]), &f), SR_OK);
        scan_hits h = {0};
        assert_int_equal(kb_scan(kb, f.text, f.len, collect, &h), 0);
        assert_true(h.n > 3);
        /* in order of start, then end */
        for (size_t i = 1; i < h.n; i++)
            assert_true(h.v[i - 1].start < h.v[i].start ||
                        (h.v[i - 1].start == h.v[i].start && h.v[i - 1].end < h.v[i].end));
        size_t expected = 0;
        for (size_t i = 0; i < kb->n_patterns; i++) {
            const kb_pattern *p = &kb->patterns[i];
            for (int plural = 0; plural <= p->plural; plural++)
                for (const char *q = f.text; (q = memmem(q, f.len - (size_t)(q - f.text),
                                                         p->folded, p->len)) != NULL;
                     q++) {
                    size_t s = (size_t)(q - f.text), e = s + p->len + (size_t)plural;
                    if (e > f.len || (plural && f.text[e - 1] != 's') ||
                        (s && f.text[s - 1] != ' ') || (e < f.len && f.text[e] != ' '))
                        continue;
                    assert_true(in_hits(&h, s, e, (int)i));
                    expected++;
                }
        }
        assert_int_equal(expected, h.n);
        sr_arena_free(a);
    }
}

static void matching(void **state)
{
    found f[64];
    size_t n = run("Fighters of Hayyaat Tahrir al-Sham attacked HTS\xE2\x80\x99s rivals near Tal "
                   "Rifaat on Sunday, and the army said it is ready. Is it over? The IS group "
                   "denied it.",
                   "2020-06-25", f, 64);
    const found *x = find(f, n, "actor", "Fighters of Hayyaat Tahrir al-Sham");
    assert_non_null(x);
    assert_string_equal(x->name, "Hay'at Tahrir al-Sham");
    assert_non_null(find(f, n, "actor", "HTS")); /* the possessive is not the name */
    assert_non_null(find(f, n, "place", "Tal Rifaat"));
    /* "is"/"Is" the verb is not the Islamic State; "IS" is */
    assert_null(find(f, n, "actor", "is"));
    assert_null(find(f, n, "actor", "Is"));
    assert_non_null(find(f, n, "actor", "IS group")); /* longest match */
    assert_non_null(find(f, n, "hedge", "denied"));
}

static void place_context(void **state)
{
    found f[64];
    size_t n = run("Shelling hit Idlib province and Idlib city on Monday. Russian troops raided "
                   "Benin, west of Idlib city. The town of Atarib in the western Aleppo countryside "
                   "fell. The President of Benin visited Paris.",
                   "2020-06-25", f, 64);
    const found *x = find(f, n, "place", "Idlib province");
    assert_non_null(x);
    assert_string_equal(x->name, "Idleb"); /* the governorate, ACLED's spelling */
    x = find(f, n, "place", "Idlib city");
    assert_non_null(x);
    assert_string_equal(x->name, "Idlib");
    /* the Syrian village first, the country when the text speaks of a state */
    size_t benin = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].kind, "place") && !strcmp(f[i].text, "Benin")) {
            assert_string_equal(f[i].name, benin ? "Benin" : "Binin");
            benin++;
        }
    assert_int_equal(benin, 2);
    assert_non_null(find(f, n, "place", "western Aleppo countryside"));
    assert_non_null(find(f, n, "place", "Aleppo")); /* named inside the region */
    assert_non_null(find(f, n, "place", "Atarib"));
}

/* Unnamed forces and crowds take the country of the report's places; with
 * none known they stay unidentified; "the rebels" refers back. */
static void generic_roles(void **state)
{
    found f[64];
    size_t n = run("Government forces shelled Kafr Nabudah on Monday. Protesters gathered in "
                   "Saraqib. Turkish security forces detained two men.",
                   "2019-05-10", f, 64);
    const found *x = find(f, n, "actor", "Government forces");
    assert_non_null(x);
    assert_string_equal(x->name, "Military Forces of Syria");
    x = find(f, n, "actor", "Protesters");
    assert_non_null(x);
    assert_string_equal(x->name, "Protesters (Syria)");
    /* right after a named force the noun marks it the agent */
    x = find(f, n, "actor", "Turkish security forces");
    assert_non_null(x);
    assert_string_equal(x->name, "Police Forces of Turkey");
    n = run("Government forces shelled rebel positions, the police said.", "2019-05-10", f, 64);
    x = find(f, n, "actor", "Government forces");
    assert_non_null(x);
    assert_string_equal(x->name, "Unidentified Military Forces");
    x = find(f, n, "actor", "the police");
    assert_non_null(x);
    assert_string_equal(x->name, "Unidentified Police Forces");
    n = run("A source at the Hama Police Command said shells hit Hama.", "2019-05-10", f, 64);
    assert_null(find(f, n, "actor", "Police"));
    n = run("Jaish al-Izza fighters attacked Morek on Monday. The rebels later withdrew from "
            "Morek. Rebels also attacked Suran.",
            "2019-05-10", f, 64);
    x = find(f, n, "actor", "rebels");
    assert_non_null(x);
    assert_string_equal(x->name, "Jaish al-Izza");
    x = find(f, n, "actor", "Rebels");
    assert_non_null(x);
    assert_string_equal(x->name, "Opposition Rebels (Syria)");
    /* "jihadists from the Islamic State" are the Islamic State's */
    n = run("At least 18 jihadists from the Islamic State group were killed near Kobani.",
            "2019-05-10", f, 64);
    x = find(f, n, "actor", "jihadists");
    assert_non_null(x);
    assert_string_equal(x->name, "Islamic State");
    /* an agent word widens only the actor right before it, never one a
     * sentence back */
    n = run("Islamist fighters shelled Morek, the monitor said. Fighters later withdrew.",
            "2019-05-10", f, 64);
    assert_non_null(find(f, n, "actor", "Islamist fighters"));
    /* a generic noun never eats a name: "the Army of Islam" */
    n = run("Fighters of the Army of Islam shelled Damascus, the army said.", "2019-05-10", f, 64);
    x = find(f, n, "actor", "Army of Islam");
    assert_non_null(x);
    assert_string_equal(x->name, "Jaysh al-Islam");
    x = find(f, n, "actor", "army");
    assert_non_null(x);
    assert_string_equal(x->name, "Military Forces of Syria");
}

/* "the group" is never a state's army; an accused group is the one the
 * rest of its sentence speaks of; "an X offshoot" keeps X named, as no side */
static void anaphors_and_sides(void **state)
{
    found f[64];
    size_t n = run("The Syrian army shelled a base of Jaysh al-Izza near Kafr Zita on Monday. "
                   "Two members of the group were wounded.",
                   "2020-06-25", f, 64);
    const found *x = find(f, n, "actor", "the group");
    assert_non_null(x);
    assert_string_equal(x->name, "Jaish al-Izza");
    n = run("Ahrar al-Sham accused Hay'at Tahrir al-Sham of breaking the truce, and said two "
            "fighters died in the group's raid.",
            "2020-06-25", f, 64);
    x = find(f, n, "actor", "the group");
    assert_non_null(x);
    assert_string_equal(x->name, "Hay'at Tahrir al-Sham");
    n = run("Jaysh al-Izza fighters fired rockets at Suran on Monday, the Syrian Observatory for "
            "Human Rights reported. The group said four soldiers were hurt.",
            "2020-06-25", f, 64);
    x = find(f, n, "actor", "The group");
    assert_non_null(x);
    assert_string_equal(x->name, "Syrian Observatory for Human Rights"); /* the speaker */
    n = run("An al-Qaeda offshoot raided a checkpoint near Atarib, Syria, on Monday.", "2020-06-25",
            f, 64);
    assert_non_null(find(f, n, "actor", "al-Qaeda")); /* still named */
    assert_null(find(f, n, "actor", "Syria"));         /* the place's country, not a side */
    n = run("12-03-2019 Damascus Shells hit the Damascus Countryside and a road in western "
            "Damascus, while Damascus said it would respond.",
            "2020-06-25", f, 64);
    size_t govs = 0;
    for (size_t i = 0; i < n; i++)
        govs += !strcmp(f[i].kind, "actor") && !strcmp(f[i].name, "Government of Syria");
    assert_int_equal(govs, 1); /* only the speaker; dateline and places are places */
    n = run("Gunmen seized a village near the border with Turkey on Monday.", "2020-06-25", f, 64);
    assert_null(find(f, n, "actor", "Turkey"));
}

int main(void)
{
    const struct CMUnitTest fold[] = {
        cmocka_unit_test(fold_variants),
        cmocka_unit_test(fold_offsets),
        cmocka_unit_test(fold_fast_path_same_as_general),
        cmocka_unit_test(loader_errors),
    };
    const struct CMUnitTest match[] = {
        cmocka_unit_test(scan_matches_every_whole_word_run),
        cmocka_unit_test(matching),
        cmocka_unit_test(place_context),
        cmocka_unit_test(generic_roles),
        cmocka_unit_test(anaphors_and_sides),
    };
    int r = cmocka_run_group_tests(fold, load_table, free_table);
    return r + cmocka_run_group_tests(match, load_kb, free_kb);
}
