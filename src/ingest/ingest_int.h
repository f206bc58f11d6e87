/* ingest_int.h - shared between the format readers (internal). */
#ifndef SR_INGEST_INT_H
#define SR_INGEST_INT_H

#include "sitrep/reader.h"
#include "stream.h"

/* WARC record reader state.  One per input stream. */
typedef struct warc_reader warc_reader;

/* WARC: reads the next usable record from S into DOC.  Only "response"
 * records with an HTML or text payload and "resource"/"conversion" records
 * become documents; request, metadata, warcinfo and others are skipped
 * silently as they are not articles (they are counted in *SKIPPED).
 * Returns SR_OK, SR_DONE, SR_REJECT (ERR says which record and why: missing
 * WARC/1.x line, bad Content-Length, truncated record or gzip, payload larger
 * than MAX), or SR_EIO. ORIGIN_BASE is the file name for messages;
 * doc->origin becomes "NAME#record N" (1-based, counting all records). */
sr_status warc_next(warc_reader **state, sr_stream *s, const char *origin_base,
                    size_t max, sr_doc *doc, uint64_t *skipped, char *err,
                    size_t errlen);
void warc_free(warc_reader *state);

/* JSON lines: parses one line into DOC.  SR_OK or SR_REJECT (ERR says
 * why: not an object, bad escape, missing text/html, ...). */
sr_status jsonl_parse_line(const char *line, size_t len, sr_doc *doc,
                           char *err, size_t errlen);

#endif
