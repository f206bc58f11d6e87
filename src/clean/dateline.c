/* dateline.c - finding a printed date in the forms news pages use.
 *
 * Recognised shapes (weekday optional, commas and "of" optional):
 *   "Wed 05 Apr 2017", "24 Aug 2014", "6 October 2016", "Saturday 7 October 2017"
 *   "April 8 2017", "Fri Sep 27 2013", "Apr 232017" (day glued to the year,
 *   as one outlet prints it), "05.10.2017", "10-09-2014", "2017-04-05".
 * Numeric day-month forms are read day first, as the Middle-Eastern and
 * European outlets in our corpora print them; when the first number is
 * above 12 and the second is not, they are read month first.  Years must be
 * 1900..2099 and the day must exist in the month: a date is never invented.
 * Cost: one pass, O(len). */
#include <ctype.h>
#include <string.h>

#include "sitrep/clean.h"

static const char *const month_names[12] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};

/* Month number for the word at P (full name, 3-letter or "sept"), 0 if none;
 * *LEN receives the word length. */
static int month_word(const char *p, const char *end, size_t *len)
{
    /* called at every word start of a dateline search: most words fail on
     * their first letter, which no month name shares */
    static const size_t month_len[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    if (p >= end)
        return 0;
    int first = tolower((unsigned char)*p);
    if (!first || !strchr("jfmasond", first))
        return 0;
    size_t n = 0;
    while (p + n < end && isalpha((unsigned char)p[n]))
        n++;
    if (n < 3 || n > 9) /* no month name is longer than "september" */
        return 0;
    char w[16];
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)p[i]);
    w[n] = '\0';
    for (int m = 0; m < 12; m++) {
        size_t full = month_len[m];
        if ((n == full && !memcmp(w, month_names[m], n)) ||
            (n == 3 && !memcmp(w, month_names[m], 3)) || (m == 8 && n == 4 && !memcmp(w, "sept", 4))) {
            *len = n + (p + n < end && p[n] == '.');
            return m + 1;
        }
    }
    return 0;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int valid(int y, int m, int d) { return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m); }

/* Reads up to MAXD digits at P; returns count and the value. */
static size_t digits(const char *p, const char *end, size_t maxd, int *val)
{
    size_t n = 0;
    int v = 0;
    while (p + n < end && n < maxd && isdigit((unsigned char)p[n]))
        v = v * 10 + (p[n++] - '0');
    *val = v;
    return n;
}

static const char *skip_sep(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == ',' || *p == '\t'))
        p++;
    if (end - p >= 3 && !strncasecmp(p, "of ", 3))
        p += 3;
    return p;
}

static int word_start(const char *text, const char *p)
{
    return p == text || !isalnum((unsigned char)p[-1]);
}

static int word_end(const char *p, const char *end) { return p >= end || !isalnum((unsigned char)*p); }

/* Tries a date starting exactly at P.  Returns its end or NULL. */
static const char *date_at(const char *p, const char *end, sr_date *out)
{
    int a, b, c;
    size_t n, ml;
    int m;
    if (isdigit((unsigned char)*p)) {
        n = digits(p, end, 4, &a);
        const char *q = p + n;
        /* ISO 2017-04-05 */
        if (n == 4 && q < end && *q == '-') {
            size_t n2 = digits(q + 1, end, 2, &b);
            const char *r = q + 1 + n2;
            if (n2 && r < end && *r == '-') {
                size_t n3 = digits(r + 1, end, 2, &c);
                const char *z = r + 1 + n3;
                int iso_time = z + 1 < end && *z == 'T' && isdigit((unsigned char)z[1]);
                if (n3 && (word_end(z, end) || iso_time) && valid(a, b, c)) {
                    *out = (sr_date){a, b, c};
                    return r + 1 + n3;
                }
            }
            return NULL;
        }
        if (n > 2)
            return NULL;
        /* 05.10.2017 / 10-09-2014 / 5/10/2017 */
        if (q < end && (*q == '.' || *q == '-' || *q == '/')) {
            char sep = *q;
            size_t n2 = digits(q + 1, end, 2, &b);
            const char *r = q + 1 + n2;
            if (n2 && r < end && *r == sep) {
                size_t n3 = digits(r + 1, end, 4, &c);
                if (n3 == 4) {
                    int d = a, mo = b;
                    if (a <= 12 && b > 12) {
                        d = b;
                        mo = a;
                    }
                    if (valid(c, mo, d)) {
                        *out = (sr_date){c, mo, d};
                        return r + 1 + n3;
                    }
                }
            }
            return NULL;
        }
        /* 24 Aug 2014 */
        q = skip_sep(q, end);
        if (end - q >= 3 && !strncasecmp(q, "th ", 3))
            return NULL;
        if ((m = month_word(q, end, &ml))) {
            const char *r = skip_sep(q + ml, end);
            size_t n3 = digits(r, end, 4, &c);
            if (n3 == 4 && word_end(r + 4, end) && valid(c, m, a)) {
                *out = (sr_date){c, m, a};
                return r + 4;
            }
        }
        return NULL;
    }
    if ((m = month_word(p, end, &ml))) {
        /* April 8 2017, Apr 232017, Sep 27, 2013 */
        const char *q = skip_sep(p + ml, end);
        n = digits(q, end, 6, &a);
        if (n == 6) { /* day glued to year: "232017" */
            int d = a / 10000, y = a % 10000;
            if (valid(y, m, d)) {
                *out = (sr_date){y, m, d};
                return q + 6;
            }
            return NULL;
        }
        if (n < 1 || n > 2)
            return NULL;
        q += n;
        if (end - q >= 2 && (!strncasecmp(q, "st", 2) || !strncasecmp(q, "nd", 2) ||
                             !strncasecmp(q, "rd", 2) || !strncasecmp(q, "th", 2)))
            q += 2;
        const char *r = skip_sep(q, end);
        size_t n3 = digits(r, end, 4, &c);
        if (r > q && n3 == 4 && word_end(r + 4, end) && valid(c, m, a)) {
            *out = (sr_date){c, m, a};
            return r + 4;
        }
    }
    return NULL;
}

int sr_find_date(const char *text, size_t len, sr_span *span, sr_date *date)
{
    const char *end = text + len;
    for (const char *p = text; p < end; p++) {
        if (!isalnum((unsigned char)*p) || !word_start(text, p))
            continue;
        sr_date d;
        const char *e = date_at(p, end, &d);
        if (e) {
            span->start = (size_t)(p - text);
            span->end = (size_t)(e - text);
            *date = d;
            return 1;
        }
    }
    return 0;
}
