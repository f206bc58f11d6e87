/* sitrep/buf.h - a growable byte buffer with a hard cap, and JSON writing.
 *
 * Used for every JSON-lines form the library emits.  The buffer owns its
 * bytes; sr_buf_free releases them.  Appends fail with SR_ENOMEM once the
 * cap (default 1 GiB) would be passed, and the buffer stays sticky-failed
 * (SQLite's mallocFailed) so a writer can check once at the end. */
#ifndef SITREP_BUF_H
#define SITREP_BUF_H

#include "sitrep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sr_buf {
    char *data;
    size_t len;
    size_t cap;       /* allocated bytes */
    size_t limit;     /* hard cap; 0 = 1 GiB */
    const sr_mem *mem;
    sr_status status; /* first failure, sticky */
} sr_buf;

void sr_buf_init(sr_buf *b, const sr_mem *mem);
void sr_buf_free(sr_buf *b);
void sr_buf_clear(sr_buf *b); /* len = 0, status = SR_OK; keeps memory */
sr_status sr_buf_reserve(sr_buf *b, size_t extra);
sr_status sr_buf_append(sr_buf *b, const char *s, size_t n);
sr_status sr_buf_puts(sr_buf *b, const char *s);
sr_status sr_buf_putc(sr_buf *b, char c);
sr_status sr_buf_printf(sr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* JSON helpers.  Strings are escaped per RFC 8259; input must be valid
 * UTF-8 (documents are repaired on reading), control bytes become \uXXXX. */
sr_status sr_json_string(sr_buf *b, const char *s, size_t n);
sr_status sr_json_cstr(sr_buf *b, const char *s); /* NULL -> null */
/* ,"key": -- FIRST set to 1 before the first key of an object. */
sr_status sr_json_key(sr_buf *b, const char *key, int *first);
sr_status sr_json_span(sr_buf *b, sr_span s); /* [start,end] */
/* An unsigned or signed integer in decimal, without printf. */
sr_status sr_buf_uint(sr_buf *b, uint64_t v);
/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, then ',' or, when LAST, '\n'.  NULL writes an empty field. */
void sr_csv_field(sr_buf *b, const char *s, int last);
sr_status sr_buf_int(sr_buf *b, int64_t v);

/* Writers into memory the caller has reserved (sr_buf_reserve), for output
 * loops that reserve once per record instead of once per field. */
/* S[0..n) as a quoted JSON string, escaped as sr_json_string does; DST
 * needs room for 6 * n + 2 bytes.  Returns the end of what was written. */
char *sr_json_escape(char *dst, const char *s, size_t n);
/* V in decimal (at most 20 bytes, no NUL).  Returns the length. */
size_t sr_format_uint(char *dst, uint64_t v);
/* V with DECIMALS digits after the point, byte for byte what printf's
 * "%.*f" writes in the default rounding mode, without printf for finite
 * values below 1e9 and DECIMALS <= 9.  DST needs 32 bytes; the result is
 * NUL-terminated and cut at 31 bytes.  Returns the length. */
size_t sr_format_fixed(char *dst, double v, int decimals);

#ifdef __cplusplus
}
#endif
#endif
