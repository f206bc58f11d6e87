/* sitrep/gazetteer.h - places: GeoNames rows plus local additions, looked up
 * by spelling skeleton.
 *
 * A gazetteer holds populated places, admin areas (governorates, districts)
 * and a few useful features (air bases, border crossings, regions such as
 * "western Aleppo countryside").  It reads two kinds of file:
 *   - the GeoNames dump format (allCountries.txt, XX.txt, or the shipped
 *     data/places/geonames-region.txt) with admin1CodesASCII.txt and
 *     admin2Codes.txt for the names of admin areas;
 *   - the project's own local.tsv (format documented at its top), which adds
 *     places GeoNames lacks, spellings, districts for GeoNames rows, and the
 *     ACLED-style names of admin areas ("Idleb" for GeoNames' "Idlib").
 * Every name and alternate name is indexed by its sr_fold_name skeleton, so
 * "Tell Rifaat", "Tall Rif'at" and "Tal Rifaat" find the same place.
 *
 * Ownership: the gazetteer owns everything it returns.  Strings and records
 * handed out (sr_place, sr_gazetteer_name) stay valid until
 * sr_gazetteer_free; loaders copy what they keep from their files.  The fold
 * table passed to sr_gazetteer_new is borrowed and must outlive the
 * gazetteer.  Loading mutates the handle; once loaded, every lookup is
 * read-only and may run from several threads at once.
 *
 * Errors: the loaders return an sr_status and write "path:line: reason"
 * into ERR (when ERRLEN > 0).  Nothing is printed, nothing aborts. */
#ifndef SITREP_GAZETTEER_H
#define SITREP_GAZETTEER_H

#include "sitrep/fold.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sr_gazetteer sr_gazetteer;

/* What a place is.  GeoNames rows get a kind from their feature code
 * (ADM1 -> governorate, PPLX -> neighbourhood, AIRB -> airbase, ...);
 * local.tsv rows name theirs. */
typedef enum sr_place_kind {
    SR_PLACE_OTHER = 0, /* a feature kept by feature class (hill, dam) */
    SR_PLACE_COUNTRY,
    SR_PLACE_GOVERNORATE, /* admin1: muhafazah, province */
    SR_PLACE_DISTRICT,    /* admin2: mintaqa */
    SR_PLACE_SUBDISTRICT, /* admin3: nahiya */
    SR_PLACE_REGION,      /* an area without admin status: "Eastern Ghouta" */
    SR_PLACE_CITY,
    SR_PLACE_TOWN,
    SR_PLACE_VILLAGE,
    SR_PLACE_NEIGHBOURHOOD,
    SR_PLACE_AIRBASE,  /* air bases and airports */
    SR_PLACE_CROSSING, /* border crossings */
    SR_PLACE_ROAD,
    SR_PLACE_KIND_COUNT
} sr_place_kind;

/* Where sr_place.lat/lon come from. */
typedef enum sr_coords_source {
    SR_COORDS_NONE = 0, /* nothing known: lat = lon = 0 */
    SR_COORDS_OWN,      /* the place's own coordinates */
    SR_COORDS_PARENT,   /* the town it belongs to (local "parent=" note) */
    SR_COORDS_ADMIN     /* the seat of its admin area (district, else
                           governorate): a stand-in, never the place */
} sr_coords_source;

typedef struct sr_place {
    uint32_t id;             /* index in this gazetteer; stable for one load */
    const char *name;        /* preferred name ("Tall Rif'at", "Mizanaz") */
    const char *country;     /* ISO 3166-1 alpha-2, e.g. "SY" */
    const char *admin1;      /* ACLED-style governorate ("Idleb"), or "" */
    const char *admin2;      /* district ("Jebel Saman"), or "" */
    const char *admin1_code; /* GeoNames code "SY.12", or "" */
    const char *admin2_code; /* "SY.12.169388", or "" */
    double lat, lon;         /* see coords */
    int has_coords;          /* 1 when the place has its own coordinates */
    sr_coords_source coords;
    char feature_class;       /* GeoNames class 'P', 'A', 'S', ...; 0 local */
    const char *feature_code; /* "PPLA", "ADM1", ... or "" */
    long long population;     /* 0 when unknown */
    long long geonameid;      /* 0 for local-only places */
    sr_place_kind kind;
    int precision;    /* ACLED geo_precision when the event is at
                         this place: sr_geo_precision(p, 0) */
    const char *note; /* local.tsv note column, or "" */
} sr_place;

/* Loading options.  Zero/NULL fields take the defaults. */
typedef struct sr_gazetteer_options {
    /* Comma-separated ISO codes to keep ("SY,TR,LB"); NULL or "" keeps all. */
    const char *countries;
    /* GeoNames feature classes to keep; NULL = "PAL" (populated places,
     * admin areas, regions). */
    const char *feature_classes;
    /* Feature codes kept whatever their class; NULL = air bases and
     * airports, military installations, border posts and customs, dams,
     * mountains and hills (see gazetteer.c). */
    const char *feature_codes;
    /* Ranked first by sr_gazetteer_lookup; NULL = "SY". */
    const char *home_country;
    /* GeoNames main file only: 0 = the first malformed line fails the load
     * with SR_EFORMAT (right for shipped data); 1 = such lines are skipped
     * and counted (sr_gazetteer_skipped), for huge third-party dumps. */
    int skip_bad_lines;
    /* Hard cap on memory for names and tables; 0 = 4 GiB.  Passing it
     * fails the load with SR_ETOOBIG. */
    size_t max_bytes;
} sr_gazetteer_options;

/* New empty gazetteer.  MEM NULL = sr_mem_default(); FOLD (borrowed, may be
 * NULL for letter rules only) must be the table the report text is folded
 * with; OPT NULL = defaults (copied).  NULL on OOM or bad options. */
sr_gazetteer *sr_gazetteer_new(const sr_mem *mem, const sr_fold_table *fold,
                               const sr_gazetteer_options *opt);
/* Frees the gazetteer and everything it handed out.  NULL is a no-op. */
void sr_gazetteer_free(sr_gazetteer *g);

/* Loads ADMIN1_PATH (admin1CodesASCII.txt: "SY.09<TAB>name<TAB>ascii<TAB>
 * geonameid"), ADMIN2_PATH (admin2Codes.txt, same shape with "SY.09.123")
 * and then MAIN_PATH (19 tab-separated GeoNames columns).  Any path may be
 * NULL.  The file is streamed line by line: memory grows with the rows
 * kept (country and feature filters), not with the file, so the 1.5 GB
 * allCountries.txt loads with a country filter in tens of megabytes.  Rows
 * outside the filters are only checked for their column count.  Cost:
 * linear in file size (plus one sr_fold_name per kept name).
 * Errors: SR_EIO (cannot open/read), SR_EFORMAT (malformed line, unless
 * skip_bad_lines), SR_ETOOBIG (max_bytes), SR_ENOMEM. */
sr_status sr_gazetteer_load_geonames(sr_gazetteer *g, const char *main_path,
                                     const char *admin1_path, const char *admin2_path, char *err,
                                     size_t errlen);

/* Loads a local.tsv file.  Load GeoNames files first: a local row that
 * names a geonameid or an admin code attaches to what is already loaded.
 * Strict: the first malformed line fails with SR_EFORMAT.  Cost: linear. */
sr_status sr_gazetteer_load_local(sr_gazetteer *g, const char *path, char *err, size_t errlen);

/* Malformed GeoNames lines skipped so far (skip_bad_lines only). */
size_t sr_gazetteer_skipped(const sr_gazetteer *g);

/* Candidates for NAME[0..len) (valid UTF-8, as written in the text): the
 * name is folded and looked up; when nothing matches and the skeleton
 * starts with the article "al ", the rest is tried.  Up to MAX (at most
 * 64) candidates go into RESULTS, best first: the home country first, then
 * admin areas (country, governorate, district, sub-district), then by
 * population, then by feature code (capital, seat) and id.  So "Idlib"
 * gives the governorate Idleb, its district, then the city: pick by kind
 * when the text says "city" or "province".  Returns the number of
 * candidates found, which may exceed MAX (only MAX are written); 0 when
 * none, or when the name cannot be folded.  Cost: one sr_fold_name, O(1)
 * average hashing, plus O(n * MAX) for n places sharing the skeleton. */
size_t sr_gazetteer_lookup(const sr_gazetteer *g, const char *name, size_t len, sr_place *results,
                           size_t max);

/* Number of places; ids run from 0 to count - 1. */
size_t sr_gazetteer_count(const sr_gazetteer *g);
/* The place with ID into *OUT; 0 when ID is out of range. */
int sr_gazetteer_place(const sr_gazetteer *g, uint32_t id, sr_place *out);

/* One indexed name, for building a matcher (kb.c puts them in its word table). */
enum {
    SR_NAME_PRIMARY = 1u << 0,   /* the place's own name or ASCII name */
    SR_NAME_ALTERNATE = 1u << 1, /* a GeoNames alternate or local alias */
    SR_NAME_NO_ARTICLE = 1u << 2 /* derived: "al atarib" indexed as "atarib" */
};
typedef struct sr_gazetteer_name {
    const char *skeleton; /* sr_fold_name form, NUL-terminated */
    size_t len;
    uint32_t place; /* sr_gazetteer_place id */
    unsigned flags; /* SR_NAME_* */
} sr_gazetteer_name;

/* Iterates over every (skeleton, place) pair in load order.  Start with
 * *CURSOR = 0; returns 1 and fills *OUT while there are names, then 0.
 * Skeletons repeat when several places share them.  Cost: O(1) per call. */
int sr_gazetteer_next_name(const sr_gazetteer *g, size_t *cursor, sr_gazetteer_name *out);

/* ACLED geo_precision for an event placed at P:
 *   1  the town, village, base or neighbourhood itself, with coordinates;
 *   2  NEAR != 0 ("near X", "the X countryside", "outskirts of X"), a
 *      region such as "western Aleppo countryside", or a place whose
 *      coordinates are its parent town's (a neighbourhood resolved to its
 *      city);
 *   3  only the admin area is known: a governorate, district or country, a
 *      large region, or a place without coordinates of its own or its
 *      parent's.
 * A local "precision=N" note overrides the rule for that place.
 * P NULL gives 3. */
int sr_geo_precision(const sr_place *p, int near);

/* Static lower-case name of a kind ("village"); "other" when unknown. */
const char *sr_place_kind_name(sr_place_kind k);

#ifdef __cplusplus
}
#endif
#endif
