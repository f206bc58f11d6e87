/* html.h - HTML page extraction for the cleaner (internal).
 *
 * Parses a page with libxml2's HTML parser and renders it to plain text:
 * block elements become paragraphs separated by a blank line ("\n\n"),
 * <br> becomes '\n', white space inside a block collapses to one space,
 * entities are decoded, <script>/<style>/<noscript>/<template> and comments
 * are dropped.  Each paragraph becomes one html_block whose span indexes the
 * rendered text, labelled from DOM cues in the manner of trafilatura:
 *   - comment containers (id/class containing disqus, comment-list,
 *     commentlist, comments, WordPress comment-N / li.comment, itemprop=
 *     comment) -> HTML_BLOCK_COMMENT, with author (from .comment-author,
 *     .fn, cite, [itemprop=author], .author, .username), nesting depth
 *     (nested comment lists / .children) and parent comment index;
 *   - nav, header/footer chrome, aside, menus, share/social widgets,
 *     donate/subscribe/newsletter forms, related/recommended lists,
 *     breadcrumbs, cookie banners, and blocks with link density > 0.5
 *     -> HTML_BLOCK_BOILERPLATE with a static reason string;
 *   - <title>, og:title and the first <h1> give the title;
 *   - <meta property="article:published_time"> (or <time datetime>) gives
 *     the published date.
 * Cost is linear in the page size; nesting depth is handled iteratively
 * (no recursion), so a page nested 100,000 deep cannot overflow the stack. */
#ifndef SR_CLEAN_HTML_H
#define SR_CLEAN_HTML_H

#include "sitrep/arena.h"

typedef enum html_block_kind {
    HTML_BLOCK_CONTENT = 0,  /* candidate report text, still to be judged */
    HTML_BLOCK_TITLE,        /* the <h1> matching the title */
    HTML_BLOCK_COMMENT,      /* one reader comment (its text) */
    HTML_BLOCK_BOILERPLATE   /* chrome: see reason */
} html_block_kind;

typedef struct html_block {
    sr_span span;           /* into html_page.text */
    html_block_kind kind;
    const char *reason;     /* static; for BOILERPLATE */
    sr_span author;         /* COMMENT: author name span, or {0,0} */
    int depth;              /* COMMENT: 0 = top level */
    long parent;            /* COMMENT: index of the parent comment among
                               the page's comments (0-based), -1 if none */
    double link_density;    /* share of the block's text inside <a> */
} html_block;

typedef struct html_page {
    char *text;             /* rendered text, NUL-terminated, in the arena */
    size_t len;
    const char *title;      /* NULL when none */
    const char *published;  /* NULL when none; as printed in the page */
    html_block *blocks;
    size_t n_blocks;
} html_page;

/* Parses HTML[0..len) into PAGE; everything is allocated in A.
 * SR_OK; SR_EFORMAT with ERR filled when the page has no usable text;
 * SR_ENOMEM.  Never prints (libxml2's error output is silenced). */
sr_status html_extract(sr_arena *a, const char *html, size_t len,
                       html_page *page, char *err, size_t errlen);

#endif
