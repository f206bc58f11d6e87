/* sitrep/serve.h - the HTTP server: a JSON API over the store (store.h)
 * and one web page whose files are compiled into the library.
 *
 * The server runs on libmicrohttpd's own thread pool.  Each request borrows
 * one store handle from a pool of as many handles as threads (the db layer
 * is one handle per thread); ingests go through a single writable handle
 * under a mutex, since the database takes one writer at a time anyway.
 * Static files are looked up by exact name in a table generated from ui/
 * at build time, so no request path ever reaches the file system.
 *
 * The API (docs/API.md):
 *   GET  /api/events, /api/events/{id}, /api/documents, /api/documents/{id},
 *        /api/actors, /api/actors/{name}, /api/relations, /api/control,
 *        /api/timeline, /api/network
 *   POST /api/ingest   (Authorization: Bearer TOKEN; 403 when read-only)
 * Lists come back as {"items":[...],"limit":L,"offset":O,"count":N,
 * "next":O2|null}; errors as {"error":"..."} with 400, 401, 403, 404, 405,
 * 413 or 500.
 *
 * Ownership: sr_server_new copies what it keeps of the options; the KB
 * must outlive the server.  The library prints nothing: the caller prints
 * the token (sr_server_token) and the address. */
#ifndef SITREP_SERVE_H
#define SITREP_SERVE_H

#include <stddef.h>

#include "sitrep/buf.h"
#include "sitrep/common.h"
#include "sitrep/kb.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SR_SERVE_DEFAULT_PORT 8080
#define SR_SERVE_DEFAULT_MAX_BODY ((size_t)8 << 20)
#define SR_SERVE_TOKEN_LEN 32 /* hex characters of a generated token */

typedef struct sr_serve_options {
    const char *db;     /* store target: SQLite path or postgresql:// URI */
    const sr_kb *kb;    /* passed to sr_store_open; may be NULL */
    const char *listen; /* IPv4 or IPv6 address; NULL = 127.0.0.1 */
    unsigned port;      /* 0 = SR_SERVE_DEFAULT_PORT */
    const char *token;  /* ingest token; NULL = 32 random hex digits */
    int readonly;       /* open the store read-only, refuse ingest (403) */
    size_t max_body;    /* request body cap; 0 = SR_SERVE_DEFAULT_MAX_BODY */
    unsigned threads;   /* worker threads; 0 = 4 */
    unsigned max_conns; /* open connections; 0 = 64 */
    unsigned timeout_s; /* idle connection timeout; 0 = 30 */
    /* Turns one article line (the JSON-lines reader format: "id", "text",
     * ...) into one bundle line for sr_store_ingest.  The pipeline that does
     * it belongs to the caller (`sitrep analyze`); NULL = POST /api/ingest
     * takes bundles only.  Called under the ingest lock, one at a time. */
    sr_status (*analyze)(void *ctx, const char *article, size_t len, sr_buf *bundle, char *err,
                         size_t errlen);
    void *analyze_ctx;
} sr_serve_options;

typedef struct sr_server sr_server;

/* Opens the store handles (one per thread, plus one writable handle unless
 * read-only) and makes the token.  Nothing listens yet.  On failure *OUT is
 * NULL and ERR names the cause. */
sr_status sr_server_new(sr_server **out, const sr_serve_options *opt, char *err, size_t errlen);
/* Binds the address and starts serving on the server's own threads;
 * returns once the socket listens.  ERR names the address on failure
 * (port in use, bad address). */
sr_status sr_server_listen(sr_server *srv, char *err, size_t errlen);
/* The bearer token ingest needs.  Owned by the server. */
const char *sr_server_token(const sr_server *srv);
/* The port bound (or to be bound). */
unsigned sr_server_port(const sr_server *srv);
/* Stops accepting, waits for running requests, closes the store handles
 * and frees the server.  NULL is a no-op. */
void sr_server_free(sr_server *srv);

/* One request, as the daemon hands it over: the path already
 * percent-decoded, the query parameters decoded, in order. */
typedef struct sr_http_param {
    const char *name;
    const char *value; /* "" for "?name" */
} sr_http_param;

typedef struct sr_http_request {
    const char *method;
    const char *path;
    const sr_http_param *params;
    size_t nparams;
    const char *authorization; /* header value or NULL */
    const char *body;
    size_t body_len;
} sr_http_request;

/* Serves REQ without the network: what the daemon calls for each request,
 * exposed so tests can drive routing and validation directly (no listen
 * needed).  Writes the body into OUT, sets *CTYPE to a static content type
 * and returns the HTTP status.  Thread-safe. */
int sr_server_handle(sr_server *srv, const sr_http_request *req, sr_buf *out, const char **ctype);

#ifdef __cplusplus
}
#endif
#endif
