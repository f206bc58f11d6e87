/* export.c - the store's contents in other tools' formats, streamed.
 *
 * Events (ACLED's 31-column CSV, JSON lines, a GeoJSON FeatureCollection)
 * go out one at a time as the events iterator hands them over, so memory
 * stays flat however many match.  The actor network (GraphML, Graphviz
 * DOT) is built from two aggregate queries: relation intervals holding at a
 * date (or overlapping a period), and counts of events between pairs of
 * actors; its memory is bounded by the number of edges, not of events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

typedef struct writer {
    FILE *f;
    sr_buf b;
    size_t n;
} writer;

static sr_status flush(sr_store *st, writer *w)
{
    if (w->b.status != SR_OK)
        return store_fail(st, w->b.status, "export: out of memory");
    if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len)
        return store_fail(st, SR_EIO, "export: write failed");
    sr_buf_clear(&w->b);
    return SR_OK;
}

/* --- events ------------------------------------------------------------------- */

static sr_status emit_jsonl(sr_store *st, const store_row *row, void *ctx)
{
    writer *w = ctx;
    sr_status rc = store_event_json(st, row, 0, &w->b);
    w->n++;
    return rc == SR_OK ? flush(st, w) : rc;
}

static sr_status emit_geojson(sr_store *st, const store_row *row, void *ctx)
{
    writer *w = ctx;
    if (!row->has_coords)
        return SR_OK;
    sr_buf_puts(&w->b, w->n++ ? ",\n" : "\n");
    sr_buf_puts(&w->b, "{\"type\":\"Feature\",\"id\":");
    sr_json_cstr(&w->b, row->v[EV_ID]);
    sr_buf_printf(&w->b,
                  ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},"
                  "\"properties\":",
                  row->lon, row->lat);
    sr_status rc = store_event_json(st, row, 0, &w->b);
    if (rc != SR_OK)
        return rc;
    w->b.len--; /* the event line's newline */
    sr_buf_putc(&w->b, '}');
    return flush(st, w);
}


/* The columns and conventions of `sitrep code --format acled-csv`
 * (src/code/code_json.c), for deduplicated events: the id is "SR" and the
 * cluster id, the source lists every report's attribution. */
static const char acled_header[] =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n";

static sr_status emit_csv(sr_store *st, const store_row *row, void *ctx)
{
    writer *w = ctx;
    sr_buf *b = &w->b;
    char *const *v = row->v;
    char t[64];
    w->n++;
    snprintf(t, sizeof t, "SR%s", v[EV_ID] ? v[EV_ID] : "");
    sr_csv_field(b, t, 0);
    sr_csv_field(b, v[EV_DATE], 0);
    snprintf(t, sizeof t, "%.4s", v[EV_DATE] ? v[EV_DATE] : "");
    sr_csv_field(b, t, 0);
    /* ACLED time_precision: 1 day, 2 week, 3 month or vaguer */
    int r = store_precision_rank(v[EV_PREC]);
    sr_csv_field(b, r == 1 ? "1" : r == 2 ? "2" : "3", 0);
    const char *et = v[EV_TYPE] ? v[EV_TYPE] : "";
    sr_csv_field(b,
        !strcmp(et, "Protests") || !strcmp(et, "Riots") ? "Demonstrations"
        : !strcmp(et, "Strategic developments")         ? "Strategic developments"
                                                        : "Political violence",
        0);
    sr_csv_field(b, et, 0);
    sr_csv_field(b, v[EV_SUB], 0);
    sr_csv_field(b, v[EV_ACTOR1], 0);
    sr_csv_field(b, v[EV_ASSOC1], 0);
    sr_csv_field(b, v[EV_INTER1] ? v[EV_INTER1] : "0", 0);
    sr_csv_field(b, v[EV_ACTOR2], 0);
    sr_csv_field(b, v[EV_ASSOC2], 0);
    sr_csv_field(b, v[EV_INTER2] ? v[EV_INTER2] : "0", 0);
    sr_csv_field(b, v[EV_INTERACTION] ? v[EV_INTERACTION] : "0", 0);
    sr_csv_field(b, v[EV_CIVILIAN] && strcmp(v[EV_CIVILIAN], "0") ? "Civilian targeting" : "", 0);
    sr_csv_field(b, "", 0); /* iso: numeric country code, not kept */
    sr_csv_field(b, "Middle East", 0);
    sr_csv_field(b, v[EV_COUNTRY], 0);
    sr_csv_field(b, v[EV_ADMIN1], 0);
    sr_csv_field(b, v[EV_ADMIN2], 0);
    sr_csv_field(b, "", 0);
    sr_csv_field(b, v[EV_LOCATION], 0);
    snprintf(t, sizeof t, "%.4f", row->lat);
    sr_csv_field(b, row->has_coords ? t : "", 0);
    snprintf(t, sizeof t, "%.4f", row->lon);
    sr_csv_field(b, row->has_coords ? t : "", 0);
    sr_csv_field(b, v[EV_GEO_PREC] ? v[EV_GEO_PREC] : "3", 0);
    sr_csv_field(b, v[EV_SOURCE], 0);
    sr_csv_field(b, "", 0);
    sr_csv_field(b, v[EV_NOTES], 0);
    sr_csv_field(b, v[EV_FATALITIES] ? v[EV_FATALITIES] : "0", 0);
    sr_csv_field(b, v[EV_CERTAINTY] && strcmp(v[EV_CERTAINTY], "reported") ? v[EV_CERTAINTY] : "", 0);
    sr_csv_field(b, "", 1);
    return flush(st, w);
}

/* --- the actor network --------------------------------------------------------- */

typedef struct node {
    char *key, *id, *name;
} node;

typedef struct edge {
    char *type, *a, *b, *from, *to; /* a, b: node keys */
    long long weight;
} edge;

typedef struct graph {
    node *nodes;
    size_t n_nodes, cap_nodes;
    edge *edges;
    size_t n_edges, cap_edges;
    edge *pairs; /* event counts per unordered pair (a < b), type NULL */
    size_t n_pairs, cap_pairs;
} graph;

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static char *key_of(const char *id, const char *name)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    store_actor_key(&b, id, name);
    if (b.status != SR_OK) {
        sr_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : strdup("");
}

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 32;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

static int add_node(graph *g, const char *key, const char *id, const char *name)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (!strcmp(g->nodes[i].key, key))
            return 0;
    if (grow((void **)&g->nodes, &g->cap_nodes, g->n_nodes, sizeof *g->nodes))
        return -1;
    node *n = &g->nodes[g->n_nodes++];
    n->key = strdup(key);
    n->id = dup(id);
    n->name = dup(name ? name : key);
    return n->key && n->name ? 0 : -1;
}

static int edge_cmp(const void *x, const void *y)
{
    const edge *a = x, *b = y;
    int c = strcmp(a->type ? a->type : "", b->type ? b->type : "");
    if (!c)
        c = strcmp(a->a, b->a);
    if (!c)
        c = strcmp(a->b, b->b);
    if (!c)
        c = strcmp(a->from ? a->from : "", b->from ? b->from : "");
    return c;
}

static int node_cmp(const void *x, const void *y)
{
    return strcmp(((const node *)x)->key, ((const node *)y)->key);
}

static void graph_free(graph *g)
{
    for (size_t i = 0; i < g->n_nodes; i++) {
        free(g->nodes[i].key);
        free(g->nodes[i].id);
        free(g->nodes[i].name);
    }
    edge *lists[] = {g->edges, g->pairs};
    size_t ns[] = {g->n_edges, g->n_pairs};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < ns[k]; i++) {
            free(lists[k][i].type);
            free(lists[k][i].a);
            free(lists[k][i].b);
            free(lists[k][i].from);
            free(lists[k][i].to);
        }
    free(g->nodes);
    free(g->edges);
    free(g->pairs);
}

/* Events between two actors: one on the acting side (actor1 and its
 * associates), the other on the receiving side, counted once per event. */
static sr_status load_pairs(sr_store *st, graph *g, const sr_event_query *q, const char *from,
                            const char *to)
{
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    sr_buf_puts(&sql, "SELECT a.actor_id, a.actor_name, b.actor_id, b.actor_name,"
                      " COUNT(DISTINCT c.cluster_id) FROM event_actors a"
                      " JOIN event_actors b ON b.event_id = a.event_id"
                      " JOIN clusters c ON c.cluster_id = a.cluster_id"
                      " WHERE a.role IN ('actor1', 'assoc_actor_1')"
                      " AND b.role IN ('actor2', 'assoc_actor_2')");
    const char *args[5];
    int n = 0;
    if (from)
        sr_buf_puts(&sql, " AND c.event_date >= ?"), args[n++] = from;
    if (to)
        sr_buf_puts(&sql, " AND c.event_date <= ?"), args[n++] = to;
    if (q && q->type) {
        sr_buf_puts(&sql, " AND (c.event_type = ? OR c.sub_event_type = ?)");
        args[n++] = q->type;
        args[n++] = q->type;
    }
    sr_buf_puts(&sql, " GROUP BY a.actor_id, a.actor_name, b.actor_id, b.actor_name"
                      " ORDER BY 1, 2, 3, 4");
    if (sql.status != SR_OK) {
        sr_buf_free(&sql);
        return store_fail(st, SR_ENOMEM, "out of memory");
    }
    sr_stmt *s = NULL;
    sr_status rc = sr_db_prepare(st->db, sql.data, &s) == SR_OK ? SR_OK : store_db_fail(st);
    sr_buf_free(&sql);
    for (int k = 0; rc == SR_OK && k < n; k++)
        if (sr_stmt_bind_text(s, k + 1, args[k], (size_t)-1) != SR_OK)
            rc = store_db_fail(st);
    int r = 0;
    while (rc == SR_OK && (r = store_step(st, s)) > 0) {
        char *ka = key_of(store_text(s, 0), store_text(s, 1));
        char *kb = key_of(store_text(s, 2), store_text(s, 3));
        long long w = (long long)sr_stmt_int(s, 4);
        if (!ka || !kb || add_node(g, ka, store_text(s, 0), store_text(s, 1)) ||
            add_node(g, kb, store_text(s, 2), store_text(s, 3))) {
            free(ka);
            free(kb);
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        if (strcmp(ka, kb) > 0) {
            char *t = ka;
            ka = kb, kb = t;
        }
        size_t i = 0;
        while (i < g->n_pairs && (strcmp(g->pairs[i].a, ka) || strcmp(g->pairs[i].b, kb)))
            i++;
        if (i < g->n_pairs) {
            g->pairs[i].weight += w;
            free(ka);
            free(kb);
        } else if (grow((void **)&g->pairs, &g->cap_pairs, g->n_pairs, sizeof *g->pairs)) {
            free(ka);
            free(kb);
            rc = store_fail(st, SR_ENOMEM, "out of memory");
        } else {
            edge *e = &g->pairs[g->n_pairs++];
            memset(e, 0, sizeof *e);
            e->a = ka;
            e->b = kb;
            e->weight = w;
        }
    }
    if (rc == SR_OK && r < 0)
        rc = SR_EIO;
    if (s)
        sr_stmt_finalize(s);
    return rc;
}

static sr_status load_relations(sr_store *st, graph *g, const char *at, const char *from,
                                const char *to)
{
    sr_buf sql;
    sr_buf_init(&sql, NULL);
    sr_buf_puts(&sql, "SELECT i.type, i.subject_id, COALESCE(sa.name, i.subject), i.object_id,"
                      " COALESCE(oa.name, i.object), i.valid_from, i.valid_to FROM intervals i"
                      " LEFT JOIN actors sa ON sa.actor_id = i.subject_id"
                      " LEFT JOIN actors oa ON oa.actor_id = i.object_id"
                      " WHERE i.type <> 'controls'");
    const char *args[2];
    int n = 0;
    /* holding at AT, or overlapping [FROM, TO] */
    const char *lo = at ? at : from, *hi = at ? at : to;
    if (hi)
        sr_buf_puts(&sql, " AND (i.valid_from IS NULL OR i.valid_from <= ?)"), args[n++] = hi;
    if (lo)
        sr_buf_puts(&sql, " AND (i.valid_to IS NULL OR i.valid_to >= ?)"), args[n++] = lo;
    sr_buf_puts(&sql, " ORDER BY i.interval_id");
    if (sql.status != SR_OK) {
        sr_buf_free(&sql);
        return store_fail(st, SR_ENOMEM, "out of memory");
    }
    sr_stmt *s = NULL;
    sr_status rc = sr_db_prepare(st->db, sql.data, &s) == SR_OK ? SR_OK : store_db_fail(st);
    sr_buf_free(&sql);
    for (int k = 0; rc == SR_OK && k < n; k++)
        if (sr_stmt_bind_text(s, k + 1, args[k], (size_t)-1) != SR_OK)
            rc = store_db_fail(st);
    int r = 0;
    while (rc == SR_OK && (r = store_step(st, s)) > 0) {
        char *ka = key_of(store_text(s, 1), store_text(s, 2));
        char *kb = key_of(store_text(s, 3), store_text(s, 4));
        if (!ka || !kb || add_node(g, ka, store_text(s, 1), store_text(s, 2)) ||
            add_node(g, kb, store_text(s, 3), store_text(s, 4)) ||
            grow((void **)&g->edges, &g->cap_edges, g->n_edges, sizeof *g->edges)) {
            free(ka);
            free(kb);
            rc = store_fail(st, SR_ENOMEM, "out of memory");
            break;
        }
        edge *e = &g->edges[g->n_edges++];
        memset(e, 0, sizeof *e);
        e->type = strdup(sr_stmt_text(s, 0));
        e->a = ka;
        e->b = kb;
        e->from = dup(store_text(s, 5));
        e->to = dup(store_text(s, 6));
        if (!e->type)
            rc = store_fail(st, SR_ENOMEM, "out of memory");
    }
    if (rc == SR_OK && r < 0)
        rc = SR_EIO;
    if (s)
        sr_stmt_finalize(s);
    return rc;
}

static long long pair_weight(const graph *g, const char *a, const char *b)
{
    if (strcmp(a, b) > 0) {
        const char *t = a;
        a = b, b = t;
    }
    for (size_t i = 0; i < g->n_pairs; i++)
        if (!strcmp(g->pairs[i].a, a) && !strcmp(g->pairs[i].b, b))
            return g->pairs[i].weight;
    return 0;
}

/* Relation edges weighted by the events between their ends, then an
 * "event" edge for every pair with events but no relation; with an actor
 * filter only edges touching ACTOR_KEY, and only the nodes they use. */
static sr_status build_edges(sr_store *st, graph *g, const char *actor_key)
{
    for (size_t i = 0; i < g->n_edges; i++)
        g->edges[i].weight = pair_weight(g, g->edges[i].a, g->edges[i].b);
    for (size_t i = 0; i < g->n_pairs; i++) {
        edge *p = &g->pairs[i];
        int covered = 0;
        for (size_t k = 0; k < g->n_edges && !covered; k++) {
            const edge *e = &g->edges[k];
            covered = e->type && ((!strcmp(e->a, p->a) && !strcmp(e->b, p->b)) ||
                                  (!strcmp(e->a, p->b) && !strcmp(e->b, p->a)));
        }
        if (covered)
            continue;
        if (grow((void **)&g->edges, &g->cap_edges, g->n_edges, sizeof *g->edges))
            return store_fail(st, SR_ENOMEM, "out of memory");
        edge *e = &g->edges[g->n_edges++];
        memset(e, 0, sizeof *e);
        e->type = strdup("event");
        e->a = strdup(p->a);
        e->b = strdup(p->b);
        e->weight = p->weight;
        if (!e->type || !e->a || !e->b)
            return store_fail(st, SR_ENOMEM, "out of memory");
    }
    if (actor_key) {
        size_t k = 0;
        for (size_t i = 0; i < g->n_edges; i++) {
            edge *e = &g->edges[i];
            if (!strcmp(e->a, actor_key) || !strcmp(e->b, actor_key)) {
                g->edges[k++] = *e;
            } else {
                free(e->type), free(e->a), free(e->b), free(e->from), free(e->to);
            }
        }
        g->n_edges = k;
        k = 0;
        for (size_t i = 0; i < g->n_nodes; i++) {
            node *nd = &g->nodes[i];
            int used = 0;
            for (size_t j = 0; j < g->n_edges && !used; j++)
                used = !strcmp(g->edges[j].a, nd->key) || !strcmp(g->edges[j].b, nd->key);
            if (used)
                g->nodes[k++] = *nd;
            else
                free(nd->key), free(nd->id), free(nd->name);
        }
        g->n_nodes = k;
    }
    qsort(g->nodes, g->n_nodes, sizeof *g->nodes, node_cmp);
    qsort(g->edges, g->n_edges, sizeof *g->edges, edge_cmp);
    return SR_OK;
}

static void xml_text(sr_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': sr_buf_puts(b, "&amp;"); break;
        case '<': sr_buf_puts(b, "&lt;"); break;
        case '>': sr_buf_puts(b, "&gt;"); break;
        case '"': sr_buf_puts(b, "&quot;"); break;
        case '\'': sr_buf_puts(b, "&apos;"); break;
        default: sr_buf_putc(b, *s);
        }
    }
}

static void dot_string(sr_buf *b, const char *s)
{
    sr_buf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            sr_buf_putc(b, '\\');
        sr_buf_putc(b, *s == '\n' ? ' ' : *s);
    }
    sr_buf_putc(b, '"');
}

static const char SQL_NODE_KIND[] = "SELECT kind FROM actors WHERE actor_id = ?";

static sr_status node_kind(sr_store *st, const node *n, char *out, size_t len)
{
    out[0] = '\0';
    if (!n->id)
        return SR_OK;
    sr_stmt *s = store_stmt(st, SQL_NODE_KIND, "t", n->id);
    if (!s)
        return SR_EIO;
    int r = store_step(st, s);
    if (r > 0)
        snprintf(out, len, "%s", sr_stmt_text(s, 0));
    sr_stmt_reset(s);
    return r < 0 ? SR_EIO : SR_OK;
}

static int directed(const char *type)
{
    return !store_symmetric(type) && strcmp(type, "event");
}

static sr_status write_graphml(sr_store *st, const graph *g, writer *w)
{
    sr_buf *b = &w->b;
    sr_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                   "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                   "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                   "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
                   "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
                   "  <key id=\"valid_from\" for=\"edge\" attr.name=\"valid_from\""
                   " attr.type=\"string\"/>\n"
                   "  <key id=\"valid_to\" for=\"edge\" attr.name=\"valid_to\""
                   " attr.type=\"string\"/>\n"
                   "  <graph id=\"sitrep\" edgedefault=\"directed\">\n");
    sr_status rc = flush(st, w);
    for (size_t i = 0; rc == SR_OK && i < g->n_nodes; i++) {
        char kind[64];
        if ((rc = node_kind(st, &g->nodes[i], kind, sizeof kind)) != SR_OK)
            break;
        sr_buf_puts(b, "    <node id=\"");
        xml_text(b, g->nodes[i].key);
        sr_buf_puts(b, "\"><data key=\"name\">");
        xml_text(b, g->nodes[i].name);
        sr_buf_puts(b, "</data>");
        if (kind[0]) {
            sr_buf_puts(b, "<data key=\"kind\">");
            xml_text(b, kind);
            sr_buf_puts(b, "</data>");
        }
        sr_buf_puts(b, "</node>\n");
        rc = flush(st, w);
    }
    for (size_t i = 0; rc == SR_OK && i < g->n_edges; i++) {
        const edge *e = &g->edges[i];
        sr_buf_printf(b, "    <edge id=\"e%zu\" source=\"", i + 1);
        xml_text(b, e->a);
        sr_buf_puts(b, "\" target=\"");
        xml_text(b, e->b);
        sr_buf_printf(b, "\" directed=\"%s\"><data key=\"type\">",
                      directed(e->type) ? "true" : "false");
        xml_text(b, e->type);
        sr_buf_printf(b, "</data><data key=\"weight\">%lld</data>", e->weight);
        if (e->from) {
            sr_buf_puts(b, "<data key=\"valid_from\">");
            xml_text(b, e->from);
            sr_buf_puts(b, "</data>");
        }
        if (e->to) {
            sr_buf_puts(b, "<data key=\"valid_to\">");
            xml_text(b, e->to);
            sr_buf_puts(b, "</data>");
        }
        sr_buf_puts(b, "</edge>\n");
        rc = flush(st, w);
    }
    if (rc == SR_OK) {
        sr_buf_puts(b, "  </graph>\n</graphml>\n");
        rc = flush(st, w);
    }
    return rc;
}

static sr_status write_dot(sr_store *st, const graph *g, writer *w)
{
    sr_buf *b = &w->b;
    sr_buf_puts(b, "digraph sitrep {\n");
    sr_status rc = flush(st, w);
    for (size_t i = 0; rc == SR_OK && i < g->n_nodes; i++) {
        char kind[64];
        if ((rc = node_kind(st, &g->nodes[i], kind, sizeof kind)) != SR_OK)
            break;
        sr_buf_puts(b, "  ");
        dot_string(b, g->nodes[i].key);
        sr_buf_puts(b, " [label=");
        dot_string(b, g->nodes[i].name);
        if (kind[0]) {
            sr_buf_puts(b, ", kind=");
            dot_string(b, kind);
        }
        sr_buf_puts(b, "];\n");
        rc = flush(st, w);
    }
    for (size_t i = 0; rc == SR_OK && i < g->n_edges; i++) {
        const edge *e = &g->edges[i];
        sr_buf_puts(b, "  ");
        dot_string(b, e->a);
        sr_buf_puts(b, " -> ");
        dot_string(b, e->b);
        sr_buf_puts(b, " [type=");
        dot_string(b, e->type);
        sr_buf_puts(b, ", label=");
        dot_string(b, e->type);
        sr_buf_printf(b, ", weight=%lld", e->weight);
        if (!directed(e->type))
            sr_buf_puts(b, ", dir=none");
        if (e->from) {
            sr_buf_puts(b, ", valid_from=");
            dot_string(b, e->from);
        }
        if (e->to) {
            sr_buf_puts(b, ", valid_to=");
            dot_string(b, e->to);
        }
        sr_buf_puts(b, "];\n");
        rc = flush(st, w);
    }
    if (rc == SR_OK) {
        sr_buf_puts(b, "}\n");
        rc = flush(st, w);
    }
    return rc;
}

static sr_status export_graph(sr_store *st, sr_export_format f, const sr_event_query *q,
                              const char *at, writer *w)
{
    char a[STORE_DATE_LEN], from[STORE_DATE_LEN], to[STORE_DATE_LEN], id[256];
    const char *qf = q ? q->from : NULL, *qt = q ? q->to : NULL;
    if ((at && store_date_norm(at, 0, a)) || (qf && store_date_norm(qf, 0, from)) ||
        (qt && store_date_norm(qt, 1, to)))
        return store_fail(st, SR_EINVAL, "export: '%s' is not a date",
                          at && store_date_norm(at, 0, a)      ? at
                          : qf && store_date_norm(qf, 0, from) ? qf
                                                               : qt);
    char *actor_key = NULL;
    if (q && q->actor) {
        int r = store_actor_id(st, q->actor, id, sizeof id);
        if (r < 0)
            return SR_EIO;
        if (!(actor_key = key_of(r ? id : NULL, q->actor)))
            return store_fail(st, SR_ENOMEM, "out of memory");
    }
    graph g;
    memset(&g, 0, sizeof g);
    /* events: in [from, to], or up to AT when only AT is given */
    sr_status rc = load_pairs(st, &g, q, qf ? from : NULL, qt ? to : at ? a : NULL);
    if (rc == SR_OK)
        rc = load_relations(st, &g, at ? a : NULL, qf ? from : NULL, qt ? to : NULL);
    if (rc == SR_OK)
        rc = build_edges(st, &g, actor_key);
    if (rc == SR_OK)
        rc = f == SR_EXPORT_GRAPHML ? write_graphml(st, &g, w) : write_dot(st, &g, w);
    graph_free(&g);
    free(actor_key);
    return rc;
}

sr_status sr_store_export(sr_store *st, sr_export_format f, const sr_event_query *q, const char *at,
                          FILE *out, char *err, size_t errlen)
{
    writer w = {.f = out};
    sr_buf_init(&w.b, NULL);
    sr_status rc = SR_OK;
    switch (f) {
    case SR_EXPORT_ACLED_CSV:
        sr_buf_puts(&w.b, acled_header);
        rc = flush(st, &w);
        if (rc == SR_OK)
            rc = store_events_each(st, q, NULL, emit_csv, &w);
        break;
    case SR_EXPORT_JSONL: rc = store_events_each(st, q, NULL, emit_jsonl, &w); break;
    case SR_EXPORT_GEOJSON:
        sr_buf_puts(&w.b, "{\"type\":\"FeatureCollection\",\"features\":[");
        rc = flush(st, &w);
        if (rc == SR_OK)
            rc = store_events_each(st, q, NULL, emit_geojson, &w);
        if (rc == SR_OK) {
            sr_buf_puts(&w.b, w.n ? "\n]}\n" : "]}\n");
            rc = flush(st, &w);
        }
        break;
    case SR_EXPORT_GRAPHML:
    case SR_EXPORT_DOT: rc = export_graph(st, f, q, at, &w); break;
    default: rc = store_fail(st, SR_EINVAL, "export: unknown format %d", (int)f);
    }
    if (rc == SR_OK && fflush(out) != 0)
        rc = store_fail(st, SR_EIO, "export: write failed");
    sr_buf_free(&w.b);
    return store_report(st, rc, err, errlen);
}
