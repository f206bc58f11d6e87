/* serve.c - the server's life: store handles, token, and the
 * libmicrohttpd daemon that feeds requests to sr_server_handle.
 *
 * Limits and why:
 *   - the body of a request is capped (opt.max_body): a Content-Length over
 *     the cap is answered 413 before any byte is read; a chunked body that
 *     grows past it is discarded as it arrives and answered 413 at its end,
 *     and dropped outright past four times the cap, so memory per
 *     connection stays bounded by the cap;
 *   - connections are capped (MHD_OPTION_CONNECTION_LIMIT) and idle ones
 *     time out (MHD_OPTION_CONNECTION_TIMEOUT), so slow clients cannot pin
 *     every thread;
 *   - the query string has at most SERVE_MAX_PARAMS parameters. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve_int.h"

#define SERVE_MAX_PARAMS 32

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* A fresh token from the kernel's random source, in hex. */
static int make_token(char *out, size_t hexlen)
{
    unsigned char raw[SERVE_MAX_TOKEN / 2];
    size_t n = hexlen / 2;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, raw + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            close(fd);
            return -1;
        }
        got += (size_t)r;
    }
    close(fd);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[raw[i] >> 4];
        out[2 * i + 1] = hex[raw[i] & 15];
    }
    out[2 * n] = '\0';
    return 0;
}

sr_status sr_server_new(sr_server **out, const sr_serve_options *opt, char *err, size_t errlen)
{
    *out = NULL;
    if (!opt || !opt->db) {
        snprintf(err, errlen, "no database given");
        return SR_EINVAL;
    }
    if (opt->token && (!*opt->token || strlen(opt->token) > SERVE_MAX_TOKEN)) {
        snprintf(err, errlen, "the token must have 1 to %d bytes", SERVE_MAX_TOKEN);
        return SR_EINVAL;
    }
    if (opt->threads > SERVE_MAX_THREADS) {
        snprintf(err, errlen, "at most %d threads", SERVE_MAX_THREADS);
        return SR_EINVAL;
    }
    sr_server *srv = calloc(1, sizeof *srv);
    if (!srv) {
        snprintf(err, errlen, "out of memory");
        return SR_ENOMEM;
    }
    srv->opt = *opt;
    srv->db = dup_str(opt->db);
    srv->listen = dup_str(opt->listen);
    pthread_mutex_init(&srv->pool_lock, NULL);
    pthread_cond_init(&srv->pool_free, NULL);
    pthread_mutex_init(&srv->write_lock, NULL);
    if (!srv->db || (opt->listen && !srv->listen)) {
        snprintf(err, errlen, "out of memory");
        sr_server_free(srv);
        return SR_ENOMEM;
    }
    srv->opt.db = srv->db;
    srv->opt.listen = srv->listen;
    if (!srv->opt.port)
        srv->opt.port = SR_SERVE_DEFAULT_PORT;
    if (!srv->opt.max_body)
        srv->opt.max_body = SR_SERVE_DEFAULT_MAX_BODY;
    if (!srv->opt.threads)
        srv->opt.threads = 4;
    if (!srv->opt.max_conns)
        srv->opt.max_conns = 64;
    if (!srv->opt.timeout_s)
        srv->opt.timeout_s = 30;
    if (opt->token)
        snprintf(srv->token, sizeof srv->token, "%s", opt->token);
    else if (make_token(srv->token, SR_SERVE_TOKEN_LEN) != 0) {
        snprintf(err, errlen, "cannot read /dev/urandom for a token");
        sr_server_free(srv);
        return SR_EIO;
    }
    srv->opt.token = srv->token;

    /* the writable handle first: it creates and migrates a new database
     * before the read-only handles look at it */
    sr_status st;
    if (!opt->readonly) {
        st = sr_store_open(&srv->writer, srv->db, opt->kb, 0, err, errlen);
        if (st != SR_OK) {
            sr_server_free(srv);
            return st;
        }
    }
    for (unsigned i = 0; i < srv->opt.threads; i++) {
        st = sr_store_open(&srv->readers[i], srv->db, opt->kb, 1, err, errlen);
        if (st != SR_OK) {
            sr_server_free(srv);
            return st;
        }
        srv->idle[srv->nidle++] = (int)i;
        srv->nreaders++;
    }
    *out = srv;
    return SR_OK;
}

const char *sr_server_token(const sr_server *srv)
{
    return srv->token;
}
unsigned sr_server_port(const sr_server *srv)
{
    return srv->opt.port;
}

sr_store *serve_borrow(sr_server *srv, int *slot)
{
    pthread_mutex_lock(&srv->pool_lock);
    while (!srv->nidle)
        pthread_cond_wait(&srv->pool_free, &srv->pool_lock);
    *slot = srv->idle[--srv->nidle];
    pthread_mutex_unlock(&srv->pool_lock);
    return srv->readers[*slot];
}

void serve_return(sr_server *srv, int slot)
{
    pthread_mutex_lock(&srv->pool_lock);
    srv->idle[srv->nidle++] = slot;
    pthread_cond_signal(&srv->pool_free);
    pthread_mutex_unlock(&srv->pool_lock);
}

/* ---- the daemon ---- */

typedef struct conn_state {
    sr_buf body;
    int too_big;      /* the body passed max_body: answer 413 at its end */
    size_t body_seen; /* bytes received, kept or not */
    int answered;     /* a response was already queued */
} conn_state;

typedef struct param_list {
    sr_http_param items[SERVE_MAX_PARAMS];
    size_t n;
    int overflow;
} param_list;

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    (void)kind;
    param_list *p = cls;
    if (p->n == SERVE_MAX_PARAMS) {
        p->overflow = 1;
        return MHD_NO;
    }
    p->items[p->n].name = key;
    p->items[p->n].value = value ? value : "";
    p->n++;
    return MHD_YES;
}

static enum MHD_Result send_body(struct MHD_Connection *c, int status, const char *ctype,
                                 const char *data, size_t len, int close_after)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    /* the page may talk to this server only: no CDN, no tiles, no frames */
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == 405)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, POST");
    if (status == 401)
        MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    if (close_after)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_too_big(struct MHD_Connection *c, const sr_server *srv)
{
    char msg[128];
    int n = snprintf(msg, sizeof msg, "{\"error\":\"request body over %zu bytes (--max-body)\"}",
                     srv->opt.max_body);
    return send_body(c, 413, "application/json; charset=utf-8", msg, (size_t)n, 1);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    (void)version;
    sr_server *srv = cls;
    conn_state *cs = *con_cls;
    if (!cs) {
        cs = calloc(1, sizeof *cs);
        if (!cs)
            return MHD_NO;
        sr_buf_init(&cs->body, NULL);
        /* one byte of slack so that "exactly max_body" is allowed and
         * "one more" is detected */
        cs->body.limit = srv->opt.max_body + 2;
        *con_cls = cs;
        const char *cl =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            char *end;
            unsigned long long v = strtoull(cl, &end, 10);
            if (*end || v > srv->opt.max_body) {
                cs->answered = 1;
                return send_too_big(c, srv);
            }
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        cs->body_seen += n;
        if (cs->answered)
            return MHD_YES;
        if (cs->body_seen > srv->opt.max_body) {
            cs->too_big = 1;
            sr_buf_free(&cs->body);
            return cs->body_seen / 4 > srv->opt.max_body ? MHD_NO : MHD_YES;
        }
        sr_buf_append(&cs->body, upload_data, n);
        return MHD_YES;
    }
    if (cs->answered)
        return MHD_YES;
    cs->answered = 1;
    if (cs->too_big)
        return send_too_big(c, srv);

    param_list params = {0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &params);
    if (params.overflow) {
        static const char msg[] = "{\"error\":\"more than 32 query parameters\"}";
        return send_body(c, 400, "application/json; charset=utf-8", msg, sizeof msg - 1, 0);
    }
    sr_http_request req = {
        .method = method,
        .path = url,
        .params = params.items,
        .nparams = params.n,
        .authorization =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
        .body = cs->body.data ? cs->body.data : "",
        .body_len = cs->body.len,
    };
    sr_buf out;
    sr_buf_init(&out, NULL);
    const char *ctype = "application/json; charset=utf-8";
    int status = sr_server_handle(srv, &req, &out, &ctype);
    enum MHD_Result ret;
    if (out.status != SR_OK) {
        static const char msg[] = "{\"error\":\"response too large or out of memory\"}";
        ret = send_body(c, 500, "application/json; charset=utf-8", msg, sizeof msg - 1, 0);
    } else {
        ret = send_body(c, status, ctype, out.data ? out.data : "", out.len, 0);
    }
    sr_buf_free(&out);
    return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    conn_state *cs = *con_cls;
    if (cs) {
        sr_buf_free(&cs->body);
        free(cs);
        *con_cls = NULL;
    }
}

sr_status sr_server_listen(sr_server *srv, char *err, size_t errlen)
{
    const char *addr = srv->listen ? srv->listen : "127.0.0.1";
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    if (inet_pton(AF_INET, addr, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons((uint16_t)srv->opt.port);
        sa = (const struct sockaddr *)&v4;
    } else if (inet_pton(AF_INET6, addr, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons((uint16_t)srv->opt.port);
        sa = (const struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, errlen, "'%s' is not an IPv4 or IPv6 address", addr);
        return SR_EINVAL;
    }
    if (srv->opt.port > 65535) {
        snprintf(err, errlen, "port %u is out of range", srv->opt.port);
        return SR_EINVAL;
    }
    srv->daemon = MHD_start_daemon(
        flags, (uint16_t)srv->opt.port, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, sa,
        MHD_OPTION_THREAD_POOL_SIZE, srv->opt.threads, MHD_OPTION_CONNECTION_LIMIT,
        srv->opt.max_conns, MHD_OPTION_CONNECTION_TIMEOUT, srv->opt.timeout_s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv, MHD_OPTION_END);
    if (!srv->daemon) {
        snprintf(err, errlen, "cannot listen on %s port %u (in use, or not allowed)", addr,
                 srv->opt.port);
        return SR_EIO;
    }
    return SR_OK;
}

void sr_server_free(sr_server *srv)
{
    if (!srv)
        return;
    if (srv->daemon)
        MHD_stop_daemon(srv->daemon);
    for (unsigned i = 0; i < srv->nreaders; i++)
        sr_store_close(srv->readers[i]);
    sr_store_close(srv->writer);
    pthread_mutex_destroy(&srv->pool_lock);
    pthread_cond_destroy(&srv->pool_free);
    pthread_mutex_destroy(&srv->write_lock);
    free(srv->db);
    free(srv->listen);
    free(srv);
}
