/* sitrep/arena.h - one arena per document.
 *
 * Everything derived from one article (decoded text, spans, blocks, mentions)
 * lives in its arena and is released by one sr_arena_reset or sr_arena_free.
 * Memory is therefore bounded by the largest document, not by the corpus.
 * An arena has a hard cap (default 256 MiB) so hostile input cannot grow it
 * without bound; allocations past the cap fail like out-of-memory. */
#ifndef SITREP_ARENA_H
#define SITREP_ARENA_H

#include "sitrep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sr_arena sr_arena;

/* New empty arena using MEM (NULL = sr_mem_default()).  NULL on OOM. */
sr_arena *sr_arena_new(const sr_mem *mem);
/* Frees the arena and everything allocated from it.  NULL is a no-op. */
void sr_arena_free(sr_arena *a);
/* Forgets every allocation but keeps the first chunk for reuse.  O(chunks). */
void sr_arena_reset(sr_arena *a);
/* Sets the hard cap in bytes (0 = default). */
void sr_arena_set_cap(sr_arena *a, size_t cap);
/* Bytes handed out since the last reset. */
size_t sr_arena_used(const sr_arena *a);
/* 16-byte aligned, uninitialised memory, or NULL when out of memory/cap. */
void *sr_arena_alloc(sr_arena *a, size_t size);
/* Zeroed memory for N items of SIZE (overflow-checked). */
void *sr_arena_calloc(sr_arena *a, size_t n, size_t size);
/* Copy of S[0..len) with a terminating NUL. */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t len);
/* Grows the most recent allocation P in place when possible, else copies.
 * Returns the (possibly moved) block or NULL. */
void *sr_arena_grow(sr_arena *a, void *p, size_t old_size, size_t new_size);

/* Gives back the tail of the most recent allocation P (sized OLD) so it
 * occupies NEW bytes; no-op when P is not the most recent allocation. */
void sr_arena_shrink(sr_arena *a, void *p, size_t old_size, size_t new_size);

#ifdef __cplusplus
}
#endif
#endif
