/* floor.c - what the entity stage cannot go below, measured.
 *
 * `sitrep entities` reads and cleans each document, folds every report
 * paragraph (fold.h), scans the folded text against the word table of
 * all aliases, places and cues (kb_scan), and writes one JSON line per
 * mention.  This tool times those steps one by one over the same input,
 * each on its own, with the shipped knowledge files, and prints each
 * step's throughput in MB of input per second together with the whole
 * annotator (sr_annotate) and its JSON writer (sr_annotation_to_json).
 *
 * Every figure is per core (one thread).  The sum of the time of the
 * steps no implementation can skip (read + clean, fold, scan, JSON) is a
 * floor: `sitrep entities` can never run faster than its inverse, whatever
 * is done to the rest of the stage.
 *
 *   build/bench/floor FILE [RUNS]      (make bench-floor runs it on 30 MB)
 *
 * Each step is timed per document with a monotonic clock; the median over
 * RUNS passes (default 5) is printed.  Steps run back to back on one
 * document, so each finds its input in cache: the figures are, if
 * anything, kinder than the pipeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kb/kb_int.h"
#include "sitrep/annotate.h"
#include "sitrep/buf.h"
#include "sitrep/clean.h"
#include "sitrep/doc.h"
#include "sitrep/fold.h"
#include "sitrep/reader.h"

enum { T_READ, T_CLEAN, T_FOLD, T_SCAN, T_SCAN_DOC, T_ANNOTATE, T_JSON, T_COUNT };
static const char *step_name[T_COUNT] = {"read", "clean", "fold", "scan (word table)",
                                         "scan, 1 call/doc",
                                         "annotate (whole)", "entities JSON"};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static unsigned long long n_matches;

static int count_match(int pattern, size_t start, size_t end, void *ctx)
{
    (void)pattern, (void)start, (void)end, (void)ctx;
    n_matches++;
    return 0;
}

/* One pass over PATH; adds each step's seconds to T. */
static int pass(const char *path, sr_kb *kb, sr_annotator *an,
                int doc_scan, double t[T_COUNT], unsigned long long *bytes,
                unsigned long long *out_bytes)
{
    char err[512];
    sr_reader *r;
    if (sr_reader_open(&r, path, NULL, err, sizeof err) != SR_OK) {
        fprintf(stderr, "floor: %s\n", err);
        return -1;
    }
    sr_doc doc;
    sr_buf out;
    if (sr_doc_init(&doc, NULL) != SR_OK)
        return -1;
    sr_buf_init(&out, NULL);
    *bytes = *out_bytes = 0;
    n_matches = 0;
    for (;;) {
        double t0 = now();
        sr_status st = sr_reader_next(r, &doc);
        double t1 = now();
        t[T_READ] += t1 - t0;
        if (st == SR_DONE)
            break;
        if (st == SR_REJECT)
            continue;
        if (st != SR_OK) {
            fprintf(stderr, "floor: %s\n", sr_reader_error(r));
            break;
        }
        *bytes += doc.input_bytes;
        sr_cleaned c;
        st = sr_clean(&doc, &c);
        double t2 = now();
        t[T_CLEAN] += t2 - t1;
        if (st != SR_OK)
            continue;
        /* fold and scan, paragraph by paragraph, as the annotator does */
        double tf = 0, ts = 0;
        for (size_t i = 0; i < c.n_body; i++) {
            sr_norm f;
            double a = now();
            if (sr_fold(doc.arena, kb->fold, c.text + c.body[i].start,
                        c.body[i].end - c.body[i].start, &f) != SR_OK)
                break;
            double b = now();
            if (f.len && !doc_scan)
                kb_scan(kb, f.text, f.len, count_match, NULL);
            double e = now();
            tf += b - a;
            ts += e - b;
        }
        t[T_FOLD] += tf;
        t[T_SCAN] += ts;
        /* on the passes that ask for it, the same scan with one call per
         * document (paragraphs joined by two spaces) instead: what the scan
         * costs without its per-call overhead */
        size_t total = 2;
        sr_norm *fp = doc_scan ? sr_arena_alloc(doc.arena, (c.n_body + 1) * sizeof *fp) : NULL;
        for (size_t i = 0; fp && i < c.n_body; i++) {
            if (sr_fold(doc.arena, kb->fold, c.text + c.body[i].start,
                        c.body[i].end - c.body[i].start, &fp[i]) != SR_OK)
                fp[i].len = 0;
            total += fp[i].len + 2;
        }
        char *joined = fp ? sr_arena_alloc(doc.arena, total + 1) : NULL;
        if (joined) {
            size_t o = 0;
            joined[o++] = ' ';
            for (size_t i = 0; i < c.n_body; i++) {
                memcpy(joined + o, fp[i].text, fp[i].len);
                o += fp[i].len;
                joined[o++] = ' ';
                joined[o++] = ' ';
            }
            double a = now();
            if (o > 1)
                kb_scan(kb, joined, o, count_match, NULL);
            t[T_SCAN_DOC] += now() - a;
        }
        double t3 = now();
        sr_annotation ann;
        st = sr_annotate(an, &doc, &c, &ann);
        double t4 = now();
        t[T_ANNOTATE] += t4 - t3;
        if (st != SR_OK)
            continue;
        sr_buf_clear(&out);
        sr_annotation_to_json(kb, &doc, &c, &ann, &out);
        t[T_JSON] += now() - t4;
        *out_bytes += out.len;
    }
    sr_buf_free(&out);
    sr_doc_free(&doc);
    sr_reader_free(r);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: floor FILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 99)
        runs = 5;
    char err[512];
    sr_kb *kb;
    sr_kb_options opt = {0};
    if (sr_kb_load(&kb, &opt, err, sizeof err) != SR_OK) {
        fprintf(stderr, "floor: %s\n", err);
        return 1;
    }
    sr_annotator *an;
    if (sr_annotator_new(&an, kb) != SR_OK) {
        fprintf(stderr, "floor: cannot set up the annotator\n");
        return 1;
    }
    double per[T_COUNT][99];
    unsigned long long bytes = 0, out_bytes = 0;
    for (int k = 0; k < runs; k++) {
        double t[T_COUNT] = {0}, td[T_COUNT] = {0};
        if (pass(argv[1], kb, an, 0, t, &bytes, &out_bytes) != 0 ||
            pass(argv[1], kb, an, 1, td, &bytes, &out_bytes) != 0)
            return 1;
        t[T_SCAN_DOC] = td[T_SCAN_DOC];
        for (int s = 0; s < T_COUNT; s++)
            per[s][k] = t[s];
    }
    double med[T_COUNT];
    for (int s = 0; s < T_COUNT; s++) {
        qsort(per[s], (size_t)runs, sizeof(double), cmp_double);
        med[s] = per[s][runs / 2];
    }
    double mb = (double)bytes / 1e6;
    printf("input %.1f MB, %zu patterns, %llu raw matches per pass, JSON out %.1f MB; "
           "median of %d passes, one core\n",
           mb, sr_kb_pattern_count(kb), n_matches, (double)out_bytes / 1e6, runs);
    for (int s = 0; s < T_COUNT; s++)
        printf("  %-18s %8.1f MB/s  %6.2f ns/byte\n", step_name[s], mb / med[s],
               med[s] * 1e9 / (double)bytes);
    double floor_s = med[T_READ] + med[T_CLEAN] + med[T_FOLD] + med[T_SCAN] + med[T_JSON];
    printf("  floor: read + clean + fold + scan + JSON = %.2f ns/byte, so `sitrep entities` "
           "cannot pass %.1f MB/s per core\n",
           floor_s * 1e9 / (double)bytes, mb / floor_s);
    double bare = med[T_READ] + med[T_CLEAN] + med[T_SCAN_DOC] + med[T_JSON];
    printf("  even with a free fold and one scan call per document: %.2f ns/byte, %.1f MB/s\n",
           bare * 1e9 / (double)bytes, mb / bare);
    double whole = med[T_READ] + med[T_CLEAN] + med[T_ANNOTATE] + med[T_JSON];
    printf("  whole stage as timed here: %.1f MB/s per core\n", mb / whole);
    sr_annotator_free(an);
    sr_kb_free(kb);
    return 0;
}
