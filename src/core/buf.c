/* buf.c - growable output buffer with a hard cap, and JSON escaping. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/json_plain.h"
#include "sitrep/buf.h"

#define BUF_DEFAULT_LIMIT ((size_t)1 << 30)

void sr_buf_init(sr_buf *b, const sr_mem *mem)
{
    memset(b, 0, sizeof *b);
    b->mem = mem ? mem : sr_mem_default();
}

void sr_buf_free(sr_buf *b)
{
    if (b && b->data)
        b->mem->release(b->data, b->mem->ctx);
    if (b) {
        const sr_mem *m = b->mem;
        memset(b, 0, sizeof *b);
        b->mem = m;
    }
}

void sr_buf_clear(sr_buf *b)
{
    b->len = 0;
    b->status = SR_OK;
}

sr_status sr_buf_reserve(sr_buf *b, size_t extra)
{
    if (b->status != SR_OK)
        return b->status;
    size_t limit = b->limit ? b->limit : BUF_DEFAULT_LIMIT;
    if (extra > limit || b->len + extra + 1 > limit)
        return b->status = SR_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return SR_OK;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < need)
        cap *= 2;
    if (cap > limit)
        cap = limit;
    char *p = b->mem->resize(b->data, cap, b->mem->ctx);
    if (!p)
        return b->status = SR_ENOMEM;
    b->data = p;
    b->cap = cap;
    return SR_OK;
}

sr_status sr_buf_append(sr_buf *b, const char *s, size_t n)
{
    if (sr_buf_reserve(b, n) != SR_OK)
        return b->status;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return SR_OK;
}

sr_status sr_buf_puts(sr_buf *b, const char *s) { return sr_buf_append(b, s, strlen(s)); }
sr_status sr_buf_putc(sr_buf *b, char c) { return sr_buf_append(b, &c, 1); }

sr_status sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return b->status = SR_EINVAL;
    if ((size_t)n < sizeof tmp)
        return sr_buf_append(b, tmp, (size_t)n);
    if (sr_buf_reserve(b, (size_t)n) != SR_OK)
        return b->status;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SR_OK;
}

/* Bytes that need escaping: '"', '\\' and controls below 0x20. */
static const unsigned char json_needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

char *sr_json_escape(char *o, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    *o++ = '"';
    /* plain bytes are copied as they are tested: the strings are mostly
     * short fields, for which a separate memcpy of each run costs more
     * than the copy */
    while (p < end) {
#if SR_JSON_PLAIN16
        /* sixteen bytes at a time; a block with a byte to escape is copied
         * whole but only its plain prefix is kept (DST has room: 6 bytes
         * for each of the 16 or more left) */
        while (end - p >= 16) {
            unsigned stops = sr_json_stops16(p);
            memcpy(o, p, 16);
            if (stops) {
                unsigned k = (unsigned)__builtin_ctz(stops);
                o += k;
                p += k;
                break;
            }
            o += 16;
            p += 16;
        }
#endif
        while (end - p >= 8) { /* same word test as the JSON reader */
            uint64_t w;
            memcpy(&w, p, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
            uint64_t hit = ((q - ones) & ~q) | ((bs - ones) & ~bs) | ((w - ones * 0x20) & ~w);
            if (hit & highs)
                break;
            memcpy(o, &w, 8);
            o += 8;
            p += 8;
        }
        while (p < end && !json_needs_escape[*p])
            *o++ = (char)*p++;
        if (p == end)
            break;
        unsigned char c = *p++;
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
        }
    }
    *o++ = '"';
    return o;
}

sr_status sr_json_string(sr_buf *b, const char *s, size_t n)
{
    /* Worst case every byte becomes \u00XX (6 bytes). */
    if (n > (SIZE_MAX - 2) / 6 || sr_buf_reserve(b, n * 6 + 2) != SR_OK)
        return b->status = SR_ENOMEM;
    char *o = sr_json_escape(b->data + b->len, s, n);
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return SR_OK;
}

sr_status sr_json_cstr(sr_buf *b, const char *s)
{
    return s ? sr_json_string(b, s, strlen(s)) : sr_buf_append(b, "null", 4);
}

sr_status sr_json_key(sr_buf *b, const char *key, int *first)
{
    /* keys are the library's own identifiers: plain ASCII, no escaping */
    size_t n = strlen(key);
    if (sr_buf_reserve(b, n + 4) != SR_OK)
        return b->status;
    char *o = b->data + b->len;
    if (!*first)
        *o++ = ',';
    *first = 0;
    *o++ = '"';
    memcpy(o, key, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return SR_OK;
}

size_t sr_format_uint(char *dst, uint64_t v)
{
    /* two digits per division, written from the end */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930"
                                "31323334353637383940414243444546474849505152535455565758596061"
                                "62636465666768697071727374757677787980818283848586878889909192"
                                "93949596979899";
    if (v < 100) { /* sentence numbers, small offsets and counts */
        if (v < 10) {
            dst[0] = (char)('0' + v);
            return 1;
        }
        dst[0] = pairs[2 * v];
        dst[1] = pairs[2 * v + 1];
        return 2;
    }
    size_t n = 3;
    for (uint64_t t = 1000; n < 20 && v >= t; t *= 10)
        n++;
    char *p = dst + n;
    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        p -= 2;
        p[0] = pairs[2 * r];
        p[1] = pairs[2 * r + 1];
    }
    if (v >= 10) {
        p[-2] = pairs[2 * v];
        p[-1] = pairs[2 * v + 1];
    } else {
        p[-1] = (char)('0' + v);
    }
    return n;
}

/* The exact value of a finite double is m * 2^e with an integer m < 2^53.
 * Scaled by 10^decimals (< 2^30) it fits in 128 bits, so the digits and the
 * rounding (half to even on the exact value, as glibc's printf does in the
 * default rounding mode) come out of integer arithmetic.  Values that are
 * not finite or not below 1e9 go to snprintf. */
size_t sr_format_fixed(char *dst, double v, int decimals)
{
#ifdef __SIZEOF_INT128__
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int neg = (int)(bits >> 63);
    int be = (int)((bits >> 52) & 0x7ff);
    uint64_t m = bits & (((uint64_t)1 << 52) - 1);
    double mag = neg ? -v : v;
    if (decimals >= 0 && decimals <= 9 && be != 0x7ff && mag < 1e9) {
        int e = be ? be - 1075 : -1074;
        if (be)
            m |= (uint64_t)1 << 52;
        uint64_t pow10 = 1;
        for (int i = 0; i < decimals; i++)
            pow10 *= 10;
        unsigned __int128 scaled = (unsigned __int128)m * pow10;
        uint64_t q;
        if (e >= 0) {
            q = (uint64_t)(scaled << e); /* m < 2^30 here, since v < 1e9 */
        } else if (-e >= 128) {
            q = 0; /* below 2^-45 after scaling */
        } else {
            int sh = -e;
            unsigned __int128 rem = scaled & ((((unsigned __int128)1) << sh) - 1);
            unsigned __int128 half = ((unsigned __int128)1) << (sh - 1);
            q = (uint64_t)(scaled >> sh);
            if (rem > half || (rem == half && (q & 1)))
                q++;
        }
        size_t n = 0;
        if (neg)
            dst[n++] = '-';
        n += sr_format_uint(dst + n, q / pow10);
        if (decimals) {
            uint64_t f = q % pow10;
            dst[n++] = '.';
            for (int i = decimals - 1; i >= 0; i--) {
                dst[n + (size_t)i] = (char)('0' + f % 10);
                f /= 10;
            }
            n += (size_t)decimals;
        }
        dst[n] = '\0';
        return n;
    }
#endif
    int n = snprintf(dst, 32, "%.*f", decimals, v);
    return n < 0 ? 0 : n < 32 ? (size_t)n : 31;
}

sr_status sr_buf_uint(sr_buf *b, uint64_t v)
{
    char tmp[24];
    return sr_buf_append(b, tmp, sr_format_uint(tmp, v));
}

sr_status sr_buf_int(sr_buf *b, int64_t v)
{
    if (v < 0) {
        sr_buf_putc(b, '-');
        return sr_buf_uint(b, (uint64_t)0 - (uint64_t)v);
    }
    return sr_buf_uint(b, (uint64_t)v);
}

sr_status sr_json_span(sr_buf *b, sr_span s)
{
    sr_buf_putc(b, '[');
    sr_buf_uint(b, s.start);
    sr_buf_putc(b, ',');
    sr_buf_uint(b, s.end);
    return sr_buf_putc(b, ']');
}

void sr_csv_field(sr_buf *b, const char *s, int last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\n\r")) {
        sr_buf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                sr_buf_putc(b, '"');
            sr_buf_putc(b, *s);
        }
        sr_buf_putc(b, '"');
    } else {
        sr_buf_puts(b, s);
    }
    sr_buf_putc(b, last ? '\n' : ',');
}
