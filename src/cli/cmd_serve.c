/* cmd_serve.c - sitrep serve: the HTTP API and web page over a database.
 *
 * Parses options, loads the knowledge base (for name look-ups in queries),
 * starts the library's server (serve.h), prints where it listens and the
 * ingest token, then sleeps in sigwait until SIGINT or SIGTERM and shuts
 * down cleanly: the daemon stops, running requests finish, the database
 * handles close.  The signals are blocked before any thread starts, so
 * every server thread inherits the mask and only sigwait sees them. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/analyze.h"
#include "sitrep/kb.h"
#include "sitrep/serve.h"

#include "cli.h"

static const char serve_usage[] =
    "usage: sitrep serve [--db TARGET] [OPTIONS]\n"
    "\n"
    "Serves the JSON API (docs/API.md) and the web page at http://ADDR:PORT/.\n"
    "\n"
    "Options:\n"
    "  --db TARGET        SQLite file or postgresql://... URI\n"
    "                     (default: $SITREP_DB, else " SR_CLI_DEFAULT_DB ")\n"
    "  --listen ADDR      IPv4 or IPv6 address to bind (default 127.0.0.1)\n"
    "  --port N           TCP port (default 8080)\n"
    "  --token TOKEN      bearer token for POST /api/ingest (default: $SITREP_TOKEN,\n"
    "                     else 32 random hex digits, printed at start-up)\n"
    "  --token-file FILE  read the token from the first line of FILE\n"
    "  --read-only        open the database read-only; POST /api/ingest gets 403\n"
    "  --max-body N       largest request body in bytes (default 8388608; else 413)\n"
    "  -j, --threads N    worker threads, each with its own database handle\n"
    "                     (default 4)\n"
    "  --max-conns N      open connections at most (default 64)\n"
    "  --timeout S        close a connection idle for S seconds (default 30)\n"
    "  --data DIR         knowledge files, for actor and place names in queries\n"
    "                     (default: $SITREP_DATA, else ./data)\n"
    "  --cache DIR        accepted and ignored (the matcher needs no cache)\n"
    "  -h, --help         this text\n";

static int parse_uint(const char *opt, const char *s, unsigned long long min,
                      unsigned long long max, unsigned long long *v)
{
    char *end;
    errno = 0;
    *v = strtoull(s, &end, 10);
    if (!*s || *end || errno || *v < min || *v > max || *s == '-') {
        fprintf(stderr, "sitrep: serve: %s needs a number from %llu to %llu\n", opt, min, max);
        return -1;
    }
    return 0;
}

static int read_token_file(const char *path, char *tok, size_t n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sitrep: serve: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!fgets(tok, (int)n, f))
        tok[0] = '\0';
    fclose(f);
    tok[strcspn(tok, "\r\n")] = '\0';
    if (!tok[0]) {
        fprintf(stderr, "sitrep: serve: %s holds no token\n", path);
        return -1;
    }
    return 0;
}

/* The pipeline behind POST /api/ingest for article lines (the server calls
 * it under its ingest lock, so one annotator and one scratch document do). */
typedef struct analyzer {
    const sr_kb *kb;
    sr_annotator *an;
    sr_doc doc;
} analyzer;

static sr_status analyze_article(void *ctx, const char *line, size_t len, sr_buf *bundle,
                                 char *err, size_t errlen)
{
    analyzer *az = ctx;
    return sr_analyze_jsonl(az->kb, az->an, &az->doc, line, len, bundle, err, errlen);
}

int cli_serve(int argc, char **argv)
{
    sr_serve_options o = {0};
    sr_kb_options ko = {0};
    char token_buf[300];
    unsigned long long v;
    o.db = getenv("SITREP_DB");
    o.token = getenv("SITREP_TOKEN");
    if (o.token && !*o.token)
        o.token = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(serve_usage, stdout);
            return 0;
        } else if (!strcmp(a, "--read-only")) {
            o.readonly = 1;
        } else if (!has && a[0] == '-') {
            fprintf(stderr, "sitrep: serve: %s needs a value\n%s", a, serve_usage);
            return 2;
        } else if (!strcmp(a, "--db")) {
            o.db = argv[++i];
        } else if (!strcmp(a, "--listen")) {
            o.listen = argv[++i];
        } else if (!strcmp(a, "--port")) {
            if (parse_uint(a, argv[++i], 1, 65535, &v))
                return 2;
            o.port = (unsigned)v;
        } else if (!strcmp(a, "--token")) {
            o.token = argv[++i];
        } else if (!strcmp(a, "--token-file")) {
            if (read_token_file(argv[++i], token_buf, sizeof token_buf))
                return 2;
            o.token = token_buf;
        } else if (!strcmp(a, "--max-body")) {
            if (parse_uint(a, argv[++i], 1, (unsigned long long)1 << 30, &v))
                return 2;
            o.max_body = (size_t)v;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--threads")) {
            if (parse_uint(a, argv[++i], 1, 64, &v))
                return 2;
            o.threads = (unsigned)v;
        } else if (!strcmp(a, "--max-conns")) {
            if (parse_uint(a, argv[++i], 1, 100000, &v))
                return 2;
            o.max_conns = (unsigned)v;
        } else if (!strcmp(a, "--timeout")) {
            if (parse_uint(a, argv[++i], 1, 3600, &v))
                return 2;
            o.timeout_s = (unsigned)v;
        } else if (!strcmp(a, "--data")) {
            ko.data_dir = argv[++i];
        } else if (!strcmp(a, "--cache")) {
            ko.cache_dir = argv[++i];
        } else {
            fprintf(stderr, "sitrep: serve: unknown argument '%s'\n%s", a, serve_usage);
            return 2;
        }
    }
    if (!o.db || !*o.db)
        o.db = SR_CLI_DEFAULT_DB;
    if (o.token && strlen(o.token) < 8) {
        fprintf(stderr, "sitrep: serve: a token needs at least 8 characters\n");
        return 2;
    }

    char err[512];
    sr_kb *kb = NULL;
    if (sr_kb_load(&kb, &ko, err, sizeof err) != SR_OK) {
        fprintf(stderr, "sitrep: serve: %s\n", err);
        return 2;
    }
    o.kb = kb;
    /* POST /api/ingest also takes articles: run the pipeline on each */
    analyzer az = {kb, NULL, {0}};
    if (sr_annotator_new(&az.an, kb) != SR_OK || sr_doc_init(&az.doc, NULL) != SR_OK) {
        fprintf(stderr, "sitrep: serve: out of memory\n");
        sr_kb_free(kb);
        return 2;
    }
    o.analyze = analyze_article;
    o.analyze_ctx = &az;

    /* block before any thread exists: every thread inherits the mask */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    sr_global_init();
    sr_server *srv = NULL;
    if (sr_server_new(&srv, &o, err, sizeof err) != SR_OK ||
        sr_server_listen(srv, err, sizeof err) != SR_OK) {
        fprintf(stderr, "sitrep: serve: %s\n", err);
        sr_server_free(srv);
        sr_annotator_free(az.an);
        sr_doc_free(&az.doc);
        sr_kb_free(kb);
        return 2;
    }
    const char *addr = o.listen ? o.listen : "127.0.0.1";
    int v6 = strchr(addr, ':') != NULL;
    fprintf(stderr, "sitrep: serving %s on http://%s%s%s:%u/%s\n", o.db, v6 ? "[" : "", addr,
            v6 ? "]" : "", sr_server_port(srv), o.readonly ? " (read-only)" : "");
    if (!o.readonly && !o.token)
        fprintf(stderr, "sitrep: ingest token: %s\n", sr_server_token(srv));
    fflush(stderr);

    int sig = 0;
    while (sigwait(&sigs, &sig) != 0)
        ;
    fprintf(stderr, "sitrep: %s: shutting down\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    sr_server_free(srv);
    sr_annotator_free(az.an);
    sr_doc_free(&az.doc);
    sr_kb_free(kb);
    return 0;
}
