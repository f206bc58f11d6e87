/* sitrep/fold.h - the spelling-insensitive "skeleton" shared by text and
 * dictionary.
 *
 * Names of the Syrian conflict reach English text in many transliterations
 * ("Hay'at / Hayat / Hayyaat Tahrir al-Sham", "Tell Rifat / Tall Rif'at /
 * Tal Rifaat", "Horas / Hurras al-Din").  Both the knowledge files and the
 * report text are folded to one skeleton, so variants meet on the same
 * bytes and a plain literal match finds them.  The skeleton is:
 *   NFKC, case folding, diacritics stripped, typographic punctuation folded
 *   (sr_normalize); apostrophes, ayn/hamza signs and quotes dropped; hyphens
 *   and other punctuation become a space, white space collapses to one;
 *   the Arabic article before a hyphen ("el-", "ad-", "ash-") or before its
 *   own assimilated consonant ("an Nu'man", "ar Raqqa") becomes "al";
 *   q -> k, o -> u, e -> i, doubled letters collapse, a word-final h after
 *   a vowel is dropped; then whole words are rewritten by the table in
 *   data/fold.tsv ("kfar", "kafar" -> "kafr").
 * Every output byte maps back to the original byte it came from, exactly as
 * sr_norm does, so a match on the skeleton is reported on the original.
 * Arabic script passes through NFKC and case folding only. */
#ifndef SITREP_FOLD_H
#define SITREP_FOLD_H

#include "sitrep/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sr_fold_table sr_fold_table;

/* Loads the word table (data/fold.tsv format: "variant<TAB>skeleton" per
 * line, '#' comments).  On a malformed line returns SR_EFORMAT with
 * "path:line: reason" in ERR.  PATH NULL gives an empty table. */
sr_status sr_fold_table_load(sr_fold_table **out, const char *path, char *err, size_t errlen);
void sr_fold_table_free(sr_fold_table *t);

/* Folds S[0..len) (valid UTF-8) to its skeleton; OUT->map as in sr_norm.
 * TABLE may be NULL.  O(len). */
sr_status sr_fold(sr_arena *a, const sr_fold_table *table, const char *s, size_t len,
                  sr_norm *out);

/* Convenience for short strings (names, aliases): skeleton into BUF as a
 * NUL-terminated string; returns its length, or (size_t)-1 if it does not
 * fit or on allocation failure. */
size_t sr_fold_name(const sr_fold_table *table, const char *s, size_t len, char *buf,
                    size_t cap);

#ifdef __cplusplus
}
#endif
#endif
