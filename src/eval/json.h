/* json.h - a small JSON document tree (RFC 8259) for the scorer.
 *
 * The ingest parser (src/ingest/jsonl.c) decodes a fixed set of fields in one
 * pass; the scorer instead reads arbitrary gold and event files and walks
 * them the way score.py walks Python dicts, so it needs a real tree.  Every
 * node lives in the arena passed to json_parse and dies with it.
 *
 * Strict RFC 8259 grammar: no comments, no trailing commas, no NaN or
 * Infinity, strings must be valid UTF-8 without raw control bytes.  A lone
 * UTF-16 surrogate in a \u escape decodes to U+FFFD.  Nesting is capped at
 * JSON_MAX_DEPTH and the parser is iterative, so hostile input can exhaust
 * neither the C stack nor (beyond the arena cap) memory.  Errors name the
 * line and byte column.  Cost: O(len) time; about 64 bytes of arena per
 * value plus the decoded strings. */
#ifndef SR_EVAL_JSON_H
#define SR_EVAL_JSON_H

#include <stdint.h>

#include "sitrep/arena.h"

#define JSON_MAX_DEPTH 256

typedef enum json_type {
    JSON_NULL,
    JSON_FALSE,
    JSON_TRUE,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_type;

typedef struct json_value json_value;
struct json_value {
    json_type type;
    uint32_t line, col; /* where the value starts: 1-based line, byte column */
    /* JSON_STRING: decoded UTF-8 (may hold NUL; always NUL-terminated).
     * JSON_NUMBER: the literal as written.  Otherwise NULL. */
    const char *str;
    /* JSON_ARRAY / JSON_OBJECT: the children in document order; an object's
     * children carry their key.  Duplicate keys are kept (see json_get). */
    json_value **items;
    size_t len;      /* bytes of str, or number of items */
    const char *key; /* member name when the parent is an object, else NULL */
    size_t key_len;
    double num; /* JSON_NUMBER: strtod of the literal (C locale) */
    int is_int; /* JSON_NUMBER: the literal has no fraction and no exponent */
};

/* Parses TEXT[0..len) as one JSON value into arena A.  FIRST_LINE and
 * FIRST_COL place TEXT's first byte in its file (both 1-based; 0 means 1),
 * so a caller parsing a slice of a line still reports true positions.  On
 * error returns SR_EFORMAT (or SR_ENOMEM) and writes "LINE:COL: reason"
 * into ERR. */
sr_status json_parse(sr_arena *a, const char *text, size_t len, uint32_t first_line,
                     uint32_t first_col, json_value **out, char *err, size_t errlen);

/* The member KEY of object OBJ, the last one when the key repeats (as
 * Python's json module keeps the last).  NULL when OBJ is not an object or
 * has no such key.  O(members). */
const json_value *json_get(const json_value *obj, const char *key);

/* Deep copy of V into arena A; *OUT = NULL when V is NULL.  Recursion is
 * bounded by JSON_MAX_DEPTH.  SR_ENOMEM on allocation failure. */
sr_status json_clone(sr_arena *a, const json_value *v, json_value **out);

#endif
