/* kb.c - loading the knowledge files and compiling the matcher.
 *
 * Files (all in the data directory, each documented at its top):
 *   fold.tsv       transliteration word table (fold.h)
 *   countries.tsv  every country; generates its government, military,
 *                  police and civilian actors, and the country as a place
 *   actors.tsv     actors; a row whose id was generated from countries.tsv
 *                  overrides its name and kind and adds aliases
 *   relations.tsv  dated memberships, backing, leadership, renamings
 *   cues.tsv       hedges, attribution, negation, future, agent phrases
 *   places/        the gazetteer (gazetteer.h), when present
 * Every alias, place name and cue is folded to its skeleton and goes into
 * one hash table of whole-word runs (kb_scan), built at load in a few
 * milliseconds.  Loading is linear in the size of the files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kb/kb_int.h"
#include "sitrep/annotate.h"
#include "sitrep/buf.h"
#include "sitrep/timex.h"

#define KB_MAX_FIELDS 12
#define KB_MAX_LINE 65536
#define KB_MAX_FILE ((size_t)256 << 20)

static const char *const kind_names[SR_ACTOR_KIND_COUNT] = {
    "armed_group", "coalition", "state_force", "government",  "police",  "person",
    "civilians",   "unidentified", "monitor", "news_outlet", "political", "international_org",
    "protesters",  "rioters"};

static const char *const rel_names[SR_REL_TYPE_COUNT] = {"member_of", "allied",   "hostile",
                                                          "backed_by", "leads",    "formerly",
                                                          "controls"};

static const char *const cue_names[CUE_KIND_COUNT] = {
    "hedge",        "source_intro", "source",  "negation",      "future",
    "agent_suffix", "agent_prefix", "backing", "generic_actor", "anaphor", "trigger"};

const char *sr_actor_kind_name(sr_actor_kind k)
{
    return (unsigned)k < SR_ACTOR_KIND_COUNT ? kind_names[k] : "?";
}

const char *sr_relation_type_name(sr_relation_type t)
{
    return (unsigned)t < SR_REL_TYPE_COUNT ? rel_names[t] : "?";
}

size_t sr_kb_actor_count(const sr_kb *kb) { return kb->n_actors; }
const sr_actor *sr_kb_actor(const sr_kb *kb, size_t i) { return i < kb->n_actors ? &kb->actors[i] : NULL; }
size_t sr_kb_relation_count(const sr_kb *kb) { return kb->n_relations; }
const sr_kb_relation *sr_kb_relation_at(const sr_kb *kb, size_t i)
{
    return i < kb->n_relations ? &kb->relations[i] : NULL;
}
size_t sr_kb_pattern_count(const sr_kb *kb) { return kb->n_patterns; }

/* ---- small utilities ---- */

static void *grow(void *arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return arr;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(arr, nc * size);
    if (p)
        *cap = nc;
    return p;
}
#define PUSH(kb, arr, n, cap)                                                                      \
    ((kb)->arr = grow((kb)->arr, &(kb)->cap, (kb)->n, sizeof *(kb)->arr),                         \
     (kb)->arr ? &(kb)->arr[(kb)->n++] : NULL)

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static const char *kb_strndup(sr_kb *kb, const char *s, size_t n)
{
    return sr_arena_strndup(kb->arena, s, n);
}

/* Parses "", "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
static int parse_date(const char *s, sr_date *d)
{
    memset(d, 0, sizeof *d);
    if (!*s)
        return 0;
    int y = 0, m = 0, day = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &day, &n) == 3 && !s[n]) {
    } else if (sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && !s[n]) {
        day = 0;
    } else if (sscanf(s, "%4d%n", &y, &n) == 1 && !s[n]) {
        m = day = 0;
    } else
        return -1;
    if (y < 1000 || y > 2100 || m < 0 || m > 12 || day < 0 || day > 31)
        return -1;
    *d = (sr_date){y, m, day};
    return 0;
}

typedef struct tsv {
    const char *path;
    char *data;
    size_t len, pos, line;
    char *fields[KB_MAX_FIELDS];
    int nf;
    char *err;
    size_t errlen;
} tsv;

static sr_status tsv_open(tsv *t, sr_kb *kb, const char *path, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    t->err = err;
    t->errlen = errlen;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return SR_EIO;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n < 0 || (size_t)n > KB_MAX_FILE) {
        fclose(f);
        snprintf(err, errlen, "%s: too large", path);
        return SR_ETOOBIG;
    }
    t->data = malloc((size_t)n + 1);
    if (!t->data) {
        fclose(f);
        return SR_ENOMEM;
    }
    t->len = fread(t->data, 1, (size_t)n, f);
    t->data[t->len] = '\0';
    fclose(f);
    return SR_OK;
}

static void tsv_close(tsv *t) { free(t->data); }

static sr_status tsv_fail(tsv *t, const char *why)
{
    snprintf(t->err, t->errlen, "%s:%zu: %s", t->path, t->line, why);
    return SR_EFORMAT;
}

/* Next data line split on tabs; 1 = got one, 0 = end, -1 = error. */
static int tsv_next(tsv *t, int want_min, int want_max)
{
    while (t->pos < t->len) {
        char *s = t->data + t->pos;
        char *nl = memchr(s, '\n', t->len - t->pos);
        size_t n = nl ? (size_t)(nl - s) : t->len - t->pos;
        t->pos += n + (nl != NULL);
        t->line++;
        if (n && s[n - 1] == '\r')
            n--;
        s[n] = '\0';
        if (!n || s[0] == '#')
            continue;
        if (n > KB_MAX_LINE) {
            tsv_fail(t, "line too long");
            return -1;
        }
        if (memchr(s, '\0', n)) {
            tsv_fail(t, "NUL byte in line");
            return -1;
        }
        t->nf = 0;
        char *p = s;
        for (;;) {
            if (t->nf == KB_MAX_FIELDS) {
                tsv_fail(t, "too many columns");
                return -1;
            }
            t->fields[t->nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (t->nf < want_min || t->nf > want_max) {
            char why[96];
            snprintf(why, sizeof why, "expected %d to %d tab-separated columns, found %d", want_min,
                     want_max, t->nf);
            tsv_fail(t, why);
            return -1;
        }
        return 1;
    }
    return 0;
}

/* ---- patterns ---- */

static int find_slot(const sr_kb *kb, const char *s, size_t n, uint64_t h)
{
    size_t mask = kb->n_slots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        int p = kb->slots[i];
        if (p < 0)
            return (int)i;
        if (kb->patterns[p].len == n && !memcmp(kb->patterns[p].folded, s, n))
            return (int)i;
    }
}

static sr_status rehash(sr_kb *kb)
{
    size_t ns = kb->n_slots ? kb->n_slots * 2 : 4096;
    int *old = kb->slots;
    size_t old_n = kb->n_slots;
    kb->slots = malloc(ns * sizeof *kb->slots);
    if (!kb->slots) {
        kb->slots = old;
        return SR_ENOMEM;
    }
    for (size_t i = 0; i < ns; i++)
        kb->slots[i] = -1;
    kb->n_slots = ns;
    for (size_t i = 0; i < old_n; i++)
        if (old[i] >= 0) {
            const kb_pattern *p = &kb->patterns[old[i]];
            kb->slots[find_slot(kb, p->folded, p->len, fnv(1469598103934665603ull, p->folded, p->len))] = old[i];
        }
    free(old);
    return SR_OK;
}

/* Acronym: 2..5 characters, all capitals or digits, at least 2 capitals. */
static int is_acronym(const char *s, size_t n)
{
    if (n < 2 || n > 6)
        return 0;
    int caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        else if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '.')
            return 0;
    }
    return caps >= 2 || (n == 2 && caps == 2);
}

sr_status kb_add_alias(sr_kb *kb, const char *alias, size_t len, kb_target_type type, int index,
                       unsigned extra_flags)
{
    while (len && (alias[0] == ' '))
        alias++, len--;
    while (len && alias[len - 1] == ' ')
        len--;
    if (!len)
        return SR_OK;
    char folded[512];
    size_t fl = sr_fold_name(kb->fold, alias, len, folded, sizeof folded);
    if (fl == (size_t)-1 || fl == 0)
        return SR_OK;
    unsigned flags = extra_flags;
    if (is_acronym(alias, len))
        flags |= KF_ACRONYM;
    /* a name written with a capital must be a capitalised name in the text */
    else if (alias[0] >= 'A' && alias[0] <= 'Z')
        flags |= KF_CAPITAL;
    sr_status st = kb_add_folded(kb, folded, fl, type, index, flags);
    /* "Turkey's army" is also "Turkeys army" in copy that lost its
     * apostrophes (the fold drops a possessive "'s" with its s) */
    const char *ap = memchr(alias, '\'', len);
    if (st == SR_OK && ap && ap + 2 < alias + len && ap[1] == 's' && ap[2] == ' ' && len < 256) {
        char bare[256];
        size_t k = (size_t)(ap - alias);
        memcpy(bare, alias, k);
        memcpy(bare + k, ap + 1, len - k - 1);
        st = kb_add_alias(kb, bare, len - 1, type, index, extra_flags);
    }
    return st;
}

sr_status kb_add_folded(sr_kb *kb, const char *folded, size_t fl, kb_target_type type, int index,
                        unsigned flags)
{
    if (kb->n_patterns * 2 >= kb->n_slots && rehash(kb) != SR_OK)
        return SR_ENOMEM;
    uint64_t h = fnv(1469598103934665603ull, folded, fl);
    int slot = find_slot(kb, folded, fl, h);
    int pi = kb->slots[slot];
    if (pi < 0) {
        kb_pattern *p = PUSH(kb, patterns, n_patterns, cap_patterns);
        if (!p)
            return SR_ENOMEM;
        p->folded = kb_strndup(kb, folded, fl);
        p->len = fl;
        p->first_target = -1;
        p->n_targets = 0;
        p->types = p->stopword = p->any_case = p->plural = p->common = 0;
        if (!p->folded)
            return SR_ENOMEM;
        pi = (int)kb->n_patterns - 1;
        kb->slots[slot] = pi;
    }
    /* the same target twice (two aliases folding alike) is kept once */
    for (size_t i = kb->n_pairs; i-- > 0 && kb->pairs[i].pattern == pi;)
        if (kb->pairs[i].target.type == type && kb->pairs[i].target.index == index)
            return SR_OK;
    struct kb_pair *pr = PUSH(kb, pairs, n_pairs, cap_pairs);
    if (!pr)
        return SR_ENOMEM;
    pr->pattern = pi;
    pr->target = (kb_target){(unsigned char)type, (unsigned char)flags, index};
    return SR_OK;
}

static sr_status add_aliases(sr_kb *kb, const char *list, kb_target_type type, int index)
{
    const char *p = list;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        sr_status st = kb_add_alias(kb, p, n, type, index, 0);
        if (st != SR_OK)
            return st;
        if (!bar)
            break;
        p = bar + 1;
    }
    return SR_OK;
}

/* ---- actors ---- */

static size_t id_slot(const sr_kb *kb, const char *id)
{
    size_t mask = kb->n_id_slots - 1;
    size_t i = (size_t)fnv(1469598103934665603ull, id, strlen(id)) & mask;
    while (kb->id_slots[i] >= 0 && strcmp(kb->actors[kb->id_slots[i]].id, id))
        i = (i + 1) & mask;
    return i;
}

int sr_kb_actor_find(const sr_kb *kb, const char *id)
{
    if (!kb->n_id_slots)
        return -1;
    return kb->id_slots[id_slot(kb, id)];
}

/* Indexes actor I by its id (the table stays under half full). */
static int index_actor(sr_kb *kb, int i)
{
    if ((size_t)(i + 1) * 2 > kb->n_id_slots) {
        size_t ns = kb->n_id_slots ? kb->n_id_slots * 2 : 1024;
        int *nsl = malloc(ns * sizeof *nsl);
        if (!nsl)
            return -1;
        free(kb->id_slots);
        kb->id_slots = nsl;
        kb->n_id_slots = ns;
        for (size_t k = 0; k < ns; k++)
            nsl[k] = -1;
        for (int k = 0; k < i; k++)
            kb->id_slots[id_slot(kb, kb->actors[k].id)] = k;
    }
    kb->id_slots[id_slot(kb, kb->actors[i].id)] = i;
    return 0;
}

static int valid_id(const char *s)
{
    if (!(*s >= 'A' && *s <= 'Z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static int add_actor(sr_kb *kb, const char *id, const char *name, sr_actor_kind kind, int inter,
                     const char *country)
{
    int i = sr_kb_actor_find(kb, id);
    if (i < 0) {
        sr_actor *a = PUSH(kb, actors, n_actors, cap_actors);
        if (!a)
            return -1;
        memset(a, 0, sizeof *a);
        a->id = kb_strndup(kb, id, strlen(id));
        i = (int)kb->n_actors - 1;
        if (!a->id || index_actor(kb, i))
            return -1;
    }
    sr_actor *a = &kb->actors[i];
    if ((size_t)i < kb->n_name_indexed)
        kb->n_name_indexed = 0; /* a renamed actor: the name index is stale */
    a->name = kb_strndup(kb, name, strlen(name));
    a->kind = kind;
    a->inter = inter;
    a->country = kb_strndup(kb, country, strlen(country));
    if (!a->id || !a->name || !a->country)
        return -1;
    if (kb_add_alias(kb, name, strlen(name), KT_ACTOR, i, 0) != SR_OK)
        return -1;
    return i;
}

sr_status sr_kb_load_actors(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    while ((r = tsv_next(&t, 6, 8)) == 1) {
        char **f = t.fields;
        const char *from = t.nf > 6 ? f[6] : "", *to = t.nf > 7 ? f[7] : "";
        if (!valid_id(f[0])) {
            st = tsv_fail(&t, "id must match [A-Z][A-Z0-9_]*");
            break;
        }
        if (!f[1][0]) {
            st = tsv_fail(&t, "empty name");
            break;
        }
        int kind = -1;
        for (int k = 0; k < SR_ACTOR_KIND_COUNT; k++)
            if (!strcmp(f[2], kind_names[k]))
                kind = k;
        if (kind < 0) {
            st = tsv_fail(&t, "unknown kind (see the list at the top of the file)");
            break;
        }
        char *end;
        long inter = strtol(f[3], &end, 10);
        if (!f[3][0] || *end || inter < 0 || inter > 8) {
            st = tsv_fail(&t, "inter must be an ACLED code 0..8");
            break;
        }
        sr_date df, dt;
        if (parse_date(from, &df) || parse_date(to, &dt)) {
            st = tsv_fail(&t, "dates must be YYYY, YYYY-MM or YYYY-MM-DD");
            break;
        }
        int i = add_actor(kb, f[0], f[1], (sr_actor_kind)kind, (int)inter, f[4]);
        if (i < 0) {
            st = SR_ENOMEM;
            break;
        }
        kb->actors[i].valid_from = df;
        kb->actors[i].valid_to = dt;
        if ((st = add_aliases(kb, f[5], KT_ACTOR, i)) != SR_OK)
            break;
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    return st;
}

/* ---- countries ---- */

static sr_status gen_aliases(sr_kb *kb, int actor, const char *const *forms, size_t nforms,
                             const char *demonyms, const char *name)
{
    char buf[256];
    for (size_t k = 0; k < nforms; k++) {
        const char *form = forms[k];
        if (strstr(form, "%N")) {
            const char *at = strstr(form, "%N");
            snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - form), form, name, at + 2);
            if (kb_add_alias(kb, buf, strlen(buf), KT_ACTOR, actor, 0) != SR_OK)
                return SR_ENOMEM;
            continue;
        }
        const char *p = demonyms;
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            const char *at = strstr(form, "%D");
            snprintf(buf, sizeof buf, "%.*s%.*s%s", (int)(at - form), form, (int)n, p, at + 2);
            if (n && kb_add_alias(kb, buf, strlen(buf), KT_ACTOR, actor, 0) != SR_OK)
                return SR_ENOMEM;
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    return SR_OK;
}

sr_status sr_kb_load_countries(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    /* How news refers to a state's institutions; %D = demonym, %N = name.
     * ACLED names them "Government of X", "Military Forces of X",
     * "Police Forces of X" and "Civilians (X)". */
    static const char *const gov[] = {"%D government", "government of %N", "%D authorities",
                                      "%N's government", "%D officials"};
    static const char *const mil[] = {"%D army",        "%D military",       "%D armed forces",
                                      "%D forces",      "%D troops",         "%D soldiers",
                                      "%D air force",   "%D warplanes",      "%D jets",
                                      "%D aircraft",    "%D special forces", "%D navy",
                                      "army of %N",     "%N's army",         "%D military forces",
                                      "%D army forces", "%D aerospace forces",
                                      /* outlets hostile to a state's presence */
                                      "%D occupation army", "%D occupation forces",
                                      "%D occupation drone"};
    static const char *const pol[] = {"%D police", "police of %N", "%D police forces",
                                      "%D security forces"};
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    while ((r = tsv_next(&t, 4, 5)) == 1) {
        char **f = t.fields;
        const char *iso = f[0], *name = f[1], *dem = f[2], *aliases = f[3];
        const char *capital = t.nf > 4 ? f[4] : "";
        if (strlen(iso) != 2 || iso[0] < 'A' || iso[0] > 'Z' || iso[1] < 'A' || iso[1] > 'Z') {
            st = tsv_fail(&t, "iso2 must be two capital letters");
            break;
        }
        if (!name[0] || !dem[0]) {
            st = tsv_fail(&t, "name and demonym are required");
            break;
        }
        char id[16], nm[256];
        /* the country as a place */
        kb_place *pl = PUSH(kb, places, n_places, cap_places);
        if (!pl) {
            st = SR_ENOMEM;
            break;
        }
        memset(pl, 0, sizeof *pl);
        pl->name = pl->country = kb_strndup(kb, name, strlen(name));
        pl->is_country = 1;
        int pidx = (int)kb->n_places - 1;
        if (kb_add_alias(kb, name, strlen(name), KT_PLACE, pidx, KF_CAPITAL) != SR_OK ||
            add_aliases(kb, aliases, KT_PLACE, pidx) != SR_OK) {
            st = SR_ENOMEM;
            break;
        }
        /* the state's actors, and its unnamed crowds as ACLED names them */
        static const struct {
            const char *prefix, *format;
            sr_actor_kind kind;
            int inter;
        } per_country[] = {
            {"GOV", "Government of %s", SR_ACTOR_GOVERNMENT, 1},
            {"MIL", "Military Forces of %s", SR_ACTOR_STATE_FORCE, 1},
            {"POL", "Police Forces of %s", SR_ACTOR_POLICE, 1},
            {"CIV", "Civilians (%s)", SR_ACTOR_CIVILIANS, 7},
            {"PRO", "Protesters (%s)", SR_ACTOR_PROTESTERS, 6},
            {"RIO", "Rioters (%s)", SR_ACTOR_RIOTERS, 5},
        };
        int made[sizeof per_country / sizeof *per_country];
        for (size_t k = 0; k < sizeof per_country / sizeof *per_country && st == SR_OK; k++) {
            snprintf(id, sizeof id, "%s_%s", per_country[k].prefix, iso);
            snprintf(nm, sizeof nm, per_country[k].format, name);
            made[k] = add_actor(kb, id, nm, per_country[k].kind, per_country[k].inter, name);
            if (made[k] < 0)
                st = SR_ENOMEM;
        }
        if (st != SR_OK)
            break;
        int g = made[0], m = made[1], p = made[2];
        /* the country's name and capital stand for its government */
        if (kb_add_alias(kb, name, strlen(name), KT_ACTOR, g, KF_CAPITAL) != SR_OK ||
            add_aliases(kb, aliases, KT_ACTOR, g) != SR_OK ||
            (capital[0] && kb_add_alias(kb, capital, strlen(capital), KT_ACTOR, g, KF_CAPITAL)) ||
            gen_aliases(kb, g, gov, sizeof gov / sizeof *gov, dem, name) != SR_OK ||
            gen_aliases(kb, m, mil, sizeof mil / sizeof *mil, dem, name) != SR_OK ||
            gen_aliases(kb, p, pol, sizeof pol / sizeof *pol, dem, name) != SR_OK) {
            st = SR_ENOMEM;
            break;
        }
        /* "Turkish-backed": the demonym as a backer cue target */
        const char *d = dem;
        while (*d) {
            const char *bar = strchr(d, '|');
            size_t n = bar ? (size_t)(bar - d) : strlen(d);
            char b[128];
            snprintf(b, sizeof b, "%.*s", (int)n, d);
            if (kb_add_alias(kb, b, n, KT_ACTOR, g, KF_CAPITAL | KF_DEMONYM) != SR_OK) {
                st = SR_ENOMEM;
                break;
            }
            if (!bar)
                break;
            d = bar + 1;
        }
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    return st;
}

/* ---- relations ---- */

static int actor_ref(sr_kb *kb, const char *id)
{
    return sr_kb_actor_find(kb, id);
}

sr_status sr_kb_load_relations(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    while ((r = tsv_next(&t, 3, 6)) == 1) {
        char **f = t.fields;
        int type = -1;
        for (int k = 0; k < SR_REL_TYPE_COUNT; k++)
            if (!strcmp(f[0], rel_names[k]))
                type = k;
        if (type < 0) {
            st = tsv_fail(&t, "unknown relation type");
            break;
        }
        int s = actor_ref(kb, f[1]), o = actor_ref(kb, f[2]);
        if (s < 0 || o < 0) {
            char why[200];
            snprintf(why, sizeof why, "unknown actor id '%s'", s < 0 ? f[1] : f[2]);
            st = tsv_fail(&t, why);
            break;
        }
        sr_date df, dt;
        if (parse_date(t.nf > 3 ? f[3] : "", &df) || parse_date(t.nf > 4 ? f[4] : "", &dt)) {
            st = tsv_fail(&t, "dates must be YYYY, YYYY-MM or YYYY-MM-DD");
            break;
        }
        sr_kb_relation *rel = PUSH(kb, relations, n_relations, cap_relations);
        if (!rel) {
            st = SR_ENOMEM;
            break;
        }
        rel->type = (sr_relation_type)type;
        rel->subject = s;
        rel->object = o;
        rel->valid_from = df;
        rel->valid_to = dt;
        rel->note = kb_strndup(kb, t.nf > 5 ? f[5] : "", strlen(t.nf > 5 ? f[5] : ""));
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    return st;
}

/* The actor PREFIX_<iso2> ("MIL_SY") of COUNTRY, given as an ISO code (the
 * gazetteer) or a country name (countries.tsv); -1 when there is none. */
int kb_country_actor(const sr_kb *kb, const char *prefix, size_t plen, const char *country)
{
    if (!country || !*country || plen > 8)
        return -1;
    char id[16];
    if (strlen(country) == 2) {
        snprintf(id, sizeof id, "%.*s_%s", (int)plen, prefix, country);
        return sr_kb_actor_find(kb, id);
    }
    for (size_t i = 0; i < kb->n_actors; i++) {
        const sr_actor *a = &kb->actors[i];
        if (!strncmp(a->id, prefix, plen) && a->id[plen] == '_' && strlen(a->id) == plen + 3 &&
            a->country && !strcmp(a->country, country))
            return (int)i;
    }
    return -1;
}

/* ---- cues ---- */

sr_status sr_kb_load_cues(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    while ((r = tsv_next(&t, 2, 3)) == 1) {
        char **f = t.fields;
        int kind = -1;
        for (int k = 0; k < CUE_KIND_COUNT; k++)
            if (!strcmp(f[1], cue_names[k]))
                kind = k;
        if (kind < 0) {
            st = tsv_fail(&t, "unknown cue kind (see the list at the top of the file)");
            break;
        }
        kb_cue *c = PUSH(kb, cues, n_cues, cap_cues);
        if (!c) {
            st = SR_ENOMEM;
            break;
        }
        c->phrase = kb_strndup(kb, f[0], strlen(f[0]));
        c->kind = (kb_cue_kind)kind;
        c->value = kb_strndup(kb, t.nf > 2 ? f[2] : "", strlen(t.nf > 2 ? f[2] : ""));
        c->actor = -1;
        if (kind == CUE_GENERIC_ACTOR) {
            /* "@MIL:UNIDENTIFIED_MIL": the document country's MIL_<iso2>,
             * resolved per document (entities.c); the actor after ':' when
             * no country is known */
            const char *colon = c->value[0] == '@' ? strchr(c->value, ':') : NULL;
            c->actor = sr_kb_actor_find(kb, colon ? colon + 1 : c->value);
            if (c->actor < 0) {
                st = tsv_fail(&t, "generic_actor needs a known actor id as its value (or @PREFIX:FALLBACK_ID)");
                break;
            }
        }
        if (kb_add_alias(kb, f[0], strlen(f[0]), KT_CUE, (int)kb->n_cues - 1, 0) != SR_OK) {
            st = SR_ENOMEM;
            break;
        }
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    return st;
}

/* ---- event triggers ---- */

/* ACLED's event types and sub-event types (codebook, 2023). */
static const char *const acled_types[][2] = {
    {"Battles", "Armed clash"},
    {"Battles", "Government regains territory"},
    {"Battles", "Non-state actor overtakes territory"},
    {"Explosions/Remote violence", "Chemical weapon"},
    {"Explosions/Remote violence", "Air/drone strike"},
    {"Explosions/Remote violence", "Suicide bomb"},
    {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
    {"Explosions/Remote violence", "Grenade"},
    {"Violence against civilians", "Sexual violence"},
    {"Violence against civilians", "Attack"},
    {"Violence against civilians", "Abduction/forced disappearance"},
    {"Protests", "Peaceful protest"},
    {"Protests", "Protest with intervention"},
    {"Protests", "Excessive force against protesters"},
    {"Riots", "Violent demonstration"},
    {"Riots", "Mob violence"},
    {"Strategic developments", "Agreement"},
    {"Strategic developments", "Arrests"},
    {"Strategic developments", "Change to group/activity"},
    {"Strategic developments", "Disrupted weapons use"},
    {"Strategic developments", "Headquarters or base established"},
    {"Strategic developments", "Looting/property destruction"},
    {"Strategic developments", "Non-violent transfer of territory"},
    {"Strategic developments", "Other"},
};

const char *sr_acled_event_type(const char *sub_event_type)
{
    for (size_t i = 0; i < sizeof acled_types / sizeof *acled_types; i++)
        if (!strcmp(acled_types[i][1], sub_event_type))
            return acled_types[i][0];
    return NULL;
}

sr_status sr_kb_load_events(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    static const struct {
        const char *word;
        unsigned bit;
    } frames[] = {
        {"mutual", SR_FRAME_MUTUAL},     {"agent", SR_FRAME_AGENT}, {"one_side", SR_FRAME_ONE_SIDE},
        {"parties", SR_FRAME_PARTIES},   {"kills", SR_FRAME_KILLS}, {"noun", SR_FRAME_NOUN},
        {"civilian", SR_FRAME_CIVILIAN}, {"vague", SR_FRAME_VAGUE}, {"direct", SR_FRAME_DIRECT}};
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    while ((r = tsv_next(&t, 3, 3)) == 1) {
        char **f = t.fields;
        unsigned frame = 0;
        const char *sub = f[1];
        if (!strcmp(sub, "@territory"))
            frame |= SR_FRAME_TERRITORY;
        else if (!strcmp(sub, "@strike"))
            frame |= SR_FRAME_STRIKE;
        else if (!strcmp(sub, "@kill"))
            frame |= SR_FRAME_KILL;
        else if (!sr_acled_event_type(sub)) {
            st = tsv_fail(&t, "unknown ACLED sub-event type");
            break;
        }
        char *p = f[2];
        while (*p) {
            char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            unsigned bit = 0;
            for (size_t k = 0; k < sizeof frames / sizeof *frames; k++)
                if (strlen(frames[k].word) == n && !strncmp(frames[k].word, p, n))
                    bit = frames[k].bit;
            if (!bit)
                break;
            frame |= bit;
            p += n + (comma != NULL);
        }
        if (*p) {
            st = tsv_fail(&t, "unknown frame word (see the list at the top of the file)");
            break;
        }
        kb_cue *c = PUSH(kb, cues, n_cues, cap_cues);
        if (!c) {
            st = SR_ENOMEM;
            break;
        }
        c->phrase = kb_strndup(kb, f[0], strlen(f[0]));
        c->kind = CUE_TRIGGER;
        c->value = kb_strndup(kb, sub, strlen(sub));
        c->actor = -1;
        c->frame = frame;
        if (kb_add_alias(kb, f[0], strlen(f[0]), KT_CUE, (int)kb->n_cues - 1, 0) != SR_OK) {
            st = SR_ENOMEM;
            break;
        }
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    return st;
}

/* ---- compile and cache ---- */

static int pair_cmp(const void *a, const void *b)
{
    const struct kb_pair *x = a, *y = b;
    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    if (x->target.type != y->target.type)
        return x->target.type < y->target.type ? -1 : 1;
    return (x->target.index > y->target.index) - (x->target.index < y->target.index);
}

static sr_status group_targets(sr_kb *kb)
{
    if (kb->n_pairs > 1)
        qsort(kb->pairs, kb->n_pairs, sizeof *kb->pairs, pair_cmp);
    kb->targets = malloc((kb->n_pairs ? kb->n_pairs : 1) * sizeof *kb->targets);
    if (!kb->targets)
        return SR_ENOMEM;
    kb->n_targets = 0;
    for (size_t i = 0; i < kb->n_pairs; i++) {
        kb_pattern *p = &kb->patterns[kb->pairs[i].pattern];
        if (p->first_target < 0)
            p->first_target = (int)kb->n_targets;
        p->n_targets++;
        kb->targets[kb->n_targets++] = kb->pairs[i].target;
        p->types |= (unsigned char)(1u << kb->pairs[i].target.type);
    }
    /* what the scan callback's caller asks of every match, answered once */
    for (size_t i = 0; i < kb->n_patterns; i++) {
        kb_pattern *p = &kb->patterns[i];
        p->stopword = !memchr(p->folded, ' ', p->len) && kb_is_stopword(kb, p->folded, p->len);
        for (int k = 0; k < p->n_targets && !p->any_case; k++) {
            const kb_target *tg = &kb->targets[p->first_target + k];
            p->any_case = (!p->stopword || tg->type == KT_CUE) && tg->type != KT_PLACE &&
                          tg->type != KT_GAZ && !(tg->flags & (KF_ACRONYM | KF_CAPITAL));
        }
        /* a name, not a cue, an acronym or a demonym ("Syrians" is no
         * possessive), whose "s" form is no other pattern or stop word.
         * Only actors, countries and cities of 100,000 or more and admin
         * areas: possessives are mostly theirs, and an "s" form for every
         * village would double the literals the scan carries */
        p->plural = !p->any_case && !p->stopword && p->len >= 3 && p->len + 1 < 64 &&
                    p->folded[p->len - 1] != 's';
        int major = 0;
        for (int k = 0; k < p->n_targets && p->plural; k++) {
            const kb_target *tg = &kb->targets[p->first_target + k];
            sr_place pl;
            if (tg->type == KT_CUE || (tg->flags & (KF_ACRONYM | KF_DEMONYM)))
                p->plural = 0;
            else if (tg->type != KT_GAZ)
                major = 1;
            else if (kb->gaz && sr_gazetteer_place(kb->gaz, (uint32_t)tg->index, &pl) &&
                     (pl.population >= 100000 || pl.kind == SR_PLACE_GOVERNORATE ||
                      pl.kind == SR_PLACE_COUNTRY))
                major = 1;
        }
        p->plural = p->plural && major;
        if (p->plural) {
            char sk[64];
            memcpy(sk, p->folded, p->len);
            sk[p->len] = 's';
            p->plural = kb->slots[find_slot(kb, sk, p->len + 1,
                                            fnv(1469598103934665603ull, sk, p->len + 1))] < 0 &&
                        !kb_is_stopword(kb, sk, p->len + 1);
        }
    }
    /* the patterns a common word can meet: only their matches need the
     * check on the text ("Rioters" meets "Reuters", "Jets" meets "Jit"+s) */
    for (size_t w = 0; w < kb->n_word_skels; w++) {
        const char *sk = kb->word_skels[w];
        size_t n = strlen(sk);
        int q = kb->slots[find_slot(kb, sk, n, fnv(1469598103934665603ull, sk, n))];
        if (q >= 0)
            kb->patterns[q].common = 1;
        if (n > 1 && sk[n - 1] == 's' &&
            (q = kb->slots[find_slot(kb, sk, n - 1, fnv(1469598103934665603ull, sk, n - 1))]) >= 0 &&
            kb->patterns[q].plural)
            kb->patterns[q].common = 1;
    }
    free(kb->pairs);
    kb->pairs = NULL;
    kb->n_pairs = kb->cap_pairs = 0;
    return SR_OK;
}

/* ---- the word table: what the entity scan matches against ----
 *
 * Every pattern is a skeleton of whole words, one space between them, and
 * it matches a run of whole words of the folded text.  The table holds
 * the hash of every pattern (FULL), of every pattern with an "s" when it
 * has a plural (FULL), and of every run of its first words (PREFIX).  The
 * scan hashes the text one word at a time from each word start, and looks
 * a longer run up only while the shorter one is a PREFIX, so most words
 * cost one look-up.  A FULL entry is confirmed on the bytes, so a collision
 * of hashes can cost a look-up but never make a match. */

#define RUN_SEED 0x243F6A8885A308D3ull

static uint64_t run_mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

/* The hash of a run of words after the word W[0..n): H is the hash of the
 * words before it (RUN_SEED for none).  Eight bytes at a time, the last
 * (partial, maybe empty) chunk with the word's length in its top byte, so
 * where the spaces fall changes the hash.  word_hash (the scan) computes
 * the same while it looks for the word's end. */
static uint64_t run_hash(uint64_t h, const char *w, size_t n)
{
    size_t len = n;
    for (; n >= 8; w += 8, n -= 8) {
        uint64_t x;
        memcpy(&x, w, 8);
        h = run_mix(h, x);
    }
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++)
        x |= (uint64_t)(unsigned char)w[i] << (8 * i);
    return run_mix(h, x | (uint64_t)(len & 0xff) << 56);
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* run_hash of the word that starts at T[w] and ends at the next space or
 * at T[n]; *END gets that end.  Eight bytes per step where eight remain:
 * the first space among them is the lowest byte of (y - ONES) & ~y & HIGHS
 * with y the bytes xor spaces. */
static inline uint64_t word_hash(uint64_t h, const char *t, size_t w, size_t n, size_t *end)
{
    size_t e = w;
    uint64_t x;
    while (e + 8 <= n) {
        memcpy(&x, t + e, 8);
        uint64_t y = x ^ (ONES * ' '), m = (y - ONES) & ~y & HIGHS;
        if (m) {
            unsigned k = (unsigned)__builtin_ctzll(m) / 8; /* bytes before the space */
            x = k ? x & (~0ull >> (64 - 8 * k)) : 0;
            e += k;
            *end = e;
            return run_mix(h, x | (uint64_t)((e - w) & 0xff) << 56);
        }
        h = run_mix(h, x);
        e += 8;
    }
    x = 0;
    for (unsigned i = 0; e < n && t[e] != ' '; e++, i++)
        x |= (uint64_t)(unsigned char)t[e] << (8 * i);
    *end = e;
    return run_mix(h, x | (uint64_t)((e - w) & 0xff) << 56);
}

static size_t scan_index(uint64_t key, unsigned bits)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

/* The filter word of KEY and the two bits it sets there: one load tells
 * most misses apart. */
static size_t filter_word(uint64_t key)
{
    return (size_t)((key * 0xD6E8FEB86659FD93ull) >> (64 - KB_FILTER_BITS + 6));
}

static uint64_t filter_bits(uint64_t key)
{
    return (uint64_t)1 << (key >> 52 & 63) | (uint64_t)1 << (key >> 58);
}

static uint64_t scan_key(uint64_t h)
{
    h &= ~(uint64_t)KB_SCAN_FLAGS;
    return h ? h : KB_SCAN_FLAGS + 1;
}

/* Adds FLAGS (and the pattern or plural base, when >= 0) to the entry of
 * hash H. */
static void scan_put(sr_kb *kb, uint64_t h, unsigned flags, int pattern, int plural)
{
    uint64_t key = scan_key(h);
    size_t mask = ((size_t)1 << kb->scan_bits) - 1;
    kb->scan_filter[filter_word(key)] |= filter_bits(key);
    for (size_t i = scan_index(key, kb->scan_bits);; i = (i + 1) & mask) {
        kb_scan_slot *sl = &kb->scan[i];
        if (sl->key && (sl->key & ~(uint64_t)KB_SCAN_FLAGS) != key)
            continue;
        if (!sl->key) {
            sl->key = key;
            sl->pattern = sl->plural = -1;
        }
        sl->key |= flags;
        if (pattern >= 0)
            sl->pattern = pattern;
        if (plural >= 0)
            sl->plural = plural;
        return;
    }
}

static sr_status build_scan_table(sr_kb *kb)
{
    /* at most one entry per pattern, plural and space */
    size_t n = 0;
    for (size_t i = 0; i < kb->n_patterns; i++) {
        const kb_pattern *p = &kb->patterns[i];
        n += 1 + p->plural;
        for (size_t k = 0; k < p->len; k++)
            n += p->folded[k] == ' ';
    }
    unsigned bits = 10;
    while (((size_t)1 << bits) < 2 * n)
        bits++;
    kb->scan = calloc((size_t)1 << bits, sizeof *kb->scan);
    kb->scan_filter = calloc(((size_t)1 << KB_FILTER_BITS) / 64, sizeof *kb->scan_filter);
    if (!kb->scan || !kb->scan_filter)
        return SR_ENOMEM;
    kb->scan_bits = bits;
    for (size_t i = 0; i < kb->n_patterns; i++) {
        const kb_pattern *p = &kb->patterns[i];
        uint64_t h = RUN_SEED;
        size_t w = 0; /* the last word's start */
        for (size_t k = 0; k < p->len; k++)
            if (p->folded[k] == ' ') {
                h = run_hash(h, p->folded + w, k - w);
                scan_put(kb, h, KB_SCAN_PREFIX, -1, -1);
                w = k + 1;
            }
        scan_put(kb, run_hash(h, p->folded + w, p->len - w), KB_SCAN_FULL, (int)i, -1);
        if (p->plural) {
            char last[72];
            size_t ln = p->len - w;
            if (ln + 1 > sizeof last)
                return SR_EFORMAT; /* plural is set only below 64 bytes */
            memcpy(last, p->folded + w, ln);
            last[ln] = 's';
            scan_put(kb, run_hash(h, last, ln + 1), KB_SCAN_FULL, -1, (int)i);
        }
    }
    return SR_OK;
}

static inline const kb_scan_slot *scan_get(const sr_kb *kb, uint64_t h)
{
    uint64_t key = scan_key(h);
    size_t mask = ((size_t)1 << kb->scan_bits) - 1;
    uint64_t fb = filter_bits(key);
    if ((kb->scan_filter[filter_word(key)] & fb) != fb)
        return NULL;
    for (size_t i = scan_index(key, kb->scan_bits);; i = (i + 1) & mask) {
        const kb_scan_slot *sl = &kb->scan[i];
        if (!sl->key)
            return NULL;
        if ((sl->key & ~(uint64_t)KB_SCAN_FLAGS) == key)
            return sl;
    }
}

int kb_scan(const sr_kb *kb, const char *t, size_t n, kb_match_fn fn, void *ctx)
{
    size_t s = 0;
    while (s < n) {
        if (t[s] == ' ') {
            s++;
            continue;
        }
        size_t e;
        uint64_t h = word_hash(RUN_SEED, t, s, n, &e);
        const size_t first_end = e; /* the next start is past the first word */
        for (;;) {
            const kb_scan_slot *sl = scan_get(kb, h);
            if (!sl)
                break;
            if (sl->key & KB_SCAN_FULL) {
                const kb_pattern *p;
                if (sl->pattern >= 0 && (p = &kb->patterns[sl->pattern])->len == e - s &&
                    !memcmp(p->folded, t + s, e - s) && fn(sl->pattern, s, e, ctx))
                    return 1;
                if (sl->plural >= 0 && (p = &kb->patterns[sl->plural])->len + 1 == e - s &&
                    !memcmp(p->folded, t + s, p->len) && t[e - 1] == 's' &&
                    fn(sl->plural, s, e, ctx))
                    return 1;
            }
            if (!(sl->key & KB_SCAN_PREFIX) || e >= n)
                break;
            h = word_hash(h, t, e + 1, n, &e);
        }
        s = first_end;
    }
    return 0;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is W[0..n) one of the N sorted strings V? */
static int sorted_has(char *const *v, size_t n_v, const char *w, size_t n)
{
    size_t lo = 0, hi = n_v;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(v[mid], w, n);
        if (!c && v[mid][n])
            c = 1;
        if (!c)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int kb_is_stopword(const sr_kb *kb, const char *w, size_t n)
{
    return sorted_has(kb->stop, kb->n_stop, w, n);
}

/* Appends a copy of W[0..n) to *V (growing it by doubling). */
static sr_status push_word(sr_kb *kb, char ***v, size_t *n, size_t *cap, const char *w, size_t len)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        char **nv = realloc(*v, nc * sizeof *nv);
        if (!nv)
            return SR_ENOMEM;
        *v = nv;
        *cap = nc;
    }
    (*v)[*n] = (char *)kb_strndup(kb, w, len);
    return (*v)[(*n)++] ? SR_OK : SR_ENOMEM;
}

int kb_is_common_word(const sr_kb *kb, const char *t, size_t n)
{
    char w[24];
    if (!kb->n_words || n < 2 || n >= sizeof w)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c | 32) < 'a' || (c | 32) > 'z')
            return 0;
        w[i] = (char)(c | 32);
    }
    return sorted_has(kb->words, kb->n_words, w, n);
}

static sr_status load_stopwords(sr_kb *kb, const char *path, char *err, size_t errlen)
{
    tsv t;
    sr_status st = tsv_open(&t, kb, path, err, errlen);
    if (st != SR_OK)
        return st;
    int r;
    size_t cap = 0, wcap = 0, scap = 0;
    while ((r = tsv_next(&t, 1, 1)) == 1) {
        /* "=rioters": the word as written only; its skeleton is a name's */
        const char *w = t.fields[0];
        int exact = w[0] == '=';
        w += exact;
        char buf[64];
        size_t n = sr_fold_name(kb->fold, w, strlen(w), buf, sizeof buf);
        if (n == (size_t)-1 || !n || memchr(buf, ' ', n)) {
            st = tsv_fail(&t, "one word per line");
            break;
        }
        char low[64];
        size_t ln = strlen(w);
        for (size_t i = 0; i < ln && ln < sizeof low; i++)
            low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
        if (ln < sizeof low && (st = push_word(kb, &kb->words, &kb->n_words, &wcap, low, ln)) != SR_OK)
            break;
        if ((st = push_word(kb, &kb->word_skels, &kb->n_word_skels, &scap, buf, n)) != SR_OK)
            break;
        if (!exact && (st = push_word(kb, &kb->stop, &kb->n_stop, &cap, buf, n)) != SR_OK)
            break;
    }
    if (r < 0)
        st = SR_EFORMAT;
    tsv_close(&t);
    if (st == SR_OK && kb->n_words)
        qsort(kb->words, kb->n_words, sizeof *kb->words, str_cmp);
    if (st == SR_OK && kb->n_stop)
        qsort(kb->stop, kb->n_stop, sizeof *kb->stop, str_cmp);
    return st;
}

sr_kb *sr_kb_new_empty(void)
{
    sr_kb *kb = calloc(1, sizeof *kb);
    if (!kb)
        return NULL;
    kb->arena = sr_arena_new(NULL);
    if (!kb->arena || sr_fold_table_load(&kb->fold, NULL, NULL, 0) != SR_OK) {
        sr_kb_free(kb);
        return NULL;
    }
    sr_arena_set_cap(kb->arena, (size_t)1 << 30);
    return kb;
}

void sr_kb_free(sr_kb *kb)
{
    if (!kb)
        return;
    free(kb->scan);
    free(kb->scan_filter);
    sr_gazetteer_free(kb->gaz);
    sr_fold_table_free(kb->fold);
    sr_arena_free(kb->arena);
    free(kb->actors);
    free(kb->relations);
    free(kb->cues);
    free(kb->places);
    free(kb->patterns);
    free(kb->targets);
    free(kb->pairs);
    free(kb->slots);
    free(kb->stop);
    free(kb->words);
    free(kb->word_skels);
    free(kb->id_slots);
    free(kb->name_slots);
    free(kb);
}

static int file_exists(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0;
}

/* Default data directory: $SITREP_DATA, then ./data, then the install dir. */
static const char *default_data_dir(void)
{
    const char *e = getenv("SITREP_DATA");
    if (e && *e)
        return e;
    if (file_exists("data/actors.tsv"))
        return "data";
#ifdef SITREP_DATADIR
    return SITREP_DATADIR;
#else
    return "data";
#endif
}

sr_status kb_load_places(sr_kb *kb, const char *dir, char *err, size_t errlen);

/* The entity output's JSON fields of every actor, written once here
 * instead of for every mention (escaping and all). */
static sr_status build_actor_json(sr_kb *kb)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    size_t *off = sr_arena_alloc(kb->arena, (kb->n_actors + 1) * sizeof *off);
    if (!off)
        return SR_ENOMEM;
    for (size_t i = 0; i < kb->n_actors; i++) {
        const sr_actor *a = &kb->actors[i];
        off[i] = b.len;
        sr_buf_puts(&b, ",\"name\":");
        sr_json_cstr(&b, a->name);
        sr_buf_puts(&b, ",\"id\":");
        sr_json_cstr(&b, a->id);
        sr_buf_puts(&b, ",\"actor_kind\":");
        sr_json_cstr(&b, sr_actor_kind_name(a->kind));
        sr_buf_puts(&b, ",\"inter\":");
        sr_buf_int(&b, a->inter);
    }
    off[kb->n_actors] = b.len;
    char *blob = b.status == SR_OK ? sr_arena_alloc(kb->arena, b.len + 1) : NULL;
    if (blob) {
        memcpy(blob, b.data ? b.data : "", b.len);
        kb->actor_json = blob;
        kb->actor_json_off = off;
        kb->n_actor_json = kb->n_actors;
    }
    sr_buf_free(&b);
    return blob ? SR_OK : SR_ENOMEM;
}

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211ull;
    }
    return h;
}

/* The slot of NAME in the name index: the actor there has NAME in some
 * case, or the slot is empty (-1). */
static size_t name_slot(const sr_kb *kb, const char *name)
{
    size_t mask = kb->n_name_slots - 1, i = (size_t)name_hash(name) & mask;
    while (kb->name_slots[i] >= 0 && strcasecmp(kb->actors[kb->name_slots[i]].name, name))
        i = (i + 1) & mask;
    return i;
}

/* Indexes the names of the actors loaded so far, so that
 * sr_kb_lookup_actor needs no walk over them: each slot keeps the first
 * actor of its name, the one the walk would find.  The table stays under
 * half full.  Failure only leaves lookups to the walk. */
static void build_name_index(sr_kb *kb)
{
    size_t ns = 64;
    while (ns < kb->n_actors * 2 + 2)
        ns *= 2;
    int *sl = malloc(ns * sizeof *sl);
    if (!sl)
        return;
    free(kb->name_slots);
    kb->name_slots = sl;
    kb->n_name_slots = ns;
    for (size_t k = 0; k < ns; k++)
        sl[k] = -1;
    for (size_t k = 0; k < kb->n_actors; k++) {
        if (!kb->actors[k].name)
            continue;
        size_t s = name_slot(kb, kb->actors[k].name);
        if (sl[s] < 0)
            sl[s] = (int)k;
    }
    kb->n_name_indexed = kb->n_actors;
}

sr_status sr_kb_load(sr_kb **out, const sr_kb_options *opt, char *err, size_t errlen)
{
    *out = NULL;
    sr_kb_options o = {0};
    if (opt)
        o = *opt;
    const char *dir = o.data_dir ? o.data_dir : default_data_dir();
    sr_kb *kb = sr_kb_new_empty();
    if (!kb)
        return SR_ENOMEM;
    char path[1100];
    sr_status st = SR_OK;
    snprintf(path, sizeof path, "%s/fold.tsv", dir);
    if (file_exists(path)) {
        sr_fold_table_free(kb->fold);
        kb->fold = NULL;
        st = sr_fold_table_load(&kb->fold, path, err, errlen);
    }
    static const char *const files[] = {"countries.tsv", "actors.tsv", "relations.tsv", "cues.tsv"};
    sr_status (*loaders[])(sr_kb *, const char *, char *, size_t) = {
        sr_kb_load_countries, sr_kb_load_actors, sr_kb_load_relations, sr_kb_load_cues};
    for (size_t i = 0; st == SR_OK && i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        st = loaders[i](kb, path, err, errlen);
    }
    snprintf(path, sizeof path, "%s/events.tsv", dir);
    if (st == SR_OK && file_exists(path))
        st = sr_kb_load_events(kb, path, err, errlen);
    snprintf(path, sizeof path, "%s/stopwords.txt", dir);
    if (st == SR_OK && file_exists(path))
        st = load_stopwords(kb, path, err, errlen);
    if (st == SR_OK)
        st = kb_load_places(kb, o.no_places ? NULL : dir, err, errlen);
    if (st == SR_OK)
        st = group_targets(kb);
    if (st == SR_OK && !kb->n_patterns) {
        snprintf(err, errlen, "%s: no patterns loaded", dir);
        st = SR_EFORMAT;
    }
    if (st == SR_OK)
        st = build_actor_json(kb);
    if (st == SR_OK)
        build_name_index(kb);
    if (st == SR_OK)
        st = build_scan_table(kb);
    if (st != SR_OK) {
        sr_kb_free(kb);
        return st;
    }
    *out = kb;
    return SR_OK;
}

/* ---- name look-ups for queries ---- */

static const kb_pattern *lookup_folded(const sr_kb *kb, const char *name, char *buf, size_t cap)
{
    if (!kb->n_slots || !name)
        return NULL;
    size_t fl = sr_fold_name(kb->fold, name, strlen(name), buf, cap);
    if (fl == (size_t)-1 || fl == 0)
        return NULL;
    int p = kb->slots[find_slot(kb, buf, fl, fnv(1469598103934665603ull, buf, fl))];
    return p < 0 ? NULL : &kb->patterns[p];
}

int sr_kb_lookup_actor(const sr_kb *kb, const char *name)
{
    if (!name || !*name)
        return -1;
    int i = sr_kb_actor_find(kb, name);
    if (i >= 0)
        return i;
    size_t k = 0;
    if (kb->n_name_indexed) {
        int hit = kb->name_slots[name_slot(kb, name)];
        if (hit >= 0)
            return hit;
        k = kb->n_name_indexed; /* actors loaded after sr_kb_load: walk them */
    }
    for (; k < kb->n_actors; k++)
        if (kb->actors[k].name && !strcasecmp(kb->actors[k].name, name))
            return (int)k;
    char buf[512];
    const kb_pattern *p = lookup_folded(kb, name, buf, sizeof buf);
    if (!p || p->first_target < 0)
        return -1;
    for (int t = 0; t < p->n_targets; t++) {
        const kb_target *tg = &kb->targets[p->first_target + t];
        if (tg->type == KT_ACTOR && !(tg->flags & KF_DEMONYM))
            return tg->index;
    }
    return -1;
}

int kb_place_in_admin1(const sr_kb *kb, const char *name, size_t len, const char *admin1)
{
    char nm[256], buf[512];
    if (!kb->gaz || !admin1 || !*admin1 || !len || len >= sizeof nm)
        return -1;
    memcpy(nm, name, len);
    nm[len] = '\0';
    const kb_pattern *p = lookup_folded(kb, nm, buf, sizeof buf);
    if (!p || p->first_target < 0 || p->n_targets < 2)
        return -1;
    int best = -1;
    long long best_pop = -1;
    for (int i = 0; i < p->n_targets; i++) {
        const kb_target *tg = &kb->targets[p->first_target + i];
        sr_place pl;
        if (tg->type != KT_GAZ || !sr_gazetteer_place(kb->gaz, (uint32_t)tg->index, &pl) ||
            !pl.admin1 || strcmp(pl.admin1, admin1) || pl.kind == SR_PLACE_GOVERNORATE ||
            pl.kind == SR_PLACE_COUNTRY)
            continue;
        if ((long long)pl.population > best_pop) {
            best_pop = (long long)pl.population;
            best = KB_GAZ_BASE + tg->index;
        }
    }
    return best;
}

int sr_kb_lookup_place(const sr_kb *kb, const char *name, sr_place_ref *out)
{
    if (!kb->gaz || !name || !*name)
        return 0;
    sr_place best;
    if (!sr_gazetteer_lookup(kb->gaz, name, strlen(name), &best, 1))
        return 0;
    memset(out, 0, sizeof *out);
    kb_place_fill(kb, KB_GAZ_BASE + (int)best.id, 0, out);
    return 1;
}
