/* sitrep/reader.h - streaming document readers.
 *
 * A reader turns one input (a file, a directory tree, or standard input)
 * into a stream of documents with memory bounded by the largest accepted
 * document, whatever the input size.  Formats: plain text (one article per
 * file), JSON lines, HTML pages, and WARC / WARC.gz.  Any input may be
 * gzip-compressed.  A record that cannot be used is *rejected*:
 * sr_reader_next returns SR_REJECT, sr_reader_error() names the file, line or
 * record and the reason, and the next call continues with the next record.
 * The reader owns nothing of the caller's; the caller owns the sr_doc. */
#ifndef SITREP_READER_H
#define SITREP_READER_H

#include "sitrep/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_input_format {
    SR_INPUT_AUTO = 0, /* by extension, else by sniffing the first bytes */
    SR_INPUT_TEXT,
    SR_INPUT_JSONL,
    SR_INPUT_HTML,
    SR_INPUT_WARC
} sr_input_format;

typedef struct sr_reader_options {
    sr_input_format format;
    size_t max_doc_bytes; /* larger records are rejected; 0 = 32 MiB */
    const sr_mem *mem;    /* NULL = default allocator */
} sr_reader_options;

typedef struct sr_reader sr_reader;

/* Opens PATH ("-" or NULL = standard input).  A directory is walked
 * recursively in byte order of names, one document per regular file.
 * On failure *OUT is NULL and ERR (if not NULL, ERRLEN bytes) says why. */
sr_status sr_reader_open(sr_reader **out, const char *path,
                         const sr_reader_options *opt, char *err,
                         size_t errlen);

/* Reads the next document into DOC (reset first).
 * SR_OK: DOC holds a document.  SR_DONE: end of input.
 * SR_REJECT: one record was skipped; see sr_reader_error; call again.
 * SR_EIO / SR_ENOMEM: the input cannot continue; stop. */
sr_status sr_reader_next(sr_reader *r, sr_doc *doc);

/* "origin: reason" for the last SR_REJECT or error.  Owned by the reader. */
const char *sr_reader_error(const sr_reader *r);

/* Input bytes consumed so far (compressed bytes for gzip inputs). */
uint64_t sr_reader_bytes(const sr_reader *r);

/* Closes the input.  NULL is a no-op. */
void sr_reader_free(sr_reader *r);

/* Name of a format ("text", "jsonl", ...). */
const char *sr_input_format_name(sr_input_format f);
/* Parses a format name; SR_EINVAL when unknown. */
sr_status sr_input_format_parse(const char *name, sr_input_format *out);

#ifdef __cplusplus
}
#endif
#endif
