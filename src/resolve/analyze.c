/* analyze.c - the whole per-document pipeline, and bundles (see
 * sitrep/analyze.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ingest/ingest_int.h"
#include "sitrep/analyze.h"

/* Appends the JSON lines that WRITE produced as the members of an array:
 * the newlines between lines become commas (JSON strings never hold a raw
 * newline, so every newline is a line end). */
static void lines_as_array(sr_buf *b, const sr_buf *lines)
{
    sr_buf_putc(b, '[');
    size_t n = lines->len;
    while (n && lines->data[n - 1] == '\n')
        n--;
    size_t from = 0;
    for (size_t i = 0; i < n; i++)
        if (lines->data[i] == '\n') {
            sr_buf_append(b, lines->data + from, i - from);
            sr_buf_putc(b, ',');
            from = i + 1;
        }
    sr_buf_append(b, lines->data + from, n - from);
    sr_buf_putc(b, ']');
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull; /* field separator */
}

/* The content hash that decides whether a re-ingested document changed:
 * the text and the metadata a correction could touch. */
static uint64_t doc_hash(const sr_doc *d)
{
    uint64_t h = 1469598103934665603ull;
    h = fnv1a(h, d->body, d->body_len);
    const char *meta[] = {d->title, d->published, d->url, d->source};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        h = fnv1a(h, meta[i] ? meta[i] : "", meta[i] ? strlen(meta[i]) : 0);
    return h;
}

/* One bundle line: the document and everything every stage said of it
 * (docs/SCHEMA.md, "Bundle"). */
sr_status sr_bundle_write(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                          const sr_annotation *ann, const sr_coding *cod,
                          const sr_relation_set *rel, sr_buf *b)
{
    sr_buf part;
    sr_buf_init(&part, NULL);
    sr_buf_puts(b, "{\"doc_id\":");
    sr_json_cstr(b, doc->id);
    sr_buf_printf(b, ",\"hash\":\"%016llx\",\"text\":", (unsigned long long)doc_hash(doc));
    sr_json_string(b, c->text, c->text_len);
    sr_buf_puts(b, ",\"clean\":");
    sr_clean_to_json(doc, c, &part);
    while (part.len && part.data[part.len - 1] == '\n')
        part.len--;
    sr_buf_append(b, part.data, part.len);
    sr_buf_clear(&part);
    sr_buf_puts(b, ",\"mentions\":");
    sr_annotation_to_json(kb, doc, c, ann, &part);
    lines_as_array(b, &part);
    sr_buf_clear(&part);
    sr_buf_puts(b, ",\"events\":");
    sr_coding_to_json(kb, doc, c, cod, &part);
    lines_as_array(b, &part);
    sr_buf_clear(&part);
    sr_buf_puts(b, ",\"statements\":");
    sr_statements_to_json(kb, doc, c, cod, &part);
    lines_as_array(b, &part);
    sr_buf_clear(&part);
    sr_buf_puts(b, ",\"relations\":");
    sr_relations_to_json(kb, doc, c, rel, &part);
    lines_as_array(b, &part);
    sr_buf_puts(b, "}\n");
    if (part.status != SR_OK)
        b->status = part.status;
    sr_buf_free(&part);
    return b->status;
}


sr_status sr_analyze_doc(const sr_kb *kb, sr_annotator *an, sr_doc *doc, sr_buf *bundle,
                         char *err, size_t errlen)
{
    sr_cleaned c;
    sr_annotation ann;
    sr_coding cod;
    sr_relation_set rel;
    sr_status st = sr_clean(doc, &c);
    if (st != SR_OK) {
        snprintf(err, errlen, "%s", c.n_warnings ? c.warnings[c.n_warnings - 1] : sr_status_str(st));
        return st == SR_ENOMEM ? st : SR_REJECT;
    }
    if ((st = sr_annotate(an, doc, &c, &ann)) != SR_OK ||
        (st = sr_code(kb, doc, &c, &ann, &cod)) != SR_OK ||
        (st = sr_relations_extract(kb, doc, &c, &ann, &cod, &rel)) != SR_OK) {
        snprintf(err, errlen, "processing failed: %s", sr_status_str(st));
        return st;
    }
    return sr_bundle_write(kb, doc, &c, &ann, &cod, &rel, bundle);
}

sr_status sr_analyze_jsonl(const sr_kb *kb, sr_annotator *an, sr_doc *doc, const char *line,
                           size_t len, sr_buf *bundle, char *err, size_t errlen)
{
    sr_doc_reset(doc);
    sr_status st = jsonl_parse_line(line, len, doc, err, errlen);
    if (st != SR_OK)
        return st;
    return sr_analyze_doc(kb, an, doc, bundle, err, errlen);
}
