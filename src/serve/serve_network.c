/* serve_network.c - the actor network at a date, for the network view.
 *
 * Edges are the relation intervals holding at the date (sr_store_relations),
 * one per (type, subject, object), typed member_of / allied / hostile /
 * backed_by / leads / formerly; "controls" is about places and belongs to
 * the control view.  Nodes are the actors those edges touch, with the
 * name, kind and event count the store's actor list gives them.
 * Cost: O(edges * nodes + actors * nodes); both are bounded by the
 * knowledge base plus the corpus's distinct actors, a few thousand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_int.h"

#define MAX_NODES 4096 /* more would be unreadable anyway */

typedef struct node {
    const char *id; /* raw JSON string, quotes included, inside the lines */
    size_t len;
    const char *name; /* the relation's name for it, raw JSON */
    size_t name_len;
} node;

static long node_find(const node *nodes, size_t n, const char *id, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (nodes[i].len == len && !memcmp(nodes[i].id, id, len))
            return (long)i;
    return -1;
}

/* The next non-empty line of B from *POS on; 0 at the end. */
static int next_line(const sr_buf *b, size_t *pos, const char **line, size_t *len)
{
    while (*pos < b->len) {
        const char *s = b->data + *pos;
        const char *nl = memchr(s, '\n', b->len - *pos);
        size_t n = nl ? (size_t)(nl - s) : b->len - *pos;
        *pos += n + 1;
        if (n) {
            *line = s;
            *len = n;
            return 1;
        }
    }
    return 0;
}

/* An edge end: its actor id when the store knows one, else its name. */
static int edge_end(const char *line, size_t len, const char *id_key, const char *name_key,
                    node *out)
{
    int has_name =
        serve_json_member(line, len, name_key, &out->name, &out->name_len) && *out->name == '"';
    if (serve_json_member(line, len, id_key, &out->id, &out->len) && *out->id == '"')
        return 1;
    out->id = out->name;
    out->len = out->name_len;
    return has_name;
}

static void copy_member(sr_buf *out, const char *line, size_t len, const char *key, int *first)
{
    const char *v;
    size_t vlen;
    if (serve_json_member(line, len, key, &v, &vlen)) {
        sr_json_key(out, key, first);
        sr_buf_append(out, v, vlen);
    }
}

int serve_network(sr_store *st, const char *at, sr_buf *out, char *err, size_t errlen)
{
    sr_buf rel, act;
    sr_buf_init(&rel, NULL);
    sr_buf_init(&act, NULL);
    rel.limit = act.limit = out->limit;
    int status = 500;
    node *nodes = NULL;
    size_t nnodes = 0;
    sr_status s = sr_store_relations(st, at, NULL, &rel, err, errlen);
    if (s == SR_OK)
        s = sr_store_actors(st, NULL, &act, err, errlen);
    if (s != SR_OK) {
        status = s == SR_EINVAL || s == SR_EFORMAT ? 400 : 500;
        goto done;
    }
    nodes = calloc(MAX_NODES, sizeof *nodes);
    if (!nodes) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }

    int first = 1, efirst = 1;
    sr_buf_putc(out, '{');
    sr_json_key(out, "at", &first);
    sr_json_cstr(out, at);
    sr_json_key(out, "edges", &first);
    sr_buf_putc(out, '[');
    const char *line;
    size_t len, pos = 0;
    while (next_line(&rel, &pos, &line, &len)) {
        const char *type;
        size_t tlen;
        node ends[2];
        if (!serve_json_member(line, len, "type", &type, &tlen) ||
            (tlen == 10 && !memcmp(type, "\"controls\"", 10)) ||
            !edge_end(line, len, "subject_id", "subject", &ends[0]) ||
            !edge_end(line, len, "object_id", "object", &ends[1]))
            continue;
        int full = 0;
        for (int k = 0; k < 2; k++)
            if (node_find(nodes, nnodes, ends[k].id, ends[k].len) < 0) {
                if (nnodes == MAX_NODES)
                    full = 1;
                else
                    nodes[nnodes++] = ends[k];
            }
        if (full)
            continue;
        if (!efirst)
            sr_buf_putc(out, ',');
        efirst = 0;
        int f = 1;
        sr_buf_putc(out, '{');
        sr_json_key(out, "type", &f);
        sr_buf_append(out, type, tlen);
        sr_json_key(out, "source", &f);
        sr_buf_append(out, ends[0].id, ends[0].len);
        sr_json_key(out, "target", &f);
        sr_buf_append(out, ends[1].id, ends[1].len);
        copy_member(out, line, len, "valid_from", &f);
        copy_member(out, line, len, "valid_to", &f);
        copy_member(out, line, len, "source_kind", &f);
        sr_buf_putc(out, '}');
    }
    sr_buf_puts(out, "],");
    sr_buf_puts(out, "\"nodes\":[");
    /* a node's details come from its actor line, matched by id */
    char *seen = calloc(nnodes ? nnodes : 1, 1);
    if (!seen) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    int nfirst = 1;
    pos = 0;
    while (next_line(&act, &pos, &line, &len)) {
        const char *id;
        size_t idlen;
        if (!serve_json_member(line, len, "id", &id, &idlen) &&
            !serve_json_member(line, len, "actor_id", &id, &idlen))
            continue;
        long k = node_find(nodes, nnodes, id, idlen);
        if (k < 0 || seen[k])
            continue;
        seen[k] = 1;
        if (!nfirst)
            sr_buf_putc(out, ',');
        nfirst = 0;
        int f = 1;
        sr_buf_putc(out, '{');
        sr_json_key(out, "id", &f);
        sr_buf_append(out, id, idlen);
        copy_member(out, line, len, "name", &f);
        copy_member(out, line, len, "kind", &f);
        copy_member(out, line, len, "events", &f);
        sr_buf_putc(out, '}');
    }
    for (size_t k = 0; k < nnodes; k++) {
        if (seen[k])
            continue;
        if (!nfirst)
            sr_buf_putc(out, ',');
        nfirst = 0;
        sr_buf_puts(out, "{\"id\":");
        sr_buf_append(out, nodes[k].id, nodes[k].len);
        if (nodes[k].name) {
            sr_buf_puts(out, ",\"name\":");
            sr_buf_append(out, nodes[k].name, nodes[k].name_len);
        }
        sr_buf_putc(out, '}');
    }
    free(seen);
    sr_buf_puts(out, "]}\n");
    status = out->status == SR_OK ? 200 : 500;
    if (status != 200)
        snprintf(err, errlen, "network too large");
done:
    free(nodes);
    sr_buf_free(&rel);
    sr_buf_free(&act);
    return status;
}
