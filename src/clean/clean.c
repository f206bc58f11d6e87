/* clean.c - report vs reader comments vs boilerplate.
 *
 * The cleaner works on blocks: paragraphs separated by blank lines in plain
 * text, or the block elements html.c renders.  It decides in four steps,
 * each on general layout cues rather than any site's strings:
 *   1. Thread: where the reader-comment thread starts.  Marked threads have
 *      comment headers - a bullet or a number, a short name, and for
 *      WordPress a closing "says:"/"wrote:" - with nesting shown by
 *      indentation.  Unmarked threads (a scrape that lost the markup) show
 *      as short name-only blocks alternating with comment text, with names
 *      repeating; an anonymous comment just before the first name is taken
 *      in when it reads like chat (first person, no full stop, lower case).
 *   2. Title: the metadata title when given, else the first headline-like
 *      block; short or non-text blocks above it are page chrome.
 *   3. Boilerplate inside the report region: repeated title, blocks made of
 *      numbers and symbols (donation meters), short fragments that are not
 *      sentences (captions, player and image widgets), a lone date, short
 *      question/exclamation blocks after the report's last paragraph (calls
 *      to action), and exact repeats of an earlier block.
 *   4. Dateline: the first full date printed near the top of the report,
 *      unless it is part of a sentence ("on 5 May 2017").
 * Cost: O(n) in the text length, plus O(b) per block for the stats. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/html.h"
#include "core/letters.h"
#include "sitrep/clean.h"

/* Thresholds, with the reason for each. */
#define NAME_MAX_WORDS 4 /* "Willing Conscience (The Truths" is 4 */
#define NAME_MAX_BYTES 48
#define HEADER_NAME_MAX_BYTES 80 /* "©igare☘☘e?Sm⚽️k?ng?Man️?" is long in bytes */
#define FRAGMENT_MAX_WORDS 8     /* captions, "Loading the player..." */
#define HEADLINE_MAX_WORDS 40
#define REPORT_PARA_MIN_WORDS 15
#define CTA_MAX_WORDS 20
#define CHAT_MAX_WORDS 30
#define DATELINE_WINDOW 400 /* bytes from the report start */
#define MAX_WARNINGS 32
/* Block statistics only decide between short shapes (names, captions,
 * headlines of up to 40 words, calls to action), so they look at the first
 * 320 bytes of a block (a 40-word headline fits); longer blocks are report text or comments and are
 * neither hashed nor scanned further.  That keeps the cleaner's cost per
 * document near the cost of finding its blank lines. */
#define STATS_WINDOW 320

/* Byte classes, so the hot loops avoid locale-aware ctype calls. */
enum { CL_SPACE = 1, CL_LETTER = 2, CL_DIGIT = 4, CL_UPPER = 8, CL_CONT = 16 };
static const unsigned char byte_class[256] = {
    ['\t'] = CL_SPACE,
    ['\n'] = CL_SPACE,
    ['\v'] = CL_SPACE,
    ['\f'] = CL_SPACE,
    ['\r'] = CL_SPACE,
    [' '] = CL_SPACE,
#define R10(b, v)                                                                                  \
    [b] = v, [b + 1] = v, [b + 2] = v, [b + 3] = v, [b + 4] = v, [b + 5] = v, [b + 6] = v,         \
    [b + 7] = v, [b + 8] = v, [b + 9] = v
    R10('0', CL_DIGIT),
    R10('A', CL_LETTER | CL_UPPER),
    R10('K', CL_LETTER | CL_UPPER),
    ['U'] = CL_LETTER | CL_UPPER,
    ['V'] = CL_LETTER | CL_UPPER,
    ['W'] = CL_LETTER | CL_UPPER,
    ['X'] = CL_LETTER | CL_UPPER,
    ['Y'] = CL_LETTER | CL_UPPER,
    ['Z'] = CL_LETTER | CL_UPPER,
    R10('a', CL_LETTER),
    R10('k', CL_LETTER),
    ['u'] = CL_LETTER,
    ['v'] = CL_LETTER,
    ['w'] = CL_LETTER,
    ['x'] = CL_LETTER,
    ['y'] = CL_LETTER,
    ['z'] = CL_LETTER,
    R10(0x80, CL_CONT),
    R10(0x8A, CL_CONT),
    R10(0x94, CL_CONT),
    R10(0x9E, CL_CONT),
    R10(0xA8, CL_CONT),
    R10(0xB2, CL_CONT),
    [0xBC] = CL_CONT,
    [0xBD] = CL_CONT,
    [0xBE] = CL_CONT,
    [0xBF] = CL_CONT,
    R10(0xC0, CL_LETTER),
    R10(0xCA, CL_LETTER),
    R10(0xD4, CL_LETTER),
    R10(0xDE, CL_LETTER),
    R10(0xE8, CL_LETTER),
    R10(0xF2, CL_LETTER),
    [0xFC] = CL_LETTER,
    [0xFD] = CL_LETTER,
    [0xFE] = CL_LETTER,
    [0xFF] = CL_LETTER,
#undef R10
};

enum { B_BODY = 0, B_TITLE, B_DROP };

typedef struct cblock {
    sr_span span;
    int kind;
    const char *reason;
    int words, lines;
    int letters, visible; /* letters (incl. non-ASCII) and non-space bytes */
    int upper_words;      /* words starting with an upper-case letter */
    int long_block;       /* longer than STATS_WINDOW: stats cover the start */
    uint64_t key;         /* hash of the folded text (see fold_hash) */
    size_t key_len;       /* folded length; 0 = not comparable */
} cblock;

typedef struct cleaner {
    sr_doc *doc;
    sr_cleaned *out;
    const char *t;
    size_t n;
    cblock *blocks;
    size_t nb, capb;
    sr_comment *com;
    size_t ncom, capcom;
    sr_removed *rem;
    size_t nrem, caprem;
    size_t thread_start; /* text offset where comments begin (n if none) */
} cleaner;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Appends a warning (copied into the arena).  -1 on out of memory; past
 * MAX_WARNINGS further warnings are dropped, and the last one says so. */
static int warn(cleaner *c, const char *msg)
{
    sr_cleaned *o = c->out;
    if (o->n_warnings >= MAX_WARNINGS)
        return 0;
    if (!o->warnings) {
        o->warnings = sr_arena_calloc(c->doc->arena, MAX_WARNINGS, sizeof *o->warnings);
        if (!o->warnings)
            return -1;
    }
    if (o->n_warnings == MAX_WARNINGS - 1)
        msg = "further warnings omitted";
    o->warnings[o->n_warnings] = sr_arena_strndup(c->doc->arena, msg, strlen(msg));
    if (!o->warnings[o->n_warnings])
        return -1;
    o->n_warnings++;
    return 0;
}

/* Generic push onto an arena-backed growable array. */
static void *push(sr_arena *a, void **arr, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        void *p = sr_arena_grow(a, *arr, *cap * size, nc * size);
        if (!p)
            return NULL;
        *arr = p;
        *cap = nc;
    }
    void *slot = (char *)*arr + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

static sr_span trim(const char *t, sr_span s)
{
    while (s.start < s.end && is_space(t[s.start]))
        s.start++;
    while (s.end > s.start && is_space(t[s.end - 1]))
        s.end--;
    return s;
}

static uint64_t fold_hash(const char *t, sr_span s, size_t *len);

static void block_stats(const char *t, cblock *b)
{
    int in_word = 0;
    size_t end = b->span.end;
    if (end - b->span.start > STATS_WINDOW) {
        end = b->span.start + STATS_WINDOW;
        b->long_block = 1;
    }
    b->lines = b->long_block ? 2 : 1;
    for (size_t i = b->span.start; i < end; i++) {
        unsigned char ch = (unsigned char)t[i];
        unsigned cl = byte_class[ch];
        if (cl & CL_SPACE) {
            b->lines += ch == '\n';
            in_word = 0;
            continue;
        }
        if (cl & CL_CONT)
            continue;
        b->visible++;
        if (cl & CL_LETTER)
            b->letters++;
        if (!in_word && (cl & (CL_LETTER | CL_DIGIT))) {
            b->words++;
            b->upper_words += (cl & CL_UPPER) != 0;
            in_word = 1;
        }
        if (cl & CL_LETTER) { /* the rest of the word's ASCII letters, in bulk */
            size_t run = sr_letter_run((const unsigned char *)t, i + 1, end, 0) - (i + 1);
            b->visible += (int)run;
            b->letters += (int)run;
            i += run;
        }
    }
    if (b->long_block && b->words <= HEADLINE_MAX_WORDS)
        b->words = HEADLINE_MAX_WORDS + 1; /* long is never short */
    b->key = b->long_block ? 0 : fold_hash(t, b->span, &b->key_len);
}

/* Last visible character class of a block: 1 = ends a sentence
 * (. ! ? possibly followed by closing quotes or brackets), 2 = ellipsis,
 * 0 = anything else. */
static int ending(const char *t, sr_span s)
{
    size_t e = s.end;
    /* skip closing quotes and brackets: ) ] ' " and UTF-8 ’ ” (E2 80 99/9D) */
    for (;;) {
        if (e > s.start &&
            (t[e - 1] == ')' || t[e - 1] == ']' || t[e - 1] == '"' || t[e - 1] == '\''))
            e--;
        else if (e >= s.start + 3 && (unsigned char)t[e - 3] == 0xE2 &&
                 (unsigned char)t[e - 2] == 0x80 &&
                 ((unsigned char)t[e - 1] == 0x99 || (unsigned char)t[e - 1] == 0x9D))
            e -= 3;
        else
            break;
    }
    if (e >= s.start + 3 && !memcmp(t + e - 3, "...", 3))
        return 2;
    if (e >= s.start + 3 && !memcmp(t + e - 3, "\xE2\x80\xA6", 3))
        return 2;
    if (e > s.start && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?'))
        return 1;
    return 0;
}

/* Hash of a span folded for equality tests: ASCII alphanumerics
 * lower-cased, other ASCII and U+2000..U+203F punctuation dropped, other
 * UTF-8 kept (FNV-1a, 64 bits).  *LEN is the folded length. */
static uint64_t fold_hash(const char *t, sr_span s, size_t *len)
{
    uint64_t h = 1469598103934665603ull;
    size_t n = 0;
    for (size_t i = s.start; i < s.end; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == 0xE2 && i + 2 < s.end && (unsigned char)t[i + 1] == 0x80) {
            i += 2;
            continue;
        }
        if (ch < 0x80) {
            unsigned cl = byte_class[ch];
            if (!(cl & (CL_LETTER | CL_DIGIT)))
                continue;
            if (cl & CL_UPPER)
                ch = (unsigned char)(ch + 32);
        }
        h = (h ^ ch) * 1099511628211ull;
        n++;
    }
    *len = n;
    return h;
}

static int same_block(const cblock *a, const cblock *b)
{
    return a->key_len > 0 && a->key_len == b->key_len && a->key == b->key;
}

/* ---- step 1a: marked threads (bullets, numbers, "says:") ---- */

static const char *const bullets[] = {"\xE2\x80\xA2",
                                      "\xE2\x97\xA6",
                                      "\xE2\x96\xAA",
                                      "\xE2\x97\x8F",
                                      "\xE2\x80\xA3",
                                      "\xE2\x96\xBA",
                                      "*",
                                      "-"};

/* A comment header line: indentation, a bullet or "N.", a short name, and
 * for numbered headers a closing verb of speech followed by ':'.  Returns 1
 * and the author span and indentation. */
static int header_line(const char *t, sr_span line, sr_span *author, int *indent)
{
    size_t i = line.start;
    int ind = 0;
    while (i < line.end && (t[i] == ' ' || t[i] == '\t')) {
        ind += t[i] == '\t' ? 4 : 1;
        i++;
    }
    sr_span rest = trim(t, (sr_span){i, line.end});
    if (rest.start >= rest.end)
        return 0;
    int numbered = 0;
    size_t p = rest.start;
    int nd = 0;
    while (p < rest.end && isdigit((unsigned char)t[p]) && nd < 4)
        p++, nd++;
    if (nd >= 1 && nd <= 3 && p < rest.end && t[p] == '.' && p + 1 < rest.end && t[p + 1] == ' ') {
        numbered = 1;
        p += 2;
    } else {
        p = rest.start;
        int hit = 0;
        for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
            size_t bl = strlen(bullets[k]);
            if (rest.end - p > bl && !memcmp(t + p, bullets[k], bl) && t[p + bl] == ' ') {
                p += bl + 1;
                hit = 1;
                break;
            }
        }
        if (!hit)
            return 0;
    }
    sr_span name = trim(t, (sr_span){p, rest.end});
    if (name.start >= name.end)
        return 0;
    if (numbered) {
        /* "Name says:" - a verb of speech closing with a colon */
        static const char *const verbs[] = {" says:", " wrote:", " said:", " writes:"};
        int ok = 0;
        for (size_t k = 0; k < 4; k++) {
            size_t vl = strlen(verbs[k]);
            if (name.end - name.start > vl && !strncasecmp(t + name.end - vl, verbs[k], vl)) {
                name.end -= vl;
                ok = 1;
                break;
            }
        }
        if (!ok)
            return 0;
        name = trim(t, name);
    }
    if (name.end - name.start > HEADER_NAME_MAX_BYTES)
        return 0;
    cblock b = {.span = name};
    block_stats(t, &b);
    if (b.words > 6 || b.lines > 1)
        return 0;
    char last = t[name.end - 1];
    if (!numbered &&
        (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':'))
        return 0;
    *author = name;
    *indent = ind;
    return 1;
}

typedef struct hline {
    sr_span line, author;
    int indent, header;
} hline;

/* Finds a marked thread; fills comments.  Returns the thread's start offset
 * or n when there is none. */
static int parse_marked_thread(cleaner *c)
{
    const char *t = c->t;
    size_t n = c->n;
    /* first pass: count header lines and find the first plausible one */
    size_t first = n;
    int headers = 0;
    int first_has_text = 0;
    for (size_t s = 0; s < n;) {
        const char *nl = memchr(t + s, '\n', n - s);
        size_t e = nl ? (size_t)(nl - t) : n;
        sr_span a;
        int ind;
        if (header_line(t, (sr_span){s, e}, &a, &ind)) {
            if (first == n) {
                first = s;
                /* next non-blank line indented deeper, or another header */
                size_t q = e + 1;
                while (q < n) {
                    const char *nl2 = memchr(t + q, '\n', n - q);
                    size_t e2 = nl2 ? (size_t)(nl2 - t) : n;
                    sr_span tl = trim(t, (sr_span){q, e2});
                    if (tl.start < tl.end) {
                        int ind2 = (int)(tl.start - q);
                        sr_span a2;
                        int i2;
                        first_has_text = ind2 > ind || header_line(t, (sr_span){q, e2}, &a2, &i2);
                        break;
                    }
                    q = e2 + 1;
                }
            }
            headers++;
        }
        s = e + 1;
    }
    if (first == n || headers < 2 || !first_has_text)
        return 0;
    /* Nesting depth: rank of a header's indentation among all headers'. */
    int levels[16];
    int nlev = 0;
    for (size_t s = first; s < n;) {
        const char *nl = memchr(t + s, '\n', n - s);
        size_t e = nl ? (size_t)(nl - t) : n;
        sr_span a;
        int ind;
        if (header_line(t, (sr_span){s, e}, &a, &ind)) {
            int k = 0;
            while (k < nlev && levels[k] != ind)
                k++;
            if (k == nlev && nlev < 16)
                levels[nlev++] = ind;
        }
        s = e + 1;
    }
    for (int i = 1; i < nlev; i++) /* insertion sort, at most 16 */
        for (int j = i; j > 0 && levels[j - 1] > levels[j]; j--) {
            int tmp = levels[j];
            levels[j] = levels[j - 1];
            levels[j - 1] = tmp;
        }
    long last_at_depth[16];
    for (int i = 0; i < 16; i++)
        last_at_depth[i] = -1;
    sr_comment *cur = NULL;
    for (size_t s = first; s < n;) {
        const char *nl = memchr(t + s, '\n', n - s);
        size_t e = nl ? (size_t)(nl - t) : n;
        sr_span a;
        int ind;
        if (header_line(t, (sr_span){s, e}, &a, &ind)) {
            int depth = 0;
            while (depth < nlev && levels[depth] != ind)
                depth++;
            if (depth >= 16)
                depth = 15;
            cur = push(c->doc->arena, (void **)&c->com, &c->ncom, &c->capcom, sizeof *c->com);
            if (!cur)
                return -1;
            cur->author = a;
            cur->depth = depth;
            cur->parent = depth > 0 ? last_at_depth[depth - 1] : -1;
            cur->text = (sr_span){e, e};
            last_at_depth[depth] = (long)c->ncom - 1;
            for (int k = depth + 1; k < 16; k++)
                last_at_depth[k] = -1;
        } else if (cur) {
            sr_span tl = trim(t, (sr_span){s, e});
            if (tl.start < tl.end) {
                if (cur->text.start == cur->text.end)
                    cur->text.start = tl.start;
                cur->text.end = tl.end;
            }
        }
        s = e + 1;
    }
    c->thread_start = first;
    return 1;
}

/* ---- blocks ---- */

static int split_blocks(cleaner *c, size_t from, size_t to)
{
    const char *t = c->t;
    size_t s = from;
    while (s < to) {
        /* a block ends at a blank line (only white space between newlines) */
        size_t e = s;
        size_t block_end = to;
        while (e < to) {
            const char *nl = memchr(t + e, '\n', to - e);
            if (!nl)
                break;
            size_t q = (size_t)(nl - t) + 1;
            size_t r = q;
            while (r < to && t[r] != '\n' && is_space(t[r]))
                r++;
            if (r < to && t[r] == '\n') {
                block_end = (size_t)(nl - t);
                break;
            }
            e = q;
        }
        sr_span sp = trim(t, (sr_span){s, block_end});
        if (sp.start < sp.end) {
            cblock *b =
                push(c->doc->arena, (void **)&c->blocks, &c->nb, &c->capb, sizeof *c->blocks);
            if (!b)
                return -1;
            b->span = sp;
            block_stats(t, b);
        }
        if (block_end == to)
            break;
        s = block_end + 1;
    }
    return 0;
}

/* A bare author line: one short line, few words, no sentence punctuation. */
static int name_like(const char *t, const cblock *b)
{
    if (b->lines != 1 || b->words < 1 || b->words > NAME_MAX_WORDS)
        return 0;
    if (b->span.end - b->span.start > NAME_MAX_BYTES)
        return 0;
    for (size_t i = b->span.start; i < b->span.end; i++) {
        char ch = t[i];
        if (ch == '.' || ch == '!' || ch == '?' || ch == ',' || ch == ';' || ch == ':' || ch == '"')
            return 0;
        if (isdigit((unsigned char)ch) && b->words > 1)
            return 0;
    }
    return b->letters * 2 >= b->visible;
}

/* Reads like chat rather than reporting: first person singular outside
 * quotes, no closing full stop, a doubled stop, or a lower-case start. */
static int chat_like(const char *t, const cblock *b)
{
    if (b->words > CHAT_MAX_WORDS)
        return 0;
    sr_span s = b->span;
    if (islower((unsigned char)t[s.start]))
        return 1;
    if (ending(t, s) != 1)
        return 1;
    if (s.end - s.start >= 2 && t[s.end - 1] == '.' && t[s.end - 2] == '.')
        return 1;
    for (size_t i = s.start; i + 1 < s.end; i++) {
        if ((i == s.start || t[i - 1] == ' ') && t[i] == 'I' &&
            (t[i + 1] == ' ' || t[i + 1] == '\'' || (unsigned char)t[i + 1] == 0xE2))
            return 1;
    }
    return 0;
}

/* Unmarked thread: from the earliest name-like block after the first report
 * paragraph such that the rest holds at least 3 name-like blocks (or a name
 * that repeats), making up at least a fifth of the blocks. */
static int find_unmarked_thread(cleaner *c, size_t first_body)
{
    const char *t = c->t;
    size_t seen_report = 0;
    for (size_t i = first_body; i < c->nb; i++) {
        cblock *b = &c->blocks[i];
        if (b->words >= REPORT_PARA_MIN_WORDS)
            seen_report = 1;
        if (!seen_report || !name_like(t, b))
            continue;
        size_t names = 0, total = c->nb - i;
        int repeat = 0;
        for (size_t k = i; k < c->nb; k++) {
            if (!name_like(t, &c->blocks[k]))
                continue;
            names++;
            for (size_t m = i; m < k && !repeat; m++)
                if (name_like(t, &c->blocks[m]) && same_block(&c->blocks[m], &c->blocks[k]))
                    repeat = 1;
        }
        if ((names >= 3 || (names >= 2 && repeat)) && names * 5 >= total) {
            size_t start = i;
            /* take in anonymous chat just before the first name */
            while (start > first_body + 1 && i - start < 3 && chat_like(t, &c->blocks[start - 1]))
                start--;
            return (int)start;
        }
    }
    return -1;
}

/* ---- step 1c: stamped threads (a name line, then a time line) ---- */

/* The end of the line that starts at S within SPAN. */
static size_t line_end(const char *t, size_t s, sr_span span)
{
    const char *nl = memchr(t + s, '\n', span.end - s);
    return nl ? (size_t)(nl - t) : span.end;
}

/* A posting time: at most 8 words with a digit, and a clock time
 * ("9:14 am", "14:02"), "am"/"pm", "ago" or a full date. */
static int stamp_line(const char *t, sr_span l)
{
    int words = 0, digit = 0, clock = 0;
    for (size_t i = l.start; i < l.end; i++) {
        words += (i == l.start || t[i - 1] == ' ') && t[i] != ' ';
        digit |= isdigit((unsigned char)t[i]);
        clock |= t[i] == ':' && i > l.start && i + 2 < l.end && isdigit((unsigned char)t[i - 1]) &&
                 isdigit((unsigned char)t[i + 1]) && isdigit((unsigned char)t[i + 2]);
    }
    if (!digit || words > 8)
        return 0;
    if (clock)
        return 1;
    static const char *const marks[] = {" am", " pm", " ago"};
    for (size_t k = 0; k < 3; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t i = l.start; i + ml <= l.end; i++)
            if (!strncasecmp(t + i, marks[k], ml) && (i + ml == l.end || t[i + ml] == ' '))
                return 1;
    }
    sr_span ds;
    sr_date dd;
    return sr_find_date(t + l.start, l.end - l.start, &ds, &dd) &&
           ds.end - ds.start + 8 >= l.end - l.start;
}

/* A comment opened by its author's name on one line and the posting time
 * on the next ("Ahmad_Halab" / "3 January 2019 14:02" / text): fills the
 * author and the text after the two lines (empty when the text is the next
 * block). */
static int stamped_block(const char *t, const cblock *b, sr_span *author, sr_span *text)
{
    if (b->lines < 2)
        return 0;
    size_t e1 = line_end(t, b->span.start, b->span);
    sr_span name = trim(t, (sr_span){b->span.start, e1});
    cblock nb = {.span = name};
    block_stats(t, &nb);
    /* "Mark D.": a final initial's stop is part of a name */
    if (name.end - name.start >= 3 && t[name.end - 1] == '.' && t[name.end - 3] == ' ' &&
        isupper((unsigned char)t[name.end - 2]))
        nb.span.end--;
    if (!name_like(t, &nb) || e1 >= b->span.end)
        return 0;
    size_t e2 = line_end(t, e1 + 1, b->span);
    if (!stamp_line(t, trim(t, (sr_span){e1 + 1, e2})))
        return 0;
    *author = name;
    *text = e2 < b->span.end ? trim(t, (sr_span){e2 + 1, b->span.end}) : (sr_span){b->span.end,
                                                                                   b->span.end};
    return 1;
}

/* A thread's heading: "Comments", "3 comments", "Leave a Reply",
 * "12 Responses", "Join the discussion". */
static int thread_heading(const char *t, const cblock *b)
{
    if (b->lines != 1 || b->words > 4)
        return 0;
    static const char *const words[] = {"comment", "repl", "respons", "discussion"};
    for (size_t i = b->span.start; i < b->span.end; i++)
        for (size_t k = 0; k < 4; k++)
            if (!strncasecmp(t + i, words[k], strlen(words[k])))
                return 1;
    return 0;
}

/* Stamped thread: from the first stamped block after the first report
 * paragraph, when two or more follow (or one under a thread heading); the
 * headings just above it join the thread.  Returns its first block, or -1. */
static int find_stamped_thread(cleaner *c, size_t first_body)
{
    const char *t = c->t;
    sr_span a, x;
    for (size_t i = first_body + 1; i < c->nb; i++) {
        if (!stamped_block(t, &c->blocks[i], &a, &x))
            continue;
        size_t stamped = 0;
        for (size_t k = i; k < c->nb; k++)
            stamped += (size_t)stamped_block(t, &c->blocks[k], &a, &x);
        size_t start = i;
        while (start > first_body + 1 && i - start < 2 && thread_heading(t, &c->blocks[start - 1]))
            start--;
        if (stamped >= 2 || start < i)
            return (int)start;
        return -1; /* one stamp alone under no heading: a dated note, say */
    }
    return -1;
}

/* A new top-level comment at the end of C's list, or NULL on no memory. */
static sr_comment *new_comment(cleaner *c)
{
    sr_comment *cur = push(c->doc->arena, (void **)&c->com, &c->ncom, &c->capcom, sizeof *c->com);
    if (cur)
        cur->parent = -1;
    return cur;
}

/* Adds block B to comment CUR's text. */
static void comment_extend(sr_comment *cur, const cblock *b)
{
    if (cur->text.start == cur->text.end)
        cur->text.start = b->span.start;
    cur->text.end = b->span.end;
}

static int stamped_comments(cleaner *c, size_t from)
{
    const char *t = c->t;
    sr_comment *cur = NULL;
    for (size_t i = from; i < c->nb; i++) {
        cblock *b = &c->blocks[i];
        sr_span author, text;
        if (stamped_block(t, b, &author, &text)) {
            if (!(cur = new_comment(c)))
                return -1;
            cur->author = author;
            cur->text = text;
            continue;
        }
        if (!cur) { /* the headings above the first comment */
            sr_removed *r = push(c->doc->arena, (void **)&c->rem, &c->nrem, &c->caprem,
                                 sizeof *c->rem);
            if (!r)
                return -1;
            r->span = b->span;
            r->reason = "comment thread heading";
            continue;
        }
        comment_extend(cur, b);
    }
    c->nb = from;
    return 0;
}

static int unmarked_comments(cleaner *c, size_t from)
{
    const char *t = c->t;
    sr_comment *cur = NULL;
    for (size_t i = from; i < c->nb; i++) {
        cblock *b = &c->blocks[i];
        int is_name = name_like(t, b) && i + 1 < c->nb && !name_like(t, &c->blocks[i + 1]);
        if (is_name || !cur) {
            if (!(cur = new_comment(c)))
                return -1;
            if (is_name) {
                cur->author = b->span;
                cur->text = (sr_span){b->span.end, b->span.end};
                continue;
            }
            cur->author = (sr_span){b->span.start, b->span.start};
            cur->text = b->span;
            continue;
        }
        comment_extend(cur, b);
    }
    c->nb = from;
    return 0;
}

/* ---- steps 2 and 3 ---- */

static int headline_like(const char *t, const cblock *b)
{
    if (b->lines != 1 || b->words < 3 || b->words > HEADLINE_MAX_WORDS)
        return 0;
    if (b->letters * 10 < b->visible * 6)
        return 0;
    /* a headline is not a run of sentences */
    for (size_t i = b->span.start; i + 1 < b->span.end; i++)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
            isupper((unsigned char)t[i + 2 < b->span.end ? i + 2 : i]) && i > b->span.start + 3 &&
            islower((unsigned char)t[i - 1]) && islower((unsigned char)t[i - 2]))
            return 0;
    return ending(t, b->span) != 1 || b->words <= 15;
}

static int is_dateline_block(const char *t, const cblock *b, sr_span *ds, sr_date *dd)
{
    if (b->words > 6 || !sr_find_date(t + b->span.start, b->span.end - b->span.start, ds, dd))
        return 0;
    return 1;
}

static void drop(cblock *b, const char *why)
{
    b->kind = B_DROP;
    b->reason = why;
}

static void classify(cleaner *c)
{
    const char *t = c->t;
    const char *meta_title = c->doc->title;
    size_t i = 0;
    sr_cleaned *o = c->out;
    /* title */
    if (meta_title && *meta_title) {
        cblock tb = {.span = {0, strlen(meta_title)}};
        tb.key = fold_hash(meta_title, tb.span, &tb.key_len);
        for (size_t k = 0; k < c->nb && k < 4; k++)
            if (same_block(&c->blocks[k], &tb)) {
                c->blocks[k].kind = B_TITLE;
                o->title_span = c->blocks[k].span;
                for (size_t m = 0; m < k; m++)
                    if (c->blocks[m].words <= FRAGMENT_MAX_WORDS)
                        drop(&c->blocks[m], "page chrome above the title");
                i = k + 1;
                break;
            }
        o->title = meta_title;
    } else {
        for (size_t k = 0; k < c->nb && k < 4; k++) {
            cblock *b = &c->blocks[k];
            if (headline_like(t, b) && (k + 1 < c->nb)) {
                b->kind = B_TITLE;
                o->title_span = b->span;
                o->title =
                    sr_arena_strndup(c->doc->arena, t + b->span.start, b->span.end - b->span.start);
                for (size_t m = 0; m < k; m++)
                    drop(&c->blocks[m], "page chrome above the title");
                i = k + 1;
                break;
            }
            /* only short or non-text blocks may precede a title */
            if (b->words > FRAGMENT_MAX_WORDS && b->letters * 2 >= b->visible)
                break;
        }
        if (!o->title)
            o->title = "";
    }
    /* boilerplate among the remaining blocks */
    size_t last_report = c->nb;
    for (size_t k = i; k < c->nb; k++)
        if (c->blocks[k].words >= REPORT_PARA_MIN_WORDS)
            last_report = k;
    size_t kept = 0;
    cblock title_block = {.span = o->title_span};
    if (o->title_span.end > o->title_span.start)
        title_block.key = fold_hash(t, o->title_span, &title_block.key_len);
    for (size_t k = i; k < c->nb; k++) {
        cblock *b = &c->blocks[k];
        sr_span ds;
        sr_date dd;
        if (same_block(b, &title_block))
            drop(b, "repeated title");
        else if (b->letters * 2 < b->visible)
            drop(b, "numbers and symbols, not prose");
        else if (is_dateline_block(t, b, &ds, &dd) &&
                 ds.end - ds.start + 12 >= b->span.end - b->span.start)
            drop(b, "lone date");
        else if (b->words <= FRAGMENT_MAX_WORDS && ending(t, b->span) != 1 && c->nb - i > 1)
            drop(b, "caption or widget text (short fragment, not a sentence)");
        else if (last_report < c->nb && k > last_report && b->words <= CTA_MAX_WORDS &&
                 (t[b->span.end - 1] == '!' || t[b->span.end - 1] == '?'))
            drop(b, "call to action after the report");
        else {
            for (size_t m = i; m < k; m++)
                if (c->blocks[m].kind == B_BODY && b->words >= 3 && same_block(&c->blocks[m], b)) {
                    drop(b, "repeated block");
                    break;
                }
        }
        if (b->kind == B_BODY)
            kept++;
    }
    if (!kept) {
        /* never leave a document without report text when it has prose:
         * restore the longest dropped fragment-free block */
        for (size_t k = i; k < c->nb; k++)
            if (c->blocks[k].kind == B_DROP && c->blocks[k].words >= 3 &&
                c->blocks[k].letters * 2 >= c->blocks[k].visible) {
                c->blocks[k].kind = B_BODY;
                c->blocks[k].reason = NULL;
                kept++;
            }
    }
}

static void find_dateline(cleaner *c)
{
    sr_cleaned *o = c->out;
    const char *t = c->t;
    /* the window starts at the first block (chrome and title included:
     * outlets print the date above or beside the headline) */
    if (!c->nb)
        return;
    size_t from = c->blocks[0].span.start;
    size_t to = from + DATELINE_WINDOW;
    if (to > c->thread_start)
        to = c->thread_start;
    if (to > c->n)
        to = c->n;
    size_t p = from;
    while (p < to) {
        sr_span s;
        sr_date d;
        if (!sr_find_date(t + p, to - p, &s, &d))
            return;
        s.start += p;
        s.end += p;
        /* a date inside a sentence ("on 5 May 2017") is an event date */
        size_t q = s.start;
        while (q > from && t[q - 1] == ' ')
            q--;
        size_t w = q;
        while (w > from && isalpha((unsigned char)t[w - 1]))
            w--;
        static const char *const preps[] = {"on",     "since",   "until", "till", "by",
                                            "before", "after",   "from",  "to",   "in",
                                            "of",     "between", "and",   "than"};
        /* ...but "Posted on 4 April 2017" opening the page is a dateline */
        int in_sentence = 0;
        for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
            if (q - w == strlen(preps[k]) && !strncasecmp(t + w, preps[k], q - w))
                in_sentence = w - from > 16;
        if (!in_sentence) {
            /* take in a leading weekday and a trailing time/outlet? keep the
             * span to what was parsed, plus a weekday just before it */
            size_t ws = w;
            if (q > w && q - w >= 3 && q - w <= 9 && isupper((unsigned char)t[w])) {
                static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
                for (size_t k = 0; k < 7; k++)
                    if (!strncasecmp(t + w, days[k], 3))
                        s.start = ws;
            }
            o->has_dateline = 1;
            o->dateline_span = s;
            o->dateline = d;
            return;
        }
        p = s.end;
    }
}

static int removed_cmp(const void *a, const void *b)
{
    const sr_removed *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

sr_status sr_clean(sr_doc *doc, sr_cleaned *out)
{
    memset(out, 0, sizeof *out);
    cleaner c = {0};
    c.doc = doc;
    c.out = out;
    html_page page = {0};
    if (doc->content_type == SR_CONTENT_HTML) {
        char err[200] = "";
        sr_status st = html_extract(doc->arena, doc->body, doc->body_len, &page, err, sizeof err);
        if (st == SR_ENOMEM)
            return st;
        if (st != SR_OK) {
            if (warn(&c, err[0] ? err : "HTML page without text"))
                return SR_ENOMEM;
            out->text = "";
            out->title = "";
            return SR_REJECT;
        }
        c.t = page.text;
        c.n = page.len;
        if (err[0] && warn(&c, err)) /* e.g. nesting truncated */
            return SR_ENOMEM;
    } else {
        c.t = doc->body;
        c.n = doc->body_len;
    }
    out->text = c.t;
    out->text_len = c.n;
    c.thread_start = c.n;
    for (size_t k = 0; k < doc->n_utf8_issues_stored; k++) {
        char msg[96];
        snprintf(msg, sizeof msg, "invalid UTF-8 at input byte %zu replaced with U+FFFD",
                 doc->utf8_issues[k].input_offset);
        if (warn(&c, msg))
            return SR_ENOMEM;
    }
    if (doc->n_utf8_issues > doc->n_utf8_issues_stored) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu invalid UTF-8 sequences in all", doc->n_utf8_issues);
        if (warn(&c, msg))
            return SR_ENOMEM;
    }

    if (doc->content_type == SR_CONTENT_HTML) {
        const char *html_title = page.title;
        if (!doc->title && html_title)
            doc->title = html_title;
        if (!doc->published && page.published)
            doc->published = page.published;
        for (size_t k = 0; k < page.n_blocks; k++) {
            html_block *hb = &page.blocks[k];
            if (hb->kind == HTML_BLOCK_COMMENT) {
                sr_comment *cm =
                    push(doc->arena, (void **)&c.com, &c.ncom, &c.capcom, sizeof *c.com);
                if (!cm)
                    return SR_ENOMEM;
                cm->author = hb->author;
                cm->text = hb->span;
                cm->depth = hb->depth;
                cm->parent = hb->parent;
                if (c.thread_start == c.n)
                    c.thread_start = hb->span.start;
                continue;
            }
            if (hb->kind == HTML_BLOCK_BOILERPLATE) {
                sr_removed *r =
                    push(doc->arena, (void **)&c.rem, &c.nrem, &c.caprem, sizeof *c.rem);
                if (!r)
                    return SR_ENOMEM;
                r->span = hb->span;
                r->reason = hb->reason ? hb->reason : "page chrome";
                continue;
            }
            cblock *b = push(doc->arena, (void **)&c.blocks, &c.nb, &c.capb, sizeof *c.blocks);
            if (!b)
                return SR_ENOMEM;
            b->span = trim(c.t, hb->span);
            block_stats(c.t, b);
        }
    } else {
        int r = parse_marked_thread(&c);
        if (r < 0)
            return SR_ENOMEM;
        if (split_blocks(&c, 0, c.thread_start))
            return SR_ENOMEM;
    }
    if (!c.nb) {
        out->title = doc->title ? doc->title : "";
        if (warn(&c, "no report text (empty or whitespace-only document)"))
            return SR_ENOMEM;
        return SR_REJECT;
    }
    classify(&c);
    if (!c.ncom) {
        size_t first_body = 0;
        while (first_body < c.nb && c.blocks[first_body].kind != B_BODY)
            first_body++;
        int s = find_stamped_thread(&c, first_body);
        if (s >= 0) {
            c.thread_start = c.blocks[s].span.start;
            if (stamped_comments(&c, (size_t)s))
                return SR_ENOMEM;
        } else if ((s = find_unmarked_thread(&c, first_body)) >= 0) {
            c.thread_start = c.blocks[s].span.start;
            if (unmarked_comments(&c, (size_t)s))
                return SR_ENOMEM;
        }
    }
    find_dateline(&c);
    /* collect */
    size_t nbody = 0;
    for (size_t k = 0; k < c.nb; k++)
        nbody += c.blocks[k].kind == B_BODY;
    out->body = sr_arena_calloc(doc->arena, nbody ? nbody : 1, sizeof *out->body);
    if (!out->body)
        return SR_ENOMEM;
    for (size_t k = 0; k < c.nb; k++) {
        cblock *b = &c.blocks[k];
        if (b->kind == B_BODY)
            out->body[out->n_body++] = b->span;
        else if (b->kind == B_DROP) {
            sr_removed *r = push(doc->arena, (void **)&c.rem, &c.nrem, &c.caprem, sizeof *c.rem);
            if (!r)
                return SR_ENOMEM;
            r->span = b->span;
            r->reason = b->reason;
        }
    }
    /* DOM boilerplate and text boilerplate were found in two passes */
    if (c.nrem > 1)
        qsort(c.rem, c.nrem, sizeof *c.rem, removed_cmp);
    out->comments = c.com;
    out->n_comments = c.ncom;
    out->removed = c.rem;
    out->n_removed = c.nrem;
    if (!out->n_body) {
        if (warn(&c, "no report text left after cleaning"))
            return SR_ENOMEM;
        return SR_REJECT;
    }
    return SR_OK;
}
