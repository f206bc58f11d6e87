/* sitrep/code.h - the event coder: ACLED-style events from annotated text.
 *
 * sr_code reads the mentions of one annotated document (annotate.h) and
 * codes events sentence by sentence from the trigger frames in
 * data/events.tsv: who did what to whom, where, when, with how many dead,
 * according to whom and how certain, with the evidence spans.  Events about
 * the same happening within a document are merged.  Statements (accuse,
 * threaten, agree, ...) are not ACLED events and come back separately.
 * Everything is allocated in the document's arena; the sr_kb is only read.
 * Cost: linear in the number of mentions, plus a pairwise merge over the
 * document's events (bounded by SR_CODE_MAX_EVENTS). */
#ifndef SITREP_CODE_H
#define SITREP_CODE_H

#include "sitrep/annotate.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SR_CODE_MAX_EVENTS 256   /* per document; more are dropped with a warning */
#define SR_CODE_MAX_EVIDENCE 8   /* spans kept per event */
#define SR_CODE_MAX_ASSOC 4      /* associated actors per side */

typedef enum sr_certainty {
    SR_CERT_REPORTED = 0,
    SR_CERT_CLAIMED,     /* one side's claim */
    SR_CERT_UNCONFIRMED, /* rumour, "allegedly", "impossible to confirm" */
    SR_CERT_DENIED,
    SR_CERT_EXPECTED     /* future or planned */
} sr_certainty;

typedef struct sr_event {
    const char *event_type;     /* ACLED event type, e.g. "Battles" */
    const char *sub_event_type; /* ACLED sub-event type, e.g. "Armed clash" */
    sr_date date;
    sr_precision time_precision;
    int date_in_text;           /* the date is written in the event's own
                                   sentence (else narrative or anchor) */
    int weak;                   /* coded from a bare killing verb: any other
                                   reading of the sentence replaces it */
    unsigned frame;             /* the trigger's SR_FRAME_* bits */
    int place_in_text;          /* the location is named in the event's own
                                   sentence (else carried from context);
                                   2: one of a list of places there */
    int actor1, actor2;         /* kb actor indexes or -1 */
    int assoc1[SR_CODE_MAX_ASSOC], n_assoc1;
    int assoc2[SR_CODE_MAX_ASSOC], n_assoc2;
    int inter1, inter2, interaction;
    sr_place_ref where;         /* location; where.location NULL when none */
    long long fatalities;
    int fatalities_vague;       /* a toll was mentioned without a number */
    const char *source;         /* attribution, else the publisher */
    sr_certainty certainty;
    int historical, primary;
    int claimed;                /* actor1 is named by its own claim of
                                   responsibility (ACLED codes the claimant) */
    int suspect;                /* actor blamed or accused of the event and
                                   not coded as a side (notes only), or -1 */
    const char *notes;          /* generated one-sentence summary */
    sr_span evidence[SR_CODE_MAX_EVIDENCE];
    size_t n_evidence;
    size_t sentence;            /* first sentence */
} sr_event;

typedef enum sr_statement_type {
    SR_STMT_ACCUSE = 0,
    SR_STMT_THREATEN,
    SR_STMT_AGREE,
    SR_STMT_DENY,
    SR_STMT_CLAIM,
    SR_STMT_CRITICIZE,
    SR_STMT_TYPE_COUNT
} sr_statement_type;

typedef struct sr_statement {
    sr_statement_type type; /* PLOVER-style */
    int speaker, target;    /* actor indexes or -1 */
    sr_date date;
    sr_precision time_precision;
    sr_span evidence;
} sr_statement;

typedef struct sr_coding {
    sr_event *events;
    size_t n_events;
    sr_statement *statements;
    size_t n_statements;
    size_t dropped; /* events over SR_CODE_MAX_EVENTS */
} sr_coding;

/* Codes DOC (cleaned into C, annotated into A). */
sr_status sr_code(const sr_kb *kb, sr_doc *doc, const sr_cleaned *c, const sr_annotation *a,
                  sr_coding *out);

/* One JSON line per event (the `sitrep code` schema). */
sr_status sr_coding_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                            const sr_coding *k, sr_buf *b);
/* ACLED's 31 columns, one CSV row per event; HEADER != 0 writes the header
 * row first. */
sr_status sr_coding_to_acled_csv(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                 const sr_coding *k, int header, sr_buf *b);
/* One JSON line per statement. */
sr_status sr_statements_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                const sr_coding *k, sr_buf *b);

const char *sr_certainty_name(sr_certainty c);
const char *sr_statement_type_name(sr_statement_type t);

#ifdef __cplusplus
}
#endif
#endif
