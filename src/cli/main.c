/* main.c - the sitrep command line: a thin layer over libsitrep.
 *
 * It parses options, opens readers over the inputs, hands each document to
 * the library and writes what comes back.  It is the only place that prints
 * or chooses an exit status:
 *   0  every document was processed
 *   1  some records were rejected (each named on stderr); the rest is output
 *   2  usage error, or the output could not be written */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/annotate.h"
#include "sitrep/buf.h"
#include "sitrep/clean.h"
#include "sitrep/code.h"
#include "sitrep/reader.h"

static const char usage_text[] =
    "usage: sitrep COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Commands:\n"
    "  clean      separate report text from comments and boilerplate (JSON lines)\n"
    "  entities   actors, places, dates, numbers, sources and hedges in the report\n"
    "  code       ACLED-style events (JSON lines, or --format acled-csv)\n"
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
    "  --max-doc-bytes N   reject larger records (default 33554432)\n"
    "  --data DIR          knowledge files (default: $SITREP_DATA, else ./data)\n"
    "  --cache DIR         compiled-matcher cache ('' disables; default ~/.cache/sitrep)\n"
    "  -q, --quiet         no summary line\n"
    "  -h, --help          this text\n";

typedef struct cli_opts {
    sr_reader_options reader;
    sr_kb_options kb;
    int acled_csv;
    const char *statements;
    int quiet;
    const char **inputs;
    int ninputs;
} cli_opts;

typedef struct counts {
    unsigned long long read, ok, rejected;
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
    return 0;
}

/* Without --data or $SITREP_DATA, and with no ./data here, look beside the
 * executable (a build tree or an install prefix), so sitrep works from any
 * directory.  BUF receives the path. */
static const char *find_data_dir(char *buf, size_t n)
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
    for (size_t i = 0; i < 3; i++) {
        snprintf(buf, n, "%s/%s/actors.tsv", exe, rel[i]);
        if (stat(buf, &sb) == 0) {
            snprintf(buf, n, "%s/%s", exe, rel[i]);
            return buf;
        }
    }
    return NULL;
}

static int write_out(sr_buf *b)
{
    if (b->status != SR_OK)
        return -1;
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
        return -1;
    sr_buf_clear(b);
    return 0;
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

typedef enum { CMD_CLEAN, CMD_READ, CMD_ENTITIES, CMD_CODE } command;

static int run(command cmd, const char *name, cli_opts *o)
{
    counts n = {0};
    sr_doc doc;
    sr_buf out;
    int fatal = 0;
    if (sr_doc_init(&doc, o->reader.mem) != SR_OK) {
        fprintf(stderr, "sitrep: out of memory\n");
        return 2;
    }
    sr_buf_init(&out, NULL);
    sr_kb *kb = NULL;
    sr_annotator *an = NULL;
    char data_dir[PATH_MAX + 32];
    int needs_kb = cmd == CMD_ENTITIES || cmd == CMD_CODE;
    if (needs_kb && !o->kb.data_dir)
        o->kb.data_dir = find_data_dir(data_dir, sizeof data_dir);
    FILE *stmts = NULL;
    if (cmd == CMD_CODE && o->statements && !(stmts = fopen(o->statements, "w"))) {
        fprintf(stderr, "sitrep: cannot write %s\n", o->statements);
        sr_doc_free(&doc);
        return 2;
    }
    sr_buf sbuf;
    sr_buf_init(&sbuf, NULL);
    int csv_header = o->acled_csv;
    if (needs_kb) {
        char err[512] = "";
        sr_status st = sr_kb_load(&kb, &o->kb, err, sizeof err);
        if (st == SR_OK)
            st = sr_annotator_new(&an, kb);
        if (st != SR_OK) {
            fprintf(stderr, "sitrep: cannot load the knowledge base: %s\n",
                    err[0] ? err : sr_status_str(st));
            sr_kb_free(kb);
            sr_doc_free(&doc);
            sr_buf_free(&out);
            return 2;
        }
    }
    for (int i = 0; i < o->ninputs && !fatal; i++) {
        sr_reader *r;
        char err[512];
        if (sr_reader_open(&r, o->inputs[i], &o->reader, err, sizeof err) != SR_OK) {
            fprintf(stderr, "sitrep: %s\n", err);
            n.read++;
            n.rejected++;
            continue;
        }
        for (;;) {
            sr_status st = sr_reader_next(r, &doc);
            if (st == SR_DONE)
                break;
            n.read++;
            if (st == SR_REJECT) {
                n.rejected++;
                fprintf(stderr, "sitrep: rejected %s\n", sr_reader_error(r));
                continue;
            }
            if (st != SR_OK) {
                n.rejected++;
                fprintf(stderr, "sitrep: %s: %s; stopping this input\n", sr_reader_error(r),
                        sr_status_str(st));
                break;
            }
            if (cmd == CMD_READ) {
                emit_read(&doc, &out);
                n.ok++;
            } else {
                sr_cleaned c;
                st = sr_clean(&doc, &c);
                if (st == SR_OK && needs_kb) {
                    sr_annotation ann;
                    sr_coding cod;
                    st = sr_annotate(an, &doc, &c, &ann);
                    if (st == SR_OK && cmd == CMD_CODE)
                        st = sr_code(kb, &doc, &c, &ann, &cod);
                    if (st == SR_OK) {
                        if (cmd == CMD_ENTITIES)
                            sr_annotation_to_json(kb, &doc, &c, &ann, &out);
                        else if (o->acled_csv) {
                            sr_coding_to_acled_csv(kb, &doc, &c, &cod, csv_header, &out);
                            csv_header = 0;
                        } else
                            sr_coding_to_json(kb, &doc, &c, &cod, &out);
                        if (stmts) {
                            sr_statements_to_json(kb, &doc, &c, &cod, &sbuf);
                            if (sbuf.len)
                                fwrite(sbuf.data, 1, sbuf.len, stmts);
                            sr_buf_clear(&sbuf);
                        }
                        n.ok++;
                    } else {
                        n.rejected++;
                        fprintf(stderr, "sitrep: %s: annotation failed: %s\n",
                                doc.origin ? doc.origin : "?", sr_status_str(st));
                    }
                } else if (st == SR_OK) {
                    sr_clean_to_json(&doc, &c, &out);
                    n.ok++;
                } else {
                    n.rejected++;
                    fprintf(stderr, "sitrep: rejected %s: %s\n", doc.origin ? doc.origin : "?",
                            c.n_warnings ? c.warnings[c.n_warnings - 1] : sr_status_str(st));
                }
            }
            if (out.len > (1u << 20) && write_out(&out)) {
                fatal = 1;
                break;
            }
        }
        sr_reader_free(r);
    }
    if (write_out(&out) || fflush(stdout)) {
        fprintf(stderr, "sitrep: cannot write output\n");
        fatal = 1;
    }
    sr_buf_free(&out);
    sr_doc_free(&doc);
    sr_annotator_free(an);
    sr_kb_free(kb);
    sr_buf_free(&sbuf);
    if (stmts && fclose(stmts)) {
        fprintf(stderr, "sitrep: cannot write %s\n", o->statements);
        fatal = 1;
    }
    if (!o->quiet)
        fprintf(stderr, "sitrep %s: %llu documents read, %llu %s, %llu rejected\n", name, n.read,
                n.ok,
                cmd == CMD_READ    ? "passed"
                : cmd == CMD_CLEAN ? "cleaned"
                : cmd == CMD_CODE  ? "coded"
                                   : "annotated",
                n.rejected);
    return fatal ? 2 : n.rejected ? 1 : 0;
}

int main(int argc, char **argv)
{
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
