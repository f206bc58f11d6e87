/* fuzz_jsonl.c - the JSON-lines record parser on arbitrary bytes.
 * Invariants: no crash, no sanitizer report; an accepted record has a body
 * that is valid UTF-8 without NUL bytes (checked by re-validating). */
#include <stdint.h>
#include <string.h>

#include "ingest/ingest_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_doc doc;
    if (sr_doc_init(&doc, NULL) != SR_OK)
        return 0;
    char err[256];
    sr_status st = jsonl_parse_line((const char *)data, size, &doc, err, sizeof err);
    if (st == SR_OK) {
        if (!doc.body || strlen(doc.body) != doc.body_len)
            __builtin_trap();
        sr_doc again;
        if (sr_doc_init(&again, NULL) == SR_OK) {
            sr_doc_set_body(&again, doc.body, doc.body_len);
            if (again.n_utf8_issues)
                __builtin_trap();
            sr_doc_free(&again);
        }
    }
    sr_doc_free(&doc);
    return 0;
}
