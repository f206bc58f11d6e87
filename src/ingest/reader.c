/* reader.c - opens inputs and dispatches to the format readers.
 *
 * One reader walks one input: a file, standard input, or a directory tree
 * (names visited in byte order so runs are reproducible).  Each file's
 * format is chosen by its extension, else by sniffing its first bytes after
 * gzip decoding: '{' = JSON lines, "WARC/" = WARC, a tag = HTML, else plain
 * text.  Text and HTML files are one document each; JSON-lines and WARC
 * files are streams of records.  Memory: one stream window (bounded by
 * max_doc_bytes) plus the caller's document arena. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest_int.h"
#include "sitrep/buf.h"

#define READER_DEFAULT_MAX ((size_t)32 * 1024 * 1024)
#define READER_MAX_DEPTH 64

typedef struct dir_frame {
    char *path;
    char **names;
    int n, next;
} dir_frame;

struct sr_reader {
    const sr_mem *mem;
    sr_reader_options opt;
    char *root;
    int is_dir, root_done;
    dir_frame dirs[READER_MAX_DEPTH];
    int ndirs;
    /* current file */
    sr_stream *stream;
    char *file;           /* path of the current file (or "<stdin>") */
    sr_input_format fmt;  /* resolved format of the current file */
    int file_docs;        /* records yielded or rejected from this file */
    int file_broken;      /* the input broke; it was reported once */
    warc_reader *warc;
    uint64_t bytes_done;  /* raw bytes of finished files */
    char error[4700];
};

const char *sr_input_format_name(sr_input_format f)
{
    switch (f) {
    case SR_INPUT_AUTO: return "auto";
    case SR_INPUT_TEXT: return "text";
    case SR_INPUT_JSONL: return "jsonl";
    case SR_INPUT_HTML: return "html";
    case SR_INPUT_WARC: return "warc";
    }
    return "?";
}

sr_status sr_input_format_parse(const char *name, sr_input_format *out)
{
    static const sr_input_format all[] = {SR_INPUT_AUTO, SR_INPUT_TEXT, SR_INPUT_JSONL,
                                          SR_INPUT_HTML, SR_INPUT_WARC};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (!strcmp(name, sr_input_format_name(all[i]))) {
            *out = all[i];
            return SR_OK;
        }
    return SR_EINVAL;
}

static char *mem_strdup(const sr_mem *m, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = m->alloc(n, m->ctx);
    if (p)
        memcpy(p, s, n);
    return p;
}

static void mem_free(const sr_mem *m, void *p)
{
    if (p)
        m->release(p, m->ctx);
}

const char *sr_reader_error(const sr_reader *r) { return r->error; }

uint64_t sr_reader_bytes(const sr_reader *r)
{
    return r->bytes_done + (r->stream ? sr_stream_raw_bytes(r->stream) : 0);
}

static void close_file(sr_reader *r)
{
    if (r->stream)
        r->bytes_done += sr_stream_raw_bytes(r->stream);
    sr_stream_free(r->stream);
    r->stream = NULL;
    warc_free(r->warc);
    r->warc = NULL;
    mem_free(r->mem, r->file);
    r->file = NULL;
}

static void free_frame(const sr_mem *m, dir_frame *f)
{
    for (int i = 0; i < f->n; i++)
        mem_free(m, f->names[i]);
    mem_free(m, f->names);
    mem_free(m, f->path);
    memset(f, 0, sizeof *f);
}

void sr_reader_free(sr_reader *r)
{
    if (!r)
        return;
    close_file(r);
    while (r->ndirs > 0)
        free_frame(r->mem, &r->dirs[--r->ndirs]);
    mem_free(r->mem, r->root);
    r->mem->release(r, r->mem->ctx);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

static sr_input_format format_by_name(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    if (ends_with(tmp, ".gz"))
        tmp[strlen(tmp) - 3] = '\0';
    if (ends_with(tmp, ".jsonl") || ends_with(tmp, ".ndjson") || ends_with(tmp, ".json"))
        return SR_INPUT_JSONL;
    if (ends_with(tmp, ".warc") || ends_with(tmp, ".wet") || ends_with(tmp, ".arc"))
        return SR_INPUT_WARC;
    if (ends_with(tmp, ".html") || ends_with(tmp, ".htm") || ends_with(tmp, ".xhtml"))
        return SR_INPUT_HTML;
    if (ends_with(tmp, ".txt") || ends_with(tmp, ".text"))
        return SR_INPUT_TEXT;
    return SR_INPUT_AUTO;
}

/* Binary: a NUL byte, or more than 10% control bytes other than white space,
 * in the first 4 KiB (the heuristic of file(1) and git's buffer_is_binary). */
static int looks_binary(const char *p, size_t n)
{
    size_t ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!c)
            return 1;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ctl++;
    }
    return n && ctl * 10 > n;
}

static sr_input_format sniff(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i < n && p[i] == '{')
        return SR_INPUT_JSONL;
    if (n - i >= 5 && !memcmp(p + i, "WARC/", 5))
        return SR_INPUT_WARC;
    if (i < n && p[i] == '<') {
        if (n - i > 1 && (p[i + 1] == '!' || p[i + 1] == '?' ||
                          (p[i + 1] >= 'a' && p[i + 1] <= 'z') || (p[i + 1] >= 'A' && p[i + 1] <= 'Z')))
            return SR_INPUT_HTML;
    }
    return SR_INPUT_TEXT;
}

static sr_status reject(sr_reader *r, const char *origin, const char *why)
{
    snprintf(r->error, sizeof r->error, "%s: %s", origin, why);
    return SR_REJECT;
}

/* Opens FILE (NULL = stdin) as the current file.  SR_OK or SR_REJECT. */
static sr_status open_file(sr_reader *r, const char *path)
{
    int fd;
    if (!path) {
        fd = dup(0);
        path = "<stdin>";
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0)
        return reject(r, path, strerror(errno));
    r->file = mem_strdup(r->mem, path);
    if (!r->file) {
        close(fd);
        return SR_ENOMEM;
    }
    sr_status st = sr_stream_open(&r->stream, fd, r->mem);
    if (st != SR_OK)
        return st;
    r->file_docs = 0;
    r->file_broken = 0;
    r->fmt = r->opt.format;
    if (r->fmt == SR_INPUT_AUTO)
        r->fmt = format_by_name(path);
    const char *head;
    size_t got = 0;
    sr_stream_peek(r->stream, 4096, &head, &got);
    if (!got) {
        const char *e = sr_stream_error(r->stream);
        sr_status rs = reject(r, r->file, *e ? e : "empty file");
        close_file(r);
        return rs;
    }
    if (looks_binary(head, got) && r->fmt != SR_INPUT_WARC) {
        sr_status rs = reject(r, r->file, "binary data, not text, JSON lines, HTML or WARC");
        close_file(r);
        return rs;
    }
    if (r->fmt == SR_INPUT_AUTO)
        r->fmt = sniff(head, got);
    return SR_OK;
}

static const char *base_id(sr_arena *a, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    const char *dot = strchr(b, '.');
    if (dot && dot != b)
        n = (size_t)(dot - b);
    return sr_arena_strndup(a, b, n);
}

/* Whole-file formats: the file is one document. */
static sr_status read_whole(sr_reader *r, sr_doc *doc)
{
    size_t max = r->opt.max_doc_bytes;
    const char *data;
    size_t got = 0;
    sr_stream_peek(r->stream, max + 1, &data, &got);
    const char *e = sr_stream_error(r->stream);
    r->file_docs++;
    if (got > max) {
        char why[128];
        snprintf(why, sizeof why, "document larger than the %zu-byte limit", max);
        return reject(r, r->file, why);
    }
    if (*e)
        return reject(r, r->file, e);
    doc->origin = sr_arena_strndup(doc->arena, r->file, strlen(r->file));
    doc->id = base_id(doc->arena, r->file);
    doc->content_type = r->fmt == SR_INPUT_HTML ? SR_CONTENT_HTML : SR_CONTENT_TEXT;
    doc->input_bytes = got;
    if (!doc->origin || !doc->id)
        return SR_ENOMEM;
    return sr_doc_set_body(doc, data, got);
}

/* "FILE:LINE" into O (CAP bytes), cut to fit as snprintf would: built for
 * every record, so without printf's format parsing. */
static void line_origin(char *o, size_t cap, const char *file, uint64_t line)
{
    char num[24];
    size_t nl = sr_format_uint(num, line), fl = strlen(file), n = 0;
    for (size_t k = 0; k < 3; k++) {
        const char *part = k == 0 ? file : k == 1 ? ":" : num;
        size_t pl = k == 0 ? fl : k == 1 ? 1 : nl;
        if (pl > cap - 1 - n)
            pl = cap - 1 - n;
        memcpy(o + n, part, pl);
        n += pl;
    }
    o[n] = '\0';
}

static sr_status read_jsonl(sr_reader *r, sr_doc *doc)
{
    for (;;) {
        const char *line;
        size_t len;
        sr_status st = sr_stream_line(r->stream, r->opt.max_doc_bytes, &line, &len);
        uint64_t ln = sr_stream_line_no(r->stream);
        char origin[600];
        line_origin(origin, sizeof origin, r->file, ln);
        if (st == SR_DONE || r->file_broken)
            return SR_DONE;
        if (st == SR_EFORMAT) {
            r->file_docs++;
            r->file_broken = 1;
            return reject(r, origin, sr_stream_error(r->stream));
        }
        if (st == SR_ETOOBIG) {
            char why[128];
            r->file_docs++;
            snprintf(why, sizeof why, "line of %zu bytes exceeds the %zu-byte limit; skipped", len,
                     r->opt.max_doc_bytes);
            return reject(r, origin, why);
        }
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i == len)
            continue; /* blank line: not a record */
        r->file_docs++;
        char why[200] = "";
        doc->input_bytes = len + 1;
        st = jsonl_parse_line(line, len, doc, why, sizeof why);
        if (st == SR_REJECT)
            return reject(r, origin, why);
        if (st != SR_OK)
            return st;
        doc->origin = sr_arena_strndup(doc->arena, origin, strlen(origin));
        if (!doc->id)
            doc->id = doc->origin;
        return doc->origin ? SR_OK : SR_ENOMEM;
    }
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static sr_status push_dir(sr_reader *r, const char *path)
{
    if (r->ndirs == READER_MAX_DEPTH)
        return reject(r, path, "directory nesting deeper than 64; skipped");
    DIR *d = opendir(path);
    if (!d)
        return reject(r, path, strerror(errno));
    dir_frame f = {0};
    f.path = mem_strdup(r->mem, path);
    int cap = 0;
    struct dirent *e;
    sr_status st = f.path ? SR_OK : SR_ENOMEM;
    while (st == SR_OK && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", hidden files and VCS folders */
        if (f.n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = r->mem->resize(f.names, (size_t)cap * sizeof *nn, r->mem->ctx);
            if (!nn) {
                st = SR_ENOMEM;
                break;
            }
            f.names = nn;
        }
        f.names[f.n] = mem_strdup(r->mem, e->d_name);
        if (!f.names[f.n])
            st = SR_ENOMEM;
        else
            f.n++;
    }
    closedir(d);
    if (st != SR_OK) {
        free_frame(r->mem, &f);
        return st;
    }
    if (f.n)
        qsort(f.names, (size_t)f.n, sizeof *f.names, name_cmp);
    r->dirs[r->ndirs++] = f;
    return SR_OK;
}

/* Advances to the next file of the directory walk.  SR_OK with a file open,
 * SR_DONE, or SR_REJECT for an unreadable entry. */
static sr_status next_file(sr_reader *r)
{
    while (r->ndirs > 0) {
        dir_frame *f = &r->dirs[r->ndirs - 1];
        if (f->next == f->n) {
            free_frame(r->mem, f);
            r->ndirs--;
            continue;
        }
        const char *name = f->names[f->next++];
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", f->path, name);
        if (n < 0 || (size_t)n >= sizeof path)
            return reject(r, name, "path too long");
        struct stat sb;
        if (stat(path, &sb) != 0)
            return reject(r, path, strerror(errno));
        if (S_ISDIR(sb.st_mode)) {
            sr_status st = push_dir(r, path);
            if (st != SR_OK)
                return st;
            continue;
        }
        if (!S_ISREG(sb.st_mode))
            continue; /* sockets, fifos: not documents */
        return open_file(r, path);
    }
    return SR_DONE;
}

sr_status sr_reader_open(sr_reader **out, const char *path, const sr_reader_options *opt,
                         char *err, size_t errlen)
{
    *out = NULL;
    sr_reader_options o = {0};
    if (opt)
        o = *opt;
    if (!o.mem)
        o.mem = sr_mem_default();
    if (!o.max_doc_bytes)
        o.max_doc_bytes = READER_DEFAULT_MAX;
    if (path && !strcmp(path, "-"))
        path = NULL;
    struct stat sb;
    if (path && stat(path, &sb) != 0) {
        if (err)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return SR_EIO;
    }
    sr_reader *r = o.mem->alloc(sizeof *r, o.mem->ctx);
    if (!r)
        return SR_ENOMEM;
    memset(r, 0, sizeof *r);
    r->mem = o.mem;
    r->opt = o;
    if (path) {
        r->root = mem_strdup(o.mem, path);
        if (!r->root) {
            sr_reader_free(r);
            return SR_ENOMEM;
        }
        r->is_dir = S_ISDIR(sb.st_mode);
    }
    *out = r;
    return SR_OK;
}

sr_status sr_reader_next(sr_reader *r, sr_doc *doc)
{
    sr_doc_reset(doc);
    r->error[0] = '\0';
    for (;;) {
        if (!r->stream) {
            sr_status st;
            if (r->is_dir) {
                if (!r->root_done) {
                    r->root_done = 1;
                    st = push_dir(r, r->root);
                    if (st != SR_OK)
                        return st;
                }
                st = next_file(r);
            } else {
                if (r->root_done)
                    return SR_DONE;
                r->root_done = 1;
                st = open_file(r, r->root);
            }
            if (st != SR_OK)
                return st; /* SR_DONE, SR_REJECT (reported) or fatal */
        }
        sr_status st;
        switch (r->fmt) {
        case SR_INPUT_JSONL: st = read_jsonl(r, doc); break;
        case SR_INPUT_WARC: {
            char why[400] = "";
            uint64_t skipped = 0;
            st = warc_next(&r->warc, r->stream, r->file, r->opt.max_doc_bytes, doc, &skipped,
                           why, sizeof why);
            if (st == SR_REJECT)
                snprintf(r->error, sizeof r->error, "%s", why);
            if (st == SR_OK || st == SR_REJECT)
                r->file_docs++;
            if (st == SR_DONE && !r->file_docs) {
                close_file(r);
                return reject(r, r->root ? r->root : "<stdin>",
                              "WARC input holds no article records");
            }
            break;
        }
        case SR_INPUT_TEXT:
        case SR_INPUT_HTML:
        default:
            if (r->file_docs) {
                st = SR_DONE;
                break;
            }
            st = read_whole(r, doc);
            break;
        }
        if (st == SR_DONE) {
            close_file(r);
            continue;
        }
        return st;
    }
}
