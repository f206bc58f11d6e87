/* mem.c - the default allocator and status names. */
#include <stdlib.h>

#include "sitrep/common.h"

static void *mem_alloc(size_t size, void *ctx) { (void)ctx; return malloc(size ? size : 1); }
static void *mem_resize(void *p, size_t size, void *ctx) { (void)ctx; return realloc(p, size ? size : 1); }
static void mem_release(void *p, void *ctx) { (void)ctx; free(p); }

static const sr_mem default_mem = {mem_alloc, mem_resize, mem_release, NULL};

const sr_mem *sr_mem_default(void) { return &default_mem; }

const char *sr_status_str(sr_status st)
{
    switch (st) {
    case SR_OK: return "ok";
    case SR_DONE: return "end of input";
    case SR_REJECT: return "record rejected";
    case SR_EINVAL: return "invalid argument";
    case SR_ENOMEM: return "out of memory";
    case SR_EIO: return "input/output error";
    case SR_EFORMAT: return "malformed input";
    case SR_ETOOBIG: return "input exceeds limit";
    }
    return "unknown status";
}
