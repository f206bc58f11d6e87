/* fuzz_warc.c - libFuzzer target for the WARC reader (src/ingest/warc.c).
 *
 * The input goes into a memfd and is read through a real sr_stream, so
 * gzip inputs (the corpus has .warc.gz seeds) exercise the gzip layer too.
 * The first byte also picks the document size limit (1 KiB .. 2 MiB) so the
 * over-limit and decompression-bomb paths are reachable with small inputs.
 * Besides memory errors, the target traps when two calls in a row return a
 * record without consuming input: warc_next must always make progress. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memfd_create */
#endif
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ingest/ingest_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int fd = memfd_create("fuzz_warc", 0);
    if (fd < 0)
        return 0;
    size_t off = 0;
    while (off < size) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0) {
            close(fd);
            return 0;
        }
        off += (size_t)n;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return 0;
    }
    sr_stream *s = NULL;
    if (sr_stream_open(&s, fd, NULL) != SR_OK)
        return 0;
    sr_doc doc;
    if (sr_doc_init(&doc, NULL) != SR_OK) {
        sr_stream_free(s);
        return 0;
    }
    size_t max = (size_t)1024 << (size ? data[0] % 12 : 0);
    warc_reader *w = NULL;
    uint64_t skipped = 0, last = 0;
    int stalls = 0;
    char err[256];
    for (;;) {
        sr_doc_reset(&doc);
        sr_status st = warc_next(&w, s, "fuzz", max, &doc, &skipped, err, sizeof err);
        if (st != SR_OK && st != SR_REJECT)
            break;
        if (st == SR_OK) {
            /* Touch every field the contract promises. */
            if (!doc.body || doc.body[doc.body_len] != '\0' || !doc.origin || !doc.id ||
                doc.body_len > 4 * max + 3)
                __builtin_trap();
        }
        uint64_t now = sr_stream_offset(s);
        stalls = now == last ? stalls + 1 : 0;
        if (stalls > 1)
            __builtin_trap();
        last = now;
    }
    warc_free(w);
    sr_doc_free(&doc);
    sr_stream_free(s);
    return 0;
}
