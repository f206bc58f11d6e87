/* dedup.c - cross-report deduplication: events of different reports that
 * tell one happening form a cluster, and the cluster is what queries show.
 *
 * A new event joins the oldest cluster holding an event that
 *   - has the same sub_event_type, where the three battle sub-types
 *     (armed clash, non-state actor overtakes territory, government regains
 *     territory) count as one: one report calls a fight a clash, the next
 *     the takeover it ended in; the cluster shows the territorial one,
 *   - happened at the same place: the same location in the same admin1, or,
 *     when either of the two is known only to an admin area (no location,
 *     or ACLED geo_precision 3), the same country, admin1 and admin2,
 *   - happened at a compatible date: within the coarser time_precision of
 *     the two (day: one day apart at most, week: seven days, month: the same
 *     month, year: the same year; an undated event never matches),
 *   - shares an actor (by kb id, or by name when neither has an id) among
 *     actor1, actor2 and the associated actors, or has no actor at all when
 *     the new event has none either; unidentified groups and civilians do
 *     not count as actors here, since they name nobody in particular,
 * provided the new event also fits every other event of that cluster in
 * date and place (so that one month-precision report cannot chain every
 * day of its month together) and the cluster holds no event of the new
 * event's own document (the coder has already merged within a document, so
 * two events of one report are two happenings).  Otherwise the event
 * starts its own cluster.
 *
 * A cluster is named after its first event (lowest ingest sequence) and
 * shows that event's fields, except: the most precise date among its
 * events (the earliest event on ties), the lowest positive toll (the most
 * conservative one; ACLED codes 0 when a report gives no toll, so a silent
 * report does not lower another's count), every source, and the number of
 * reports.  Matching depends on ingest order: the same order gives the
 * same clusters.
 *
 * Cost: one indexed query per new event over events of its sub-event type
 * and admin1 (or location) within its date window, plus one actor lookup
 * per candidate and one member scan per candidate cluster. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

#define DEDUP_KEYS 32 /* actor keys compared per event; events carry fewer */

typedef struct ev_info {
    char *event_id, *cluster_id, *doc_id, *date, *prec, *country, *admin1, *admin2, *location;
    int is_area;
} ev_info;

typedef struct key_set {
    char *k[DEDUP_KEYS];
    size_t n;
} key_set;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void ev_free(ev_info *e)
{
    free(e->event_id);
    free(e->cluster_id);
    free(e->doc_id);
    free(e->date);
    free(e->prec);
    free(e->country);
    free(e->admin1);
    free(e->admin2);
    free(e->location);
    memset(e, 0, sizeof *e);
}

static void keys_free(key_set *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->k[i]);
    k->n = 0;
}

/* Columns 0..9 of ROW in the order of EV_INFO_COLS. */
#define EV_INFO_COLS                                                                               \
    "event_id, cluster_id, doc_id, event_date, time_precision, country, admin1, admin2, "          \
    "location, is_area"

static int ev_read(sr_stmt *s, ev_info *e)
{
    e->event_id = dup_or_null(store_text(s, 0));
    e->cluster_id = dup_or_null(store_text(s, 1));
    e->doc_id = dup_or_null(store_text(s, 2));
    e->date = dup_or_null(store_text(s, 3));
    e->prec = dup_or_null(store_text(s, 4));
    e->country = dup_or_null(store_text(s, 5));
    e->admin1 = dup_or_null(store_text(s, 6));
    e->admin2 = dup_or_null(store_text(s, 7));
    e->location = dup_or_null(store_text(s, 8));
    e->is_area = (int)sr_stmt_int(s, 9);
    return e->event_id && e->cluster_id && e->doc_id ? 0 : -1;
}

static const char SQL_EVENT_INFO[] =
    "SELECT " EV_INFO_COLS ", sub_event_type FROM events WHERE event_id = ?";
static const char SQL_EVENT_KEYS[] =
    "SELECT ea.actor_id, ea.actor_name, a.kind FROM event_actors ea"
    " LEFT JOIN actors a ON a.actor_id = ea.actor_id WHERE ea.event_id = ?"
    " ORDER BY ea.role, ea.seq";
/* Two indexed searches (the date window, then the month's and the year's
 * first days, where coarser reports sit) joined by UNION: an OR across the
 * date conditions would stop both backends from using the date part of the
 * index and make each look-up scan every event of the governorate. */
#define CANDIDATES(col)                                                                            \
    "SELECT " EV_INFO_COLS ", seq AS s_, event_id AS e_ FROM events"                               \
    " WHERE sub_event_type IN (?, ?, ?) AND " col " = ? AND event_date BETWEEN ? AND ?"            \
    " AND doc_id <> ?"                                                                             \
    " UNION SELECT " EV_INFO_COLS ", seq AS s_, event_id AS e_ FROM events"                        \
    " WHERE sub_event_type IN (?, ?, ?) AND " col " = ? AND event_date IN (?, ?)"                  \
    " AND doc_id <> ? ORDER BY s_, e_"
static const char SQL_CANDIDATES_ADMIN[] = CANDIDATES("admin1");
static const char SQL_CANDIDATES_LOCATION[] = CANDIDATES("location");
static const char SQL_CLUSTER_MEMBERS[] =
    "SELECT " EV_INFO_COLS " FROM events WHERE cluster_id = ? ORDER BY seq, event_id";
static const char SQL_MOVE_EVENT[] = "UPDATE events SET cluster_id = ? WHERE event_id = ?";
static const char SQL_MOVE_EVENT_ACTORS[] =
    "UPDATE event_actors SET cluster_id = ? WHERE event_id = ?";

static sr_status load_keys(sr_store *st, const char *event_id, key_set *ks)
{
    sr_stmt *s = store_stmt(st, SQL_EVENT_KEYS, "t", event_id);
    if (!s)
        return SR_EIO;
    int r;
    sr_status rc = SR_OK;
    while ((r = store_step(st, s)) > 0 && ks->n < DEDUP_KEYS) {
        const char *id = store_text(s, 0), *name = store_text(s, 1), *kind = store_text(s, 2);
        if (id && !kind && st->kb) {
            int k = sr_kb_actor_find(st->kb, id);
            kind = k >= 0 ? sr_actor_kind_name(sr_kb_actor(st->kb, (size_t)k)->kind) : NULL;
        }
        /* "an unidentified armed group" or "civilians" name nobody in
         * particular: two reports sharing only those share no actor */
        if (kind && (!strcmp(kind, "unidentified") || !strcmp(kind, "civilians")))
            continue;
        size_t n = strlen(id ? id : name) + 2;
        char *k = malloc(n);
        if (!k) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        /* an id, or "~name" for an actor the kb does not know */
        snprintf(k, n, "%s%s", id ? "" : "~", id ? id : name);
        ks->k[ks->n++] = k;
    }
    sr_stmt_reset(s);
    return r < 0 ? SR_EIO : rc;
}

static int keys_overlap(const key_set *a, const key_set *b)
{
    if (!a->n && !b->n)
        return 1;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(a->k[i], b->k[j]))
                return 1;
    return 0;
}

static int same(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

static int place_match(const ev_info *a, const ev_info *b)
{
    if (a->is_area || b->is_area)
        return a->admin1 && *a->admin1 && same(a->country, b->country) &&
               same(a->admin1, b->admin1) && same(a->admin2, b->admin2);
    return a->location && *a->location && same(a->location, b->location) &&
           same(a->admin1, b->admin1);
}

static int date_match(const ev_info *a, const ev_info *b)
{
    long da, db;
    if (!a->date || !b->date || store_date_days(a->date, &da) || store_date_days(b->date, &db))
        return 0;
    int ra = store_precision_rank(a->prec), rb = store_precision_rank(b->prec);
    int r = ra > rb ? ra : rb;
    long gap = da > db ? da - db : db - da;
    switch (r) {
    case 1: return gap <= 1;
    case 2: return gap <= 7;
    case 3: return !strncmp(a->date, b->date, 7);
    case 4: return !strncmp(a->date, b->date, 4);
    default: return 0;
    }
}

/* The dates a candidate may carry: the new event's own period widened by a
 * week, plus the first day of its month and of its year, where the coder
 * puts month- and year-precision dates. */
static void date_window(const ev_info *e, char lo[STORE_DATE_LEN], char hi[STORE_DATE_LEN],
                        char month[STORE_DATE_LEN], char year[STORE_DATE_LEN])
{
    char first[STORE_DATE_LEN], last[STORE_DATE_LEN], part[8];
    int r = store_precision_rank(e->prec);
    snprintf(part, sizeof part, "%.*s", r == 3 ? 7 : 4, e->date);
    if (r == 3 || r == 4) {
        store_date_norm(part, 0, first);
        store_date_norm(part, 1, last);
    } else {
        snprintf(first, sizeof first, "%s", e->date);
        snprintf(last, sizeof last, "%s", e->date);
    }
    store_date_add(first, -7, lo);
    store_date_add(last, 7, hi);
    snprintf(month, STORE_DATE_LEN, "%.7s-01", e->date);
    snprintf(year, STORE_DATE_LEN, "%.4s-01-01", e->date);
}

/* E and its sub-event type *SUB (both owned by the caller); *MATCHABLE is
 * 0 for an event dedup cannot place (no date or no sub-event type). */
static sr_status load_event(sr_store *st, const char *event_id, ev_info *e, char **sub,
                            int *matchable)
{
    sr_stmt *s = store_stmt(st, SQL_EVENT_INFO, "t", event_id);
    if (!s)
        return SR_EIO;
    int r = store_step(st, s);
    sr_status rc = SR_OK;
    if (r > 0) {
        if (ev_read(s, e) || (!sr_stmt_is_null(s, 10) && !(*sub = strdup(sr_stmt_text(s, 10)))))
            rc = store_fail(st, SR_ENOMEM, "out of memory");
        *matchable = *sub && e->date;
    } else {
        rc = r < 0 ? SR_EIO : store_fail(st, SR_EINVAL, "internal: event %s vanished", event_id);
    }
    sr_stmt_reset(s);
    return rc;
}

/* The candidates (events of other documents that may match E), oldest
 * first, into *OUT / *N. */
static const char *const battle_family[3] = {"Armed clash", "Non-state actor overtakes territory",
                                             "Government regains territory"};

static int is_battle(const char *sub)
{
    for (int i = 0; sub && i < 3; i++)
        if (!strcmp(sub, battle_family[i]))
            return 1;
    return 0;
}

static sr_status load_candidates(sr_store *st, const ev_info *e, const char *sub, ev_info **out,
                                 size_t *n)
{
    const char *s1 = sub, *s2 = sub, *s3 = sub;
    if (is_battle(sub)) {
        s1 = battle_family[0];
        s2 = battle_family[1];
        s3 = battle_family[2];
    }
    char lo[STORE_DATE_LEN], hi[STORE_DATE_LEN], month[STORE_DATE_LEN], year[STORE_DATE_LEN];
    date_window(e, lo, hi, month, year);
    int by_admin = e->admin1 && *e->admin1;
    if (!by_admin && !(e->location && *e->location && !e->is_area))
        return SR_OK; /* nowhere known: never merged */
    sr_stmt *s =
        store_stmt(st, by_admin ? SQL_CANDIDATES_ADMIN : SQL_CANDIDATES_LOCATION,
                   "tttttttttttttt", s1, s2, s3, by_admin ? e->admin1 : e->location, lo, hi,
                   e->doc_id, s1, s2, s3, by_admin ? e->admin1 : e->location, month, year,
                   e->doc_id);
    if (!s)
        return SR_EIO;
    size_t cap = 0;
    int r;
    sr_status rc = SR_OK;
    while ((r = store_step(st, s)) > 0) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            ev_info *p = realloc(*out, cap * sizeof *p);
            if (!p) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
            *out = p;
        }
        memset(&(*out)[*n], 0, sizeof **out);
        if (ev_read(s, &(*out)[(*n)++])) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
    }
    sr_stmt_reset(s);
    return r < 0 ? SR_EIO : rc;
}

/* Does E fit every event of CLUSTER_ID in date and place, and is none of
 * them from E's document?  Checking the whole cluster (not only the event
 * that matched) keeps a coarse month-precision report from chaining every
 * day of its month into one event.  *FITS gets the answer. */
static sr_status cluster_fits(sr_store *st, const ev_info *e, const char *cluster_id, int *fits)
{
    *fits = 1;
    sr_stmt *s = store_stmt(st, SQL_CLUSTER_MEMBERS, "t", cluster_id);
    if (!s)
        return SR_EIO;
    sr_status rc = SR_OK;
    int r;
    while (*fits && (r = store_step(st, s)) > 0) {
        ev_info m = {0};
        if (ev_read(s, &m))
            rc = store_fail(st, SR_ENOMEM, "out of memory");
        else if (!strcmp(m.doc_id, e->doc_id) || !date_match(e, &m) || !place_match(e, &m))
            *fits = 0;
        ev_free(&m);
        if (rc != SR_OK)
            break;
    }
    sr_stmt_reset(s);
    return r < 0 ? SR_EIO : rc;
}

sr_status store_dedup_event(sr_store *st, const char *event_id)
{
    ev_info e = {0}, *cand = NULL;
    key_set mine = {0}, theirs = {0};
    size_t n = 0;
    int matchable = 0;
    char *target = NULL, *sub = NULL;
    sr_status rc = load_event(st, event_id, &e, &sub, &matchable);
    if (rc == SR_OK && matchable)
        rc = load_candidates(st, &e, sub, &cand, &n);
    if (rc == SR_OK && n)
        rc = load_keys(st, event_id, &mine);
    for (size_t i = 0; rc == SR_OK && i < n && !target; i++) {
        ev_info *c = &cand[i];
        if (c->is_area < 0 || !date_match(&e, c) || !place_match(&e, c))
            continue;
        keys_free(&theirs);
        if ((rc = load_keys(st, c->event_id, &theirs)) != SR_OK)
            break;
        if (!keys_overlap(&mine, &theirs))
            continue;
        int fits = 0;
        if ((rc = cluster_fits(st, &e, c->cluster_id, &fits)) != SR_OK)
            break;
        if (fits) {
            target = c->cluster_id;
            break;
        }
        /* the cluster is out: skip its other members */
        for (size_t k = i + 1; k < n; k++)
            if (!strcmp(cand[k].cluster_id, c->cluster_id))
                cand[k].is_area = -1;
    }
    if (rc == SR_OK && target) {
        rc = store_run(st, SQL_MOVE_EVENT, "tt", target, event_id);
        if (rc == SR_OK)
            rc = store_run(st, SQL_MOVE_EVENT_ACTORS, "tt", target, event_id);
    }
    if (rc == SR_OK)
        rc = store_cluster_refresh(st, target ? target : event_id);
    for (size_t i = 0; i < n; i++)
        ev_free(&cand[i]);
    free(cand);
    free(sub);
    ev_free(&e);
    keys_free(&mine);
    keys_free(&theirs);
    return rc;
}

/* --- cluster fields --------------------------------------------------------- */

static const char SQL_MEMBERS[] =
    "SELECT event_id, event_date, time_precision, fatalities, source, sub_event_type FROM events"
    " WHERE cluster_id = ? ORDER BY seq, event_id";
static const char SQL_RENAME_EVENTS[] = "UPDATE events SET cluster_id = ? WHERE cluster_id = ?";
static const char SQL_RENAME_ACTORS[] =
    "UPDATE event_actors SET cluster_id = ? WHERE cluster_id = ?";
static const char SQL_DEL_CLUSTER[] = "DELETE FROM clusters WHERE cluster_id = ?";
static const char SQL_DEL_CLUSTER_ACTORS[] = "DELETE FROM cluster_actors WHERE cluster_id = ?";
/* each actor (with a kb id) once per cluster, in its least role */
static const char SQL_PUT_CLUSTER_ACTORS[] =
    "INSERT INTO cluster_actors (actor_id, sort_date, cluster_id, role)"
    " SELECT actor_id, CAST(? AS TEXT), cluster_id, MIN(role) FROM event_actors"
    " WHERE cluster_id = ? AND actor_id IS NOT NULL GROUP BY actor_id, cluster_id";
static const char SQL_CLUSTER_SUBTYPE[] =
    "UPDATE clusters SET sub_event_type = ? WHERE cluster_id = ?";
/* The first event's fields, with the cluster's own date, toll, sources. */
static const char SQL_PUT_CLUSTER[] =
    "INSERT INTO clusters (cluster_id, first_seq, event_date, time_precision, event_type,"
    " sub_event_type, actor1, actor1_id, assoc_actor_1, actor2, actor2_id, assoc_actor_2,"
    " inter1, inter2, interaction, country, admin1, admin2, location, latitude, longitude,"
    " geo_precision, fatalities, source, certainty, historical, is_primary, notes,"
    " civilian_targeting, n_sources, sort_date)"
    " SELECT event_id, seq, CAST(? AS TEXT), CAST(? AS TEXT), event_type, sub_event_type,"
    " actor1, actor1_id, assoc_actor_1, actor2, actor2_id, assoc_actor_2, inter1, inter2,"
    " interaction, country, admin1, admin2, location, latitude, longitude, geo_precision,"
    " CAST(? AS BIGINT), CAST(? AS TEXT), certainty, historical, is_primary, notes,"
    " civilian_targeting, CAST(? AS BIGINT), CAST(? AS TEXT) FROM events WHERE event_id = ?";

sr_status store_cluster_refresh(sr_store *st, const char *cluster_id)
{
    char *first = NULL, *date = NULL, *prec = NULL, *territory = NULL;
    int best = 99, has_fat = 0;
    long long fat = 0, n = 0;
    sr_buf sources;
    sr_buf_init(&sources, NULL);
    sr_status rc = SR_OK;
    sr_stmt *s = store_stmt(st, SQL_MEMBERS, "t", cluster_id);
    if (!s)
        return SR_EIO;
    int r;
    while ((r = store_step(st, s)) > 0) {
        n++;
        if (!first && !(first = strdup(sr_stmt_text(s, 0)))) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        const char *d = store_text(s, 1), *p = store_text(s, 2);
        int rank = d ? store_precision_rank(p) : 99;
        if (rank < best) {
            best = rank;
            free(date);
            free(prec);
            date = strdup(d);
            prec = strdup(p);
            if (!date || !prec) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
        }
        if (!sr_stmt_is_null(s, 3)) {
            long long f = (long long)sr_stmt_int(s, 3);
            if (!has_fat || (f > 0 && (fat <= 0 || f < fat)))
                fat = f;
            has_fat = 1;
        }
        /* a takeover outranks the clash it ended */
        const char *sb = store_text(s, 5);
        if (sb && is_battle(sb) && strcmp(sb, battle_family[0]) && !territory)
            territory = strdup(sb);
        /* sources: each distinct attribution once, in report order */
        const char *src = store_text(s, 4);
        if (src && *src) {
            int seen = 0;
            size_t len = strlen(src);
            for (const char *q = sources.data; q && !seen && (q = strstr(q, src)); q++)
                seen = (q == sources.data || (q >= sources.data + 2 && q[-2] == ';')) &&
                       (q[len] == '\0' || q[len] == ';');
            if (!seen) {
                if (sources.len)
                    sr_buf_puts(&sources, "; ");
                sr_buf_puts(&sources, src);
            }
        }
    }
    sr_stmt_reset(s);
    if (r < 0)
        rc = SR_EIO;
    if (rc == SR_OK && sources.status != SR_OK)
        rc = store_fail(st, SR_ENOMEM, "out of memory");
    if (rc == SR_OK)
        rc = store_run(st, SQL_DEL_CLUSTER, "t", cluster_id);
    if (rc == SR_OK)
        rc = store_run(st, SQL_DEL_CLUSTER_ACTORS, "t", cluster_id);
    if (rc == SR_OK && first && strcmp(first, cluster_id)) {
        rc = store_run(st, SQL_RENAME_EVENTS, "tt", first, cluster_id);
        if (rc == SR_OK)
            rc = store_run(st, SQL_RENAME_ACTORS, "tt", first, cluster_id);
        if (rc == SR_OK)
            rc = store_run(st, SQL_DEL_CLUSTER, "t", first);
        if (rc == SR_OK)
            rc = store_run(st, SQL_DEL_CLUSTER_ACTORS, "t", first);
    }
    if (rc == SR_OK && first)
        rc = store_run(st, SQL_PUT_CLUSTER, "ttItitt", date, date ? prec : "none", has_fat, fat,
                       sources.len ? sources.data : NULL, n, date ? date : "", first);
    if (rc == SR_OK && first)
        rc = store_run(st, SQL_PUT_CLUSTER_ACTORS, "tt", date ? date : "", first);
    if (rc == SR_OK && first && territory)
        rc = store_run(st, SQL_CLUSTER_SUBTYPE, "tt", territory, first);
    free(territory);
    free(first);
    free(date);
    free(prec);
    sr_buf_free(&sources);
    return rc;
}
