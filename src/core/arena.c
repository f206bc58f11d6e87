/* arena.c - chunked bump allocator, one per document.
 *
 * Chunks double in size (64 KiB up to 16 MiB; a larger single request gets
 * its own chunk), so n bytes cost O(log n) system allocations.  Reset keeps
 * the newest (largest) chunk only, which keeps a long stream's footprint at
 * the size of the largest document instead of the sum. */
#include <string.h>

#include "sitrep/arena.h"

#define ARENA_FIRST_CHUNK (64u * 1024u)
#define ARENA_MAX_CHUNK (16u * 1024u * 1024u)
#define ARENA_DEFAULT_CAP ((size_t)256 * 1024 * 1024)
#define ARENA_ALIGN 16u

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    _Alignas(16) unsigned char data[];
} arena_chunk;

struct sr_arena {
    const sr_mem *mem;
    arena_chunk *head; /* current chunk, newest first */
    size_t total;      /* bytes in all chunks */
    size_t used;
    size_t cap;
    void *last;        /* most recent allocation, for sr_arena_grow */
};

sr_arena *sr_arena_new(const sr_mem *mem)
{
    if (!mem)
        mem = sr_mem_default();
    sr_arena *a = mem->alloc(sizeof *a, mem->ctx);
    if (!a)
        return NULL;
    memset(a, 0, sizeof *a);
    a->mem = mem;
    a->cap = ARENA_DEFAULT_CAP;
    return a;
}

void sr_arena_set_cap(sr_arena *a, size_t cap) { a->cap = cap ? cap : ARENA_DEFAULT_CAP; }
size_t sr_arena_used(const sr_arena *a) { return a->used; }

static void free_chunks(const sr_mem *mem, arena_chunk *c)
{
    while (c) {
        arena_chunk *n = c->next;
        mem->release(c, mem->ctx);
        c = n;
    }
}

void sr_arena_free(sr_arena *a)
{
    if (!a)
        return;
    free_chunks(a->mem, a->head);
    a->mem->release(a, a->mem->ctx);
}

void sr_arena_reset(sr_arena *a)
{
    if (!a || !a->head)
        return;
    /* Keep the newest chunk - the largest, as chunks double - so a stream
     * of similar documents settles on one chunk and stops calling malloc. */
    arena_chunk *keep = a->head, *c = keep->next;
    while (c) {
        arena_chunk *n = c->next;
        a->mem->release(c, a->mem->ctx);
        c = n;
    }
    keep->used = 0;
    keep->next = NULL;
    a->total = keep->size;
    a->used = 0;
    a->last = NULL;
}

static arena_chunk *new_chunk(sr_arena *a, size_t need)
{
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST_CHUNK;
    if (size > ARENA_MAX_CHUNK)
        size = ARENA_MAX_CHUNK;
    if (size < need)
        size = need;
    if (a->total + size > a->cap + ARENA_FIRST_CHUNK)
        return NULL;
    arena_chunk *c = a->mem->alloc(sizeof *c + size, a->mem->ctx);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    a->total += size;
    return c;
}

void *sr_arena_alloc(sr_arena *a, size_t size)
{
    if (!a || size > a->cap)
        return NULL;
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size || a->used + rounded > a->cap)
        return NULL;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < rounded) {
        c = new_chunk(a, rounded);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    a->used += rounded;
    a->last = p;
    return p;
}

void *sr_arena_calloc(sr_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = sr_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = sr_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *sr_arena_grow(sr_arena *a, void *p, size_t old_size, size_t new_size)
{
    if (!p)
        return sr_arena_alloc(a, new_size);
    if (new_size <= old_size)
        return p;
    arena_chunk *c = a->head;
    size_t old_r = (old_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    size_t new_r = (new_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (new_r < new_size)
        return NULL;
    if (p == a->last && c && (unsigned char *)p + old_r == c->data + c->used &&
        c->size - c->used >= new_r - old_r && a->used + (new_r - old_r) <= a->cap) {
        c->used += new_r - old_r;
        a->used += new_r - old_r;
        return p;
    }
    void *q = sr_arena_alloc(a, new_size);
    if (q)
        memcpy(q, p, old_size);
    return q;
}

void sr_arena_shrink(sr_arena *a, void *p, size_t old_size, size_t new_size)
{
    arena_chunk *c = a ? a->head : NULL;
    if (!c || p != a->last || new_size >= old_size)
        return;
    size_t old_r = (old_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    size_t new_r = (new_size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if ((unsigned char *)p + old_r != c->data + c->used)
        return;
    c->used -= old_r - new_r;
    a->used -= old_r - new_r;
}
