/* stream.h - buffered, gzip-transparent byte stream for the readers.
 *
 * Wraps a file descriptor with zlib's gz* layer, so gzip input (including
 * the multi-member gzip of WARC.gz) and plain input read the same way.  The
 * stream keeps one window buffer whose size is bounded by the largest record
 * a caller accepts; longer lines are skipped without being buffered, so
 * memory stays constant whatever the input.  Internal to libsitrep. */
#ifndef SR_INGEST_STREAM_H
#define SR_INGEST_STREAM_H

#include "sitrep/common.h"

typedef struct sr_stream sr_stream;

/* Wraps FD (the stream closes it).  NAME is used in messages only. */
sr_status sr_stream_open(sr_stream **out, int fd, const sr_mem *mem);
void sr_stream_free(sr_stream *s);

/* Next line without its '\n' (a trailing '\r' is kept).  The bytes stay
 * valid until the next call.  SR_OK, SR_DONE at end of input, SR_ETOOBIG when
 * the line is longer than MAX (the line is consumed and *LEN is its length),
 * SR_EIO/SR_EFORMAT when the input is broken (see sr_stream_error). */
sr_status sr_stream_line(sr_stream *s, size_t max, const char **line,
                         size_t *len);

/* Up to N bytes (fewer only at end of input) valid until the next call.
 * N must not exceed the MAX the caller uses for lines.  SR_DONE when no byte
 * is left. */
sr_status sr_stream_read(sr_stream *s, size_t n, const char **data,
                         size_t *got);

/* Discards N bytes; *DONE says how many were there. */
sr_status sr_stream_skip(sr_stream *s, uint64_t n, uint64_t *done);

/* Looks at up to N bytes ahead without consuming them. */
sr_status sr_stream_peek(sr_stream *s, size_t n, const char **data,
                         size_t *got);

/* Uncompressed bytes consumed so far. */
uint64_t sr_stream_offset(const sr_stream *s);
/* Lines returned so far (the current line's number after sr_stream_line). */
uint64_t sr_stream_line_no(const sr_stream *s);
/* Compressed (raw file) bytes read so far. */
uint64_t sr_stream_raw_bytes(const sr_stream *s);
/* Why the input broke ("truncated gzip data", ...) or "" */
const char *sr_stream_error(const sr_stream *s);

#endif
