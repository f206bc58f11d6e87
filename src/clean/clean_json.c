/* clean_json.c - the documented JSON line of `sitrep clean` (README,
 * "Output schema: clean").  Spans index the document text (the body as
 * read, or the HTML page's text rendering). */
#include <string.h>

#include "sitrep/clean.h"

/* Writes TEXT[span] as a JSON string with each line's leading indentation
 * removed (threads indent replies; the indentation is layout, not text). */
static void json_dedent(sr_buf *b, const char *t, sr_span s)
{
    size_t n = s.end - s.start;
    if (!memchr(t + s.start, '\n', n)) {
        sr_json_string(b, t + s.start, n);
        return;
    }
    sr_buf tmp;
    sr_buf_init(&tmp, b->mem);
    size_t i = s.start;
    while (i < s.end) {
        const char *nl = memchr(t + i, '\n', s.end - i);
        size_t e = nl ? (size_t)(nl - t) : s.end;
        size_t k = i;
        while (k < e && (t[k] == ' ' || t[k] == '\t'))
            k++;
        sr_buf_append(&tmp, t + k, e - k);
        if (nl)
            sr_buf_putc(&tmp, '\n');
        i = e + 1;
    }
    if (tmp.status != SR_OK)
        b->status = tmp.status;
    else
        sr_json_string(b, tmp.data ? tmp.data : "", tmp.len);
    sr_buf_free(&tmp);
}

sr_status sr_clean_to_json(const sr_doc *doc, const sr_cleaned *c, sr_buf *b)
{
    const char *t = c->text;
    int first = 1;
    sr_buf_putc(b, '{');
    sr_json_key(b, "doc_id", &first);
    sr_json_cstr(b, doc->id);
    sr_json_key(b, "title", &first);
    sr_json_cstr(b, c->title ? c->title : "");
    sr_json_key(b, "published", &first);
    sr_json_cstr(b, doc->published);
    sr_json_key(b, "source", &first);
    sr_json_cstr(b, doc->source);
    sr_json_key(b, "url", &first);
    sr_json_cstr(b, doc->url);
    sr_json_key(b, "origin", &first);
    sr_json_cstr(b, doc->origin);
    sr_json_key(b, "content_type", &first);
    sr_json_cstr(b, doc->content_type == SR_CONTENT_HTML ? "html" : "text");
    sr_json_key(b, "title_span", &first);
    sr_json_span(b, c->title_span);
    /* body: paragraphs joined by a blank line */
    sr_json_key(b, "body", &first);
    size_t total = 0;
    for (size_t i = 0; i < c->n_body; i++)
        total += c->body[i].end - c->body[i].start + 2;
    if (c->n_body == 1) {
        sr_json_string(b, t + c->body[0].start, c->body[0].end - c->body[0].start);
    } else {
        sr_buf tmp;
        sr_buf_init(&tmp, b->mem);
        sr_buf_reserve(&tmp, total);
        for (size_t i = 0; i < c->n_body; i++) {
            if (i)
                sr_buf_append(&tmp, "\n\n", 2);
            sr_buf_append(&tmp, t + c->body[i].start, c->body[i].end - c->body[i].start);
        }
        if (tmp.status != SR_OK)
            b->status = tmp.status;
        else
            sr_json_string(b, tmp.data ? tmp.data : "", tmp.len);
        sr_buf_free(&tmp);
    }
    sr_json_key(b, "body_spans", &first);
    sr_buf_putc(b, '[');
    for (size_t i = 0; i < c->n_body; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_json_span(b, c->body[i]);
    }
    sr_buf_putc(b, ']');
    sr_json_key(b, "comments", &first);
    sr_buf_putc(b, '[');
    for (size_t i = 0; i < c->n_comments; i++) {
        const sr_comment *m = &c->comments[i];
        int f2 = 1;
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_putc(b, '{');
        sr_json_key(b, "author", &f2);
        if (m->author.end > m->author.start)
            sr_json_string(b, t + m->author.start, m->author.end - m->author.start);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "depth", &f2);
        sr_buf_printf(b, "%d", m->depth);
        sr_json_key(b, "parent", &f2);
        if (m->parent >= 0)
            sr_buf_printf(b, "%ld", m->parent);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "text", &f2);
        json_dedent(b, t, m->text);
        sr_json_key(b, "span", &f2);
        sr_json_span(b, m->text);
        sr_json_key(b, "author_span", &f2);
        sr_json_span(b, m->author);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
    sr_json_key(b, "boilerplate", &first);
    sr_buf_putc(b, '[');
    for (size_t i = 0; i < c->n_removed; i++) {
        const sr_removed *r = &c->removed[i];
        int f2 = 1;
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_putc(b, '{');
        sr_json_key(b, "reason", &f2);
        sr_json_cstr(b, r->reason);
        sr_json_key(b, "text", &f2);
        sr_json_string(b, t + r->span.start, r->span.end - r->span.start);
        sr_json_key(b, "span", &f2);
        sr_json_span(b, r->span);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
    sr_json_key(b, "dateline", &first);
    if (c->has_dateline) {
        int f2 = 1;
        sr_buf_putc(b, '{');
        sr_json_key(b, "text", &f2);
        sr_json_string(b, t + c->dateline_span.start, c->dateline_span.end - c->dateline_span.start);
        sr_json_key(b, "span", &f2);
        sr_json_span(b, c->dateline_span);
        sr_json_key(b, "date", &f2);
        sr_buf_printf(b, "\"%04d-%02d-%02d\"", c->dateline.year, c->dateline.month, c->dateline.day);
        sr_buf_putc(b, '}');
    } else {
        sr_buf_puts(b, "null");
    }
    sr_json_key(b, "warnings", &first);
    sr_buf_putc(b, '[');
    for (size_t i = 0; i < c->n_warnings; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_json_cstr(b, c->warnings[i]);
    }
    sr_buf_putc(b, ']');
    if (doc->extra_json) {
        sr_json_key(b, "extra", &first);
        sr_buf_putc(b, '{');
        sr_buf_puts(b, doc->extra_json);
        sr_buf_putc(b, '}');
    }
    sr_buf_puts(b, "}\n");
    return b->status;
}
