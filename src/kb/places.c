/* places.c - the gazetteer inside the knowledge base: loading the shipped
 * (or a user's) GeoNames files and local additions, adding every place name
 * to the matcher, and choosing among places that share a name.
 *
 * Which place a name means is settled by context, the way a reader does it:
 * "Idlib city", "the city of Idlib" and "the town of X" ask for a populated
 * place; "Idlib province", "the Idlib countryside", "rural Idlib" ask for
 * the admin area; otherwise a place in the home country (Syria) beats a
 * namesake abroad ("Benin" near Idlib, not the West African country), and a
 * larger place beats a smaller one.  Cost: one pass over the words around
 * the match; O(candidates) per match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kb/kb_int.h"
#include "sitrep/annotate.h"

/* Context words, folded at load time with the same rules as the text. */
enum {
    W_CITY, W_TOWN, W_VILLAGE, W_PROVINCE, W_GOVERNORATE, W_REGION, W_COUNTRYSIDE,
    W_OUTSKIRTS, W_NEAR, W_AROUND, W_OUTSIDE, W_RURAL, W_OF, W_WEST, W_EAST, W_NORTH,
    W_SOUTH, W_PRESIDENT, W_GOVERNMENT, W_EMBASSY, W_REPUBLIC, W_MINISTER, W_PEOPLE,
    W_CAPITAL, W_COUNT
};
static const char *const context_words[W_COUNT] = {
    "city", "town", "village", "province", "governorate", "region", "countryside", "outskirts",
    "near", "around", "outside", "rural", "of", "west", "east", "north", "south",
    "president", "government", "embassy", "republic", "minister", "people", "capital"};

sr_status kb_load_places(sr_kb *kb, const char *dir, char *err, size_t errlen)
{
    for (int i = 0; i < W_COUNT; i++)
        if ((kb->ctx_len[i] = sr_fold_name(kb->fold, context_words[i], strlen(context_words[i]),
                                           kb->ctx[i], sizeof kb->ctx[i])) == (size_t)-1)
            return SR_ENOMEM;
    if (!dir)
        return SR_OK; /* places disabled */
    char main_path[1100], a1[1100], a2[1100], local[1100];
    snprintf(main_path, sizeof main_path, "%s/places/geonames-region.txt", dir);
    snprintf(a1, sizeof a1, "%s/places/admin1CodesASCII.txt", dir);
    snprintf(a2, sizeof a2, "%s/places/admin2Codes.txt", dir);
    snprintf(local, sizeof local, "%s/places/local.tsv", dir);
    const char *user = getenv("SITREP_GEONAMES"); /* a full GeoNames dump */
    struct stat sb;
    int have_main = stat(user ? user : main_path, &sb) == 0;
    int have_local = stat(local, &sb) == 0;
    if (!have_main && !have_local)
        return SR_OK;
    sr_gazetteer_options o = {0};
    o.skip_bad_lines = user != NULL;
    kb->gaz = sr_gazetteer_new(NULL, kb->fold, &o);
    if (!kb->gaz)
        return SR_ENOMEM;
    sr_status st = SR_OK;
    if (have_main)
        st = sr_gazetteer_load_geonames(kb->gaz, user ? user : main_path,
                                        stat(a1, &sb) == 0 ? a1 : NULL,
                                        stat(a2, &sb) == 0 ? a2 : NULL, err, errlen);
    if (st == SR_OK && have_local)
        st = sr_gazetteer_load_local(kb->gaz, local, err, errlen);
    if (st != SR_OK)
        return st;
    size_t cursor = 0;
    sr_gazetteer_name nm;
    while (sr_gazetteer_next_name(kb->gaz, &cursor, &nm)) {
        if (nm.len < 3)
            continue; /* two-letter names are mostly noise in English text */
        /* abroad, only the names English reports use for real towns: the
         * primary name of an admin area or a place of 5,000 or more (the
         * alternates of every Turkish and Israeli village were half the
         * matcher and almost never appear in Syria coverage) */
        sr_place pl;
        if (sr_gazetteer_place(kb->gaz, nm.place, &pl) && strcmp(pl.country, "SY")) {
            int admin = pl.kind == SR_PLACE_COUNTRY || pl.kind == SR_PLACE_GOVERNORATE ||
                        pl.kind == SR_PLACE_DISTRICT || pl.kind == SR_PLACE_REGION;
            if (!(nm.flags & SR_NAME_PRIMARY) || (!admin && pl.population < 5000))
                continue;
        }
        st = kb_add_folded(kb, nm.skeleton, nm.len, KT_GAZ, (int)nm.place, KF_CAPITAL);
        if (st != SR_OK)
            return st;
    }
    return SR_OK;
}

/* Is the folded word at F[i..) equal to W (whole word)? */
static int word_at(const char *f, size_t flen, size_t i, const char *w, size_t n)
{
    /* the word's end and first letter reject nearly every candidate */
    return i + n <= flen && (i + n == flen || f[i + n] == ' ') && f[i] == w[0] &&
           !memcmp(f + i, w, n);
}

/* Start of the word ending just before position I (I is a space or 0). */
static size_t word_before(const char *f, size_t i)
{
    if (i < 2)
        return (size_t)-1;
    size_t e = i - 1; /* the space */
    size_t s = e;
    while (s > 0 && f[s - 1] != ' ')
        s--;
    return s;
}

enum { WANT_ANY = 0, WANT_TOWN, WANT_ADMIN, WANT_COUNTRY };

int kb_place_choose(const sr_kb *kb, const kb_pattern *p, const char *f, size_t start, size_t end,
                    size_t flen, int *near)
{
    int want = WANT_ANY;
    *near = 0;
#define AT(i, w) word_at(f, flen, (i), kb->ctx[w], kb->ctx_len[w])
    size_t after = end + 1;
    /* "Idlib city" / "Idlib province" / "the Idlib countryside" */
    if (after < flen) {
        if (AT(after, W_CITY) || AT(after, W_TOWN) || AT(after, W_VILLAGE))
            want = WANT_TOWN;
        else if (AT(after, W_PROVINCE) || AT(after, W_GOVERNORATE) || AT(after, W_REGION))
            want = WANT_ADMIN;
        else if (AT(after, W_COUNTRYSIDE) || AT(after, W_OUTSKIRTS))
            *near = 1;
    }
    /* "the city of X", "near X", "west of X", "countryside of X", "rural X" */
    size_t w1 = word_before(f, start);
    if (w1 != (size_t)-1) {
        if (AT(w1, W_NEAR) || AT(w1, W_AROUND) || AT(w1, W_OUTSIDE))
            *near = 1;
        if (AT(w1, W_RURAL)) {
            *near = 1;
            want = WANT_ADMIN;
        }
        size_t w2 = AT(w1, W_OF) ? word_before(f, w1) : (size_t)-1;
        if (w2 != (size_t)-1) {
            if (AT(w2, W_CITY) || AT(w2, W_TOWN) || AT(w2, W_VILLAGE))
                want = WANT_TOWN;
            else if (AT(w2, W_PROVINCE) || AT(w2, W_GOVERNORATE))
                want = WANT_ADMIN;
            /* "the President of Benin", "the government of X": a state */
            else if (AT(w2, W_PRESIDENT) || AT(w2, W_GOVERNMENT) || AT(w2, W_EMBASSY) ||
                     AT(w2, W_REPUBLIC) || AT(w2, W_MINISTER) || AT(w2, W_PEOPLE) ||
                     AT(w2, W_CAPITAL))
                want = WANT_COUNTRY;
            else if (AT(w2, W_WEST) || AT(w2, W_EAST) || AT(w2, W_NORTH) || AT(w2, W_SOUTH) ||
                     AT(w2, W_OUTSKIRTS) || AT(w2, W_COUNTRYSIDE))
                *near = 1;
        }
    }
#undef AT
    int best = -1;
    long long best_score = -1;
    for (int i = 0; i < p->n_targets; i++) {
        const kb_target *t = &kb->targets[p->first_target + i];
        long long score;
        int ref;
        if (t->type == KT_PLACE) {
            ref = t->index;
            /* a country: fine unless a town was asked for */
            score = want == WANT_TOWN ? 1 : want == WANT_COUNTRY ? 2000000000 : 3000000;
            if (!strcmp(kb->places[t->index].name, "Syria"))
                score += 1000000000;
        } else if (t->type == KT_GAZ && kb->gaz) {
            sr_place_kind kind;
            long long population;
            const char *country;
            if (!kb_gaz_place_brief(kb->gaz, (uint32_t)t->index, &kind, &population, &country))
                continue;
            ref = KB_GAZ_BASE + t->index;
            int admin = kind == SR_PLACE_GOVERNORATE || kind == SR_PLACE_DISTRICT ||
                        kind == SR_PLACE_SUBDISTRICT || kind == SR_PLACE_REGION ||
                        kind == SR_PLACE_COUNTRY;
            score = population + 1;
            int home = !strcmp(country, "SY");
            /* a one-word name abroad is far more often a person or a word
             * ("Omar", "Ali") than a small foreign town: keep real cities */
            if (!home && !admin && !memchr(p->folded, ' ', p->len) && population < 50000)
                continue;
            if (home)
                score += 100000000; /* home country first */
            if (want == WANT_TOWN && admin)
                score /= 1000;
            if (want == WANT_ADMIN && admin)
                score += 500000000;
            if (want == WANT_ANY && !admin)
                score += 1000; /* towns over same-named districts */
        } else
            continue;
        if (score > best_score) {
            best_score = score;
            best = ref;
        }
    }
    return best;
}

void kb_place_fill(const sr_kb *kb, int ref, int near, struct sr_place_ref *w)
{
    memset(w, 0, sizeof *w);
    if (ref >= KB_GAZ_BASE && kb->gaz) {
        sr_place pl;
        if (!sr_gazetteer_place(kb->gaz, (uint32_t)(ref - KB_GAZ_BASE), &pl))
            return;
        w->location = pl.name;
        w->admin1 = pl.admin1;
        w->admin2 = pl.admin2;
        w->country = pl.country;
        w->lat = pl.lat;
        w->lon = pl.lon;
        w->has_coords = pl.coords != SR_COORDS_NONE;
        w->geo_precision = sr_geo_precision(&pl, near);
        w->is_area = pl.kind == SR_PLACE_COUNTRY || pl.kind == SR_PLACE_GOVERNORATE ||
                     pl.kind == SR_PLACE_DISTRICT || pl.kind == SR_PLACE_SUBDISTRICT ||
                     pl.kind == SR_PLACE_REGION;
        return;
    }
    if (ref >= 0 && (size_t)ref < kb->n_places) {
        const kb_place *p = &kb->places[ref];
        w->location = p->name;
        w->country = p->country;
        w->admin1 = p->admin1;
        w->admin2 = p->admin2;
        w->geo_precision = 3;
        w->is_area = 1;
    }
}
