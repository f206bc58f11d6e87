/* bench_norm.c - throughput of sr_normalize and sr_sentences.
 *
 * Not part of the library.  Reads the "text" field of every line of a
 * JSON-lines corpus (default /work/shared/corpora/fakes.jsonl), repeats the
 * documents in memory up to about 200 MB, and times one pass of
 * sr_normalize(SR_NORM_DEFAULT) and one of sr_sentences over them, one
 * arena reset per document as the pipeline does.
 *
 *   cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude $(pkg-config --cflags icu-uc) \
 *     src/core/mem.c src/core/arena.c src/text/normalize.c src/text/sentences.c \
 *     bench/bench_norm.c -o /tmp/bench_norm $(pkg-config --libs icu-uc)
 *   /tmp/bench_norm [corpus.jsonl] [megabytes] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/text.h"

typedef struct doc {
    char *text;
    size_t len;
} doc;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void put_utf8(char **o, unsigned c) {
    unsigned char *p = (unsigned char *)*o;
    if (c < 0x80) {
        *p++ = (unsigned char)c;
    } else if (c < 0x800) {
        *p++ = (unsigned char)(0xC0 | c >> 6);
        *p++ = (unsigned char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *p++ = (unsigned char)(0xE0 | c >> 12);
        *p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        *p++ = (unsigned char)(0x80 | (c & 0x3F));
    } else {
        *p++ = (unsigned char)(0xF0 | c >> 18);
        *p++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
        *p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        *p++ = (unsigned char)(0x80 | (c & 0x3F));
    }
    *o = (char *)p;
}

/* Decodes the JSON string value of "text" in LINE into a new buffer; just
 * enough JSON for a benchmark (no validation). */
static int extract_text(const char *line, doc *d) {
    const char *p = strstr(line, "\"text\": \"");
    if (!p)
        return 0;
    p += 9;
    char *out = malloc(strlen(p) + 1), *o = out;
    if (!out)
        return 0;
    for (; *p && *p != '"'; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 'n':
            *o++ = '\n';
            break;
        case 't':
            *o++ = '\t';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'u': {
            unsigned c = (unsigned)strtoul((char[]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
            p += 4;
            if (c >= 0xD800 && c < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                unsigned lo = (unsigned)strtoul((char[]){p[3], p[4], p[5], p[6], 0}, NULL, 16);
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
            put_utf8(&o, c);
            break;
        }
        case '\0':
            p--;
            break;
        default:
            *o++ = *p;
        }
    }
    d->text = out;
    d->len = (size_t)(o - out);
    return 1;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/work/shared/corpora/fakes.jsonl";
    size_t target = (argc > 2 ? strtoul(argv[2], NULL, 10) : 200) * 1000000ul;
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    doc *base = NULL;
    size_t nbase = 0, capbase = 0, bytes = 0, nonascii = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        if (nbase == capbase) {
            capbase = capbase ? capbase * 2 : 1024;
            base = realloc(base, capbase * sizeof *base);
        }
        if (extract_text(line, &base[nbase])) {
            for (size_t i = 0; i < base[nbase].len; i++)
                nonascii += (unsigned char)base[nbase].text[i] >= 0x80;
            bytes += base[nbase++].len;
        }
    }
    free(line);
    fclose(f);
    if (!bytes) {
        fprintf(stderr, "no documents\n");
        return 1;
    }
    size_t reps = (target + bytes - 1) / bytes, total = reps * bytes;
    printf("%zu documents, %.2f MB, %.3f%% non-ASCII bytes; x%zu = %.1f MB\n", nbase, bytes / 1e6,
           100.0 * nonascii / bytes, reps, total / 1e6);

    /* Distinct copies so the caches see 200 MB, not one small corpus. */
    doc *docs = malloc(reps * nbase * sizeof *docs);
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < nbase; i++) {
            doc *d = &docs[r * nbase + i];
            d->len = base[i].len;
            d->text = malloc(d->len + 1);
            memcpy(d->text, base[i].text, d->len + 1);
        }
    size_t ndocs = reps * nbase;

    sr_arena *a = sr_arena_new(NULL);
    size_t out_bytes = 0, sentences = 0;
    double t0 = now();
    for (size_t i = 0; i < ndocs; i++) {
        sr_norm n;
        sr_arena_reset(a);
        if (sr_normalize(a, docs[i].text, docs[i].len, SR_NORM_DEFAULT, &n) != SR_OK) {
            fprintf(stderr, "sr_normalize failed on document %zu\n", i);
            return 1;
        }
        out_bytes += n.len;
    }
    double t1 = now();
    for (size_t i = 0; i < ndocs; i++) {
        sr_span *v;
        size_t n;
        sr_arena_reset(a);
        if (sr_sentences(a, docs[i].text, (sr_span){0, docs[i].len}, &v, &n) != SR_OK) {
            fprintf(stderr, "sr_sentences failed on document %zu\n", i);
            return 1;
        }
        sentences += n;
    }
    double t2 = now();
    printf("sr_normalize(SR_NORM_DEFAULT): %.3f s, %.0f MB/s (%zu bytes out)\n", t1 - t0,
           total / 1e6 / (t1 - t0), out_bytes);
    printf("sr_sentences:                  %.3f s, %.0f MB/s (%zu sentences, %.1f per doc)\n",
           t2 - t1, total / 1e6 / (t2 - t1), sentences, (double)sentences / ndocs);

    sr_arena_free(a);
    for (size_t i = 0; i < ndocs; i++)
        free(docs[i].text);
    for (size_t i = 0; i < nbase; i++)
        free(base[i].text);
    free(docs);
    free(base);
    return 0;
}
