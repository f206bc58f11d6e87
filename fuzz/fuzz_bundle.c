/* fuzz_bundle.c - the store's bundle parser and validator
 * (sr_store_ingest) on arbitrary bytes, against one in-memory SQLite
 * database kept across inputs.  Invariants: no crash, no sanitizer report;
 * every input is either ingested or refused with a reason; a refused input
 * leaves no partial document behind (the next ingest still works). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/store.h"

static sr_store *st;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    if (!st && sr_store_open(&st, ":memory:", NULL, 0, err, sizeof err) != SR_OK)
        __builtin_trap();
    if (size > 1 << 20)
        return 0;
    sr_ingest_result res;
    err[0] = '\0';
    sr_status s = sr_store_ingest(st, (const char *)data, size, &res, err, sizeof err);
    if (s != SR_OK && !err[0])
        __builtin_trap(); /* a refusal always says why */
    return 0;
}
