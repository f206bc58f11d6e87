/* fuzz_html.c - libFuzzer target for html_extract.
 *
 * Each input gets a fresh arena, freed afterwards, so a leak or a use after
 * free shows up per input.  On success the output is checked against the
 * contract the cleaner relies on (blocks tile the text, spans in bounds);
 * a violation aborts, which libFuzzer reports as a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/html.h"
#include "sitrep/arena.h"

static void check(const html_page *p)
{
    if (!p->text || p->text[p->len] != '\0' || strlen(p->text) != p->len || !p->n_blocks)
        abort();
    long comments = 0;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const html_block *b = &p->blocks[i];
        if (b->span.start >= b->span.end || b->span.end > p->len)
            abort();
        if (i > 0 && b->span.start != p->blocks[i - 1].span.end + 2)
            abort();
        if ((b->kind == HTML_BLOCK_BOILERPLATE) != (b->reason != NULL))
            abort();
        if (b->kind == HTML_BLOCK_COMMENT) {
            if (b->author.start > b->author.end || b->author.end > p->len || b->parent < -1 ||
                b->parent >= comments)
                abort();
            comments++;
        }
    }
    if (p->blocks[0].span.start != 0 || p->blocks[p->n_blocks - 1].span.end != p->len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return 0;
    html_page page;
    char err[128];
    sr_status st = html_extract(a, (const char *)data, size, &page, err, sizeof err);
    if (st == SR_OK)
        check(&page);
    else if (st != SR_EFORMAT && st != SR_ENOMEM)
        abort();
    sr_arena_free(a);
    return 0;
}
