/* fuzz_reader.c - the reader front end on arbitrary files: format sniffing,
 * gzip decoding, binary detection, whole-file text/HTML reading and JSON
 * lines streaming, through the public API.  The first byte picks the format
 * (auto, text, jsonl, html) and a small document limit so the limit paths
 * are exercised too.  Invariant: the reader terminates and every record is
 * either a document or a rejection with a message. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sitrep/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const sr_input_format fmts[] = {SR_INPUT_AUTO, SR_INPUT_TEXT, SR_INPUT_JSONL,
                                           SR_INPUT_HTML};
    sr_reader_options opt = {0};
    opt.format = fmts[data[0] & 3];
    opt.max_doc_bytes = (data[0] & 4) ? 64 : 0;
    data++;
    size--;
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    sr_reader *r;
    char err[256];
    if (sr_reader_open(&r, path, &opt, err, sizeof err) == SR_OK) {
        sr_doc doc;
        if (sr_doc_init(&doc, NULL) == SR_OK) {
            for (int guard = 0; guard < 100000; guard++) {
                sr_status st = sr_reader_next(r, &doc);
                if (st == SR_DONE || (st != SR_OK && st != SR_REJECT))
                    break;
                if (st == SR_REJECT && !sr_reader_error(r)[0])
                    __builtin_trap();
                if (guard == 99999)
                    __builtin_trap(); /* would not terminate */
            }
            sr_doc_free(&doc);
        }
        sr_reader_free(r);
    }
    close(fd);
    return 0;
}
