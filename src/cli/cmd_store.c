/* cmd_store.c - the query commands over the store: events, timeline,
 * actor, actors, relations (--at), control, export, documents.
 *
 * Each opens the database read-only (--db, else $SITREP_DB, else
 * sitrep.db), loads the kb only when a name has to be resolved (an actor,
 * a place), asks the library, and prints the answer as JSON lines (--json)
 * or as an aligned table (a block of "key  value" lines for one record).
 * Exit status: 0 answered, 1 nothing found, 2 usage, name or database
 * error. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/store.h"

#include "cli.h"

static const char query_usage[] =
    "usage: sitrep COMMAND [OPTIONS]   (queries over the database)\n"
    "\n"
    "  events [EVENT_ID]     deduplicated events (filters below), or one event\n"
    "                        with the evidence of every report\n"
    "  timeline ACTOR        the actor's events over time\n"
    "  actor NAME            profile: aliases, memberships, allies and enemies\n"
    "                        over time, event counts\n"
    "  actors [PREFIX]       known actors and their event counts\n"
    "  relations --at DATE   relations holding at DATE [--actor A]; without --at\n"
    "                        (with --db) every interval\n"
    "  control PLACE [--at DATE]   who held PLACE over time, or at DATE\n"
    "  control --admin1 A --at DATE  every place of A at DATE\n"
    "  export --format F     acled-csv, jsonl, geojson (events, with the filters)\n"
    "                        or graphml, dot (actor network at --at DATE, else\n"
    "                        over --from/--to) [-o FILE]\n"
    "  documents [DOC_ID]    stored documents, or one with its text, comments\n"
    "                        and the evidence of every fact\n"
    "\n"
    "Options:\n"
    "  --db TARGET           SQLite file or postgresql://... URI\n"
    "                        (default: $SITREP_DB, else sitrep.db)\n"
    "  --json                JSON lines instead of a table\n"
    "  --actor NAME          name, alias or id\n"
    "  --type T              event type or sub-event type\n"
    "  --from DATE, --to DATE  inclusive; YYYY, YYYY-MM or YYYY-MM-DD\n"
    "  --admin1 A, --admin2 A  governorate, district\n"
    "  --near PLACE --km N   within N km of PLACE\n"
    "  --limit N, --offset N   pagination\n"
    "  --at DATE             relations, control, export graphs\n"
    "  --format F, -o FILE   export\n"
    "  --data DIR          knowledge files (as for code; --cache is ignored)\n"
    "  -h, --help            this text\n";

typedef struct qopts {
    const char *db, *at, *format, *output, *data, *cache;
    const char *arg; /* the positional argument */
    int json;
    sr_event_query q;
    int has_km;
} qopts;

static int usage_error(const char *fmt, const char *what)
{
    fputs("sitrep: ", stderr);
    fprintf(stderr, fmt, what);
    fputs("\n(sitrep COMMAND --help for usage)\n", stderr);
    return 2;
}

static int parse_size(const char *opt, const char *v, size_t *out)
{
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (!*v || *end || v[0] == '-') {
        fprintf(stderr, "sitrep: %s needs a whole number, not '%s'\n", opt, v);
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

/* Options as "--name VALUE" or "--name=VALUE". */
static int parse(int argc, char **argv, qopts *o)
{
    static const char *const valued[] = {"--db",    "--at",     "--format", "-o",     "--output",
                                         "--data",  "--cache",  "--actor",  "--type", "--from",
                                         "--to",    "--admin1", "--admin2", "--near", "--km",
                                         "--limit", "--offset", "--prefix"};
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(query_usage, stdout);
            exit(0);
        }
        if (!strcmp(a, "--json")) {
            o->json = 1;
            continue;
        }
        if (a[0] != '-' || !a[1]) {
            if (o->arg)
                return usage_error("unexpected argument '%s'", a);
            o->arg = a;
            continue;
        }
        char name[32];
        const char *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), a);
        int known = 0;
        for (size_t k = 0; k < sizeof valued / sizeof *valued; k++)
            known |= !strcmp(name, valued[k]);
        if (!known)
            return usage_error("unknown option '%s'", a);
        if (eq)
            v = eq + 1;
        else if (i + 1 < argc)
            v = argv[++i];
        else
            return usage_error("%s needs a value", name);
        if (!strcmp(name, "--db"))
            o->db = v;
        else if (!strcmp(name, "--at"))
            o->at = v;
        else if (!strcmp(name, "--format"))
            o->format = v;
        else if (!strcmp(name, "-o") || !strcmp(name, "--output"))
            o->output = v;
        else if (!strcmp(name, "--data"))
            o->data = v;
        else if (!strcmp(name, "--cache"))
            o->cache = v;
        else if (!strcmp(name, "--actor"))
            o->q.actor = v;
        else if (!strcmp(name, "--type"))
            o->q.type = v;
        else if (!strcmp(name, "--from"))
            o->q.from = v;
        else if (!strcmp(name, "--to"))
            o->q.to = v;
        else if (!strcmp(name, "--admin1"))
            o->q.admin1 = v;
        else if (!strcmp(name, "--admin2"))
            o->q.admin2 = v;
        else if (!strcmp(name, "--near"))
            o->q.near = v;
        else if (!strcmp(name, "--prefix"))
            o->arg = v;
        else if (!strcmp(name, "--km")) {
            char *end;
            o->q.km = strtod(v, &end);
            if (!*v || *end || !(o->q.km > 0) || o->q.km > 20100)
                return usage_error("--km needs a distance in km (0 to 20100), not '%s'", v);
            o->has_km = 1;
        } else if (!strcmp(name, "--limit")) {
            if (parse_size("--limit", v, &o->q.limit))
                return 2;
        } else if (!strcmp(name, "--offset")) {
            if (parse_size("--offset", v, &o->q.offset))
                return 2;
        }
    }
    if (o->q.near && !o->has_km)
        return usage_error("%s", "--near needs --km N");
    if (o->has_km && !o->q.near)
        return usage_error("%s", "--km needs --near PLACE");
    return 0;
}


/* Loads the kb for name resolution.  Without one the store falls back on
 * its actors table, so a missing default data directory is not an error;
 * a --data that fails is. */
static int load_kb(const qopts *o, sr_kb **kb)
{
    char dir[PATH_MAX + 32], err[512] = "";
    sr_kb_options ko = {.data_dir = o->data, .cache_dir = o->cache};
    if (!ko.data_dir)
        ko.data_dir = cli_find_data_dir(dir, sizeof dir);
    struct stat sb;
    if (!o->data && !ko.data_dir && !getenv("SITREP_DATA") && stat("data/actors.tsv", &sb) != 0)
        return 0;
    if (sr_kb_load(kb, &ko, err, sizeof err) != SR_OK) {
        if (o->data) {
            fprintf(stderr, "sitrep: --data %s: %s\n", o->data, err);
            return -1;
        }
        *kb = NULL;
    }
    return 0;
}

static int write_out(const sr_buf *b)
{
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
        return -1;
    return fflush(stdout) ? -1 : 0;
}

/* Prints ANS (JSON lines) as asked; returns the exit status. */
static int show(const qopts *o, const sr_buf *ans, const char *const *cols, size_t ncols,
                int record)
{
    if (!ans->len)
        return 1;
    sr_buf t;
    sr_buf_init(&t, NULL);
    sr_status st = SR_OK;
    if (o->json)
        st = sr_buf_append(&t, ans->data, ans->len);
    else if (record)
        st = sr_store_record(ans->data, ans->len, &t);
    else
        st = sr_store_table(ans->data, ans->len, cols, ncols, &t);
    int rc = 0;
    if (st != SR_OK) {
        fprintf(stderr, "sitrep: cannot format the answer: %s\n", sr_status_str(st));
        rc = 2;
    } else if (write_out(&t)) {
        fprintf(stderr, "sitrep: cannot write the output\n");
        rc = 2;
    }
    sr_buf_free(&t);
    return rc;
}

static sr_export_format export_format(const char *f, int *ok)
{
    static const struct {
        const char *name;
        sr_export_format f;
    } m[] = {{"acled-csv", SR_EXPORT_ACLED_CSV}, {"csv", SR_EXPORT_ACLED_CSV},
             {"jsonl", SR_EXPORT_JSONL},         {"geojson", SR_EXPORT_GEOJSON},
             {"graphml", SR_EXPORT_GRAPHML},     {"dot", SR_EXPORT_DOT}};
    for (size_t i = 0; f && i < sizeof m / sizeof *m; i++)
        if (!strcmp(f, m[i].name)) {
            *ok = 1;
            return m[i].f;
        }
    *ok = 0;
    return SR_EXPORT_JSONL;
}

static const char *const event_cols[] = {"event_date", "event_id",   "sub_event_type",
                                         "actor1",     "actor2",     "location",
                                         "admin1",     "fatalities", "n_sources"};
static const char *const timeline_cols[] = {
    "event_date", "sub_event_type", "role", "counterpart", "location", "fatalities", "n_sources"};
static const char *const actors_cols[] = {"id", "name", "kind", "country", "events"};
static const char *const relation_cols[] = {"type",           "subject",  "object",
                                            "valid_from",     "valid_to", "confidence",
                                            "closed_by.type", "evidence"};
static const char *const control_cols[] = {"place.location", "place.admin1", "subject",
                                           "valid_from",     "valid_to",     "confidence",
                                           "evidence"};
static const char *const document_cols[] = {"doc_id", "published", "title",
                                            "events", "relations", "comments"};
#define N(a) (sizeof(a) / sizeof *(a))

/* Which commands resolve names through the kb. */
static int needs_kb(const char *cmd, const qopts *o)
{
    return !strcmp(cmd, "timeline") || !strcmp(cmd, "actor") || o->q.actor || o->q.near ||
           (!strcmp(cmd, "control") && o->arg) || (!strcmp(cmd, "relations") && o->arg);
}

static int run_query(const char *cmd, const qopts *o, sr_store *st)
{
    sr_buf ans;
    sr_buf_init(&ans, NULL);
    char err[512] = "";
    sr_status s = SR_OK;
    const char *const *cols = event_cols;
    size_t ncols = N(event_cols);
    int record = 0;
    if (!strcmp(cmd, "events")) {
        if (o->arg) {
            s = sr_store_event(st, o->arg, &ans, err, sizeof err);
            record = 1;
        } else {
            s = sr_store_events(st, &o->q, &ans, err, sizeof err);
        }
    } else if (!strcmp(cmd, "timeline")) {
        if (!o->arg && !o->q.actor) {
            sr_buf_free(&ans);
            return usage_error("%s", "timeline needs an ACTOR");
        }
        s = sr_store_timeline(st, o->arg ? o->arg : o->q.actor, &ans, err, sizeof err);
        cols = timeline_cols, ncols = N(timeline_cols);
    } else if (!strcmp(cmd, "actor")) {
        if (!o->arg && !o->q.actor) {
            sr_buf_free(&ans);
            return usage_error("%s", "actor needs a NAME");
        }
        s = sr_store_actor(st, o->arg ? o->arg : o->q.actor, &ans, err, sizeof err);
        record = 1;
    } else if (!strcmp(cmd, "actors")) {
        s = sr_store_actors(st, o->arg, &ans, err, sizeof err);
        cols = actors_cols, ncols = N(actors_cols);
    } else if (!strcmp(cmd, "relations")) {
        s = sr_store_relations(st, o->at, o->q.actor ? o->q.actor : o->arg, &ans, err, sizeof err);
        cols = relation_cols, ncols = N(relation_cols);
    } else if (!strcmp(cmd, "control")) {
        if (!o->arg && !(o->q.admin1 && o->at)) {
            sr_buf_free(&ans);
            return usage_error("%s", "control needs a PLACE, or --admin1 A --at DATE");
        }
        s = sr_store_control(st, o->arg, o->at, o->arg ? NULL : o->q.admin1, &ans, err, sizeof err);
        cols = control_cols, ncols = N(control_cols);
    } else if (!strcmp(cmd, "documents")) {
        if (o->arg) {
            s = sr_store_document(st, o->arg, &ans, err, sizeof err);
            record = 1;
        } else {
            s = sr_store_documents(st, o->q.limit, o->q.offset, &ans, err, sizeof err);
            cols = document_cols, ncols = N(document_cols);
        }
    }
    int rc;
    if (s == SR_DONE) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, err);
        rc = 1;
    } else if (s != SR_OK) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, err);
        rc = 2;
    } else {
        rc = show(o, &ans, cols, ncols, record);
    }
    sr_buf_free(&ans);
    return rc;
}

static int run_export(const qopts *o, sr_store *st)
{
    int ok;
    sr_export_format f = export_format(o->format, &ok);
    if (!ok)
        return usage_error("export needs --format acled-csv, jsonl, geojson, graphml or dot%s",
                           o->format ? "" : " (none given)");
    FILE *out = stdout;
    if (o->output && strcmp(o->output, "-") && !(out = fopen(o->output, "w"))) {
        fprintf(stderr, "sitrep export: cannot write %s\n", o->output);
        return 2;
    }
    char err[512] = "";
    sr_status s = sr_store_export(st, f, &o->q, o->at, out, err, sizeof err);
    int rc = 0;
    if (s != SR_OK) {
        fprintf(stderr, "sitrep export: %s\n", err);
        rc = 2;
    }
    if (out != stdout && fclose(out) != 0 && !rc) {
        fprintf(stderr, "sitrep export: cannot write %s\n", o->output);
        rc = 2;
    }
    return rc;
}

int cli_query(const char *cmd, int argc, char **argv)
{
    qopts o;
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    if (o.arg && !strcmp(cmd, "export"))
        return usage_error("export takes no argument ('%s'); use the filter options", o.arg);
    sr_kb *kb = NULL;
    if (needs_kb(cmd, &o) && load_kb(&o, &kb))
        return 2;
    const char *target = o.db ? o.db : getenv("SITREP_DB");
    if (!target || !*target)
        target = SR_CLI_DEFAULT_DB;
    struct stat sb;
    if (strncmp(target, "postgres", 8) && stat(target, &sb) != 0) {
        fprintf(stderr, "sitrep %s: no database at %s (run sitrep ingest, or give --db)\n", cmd,
                target);
        sr_kb_free(kb);
        return 2;
    }
    sr_store *st = NULL;
    char err[512] = "";
    if (sr_store_open(&st, target, kb, 1, err, sizeof err) != SR_OK) {
        fprintf(stderr, "sitrep %s: cannot open the database %s: %s\n", cmd, target, err);
        sr_kb_free(kb);
        return 2;
    }
    rc = !strcmp(cmd, "export") ? run_export(&o, st) : run_query(cmd, &o, st);
    sr_store_close(st);
    sr_kb_free(kb);
    return rc;
}
