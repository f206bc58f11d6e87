/* store_bench.c - query latency on a store (make bench, bench/bench.py).
 *
 * Opens DB read-only, runs N queries of each kind with parameters drawn
 * from a fixed pseudo-random sequence (same every run), and prints one
 * JSON object per kind with p50, p99 and max in milliseconds:
 *   events_actor_dates  events of one actor in a 90-day window, 100 per page
 *   relations_at        the relation picture at one date
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
    double *t = malloc((size_t)n * sizeof *t);
    sr_buf b;
    sr_buf_init(&b, NULL);
    size_t rows = 0;
    for (int i = 0; i < n; i++) {
        char from[16], to[16];
        int y = 2011 + (int)(next() % 40), m = 1 + (int)(next() % 12);
        snprintf(from, sizeof from, "%04d-%02d-01", y, m);
        snprintf(to, sizeof to, "%04d-%02d-28", m > 9 ? y + 1 : y, m > 9 ? m - 9 : m + 3);
        sr_event_query q = {0};
        q.actor = actors[next() % (sizeof actors / sizeof *actors)];
        q.from = from;
        q.to = to;
        q.limit = 100;
        sr_buf_clear(&b);
        double t0 = now_ms();
        if (sr_store_events(st, &q, &b, err, sizeof err) != SR_OK) {
            fprintf(stderr, "store_bench: events: %s\n", err);
            return 1;
        }
        t[i] = now_ms() - t0;
        rows += lines(&b);
    }
    report("events_actor_dates", t, n, rows);
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
    sr_store_close(st);
    return 0;
}
