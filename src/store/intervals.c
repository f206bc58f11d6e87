/* intervals.c - sr_store_finish: the relation picture over time.
 *
 * Facts (stated by reports, derived from events, curated in the kb) become
 * intervals per (type, subject, object) or, for control, per (controller,
 * place).  A fact's effective start is its valid_from, else the date it
 * was observed, else open (before everything).  Facts are taken in order of
 * start within their contradiction domain (ingest.c, fact_domain), and
 *   - a fact of the same type, subject and object as an interval still
 *     holding at its start joins that interval (its evidence is listed, its
 *     explicit valid_to extends the interval's);
 *   - a dated fact closes the open intervals it contradicts that started
 *     before it, on the day before its start: allied closes hostile and
 *     hostile closes allied between the same two actors; hostile also closes
 *     member_of either way; controls(Y, place) closes controls(X, place) for
 *     X != Y; leads(q, g) closes leads(p, g) for p != q.  An explicit
 *     valid_to is never moved;
 *   - otherwise the fact opens a new interval.
 * allied and hostile are symmetric and kept with subject < object (by id,
 * or by "~name" for an actor without one).  Places are keyed by location
 * and admin1.
 *
 * Work is incremental: ingest and sr_store_load_kb queue the domains whose
 * facts changed (pending_domains), and finish recomputes just those, in one
 * transaction.  Cost: per domain O(facts x intervals) of that domain, with
 * memory bounded by the largest domain (one actor pair, one place, one
 * group's leaders). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

typedef struct fact {
    char *key, *type, *subject, *subject_id, *object, *object_id, *location, *admin1, *admin2;
    char *valid_to, *start, *skey, *okey;
    int has_coords, has_gp;
    double lat, lon, confidence;
    long long gp;
} fact;

typedef struct interval {
    const fact *first;
    char from[STORE_DATE_LEN], to[STORE_DATE_LEN]; /* "" when open */
    int to_explicit;
    const char *closed_by; /* fact key, borrowed */
    double confidence;
    size_t *facts, n, cap;
} interval;

typedef struct domain {
    fact *f;
    size_t nf, capf;
    interval *iv;
    size_t ni, capi;
} domain;

static const char SQL_PENDING[] = "SELECT domain FROM pending_domains ORDER BY domain";
static const char SQL_DOMAIN_FACTS[] =
    "SELECT fact_key, type, subject, subject_id, object, object_id, location, admin1, admin2,"
    " latitude, longitude, geo_precision, valid_to, confidence, eff_start FROM facts"
    " WHERE domain = ? ORDER BY COALESCE(eff_start, ''), type, fact_key";
static const char SQL_DROP_IFACTS[] = "DELETE FROM interval_facts WHERE interval_id IN"
                                      " (SELECT interval_id FROM intervals WHERE domain = ?)";
static const char SQL_DROP_INTERVALS[] = "DELETE FROM intervals WHERE domain = ?";
static const char SQL_PUT_INTERVAL[] =
    "INSERT INTO intervals (interval_id, type, subject, subject_id, object, object_id, location,"
    " admin1, admin2, latitude, longitude, geo_precision, valid_from, valid_to, closed_by,"
    " confidence, n_facts, domain)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_PUT_IFACT[] =
    "INSERT INTO interval_facts (interval_id, seq, fact_key) VALUES (?, ?, ?)";
static const char SQL_CLEAR_PENDING[] = "DELETE FROM pending_domains";

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void domain_clear(domain *d)
{
    for (size_t i = 0; i < d->nf; i++) {
        fact *f = &d->f[i];
        char *v[] = {f->key,       f->type,     f->subject, f->subject_id, f->object,
                     f->object_id, f->location, f->admin1,  f->admin2,     f->valid_to,
                     f->start,     f->skey,     f->okey};
        for (size_t k = 0; k < sizeof v / sizeof *v; k++)
            free(v[k]);
    }
    for (size_t i = 0; i < d->ni; i++)
        free(d->iv[i].facts);
    d->nf = d->ni = 0;
}

static char *key_of(const char *id, const char *name)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    store_actor_key(&b, id, name);
    if (b.status != SR_OK || !b.data) {
        sr_buf_free(&b);
        return NULL;
    }
    return b.data; /* the buffer's bytes, owned by the caller now */
}

static sr_status load_domain(sr_store *st, const char *name, domain *d)
{
    sr_stmt *s = store_stmt(st, SQL_DOMAIN_FACTS, "t", name);
    if (!s)
        return SR_EIO;
    sr_status rc = SR_OK;
    int r;
    while ((r = store_step(st, s)) > 0) {
        if (d->nf == d->capf) {
            size_t cap = d->capf ? d->capf * 2 : 16;
            fact *p = realloc(d->f, cap * sizeof *p);
            if (!p) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
            d->f = p;
            d->capf = cap;
        }
        fact *f = &d->f[d->nf++];
        memset(f, 0, sizeof *f);
        f->key = dup(store_text(s, 0));
        f->type = dup(store_text(s, 1));
        f->subject = dup(store_text(s, 2));
        f->subject_id = dup(store_text(s, 3));
        f->object = dup(store_text(s, 4));
        f->object_id = dup(store_text(s, 5));
        f->location = dup(store_text(s, 6));
        f->admin1 = dup(store_text(s, 7));
        f->admin2 = dup(store_text(s, 8));
        f->has_coords = !sr_stmt_is_null(s, 9) && !sr_stmt_is_null(s, 10);
        f->lat = f->has_coords ? sr_stmt_double(s, 9) : 0;
        f->lon = f->has_coords ? sr_stmt_double(s, 10) : 0;
        f->has_gp = !sr_stmt_is_null(s, 11);
        f->gp = f->has_gp ? (long long)sr_stmt_int(s, 11) : 0;
        f->valid_to = dup(store_text(s, 12));
        f->confidence = sr_stmt_double(s, 13);
        f->start = dup(store_text(s, 14));
        f->skey = key_of(f->subject_id, f->subject);
        f->okey = key_of(f->object_id, f->object ? f->object : "");
        if (!f->key || !f->type || !f->subject || !f->skey || !f->okey) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        /* symmetric relations: subject < object */
        if (store_symmetric(f->type) && strcmp(f->skey, f->okey) > 0) {
            char *t;
            t = f->subject, f->subject = f->object, f->object = t;
            t = f->subject_id, f->subject_id = f->object_id, f->object_id = t;
            t = f->skey, f->skey = f->okey, f->okey = t;
        }
    }
    sr_stmt_reset(s);
    return r < 0 ? SR_EIO : rc;
}

/* Does a fact of type T by subject SKEY close interval IV (same domain)? */
static int closes(const char *t, const char *skey, const interval *iv)
{
    const char *it = iv->first->type;
    if (!strcmp(t, "allied"))
        return !strcmp(it, "hostile");
    if (!strcmp(t, "hostile"))
        return !strcmp(it, "allied") || !strcmp(it, "member_of");
    if (!strcmp(t, "controls") || !strcmp(t, "leads"))
        return !strcmp(it, t) && strcmp(iv->first->skey, skey) != 0;
    return 0;
}

static int add_fact(interval *iv, size_t fi)
{
    if (iv->n == iv->cap) {
        size_t cap = iv->cap ? iv->cap * 2 : 4;
        size_t *p = realloc(iv->facts, cap * sizeof *p);
        if (!p)
            return -1;
        iv->facts = p;
        iv->cap = cap;
    }
    iv->facts[iv->n++] = fi;
    return 0;
}

static sr_status compute(sr_store *st, domain *d)
{
    for (size_t i = 0; i < d->nf; i++) {
        const fact *f = &d->f[i];
        const char *s = f->start; /* NULL: open */
        if (s) {
            char before[STORE_DATE_LEN];
            store_date_add(s, -1, before);
            for (size_t k = 0; k < d->ni; k++) {
                interval *iv = &d->iv[k];
                if (!iv->to[0] && (!iv->from[0] || strcmp(iv->from, s) < 0) &&
                    closes(f->type, f->skey, iv)) {
                    memcpy(iv->to, before, sizeof before);
                    iv->closed_by = f->key;
                }
            }
        }
        interval *hit = NULL;
        for (size_t k = 0; k < d->ni && !hit; k++) {
            interval *iv = &d->iv[k];
            if (!strcmp(iv->first->type, f->type) && !strcmp(iv->first->skey, f->skey) &&
                !strcmp(iv->first->okey, f->okey) && (!s || !iv->to[0] || strcmp(s, iv->to) <= 0))
                hit = iv;
        }
        if (!hit) {
            if (d->ni == d->capi) {
                size_t cap = d->capi ? d->capi * 2 : 8;
                interval *p = realloc(d->iv, cap * sizeof *p);
                if (!p)
                    return store_fail(st, SR_ENOMEM, "out of memory");
                d->iv = p;
                d->capi = cap;
            }
            hit = &d->iv[d->ni++];
            memset(hit, 0, sizeof *hit);
            hit->first = f;
            if (s)
                snprintf(hit->from, sizeof hit->from, "%s", s);
        }
        if (f->valid_to && (!hit->to[0] || !hit->to_explicit || strcmp(f->valid_to, hit->to) > 0)) {
            snprintf(hit->to, sizeof hit->to, "%s", f->valid_to);
            hit->to_explicit = 1;
            hit->closed_by = NULL;
        }
        if (f->confidence > hit->confidence)
            hit->confidence = f->confidence;
        if (add_fact(hit, i))
            return store_fail(st, SR_ENOMEM, "out of memory");
    }
    return SR_OK;
}

static sr_status write_domain(sr_store *st, const char *name, const domain *d)
{
    sr_status rc = SR_OK;
    for (size_t k = 0; rc == SR_OK && k < d->ni; k++) {
        const interval *iv = &d->iv[k];
        const fact *f = iv->first;
        /* place details: the first fact that gives them */
        const fact *geo = NULL, *gp = NULL, *a2 = NULL;
        for (size_t j = 0; j < iv->n; j++) {
            const fact *g = &d->f[iv->facts[j]];
            geo = geo ? geo : g->has_coords ? g : NULL;
            gp = gp ? gp : g->has_gp ? g : NULL;
            a2 = a2 ? a2 : g->admin2 ? g : NULL;
        }
        char id[20];
        uint64_t h = store_hash(STORE_HASH_SEED, name, strlen(name));
        const char *parts[] = {f->type, f->skey, f->okey, iv->from};
        for (size_t j = 0; j < 4; j++)
            h = store_hash(store_hash(h, "\x1f", 1), parts[j], strlen(parts[j]));
        snprintf(id, sizeof id, "%016llx", (unsigned long long)h);
        rc = store_run(st, SQL_PUT_INTERVAL, "tttttttttDDItttdit", id, f->type, f->subject,
                       f->subject_id, f->object, f->object_id, f->location, f->admin1,
                       a2 ? a2->admin2 : NULL, geo != NULL, geo ? geo->lat : 0.0, geo != NULL,
                       geo ? geo->lon : 0.0, gp != NULL, gp ? gp->gp : 0LL,
                       iv->from[0] ? iv->from : NULL, iv->to[0] ? iv->to : NULL, iv->closed_by,
                       iv->confidence, (long long)iv->n, name);
        for (size_t j = 0; rc == SR_OK && j < iv->n; j++)
            rc = store_run(st, SQL_PUT_IFACT, "tit", id, (long long)j, d->f[iv->facts[j]].key);
    }
    return rc;
}

static sr_status finish(sr_store *st)
{
    /* the queue is read whole first: no statement stays open across writes */
    char **names = NULL;
    size_t n = 0, cap = 0;
    sr_status rc = SR_OK;
    sr_stmt *s = store_stmt(st, SQL_PENDING, "");
    if (!s)
        return SR_EIO;
    int r;
    while ((r = store_step(st, s)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(sr_stmt_text(s, 0)))) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    sr_stmt_reset(s);
    if (r < 0)
        rc = SR_EIO;
    domain d;
    memset(&d, 0, sizeof d);
    for (size_t i = 0; rc == SR_OK && i < n; i++) {
        rc = store_run(st, SQL_DROP_IFACTS, "t", names[i]);
        if (rc == SR_OK)
            rc = store_run(st, SQL_DROP_INTERVALS, "t", names[i]);
        if (rc == SR_OK)
            rc = load_domain(st, names[i], &d);
        if (rc == SR_OK)
            rc = compute(st, &d);
        if (rc == SR_OK)
            rc = write_domain(st, names[i], &d);
        domain_clear(&d);
    }
    if (rc == SR_OK)
        rc = store_run(st, SQL_CLEAR_PENDING, "");
    free(d.f);
    free(d.iv);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

sr_status sr_store_finish(sr_store *st)
{
    if (!st)
        return SR_EINVAL;
    if (st->readonly)
        return store_fail(st, SR_EINVAL, "the store is open read-only");
    sr_status rc = store_begin(st);
    if (rc == SR_OK)
        rc = finish(st);
    if (rc == SR_OK)
        rc = store_commit(st);
    if (rc != SR_OK)
        store_rollback(st);
    return rc;
}
