/* test_clean.c - report vs comments vs boilerplate, datelines, and
 * allocation failure over a whole read+clean run. */
#include "test_util.h"

#include "sitrep/clean.h"
#include "sitrep/reader.h"

typedef struct fixture {
    sr_doc doc;
    sr_cleaned c;
} fixture;

static sr_status clean_text(fixture *f, const char *text, const char *meta_title)
{
    sr_doc_init(&f->doc, NULL);
    f->doc.id = "t";
    f->doc.title = meta_title;
    assert_int_equal(sr_doc_set_body(&f->doc, text, strlen(text)), SR_OK);
    return sr_clean(&f->doc, &f->c);
}

static int body_has(const fixture *f, const char *needle)
{
    for (size_t i = 0; i < f->c.n_body; i++) {
        sr_span s = f->c.body[i];
        char *piece = strndup(f->c.text + s.start, s.end - s.start);
        int hit = strstr(piece, needle) != NULL;
        free(piece);
        if (hit)
            return 1;
    }
    return 0;
}

static const char *removed_reason(const fixture *f, const char *needle)
{
    for (size_t i = 0; i < f->c.n_removed; i++) {
        sr_span s = f->c.removed[i].span;
        if (memmem(f->c.text + s.start, s.end - s.start, needle, strlen(needle)))
            return f->c.removed[i].reason;
    }
    return NULL;
}

static char *span_str(const fixture *f, sr_span s) { return strndup(f->c.text + s.start, s.end - s.start); }

#define REPORT_A                                                                                   \
    "Rebel factions exchanged fire with government troops on the outskirts of the town for a "   \
    "third day, residents told reporters by telephone.\n\n"
#define REPORT_B                                                                                   \
    "A local council member said at least four fighters had been killed and that the road to "   \
    "the provincial capital remained closed to traffic.\n\n"

static void bullet_thread(void **state)
{
    fixture f;
    const char *t = "Fighting Continues Near The Northern Town For A Third Day\n\n" REPORT_A
                    "Photo: smoke over the town\n\n" REPORT_B "  \xE2\x80\xA2 Omar S\n"
                    "    They said the same thing last year.\n"
                    "    \xE2\x80\xA2 jd_77\n"
                    "      Not quite, the front moved.\n"
                    "  \xE2\x80\xA2 Farah\n"
                    "    Stay safe everyone.\n";
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_string_equal(f.c.title, "Fighting Continues Near The Northern Town For A Third Day");
    assert_int_equal(f.c.n_body, 2);
    assert_true(body_has(&f, "exchanged fire"));
    assert_true(body_has(&f, "council member"));
    assert_non_null(removed_reason(&f, "Photo: smoke"));
    assert_int_equal(f.c.n_comments, 3);
    char *a = span_str(&f, f.c.comments[1].author);
    assert_string_equal(a, "jd_77");
    free(a);
    assert_int_equal(f.c.comments[1].depth, 1);
    assert_int_equal(f.c.comments[1].parent, 0);
    assert_int_equal(f.c.comments[2].depth, 0);
    assert_int_equal(f.c.comments[2].parent, -1);
    sr_doc_free(&f.doc);
}

static void wordpress_thread(void **state)
{
    fixture f;
    const char *t = "Two Killed As Shells Hit A Market In The Old City\n\n" REPORT_A REPORT_B
                    "  1. Ahmad Khalil says:\n"
                    "    Terrible news, again.\n"
                    "    1. reader2020 says:\n"
                    "      Who fired them?\n"
                    "  2. Nadia says:\n"
                    "    Thank you for reporting.\n";
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_int_equal(f.c.n_comments, 3);
    char *a = span_str(&f, f.c.comments[0].author);
    assert_string_equal(a, "Ahmad Khalil");
    free(a);
    assert_int_equal(f.c.comments[1].parent, 0);
    assert_false(body_has(&f, "Terrible news"));
    sr_doc_free(&f.doc);
}

static void bare_author_lines(void **state)
{
    fixture f;
    const char *t = "Commander Says Group Will Not Join The New Coalition\n\n" REPORT_A REPORT_B
                    "I dont believe a word of it..\n\n"
                    "Sam Peters\n\n"
                    "They always say that before they switch sides.\n\n"
                    "Lee Wong\n\n"
                    "Exactly, give it a month and see.\n\n"
                    "Sam Peters\n\n"
                    "We will see who is right.\n";
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_int_equal(f.c.n_body, 2);
    assert_false(body_has(&f, "believe a word"));
    assert_int_equal(f.c.n_comments, 4); /* the anonymous one first */
    assert_int_equal(f.c.comments[0].author.start, f.c.comments[0].author.end);
    char *a = span_str(&f, f.c.comments[1].author);
    assert_string_equal(a, "Sam Peters");
    free(a);
    sr_doc_free(&f.doc);
}

/* a thread whose comments open with the author's name and the posting
 * time on two lines, under a "Comments" heading; a dated paragraph of the
 * report alone is no thread */
static void stamped_thread(void **state)
{
    fixture f;
    const char *t = "Convoy Reaches Besieged District After Weeks Of Talks\n\n" REPORT_A REPORT_B
                    "Comments\n\n2 comments\n\n"
                    "Reader_One\n4 March 2021 at 9:14 am\n"
                    "They shelled my village again this morning and nobody reports it.\n\n"
                    "Mark D.\n04/03/2021 - 10:02\nGood article, thanks.\n";
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_int_equal(f.c.n_body, 2);
    assert_false(body_has(&f, "shelled my village"));
    assert_int_equal(f.c.n_comments, 2);
    char *a = span_str(&f, f.c.comments[1].author);
    assert_string_equal(a, "Mark D.");
    free(a);
    a = span_str(&f, f.c.comments[0].text);
    assert_string_equal(a, "They shelled my village again this morning and nobody reports it.");
    free(a);
    assert_string_equal(removed_reason(&f, "2 comments"), "comment thread heading");
    sr_doc_free(&f.doc);
    t = "Convoy Reaches Besieged District After Weeks Of Talks\n\n" REPORT_A
        "Field Update\n4 March 2021 at 9:14 am\n"
        "The convoy unloaded its trucks at the district's only clinic before nightfall.\n\n" REPORT_B;
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_int_equal(f.c.n_comments, 0);
    assert_true(body_has(&f, "only clinic"));
    sr_doc_free(&f.doc);
}

static void chrome_and_widgets(void **state)
{
    fixture f;
    const char *t = "MARCH 2022\n\n"
                    "0 $\n1,000 $\n\n"
                    "Convoy Reaches Besieged District After Weeks Of Talks\n\n"
                    "Convoy Reaches Besieged District After Weeks Of Talks\n\n"
                    "Loading the video...\n\n" REPORT_A REPORT_B
                    "Enjoyed this story? Share it with your friends!\n";
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_string_equal(f.c.title, "Convoy Reaches Besieged District After Weeks Of Talks");
    assert_int_equal(f.c.n_body, 2);
    assert_string_equal(removed_reason(&f, "MARCH 2022"), "page chrome above the title");
    assert_string_equal(removed_reason(&f, "1,000 $"), "page chrome above the title");
    assert_string_equal(removed_reason(&f, "Loading the video"),
                        "caption or widget text (short fragment, not a sentence)");
    assert_string_equal(removed_reason(&f, "Enjoyed this story"), "call to action after the report");
    /* the repeated title is removed, the first is the title */
    assert_string_equal(removed_reason(&f, "Convoy Reaches"), "repeated title");
    sr_doc_free(&f.doc);
}

static void news_list_is_not_a_thread(void **state)
{
    fixture f;
    const char *t = "Key Points From The Monitor's Weekly Report On The Province\n\n" REPORT_A
                    "  - Shelling hit five villages in the southern countryside on Monday.\n"
                    "  - Two aid convoys were turned back at the crossing on Tuesday.\n"
                    "  - The monitor recorded eleven deaths in all during the week.\n\n" REPORT_B;
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_int_equal(f.c.n_comments, 0);
    assert_true(body_has(&f, "aid convoys"));
    sr_doc_free(&f.doc);
}

static void single_block_article(void **state)
{
    fixture f;
    const char *t = "Sun 10 Jul 2016 Army says it cut the last road into the eastern districts. "
                    "The army said on Sunday its forces had cut the road.";
    assert_int_equal(clean_text(&f, t, "Army says it cut the last road into the eastern districts"),
                     SR_OK);
    assert_int_equal(f.c.n_body, 1);
    assert_int_equal(f.c.body[0].start, 0);
    assert_int_equal(f.c.body[0].end, strlen(t));
    assert_true(f.c.has_dateline);
    assert_int_equal(f.c.dateline.year, 2016);
    assert_int_equal(f.c.dateline.month, 7);
    assert_int_equal(f.c.dateline.day, 10);
    assert_int_equal(f.c.dateline_span.start, 0);
    assert_int_equal(f.c.dateline_span.end, 15);
    sr_doc_free(&f.doc);
}

static void empty_and_blank(void **state)
{
    fixture f;
    assert_int_equal(clean_text(&f, "  \n\n\t\n", NULL), SR_REJECT);
    assert_true(f.c.n_warnings > 0);
    sr_doc_free(&f.doc);
}

static void dates(void **state)
{
    static const struct {
        const char *text;
        int y, m, d;
        const char *match;
    } cases[] = {
        {"AFP Sunday 24 Aug 2014 text", 2014, 8, 24, "24 Aug 2014"},
        {"Wed 05 Apr 2017 Syria", 2017, 4, 5, "05 Apr 2017"},
        {"Published April 8 2017 The", 2017, 4, 8, "April 8 2017"},
        {"Date of publication 12 June 2016", 2016, 6, 12, "12 June 2016"},
        {"10-09-2014 Damascus", 2014, 9, 10, "10-09-2014"},
        {"05.10.2017 Moscow", 2017, 10, 5, "05.10.2017"},
        {"Last updated at Apr 232017 An", 2017, 4, 23, "Apr 232017"},
        {"Fri Sep 27, 2013 Bomb", 2013, 9, 27, "Sep 27, 2013"},
        {"on the 3rd of March 2015", 2015, 3, 3, NULL},
        {"12/25/2016 x", 2016, 12, 25, "12/25/2016"},
        {"2019-01-07T10:00", 2019, 1, 7, "2019-01-07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sr_span s;
        sr_date d;
        int found = sr_find_date(cases[i].text, strlen(cases[i].text), &s, &d);
        if (!cases[i].match) {
            (void)found;
            continue;
        }
        if (!found)
            fail_msg("no date in '%s'", cases[i].text);
        assert_int_equal(d.year, cases[i].y);
        assert_int_equal(d.month, cases[i].m);
        assert_int_equal(d.day, cases[i].d);
        assert_int_equal(s.end - s.start, strlen(cases[i].match));
        assert_memory_equal(cases[i].text + s.start, cases[i].match, s.end - s.start);
    }
    static const char *const none[] = {"MAY 2021", "31 Feb 2017", "in 2014 and 2015",
                                       "32 May 2017", "On November 17, the"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        sr_span s;
        sr_date d;
        if (sr_find_date(none[i], strlen(none[i]), &s, &d))
            fail_msg("invented a date in '%s'", none[i]);
    }
}

static void sentence_date_is_not_a_dateline(void **state)
{
    fixture f;
    const char *t = "Group Leaves The Coalition\n\n"
                    "The group announced its departure from the coalition in a statement, citing "
                    "disputes over the command of the front. On 19 July 2016, it had joined.\n\n" REPORT_B;
    assert_int_equal(clean_text(&f, t, NULL), SR_OK);
    assert_false(f.c.has_dateline);
    sr_doc_free(&f.doc);
}

/* Allocation failure: fail the Nth allocation for N = 1..k over a whole
 * read + clean + JSON run; every run must end cleanly (ASan checks leaks). */
typedef struct fail_ctx {
    long countdown;
    int failed;
} fail_ctx;
static void *fail_alloc(size_t n, void *ctx)
{
    fail_ctx *c = ctx;
    if (c->countdown-- == 0) {
        c->failed = 1;
        return NULL;
    }
    return malloc(n);
}
static void *fail_resize(void *p, size_t n, void *ctx)
{
    fail_ctx *c = ctx;
    if (c->countdown-- == 0) {
        c->failed = 1;
        return NULL;
    }
    return realloc(p, n);
}
static void fail_release(void *p, void *ctx) { free(p); }

static void allocation_failure(void **state)
{
    int clean_runs = 0;
    for (long n = 0; n < 400; n++) {
        fail_ctx ctx = {n, 0};
        sr_mem mem = {fail_alloc, fail_resize, fail_release, &ctx};
        sr_reader_options opt = {.mem = &mem};
        sr_reader *r = NULL;
        char err[256];
        if (sr_reader_open(&r, "samples/atarib-takeover.txt", &opt, err, sizeof err) != SR_OK) {
            assert_true(ctx.failed);
            continue;
        }
        sr_doc doc;
        if (sr_doc_init(&doc, &mem) == SR_OK) {
            sr_status st;
            while ((st = sr_reader_next(r, &doc)) == SR_OK || st == SR_REJECT) {
                if (st != SR_OK)
                    continue;
                sr_cleaned c;
                if (sr_clean(&doc, &c) == SR_OK) {
                    sr_buf b;
                    sr_buf_init(&b, &mem);
                    sr_clean_to_json(&doc, &c, &b);
                    sr_buf_free(&b);
                }
            }
            sr_doc_free(&doc);
        }
        sr_reader_free(r);
        if (!ctx.failed)
            clean_runs++;
    }
    assert_true(clean_runs > 0); /* the loop reached a run with no failure */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bullet_thread),
        cmocka_unit_test(wordpress_thread),
        cmocka_unit_test(bare_author_lines),
        cmocka_unit_test(stamped_thread),
        cmocka_unit_test(chrome_and_widgets),
        cmocka_unit_test(news_list_is_not_a_thread),
        cmocka_unit_test(single_block_article),
        cmocka_unit_test(empty_and_blank),
        cmocka_unit_test(dates),
        cmocka_unit_test(sentence_date_is_not_a_dateline),
        cmocka_unit_test(allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
