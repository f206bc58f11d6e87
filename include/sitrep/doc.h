/* sitrep/doc.h - a document as the readers deliver it.
 *
 * A document is its bytes plus metadata.  All strings point into the
 * document's arena and stay valid until the next sr_doc_reset/sr_doc_free.
 * Strings are NUL-terminated; `body` also carries its length because it may
 * legitimately contain NUL bytes replaced during UTF-8 repair. */
#ifndef SITREP_DOC_H
#define SITREP_DOC_H

#include "sitrep/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_content_type {
    SR_CONTENT_TEXT = 0, /* plain text, one article */
    SR_CONTENT_HTML = 1  /* an HTML page */
} sr_content_type;

/* One invalid UTF-8 sequence found in the input and replaced by U+FFFD. */
typedef struct sr_utf8_issue {
    size_t input_offset; /* byte offset in the bytes as received */
    size_t text_offset;  /* offset of the U+FFFD in body */
} sr_utf8_issue;

typedef struct sr_doc {
    sr_arena *arena;            /* owns everything below */
    const char *id;             /* record id, or derived from the origin */
    const char *url;            /* NULL when unknown */
    const char *title;          /* metadata title, NULL when unknown */
    const char *published;      /* metadata date as given, NULL when unknown */
    const char *source;         /* outlet, NULL when unknown */
    const char *origin;         /* "path", "path:LINE" or "path#record N" */
    sr_content_type content_type;
    const char *body;           /* valid UTF-8 (repaired), NUL-terminated */
    size_t body_len;
    const char *extra_json;     /* unknown JSON fields, verbatim, comma-
                                   separated "k":v pairs; NULL when none */
    sr_utf8_issue *utf8_issues; /* replaced sequences, in order */
    size_t n_utf8_issues;       /* total count (may exceed the stored list) */
    size_t n_utf8_issues_stored;
    size_t input_bytes;         /* bytes consumed from the input */
} sr_doc;

/* Prepares DOC with a fresh arena.  SR_ENOMEM on failure. */
sr_status sr_doc_init(sr_doc *doc, const sr_mem *mem);
/* Forgets the current document; keeps the arena for reuse. */
void sr_doc_reset(sr_doc *doc);
/* Releases the arena.  Safe on a zeroed or already freed doc. */
void sr_doc_free(sr_doc *doc);

/* Copies BYTES into DOC->body, replacing every invalid UTF-8 sequence (and
 * NUL bytes) with U+FFFD and recording each replacement.  Overlong forms,
 * surrogates and code points above U+10FFFF count as invalid.  O(len). */
sr_status sr_doc_set_body(sr_doc *doc, const char *bytes, size_t len);

/* Like sr_doc_set_body for BYTES that already live in doc->arena and are
 * NUL-terminated: valid input is adopted without a copy. */
sr_status sr_doc_adopt_body(sr_doc *doc, const char *bytes, size_t len);

#ifdef __cplusplus
}
#endif
#endif
