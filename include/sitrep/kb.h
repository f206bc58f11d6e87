/* sitrep/kb.h - the knowledge base: actors, countries, dated relations,
 * cue phrases and places, loaded from the plain-text files in data/, with
 * one hash table of every alias, place name and cue as whole-word runs of
 * their folded skeletons (the entity scan's matcher, built at load).
 *
 * A loaded sr_kb is immutable and may be shared by any number of threads;
 * per-thread matching state lives in sr_annotator (annotate.h).
 * Every loader rejects a malformed line with "file:line: reason". */
#ifndef SITREP_KB_H
#define SITREP_KB_H

#include "sitrep/clean.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_actor_kind {
    SR_ACTOR_ARMED_GROUP = 0,
    SR_ACTOR_COALITION,
    SR_ACTOR_STATE_FORCE,
    SR_ACTOR_GOVERNMENT,
    SR_ACTOR_POLICE,
    SR_ACTOR_PERSON,
    SR_ACTOR_CIVILIANS,
    SR_ACTOR_UNIDENTIFIED,
    SR_ACTOR_MONITOR,
    SR_ACTOR_NEWS_OUTLET,
    SR_ACTOR_POLITICAL,
    SR_ACTOR_INTERNATIONAL_ORG,
    SR_ACTOR_PROTESTERS, /* unnamed protesters: ACLED "Protesters (X)", inter 6 */
    SR_ACTOR_RIOTERS,    /* unnamed rioters: ACLED "Rioters (X)", inter 5 */
    SR_ACTOR_KIND_COUNT
} sr_actor_kind;

typedef struct sr_actor {
    const char *id;      /* stable key, e.g. "HTS", "MIL_TR" */
    const char *name;    /* canonical name */
    sr_actor_kind kind;
    int inter;           /* ACLED interaction code 0..8 */
    const char *country; /* home country name, "" when transnational */
    sr_date valid_from;  /* zeros when open */
    sr_date valid_to;
} sr_actor;

typedef enum sr_relation_type {
    SR_REL_MEMBER_OF = 0,
    SR_REL_ALLIED,
    SR_REL_HOSTILE,
    SR_REL_BACKED_BY,
    SR_REL_LEADS,
    SR_REL_FORMERLY,
    SR_REL_CONTROLS,
    SR_REL_TYPE_COUNT
} sr_relation_type;

typedef struct sr_kb_relation {
    sr_relation_type type;
    int subject, object; /* actor indexes */
    sr_date valid_from, valid_to;
    const char *note;
} sr_kb_relation;

typedef struct sr_kb_options {
    const char *data_dir;  /* NULL: $SITREP_DATA, else the installed dir */
    const char *cache_dir; /* ignored: the matcher is built at load and needs
                              no cache (kept so older callers still build) */
    int no_places;         /* skip the gazetteer (tests) */
} sr_kb_options;

typedef struct sr_kb sr_kb;

/* Loads every data file and builds the matcher.
 * On failure *OUT is NULL and ERR says which file and line. */
sr_status sr_kb_load(sr_kb **out, const sr_kb_options *opt, char *err, size_t errlen);
void sr_kb_free(sr_kb *kb);

size_t sr_kb_actor_count(const sr_kb *kb);
const sr_actor *sr_kb_actor(const sr_kb *kb, size_t i);
/* Index of the actor with ID, or -1. */
int sr_kb_actor_find(const sr_kb *kb, const char *id);
/* The actor a user means by NAME: an id ("HTS"), a canonical name, or any
 * alias the matcher knows ("Zenki", "Hayat Tahrir al-Sham"), folded the way
 * the text is.  -1 when none.  O(1) expected: names are hashed at load. */
int sr_kb_lookup_actor(const sr_kb *kb, const char *name);
/* The best gazetteer place for NAME (home country and admin areas first).
 * Returns 1 and fills *OUT (strings owned by KB), else 0. */
struct sr_place_ref;
int sr_kb_lookup_place(const sr_kb *kb, const char *name, struct sr_place_ref *out);
size_t sr_kb_relation_count(const sr_kb *kb);
const sr_kb_relation *sr_kb_relation_at(const sr_kb *kb, size_t i);
/* Number of patterns the matcher knows. */
size_t sr_kb_pattern_count(const sr_kb *kb);

const char *sr_actor_kind_name(sr_actor_kind k);
const char *sr_relation_type_name(sr_relation_type t);

/* Loader entry points, exposed for tests and fuzzing: each parses one file
 * into KB (which must come from sr_kb_new_empty) and reports the first
 * malformed line as "PATH:LINE: reason". */
sr_kb *sr_kb_new_empty(void);
sr_status sr_kb_load_actors(sr_kb *kb, const char *path, char *err, size_t errlen);
sr_status sr_kb_load_countries(sr_kb *kb, const char *path, char *err, size_t errlen);
sr_status sr_kb_load_relations(sr_kb *kb, const char *path, char *err, size_t errlen);
sr_status sr_kb_load_cues(sr_kb *kb, const char *path, char *err, size_t errlen);
sr_status sr_kb_load_events(sr_kb *kb, const char *path, char *err, size_t errlen);

/* ACLED event type of a sub-event type ("Armed clash" -> "Battles"), or
 * NULL when it is not one of ACLED's 25. */
const char *sr_acled_event_type(const char *sub_event_type);

#ifdef __cplusplus
}
#endif
#endif
