/* fuzz_gazetteer.c - libFuzzer target for the gazetteer loaders.
 *
 * The input is written to a memfd and loaded three ways into fresh
 * gazetteers: as a GeoNames main file (strict, then skipping bad lines),
 * as admin1/admin2 code files, and as local.tsv (after the admin load, so
 * admin= and geonameid= rows find something to attach to).  Whatever the
 * bytes, a load must return a known status, and what was loaded must hold
 * together: every indexed name folds non-empty and points at a place,
 * every place reads back with a kind, a country and a geo precision of
 * 1-3, and looking up a name returns places that carry it.
 *
 *   clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude -Isrc \
 *     $(pkg-config --cflags icu-uc) src/core/[a-z]*.c src/text/[a-z]*.c src/kb/gazetteer.c \
 *     fuzz/fuzz_gazetteer.c -o /tmp/fuzz_gazetteer $(pkg-config --libs icu-uc icu-i18n)
 *   /tmp/fuzz_gazetteer -max_total_time=120 fuzz/corpus/gazetteer */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sitrep/gazetteer.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static sr_fold_table *fold; /* loaded once; read-only afterwards */
static int fd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[256];
    if (sr_fold_table_load(&fold, "data/fold.tsv", err, sizeof err) != SR_OK)
        fold = NULL; /* letter rules only */
    fd = memfd_create("gazetteer", 0);
    if (fd < 0)
        return 0;
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return 0;
}

static int known_status(sr_status st)
{
    return st == SR_OK || st == SR_EFORMAT || st == SR_ENOMEM || st == SR_ETOOBIG || st == SR_EIO;
}

static void check(const sr_gazetteer *g)
{
    size_t n = sr_gazetteer_count(g);
    for (uint32_t id = 0; id < n; id++) {
        sr_place p;
        CHECK(sr_gazetteer_place(g, id, &p));
        CHECK(p.id == id && p.name && p.country && p.admin1 && p.admin2 && p.feature_code);
        CHECK((unsigned)p.kind < SR_PLACE_KIND_COUNT);
        CHECK(p.precision >= 1 && p.precision <= 3);
        CHECK(sr_geo_precision(&p, 1) >= p.precision);
        CHECK(p.coords != SR_COORDS_OWN || p.has_coords);
        CHECK(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180);
        /* a place is found by its own name (when that name is indexable) */
        char skel[600];
        size_t len = sr_fold_name(fold, p.name, strlen(p.name), skel, sizeof skel);
        if (id < 64 && len != (size_t)-1 && len >= 2 && len <= 512) {
            sr_place r[64];
            size_t k = sr_gazetteer_lookup(g, p.name, strlen(p.name), r, 64);
            int found = 0;
            for (size_t i = 0; i < k && i < 64; i++)
                found |= r[i].id == id;
            CHECK(found || k > 64);
        }
    }
    size_t cursor = 0;
    sr_gazetteer_name nm;
    while (sr_gazetteer_next_name(g, &cursor, &nm))
        CHECK(nm.len >= 2 && strlen(nm.skeleton) == nm.len && nm.place < n);
}

static sr_gazetteer *fresh(int skip)
{
    /* a small cap, so a hostile input cannot take the machine's memory */
    sr_gazetteer_options o = {.skip_bad_lines = skip, .max_bytes = 64u << 20};
    return sr_gazetteer_new(NULL, fold, &o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0 || ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size)
        return 0;
    char err[512];
    for (int skip = 0; skip < 2; skip++) {
        sr_gazetteer *g = fresh(skip);
        if (!g)
            return 0;
        sr_status st = sr_gazetteer_load_geonames(g, path, NULL, NULL, err, sizeof err);
        CHECK(known_status(st));
        CHECK(st == SR_OK || strchr(err, ':'));
        check(g);
        sr_gazetteer_free(g);
    }
    sr_gazetteer *g = fresh(0);
    if (!g)
        return 0;
    CHECK(known_status(sr_gazetteer_load_geonames(g, NULL, path, NULL, err, sizeof err)));
    CHECK(known_status(sr_gazetteer_load_geonames(g, NULL, NULL, path, err, sizeof err)));
    CHECK(known_status(sr_gazetteer_load_local(g, path, err, sizeof err)));
    check(g);
    sr_place r[4];
    (void)sr_gazetteer_lookup(g, (const char *)data, size < 256 ? size : 256, r, 4);
    sr_gazetteer_free(g);
    return 0;
}
