/* curated.c - sr_store_load_kb: the kb's actors and curated relations.
 *
 * The actors table mirrors data/actors.tsv (id, canonical name, kind, ACLED
 * inter code, country, valid dates) so that queries can name actors without
 * loading the kb, and the curated relations of data/relations.tsv become
 * facts of origin "kb" (doc_id NULL, the analyst's note as evidence text)
 * that sr_store_finish weighs with the facts reports state.  Loading is
 * idempotent: a row is written only when it is new or differs, and rows the
 * kb no longer has are removed, all in one transaction.
 * Cost: one keyed lookup per actor and per relation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static const char SQL_GET_ACTOR[] =
    "SELECT name, kind, inter, country, valid_from, valid_to FROM actors WHERE actor_id = ?";
static const char SQL_DEL_ACTOR[] = "DELETE FROM actors WHERE actor_id = ?";
static const char SQL_PUT_ACTOR[] =
    "INSERT INTO actors (actor_id, name, kind, inter, country, valid_from, valid_to)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ALL_ACTORS[] = "SELECT actor_id FROM actors ORDER BY actor_id";
static const char SQL_GET_KB_FACT[] =
    "SELECT subject, object, ev_text FROM facts WHERE fact_key = ?";
static const char SQL_DEL_FACT[] = "DELETE FROM facts WHERE fact_key = ?";
static const char SQL_PEND_FACT[] =
    "INSERT INTO pending_domains (domain) SELECT domain FROM facts WHERE fact_key = ?"
    " ON CONFLICT (domain) DO NOTHING";
static const char SQL_KB_FACTS[] =
    "SELECT fact_key FROM facts WHERE origin = 'kb' ORDER BY fact_key";

/* A kb date as a stored date: the first day of its period, or the last
 * when LAST; NULL when unknown. */
static const char *kb_date(sr_date d, int last, char out[STORE_DATE_LEN])
{
    char s[16];
    if (!d.year)
        return NULL;
    if (!d.month)
        snprintf(s, sizeof s, "%04d", d.year % 10000);
    else if (!d.day)
        snprintf(s, sizeof s, "%04d-%02d", d.year % 10000, d.month % 100);
    else
        snprintf(s, sizeof s, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
    return store_date_norm(s, last, out) ? NULL : out;
}

static int same(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct strv {
    char **v;
    size_t n, cap;
} strv;

static int strv_add(strv *s, const char *x)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **p = realloc(s->v, cap * sizeof *p);
        if (!p)
            return -1;
        s->v = p;
        s->cap = cap;
    }
    if (!(s->v[s->n] = strdup(x)))
        return -1;
    s->n++;
    return 0;
}

static void strv_free(strv *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Removes the rows of SQL_LIST (one key column) that KEEP (sorted) lacks. */
static sr_status drop_stale(sr_store *st, const char *list_sql, const char *del_sql,
                            const strv *keep)
{
    strv stale = {0};
    sr_status rc = SR_OK;
    sr_stmt *s = store_stmt(st, list_sql, "");
    if (!s)
        return SR_EIO;
    int r;
    while ((r = store_step(st, s)) > 0) {
        const char *k = sr_stmt_text(s, 0);
        if (!bsearch(&k, keep->v, keep->n, sizeof *keep->v, cmp_str) && strv_add(&stale, k)) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
    }
    sr_stmt_reset(s);
    if (r < 0)
        rc = SR_EIO;
    for (size_t i = 0; rc == SR_OK && i < stale.n; i++) {
        if (del_sql == SQL_DEL_FACT)
            rc = store_run(st, SQL_PEND_FACT, "t", stale.v[i]);
        if (rc == SR_OK)
            rc = store_run(st, del_sql, "t", stale.v[i]);
    }
    strv_free(&stale);
    return rc;
}

static sr_status load_actors(sr_store *st, const sr_kb *kb)
{
    strv keep = {0};
    sr_status rc = SR_OK;
    for (size_t i = 0; rc == SR_OK && i < sr_kb_actor_count(kb); i++) {
        const sr_actor *a = sr_kb_actor(kb, i);
        char f[STORE_DATE_LEN], t[STORE_DATE_LEN];
        const char *from = kb_date(a->valid_from, 0, f), *to = kb_date(a->valid_to, 1, t);
        const char *kind = sr_actor_kind_name(a->kind);
        const char *country = a->country && *a->country ? a->country : NULL;
        if (strv_add(&keep, a->id)) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        sr_stmt *s = store_stmt(st, SQL_GET_ACTOR, "t", a->id);
        if (!s) {
            rc = SR_EIO;
            break;
        }
        int r = store_step(st, s);
        int unchanged = r > 0 && same(store_text(s, 0), a->name) && same(store_text(s, 1), kind) &&
                        sr_stmt_int(s, 2) == a->inter && same(store_text(s, 3), country) &&
                        same(store_text(s, 4), from) && same(store_text(s, 5), to);
        sr_stmt_reset(s);
        if (r < 0)
            rc = SR_EIO;
        if (rc != SR_OK || unchanged)
            continue;
        if (r > 0)
            rc = store_run(st, SQL_DEL_ACTOR, "t", a->id);
        if (rc == SR_OK)
            rc = store_run(st, SQL_PUT_ACTOR, "tttittt", a->id, a->name, kind, (long long)a->inter,
                           country, from, to);
    }
    if (rc == SR_OK) {
        qsort(keep.v, keep.n, sizeof *keep.v, cmp_str);
        rc = drop_stale(st, SQL_ALL_ACTORS, SQL_DEL_ACTOR, &keep);
    }
    strv_free(&keep);
    return rc;
}

static sr_status load_relations(sr_store *st, const sr_kb *kb)
{
    strv keep = {0};
    sr_buf key;
    sr_buf_init(&key, NULL);
    sr_status rc = SR_OK;
    for (size_t i = 0; rc == SR_OK && i < sr_kb_relation_count(kb); i++) {
        const sr_kb_relation *kr = sr_kb_relation_at(kb, i);
        const sr_actor *sa = sr_kb_actor(kb, (size_t)kr->subject);
        const sr_actor *oa = sr_kb_actor(kb, (size_t)kr->object);
        if (!sa || !oa || kr->type == SR_REL_CONTROLS)
            continue; /* the kb states no control of places */
        char f[STORE_DATE_LEN], t[STORE_DATE_LEN];
        store_fact fact;
        memset(&fact, 0, sizeof fact);
        fact.origin = "kb";
        fact.type = sr_relation_type_name(kr->type);
        fact.subject = sa->name;
        fact.subject_id = sa->id;
        fact.object = oa->name;
        fact.object_id = oa->id;
        fact.valid_from = kb_date(kr->valid_from, 0, f);
        fact.valid_to = kb_date(kr->valid_to, 1, t);
        fact.confidence = 1.0;
        fact.certainty = "reported";
        fact.ev_text = kr->note && *kr->note ? kr->note : NULL;
        /* ids are [A-Z0-9_], so the key is unambiguous */
        sr_buf_clear(&key);
        sr_buf_printf(&key, "kb:%s:%s:%s:%s:%s", fact.type, sa->id, oa->id,
                      fact.valid_from ? fact.valid_from : "", fact.valid_to ? fact.valid_to : "");
        if (key.status != SR_OK || strv_add(&keep, key.data)) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        sr_stmt *s = store_stmt(st, SQL_GET_KB_FACT, "t", key.data);
        if (!s) {
            rc = SR_EIO;
            break;
        }
        int r = store_step(st, s);
        int unchanged = r > 0 && same(store_text(s, 0), fact.subject) &&
                        same(store_text(s, 1), fact.object) && same(store_text(s, 2), fact.ev_text);
        sr_stmt_reset(s);
        if (r < 0)
            rc = SR_EIO;
        if (rc != SR_OK || unchanged)
            continue;
        if (r > 0) {
            rc = store_run(st, SQL_PEND_FACT, "t", key.data);
            if (rc == SR_OK)
                rc = store_run(st, SQL_DEL_FACT, "t", key.data);
        }
        if (rc == SR_OK)
            rc = store_put_fact(st, key.data, &fact);
    }
    if (rc == SR_OK) {
        qsort(keep.v, keep.n, sizeof *keep.v, cmp_str);
        rc = drop_stale(st, SQL_KB_FACTS, SQL_DEL_FACT, &keep);
    }
    sr_buf_free(&key);
    strv_free(&keep);
    return rc;
}

sr_status sr_store_load_kb(sr_store *st, const sr_kb *kb)
{
    if (!st || !kb)
        return SR_EINVAL;
    if (st->readonly)
        return store_fail(st, SR_EINVAL, "the store is open read-only");
    sr_status rc = store_begin(st);
    if (rc == SR_OK)
        rc = load_actors(st, kb);
    if (rc == SR_OK)
        rc = load_relations(st, kb);
    if (rc == SR_OK)
        rc = store_commit(st);
    if (rc != SR_OK)
        store_rollback(st);
    return rc;
}
