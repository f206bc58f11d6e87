/* doc.c - documents and UTF-8 repair.
 *
 * sr_doc_set_body validates UTF-8 per RFC 3629 (no overlongs, surrogates or
 * code points past U+10FFFF) and replaces each maximal invalid subpart with
 * U+FFFD, as the Unicode standard recommends (§3.9, "U+FFFD substitution of
 * maximal subparts").  NUL bytes are replaced too: downstream code and JSON
 * consumers treat the text as a C string.  The fast path copies 8-byte
 * ASCII words untouched. */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sitrep/doc.h"

#define DOC_MAX_STORED_ISSUES 64

sr_status sr_doc_init(sr_doc *doc, const sr_mem *mem)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = sr_arena_new(mem);
    return doc->arena ? SR_OK : SR_ENOMEM;
}

void sr_doc_reset(sr_doc *doc)
{
    sr_arena *a = doc->arena;
    sr_arena_reset(a);
    memset(doc, 0, sizeof *doc);
    doc->arena = a;
}

void sr_doc_free(sr_doc *doc)
{
    if (!doc)
        return;
    sr_arena_free(doc->arena);
    memset(doc, 0, sizeof *doc);
}

/* Length of the valid UTF-8 sequence at P (1..4), or 0 when invalid; for an
 * invalid sequence *BAD is the length of the maximal invalid subpart. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end, size_t *bad)
{
    unsigned c = p[0];
    size_t avail = (size_t)(end - p);
    *bad = 1;
    if (c < 0x80)
        return c ? 1 : 0;
    unsigned lo = 0x80, hi = 0xBF;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if (i >= avail)
            return *bad = i, 0;
        unsigned b = p[i];
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF))
            return *bad = i, 0;
    }
    return n;
}

static sr_status set_body(sr_doc *doc, const char *bytes, size_t len, int adopt)
{
    const unsigned char *p = (const unsigned char *)bytes, *end = p + len;
    /* First pass: is it already valid?  Most input is. */
    size_t n_bad = 0, extra = 0;
    const unsigned char *q = p;
    while (q < end) {
#if defined(__SSE2__)
        if ((size_t)(end - q) >= 16) { /* sixteen at a time, the same test */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
            if (!_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128())))) {
                q += 16;
                continue;
            }
        }
#endif
        if ((size_t)(end - q) >= 8) {
            uint64_t w;
            memcpy(&w, q, 8);
            /* all ASCII and no zero byte */
            if (!(w & 0x8080808080808080ull) &&
                !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
                q += 8;
                continue;
            }
        }
        size_t bad, k = utf8_seq(q, end, &bad);
        if (k) {
            q += k;
        } else {
            n_bad++;
            extra += 3; /* at most 3 bytes per replaced subpart */
            q += bad;
        }
    }
    doc->n_utf8_issues = n_bad;
    doc->n_utf8_issues_stored = 0;
    doc->utf8_issues = NULL;
    if (!n_bad && adopt) {
        doc->body = bytes;
        doc->body_len = len;
        return SR_OK;
    }
    char *out = sr_arena_alloc(doc->arena, len + extra + 1);
    if (!out)
        return SR_ENOMEM;
    if (!n_bad) {
        memcpy(out, bytes, len);
        out[len] = '\0';
        doc->body = out;
        doc->body_len = len;
        return SR_OK;
    }
    size_t keep = n_bad < DOC_MAX_STORED_ISSUES ? n_bad : DOC_MAX_STORED_ISSUES;
    doc->utf8_issues = sr_arena_calloc(doc->arena, keep, sizeof *doc->utf8_issues);
    if (!doc->utf8_issues)
        return SR_ENOMEM;
    char *o = out;
    q = p;
    while (q < end) {
        size_t bad, k = utf8_seq(q, end, &bad);
        if (k) {
            memcpy(o, q, k);
            o += k;
            q += k;
            continue;
        }
        if (doc->n_utf8_issues_stored < keep) {
            sr_utf8_issue *is = &doc->utf8_issues[doc->n_utf8_issues_stored++];
            is->input_offset = (size_t)(q - p);
            is->text_offset = (size_t)(o - out);
        }
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3;
        q += bad;
    }
    *o = '\0';
    doc->body = out;
    doc->body_len = (size_t)(o - out);
    return SR_OK;
}

sr_status sr_doc_set_body(sr_doc *doc, const char *bytes, size_t len)
{
    return set_body(doc, bytes, len, 0);
}

sr_status sr_doc_adopt_body(sr_doc *doc, const char *bytes, size_t len)
{
    return set_body(doc, bytes, len, 1);
}
