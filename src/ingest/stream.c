/* stream.c - buffered, gzip-transparent byte stream (see stream.h).
 *
 * One window buffer holds unread bytes [pos, end).  It grows only up to the
 * largest line or read a caller asks for; a line longer than the caller's
 * maximum is consumed in skip mode without being buffered, so memory is
 * bounded by the caller's maximum whatever the input size.  zlib's gz layer
 * reads plain files transparently and joins gzip members (WARC.gz). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "stream.h"

#define STREAM_CHUNK (256u * 1024u)

struct sr_stream {
    const sr_mem *mem;
    gzFile gz;
    char *buf;
    size_t cap, pos, end;
    int eof;       /* no more bytes from gz */
    int broken;    /* an error ended the input */
    uint64_t consumed, lines;
    char error[160];
};

sr_status sr_stream_open(sr_stream **out, int fd, const sr_mem *mem)
{
    *out = NULL;
    if (!mem)
        mem = sr_mem_default();
    sr_stream *s = mem->alloc(sizeof *s, mem->ctx);
    if (!s) {
        close(fd);
        return SR_ENOMEM;
    }
    memset(s, 0, sizeof *s);
    s->mem = mem;
    s->gz = gzdopen(fd, "rb");
    if (!s->gz) {
        close(fd);
        mem->release(s, mem->ctx);
        return SR_ENOMEM;
    }
    gzbuffer(s->gz, STREAM_CHUNK);
    *out = s;
    return SR_OK;
}

void sr_stream_free(sr_stream *s)
{
    if (!s)
        return;
    if (s->gz)
        gzclose(s->gz);
    if (s->buf)
        s->mem->release(s->buf, s->mem->ctx);
    s->mem->release(s, s->mem->ctx);
}

uint64_t sr_stream_offset(const sr_stream *s) { return s->consumed; }
uint64_t sr_stream_line_no(const sr_stream *s) { return s->lines; }
uint64_t sr_stream_raw_bytes(const sr_stream *s)
{
    z_off_t o = gzoffset(s->gz);
    return o < 0 ? 0 : (uint64_t)o;
}
const char *sr_stream_error(const sr_stream *s) { return s->error; }

/* Makes room for at least WANT unread bytes in the window. */
static sr_status ensure_cap(sr_stream *s, size_t want)
{
    if (s->pos > 0 && s->cap - s->pos < want + STREAM_CHUNK) {
        memmove(s->buf, s->buf + s->pos, s->end - s->pos);
        s->end -= s->pos;
        s->pos = 0;
    }
    size_t need = s->end - s->pos + STREAM_CHUNK;
    if (need < want)
        need = want;
    if (s->pos + need <= s->cap)
        return SR_OK;
    size_t cap = s->cap ? s->cap : STREAM_CHUNK * 2;
    while (cap < s->pos + need)
        cap *= 2;
    char *b = s->mem->resize(s->buf, cap, s->mem->ctx);
    if (!b)
        return SR_ENOMEM;
    s->buf = b;
    s->cap = cap;
    return SR_OK;
}

/* Reads more bytes from gz into the window.  Returns bytes added (0 at end
 * of input or on error; errors set s->broken and s->error). */
static size_t fill(sr_stream *s, size_t want)
{
    if (s->eof)
        return 0;
    if (ensure_cap(s, want) != SR_OK) {
        snprintf(s->error, sizeof s->error, "out of memory");
        s->broken = 1;
        s->eof = 1;
        return 0;
    }
    size_t room = s->cap - s->end;
    if (room > (1u << 30))
        room = 1u << 30;
    int n = gzread(s->gz, s->buf + s->end, (unsigned)room);
    if (n > 0) {
        s->end += (size_t)n;
        return (size_t)n;
    }
    int errnum = 0;
    const char *msg = gzerror(s->gz, &errnum);
    s->eof = 1;
    if (n < 0 || errnum != Z_OK) {
        s->broken = 1;
        if (errnum == Z_BUF_ERROR)
            snprintf(s->error, sizeof s->error, "truncated gzip data (unexpected end of file)");
        else if (errnum == Z_DATA_ERROR)
            snprintf(s->error, sizeof s->error, "corrupt gzip data: %s", msg ? msg : "?");
        else
            snprintf(s->error, sizeof s->error, "read error: %s", msg ? msg : "?");
    }
    return 0;
}

static sr_status end_status(const sr_stream *s) { return s->broken ? SR_EFORMAT : SR_DONE; }

sr_status sr_stream_line(sr_stream *s, size_t max, const char **line, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = s->end - s->pos - scanned;
        char *nl = avail ? memchr(s->buf + s->pos + scanned, '\n', avail) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (s->buf + s->pos));
            *line = s->buf + s->pos;
            *len = n;
            s->pos += n + 1;
            s->consumed += n + 1;
            s->lines++;
            if (n > max) {
                *line = NULL;
                return SR_ETOOBIG;
            }
            return SR_OK;
        }
        scanned = s->end - s->pos;
        if (scanned > max)
            break; /* too long: switch to skip mode */
        if (!fill(s, scanned + STREAM_CHUNK)) {
            if (s->end > s->pos && s->broken) {
                /* the input was cut inside this line: it is not a record */
                s->consumed += s->end - s->pos;
                s->pos = s->end;
                return SR_EFORMAT;
            }
            if (s->end > s->pos) { /* last line without '\n' */
                *line = s->buf + s->pos;
                *len = s->end - s->pos;
                s->consumed += *len;
                s->pos = s->end;
                s->lines++;
                if (*len > max) {
                    *line = NULL;
                    return SR_ETOOBIG;
                }
                return SR_OK;
            }
            return end_status(s);
        }
    }
    /* Skip mode: count and drop bytes up to the next newline. */
    size_t total = 0;
    for (;;) {
        char *nl = s->end > s->pos ? memchr(s->buf + s->pos, '\n', s->end - s->pos) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (s->buf + s->pos));
            total += n;
            s->pos += n + 1;
            s->consumed += n + 1;
            break;
        }
        total += s->end - s->pos;
        s->consumed += s->end - s->pos;
        s->pos = s->end = 0;
        if (!fill(s, STREAM_CHUNK))
            break;
    }
    s->lines++;
    *line = NULL;
    *len = total;
    return SR_ETOOBIG;
}

sr_status sr_stream_peek(sr_stream *s, size_t n, const char **data, size_t *got)
{
    while (s->end - s->pos < n && fill(s, n))
        ;
    *data = s->buf ? s->buf + s->pos : "";
    *got = s->end - s->pos < n ? s->end - s->pos : n;
    return *got ? SR_OK : end_status(s);
}

sr_status sr_stream_read(sr_stream *s, size_t n, const char **data, size_t *got)
{
    sr_status st = sr_stream_peek(s, n, data, got);
    if (st != SR_OK)
        return st;
    s->pos += *got;
    s->consumed += *got;
    return SR_OK;
}

sr_status sr_stream_skip(sr_stream *s, uint64_t n, uint64_t *done)
{
    uint64_t left = n;
    while (left) {
        size_t have = s->end - s->pos;
        if (!have) {
            s->pos = s->end = 0;
            if (!fill(s, STREAM_CHUNK))
                break;
            continue;
        }
        size_t k = have < left ? have : (size_t)left;
        s->pos += k;
        s->consumed += k;
        left -= k;
    }
    if (done)
        *done = n - left;
    return left ? end_status(s) : SR_OK;
}
