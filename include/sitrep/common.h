/* sitrep/common.h - status codes, spans and the injectable allocator.
 *
 * Ownership rule for the whole library: a function never takes ownership of
 * its arguments; what it returns through an out-parameter belongs to the
 * handle or arena named in its contract.  The library never prints and never
 * aborts: failures come back as an sr_status, with details on the handle. */
#ifndef SITREP_COMMON_H
#define SITREP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SR_VERSION "0.1.0"

typedef enum sr_status {
    SR_OK = 0,      /* success */
    SR_DONE,        /* end of a stream; not an error */
    SR_REJECT,      /* one record was unusable; the stream goes on */
    SR_EINVAL,      /* bad argument */
    SR_ENOMEM,      /* allocation failed (or hit a hard cap) */
    SR_EIO,         /* the operating system refused a read or write */
    SR_EFORMAT,     /* input is not in the expected format */
    SR_ETOOBIG      /* input exceeds a documented limit */
} sr_status;

/* Human-readable name of a status ("ok", "out of memory", ...).  Static. */
const char *sr_status_str(sr_status st);

/* A byte range [start, end) into a document's text.  Every span in sitrep
 * indexes the document text that sr_clean produced (see clean.h). */
typedef struct sr_span {
    size_t start;
    size_t end;
} sr_span;

/* Allocator used by every handle; tests inject one that fails on demand
 * (cmark's cmark_mem, curl's torture mode). */
typedef struct sr_mem {
    void *(*alloc)(size_t size, void *ctx);
    void *(*resize)(void *ptr, size_t size, void *ctx);
    void (*release)(void *ptr, void *ctx);
    void *ctx;
} sr_mem;

/* The process allocator (malloc/realloc/free).  Static, never NULL. */
const sr_mem *sr_mem_default(void);

/* Initialises the libraries sitrep uses (libxml2's parser tables) once,
 * before threads start.  Idempotent; only needed by multi-threaded
 * callers, harmless otherwise. */
void sr_global_init(void);

#ifdef __cplusplus
}
#endif
#endif
