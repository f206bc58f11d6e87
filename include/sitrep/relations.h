/* sitrep/relations.h - dated facts between actors, and control of places.
 *
 * sr_relations_extract reads one coded document and states the facts its
 * report text supports, of the types in kb.h (sr_relation_type):
 *   member_of  "a coalition that includes X", "X, a member group of Y"
 *   allied     reconciliation, joint operations room, merger
 *   hostile    from clashes and attacks between two actors (events)
 *   backed_by  "Turkish-backed", "recipient of U.S.-made TOW missiles"
 *   leads      "HTS leader Abu Mohammad al-Julani"
 *   formerly   "(formerly Jabhat al-Nusra)"
 *   controls   from takeovers, withdrawals, surrenders, "recently captured by"
 * Each fact carries the evidence span it came from, the date the text
 * supports for its start (or none), the date it was observed (sentence or
 * publication date), and a confidence in [0,1].  Facts never come from
 * reader comments.  Everything lives in the document's arena. */
#ifndef SITREP_RELATIONS_H
#define SITREP_RELATIONS_H

#include "sitrep/code.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SR_REL_MAX 256 /* per document */

typedef struct sr_relation {
    sr_relation_type type;
    int subject, object;  /* kb actor indexes; object is -1 for controls */
    sr_place_ref place;   /* controls: the place */
    sr_date valid_from;   /* zeros when the text gives no start */
    sr_precision from_precision;
    sr_date valid_to;     /* zeros when open */
    sr_date observed;     /* the sentence's date or the publication date */
    double confidence;
    int from_event;       /* derived from a coded event (else a text pattern) */
    sr_certainty certainty;
    sr_span evidence;
} sr_relation;

typedef struct sr_relation_set {
    sr_relation *items;
    size_t n;
    size_t dropped;
} sr_relation_set;

sr_status sr_relations_extract(const sr_kb *kb, sr_doc *doc, const sr_cleaned *c,
                               const sr_annotation *a, const sr_coding *k,
                               sr_relation_set *out);

/* One JSON line per fact (the `sitrep relations` schema, docs/SCHEMA.md). */
sr_status sr_relations_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                               const sr_relation_set *r, sr_buf *b);

#ifdef __cplusplus
}
#endif
#endif
