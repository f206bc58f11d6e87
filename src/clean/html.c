/* html.c - HTML page extraction for the cleaner (see html.h for the contract).
 *
 * The page goes through four stages, each linear in its input:
 *   1. prescan: repairs invalid UTF-8 and NUL bytes (U+FFFD, as sr_doc_set_body
 *      does) and caps the attributes of any one tag, because libxml2 2.9.14
 *      checks duplicate attributes pairwise (40,000 attributes on one tag cost
 *      4 s).  It also counts tags for the depth budget below.
 *   2. parse: libxml2's HTML parser with errors silenced through this parse
 *      context's options only.  libxml2 halts a document nested deeper than
 *      256 elements (xmlParserMaxDepth) and keeps what it had.  When that
 *      happens we parse again with XML_PARSE_HUGE, but only when the tag
 *      counts bound libxml2's work to HTML_HUGE_BUDGET: under HUGE its end-tag
 *      search scans the whole open-element stack, so unmatched end tags under
 *      deep nesting cost O(tags x depth) (measured: 40,000 of each, 3.3 s).
 *      A page too deep for the budget keeps the text libxml2 reached and ERR
 *      says so even though the status is SR_OK.
 *   3. walk: one iterative pre-order pass over the tree (parent/next
 *      pointers, a context stack in the arena) renders the text and records
 *      paragraphs with the DOM context of their first character.
 *   4. classify: one pass over the paragraphs turns them into blocks: reader
 *      comments (merged into one block each), boilerplate with a reason, the
 *      title <h1>, and the remaining content.
 *
 * Rendering choices beyond html.h: a run of two or more <br> (white space
 * between them allowed) ends the paragraph, because many pages lay paragraphs
 * out with <br><br>; so "\n\n" in the text only ever separates blocks.  A
 * single <br>, and a newline inside <pre>, becomes '\n'.  U+00A0 and the
 * other Unicode spaces collapse like ASCII white space; U+0080..U+009F are
 * mapped through windows-1252 as HTML5 does for numeric references (&#146; is
 * a right quote); soft hyphens, U+200B and U+FEFF are dropped.  Besides what
 * html.h lists, the fallback text of <svg>, <math>, <iframe>, <object>,
 * <video>, <audio> and <canvas> is dropped, and <head> is read only for the
 * title and dates.
 *
 * Boilerplate cues are either hard (class/id words such as "share" or
 * "related": the region is boilerplate whatever it holds) or soft (the
 * elements nav, aside, menu, form, and page-level header/footer).  A soft
 * region that turns out to hold an <article>/<main> or at least
 * SOFT_CONTENT_PARAGRAPHS <p> elements is not boilerplate: ASP.NET pages wrap
 * the whole page in one <form>, and an unclosed <nav> swallows what follows.
 *
 * Nothing here is mutable global state; libxml2's own globals are left as
 * they are.  libxml2 2.9.14 initialises itself non-thread-safely, so a
 * multi-threaded program must call xmlInitParser() (or html_extract once)
 * before starting threads. */
#include "clean/html.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* At most this many attributes per tag reach libxml2 (see stage 1); real
 * pages use a few dozen at most. */
#define HTML_ATTR_CAP 256
/* Bound on libxml2's stack scanning, in element comparisons (about 0.3 s),
 * for the XML_PARSE_HUGE re-parse of pages nested deeper than 256. */
#define HTML_HUGE_BUDGET ((size_t)1 << 27)
/* A soft boilerplate region holding this many <p> is page content. */
#define SOFT_CONTENT_PARAGRAPHS 5
/* A comment author longer than this is not a name but a misread block. */
#define AUTHOR_MAX_BYTES 200
/* A comment paragraph holding the author and at most this many other bytes
 * ("says:", a date and time) is the author line, not comment text. */
#define AUTHOR_LINE_EXTRA 48
#define LINK_DENSITY_MAX 0.5

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int is_space_ascii(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int lower_ascii(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int is_alpha_ascii(int c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* ASCII case-insensitive equality of S[0..n) with the NUL-terminated WORD. */
static int eq_word(const char *s, size_t n, const char *word)
{
    size_t i = 0;
    for (; i < n; i++)
        if (!word[i] || lower_ascii((unsigned char)s[i]) != lower_ascii((unsigned char)word[i]))
            return 0;
    return word[i] == '\0';
}

static int eq_ci(const char *s, const char *word)
{
    return s && eq_word(s, strlen(s), word);
}

/* A growable array in the arena; doubling keeps the copies linear. */
typedef struct vec {
    void *items;
    size_t n, cap;
} vec;

static void *vec_push(sr_arena *a, vec *v, size_t size)
{
    if (v->n == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 16;
        if (ncap > SIZE_MAX / size)
            return NULL;
        void *p = sr_arena_grow(a, v->items, v->cap * size, ncap * size);
        if (!p)
            return NULL;
        v->items = p;
        v->cap = ncap;
    }
    void *slot = (char *)v->items + v->n * size;
    v->n++;
    memset(slot, 0, size);
    return slot;
}

/* ------------------------------------------------------------------ */
/* Stage 1: prescan                                                     */

/* Length of the valid UTF-8 sequence at P (N bytes left), 0 if invalid.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid. */
static size_t utf8_valid_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < k || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return k;
}

typedef struct prescan_result {
    size_t out_len; /* bytes the repaired copy needs */
    size_t starts;  /* start tags seen */
    size_t tags;    /* start and end tags seen */
    int changed;    /* the copy differs from the input */
} prescan_result;

enum { PS_TEXT, PS_NAME, PS_TAG, PS_VALUE0, PS_QVALUE, PS_UVALUE, PS_SKIP, PS_COMMENT, PS_RAW };

/* Scans IN[0..len) with a tokenizer that follows libxml2's start-tag rules
 * closely enough to find attribute boundaries (quotes count only right after
 * '=').  Attributes past HTML_ATTR_CAP in one tag are dropped up to the tag's
 * '>'.  Writes the repaired copy to OUT when OUT is not NULL. */
static void prescan(const unsigned char *in, size_t len, unsigned char *out, prescan_result *r)
{
    static const unsigned char repl[3] = {0xEF, 0xBF, 0xBD};
    int st = PS_TEXT, quote = 0, tok = 0, drop = 0, dashes = 0;
    size_t attrs = 0, nlen = 0, o = 0;
    char name[8]; /* enough to recognise script and style */
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < len;) {
        const unsigned char *unit = in + i;
        size_t adv = 1, ulen = 1;
        int ch = in[i];
        if (ch >= 0x80 || ch == 0) {
            size_t k = ch ? utf8_valid_len(in + i, len - i) : 0;
            if (k == 0) {
                unit = repl;
                ulen = 3;
                r->changed = 1;
            } else
                adv = ulen = k;
            ch = 0x80; /* any non-ASCII character: never syntax */
        }
        switch (st) {
        case PS_TEXT:
            if (ch == '<' && i + 1 < len) {
                int nx = in[i + 1];
                if (is_alpha_ascii(nx)) {
                    st = PS_NAME;
                    r->starts++;
                    r->tags++;
                    nlen = 0;
                    attrs = 0;
                    tok = 0;
                } else if (nx == '/') {
                    st = PS_SKIP;
                    r->tags++;
                } else if (nx == '!' && i + 3 < len && in[i + 2] == '-' && in[i + 3] == '-') {
                    st = PS_COMMENT;
                    dashes = 0;
                    /* Consume "<!--" whole so that "<!-->" is not its end. */
                    if (out)
                        memcpy(out + o, in + i, 4);
                    o += 4;
                    i += 4;
                    continue;
                } else if (nx == '!' || nx == '?')
                    st = PS_SKIP;
            }
            break;
        case PS_NAME:
            if (ch != 0x80 && (is_alpha_ascii(ch) || (ch >= '0' && ch <= '9') || ch == '-' ||
                               ch == '_' || ch == ':' || ch == '.')) {
                if (nlen < sizeof name)
                    name[nlen] = (char)lower_ascii(ch);
                nlen++;
                break;
            }
            st = PS_TAG;
            /* fall through - this character belongs to the attribute list */
        case PS_TAG:
            if (ch == '>')
                st = PS_TEXT;
            else if (is_space_ascii(ch))
                tok = 0;
            else if (ch == '=') {
                st = PS_VALUE0;
                tok = 0;
            } else if (!tok) {
                tok = 1;
                if (++attrs > HTML_ATTR_CAP)
                    drop = 1;
            }
            break;
        case PS_VALUE0:
            if (is_space_ascii(ch))
                break;
            if (ch == '"' || ch == '\'') {
                quote = ch;
                st = PS_QVALUE;
            } else if (ch == '>')
                st = PS_TEXT;
            else
                st = PS_UVALUE;
            break;
        case PS_QVALUE:
            if (ch == quote) {
                st = PS_TAG;
                tok = 0;
            }
            break;
        case PS_UVALUE:
            if (is_space_ascii(ch)) {
                st = PS_TAG;
                tok = 0;
            } else if (ch == '>')
                st = PS_TEXT;
            break;
        case PS_SKIP:
            if (ch == '>')
                st = PS_TEXT;
            break;
        case PS_COMMENT:
            if (ch == '>' && dashes >= 2)
                st = PS_TEXT;
            dashes = ch == '-' ? dashes + 1 : 0;
            break;
        case PS_RAW:
            /* Script and style text ends only at their own end tag. */
            if (ch == '<' && i + 1 < len && in[i + 1] == '/' && len - i - 2 >= nlen) {
                size_t m = 0;
                while (m < nlen && lower_ascii(in[i + 2 + m]) == name[m])
                    m++;
                if (m == nlen)
                    st = PS_SKIP;
            }
            break;
        }
        /* A start tag just ended: leave dropping mode and enter raw text. */
        if (st == PS_TEXT && ch == '>' && drop)
            drop = 0;
        if (st == PS_TEXT && ch == '>' && nlen &&
            ((nlen == 6 && !memcmp(name, "script", 6)) || (nlen == 5 && !memcmp(name, "style", 5))))
            st = PS_RAW;
        if (st != PS_NAME && st != PS_TAG && st != PS_VALUE0 && st != PS_QVALUE &&
            st != PS_UVALUE && st != PS_RAW)
            nlen = 0;
        if (drop) {
            r->changed = 1;
        } else {
            if (out)
                memcpy(out + o, unit, ulen);
            o += ulen;
        }
        i += adv;
    }
    r->out_len = o;
}

/* ------------------------------------------------------------------ */
/* Characters                                                           */

enum { CH_TEXT, CH_SPACE, CH_NEWLINE, CH_DROP };

/* windows-1252 for U+0080..U+009F (HTML5 numeric reference table); NULL
 * where windows-1252 leaves the byte undefined. */
static const char *const cp1252_c1[32] = {
    "\xE2\x82\xAC", NULL,           "\xE2\x80\x9A", "\xC6\x92",     "\xE2\x80\x9E", "\xE2\x80\xA6",
    "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86",     "\xE2\x80\xB0", "\xC5\xA0",     "\xE2\x80\xB9",
    "\xC5\x92",     NULL,           "\xC5\xBD",     NULL,           NULL,           "\xE2\x80\x98",
    "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
    "\xCB\x9C",     "\xE2\x84\xA2", "\xC5\xA1",     "\xE2\x80\xBA", "\xC5\x93",     NULL,
    "\xC5\xBE",     "\xC5\xB8"};

/* Classifies the character at P (N > 0 bytes left) of libxml2's output.
 * *ADV is its length; for CH_TEXT, *REP and *REPLEN give the bytes to write. */
static int char_class(const unsigned char *p, size_t n, size_t *adv, const char **rep,
                      size_t *replen)
{
    unsigned c = p[0];
    *adv = 1;
    *rep = (const char *)p;
    *replen = 1;
    if (c < 0x80) {
        if (c == '\n')
            return CH_NEWLINE;
        if (is_space_ascii((int)c))
            return CH_SPACE;
        return (c < 0x20 || c == 0x7F) ? CH_DROP : CH_TEXT;
    }
    size_t k = utf8_valid_len(p, n);
    if (k == 0) { /* cannot happen after the prescan; stay valid anyway */
        *rep = "\xEF\xBF\xBD";
        *replen = 3;
        return CH_TEXT;
    }
    *adv = *replen = k;
    unsigned cp;
    if (k == 2)
        cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    else if (k == 3)
        cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    else
        return CH_TEXT;
    if (cp >= 0x80 && cp <= 0x9F) {
        const char *m = cp1252_c1[cp - 0x80];
        if (!m)
            return CH_DROP;
        *rep = m;
        *replen = strlen(m);
        return CH_TEXT;
    }
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
        cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return CH_SPACE;
    if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF)
        return CH_DROP;
    return CH_TEXT;
}

/* Copies S[0..n) into the arena with white space collapsed and trimmed. */
static char *collapse_copy(sr_arena *a, const char *s, size_t n)
{
    /* windows-1252 mapping turns 2 bytes into at most 3. */
    size_t cap = n + n / 2 + 1;
    char *d = sr_arena_alloc(a, cap);
    if (!d)
        return NULL;
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n;) {
        size_t adv, rl;
        const char *rep;
        int k = char_class((const unsigned char *)s + i, n - i, &adv, &rep, &rl);
        i += adv;
        if (k == CH_SPACE || k == CH_NEWLINE) {
            space = 1;
        } else if (k == CH_TEXT) {
            if (o + 1 + rl >= cap)
                break;
            if (space && o)
                d[o++] = ' ';
            space = 0;
            memcpy(d + o, rep, rl);
            o += rl;
        }
    }
    d[o] = '\0';
    return d;
}

/* ------------------------------------------------------------------ */
/* DOM cues                                                             */

/* Element behaviour, looked up by lower-case tag name. */
enum {
    TAG_BLOCK = 1 << 0,   /* paragraph break before and after */
    TAG_SKIP = 1 << 1,    /* no text from the subtree */
    TAG_CELL = 1 << 2,    /* word break before and after */
    TAG_SOFT = 1 << 3,    /* soft boilerplate: nav, aside, menu, form */
    TAG_FORMCTL = 1 << 4, /* form control: hard "form" */
    TAG_PAGEBAR = 1 << 5  /* header or footer: page chrome outside articles */
};

typedef struct tag_info {
    const char *name;
    unsigned flags;
    const char *reason; /* for TAG_SOFT / TAG_FORMCTL / TAG_PAGEBAR */
} tag_info;

/* Sorted by name for bsearch. */
static const tag_info tag_table[] = {
    {"address", TAG_BLOCK, NULL},
    {"article", TAG_BLOCK, NULL},
    {"aside", TAG_BLOCK | TAG_SOFT, "sidebar"},
    {"audio", TAG_SKIP, NULL},
    {"blockquote", TAG_BLOCK, NULL},
    {"body", TAG_BLOCK, NULL},
    {"button", TAG_FORMCTL, "form"},
    {"canvas", TAG_SKIP, NULL},
    {"caption", TAG_BLOCK, NULL},
    {"center", TAG_BLOCK, NULL},
    {"dd", TAG_BLOCK, NULL},
    {"details", TAG_BLOCK, NULL},
    {"dialog", TAG_BLOCK, NULL},
    {"dir", TAG_BLOCK, NULL},
    {"div", TAG_BLOCK, NULL},
    {"dl", TAG_BLOCK, NULL},
    {"dt", TAG_BLOCK, NULL},
    {"fieldset", TAG_BLOCK, NULL},
    {"figcaption", TAG_BLOCK, NULL},
    {"figure", TAG_BLOCK, NULL},
    {"footer", TAG_BLOCK | TAG_PAGEBAR, "page footer"},
    {"form", TAG_BLOCK | TAG_SOFT, "form"},
    {"frameset", TAG_BLOCK, NULL},
    {"h1", TAG_BLOCK, NULL},
    {"h2", TAG_BLOCK, NULL},
    {"h3", TAG_BLOCK, NULL},
    {"h4", TAG_BLOCK, NULL},
    {"h5", TAG_BLOCK, NULL},
    {"h6", TAG_BLOCK, NULL},
    {"head", TAG_BLOCK, NULL},
    {"header", TAG_BLOCK | TAG_PAGEBAR, "page header"},
    {"hgroup", TAG_BLOCK, NULL},
    {"hr", TAG_BLOCK, NULL},
    {"html", TAG_BLOCK, NULL},
    {"iframe", TAG_SKIP, NULL},
    {"label", TAG_FORMCTL, "form"},
    {"legend", TAG_BLOCK, NULL},
    {"li", TAG_BLOCK, NULL},
    {"main", TAG_BLOCK, NULL},
    {"math", TAG_SKIP, NULL},
    {"menu", TAG_BLOCK | TAG_SOFT, "navigation"},
    {"nav", TAG_BLOCK | TAG_SOFT, "navigation"},
    {"noscript", TAG_SKIP, NULL},
    {"object", TAG_SKIP, NULL},
    {"ol", TAG_BLOCK, NULL},
    {"option", TAG_BLOCK | TAG_FORMCTL, "form"},
    {"p", TAG_BLOCK, NULL},
    {"pre", TAG_BLOCK, NULL},
    {"script", TAG_SKIP, NULL},
    {"section", TAG_BLOCK, NULL},
    {"select", TAG_BLOCK | TAG_FORMCTL, "form"},
    {"style", TAG_SKIP, NULL},
    {"summary", TAG_BLOCK, NULL},
    {"svg", TAG_SKIP, NULL},
    {"table", TAG_BLOCK, NULL},
    {"tbody", TAG_BLOCK, NULL},
    {"td", TAG_CELL, NULL},
    {"template", TAG_SKIP, NULL},
    {"textarea", TAG_BLOCK | TAG_FORMCTL, "form"},
    {"tfoot", TAG_BLOCK, NULL},
    {"th", TAG_CELL, NULL},
    {"thead", TAG_BLOCK, NULL},
    {"title", TAG_SKIP, NULL},
    {"tr", TAG_BLOCK, NULL},
    {"ul", TAG_BLOCK, NULL},
    {"video", TAG_SKIP, NULL},
};

static int tag_cmp(const void *key, const void *item)
{
    return strcmp((const char *)key, ((const tag_info *)item)->name);
}

static const tag_info *tag_lookup(const char *name)
{
    return bsearch(name, tag_table, sizeof tag_table / sizeof tag_table[0], sizeof tag_table[0],
                   tag_cmp);
}

/* A class/id cue.  WORD matches a token where it starts the token or follows
 * '-' or '_' ("share" matches "entry-share" and "sharedaddy"); WHOLE also
 * requires it to end there ("nav" matches "site-nav" but not "navarro"). */
typedef struct cue {
    const char *word;
    int whole;
    const char *reason;
} cue;

/* Hard boilerplate cues, after trafilatura's cleaning lists and the markup
 * of WordPress, Jetpack, AddToAny, Disqus and common news themes. */
static const cue hard_cues[] = {
    {"breadcrumb", 0, "breadcrumbs"},
    {"share", 0, "share widget"},
    {"sharing", 0, "share widget"},
    {"shariff", 0, "share widget"},
    {"social", 0, "share widget"},
    {"addtoany", 0, "share widget"},
    {"a2a", 0, "share widget"},
    {"addthis", 0, "share widget"},
    {"donat", 0, "donation widget"},
    {"support-us", 0, "donation widget"},
    {"patreon", 0, "donation widget"},
    {"paypal", 0, "donation widget"},
    {"fundrais", 0, "donation widget"},
    {"subscri", 0, "subscription widget"},
    {"newsletter", 0, "subscription widget"},
    {"signup", 0, "subscription widget"},
    {"sign-up", 0, "subscription widget"},
    {"mailchimp", 0, "subscription widget"},
    {"mc4wp", 0, "subscription widget"},
    {"related", 0, "related articles"},
    {"recommend", 0, "related articles"},
    {"more-stories", 0, "related articles"},
    {"more-news", 0, "related articles"},
    {"more-from", 0, "related articles"},
    {"read-also", 0, "related articles"},
    {"also-read", 0, "related articles"},
    {"you-may", 0, "related articles"},
    {"most-read", 0, "related articles"},
    {"most-popular", 0, "related articles"},
    {"popular-posts", 0, "related articles"},
    {"trending", 0, "related articles"},
    {"yarpp", 0, "related articles"},
    {"outbrain", 0, "related articles"},
    {"taboola", 0, "related articles"},
    {"cookie", 0, "cookie banner"},
    {"gdpr", 0, "cookie banner"},
    {"consent", 0, "cookie banner"},
    {"sidebar", 0, "sidebar"},
    {"widget", 0, "sidebar"},
    {"nav", 1, "navigation"},
    {"navbar", 0, "navigation"},
    {"navigation", 0, "navigation"},
    {"menu", 1, "navigation"},
    {"pagination", 0, "navigation"},
    {"pager", 1, "navigation"},
    {"skip-link", 0, "navigation"},
    {"respond", 1, "form"},
    {"advert", 0, "advertisement"},
    {"ad", 1, "advertisement"},
    {"ads", 1, "advertisement"},
    {"adsbygoogle", 0, "advertisement"},
    {"sponsor", 0, "advertisement"},
    {"popup", 0, "popup"},
    {"modal", 1, "popup"},
};

/* Comment containers: html.h's "disqus, comment-list, commentlist, comments". */
static const cue container_cues[] = {
    {"comments", 0, NULL},     {"commentlist", 0, NULL},     {"comment-list", 0, NULL},
    {"comment_list", 0, NULL}, {"comment-section", 0, NULL}, {"comment-thread", 0, NULL},
    {"disqus", 0, NULL},
};

static int cue_in_token(const char *t, size_t n, const cue *c)
{
    size_t w = strlen(c->word);
    for (size_t s = 0; s + w <= n; s++) {
        if (s > 0 && t[s - 1] != '-' && t[s - 1] != '_')
            continue;
        size_t i = 0;
        while (i < w && lower_ascii((unsigned char)t[s + i]) == c->word[i])
            i++;
        if (i < w)
            continue;
        if (!c->whole || s + w == n || t[s + w] == '-' || t[s + w] == '_')
            return 1;
    }
    return 0;
}

/* Calls FN on each white-space separated token of S until it returns
 * non-zero; returns that value. */
typedef int (*token_fn)(const char *t, size_t n, const void *arg);

static int each_token(const char *s, token_fn fn, const void *arg)
{
    if (!s)
        return 0;
    while (*s) {
        while (*s && is_space_ascii((unsigned char)*s))
            s++;
        const char *t = s;
        while (*s && !is_space_ascii((unsigned char)*s))
            s++;
        if (s > t) {
            int r = fn(t, (size_t)(s - t), arg);
            if (r)
                return r;
        }
    }
    return 0;
}

typedef struct cue_list {
    const cue *cues;
    size_t n;
    const char *found;
} cue_list;

static int token_hard(const char *t, size_t n, const void *arg)
{
    cue_list *l = (cue_list *)arg;
    /* WordPress post_class() names the post's taxonomy terms ("tag-social-
     * media", "category-related-news"): words about the article's subject,
     * not about what the element is. */
    static const char *const term_prefix[] = {"tag-", "category-", "format-", "type-", "status-"};
    for (size_t i = 0; i < sizeof term_prefix / sizeof term_prefix[0]; i++) {
        size_t k = strlen(term_prefix[i]);
        if (n > k && eq_word(t, k, term_prefix[i]))
            return 0;
    }
    for (size_t i = 0; i < l->n; i++)
        if (cue_in_token(t, n, &l->cues[i])) {
            l->found = l->cues[i].reason;
            return 1;
        }
    return 0;
}

static int token_container(const char *t, size_t n, const void *arg)
{
    (void)arg;
    /* Page-state classes name comments without being the comment section. */
    if ((n > 4 && !strncmp(t, "has-", 4)) || (n > 3 && !strncmp(t, "no-", 3)))
        return 0;
    static const char *const not_suffix[] = {"-open",   "-closed", "-count",
                                             "-number", "-link",   "-links"};
    for (size_t i = 0; i < sizeof not_suffix / sizeof not_suffix[0]; i++) {
        size_t k = strlen(not_suffix[i]);
        if (n > k && eq_word(t + n - k, k, not_suffix[i]))
            return 0;
    }
    for (size_t i = 0; i < sizeof container_cues / sizeof container_cues[0]; i++)
        if (cue_in_token(t, n, &container_cues[i]))
            return 1;
    return 0;
}

typedef struct word_set {
    const char *const *words;
    size_t n;
} word_set;

static int token_in_set(const char *t, size_t n, const void *arg)
{
    const word_set *ws = arg;
    for (size_t i = 0; i < ws->n; i++)
        if (eq_word(t, n, ws->words[i]))
            return 1;
    return 0;
}

#define WORDS(arr) (&(const word_set){arr, sizeof arr / sizeof arr[0]})

/* Exact class tokens, from WordPress, Disqus, Jetpack and common themes. */
static const char *const item_words[] = {"comment", "comment-item", "commentitem"};
/* Disqus marks each comment only as li.post; trusted inside a comment area. */
static const char *const post_words[] = {"post"};
static const char *const children_words[] = {"children",         "child",        "replies",
                                             "comment-replies",  "sub-comments", "subcomments",
                                             "comment-children", "reply-list"};
static const char *const body_words[] = {"comment-content", "comment-text",      "commenttext",
                                         "comment_text",    "comment_content",   "comment-entry",
                                         "comment-message", "comment-body-text", "post-message"};
static const char *const meta_words[] = {"comment-meta",
                                         "commentmetadata",
                                         "comment-metadata",
                                         "comment-date",
                                         "comment-time",
                                         "comment-info",
                                         "comment-footer",
                                         "comment-actions",
                                         "comment-reply",
                                         "reply",
                                         "comment-reply-link",
                                         "reply-link",
                                         "edit-link",
                                         "comment-edit-link",
                                         "post-meta",
                                         "post-menu",
                                         "post-actions",
                                         "time-ago",
                                         "avatar",
                                         "vote",
                                         "voting",
                                         "likes",
                                         "comment-likes",
                                         "moderation",
                                         "permalink",
                                         "comment-permalink",
                                         "comment-awaiting-moderation"};
static const char *const author_strong_words[] = {"fn",
                                                  "author",
                                                  "username",
                                                  "user-name",
                                                  "author-name",
                                                  "comment-author-name",
                                                  "commenter-name",
                                                  "comment-username",
                                                  "display-name",
                                                  "nickname"};
static const char *const author_weak_words[] = {"comment-author", "commenter",   "comment-user",
                                                "vcard",          "post-byline", "byline"};
static const char *const says_words[] = {"says", "said"};
static const char *const article_words[] = {"article",     "article-body",  "article-content",
                                            "articlebody", "entry-content", "post-content",
                                            "story",       "story-body",    "story-content"};
static const char *const header_words[] = {"header",        "site-header", "masthead",
                                           "global-header", "top-bar",     "topbar"};
static const char *const footer_words[] = {"footer",        "site-footer", "page-footer",
                                           "global-footer", "colophon",    "site-info"};

/* The attributes the walk reads, gathered in one pass over the list. */
typedef struct elem_attrs {
    const char *cls, *id, *role, *itemprop, *property, *name, *content, *datetime, *href, *type;
} elem_attrs;

static const char *attr_text(const xmlAttr *at)
{
    const xmlNode *t = at->children;
    if (!t)
        return "";
    if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && !t->next && t->content)
        return (const char *)t->content;
    return NULL;
}

static void read_attrs(const xmlNode *n, elem_attrs *at)
{
    memset(at, 0, sizeof *at);
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        const char *nm = (const char *)p->name;
        const char **slot = NULL;
        if (!nm)
            continue;
        if (!strcmp(nm, "class"))
            slot = &at->cls;
        else if (!strcmp(nm, "id"))
            slot = &at->id;
        else if (!strcmp(nm, "role"))
            slot = &at->role;
        else if (!strcmp(nm, "itemprop"))
            slot = &at->itemprop;
        else if (!strcmp(nm, "property"))
            slot = &at->property;
        else if (!strcmp(nm, "name"))
            slot = &at->name;
        else if (!strcmp(nm, "content"))
            slot = &at->content;
        else if (!strcmp(nm, "datetime"))
            slot = &at->datetime;
        else if (!strcmp(nm, "href"))
            slot = &at->href;
        else if (!strcmp(nm, "type"))
            slot = &at->type;
        if (slot && !*slot)
            *slot = attr_text(p);
    }
}

static int has_token(const elem_attrs *at, const word_set *ws)
{
    return each_token(at->cls, token_in_set, ws) || each_token(at->id, token_in_set, ws);
}

static const char *hard_cue(const elem_attrs *at)
{
    cue_list l = {hard_cues, sizeof hard_cues / sizeof hard_cues[0], NULL};
    if (each_token(at->cls, token_hard, &l) || each_token(at->id, token_hard, &l))
        return l.found;
    return NULL;
}

static int is_container(const elem_attrs *at)
{
    return each_token(at->cls, token_container, NULL) || each_token(at->id, token_container, NULL);
}

/* WordPress comment ids: "comment-123" and the older "li-comment-123". */
static int is_comment_id(const char *id)
{
    if (!id)
        return 0;
    if (!strncmp(id, "li-", 3))
        id += 3;
    if (strncmp(id, "comment-", 8) || !id[8])
        return 0;
    for (id += 8; *id; id++)
        if (*id < '0' || *id > '9')
            return 0;
    return 1;
}

/* WordPress "depth-N" class: N, or 0 when absent. */
static int token_depth(const char *t, size_t n, const void *arg)
{
    (void)arg;
    if (n < 7 || n > 12 || strncmp(t, "depth-", 6))
        return 0;
    int d = 0;
    for (size_t i = 6; i < n; i++) {
        if (t[i] < '0' || t[i] > '9')
            return 0;
        d = d * 10 + (t[i] - '0');
    }
    return d;
}

/* ------------------------------------------------------------------ */
/* Walk state                                                           */

enum { ROLE_NONE = 0, ROLE_BODY, ROLE_META };

/* What the DOM says about the current position; copied into children. */
typedef struct walk_ctx {
    const char *bp;       /* hard boilerplate reason (outermost wins), or NULL */
    long soft;            /* innermost soft boilerplate region, -1 */
    long comment;         /* innermost comment item, -1 */
    long cap;             /* active author capture, -1 */
    const xmlNode *list;  /* list whose <li> children are comments */
    unsigned char area;   /* inside a comment section */
    unsigned char nested; /* inside a reply list of the current comment */
    unsigned char role;   /* ROLE_* inside a comment */
    unsigned char article;
    unsigned char link;
    unsigned char pre;
    unsigned char h1;
    unsigned char head;   /* metadata only, no text */
    unsigned char chrome; /* inside nav/aside/menu/header/footer: no comments */
} walk_ctx;

/* Field by field: memcmp would also compare padding. */
static int ctx_equal(const walk_ctx *x, const walk_ctx *y)
{
    return x->bp == y->bp && x->soft == y->soft && x->comment == y->comment && x->cap == y->cap &&
           x->list == y->list && x->area == y->area && x->nested == y->nested &&
           x->role == y->role && x->article == y->article && x->link == y->link &&
           x->pre == y->pre && x->h1 == y->h1 && x->head == y->head && x->chrome == y->chrome;
}

enum { LEAVE_CAPTURE = 1, LEAVE_SOFT = 2 };

typedef struct frame {
    const xmlNode *node;
    walk_ctx saved;
    unsigned char actions;
} frame;

typedef struct para {
    size_t start, end;
    size_t text_bytes, link_bytes;
    const char *bp;
    long soft, comment;
    unsigned char role, area, h1;
} para;

typedef struct comment_rec {
    long parent;
    int depth;
    sr_span author;
    int author_strength;
    unsigned char has_body, has_text;
    long first_body; /* paragraph that opened its block, -1 */
    long ordinal;    /* index among COMMENT blocks, -1 */
    long up;         /* ordinal of the nearest ancestor-or-self with a block */
} comment_rec;

typedef struct capture {
    long comment, parent;
    size_t start, end;
    int strength;
    unsigned char started, frozen;
} capture;

typedef struct soft_region {
    const char *reason;
    long parent;
    size_t p_count;
    unsigned char has_article, chrome;
    long eff; /* nearest enclosing-or-self region that is chrome, -1 */
} soft_region;

/* Published-date sources, best first. */
enum { PUB_META, PUB_ITEMPROP, PUB_JSONLD, PUB_META_OTHER, PUB_TIME_ARTICLE, PUB_TIME, PUB_N };

typedef struct walker {
    sr_arena *a;
    sr_status st;
    char *out;
    size_t len, cap;
    /* the open paragraph */
    int open, space, brs;
    para cur;
    walk_ctx ctx;
    vec frames, paras, comments, caps, regions, last_at_depth;
    const char *title_tag; /* collapsed, arena */
    const char *og_title;
    const char *pub[PUB_N];
    size_t pub_len[PUB_N];
} walker;

static int out_reserve(walker *w, size_t extra)
{
    if (w->len + extra + 1 <= w->cap)
        return 1;
    size_t ncap = w->cap ? w->cap : 4096;
    while (ncap < w->len + extra + 1) {
        if (ncap > SIZE_MAX / 2) {
            w->st = SR_ENOMEM;
            return 0;
        }
        ncap *= 2;
    }
    char *p = sr_arena_grow(w->a, w->out, w->cap, ncap);
    if (!p) {
        w->st = SR_ENOMEM;
        return 0;
    }
    w->out = p;
    w->cap = ncap;
    return 1;
}

static void close_para(walker *w)
{
    if (!w->open)
        return;
    w->cur.end = w->len;
    para *p = vec_push(w->a, &w->paras, sizeof *p);
    if (!p)
        w->st = SR_ENOMEM;
    else
        *p = w->cur;
    w->open = 0;
    w->space = 0;
    w->brs = 0;
}

static void line_break(walker *w)
{
    if (!w->open)
        return;
    w->space = 0;
    if (++w->brs >= 2)
        close_para(w);
}

/* Appends one visible character (REP[0..n)) with its pending separator. */
static void put_char(walker *w, const char *rep, size_t n)
{
    if (!out_reserve(w, n + 2))
        return;
    if (!w->open) {
        if (w->len) {
            w->out[w->len++] = '\n';
            w->out[w->len++] = '\n';
        }
        memset(&w->cur, 0, sizeof w->cur);
        w->cur.start = w->len;
        w->cur.bp = w->ctx.bp;
        w->cur.soft = w->ctx.soft;
        w->cur.comment = w->ctx.comment;
        w->cur.role = w->ctx.role;
        w->cur.area = w->ctx.area;
        w->cur.h1 = w->ctx.h1;
        w->open = 1;
    } else if (w->brs) {
        w->out[w->len++] = '\n';
    } else if (w->space) {
        w->out[w->len++] = ' ';
    }
    w->space = 0;
    w->brs = 0;
    if (w->ctx.cap >= 0) {
        capture *c = (capture *)w->caps.items + w->ctx.cap;
        if (!c->frozen) {
            if (!c->started) {
                c->start = w->len;
                c->started = 1;
            }
            c->end = w->len + n;
        }
    }
    memcpy(w->out + w->len, rep, n);
    w->len += n;
    w->cur.text_bytes += n;
    if (w->ctx.link)
        w->cur.link_bytes += n;
    if (w->ctx.comment >= 0)
        ((comment_rec *)w->comments.items)[w->ctx.comment].has_text = 1;
}

static void emit_text(walker *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n && w->st == SR_OK;) {
        size_t adv, rl;
        const char *rep;
        int k = char_class(p + i, n - i, &adv, &rep, &rl);
        i += adv;
        if (k == CH_TEXT)
            put_char(w, rep, rl);
        else if (k == CH_NEWLINE && w->ctx.pre)
            line_break(w);
        else if (k == CH_SPACE || k == CH_NEWLINE) {
            if (w->open && !w->brs)
                w->space = 1;
        }
    }
}

/* Concatenated text children of N (a <title> or a <script>). */
static void node_text(const xmlNode *n, const char **s, size_t *len)
{
    *s = NULL;
    *len = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            *s = (const char *)c->content;
            *len = strlen(*s);
            return; /* libxml2 coalesces adjacent text into one node */
        }
}

static void set_pub(walker *w, int rank, const char *s, size_t n)
{
    if (!s || w->pub[rank])
        return;
    while (n && is_space_ascii((unsigned char)*s))
        s++, n--;
    while (n && is_space_ascii((unsigned char)s[n - 1]))
        n--;
    if (!n)
        return;
    w->pub[rank] = s;
    w->pub_len[rank] = n;
}

/* "datePublished": "..." inside a JSON-LD script.  Linear: one search. */
static void scan_jsonld(walker *w, const char *s, size_t n)
{
    static const char key[] = "\"datePublished\"";
    const char *k = memmem(s, n, key, sizeof key - 1);
    if (!k)
        return;
    const char *p = k + sizeof key - 1, *end = s + n;
    while (p < end && is_space_ascii((unsigned char)*p))
        p++;
    if (p >= end || *p++ != ':')
        return;
    while (p < end && is_space_ascii((unsigned char)*p))
        p++;
    if (p >= end || *p++ != '"')
        return;
    const char *v = p;
    while (p < end && *p != '"' && *p != '\\' && p - v < 64)
        p++;
    if (p < end && *p == '"')
        set_pub(w, PUB_JSONLD, v, (size_t)(p - v));
}

static void read_meta(walker *w, const elem_attrs *at)
{
    const char *key = at->property ? at->property : at->name;
    const char *val = at->content;
    if (!val)
        return;
    if (key && eq_ci(key, "og:title") && !w->og_title) {
        w->og_title = collapse_copy(w->a, val, strlen(val));
        if (!w->og_title)
            w->st = SR_ENOMEM;
        else if (!*w->og_title)
            w->og_title = NULL;
        return;
    }
    if (key && (eq_ci(key, "article:published_time") || eq_ci(key, "og:article:published_time")))
        set_pub(w, PUB_META, val, strlen(val));
    else if (at->itemprop && eq_ci(at->itemprop, "datePublished") && w->ctx.comment < 0 &&
             !w->ctx.area)
        set_pub(w, PUB_ITEMPROP, val, strlen(val));
    else if (key) {
        static const char *const names[] = {"pubdate",
                                            "publishdate",
                                            "publish-date",
                                            "publish_date",
                                            "date",
                                            "dc.date",
                                            "dc.date.issued",
                                            "dcterms.date",
                                            "dcterms.created",
                                            "sailthru.date",
                                            "parsely-pub-date",
                                            "article.published",
                                            "original-publish-date"};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (eq_ci(key, names[i])) {
                set_pub(w, PUB_META_OTHER, val, strlen(val));
                break;
            }
    }
}

static long new_comment(walker *w, long parent, int depth)
{
    comment_rec *c = vec_push(w->a, &w->comments, sizeof *c);
    if (!c) {
        w->st = SR_ENOMEM;
        return -1;
    }
    c->parent = parent;
    c->depth = depth;
    c->first_body = -1;
    c->ordinal = -1;
    c->up = -1;
    long id = (long)w->comments.n - 1;
    /* Remember the latest comment at each depth for flat depth-N threads. */
    while (w->last_at_depth.n <= (size_t)depth) {
        long *slot = vec_push(w->a, &w->last_at_depth, sizeof *slot);
        if (!slot) {
            w->st = SR_ENOMEM;
            return -1;
        }
        *slot = -1;
    }
    ((long *)w->last_at_depth.items)[depth] = id;
    return id;
}

/* Author cue strength inside a comment: 2 for the name itself (.fn,
 * .author, [itemprop=author], ...), 1 for a wrapper that also holds other
 * text (.comment-author, .vcard, <cite>), 0 for none. */
static int author_strength(const walker *w, const char *tag, const elem_attrs *at)
{
    if (at->itemprop &&
        (eq_ci(at->itemprop, "author") || (w->ctx.cap >= 0 && eq_ci(at->itemprop, "name"))))
        return 2;
    if (each_token(at->cls, token_in_set, WORDS(author_strong_words)))
        return 2;
    if (each_token(at->cls, token_in_set, WORDS(author_weak_words)))
        return 1;
    if (!strcmp(tag, "cite") && w->ctx.role != ROLE_BODY)
        return 1;
    return 0;
}

static int push_frame(walker *w, const xmlNode *n, const walk_ctx *saved, unsigned char actions)
{
    frame *f = vec_push(w->a, &w->frames, sizeof *f);
    if (!f) {
        w->st = SR_ENOMEM;
        return 0;
    }
    f->node = n;
    f->saved = *saved;
    f->actions = actions;
    return 1;
}

/* Cues for an element inside comment item w->ctx.comment. */
static void enter_in_comment(walker *w, const xmlNode *n, const char *tag, const tag_info *ti,
                             const elem_attrs *at, walk_ctx *nc, unsigned char *actions)
{
    long cid = w->ctx.comment;
    comment_rec *cr = (comment_rec *)w->comments.items + cid;
    int strong = (strcmp(tag, "li") == 0 || strcmp(tag, "div") == 0 ||
                  strcmp(tag, "article") == 0 || strcmp(tag, "section") == 0) &&
                 (each_token(at->cls, token_in_set, WORDS(item_words)) || is_comment_id(at->id) ||
                  eq_ci(at->itemprop, "comment"));
    int li_in_list = !strcmp(tag, "li") && n->parent == w->ctx.list;
    int weak = w->ctx.nested && each_token(at->cls, token_in_set, WORDS(post_words));
    /* A reply: inside the comment's reply list, or (for themes without a
     * reply wrapper) a comment element after the comment's own text. */
    if ((w->ctx.nested && (strong || li_in_list || weak)) || (strong && cr->has_text)) {
        long id = new_comment(w, cid, cr->depth + 1);
        if (id < 0)
            return;
        nc->comment = id;
        nc->nested = 0;
        nc->role = ROLE_NONE;
        nc->cap = -1;
        nc->list = NULL;
        return;
    }
    if (has_token(at, WORDS(children_words))) {
        nc->nested = 1;
        nc->list = n;
        nc->role = ROLE_NONE;
        return;
    }
    if (has_token(at, WORDS(body_words)) ||
        (at->itemprop && (eq_ci(at->itemprop, "text") || eq_ci(at->itemprop, "commentText")))) {
        nc->role = ROLE_BODY;
        cr->has_body = 1;
    } else if (has_token(at, WORDS(meta_words)) || !strcmp(tag, "time") ||
               (ti && (ti->flags & (TAG_SOFT | TAG_PAGEBAR | TAG_FORMCTL))) || hard_cue(at)) {
        nc->role = ROLE_META;
    }
    if (w->ctx.cap >= 0 && each_token(at->cls, token_in_set, WORDS(says_words)))
        ((capture *)w->caps.items)[w->ctx.cap].frozen = 1;
    int s = author_strength(w, tag, at);
    if (s) {
        capture *c = vec_push(w->a, &w->caps, sizeof *c);
        if (!c) {
            w->st = SR_ENOMEM;
            return;
        }
        c->comment = cid;
        c->parent = w->ctx.cap;
        c->strength = s;
        nc->cap = (long)w->caps.n - 1;
        *actions |= LEAVE_CAPTURE;
    }
}

/* Cues for an element outside comment items and hard boilerplate. */
static void enter_outside(walker *w, const xmlNode *n, const char *tag, const tag_info *ti,
                          const elem_attrs *at, walk_ctx *nc, unsigned char *actions)
{
    int blockish = !strcmp(tag, "li") || !strcmp(tag, "div") || !strcmp(tag, "article") ||
                   !strcmp(tag, "section") || !strcmp(tag, "dd") || !strcmp(tag, "blockquote");
    /* Comments in a sidebar or menu ("recent comments" widgets) are links to
     * comments, not comments. */
    if (!w->ctx.chrome && blockish) {
        int strong = each_token(at->cls, token_in_set, WORDS(item_words)) ||
                     is_comment_id(at->id) || eq_ci(at->itemprop, "comment");
        int in_area_item = w->ctx.area && ((!strcmp(tag, "li") && n->parent == w->ctx.list) ||
                                           each_token(at->cls, token_in_set, WORDS(post_words)));
        if (strong || in_area_item) {
            long parent = -1;
            int depth = 0;
            int d = each_token(at->cls, token_depth, NULL);
            /* Flat threads mark replies only with depth-N; N may exceed the
             * deepest comment seen by one at most, which bounds the table. */
            if (d >= 2 && (size_t)(d - 2) < w->last_at_depth.n &&
                ((long *)w->last_at_depth.items)[d - 2] >= 0) {
                parent = ((long *)w->last_at_depth.items)[d - 2];
                depth = d - 1;
            }
            long id = new_comment(w, parent, depth);
            if (id < 0)
                return;
            nc->comment = id;
            nc->area = 1;
            nc->nested = 0;
            nc->role = ROLE_NONE;
            nc->cap = -1;
            nc->list = NULL;
            return;
        }
    }
    int main_like = !strcmp(tag, "main") || eq_ci(at->itemprop, "articleBody");
    const char *hard = main_like ? NULL : hard_cue(at);
    if (!hard && at->role) {
        if (eq_ci(at->role, "search"))
            hard = "form";
        else if (eq_ci(at->role, "dialog") || eq_ci(at->role, "alertdialog"))
            hard = "popup";
    }
    if (!hard && ti && (ti->flags & TAG_FORMCTL))
        hard = ti->reason;
    if (hard) {
        nc->bp = hard;
        return;
    }
    if (!w->ctx.chrome && !main_like && is_container(at)) {
        nc->area = 1;
        if (!strcmp(tag, "ul") || !strcmp(tag, "ol"))
            nc->list = n;
        return;
    }
    if (w->ctx.area && (!strcmp(tag, "ul") || !strcmp(tag, "ol")))
        nc->list = n;
    int page_level = !w->ctx.article && !w->ctx.area;
    const char *soft = NULL;
    if (ti && (ti->flags & TAG_SOFT))
        soft = ti->reason;
    else if (ti && (ti->flags & TAG_PAGEBAR) && page_level)
        soft = ti->reason;
    else if (at->role && (eq_ci(at->role, "navigation") || eq_ci(at->role, "menu") ||
                          eq_ci(at->role, "menubar")))
        soft = "navigation";
    else if (at->role && eq_ci(at->role, "complementary"))
        soft = "sidebar";
    else if (page_level &&
             ((at->role && eq_ci(at->role, "banner")) || has_token(at, WORDS(header_words))))
        soft = "page header";
    else if (page_level &&
             ((at->role && eq_ci(at->role, "contentinfo")) || has_token(at, WORDS(footer_words))))
        soft = "page footer";
    if (soft && w->ctx.area) {
        /* In a comment section, its pagination and reply form are plain
         * boilerplate: they must not make the section's lists comments. */
        nc->bp = soft;
        return;
    }
    if (soft) {
        soft_region *r = vec_push(w->a, &w->regions, sizeof *r);
        if (!r) {
            w->st = SR_ENOMEM;
            return;
        }
        r->reason = soft;
        r->parent = w->ctx.soft;
        r->eff = -1;
        nc->soft = (long)w->regions.n - 1;
        if (strcmp(soft, "form"))
            nc->chrome = 1;
        *actions |= LEAVE_SOFT;
        return;
    }
    if (!strcmp(tag, "article") || main_like || eq_ci(at->role, "main") ||
        each_token(at->cls, token_in_set, WORDS(article_words))) {
        nc->article = 1;
        if (w->ctx.soft >= 0)
            ((soft_region *)w->regions.items)[w->ctx.soft].has_article = 1;
    }
}

/* Enters element N; returns whether to descend into its children. */
static int enter_element(walker *w, const xmlNode *n)
{
    const char *tag = (const char *)n->name;
    if (!tag)
        return 0;
    const tag_info *ti = tag_lookup(tag);
    elem_attrs at;
    read_attrs(n, &at);

    if (!strcmp(tag, "br")) {
        if (!w->ctx.head)
            line_break(w);
        return 0;
    }
    if (!strcmp(tag, "meta")) {
        read_meta(w, &at);
        return 0;
    }
    if (!strcmp(tag, "title")) {
        if (!w->title_tag) {
            const char *s;
            size_t len;
            node_text(n, &s, &len);
            if (s) {
                w->title_tag = collapse_copy(w->a, s, len);
                if (!w->title_tag)
                    w->st = SR_ENOMEM;
                else if (!*w->title_tag)
                    w->title_tag = NULL;
            }
        }
        return 0;
    }
    if (!strcmp(tag, "script")) {
        if (at.type && strstr(at.type, "ld+json")) {
            const char *s;
            size_t len;
            node_text(n, &s, &len);
            if (s)
                scan_jsonld(w, s, len);
        }
        return 0;
    }
    if (ti && (ti->flags & TAG_SKIP))
        return 0;

    if (ti && (ti->flags & TAG_BLOCK))
        close_para(w);
    else if (ti && (ti->flags & TAG_CELL) && w->open && !w->brs)
        w->space = 1;

    /* Published date from the page body. */
    if (!w->ctx.bp && w->ctx.comment < 0 && !w->ctx.area) {
        const char *v = at.datetime ? at.datetime : at.content;
        if (at.itemprop && eq_ci(at.itemprop, "datePublished") && v)
            set_pub(w, PUB_ITEMPROP, v, strlen(v));
        if (!strcmp(tag, "time") && at.datetime)
            set_pub(w, w->ctx.article ? PUB_TIME_ARTICLE : PUB_TIME, at.datetime,
                    strlen(at.datetime));
    }

    walk_ctx nc = w->ctx;
    unsigned char actions = 0;
    if (!strcmp(tag, "head"))
        nc.head = 1;
    else if (!strcmp(tag, "a") && at.href)
        nc.link = 1;
    else if (!strcmp(tag, "pre"))
        nc.pre = 1;
    else if (!strcmp(tag, "h1") && w->ctx.comment < 0)
        nc.h1 = 1;
    else if (!strcmp(tag, "p") && w->ctx.soft >= 0)
        ((soft_region *)w->regions.items)[w->ctx.soft].p_count++;

    if (!w->ctx.bp && strcmp(tag, "html") && strcmp(tag, "head") && strcmp(tag, "body")) {
        if (w->ctx.comment >= 0)
            enter_in_comment(w, n, tag, ti, &at, &nc, &actions);
        else
            enter_outside(w, n, tag, ti, &at, &nc, &actions);
    }
    if (w->st != SR_OK)
        return 0;
    if (actions || !ctx_equal(&nc, &w->ctx)) {
        if (!push_frame(w, n, &w->ctx, actions))
            return 0;
        w->ctx = nc;
    }
    return 1;
}

/* Trims the author span S (in w->out) of white space, "by " and "says:". */
static sr_span trim_author(const walker *w, sr_span s)
{
    const char *t = w->out;
    static const char *const tails[] = {" says", " said", " wrote"};
    for (int pass = 0; pass < 2; pass++) {
        while (s.start < s.end && is_space_ascii((unsigned char)t[s.start]))
            s.start++;
        while (s.end > s.start && is_space_ascii((unsigned char)t[s.end - 1]))
            s.end--;
        if (s.end > s.start && t[s.end - 1] == ':')
            s.end--;
        for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
            size_t k = strlen(tails[i]);
            if (s.end - s.start > k && eq_word(t + s.end - k, k, tails[i]))
                s.end -= k;
        }
        if (s.end - s.start > 3 && eq_word(t + s.start, 3, "by "))
            s.start += 3;
    }
    return s;
}

static void leave_element(walker *w, const xmlNode *n)
{
    const tag_info *ti = n->name ? tag_lookup((const char *)n->name) : NULL;
    if (ti && (ti->flags & TAG_BLOCK))
        close_para(w);
    else if (ti && (ti->flags & TAG_CELL) && w->open && !w->brs)
        w->space = 1;
    if (!w->frames.n)
        return;
    frame *f = (frame *)w->frames.items + w->frames.n - 1;
    if (f->node != n)
        return;
    if (f->actions & LEAVE_CAPTURE) {
        capture *caps = w->caps.items;
        capture *c = &caps[w->ctx.cap];
        if (c->started) {
            if (c->parent >= 0 && !caps[c->parent].frozen) {
                capture *p = &caps[c->parent];
                if (!p->started || c->start < p->start)
                    p->start = c->start;
                if (!p->started || c->end > p->end)
                    p->end = c->end;
                p->started = 1;
            }
            comment_rec *cr = (comment_rec *)w->comments.items + c->comment;
            sr_span s = trim_author(w, (sr_span){c->start, c->end});
            size_t len = s.end - s.start;
            if (len && len <= AUTHOR_MAX_BYTES && !memmem(w->out + s.start, len, "\n\n", 2) &&
                c->strength > cr->author_strength) {
                cr->author = s;
                cr->author_strength = c->strength;
            }
        }
    }
    if (f->actions & LEAVE_SOFT) {
        soft_region *regs = w->regions.items;
        soft_region *r = &regs[w->ctx.soft];
        r->chrome = !(r->has_article || r->p_count >= SOFT_CONTENT_PARAGRAPHS);
        if (r->parent >= 0) {
            regs[r->parent].p_count += r->p_count;
            regs[r->parent].has_article |= r->has_article;
        }
    }
    w->ctx = f->saved;
    w->frames.n--;
}

/* Visits every node under DOC without recursion: the tree may be as deep
 * as the page is long. */
static void walk(walker *w, xmlDocPtr doc)
{
    const xmlNode *top = (const xmlNode *)doc;
    const xmlNode *n = doc->children;
    while (n && w->st == SR_OK) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE)
            descend = enter_element(w, n);
        else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
                 !w->ctx.head)
            emit_text(w, (const char *)n->content, strlen((const char *)n->content));
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE)
                leave_element(w, n);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == top) {
                n = NULL;
                break;
            }
        }
    }
    close_para(w);
}

/* ------------------------------------------------------------------ */
/* Stage 4: classification                                              */

/* Compares the title T with S[0..n) from the rendered text, ignoring ASCII
 * case and treating '\n' as ' '.  Both are already collapsed. */
static int same_text(const char *t, size_t tn, const char *s, size_t n)
{
    if (tn != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int a = s[i] == '\n' ? ' ' : lower_ascii((unsigned char)s[i]);
        int b = lower_ascii((unsigned char)t[i]);
        if (a != b)
            return 0;
    }
    return 1;
}

static const char *const title_separators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 ", " / "};

/* Length of the site-name separator at T (N bytes), 0 if none. */
static size_t separator_at(const char *t, size_t n)
{
    for (size_t i = 0; i < sizeof title_separators / sizeof title_separators[0]; i++) {
        size_t k = strlen(title_separators[i]);
        if (n > k && !memcmp(t, title_separators[i], k))
            return k;
    }
    return 0;
}

static int separator_before(const char *t, size_t end)
{
    for (size_t i = 0; i < sizeof title_separators / sizeof title_separators[0]; i++) {
        size_t k = strlen(title_separators[i]);
        if (end > k && !memcmp(t + end - k, title_separators[i], k))
            return 1;
    }
    return 0;
}

/* How paragraph P relates to title T: 2 equal, 1 T is P plus a site name
 * (either side), 0 unrelated.  O(|P|). */
static int title_match(const char *t, const char *text, const para *p)
{
    size_t tn = strlen(t), n = p->end - p->start;
    const char *s = text + p->start;
    if (same_text(t, tn, s, n))
        return 2;
    if (n < tn && same_text(t, n, s, n) && separator_at(t + n, tn - n))
        return 1;
    if (n < tn && same_text(t + tn - n, n, s, n) && separator_before(t, tn - n))
        return 1;
    return 0;
}

static int is_comment_body(const walker *w, const para *p)
{
    const comment_rec *c = (const comment_rec *)w->comments.items + p->comment;
    if (p->role == ROLE_META)
        return 0;
    if (c->has_body)
        return p->role == ROLE_BODY;
    sr_span a = c->author;
    if (a.end > a.start && p->start <= a.start && a.end <= p->end &&
        (p->end - p->start) - (a.end - a.start) <= AUTHOR_LINE_EXTRA)
        return 0;
    return 1;
}

static double density(size_t link, size_t text)
{
    return text ? (double)link / (double)text : 0.0;
}

static sr_status classify(walker *w, html_page *page)
{
    para *ps = w->paras.items;
    size_t np = w->paras.n;
    comment_rec *cs = w->comments.items;
    soft_region *rs = w->regions.items;

    /* Regions are numbered outside-in, so a parent is resolved first. */
    for (size_t r = 0; r < w->regions.n; r++)
        rs[r].eff = rs[r].chrome ? (long)r : (rs[r].parent >= 0 ? rs[rs[r].parent].eff : -1);

    /* Title: og:title, else <title>; a site name around it is dropped when
     * an <h1> shows the bare title; else the first <h1>. */
    const char *title = w->og_title ? w->og_title : w->title_tag;
    long title_para = -1;
    for (size_t i = 0; i < np && title; i++) {
        if (!ps[i].h1 || ps[i].comment >= 0)
            continue;
        int m = title_match(title, w->out, &ps[i]);
        if (m) {
            title_para = (long)i;
            if (m == 1)
                title = NULL; /* the <h1> text, copied below */
            break;
        }
    }
    if (!w->og_title && !w->title_tag) {
        for (int pass = 0; pass < 2 && title_para < 0; pass++)
            for (size_t i = 0; i < np; i++)
                if (ps[i].h1 && ps[i].comment < 0 && (pass || (!ps[i].bp && ps[i].soft < 0))) {
                    title_para = (long)i;
                    break;
                }
    }
    if (!title && title_para >= 0) {
        const para *p = &ps[title_para];
        title = collapse_copy(w->a, w->out + p->start, p->end - p->start);
        if (!title)
            return SR_ENOMEM;
    }
    page->title = title;

    html_block *blocks = sr_arena_calloc(w->a, np ? np : 1, sizeof *blocks);
    if (!blocks)
        return SR_ENOMEM;
    size_t nb = 0;
    long ordinal = 0;
    for (size_t i = 0; i < np;) {
        const para *p = &ps[i];
        html_block *b = &blocks[nb++];
        b->span = (sr_span){p->start, p->end};
        b->parent = -1;
        b->link_density = density(p->link_bytes, p->text_bytes);
        if (p->comment >= 0) {
            comment_rec *c = &cs[p->comment];
            b->kind = HTML_BLOCK_BOILERPLATE;
            if (!is_comment_body(w, p)) {
                b->reason = "comment metadata";
            } else if (c->first_body >= 0) {
                b->reason = "comment fragment"; /* split by a reply: rare */
            } else {
                /* The comment's paragraphs up to its last body paragraph
                 * before another comment starts form its one block. */
                size_t last = i, link = 0, text = 0;
                for (size_t j = i; j < np && ps[j].comment == p->comment; j++)
                    if (is_comment_body(w, &ps[j]))
                        last = j;
                for (size_t j = i; j <= last; j++) {
                    link += ps[j].link_bytes;
                    text += ps[j].text_bytes;
                }
                b->kind = HTML_BLOCK_COMMENT;
                b->reason = NULL;
                b->span.end = ps[last].end;
                b->link_density = density(link, text);
                b->author = c->author;
                b->depth = c->depth;
                b->parent = p->comment; /* internal id until mapped below */
                c->first_body = (long)i;
                c->ordinal = ordinal++;
                i = last + 1;
                continue;
            }
        } else if ((long)i == title_para) {
            b->kind = HTML_BLOCK_TITLE;
        } else {
            const char *reason = p->bp;
            if (!reason && p->soft >= 0 && rs[p->soft].eff >= 0)
                reason = rs[rs[p->soft].eff].reason;
            if (!reason && p->area)
                reason = "comment section";
            if (!reason && b->link_density > LINK_DENSITY_MAX)
                reason = "link-dense block";
            b->kind = reason ? HTML_BLOCK_BOILERPLATE : HTML_BLOCK_CONTENT;
            b->reason = reason;
        }
        i++;
    }
    /* Parents precede children in creation order, so one pass resolves the
     * nearest ancestor that has a block (a comment with no text has none). */
    for (size_t c = 0; c < w->comments.n; c++)
        cs[c].up =
            cs[c].ordinal >= 0 ? cs[c].ordinal : (cs[c].parent >= 0 ? cs[cs[c].parent].up : -1);
    for (size_t k = 0; k < nb; k++)
        if (blocks[k].kind == HTML_BLOCK_COMMENT) {
            long c = blocks[k].parent;
            long parent = cs[c].parent >= 0 ? cs[cs[c].parent].up : -1;
            /* A parent always precedes its replies.  A reply printed before
             * its parent's own text (broken markup) is reported as a top-
             * level comment; its depth still says where the DOM put it. */
            blocks[k].parent = parent < cs[c].ordinal ? parent : -1;
        }
    page->blocks = blocks;
    page->n_blocks = nb;

    for (int r = 0; r < PUB_N; r++)
        if (w->pub[r]) {
            page->published = sr_arena_strndup(w->a, w->pub[r], w->pub_len[r]);
            if (!page->published)
                return SR_ENOMEM;
            break;
        }
    return SR_OK;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */

/* Parses BUF with errors silenced through this context's options only
 * (xmlSetGenericErrorFunc would change the whole process).  Encoding hints
 * in the page are ignored: the input is UTF-8 by the time it gets here. */
static htmlDocPtr parse_html(const char *buf, size_t len, int huge, int *halted, int *nomem)
{
    *halted = 0;
    *nomem = 0;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        *nomem = 1;
        return NULL;
    }
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    if (huge)
        opts |= XML_PARSE_HUGE;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8", opts);
    *halted = ctxt->instate == XML_PARSER_EOF;
    *nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

sr_status html_extract(sr_arena *a, const char *html, size_t len, html_page *page, char *err,
                       size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!a || !page || (!html && len))
        return SR_EINVAL;
    memset(page, 0, sizeof *page);
    if (len == 0) {
        set_err(err, errlen, "empty page");
        return SR_EFORMAT;
    }
    if (len > INT_MAX) {
        set_err(err, errlen, "page of %zu bytes exceeds libxml2's 2 GiB limit", len);
        return SR_ETOOBIG;
    }

    prescan_result pr;
    prescan((const unsigned char *)html, len, NULL, &pr);
    const char *buf = html;
    size_t blen = len;
    if (pr.changed) {
        if (pr.out_len > INT_MAX) {
            set_err(err, errlen, "repaired page exceeds libxml2's 2 GiB limit");
            return SR_ETOOBIG;
        }
        unsigned char *copy = sr_arena_alloc(a, pr.out_len + 1);
        if (!copy)
            return SR_ENOMEM;
        prescan((const unsigned char *)html, len, copy, &pr);
        copy[pr.out_len] = '\0';
        buf = (const char *)copy;
        blen = pr.out_len;
    }
    if (blen == 0) {
        set_err(err, errlen, "empty page");
        return SR_EFORMAT;
    }

    xmlInitParser();
    int halted, nomem, truncated = 0;
    htmlDocPtr doc = parse_html(buf, blen, 0, &halted, &nomem);
    if (halted && !nomem) {
        /* Too deep for libxml2's default limit: retry without the limit
         * when the tag counts bound the stack scans (see the top). */
        size_t s = pr.starts + 3, t = pr.tags + 3;
        if (s <= HTML_HUGE_BUDGET / t) {
            int h2, nm2;
            htmlDocPtr deep = parse_html(buf, blen, 1, &h2, &nm2);
            if (deep) {
                xmlFreeDoc(doc);
                doc = deep;
                halted = h2;
                nomem = nm2;
            }
        }
        truncated = halted;
    }
    if (nomem) {
        xmlFreeDoc(doc);
        set_err(err, errlen, "libxml2 ran out of memory");
        return SR_ENOMEM;
    }
    if (!doc) {
        set_err(err, errlen, "no HTML document in the input");
        return SR_EFORMAT;
    }

    walker w;
    memset(&w, 0, sizeof w);
    w.a = a;
    w.st = SR_OK;
    w.ctx.soft = -1;
    w.ctx.comment = -1;
    w.ctx.cap = -1;
    walk(&w, doc);
    sr_status st = w.st;
    if (st == SR_OK && w.len == 0) {
        xmlFreeDoc(doc);
        set_err(err, errlen, "no text in the page");
        return SR_EFORMAT;
    }
    if (st == SR_OK && out_reserve(&w, 0)) {
        w.out[w.len] = '\0';
        st = classify(&w, page);
    } else
        st = SR_ENOMEM;
    /* Dates and titles point into the tree until classify copies them. */
    xmlFreeDoc(doc);
    if (st != SR_OK) {
        memset(page, 0, sizeof *page);
        set_err(err, errlen, "out of memory");
        return st;
    }
    page->text = w.out;
    page->len = w.len;
    if (truncated)
        set_err(err, errlen,
                "libxml2 stopped early (nesting deeper than 256 elements): "
                "the rest of the page is missing");
    return SR_OK;
}
