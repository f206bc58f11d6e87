/* relations_json.c - the `sitrep relations` JSON lines (docs/SCHEMA.md,
 * "Relation facts"). */
#include <stdio.h>
#include <string.h>

#include "code/code_int.h"
#include "kb/kb_int.h"
#include "sitrep/relations.h"

static void put_date(sr_buf *b, sr_date d)
{
    if (!d.year)
        sr_buf_puts(b, "null");
    else
        sr_buf_printf(b, "\"%04d-%02d-%02d\"", d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

static const char *prec_name(sr_precision p)
{
    static const char *const n[] = {"none", "day", "week", "month", "year"};
    return (unsigned)p < 5 ? n[p] : "none";
}

static unsigned long long mix(unsigned long long h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

/* Stable id: document, type, subject, object or place. */
static unsigned long long relation_id(const sr_kb *kb, const sr_doc *doc, const sr_relation *r)
{
    unsigned long long h = 1469598103934665603ull;
    h = mix(h, doc->id);
    h = mix(h, sr_relation_type_name(r->type));
    h = mix(h, kb->actors[r->subject].id);
    if (r->object >= 0)
        h = mix(h, kb->actors[r->object].id);
    h = mix(h, r->place.location);
    h = mix(h, r->place.admin1);
    return h;
}

sr_status sr_relations_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                               const sr_relation_set *rs, sr_buf *b)
{
    for (size_t i = 0; i < rs->n; i++) {
        const sr_relation *r = &rs->items[i];
        int f = 1;
        sr_buf_putc(b, '{');
        sr_json_key(b, "doc_id", &f);
        sr_json_cstr(b, doc->id);
        sr_json_key(b, "relation_id", &f);
        sr_buf_printf(b, "\"%016llx\"", relation_id(kb, doc, r));
        sr_json_key(b, "type", &f);
        sr_json_cstr(b, sr_relation_type_name(r->type));
        sr_json_key(b, "subject", &f);
        sr_json_cstr(b, kb->actors[r->subject].name);
        sr_json_key(b, "subject_id", &f);
        sr_json_cstr(b, kb->actors[r->subject].id);
        sr_json_key(b, "object", &f);
        sr_json_cstr(b, r->object >= 0 ? kb->actors[r->object].name : r->place.location);
        sr_json_key(b, "object_id", &f);
        sr_json_cstr(b, r->object >= 0 ? kb->actors[r->object].id : NULL);
        if (r->type == SR_REL_CONTROLS) {
            int g = 1;
            sr_json_key(b, "place", &f);
            sr_buf_putc(b, '{');
            sr_json_key(b, "location", &g);
            sr_json_cstr(b, r->place.location);
            sr_json_key(b, "admin1", &g);
            sr_json_cstr(b, r->place.admin1);
            sr_json_key(b, "admin2", &g);
            sr_json_cstr(b, r->place.admin2);
            sr_json_key(b, "country", &g);
            sr_json_cstr(b, sr_country_name(r->place.country));
            sr_json_key(b, "latitude", &g);
            if (r->place.has_coords)
                sr_buf_printf(b, "%.5f", r->place.lat);
            else
                sr_buf_puts(b, "null");
            sr_json_key(b, "longitude", &g);
            if (r->place.has_coords)
                sr_buf_printf(b, "%.5f", r->place.lon);
            else
                sr_buf_puts(b, "null");
            sr_json_key(b, "geo_precision", &g);
            sr_buf_int(b, r->place.geo_precision ? r->place.geo_precision : 1);
            sr_buf_putc(b, '}');
        }
        sr_json_key(b, "valid_from", &f);
        put_date(b, r->valid_from);
        sr_json_key(b, "from_precision", &f);
        sr_json_cstr(b, prec_name(r->from_precision));
        sr_json_key(b, "valid_to", &f);
        put_date(b, r->valid_to);
        sr_json_key(b, "observed", &f);
        put_date(b, r->observed);
        sr_json_key(b, "confidence", &f);
        sr_buf_printf(b, "%.2f", r->confidence);
        sr_json_key(b, "origin", &f);
        sr_json_cstr(b, r->from_event ? "event" : "text");
        sr_json_key(b, "certainty", &f);
        sr_json_cstr(b, sr_certainty_name(r->certainty));
        sr_json_key(b, "evidence", &f);
        {
            int g = 1;
            sr_buf_putc(b, '{');
            sr_json_key(b, "start", &g);
            sr_buf_uint(b, r->evidence.start);
            sr_json_key(b, "end", &g);
            sr_buf_uint(b, r->evidence.end);
            sr_json_key(b, "text", &g);
            if (c && r->evidence.end <= c->text_len && r->evidence.start <= r->evidence.end)
                sr_json_string(b, c->text + r->evidence.start,
                               r->evidence.end - r->evidence.start);
            else
                sr_buf_puts(b, "null");
            sr_buf_putc(b, '}');
        }
        sr_buf_puts(b, "}\n");
    }
    return b->status;
}
