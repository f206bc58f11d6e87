/* fuzz_clean.c - the cleaner (text and HTML paths) and its JSON writer on
 * arbitrary documents.  The first byte picks text or HTML and whether a
 * metadata title is set.  Invariants: every span lies inside the text and
 * is ordered; the JSON line is written without error. */
#include <stdint.h>
#include <string.h>

#include "sitrep/clean.h"

static void check(sr_span s, size_t n)
{
    if (s.start > s.end || s.end > n)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sr_doc doc;
    if (sr_doc_init(&doc, NULL) != SR_OK)
        return 0;
    doc.content_type = (data[0] & 1) ? SR_CONTENT_HTML : SR_CONTENT_TEXT;
    doc.id = "fuzz";
    if (data[0] & 2)
        doc.title = "Fighting Resumes In The North";
    if (sr_doc_set_body(&doc, (const char *)data + 1, size - 1) == SR_OK) {
        sr_cleaned c;
        sr_status st = sr_clean(&doc, &c);
        if (st == SR_OK) {
            for (size_t i = 0; i < c.n_body; i++)
                check(c.body[i], c.text_len);
            for (size_t i = 0; i < c.n_comments; i++) {
                check(c.comments[i].text, c.text_len);
                check(c.comments[i].author, c.text_len);
                if (c.comments[i].parent >= (long)i)
                    __builtin_trap();
            }
            for (size_t i = 0; i < c.n_removed; i++)
                check(c.removed[i].span, c.text_len);
            if (c.has_dateline)
                check(c.dateline_span, c.text_len);
            sr_buf b;
            sr_buf_init(&b, NULL);
            if (sr_clean_to_json(&doc, &c, &b) != SR_OK)
                __builtin_trap();
            sr_buf_free(&b);
        }
    }
    sr_doc_free(&doc);
    return 0;
}
