/* fuzz_kb.c - the knowledge-file loaders (actors, countries, relations,
 * cues, fold table) on arbitrary files.  The first byte picks the loader.
 * Invariants: no crash or sanitizer report; a failure names file:line. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sitrep/fold.h"
#include "sitrep/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] % 5;
    int fd = memfd_create("kb", 0);
    if (fd < 0)
        return 0;
    if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        return 0;
    }
    char path[64], err[512] = "";
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (which == 4) {
        sr_fold_table *t = NULL;
        if (sr_fold_table_load(&t, path, err, sizeof err) == SR_EFORMAT && !strstr(err, path))
            __builtin_trap();
        sr_fold_table_free(t);
    } else {
        sr_kb *kb = sr_kb_new_empty();
        if (kb) {
            /* relations and cues refer to actors: give them a few */
            static sr_status (*const loaders[])(sr_kb *, const char *, char *, size_t) = {
                sr_kb_load_actors, sr_kb_load_countries, sr_kb_load_relations, sr_kb_load_cues};
            sr_status st = loaders[which](kb, path, err, sizeof err);
            if (st == SR_EFORMAT && !strstr(err, path))
                __builtin_trap();
            sr_kb_free(kb);
        }
    }
    close(fd);
    return 0;
}
