/* serve_api.c - routing and the JSON API (docs/API.md).
 *
 * Every endpoint checks its parameters before it touches the store: an
 * unknown or repeated parameter, a malformed date or number is a 400 whose
 * message names the parameter.  The store's JSON lines are wrapped, not
 * rebuilt: a list is {"items":[line,...],...}, a single record is the line
 * itself.  The store binds every value as an SQL parameter, so nothing a
 * client sends becomes SQL text. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_int.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define DEFAULT_LIMIT 100
#define MAX_LIMIT 1000
#define MAX_OFFSET 100000000u
#define MAX_VALUE_BYTES 256 /* names, places and ids are far shorter */
#define MAX_KM 2000.0       /* Syria is about 800 km across */
/* A response is at most this large; a bigger one is a 500, not an OOM. */
#define MAX_RESPONSE ((size_t)256 << 20)

static int error_reply(sr_buf *out, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int error_reply(sr_buf *out, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sr_buf_clear(out);
    int first = 1;
    sr_buf_putc(out, '{');
    sr_json_key(out, "error", &first);
    sr_json_cstr(out, msg);
    sr_buf_puts(out, "}\n");
    return status;
}

/* ---- parameters ---- */

static const char *param(const sr_http_request *req, const char *name)
{
    for (size_t i = 0; i < req->nparams; i++)
        if (!strcmp(req->params[i].name, name))
            return req->params[i].value;
    return NULL;
}

/* Empty values count as absent, so a form can send every field. */
static const char *param_opt(const sr_http_request *req, const char *name)
{
    const char *v = param(req, name);
    return v && *v ? v : NULL;
}

/* ALLOWED is a space-separated list.  Returns 0 or an error status. */
static int check_params(const sr_http_request *req, const char *allowed, sr_buf *out)
{
    for (size_t i = 0; i < req->nparams; i++) {
        const char *name = req->params[i].name;
        size_t n = strlen(name);
        const char *p = allowed;
        int ok = 0;
        while (*p && !ok) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            ok = len == n && !memcmp(p, name, n);
            p += len + (e != NULL);
        }
        if (!ok)
            return *allowed
                       ? error_reply(out, 400, "unknown parameter '%.64s' (allowed: %s)", name,
                                     allowed)
                       : error_reply(out, 400, "unknown parameter '%.64s' (none allowed)", name);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(req->params[j].name, name))
                return error_reply(out, 400, "parameter '%.64s' given twice", name);
        if (strlen(req->params[i].value) > MAX_VALUE_BYTES)
            return error_reply(out, 400, "parameter '%.64s' is longer than %d bytes", name,
                               MAX_VALUE_BYTES);
    }
    return 0;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. */
static int valid_date(const char *s)
{
    size_t n = strlen(s);
    if (!(n == 4 || n == 7 || n == 10) || !digits(s, 4))
        return 0;
    if (n == 4)
        return 1;
    if (s[4] != '-' || !digits(s + 5, 2))
        return 0;
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return 0;
    if (n == 7)
        return 1;
    if (s[7] != '-' || !digits(s + 8, 2))
        return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}

static int date_param(const sr_http_request *req, const char *name, const char **v, sr_buf *out)
{
    *v = param_opt(req, name);
    if (*v && !valid_date(*v))
        return error_reply(out, 400, "parameter '%s' must be a date YYYY, YYYY-MM or YYYY-MM-DD",
                           name);
    return 0;
}

static int uint_param(const sr_http_request *req, const char *name, size_t dflt, size_t min,
                      size_t max, size_t *v, sr_buf *out)
{
    const char *s = param_opt(req, name);
    *v = dflt;
    if (!s)
        return 0;
    char *end;
    if (!digits(s, 1))
        return error_reply(out, 400, "parameter '%s' must be a whole number from %zu to %zu", name,
                           min, max);
    unsigned long long x = strtoull(s, &end, 10);
    if (*end || x < min || x > max)
        return error_reply(out, 400, "parameter '%s' must be a whole number from %zu to %zu", name,
                           min, max);
    *v = (size_t)x;
    return 0;
}

/* ---- store calls ---- */

/* Maps a store failure to a status: the store says SR_EINVAL or SR_EFORMAT
 * for what the client asked wrong (an unknown actor or place). */
static int store_failed(sr_status st, const char *err, sr_buf *out)
{
    if (st == SR_EINVAL || st == SR_EFORMAT || st == SR_REJECT)
        return error_reply(out, 400, "%s", *err ? err : sr_status_str(st));
    if (st == SR_ETOOBIG)
        return error_reply(out, 500, "result too large: %s", err);
    return error_reply(out, 500, "store: %s", *err ? err : sr_status_str(st));
}

/* Writes {"items":[...],"count":N,"limit":L,"offset":O,"next":...} from the
 * lines in RES.  WINDOWED: the store already applied OFFSET and returned up
 * to LIMIT + 1 lines; otherwise the window is cut here. */
static int list_reply(sr_buf *out, const sr_buf *res, size_t limit, size_t offset, int windowed,
                      const char *extra_key, const char *extra_val)
{
    int more;
    int first = 1;
    sr_buf_putc(out, '{');
    sr_json_key(out, "items", &first);
    size_t n = serve_json_lines_array(out, res->data ? res->data : "", res->len,
                                      windowed ? 0 : offset, limit, &more);
    sr_json_key(out, "count", &first);
    sr_buf_uint(out, n);
    sr_json_key(out, "limit", &first);
    if (limit)
        sr_buf_uint(out, limit);
    else
        sr_buf_puts(out, "null");
    sr_json_key(out, "offset", &first);
    sr_buf_uint(out, offset);
    sr_json_key(out, "next", &first);
    if (more)
        sr_buf_uint(out, offset + n);
    else
        sr_buf_puts(out, "null");
    if (extra_key) {
        sr_json_key(out, extra_key, &first);
        sr_json_cstr(out, extra_val);
    }
    sr_buf_puts(out, "}\n");
    return 200;
}

/* A single record asked for by id or name: the store's "no such" (an empty
 * answer, SR_DONE, or SR_EINVAL for a name it cannot resolve) is a 404;
 * the parameters were already checked. */
static int record_failed(sr_status st, const char *err, const char *what, const char *id,
                         sr_buf *out)
{
    if (st == SR_EINVAL || st == SR_EFORMAT || st == SR_REJECT)
        return *err ? error_reply(out, 404, "%s", err)
                    : error_reply(out, 404, "no %s '%.200s'", what, id);
    return store_failed(st, err, out);
}

/* A single record: the store's one line, or 404. */
static int record_reply(sr_buf *out, const sr_buf *res, const char *what, const char *id)
{
    size_t a = 0, e = res->len;
    while (a < e && (res->data[a] == ' ' || res->data[a] == '\n'))
        a++;
    while (e > a && (res->data[e - 1] == ' ' || res->data[e - 1] == '\n'))
        e--;
    if (a == e)
        return error_reply(out, 404, "no %s '%.200s'", what, id);
    sr_buf_append(out, res->data + a, e - a);
    sr_buf_putc(out, '\n');
    return 200;
}

typedef struct call {
    sr_server *srv;
    sr_store *st;
    int slot;
    sr_buf res;
    char err[512];
} call;

static void call_begin(call *c, sr_server *srv)
{
    c->srv = srv;
    c->st = serve_borrow(srv, &c->slot);
    sr_buf_init(&c->res, NULL);
    c->res.limit = MAX_RESPONSE;
    c->err[0] = '\0';
}

static void call_end(call *c)
{
    serve_return(c->srv, c->slot);
    sr_buf_free(&c->res);
}

/* ---- endpoints ---- */

/* A keyset cursor "DATE~ID": the event_date ("" when undated) and
 * event_id of the last event of a page, split into DATE and ID.  Returns
 * 0, or 400 naming the parameter. */
static int cursor_param(const sr_http_request *req, char *date, size_t dn, char *id, size_t idn,
                        int *has, sr_buf *out)
{
    const char *v = param_opt(req, "after");
    *has = 0;
    if (!v)
        return 0;
    const char *t = strchr(v, '~');
    size_t a = t ? (size_t)(t - v) : 0;
    int ok = t && a < dn && strlen(t + 1) > 0 && strlen(t + 1) < idn;
    for (size_t i = 0; ok && i < a; i++)
        ok = (v[i] >= '0' && v[i] <= '9') || v[i] == '-';
    for (const char *p = t ? t + 1 : ""; ok && *p; p++)
        ok = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
             *p == '_' || *p == '-' || *p == '.' || *p == ':';
    if (!ok)
        return error_reply(out, 400,
                           "parameter 'after' must be a cursor DATE~ID as the previous page's "
                           "\"cursor\" gives it");
    memcpy(date, v, a);
    date[a] = '\0';
    snprintf(id, idn, "%s", t + 1);
    *has = 1;
    return 0;
}

/* The cursor after the last of the first N event lines in RES. */
static void put_cursor(sr_buf *out, const sr_buf *res, size_t n, int *first)
{
    sr_json_key(out, "cursor", first);
    const char *line = res->data ? res->data : "", *end = line + res->len;
    for (size_t k = 1; k < n && line < end; k++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        line = nl ? nl + 1 : end;
    }
    const char *nl = n ? memchr(line, '\n', (size_t)(end - line)) : NULL;
    size_t len = nl ? (size_t)(nl - line) : (size_t)(end - line);
    const char *d, *i;
    size_t dl, il;
    sr_buf date, id;
    sr_buf_init(&date, NULL);
    sr_buf_init(&id, NULL);
    if (n && serve_json_member(line, len, "event_id", &i, &il) &&
        serve_json_member(line, len, "event_date", &d, &dl) && serve_json_unquote(i, il, &id) &&
        (serve_json_unquote(d, dl, &date) || (dl == 4 && !memcmp(d, "null", 4)))) {
        sr_buf_putc(&date, '~');
        sr_buf_append(&date, id.data, id.len);
        sr_json_string(out, date.data, date.len);
    } else {
        sr_buf_puts(out, "null");
    }
    sr_buf_free(&date);
    sr_buf_free(&id);
}

static int api_events(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    int rc = check_params(req, "actor type from to admin1 admin2 near km limit offset after", out);
    if (rc)
        return rc;
    sr_event_query q = {0};
    size_t limit, offset;
    char after_date[16], after_id[128];
    int has_after;
    if ((rc = date_param(req, "from", &q.from, out)) || (rc = date_param(req, "to", &q.to, out)))
        return rc;
    if (q.from && q.to && strcmp(q.from, q.to) > 0)
        return error_reply(out, 400, "parameter 'from' is after 'to'");
    if ((rc = uint_param(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)) ||
        (rc = cursor_param(req, after_date, sizeof after_date, after_id, sizeof after_id,
                           &has_after, out)))
        return rc;
    if (has_after && offset)
        return error_reply(out, 400, "parameter 'after' cannot be combined with 'offset'");
    if (has_after) {
        q.after_date = after_date;
        q.after_id = after_id;
    }
    q.slim = 1; /* the list leaves the sources to /api/events/ID */
    q.actor = param_opt(req, "actor");
    q.type = param_opt(req, "type");
    q.admin1 = param_opt(req, "admin1");
    q.admin2 = param_opt(req, "admin2");
    q.near = param_opt(req, "near");
    const char *km = param_opt(req, "km");
    if (km && !q.near)
        return error_reply(out, 400, "parameter 'km' needs 'near'");
    q.km = 25.0;
    if (km) {
        char *end;
        q.km = strtod(km, &end);
        if (*end || !isfinite(q.km) || q.km <= 0 || q.km > MAX_KM)
            return error_reply(out, 400, "parameter 'km' must be a number above 0 and at most %g",
                               MAX_KM);
    }
    q.limit = limit + 1; /* one more tells whether a next page exists */
    q.offset = offset;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_events(c.st, &q, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 1, NULL, NULL)
                     : store_failed(st, c.err, out);
    if (rc == 200 && out->status == SR_OK && out->len >= 2 &&
        !memcmp(out->data + out->len - 2, "}\n", 2)) {
        /* "cursor": the next page by keyset ("after"), null on the last;
         * the store gave up to limit + 1 lines */
        size_t n = 0;
        for (const char *p = c.res.data, *e = p + c.res.len; p && p < e && n <= limit; n++) {
            p = memchr(p, '\n', (size_t)(e - p));
            if (!p)
                break;
            p++;
        }
        int first = 0;
        out->len -= 2; /* reopen the object: drop "}\n" */
        out->data[out->len] = '\0';
        put_cursor(out, &c.res, n > limit ? limit : 0, &first);
        sr_buf_puts(out, "}\n");
    }
    call_end(&c);
    return rc;
}

static int api_event(sr_server *srv, const sr_http_request *req, const char *id, sr_buf *out)
{
    int rc = check_params(req, "", out);
    if (rc)
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_event(c.st, id, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK || st == SR_DONE ? record_reply(out, &c.res, "event", id)
                                      : record_failed(st, c.err, "event", id, out);
    call_end(&c);
    return rc;
}

static int api_documents(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    size_t limit, offset;
    int rc = check_params(req, "limit offset", out);
    if (rc || (rc = uint_param(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)))
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_documents(c.st, limit + 1, offset, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 1, NULL, NULL)
                     : store_failed(st, c.err, out);
    call_end(&c);
    return rc;
}

static int api_document(sr_server *srv, const sr_http_request *req, const char *id, sr_buf *out)
{
    int rc = check_params(req, "", out);
    if (rc)
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_document(c.st, id, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK || st == SR_DONE ? record_reply(out, &c.res, "document", id)
                                      : record_failed(st, c.err, "document", id, out);
    call_end(&c);
    return rc;
}

static int api_actors(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    size_t limit, offset;
    int rc = check_params(req, "prefix limit offset", out);
    if (rc || (rc = uint_param(req, "limit", MAX_LIMIT, 1, MAX_LIMIT, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)))
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_actors(c.st, param_opt(req, "prefix"), &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 0, NULL, NULL)
                     : store_failed(st, c.err, out);
    call_end(&c);
    return rc;
}

static int api_actor(sr_server *srv, const sr_http_request *req, const char *name, sr_buf *out)
{
    int rc = check_params(req, "", out);
    if (rc)
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_actor(c.st, name, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK || st == SR_DONE ? record_reply(out, &c.res, "actor", name)
                                      : record_failed(st, c.err, "actor", name, out);
    call_end(&c);
    return rc;
}

/* The lists below are bounded by the knowledge base and the corpus's
 * distinct facts, not by the number of events, so they come whole
 * (limit/offset still window them). */
static int api_relations(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    const char *at;
    size_t limit, offset;
    int rc = check_params(req, "at actor limit offset", out);
    if (rc || (rc = date_param(req, "at", &at, out)) ||
        (rc = uint_param(req, "limit", 0, 1, MAX_OFFSET, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)))
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st =
        sr_store_relations(c.st, at, param_opt(req, "actor"), &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 0, at ? "at" : NULL, at)
                     : store_failed(st, c.err, out);
    call_end(&c);
    return rc;
}

static int api_control(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    const char *at;
    size_t limit, offset;
    int rc = check_params(req, "at place admin1 limit offset", out);
    if (rc || (rc = date_param(req, "at", &at, out)) ||
        (rc = uint_param(req, "limit", 0, 1, MAX_OFFSET, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)))
        return rc;
    const char *place = param_opt(req, "place"), *admin1 = param_opt(req, "admin1");
    if (place && admin1)
        return error_reply(out, 400, "give parameter 'place' or 'admin1', not both");
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_control(c.st, place, at, admin1, &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 0, at ? "at" : NULL, at)
                     : store_failed(st, c.err, out);
    call_end(&c);
    return rc;
}

static int api_timeline(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    size_t limit, offset;
    int rc = check_params(req, "actor limit offset", out);
    if (rc || (rc = uint_param(req, "limit", 0, 1, MAX_OFFSET, &limit, out)) ||
        (rc = uint_param(req, "offset", 0, 0, MAX_OFFSET, &offset, out)))
        return rc;
    call c;
    call_begin(&c, srv);
    sr_status st = sr_store_timeline(c.st, param_opt(req, "actor"), &c.res, c.err, sizeof c.err);
    rc = st == SR_OK ? list_reply(out, &c.res, limit, offset, 0, NULL, NULL)
                     : store_failed(st, c.err, out);
    call_end(&c);
    return rc;
}

static int api_network(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    const char *at;
    int rc = check_params(req, "at", out);
    if (rc || (rc = date_param(req, "at", &at, out)))
        return rc;
    call c;
    call_begin(&c, srv);
    rc = serve_network(c.st, at, out, c.err, sizeof c.err);
    if (rc != 200)
        rc = error_reply(out, rc, "%s", c.err);
    call_end(&c);
    return rc;
}

/* ---- ingest ---- */

/* Constant time in the length of the expected token, so response timing
 * does not reveal how many leading bytes a guess got right. */
static int token_ok(const char *auth, const char *token)
{
    static const char scheme[] = "Bearer ";
    if (!auth || strncmp(auth, scheme, sizeof scheme - 1))
        return 0;
    const char *got = auth + sizeof scheme - 1;
    size_t n = strlen(token), m = strlen(got);
    unsigned diff = (unsigned)(n != m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)token[i] ^ (unsigned char)(i < m ? got[i] : 0);
    return diff == 0;
}

/* A bundle carries the analysis ("clean", "events"); an article only text. */
static int is_bundle(const char *line, size_t len)
{
    const char *v;
    size_t vlen;
    return serve_json_member(line, len, "events", &v, &vlen) ||
           serve_json_member(line, len, "clean", &v, &vlen);
}

#define MAX_REPORTED_REJECTS 20

static int api_ingest(sr_server *srv, const sr_http_request *req, sr_buf *out)
{
    int rc = check_params(req, "", out);
    if (rc)
        return rc;
    if (srv->opt.readonly || !srv->writer)
        return error_reply(out, 403, "the server is read-only (--read-only)");
    if (!token_ok(req->authorization, srv->token))
        return error_reply(out, 401,
                           "ingest needs the header 'Authorization: Bearer TOKEN' "
                           "with the token sitrep serve printed at start-up");
    unsigned long added = 0, unchanged = 0, replaced = 0, rejected = 0, lineno = 0;
    sr_buf rejects, bundle;
    sr_buf_init(&rejects, NULL);
    sr_buf_init(&bundle, NULL);
    char err[512];
    sr_status fin = SR_OK;
    pthread_mutex_lock(&srv->write_lock);
    const char *b = req->body;
    size_t i = 0, n = req->body_len;
    while (i < n) {
        const char *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) : n;
        const char *line = b + i;
        size_t len = e - i;
        i = e + 1;
        lineno++;
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
            len--;
        if (!len)
            continue;
        err[0] = '\0';
        sr_status st;
        sr_ingest_result res = SR_INGEST_ADDED;
        if (is_bundle(line, len)) {
            st = sr_store_ingest(srv->writer, line, len, &res, err, sizeof err);
        } else if (srv->opt.analyze) {
            sr_buf_clear(&bundle);
            st = srv->opt.analyze(srv->opt.analyze_ctx, line, len, &bundle, err, sizeof err);
            if (st == SR_OK)
                st = sr_store_ingest(srv->writer, bundle.data, bundle.len, &res, err, sizeof err);
        } else {
            st = SR_EFORMAT;
            snprintf(err, sizeof err,
                     "not a bundle (no \"events\" or \"clean\"): this server takes the output "
                     "of `sitrep analyze`");
        }
        if (st != SR_OK) {
            if (rejected++ < MAX_REPORTED_REJECTS) {
                int first = 1;
                sr_buf_putc(&rejects, rejected > 1 ? ',' : '[');
                sr_buf_putc(&rejects, '{');
                sr_json_key(&rejects, "line", &first);
                sr_buf_uint(&rejects, lineno);
                sr_json_key(&rejects, "error", &first);
                sr_json_cstr(&rejects, *err ? err : sr_status_str(st));
                sr_buf_putc(&rejects, '}');
            }
            continue;
        }
        if (res == SR_INGEST_ADDED)
            added++;
        else if (res == SR_INGEST_REPLACED)
            replaced++;
        else
            unchanged++;
    }
    if (added || replaced)
        fin = sr_store_finish(srv->writer);
    pthread_mutex_unlock(&srv->write_lock);
    sr_buf_free(&bundle);
    if (!rejects.len)
        sr_buf_putc(&rejects, '[');
    sr_buf_putc(&rejects, ']');
    if (fin != SR_OK)
        rc = error_reply(out, 500, "store: recomputing relations failed: %s", sr_status_str(fin));
    else if (!added && !replaced && !unchanged && !rejected)
        rc = error_reply(out, 400, "empty body: send JSON lines of bundles");
    else {
        int first = 1;
        sr_buf_putc(out, '{');
        sr_json_key(out, "added", &first);
        sr_buf_uint(out, added);
        sr_json_key(out, "replaced", &first);
        sr_buf_uint(out, replaced);
        sr_json_key(out, "unchanged", &first);
        sr_buf_uint(out, unchanged);
        sr_json_key(out, "rejected", &first);
        sr_buf_uint(out, rejected);
        sr_json_key(out, "errors", &first);
        sr_buf_append(out, rejects.data, rejects.len);
        sr_buf_puts(out, "}\n");
        /* nothing stored at all: the client's request was wrong */
        rc = added || replaced || unchanged ? 200 : 400;
    }
    sr_buf_free(&rejects);
    return rc;
}

/* ---- routing ---- */

/* PATH = PREFIX "/" ID with a non-empty ID: returns ID, else NULL. */
static const char *sub_path(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(path, prefix, n) || path[n] != '/' || !path[n + 1])
        return NULL;
    return path + n + 1;
}

int sr_server_handle(sr_server *srv, const sr_http_request *req, sr_buf *out, const char **ctype)
{
    const char *path = req->path ? req->path : "/";
    int get = !strcmp(req->method, "GET") || !strcmp(req->method, "HEAD");
    int post = !strcmp(req->method, "POST");
    const char *id;
    *ctype = JSON_TYPE;
    out->limit = MAX_RESPONSE;

    if (strncmp(path, "/api/", 5)) {
        const serve_asset *a = serve_asset_find(path);
        if (!a)
            return error_reply(out, 404, "no page at '%.200s'", path);
        if (!get)
            return error_reply(out, 405, "method %.16s not allowed on '%.200s'", req->method, path);
        *ctype = a->ctype;
        sr_buf_append(out, (const char *)a->data, a->len);
        return 200;
    }
    if (!strcmp(path, "/api/ingest"))
        return post ? api_ingest(srv, req, out) : error_reply(out, 405, "/api/ingest takes POST");

    int (*list)(sr_server *, const sr_http_request *, sr_buf *) = NULL;
    int (*one)(sr_server *, const sr_http_request *, const char *, sr_buf *) = NULL;
    if (!strcmp(path, "/api/events"))
        list = api_events;
    else if ((id = sub_path(path, "/api/events")))
        one = api_event;
    else if (!strcmp(path, "/api/documents"))
        list = api_documents;
    else if ((id = sub_path(path, "/api/documents")))
        one = api_document;
    else if (!strcmp(path, "/api/actors"))
        list = api_actors;
    else if ((id = sub_path(path, "/api/actors")))
        one = api_actor;
    else if (!strcmp(path, "/api/relations"))
        list = api_relations;
    else if (!strcmp(path, "/api/control"))
        list = api_control;
    else if (!strcmp(path, "/api/timeline"))
        list = api_timeline;
    else if (!strcmp(path, "/api/network"))
        list = api_network;
    else
        return error_reply(out, 404, "no API endpoint '%.200s'", path);
    if (!get)
        return error_reply(out, 405, "method %.16s not allowed on '%.200s' (GET only)", req->method,
                           path);
    if (one && strlen(id) > MAX_VALUE_BYTES)
        return error_reply(out, 400, "the name or id in the path is longer than %d bytes",
                           MAX_VALUE_BYTES);
    return list ? list(srv, req, out) : one(srv, req, id, out);
}
