/* ingest.c - bundles into the store, and the kb's curated knowledge.
 *
 * A bundle is one JSON object per document (docs/SCHEMA.md, "Bundle").  It
 * is parsed into a tree in a per-call arena, checked whole (every span
 * inside the text, every required field of the right type) before anything
 * is written, and written in one transaction: documents, spans, mentions,
 * statements, relation facts, then events one by one through the
 * cross-report dedup (dedup.c).  A known doc_id with the same hash is left
 * alone; with another hash, every row of the old version goes first, its
 * events leaving their clusters.
 *
 * Cost per document: linear in the bundle, plus for each event one indexed
 * candidate query over events of the same sub-event type within about a
 * year (dedup.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/json.h"
#include "sitrep/code.h"
#include "store/store_int.h"

/* --- reading the tree ------------------------------------------------------
 * Accessors record the first type error as "PATH.key: expected ..." and
 * return a neutral value, so a section is read straight through and checked
 * once at the end. */
typedef struct jctx {
    sr_store *st;
    char path[96];
    int bad;
} jctx;

static void jbad(jctx *c, const char *key, const char *what)
{
    if (!c->bad)
        store_fail(c->st, SR_EFORMAT, "%s%s%s: %s", c->path, *c->path && *key ? "." : "", key,
                   what);
    c->bad = 1;
}

static const json_value *jget(const json_value *o, const char *key)
{
    const json_value *v = json_get(o, key);
    return v && v->type != JSON_NULL ? v : NULL;
}

static const char *jstr(jctx *c, const json_value *o, const char *key)
{
    const json_value *v = jget(o, key);
    if (!v)
        return NULL;
    if (v->type != JSON_STRING) {
        jbad(c, key, "expected a string");
        return NULL;
    }
    if (strlen(v->str) != v->len) {
        jbad(c, key, "contains a NUL byte");
        return NULL;
    }
    return v->str;
}

/* A string that must be present and non-empty. */
static const char *jneed(jctx *c, const json_value *o, const char *key)
{
    const char *s = jstr(c, o, key);
    if (!c->bad && (!s || !*s))
        jbad(c, key, "missing");
    return s;
}

static int jnum(jctx *c, const json_value *o, const char *key, double *out)
{
    const json_value *v = jget(o, key);
    if (!v)
        return 0;
    if (v->type != JSON_NUMBER) {
        jbad(c, key, "expected a number");
        return 0;
    }
    *out = v->num;
    return 1;
}

static int jint(jctx *c, const json_value *o, const char *key, long long *out)
{
    double d;
    if (!jnum(c, o, key, &d))
        return 0;
    if (d != d || d < -9.0e15 || d > 9.0e15 || (double)(long long)d != d) {
        jbad(c, key, "expected an integer");
        return 0;
    }
    *out = (long long)d;
    return 1;
}

static int jbool(jctx *c, const json_value *o, const char *key)
{
    const json_value *v = jget(o, key);
    if (!v)
        return 0;
    if (v->type != JSON_TRUE && v->type != JSON_FALSE) {
        jbad(c, key, "expected true or false");
        return 0;
    }
    return v->type == JSON_TRUE;
}

static const json_value *jtyped(jctx *c, const json_value *o, const char *key, json_type t)
{
    const json_value *v = jget(o, key);
    if (v && v->type != t) {
        jbad(c, key, t == JSON_ARRAY ? "expected an array" : "expected an object");
        return NULL;
    }
    return v;
}

/* A [start, end] pair or {"start","end"} object inside a text of LEN bytes. */
static int jspan(jctx *c, const json_value *v, const char *key, size_t len, long long *a,
                 long long *b)
{
    int ok = 0;
    if (v && v->type == JSON_ARRAY && v->len == 2 && v->items[0]->type == JSON_NUMBER &&
        v->items[1]->type == JSON_NUMBER) {
        *a = (long long)v->items[0]->num;
        *b = (long long)v->items[1]->num;
        ok = 1;
    } else if (v && v->type == JSON_OBJECT) {
        jctx sub = *c;
        ok = jint(&sub, v, "start", a) & jint(&sub, v, "end", b);
    }
    if (!ok) {
        jbad(c, key, "expected a span");
        return 0;
    }
    if (*a < 0 || *b < *a || (unsigned long long)*b > len) {
        char why[96];
        snprintf(why, sizeof why, "span %lld..%lld outside the text (%zu bytes)", *a, *b, len);
        jbad(c, key, why);
        return 0;
    }
    return 1;
}

/* Compact JSON of a parsed value (mention attributes are kept as given).
 * Depth is bounded by the parser's JSON_MAX_DEPTH. */
static void json_write(sr_buf *b, const json_value *v)
{
    switch (v->type) {
    case JSON_NULL: sr_buf_puts(b, "null"); break;
    case JSON_FALSE: sr_buf_puts(b, "false"); break;
    case JSON_TRUE: sr_buf_puts(b, "true"); break;
    case JSON_NUMBER: sr_buf_puts(b, v->str); break;
    case JSON_STRING: sr_json_string(b, v->str, v->len); break;
    case JSON_ARRAY:
    case JSON_OBJECT:
        sr_buf_putc(b, v->type == JSON_ARRAY ? '[' : '{');
        for (size_t i = 0; i < v->len; i++) {
            if (i)
                sr_buf_putc(b, ',');
            if (v->type == JSON_OBJECT) {
                sr_json_string(b, v->items[i]->key, v->items[i]->key_len);
                sr_buf_putc(b, ':');
            }
            json_write(b, v->items[i]);
        }
        sr_buf_putc(b, v->type == JSON_ARRAY ? ']' : '}');
        break;
    }
}

/* --- validation ------------------------------------------------------------ */

typedef struct bundle {
    const char *doc_id, *hash, *text;
    size_t text_len;
    const json_value *clean, *mentions, *events, *statements, *relations;
} bundle;

static const char *const rel_types[] = {"member_of", "allied",   "hostile", "backed_by",
                                        "leads",     "formerly", "controls"};

static int rel_type_ok(const char *t)
{
    for (size_t i = 0; t && i < sizeof rel_types / sizeof *rel_types; i++)
        if (!strcmp(t, rel_types[i]))
            return 1;
    return 0;
}

/* Checks every field the writer will read, so that writing cannot fail on
 * the input, only on the database. */
static sr_status validate(jctx *c, const json_value *root, bundle *bd)
{
    long long a, b, n;
    double d;
    if (root->type != JSON_OBJECT)
        return store_fail(c->st, SR_EFORMAT, "a bundle must be a JSON object");
    bd->doc_id = jneed(c, root, "doc_id");
    bd->hash = jneed(c, root, "hash");
    const json_value *text = jget(root, "text");
    if (!c->bad && (!text || text->type != JSON_STRING))
        jbad(c, "text", "expected a string");
    if (c->bad)
        return SR_EFORMAT;
    if (strlen(text->str) != text->len)
        return store_fail(c->st, SR_EFORMAT, "text: contains a NUL byte");
    bd->text = text->str;
    bd->text_len = text->len;
    bd->clean = jtyped(c, root, "clean", JSON_OBJECT);
    bd->mentions = jtyped(c, root, "mentions", JSON_ARRAY);
    bd->events = jtyped(c, root, "events", JSON_ARRAY);
    bd->statements = jtyped(c, root, "statements", JSON_ARRAY);
    bd->relations = jtyped(c, root, "relations", JSON_ARRAY);
    if (c->bad)
        return SR_EFORMAT;

    if (bd->clean) {
        const json_value *cl = bd->clean;
        snprintf(c->path, sizeof c->path, "clean");
        jstr(c, cl, "title");
        jstr(c, cl, "published");
        jstr(c, cl, "source");
        jstr(c, cl, "url");
        jstr(c, cl, "origin");
        jstr(c, cl, "content_type");
        const json_value *dl = jget(cl, "dateline");
        char iso[STORE_DATE_LEN];
        if (dl && dl->type == JSON_OBJECT) {
            snprintf(c->path, sizeof c->path, "clean.dateline");
            const char *dd = jstr(c, dl, "date");
            if (dd && store_date_norm(dd, 0, iso))
                jbad(c, "date", "expected an ISO date");
            jstr(c, dl, "text");
            if (jget(dl, "span"))
                jspan(c, jget(dl, "span"), "span", bd->text_len, &a, &b);
            snprintf(c->path, sizeof c->path, "clean");
        } else if (dl && dl->type != JSON_STRING) {
            jbad(c, "dateline", "expected an object or a string");
        }
        if (jget(cl, "title_span"))
            jspan(c, jget(cl, "title_span"), "title_span", bd->text_len, &a, &b);
        const json_value *bs = jtyped(c, cl, "body_spans", JSON_ARRAY);
        for (size_t i = 0; bs && i < bs->len && !c->bad; i++) {
            snprintf(c->path, sizeof c->path, "clean.body_spans[%zu]", i);
            jspan(c, bs->items[i], "", bd->text_len, &a, &b);
        }
        const json_value *cm = jtyped(c, cl, "comments", JSON_ARRAY);
        for (size_t i = 0; cm && i < cm->len && !c->bad; i++) {
            const json_value *o = cm->items[i];
            snprintf(c->path, sizeof c->path, "clean.comments[%zu]", i);
            if (o->type != JSON_OBJECT) {
                jbad(c, "", "expected an object");
                break;
            }
            jstr(c, o, "author");
            jint(c, o, "depth", &n);
            jint(c, o, "parent", &n);
            jspan(c, jget(o, "span"), "span", bd->text_len, &a, &b);
            if (jget(o, "author_span"))
                jspan(c, jget(o, "author_span"), "author_span", bd->text_len, &a, &b);
        }
        const json_value *bp = jtyped(c, cl, "boilerplate", JSON_ARRAY);
        for (size_t i = 0; bp && i < bp->len && !c->bad; i++) {
            const json_value *o = bp->items[i];
            snprintf(c->path, sizeof c->path, "clean.boilerplate[%zu]", i);
            if (o->type != JSON_OBJECT) {
                jbad(c, "", "expected an object");
                break;
            }
            jstr(c, o, "reason");
            jspan(c, jget(o, "span"), "span", bd->text_len, &a, &b);
        }
        if (c->bad)
            return SR_EFORMAT;
    }
    for (size_t i = 0; bd->mentions && i < bd->mentions->len; i++) {
        const json_value *o = bd->mentions->items[i];
        snprintf(c->path, sizeof c->path, "mentions[%zu]", i);
        if (o->type != JSON_OBJECT) {
            jbad(c, "", "expected an object");
            break;
        }
        jneed(c, o, "kind");
        jstr(c, o, "text");
        jstr(c, o, "id");
        jstr(c, o, "role");
        jint(c, o, "sentence", &n);
        jspan(c, o, "start", bd->text_len, &a, &b);
        if (c->bad)
            return SR_EFORMAT;
    }
    for (size_t i = 0; bd->events && i < bd->events->len; i++) {
        const json_value *o = bd->events->items[i];
        snprintf(c->path, sizeof c->path, "events[%zu]", i);
        if (o->type != JSON_OBJECT) {
            jbad(c, "", "expected an object");
            break;
        }
        jneed(c, o, "event_id");
        const char *date = jstr(c, o, "event_date");
        char iso[STORE_DATE_LEN];
        if (date && store_date_norm(date, 0, iso))
            jbad(c, "event_date", "expected an ISO date");
        static const char *const strs[] = {
            "time_precision", "event_type",    "sub_event_type", "actor1", "assoc_actor_1",
            "actor2",         "assoc_actor_2", "country",        "admin1", "admin2",
            "location",       "source",        "certainty",      "notes"};
        for (size_t k = 0; k < sizeof strs / sizeof *strs; k++)
            jstr(c, o, strs[k]);
        jint(c, o, "inter1", &n);
        jint(c, o, "inter2", &n);
        jint(c, o, "interaction", &n);
        jint(c, o, "geo_precision", &n);
        jint(c, o, "fatalities", &n);
        jnum(c, o, "latitude", &d);
        jnum(c, o, "longitude", &d);
        jbool(c, o, "historical");
        jbool(c, o, "primary");
        const json_value *ev = jtyped(c, o, "evidence", JSON_ARRAY);
        for (size_t k = 0; ev && k < ev->len && !c->bad; k++) {
            snprintf(c->path, sizeof c->path, "events[%zu].evidence[%zu]", i, k);
            jspan(c, ev->items[k], "", bd->text_len, &a, &b);
            if (ev->items[k]->type == JSON_OBJECT)
                jstr(c, ev->items[k], "text");
        }
        if (c->bad)
            return SR_EFORMAT;
    }
    for (size_t i = 0; bd->statements && i < bd->statements->len; i++) {
        const json_value *o = bd->statements->items[i];
        snprintf(c->path, sizeof c->path, "statements[%zu]", i);
        if (o->type != JSON_OBJECT) {
            jbad(c, "", "expected an object");
            break;
        }
        jneed(c, o, "type");
        jstr(c, o, "speaker");
        jstr(c, o, "target");
        const char *date = jstr(c, o, "date");
        char iso[STORE_DATE_LEN];
        if (date && store_date_norm(date, 0, iso))
            jbad(c, "date", "expected an ISO date");
        jspan(c, jtyped(c, o, "evidence", JSON_OBJECT), "evidence", bd->text_len, &a, &b);
        if (c->bad)
            return SR_EFORMAT;
    }
    for (size_t i = 0; bd->relations && i < bd->relations->len; i++) {
        const json_value *o = bd->relations->items[i];
        snprintf(c->path, sizeof c->path, "relations[%zu]", i);
        if (o->type != JSON_OBJECT) {
            jbad(c, "", "expected an object");
            break;
        }
        jneed(c, o, "relation_id");
        const char *type = jneed(c, o, "type");
        if (!c->bad && !rel_type_ok(type))
            jbad(c, "type", "unknown relation type");
        jneed(c, o, "subject");
        jstr(c, o, "subject_id");
        jstr(c, o, "object_id");
        jstr(c, o, "origin");
        jstr(c, o, "certainty");
        jstr(c, o, "from_precision");
        jnum(c, o, "confidence", &d);
        char from[STORE_DATE_LEN] = "", to[STORE_DATE_LEN];
        const char *k3[] = {"valid_from", "valid_to", "observed"};
        for (size_t k = 0; k < 3; k++) {
            const char *s = jstr(c, o, k3[k]);
            if (s && store_date_norm(s, k == 1, k == 0 ? from : to))
                jbad(c, k3[k], "expected an ISO date");
            if (s && k == 1 && from[0] && strcmp(to, from) < 0)
                jbad(c, k3[k], "before valid_from");
        }
        if (!c->bad && type && !strcmp(type, "controls")) {
            const json_value *pl = jtyped(c, o, "place", JSON_OBJECT);
            snprintf(c->path, sizeof c->path, "relations[%zu].place", i);
            if (!pl)
                jbad(c, "", "missing (controls needs a place)");
            else {
                jneed(c, pl, "location");
                jstr(c, pl, "admin1");
                jstr(c, pl, "admin2");
                jnum(c, pl, "latitude", &d);
                jnum(c, pl, "longitude", &d);
                jint(c, pl, "geo_precision", &n);
            }
            snprintf(c->path, sizeof c->path, "relations[%zu]", i);
        } else if (!c->bad) {
            jneed(c, o, "object");
        }
        const json_value *ev = jtyped(c, o, "evidence", JSON_OBJECT);
        if (ev) {
            jspan(c, ev, "evidence", bd->text_len, &a, &b);
            jstr(c, ev, "text");
        }
        if (c->bad)
            return SR_EFORMAT;
    }
    c->path[0] = '\0';
    return c->bad ? SR_EFORMAT : SR_OK;
}

/* --- writing --------------------------------------------------------------- */

static const char SQL_DOC_HASH[] = "SELECT hash FROM documents WHERE doc_id = ?";
static const char SQL_NEXT_DOC_SEQ[] = "SELECT COALESCE(MAX(seq), 0) + 1 FROM documents";
static const char SQL_NEXT_EVENT_SEQ[] = "SELECT COALESCE(MAX(seq), 0) + 1 FROM events";
static const char SQL_DOC_CLUSTERS[] =
    "SELECT DISTINCT cluster_id FROM events WHERE doc_id = ? ORDER BY cluster_id";
static const char SQL_DEL_EVIDENCE[] =
    "DELETE FROM event_evidence WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)";
static const char SQL_DEL_ACTORS[] =
    "DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)";
static const char SQL_DEL_EVENTS[] = "DELETE FROM events WHERE doc_id = ?";
static const char SQL_DEL_MENTIONS[] = "DELETE FROM mentions WHERE doc_id = ?";
static const char SQL_DEL_STATEMENTS[] = "DELETE FROM statements WHERE doc_id = ?";
static const char SQL_DEL_FACTS[] = "DELETE FROM facts WHERE doc_id = ?";
static const char SQL_PEND_DOC[] =
    "INSERT INTO pending_domains (domain) SELECT DISTINCT domain FROM facts WHERE doc_id = ?"
    " ON CONFLICT (domain) DO NOTHING";
static const char SQL_PEND_DOMAIN[] =
    "INSERT INTO pending_domains (domain) VALUES (?) ON CONFLICT (domain) DO NOTHING";
static const char SQL_DEL_SPANS[] = "DELETE FROM doc_spans WHERE doc_id = ?";
static const char SQL_DEL_DOC[] = "DELETE FROM documents WHERE doc_id = ?";
static const char SQL_INS_DOC[] =
    "INSERT INTO documents (doc_id, hash, seq, title, published, source, url, origin,"
    " content_type, title_start, title_end, dateline, dateline_text, dateline_start,"
    " dateline_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_SPAN[] =
    "INSERT INTO doc_spans (doc_id, kind, seq, start_off, end_off, author, author_start,"
    " author_end, depth, parent, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_MENTION[] =
    "INSERT INTO mentions (doc_id, seq, kind, start_off, end_off, sentence, surface, actor_id,"
    " role, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_STATEMENT[] =
    "INSERT INTO statements (doc_id, seq, type, speaker, speaker_id, target, target_id,"
    " stmt_date, start_off, end_off, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_FACT[] =
    "INSERT INTO facts (fact_key, doc_id, relation_id, origin, type, subject, subject_id,"
    " object, object_id, location, admin1, admin2, latitude, longitude, geo_precision,"
    " valid_from, from_precision, valid_to, observed, confidence, certainty, ev_start, ev_end,"
    " ev_text, domain, eff_start)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (fact_key) DO NOTHING";
static const char SQL_INS_EVENT[] =
    "INSERT INTO events (event_id, doc_id, seq, cluster_id, event_date, time_precision,"
    " event_type, sub_event_type, actor1, actor1_id, assoc_actor_1, actor2, actor2_id,"
    " assoc_actor_2, inter1, inter2, interaction, country, admin1, admin2, location, latitude,"
    " longitude, geo_precision, is_area, fatalities, source, certainty, historical, is_primary,"
    " notes, civilian_targeting)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?)";
static const char SQL_EVENT_EXISTS[] = "SELECT doc_id FROM events WHERE event_id = ?";
static const char SQL_INS_EV_ACTOR[] =
    "INSERT INTO event_actors (event_id, role, seq, cluster_id, actor_id, actor_name, event_date)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_EVIDENCE[] =
    "INSERT INTO event_evidence (event_id, seq, start_off, end_off, text) VALUES (?, ?, ?, ?, ?)";
static const char SQL_ACTOR_KIND[] = "SELECT kind FROM actors WHERE actor_id = ?";

/* Removes every row of DOC_ID; its events leave their clusters. */
static sr_status delete_doc(sr_store *st, const char *doc_id)
{
    char **ids = NULL;
    size_t n = 0, cap = 0;
    sr_status rc = SR_OK;
    sr_stmt *s = store_stmt(st, SQL_DOC_CLUSTERS, "t", doc_id);
    if (!s)
        return SR_EIO;
    int r;
    while ((r = store_step(st, s)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(ids, cap * sizeof *ids);
            if (!p) {
                rc = store_fail(st, SR_ENOMEM, "out of memory");
                break;
            }
            ids = p;
        }
        if (!(ids[n] = strdup(sr_stmt_text(s, 0)))) {
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    sr_stmt_reset(s);
    if (r < 0)
        rc = SR_EIO;
    /* the relation picture of the old version's facts is recomputed */
    const char *const dels[] = {SQL_PEND_DOC,   SQL_DEL_EVIDENCE, SQL_DEL_ACTORS,
                                SQL_DEL_EVENTS, SQL_DEL_MENTIONS, SQL_DEL_STATEMENTS,
                                SQL_DEL_FACTS,  SQL_DEL_SPANS,    SQL_DEL_DOC};
    for (size_t i = 0; rc == SR_OK && i < sizeof dels / sizeof *dels; i++)
        rc = store_run(st, dels[i], "t", doc_id);
    for (size_t i = 0; rc == SR_OK && i < n; i++)
        rc = store_cluster_refresh(st, ids[i]);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    return rc;
}

static sr_status put_document(sr_store *st, jctx *c, const bundle *bd, long long seq)
{
    const json_value *cl = bd->clean;
    long long ts = 0, te = 0, ds = 0, de = 0;
    int has_title = cl && jget(cl, "title_span") &&
                    jspan(c, jget(cl, "title_span"), "title_span", bd->text_len, &ts, &te);
    /* the dateline: {"text", "span", "date"} as sitrep clean prints it (a
     * bare string is taken as its text) */
    const json_value *dl = cl ? jget(cl, "dateline") : NULL;
    const char *dtext = NULL, *ddate = NULL;
    char iso[STORE_DATE_LEN];
    int has_dspan = 0;
    if (dl && dl->type == JSON_OBJECT) {
        dtext = jstr(c, dl, "text");
        if ((ddate = jstr(c, dl, "date")) && !store_date_norm(ddate, 0, iso))
            ddate = iso;
        has_dspan = jget(dl, "span") && jspan(c, jget(dl, "span"), "span", bd->text_len, &ds, &de);
    } else if (dl) {
        dtext = dl->str;
    }
    return store_run(st, SQL_INS_DOC, "ttittttttIIttIIt", bd->doc_id, bd->hash, seq,
                     cl ? jstr(c, cl, "title") : NULL, cl ? jstr(c, cl, "published") : NULL,
                     cl ? jstr(c, cl, "source") : NULL, cl ? jstr(c, cl, "url") : NULL,
                     cl ? jstr(c, cl, "origin") : NULL, cl ? jstr(c, cl, "content_type") : NULL,
                     has_title, ts, has_title, te, ddate, dtext, has_dspan, ds, has_dspan, de,
                     bd->text);
}

static sr_status put_spans(sr_store *st, jctx *c, const bundle *bd)
{
    const json_value *cl = bd->clean;
    if (!cl)
        return SR_OK;
    sr_status rc = SR_OK;
    long long a, b, x = 0, y = 0, n;
    const json_value *bs = jget(cl, "body_spans");
    for (size_t i = 0; bs && rc == SR_OK && i < bs->len; i++) {
        jspan(c, bs->items[i], "", bd->text_len, &a, &b);
        rc = store_run(st, SQL_INS_SPAN, "ttiiitIIIIt", bd->doc_id, "body", (long long)i, a, b,
                       NULL, 0, 0LL, 0, 0LL, 0, 0LL, 0, 0LL, NULL);
    }
    const json_value *cm = jget(cl, "comments");
    for (size_t i = 0; cm && rc == SR_OK && i < cm->len; i++) {
        const json_value *o = cm->items[i];
        long long depth = 0, parent = 0;
        int has_parent = jint(c, o, "parent", &parent);
        jint(c, o, "depth", &depth);
        jspan(c, jget(o, "span"), "span", bd->text_len, &a, &b);
        int has_author = jget(o, "author_span") &&
                         jspan(c, jget(o, "author_span"), "author_span", bd->text_len, &x, &y);
        rc = store_run(st, SQL_INS_SPAN, "ttiiitIIIIt", bd->doc_id, "comment", (long long)i, a, b,
                       jstr(c, o, "author"), has_author, x, has_author, y, 1, depth, has_parent,
                       parent, NULL);
    }
    const json_value *bp = jget(cl, "boilerplate");
    for (size_t i = 0; bp && rc == SR_OK && i < bp->len; i++) {
        const json_value *o = bp->items[i];
        jspan(c, jget(o, "span"), "span", bd->text_len, &a, &b);
        n = (long long)i;
        rc = store_run(st, SQL_INS_SPAN, "ttiiitIIIIt", bd->doc_id, "boilerplate", n, a, b, NULL, 0,
                       0LL, 0, 0LL, 0, 0LL, 0, 0LL, jstr(c, o, "reason"));
    }
    return rc;
}

/* Mentions are the bulk of a bundle (about fifty per report): they go in
 * MENTION_BATCH rows per INSERT, since on PostgreSQL every statement is a
 * round trip to the server.  The rest go one by one. */
#define MENTION_BATCH 32
#define MENTION_COLS 10

static sr_status bind_mention(sr_store *st, sr_stmt *s, int base, const char *doc_id, long long seq,
                              jctx *c, const json_value *o, size_t text_len, sr_buf *attrs)
{
    long long a, b, sentence = 0;
    jspan(c, o, "start", text_len, &a, &b);
    int has_sentence = jint(c, o, "sentence", &sentence);
    const char *kind = jstr(c, o, "kind"), *v;
    int actor = !strcmp(kind, "actor");
    sr_buf_clear(attrs);
    json_write(attrs, o);
    if (attrs->status != SR_OK)
        return store_fail(st, attrs->status, "out of memory");
    sr_status rc = sr_stmt_bind_text(s, base + 1, doc_id, (size_t)-1);
    if (rc == SR_OK)
        rc = sr_stmt_bind_int(s, base + 2, seq);
    if (rc == SR_OK)
        rc = sr_stmt_bind_text(s, base + 3, kind, (size_t)-1);
    if (rc == SR_OK)
        rc = sr_stmt_bind_int(s, base + 4, a);
    if (rc == SR_OK)
        rc = sr_stmt_bind_int(s, base + 5, b);
    if (rc == SR_OK)
        rc =
            has_sentence ? sr_stmt_bind_int(s, base + 6, sentence) : sr_stmt_bind_null(s, base + 6);
    const char *texts[] = {jstr(c, o, "text"), actor ? jstr(c, o, "id") : NULL,
                           actor ? jstr(c, o, "role") : NULL, attrs->data};
    for (int k = 0; k < 4 && rc == SR_OK; k++)
        rc = (v = texts[k]) ? sr_stmt_bind_text(s, base + 7 + k, v, (size_t)-1)
                            : sr_stmt_bind_null(s, base + 7 + k);
    return rc == SR_OK ? SR_OK : store_db_fail(st);
}

static sr_status run_stmt(sr_store *st, sr_stmt *s)
{
    int r;
    while ((r = sr_stmt_step(s)) > 0)
        ;
    return r < 0 ? store_db_fail(st) : SR_OK;
}

static sr_status put_mentions(sr_store *st, jctx *c, const bundle *bd)
{
    size_t n = bd->mentions ? bd->mentions->len : 0, i = 0;
    if (n >= MENTION_BATCH && !st->mention_batch_sql) {
        sr_buf q;
        sr_buf_init(&q, NULL);
        sr_buf_puts(&q, "INSERT INTO mentions (doc_id, seq, kind, start_off, end_off, sentence,"
                        " surface, actor_id, role, attrs) VALUES ");
        for (int r = 0; r < MENTION_BATCH; r++)
            sr_buf_puts(&q,
                        r ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (q.status != SR_OK) {
            sr_buf_free(&q);
            return store_fail(st, SR_ENOMEM, "out of memory");
        }
        st->mention_batch_sql = q.data; /* owned by the handle now */
    }
    sr_status rc = SR_OK;
    sr_buf attrs;
    sr_buf_init(&attrs, NULL);
    for (; rc == SR_OK && n - i >= MENTION_BATCH; i += MENTION_BATCH) {
        sr_stmt *s = store_cached(st, st->mention_batch_sql);
        if (!s) {
            rc = SR_EIO;
            break;
        }
        for (int r = 0; r < MENTION_BATCH && rc == SR_OK; r++)
            rc = bind_mention(st, s, r * MENTION_COLS, bd->doc_id, (long long)(i + (size_t)r), c,
                              bd->mentions->items[i + (size_t)r], bd->text_len, &attrs);
        if (rc == SR_OK)
            rc = run_stmt(st, s);
    }
    for (; rc == SR_OK && i < n; i++) {
        sr_stmt *s = store_cached(st, SQL_INS_MENTION);
        if (!s) {
            rc = SR_EIO;
            break;
        }
        rc = bind_mention(st, s, 0, bd->doc_id, (long long)i, c, bd->mentions->items[i],
                          bd->text_len, &attrs);
        if (rc == SR_OK)
            rc = run_stmt(st, s);
    }
    sr_buf_free(&attrs);
    return rc;
}

/* Id of an actor NAME (NULL when unknown or empty). */
static const char *resolve(sr_store *st, const char *name, char *buf, size_t n, sr_status *rc)
{
    int r = store_actor_id(st, name, buf, n);
    if (r < 0)
        *rc = SR_EIO;
    return r > 0 ? buf : NULL;
}

static sr_status put_statements(sr_store *st, jctx *c, const bundle *bd)
{
    sr_status rc = SR_OK;
    for (size_t i = 0; bd->statements && rc == SR_OK && i < bd->statements->len; i++) {
        const json_value *o = bd->statements->items[i], *ev = jget(o, "evidence");
        long long a, b;
        jspan(c, ev, "evidence", bd->text_len, &a, &b);
        const char *speaker = jstr(c, o, "speaker"), *target = jstr(c, o, "target");
        const char *text = jstr(c, ev, "text");
        char sid[128], tid[128], date[STORE_DATE_LEN];
        const char *d = jstr(c, o, "date");
        if (d)
            store_date_norm(d, 0, date);
        const char *si = resolve(st, speaker, sid, sizeof sid, &rc);
        const char *ti = resolve(st, target, tid, sizeof tid, &rc);
        if (rc != SR_OK)
            break;
        sr_buf t;
        sr_buf_init(&t, NULL);
        if (!text)
            sr_buf_append(&t, bd->text + a, (size_t)(b - a));
        rc = store_run(st, SQL_INS_STATEMENT, "tittttttiit", bd->doc_id, (long long)i,
                       jstr(c, o, "type"), speaker && *speaker ? speaker : NULL, si,
                       target && *target ? target : NULL, ti, d ? date : NULL, a, b,
                       text     ? text
                       : t.data ? t.data
                                : "");
        sr_buf_free(&t);
    }
    return rc;
}

/* --- relation facts -------------------------------------------------------- */

int store_symmetric(const char *type)
{
    return !strcmp(type, "allied") || !strcmp(type, "hostile");
}

/* The key an actor is grouped by: its id, else "~" and the name as written. */
void store_actor_key(sr_buf *b, const char *id, const char *name)
{
    if (id && *id)
        sr_buf_puts(b, id);
    else
        sr_buf_putc(b, '~'), sr_buf_puts(b, name ? name : "");
}

/* The contradiction domain of a fact (intervals.c processes one domain at a
 * time): allied, hostile and member_of between one unordered pair close each
 * other; leads of one group; controls of one place (location + admin1);
 * backed_by and formerly only merge with themselves. */
static void fact_domain(sr_buf *b, const store_fact *f)
{
    sr_buf s, o;
    sr_buf_init(&s, NULL);
    sr_buf_init(&o, NULL);
    store_actor_key(&s, f->subject_id, f->subject);
    store_actor_key(&o, f->object_id, f->object);
    const char *sk = s.data ? s.data : "", *ok = o.data ? o.data : "";
    if (!strcmp(f->type, "controls")) {
        sr_buf_printf(b, "place:%s|", f->location ? f->location : "");
        sr_buf_puts(b, f->admin1 ? f->admin1 : "");
    } else if (!strcmp(f->type, "leads")) {
        sr_buf_puts(b, "leads:");
        sr_buf_puts(b, ok);
    } else if (store_symmetric(f->type) || !strcmp(f->type, "member_of")) {
        int swap = strcmp(sk, ok) > 0;
        sr_buf_puts(b, "pair:");
        sr_buf_puts(b, swap ? ok : sk);
        sr_buf_putc(b, '|');
        sr_buf_puts(b, swap ? sk : ok);
    } else {
        sr_buf_puts(b, f->type);
        sr_buf_putc(b, ':');
        sr_buf_puts(b, sk);
        sr_buf_putc(b, '|');
        sr_buf_puts(b, ok);
    }
    sr_buf_free(&s);
    sr_buf_free(&o);
}

sr_status store_put_fact(sr_store *st, const char *key, const store_fact *f)
{
    sr_buf dom;
    sr_buf_init(&dom, NULL);
    fact_domain(&dom, f);
    if (dom.status != SR_OK) {
        sr_buf_free(&dom);
        return store_fail(st, SR_ENOMEM, "out of memory");
    }
    /* effective start: valid_from, else the observation date unless the
     * fact had already ended by then ("was part of X until 2017", told in
     * 2018), else open */
    const char *eff = f->valid_from;
    if (!eff && f->observed && (!f->valid_to || strcmp(f->observed, f->valid_to) <= 0))
        eff = f->observed;
    sr_status rc =
        store_run(st, SQL_INS_FACT, "ttttttttttttDDIttttdtIIttt", key, f->doc_id, f->relation_id,
                  f->origin, f->type, f->subject, f->subject_id, f->object, f->object_id,
                  f->location, f->admin1, f->admin2, f->has_coords, f->lat, f->has_coords, f->lon,
                  f->has_geo_precision, f->geo_precision, f->valid_from, f->from_precision,
                  f->valid_to, f->observed, f->confidence, f->certainty, f->has_evidence,
                  f->ev_start, f->has_evidence, f->ev_end, f->ev_text, dom.data, eff);
    if (rc == SR_OK)
        rc = store_run(st, SQL_PEND_DOMAIN, "t", dom.data);
    sr_buf_free(&dom);
    return rc;
}

static sr_status put_relations(sr_store *st, jctx *c, const bundle *bd)
{
    sr_status rc = SR_OK;
    sr_buf key, evtext;
    sr_buf_init(&key, NULL);
    sr_buf_init(&evtext, NULL);
    for (size_t i = 0; bd->relations && rc == SR_OK && i < bd->relations->len; i++) {
        const json_value *o = bd->relations->items[i], *pl = jget(o, "place");
        const json_value *ev = jget(o, "evidence");
        store_fact f;
        memset(&f, 0, sizeof f);
        char sid[128], oid[128], from[STORE_DATE_LEN], to[STORE_DATE_LEN], obs[STORE_DATE_LEN];
        f.doc_id = bd->doc_id;
        f.relation_id = jstr(c, o, "relation_id");
        f.origin = jstr(c, o, "origin") ? jstr(c, o, "origin") : "text";
        f.type = jstr(c, o, "type");
        f.subject = jstr(c, o, "subject");
        f.subject_id = jstr(c, o, "subject_id");
        if (!f.subject_id)
            f.subject_id = resolve(st, f.subject, sid, sizeof sid, &rc);
        if (!strcmp(f.type, "controls") && pl) {
            f.object = jstr(c, o, "object") ? jstr(c, o, "object") : jstr(c, pl, "location");
            f.location = jstr(c, pl, "location");
            f.admin1 = jstr(c, pl, "admin1");
            f.admin2 = jstr(c, pl, "admin2");
            f.has_coords = jnum(c, pl, "latitude", &f.lat) && jnum(c, pl, "longitude", &f.lon);
            f.has_geo_precision = jint(c, pl, "geo_precision", &f.geo_precision);
        } else {
            f.object = jstr(c, o, "object");
            f.object_id = jstr(c, o, "object_id");
            if (!f.object_id)
                f.object_id = resolve(st, f.object, oid, sizeof oid, &rc);
        }
        if (rc != SR_OK)
            break;
        const char *s;
        if ((s = jstr(c, o, "valid_from")) && !store_date_norm(s, 0, from))
            f.valid_from = from;
        if ((s = jstr(c, o, "valid_to")) && !store_date_norm(s, 1, to))
            f.valid_to = to;
        if ((s = jstr(c, o, "observed")) && !store_date_norm(s, 0, obs))
            f.observed = obs;
        f.from_precision = jstr(c, o, "from_precision");
        if (!jnum(c, o, "confidence", &f.confidence))
            f.confidence = 1.0;
        f.certainty = jstr(c, o, "certainty");
        if (ev) {
            f.has_evidence = jspan(c, ev, "evidence", bd->text_len, &f.ev_start, &f.ev_end);
            f.ev_text = jstr(c, ev, "text");
            if (!f.ev_text && f.has_evidence) {
                sr_buf_clear(&evtext);
                sr_buf_append(&evtext, bd->text + f.ev_start, (size_t)(f.ev_end - f.ev_start));
                f.ev_text = evtext.data ? evtext.data : "";
            }
        }
        /* "doc:LEN:DOC_ID:RELATION_ID" cannot collide across documents */
        sr_buf_clear(&key);
        sr_buf_printf(&key, "doc:%zu:", strlen(bd->doc_id));
        sr_buf_puts(&key, bd->doc_id);
        sr_buf_putc(&key, ':');
        sr_buf_puts(&key, f.relation_id);
        if (key.status != SR_OK || evtext.status != SR_OK)
            rc = store_fail(st, SR_ENOMEM, "out of memory");
        else
            rc = store_put_fact(st, key.data, &f);
    }
    sr_buf_free(&key);
    sr_buf_free(&evtext);
    return rc;
}

/* --- events ---------------------------------------------------------------- */

static int is_civilians(sr_store *st, const char *id, sr_status *rc)
{
    if (!id)
        return 0;
    if (st->kb) {
        int i = sr_kb_actor_find(st->kb, id);
        return i >= 0 && sr_kb_actor(st->kb, (size_t)i)->kind == SR_ACTOR_CIVILIANS;
    }
    sr_stmt *s = store_stmt(st, SQL_ACTOR_KIND, "t", id);
    if (!s) {
        *rc = SR_EIO;
        return 0;
    }
    int r = store_step(st, s), civ = r > 0 && !strcmp(sr_stmt_text(s, 0), "civilians");
    sr_stmt_reset(s);
    if (r < 0)
        *rc = SR_EIO;
    return civ;
}

/* One event_actors row per named actor of ROLE ("; "-separated names). */
static sr_status put_role(sr_store *st, const char *event_id, const char *role, const char *names,
                          const char *date, char *first_id, size_t n)
{
    sr_status rc = SR_OK;
    if (first_id)
        first_id[0] = '\0';
    long long seq = 0;
    for (const char *p = names; p && *p && rc == SR_OK;) {
        const char *e = strstr(p, "; ");
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char name[512], id[128];
        if (len && len < sizeof name) {
            memcpy(name, p, len);
            name[len] = '\0';
            const char *aid = resolve(st, name, id, sizeof id, &rc);
            if (rc == SR_OK)
                rc = store_run(st, SQL_INS_EV_ACTOR, "ttitttt", event_id, role, seq++, event_id,
                               aid, name, date);
            if (first_id && aid && seq == 1)
                snprintf(first_id, n, "%s", aid);
        }
        p = e ? e + 2 : p + len;
    }
    return rc;
}

static sr_status put_events(sr_store *st, jctx *c, const bundle *bd, long long seq)
{
    sr_status rc = SR_OK;
    sr_buf t;
    sr_buf_init(&t, NULL);
    for (size_t i = 0; bd->events && rc == SR_OK && i < bd->events->len; i++) {
        const json_value *o = bd->events->items[i];
        const char *id = jstr(c, o, "event_id");
        sr_stmt *s = store_stmt(st, SQL_EVENT_EXISTS, "t", id);
        if (!s) {
            rc = SR_EIO;
            break;
        }
        int r = store_step(st, s);
        if (r > 0)
            rc = store_fail(st, SR_EFORMAT, "events[%zu].event_id: %s is already stored for %s", i,
                            id, sr_stmt_text(s, 0));
        sr_stmt_reset(s);
        if (r != 0) {
            rc = r < 0 ? SR_EIO : rc;
            break;
        }
        char date[STORE_DATE_LEN], a1[128], a2[128];
        const char *d = jstr(c, o, "event_date");
        if (d)
            store_date_norm(d, 0, date);
        d = d ? date : NULL;
        const char *prec = jstr(c, o, "time_precision");
        if (!d)
            prec = "none";
        else if (!prec)
            prec = "day";
        /* roles first: they resolve the actor ids the event row carries */
        rc = put_role(st, id, "actor1", jstr(c, o, "actor1"), d, a1, sizeof a1);
        if (rc == SR_OK)
            rc = put_role(st, id, "assoc_actor_1", jstr(c, o, "assoc_actor_1"), d, NULL, 0);
        if (rc == SR_OK)
            rc = put_role(st, id, "actor2", jstr(c, o, "actor2"), d, a2, sizeof a2);
        if (rc == SR_OK)
            rc = put_role(st, id, "assoc_actor_2", jstr(c, o, "assoc_actor_2"), d, NULL, 0);
        int civ = is_civilians(st, a2[0] ? a2 : NULL, &rc);
        if (rc != SR_OK)
            break;
        long long inter1 = 0, inter2 = 0, interaction = 0, gp = 0, fat = 0;
        double lat = 0, lon = 0;
        int has_i1 = jint(c, o, "inter1", &inter1), has_i2 = jint(c, o, "inter2", &inter2);
        int has_ia = jint(c, o, "interaction", &interaction);
        int has_gp = jint(c, o, "geo_precision", &gp), has_fat = jint(c, o, "fatalities", &fat);
        int has_ll = jnum(c, o, "latitude", &lat) & jnum(c, o, "longitude", &lon);
        const char *loc = jstr(c, o, "location");
        /* area-level: no location, or ACLED geo_precision 3 (only the admin
         * area is known); dedup then compares admin areas, not names */
        int area = !loc || !*loc || (has_gp && gp >= 3);
        rc = store_run(st, SQL_INS_EVENT, "ttitttttttttttIIIttttDDIiIttiiti", id, bd->doc_id,
                       seq + (long long)i, id, d, prec, jstr(c, o, "event_type"),
                       jstr(c, o, "sub_event_type"), jstr(c, o, "actor1"), a1[0] ? a1 : NULL,
                       jstr(c, o, "assoc_actor_1"), jstr(c, o, "actor2"), a2[0] ? a2 : NULL,
                       jstr(c, o, "assoc_actor_2"), has_i1, inter1, has_i2, inter2, has_ia,
                       interaction, jstr(c, o, "country"), jstr(c, o, "admin1"),
                       jstr(c, o, "admin2"), loc, has_ll, lat, has_ll, lon, has_gp, gp,
                       (long long)area, has_fat, fat, jstr(c, o, "source"), jstr(c, o, "certainty"),
                       (long long)jbool(c, o, "historical"), (long long)jbool(c, o, "primary"),
                       jstr(c, o, "notes"), (long long)civ);
        const json_value *ev = jget(o, "evidence");
        for (size_t k = 0; ev && rc == SR_OK && k < ev->len; k++) {
            long long a, b;
            jspan(c, ev->items[k], "", bd->text_len, &a, &b);
            const char *text =
                ev->items[k]->type == JSON_OBJECT ? jstr(c, ev->items[k], "text") : NULL;
            if (!text) {
                sr_buf_clear(&t);
                sr_buf_append(&t, bd->text + a, (size_t)(b - a));
                if (t.status != SR_OK) {
                    rc = store_fail(st, SR_ENOMEM, "out of memory");
                    break;
                }
                text = t.data ? t.data : "";
            }
            rc = store_run(st, SQL_INS_EVIDENCE, "tiiit", id, (long long)k, a, b, text);
        }
        if (rc == SR_OK)
            rc = store_dedup_event(st, id);
    }
    sr_buf_free(&t);
    return rc;
}

static sr_status write_bundle(sr_store *st, jctx *c, const bundle *bd, int replace)
{
    long long dseq = 0, eseq = 0;
    sr_status rc = replace ? delete_doc(st, bd->doc_id) : SR_OK;
    if (rc == SR_OK && (store_one_int(st, SQL_NEXT_DOC_SEQ, &dseq, "") < 0 ||
                        store_one_int(st, SQL_NEXT_EVENT_SEQ, &eseq, "") < 0))
        rc = SR_EIO;
    if (rc == SR_OK)
        rc = put_document(st, c, bd, dseq);
    if (rc == SR_OK)
        rc = put_spans(st, c, bd);
    if (rc == SR_OK)
        rc = put_mentions(st, c, bd);
    if (rc == SR_OK)
        rc = put_statements(st, c, bd);
    if (rc == SR_OK)
        rc = put_relations(st, c, bd);
    if (rc == SR_OK)
        rc = put_events(st, c, bd, eseq);
    return rc;
}

static const char SQL_PROGRESS_GET[] =
    "SELECT records FROM ingest_progress WHERE run_key = ?";
static const char SQL_PROGRESS_PUT[] =
    "INSERT INTO ingest_progress (run_key, records) VALUES (?, ?)"
    " ON CONFLICT (run_key) DO UPDATE SET records = excluded.records";
static const char SQL_PROGRESS_DEL[] = "DELETE FROM ingest_progress WHERE run_key = ?";

sr_status sr_store_progress(sr_store *st, const char *run_key, long long *records)
{
    *records = 0;
    if (store_one_int(st, SQL_PROGRESS_GET, records, "t", run_key) < 0)
        return SR_EIO;
    return SR_OK;
}

void sr_store_set_progress(sr_store *st, const char *run_key, long long records)
{
    snprintf(st->progress_key, sizeof st->progress_key, "%s", run_key ? run_key : "");
    st->progress_n = records;
    st->progress_pending = run_key && *run_key;
}

sr_status sr_store_progress_clear(sr_store *st, const char *run_key)
{
    st->progress_pending = 0;
    return store_run(st, SQL_PROGRESS_DEL, "t", run_key);
}

/* Writes the pending run position (inside the caller's transaction, or
 * alone). */
static sr_status put_progress(sr_store *st)
{
    if (!st->progress_pending)
        return SR_OK;
    st->progress_pending = 0;
    return store_run(st, SQL_PROGRESS_PUT, "ti", st->progress_key, st->progress_n);
}

sr_status sr_store_ingest(sr_store *st, const char *json, size_t len, sr_ingest_result *res,
                          char *err, size_t errlen)
{
    if (res)
        *res = SR_INGEST_UNCHANGED;
    if (st->readonly)
        return store_report(st, store_fail(st, SR_EINVAL, "the store is open read-only"), err,
                            errlen);
    sr_arena *arena = sr_arena_new(NULL);
    if (!arena)
        return store_report(st, store_fail(st, SR_ENOMEM, "out of memory"), err, errlen);
    json_value *root = NULL;
    char jerr[160];
    sr_status rc = json_parse(arena, json, len, 1, 1, &root, jerr, sizeof jerr);
    if (rc != SR_OK) {
        store_fail(st, rc, "bundle is not valid JSON: %s", jerr);
        goto done;
    }
    jctx c = {.st = st};
    bundle bd;
    memset(&bd, 0, sizeof bd);
    if ((rc = validate(&c, root, &bd)) != SR_OK)
        goto done;
    /* the document id names the failure from here on */
    sr_stmt *s = store_stmt(st, SQL_DOC_HASH, "t", bd.doc_id);
    if (!s) {
        rc = SR_EIO;
        goto done;
    }
    int r = store_step(st, s), same = r > 0 && !strcmp(sr_stmt_text(s, 0), bd.hash);
    sr_stmt_reset(s);
    if (r < 0) {
        rc = SR_EIO;
        goto done;
    }
    if (same) {
        rc = put_progress(st);
        goto done;
    }
    if ((rc = store_begin(st)) != SR_OK)
        goto done;
    rc = write_bundle(st, &c, &bd, r > 0);
    if (rc == SR_OK)
        rc = put_progress(st);
    if (rc == SR_OK)
        rc = store_commit(st);
    if (rc != SR_OK) {
        char why[sizeof st->msg];
        store_rollback(st);
        memcpy(why, st->msg, sizeof why);
        store_fail(st, rc, "%s: %s", bd.doc_id, why);
    } else if (res) {
        *res = r > 0 ? SR_INGEST_REPLACED : SR_INGEST_ADDED;
    }
done:
    sr_arena_free(arena);
    return store_report(st, rc, err, errlen);
}
