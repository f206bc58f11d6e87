/* serve_int.h - what the server's files share: the server handle, the
 * store pool, the embedded files and the small JSON-lines helpers. */
#ifndef SR_SERVE_INT_H
#define SR_SERVE_INT_H

#include <pthread.h>

#include "sitrep/serve.h"
#include "sitrep/store.h"

#define SERVE_MAX_THREADS 64
#define SERVE_MAX_TOKEN 256 /* bytes of a token given by --token */

struct MHD_Daemon;

struct sr_server {
    sr_serve_options opt;
    char *db;     /* copies of the option strings */
    char *listen; /* NULL = 127.0.0.1 */
    char token[SERVE_MAX_TOKEN + 1];
    /* read handles: one per worker thread, borrowed per request */
    pthread_mutex_t pool_lock;
    pthread_cond_t pool_free;
    sr_store *readers[SERVE_MAX_THREADS];
    int idle[SERVE_MAX_THREADS]; /* stack of free reader indexes */
    unsigned nidle, nreaders;
    /* the one writable handle (NULL when read-only), under its own lock */
    pthread_mutex_t write_lock;
    sr_store *writer;
    struct MHD_Daemon *daemon;
};

/* ---- serve.c: the store pool ---- */
sr_store *serve_borrow(sr_server *srv, int *slot);
void serve_return(sr_server *srv, int slot);

/* ---- serve_assets.c: files generated from ui/ at build time ---- */
typedef struct serve_asset {
    const char *name;  /* request path, e.g. "/app.js" */
    const char *ctype; /* content type */
    const unsigned char *data;
    size_t len;
} serve_asset;

/* The file served at PATH ("/" is "/index.html"), or NULL.  Exact match
 * only: no path is ever resolved against a directory. */
const serve_asset *serve_asset_find(const char *path);

/* ---- serve_json.c ---- */
/* The raw value of the top-level member KEY of the JSON object in
 * LINE[0..len): *V points at its first byte, *VLEN covers it whole
 * (a string keeps its quotes).  0 when absent.  O(len); strings and nested
 * values are skipped by bracket depth, so LINE must be valid JSON (the
 * store's output is). */
int serve_json_member(const char *line, size_t len, const char *key, const char **v, size_t *vlen);
/* Decodes the JSON string literal S[0..len) (with quotes) into OUT,
 * NUL-terminated.  Returns 0 when S is not a string. */
int serve_json_unquote(const char *s, size_t len, sr_buf *out);
/* Appends the JSON lines of LINES[0..len) as array elements, skipping the
 * first SKIP lines and stopping after MAX lines (0 = no cap).  Returns the
 * number of elements written; *MORE is set when lines were left over. */
size_t serve_json_lines_array(sr_buf *out, const char *lines, size_t len, size_t skip, size_t max,
                              int *more);

/* ---- serve_network.c ---- */
/* {"at":..., "nodes":[...], "edges":[...]} for the network view at AT
 * (NULL = every interval).  Returns the HTTP status; ERR says why when it
 * is not 200. */
int serve_network(sr_store *st, const char *at, sr_buf *out, char *err, size_t errlen);

#endif
