/* main.c - the sitrep command line: a thin layer over libsitrep.
 *
 * It parses options, opens readers over the inputs, hands each document to
 * the library and writes what comes back.  It is the only place that prints
 * or chooses an exit status:
 *   0  every document was processed
 *   1  some records were rejected (each named on stderr); the rest is output
 *   2  usage error, or the output could not be written */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sitrep/analyze.h"
#include "sitrep/annotate.h"
#include "sitrep/buf.h"
#include "sitrep/clean.h"
#include "sitrep/code.h"
#include "sitrep/eval.h"
#include "sitrep/reader.h"
#include "sitrep/relations.h"
#include "sitrep/store.h"

#include "cli.h"

static const char usage_text[] =
    "usage: sitrep COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Commands:\n"
    "  clean      separate report text from comments and boilerplate (JSON lines)\n"
    "  entities   actors, places, dates, numbers, sources and hedges in the report\n"
    "  code       ACLED-style events (JSON lines, or --format acled-csv)\n"
    "  relations  dated facts: member_of, allied, hostile, backed_by, leads,\n"
    "             formerly, controls (JSON lines); with --at DATE: the picture\n"
    "             in the database at that date (see `sitrep relations --at -h`)\n"
    "  analyze    everything about each document in one JSON line (a bundle)\n"
    "  ingest     analyze articles (or read --bundles) into the database (--db)\n"
    "  events, timeline, actor, actors, control, export, documents\n"
    "             query the database (each has -h)\n"
    "  serve      HTTP API and web page over the database (-h)\n"
    "  eval GOLD --events FILE [--actors FILE] [--json]\n"
    "             score events against a gold file (precision, recall, F1, fields)\n"
    "  read       print documents as read, before cleaning (JSON lines)\n"
    "  version    print the version\n"
    "\n"
    "INPUT is a file, a directory (walked recursively) or - for standard input\n"
    "(the default).  Formats: plain text, JSON lines, HTML, WARC; any of them\n"
    "gzip-compressed.  The format is guessed from the name, then the content.\n"
    "\n"
    "Options:\n"
    "  --format F          input format: text, jsonl, html, warc; for code also the\n"
    "                      output format: jsonl (default) or acled-csv\n"
    "  --statements FILE   code: write statements (ACCUSE, DENY, ...) to FILE\n"
    "  --db TARGET         ingest: SQLite file or postgresql://... URI\n"
    "                      (default: $SITREP_DB, else sitrep.db)\n"
    "  --bundles           ingest: inputs are `sitrep analyze` lines, not articles\n"
    "  --max-doc-bytes N   reject larger records (default 33554432)\n"
    "  --data DIR          knowledge files (default: $SITREP_DATA, else ./data)\n"
    "  --cache DIR         accepted and ignored: the matcher needs no cache now\n"
    "  -j, --threads N     worker threads (default: all cores); output order is the\n"
    "                      input order whatever N\n"
    "  -q, --quiet         no summary line\n"
    "  -h, --help          this text\n";

typedef struct cli_opts {
    sr_reader_options reader;
    sr_kb_options kb;
    int acled_csv;
    const char *statements;
    const char *db;
    int bundles;
    int threads; /* -j N; default: the online cores */
    int quiet;
    const char **inputs;
    int ninputs;
} cli_opts;

typedef struct counts {
    unsigned long long read, ok, rejected, sentences, events, mentions;
    unsigned long long added, replaced, unchanged; /* ingest */
} counts;

static int parse_opts(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs)
        return -1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--format") && i + 1 < argc && !strcmp(argv[i + 1], "acled-csv")) {
            o->acled_csv = 1;
            i++;
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--threads") ||
                    (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9')) &&
                   (a[2] || i + 1 < argc)) {
            o->threads = atoi(a[1] == 'j' && a[2] ? a + 2 : argv[++i]);
            if (o->threads < 1 || o->threads > 256) {
                fprintf(stderr, "sitrep: -j needs a number of threads from 1 to 256\n");
                return -1;
            }
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            o->db = argv[++i];
        } else if (!strcmp(a, "--bundles")) {
            o->bundles = 1;
        } else if (!strcmp(a, "--statements") && i + 1 < argc) {
            o->statements = argv[++i];
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            if (sr_input_format_parse(argv[++i], &o->reader.format) != SR_OK) {
                fprintf(stderr, "sitrep: unknown format '%s' (text, jsonl, html, warc)\n", argv[i]);
                return -1;
            }
        } else if (!strcmp(a, "--max-doc-bytes") && i + 1 < argc) {
            char *end;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (*end || !v) {
                fprintf(stderr, "sitrep: --max-doc-bytes needs a positive number\n");
                return -1;
            }
            o->reader.max_doc_bytes = (size_t)v;
        } else if (!strcmp(a, "--data") && i + 1 < argc) {
            o->kb.data_dir = argv[++i];
        } else if (!strcmp(a, "--cache") && i + 1 < argc) {
            o->kb.cache_dir = argv[++i];
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sitrep: unknown option '%s'\n%s", a, usage_text);
            return -1;
        } else {
            o->inputs[o->ninputs++] = a;
        }
    }
    if (!o->ninputs)
        o->inputs[o->ninputs++] = "-";
    if (!o->threads) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->threads = cores > 0 ? (int)(cores < 64 ? cores : 64) : 1;
    }
    return 0;
}

/* Without --data or $SITREP_DATA, and with no ./data here, look beside the
 * executable (a build tree or an install prefix), so sitrep works from any
 * directory (cli.h).  BUF receives the path. */
const char *cli_find_data_dir(char *buf, size_t n)
{
    struct stat sb;
    if (getenv("SITREP_DATA") || stat("data/actors.tsv", &sb) == 0)
        return NULL;
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k <= 0)
        return NULL;
    exe[k] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"data", "../data", "../share/sitrep/data"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        snprintf(buf, n, "%s/%s/actors.tsv", exe, rel[i]);
        if (stat(buf, &sb) == 0) {
            snprintf(buf, n, "%s/%s", exe, rel[i]);
            return buf;
        }
    }
    return NULL;
}

static void emit_read(const sr_doc *d, sr_buf *b)
{
    int first = 1;
    sr_buf_putc(b, '{');
    sr_json_key(b, "id", &first);
    sr_json_cstr(b, d->id);
    sr_json_key(b, "origin", &first);
    sr_json_cstr(b, d->origin);
    sr_json_key(b, "url", &first);
    sr_json_cstr(b, d->url);
    sr_json_key(b, "title", &first);
    sr_json_cstr(b, d->title);
    sr_json_key(b, "published", &first);
    sr_json_cstr(b, d->published);
    sr_json_key(b, "source", &first);
    sr_json_cstr(b, d->source);
    sr_json_key(b, d->content_type == SR_CONTENT_HTML ? "html" : "text", &first);
    sr_json_string(b, d->body, d->body_len);
    sr_json_key(b, "utf8_replacements", &first);
    sr_buf_printf(b, "%zu", d->n_utf8_issues);
    if (d->extra_json) {
        sr_buf_putc(b, ',');
        sr_buf_puts(b, d->extra_json);
    }
    sr_buf_puts(b, "}\n");
}

typedef enum {
    CMD_CLEAN,
    CMD_READ,
    CMD_ENTITIES,
    CMD_CODE,
    CMD_RELATIONS,
    CMD_ANALYZE,
    CMD_INGEST
} command;

/* The pipeline runs in batches: the main thread reads up to BATCH
 * documents (reading is sequential), worker threads process them in
 * parallel, each with its own annotator, and the main thread writes the
 * results in input order.  Output is therefore byte-identical whatever the
 * number of threads.  Memory: BATCH documents and their results. */
#define BATCH_PER_THREAD 32

typedef struct slot {
    sr_doc doc;
    sr_buf out, stmts, msg; /* results, statements, stderr lines */
    int read_status;        /* SR_OK, SR_REJECT */
    long long rec;          /* 1-based record number in the whole input */
    int ok;                 /* processed without rejection */
    size_t sentences, events, mentions;
} slot;

typedef struct shared {
    command cmd;
    const cli_opts *o;
    const sr_kb *kb;
    slot *slots;
    size_t n;
    size_t next; /* next slot to process, taken under the lock */
    pthread_mutex_t lock;
} shared;

typedef struct worker {
    shared *sh;
    sr_annotator *an;
    pthread_t tid;
} worker;

static void msgf(sr_buf *b, const char *fmt, const char *a, const char *c)
{
    sr_buf_printf(b, fmt, a, c);
}

static void process(shared *sh, sr_annotator *an, slot *sl)
{
    const cli_opts *o = sh->o;
    sr_doc *doc = &sl->doc;
    const char *origin = doc->origin ? doc->origin : "?";
    sl->ok = 0;
    sl->sentences = sl->events = sl->mentions = 0;
    if (sh->cmd == CMD_READ) {
        emit_read(doc, &sl->out);
        sl->ok = 1;
        return;
    }
    sr_cleaned c;
    sr_status st = sr_clean(doc, &c);
    if (st != SR_OK) {
        msgf(&sl->msg, "sitrep: rejected %s: %s\n", origin,
             c.n_warnings ? c.warnings[c.n_warnings - 1] : sr_status_str(st));
        return;
    }
    if (sh->cmd == CMD_CLEAN) {
        sr_clean_to_json(doc, &c, &sl->out);
        sl->ok = 1;
        return;
    }
    sr_annotation ann;
    sr_coding cod;
    sr_relation_set rel;
    int coding = sh->cmd != CMD_ENTITIES;
    st = sr_annotate(an, doc, &c, &ann);
    if (st == SR_OK && coding)
        st = sr_code(sh->kb, doc, &c, &ann, &cod);
    if (st == SR_OK && coding && sh->cmd != CMD_CODE)
        st = sr_relations_extract(sh->kb, doc, &c, &ann, &cod, &rel);
    if (st != SR_OK) {
        msgf(&sl->msg, "sitrep: %s: processing failed: %s\n", origin, sr_status_str(st));
        return;
    }
    sl->sentences = ann.n_sentences;
    sl->mentions = ann.n_mentions;
    if (coding)
        sl->events = cod.n_events;
    if (sh->cmd == CMD_ENTITIES)
        sr_annotation_to_json(sh->kb, doc, &c, &ann, &sl->out);
    else if (sh->cmd == CMD_RELATIONS)
        sr_relations_to_json(sh->kb, doc, &c, &rel, &sl->out);
    else if (sh->cmd == CMD_ANALYZE || sh->cmd == CMD_INGEST)
        sr_bundle_write(sh->kb, doc, &c, &ann, &cod, &rel, &sl->out);
    else if (o->acled_csv)
        sr_coding_to_acled_csv(sh->kb, doc, &c, &cod, 0, &sl->out);
    else
        sr_coding_to_json(sh->kb, doc, &c, &cod, &sl->out);
    if (o->statements && sh->cmd == CMD_CODE)
        sr_statements_to_json(sh->kb, doc, &c, &cod, &sl->stmts);
    sl->ok = sl->out.status == SR_OK;
}

static void *work(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    for (;;) {
        pthread_mutex_lock(&sh->lock);
        size_t i = sh->next++;
        pthread_mutex_unlock(&sh->lock);
        if (i >= sh->n)
            break;
        if (sh->slots[i].read_status == SR_OK)
            process(sh, w->an, &sh->slots[i]);
    }
    return NULL;
}

static int write_buf(const sr_buf *b, FILE *f)
{
    if (b->status != SR_OK)
        return -1;
    return b->len && fwrite(b->data, 1, b->len, f) != b->len ? -1 : 0;
}

/* ---- ingest ---- */

/* Names a resumable ingest run: a hash of every input's name, size and
 * modification time.  Empty (no resuming) when an input is standard input
 * or cannot be examined. */
static void run_key(const cli_opts *o, char *key, size_t n)
{
    unsigned long long h = 1469598103934665603ull;
    key[0] = '\0';
    for (int i = 0; i < o->ninputs; i++) {
        struct stat sb;
        if (!strcmp(o->inputs[i], "-") || stat(o->inputs[i], &sb))
            return;
        char buf[PATH_MAX + 64];
        int len = snprintf(buf, sizeof buf, "%s|%lld|%lld.%09ld|%d|", o->inputs[i],
                           (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
                           (long)sb.st_mtim.tv_nsec, o->bundles);
        for (int k = 0; k < len && k < (int)sizeof buf; k++)
            h = (h ^ (unsigned char)buf[k]) * 1099511628211ull;
    }
    snprintf(key, n, "run-%016llx", h);
}

static int open_store(const cli_opts *o, const sr_kb *kb, sr_store **out)
{
    const char *target = o->db ? o->db : getenv("SITREP_DB");
    if (!target || !*target)
        target = SR_CLI_DEFAULT_DB;
    char err[512] = "";
    if (sr_store_open(out, target, kb, 0, err, sizeof err) != SR_OK) {
        fprintf(stderr, "sitrep: cannot open the database %s: %s\n", target, err);
        return -1;
    }
    if (kb && sr_store_load_kb(*out, kb) != SR_OK) {
        fprintf(stderr, "sitrep: %s: cannot store the knowledge base: %s\n", target,
                sr_store_errmsg(*out));
        sr_store_close(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* Ingests one bundle; a bad bundle is named and skipped (returns 0), a
 * database failure stops the run (returns -1). */
static int ingest_one(sr_store *st, const char *where, const sr_buf *b, counts *n)
{
    char err[512] = "";
    sr_ingest_result res;
    size_t len = b->len;
    while (len && b->data[len - 1] == '\n')
        len--;
    sr_status s = sr_store_ingest(st, b->data, len, &res, err, sizeof err);
    if (s == SR_EFORMAT) {
        fprintf(stderr, "sitrep: rejected %s: %s\n", where ? where : "?", err);
        n->ok--;
        n->rejected++;
        return 0;
    }
    if (s != SR_OK) {
        fprintf(stderr, "sitrep: %s: cannot store: %s\n", where ? where : "?",
                err[0] ? err : sr_status_str(s));
        return -1;
    }
    if (res == SR_INGEST_ADDED)
        n->added++;
    else if (res == SR_INGEST_REPLACED)
        n->replaced++;
    else
        n->unchanged++;
    return 0;
}

/* Progress on a terminal: documents/s, MB/s and, when the inputs are
 * regular files, the ETA.  Silent in pipes and with -q. */
typedef struct progress {
    int on;
    double t0, last;
    unsigned long long bytes, total;
} progress;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_start(progress *p, const cli_opts *o, int want)
{
    memset(p, 0, sizeof *p);
    p->on = want && !o->quiet && isatty(2);
    p->t0 = p->last = now_s();
    for (int i = 0; p->on && i < o->ninputs; i++) {
        struct stat sb;
        if (strcmp(o->inputs[i], "-") && !stat(o->inputs[i], &sb) && S_ISREG(sb.st_mode))
            p->total += (unsigned long long)sb.st_size;
    }
}

static void progress_show(progress *p, unsigned long long docs, int final)
{
    if (!p->on)
        return;
    double t = now_s();
    if (!final && t - p->last < 0.5)
        return;
    p->last = t;
    double el = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
    double rate = p->bytes / el;
    fprintf(stderr, "\r%llu documents  %.1f docs/s  %.2f MB/s", docs, docs / el, rate / 1e6);
    if (p->total > p->bytes && rate > 0)
        fprintf(stderr, "  ETA %.0f s   ", (p->total - p->bytes) / rate);
    else
        fputs("             ", stderr);
    if (final)
        fputc('\n', stderr);
}

/* sitrep ingest --bundles: each input line is a bundle from `sitrep
 * analyze` (for example made on other machines). */
static int ingest_bundles(const cli_opts *o, sr_store *st, counts *n)
{
    int fatal = 0;
    sr_buf b;
    sr_buf_init(&b, NULL);
    char *line = NULL;
    size_t cap = 0;
    char rkey[40];
    long long resume = 0, rec = 0;
    run_key(o, rkey, sizeof rkey);
    if (rkey[0] && sr_store_progress(st, rkey, &resume) != SR_OK)
        resume = 0;
    for (int i = 0; i < o->ninputs && !fatal; i++) {
        const char *path = o->inputs[i];
        FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
        if (!f) {
            fprintf(stderr, "sitrep: cannot open %s\n", path);
            n->rejected++;
            continue;
        }
        ssize_t len;
        unsigned long long lineno = 0;
        while (!fatal && (len = getline(&line, &cap, f)) >= 0) {
            lineno++;
            if (++rec <= resume || len <= 1)
                continue;
            if (rkey[0])
                sr_store_set_progress(st, rkey, rec);
            char where[PATH_MAX + 32];
            snprintf(where, sizeof where, "%s:%llu", path, lineno);
            sr_buf_clear(&b);
            sr_buf_append(&b, line, (size_t)len);
            n->read++;
            n->ok++;
            if (ingest_one(st, where, &b, n))
                fatal = 1;
        }
        if (f != stdin)
            fclose(f);
    }
    free(line);
    sr_buf_free(&b);
    if (!fatal && rkey[0] && sr_store_progress_clear(st, rkey) != SR_OK)
        fatal = 1;
    if (!fatal && sr_store_finish(st) != SR_OK) {
        fprintf(stderr, "sitrep: ingest: cannot update the relation picture: %s\n",
                sr_store_errmsg(st));
        fatal = 1;
    }
    if (!o->quiet)
        fprintf(stderr,
                "sitrep ingest: %llu bundles read, %llu added, %llu replaced, %llu unchanged, "
                "%llu rejected\n",
                n->read, n->added, n->replaced, n->unchanged, n->rejected);
    return fatal ? 2 : n->rejected ? 1 : 0;
}

static int run(command cmd, const char *name, cli_opts *o)
{
    counts n = {0};
    int fatal = 0;
    sr_kb *kb = NULL;
    char data_dir[PATH_MAX + 32];
    int needs_kb = cmd != CMD_CLEAN && cmd != CMD_READ;
    if (needs_kb && !o->kb.data_dir)
        o->kb.data_dir = cli_find_data_dir(data_dir, sizeof data_dir);
    if (needs_kb) {
        char err[512] = "";
        sr_status st = sr_kb_load(&kb, &o->kb, err, sizeof err);
        if (st != SR_OK) {
            fprintf(stderr, "sitrep: cannot load the knowledge base: %s\n",
                    err[0] ? err : sr_status_str(st));
            return 2;
        }
    }
    sr_store *store = NULL;
    if (cmd == CMD_INGEST && open_store(o, kb, &store)) {
        sr_kb_free(kb);
        return 2;
    }
    if (cmd == CMD_INGEST && o->bundles) {
        int rc = ingest_bundles(o, store, &n);
        sr_store_close(store);
        sr_kb_free(kb);
        return rc;
    }
    progress pg;
    progress_start(&pg, o, cmd == CMD_INGEST);
    /* a killed ingest over the same inputs resumes where it stopped */
    char rkey[40] = "";
    long long resume = 0, rec = 0;
    if (store) {
        run_key(o, rkey, sizeof rkey);
        if (rkey[0] && sr_store_progress(store, rkey, &resume) != SR_OK)
            resume = 0;
        if (resume && !o->quiet)
            fprintf(stderr, "sitrep ingest: resuming an interrupted run after record %lld\n",
                    resume);
    }
    FILE *stmts = NULL;
    if (cmd == CMD_CODE && o->statements && !(stmts = fopen(o->statements, "w"))) {
        fprintf(stderr, "sitrep: cannot write %s\n", o->statements);
        sr_kb_free(kb);
        return 2;
    }
    int threads = o->threads > 0 ? o->threads : 1;
    size_t nslots = (size_t)threads * BATCH_PER_THREAD;
    shared sh = {cmd, o, kb, calloc(nslots, sizeof(slot)), 0, 0, PTHREAD_MUTEX_INITIALIZER};
    worker *ws = calloc((size_t)threads, sizeof *ws);
    int init_ok = sh.slots && ws;
    for (size_t i = 0; init_ok && i < nslots; i++) {
        init_ok = sr_doc_init(&sh.slots[i].doc, o->reader.mem) == SR_OK;
        sr_buf_init(&sh.slots[i].out, NULL);
        sr_buf_init(&sh.slots[i].stmts, NULL);
        sr_buf_init(&sh.slots[i].msg, NULL);
    }
    for (int t = 0; init_ok && t < threads; t++) {
        ws[t].sh = &sh;
        if (needs_kb && sr_annotator_new(&ws[t].an, kb) != SR_OK)
            init_ok = 0;
    }
    if (!init_ok) {
        fprintf(stderr, "sitrep: out of memory\n");
        fatal = 1;
    }
    int csv_header = o->acled_csv && cmd == CMD_CODE;
    int input = 0;
    sr_reader *r = NULL;
    int input_done = 0;
    while (!fatal && !input_done) {
        /* read a batch (sequential) */
        size_t filled = 0;
        while (filled < nslots) {
            if (!r) {
                if (input == o->ninputs) {
                    input_done = 1;
                    break;
                }
                char err[512];
                if (sr_reader_open(&r, o->inputs[input++], &o->reader, err, sizeof err) != SR_OK) {
                    slot *sl = &sh.slots[filled++];
                    sr_doc_reset(&sl->doc);
                    sl->read_status = SR_REJECT;
                    sr_buf_clear(&sl->msg);
                    sr_buf_clear(&sl->out);
                    sr_buf_clear(&sl->stmts);
                    sr_buf_printf(&sl->msg, "sitrep: %s\n", err);
                    r = NULL;
                    continue;
                }
            }
            slot *sl = &sh.slots[filled];
            sr_buf_clear(&sl->msg);
            sr_buf_clear(&sl->out);
            sr_buf_clear(&sl->stmts);
            sr_status st = sr_reader_next(r, &sl->doc);
            if (st == SR_DONE) {
                sr_reader_free(r);
                r = NULL;
                continue;
            }
            sl->rec = ++rec;
            if (rec <= resume && (st == SR_OK || st == SR_REJECT))
                continue; /* done by the interrupted run */
            filled++;
            sl->read_status = st == SR_OK ? SR_OK : SR_REJECT;
            if (st == SR_REJECT)
                sr_buf_printf(&sl->msg, "sitrep: rejected %s\n", sr_reader_error(r));
            else if (st != SR_OK) {
                sr_buf_printf(&sl->msg, "sitrep: %s: %s; stopping this input\n", sr_reader_error(r),
                              sr_status_str(st));
                sr_reader_free(r);
                r = NULL;
            }
        }
        /* process it (parallel) */
        sh.n = filled;
        sh.next = 0;
        int spawned = 0;
        if (threads > 1 && filled > 1) {
            for (int t = 0; t < threads; t++)
                if (pthread_create(&ws[t].tid, NULL, work, &ws[t]) == 0)
                    spawned++;
            for (int t = 0; t < spawned; t++)
                pthread_join(ws[t].tid, NULL);
        }
        if (!spawned)
            work(&ws[0]);
        /* write it (in input order) */
        for (size_t i = 0; i < filled; i++) {
            slot *sl = &sh.slots[i];
            n.read++;
            if (sl->read_status == SR_OK && sl->ok) {
                n.ok++;
                n.sentences += sl->sentences;
                n.events += sl->events;
                n.mentions += sl->mentions;
            } else
                n.rejected++;
            if (sl->msg.len)
                fputs(sl->msg.data, stderr);
            if (csv_header && sl->out.len) {
                sr_buf hb;
                sr_buf_init(&hb, NULL);
                sr_coding none = {0};
                sr_coding_to_acled_csv(kb, &sl->doc, NULL, &none, 1, &hb);
                write_buf(&hb, stdout);
                sr_buf_free(&hb);
                csv_header = 0;
            }
            pg.bytes += sl->doc.input_bytes;
            if (cmd == CMD_INGEST) {
                if (rkey[0])
                    sr_store_set_progress(store, rkey, sl->rec);
                if (sl->out.len && ingest_one(store, sl->doc.origin, &sl->out, &n))
                    fatal = 1;
                continue;
            }
            if (write_buf(&sl->out, stdout) || (stmts && write_buf(&sl->stmts, stmts)))
                fatal = 1;
        }
        progress_show(&pg, n.read, 0);
    }
    progress_show(&pg, n.read, 1);
    if (store && !fatal && rkey[0] && sr_store_progress_clear(store, rkey) != SR_OK) {
        fprintf(stderr, "sitrep: ingest: %s\n", sr_store_errmsg(store));
        fatal = 1;
    }
    if (store && !fatal) {
        if (sr_store_finish(store) != SR_OK) {
            fprintf(stderr, "sitrep: ingest: cannot update the relation picture: %s\n",
                    sr_store_errmsg(store));
            fatal = 1;
        }
    }
    sr_store_close(store);
    sr_reader_free(r);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "sitrep: cannot write output\n");
        fatal = 1;
    }
    for (size_t i = 0; sh.slots && i < nslots; i++) {
        sr_doc_free(&sh.slots[i].doc);
        sr_buf_free(&sh.slots[i].out);
        sr_buf_free(&sh.slots[i].stmts);
        sr_buf_free(&sh.slots[i].msg);
    }
    for (int t = 0; ws && t < threads; t++)
        sr_annotator_free(ws[t].an);
    free(sh.slots);
    free(ws);
    sr_kb_free(kb);
    if (stmts && fclose(stmts)) {
        fprintf(stderr, "sitrep: cannot write %s\n", o->statements);
        fatal = 1;
    }
    if (!o->quiet)
        fprintf(stderr, "sitrep %s: %llu documents read, %llu %s, %llu rejected\n", name, n.read,
                n.ok,
                cmd == CMD_READ    ? "passed"
                : cmd == CMD_CLEAN ? "cleaned"
                : cmd == CMD_ENTITIES ? "annotated"
                : cmd == CMD_INGEST   ? "ingested"
                                      : "coded",
                n.rejected);
    if (!o->quiet && needs_kb)
        fprintf(stderr, "sitrep %s: %llu sentences, %llu mentions%s", name, n.sentences,
                n.mentions, cmd == CMD_ENTITIES ? "\n" : "");
    if (!o->quiet && needs_kb && cmd != CMD_ENTITIES)
        fprintf(stderr, ", %llu events\n", n.events);
    if (!o->quiet && cmd == CMD_INGEST)
        fprintf(stderr, "sitrep ingest: %llu added, %llu replaced, %llu unchanged\n", n.added,
                n.replaced, n.unchanged);
    return fatal ? 2 : n.rejected ? 1 : 0;
}

/* sitrep eval GOLD --events FILE [--actors FILE] [--json] */
static int run_eval(int argc, char **argv)
{
    const char *gold = NULL, *events = NULL, *actors = NULL;
    int json = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc)
            events = argv[++i];
        else if (!strcmp(argv[i], "--actors") && i + 1 < argc)
            actors = argv[++i];
        else if (!strcmp(argv[i], "--json"))
            json = 1;
        else if (argv[i][0] != '-' && !gold)
            gold = argv[i];
        else {
            fprintf(stderr, "sitrep eval: unexpected '%s'\n", argv[i]);
            return 2;
        }
    }
    if (!gold || !events) {
        fprintf(stderr, "usage: sitrep eval GOLD.json --events EVENTS.jsonl [--actors FILE] [--json]\n");
        return 2;
    }
    sr_eval_result r;
    char err[512] = "";
    sr_status st = sr_eval_events(gold, events, actors, NULL, &r, err, sizeof err);
    if (st != SR_OK) {
        fprintf(stderr, "sitrep eval: %s\n", err[0] ? err : sr_status_str(st));
        sr_eval_result_free(&r);
        return 2;
    }
    for (size_t i = 0; i < r.n_diags; i++)
        fprintf(stderr, "sitrep eval: %s\n", r.diags[i]);
    sr_buf b;
    sr_buf_init(&b, NULL);
    sr_eval_result_print(&r, &b, json);
    int rc = write_buf(&b, stdout) ? 2 : r.n_bad_lines ? 1 : 0;
    sr_buf_free(&b);
    sr_eval_result_free(&r);
    return rc;
}

int main(int argc, char **argv)
{
    sr_global_init();
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("sitrep %s\n", SR_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "eval"))
        return run_eval(argc - 2, argv + 2);
    if (!strcmp(cmd, "serve"))
        return cli_serve(argc - 2, argv + 2);
    if (!strcmp(cmd, "events") || !strcmp(cmd, "timeline") || !strcmp(cmd, "actor") ||
        !strcmp(cmd, "actors") || !strcmp(cmd, "control") || !strcmp(cmd, "export") ||
        !strcmp(cmd, "documents"))
        return cli_query(cmd, argc - 2, argv + 2);
    if (!strcmp(cmd, "relations")) {
        /* the query form reads the database; the plain form reads articles */
        for (int i = 2; i < argc; i++)
            if (!strcmp(argv[i], "--at") || !strncmp(argv[i], "--at=", 5) ||
                !strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5))
                return cli_query(cmd, argc - 2, argv + 2);
    }
    cli_opts o;
    command c;
    if (!strcmp(cmd, "clean"))
        c = CMD_CLEAN;
    else if (!strcmp(cmd, "read"))
        c = CMD_READ;
    else if (!strcmp(cmd, "entities"))
        c = CMD_ENTITIES;
    else if (!strcmp(cmd, "code"))
        c = CMD_CODE;
    else if (!strcmp(cmd, "relations"))
        c = CMD_RELATIONS;
    else if (!strcmp(cmd, "analyze"))
        c = CMD_ANALYZE;
    else if (!strcmp(cmd, "ingest"))
        c = CMD_INGEST;
    else {
        fprintf(stderr, "sitrep: unknown command '%s'\n%s", cmd, usage_text);
        return 2;
    }
    if (parse_opts(argc - 2, argv + 2, &o))
        return 2;
    int rc = run(c, cmd, &o);
    free(o.inputs);
    return rc;
}
