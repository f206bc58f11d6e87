/* code_json.c - the outputs of `sitrep code`: JSON lines (README, "Output
 * schema: code"), ACLED's 31-column CSV, and the statements stream. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kb/kb_int.h"
#include "code/code_int.h"
#include "sitrep/code.h"

static const char *actor_name(const sr_kb *kb, int a) { return a >= 0 ? kb->actors[a].name : ""; }

/* An event's actor as ACLED names it: the unidentified armed group carries
 * the country of the event ("Unidentified Armed Group (Syria)"), as ACLED's
 * actor list does; other actors keep their canonical name.  BUF holds the
 * composed name. */
static const char *event_actor(const sr_kb *kb, const sr_event *e, int a, char *buf, size_t n)
{
    const char *name = actor_name(kb, a);
    const char *c = a >= 0 && kb->actors[a].kind == SR_ACTOR_UNIDENTIFIED &&
                            !strcmp(kb->actors[a].id, "UNIDENTIFIED")
                        ? sr_country_name(e->where.country)
                        : NULL;
    if (!c || !*c)
        return name;
    snprintf(buf, n, "%s (%s)", name, c);
    return buf;
}

/* Actor names joined by "; " as one JSON string.  JSON escapes byte by
 * byte, so the names are joined in a stack buffer when they fit (no heap
 * buffer per event). */
static void assoc_list(sr_buf *b, const sr_kb *kb, const int *v, int n)
{
    char stack[512];
    size_t len = 0;
    int i = 0;
    for (; i < n; i++) {
        const char *name = actor_name(kb, v[i]);
        size_t nl = strlen(name);
        if (len + nl + 2 > sizeof stack)
            break;
        if (i)
            stack[len++] = ';', stack[len++] = ' ';
        memcpy(stack + len, name, nl);
        len += nl;
    }
    if (i == n) {
        sr_json_string(b, stack, len);
        return;
    }
    sr_buf tmp;
    sr_buf_init(&tmp, b->mem);
    for (i = 0; i < n; i++) {
        if (i)
            sr_buf_puts(&tmp, "; ");
        sr_buf_puts(&tmp, actor_name(kb, v[i]));
    }
    sr_json_string(b, tmp.data ? tmp.data : "", tmp.len);
    sr_buf_free(&tmp);
}

static void date_str(char *o, sr_date d)
{
    int m = d.month ? d.month : 1, dd = d.day ? d.day : 1;
    if (!d.year)
        o[0] = '\0';
    else if (d.year > 0 && d.year <= 9999 && m >= 0 && m <= 99 && dd >= 0 && dd <= 99) {
        /* what "%04d-%02d-%02d" prints, without printf */
        o[0] = (char)('0' + d.year / 1000), o[1] = (char)('0' + d.year / 100 % 10);
        o[2] = (char)('0' + d.year / 10 % 10), o[3] = (char)('0' + d.year % 10);
        o[4] = '-', o[5] = (char)('0' + m / 10), o[6] = (char)('0' + m % 10);
        o[7] = '-', o[8] = (char)('0' + dd / 10), o[9] = (char)('0' + dd % 10);
        o[10] = '\0';
    } else
        snprintf(o, 16, "%04d-%02d-%02d", d.year, m, dd);
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

/* sr_buf_append with the common case inline: room in the buffer. */
static inline void put(sr_buf *b, const char *s, size_t n)
{
    if (b->status == SR_OK && b->len + n < b->cap) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else
        sr_buf_append(b, s, n);
}

/* Appends a string literal (keys, punctuation) without strlen. */
#define PUT_LIT(b, lit) put((b), (lit), sizeof(lit) - 1)

/* A coordinate as printf's "%.<digits>f" prints it. */
static void put_fixed(sr_buf *b, double v, int digits)
{
    char o[32];
    put(b, o, sr_format_fixed(o, v, digits));
}

/* V as 16 lower-case hex digits ("%016llx"), into O (17 bytes). */
static void hex16(char *o, unsigned long long v)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, v >>= 4)
        o[i] = hex[v & 15];
    o[16] = '\0';
}

/* V in decimal ("%lld"), into O (at least 22 bytes). */
static void int_str(char *o, long long v)
{
    size_t n = 0;
    if (v < 0)
        o[n++] = '-';
    n += sr_format_uint(o + n, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
    o[n] = '\0';
}

sr_status sr_coding_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                            const sr_coding *k, sr_buf *b)
{
    for (size_t i = 0; i < k->n_events; i++) {
        const sr_event *e = &k->events[i];
        char an[192];
        char d[20];
        PUT_LIT(b, "{\"doc_id\":");
        sr_json_cstr(b, doc->id);
        PUT_LIT(b, ",\"event_id\":\"");
        hex16(d, event_id(doc, e, i));
        put(b, d, 16);
        PUT_LIT(b, "\",\"event_date\":");
        date_str(d, e->date);
        if (d[0])
            sr_json_cstr(b, d);
        else
            PUT_LIT(b, "null");
        PUT_LIT(b, ",\"time_precision\":");
        sr_json_cstr(b, prec_name(e->time_precision));
        PUT_LIT(b, ",\"event_type\":");
        sr_json_cstr(b, e->event_type);
        PUT_LIT(b, ",\"sub_event_type\":");
        sr_json_cstr(b, e->sub_event_type);
        PUT_LIT(b, ",\"actor1\":");
        sr_json_cstr(b, event_actor(kb, e, e->actor1, an, sizeof an));
        PUT_LIT(b, ",\"assoc_actor_1\":");
        assoc_list(b, kb, e->assoc1, e->n_assoc1);
        PUT_LIT(b, ",\"actor2\":");
        sr_json_cstr(b, event_actor(kb, e, e->actor2, an, sizeof an));
        PUT_LIT(b, ",\"assoc_actor_2\":");
        assoc_list(b, kb, e->assoc2, e->n_assoc2);
        PUT_LIT(b, ",\"inter1\":");
        sr_buf_int(b, e->inter1);
        PUT_LIT(b, ",\"inter2\":");
        sr_buf_int(b, e->inter2);
        PUT_LIT(b, ",\"interaction\":");
        sr_buf_int(b, e->interaction);
        PUT_LIT(b, ",\"country\":");
        sr_json_cstr(b, sr_country_name(e->where.country));
        PUT_LIT(b, ",\"admin1\":");
        sr_json_cstr(b, e->where.admin1);
        PUT_LIT(b, ",\"admin2\":");
        sr_json_cstr(b, e->where.admin2);
        PUT_LIT(b, ",\"location\":");
        sr_json_cstr(b, e->where.location);
        PUT_LIT(b, ",\"latitude\":");
        if (e->where.has_coords)
            put_fixed(b, e->where.lat, 5);
        else
            PUT_LIT(b, "null");
        PUT_LIT(b, ",\"longitude\":");
        if (e->where.has_coords)
            put_fixed(b, e->where.lon, 5);
        else
            PUT_LIT(b, "null");
        PUT_LIT(b, ",\"geo_precision\":");
        sr_buf_int(b, e->where.location ? e->where.geo_precision : 3);
        PUT_LIT(b, ",\"fatalities\":");
        sr_buf_int(b, e->fatalities);
        PUT_LIT(b, ",\"source\":");
        sr_json_cstr(b, e->source);
        PUT_LIT(b, ",\"certainty\":");
        sr_json_cstr(b, sr_certainty_name(e->certainty));
        if (e->historical)
            PUT_LIT(b, ",\"historical\":true");
        else
            PUT_LIT(b, ",\"historical\":false");
        if (e->primary)
            PUT_LIT(b, ",\"primary\":true");
        else
            PUT_LIT(b, ",\"primary\":false");
        PUT_LIT(b, ",\"notes\":");
        sr_json_cstr(b, e->notes);
        PUT_LIT(b, ",\"evidence\":[");
        for (size_t q = 0; q < e->n_evidence; q++) {
            if (q)
                PUT_LIT(b, ",{\"start\":");
            else
                PUT_LIT(b, "{\"start\":");
            sr_buf_uint(b, e->evidence[q].start);
            PUT_LIT(b, ",\"end\":");
            sr_buf_uint(b, e->evidence[q].end);
            PUT_LIT(b, ",\"text\":");
            sr_json_string(b, c->text + e->evidence[q].start,
                           e->evidence[q].end - e->evidence[q].start);
            sr_buf_putc(b, '}');
        }
        PUT_LIT(b, "]}\n");
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
        char an[192];
        char v[64], d[16];
        v[0] = 'S', v[1] = 'R';
        hex16(v + 2, event_id(doc, e, i));
        sr_csv_field(b, v, 0);
        date_str(d, e->date);
        sr_csv_field(b, d, 0);
        int_str(v, e->date.year);
        sr_csv_field(b, e->date.year ? v : "", 0);
        int_str(v, acled_time_precision(e->time_precision));
        sr_csv_field(b, v, 0);
        const char *et = e->event_type ? e->event_type : "";
        const char *disorder = !strcmp(et, "Protests") || !strcmp(et, "Riots") ? "Demonstrations"
                               : !strcmp(et, "Strategic developments")            ? "Strategic developments"
                                                                                  : "Political violence";
        sr_csv_field(b, disorder, 0);
        sr_csv_field(b, et, 0);
        sr_csv_field(b, e->sub_event_type, 0);
        sr_csv_field(b, event_actor(kb, e, e->actor1, an, sizeof an), 0);
        sr_buf tmp;
        sr_buf_init(&tmp, NULL);
        for (int q = 0; q < e->n_assoc1; q++)
            sr_buf_puts(&tmp, q ? "; " : ""), sr_buf_puts(&tmp, actor_name(kb, e->assoc1[q]));
        sr_csv_field(b, tmp.data, 0);
        int_str(v, e->inter1);
        sr_csv_field(b, v, 0);
        sr_csv_field(b, event_actor(kb, e, e->actor2, an, sizeof an), 0);
        sr_buf_clear(&tmp);
        if (tmp.data)
            tmp.data[0] = '\0';
        for (int q = 0; q < e->n_assoc2; q++)
            sr_buf_puts(&tmp, q ? "; " : ""), sr_buf_puts(&tmp, actor_name(kb, e->assoc2[q]));
        sr_csv_field(b, tmp.data, 0);
        sr_buf_free(&tmp);
        int_str(v, e->inter2);
        sr_csv_field(b, v, 0);
        int_str(v, e->interaction);
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
        if (e->where.has_coords)
            sr_format_fixed(v, e->where.lat, 4);
        sr_csv_field(b, e->where.has_coords ? v : "", 0);
        if (e->where.has_coords)
            sr_format_fixed(v, e->where.lon, 4);
        sr_csv_field(b, e->where.has_coords ? v : "", 0);
        int_str(v, e->where.location ? e->where.geo_precision : 3);
        sr_csv_field(b, v, 0);
        sr_csv_field(b, e->source, 0);
        sr_csv_field(b, "", 0);
        sr_csv_field(b, e->notes, 0);
        int_str(v, e->fatalities);
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
