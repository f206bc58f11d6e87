/* test_gazetteer.c - the shipped place data, the GeoNames and local.tsv
 * loaders, skeleton lookup, ranking, geo precision and error reporting. */
#include "test_util.h"

#include <unistd.h>

#include "sitrep/gazetteer.h"

#define GEONAMES "data/places/geonames-region.txt"
#define ADMIN1 "data/places/admin1CodesASCII.txt"
#define ADMIN2 "data/places/admin2Codes.txt"
#define LOCAL "data/places/local.tsv"
#define FOLD "data/fold.tsv"

typedef struct fixture {
    sr_fold_table *fold;
    sr_gazetteer *g;
} fixture;

static sr_gazetteer *load_shipped(sr_fold_table *fold, const sr_gazetteer_options *opt)
{
    char err[512] = "";
    sr_gazetteer *g = sr_gazetteer_new(NULL, fold, opt);
    assert_non_null(g);
    sr_status st = sr_gazetteer_load_geonames(g, GEONAMES, ADMIN1, ADMIN2, err, sizeof err);
    if (st != SR_OK)
        fail_msg("load_geonames: %s: %s", sr_status_str(st), err);
    st = sr_gazetteer_load_local(g, LOCAL, err, sizeof err);
    if (st != SR_OK)
        fail_msg("load_local: %s: %s", sr_status_str(st), err);
    return g;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char err[256];
    if (!f || sr_fold_table_load(&f->fold, FOLD, err, sizeof err) != SR_OK)
        return -1;
    f->g = load_shipped(f->fold, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sr_gazetteer_free(f->g);
    sr_fold_table_free(f->fold);
    free(f);
    return 0;
}

/* Looks NAME up and returns the candidate count; the candidates go to R. */
static size_t find(const sr_gazetteer *g, const char *name, sr_place *r, size_t max)
{
    return sr_gazetteer_lookup(g, name, strlen(name), r, max);
}

/* The first candidate of NAME with KIND; fails the test when there is none. */
static sr_place find_kind(const sr_gazetteer *g, const char *name, sr_place_kind kind)
{
    sr_place r[16];
    size_t n = find(g, name, r, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        if (r[i].kind == kind)
            return r[i];
    fail_msg("no %s named \"%s\" (%zu candidates)", sr_place_kind_name(kind), name, n);
    return r[0];
}

static void test_aleppo(void **state)
{
    fixture *f = *state;
    sr_place r[8];
    size_t n = find(f->g, "Aleppo", r, 8);
    assert_true(n >= 2);
    /* admin areas rank first, then the city */
    assert_int_equal(r[0].kind, SR_PLACE_GOVERNORATE);
    assert_string_equal(r[0].admin1, "Aleppo");
    assert_string_equal(r[0].admin1_code, "SY.09");
    assert_int_equal(r[0].precision, 3);
    sr_place city = find_kind(f->g, "Aleppo", SR_PLACE_CITY);
    assert_string_equal(city.country, "SY");
    assert_string_equal(city.admin1, "Aleppo");
    assert_string_equal(city.admin2, "Jebel Saman");
    assert_true(city.has_coords);
    assert_int_equal(city.coords, SR_COORDS_OWN);
    assert_true(city.lat > 36.1 && city.lat < 36.3 && city.lon > 37.0 && city.lon < 37.3);
    assert_int_equal(city.geonameid, 170063);
    assert_true(city.population > 1000000);
    assert_int_equal(city.feature_class, 'P');
    assert_string_equal(city.feature_code, "PPLA");
    assert_int_equal(city.precision, 1);
    assert_int_equal(sr_geo_precision(&city, 1), 2); /* "near Aleppo" */
    /* Arabic script reaches the same city through GeoNames' alternates */
    sr_place ar = find_kind(f->g, "حلب", SR_PLACE_CITY);
    assert_int_equal(ar.id, city.id);
}

static void test_idlib_city_and_governorate(void **state)
{
    fixture *f = *state;
    sr_place gov = find_kind(f->g, "Idlib", SR_PLACE_GOVERNORATE);
    sr_place city = find_kind(f->g, "Idlib", SR_PLACE_CITY);
    assert_int_not_equal(gov.id, city.id);
    /* ACLED spells the governorate "Idleb"; GeoNames says "Idlib" */
    assert_string_equal(gov.name, "Idleb");
    assert_string_equal(gov.admin1, "Idleb");
    assert_string_equal(city.admin1, "Idleb");
    assert_string_equal(city.admin1_code, "SY.12");
    assert_false(gov.has_coords);
    assert_int_equal(gov.coords, SR_COORDS_ADMIN); /* the seat: Idlib city */
    assert_true(gov.lat == city.lat && gov.lon == city.lon);
    assert_int_equal(gov.precision, 3);
    assert_int_equal(city.precision, 1);
    /* either spelling finds both */
    sr_place r[8];
    size_t n = find(f->g, "Idleb", r, 8);
    int saw_gov = 0, saw_city = 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        saw_gov |= r[i].id == gov.id;
        saw_city |= r[i].id == city.id;
    }
    assert_true(saw_gov && saw_city);
}

static void test_transliterations(void **state)
{
    fixture *f = *state;
    const char *tell[] = {"Tall Rif'at", "Tall Rif‘at", "Tell Rifaat",
                          "Tal Rifaat",  "Tell Rifat",  "TELL RIFAAT"};
    sr_place first = find_kind(f->g, tell[0], SR_PLACE_TOWN);
    for (size_t i = 1; i < sizeof tell / sizeof tell[0]; i++) {
        sr_place p = find_kind(f->g, tell[i], SR_PLACE_TOWN);
        if (p.id != first.id)
            fail_msg("\"%s\" found %s, not %s", tell[i], p.name, first.name);
    }
    assert_string_equal(first.admin2, "A'zaz");
    assert_int_equal(first.geonameid, 163476);

    sr_place atarib = find_kind(f->g, "Atarib", SR_PLACE_TOWN);
    const char *at[] = {"al-Atarib", "Al Atarib", "Al-Atareb", "al-Atārib"};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
        assert_int_equal(find_kind(f->g, at[i], SR_PLACE_TOWN).id, atarib.id);
    assert_string_equal(atarib.admin1, "Aleppo");
    assert_string_equal(atarib.admin2, "Jebel Saman");
    assert_true(atarib.has_coords);

    sr_place kn = find_kind(f->g, "Kafr Nouran", SR_PLACE_VILLAGE);
    assert_int_equal(find_kind(f->g, "Kafr Nuran", SR_PLACE_VILLAGE).id, kn.id);
    assert_int_equal(find_kind(f->g, "Kfar Nouran", SR_PLACE_VILLAGE).id, kn.id);
}

static void test_towns(void **state)
{
    fixture *f = *state;
    sr_place b = find_kind(f->g, "Binnish", SR_PLACE_TOWN);
    assert_string_equal(b.admin1, "Idleb");
    assert_true(b.has_coords);
    assert_int_equal(b.precision, 1);

    sr_place a = find_kind(f->g, "Afrin", SR_PLACE_TOWN);
    assert_string_equal(a.admin1, "Aleppo");
    assert_string_equal(a.admin2, "Afrin");
    assert_true(a.has_coords);
    assert_int_equal(find_kind(f->g, "‘Afrīn", SR_PLACE_TOWN).id, a.id);
    /* the district of the same name is a separate admin area */
    assert_int_equal(find_kind(f->g, "Afrin", SR_PLACE_DISTRICT).precision, 3);

    /* Benin here is a village in Idlib, not the country */
    sr_place bn = find_kind(f->g, "Benin", SR_PLACE_VILLAGE);
    assert_string_equal(bn.country, "SY");
    assert_string_equal(bn.admin1, "Idleb");
    assert_int_equal(find_kind(f->g, "Binin", SR_PLACE_VILLAGE).id, bn.id);
}

static void test_village_without_coordinates(void **state)
{
    fixture *f = *state;
    sr_place m = find_kind(f->g, "Mizanaz", SR_PLACE_VILLAGE);
    assert_false(m.has_coords);
    assert_string_equal(m.country, "SY");
    assert_string_equal(m.admin1, "Aleppo");
    assert_string_equal(m.admin2, "Jebel Saman");
    assert_int_equal(m.geonameid, 0);
    assert_int_equal(m.feature_class, 0);
    /* resolves to its admin area: the seat's coordinates, precision 3 */
    assert_int_equal(m.coords, SR_COORDS_ADMIN);
    assert_int_equal(m.precision, 3);
    assert_int_equal(sr_geo_precision(&m, 1), 3);
}

static void test_neighbourhoods_regions_bases(void **state)
{
    fixture *f = *state;
    sr_place city = find_kind(f->g, "Aleppo", SR_PLACE_CITY);
    const char *hoods[] = {"al-Hamadaniyeh", "al-Jamiliyeh", "al-Zahraa", "Bustan al-Qasr"};
    for (size_t i = 0; i < sizeof hoods / sizeof hoods[0]; i++) {
        sr_place h = find_kind(f->g, hoods[i], SR_PLACE_NEIGHBOURHOOD);
        assert_false(h.has_coords);
        assert_int_equal(h.coords, SR_COORDS_PARENT);
        assert_true(h.lat == city.lat && h.lon == city.lon);
        assert_int_equal(h.precision, 2);
    }
    /* al-Midan is a neighbourhood of Aleppo and of Damascus */
    sr_place r[8];
    size_t n = find(f->g, "al-Midan", r, 8);
    assert_int_equal(n, 2);
    assert_string_not_equal(r[0].admin1, r[1].admin1);

    sr_place w = find_kind(f->g, "western Aleppo countryside", SR_PLACE_REGION);
    assert_string_equal(w.admin1, "Aleppo");
    assert_int_equal(w.precision, 2);
    sr_place big = find_kind(f->g, "the Idlib de-escalation zone", SR_PLACE_REGION);
    assert_string_equal(big.admin1, "Idleb");
    assert_int_equal(big.precision, 3);
    assert_int_equal(find_kind(f->g, "Greater Idlib", SR_PLACE_REGION).precision, 3);

    sr_place h = find_kind(f->g, "Khmeimim", SR_PLACE_AIRBASE);
    assert_int_equal(find_kind(f->g, "Hmeimim", SR_PLACE_AIRBASE).id, h.id);
    assert_string_equal(h.admin1, "Lattakia");
    assert_int_equal(h.coords, SR_COORDS_PARENT);
    assert_int_equal(h.precision, 2);
}

static void test_gold_places_resolve(void **state)
{
    fixture *f = *state;
    /* every place named in the seed gold and the FA-KES dev gold */
    const char *gold[] = {"Afrin",          "Akrama",
                          "Akrameh",        "Al Atarib",
                          "Al Hasakah",     "Al Kalassa",
                          "Al Mayadin",     "Al Qousour",
                          "Al Sakhour",     "Al Shaddadi",
                          "Al Sukhnah",     "Al-Atareb",
                          "Al-Baruda",      "Al-Mayadin",
                          "Aleppo",         "Ar Raqqah",
                          "Arab Saeed",     "Arab Said",
                          "As Salamiyah",   "As Sukhnah",
                          "Ash Shaddadi",   "Atarib",
                          "Benin",          "Binin",
                          "Binnish",        "Bustan al-Qasr",
                          "Damascus",       "Dayr az Zawr",
                          "Deir Ezzor",     "Deir ez-Zor",
                          "Eastern Ghouta", "Ghouta",
                          "Hadar",          "Hader",
                          "Hama",           "Handarat",
                          "Hasaka",         "Hasakah",
                          "Hasakeh",        "Hmeimim",
                          "Homs",           "Humaymim",
                          "Idleb",          "Idlib",
                          "Iraq",           "Jabal al-Mketaa",
                          "Jubb al Jarrah", "Jubb al-Jarrah",
                          "Kafarnouran",    "Kafr Halab",
                          "Kafr Nouran",    "Kafr Nuran",
                          "Kafrhalab",      "Khan Shaykhun",
                          "Khan Sheikhoun", "Khan Sheikhun",
                          "Khmeimim",       "Latakia",
                          "Lattakia",       "Mayadin",
                          "Mizanaz",        "Nile Street",
                          "Orem al-Joz",    "Palmyra",
                          "Quneitra",       "Ram Hamdan",
                          "Raqqa",          "Rif Dimashq",
                          "Sakhour",        "Salamiyah",
                          "Salamiyeh",      "Sarmada",
                          "Sukhnah",        "Tadmur",
                          "Tal Rifaat",     "Tal Tawil",
                          "Tall Rifat",     "Tall Tawil",
                          "Taloul",         "Tell Rifaat",
                          "Tell Rifat",     "Thalthana",
                          "Turkey",         "Urum al-Jawz",
                          "Urum al-Joz",    "al Masoudiyeh",
                          "al-Atarib",      "al-Hail",
                          "al-Hamadaniyeh", "al-Jamiliyeh",
                          "al-Midan",       "al-Shadadi",
                          "al-Zahraa",      "western Aleppo countryside"};
    for (size_t i = 0; i < sizeof gold / sizeof gold[0]; i++) {
        sr_place r[4];
        size_t n = find(f->g, gold[i], r, 4);
        if (!n)
            fail_msg("gold place \"%s\" not found", gold[i]);
        /* Syria ranks first unless the name is a neighbouring country */
        if (strcmp(gold[i], "Iraq") && strcmp(gold[i], "Turkey"))
            assert_string_equal(r[0].country, "SY");
        assert_true(r[0].precision >= 1 && r[0].precision <= 3);
    }
}

/* Every Syrian row of local.tsv names its governorate the ACLED way. */
static void test_admin1_names_are_acled(void **state)
{
    fixture *f = *state;
    static const char *const acled[] = {"Aleppo",   "Idleb",     "Hama",     "Homs",
                                        "Lattakia", "Tartous",   "Damascus", "Rural Damascus",
                                        "Dar'a",    "As-Sweida", "Quneitra", "Deir-ez-Zor",
                                        "Ar-Raqqa", "Al-Hasakeh"};
    size_t n = sr_gazetteer_count(f->g), sy = 0;
    for (uint32_t id = 0; id < n; id++) {
        sr_place p;
        assert_true(sr_gazetteer_place(f->g, id, &p));
        if (strcmp(p.country, "SY") != 0 || p.kind == SR_PLACE_COUNTRY)
            continue;
        sy++;
        int ok = 0;
        for (size_t k = 0; k < sizeof acled / sizeof acled[0] && !ok; k++)
            ok = strcmp(p.admin1, acled[k]) == 0;
        if (!ok)
            fail_msg("%s (id %u): admin1 \"%s\" is not an ACLED governorate name", p.name, id,
                     p.admin1);
    }
    assert_true(sy > 400);
    sr_place out;
    assert_false(sr_gazetteer_place(f->g, (uint32_t)n, &out));
}

static void test_ranking_and_filters(void **state)
{
    fixture *f = *state;
    /* Sinjar: a village in Idlib and a town in Iraq; Syria comes first */
    sr_place r[8];
    size_t n = find(f->g, "Sinjar", r, 8);
    assert_true(n >= 2);
    assert_string_equal(r[0].country, "SY");
    int iraq = 0;
    for (size_t i = 0; i < n && i < 8; i++)
        iraq |= strcmp(r[i].country, "IQ") == 0;
    assert_true(iraq);
    /* MAX caps what is written, not the count */
    sr_place one;
    assert_int_equal(find(f->g, "Sinjar", &one, 1), n);
    assert_int_equal(one.id, r[0].id);
    assert_int_equal(find(f->g, "Sinjar", NULL, 0), n);
    assert_int_equal(find(f->g, "no such place anywhere", r, 8), 0);
    assert_int_equal(find(f->g, "", r, 8), 0);

    /* a country filter keeps GeoNames rows of those countries only */
    sr_gazetteer_options o = {.countries = "TR", .home_country = "TR"};
    sr_gazetteer *tr = sr_gazetteer_new(NULL, f->fold, &o);
    assert_non_null(tr);
    char err[256];
    assert_int_equal(sr_gazetteer_load_geonames(tr, GEONAMES, ADMIN1, ADMIN2, err, sizeof err),
                     SR_OK);
    assert_int_equal(find(tr, "Aleppo", r, 8), 0);
    n = find(tr, "Kilis", r, 8);
    assert_true(n >= 1);
    assert_string_equal(r[0].country, "TR");
    sr_gazetteer_free(tr);

    sr_gazetteer_options bad = {.countries = "SYR"};
    assert_null(sr_gazetteer_new(NULL, NULL, &bad));
    sr_gazetteer_free(NULL);
}

static void test_name_iterator(void **state)
{
    fixture *f = *state;
    size_t cursor = 0, n = 0, primary = 0, tell = 0;
    sr_gazetteer_name nm;
    size_t places = sr_gazetteer_count(f->g);
    sr_place t = find_kind(f->g, "Tell Rifaat", SR_PLACE_TOWN);
    while (sr_gazetteer_next_name(f->g, &cursor, &nm)) {
        n++;
        assert_true(nm.len >= 2 && strlen(nm.skeleton) == nm.len);
        assert_true(nm.place < places);
        primary += (nm.flags & SR_NAME_PRIMARY) != 0;
        if (strcmp(nm.skeleton, "tal rifat") == 0)
            tell += nm.place == t.id;
    }
    assert_int_equal(tell, 1);
    assert_true(primary > 1000 && n > primary);
    assert_false(sr_gazetteer_next_name(f->g, &cursor, &nm));
}

/* ---- malformed input ---- */

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/sitrep-gz-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

/* Loads TEXT as KIND ('g' GeoNames main, '1' admin1, 'l' local) into a
 * fresh gazetteer and checks the status and that ERR is "path:LINE: ..." */
static void expect_reject(sr_fold_table *fold, char kind, const char *text, size_t line,
                          const char *reason)
{
    char *path = write_temp(text);
    char err[512] = "", want[600];
    sr_gazetteer *g = sr_gazetteer_new(NULL, fold, NULL);
    assert_non_null(g);
    sr_status st = kind == 'l'   ? sr_gazetteer_load_local(g, path, err, sizeof err)
                   : kind == '1' ? sr_gazetteer_load_geonames(g, NULL, path, NULL, err, sizeof err)
                                 : sr_gazetteer_load_geonames(g, path, NULL, NULL, err, sizeof err);
    snprintf(want, sizeof want, "%s:%zu: %s", path, line, reason);
    if (st != SR_EFORMAT || strncmp(err, want, strlen(want)) != 0)
        fail_msg("got %s \"%s\", want \"%s\"", sr_status_str(st), err, want);
    sr_gazetteer_free(g);
    unlink(path);
    free(path);
}

#define ROW                                                                                        \
    "170063\tAleppo\tAleppo\tHalab\t36.20124\t37."                                                 \
    "16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\t\t390\tAsia/Damascus\t2023-01-01\n"

static void test_malformed_lines(void **state)
{
    fixture *f = *state;
    expect_reject(f->fold, 'g', ROW "1\tShort\trow\n", 2, "expected 19 tab-separated columns");
    expect_reject(f->fold, 'g',
                  "# comment\n\n" ROW
                  "2\tX\tX\t\t95.0\t37.0\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\t\t2023-01-01\n",
                  4, "bad latitude");
    expect_reject(f->fold, 'g', "x1\tX\tX\t\t35.0\t37.0\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\t\t\n", 1,
                  "bad geonameid");
    expect_reject(f->fold, 'g', ROW ROW, 2, "duplicate geonameid");
    expect_reject(f->fold, 'g', "3\t\xff\xfe\tX\t\t35.0\t37.0\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\t\t\n",
                  1, "invalid UTF-8");
    expect_reject(f->fold, '1', "SY.09\tAleppo\tAleppo\t170062\nSY09\tX\tX\t\n", 2,
                  "admin1 code must look like CC.X");
    expect_reject(f->fold, 'l', "Mizanaz\t\thamlet\tSY\tAleppo\t\t\t\t\n", 1, "unknown kind");
    expect_reject(f->fold, 'l', "#c\nMizanaz\t\tvillage\tSY\tAleppo\t\t36.1\t\t\n", 2,
                  "latitude and longitude must both");
    expect_reject(f->fold, 'l', "Mizanaz\ta||b\tvillage\tSY\tAleppo\t\t\t\t\n", 1, "empty alias");
    expect_reject(f->fold, 'l', "Mizanaz\t\tvillage\tSYR\tAleppo\t\t\t\t\n", 1, "country");
    expect_reject(f->fold, 'l', "Mizanaz\t\tvillage\tSY\tAleppo\t\t\t\tprecision=5\n", 1,
                  "precision= must be 1, 2 or 3");
    expect_reject(f->fold, 'l', "Idleb\t\tgovernorate\tSY\tIdleb\t\t\t\tadmin=TR.12\n", 1,
                  "admin= of a governorate must be CC.X with the row's country");
    expect_reject(f->fold, 'l', "Mizanaz\tvillage\tSY\n", 1, "expected 9 tab-separated columns");

    /* a line over 1 MiB is rejected, not truncated */
    size_t big = (1u << 20) + 100;
    char *text = malloc(big + sizeof ROW + 8);
    assert_non_null(text);
    strcpy(text, ROW);
    size_t at = strlen(text);
    memset(text + at, 'a', big);
    strcpy(text + at + big, "\n");
    expect_reject(f->fold, 'g', text, 2, "line longer than 1 MiB");
    free(text);

    /* a missing file is an I/O error naming the path */
    char err[256];
    sr_gazetteer *g = sr_gazetteer_new(NULL, f->fold, NULL);
    assert_int_equal(sr_gazetteer_load_local(g, "/nonexistent/local.tsv", err, sizeof err), SR_EIO);
    assert_non_null(strstr(err, "/nonexistent/local.tsv"));
    sr_gazetteer_free(g);
}

static void test_skip_bad_lines_and_crlf(void **state)
{
    fixture *f = *state;
    char *path =
        write_temp(ROW "broken line\r\n"
                       "4\tKafr Halab\tKafr Halab\t\t36.1\t36.9\tP\tPPL\tSY\t\t09\t\t\t\t0\t"
                       "\t\t\t2023-01-01\r\n"
                       "5\tLast\tLast\t\t36.0\t36.0\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\t\t");
    sr_gazetteer_options o = {.skip_bad_lines = 1};
    sr_gazetteer *g = sr_gazetteer_new(NULL, f->fold, &o);
    char err[512];
    assert_int_equal(sr_gazetteer_load_geonames(g, path, NULL, NULL, err, sizeof err), SR_OK);
    assert_int_equal(sr_gazetteer_skipped(g), 1);
    assert_non_null(strstr(err, ":2: expected 19"));
    assert_int_equal(sr_gazetteer_count(g), 3);
    sr_place p;
    assert_int_equal(find(g, "Kafr Halab", &p, 1), 1);
    assert_int_equal(p.geonameid, 4);
    assert_int_equal(find(g, "Last", &p, 1), 1); /* last line without "\n" */
    sr_gazetteer_free(g);

    /* the memory cap fails the load cleanly */
    sr_gazetteer_options tiny = {.max_bytes = 4096};
    g = sr_gazetteer_new(NULL, f->fold, &tiny);
    assert_int_equal(sr_gazetteer_load_geonames(g, GEONAMES, NULL, NULL, err, sizeof err),
                     SR_ETOOBIG);
    assert_non_null(strstr(err, GEONAMES ":"));
    sr_gazetteer_free(g);
    unlink(path);
    free(path);
}

/* ---- allocation failure ---- */

typedef struct fail_mem {
    long countdown; /* fail when it reaches 0; negative = never */
} fail_mem;

static void *fm_alloc(size_t n, void *ctx)
{
    fail_mem *m = ctx;
    if (m->countdown >= 0 && m->countdown-- == 0)
        return NULL;
    return malloc(n ? n : 1);
}

static void *fm_resize(void *p, size_t n, void *ctx)
{
    fail_mem *m = ctx;
    if (m->countdown >= 0 && m->countdown-- == 0)
        return NULL;
    return realloc(p, n ? n : 1);
}

static void fm_release(void *p, void *ctx)
{
    free(p);
}

static void test_allocation_failure(void **state)
{
    fixture *f = *state;
    char *main =
        write_temp(ROW "4\tTall Rif`at\tTall Rif`at\tTell Rifaat\t36.47\t37.09\tP\tPPLA3\tSY"
                       "\t\t09\t\t\t\t25658\t\t\t\t\n");
    char *adm = write_temp("SY.09\tAleppo\tAleppo\t170062\n");
    char *loc = write_temp("Aleppo\tHalab Governorate\tgovernorate\tSY\tAleppo\t\t\t\tadmin=SY.09\n"
                           "Mizanaz\t\tvillage\tSY\tAleppo\t\t\t\t\n"
                           "al-Zahraa\t\tneighbourhood\tSY\tAleppo\t\t\t\tparent=Aleppo\n");
    int completed = 0;
    for (long n = 0; n < 400 && !completed; n++) {
        fail_mem fm = {n};
        sr_mem mem = {fm_alloc, fm_resize, fm_release, &fm};
        sr_gazetteer *g = sr_gazetteer_new(&mem, f->fold, NULL);
        if (!g)
            continue;
        char err[256];
        sr_status st = sr_gazetteer_load_geonames(g, main, adm, NULL, err, sizeof err);
        if (st == SR_OK)
            st = sr_gazetteer_load_local(g, loc, err, sizeof err);
        if (st == SR_OK) {
            completed = fm.countdown >= 0; /* no failure was injected */
            sr_place p;
            assert_int_equal(find(g, "Mizanaz", &p, 1), 1);
        } else
            assert_int_equal(st, SR_ENOMEM);
        sr_gazetteer_free(g);
    }
    assert_true(completed);
    unlink(main);
    unlink(adm);
    unlink(loc);
    free(main);
    free(adm);
    free(loc);
}

static void test_kind_names(void **state)
{
    assert_string_equal(sr_place_kind_name(SR_PLACE_VILLAGE), "village");
    assert_string_equal(sr_place_kind_name(SR_PLACE_NEIGHBOURHOOD), "neighbourhood");
    assert_string_equal(sr_place_kind_name((sr_place_kind)99), "other");
    assert_int_equal(sr_geo_precision(NULL, 0), 3);
    sr_place p = {.kind = SR_PLACE_VILLAGE, .coords = SR_COORDS_OWN, .has_coords = 1};
    assert_int_equal(sr_geo_precision(&p, 0), 1);
    assert_int_equal(sr_geo_precision(&p, 1), 2);
    p.kind = SR_PLACE_DISTRICT;
    assert_int_equal(sr_geo_precision(&p, 0), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aleppo),
        cmocka_unit_test(test_idlib_city_and_governorate),
        cmocka_unit_test(test_transliterations),
        cmocka_unit_test(test_towns),
        cmocka_unit_test(test_village_without_coordinates),
        cmocka_unit_test(test_neighbourhoods_regions_bases),
        cmocka_unit_test(test_gold_places_resolve),
        cmocka_unit_test(test_admin1_names_are_acled),
        cmocka_unit_test(test_ranking_and_filters),
        cmocka_unit_test(test_name_iterator),
        cmocka_unit_test(test_malformed_lines),
        cmocka_unit_test(test_skip_bad_lines_and_crlf),
        cmocka_unit_test(test_allocation_failure),
        cmocka_unit_test(test_kind_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
