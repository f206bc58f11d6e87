/* sitrep/text.h - the text layer: normalisation with an offset map, and
 * sentence segmentation.
 *
 * Matching happens on a normalised copy; reporting happens on the original.
 * sr_normalize produces the copy plus a map from every normalised byte back
 * to the original byte it came from, so a match at [i, j) in the copy is
 * reported at [map[i], map_end(j)) in the original.  All output lives in the
 * arena passed in. */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include "sitrep/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    SR_NORM_NFKC = 1u << 0,       /* Unicode NFKC (ICU) */
    SR_NORM_PUNCT = 1u << 1,      /* typographic quotes, apostrophes, dashes,
                                     no-break and other spaces -> ASCII */
    SR_NORM_CASEFOLD = 1u << 2,   /* full Unicode case folding (ICU) */
    SR_NORM_STRIP_MARKS = 1u << 3 /* drop combining marks after NFKD (ā->a) */
};
#define SR_NORM_DEFAULT (SR_NORM_NFKC | SR_NORM_PUNCT | SR_NORM_CASEFOLD)

typedef struct sr_norm {
    char *text;   /* normalised UTF-8, NUL-terminated */
    size_t len;
    size_t *map;  /* len + 1 entries: map[i] = original offset of byte i;
                     map[len] = end of the original input */
} sr_norm;

/* Normalises S[0..len) (valid UTF-8) with FLAGS.  O(len).
 * SR_EINVAL on bad arguments, SR_ENOMEM on allocation failure. */
sr_status sr_normalize(sr_arena *a, const char *s, size_t len, unsigned flags,
                       sr_norm *out);

/* Maps a normalised range back to the original: [start, end) of the copy to
 * the smallest original range covering it. */
sr_span sr_norm_span(const sr_norm *n, size_t start, size_t end);

/* Splits TEXT[region.start .. region.end) into sentences.  Spans index TEXT
 * (the original), trimmed of surrounding white space.  Respects
 * abbreviations (U.S., Lt. Col., Gen., No., initials), decimal numbers,
 * closing quotes and brackets after the stop, and a leading dateline.
 * *OUT is allocated in A.  O(region length). */
sr_status sr_sentences(sr_arena *a, const char *text, sr_span region,
                       sr_span **out, size_t *n_out);

#ifdef __cplusplus
}
#endif
#endif
