/* test_html.c - html_extract: rendering, block labels, pathological pages.
 *
 * Fixtures under tests/fixtures/html/ are invented pages in the markup of
 * WordPress, Disqus and an old table-less site; the pathological pages are
 * generated here.  Every extraction is also checked against the invariants
 * that the cleaner relies on (check_page). */
#include "test_util.h"

#include <time.h>

#include "clean/html.h"
#include "sitrep/arena.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF)
            k = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else
            return 0;
        if (i + k > n || s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (size_t j = 2; j < k; j++)
            if (s[i + j] < 0x80 || s[i + j] > 0xBF)
                return 0;
        i += k;
    }
    return 1;
}

/* The invariants every successful extraction must satisfy. */
static void check_page(const html_page *p)
{
    assert_non_null(p->text);
    assert_true(p->len > 0);
    assert_int_equal(p->text[p->len], '\0');
    assert_int_equal(strlen(p->text), p->len);
    assert_true(valid_utf8((const unsigned char *)p->text, p->len));
    assert_null(strstr(p->text, "\n\n\n"));
    assert_true(p->n_blocks > 0);
    assert_int_equal(p->blocks[0].span.start, 0);
    assert_int_equal(p->blocks[p->n_blocks - 1].span.end, p->len);
    long n_comments = 0;
    int n_titles = 0;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const html_block *b = &p->blocks[i];
        assert_true(b->span.start < b->span.end);
        assert_true(b->span.end <= p->len);
        /* Blocks tile the text, separated by exactly one blank line. */
        if (i > 0) {
            assert_int_equal(b->span.start, p->blocks[i - 1].span.end + 2);
            assert_memory_equal(p->text + b->span.start - 2, "\n\n", 2);
        }
        assert_false(p->text[b->span.start] == ' ' || p->text[b->span.start] == '\n');
        assert_false(p->text[b->span.end - 1] == ' ' || p->text[b->span.end - 1] == '\n');
        assert_true(b->link_density >= 0.0 && b->link_density <= 1.0);
        if (b->kind == HTML_BLOCK_BOILERPLATE)
            assert_non_null(b->reason);
        else
            assert_null(b->reason);
        if (b->kind == HTML_BLOCK_TITLE)
            n_titles++;
        if (b->kind == HTML_BLOCK_COMMENT) {
            assert_true(b->author.start <= b->author.end);
            assert_true(b->author.end <= p->len);
            assert_true(b->depth >= 0);
            assert_true(b->parent >= -1 && b->parent < n_comments);
            n_comments++;
        } else {
            assert_int_equal(b->parent, -1);
        }
    }
    assert_true(n_titles <= 1);
    if (n_titles)
        assert_non_null(p->title);
}

static void assert_span(const html_page *p, sr_span s, const char *want)
{
    size_t n = strlen(want);
    if (s.end - s.start != n || memcmp(p->text + s.start, want, n) != 0)
        fail_msg("span [%zu,%zu) is \"%.*s\", want \"%s\"", s.start, s.end, (int)(s.end - s.start),
                 p->text + s.start, want);
}

/* Index of the first block whose text starts with PREFIX, or -1. */
static long find_block(const html_page *p, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < p->n_blocks; i++) {
        const html_block *b = &p->blocks[i];
        if (b->span.end - b->span.start >= n && !memcmp(p->text + b->span.start, prefix, n))
            return (long)i;
    }
    return -1;
}

static void assert_reason(const html_page *p, const char *prefix, const char *reason)
{
    long i = find_block(p, prefix);
    if (i < 0)
        fail_msg("no block starts with \"%s\"", prefix);
    assert_int_equal(p->blocks[i].kind, HTML_BLOCK_BOILERPLATE);
    assert_string_equal(p->blocks[i].reason, reason);
}

static void assert_content_in_order(const html_page *p, const char *const *want, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const html_block *b = &p->blocks[i];
        if (b->kind != HTML_BLOCK_CONTENT)
            continue;
        if (k >= n)
            fail_msg("unexpected content block \"%.*s\"", (int)(b->span.end - b->span.start),
                     p->text + b->span.start);
        assert_span(p, b->span, want[k]);
        k++;
    }
    assert_int_equal(k, n);
}

static const html_block *comment_at(const html_page *p, long idx)
{
    long k = 0;
    for (size_t i = 0; i < p->n_blocks; i++)
        if (p->blocks[i].kind == HTML_BLOCK_COMMENT && k++ == idx)
            return &p->blocks[i];
    fail_msg("no comment %ld", idx);
    return NULL;
}

static long count_kind(const html_page *p, html_block_kind kind)
{
    long k = 0;
    for (size_t i = 0; i < p->n_blocks; i++)
        k += p->blocks[i].kind == kind;
    return k;
}

typedef struct fixture {
    sr_arena *a;
    char *html;
    size_t len;
    html_page page;
    char err[256];
} fixture;

static sr_status extract(fixture *f, const char *html, size_t len)
{
    f->a = sr_arena_new(NULL);
    assert_non_null(f->a);
    return html_extract(f->a, html, len, &f->page, f->err, sizeof f->err);
}

static void load(fixture *f, const char *path)
{
    f->html = test_read_file(path, &f->len);
    sr_status st = extract(f, f->html, f->len);
    if (st != SR_OK)
        fail_msg("%s: status %d (%s)", path, st, f->err);
    check_page(&f->page);
}

static void release(fixture *f)
{
    sr_arena_free(f->a);
    free(f->html);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A generated page: PRE, N x UNIT, MID, M x UNIT2, POST. */
static char *build(const char *pre, const char *unit, size_t n, const char *mid, const char *unit2,
                   size_t m, const char *post, size_t *len)
{
    size_t lu = strlen(unit), lu2 = strlen(unit2);
    size_t total = strlen(pre) + lu * n + strlen(mid) + lu2 * m + strlen(post);
    char *b = malloc(total + 1);
    assert_non_null(b);
    char *o = b;
    o += sprintf(o, "%s", pre);
    for (size_t i = 0; i < n; i++, o += lu)
        memcpy(o, unit, lu);
    o += sprintf(o, "%s", mid);
    for (size_t i = 0; i < m; i++, o += lu2)
        memcpy(o, unit2, lu2);
    o += sprintf(o, "%s", post);
    *len = (size_t)(o - b);
    return b;
}

/* ------------------------------------------------------------------ */
/* Fixtures                                                             */

static void test_wordpress_content_and_title(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "tests/fixtures/html/wordpress_article.html");
    const html_page *p = &f.page;
    assert_string_equal(p->title, "Shelling hits market in Kafr Nasim, killing four");
    assert_string_equal(p->published, "2024-03-05T09:40:00+02:00");
    long t = find_block(p, "Shelling hits market");
    assert_true(t >= 0);
    assert_int_equal(p->blocks[t].kind, HTML_BLOCK_TITLE);
    assert_span(p, p->blocks[t].span, "Shelling hits market in Kafr Nasim, killing four");
    static const char *const body[] = {
        "By Ledger staff on March 5, 2024",
        ("KAFR NASIM, Syria \xE2\x80\x94 Artillery shells struck a crowded vegetable market in the "
         "village of Kafr Nasim on Tuesday morning, killing four civilians and wounding at least "
         "eleven, according to local rescue workers."),
        ("Witnesses said the first shell landed near the bakery shortly after 8 a.m., when the "
         "market was full of people buying bread before work. Two more shells followed within ten "
         "minutes."),
        ("\xE2\x80\x9CWe carried the wounded on carts because the ambulance could not reach the "
         "square,\xE2\x80\x9D said a volunteer with the local civil defence team, who asked not to "
         "be named."),
        ("No group has claimed responsibility for the attack. The village lies about six "
         "kilometres from the front line that has divided the area since the 2020 ceasefire.")};
    assert_content_in_order(p, body, sizeof body / sizeof body[0]);
    /* Nothing from the head, scripts or styles leaks into the text. */
    assert_null(strstr(p->text, "dataLayer"));
    assert_null(strstr(p->text, "background"));
    release(&f);
}

static void test_wordpress_boilerplate(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "tests/fixtures/html/wordpress_article.html");
    const html_page *p = &f.page;
    assert_reason(p, "Skip to content", "navigation");
    assert_reason(p, "The Levant Ledger", "page header");
    assert_reason(p, "Syria", "navigation");
    assert_reason(p, "Share this:", "share widget");
    assert_reason(p, "Twitter", "share widget");
    assert_reason(p, "Support independent reporting", "donation widget");
    assert_reason(p, "Donate now", "donation widget");
    assert_reason(p, "Related", "related articles");
    assert_reason(p, "Aid convoy reaches", "related articles");
    assert_reason(p, "4 thoughts on", "comment section");
    assert_reason(p, "Leave a Reply", "form");
    assert_reason(p, "Recent Posts", "sidebar");
    assert_reason(p, "\xC2\xA9 2024 The Levant Ledger", "page footer");
    release(&f);
}

static void test_wordpress_comments(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "tests/fixtures/html/wordpress_article.html");
    const html_page *p = &f.page;
    assert_int_equal(count_kind(p, HTML_BLOCK_COMMENT), 4);

    const html_block *c0 = comment_at(p, 0);
    assert_span(p, c0->span,
                "My cousin sells tomatoes at that market. He is safe, thank God, but his stall is "
                "gone.\n\nThe bakery was hit last year too.");
    assert_span(p, c0->author, "Abu Karim");
    assert_int_equal(c0->depth, 0);
    assert_int_equal(c0->parent, -1);

    const html_block *c1 = comment_at(p, 1);
    assert_span(p, c1->span, "Glad he is safe. Do you know if the clinic is still open?");
    assert_span(p, c1->author, "Lina H.");
    assert_int_equal(c1->depth, 1);
    assert_int_equal(c1->parent, 0);

    const html_block *c2 = comment_at(p, 2);
    assert_span(p, c2->span, "Yes, it reopened in the afternoon.");
    assert_span(p, c2->author, "Abu Karim");
    assert_int_equal(c2->depth, 2);
    assert_int_equal(c2->parent, 1);

    const html_block *c3 = comment_at(p, 3);
    assert_span(p, c3->span, "Who fired the shells? The article does not say.");
    assert_span(p, c3->author, "Observer");
    assert_int_equal(c3->depth, 0);
    assert_int_equal(c3->parent, -1);

    /* The author line and the reply links are comment metadata, and
     * "says:" is not part of the name. */
    assert_reason(p, "Abu Karim says:", "comment metadata");
    assert_reason(p, "Reply", "comment metadata");
    assert_reason(p, "March 5, 2024 at 11:02 am", "comment metadata");
    release(&f);
}

static void test_disqus(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "tests/fixtures/html/disqus_page.html");
    const html_page *p = &f.page;
    /* <title> loses " - Northern Dispatch" because the <h1> shows the rest. */
    assert_string_equal(p->title, "Families return to Deir Maqam after months away");
    /* itemprop=datePublished ranks above JSON-LD. */
    assert_string_equal(p->published, "2023-11-18");
    assert_int_equal(p->blocks[find_block(p, "Families return")].kind, HTML_BLOCK_TITLE);
    static const char *const body[] = {
        ("Dozens of families returned this week to Deir Maqam, a farming town emptied by fighting "
         "in the spring, local officials said."),
        ("The returnees found many homes without roofs or windows. A council member said water "
         "had been restored to two of the town's five neighbourhoods."),
        ("Aid groups warned that unexploded ordnance remained in the orchards east of the town "
         "and urged farmers not to enter them.")};
    assert_content_in_order(p, body, 3);
    assert_reason(p, "Home", "breadcrumbs");
    assert_reason(p, "Share:", "share widget");
    assert_reason(p, "Get the morning briefing", "subscription widget");
    assert_reason(p, "More stories", "related articles");
    assert_reason(p, "We use cookies", "cookie banner");

    assert_int_equal(count_kind(p, HTML_BLOCK_COMMENT), 3);
    const html_block *c0 = comment_at(p, 0);
    assert_span(p, c0->span,
                "My uncle went back on Thursday. He says the school is being used as a "
                "warehouse.\n\nNobody has told them when it will reopen.");
    assert_span(p, c0->author, "Samir Y.");
    assert_int_equal(c0->depth, 0);
    assert_int_equal(c0->parent, -1);
    const html_block *c1 = comment_at(p, 1);
    assert_span(p, c1->span, "Same in our street. The council promised tents for the winter.");
    assert_span(p, c1->author, "reem_k");
    assert_int_equal(c1->depth, 1);
    assert_int_equal(c1->parent, 0);
    const html_block *c2 = comment_at(p, 2);
    assert_span(p, c2->span, "Thank you for covering this.");
    assert_span(p, c2->author, "Guest");
    assert_int_equal(c2->depth, 0);
    assert_int_equal(c2->parent, -1);
    assert_reason(p, "Upvote", "comment metadata");
    release(&f);
}

static void test_br_and_entities(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "tests/fixtures/html/plain_br_article.html");
    const html_page *p = &f.page;
    assert_string_equal(p->title, "Night of shelling on the river villages");
    assert_null(p->published);
    static const char *const body[] = {
        "Night of shelling on the river villages",
        /* &ndash; decoded; runs of &nbsp; collapse with the spaces around. */
        ("RAS AL-WADI \xE2\x80\x93 Residents of three villages along the river said shelling "
         "continued through the night and into the early morning."),
        /* One <br> is a line break inside the paragraph; &#8217; and &amp;. */
        ("The local council\xE2\x80\x99s statement said power & water lines were cut in two "
         "places.\nRepair crews were waiting for a pause in the fighting."),
        ("Prices at the main market have doubled since last week, a trader said: \"flour, sugar "
         "& fuel are all scarce.\"")};
    assert_content_in_order(p, body, 4);
    /* No <h1>: the title comes from <title> and no block is the title. */
    assert_int_equal(count_kind(p, HTML_BLOCK_TITLE), 0);
    release(&f);
}

static void test_empty_page(void **state)
{
    (void)state;
    fixture f = {0};
    f.html = test_read_file("tests/fixtures/html/empty_page.html", &f.len);
    assert_int_equal(extract(&f, f.html, f.len), SR_EFORMAT);
    assert_true(f.err[0] != '\0');
    assert_null(f.page.text);
    assert_int_equal(f.page.n_blocks, 0);
    release(&f);
}

/* ------------------------------------------------------------------ */
/* Small pages                                                          */

static void test_empty_input(void **state)
{
    (void)state;
    fixture f = {0};
    assert_int_equal(extract(&f, "", 0), SR_EFORMAT);
    assert_true(f.err[0] != '\0');
    sr_arena_free(f.a);

    f.a = NULL;
    assert_int_equal(extract(&f, "   \n\t  ", 7), SR_EFORMAT);
    sr_arena_free(f.a);

    html_page page;
    sr_arena *a = sr_arena_new(NULL);
    assert_int_equal(html_extract(NULL, "<p>x</p>", 8, &page, NULL, 0), SR_EINVAL);
    assert_int_equal(html_extract(a, "<p>x</p>", 8, NULL, NULL, 0), SR_EINVAL);
    assert_int_equal(html_extract(a, NULL, 8, &page, NULL, 0), SR_EINVAL);
    /* ERR may be NULL. */
    assert_int_equal(html_extract(a, "", 0, &page, NULL, 0), SR_EFORMAT);
    sr_arena_free(a);
}

static void test_entities_and_spaces(void **state)
{
    (void)state;
    static const char html[] =
        "<p>  Tom&nbsp;&amp;&nbsp;Jerry &lt;b&gt; &#8217;quoted&#x2019; &#146;cp1252&#148;"
        "\t\n  soft&shy;hyphen zero&#8203;width</p><p>a&#160;&#160;&#160;b</p>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_span(&f.page, f.page.blocks[0].span,
                "Tom & Jerry <b> \xE2\x80\x99quoted\xE2\x80\x99 \xE2\x80\x99"
                "cp1252\xE2\x80\x9D softhyphen zerowidth");
    assert_span(&f.page, f.page.blocks[1].span, "a b");
    sr_arena_free(f.a);
}

static void test_br_runs_and_pre(void **state)
{
    (void)state;
    static const char html[] = "<div><br>one<br>two <br> <br>three<br><br><br>four<br></div>"
                               "<pre>line  1\nline 2\n\n\nline 3</pre>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_string_equal(f.page.text, "one\ntwo\n\nthree\n\nfour\n\nline 1\nline 2\n\nline 3");
    assert_int_equal(f.page.n_blocks, 5);
    sr_arena_free(f.a);
}

static void test_link_density(void **state)
{
    (void)state;
    static const char html[] =
        "<body><div><a href='/a'>Damascus</a> | <a href='/b'>Aleppo</a> | <a href='/c'>Homs</a>"
        "</div><p>Officials in <a href='/x'>Homs</a> said the road had reopened on Monday after "
        "repairs.</p></body>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_int_equal(f.page.n_blocks, 2);
    assert_int_equal(f.page.blocks[0].kind, HTML_BLOCK_BOILERPLATE);
    assert_string_equal(f.page.blocks[0].reason, "link-dense block");
    assert_true(f.page.blocks[0].link_density > 0.5);
    assert_int_equal(f.page.blocks[1].kind, HTML_BLOCK_CONTENT);
    assert_true(f.page.blocks[1].link_density < 0.2);
    sr_arena_free(f.a);
}

static void test_title_sources(void **state)
{
    (void)state;
    fixture f = {0};
    /* Site name first, with an en dash. */
    static const char a[] = "<title>Daily Bulletin \xE2\x80\x93 Curfew lifted in Tal Rifaat "
                            "district</title><h1>Curfew lifted in Tal Rifaat district</h1><p>x</p>";
    assert_int_equal(extract(&f, a, sizeof a - 1), SR_OK);
    assert_string_equal(f.page.title, "Curfew lifted in Tal Rifaat district");
    assert_int_equal(f.page.blocks[0].kind, HTML_BLOCK_TITLE);
    sr_arena_free(f.a);

    /* og:title wins over <title>; the logo <h1> in the page header is not
     * the title, the article's <h1> is. */
    static const char b[] =
        "<head><title>Ignored | Site</title><meta property='og:title' content='Water  restored "
        "to &quot;old city&quot;'></head><body><header><h1>The Site</h1></header><article>"
        "<h1>Water restored to \"old city\"</h1><p>Body text here.</p></article></body>";
    f.a = NULL;
    assert_int_equal(extract(&f, b, sizeof b - 1), SR_OK);
    check_page(&f.page);
    assert_string_equal(f.page.title, "Water restored to \"old city\"");
    assert_int_equal(f.page.blocks[0].kind, HTML_BLOCK_BOILERPLATE);
    assert_string_equal(f.page.blocks[0].reason, "page header");
    assert_int_equal(f.page.blocks[1].kind, HTML_BLOCK_TITLE);
    sr_arena_free(f.a);

    /* No <title> and no og:title: the first <h1> outside page chrome. */
    static const char c[] = "<body><nav><h1>Menu</h1></nav><h1>Checkpoint  moved\n"
                            "north</h1><p>Body.</p><h1>Second</h1></body>";
    f.a = NULL;
    assert_int_equal(extract(&f, c, sizeof c - 1), SR_OK);
    check_page(&f.page);
    assert_string_equal(f.page.title, "Checkpoint moved north");
    assert_int_equal(f.page.blocks[1].kind, HTML_BLOCK_TITLE);
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_TITLE), 1);
    sr_arena_free(f.a);
}

static void test_published_sources(void **state)
{
    (void)state;
    fixture f = {0};
    /* A <time> in a comment or the sidebar is not the article's date. */
    static const char a[] = "<body><aside><time datetime='2001-01-01'>x</time></aside>"
                            "<article><p>Text <time datetime=' 2022-07-09T10:00 '>9 July</time>"
                            "</p></article><div id='comments'><time datetime='2002-02-02'>y"
                            "</time></div></body>";
    assert_int_equal(extract(&f, a, sizeof a - 1), SR_OK);
    assert_string_equal(f.page.published, "2022-07-09T10:00");
    sr_arena_free(f.a);

    static const char b[] = "<head><script type=\"application/ld+json\">{\"@type\": "
                            "\"NewsArticle\", \"datePublished\" : \"2021-05-06\"}</script><meta "
                            "name='date' content='2020-01-01'></head><body><p>x</p></body>";
    f.a = NULL;
    assert_int_equal(extract(&f, b, sizeof b - 1), SR_OK);
    assert_string_equal(f.page.published, "2021-05-06");
    sr_arena_free(f.a);
}

static void test_flat_depth_classes(void **state)
{
    (void)state;
    /* Threads rendered flat, with depth only in the class. */
    static const char html[] =
        "<p>Article text.</p><div class='comments'>"
        "<div class='comment depth-1'><span class='author'>A</span><p>first</p></div>"
        "<div class='comment depth-2'><span class='author'>B</span><p>reply to A</p></div>"
        "<div class='comment depth-3'><span class='author'>C</span><p>reply to B</p></div>"
        "<div class='comment depth-2'><span class='author'>D</span><p>second reply to A</p></div>"
        "<div class='comment depth-1'><span class='author'>E</span><p>new thread</p></div>"
        "</div>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    static const int depth[] = {0, 1, 2, 1, 0};
    static const long parent[] = {-1, 0, 1, 0, -1};
    static const char *const author[] = {"A", "B", "C", "D", "E"};
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_COMMENT), 5);
    for (long i = 0; i < 5; i++) {
        const html_block *c = comment_at(&f.page, i);
        assert_int_equal(c->depth, depth[i]);
        assert_int_equal(c->parent, parent[i]);
        assert_span(&f.page, c->author, author[i]);
    }
    sr_arena_free(f.a);
}

static void test_comment_without_markup(void **state)
{
    (void)state;
    /* No body container and no author element: the plain text inside the
     * comment is the comment, "Name says:" with a date is its author line. */
    static const char html[] =
        "<p>Article.</p><ol class='commentlist'><li id='li-comment-7'><div id='comment-7'>"
        "<div class='comment-author'>Um Fadi says:</div><p>The water came back at noon.</p>"
        "</div></li></ol>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_COMMENT), 1);
    const html_block *c = comment_at(&f.page, 0);
    assert_span(&f.page, c->span, "The water came back at noon.");
    assert_span(&f.page, c->author, "Um Fadi");
    sr_arena_free(f.a);
}

static void test_reply_before_parent_text(void **state)
{
    (void)state;
    /* Broken markup puts the parent's text after its reply: a comment's
     * parent must still come before it (found by fuzzing). */
    static const char html[] =
        "<p>Article.</p><ol class='commentlist'><li class='comment'><b class='fn'>P</b>"
        "<ol class='children'><li class='comment'><b class='fn'>C</b><p>child text</p></li></ol>"
        "<p>parent text after</p></li></ol>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_COMMENT), 2);
    const html_block *c = comment_at(&f.page, 0);
    assert_span(&f.page, c->span, "child text");
    assert_int_equal(c->depth, 1);
    assert_int_equal(c->parent, -1);
    assert_span(&f.page, comment_at(&f.page, 1)->span, "parent text after");
    assert_span(&f.page, comment_at(&f.page, 1)->author, "P");
    sr_arena_free(f.a);
}

static void test_sidebar_recent_comments(void **state)
{
    (void)state;
    /* WordPress's "recent comments" widget links to comments; it holds none. */
    static const char html[] =
        "<p>Article text.</p><aside class='widget widget_recent_comments'><ul id='recentcomments'>"
        "<li class='recentcomments'><span class='comment-author-link'>Sami</span> on "
        "<a href='/x#comment-5'>Shelling hits market</a></li></ul></aside>"
        "<nav><ul><li class='comment'>Not a comment either</li></ul></nav>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_COMMENT), 0);
    assert_reason(&f.page, "Sami on", "sidebar");
    assert_reason(&f.page, "Not a comment", "navigation");
    sr_arena_free(f.a);
}

static void test_form_wrapping_page(void **state)
{
    (void)state;
    /* ASP.NET WebForms wraps the whole page in one <form>: still content. */
    static const char html[] =
        "<body><form id='aspnetForm' method='post'><div id='header'>Site</div>"
        "<div class='story'><h1>Bridge reopened</h1><p>One.</p><p>Two.</p><p>Three.</p></div>"
        "<div class='newsletter'><form><p>Sign up</p></form></div></form>"
        "<form action='/search'><p>Search the archive</p></form></body>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    check_page(&f.page);
    static const char *const body[] = {"One.", "Two.", "Three."};
    assert_content_in_order(&f.page, body, 3);
    assert_int_equal(f.page.blocks[find_block(&f.page, "Bridge")].kind, HTML_BLOCK_TITLE);
    assert_reason(&f.page, "Sign up", "subscription widget");
    assert_reason(&f.page, "Search the archive", "form");
    sr_arena_free(f.a);
}

static void test_article_tag_classes(void **state)
{
    (void)state;
    /* Taxonomy classes name the subject, not the element. */
    static const char html[] = "<article class='post tag-social-media category-related-news'>"
                               "<p>Activists said the posts were deleted.</p></article>";
    fixture f = {0};
    assert_int_equal(extract(&f, html, sizeof html - 1), SR_OK);
    assert_int_equal(f.page.blocks[0].kind, HTML_BLOCK_CONTENT);
    sr_arena_free(f.a);
}

/* ------------------------------------------------------------------ */
/* Pathological pages                                                   */

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t len;
    char *html = build("<html><body><p>before</p>", "<div>", 100000, "deep text", "</div>", 100000,
                       "<p>after</p></body></html>", &len);
    fixture f = {0};
    double t0 = seconds();
    assert_int_equal(extract(&f, html, len), SR_OK);
    assert_true(seconds() - t0 < 2.0);
    check_page(&f.page);
    /* Past libxml2's depth limit, and too deep for the HUGE budget: the
     * text before the limit is kept and ERR says the rest is missing. */
    assert_int_equal(find_block(&f.page, "before"), 0);
    assert_true(f.err[0] != '\0');
    sr_arena_free(f.a);
    free(html);

    /* 2,000 deep is re-parsed without the limit and comes out whole. */
    html = build("<html><body><p>before</p>", "<div>", 2000, "deep text", "</div>", 2000,
                 "<p>after</p></body></html>", &len);
    f.a = NULL;
    assert_int_equal(extract(&f, html, len), SR_OK);
    check_page(&f.page);
    assert_string_equal(f.page.text, "before\n\ndeep text\n\nafter");
    assert_string_equal(f.err, "");
    sr_arena_free(f.a);
    free(html);

    /* Deep comment threads: depth follows the nesting. */
    html = build("<p>Article.</p><ol class='commentlist'>",
                 "<li class='comment'><p>reply</p><ol class='children'>", 60, "", "</ol></li>", 60,
                 "</ol>", &len);
    f.a = NULL;
    assert_int_equal(extract(&f, html, len), SR_OK);
    check_page(&f.page);
    assert_int_equal(count_kind(&f.page, HTML_BLOCK_COMMENT), 60);
    for (long i = 0; i < 60; i++) {
        assert_int_equal(comment_at(&f.page, i)->depth, i);
        assert_int_equal(comment_at(&f.page, i)->parent, i - 1);
    }
    sr_arena_free(f.a);
    free(html);
}

static void test_quadratic_traps(void **state)
{
    (void)state;
    /* libxml2 checks duplicate attributes pairwise and scans the open
     * element stack for each unmatched end tag; both must stay fast. */
    struct {
        const char *pre, *unit;
        size_t n;
        const char *mid, *unit2;
        size_t m;
        const char *post;
    } cases[] = {
        {"<p>before</p><div ", "a", 0, "", "x ", 200000, "y='1'>inside</div><p>after</p>"},
        {"<p>before</p><div ", "", 0, "", "a1 b2=\"q>\" c3='' ", 60000, ">inside</div>"},
        {"<p>before</p>", "<div>", 8000, "x", "</zz>", 8000, "<p>after</p>"},
        {"<p>before</p>", "<b>", 40000, "x", "</i>", 40000, "<p>after</p>"},
        {"<p>", "<span class='fn author comment-author share'>x</span> ", 20000, "", "", 0, "</p>"},
        {"<li class=comment>", "<li class=comment><p>c</p>", 20000, "", "", 0, ""},
        {"<p>", "a<br>", 100000, "", "", 0, "</p>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *html = build(cases[i].pre, cases[i].unit, cases[i].n, cases[i].mid, cases[i].unit2,
                           cases[i].m, cases[i].post, &len);
        fixture f = {0};
        double t0 = seconds();
        sr_status st = extract(&f, html, len);
        double dt = seconds() - t0;
        if (dt > 2.0)
            fail_msg("case %zu took %.2f s", i, dt);
        assert_int_equal(st, SR_OK);
        check_page(&f.page);
        sr_arena_free(f.a);
        free(html);
    }
}

static void test_attribute_cap_keeps_content(void **state)
{
    (void)state;
    size_t len;
    char *html = build("<p>before</p><div class='x' ", "a ", 1000, "title='>no' ", "b ", 1000,
                       "id='y'>inside <b>bold</b></div><p>after</p>", &len);
    fixture f = {0};
    assert_int_equal(extract(&f, html, len), SR_OK);
    check_page(&f.page);
    assert_string_equal(f.page.text, "before\n\ninside bold\n\nafter");
    sr_arena_free(f.a);
    free(html);
}

/* A deterministic generator, so failures reproduce. */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void test_garbage(void **state)
{
    (void)state;
    static const char *const pieces[] = {"<div>",
                                         "</div>",
                                         "<p>",
                                         "</p>",
                                         "<li class='comment'>",
                                         "<ol class=children>",
                                         "</ol>",
                                         "<br>",
                                         "&amp;",
                                         "&#0;",
                                         "&#xD800;",
                                         "&#x110000;",
                                         "&#146;",
                                         "text ",
                                         "<a href=x>",
                                         "</a>",
                                         "<!--",
                                         "-->",
                                         "<script>",
                                         "</script>",
                                         "<h1>",
                                         "<title>",
                                         "\xff\xfe",
                                         "\xc3",
                                         "\xe2\x80",
                                         "\0",
                                         "<b class=fn>",
                                         "<span class=says>",
                                         "<nav>",
                                         "<form>",
                                         "<",
                                         ">",
                                         "\"",
                                         "'",
                                         "=",
                                         " ",
                                         "\n",
                                         "<pre>",
                                         "<td>",
                                         "<table>",
                                         "<meta property=og:title content=",
                                         "<time datetime=",
                                         "<div id=disqus_thread>",
                                         "<ul class=children>",
                                         "<li class=post>",
                                         "<![CDATA[",
                                         "]]>",
                                         "<?xml",
                                         "<!DOCTYPE",
                                         "<html>",
                                         "<body>",
                                         "<head>",
                                         "<svg>"};
    uint32_t seed = 12345;
    for (int round = 0; round < 400; round++) {
        size_t cap = 4096, len = 0;
        char *buf = malloc(cap);
        assert_non_null(buf);
        size_t n = next_rand(&seed) % 300;
        for (size_t i = 0; i < n; i++) {
            if (round % 3 == 0) {
                /* Raw bytes. */
                if (len + 1 >= cap)
                    break;
                buf[len++] = (char)next_rand(&seed);
            } else {
                const char *pc = pieces[next_rand(&seed) % (sizeof pieces / sizeof pieces[0])];
                size_t k = pc[0] ? strlen(pc) : 1;
                if (len + k >= cap)
                    break;
                memcpy(buf + len, pc, k);
                len += k;
            }
        }
        fixture f = {0};
        sr_status st = extract(&f, buf, len);
        assert_true(st == SR_OK || st == SR_EFORMAT);
        if (st == SR_OK)
            check_page(&f.page);
        sr_arena_free(f.a);
        free(buf);
    }
}

/* ------------------------------------------------------------------ */
/* Allocation failure                                                   */

typedef struct failing {
    long left; /* allocations before failing; < 0 = never */
    long made;
} failing;

static void *fail_alloc(size_t size, void *ctx)
{
    failing *fl = ctx;
    if (fl->left == 0)
        return NULL;
    if (fl->left > 0)
        fl->left--;
    fl->made++;
    return malloc(size ? size : 1);
}

static void *fail_resize(void *p, size_t size, void *ctx)
{
    failing *fl = ctx;
    if (fl->left == 0)
        return NULL;
    if (fl->left > 0)
        fl->left--;
    return realloc(p, size ? size : 1);
}

static void fail_release(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

static void test_allocation_failure(void **state)
{
    (void)state;
    size_t len = 0;
    char *html = test_read_file("tests/fixtures/html/wordpress_article.html", &len);

    /* Fail the Nth allocation for every N until extraction succeeds: each
     * run must end cleanly (ASan reports any leak or bad access). */
    int succeeded = 0;
    for (long n = 0; n < 64 && !succeeded; n++) {
        failing fl = {1, 0};
        sr_mem mem = {fail_alloc, fail_resize, fail_release, &fl};
        sr_arena *a = sr_arena_new(&mem);
        assert_non_null(a);
        fl.left = n;
        html_page page;
        sr_status st = html_extract(a, html, len, &page, NULL, 0);
        assert_true(st == SR_OK || st == SR_ENOMEM);
        if (st == SR_OK) {
            check_page(&page);
            succeeded = 1;
        } else {
            assert_null(page.text);
            assert_int_equal(page.n_blocks, 0);
        }
        sr_arena_free(a);
    }
    assert_true(succeeded);

    /* The arena cap fails like out-of-memory at every size below need. */
    for (size_t cap = 64; cap <= ((size_t)1 << 20); cap *= 2) {
        sr_arena *a = sr_arena_new(NULL);
        sr_arena_set_cap(a, cap);
        html_page page;
        char err[128];
        sr_status st = html_extract(a, html, len, &page, err, sizeof err);
        assert_true(st == SR_OK || st == SR_ENOMEM);
        if (st == SR_OK)
            check_page(&page);
        sr_arena_free(a);
    }
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordpress_content_and_title),
        cmocka_unit_test(test_wordpress_boilerplate),
        cmocka_unit_test(test_wordpress_comments),
        cmocka_unit_test(test_disqus),
        cmocka_unit_test(test_br_and_entities),
        cmocka_unit_test(test_empty_page),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_entities_and_spaces),
        cmocka_unit_test(test_br_runs_and_pre),
        cmocka_unit_test(test_link_density),
        cmocka_unit_test(test_title_sources),
        cmocka_unit_test(test_published_sources),
        cmocka_unit_test(test_flat_depth_classes),
        cmocka_unit_test(test_comment_without_markup),
        cmocka_unit_test(test_reply_before_parent_text),
        cmocka_unit_test(test_sidebar_recent_comments),
        cmocka_unit_test(test_form_wrapping_page),
        cmocka_unit_test(test_article_tag_classes),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_quadratic_traps),
        cmocka_unit_test(test_attribute_cap_keeps_content),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_allocation_failure),
    };
    return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
