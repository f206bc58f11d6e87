/* sitrep/eval.h - score coded events against a hand-made gold file.
 *
 * Ownership: sr_eval_events fills a caller-owned sr_eval_result; every
 * string and array it points to belongs to the result and lives until
 * sr_eval_result_free.  Nothing else is retained; no argument is consumed.
 *
 * The scorer is a C port of the --events mode of the evaluation kit's
 * score.py (shared/eval/score.py); its figures are meant to be identical on
 * the same inputs.  Gold format: shared/eval/seeds.gold.json; accepted actor
 * spellings: actors.gold.json.  Events: JSON lines as written by
 * `sitrep code` (doc_id, sub_event_type, event_date, actor1, actor2,
 * assoc_actor_1/2, location, admin1-3, fatalities, certainty, historical,
 * evidence).
 *
 * Matching, as score.py does it: names are folded (NFKD, combining marks
 * dropped, lower case, apostrophes and quotes dropped, - _ / . , ( ) turned
 * into spaces, white space collapsed, one leading the/al/el/ad/ar/as/an/at/
 * az removed).  A system event matches a gold event when the document, the
 * sub-type, every gold actor, the date (within date_tol days, default 1) and
 * one place spelling agree.  Matching is greedy and one-to-one: required
 * gold first, gold accepting fewer types first, each taking the first
 * unused system event that matches.  Optional gold neither helps nor hurts
 * precision.
 *
 * Where score.py stops on a malformed events line, this scorer records a
 * diagnostic "PATH:LINE:COL: reason", skips the line and scores the rest. */
#ifndef SITREP_EVAL_H
#define SITREP_EVAL_H

#include "sitrep/buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many diagnostics are kept; n_bad_lines still counts all. */
#define SR_EVAL_MAX_DIAGS 100

typedef struct sr_eval_result {
    size_t events_system;         /* events whose doc_id names a gold document */
    size_t events_gold_required;  /* required gold events */
    size_t events_tp;             /* required gold events matched */
    size_t optional_matched;      /* system events matched to optional gold */
    double precision, recall, f1; /* unrounded; printing rounds to 3 places */

    const char **missed; /* ids of unmatched required gold, in gold order */
    size_t n_missed;

    /* Field accuracy over matched events: OK of N. */
    size_t fatalities_ok, fatalities_n; /* gold has "fatalities": exact equality */
    size_t historical_ok, historical_n; /* gold historical: system flags it */
    size_t hedged_ok, hedged_n;         /* gold certainty: system certainty is
                                           not empty/reported/confirmed/certain */

    /* Documents whose summed fatalities differ from the gold total, as
     * "DOC: SYSTEM != GOLD". */
    const char **doc_totals_wrong;
    size_t n_doc_totals_wrong;

    size_t negatives_hit; /* gold negatives turned into an event */

    size_t lines_read;  /* non-blank events lines */
    size_t n_bad_lines; /* lines skipped as malformed */
    const char **diags; /* first SR_EVAL_MAX_DIAGS diagnostics */
    size_t n_diags;

    void *internal_; /* owns everything above */
} sr_eval_result;

/* Scores the events file EVENTS_PATH against the gold file GOLD_PATH, with
 * actor spellings from ACTORS_PATH (NULL = "actors.gold.json" in the gold
 * file's directory).  MEM = NULL uses sr_mem_default().  *OUT is
 * (re)initialised; call sr_eval_result_free on it afterwards whatever the
 * status.
 *
 * Errors: SR_EINVAL (NULL argument), SR_EIO (a file cannot be read),
 * SR_EFORMAT (gold or actors file malformed: ERR says which file, where and
 * why), SR_ENOMEM.  A malformed events line is not an error: it lands in
 * OUT->diags and is skipped.
 *
 * Cost: O(gold + events) to read; matching compares each gold event only
 * with the system events of its own document, so O(sum over documents of
 * gold x events) comparisons of pre-folded names. */
sr_status sr_eval_events(const char *gold_path, const char *events_path, const char *actors_path,
                         const sr_mem *mem, sr_eval_result *out, char *err, size_t errlen);

/* Appends R's figures to B.  JSON = 1 writes the same JSON as
 * `score.py GOLD --events EVENTS --json` (indent 1, ASCII-escaped);
 * JSON = 0 writes its "key: value" lines and the final "summary:" line.
 * Diagnostics are not printed (see R->diags).  Returns B's status. */
sr_status sr_eval_result_print(const sr_eval_result *r, sr_buf *b, int json);

/* Releases what R owns and zeroes it.  NULL or a zeroed result is a no-op. */
void sr_eval_result_free(sr_eval_result *r);

#ifdef __cplusplus
}
#endif
#endif
