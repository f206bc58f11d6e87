/* code_json.c - the outputs of `sitrep code`: JSON lines (README, "Output
 * schema: code"), ACLED's 31-column CSV, and the statements stream. */
#include <stdio.h>
#include <string.h>

#include "kb/kb_int.h"
#include "code/code_int.h"
#include "sitrep/code.h"

static const char *actor_name(const sr_kb *kb, int a) { return a >= 0 ? kb->actors[a].name : ""; }


static void assoc_list(sr_buf *b, const sr_kb *kb, const int *v, int n)
{
    sr_buf tmp;
    sr_buf_init(&tmp, b->mem);
    for (int i = 0; i < n; i++) {
        if (i)
            sr_buf_puts(&tmp, "; ");
        sr_buf_puts(&tmp, actor_name(kb, v[i]));
    }
    sr_json_string(b, tmp.data ? tmp.data : "", tmp.len);
    sr_buf_free(&tmp);
}

static void date_str(char *o, sr_date d)
{
    if (!d.year)
        o[0] = '\0';
    else
        snprintf(o, 16, "%04d-%02d-%02d", d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

/* Stable id: a hash of the document id and the first evidence span. */
static unsigned long long event_id(const sr_doc *doc, const sr_event *e, size_t i)
{
    unsigned long long h = 1469598103934665603ull;
    const char *s = doc->id ? doc->id : "";
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    unsigned long long v[3] = {e->n_evidence ? e->evidence[0].start : 0,
                               e->n_evidence ? e->evidence[0].end : 0, i};
    const unsigned char *p = (const unsigned char *)v;
    for (size_t k = 0; k < sizeof v; k++)
        h = (h ^ p[k]) * 1099511628211ull;
    return h;
}

static const char *prec_name(sr_precision p)
{
    static const char *const n[] = {"none", "day", "week", "month", "year"};
    return (unsigned)p < 5 ? n[p] : "none";
}

/* ACLED's time_precision: 1 day, 2 week, 3 month or vaguer. */
static int acled_time_precision(sr_precision p)
{
    return p == SR_PREC_DAY ? 1 : p == SR_PREC_WEEK ? 2 : 3;
}

sr_status sr_coding_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                            const sr_coding *k, sr_buf *b)
{
    for (size_t i = 0; i < k->n_events; i++) {
        const sr_event *e = &k->events[i];
        int f = 1;
        char d[16];
        sr_buf_putc(b, '{');
        sr_json_key(b, "doc_id", &f);
        sr_json_cstr(b, doc->id);
        sr_json_key(b, "event_id", &f);
        sr_buf_printf(b, "\"%016llx\"", event_id(doc, e, i));
        sr_json_key(b, "event_date", &f);
        date_str(d, e->date);
        if (d[0])
            sr_json_cstr(b, d);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "time_precision", &f);
        sr_json_cstr(b, prec_name(e->time_precision));
        sr_json_key(b, "event_type", &f);
        sr_json_cstr(b, e->event_type);
        sr_json_key(b, "sub_event_type", &f);
        sr_json_cstr(b, e->sub_event_type);
        sr_json_key(b, "actor1", &f);
        sr_json_cstr(b, actor_name(kb, e->actor1));
        sr_json_key(b, "assoc_actor_1", &f);
        assoc_list(b, kb, e->assoc1, e->n_assoc1);
        sr_json_key(b, "actor2", &f);
        sr_json_cstr(b, actor_name(kb, e->actor2));
        sr_json_key(b, "assoc_actor_2", &f);
        assoc_list(b, kb, e->assoc2, e->n_assoc2);
        sr_json_key(b, "inter1", &f);
        sr_buf_int(b, e->inter1);
        sr_json_key(b, "inter2", &f);
        sr_buf_int(b, e->inter2);
        sr_json_key(b, "interaction", &f);
        sr_buf_int(b, e->interaction);
        sr_json_key(b, "country", &f);
        sr_json_cstr(b, sr_country_name(e->where.country));
        sr_json_key(b, "admin1", &f);
        sr_json_cstr(b, e->where.admin1);
        sr_json_key(b, "admin2", &f);
        sr_json_cstr(b, e->where.admin2);
        sr_json_key(b, "location", &f);
        sr_json_cstr(b, e->where.location);
        sr_json_key(b, "latitude", &f);
        if (e->where.has_coords)
            sr_buf_printf(b, "%.5f", e->where.lat);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "longitude", &f);
        if (e->where.has_coords)
            sr_buf_printf(b, "%.5f", e->where.lon);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "geo_precision", &f);
        sr_buf_int(b, e->where.location ? e->where.geo_precision : 3);
        sr_json_key(b, "fatalities", &f);
        sr_buf_int(b, e->fatalities);
        sr_json_key(b, "source", &f);
        sr_json_cstr(b, e->source);
        sr_json_key(b, "certainty", &f);
        sr_json_cstr(b, sr_certainty_name(e->certainty));
        sr_json_key(b, "historical", &f);
        sr_buf_puts(b, e->historical ? "true" : "false");
        sr_json_key(b, "primary", &f);
        sr_buf_puts(b, e->primary ? "true" : "false");
        sr_json_key(b, "notes", &f);
        sr_json_cstr(b, e->notes);
        sr_json_key(b, "evidence", &f);
        sr_buf_putc(b, '[');
        for (size_t q = 0; q < e->n_evidence; q++) {
            int g = 1;
            if (q)
                sr_buf_putc(b, ',');
            sr_buf_putc(b, '{');
            sr_json_key(b, "start", &g);
            sr_buf_uint(b, e->evidence[q].start);
            sr_json_key(b, "end", &g);
            sr_buf_uint(b, e->evidence[q].end);
            sr_json_key(b, "text", &g);
            sr_json_string(b, c->text + e->evidence[q].start,
                           e->evidence[q].end - e->evidence[q].start);
            sr_buf_putc(b, '}');
        }
        sr_buf_puts(b, "]}\n");
    }
    return b->status;
}


sr_status sr_coding_to_acled_csv(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                 const sr_coding *k, int header, sr_buf *b)
{
    /* ACLED's export columns, in order (31) */
    if (header)
        sr_buf_puts(b, "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                       "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
                       "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
                       "location,latitude,longitude,geo_precision,source,source_scale,notes,"
                       "fatalities,tags,timestamp\n");
    for (size_t i = 0; i < k->n_events; i++) {
        const sr_event *e = &k->events[i];
        char v[64], d[16];
        snprintf(v, sizeof v, "SR%016llx", event_id(doc, e, i));
        sr_csv_field(b, v, 0);
        date_str(d, e->date);
        sr_csv_field(b, d, 0);
        snprintf(v, sizeof v, "%d", e->date.year);
        sr_csv_field(b, e->date.year ? v : "", 0);
        snprintf(v, sizeof v, "%d", acled_time_precision(e->time_precision));
        sr_csv_field(b, v, 0);
        const char *et = e->event_type ? e->event_type : "";
        const char *disorder = !strcmp(et, "Protests") || !strcmp(et, "Riots") ? "Demonstrations"
                               : !strcmp(et, "Strategic developments")            ? "Strategic developments"
                                                                                  : "Political violence";
        sr_csv_field(b, disorder, 0);
        sr_csv_field(b, et, 0);
        sr_csv_field(b, e->sub_event_type, 0);
        sr_csv_field(b, actor_name(kb, e->actor1), 0);
        sr_buf tmp;
        sr_buf_init(&tmp, NULL);
        for (int q = 0; q < e->n_assoc1; q++)
            sr_buf_puts(&tmp, q ? "; " : ""), sr_buf_puts(&tmp, actor_name(kb, e->assoc1[q]));
        sr_csv_field(b, tmp.data, 0);
        snprintf(v, sizeof v, "%d", e->inter1);
        sr_csv_field(b, v, 0);
        sr_csv_field(b, actor_name(kb, e->actor2), 0);
        sr_buf_clear(&tmp);
        if (tmp.data)
            tmp.data[0] = '\0';
        for (int q = 0; q < e->n_assoc2; q++)
            sr_buf_puts(&tmp, q ? "; " : ""), sr_buf_puts(&tmp, actor_name(kb, e->assoc2[q]));
        sr_csv_field(b, tmp.data, 0);
        sr_buf_free(&tmp);
        snprintf(v, sizeof v, "%d", e->inter2);
        sr_csv_field(b, v, 0);
        snprintf(v, sizeof v, "%d", e->interaction);
        sr_csv_field(b, v, 0);
        int civ = e->actor2 >= 0 && kb->actors[e->actor2].kind == SR_ACTOR_CIVILIANS;
        sr_csv_field(b, civ ? "Civilian targeting" : "", 0);
        sr_csv_field(b, "", 0); /* iso: numeric country code, not kept */
        sr_csv_field(b, "Middle East", 0);
        sr_csv_field(b, sr_country_name(e->where.country), 0);
        sr_csv_field(b, e->where.admin1, 0);
        sr_csv_field(b, e->where.admin2, 0);
        sr_csv_field(b, "", 0);
        sr_csv_field(b, e->where.location, 0);
        snprintf(v, sizeof v, "%.4f", e->where.lat);
        sr_csv_field(b, e->where.has_coords ? v : "", 0);
        snprintf(v, sizeof v, "%.4f", e->where.lon);
        sr_csv_field(b, e->where.has_coords ? v : "", 0);
        snprintf(v, sizeof v, "%d", e->where.location ? e->where.geo_precision : 3);
        sr_csv_field(b, v, 0);
        sr_csv_field(b, e->source, 0);
        sr_csv_field(b, "", 0);
        sr_csv_field(b, e->notes, 0);
        snprintf(v, sizeof v, "%lld", e->fatalities);
        sr_csv_field(b, v, 0);
        sr_csv_field(b, e->certainty != SR_CERT_REPORTED ? sr_certainty_name(e->certainty) : "", 0);
        sr_csv_field(b, "", 1);
    }
    return b->status;
}

sr_status sr_statements_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                const sr_coding *k, sr_buf *b)
{
    for (size_t i = 0; i < k->n_statements; i++) {
        const sr_statement *s = &k->statements[i];
        int f = 1;
        char d[16];
        sr_buf_putc(b, '{');
        sr_json_key(b, "doc_id", &f);
        sr_json_cstr(b, doc->id);
        sr_json_key(b, "type", &f);
        sr_json_cstr(b, sr_statement_type_name(s->type));
        sr_json_key(b, "speaker", &f);
        sr_json_cstr(b, actor_name(kb, s->speaker));
        sr_json_key(b, "target", &f);
        sr_json_cstr(b, actor_name(kb, s->target));
        sr_json_key(b, "date", &f);
        date_str(d, s->date);
        if (d[0])
            sr_json_cstr(b, d);
        else
            sr_buf_puts(b, "null");
        sr_json_key(b, "evidence", &f);
        sr_buf_putc(b, '{');
        int g = 1;
        sr_json_key(b, "start", &g);
        sr_buf_uint(b, s->evidence.start);
        sr_json_key(b, "end", &g);
        sr_buf_uint(b, s->evidence.end);
        sr_json_key(b, "text", &g);
        sr_json_string(b, c->text + s->evidence.start, s->evidence.end - s->evidence.start);
        sr_buf_puts(b, "}}\n");
    }
    return b->status;
}
