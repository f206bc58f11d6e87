/* core/json_plain.h - where a plain run of JSON string bytes ends, sixteen
 * bytes at a time.
 *
 * Shared by the JSON writer (buf.c) and the JSON-lines reader (ingest): both
 * pass over long runs of bytes that a JSON string holds as they are, and
 * stop at a quote, a backslash or a control byte.  SSE2 is part of x86-64;
 * elsewhere SR_JSON_PLAIN16 is 0 and the callers' word-at-a-time loops do
 * the work alone. */
#ifndef SITREP_CORE_JSON_PLAIN_H
#define SITREP_CORE_JSON_PLAIN_H

#if defined(__SSE2__)
#include <emmintrin.h>
#define SR_JSON_PLAIN16 1

/* Bit i is set when byte P[i] (of the 16 at P) is '"', '\\' or below 0x20. */
static inline unsigned sr_json_stops16(const void *p)
{
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
    const __m128i ctl = _mm_set1_epi8(0x1F);
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl)); /* v <= 0x1F */
    return (unsigned)_mm_movemask_epi8(stop);
}
#else
#define SR_JSON_PLAIN16 0
#endif

#endif
