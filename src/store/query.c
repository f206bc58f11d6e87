/* query.c - the store's questions, answered as JSON lines (docs/SCHEMA.md,
 * "Queries").
 *
 * Every answer is ordered by keys the two backends sort alike (ISO dates,
 * ids and names under byte collation, schema.c), so SQLite and PostgreSQL
 * give byte-identical output.  Names a user types resolve through the kb
 * when the store has one, else through the stored actors table.  The event
 * queries read one joined statement (clusters with their reports) and
 * group rows per event in C, so memory holds one event at a time; "near"
 * narrows by a bounding box in SQL and by exact great-circle distance in C. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/code.h"
#include "store/store_int.h"

/* --- dynamic statements ----------------------------------------------------- */

#define QP_MAX 24

typedef struct qparams {
    int n;
    char kind[QP_MAX]; /* t, i, d */
    const char *t[QP_MAX];
    long long i[QP_MAX];
    double d[QP_MAX];
} qparams;

static void qp_text(qparams *p, const char *v)
{
    if (p->n < QP_MAX)
        p->kind[p->n] = 't', p->t[p->n++] = v;
}
static void qp_int(qparams *p, long long v)
{
    if (p->n < QP_MAX)
        p->kind[p->n] = 'i', p->i[p->n++] = v;
}
static void qp_double(qparams *p, double v)
{
    if (p->n < QP_MAX)
        p->kind[p->n] = 'd', p->d[p->n++] = v;
}

/* Whether S is one of the store's kept statements. */
static int is_kept(const sr_store *st, const sr_stmt *s)
{
    for (size_t i = 0; i < STORE_KEPT; i++)
        if (st->kept[i].stmt == s)
            return 1;
    return 0;
}

/* Prepares SQL and binds P.  With KEEP the statement is one of the store's
 * kept ones (reused when one was built from the same text; ended with
 * qp_done, not finalized), else a fresh one. */
static sr_stmt *qp_prepare(sr_store *st, const sr_buf *sql, const qparams *p, int keep)
{
    if (sql->status != SR_OK) {
        store_fail(st, SR_ENOMEM, "out of memory");
        return NULL;
    }
    sr_stmt *s = NULL;
    for (size_t i = 0; keep && !s && i < STORE_KEPT; i++)
        if (st->kept[i].sql && !strcmp(st->kept[i].sql, sql->data)) {
            s = st->kept[i].stmt;
            sr_stmt_reset(s);
        }
    if (!s) {
        if (sr_db_prepare(st->db, sql->data, &s) != SR_OK) {
            store_db_fail(st);
            return NULL;
        }
        char *text = keep ? strdup(sql->data) : NULL;
        if (text) {
            unsigned k = st->n_kept_next++ % STORE_KEPT;
            sr_stmt_finalize(st->kept[k].stmt);
            free(st->kept[k].sql);
            st->kept[k].stmt = s;
            st->kept[k].sql = text;
        } /* else: no memory to keep it, so it is used once */
    }
    sr_status rc = SR_OK;
    for (int k = 0; k < p->n && rc == SR_OK; k++)
        rc = p->kind[k] == 't'   ? sr_stmt_bind_text(s, k + 1, p->t[k], (size_t)-1)
             : p->kind[k] == 'i' ? sr_stmt_bind_int(s, k + 1, p->i[k])
                                 : sr_stmt_bind_double(s, k + 1, p->d[k]);
    if (rc != SR_OK) {
        store_db_fail(st);
        if (!is_kept(st, s))
            sr_stmt_finalize(s);
        return NULL;
    }
    return s;
}

/* Ends a statement from qp_prepare: the kept one is only reset. */
static void qp_done(sr_store *st, sr_stmt *s)
{
    if (is_kept(st, s))
        sr_stmt_reset(s);
    else
        sr_stmt_finalize(s);
}

/* ASCII lower case (what lower() does on both backends under "C"). */
static void ascii_lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* Reports RC; on failure the partial answer is taken back out of OUT. */
static sr_status answer(sr_store *st, sr_buf *out, size_t mark, sr_status rc, char *err,
                        size_t errlen)
{
    if (rc != SR_OK && out->len > mark) {
        out->len = mark;
        out->data[mark] = '\0';
    }
    return store_report(st, rc, err, errlen);
}

/* --- JSON helpers ------------------------------------------------------------ */

static void kv_str(sr_buf *b, const char *key, const char *v, int *f)
{
    sr_json_key(b, key, f);
    sr_json_cstr(b, v);
}

static void kv_int(sr_buf *b, const char *key, const char *v, int *f)
{
    sr_json_key(b, key, f);
    if (v)
        sr_buf_int(b, strtoll(v, NULL, 10));
    else
        sr_buf_puts(b, "null");
}

static void kv_bool(sr_buf *b, const char *key, const char *v, int *f)
{
    sr_json_key(b, key, f);
    sr_buf_puts(b, v && strtoll(v, NULL, 10) ? "true" : "false");
}

static void kv_coord(sr_buf *b, const char *key, int has, double v, int *f)
{
    sr_json_key(b, key, f);
    char o[32];
    if (has)
        sr_buf_append(b, o, sr_format_fixed(o, v, 5));
    else
        sr_buf_puts(b, "null");
}

/* Column COL of S as JSON: text, or an integer, or a coordinate. */
static void col_str(sr_buf *b, const char *key, sr_stmt *s, int col, int *f)
{
    kv_str(b, key, store_text(s, col), f);
}

static void col_int(sr_buf *b, const char *key, sr_stmt *s, int col, int *f)
{
    sr_json_key(b, key, f);
    if (sr_stmt_is_null(s, col))
        sr_buf_puts(b, "null");
    else
        sr_buf_int(b, (int64_t)sr_stmt_int(s, col));
}

static void col_num(sr_buf *b, const char *key, sr_stmt *s, int col, const char *fmt, int *f)
{
    sr_json_key(b, key, f);
    if (sr_stmt_is_null(s, col))
        sr_buf_puts(b, "null");
    else
        sr_buf_printf(b, fmt, sr_stmt_double(s, col));
}

static void put_text_span(sr_buf *b, const char *text, size_t len, long long a, long long e, int *f)
{
    sr_json_key(b, "start", f);
    sr_buf_int(b, a);
    sr_json_key(b, "end", f);
    sr_buf_int(b, e);
    sr_json_key(b, "text", f);
    if (text && a >= 0 && e >= a && (size_t)e <= len)
        sr_json_string(b, text + a, (size_t)(e - a));
    else
        sr_buf_puts(b, "null");
}

static sr_status check_date(sr_store *st, const char *what, const char *in, int last,
                            char out[STORE_DATE_LEN])
{
    if (in && store_date_norm(in, last, out))
        return store_fail(st, SR_EINVAL, "%s: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                          what, in);
    return SR_OK;
}

/* Resolves NAME to an actor id (into ID), or to a name events or relation
 * facts carry without an id (*BY_NAME = 1); SR_EINVAL when neither. */
static const char SQL_NAMED_ACTOR[] = "SELECT COUNT(*) FROM event_actors WHERE actor_name = ?";
static const char SQL_NAMED_IN_FACTS[] =
    "SELECT COUNT(*) FROM facts WHERE (subject = ? AND subject_id IS NULL)"
    " OR (object = ? AND object_id IS NULL)";

static sr_status resolve_actor(sr_store *st, const char *name, char *id, size_t n, int *by_name)
{
    *by_name = 0;
    int r = store_actor_id(st, name, id, n);
    if (r < 0)
        return SR_EIO;
    if (r > 0)
        return SR_OK;
    long long k = 0, f = 0;
    if (store_one_int(st, SQL_NAMED_ACTOR, &k, "t", name) < 0 ||
        (!k && store_one_int(st, SQL_NAMED_IN_FACTS, &f, "tt", name, name) < 0))
        return SR_EIO;
    if (!k && !f)
        return store_fail(st, SR_EINVAL, "unknown actor '%s'", name);
    snprintf(id, n, "%s", name);
    *by_name = 1;
    return SR_OK;
}

/* --- events ------------------------------------------------------------------ */

static double haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = M_PI / 180.0; /* mean Earth radius (IUGG) */
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

static const char SQL_PLACE_COORDS[] =
    "SELECT latitude, longitude FROM clusters WHERE location = ? AND latitude IS NOT NULL"
    " ORDER BY cluster_id LIMIT 1";

/* Coordinates of a place a user names: the gazetteer, else any stored
 * event at a location of that name. */
static sr_status place_coords(sr_store *st, const char *name, double *lat, double *lon)
{
    sr_place_ref ref;
    if (st->kb && sr_kb_lookup_place(st->kb, name, &ref) && ref.has_coords) {
        *lat = ref.lat;
        *lon = ref.lon;
        return SR_OK;
    }
    sr_stmt *s = store_stmt(st, SQL_PLACE_COORDS, "t", name);
    if (!s)
        return SR_EIO;
    int r = store_step(st, s);
    if (r > 0) {
        *lat = sr_stmt_double(s, 0);
        *lon = sr_stmt_double(s, 1);
    }
    sr_stmt_reset(s);
    if (r < 0)
        return SR_EIO;
    return r ? SR_OK : store_fail(st, SR_EINVAL, "near: unknown place '%s'", name);
}

static void row_clear(store_row *row)
{
    for (int k = 0; k < EV_NCOLS; k++)
        free(row->v[k]);
    free(row->role);
    for (size_t i = 0; i < row->n_src; i++) {
        store_src *s = &row->src[i];
        char *v[] = {s->doc_id,    s->event_id, s->date, s->source,
                     s->certainty, s->title,    s->url,  s->published};
        for (size_t k = 0; k < sizeof v / sizeof *v; k++)
            free(v[k]);
    }
    store_src *keep = row->src;
    size_t cap = row->cap_src;
    memset(row, 0, sizeof *row);
    row->src = keep;
    row->cap_src = cap;
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Columns after the cluster's: the role, then one report. */
enum {
    COL_ROLE = EV_NCOLS,
    COL_DOC,
    COL_EVENT,
    COL_DATE,
    COL_FAT,
    COL_SOURCE,
    COL_CERT,
    COL_TITLE,
    COL_URL,
    COL_PUBLISHED
};

static int row_start(store_row *row, sr_stmt *s)
{
    for (int k = 0; k < EV_NCOLS; k++)
        if (!sr_stmt_is_null(s, k) && !(row->v[k] = strdup(sr_stmt_text(s, k))))
            return -1;
    row->has_coords = !sr_stmt_is_null(s, EV_LAT) && !sr_stmt_is_null(s, EV_LON);
    row->lat = row->has_coords ? sr_stmt_double(s, EV_LAT) : 0;
    row->lon = row->has_coords ? sr_stmt_double(s, EV_LON) : 0;
    if (!sr_stmt_is_null(s, COL_ROLE) && !(row->role = strdup(sr_stmt_text(s, COL_ROLE))))
        return -1;
    return 0;
}

static int row_add_source(store_row *row, sr_stmt *s)
{
    if (row->n_src == row->cap_src) {
        size_t cap = row->cap_src ? row->cap_src * 2 : 4;
        store_src *p = realloc(row->src, cap * sizeof *p);
        if (!p)
            return -1;
        row->src = p;
        row->cap_src = cap;
    }
    store_src *x = &row->src[row->n_src++];
    memset(x, 0, sizeof *x);
    x->doc_id = dup(store_text(s, COL_DOC));
    x->event_id = dup(store_text(s, COL_EVENT));
    x->date = dup(store_text(s, COL_DATE));
    x->has_fatalities = !sr_stmt_is_null(s, COL_FAT);
    x->fatalities = x->has_fatalities ? (long long)sr_stmt_int(s, COL_FAT) : 0;
    x->source = dup(store_text(s, COL_SOURCE));
    x->certainty = dup(store_text(s, COL_CERT));
    x->title = dup(store_text(s, COL_TITLE));
    x->url = dup(store_text(s, COL_URL));
    x->published = dup(store_text(s, COL_PUBLISHED));
    return x->doc_id && x->event_id ? 0 : -1;
}

sr_status store_events_each(sr_store *st, const sr_event_query *q, const char *event_id,
                            store_event_fn emit, void *ctx)
{
    static const sr_event_query none = {0};
    q = q ? q : &none;
    char from[STORE_DATE_LEN], to[STORE_DATE_LEN], actor[256], admin1[256], admin2[256];
    sr_status rc = check_date(st, "from", q->from, 0, from);
    if (rc == SR_OK)
        rc = check_date(st, "to", q->to, 1, to);
    if (rc != SR_OK)
        return rc;
    int by_name = 0;
    if (q->actor && (rc = resolve_actor(st, q->actor, actor, sizeof actor, &by_name)) != SR_OK)
        return rc;
    double nlat = 0, nlon = 0;
    if (q->near) {
        if (!(q->km > 0))
            return store_fail(st, SR_EINVAL, "near: the distance must be a positive number of km");
        if ((rc = place_coords(st, q->near, &nlat, &nlon)) != SR_OK)
            return rc;
    }
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    qparams p = {0};
    /* a slim answer reads the clusters alone; otherwise each page of
     * clusters is joined with its reports */
    int slim = q->slim && !event_id;
    if (slim)
        sr_buf_puts(&sql, "SELECT " STORE_EVENT_COLS ", ");
    else
        sr_buf_puts(&sql, "SELECT " STORE_EVENT_COLS ", c.actor_role, e.doc_id, e.event_id,"
                          " e.event_date, e.fatalities, e.source, e.certainty, d.title, d.url,"
                          " d.published FROM (SELECT c.*, ");
    /* an actor with a kb id: its range of cluster_actors (by the cluster's
     * date, in answer order) drives the query; K names the table whose
     * (sort_date, cluster_id) the window, the cursor and the order use */
    int by_ca = q->actor && !by_name;
    const char *k = by_ca ? "ca" : "c";
    if (by_ca) {
        sr_buf_puts(&sql, "ca.role AS actor_role FROM cluster_actors ca"
                          " JOIN clusters c ON c.cluster_id = ca.cluster_id WHERE ca.actor_id = ?");
        qp_text(&p, actor);
    } else if (q->actor) {
        /* a name without an id: its reports, by event_actors */
        sr_buf_puts(&sql, "(SELECT MIN(ea.role) FROM event_actors ea WHERE ea.cluster_id ="
                          " c.cluster_id AND ea.actor_name = ?) AS actor_role FROM clusters c"
                          " WHERE c.cluster_id IN (SELECT cluster_id FROM event_actors"
                          " WHERE actor_name = ?)");
        qp_text(&p, actor);
        qp_text(&p, actor);
    } else {
        sr_buf_puts(&sql, "CAST(NULL AS TEXT) AS actor_role FROM clusters c WHERE 1 = 1");
    }
    if (event_id) {
        sr_buf_puts(&sql, " AND c.cluster_id = (SELECT cluster_id FROM events WHERE event_id = ?)");
        qp_text(&p, event_id);
    }
    if (q->type) {
        sr_buf_puts(&sql, " AND (c.event_type = ? OR c.sub_event_type = ?)");
        qp_text(&p, q->type);
        qp_text(&p, q->type);
    }
    /* the window on sort_date too (equal to event_date when dated): a
     * range on the index the answer is ordered by */
    if (q->from) {
        sr_buf_printf(&sql, " AND c.event_date >= ? AND %s.sort_date >= ?", k);
        qp_text(&p, from);
        qp_text(&p, from);
    }
    if (q->to) {
        sr_buf_printf(&sql, " AND c.event_date <= ? AND %s.sort_date <= ?", k);
        qp_text(&p, to);
        qp_text(&p, to);
    }
    if (q->after_date && q->after_id) {
        /* keyset paging: a range on the same index */
        sr_buf_printf(&sql, " AND (%s.sort_date, %s.cluster_id) > (?, ?)", k, k);
        qp_text(&p, q->after_date);
        qp_text(&p, q->after_id);
    }
    if (q->admin1) {
        snprintf(admin1, sizeof admin1, "%s", q->admin1);
        ascii_lower(admin1);
        sr_buf_puts(&sql, " AND lower(c.admin1) = ?");
        qp_text(&p, admin1);
    }
    if (q->admin2) {
        snprintf(admin2, sizeof admin2, "%s", q->admin2);
        ascii_lower(admin2);
        sr_buf_puts(&sql, " AND lower(c.admin2) = ?");
        qp_text(&p, admin2);
    }
    if (q->near) {
        /* a box a little larger than the circle; the exact test is below */
        double dlat = q->km / 111.0 * 1.01;
        double c = cos(nlat * M_PI / 180.0);
        double dlon = c > 0.01 ? dlat / c : 180.0;
        sr_buf_puts(&sql, " AND c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ?");
        qp_double(&p, nlat - dlat);
        qp_double(&p, nlat + dlat);
        qp_double(&p, nlon - dlon);
        qp_double(&p, nlon + dlon);
    }
    sr_buf_printf(&sql, " ORDER BY %s.sort_date, %s.cluster_id", k, k);
    if (!q->near && (q->limit || q->offset)) {
        sr_buf_puts(&sql, " LIMIT ? OFFSET ?");
        qp_int(&p, q->limit ? (long long)q->limit : INT64_MAX);
        qp_int(&p, (long long)q->offset);
    }
    if (!slim)
        sr_buf_puts(&sql, ") c JOIN events e ON e.cluster_id = c.cluster_id"
                          " LEFT JOIN documents d ON d.doc_id = e.doc_id"
                          " ORDER BY c.sort_date, c.cluster_id, e.seq, e.event_id");
    sr_stmt *s = qp_prepare(st, &sql, &p, 1);
    sr_buf_free(&sql);
    if (!s)
        return SR_EIO;

    store_row row;
    memset(&row, 0, sizeof row);
    int have = 0, r = 0;
    size_t matched = 0, emitted = 0;
    /* slim: a row is a whole event, emitted at once from the statement's
     * own text (valid until the next step), nothing copied */
    while (slim && rc == SR_OK && (r = store_step(st, s)) > 0) {
        store_row v;
        memset(&v, 0, sizeof v);
        v.slim = 1;
        /* the coordinates are read as numbers only: their text form
         * would cost a float-to-text conversion per row */
        for (int j = 0; j < EV_NCOLS; j++)
            v.v[j] = j == EV_LAT || j == EV_LON || sr_stmt_is_null(s, j)
                         ? NULL
                         : (char *)sr_stmt_text(s, j);
        v.has_coords = !sr_stmt_is_null(s, EV_LAT) && !sr_stmt_is_null(s, EV_LON);
        v.lat = v.has_coords ? sr_stmt_double(s, EV_LAT) : 0;
        v.lon = v.has_coords ? sr_stmt_double(s, EV_LON) : 0;
        v.role = sr_stmt_is_null(s, COL_ROLE) ? NULL : (char *)sr_stmt_text(s, COL_ROLE);
        if (q->near && !(v.has_coords && haversine_km(nlat, nlon, v.lat, v.lon) <= q->km &&
                         matched++ >= q->offset))
            continue;
        rc = emit(st, &v, ctx);
        if (q->near && q->limit && ++emitted >= q->limit)
            break;
    }
    while (!slim && rc == SR_OK && (r = store_step(st, s)) >= 0) {
        const char *cid = r > 0 ? sr_stmt_text(s, EV_ID) : NULL;
        if (have && (!cid || strcmp(cid, row.v[EV_ID]))) {
            /* the previous event is complete */
            int keep = 1;
            if (q->near)
                keep = row.has_coords && haversine_km(nlat, nlon, row.lat, row.lon) <= q->km &&
                       matched++ >= q->offset;
            if (keep && (!q->near || !q->limit || emitted < q->limit)) {
                rc = emit(st, &row, ctx);
                emitted++;
            }
            row_clear(&row);
            have = 0;
            if (q->near && q->limit && emitted >= q->limit)
                break;
        }
        if (!r || rc != SR_OK)
            break;
        if (!have) {
            row.slim = slim;
            if (row_start(&row, s)) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
            have = 1;
        }
        if (!slim && row_add_source(&row, s))
            rc = store_fail(st, SR_ENOMEM, "out of memory");
    }
    if (rc == SR_OK && r < 0)
        rc = SR_EIO;
    row_clear(&row);
    free(row.src);
    qp_done(st, s);
    return rc;
}

static const char SQL_EVIDENCE[] =
    "SELECT start_off, end_off, text FROM event_evidence WHERE event_id = ? ORDER BY seq";
static const char SQL_CLUSTER_ACTORS[] =
    "SELECT DISTINCT role, actor_name, actor_id FROM event_actors WHERE cluster_id = ?"
    " ORDER BY role, actor_name, actor_id";

static sr_status put_evidence(sr_store *st, const char *event_id, sr_buf *b)
{
    sr_stmt *s = store_stmt(st, SQL_EVIDENCE, "t", event_id);
    if (!s)
        return SR_EIO;
    sr_buf_puts(b, ",\"evidence\":[");
    int r, n = 0;
    while ((r = store_step(st, s)) > 0) {
        int f = 1;
        sr_buf_puts(b, n++ ? ",{" : "{");
        col_int(b, "start", s, 0, &f);
        col_int(b, "end", s, 1, &f);
        col_str(b, "text", s, 2, &f);
        sr_buf_putc(b, '}');
    }
    sr_stmt_reset(s);
    sr_buf_putc(b, ']');
    return r < 0 ? SR_EIO : SR_OK;
}

sr_status store_event_json(sr_store *st, const store_row *row, int evidence, sr_buf *b)
{
    char *const *v = row->v;
    int f = 1;
    sr_buf_putc(b, '{');
    kv_str(b, "event_id", v[EV_ID], &f);
    kv_str(b, "event_date", v[EV_DATE], &f);
    kv_str(b, "time_precision", v[EV_PREC], &f);
    kv_str(b, "event_type", v[EV_TYPE], &f);
    kv_str(b, "sub_event_type", v[EV_SUB], &f);
    kv_str(b, "actor1", v[EV_ACTOR1], &f);
    kv_str(b, "actor1_id", v[EV_ACTOR1_ID], &f);
    kv_str(b, "assoc_actor_1", v[EV_ASSOC1], &f);
    kv_str(b, "actor2", v[EV_ACTOR2], &f);
    kv_str(b, "actor2_id", v[EV_ACTOR2_ID], &f);
    kv_str(b, "assoc_actor_2", v[EV_ASSOC2], &f);
    kv_int(b, "inter1", v[EV_INTER1], &f);
    kv_int(b, "inter2", v[EV_INTER2], &f);
    kv_int(b, "interaction", v[EV_INTERACTION], &f);
    kv_str(b, "country", v[EV_COUNTRY], &f);
    kv_str(b, "admin1", v[EV_ADMIN1], &f);
    kv_str(b, "admin2", v[EV_ADMIN2], &f);
    kv_str(b, "location", v[EV_LOCATION], &f);
    kv_coord(b, "latitude", row->has_coords, row->lat, &f);
    kv_coord(b, "longitude", row->has_coords, row->lon, &f);
    kv_int(b, "geo_precision", v[EV_GEO_PREC], &f);
    kv_int(b, "fatalities", v[EV_FATALITIES], &f);
    kv_str(b, "source", v[EV_SOURCE], &f);
    kv_str(b, "certainty", v[EV_CERTAINTY], &f);
    kv_bool(b, "historical", v[EV_HISTORICAL], &f);
    kv_bool(b, "primary", v[EV_PRIMARY], &f);
    kv_bool(b, "civilian_targeting", v[EV_CIVILIAN], &f);
    kv_str(b, "notes", v[EV_NOTES], &f);
    if (row->role)
        kv_str(b, "role", row->role, &f);
    kv_int(b, "n_sources", v[EV_N_SOURCES], &f);
    sr_status rc = SR_OK;
    if (row->slim)
        goto done;
    sr_json_key(b, "sources", &f);
    sr_buf_putc(b, '[');
    for (size_t i = 0; i < row->n_src && rc == SR_OK; i++) {
        const store_src *x = &row->src[i];
        int g = 1;
        sr_buf_puts(b, i ? ",{" : "{");
        kv_str(b, "doc_id", x->doc_id, &g);
        kv_str(b, "event_id", x->event_id, &g);
        kv_str(b, "event_date", x->date, &g);
        sr_json_key(b, "fatalities", &g);
        if (x->has_fatalities)
            sr_buf_int(b, x->fatalities);
        else
            sr_buf_puts(b, "null");
        kv_str(b, "source", x->source, &g);
        kv_str(b, "certainty", x->certainty, &g);
        kv_str(b, "title", x->title, &g);
        kv_str(b, "url", x->url, &g);
        kv_str(b, "published", x->published, &g);
        if (evidence)
            rc = put_evidence(st, x->event_id, b);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
    if (evidence && rc == SR_OK) {
        sr_stmt *s = store_stmt(st, SQL_CLUSTER_ACTORS, "t", v[EV_ID]);
        if (!s)
            return SR_EIO;
        sr_buf_puts(b, ",\"actors\":[");
        int r, n = 0;
        while ((r = store_step(st, s)) > 0) {
            int g = 1;
            sr_buf_puts(b, n++ ? ",{" : "{");
            col_str(b, "role", s, 0, &g);
            col_str(b, "name", s, 1, &g);
            col_str(b, "id", s, 2, &g);
            sr_buf_putc(b, '}');
        }
        sr_stmt_reset(s);
        sr_buf_putc(b, ']');
        if (r < 0)
            rc = SR_EIO;
    }
done:
    sr_buf_puts(b, "}\n");
    if (rc == SR_OK && b->status != SR_OK)
        rc = store_fail(st, b->status, "output buffer: %s", sr_status_str(b->status));
    return rc;
}

typedef struct to_buf {
    sr_buf *b;
    int evidence;
    size_t n;
} to_buf;

static sr_status emit_to_buf(sr_store *st, const store_row *row, void *ctx)
{
    to_buf *t = ctx;
    t->n++;
    return store_event_json(st, row, t->evidence, t->b);
}

sr_status sr_store_events(sr_store *st, const sr_event_query *q, sr_buf *out, char *err,
                          size_t errlen)
{
    size_t mark = out->len;
    to_buf t = {out, 0, 0};
    return answer(st, out, mark, store_events_each(st, q, NULL, emit_to_buf, &t), err, errlen);
}

sr_status sr_store_event(sr_store *st, const char *event_id, sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    to_buf t = {out, 1, 0};
    sr_status rc = event_id && *event_id ? store_events_each(st, NULL, event_id, emit_to_buf, &t)
                                         : store_fail(st, SR_EINVAL, "no event id given");
    if (rc == SR_OK && !t.n)
        rc = store_fail(st, SR_DONE, "no event '%s'", event_id);
    return answer(st, out, mark, rc, err, errlen);
}

/* Timeline: the actor's events over time, one compact line each. */
static sr_status emit_timeline(sr_store *st, const store_row *row, void *ctx)
{
    sr_buf *b = ctx;
    char *const *v = row->v;
    int f = 1;
    const char *role = row->role ? row->role : "";
    int on2 = !strcmp(role, "actor2") || !strcmp(role, "assoc_actor_2");
    sr_buf_putc(b, '{');
    kv_str(b, "event_date", v[EV_DATE], &f);
    kv_str(b, "time_precision", v[EV_PREC], &f);
    kv_str(b, "event_id", v[EV_ID], &f);
    kv_str(b, "event_type", v[EV_TYPE], &f);
    kv_str(b, "sub_event_type", v[EV_SUB], &f);
    kv_str(b, "role", row->role, &f);
    kv_str(b, "counterpart", v[on2 ? EV_ACTOR1 : EV_ACTOR2], &f);
    kv_str(b, "counterpart_id", v[on2 ? EV_ACTOR1_ID : EV_ACTOR2_ID], &f);
    kv_str(b, "location", v[EV_LOCATION], &f);
    kv_str(b, "admin1", v[EV_ADMIN1], &f);
    kv_int(b, "fatalities", v[EV_FATALITIES], &f);
    kv_int(b, "n_sources", v[EV_N_SOURCES], &f);
    kv_str(b, "notes", v[EV_NOTES], &f);
    sr_buf_puts(b, "}\n");
    return b->status == SR_OK ? SR_OK : store_fail(st, b->status, "output buffer full");
}

sr_status sr_store_timeline(sr_store *st, const char *actor, sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    if (!actor || !*actor)
        return answer(st, out, mark, store_fail(st, SR_EINVAL, "no actor given"), err, errlen);
    sr_event_query q = {.actor = actor, .slim = 1};
    return answer(st, out, mark, store_events_each(st, &q, NULL, emit_timeline, out), err, errlen);
}

/* --- relations and control ------------------------------------------------------ */

#define INTERVAL_COLS                                                                              \
    "i.interval_id, i.type, COALESCE(sa.name, i.subject), i.subject_id,"                           \
    " COALESCE(oa.name, i.object), i.object_id, i.location, i.admin1, i.admin2, i.latitude,"       \
    " i.longitude, i.geo_precision, i.valid_from, i.valid_to, i.confidence, i.n_facts,"            \
    " cf.type, COALESCE(ca.name, cf.subject), cf.subject_id, cf.doc_id, cf.eff_start"
#define INTERVAL_FROM                                                                              \
    " FROM intervals i LEFT JOIN actors sa ON sa.actor_id = i.subject_id"                          \
    " LEFT JOIN actors oa ON oa.actor_id = i.object_id"                                            \
    " LEFT JOIN facts cf ON cf.fact_key = i.closed_by"                                             \
    " LEFT JOIN actors ca ON ca.actor_id = cf.subject_id"

static const char SQL_INTERVAL_FACTS[] =
    "SELECT f.doc_id, f.relation_id, f.origin, f.observed, f.valid_from, f.confidence,"
    " f.certainty, f.ev_start, f.ev_end, f.ev_text FROM interval_facts x"
    " JOIN facts f ON f.fact_key = x.fact_key WHERE x.interval_id = ? ORDER BY x.seq";

/* One relation interval line from a row of INTERVAL_COLS. */
static sr_status interval_json(sr_store *st, sr_stmt *s, sr_buf *b)
{
    int f = 1;
    const char *type = store_text(s, 1);
    sr_buf_putc(b, '{');
    col_str(b, "interval_id", s, 0, &f);
    col_str(b, "type", s, 1, &f);
    col_str(b, "subject", s, 2, &f);
    col_str(b, "subject_id", s, 3, &f);
    if (type && !strcmp(type, "controls")) {
        int g = 1;
        sr_json_key(b, "place", &f);
        sr_buf_putc(b, '{');
        col_str(b, "location", s, 6, &g);
        col_str(b, "admin1", s, 7, &g);
        col_str(b, "admin2", s, 8, &g);
        col_num(b, "latitude", s, 9, "%.5f", &g);
        col_num(b, "longitude", s, 10, "%.5f", &g);
        col_int(b, "geo_precision", s, 11, &g);
        sr_buf_putc(b, '}');
    } else {
        col_str(b, "object", s, 4, &f);
        col_str(b, "object_id", s, 5, &f);
    }
    col_str(b, "valid_from", s, 12, &f);
    col_str(b, "valid_to", s, 13, &f);
    col_num(b, "confidence", s, 14, "%.2f", &f);
    sr_json_key(b, "closed_by", &f);
    if (sr_stmt_is_null(s, 16)) {
        sr_buf_puts(b, "null");
    } else {
        int g = 1;
        sr_buf_putc(b, '{');
        col_str(b, "type", s, 16, &g);
        col_str(b, "subject", s, 17, &g);
        col_str(b, "subject_id", s, 18, &g);
        col_str(b, "doc_id", s, 19, &g);
        col_str(b, "date", s, 20, &g);
        sr_buf_putc(b, '}');
    }
    sr_json_key(b, "evidence", &f);
    sr_buf_putc(b, '[');
    sr_stmt *e = store_stmt(st, SQL_INTERVAL_FACTS, "t", sr_stmt_text(s, 0));
    if (!e)
        return SR_EIO;
    int r, n = 0;
    while ((r = store_step(st, e)) > 0) {
        int g = 1;
        sr_buf_puts(b, n++ ? ",{" : "{");
        col_str(b, "doc_id", e, 0, &g);
        col_str(b, "relation_id", e, 1, &g);
        col_str(b, "origin", e, 2, &g);
        col_str(b, "observed", e, 3, &g);
        col_str(b, "valid_from", e, 4, &g);
        col_num(b, "confidence", e, 5, "%.2f", &g);
        col_str(b, "certainty", e, 6, &g);
        col_int(b, "start", e, 7, &g);
        col_int(b, "end", e, 8, &g);
        col_str(b, "text", e, 9, &g);
        sr_buf_putc(b, '}');
    }
    sr_stmt_reset(e);
    sr_buf_puts(b, "]}\n");
    if (r < 0)
        return SR_EIO;
    return b->status == SR_OK ? SR_OK : store_fail(st, b->status, "output buffer full");
}

/* Runs a built interval query and writes every row; *N counts them. */
static sr_status intervals_out(sr_store *st, sr_buf *sql, const qparams *p, sr_buf *out, size_t *n)
{
    sr_stmt *s = qp_prepare(st, sql, p, 0);
    if (!s)
        return SR_EIO;
    sr_status rc = SR_OK;
    int r;
    while (rc == SR_OK && (r = store_step(st, s)) > 0) {
        rc = interval_json(st, s, out);
        if (n)
            (*n)++;
    }
    if (rc == SR_OK && r < 0)
        rc = SR_EIO;
    sr_stmt_finalize(s);
    return rc;
}

static void at_date(sr_buf *sql, qparams *p, const char *date)
{
    sr_buf_puts(sql, " AND (i.valid_from IS NULL OR i.valid_from <= ?)"
                     " AND (i.valid_to IS NULL OR i.valid_to >= ?)");
    qp_text(p, date);
    qp_text(p, date);
}

sr_status sr_store_relations(sr_store *st, const char *date, const char *actor, sr_buf *out,
                             char *err, size_t errlen)
{
    size_t mark = out->len;
    char d[STORE_DATE_LEN], id[256];
    int by_name = 0;
    sr_status rc = check_date(st, "at", date, 0, d);
    if (rc == SR_OK && actor)
        rc = resolve_actor(st, actor, id, sizeof id, &by_name);
    if (rc != SR_OK)
        return answer(st, out, mark, rc, err, errlen);
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    qparams p = {0};
    sr_buf_puts(&sql, "SELECT " INTERVAL_COLS INTERVAL_FROM " WHERE 1 = 1");
    if (date)
        at_date(&sql, &p, d);
    if (actor) {
        sr_buf_puts(&sql, by_name ? " AND (i.subject = ? OR i.object = ?)"
                                  : " AND (i.subject_id = ? OR i.object_id = ?)");
        qp_text(&p, id);
        qp_text(&p, id);
    }
    sr_buf_puts(&sql, " ORDER BY i.type, 3, 5, COALESCE(i.location, ''), COALESCE(i.admin1, ''),"
                      " COALESCE(i.valid_from, ''), i.interval_id");
    rc = intervals_out(st, &sql, &p, out, NULL);
    sr_buf_free(&sql);
    return answer(st, out, mark, rc, err, errlen);
}

sr_status sr_store_control(sr_store *st, const char *place, const char *date, const char *admin1,
                           sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    char d[STORE_DATE_LEN], a1[256];
    sr_status rc = check_date(st, "at", date, 0, d);
    if (rc == SR_OK && !place && !(admin1 && date))
        rc = store_fail(st, SR_EINVAL, "control needs a place, or an admin1 and a date");
    if (rc != SR_OK)
        return answer(st, out, mark, rc, err, errlen);
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    qparams p = {0};
    sr_buf_puts(&sql, "SELECT " INTERVAL_COLS INTERVAL_FROM " WHERE i.type = 'controls'");
    sr_place_ref ref;
    int resolved = 0;
    if (place) {
        /* the gazetteer's name for the place when it knows one, so that
         * "Atarib" finds the facts about "Al Atarib"; else the name given */
        resolved = st->kb && sr_kb_lookup_place(st->kb, place, &ref) && ref.location;
        sr_buf_puts(&sql, " AND (i.location = ?");
        qp_text(&p, place);
        if (resolved) {
            sr_buf_puts(&sql, " OR (i.location = ? AND COALESCE(i.admin1, '') = ?)");
            qp_text(&p, ref.location);
            qp_text(&p, ref.admin1 ? ref.admin1 : "");
        }
        sr_buf_putc(&sql, ')');
    }
    if (admin1) {
        snprintf(a1, sizeof a1, "%s", admin1);
        ascii_lower(a1);
        sr_buf_puts(&sql, " AND lower(i.admin1) = ?");
        qp_text(&p, a1);
    }
    if (date)
        at_date(&sql, &p, d);
    sr_buf_puts(&sql, " ORDER BY COALESCE(i.location, ''), COALESCE(i.admin1, ''),"
                      " COALESCE(i.valid_from, ''), i.interval_id");
    rc = intervals_out(st, &sql, &p, out, NULL);
    sr_buf_free(&sql);
    return answer(st, out, mark, rc, err, errlen);
}

/* --- actors ------------------------------------------------------------------------ */

static const char SQL_ACTOR_ROW[] =
    "SELECT actor_id, name, kind, inter, country, valid_from, valid_to FROM actors"
    " WHERE actor_id = ?";
static const char SQL_ALIASES[] =
    "SELECT DISTINCT surface FROM mentions WHERE kind = 'actor' AND actor_id = ?"
    " AND role IS NULL AND surface IS NOT NULL ORDER BY surface";
static const char SQL_COUNTS_ID[] =
    "SELECT c.event_type, c.sub_event_type, COUNT(*) FROM clusters c WHERE c.cluster_id IN"
    " (SELECT cluster_id FROM event_actors WHERE actor_id = ?)"
    " GROUP BY c.event_type, c.sub_event_type ORDER BY c.event_type, c.sub_event_type";
static const char SQL_COUNTS_NAME[] =
    "SELECT c.event_type, c.sub_event_type, COUNT(*) FROM clusters c WHERE c.cluster_id IN"
    " (SELECT cluster_id FROM event_actors WHERE actor_name = ?)"
    " GROUP BY c.event_type, c.sub_event_type ORDER BY c.event_type, c.sub_event_type";
static const char SQL_PROFILE_REL[] =
    "SELECT i.type, i.subject_id, COALESCE(sa.name, i.subject), i.object_id,"
    " COALESCE(oa.name, i.object), i.location, i.admin1, i.valid_from, i.valid_to, i.confidence,"
    " i.n_facts, i.subject_id, i.object_id FROM intervals i"
    " LEFT JOIN actors sa ON sa.actor_id = i.subject_id"
    " LEFT JOIN actors oa ON oa.actor_id = i.object_id"
    " WHERE i.subject_id = ? OR i.object_id = ?"
    " ORDER BY i.type, COALESCE(i.valid_from, ''), 3, 5, COALESCE(i.location, ''),"
    " i.interval_id";
static const char SQL_PROFILE_REL_NAME[] =
    "SELECT i.type, CASE WHEN i.subject_id IS NULL THEN i.subject END,"
    " COALESCE(sa.name, i.subject), i.object, COALESCE(oa.name, i.object), i.location, i.admin1,"
    " i.valid_from, i.valid_to, i.confidence, i.n_facts, i.subject_id, i.object_id"
    " FROM intervals i LEFT JOIN actors sa ON sa.actor_id = i.subject_id"
    " LEFT JOIN actors oa ON oa.actor_id = i.object_id"
    " WHERE (i.subject_id IS NULL AND i.subject = ?) OR (i.object_id IS NULL AND i.object = ?)"
    " ORDER BY i.type, COALESCE(i.valid_from, ''), 3, 5, COALESCE(i.location, ''),"
    " i.interval_id";

/* The profile's relation lists: KEY names the list, TYPE and SIDE choose
 * its intervals (SIDE 0: the actor is the subject; 1: the object; 2:
 * either, the other actor is listed). */
typedef struct rel_list {
    const char *key, *type;
    int side;
} rel_list;

static const rel_list profile_lists[] = {
    {"memberships", "member_of", 0}, {"members", "member_of", 1}, {"allies", "allied", 2},
    {"enemies", "hostile", 2},       {"backers", "backed_by", 0}, {"backs", "backed_by", 1},
    {"leaders", "leads", 1},         {"leads", "leads", 0},       {"formerly", "formerly", 0},
    {"succeeded_by", "formerly", 1}, {"controls", "controls", 0},
};

/* ID is an actor id, or with BY_NAME the name of an actor without one
 * (column 1 then holds the subject's name when it has no id). */
static sr_status profile_relations(sr_store *st, const char *id, int by_name, sr_buf *b, int *f)
{
    for (size_t k = 0; k < sizeof profile_lists / sizeof *profile_lists; k++) {
        const rel_list *L = &profile_lists[k];
        sr_stmt *s = store_stmt(st, by_name ? SQL_PROFILE_REL_NAME : SQL_PROFILE_REL, "tt", id, id);
        if (!s)
            return SR_EIO;
        sr_json_key(b, L->key, f);
        sr_buf_putc(b, '[');
        int r, n = 0;
        while ((r = store_step(st, s)) > 0) {
            const char *type = sr_stmt_text(s, 0), *sid = store_text(s, 1);
            int is_subject = sid && !strcmp(sid, id);
            if (strcmp(type, L->type) || (L->side == 0 && !is_subject) ||
                (L->side == 1 && is_subject))
                continue;
            int other = is_subject ? 3 : 1, g = 1;
            sr_buf_puts(b, n++ ? ",{" : "{");
            if (!strcmp(type, "controls")) {
                col_str(b, "location", s, 5, &g);
                col_str(b, "admin1", s, 6, &g);
            } else {
                col_str(b, "actor", s, other + 1, &g);
                col_str(b, "actor_id", s, is_subject ? 12 : 11, &g);
            }
            col_str(b, "valid_from", s, 7, &g);
            col_str(b, "valid_to", s, 8, &g);
            col_num(b, "confidence", s, 9, "%.2f", &g);
            col_int(b, "n_facts", s, 10, &g);
            sr_buf_putc(b, '}');
        }
        sr_stmt_reset(s);
        sr_buf_putc(b, ']');
        if (r < 0)
            return SR_EIO;
    }
    return SR_OK;
}

sr_status sr_store_actor(sr_store *st, const char *name, sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    char id[256];
    int by_name = 0;
    sr_status rc = name && *name ? resolve_actor(st, name, id, sizeof id, &by_name)
                                 : store_fail(st, SR_EINVAL, "no actor given");
    if (rc != SR_OK)
        return answer(st, out, mark, rc, err, errlen);
    sr_buf *b = out;
    int f = 1;
    sr_buf_putc(b, '{');
    sr_stmt *s = by_name ? NULL : store_stmt(st, SQL_ACTOR_ROW, "t", id);
    int r = s ? store_step(st, s) : 0;
    if (r < 0) {
        sr_stmt_reset(s);
        return answer(st, out, mark, SR_EIO, err, errlen);
    }
    kv_str(b, "id", by_name ? NULL : id, &f);
    if (r > 0) {
        col_str(b, "name", s, 1, &f);
        col_str(b, "kind", s, 2, &f);
        col_int(b, "inter", s, 3, &f);
        col_str(b, "country", s, 4, &f);
        col_str(b, "valid_from", s, 5, &f);
        col_str(b, "valid_to", s, 6, &f);
    } else {
        /* known to the kb or the events only */
        int k = !by_name && st->kb ? sr_kb_actor_find(st->kb, id) : -1;
        const sr_actor *a = k >= 0 ? sr_kb_actor(st->kb, (size_t)k) : NULL;
        kv_str(b, "name", a ? a->name : by_name ? id : NULL, &f);
        kv_str(b, "kind", a ? sr_actor_kind_name(a->kind) : NULL, &f);
    }
    if (s)
        sr_stmt_reset(s);
    sr_json_key(b, "aliases", &f);
    sr_buf_putc(b, '[');
    if (!by_name) {
        s = store_stmt(st, SQL_ALIASES, "t", id);
        if (!s)
            return answer(st, out, mark, SR_EIO, err, errlen);
        int n = 0;
        while ((r = store_step(st, s)) > 0) {
            if (n++)
                sr_buf_putc(b, ',');
            sr_json_cstr(b, sr_stmt_text(s, 0));
        }
        sr_stmt_reset(s);
        if (r < 0)
            return answer(st, out, mark, SR_EIO, err, errlen);
    }
    sr_buf_putc(b, ']');
    if ((rc = profile_relations(st, id, by_name, b, &f)) != SR_OK)
        return answer(st, out, mark, rc, err, errlen);
    s = store_stmt(st, by_name ? SQL_COUNTS_NAME : SQL_COUNTS_ID, "t", id);
    if (!s)
        return answer(st, out, mark, SR_EIO, err, errlen);
    sr_json_key(b, "event_counts", &f);
    sr_buf_putc(b, '[');
    long long total = 0;
    int n = 0;
    while ((r = store_step(st, s)) > 0) {
        int g = 1;
        sr_buf_puts(b, n++ ? ",{" : "{");
        col_str(b, "event_type", s, 0, &g);
        col_str(b, "sub_event_type", s, 1, &g);
        col_int(b, "count", s, 2, &g);
        total += (long long)sr_stmt_int(s, 2);
        sr_buf_putc(b, '}');
    }
    sr_stmt_reset(s);
    if (r < 0)
        return answer(st, out, mark, SR_EIO, err, errlen);
    sr_buf_putc(b, ']');
    sr_json_key(b, "events", &f);
    sr_buf_int(b, total);
    sr_buf_puts(b, "}\n");
    rc = b->status == SR_OK ? SR_OK : store_fail(st, b->status, "output buffer full");
    return answer(st, out, mark, rc, err, errlen);
}

sr_status sr_store_actors(sr_store *st, const char *prefix, sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    sr_buf sql, pat;
    sr_buf_init(&sql, NULL);
    sr_buf_init(&pat, NULL);
    qparams p = {0};
    sr_buf_puts(&sql, "SELECT a.actor_id, a.name, a.kind, a.country,"
                      " (SELECT COUNT(DISTINCT ea.cluster_id) FROM event_actors ea"
                      " WHERE ea.actor_id = a.actor_id) FROM actors a");
    if (prefix && *prefix) {
        /* LIKE with the user's % and _ escaped; matched on name or id */
        for (const char *c = prefix; *c; c++) {
            if (*c == '%' || *c == '_' || *c == '\\')
                sr_buf_putc(&pat, '\\');
            sr_buf_putc(&pat, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
        }
        sr_buf_putc(&pat, '%');
        sr_buf_puts(&sql, " WHERE lower(a.name) LIKE ? ESCAPE '\\' OR lower(a.actor_id) LIKE ?"
                          " ESCAPE '\\'");
        qp_text(&p, pat.data);
        qp_text(&p, pat.data);
    }
    sr_buf_puts(&sql, " ORDER BY a.name, a.actor_id");
    sr_status rc = SR_OK;
    sr_stmt *s = pat.status == SR_OK ? qp_prepare(st, &sql, &p, 0) : NULL;
    if (!s)
        rc = st->msg[0] ? SR_EIO : store_fail(st, SR_ENOMEM, "out of memory");
    int r = 0;
    while (s && (r = store_step(st, s)) > 0) {
        int f = 1;
        sr_buf_putc(out, '{');
        col_str(out, "id", s, 0, &f);
        col_str(out, "name", s, 1, &f);
        col_str(out, "kind", s, 2, &f);
        col_str(out, "country", s, 3, &f);
        col_int(out, "events", s, 4, &f);
        sr_buf_puts(out, "}\n");
    }
    if (s && r < 0)
        rc = SR_EIO;
    if (rc == SR_OK && out->status != SR_OK)
        rc = store_fail(st, out->status, "output buffer full");
    if (s)
        sr_stmt_finalize(s);
    sr_buf_free(&sql);
    sr_buf_free(&pat);
    return answer(st, out, mark, rc, err, errlen);
}

/* --- documents ----------------------------------------------------------------------- */

static const char SQL_DOCUMENT[] =
    "SELECT doc_id, hash, title, published, source, url, origin, content_type, title_start,"
    " title_end, dateline, text, dateline_text, dateline_start, dateline_end FROM documents"
    " WHERE doc_id = ?";
static const char SQL_DOC_SPANS[] =
    "SELECT start_off, end_off, author, author_start, author_end, depth, parent, reason"
    " FROM doc_spans WHERE doc_id = ? AND kind = ? ORDER BY seq";
static const char SQL_DOC_EVENT_EVIDENCE[] =
    "SELECT x.start_off, x.end_off, e.event_id, e.cluster_id, e.sub_event_type"
    " FROM event_evidence x JOIN events e ON e.event_id = x.event_id WHERE e.doc_id = ?";
static const char SQL_DOC_STATEMENTS[] =
    "SELECT start_off, end_off, seq, type FROM statements WHERE doc_id = ?";
static const char SQL_DOC_FACTS[] =
    "SELECT ev_start, ev_end, relation_id, type FROM facts WHERE doc_id = ?"
    " AND ev_start IS NOT NULL";

typedef struct evspan {
    long long start, end;
    int kind; /* 0 event, 1 statement, 2 relation */
    char *id, *cluster, *label;
} evspan;

static int evspan_cmp(const void *a, const void *b)
{
    const evspan *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    return strcmp(x->id, y->id);
}

/* Every evidence span of the document's facts, sorted by position. */
static sr_status doc_evidence(sr_store *st, const char *doc_id, const char *text, size_t len,
                              sr_buf *b)
{
    evspan *v = NULL;
    size_t n = 0, cap = 0;
    sr_status rc = SR_OK;
    const char *const sqls[] = {SQL_DOC_EVENT_EVIDENCE, SQL_DOC_STATEMENTS, SQL_DOC_FACTS};
    for (int k = 0; k < 3 && rc == SR_OK; k++) {
        sr_stmt *s = store_stmt(st, sqls[k], "t", doc_id);
        if (!s)
            return SR_EIO;
        int r;
        while ((r = store_step(st, s)) > 0) {
            if (n == cap) {
                cap = cap ? cap * 2 : 32;
                evspan *p = realloc(v, cap * sizeof *p);
                if (!p) {
                    rc = store_fail(st, SR_ENOMEM, "out of memory");
                    break;
                }
                v = p;
            }
            evspan *e = &v[n++];
            memset(e, 0, sizeof *e);
            e->start = (long long)sr_stmt_int(s, 0);
            e->end = (long long)sr_stmt_int(s, 1);
            e->kind = k;
            e->id = strdup(sr_stmt_text(s, 2));
            e->cluster = k == 0 ? dup(store_text(s, 3)) : NULL;
            e->label = dup(store_text(s, k == 0 ? 4 : 3));
            if (!e->id)
                rc = store_fail(st, SR_ENOMEM, "out of memory");
        }
        sr_stmt_reset(s);
        if (r < 0)
            rc = SR_EIO;
    }
    if (rc == SR_OK) {
        static const char *const kinds[] = {"event", "statement", "relation"};
        qsort(v, n, sizeof *v, evspan_cmp);
        sr_buf_puts(b, ",\"evidence\":[");
        for (size_t i = 0; i < n; i++) {
            int f = 1;
            sr_buf_puts(b, i ? ",{" : "{");
            kv_str(b, "kind", kinds[v[i].kind], &f);
            kv_str(b, "id", v[i].id, &f);
            if (v[i].kind == 0)
                kv_str(b, "cluster_id", v[i].cluster, &f);
            kv_str(b, "label", v[i].label, &f);
            put_text_span(b, text, len, v[i].start, v[i].end, &f);
            sr_buf_putc(b, '}');
        }
        sr_buf_putc(b, ']');
    }
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].cluster);
        free(v[i].label);
    }
    free(v);
    return rc;
}

static sr_status doc_spans(sr_store *st, const char *doc_id, const char *kind, const char *key,
                           const char *text, size_t len, sr_buf *b, int *f)
{
    sr_stmt *s = store_stmt(st, SQL_DOC_SPANS, "tt", doc_id, kind);
    if (!s)
        return SR_EIO;
    sr_json_key(b, key, f);
    sr_buf_putc(b, '[');
    int r, n = 0;
    while ((r = store_step(st, s)) > 0) {
        int g = 1;
        sr_buf_puts(b, n++ ? ",{" : "{");
        if (!strcmp(kind, "comment")) {
            col_str(b, "author", s, 2, &g);
            col_int(b, "depth", s, 5, &g);
            col_int(b, "parent", s, 6, &g);
        } else if (!strcmp(kind, "boilerplate")) {
            col_str(b, "reason", s, 7, &g);
        }
        put_text_span(b, text, len, (long long)sr_stmt_int(s, 0), (long long)sr_stmt_int(s, 1), &g);
        sr_buf_putc(b, '}');
    }
    sr_stmt_reset(s);
    sr_buf_putc(b, ']');
    return r < 0 ? SR_EIO : SR_OK;
}

sr_status sr_store_document(sr_store *st, const char *doc_id, sr_buf *out, char *err, size_t errlen)
{
    size_t mark = out->len;
    if (!doc_id || !*doc_id)
        return answer(st, out, mark, store_fail(st, SR_EINVAL, "no document id given"), err,
                      errlen);
    sr_stmt *s = store_stmt(st, SQL_DOCUMENT, "t", doc_id);
    if (!s)
        return answer(st, out, mark, SR_EIO, err, errlen);
    int r = store_step(st, s);
    if (r <= 0) {
        sr_stmt_reset(s);
        return answer(st, out, mark,
                      r < 0 ? SR_EIO : store_fail(st, SR_DONE, "no document '%s'", doc_id), err,
                      errlen);
    }
    /* the text outlives the statement: other queries run below */
    char *text = strdup(sr_stmt_text(s, 11));
    if (!text) {
        sr_stmt_reset(s);
        return answer(st, out, mark, store_fail(st, SR_ENOMEM, "out of memory"), err, errlen);
    }
    size_t len = strlen(text);
    sr_buf *b = out;
    int f = 1;
    sr_buf_putc(b, '{');
    col_str(b, "doc_id", s, 0, &f);
    col_str(b, "hash", s, 1, &f);
    col_str(b, "title", s, 2, &f);
    col_str(b, "published", s, 3, &f);
    col_str(b, "source", s, 4, &f);
    col_str(b, "url", s, 5, &f);
    col_str(b, "origin", s, 6, &f);
    col_str(b, "content_type", s, 7, &f);
    sr_json_key(b, "dateline", &f);
    if (sr_stmt_is_null(s, 10) && sr_stmt_is_null(s, 12)) {
        sr_buf_puts(b, "null");
    } else {
        int g = 1;
        sr_buf_putc(b, '{');
        col_str(b, "text", s, 12, &g);
        sr_json_key(b, "span", &g);
        if (sr_stmt_is_null(s, 13))
            sr_buf_puts(b, "null");
        else
            sr_buf_printf(b, "[%lld,%lld]", (long long)sr_stmt_int(s, 13),
                          (long long)sr_stmt_int(s, 14));
        col_str(b, "date", s, 10, &g);
        sr_buf_putc(b, '}');
    }
    sr_json_key(b, "title_span", &f);
    if (sr_stmt_is_null(s, 8))
        sr_buf_puts(b, "null");
    else
        sr_buf_printf(b, "[%lld,%lld]", (long long)sr_stmt_int(s, 8), (long long)sr_stmt_int(s, 9));
    sr_stmt_reset(s);
    kv_str(b, "text", text, &f);
    sr_status rc = doc_spans(st, doc_id, "body", "body", text, len, b, &f);
    if (rc == SR_OK)
        rc = doc_spans(st, doc_id, "comment", "comments", text, len, b, &f);
    if (rc == SR_OK)
        rc = doc_spans(st, doc_id, "boilerplate", "boilerplate", text, len, b, &f);
    if (rc == SR_OK)
        rc = doc_evidence(st, doc_id, text, len, b);
    sr_buf_puts(b, "}\n");
    free(text);
    if (rc == SR_OK && b->status != SR_OK)
        rc = store_fail(st, b->status, "output buffer full");
    return answer(st, out, mark, rc, err, errlen);
}

sr_status sr_store_documents(sr_store *st, size_t limit, size_t offset, sr_buf *out, char *err,
                             size_t errlen)
{
    size_t mark = out->len;
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    qparams p = {0};
    sr_buf_puts(&sql, "SELECT d.doc_id, d.title, d.published, d.source, d.url, d.hash,"
                      " (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.doc_id),"
                      " (SELECT COUNT(*) FROM statements x WHERE x.doc_id = d.doc_id),"
                      " (SELECT COUNT(*) FROM facts r WHERE r.doc_id = d.doc_id),"
                      " (SELECT COUNT(*) FROM doc_spans c WHERE c.doc_id = d.doc_id"
                      " AND c.kind = 'comment')"
                      " FROM documents d ORDER BY d.doc_id");
    if (limit || offset) {
        sr_buf_puts(&sql, " LIMIT ? OFFSET ?");
        qp_int(&p, limit ? (long long)limit : INT64_MAX);
        qp_int(&p, (long long)offset);
    }
    sr_stmt *s = qp_prepare(st, &sql, &p, 0);
    sr_buf_free(&sql);
    if (!s)
        return answer(st, out, mark, SR_EIO, err, errlen);
    int r;
    while ((r = store_step(st, s)) > 0) {
        int f = 1;
        sr_buf_putc(out, '{');
        col_str(out, "doc_id", s, 0, &f);
        col_str(out, "title", s, 1, &f);
        col_str(out, "published", s, 2, &f);
        col_str(out, "source", s, 3, &f);
        col_str(out, "url", s, 4, &f);
        col_str(out, "hash", s, 5, &f);
        col_int(out, "events", s, 6, &f);
        col_int(out, "statements", s, 7, &f);
        col_int(out, "relations", s, 8, &f);
        col_int(out, "comments", s, 9, &f);
        sr_buf_puts(out, "}\n");
    }
    sr_stmt_finalize(s);
    sr_status rc = r < 0 ? SR_EIO : SR_OK;
    if (rc == SR_OK && out->status != SR_OK)
        rc = store_fail(st, out->status, "output buffer full");
    return answer(st, out, mark, rc, err, errlen);
}
