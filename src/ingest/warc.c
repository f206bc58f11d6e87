/* warc.c - WARC/1.0 and WARC/1.1 record reader (ISO 28500), as written by
 * Common Crawl News (WARC) and Common Crawl's text extracts (WET).
 *
 * A record is a version line, header fields up to a blank line, a block of
 * Content-Length bytes and a CRLF CRLF trailer.  "response" blocks are HTTP
 * responses whose payload we de-chunk and inflate; "resource" and
 * "conversion" blocks are the payload itself.  Everything else (warcinfo,
 * request, metadata, revisit, ...) is framed by its Content-Length and
 * skipped without buffering.
 *
 * Memory: the state is a few counters.  Header lines and the HTTP header go
 * through the stream's window, capped at WARC_LINE_MAX; only the payload of
 * an accepted record is copied, into the document's arena, and it is capped
 * at MAX before and after decoding (a gzip bomb stops at MAX).  Oversized
 * and unwanted blocks are skipped in stream-sized pieces.
 *
 * Damage: a record that cannot be framed (no version line, bad
 * Content-Length, header over the caps, block followed by something other
 * than the trailer) is rejected and the reader resynchronises on the next
 * line that looks like "WARC/1.x", consuming at least one line per step so a
 * call always ends in time linear in the input.  A broken gzip stream ends
 * the input: zlib's gz layer cannot resume after a data error. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "ingest_int.h"

/* Longest header line and longest HTTP header block.  Real WARC and HTTP
 * headers are well under 8 KiB; 64 KiB leaves room for long URLs and cookie
 * headers while keeping the stream window small. */
#define WARC_LINE_MAX (64u * 1024u)
#define WARC_HEADER_MAX (64u * 1024u)
/* Header fields per record; WARC writers emit 10 to 20. */
#define WARC_HEADER_LINES 512u
/* Piece size for copying payloads out of the stream window. */
#define WARC_IO_CHUNK (64u * 1024u)
/* Used when the caller passes MAX = 0 (sitrep/reader.h's default). */
#define WARC_DEFAULT_MAX ((size_t)32 * 1024 * 1024)
/* Longest charset label kept from a Content-Type (IANA names are < 40). */
#define WARC_CHARSET_MAX 40u
/* Longest Content-Encoding name echoed in a rejection message. */
#define WARC_CODING_MAX 32u

struct warc_reader {
    const sr_mem *mem;
    uint64_t record_no;     /* records started so far, all types */
    uint64_t pending_start; /* stream offset of the pending version line */
    int pending;            /* resync already consumed the next version line */
    int dead;               /* the stream broke; nothing more can be read */
};

typedef enum warc_type {
    WARC_TYPE_NONE = 0, /* no WARC-Type field */
    WARC_TYPE_OTHER,    /* warcinfo, request, metadata, revisit, ... */
    WARC_TYPE_RESPONSE,
    WARC_TYPE_RESOURCE,
    WARC_TYPE_CONVERSION
} warc_type;

typedef enum media_kind {
    MEDIA_NONE = 0, /* no Content-Type */
    MEDIA_HTML,
    MEDIA_TEXT,
    MEDIA_HTTP, /* application/http: the block is an HTTP message */
    MEDIA_OTHER
} media_kind;

typedef struct media_type {
    media_kind kind;
    char charset[WARC_CHARSET_MAX]; /* lower-case label or "" */
} media_type;

typedef enum http_coding { CODING_IDENTITY = 0, CODING_GZIP, CODING_DEFLATE } http_coding;

/* One record's header fields.  Strings live in the document's arena. */
typedef struct warc_record {
    uint64_t no;
    uint64_t start; /* stream offset of the version line */
    warc_type type;
    int have_length, bad_length;
    uint64_t length;
    const char *id, *url, *date, *truncated;
    media_type ctype;        /* WARC Content-Type */
    media_type payload_type; /* WARC-Identified-Payload-Type */
    const char *warc_type_name;
} warc_record;

typedef struct http_info {
    int status;
    size_t header_len; /* bytes up to and including the blank line */
    media_type ctype;
    int chunked;
    http_coding coding;
    int bad_coding;
    char coding_name[WARC_CODING_MAX];
} http_info;

/* Everything one warc_next call works with. */
typedef struct warc_call {
    warc_reader *st;
    sr_stream *s;
    const char *origin;
    size_t max;
    sr_doc *doc;
    char *err;
    size_t errlen;
} warc_call;

/* ---- small ASCII helpers (locale-independent on purpose) ---- */

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_space(int c) { return c == ' ' || c == '\t'; }

/* Case-insensitive: does S[0..len) equal the literal LIT? */
static int ieq(const char *s, size_t len, const char *lit) {
    size_t n = strlen(lit);
    if (len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)lit[i]))
            return 0;
    return 1;
}

static int istarts(const char *s, size_t len, const char *lit) {
    size_t n = strlen(lit);
    return len >= n && ieq(s, n, lit);
}

static void trim(const char **s, size_t *len) {
    while (*len && is_space((unsigned char)**s))
        (*s)++, (*len)--;
    while (*len && is_space((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

static void strip_cr(const char *line, size_t *len) {
    if (*len && line[*len - 1] == '\r')
        (*len)--;
}

/* "WARC/1.0", "WARC/1.1" (any minor digits), trailing blanks allowed.
 * Stricter than a prefix test so payload text rarely fools the resync. */
static int is_version_line(const char *line, size_t len) {
    strip_cr(line, &len);
    while (len && is_space((unsigned char)line[len - 1]))
        len--;
    if (len < 8 || memcmp(line, "WARC/1.", 7) != 0)
        return 0;
    for (size_t i = 7; i < len; i++)
        if (line[i] < '0' || line[i] > '9')
            return 0;
    return 1;
}

static int is_blank(const char *line, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (!is_space((unsigned char)line[i]) && line[i] != '\r')
            return 0;
    return 1;
}

/* ---- errors ---- */

static sr_status fail(warc_call *c, sr_status st, uint64_t no, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Writes "ORIGIN#record N: reason" into the caller's buffer. */
static sr_status fail(warc_call *c, sr_status st, uint64_t no, const char *fmt, ...) {
    if (c->err && c->errlen) {
        int n = snprintf(c->err, c->errlen, "%s#record %llu: ", c->origin, (unsigned long long)no);
        if (n >= 0 && (size_t)n < c->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return st;
}

/* The stream failed with ST while reading WHAT.  A read error is fatal
 * (SR_EIO); a broken gzip stream rejects this record and ends the input,
 * because gzread cannot continue past a data error. */
static sr_status stream_broke(warc_call *c, uint64_t no, sr_status st, const char *what) {
    const char *why = sr_stream_error(c->s);
    if (!why || !*why)
        why = sr_status_str(st);
    if (st == SR_EIO || st == SR_ENOMEM)
        return fail(c, st, no, "%s: %s", what, why);
    c->st->dead = 1;
    return fail(c, SR_REJECT, no, "%s: %s", what, why);
}

/* Fewer bytes than the block needs: reject, naming the gzip damage if the
 * stream reported any (a truncated .warc.gz shows up here). */
static sr_status truncated(warc_call *c, const warc_record *r, uint64_t have) {
    const char *why = sr_stream_error(c->s);
    if (why && *why) {
        c->st->dead = 1;
        return fail(c, SR_REJECT, r->no, "truncated record: block has %llu of %llu bytes (%s)",
                    (unsigned long long)have, (unsigned long long)r->length, why);
    }
    return fail(c, SR_REJECT, r->no, "truncated record: block has %llu of %llu bytes",
                (unsigned long long)have, (unsigned long long)r->length);
}

/* Scans forward to the next version line and leaves it pending for the next
 * record.  Each step consumes a line (over-long lines are skipped unbuffered
 * by the stream), so the cost is linear in the bytes skipped.  SR_OK also at
 * end of input. */
static sr_status resync(warc_call *c, uint64_t no) {
    for (;;) {
        uint64_t at = sr_stream_offset(c->s);
        const char *line;
        size_t len;
        sr_status st = sr_stream_line(c->s, WARC_LINE_MAX, &line, &len);
        if (st == SR_DONE)
            return SR_OK;
        if (st == SR_ETOOBIG)
            continue;
        if (st != SR_OK)
            return stream_broke(c, no, st, "while looking for the next record");
        if (is_version_line(line, len)) {
            c->st->pending = 1;
            c->st->pending_start = at;
            return SR_OK;
        }
    }
}

/* Rejects record NO as unframeable: resynchronise first, then report. */
static sr_status reject_resync(warc_call *c, uint64_t no, const char *why) {
    sr_status st = resync(c, no);
    if (st != SR_OK)
        return st;
    return fail(c, SR_REJECT, no, "%s", why);
}

/* ---- header values ---- */

/* Copy of a header value for the document.  Header bytes are supposed to be
 * ASCII (WARC 1.0 s.5, RFC 7230); control bytes and bytes >= 0x80 are
 * percent-encoded so every string we hand on is valid UTF-8 and a URI stays
 * a URI. */
static const char *value_dup(sr_arena *a, const char *s, size_t len) {
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        n += (b < 0x20 || b >= 0x7f) ? 3 : 1;
    }
    char *out = sr_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    char *o = out;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 || b >= 0x7f) {
            *o++ = '%';
            *o++ = hex[b >> 4];
            *o++ = hex[b & 15];
        } else {
            *o++ = (char)b;
        }
    }
    *o = '\0';
    return out;
}

/* Strips "<...>" (WARC 1.0's examples wrap URIs in angle brackets and some
 * writers copied that). */
static void strip_angles(const char **s, size_t *len) {
    if (*len >= 2 && (*s)[0] == '<' && (*s)[*len - 1] == '>')
        (*s)++, *len -= 2;
}

/* Parses "type/subtype; charset=x" into its class and charset label. */
static void parse_media(const char *v, size_t len, media_type *m) {
    memset(m, 0, sizeof *m);
    size_t n = 0;
    while (n < len && v[n] != ';' && !is_space((unsigned char)v[n]))
        n++;
    if (n == 0)
        return;
    if (ieq(v, n, "text/html") || ieq(v, n, "application/xhtml+xml"))
        m->kind = MEDIA_HTML;
    else if (ieq(v, n, "text/plain"))
        m->kind = MEDIA_TEXT;
    else if (ieq(v, n, "application/http"))
        m->kind = MEDIA_HTTP;
    else
        m->kind = MEDIA_OTHER;
    /* Parameters: ; name=value ; name="value" */
    size_t i = n;
    while (i < len) {
        while (i < len && (v[i] == ';' || is_space((unsigned char)v[i])))
            i++;
        size_t name = i;
        while (i < len && v[i] != '=' && v[i] != ';')
            i++;
        size_t name_len = i - name;
        while (name_len && is_space((unsigned char)v[name + name_len - 1]))
            name_len--;
        if (i >= len || v[i] != '=')
            continue;
        i++;
        while (i < len && is_space((unsigned char)v[i]))
            i++;
        int quoted = i < len && v[i] == '"';
        if (quoted)
            i++;
        size_t val = i;
        while (i < len && (quoted ? v[i] != '"' : (v[i] != ';' && !is_space((unsigned char)v[i]))))
            i++;
        size_t val_len = i - val;
        if (quoted && i < len)
            i++;
        if (ieq(v + name, name_len, "charset") && val_len && val_len < WARC_CHARSET_MAX) {
            for (size_t k = 0; k < val_len; k++) {
                int ch = ascii_lower((unsigned char)v[val + k]);
                m->charset[k] = (ch < 0x20 || ch >= 0x7f) ? '?' : (char)ch;
            }
            m->charset[val_len] = '\0';
        }
    }
}

/* Decimal only; anything else, or a value past 2^62, is "bad". */
static int parse_length(const char *v, size_t len, uint64_t *out) {
    if (!len)
        return 0;
    uint64_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (v[i] < '0' || v[i] > '9')
            return 0;
        n = n * 10 + (uint64_t)(v[i] - '0');
        if (n > ((uint64_t)1 << 62))
            return 0;
    }
    *out = n;
    return 1;
}

/* Records one WARC header field.  SR_ENOMEM when the arena is full. */
static sr_status warc_field(sr_arena *a, warc_record *r, const char *line, size_t len) {
    if (!len || is_space((unsigned char)line[0]))
        return SR_OK; /* folded continuation: none of our fields use it */
    const char *colon = memchr(line, ':', len);
    if (!colon)
        return SR_OK; /* malformed; the Content-Length check decides */
    const char *name = line, *v = colon + 1;
    size_t name_len = (size_t)(colon - line), vlen = len - name_len - 1;
    trim(&name, &name_len);
    trim(&v, &vlen);
    if (ieq(name, name_len, "Content-Length")) {
        uint64_t n = 0;
        if (!parse_length(v, vlen, &n) || (r->have_length && n != r->length))
            r->bad_length = 1;
        r->have_length = 1;
        r->length = n;
    } else if (ieq(name, name_len, "WARC-Type")) {
        if (ieq(v, vlen, "response"))
            r->type = WARC_TYPE_RESPONSE;
        else if (ieq(v, vlen, "resource"))
            r->type = WARC_TYPE_RESOURCE;
        else if (ieq(v, vlen, "conversion"))
            r->type = WARC_TYPE_CONVERSION;
        else
            r->type = WARC_TYPE_OTHER;
        if (!(r->warc_type_name = value_dup(a, v, vlen)))
            return SR_ENOMEM;
    } else if (ieq(name, name_len, "WARC-Record-ID")) {
        strip_angles(&v, &vlen);
        if (istarts(v, vlen, "urn:uuid:"))
            v += 9, vlen -= 9;
        if (!(r->id = value_dup(a, v, vlen)))
            return SR_ENOMEM;
    } else if (ieq(name, name_len, "WARC-Target-URI")) {
        strip_angles(&v, &vlen);
        if (!(r->url = value_dup(a, v, vlen)))
            return SR_ENOMEM;
    } else if (ieq(name, name_len, "WARC-Date")) {
        if (!(r->date = value_dup(a, v, vlen)))
            return SR_ENOMEM;
    } else if (ieq(name, name_len, "WARC-Truncated")) {
        if (!(r->truncated = value_dup(a, v, vlen)))
            return SR_ENOMEM;
    } else if (ieq(name, name_len, "Content-Type")) {
        parse_media(v, vlen, &r->ctype);
    } else if (ieq(name, name_len, "WARC-Identified-Payload-Type")) {
        parse_media(v, vlen, &r->payload_type);
    }
    return SR_OK;
}

/* Reads the header fields after the version line.  SR_OK, or a rejection
 * (already reported) or fatal status. */
static sr_status read_warc_header(warc_call *c, warc_record *r) {
    size_t bytes = 0, lines = 0;
    for (;;) {
        const char *line;
        size_t len;
        sr_status st = sr_stream_line(c->s, WARC_LINE_MAX, &line, &len);
        if (st == SR_DONE) {
            const char *why = sr_stream_error(c->s);
            if (why && *why) {
                c->st->dead = 1;
                return fail(c, SR_REJECT, r->no, "truncated record header (%s)", why);
            }
            return fail(c, SR_REJECT, r->no, "truncated record: input ends inside the header");
        }
        /* The stream may hand back an over-long line it had buffered. */
        if (st == SR_ETOOBIG || (st == SR_OK && len > WARC_LINE_MAX))
            return reject_resync(c, r->no, "WARC header line longer than 64 KiB");
        if (st != SR_OK)
            return stream_broke(c, r->no, st, "truncated record header");
        bytes += len + 1;
        if (bytes > WARC_HEADER_MAX || ++lines > WARC_HEADER_LINES)
            return reject_resync(c, r->no, "WARC header larger than 64 KiB or 512 lines");
        strip_cr(line, &len);
        if (len == 0)
            return SR_OK;
        st = warc_field(c->doc->arena, r, line, len);
        if (st != SR_OK)
            return fail(c, st, r->no, "out of memory reading the header");
    }
}

/* ---- the block ---- */

/* Consumes the CRLF CRLF after a block.  Writers in the wild use LF LF, or
 * drop the trailer before the next record or at end of input; all that is
 * accepted.  *FRAMED is 0 when other bytes follow the block, which means
 * Content-Length was wrong.  A stream error is left for the next read to
 * report: the block itself was complete. */
static void finish_block(warc_call *c, int *framed) {
    const char *p;
    size_t got;
    *framed = 1;
    if (sr_stream_peek(c->s, 16, &p, &got) != SR_OK)
        return;
    size_t i = 0;
    int nl = 0;
    while (nl < 2 && i < got) {
        if (p[i] == '\n')
            i++, nl++;
        else if (p[i] == '\r' && i + 1 < got && p[i + 1] == '\n')
            i += 2, nl++;
        else
            break;
    }
    size_t rest = got - i, cmp = rest < 5 ? rest : 5;
    if (nl < 2 && rest && memcmp(p + i, "WARC/", cmp) != 0)
        *framed = 0;
    sr_stream_skip(c->s, i, NULL);
}

/* Skips the remaining N bytes of R's block and its trailer.  SR_OK when the
 * record was whole; otherwise it has been rejected. */
static sr_status skip_rest(warc_call *c, const warc_record *r, uint64_t n) {
    uint64_t done = 0;
    sr_status st = sr_stream_skip(c->s, n, &done);
    if (done < n) {
        if (st == SR_EIO || st == SR_ENOMEM)
            return stream_broke(c, r->no, st, "reading the block");
        return truncated(c, r, r->length - (n - done));
    }
    int framed;
    finish_block(c, &framed);
    if (!framed)
        return reject_resync(c, r->no,
                             "block is not followed by CRLF CRLF (wrong Content-Length?)");
    return SR_OK;
}

/* Copies the next N bytes (N <= c->max) into a new arena buffer. */
static sr_status read_bytes(warc_call *c, const warc_record *r, size_t n, uint64_t block_left,
                            char **out) {
    char *buf = sr_arena_alloc(c->doc->arena, n + 1);
    if (!buf)
        return fail(c, SR_ENOMEM, r->no, "out of memory for a %zu-byte payload", n);
    size_t have = 0;
    while (have < n) {
        size_t want = n - have < WARC_IO_CHUNK ? n - have : WARC_IO_CHUNK;
        const char *p;
        size_t got = 0;
        sr_status st = sr_stream_read(c->s, want, &p, &got);
        if (st == SR_EIO || st == SR_ENOMEM)
            return stream_broke(c, r->no, st, "reading the block");
        if (st == SR_OK) {
            memcpy(buf + have, p, got);
            have += got;
        }
        if (st != SR_OK || got < want)
            return truncated(c, r, r->length - (block_left - have));
    }
    buf[n] = '\0';
    *out = buf;
    return SR_OK;
}

/* Parses the HTTP status line and headers at the start of a response block.
 * P holds the first LEN bytes of the block; WHOLE says LEN is the whole
 * block.  Returns NULL or why the block is unusable.  O(len). */
static const char *parse_http(const char *p, size_t len, int whole, http_info *h) {
    memset(h, 0, sizeof *h);
    size_t pos = 0;
    int first = 1;
    for (;;) {
        const char *nl = memchr(p + pos, '\n', len - pos);
        if (!nl && !whole)
            return "HTTP header longer than 64 KiB";
        size_t end = nl ? (size_t)(nl - p) : len;
        const char *line = p + pos;
        size_t n = end - pos;
        pos = nl ? end + 1 : len;
        strip_cr(line, &n);
        if (first) {
            first = 0;
            /* "HTTP/1.1 200 OK"; HTTP/2 writers put "HTTP/2 200". */
            if (!istarts(line, n, "HTTP/"))
                return "response block does not start with an HTTP status line";
            size_t i = 5;
            while (i < n && !is_space((unsigned char)line[i]))
                i++;
            while (i < n && is_space((unsigned char)line[i]))
                i++;
            if (i + 3 > n || line[i] < '1' || line[i] > '5' || line[i + 1] < '0' ||
                line[i + 1] > '9' || line[i + 2] < '0' || line[i + 2] > '9')
                return "bad HTTP status line";
            h->status = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
        } else if (n == 0) {
            break;
        } else if (!is_space((unsigned char)line[0])) {
            const char *colon = memchr(line, ':', n);
            if (colon) {
                const char *name = line, *v = colon + 1;
                size_t name_len = (size_t)(colon - line), vlen = n - name_len - 1;
                trim(&name, &name_len);
                trim(&v, &vlen);
                if (ieq(name, name_len, "Content-Type")) {
                    parse_media(v, vlen, &h->ctype);
                } else if (ieq(name, name_len, "Transfer-Encoding")) {
                    /* chunked is always the last transfer coding (RFC 7230 3.3.1) */
                    h->chunked = vlen >= 7 && ieq(v + vlen - 7, 7, "chunked");
                } else if (ieq(name, name_len, "Content-Encoding")) {
                    /* One coding plus optional "identity"s; stacked codings
                     * are not seen in practice and are refused. */
                    size_t i = 0;
                    while (i < vlen) {
                        size_t t = i;
                        while (i < vlen && v[i] != ',')
                            i++;
                        const char *tok = v + t;
                        size_t tlen = i - t;
                        trim(&tok, &tlen);
                        if (i < vlen)
                            i++;
                        if (!tlen || ieq(tok, tlen, "identity"))
                            continue;
                        http_coding k = CODING_IDENTITY;
                        if (ieq(tok, tlen, "gzip") || ieq(tok, tlen, "x-gzip"))
                            k = CODING_GZIP;
                        else if (ieq(tok, tlen, "deflate"))
                            k = CODING_DEFLATE;
                        if (k == CODING_IDENTITY || h->coding != CODING_IDENTITY)
                            h->bad_coding = 1;
                        h->coding = k;
                        size_t cn = tlen < WARC_CODING_MAX - 1 ? tlen : WARC_CODING_MAX - 1;
                        for (size_t j = 0; j < cn; j++) {
                            int ch = (unsigned char)tok[j];
                            h->coding_name[j] = (ch < 0x20 || ch >= 0x7f) ? '?' : (char)ch;
                        }
                        h->coding_name[cn] = '\0';
                    }
                }
            }
        }
        if (pos >= len) {
            if (!whole)
                return "HTTP header longer than 64 KiB";
            break; /* a header with no payload */
        }
    }
    h->header_len = pos;
    return NULL;
}

/* Removes chunked transfer coding in place (the output never outruns the
 * input).  *OUT_LEN is the decoded length.  A body whose first line is not a
 * chunk size was de-chunked by the crawler though the header still says
 * chunked (common with older writers); it is kept as it is.  With
 * PARTIAL_OK (WARC-Truncated set) a body cut short keeps what arrived.
 * Returns NULL or why the body is unusable.  O(len). */
static const char *dechunk(char *buf, size_t len, int partial_ok, size_t *out_len) {
    size_t r = 0, w = 0;
    int first = 1;
    for (;;) {
        char *nl = r < len ? memchr(buf + r, '\n', len - r) : NULL;
        if (!nl) {
            if (first)
                break; /* not chunked after all */
            if (partial_ok)
                break;
            return "truncated chunked body (no last chunk)";
        }
        size_t line_end = (size_t)(nl - buf), i = r;
        uint64_t size = 0;
        int digits = 0, bad = 0;
        while (i < line_end) {
            int ch = ascii_lower((unsigned char)buf[i]);
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0)
                break;
            size = size * 16 + (uint64_t)d;
            if (++digits > 15)
                bad = 1;
            i++;
        }
        /* Then optional blanks, a ";ext" and the CR. */
        while (i < line_end && is_space((unsigned char)buf[i]))
            i++;
        if (i < line_end && buf[i] != ';' && !(buf[i] == '\r' && i + 1 == line_end))
            bad = 1;
        if (!digits || bad) {
            if (first) {
                *out_len = len;
                return NULL;
            }
            return "bad chunk size line in chunked body";
        }
        first = 0;
        r = line_end + 1;
        if (size == 0)
            break; /* last chunk; trailer fields are not needed */
        if (size > len - r) {
            if (!partial_ok)
                return "truncated chunked body";
            memmove(buf + w, buf + r, len - r);
            w += len - r;
            break;
        }
        memmove(buf + w, buf + r, (size_t)size);
        w += (size_t)size;
        r += (size_t)size;
        if (r < len && buf[r] == '\r')
            r++;
        if (r < len && buf[r] == '\n')
            r++;
        else if (r < len)
            return "chunk data not followed by CRLF";
    }
    if (first) {
        *out_len = len;
        return NULL;
    }
    *out_len = w;
    return NULL;
}

static voidpf zlib_arena_alloc(voidpf opaque, uInt items, uInt size) {
    return sr_arena_calloc(opaque, items, size);
}

/* zlib's state lives in the document arena and goes with it. */
static void zlib_arena_free(voidpf opaque, voidpf p) {
    (void)opaque;
    (void)p;
}

/* Inflates IN[0..n) (gzip, possibly several members; zlib or raw deflate)
 * into a new arena buffer of at most c->max bytes.  The output doubles as it
 * fills, so the cost is O(output) and the memory at most twice the cap.
 * Returns SR_OK with *WHY NULL, SR_OK with *WHY set (reject), or
 * SR_ENOMEM. */
static sr_status inflate_body(warc_call *c, http_coding coding, const unsigned char *in, size_t n,
                              int partial_ok, char **out, size_t *out_len, const char **why) {
    sr_arena *a = c->doc->arena;
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = zlib_arena_alloc;
    z.zfree = zlib_arena_free;
    z.opaque = a;
    int wbits = 15 + 32; /* gzip or zlib header, detected */
    if (coding == CODING_DEFLATE &&
        !(n >= 2 && (in[0] & 0x0f) == 8 && (((unsigned)in[0] << 8) | in[1]) % 31 == 0))
        wbits = -15; /* "deflate" sent as raw deflate, as some servers do */
    *why = NULL;
    int zr = inflateInit2(&z, wbits);
    if (zr != Z_OK)
        return zr == Z_MEM_ERROR ? SR_ENOMEM : (*why = "zlib initialisation failed", SR_OK);
    size_t cap = n > c->max / 4 ? c->max : n * 4;
    if (cap < WARC_IO_CHUNK)
        cap = WARC_IO_CHUNK < c->max ? WARC_IO_CHUNK : c->max;
    char *buf = sr_arena_alloc(a, cap + 1);
    if (!buf)
        return SR_ENOMEM;
    size_t used = 0, in_left = n;
    const unsigned char *ip = in;
    for (;;) {
        if (z.avail_in == 0 && in_left) {
            size_t k = in_left < UINT_MAX ? in_left : UINT_MAX;
            z.next_in = (Bytef *)ip;
            z.avail_in = (uInt)k;
            ip += k;
            in_left -= k;
        }
        if (used == cap) {
            if (cap >= c->max) {
                *why = "decoded payload exceeds the size limit";
                break;
            }
            size_t ncap = cap > c->max / 2 ? c->max : cap * 2;
            char *nb = sr_arena_grow(a, buf, cap + 1, ncap + 1);
            if (!nb)
                return SR_ENOMEM;
            buf = nb;
            cap = ncap;
        }
        size_t room = cap - used < UINT_MAX ? cap - used : UINT_MAX;
        z.next_out = (Bytef *)buf + used;
        z.avail_out = (uInt)room;
        zr = inflate(&z, Z_NO_FLUSH);
        used += room - z.avail_out;
        if (zr == Z_STREAM_END) {
            /* Concatenated gzip members decode as one body (RFC 1952 2.2). */
            const unsigned char *next = z.avail_in ? z.next_in : ip;
            size_t rest = z.avail_in + in_left;
            if (wbits == 15 + 32 && rest >= 2 && next[0] == 0x1f && next[1] == 0x8b &&
                inflateReset(&z) == Z_OK)
                continue;
            break;
        }
        if (zr == Z_MEM_ERROR)
            return SR_ENOMEM;
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            *why = z.msg ? z.msg : "corrupt compressed data";
            break;
        }
        /* Room left but nothing more to read: the stream was cut short. */
        if (z.avail_out > 0 && z.avail_in == 0 && in_left == 0) {
            if (!partial_ok)
                *why = "truncated compressed data";
            break;
        }
    }
    inflateEnd(&z);
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return SR_OK;
}

/* ---- charset ---- */

/* Unicode for windows-1252 bytes 0x80..0x9F (WHATWG Encoding, index
 * windows-1252); the rest of the code page is Latin-1. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static int charset_is_utf8(const char *cs) {
    return !*cs || !strcmp(cs, "utf-8") || !strcmp(cs, "utf8");
}

/* Labels that WHATWG maps to windows-1252 (the common ones). */
static int charset_is_cp1252(const char *cs) {
    static const char *const labels[] = {"iso-8859-1", "iso8859-1",    "iso_8859-1",    "latin1",
                                         "l1",         "windows-1252", "cp1252",        "x-cp1252",
                                         "us-ascii",   "ascii",        "ansi_x3.4-1968"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (!strcmp(cs, labels[i]))
            return 1;
    return 0;
}

static char *cp1252_to_utf8(sr_arena *a, const unsigned char *in, size_t n, size_t *out_len) {
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = sr_arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    unsigned char *o = (unsigned char *)out;
    for (size_t i = 0; i < n; i++) {
        unsigned cp = in[i] >= 0x80 && in[i] < 0xa0 ? cp1252_high[in[i] - 0x80] : in[i];
        if (cp < 0x80) {
            *o++ = (unsigned char)cp;
        } else if (cp < 0x800) {
            *o++ = (unsigned char)(0xc0 | cp >> 6);
            *o++ = (unsigned char)(0x80 | (cp & 0x3f));
        } else {
            *o++ = (unsigned char)(0xe0 | cp >> 12);
            *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
            *o++ = (unsigned char)(0x80 | (cp & 0x3f));
        }
    }
    *out_len = (size_t)(o - (unsigned char *)out);
    return out;
}

/* ---- the document ---- */

/* Appends ,"KEY":"VALUE" (JSON-escaped) at *P, or only counts when OUT is
 * NULL.  Values come from value_dup or the charset parser, so they are
 * printable ASCII; the escaping is there for '"' and '\\'. */
static size_t json_pair(char *out, size_t at, const char *key, const char *val) {
    size_t n = at;
    const char *parts[2] = {key, val};
    if (out && at)
        out[n] = ',';
    n += at ? 1 : 0;
    for (int k = 0; k < 2; k++) {
        if (out)
            out[n] = '"';
        n++;
        for (const char *s = parts[k]; *s; s++) {
            if (*s == '"' || *s == '\\') {
                if (out)
                    out[n] = '\\';
                n++;
            }
            if (out)
                out[n] = *s;
            n++;
        }
        if (out)
            out[n] = '"';
        n++;
        if (k == 0) {
            if (out)
                out[n] = ':';
            n++;
        }
    }
    return n;
}

/* Fills DOC from record R and the payload bytes.  The charset is a hint
 * only: sr_doc_set_body repairs invalid UTF-8 anyway, but a page declared
 * as Latin-1/windows-1252 that is not valid UTF-8 is transcoded, since the
 * repair would turn every accented letter into U+FFFD.  Other declared
 * charsets are recorded in extra_json for the caller to judge. */
static sr_status make_doc(warc_call *c, const warc_record *r, media_kind kind, const char *charset,
                          const char *bytes, size_t len) {
    sr_doc *d = c->doc;
    sr_arena *a = d->arena;
    int n = snprintf(NULL, 0, "%s#record %llu", c->origin, (unsigned long long)r->no);
    char *origin = n >= 0 ? sr_arena_alloc(a, (size_t)n + 1) : NULL;
    if (!origin)
        return fail(c, SR_ENOMEM, r->no, "out of memory");
    snprintf(origin, (size_t)n + 1, "%s#record %llu", c->origin, (unsigned long long)r->no);

    sr_status st = sr_doc_set_body(d, bytes, len);
    const char *transcoded = NULL;
    if (st == SR_OK && d->n_utf8_issues && charset_is_cp1252(charset)) {
        size_t tlen = 0;
        char *t = cp1252_to_utf8(a, (const unsigned char *)bytes, len, &tlen);
        st = t ? sr_doc_set_body(d, t, tlen) : SR_ENOMEM;
        transcoded = "windows-1252";
    }
    if (st != SR_OK)
        return fail(c, st, r->no, "out of memory for the body");

    const char *keys[5], *vals[5];
    int k = 0;
    if (r->date)
        keys[k] = "warc_date", vals[k++] = r->date;
    if (r->warc_type_name)
        keys[k] = "warc_type", vals[k++] = r->warc_type_name;
    if (r->truncated)
        keys[k] = "warc_truncated", vals[k++] = r->truncated;
    if (!charset_is_utf8(charset))
        keys[k] = "declared_charset", vals[k++] = charset;
    if (transcoded)
        keys[k] = "transcoded_from", vals[k++] = transcoded;
    size_t total = 0;
    for (int i = 0; i < k; i++)
        total = json_pair(NULL, total, keys[i], vals[i]);
    char *extra = NULL;
    if (total) {
        if (!(extra = sr_arena_alloc(a, total + 1)))
            return fail(c, SR_ENOMEM, r->no, "out of memory");
        size_t at = 0;
        for (int i = 0; i < k; i++)
            at = json_pair(extra, at, keys[i], vals[i]);
        extra[at] = '\0';
    }

    d->origin = origin;
    d->id = r->id && *r->id ? r->id : origin;
    d->url = r->url && *r->url ? r->url : NULL;
    d->published = NULL; /* WARC-Date is the crawl time, not publication */
    d->content_type = kind == MEDIA_HTML ? SR_CONTENT_HTML : SR_CONTENT_TEXT;
    d->extra_json = extra;
    d->input_bytes = (size_t)(sr_stream_offset(c->s) - r->start);
    return SR_OK;
}

/* A resource or conversion record: the block is the document. */
static sr_status read_resource(warc_call *c, const warc_record *r, int *skip) {
    if (r->ctype.kind != MEDIA_HTML && r->ctype.kind != MEDIA_TEXT) {
        *skip = 1;
        return skip_rest(c, r, r->length);
    }
    if (r->length > c->max) {
        sr_status st = skip_rest(c, r, r->length);
        if (st != SR_OK)
            return st;
        return fail(c, SR_REJECT, r->no, "record of %llu bytes exceeds the limit of %zu bytes",
                    (unsigned long long)r->length, c->max);
    }
    char *body;
    sr_status st = read_bytes(c, r, (size_t)r->length, r->length, &body);
    if (st != SR_OK)
        return st;
    int framed;
    finish_block(c, &framed);
    if (!framed)
        return reject_resync(c, r->no,
                             "block is not followed by CRLF CRLF (wrong Content-Length?)");
    if (r->length == 0) {
        *skip = 1; /* WET has empty conversions for pages without text */
        return SR_OK;
    }
    return make_doc(c, r, r->ctype.kind, r->ctype.charset, body, (size_t)r->length);
}

/* A response record: HTTP status line, headers, then the payload. */
static sr_status read_response(warc_call *c, const warc_record *r, int *skip) {
    /* dns:, whois: and similar responses are not HTTP. */
    if (r->ctype.kind != MEDIA_NONE && r->ctype.kind != MEDIA_HTTP) {
        *skip = 1;
        return skip_rest(c, r, r->length);
    }
    size_t want = r->length < WARC_HEADER_MAX ? (size_t)r->length : WARC_HEADER_MAX;
    const char *p = "";
    size_t got = 0;
    sr_status st = want ? sr_stream_peek(c->s, want, &p, &got) : SR_OK;
    if (st == SR_EIO || st == SR_ENOMEM)
        return stream_broke(c, r->no, st, "reading the HTTP header");
    if (got < want)
        return skip_rest(c, r, r->length); /* reports the truncation */
    http_info h;
    const char *why = parse_http(p, got, got == r->length, &h);
    if (why) {
        st = skip_rest(c, r, r->length);
        return st != SR_OK ? st : fail(c, SR_REJECT, r->no, "%s", why);
    }
    media_type m = h.ctype.kind != MEDIA_NONE ? h.ctype : r->payload_type;
    uint64_t payload = r->length - h.header_len;
    /* Redirects, errors and not-modified replies carry no article. */
    if (h.status < 200 || h.status > 299 || (m.kind != MEDIA_HTML && m.kind != MEDIA_TEXT) ||
        payload == 0) {
        *skip = 1;
        return skip_rest(c, r, r->length);
    }
    if (payload > c->max) {
        st = skip_rest(c, r, r->length);
        return st != SR_OK ? st
                           : fail(c, SR_REJECT, r->no,
                                  "payload of %llu bytes exceeds the limit of %zu bytes",
                                  (unsigned long long)payload, c->max);
    }
    if (h.bad_coding) {
        st = skip_rest(c, r, r->length);
        return st != SR_OK ? st
                           : fail(c, SR_REJECT, r->no, "unsupported Content-Encoding \"%s\"",
                                  h.coding_name);
    }
    sr_stream_skip(c->s, h.header_len, NULL); /* peeked, so present */
    char *body;
    st = read_bytes(c, r, (size_t)payload, payload, &body);
    if (st != SR_OK)
        return st;
    int framed;
    finish_block(c, &framed);
    if (!framed)
        return reject_resync(c, r->no,
                             "block is not followed by CRLF CRLF (wrong Content-Length?)");

    /* Content-Length was cut by the crawler (WARC-Truncated): keep what
     * arrived rather than lose the article. */
    int partial_ok = r->truncated != NULL;
    size_t len = (size_t)payload;
    if (h.chunked && (why = dechunk(body, len, partial_ok, &len)))
        return fail(c, SR_REJECT, r->no, "%s", why);
    if (len == 0) {
        *skip = 1;
        return SR_OK;
    }
    /* Crawlers that decoded the body but kept the header leave no gzip
     * magic; such a body is used as it is. */
    int gzip_magic = len >= 2 && (unsigned char)body[0] == 0x1f && (unsigned char)body[1] == 0x8b;
    if (h.coding == CODING_DEFLATE || (h.coding == CODING_GZIP && gzip_magic)) {
        char *dec;
        size_t dec_len;
        st = inflate_body(c, h.coding, (const unsigned char *)body, len, partial_ok, &dec, &dec_len,
                          &why);
        if (st != SR_OK)
            return fail(c, st, r->no, "out of memory inflating the payload");
        if (why)
            return fail(c, SR_REJECT, r->no, "Content-Encoding %s: %s", h.coding_name, why);
        body = dec;
        len = dec_len;
    }
    if (len == 0) {
        *skip = 1;
        return SR_OK;
    }
    return make_doc(c, r, m.kind, m.charset, body, len);
}

/* Reads one record.  *SKIP is set (with SR_OK) for a record that is whole
 * but not a document. */
static sr_status read_record(warc_call *c, int *skip) {
    warc_reader *st = c->st;
    warc_record r;
    memset(&r, 0, sizeof r);
    if (st->pending) {
        r.start = st->pending_start;
        st->pending = 0;
    } else {
        for (;;) {
            r.start = sr_stream_offset(c->s);
            const char *line;
            size_t len;
            sr_status rc = sr_stream_line(c->s, WARC_LINE_MAX, &line, &len);
            if (rc == SR_DONE) {
                const char *why = sr_stream_error(c->s);
                if (why && *why) { /* e.g. a gzip member cut inside its header */
                    st->dead = 1;
                    return fail(c, SR_REJECT, st->record_no + 1, "%s", why);
                }
                return SR_DONE;
            }
            if (rc == SR_OK && is_blank(line, len))
                continue; /* extra blank lines between records are harmless */
            if (rc == SR_OK && is_version_line(line, len))
                break;
            if (rc != SR_OK && rc != SR_ETOOBIG)
                return stream_broke(c, st->record_no + 1, rc, "reading the version line");
            /* Garbage: count it as one broken record and skip to the next. */
            uint64_t no = ++st->record_no;
            rc = resync(c, no);
            if (rc != SR_OK)
                return rc;
            uint64_t upto = st->pending ? st->pending_start : sr_stream_offset(c->s);
            return fail(c, SR_REJECT, no, "missing WARC/1.x version line (%llu bytes skipped)",
                        (unsigned long long)(upto - r.start));
        }
    }
    r.no = ++st->record_no;
    sr_status rc = read_warc_header(c, &r);
    if (rc != SR_OK)
        return rc;
    if (!r.have_length)
        return reject_resync(c, r.no, "missing Content-Length");
    if (r.bad_length)
        return reject_resync(c, r.no, "bad Content-Length");
    switch (r.type) {
    case WARC_TYPE_RESPONSE:
        return read_response(c, &r, skip);
    case WARC_TYPE_RESOURCE:
    case WARC_TYPE_CONVERSION:
        return read_resource(c, &r, skip);
    case WARC_TYPE_OTHER:
        *skip = 1;
        return skip_rest(c, &r, r.length);
    case WARC_TYPE_NONE:
        break;
    }
    rc = skip_rest(c, &r, r.length);
    return rc != SR_OK ? rc : fail(c, SR_REJECT, r.no, "missing WARC-Type");
}

sr_status warc_next(warc_reader **state, sr_stream *s, const char *origin_base, size_t max,
                    sr_doc *doc, uint64_t *skipped, char *err, size_t errlen) {
    if (err && errlen)
        err[0] = '\0';
    if (!state || !s || !doc || !doc->arena)
        return SR_EINVAL;
    if (!*state) {
        const sr_mem *mem = sr_mem_default();
        warc_reader *st = mem->alloc(sizeof *st, mem->ctx);
        if (!st)
            return SR_ENOMEM;
        memset(st, 0, sizeof *st);
        st->mem = mem;
        *state = st;
    }
    warc_call c = {
        *state, s, origin_base ? origin_base : "-", max ? max : WARC_DEFAULT_MAX, doc, err, errlen};
    if (c.st->dead)
        return SR_DONE;
    /* One record per step; each step consumes at least its version line. */
    for (;;) {
        sr_doc_reset(doc); /* a skipped record's strings go with it */
        int skip = 0;
        sr_status st = read_record(&c, &skip);
        if (st == SR_OK && skip) {
            if (skipped)
                (*skipped)++;
            continue;
        }
        if (st != SR_OK)
            sr_doc_reset(doc);
        return st;
    }
}

void warc_free(warc_reader *state) {
    if (!state)
        return;
    state->mem->release(state, state->mem->ctx);
}
