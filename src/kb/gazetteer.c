/* gazetteer.c - the place index: GeoNames and local.tsv loaders, a hash
 * table from spelling skeleton to places, ranked lookup and ACLED geo
 * precision.
 *
 * Layout: places, admin areas and name entries live in growable arrays
 * allocated through the injected sr_mem; every string (names, skeletons,
 * codes) is copied once into one arena.  Three open-addressing hash tables
 * index them: skeleton -> first name entry (entries of one skeleton are
 * chained), admin code ("SY.12") -> admin area, geonameid -> place.  All
 * of it counts against one hard cap (options.max_bytes).
 *
 * Files are read in 64 KiB chunks; a line is handed out in place, and only
 * a line that spans two chunks is copied, so reading costs O(file) time and
 * O(longest line) memory.  A line longer than GZ_MAX_LINE is malformed:
 * the longest rows of allCountries.txt carry some 20 KB of alternate names. */
#include <stdio.h>
#include <string.h>

#include "sitrep/arena.h"
#include "sitrep/gazetteer.h"
#include "kb/kb_int.h"

#define GZ_CHUNK (64u * 1024u)
#define GZ_MAX_LINE (1u << 20)
#define GZ_MAX_SKELETON 512 /* longer names are not indexed: no place has one */
#define GZ_DEFAULT_CAP ((size_t)4 << 30)
#define GZ_NONE UINT32_MAX
#define GZ_MAX_FIELDS 20
#define GZ_MAX_ADMIN_PART 40 /* bytes in one part of an admin code */
#define GZ_MAX_CODE (2 * GZ_MAX_ADMIN_PART + 8)
#define REJECT(msg) return (*why = (msg), SR_REJECT)

/* Feature codes kept by default whatever their class: air bases and
 * airports, military bases, border posts and customs houses, dams, and the
 * mountains and hills that name front lines (Jabal al-Akrad, Tall ...). */
static const char *const default_codes =
    "AIRB,AIRF,AIRH,AIRP,AIRQ,MILB,INSM,PSTB,CSTM,DAM,MT,MTS,HLL,HLLS,PASS";

typedef struct gz_place {
    const char *name;
    const char *fcode;
    const char *admin1_text; /* local override of the admin names, or NULL */
    const char *admin2_text;
    const char *parent; /* local "parent=" town name, or NULL */
    const char *note;
    long long geonameid, population;
    double lat, lon;
    uint32_t admin1, admin2; /* admin table index or GZ_NONE */
    uint32_t parent_id;      /* resolved parent, or GZ_NONE */
    char country[3];
    char fclass;
    uint8_t kind, has_coords, precision, local;
} gz_place;

typedef struct gz_admin {
    const char *code;    /* "SY.12" or "SY.12.169388" */
    const char *name;    /* GeoNames name, or NULL */
    const char *display; /* ACLED-style name from local.tsv, or NULL */
    long long geonameid;
    uint32_t place;  /* the area's own place, or GZ_NONE */
    uint32_t seat;   /* PPLA/PPLC (admin1) or PPLA2 (admin2), or GZ_NONE */
    uint32_t parent; /* the admin1 of an admin2, else GZ_NONE */
    uint8_t level;
} gz_admin;

typedef struct gz_entry {
    const char *skel;
    uint32_t len;
    uint32_t place;
    uint32_t next; /* next entry with the same skeleton, or GZ_NONE */
    uint32_t flags;
} gz_entry;

/* One slot of a hash table.  String tables compare KEY bytes; the id table
 * has KEY NULL and keeps the id itself in HASH. */
typedef struct gz_slot {
    uint64_t hash;
    const char *key;
    uint32_t len;
    uint32_t val; /* GZ_NONE = empty */
} gz_slot;

typedef struct gz_map {
    gz_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t n;
} gz_map;

struct sr_gazetteer {
    const sr_mem *mem;
    const sr_fold_table *fold;
    sr_arena *strings;
    sr_arena *scratch; /* folding while loading; reset per name */
    size_t max_bytes;
    size_t table_bytes; /* bytes held by the arrays and maps below */

    gz_place *places;
    size_t n_places, cap_places;
    gz_admin *admins;
    size_t n_admins, cap_admins;
    gz_entry *entries;
    size_t n_entries, cap_entries;
    uint32_t *local_ids; /* local places, for the resolve pass */
    size_t n_local, cap_local;
    gz_map names, codes, ids;

    unsigned char keep_country[26 * 26];
    int all_countries;
    unsigned char keep_class[26];
    char *codes_list; /* comma-separated, copied */
    char home[3];
    int skip_bad_lines;
    size_t skipped;
};

/* ---- small helpers ---- */

static void set_err(char *err, size_t errlen, const char *path, size_t line, const char *why)
{
    if (!err || !errlen)
        return;
    if (line)
        snprintf(err, errlen, "%s:%zu: %s", path, line, why);
    else
        snprintf(err, errlen, "%s: %s", path, why);
}

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}
static int is_alnum(char c)
{
    return is_upper(c) || is_digit(c) || (c >= 'a' && c <= 'z');
}

/* Strict UTF-8 check (no overlongs, surrogates or code points past
 * U+10FFFF): sr_fold_name requires valid input. */
static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c == 0)
                return 0;
            i++;
            continue;
        }
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (n - i <= k)
            return 0;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return 0;
        for (size_t j = 2; j <= k; j++)
            if ((p[i + j] & 0xC0) != 0x80)
                return 0;
        i += k + 1;
    }
    return 1;
}

/* Unsigned decimal, at most 18 digits. */
static int parse_uint(const char *s, long long *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 18)
        return 0;
    long long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* A decimal degree such as "-36.20175", read without the C locale (strtod
 * would follow LC_NUMERIC).  Checks the range LIMIT. */
static int parse_degree(const char *s, double limit, double *out)
{
    size_t i = 0, digits = 0;
    int neg = 0;
    if (s[i] == '-' || s[i] == '+')
        neg = s[i++] == '-';
    double v = 0, scale = 1;
    while (is_digit(s[i]) && digits < 20) {
        v = v * 10 + (s[i++] - '0');
        digits++;
    }
    if (s[i] == '.') {
        i++;
        while (is_digit(s[i]) && digits < 20) {
            v = v * 10 + (s[i++] - '0');
            scale *= 10;
            digits++;
        }
    }
    if (!digits || s[i] != '\0')
        return 0;
    v /= scale;
    if (v > limit)
        return 0;
    *out = neg ? -v : v;
    return 1;
}

/* Splits LINE at tabs in place; returns the number of fields (at most
 * MAX + 1, meaning "too many"). */
static size_t split(char *line, char sep, char **f, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return max + 1;
        f[n++] = p;
        char *t = strchr(p, sep);
        if (!t)
            return n;
        *t = '\0';
        p = t + 1;
    }
}

static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* ---- memory ---- */

static sr_status grow(sr_gazetteer *g, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return SR_OK;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 4 / elem)
            return SR_ETOOBIG;
        ncap *= 2;
    }
    size_t add = (ncap - *cap) * elem;
    if (g->table_bytes + add + sr_arena_used(g->strings) > g->max_bytes)
        return SR_ETOOBIG;
    void *p = *arr ? g->mem->resize(*arr, ncap * elem, g->mem->ctx)
                   : g->mem->alloc(ncap * elem, g->mem->ctx);
    if (!p)
        return SR_ENOMEM;
    *arr = p;
    *cap = ncap;
    g->table_bytes += add;
    return SR_OK;
}

static const char *keep_str(sr_gazetteer *g, const char *s, size_t n)
{
    return sr_arena_strndup(g->strings, s, n);
}

/* ---- hash tables ---- */

static uint32_t map_find(const gz_map *m, uint64_t hash, const char *key, size_t len)
{
    if (!m->cap)
        return GZ_NONE;
    size_t mask = m->cap - 1;
    for (size_t i = mix(hash) & mask;; i = (i + 1) & mask) {
        const gz_slot *s = &m->slots[i];
        if (s->val == GZ_NONE)
            return GZ_NONE;
        if (s->hash == hash && s->len == len && (!len || memcmp(s->key, key, len) == 0))
            return s->val;
    }
}

/* Slot for HASH/KEY: the existing one, or a new empty one (val GZ_NONE)
 * already holding the key.  NULL on allocation failure or cap. */
static gz_slot *map_slot(sr_gazetteer *g, gz_map *m, uint64_t hash, const char *key, size_t len,
                         sr_status *st)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 1024;
        if (ncap > SIZE_MAX / sizeof(gz_slot) / 2) {
            *st = SR_ETOOBIG;
            return NULL;
        }
        size_t bytes = ncap * sizeof(gz_slot);
        if (g->table_bytes + bytes + sr_arena_used(g->strings) > g->max_bytes) {
            *st = SR_ETOOBIG;
            return NULL;
        }
        gz_slot *ns = g->mem->alloc(bytes, g->mem->ctx);
        if (!ns) {
            *st = SR_ENOMEM;
            return NULL;
        }
        for (size_t i = 0; i < ncap; i++)
            ns[i].val = GZ_NONE;
        for (size_t i = 0; i < m->cap; i++) {
            if (m->slots[i].val == GZ_NONE)
                continue;
            size_t j = mix(m->slots[i].hash) & (ncap - 1);
            while (ns[j].val != GZ_NONE)
                j = (j + 1) & (ncap - 1);
            ns[j] = m->slots[i];
        }
        if (m->slots)
            g->mem->release(m->slots, g->mem->ctx);
        g->table_bytes += bytes - m->cap * sizeof(gz_slot);
        m->slots = ns;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    for (size_t i = mix(hash) & mask;; i = (i + 1) & mask) {
        gz_slot *s = &m->slots[i];
        if (s->val == GZ_NONE) {
            s->hash = hash;
            s->key = key;
            s->len = (uint32_t)len;
            return s;
        }
        if (s->hash == hash && s->len == len && (!len || memcmp(s->key, key, len) == 0))
            return s;
    }
}

/* ---- places, admin areas, names ---- */

static sr_status new_place(sr_gazetteer *g, const char *name, const char *cc, uint32_t *id)
{
    if (g->n_places >= GZ_NONE - 1)
        return SR_ETOOBIG;
    sr_status st = grow(g, (void **)&g->places, &g->cap_places, g->n_places + 1, sizeof(gz_place));
    if (st != SR_OK)
        return st;
    gz_place *p = &g->places[g->n_places];
    memset(p, 0, sizeof *p);
    p->name = keep_str(g, name, strlen(name));
    if (!p->name)
        return SR_ENOMEM;
    p->fcode = "";
    p->note = "";
    p->admin1 = p->admin2 = p->parent_id = GZ_NONE;
    p->country[0] = cc[0];
    p->country[1] = cc[0] ? cc[1] : '\0';
    *id = (uint32_t)g->n_places++;
    return SR_OK;
}

/* 1 when CODE is "CC.X" (DOTS 0) or "CC.X.Y" (DOTS 1): CC two capitals
 * (equal to CC_WANT unless NULL), parts that admin_part_ok accepts. */
static int admin_code_ok(const char *code, const char *cc_want, int dots)
{
    if (!is_upper(code[0]) || !is_upper(code[1]) || code[2] != '.')
        return 0;
    if (cc_want && memcmp(code, cc_want, 2) != 0)
        return 0;
    int seen = 0;
    size_t part = 0;
    for (const char *c = code + 3;; c++) {
        if (*c == '.' || *c == '\0') {
            if (part == 0 || part > GZ_MAX_ADMIN_PART)
                return 0;
            if (*c == '\0')
                break;
            seen++;
            part = 0;
        } else if ((unsigned char)*c >= 0x20 && *c != 0x7f)
            part++;
        else
            return 0;
    }
    return seen == dots;
}

/* The admin area with CODE ("SY.12" or "SY.12.169388"), created empty when
 * missing; an admin2 gets its admin1 parent created too. */
static sr_status admin_get(sr_gazetteer *g, const char *code, uint32_t *out)
{
    size_t len = strlen(code);
    uint64_t h = fnv1a(code, len);
    uint32_t found = map_find(&g->codes, h, code, len);
    if (found != GZ_NONE) {
        *out = found;
        return SR_OK;
    }
    uint32_t parent = GZ_NONE;
    const char *dot = strchr(code + 3, '.');
    if (dot) {
        char a1[GZ_MAX_CODE];
        size_t n = (size_t)(dot - code);
        if (n >= sizeof a1)
            return SR_EFORMAT;
        memcpy(a1, code, n);
        a1[n] = '\0';
        sr_status st = admin_get(g, a1, &parent);
        if (st != SR_OK)
            return st;
    }
    sr_status st = grow(g, (void **)&g->admins, &g->cap_admins, g->n_admins + 1, sizeof(gz_admin));
    if (st != SR_OK)
        return st;
    const char *kept = keep_str(g, code, len);
    if (!kept)
        return SR_ENOMEM;
    gz_slot *s = map_slot(g, &g->codes, h, kept, len, &st);
    if (!s)
        return st;
    gz_admin *a = &g->admins[g->n_admins];
    memset(a, 0, sizeof *a);
    a->code = kept;
    a->place = a->seat = GZ_NONE;
    a->parent = parent;
    a->level = dot ? 2 : 1;
    s->val = (uint32_t)g->n_admins;
    *out = (uint32_t)g->n_admins++;
    g->codes.n++;
    return SR_OK;
}

/* Builds "CC.A1" or "CC.A1.A2" into BUF (GZ_MAX_CODE bytes); 0 if a part
 * is empty.  The parts passed admin_part_ok, so they fit. */
static int admin_code(char *buf, const char *cc, const char *a1, const char *a2)
{
    if (!cc[0] || !*a1 || (a2 && !*a2))
        return 0;
    if (a2)
        snprintf(buf, GZ_MAX_CODE, "%.2s.%s.%s", cc, a1, a2);
    else
        snprintf(buf, GZ_MAX_CODE, "%.2s.%s", cc, a1);
    return 1;
}

static const char *admin_name(const gz_admin *a)
{
    return a->display ? a->display : a->name ? a->name : "";
}

/* Indexes NAME (valid UTF-8) for place ID.  Names that fold to nothing,
 * to a single byte, or to more than GZ_MAX_SKELETON bytes are not indexed.
 * STRIP: also index the skeleton without a leading article ("al atarib"
 * as "atarib"); not done for GeoNames alternates, where it would turn
 * "Al-Sham" (Damascus) into "sham", part of many group names. */
/* Names in scripts English-language reports never use (Cyrillic, Greek,
 * Hebrew, CJK, ...) are not indexed: GeoNames carries dozens per city and
 * folding them dominated start-up.  Latin (with diacritics) and Arabic
 * script are kept. */
static int useful_script(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        unsigned cp;
        int len;
        if ((*p & 0xE0) == 0xC0)
            cp = *p & 0x1F, len = 2;
        else if ((*p & 0xF0) == 0xE0)
            cp = *p & 0x0F, len = 3;
        else if ((*p & 0xF8) == 0xF0)
            cp = *p & 0x07, len = 4;
        else
            return 0;
        for (int i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += len;
        int latin = cp < 0x0250 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2000 && cp < 0x2070);
        int arabic = (cp >= 0x0600 && cp < 0x0780) || (cp >= 0x08A0 && cp < 0x0900) ||
                     (cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00);
        int marks = cp >= 0x0300 && cp < 0x0370; /* combining diacritics */
        if (!latin && !arabic && !marks && cp != 0x02BB && cp != 0x02BC && cp != 0x02BF &&
            cp != 0x02BE)
            return 0;
    }
    return 1;
}

static sr_status add_name(sr_gazetteer *g, uint32_t id, const char *name, unsigned flags, int strip)
{
    size_t n = strlen(name);
    /* a place's own name is always indexed; only alternates are filtered */
    if (!n || (!(flags & SR_NAME_PRIMARY) && !useful_script(name)))
        return SR_OK;
    sr_arena_reset(g->scratch);
    sr_norm f;
    sr_status st = sr_fold(g->scratch, g->fold, name, n, &f);
    if (st != SR_OK)
        return st;
    const char *skel = f.text;
    size_t len = f.len;
    for (int pass = 0; pass < 2; pass++) {
        if (len >= 2 && len <= GZ_MAX_SKELETON) {
            uint64_t h = fnv1a(skel, len);
            gz_slot *s = map_slot(g, &g->names, h, skel, len, &st);
            if (!s)
                return st;
            if (s->val != GZ_NONE && g->entries[s->val].place == id)
                goto next; /* same place, same skeleton: names of one place
                              are added together, so the head shows it */
            if (s->val == GZ_NONE) {
                const char *kept = keep_str(g, skel, len);
                if (!kept)
                    return SR_ENOMEM;
                s->key = kept;
            }
            st = grow(g, (void **)&g->entries, &g->cap_entries, g->n_entries + 1, sizeof(gz_entry));
            if (st != SR_OK)
                return st;
            gz_entry *e = &g->entries[g->n_entries];
            e->skel = s->key;
            e->len = (uint32_t)len;
            e->place = id;
            e->next = s->val;
            e->flags = flags;
            if (s->val == GZ_NONE)
                g->names.n++;
            s->val = (uint32_t)g->n_entries++;
        }
    next:
        /* "al atarib" is also indexed as "atarib": reports drop the article */
        if (strip && pass == 0 && len > 6 && memcmp(skel, "al ", 3) == 0) {
            skel += 3;
            len -= 3;
            flags |= SR_NAME_NO_ARTICLE;
        } else
            break;
    }
    return SR_OK;
}

/* GeoNames alternate names include IATA/ICAO codes ("DAM", "OSDI") and
 * bare numbers, which would match ordinary words in text. */
static int useful_alternate(const char *a)
{
    size_t n = strlen(a), letters = 0, upper_or_digit = 0;
    if (!n || strncmp(a, "http", 4) == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            letters++;
        if (is_upper((char)c) || is_digit((char)c))
            upper_or_digit++;
    }
    if (!letters)
        return 0;
    return !(n <= 4 && upper_or_digit == n);
}

/* ---- kinds and ranking ---- */

static const char *const kind_names[SR_PLACE_KIND_COUNT] = {
    "other", "country", "governorate",   "district", "subdistrict", "region", "city",
    "town",  "village", "neighbourhood", "airbase",  "crossing",    "road"};

const char *sr_place_kind_name(sr_place_kind k)
{
    return (unsigned)k < SR_PLACE_KIND_COUNT ? kind_names[k] : "other";
}

static int kind_parse(const char *s)
{
    for (int k = 1; k < SR_PLACE_KIND_COUNT; k++)
        if (strcmp(s, kind_names[k]) == 0)
            return k;
    return -1;
}

static int code_is(const char *code, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(code, *list) == 0)
            return 1;
    return 0;
}

static sr_place_kind geonames_kind(char cls, const char *code, long long pop)
{
    static const char *const country[] = {"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", NULL};
    static const char *const air[] = {"AIRB", "AIRF", "AIRH", "AIRP", "AIRQ", NULL};
    static const char *const cross[] = {"PSTB", "CSTM", NULL};
    switch (cls) {
    case 'A':
        if (code_is(code, country))
            return SR_PLACE_COUNTRY;
        if (strncmp(code, "ADM1", 4) == 0)
            return SR_PLACE_GOVERNORATE;
        if (strncmp(code, "ADM2", 4) == 0)
            return SR_PLACE_DISTRICT;
        if (strncmp(code, "ADM3", 4) == 0)
            return SR_PLACE_SUBDISTRICT;
        return SR_PLACE_REGION;
    case 'P':
        if (strcmp(code, "PPLX") == 0)
            return SR_PLACE_NEIGHBOURHOOD;
        if (strcmp(code, "PPLC") == 0 || strcmp(code, "PPLA") == 0 || pop >= 100000)
            return SR_PLACE_CITY;
        if (strcmp(code, "PPLA2") == 0 || pop >= 10000)
            return SR_PLACE_TOWN;
        return SR_PLACE_VILLAGE;
    case 'S':
        if (code_is(code, air))
            return SR_PLACE_AIRBASE;
        if (code_is(code, cross))
            return SR_PLACE_CROSSING;
        return SR_PLACE_OTHER;
    case 'L': return SR_PLACE_REGION;
    case 'R': return SR_PLACE_ROAD;
    default: return SR_PLACE_OTHER;
    }
}

static int admin_tier(int kind)
{
    switch (kind) {
    case SR_PLACE_COUNTRY: return 4;
    case SR_PLACE_GOVERNORATE: return 3;
    case SR_PLACE_DISTRICT: return 2;
    case SR_PLACE_SUBDISTRICT: return 1;
    default: return 0;
    }
}

static int fcode_rank(const char *c)
{
    static const char *const order[] = {"PPL", "PPLA4", "PPLA3", "PPLA2", "PPLA", "PPLC", NULL};
    for (int i = 0; order[i]; i++)
        if (strcmp(c, order[i]) == 0)
            return i + 1;
    return 0;
}

/* 1 when place A ranks above place B (see sr_gazetteer_lookup). */
static int better(const sr_gazetteer *g, uint32_t a, uint32_t b)
{
    const gz_place *p = &g->places[a], *q = &g->places[b];
    int ha = memcmp(p->country, g->home, 2) == 0, hb = memcmp(q->country, g->home, 2) == 0;
    if (ha != hb)
        return ha;
    int ta = admin_tier(p->kind), tb = admin_tier(q->kind);
    if (ta != tb)
        return ta > tb;
    if (p->population != q->population)
        return p->population > q->population;
    int ra = fcode_rank(p->fcode), rb = fcode_rank(q->fcode);
    if (ra != rb)
        return ra > rb;
    return a < b;
}

/* ---- filters ---- */

static int keep_country(const sr_gazetteer *g, const char *cc)
{
    if (g->all_countries)
        return 1;
    if (!is_upper(cc[0]) || !is_upper(cc[1]) || cc[2])
        return 0;
    return g->keep_country[(cc[0] - 'A') * 26 + (cc[1] - 'A')];
}

static int keep_feature(const sr_gazetteer *g, const char *cls, const char *code)
{
    if (is_upper(cls[0]) && !cls[1] && g->keep_class[cls[0] - 'A'])
        return 1;
    size_t n = strlen(code);
    if (!n)
        return 0;
    for (const char *p = g->codes_list; (p = strstr(p, code)) != NULL; p++)
        if ((p == g->codes_list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return 1;
    return 0;
}

/* ---- lifecycle ---- */

sr_gazetteer *sr_gazetteer_new(const sr_mem *mem, const sr_fold_table *fold,
                               const sr_gazetteer_options *opt)
{
    if (!mem)
        mem = sr_mem_default();
    sr_gazetteer_options o = {0};
    if (opt)
        o = *opt;
    const char *countries = o.countries ? o.countries : "";
    const char *classes = o.feature_classes ? o.feature_classes : "PAL";
    const char *codes = o.feature_codes ? o.feature_codes : default_codes;
    const char *home = o.home_country ? o.home_country : "SY";
    if (strlen(home) != 2 || !is_upper(home[0]) || !is_upper(home[1]))
        return NULL;
    sr_gazetteer *g = mem->alloc(sizeof *g, mem->ctx);
    if (!g)
        return NULL;
    memset(g, 0, sizeof *g);
    g->mem = mem;
    g->fold = fold;
    g->max_bytes = o.max_bytes ? o.max_bytes : GZ_DEFAULT_CAP;
    g->skip_bad_lines = o.skip_bad_lines;
    memcpy(g->home, home, 3);
    g->strings = sr_arena_new(mem);
    g->scratch = sr_arena_new(mem);
    size_t cl = strlen(codes);
    g->codes_list = mem->alloc(cl + 1, mem->ctx);
    if (!g->strings || !g->scratch || !g->codes_list) {
        sr_gazetteer_free(g);
        return NULL;
    }
    memcpy(g->codes_list, codes, cl + 1);
    sr_arena_set_cap(g->strings, g->max_bytes);
    for (const char *c = classes; *c; c++)
        if (is_upper(*c))
            g->keep_class[*c - 'A'] = 1;
    g->all_countries = 1;
    for (const char *c = countries; *c;) {
        while (*c == ',' || *c == ' ')
            c++;
        if (!*c)
            break;
        if (!is_upper(c[0]) || !is_upper(c[1]) || (c[2] && c[2] != ',' && c[2] != ' ')) {
            sr_gazetteer_free(g);
            return NULL;
        }
        g->keep_country[(c[0] - 'A') * 26 + (c[1] - 'A')] = 1;
        g->all_countries = 0;
        c += 2;
    }
    return g;
}

void sr_gazetteer_free(sr_gazetteer *g)
{
    if (!g)
        return;
    const sr_mem *m = g->mem;
    void *arrays[] = {g->places,      g->admins,      g->entries,   g->local_ids,
                      g->names.slots, g->codes.slots, g->ids.slots, g->codes_list};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        if (arrays[i])
            m->release(arrays[i], m->ctx);
    sr_arena_free(g->strings);
    sr_arena_free(g->scratch);
    m->release(g, m->ctx);
}

size_t sr_gazetteer_skipped(const sr_gazetteer *g)
{
    return g->skipped;
}
size_t sr_gazetteer_count(const sr_gazetteer *g)
{
    return g->n_places;
}

/* ---- line reader ---- */

typedef struct gz_reader {
    FILE *f;
    const sr_mem *mem;
    char *buf; /* GZ_CHUNK + 1 bytes */
    size_t len, pos;
    char *acc; /* a line spanning chunks */
    size_t acc_len, acc_cap;
    int eof;
    size_t lineno;
} gz_reader;

enum { RD_EOF = 0, RD_LINE = 1, RD_LONG = 2, RD_ERROR = -1 };

static void strip_cr(char *line, size_t *len)
{
    if (*len && line[*len - 1] == '\r')
        line[--*len] = '\0';
}

/* Next line, NUL-terminated without its "\n" or "\r\n", writable in place.
 * RD_LONG: a line past GZ_MAX_LINE was consumed.  RD_ERROR: *ST says why. */
static int reader_next(gz_reader *r, char **line, size_t *len, sr_status *st)
{
    int spanning = 0, overlong = 0;
    r->acc_len = 0;
    for (;;) {
        if (r->pos == r->len) {
            if (r->eof) {
                if (!spanning)
                    return RD_EOF;
                break; /* a last line without "\n" */
            }
            r->len = fread(r->buf, 1, GZ_CHUNK, r->f);
            r->pos = 0;
            if (r->len < GZ_CHUNK) {
                if (ferror(r->f)) {
                    *st = SR_EIO;
                    return RD_ERROR;
                }
                r->eof = 1;
            }
            continue;
        }
        char *start = r->buf + r->pos;
        char *nl = memchr(start, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - start) : r->len - r->pos;
        if (!spanning && nl) {
            *nl = '\0';
            r->pos += n + 1;
            r->lineno++;
            *line = start;
            *len = n;
            strip_cr(start, len);
            return RD_LINE;
        }
        spanning = 1;
        if (r->acc_len + n > GZ_MAX_LINE)
            overlong = 1;
        if (!overlong) {
            if (r->acc_len + n + 1 > r->acc_cap) {
                size_t ncap = r->acc_cap ? r->acc_cap : GZ_CHUNK;
                while (ncap < r->acc_len + n + 1)
                    ncap *= 2;
                char *p = r->acc ? r->mem->resize(r->acc, ncap, r->mem->ctx)
                                 : r->mem->alloc(ncap, r->mem->ctx);
                if (!p) {
                    *st = SR_ENOMEM;
                    return RD_ERROR;
                }
                r->acc = p;
                r->acc_cap = ncap;
            }
            memcpy(r->acc + r->acc_len, start, n);
            r->acc_len += n;
        }
        r->pos += n + (nl ? 1 : 0);
        if (nl)
            break;
    }
    r->lineno++;
    if (overlong)
        return RD_LONG;
    r->acc[r->acc_len] = '\0';
    *line = r->acc;
    *len = r->acc_len;
    strip_cr(r->acc, len);
    return RD_LINE;
}

static sr_status reader_open(gz_reader *r, const sr_mem *mem, const char *path)
{
    memset(r, 0, sizeof *r);
    r->mem = mem;
    r->f = fopen(path, "rb");
    if (!r->f)
        return SR_EIO;
    r->buf = mem->alloc(GZ_CHUNK + 1, mem->ctx);
    if (!r->buf) {
        fclose(r->f);
        return SR_ENOMEM;
    }
    return SR_OK;
}

static void reader_close(gz_reader *r)
{
    if (r->f)
        fclose(r->f);
    if (r->buf)
        r->mem->release(r->buf, r->mem->ctx);
    if (r->acc)
        r->mem->release(r->acc, r->mem->ctx);
}

/* A row handler returns SR_OK, SR_REJECT with WHY set (a malformed line),
 * or a fatal status. */
typedef sr_status (*row_fn)(sr_gazetteer *g, char *line, const char **why);

/* Reads PATH line by line through FN.  Blank lines and '#' comments are
 * skipped.  SKIP: malformed lines are counted instead of failing. */
static sr_status load_file(sr_gazetteer *g, const char *path, row_fn fn, int skip, char *err,
                           size_t errlen)
{
    gz_reader r;
    sr_status st = reader_open(&r, g->mem, path);
    if (st != SR_OK) {
        set_err(err, errlen, path, 0, st == SR_EIO ? "cannot open" : "out of memory");
        return st;
    }
    char *line;
    size_t len;
    int k;
    int reported = 0;
    while ((k = reader_next(&r, &line, &len, &st)) != RD_EOF) {
        if (k == RD_ERROR) {
            set_err(err, errlen, path, r.lineno + 1, st == SR_EIO ? "read error" : "out of memory");
            break;
        }
        const char *why = NULL;
        if (k == RD_LONG)
            why = "line longer than 1 MiB";
        else if (len == 0 || line[0] == '#')
            continue;
        else if (memchr(line, '\0', len))
            why = "NUL byte in line";
        else {
            st = fn(g, line, &why);
            if (st == SR_OK)
                continue;
            if (st != SR_REJECT) {
                set_err(err, errlen, path, r.lineno,
                        st == SR_ETOOBIG ? "gazetteer memory cap reached" : sr_status_str(st));
                break;
            }
        }
        if (!reported)
            set_err(err, errlen, path, r.lineno, why);
        reported = 1;
        if (!skip) {
            st = SR_EFORMAT;
            break;
        }
        g->skipped++;
        st = SR_OK;
    }
    if (k == RD_EOF)
        st = SR_OK;
    reader_close(&r);
    return st;
}

/* ---- GeoNames rows ---- */

static int feature_code_ok(const char *s)
{
    for (; *s; s++)
        if (!is_alnum(*s))
            return 0;
    return 1;
}

static sr_status admin_row(sr_gazetteer *g, char *line, const char **why, int level)
{
    char *f[GZ_MAX_FIELDS];
    if (split(line, '\t', f, GZ_MAX_FIELDS) != 4)
        REJECT("expected 4 tab-separated columns");
    const char *code = f[0];
    if (!admin_code_ok(code, NULL, level - 1))
        REJECT(level == 1 ? "admin1 code must look like CC.X"
                          : "admin2 code must look like CC.X.Y");
    if (!*f[1] || !utf8_valid(f[1], strlen(f[1])) || !utf8_valid(f[2], strlen(f[2])))
        REJECT("empty name or invalid UTF-8");
    long long gid = 0;
    if (*f[3] && !parse_uint(f[3], &gid))
        REJECT("bad geonameid");
    char cc[3] = {code[0], code[1], 0};
    if (!keep_country(g, cc))
        return SR_OK;
    uint32_t ai;
    sr_status st = admin_get(g, code, &ai);
    if (st != SR_OK)
        return st;
    gz_admin *a = &g->admins[ai];
    if (!a->name && !(a->name = keep_str(g, f[1], strlen(f[1]))))
        return SR_ENOMEM;
    if (gid)
        a->geonameid = gid;
    uint32_t pid = a->place;
    if (pid == GZ_NONE) {
        if ((st = new_place(g, f[1], cc, &pid)) != SR_OK)
            return st;
        a = &g->admins[ai];
        a->place = pid;
        gz_place *p = &g->places[pid];
        p->kind = level == 1 ? SR_PLACE_GOVERNORATE : SR_PLACE_DISTRICT;
        p->fclass = 'A';
        p->fcode = level == 1 ? "ADM1" : "ADM2";
        p->admin1 = level == 1 ? ai : a->parent;
        p->admin2 = level == 1 ? GZ_NONE : ai;
        p->geonameid = gid;
    }
    if ((st = add_name(g, pid, f[1], SR_NAME_PRIMARY, 1)) != SR_OK)
        return st;
    return add_name(g, pid, f[2], SR_NAME_PRIMARY, 1);
}

static sr_status admin1_row(sr_gazetteer *g, char *line, const char **why)
{
    return admin_row(g, line, why, 1);
}

static sr_status admin2_row(sr_gazetteer *g, char *line, const char **why)
{
    return admin_row(g, line, why, 2);
}

/* GeoNames admin codes are mostly digits or capitals ("09", "ENG"), but
 * some rows of the dump carry names there ("Zelenodol'skiy Rayon"), so any
 * printable text without '.' (the separator of "SY.09.1234") is taken. */
static int admin_part_ok(const char *s)
{
    size_t n = strlen(s);
    if (n > GZ_MAX_ADMIN_PART)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '.' || s[i] == 0x7f)
            return 0;
    return 1;
}

/* Records place ID as the seat of its admin areas when its feature code
 * says so: PPLA/PPLC seat a governorate, PPLA2 (or a PPLA/PPLC with a
 * district) a district.  The first seat seen stays. */
static void note_seat(sr_gazetteer *g, uint32_t id)
{
    const gz_place *p = &g->places[id];
    if (p->fclass != 'P' || !p->has_coords)
        return;
    int capital = strcmp(p->fcode, "PPLA") == 0 || strcmp(p->fcode, "PPLC") == 0;
    if (p->admin1 != GZ_NONE && capital && g->admins[p->admin1].seat == GZ_NONE)
        g->admins[p->admin1].seat = id;
    if (p->admin2 != GZ_NONE && (capital || strcmp(p->fcode, "PPLA2") == 0) &&
        g->admins[p->admin2].seat == GZ_NONE)
        g->admins[p->admin2].seat = id;
}

static sr_status geonames_row(sr_gazetteer *g, char *line, const char **why)
{
    char *f[GZ_MAX_FIELDS];
    if (split(line, '\t', f, GZ_MAX_FIELDS) != 19)
        REJECT("expected 19 tab-separated columns");
    const char *cc = f[8], *cls = f[6], *code = f[7];
    if (!keep_country(g, cc) || !keep_feature(g, cls, code))
        return SR_OK;
    if (*cc && (strlen(cc) != 2 || !is_upper(cc[0]) || !is_upper(cc[1])))
        REJECT("bad country code");
    long long gid, pop = 0;
    double lat, lon;
    if (!parse_uint(f[0], &gid) || gid == 0)
        REJECT("bad geonameid");
    if (!*f[1])
        REJECT("empty name");
    for (int i = 1; i <= 3; i++)
        if (!utf8_valid(f[i], strlen(f[i])))
            REJECT("invalid UTF-8");
    if (!parse_degree(f[4], 90, &lat))
        REJECT("bad latitude");
    if (!parse_degree(f[5], 180, &lon))
        REJECT("bad longitude");
    if (strlen(cls) > 1 || strlen(code) > 10 || !feature_code_ok(code))
        REJECT("bad feature class or code");
    if (!admin_part_ok(f[10]) || !admin_part_ok(f[11]))
        REJECT("bad admin code");
    if (*f[14] && !parse_uint(f[14], &pop))
        REJECT("bad population");
    if (map_find(&g->ids, (uint64_t)gid, NULL, 0) != GZ_NONE)
        REJECT("duplicate geonameid");

    sr_status st;
    char buf[GZ_MAX_CODE];
    uint32_t a1 = GZ_NONE, a2 = GZ_NONE, pid = GZ_NONE;
    if (admin_code(buf, cc, f[10], NULL) && (st = admin_get(g, buf, &a1)) != SR_OK)
        return st;
    if (admin_code(buf, cc, f[10], f[11]) && (st = admin_get(g, buf, &a2)) != SR_OK)
        return st;
    int is_adm1 = cls[0] == 'A' && strcmp(code, "ADM1") == 0 && a1 != GZ_NONE;
    int is_adm2 = cls[0] == 'A' && strcmp(code, "ADM2") == 0 && a2 != GZ_NONE;
    uint32_t area = is_adm1 ? a1 : is_adm2 ? a2 : GZ_NONE;
    if (area != GZ_NONE)
        pid = g->admins[area].place;
    if (pid == GZ_NONE) {
        if ((st = new_place(g, f[1], cc, &pid)) != SR_OK)
            return st;
        if (area != GZ_NONE)
            g->admins[area].place = pid;
    }
    gz_place *p = &g->places[pid];
    p->geonameid = gid;
    p->population = pop;
    p->lat = lat;
    p->lon = lon;
    p->has_coords = 1;
    p->fclass = cls[0];
    p->kind = (uint8_t)geonames_kind(cls[0], code, pop);
    p->admin1 = a1;
    p->admin2 = is_adm1 ? GZ_NONE : a2;
    if (!(p->fcode = keep_str(g, code, strlen(code))))
        return SR_ENOMEM;
    if (area != GZ_NONE && !g->admins[area].name &&
        !(g->admins[area].name = keep_str(g, f[1], strlen(f[1]))))
        return SR_ENOMEM;
    note_seat(g, pid);
    gz_slot *s = map_slot(g, &g->ids, (uint64_t)gid, NULL, 0, &st);
    if (!s)
        return st;
    s->val = pid;
    g->ids.n++;

    if ((st = add_name(g, pid, f[1], SR_NAME_PRIMARY, 1)) != SR_OK ||
        (st = add_name(g, pid, f[2], SR_NAME_PRIMARY, 1)) != SR_OK)
        return st;
    for (char *a = f[3]; a && *a;) {
        char *comma = strchr(a, ',');
        if (comma)
            *comma = '\0';
        const char *alt = trim(a);
        if (useful_alternate(alt) && (st = add_name(g, pid, alt, SR_NAME_ALTERNATE, 0)) != SR_OK)
            return st;
        a = comma ? comma + 1 : NULL;
    }
    return SR_OK;
}

/* ---- local.tsv rows ---- */

/* The admin index of the governorate (LEVEL 1) or district (LEVEL 2)
 * named TEXT in country CC, found through the name index; GZ_NONE when
 * unknown.  Cost: one fold plus the skeleton's chain. */
static uint32_t find_area(const sr_gazetteer *g, const char *cc, const char *text, int level)
{
    char skel[GZ_MAX_SKELETON + 1];
    size_t n = sr_fold_name(g->fold, text, strlen(text), skel, sizeof skel);
    if (n == (size_t)-1 || n == 0)
        return GZ_NONE;
    uint32_t e = map_find(&g->names, fnv1a(skel, n), skel, n);
    for (; e != GZ_NONE; e = g->entries[e].next) {
        const gz_place *p = &g->places[g->entries[e].place];
        if (memcmp(p->country, cc, 2) != 0)
            continue;
        if (level == 1 && p->kind == SR_PLACE_GOVERNORATE && p->admin1 != GZ_NONE)
            return p->admin1;
        if (level == 2 && p->kind == SR_PLACE_DISTRICT && p->admin2 != GZ_NONE)
            return p->admin2;
    }
    return GZ_NONE;
}

/* The parent town of place ID: the best-ranked place of that name in the
 * same country with coordinates of its own, preferring the same admin1. */
static uint32_t find_parent(const sr_gazetteer *g, uint32_t id)
{
    const gz_place *c = &g->places[id];
    char skel[GZ_MAX_SKELETON + 1];
    size_t n = sr_fold_name(g->fold, c->parent, strlen(c->parent), skel, sizeof skel);
    if (n == (size_t)-1 || n == 0)
        return GZ_NONE;
    uint32_t best = GZ_NONE;
    int best_same = 0;
    uint32_t e = map_find(&g->names, fnv1a(skel, n), skel, n);
    for (; e != GZ_NONE; e = g->entries[e].next) {
        uint32_t pid = g->entries[e].place;
        const gz_place *p = &g->places[pid];
        if (pid == id || !p->has_coords || memcmp(p->country, c->country, 2) != 0)
            continue;
        int same = c->admin1 != GZ_NONE && p->admin1 == c->admin1;
        if (best == GZ_NONE || same > best_same || (same == best_same && better(g, pid, best))) {
            best = pid;
            best_same = same;
        }
    }
    return best;
}

/* Resolves what local rows name by text once everything they may name is
 * loaded: admin areas and parent towns.  O(local places). */
static void resolve_local(sr_gazetteer *g)
{
    for (size_t i = 0; i < g->n_local; i++) {
        uint32_t id = g->local_ids[i];
        gz_place *p = &g->places[id];
        if (p->admin1 == GZ_NONE && p->admin1_text)
            p->admin1 = find_area(g, p->country, p->admin1_text, 1);
        if (p->admin2 == GZ_NONE && p->admin2_text)
            p->admin2 = find_area(g, p->country, p->admin2_text, 2);
        note_seat(g, id);
        if (p->parent && p->parent_id == GZ_NONE)
            p->parent_id = find_parent(g, id);
    }
}

static sr_status local_row(sr_gazetteer *g, char *line, const char **why)
{
    char *f[GZ_MAX_FIELDS];
    size_t nf = split(line, '\t', f, GZ_MAX_FIELDS);
    if (nf != 8 && nf != 9)
        REJECT("expected 9 tab-separated columns");
    const char *note = nf == 9 ? f[8] : "";
    for (size_t i = 0; i < nf; i++)
        if (!utf8_valid(f[i], strlen(f[i])))
            REJECT("invalid UTF-8");
    const char *name = trim(f[0]);
    if (!*name)
        REJECT("empty name");
    int kind = kind_parse(f[2]);
    if (kind < 0)
        REJECT("unknown kind (see the header for the list)");
    const char *cc = f[3];
    if (strlen(cc) != 2 || !is_upper(cc[0]) || !is_upper(cc[1]))
        REJECT("country must be an ISO 3166 alpha-2 code");
    double lat = 0, lon = 0;
    int has = *f[6] || *f[7];
    if (has && (!parse_degree(f[6], 90, &lat) || !parse_degree(f[7], 180, &lon)))
        REJECT("latitude and longitude must both be decimal degrees or both be empty");

    /* note: free text; ';'-separated "key=value" items with a known key */
    char notebuf[1024];
    if (strlen(note) >= sizeof notebuf)
        REJECT("note longer than 1023 bytes");
    strcpy(notebuf, note);
    long long gid = 0;
    const char *acode = NULL, *parent = NULL;
    int precision = 0;
    char *items[64];
    size_t ni = split(notebuf, ';', items, 64);
    if (ni > 64)
        REJECT("too many note items");
    for (size_t i = 0; i < ni; i++) {
        char *it = trim(items[i]);
        if (strncmp(it, "geonameid=", 10) == 0) {
            if (!parse_uint(it + 10, &gid) || !gid)
                REJECT("bad geonameid= in note");
        } else if (strncmp(it, "admin=", 6) == 0) {
            acode = it + 6;
            int level = kind == SR_PLACE_GOVERNORATE ? 1 : kind == SR_PLACE_DISTRICT ? 2 : 0;
            if (!level)
                REJECT("admin= needs kind governorate or district");
            if (!admin_code_ok(acode, cc, level - 1))
                REJECT(level == 1 ? "admin= of a governorate must be CC.X with the row's country"
                                  : "admin= of a district must be CC.X.Y with the row's country");
        } else if (strncmp(it, "parent=", 7) == 0) {
            parent = it + 7;
            if (!*parent)
                REJECT("empty parent= in note");
        } else if (strncmp(it, "precision=", 10) == 0) {
            if (strlen(it) != 11 || it[10] < '1' || it[10] > '3')
                REJECT("precision= must be 1, 2 or 3");
            precision = it[10] - '0';
        }
    }
    char *aliases[GZ_MAX_FIELDS * 8];
    size_t na = 0;
    if (*f[1]) {
        na = split(f[1], '|', aliases, sizeof aliases / sizeof aliases[0]);
        if (na > sizeof aliases / sizeof aliases[0])
            REJECT("more than 160 aliases");
        for (size_t i = 0; i < na; i++)
            if (!*(aliases[i] = trim(aliases[i])))
                REJECT("empty alias");
    }

    /* The place: an existing GeoNames row (geonameid=), an existing admin
     * area (admin=), or a new one. */
    sr_status st;
    uint32_t pid = GZ_NONE, area = GZ_NONE;
    if (gid)
        pid = map_find(&g->ids, (uint64_t)gid, NULL, 0);
    if (acode) {
        if ((st = admin_get(g, acode, &area)) != SR_OK)
            return st;
        if (!(g->admins[area].display = keep_str(g, name, strlen(name))))
            return SR_ENOMEM;
        if (pid == GZ_NONE)
            pid = g->admins[area].place;
    }
    int is_new = pid == GZ_NONE;
    if (is_new) {
        if ((st = new_place(g, name, cc, &pid)) != SR_OK)
            return st;
        if (gid) {
            gz_slot *s = map_slot(g, &g->ids, (uint64_t)gid, NULL, 0, &st);
            if (!s)
                return st;
            s->val = pid;
            g->ids.n++;
            g->places[pid].geonameid = gid;
        }
    } else if (memcmp(g->places[pid].country, cc, 2) != 0)
        REJECT("country differs from the place it attaches to");
    if (area != GZ_NONE) {
        gz_admin *a = &g->admins[area];
        if (a->place == GZ_NONE)
            a->place = pid;
        g->places[pid].admin1 = a->level == 1 ? area : a->parent;
        g->places[pid].admin2 = a->level == 2 ? area : GZ_NONE;
    }
    gz_place *p = &g->places[pid];
    if (!is_new && !(p->name = keep_str(g, name, strlen(name))))
        return SR_ENOMEM;
    p->kind = (uint8_t)kind;
    p->local = 1;
    if (has && !p->has_coords) {
        p->lat = lat;
        p->lon = lon;
        p->has_coords = 1;
    }
    if (*f[4] && !(p->admin1_text = keep_str(g, f[4], strlen(f[4]))))
        return SR_ENOMEM;
    if (*f[5] && !(p->admin2_text = keep_str(g, f[5], strlen(f[5]))))
        return SR_ENOMEM;
    if (parent && !(p->parent = keep_str(g, parent, strlen(parent))))
        return SR_ENOMEM;
    if (*note && !(p->note = keep_str(g, note, strlen(note))))
        return SR_ENOMEM;
    if (precision)
        p->precision = (uint8_t)precision;
    st = grow(g, (void **)&g->local_ids, &g->cap_local, g->n_local + 1, sizeof(uint32_t));
    if (st != SR_OK)
        return st;
    g->local_ids[g->n_local++] = pid;
    /* The row's admin names win over the GeoNames codes when they name a
     * known area; otherwise the codes stay and the text is only shown. */
    if (area == GZ_NONE && p->admin1_text) {
        uint32_t a = find_area(g, cc, p->admin1_text, 1);
        if (a != GZ_NONE)
            p->admin1 = a;
    }
    if (area == GZ_NONE && p->admin2_text) {
        uint32_t a = find_area(g, cc, p->admin2_text, 2);
        if (a != GZ_NONE)
            p->admin2 = a;
    }
    note_seat(g, pid);
    if ((st = add_name(g, pid, name, SR_NAME_PRIMARY, 1)) != SR_OK)
        return st;
    for (size_t i = 0; i < na; i++)
        if ((st = add_name(g, pid, aliases[i], SR_NAME_ALTERNATE, 1)) != SR_OK)
            return st;
    return SR_OK;
}

/* ---- public loaders ---- */

sr_status sr_gazetteer_load_geonames(sr_gazetteer *g, const char *main_path,
                                     const char *admin1_path, const char *admin2_path, char *err,
                                     size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!g)
        return SR_EINVAL;
    sr_status st = SR_OK;
    if (admin1_path)
        st = load_file(g, admin1_path, admin1_row, 0, err, errlen);
    if (st == SR_OK && admin2_path)
        st = load_file(g, admin2_path, admin2_row, 0, err, errlen);
    if (st == SR_OK && main_path)
        st = load_file(g, main_path, geonames_row, g->skip_bad_lines, err, errlen);
    resolve_local(g);
    return st;
}

sr_status sr_gazetteer_load_local(sr_gazetteer *g, const char *path, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!g || !path)
        return SR_EINVAL;
    sr_status st = load_file(g, path, local_row, 0, err, errlen);
    resolve_local(g);
    return st;
}

/* ---- lookup ---- */

static void fill(const sr_gazetteer *g, uint32_t id, sr_place *o)
{
    const gz_place *p = &g->places[id];
    const gz_admin *a1 = p->admin1 != GZ_NONE ? &g->admins[p->admin1] : NULL;
    const gz_admin *a2 = p->admin2 != GZ_NONE ? &g->admins[p->admin2] : NULL;
    memset(o, 0, sizeof *o);
    o->id = id;
    o->name = p->name;
    o->country = p->country;
    o->admin1 = p->admin1_text ? p->admin1_text : a1 ? admin_name(a1) : "";
    o->admin2 = p->admin2_text ? p->admin2_text : a2 ? admin_name(a2) : "";
    o->admin1_code = a1 ? a1->code : "";
    o->admin2_code = a2 ? a2->code : "";
    o->feature_class = p->fclass;
    o->feature_code = p->fcode;
    o->population = p->population;
    o->geonameid = p->geonameid;
    o->kind = (sr_place_kind)p->kind;
    o->note = p->note;
    o->has_coords = p->has_coords;
    if (p->has_coords) {
        o->coords = SR_COORDS_OWN;
        o->lat = p->lat;
        o->lon = p->lon;
    } else if (p->parent_id != GZ_NONE) {
        o->coords = SR_COORDS_PARENT;
        o->lat = g->places[p->parent_id].lat;
        o->lon = g->places[p->parent_id].lon;
    } else {
        uint32_t seat = a2 && a2->seat != GZ_NONE ? a2->seat : a1 ? a1->seat : GZ_NONE;
        if (seat != GZ_NONE) {
            o->coords = SR_COORDS_ADMIN;
            o->lat = g->places[seat].lat;
            o->lon = g->places[seat].lon;
        }
    }
    o->precision = p->precision;
    o->precision = sr_geo_precision(o, 0);
}

size_t sr_gazetteer_lookup(const sr_gazetteer *g, const char *name, size_t len, sr_place *results,
                           size_t max)
{
    if (!g || !name || !g->names.cap)
        return 0;
    char skel[GZ_MAX_SKELETON + 1];
    size_t n = sr_fold_name(g->fold, name, len, skel, sizeof skel);
    if (n == (size_t)-1 || n == 0)
        return 0;
    uint32_t e = map_find(&g->names, fnv1a(skel, n), skel, n);
    if (e == GZ_NONE && n > 3 && memcmp(skel, "al ", 3) == 0)
        e = map_find(&g->names, fnv1a(skel + 3, n - 3), skel + 3, n - 3);
    /* Keep the best MAX ids by insertion; duplicates of one place (a merge
     * can index a skeleton twice) rank equal and are dropped. */
    uint32_t top[64];
    size_t cap = max < 64 ? max : 64, kept = 0, total = 0;
    for (; e != GZ_NONE; e = g->entries[e].next) {
        uint32_t id = g->entries[e].place;
        int dup = 0;
        for (size_t i = 0; i < kept && !dup; i++)
            dup = top[i] == id;
        if (dup)
            continue;
        total++;
        if (!cap)
            continue;
        size_t at = kept;
        while (at > 0 && better(g, id, top[at - 1]))
            at--;
        if (at >= cap)
            continue;
        if (kept < cap)
            kept++;
        memmove(top + at + 1, top + at, (kept - 1 - at) * sizeof top[0]);
        top[at] = id;
    }
    for (size_t i = 0; i < kept; i++)
        fill(g, top[i], &results[i]);
    return total;
}

int sr_gazetteer_place(const sr_gazetteer *g, uint32_t id, sr_place *out)
{
    if (!g || id >= g->n_places)
        return 0;
    fill(g, id, out);
    return 1;
}

int kb_gaz_place_brief(const sr_gazetteer *g, uint32_t id, sr_place_kind *kind,
                       long long *population, const char **country)
{
    if (!g || id >= g->n_places)
        return 0;
    const gz_place *p = &g->places[id];
    *kind = (sr_place_kind)p->kind;
    *population = p->population;
    *country = p->country;
    return 1;
}

int sr_gazetteer_next_name(const sr_gazetteer *g, size_t *cursor, sr_gazetteer_name *out)
{
    if (!g || *cursor >= g->n_entries)
        return 0;
    const gz_entry *e = &g->entries[(*cursor)++];
    out->skeleton = e->skel;
    out->len = e->len;
    out->place = e->place;
    out->flags = e->flags;
    return 1;
}

int sr_geo_precision(const sr_place *p, int near)
{
    if (!p)
        return 3;
    int prec = p->precision;
    if (prec < 1 || prec > 3) {
        switch (p->kind) {
        case SR_PLACE_COUNTRY:
        case SR_PLACE_GOVERNORATE:
        case SR_PLACE_DISTRICT:
        case SR_PLACE_SUBDISTRICT: prec = 3; break;
        default:
            if (p->coords == SR_COORDS_NONE || p->coords == SR_COORDS_ADMIN)
                prec = 3;
            else if (p->kind == SR_PLACE_REGION || p->coords == SR_COORDS_PARENT)
                prec = 2;
            else
                prec = 1;
        }
    }
    return near && prec == 1 ? 2 : prec;
}
