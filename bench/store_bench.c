/* store_bench.c - query latency on a store (make bench, bench/bench.py).
 *
 * Opens DB read-only, runs N queries of each kind with parameters drawn
 * from a fixed pseudo-random sequence (same every run), and prints one
 * JSON object per kind with p50, p99 and max in milliseconds:
 *   events_actor_dates       events of one actor in a 90-day window, 100
 *                            per page, each with its sources (the CLI's)
 *   events_actor_dates_slim  the same without sources (GET /api/events)
 *   events_actor_next_page   the slim query's next page by keyset cursor
 *   relations_at             the relation picture at one date
 * Usage: store_bench DB N [DATA_DIR] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/store.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *name, double *v, int n, size_t rows)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    printf("{\"query\":\"%s\",\"n\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
           "\"mean_rows\":%.1f}\n",
           name, n, v[n / 2], v[(int)(n * 0.99) < n ? (int)(n * 0.99) : n - 1], v[n - 1],
           (double)rows / n);
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static size_t lines(const sr_buf *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

/* The "event_date" ("" when null) and "event_id" of the last line in B
 * (the store writes both as plain strings, event_id first). */
static int last_key(const sr_buf *b, char *date, size_t dn, char *id, size_t idn)
{
    const char *end = b->data + b->len - 1, *line = end;
    while (line > b->data && line[-1] != '\n')
        line--;
    const char *i = strstr(line, "\"event_id\":\""), *d = strstr(line, "\"event_date\":");
    if (!i || !d || i > end || d > end)
        return 0;
    i += 12;
    d += 13;
    size_t il = strcspn(i, "\""), dl = *d == '"' ? strcspn(d + 1, "\"") : 0;
    if (il >= idn || dl >= dn)
        return 0;
    memcpy(id, i, il);
    id[il] = '\0';
    memcpy(date, d + 1, dl);
    date[dl] = '\0';
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: store_bench DB N\n");
        return 2;
    }
    int n = atoi(argv[2]);
    if (n < 1)
        n = 1;
    char err[512] = "";
    sr_store *st;
    if (sr_store_open(&st, argv[1], NULL, 1, err, sizeof err) != SR_OK) {
        fprintf(stderr, "store_bench: %s: %s\n", argv[1], err);
        return 2;
    }
    /* actors that occur in the FA-KES replay, most to least frequent */
    static const char *const actors[] = {"Islamic State", "Military Forces of Syria",
                                         "Government of Syria", "Military Forces of Russia",
                                         "Jabhat al-Nusra", "Syrian Democratic Forces",
                                         "US-led Coalition", "Jaysh al-Islam",
                                         "Military Forces of Turkey", "Free Syrian Army"};
    double *t = malloc((size_t)n * sizeof *t), *t2 = malloc((size_t)n * sizeof *t2);
    sr_buf b;
    sr_buf_init(&b, NULL);
    size_t rows = 0, rows2 = 0;
    for (int slim = 0; slim < 2; slim++) {
        uint64_t keep = rng;
        int n2 = 0;
        rows = rows2 = 0;
        for (int i = 0; i < n; i++) {
            char from[16], to[16], after_date[16] = "", after_id[64] = "";
            int y = 2011 + (int)(next() % 40), m = 1 + (int)(next() % 12);
            snprintf(from, sizeof from, "%04d-%02d-01", y, m);
            snprintf(to, sizeof to, "%04d-%02d-28", m > 9 ? y + 1 : y, m > 9 ? m - 9 : m + 3);
            sr_event_query q = {0};
            q.actor = actors[next() % (sizeof actors / sizeof *actors)];
            q.from = from;
            q.to = to;
            q.limit = 100;
            q.slim = slim;
            sr_buf_clear(&b);
            double t0 = now_ms();
            if (sr_store_events(st, &q, &b, err, sizeof err) != SR_OK) {
                fprintf(stderr, "store_bench: events: %s\n", err);
                return 1;
            }
            t[i] = now_ms() - t0;
            rows += lines(&b);
            if (!slim)
                continue;
            /* a full page: time the next one, after its last event */
            if (lines(&b) == 100 &&
                last_key(&b, after_date, sizeof after_date, after_id, sizeof after_id)) {
                q.after_date = after_date;
                q.after_id = after_id;
                sr_buf_clear(&b);
                t0 = now_ms();
                if (sr_store_events(st, &q, &b, err, sizeof err) != SR_OK) {
                    fprintf(stderr, "store_bench: events after: %s\n", err);
                    return 1;
                }
                t2[n2++] = now_ms() - t0;
                rows2 += lines(&b);
            }
        }
        report(slim ? "events_actor_dates_slim" : "events_actor_dates", t, n, rows);
        if (slim && n2)
            report("events_actor_next_page", t2, n2, rows2);
        if (!slim)
            rng = keep; /* the slim pass asks the same questions */
    }
    rows = 0;
    for (int i = 0; i < n; i++) {
        char at[16];
        snprintf(at, sizeof at, "%04d-%02d-%02d", 2011 + (int)(next() % 40),
                 1 + (int)(next() % 12), 1 + (int)(next() % 28));
        sr_buf_clear(&b);
        double t0 = now_ms();
        if (sr_store_relations(st, at, NULL, &b, err, sizeof err) != SR_OK) {
            fprintf(stderr, "store_bench: relations: %s\n", err);
            return 1;
        }
        t[i] = now_ms() - t0;
        rows += lines(&b);
    }
    report("relations_at", t, n, rows);
    sr_buf_free(&b);
    free(t);
    free(t2);
    sr_store_close(st);
    return 0;
}
