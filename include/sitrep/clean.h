/* sitrep/clean.h - separating the report from comments and boilerplate.
 *
 * sr_clean classifies a document's blocks into title, report body, reader
 * comments and boilerplate (each removal with its reason), and finds the
 * dateline.  For plain text it uses layout cues (blank-line blocks, bullets
 * and indentation, numbered "says:" threads, bare author lines, word and
 * punctuation statistics, position, repetition of the title); for HTML it
 * uses DOM cues first (comment containers, navigation, share/donate widgets,
 * related lists, link density) and then the same text cues.
 *
 * Every span indexes result->text: the document body for text input, the
 * page's text rendering for HTML input.  Everything is allocated in the
 * document's arena. */
#ifndef SITREP_CLEAN_H
#define SITREP_CLEAN_H

#include "sitrep/buf.h"
#include "sitrep/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sr_comment {
    sr_span author;  /* empty (start == end) when no author is shown */
    sr_span text;    /* the comment's text, possibly several paragraphs */
    int depth;       /* 0 = top level */
    long parent;     /* index into comments, -1 for top level */
} sr_comment;

typedef struct sr_removed {
    sr_span span;
    const char *reason; /* static string, e.g. "caption", "repeated title" */
} sr_removed;

typedef struct sr_date {
    int year;  /* 0 = unknown */
    int month; /* 1..12, 0 = unknown */
    int day;   /* 1..31, 0 = unknown */
} sr_date;

typedef struct sr_cleaned {
    const char *text;      /* what every span indexes */
    size_t text_len;
    const char *title;     /* NUL-terminated; "" when none */
    sr_span title_span;    /* where the title is printed, or {0,0} */
    sr_span *body;         /* report paragraphs, in order */
    size_t n_body;
    sr_comment *comments;
    size_t n_comments;
    sr_removed *removed;   /* boilerplate with reasons, in order */
    size_t n_removed;
    int has_dateline;
    sr_span dateline_span;
    sr_date dateline;
    const char **warnings; /* NUL-terminated messages */
    size_t n_warnings;
} sr_cleaned;

/* Cleans DOC into OUT (allocated in doc->arena).  SR_OK, or SR_REJECT with
 * a warning saying why (empty or binary document, no report text), or
 * SR_ENOMEM.  Cost O(n) in the text length. */
sr_status sr_clean(sr_doc *doc, sr_cleaned *out);

/* Appends the documented JSON line for a cleaned document (with '\n'). */
sr_status sr_clean_to_json(const sr_doc *doc, const sr_cleaned *c, sr_buf *b);

/* Finds a date printed in TEXT[0..len) in the usual news forms ("Wed 05 Apr
 * 2017", "24 Aug 2014", "April 8 2017", "05.10.2017", "10-09-2014").
 * Returns 1 and fills *SPAN and *DATE for the first one, else 0. */
int sr_find_date(const char *text, size_t len, sr_span *span, sr_date *date);

#ifdef __cplusplus
}
#endif
#endif
