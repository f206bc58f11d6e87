/* sitrep/annotate.h - mentions: actors, places, dates, numbers, sources,
 * hedges, negation and future cues, found in the report body only.
 *
 * An sr_annotator holds one thread's matching scratch over a shared,
 * immutable sr_kb; use one annotator per thread.  sr_annotate reads the
 * body spans of a cleaned document (never its comments), scans them in one
 * pass with the knowledge base's word table over the folded text,
 * keeps the longest match at each place, resolves places, generic phrases
 * ("HTS's security forces", "Turkish-backed militants") and anaphors ("the
 * group"), and normalises dates and numbers against the document's anchor
 * (its published date, else its dateline).  Everything it returns lives in
 * the document's arena.  Cost: linear in the body length. */
#ifndef SITREP_ANNOTATE_H
#define SITREP_ANNOTATE_H

#include "sitrep/kb.h"
#include "sitrep/timex.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_mention_kind {
    SR_MENTION_ACTOR = 0,
    SR_MENTION_PLACE,
    SR_MENTION_DATE,
    SR_MENTION_NUMBER,
    SR_MENTION_SOURCE,   /* an attribution: "according to X", "activists" */
    SR_MENTION_HEDGE,    /* value: unconfirmed | claimed | denied */
    SR_MENTION_NEGATION,
    SR_MENTION_FUTURE,
    SR_MENTION_BACKING,  /* "Turkish-backed": actor = the backer */
    SR_MENTION_TRIGGER,  /* an event word: value = ACLED sub-event type */
    SR_MENTION_KIND_COUNT
} sr_mention_kind;

enum {
    SR_MF_GENERIC = 1,   /* a common noun ("civilians"), not a name */
    SR_MF_AGENT = 2,     /* extended by an agent phrase ("HTS fighters") */
    SR_MF_ANAPHOR = 4,   /* "the group", resolved to actor (and actor2) */
    SR_MF_CONTEXTUAL = 8, /* place resolved by context ("west of", "countryside") */
    SR_MF_RELATED = 16    /* named as backer or parent of another actor ("an
                             al-Qaeda offshoot", "loyal to X"): not a side */
};

/* How a trigger reads the actors around it (data/events.tsv). */
enum {
    SR_FRAME_MUTUAL = 1,
    SR_FRAME_AGENT = 2,
    SR_FRAME_ONE_SIDE = 4,
    SR_FRAME_PARTIES = 8,
    SR_FRAME_KILLS = 16,
    SR_FRAME_NOUN = 32,
    SR_FRAME_CIVILIAN = 64,
    SR_FRAME_TERRITORY = 128, /* sub-event decided by who takes the ground */
    SR_FRAME_STRIKE = 256,    /* sub-event decided by the weapon named */
    SR_FRAME_KILL = 512,      /* a killing: attack or clash by the victim */
    SR_FRAME_VAGUE = 1024,    /* names no weapon ("explosion"): the report's
                                 own explosive event at that place is it */
    SR_FRAME_DIRECT = 2048    /* direct fire ("sniper fire"): its own event
                                 beside a shelling told in the same sentence */
};

typedef struct sr_place_ref {
    const char *location; /* ACLED location */
    const char *admin1, *admin2, *country;
    double lat, lon;
    int has_coords;
    int geo_precision; /* ACLED: 1 exact place, 2 near / part of a region,
                          3 only the admin area */
    int is_area;       /* a country, admin area or region, not a town */
} sr_place_ref;

typedef struct sr_mention {
    sr_mention_kind kind;
    sr_span span;       /* in the document text */
    size_t sentence;    /* index into sr_annotation.sentences */
    unsigned flags;
    int actor, actor2;  /* actor indexes or -1 */
    int backed_by;      /* ACTOR: actor index of a stated backer, or -1 */
    int place;          /* PLACE: kb place index */
    sr_place_ref where; /* PLACE */
    const char *value;  /* cue value, source description, sub-event type */
    unsigned frame;     /* TRIGGER: SR_FRAME_* bits */
    sr_timex timex;     /* DATE */
    sr_number number;   /* NUMBER */
} sr_mention;

typedef struct sr_annotation {
    sr_span *sentences;
    size_t n_sentences;
    sr_mention *mentions; /* ordered by span start */
    size_t n_mentions;
    sr_date anchor;       /* all zeros when the document has none */
    size_t anaphors, anaphors_resolved;
} sr_annotation;

typedef struct sr_annotator sr_annotator;

sr_status sr_annotator_new(sr_annotator **out, const sr_kb *kb);
void sr_annotator_free(sr_annotator *an);

/* Annotates the body of C (from sr_clean on DOC). */
sr_status sr_annotate(sr_annotator *an, sr_doc *doc, const sr_cleaned *c, sr_annotation *out);

/* Appends one JSON line per mention (the `sitrep entities` schema). */
sr_status sr_annotation_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                const sr_annotation *a, sr_buf *b);

const char *sr_mention_kind_name(sr_mention_kind k);

#ifdef __cplusplus
}
#endif
#endif
