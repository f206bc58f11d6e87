/* kb_int.h - the knowledge base's internals, shared by kb.c (loading and
 * compiling) and the annotator (matching).  Internal to libsitrep. */
#ifndef SR_KB_INT_H
#define SR_KB_INT_H

#include <stdint.h>

#include "sitrep/fold.h"
#include "sitrep/gazetteer.h"
#include "sitrep/kb.h"

/* What a pattern match can mean. */
typedef enum kb_target_type {
    KT_ACTOR = 0, /* index: actor */
    KT_PLACE,     /* index: place */
    KT_CUE,       /* index: cue */
    KT_GAZ        /* index: gazetteer place id */
} kb_target_type;

/* Place references in mentions: countries (kb->places) are 0..n-1;
 * gazetteer places are KB_GAZ_BASE + their gazetteer id. */
#define KB_GAZ_BASE (1 << 24)

enum {
    KF_ACRONYM = 1, /* the original text must be written in capitals */
    KF_CAPITAL = 2, /* the original text must start with a capital */
    KF_DEMONYM = 4  /* a country's adjective: an actor only as a backer
                       ("Turkish-backed") or inside a longer alias */
};

typedef struct kb_target {
    unsigned char type, flags;
    int index;
} kb_target;

typedef struct kb_pattern {
    const char *folded; /* skeleton, NUL-terminated */
    size_t len;
    int first_target;   /* into kb->targets; targets of one pattern are
                           contiguous after compilation */
    int n_targets;
    unsigned char types;    /* bit 1 << kb_target_type for each target type */
    unsigned char stopword; /* one word, and in the stop list (stopwords.txt) */
    unsigned char any_case; /* some meaning asks nothing of the spelling (a cue,
                               or a lower-case phrase): every match is valid */
    unsigned char plural;   /* a capitalised name also compiled with an "s"
                               after it: "Aleppos", "Assads" in copy that lost
                               its apostrophes (kb.c, compile_db) */
    unsigned char common;   /* some common word of the stop list folds to this
                               skeleton (or to it with an "s"): the text must
                               be checked (kb_is_common_word) */
} kb_pattern;

typedef enum kb_cue_kind {
    CUE_HEDGE = 0,      /* value: unconfirmed | claimed | denied | criticized */
    CUE_SOURCE_INTRO,   /* "according to", "said", ...: a source follows */
    CUE_SOURCE,         /* a source described without a name */
    CUE_NEGATION,
    CUE_FUTURE,         /* expected/planned */
    CUE_AGENT_SUFFIX,   /* "X fighters", "X's security forces" */
    CUE_AGENT_PREFIX,   /* "commanders of X", "members of X" */
    CUE_BACKING,        /* "X-backed", "X-linked", "X-led" */
    CUE_GENERIC_ACTOR,  /* "militants", "civilians": value = actor id */
    CUE_ANAPHOR,        /* "the group": value = 1 or 2 (how many) */
    CUE_TRIGGER,        /* events.tsv: value = sub-event type, frame bits */
    CUE_KIND_COUNT
} kb_cue_kind;

typedef struct kb_cue {
    const char *phrase;
    kb_cue_kind kind;
    const char *value;
    int actor; /* for GENERIC_ACTOR: resolved actor index, else -1 */
    unsigned frame; /* for TRIGGER: SR_FRAME_* bits (annotate.h) */
} kb_cue;

typedef struct kb_place {
    const char *name;    /* as ACLED would print the location */
    const char *country; /* country name */
    const char *admin1, *admin2;
    double lat, lon;
    int has_coords;
    int is_country;      /* a country: the coder uses it as a region */
    int is_admin;        /* an admin area (admin1/admin2), not a town */
    long population;
} kb_place;

struct sr_kb {
    sr_arena *arena; /* every string of the kb */
    sr_fold_table *fold;
    sr_actor *actors;
    size_t n_actors, cap_actors;
    int *id_slots; /* open addressing: actor id -> index */
    size_t n_id_slots;
    /* open addressing: actor name in any ASCII case -> the first actor of
     * that name, for actors [0, n_name_indexed); built by sr_kb_load and
     * dropped (n_name_indexed = 0) when a later load renames an actor */
    int *name_slots;
    size_t n_name_slots, n_name_indexed;
    sr_kb_relation *relations;
    size_t n_relations, cap_relations;
    kb_cue *cues;
    size_t n_cues, cap_cues;
    kb_place *places;
    size_t n_places, cap_places;
    /* patterns: built while loading, compiled by kb_compile */
    kb_pattern *patterns;
    size_t n_patterns, cap_patterns;
    kb_target *targets;
    size_t n_targets, cap_targets;
    /* pending (pattern, target) pairs before grouping */
    struct kb_pair {
        int pattern;
        kb_target target;
    } *pairs;
    size_t n_pairs, cap_pairs;
    /* open-addressing hash: folded string -> pattern index */
    int *slots;
    size_t n_slots;
    sr_gazetteer *gaz; /* NULL when no places were loaded */
    char **stop;       /* folded stop words, sorted (stopwords.txt) */
    size_t n_stop;
    char **words;      /* the stop words as written, lower case, sorted, with
                          the "=word" lines: checked on the text itself */
    size_t n_words;
    char **word_skels; /* their skeletons, to mark the patterns they meet */
    size_t n_word_skels;
    char ctx[24][24];  /* folded context words for place choice (places.c) */
    size_t ctx_len[24];
    /* each actor's JSON fields as the entity output writes them
     * (,"name":..,"id":..,"actor_kind":..,"inter":N): actor i's are
     * actor_json[actor_json_off[i] .. actor_json_off[i + 1]), for the
     * n_actor_json actors known when sr_kb_load finished */
    char *actor_json;
    size_t *actor_json_off;
    size_t n_actor_json;
    /* the word table the entity scan matches against (kb.c, kb_scan):
     * 1 << scan_bits slots, open addressing */
    struct kb_scan_slot *scan;
    unsigned scan_bits;
    /* one bit per hash, set for every key of the table: most words of a
     * text start no pattern, and the bit, in a filter small enough to stay
     * in the cache, says so without touching the table */
    uint64_t *scan_filter;
};
#define KB_FILTER_BITS 18

/* A slot of the word table: the hash of a run of words, whether a pattern
 * (or a plural) is spelled so (KB_SCAN_FULL) and whether a pattern begins
 * with it and goes on (KB_SCAN_PREFIX).  key 0: an empty slot. */
enum { KB_SCAN_FULL = 1, KB_SCAN_PREFIX = 2, KB_SCAN_FLAGS = 3 };
typedef struct kb_scan_slot {
    uint64_t key;  /* the hash with its low bits replaced by the flags */
    int pattern;   /* the pattern spelled so, or -1 */
    int plural;    /* the pattern spelled so less a final "s", or -1 */
} kb_scan_slot;

/* Called for each match: pattern index and its span [start, end) in the
 * scanned text.  Non-zero stops the scan. */
typedef int (*kb_match_fn)(int pattern, size_t start, size_t end, void *ctx);
/* Finds every pattern (and plural) that T[0..n), a folded skeleton, spells
 * as a run of whole words (bounded by spaces or the ends of T), longer
 * runs and runs inside runs included.  Matches come by start, then by
 * end.  Returns 1 when FN stopped it. */
int kb_scan(const sr_kb *kb, const char *t, size_t n, kb_match_fn fn, void *ctx);

/* Is the folded single word W[0..n) a stop word? */
int kb_is_stopword(const sr_kb *kb, const char *w, size_t n);
/* Is the text T[0..n), one ASCII word in any case, a common word of the
 * stop list as written ("Rioters", not the skeleton it shares with
 * "Reuters")?  Such a word never stands for a name. */
int kb_is_common_word(const sr_kb *kb, const char *t, size_t n);
/* The generated actor PREFIX_<iso2> ("MIL_SY", "PRO_SY") of COUNTRY, given
 * as an ISO code or a country name; -1 when there is none. */
int kb_country_actor(const sr_kb *kb, const char *prefix, size_t plen, const char *country);

/* Adds an already-folded pattern SKELETON for a target. */
sr_status kb_add_folded(sr_kb *kb, const char *skeleton, size_t len, kb_target_type type,
                        int index, unsigned flags);

/* Chooses among a pattern's place targets by the words around the match in
 * the folded text (F[start..end) of length FLEN): "X city" and "the city of
 * X" prefer a town, "X province/countryside" an admin area; then the home
 * country; then population.  Returns a place reference (see KB_GAZ_BASE)
 * or -1, and sets *NEAR when the context says "near X", "outskirts of X",
 * "X countryside", "west of X". */
int kb_place_choose(const sr_kb *kb, const kb_pattern *p, const char *f, size_t start, size_t end,
                    size_t flen, int *near);

/* What kb_place_choose weighs of gazetteer place ID: its kind, population
 * and country code, without the rest of sr_gazetteer_place's record (it is
 * asked of every place a name may mean).  0 when ID is no place.
 * Defined in gazetteer.c. */
int kb_gaz_place_brief(const sr_gazetteer *g, uint32_t id, sr_place_kind *kind,
                       long long *population, const char **country);

/* Fills a mention's place fields from a place reference. */
struct sr_place_ref;
void kb_place_fill(const sr_kb *kb, int ref, int near, struct sr_place_ref *out);
/* The candidate of the place alias NAME (LEN bytes, as written) that lies in
 * governorate ADMIN1 (the gazetteer's spelling), as a place reference for
 * kb_place_fill; -1 when the alias has no other candidate there. */
int kb_place_in_admin1(const sr_kb *kb, const char *name, size_t len, const char *admin1);

/* Adds ALIAS (original spelling) for a target; folds it, decides the flags
 * (acronyms: 2-5 capitals), and ignores aliases that fold to nothing. */
sr_status kb_add_alias(sr_kb *kb, const char *alias, size_t len, kb_target_type type, int index,
                       unsigned extra_flags);

#endif
