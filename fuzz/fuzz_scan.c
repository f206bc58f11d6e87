/* fuzz_scan.c - the entity stage's word-table scan (kb_scan) and the whole
 * annotator on arbitrary text, with the shipped knowledge files (run from
 * the repository root: they are read from data/).
 *
 * Invariants: every match lies inside the scanned text, begins and ends on
 * a word boundary (a space or an end of the text), spells its pattern (or
 * the pattern and an "s", for a pattern with a plural), and matches come
 * in order of start, then end; the fold of the text is scanned the same
 * way; sr_annotate on the text as a document neither crashes nor trips a
 * sanitizer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/kb_int.h"
#include "sitrep/annotate.h"
#include "sitrep/clean.h"
#include "sitrep/doc.h"
#include "sitrep/fold.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static sr_kb *kb;
static sr_annotator *an;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char err[512];
    sr_kb_options o = {.data_dir = "data"};
    if (sr_kb_load(&kb, &o, err, sizeof err) != SR_OK || sr_annotator_new(&an, kb) != SR_OK) {
        fprintf(stderr, "fuzz_scan: %s (run from the repository root)\n", err);
        abort();
    }
    return 0;
}

typedef struct seen {
    const char *t;
    size_t n, start, end;
    int any;
} seen;

static int on_match(int pattern, size_t s, size_t e, void *ctx)
{
    seen *c = ctx;
    CHECK(pattern >= 0 && (size_t)pattern < kb->n_patterns);
    CHECK(s < e && e <= c->n);
    CHECK(s == 0 || c->t[s - 1] == ' ');
    CHECK(e == c->n || c->t[e] == ' ');
    const kb_pattern *p = &kb->patterns[pattern];
    if (p->len == e - s)
        CHECK(!memcmp(p->folded, c->t + s, p->len));
    else
        CHECK(p->plural && p->len + 1 == e - s && !memcmp(p->folded, c->t + s, p->len) &&
              c->t[e - 1] == 's');
    CHECK(!c->any || s > c->start || (s == c->start && e > c->end));
    c->start = s, c->end = e, c->any = 1;
    return 0;
}

static void scan(const char *t, size_t n)
{
    seen c = {t, n, 0, 0, 0};
    CHECK(kb_scan(kb, t, n, on_match, &c) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the raw bytes, as a skeleton: any byte may stand in a word */
    scan((const char *)data, size);
    sr_doc d;
    if (sr_doc_init(&d, NULL) != SR_OK)
        return 0;
    d.id = "fuzz";
    d.published = "2019-01-01";
    if (sr_doc_set_body(&d, (const char *)data, size) == SR_OK) {
        sr_norm f;
        if (sr_fold(d.arena, kb->fold, (const char *)data, size, &f) == SR_OK)
            scan(f.text, f.len);
        sr_cleaned c;
        sr_annotation a;
        if (sr_clean(&d, &c) == SR_OK)
            (void)sr_annotate(an, &d, &c, &a);
    }
    sr_doc_free(&d);
    return 0;
}
