/* coder.c - ACLED-style events from annotated report text (code.h).
 *
 * Sentence by sentence, every trigger (data/events.tsv) opens an event and
 * its frame says how to read the actors around it:
 *   mutual    "clashes between X and Y", "X clashed with Y", "X and Y fought"
 *   agent     X <trigger> Y; "Y was shelled by X" swaps the two
 *   one_side  X withdrew / surrendered / defected
 *   parties   every actor of the sentence signs or merges
 * Actors joined by "and" or "along with" on one side become associates.
 * Territory verbs pick "Government regains territory" when a state force
 * takes the ground and "Non-state actor overtakes territory" otherwise.
 * One sentence naming several places gives one event per place (ACLED's
 * rule); a place that only locates another ("west of Idlib city", "in the
 * western Aleppo countryside" after a village) is not a separate event.
 * The date is the sentence's own date, else the document's anchor; an
 * event more than 30 days before the anchor is historical.  Deaths count
 * only in sentences that say people were killed, never head counts of
 * people moving, and a toll is given to one event only.  Hedges, negation
 * and future cues in the sentence set the certainty or drop the event.
 * Events of one document with the same type, actors and place merge.
 * Cost: O(mentions x sentence mentions), bounded per sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kb/kb_int.h"
#include "code/code_int.h"
#include "sitrep/code.h"

#define HISTORICAL_DAYS 30

static const char *const cert_names[] = {"reported", "claimed", "unconfirmed", "denied",
                                         "expected"};
static const char *const stmt_names[SR_STMT_TYPE_COUNT] = {"ACCUSE", "THREATEN", "AGREE",
                                                           "DENY",   "CLAIM",    "CRITICIZE"};

const char *sr_certainty_name(sr_certainty c)
{
    return (unsigned)c < 5 ? cert_names[c] : "reported";
}

const char *sr_statement_type_name(sr_statement_type t)
{
    return (unsigned)t < SR_STMT_TYPE_COUNT ? stmt_names[t] : "?";
}

/* ---- dates ---- */

static long days_of(sr_date d)
{
    /* days from civil (Howard Hinnant's algorithm) */
    int y = d.year, m = d.month ? d.month : 1, dd = d.day ? d.day : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

/* ---- small text helpers on the document text ---- */

static int lower_eq(const char *t, size_t s, size_t e, const char *w)
{
    /* one pass, no strlen: most candidates differ in the first letter */
    size_t i = 0;
    for (; s + i < e; i++) {
        char c = t[s + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return 0;
    }
    return w[i] == '\0';
}

/* Does any word in T[s, e) equal one of WORDS? */
static int has_word(const char *t, size_t s, size_t e, const char *const *words, size_t n)
{
    size_t i = s;
    while (i < e) {
        while (i < e && !((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z'))
            i++;
        size_t w = i;
        while (i < e && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || t[i] == '-'))
            i++;
        for (size_t k = 0; k < n; k++)
            if (lower_eq(t, w, i, words[k]))
                return 1;
    }
    return 0;
}

static size_t words_between(const char *t, size_t s, size_t e)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = s; i < e; i++) {
        int wc = t[i] != ' ' && t[i] != '\n' && t[i] != '\t';
        if (wc && !in)
            n++;
        in = wc;
    }
    return n;
}

static const char *const kill_words[] = {"killed",  "killing", "kills",  "dead",
                                         "died",    "deaths",  "death",  "slain",
                                         "beheaded", "executed", "lost their lives"};
static const char *const hurt_words[] = {"injuring", "injured", "wounding", "wounded", "injuries",
                                         "hurt"};
static const char *const people_nouns[] = {
    "people",   "civilians", "civilian", "militants", "fighters", "soldiers", "members",
    "children", "women",     "persons",  "troops",    "terrorists", "rebels", "gunmen",
    "jihadists", "policemen", "personnel", "men",     "boys",     "girls",    "residents",
    "combatants", "insurgents", "officers", "worker",  "workers",  "journalists", "militant",
    "fighter",  "soldier",   "person",   "child",     "boy",      "girl",     "man",
    "woman",    "member",    "others"};

/* ---- building events ---- */

typedef struct sent_view {
    const sr_mention *m;
    size_t n; /* mentions of this sentence: m[0..n) */
} sent_view;

typedef struct coder {
    const sr_kb *kb;
    sr_doc *doc;
    const sr_cleaned *c;
    const sr_annotation *a;
    const char *t;
    sr_coding *out;
    size_t cap;
    int doc_source_actor;   /* first monitor/outlet named in the body */
    const char *doc_source; /* or an unnamed source */
    int toll_given;         /* a toll was already assigned */
    size_t first_para_end;  /* end of the first body paragraph */
    sr_date last_date;      /* last day-precision, non-historical date seen */
    sr_precision last_prec;
    sr_certainty carried;   /* hedge of the previous sentence */
    sr_place_ref prev_first_place; /* first place of the previous sentence */
    const sr_mention *next_place;  /* first sub-national place after this sentence */
    long long pending_toll;        /* deaths told in a sentence without an event */
    int unidentified;              /* the UNIDENTIFIED actor, or -1 */
    long long deaths;              /* sentence_deaths cache: */
    int deaths_vague, deaths_valid;
    size_t deaths_sent_start;
    int have_prev_place;
} coder;

static const char *const violation_words[] = {"violating", "violated", "violation", "violations",
                                              "breaking", "breached", "breach", "broke"};
static const char *const air_words[] = {"drone", "drones", "ucav", "warplane", "warplanes",
                                        "jet", "jets", "aircraft", "helicopter", "helicopters",
                                        "airstrike", "airstrikes", "air", "aerial"};
static const char *const shell_words[] = {"rocket", "rockets", "missile", "missiles", "shell",
                                          "shells", "artillery", "mortar", "mortars", "tank",
                                          "tanks"};
static const char *const determiners[] = {"the", "this", "these", "that", "those", "its", "such"};
static const char *const victim_words[] = {"killed", "wounded", "injured", "died", "dead"};
static const char *const carry_words[] = {"them", "these", "those", "such"};

/* ACLED sub-event types ranked for one sentence that names several: the
 * more specific or graver reading wins ("stormed ... after clashes" is a
 * takeover; "clashes broke out when X tried to arrest Y" is a clash). */
static int priority(const char *sub)
{
    static const struct {
        const char *sub;
        int rank;
    } r[] = {{"Non-state actor overtakes territory", 10},
             {"Government regains territory", 10},
             {"Chemical weapon", 9},
             {"Suicide bomb", 9},
             {"Air/drone strike", 8},
             {"Shelling/artillery/missile attack", 7},
             {"Remote explosive/landmine/IED", 7},
             {"Grenade", 7},
             {"Attack", 6},
             {"Sexual violence", 6},
             {"Abduction/forced disappearance", 5},
             {"Armed clash", 4},
             {"Non-violent transfer of territory", 3},
             {"Arrests", 3}};
    for (size_t i = 0; i < sizeof r / sizeof *r; i++)
        if (!strcmp(r[i].sub, sub))
            return r[i].rank;
    return 2;
}

static int is_source_actor(const sr_kb *kb, int a)
{
    return a >= 0 && (kb->actors[a].kind == SR_ACTOR_MONITOR ||
                      kb->actors[a].kind == SR_ACTOR_NEWS_OUTLET);
}

static int usable_actor(const sr_kb *kb, const sr_mention *m)
{
    return m->kind == SR_MENTION_ACTOR && m->actor >= 0 && !is_source_actor(kb, m->actor) &&
           kb->actors[m->actor].kind != SR_ACTOR_PERSON;
}

static int person_actor(const sr_kb *kb, const sr_mention *m)
{
    return m->kind == SR_MENTION_ACTOR && m->actor >= 0 &&
           kb->actors[m->actor].kind == SR_ACTOR_PERSON;
}

/* Adds actor A to an event side (main or associate), once. */
static void side_add(sr_event *e, int side, int a)
{
    if (a < 0 || a == e->actor1 || a == e->actor2)
        return;
    int *main_slot = side == 1 ? &e->actor1 : &e->actor2;
    int *assoc = side == 1 ? e->assoc1 : e->assoc2;
    int *n = side == 1 ? &e->n_assoc1 : &e->n_assoc2;
    for (int i = 0; i < *n; i++)
        if (assoc[i] == a)
            return;
    if (*main_slot < 0)
        *main_slot = a;
    else if (*n < SR_CODE_MAX_ASSOC)
        assoc[(*n)++] = a;
}

/* Actors joined to mention I by "and", ",", "along with", "as well as":
 * returns the index of the last mention of the coordinated run. */
static size_t coordinated(const char *t, const sent_view *sv, size_t i, int dir)
{
    size_t j = i;
    for (;;) {
        size_t k = j;
        /* next actor mention in direction DIR */
        size_t nk = (size_t)-1;
        if (dir > 0) {
            for (size_t q = k + 1; q < sv->n; q++)
                if (sv->m[q].kind == SR_MENTION_ACTOR) {
                    nk = q;
                    break;
                }
        } else {
            for (size_t q = k; q-- > 0;)
                if (sv->m[q].kind == SR_MENTION_ACTOR) {
                    nk = q;
                    break;
                }
        }
        if (nk == (size_t)-1)
            return j;
        size_t gs = dir > 0 ? sv->m[j].span.end : sv->m[nk].span.end;
        size_t ge = dir > 0 ? sv->m[nk].span.start : sv->m[j].span.start;
        if (ge < gs || ge - gs > 24)
            return j;
        static const char *const conj[] = {"and", "along", "with", "as", "well", "the", "its",
                                           "allies", "both"};
        /* the gap holds only conjunction words and punctuation */
        int ok = 1, any = 0;
        size_t p = gs;
        while (p < ge && ok) {
            while (p < ge && !((t[p] | 32) >= 'a' && (t[p] | 32) <= 'z'))
                any |= t[p] == ',', p++;
            size_t w = p;
            while (p < ge && ((t[p] | 32) >= 'a' && (t[p] | 32) <= 'z'))
                p++;
            if (p > w) {
                int hit = 0;
                for (size_t c = 0; c < sizeof conj / sizeof *conj; c++)
                    hit |= lower_eq(t, w, p, conj[c]);
                if (!hit)
                    ok = 0;
                any = 1;
            }
        }
        if (!ok || !any)
            return j;
        j = nk;
    }
}

static sr_event *new_event(coder *k)
{
    sr_coding *o = k->out;
    if (o->n_events == SR_CODE_MAX_EVENTS) {
        o->dropped++;
        return NULL;
    }
    if (o->n_events == k->cap) {
        size_t nc = k->cap ? k->cap * 2 : 16;
        sr_event *ne = sr_arena_grow(k->doc->arena, o->events, k->cap * sizeof *ne, nc * sizeof *ne);
        if (!ne)
            return NULL;
        o->events = ne;
        k->cap = nc;
    }
    sr_event *e = &o->events[o->n_events++];
    memset(e, 0, sizeof *e);
    e->actor1 = e->actor2 = -1;
    return e;
}

/* The inter code of actor A in an event in COUNTRY: a state's forces
 * operating abroad are external forces (ACLED: 8). */
static int inter_of(const sr_kb *kb, int a, const char *country)
{
    if (a < 0)
        return 0;
    const sr_actor *ac = &kb->actors[a];
    int inter = ac->inter;
    if (inter == 1 && country && *country && ac->country && *ac->country &&
        strcmp(ac->country, country) && strcmp(country, "SY") != 0)
        return 8;
    if (inter == 1 && ac->country && *ac->country && strcmp(ac->country, "Syria") &&
        (!country || !strcmp(country, "SY") || !strcmp(country, "Syria")))
        return 8;
    return inter;
}

const char *sr_country_name(const char *c)
{
    /* the gazetteer gives ISO codes; ACLED prints names */
    static const char *const map[][2] = {{"SY", "Syria"},   {"TR", "Turkey"}, {"LB", "Lebanon"},
                                         {"IQ", "Iraq"},    {"JO", "Jordan"}, {"IL", "Israel"},
                                         {"PS", "Palestine"}};
    if (!c)
        return NULL;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(map[i][0], c))
            return map[i][1];
    return c;
}

static void finish_actors(coder *k, sr_event *e)
{
    const char *country = sr_country_name(e->where.country);
    e->inter1 = inter_of(k->kb, e->actor1, country);
    e->inter2 = inter_of(k->kb, e->actor2, country);
    int lo = e->inter1, hi = e->inter2;
    if (hi && lo > hi) {
        int tmp = lo;
        lo = hi;
        hi = tmp;
    }
    if (!lo) {
        lo = hi;
        hi = 0;
    }
    e->interaction = lo * 10 + hi;
}

static void add_evidence(sr_event *e, sr_span s)
{
    for (size_t i = 0; i < e->n_evidence; i++)
        if (e->evidence[i].start == s.start && e->evidence[i].end == s.end)
            return;
    if (e->n_evidence < SR_CODE_MAX_EVIDENCE)
        e->evidence[e->n_evidence++] = s;
}

/* The word starting at or after P (letters only), as [*S, *E). */
static void next_word(const char *t, size_t p, size_t end, size_t *s, size_t *e)
{
    while (p < end && !((t[p] | 32) >= 'a' && (t[p] | 32) <= 'z'))
        p++;
    *s = p;
    while (p < end && ((t[p] | 32) >= 'a' && (t[p] | 32) <= 'z'))
        p++;
    *e = p;
}

/* Deaths stated in sentence SV: people counted next to a killing word and
 * not next to an injury word.  *VAGUE is set when killing is said without
 * a number ("several were killed"). */
static long long sentence_deaths_uncached(const coder *k, const sent_view *sv, sr_span sent,
                                          int *vague);

/* Deaths of the current sentence, worked out once per sentence. */
static long long sentence_deaths(coder *k, const sent_view *sv, sr_span sent, int *vague)
{
    if (!k->deaths_valid || k->deaths_sent_start != sent.start) {
        k->deaths = sentence_deaths_uncached(k, sv, sent, &k->deaths_vague);
        k->deaths_sent_start = sent.start;
        k->deaths_valid = 1;
    }
    *vague = k->deaths_vague;
    return k->deaths;
}

static long long sentence_deaths_uncached(const coder *k, const sent_view *sv, sr_span sent,
                                          int *vague)
{
    const char *t = k->t;
    *vague = 0;
    if (!has_word(t, sent.start, sent.end, kill_words, sizeof kill_words / sizeof *kill_words))
        return 0;
    long long sum = 0;
    int any = 0;
    char seen_noun[8][32];
    long long seen_val[8];
    size_t n_seen = 0;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_NUMBER || m->number.is_ordinal || m->number.is_year)
            continue;
        size_t ws = m->span.start > sent.start + 40 ? m->span.start - 40 : sent.start;
        size_t we = m->span.end + 40 < sent.end ? m->span.end + 40 : sent.end;
        int noun_people = m->number.noun.end > m->number.noun.start &&
                          has_word(t, m->number.noun.start, m->number.noun.end, people_nouns,
                                   sizeof people_nouns / sizeof *people_nouns);
        int near_hurt = has_word(t, ws, m->span.start, hurt_words, 6) &&
                        !has_word(t, m->span.end, we, kill_words, 11);
        int near_kill = has_word(t, ws, we, kill_words, 11);
        if (near_hurt && !noun_people)
            continue;
        if (near_hurt) {
            /* "killing 4 and injuring 3": the word just before decides */
            size_t ps = m->span.start > 12 ? m->span.start - 12 : 0;
            if (ps < sent.start)
                ps = sent.start;
            if (has_word(t, ps, m->span.start, hurt_words, 6))
                continue;
        }
        if (!(noun_people || near_kill))
            continue;
        /* "18 civilians including five children": a subset, not more dead */
        static const char *const subset[] = {"including", "among", "whom", "them"};
        size_t ss = m->span.start > sent.start + 16 ? m->span.start - 16 : sent.start;
        if (has_word(t, ss, m->span.start, subset, 4) && any)
            continue;
        /* "30 wounded", "three others were injured": the count is the hurt;
         * "killed 28 and wounded 30": "and" hands the hurt to the next one */
        size_t w1s, w1e, w2s, w2e;
        next_word(t, m->span.end, sent.end, &w1s, &w1e);
        next_word(t, w1e, sent.end, &w2s, &w2e);
        static const char *const conj[] = {"and", "or", "while"};
        int w1_hurt = has_word(t, w1s, w1e, hurt_words, 6);
        int w1_conj = has_word(t, w1s, w1e, conj, 3) || (w1s > m->span.end && memchr(t + m->span.end, ',', w1s - m->span.end));
        int w3_hurt = 0;
        if (!w1_conj && !w1_hurt) {
            size_t w3s, w3e;
            next_word(t, w2e, sent.end, &w3s, &w3e);
            w3_hurt = has_word(t, w2s, w3e, hurt_words, 6) && !has_word(t, w2s, w3e, kill_words, 11);
        }
        if (w1_hurt || w3_hurt)
            continue;
        /* the same kind of victim told twice ("16 Civilians Dead ... at least
         * 16 civilians were killed") is one toll: keep the smallest */
        char noun[32] = "";
        if (m->number.noun.end > m->number.noun.start) {
            size_t nl = m->number.noun.end - m->number.noun.start;
            if (nl > sizeof noun - 1)
                nl = sizeof noun - 1;
            for (size_t q = 0; q < nl; q++)
                noun[q] = (char)(t[m->number.noun.start + q] | 32);
            noun[nl] = '\0';
        }
        int merged = 0;
        for (size_t q = 0; q < n_seen && !merged; q++)
            if (!strcmp(seen_noun[q], noun)) {
                if (m->number.value < seen_val[q]) {
                    sum -= seen_val[q] - m->number.value;
                    seen_val[q] = m->number.value;
                }
                merged = 1;
            }
        if (merged)
            continue;
        if (n_seen < 8) {
            memcpy(seen_noun[n_seen], noun, sizeof noun);
            seen_val[n_seen++] = m->number.value;
        }
        sum += m->number.value;
        any = 1;
    }
    if (!any)
        *vague = 1;
    return sum;
}

/* The sentence's date: a day, week or month before the trigger, else any;
 * a bare year ("in 2014 and 2015") only when nothing finer is given. */
static const sr_mention *sentence_date(const sent_view *sv, size_t before, const sr_cleaned *c)
{
    const sr_mention *best = NULL, *year = NULL;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_DATE || m->timex.precision == SR_PREC_NONE)
            continue;
        /* the dateline is when the report was filed, not when it happened */
        if (c->has_dateline && m->span.start < c->dateline_span.end &&
            m->span.end > c->dateline_span.start)
            continue;
        if (m->timex.precision == SR_PREC_YEAR) {
            if (!year)
                year = m;
            continue;
        }
        if (!best || m->span.start < before)
            best = m;
    }
    return best ? best : year;
}

/* Names equal up to case, punctuation, doubled letters and e/i
 * ("Lattakia" / "Latakia", "Idleb" / "Idlib"). */
static int loose_eq(const char *a, const char *b)
{
    char x[64], y[64];
    const char *src[2] = {a, b};
    char *dst[2] = {x, y};
    for (int k = 0; k < 2; k++) {
        size_t n = 0;
        for (const char *p = src[k]; *p && n < 63; p++) {
            char c = *p;
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (!(c >= 'a' && c <= 'z'))
                continue;
            if (c == 'e')
                c = 'i';
            if (n && dst[k][n - 1] == c)
                continue;
            dst[k][n++] = c;
        }
        dst[k][n] = '\0';
    }
    return !strcmp(x, y);
}

/* A place named inside a longer place mention ("Aleppo" in "the western
 * Aleppo countryside"): not a town of the sentence on its own. */
static int inside_other_place(const sent_view *sv, const sr_mention *m)
{
    for (size_t j = 0; j < sv->n; j++)
        if (&sv->m[j] != m && sv->m[j].kind == SR_MENTION_PLACE &&
            sv->m[j].span.start <= m->span.start && m->span.end <= sv->m[j].span.end &&
            sv->m[j].span.end - sv->m[j].span.start > m->span.end - m->span.start)
            return 1;
    return 0;
}

/* Places that are event locations in this sentence: no country when a
 * place inside a country is named, no region or admin area when a town in
 * it is named, no "near/west of X" right after another place. */
static size_t event_places(const sent_view *sv, const sr_mention **out, size_t max)
{
    size_t n = 0;
    int have_town = 0, have_sub = 0;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_PLACE)
            continue;
        if (!m->where.is_area && !inside_other_place(sv, m))
            have_town = 1;
        if (m->where.admin1 && *m->where.admin1)
            have_sub = 1;
    }
    for (size_t i = 0; i < sv->n && n < max; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_PLACE)
            continue;
        int country = !m->where.admin1 || !*m->where.admin1;
        if (country && have_sub)
            continue;
        if (have_town && m->where.is_area)
            continue;
        /* nested inside another place mention: one location */
        int nested = 0;
        for (size_t j = 0; j < sv->n; j++)
            if (&sv->m[j] != m && sv->m[j].kind == SR_MENTION_PLACE &&
                sv->m[j].span.start <= m->span.start && m->span.end <= sv->m[j].span.end &&
                sv->m[j].span.end - sv->m[j].span.start > m->span.end - m->span.start)
                nested = 1;
        if (nested)
            continue;
        /* "Hmeimim Air Base in Lattakia", "Tell Rifaat in northern Aleppo":
         * the province of a place already kept only locates it */
        int locator = 0;
        for (size_t j = 0; j < n; j++)
            if (out[j]->where.admin1 && m->where.location &&
                loose_eq(out[j]->where.admin1, m->where.location))
                locator = 1;
        if (locator)
            continue;
        /* a locator after another place: "Arab Said west of Idlib city" */
        if ((m->flags & SR_MF_CONTEXTUAL) && n > 0)
            continue;
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            if (out[j]->where.location && m->where.location &&
                !strcmp(out[j]->where.location, m->where.location))
                dup = 1;
        if (!dup)
            out[n++] = m;
    }
    return n;
}

/* An admin area or region as an event location is named as the report
 * names it ("Idlib" for the governorate ACLED files as "Idleb"; "Aleppo
 * countryside"), with admin1/admin2 keeping the gazetteer's spelling. */
static const char *area_location(coder *k, const sr_mention *m)
{
    const char *t = k->t;
    size_t s = m->span.start, e = m->span.end;
    static const char *const skip[] = {"the",  "northern", "southern", "eastern", "western",
                                       "north", "south",   "east",     "west",    "rural",
                                       "greater", "northwestern", "northeastern",
                                       "southwestern", "southeastern", "central"};
    for (;;) {
        size_t w = s;
        while (w < e && ((t[w] | 32) >= 'a' && (t[w] | 32) <= 'z'))
            w++;
        int hit = 0;
        for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
            hit |= lower_eq(t, s, w, skip[i]);
        if (!hit || w >= e)
            break;
        s = w;
        while (s < e && t[s] == ' ')
            s++;
    }
    static const char *const tail[] = {"province", "governorate", "countryside", "region"};
    size_t w = e;
    while (w > s && t[w - 1] != ' ')
        w--;
    for (size_t i = 0; i < 4; i++)
        if (w > s && lower_eq(t, w, e, tail[i])) {
            e = w;
            while (e > s && t[e - 1] == ' ')
                e--;
        }
    if (e <= s)
        return m->where.location;
    return sr_arena_strndup(k->doc->arena, t + s, e - s);
}

static int armed(const sr_kb *kb, int a)
{
    if (a < 0)
        return 0;
    sr_actor_kind k = kb->actors[a].kind;
    return k == SR_ACTOR_ARMED_GROUP || k == SR_ACTOR_COALITION || k == SR_ACTOR_STATE_FORCE ||
           k == SR_ACTOR_UNIDENTIFIED;
}

/* "were killed", "was killed" with no "by" after: a passive without agent */
static int passive_no_agent(const char *t, const sr_mention *tr, sr_span sent)
{
    static const char *const be[] = {"were", "was", "been", "be", "are", "is", "being"};
    size_t ps = tr->span.start > sent.start + 12 ? tr->span.start - 12 : sent.start;
    if (!has_word(t, ps, tr->span.start, be, 7))
        return 0;
    size_t pe = tr->span.end + 8 < sent.end ? tr->span.end + 8 : sent.end;
    static const char *const by[] = {"by"};
    return !has_word(t, tr->span.end, pe, by, 1);
}

/* A place that can stand in for an unnamed event location: inside the
 * home country, below country level ("Ankara" named for a statement is no
 * location for a strike in Syria). */
static int home_place(const sr_place_ref *w)
{
    return w->admin1 && *w->admin1 && w->country && !strcmp(w->country, "SY");
}

static const char *const armed_nouns[] = {"terrorists", "militants", "fighters", "rebels",
                                          "jihadists", "soldiers", "troops", "gunmen",
                                          "members", "insurgents", "combatants", "militiamen"};

/* A protest or riot told without a named crowd ("hundreds demonstrated in
 * X"): ACLED's "Protesters (<country>)" / "Rioters (<country>)", the
 * country of the sentence's place (else the previous sentence's); with no
 * country known the uncountried FALLBACK actor. */
static int crowd_actor(const coder *k, const sent_view *sv, const char *prefix,
                       const char *fallback)
{
    const char *country = NULL;
    for (int pass = 0; pass < 2 && !country; pass++) {
        for (size_t i = 0; i < sv->n && !country; i++)
            if (sv->m[i].kind == SR_MENTION_PLACE && sv->m[i].where.country &&
                *sv->m[i].where.country &&
                (pass || (sv->m[i].where.admin1 && *sv->m[i].where.admin1)))
                country = sv->m[i].where.country;
        if (!country && !pass && k->have_prev_place)
            country = k->prev_first_place.country;
    }
    int a = kb_country_actor(k->kb, prefix, strlen(prefix), country);
    return a >= 0 ? a : sr_kb_actor_find(k->kb, fallback);
}

/* A protest told without a named crowd is an event only when the report
 * tells it as one: the trigger is spelt as a crowd word (folding lets
 * "Reuters" meet "rioters"); a verb is used intransitively ("demonstrated
 * in X", not "demonstrated the risks"); a noun ("protests") has a day of
 * its own and is no "demonstration of" something - "the war began with
 * anti-government protests" is background. */
static int crowd_event(const coder *k, const sent_view *sv, const sr_mention *tr, sr_span sent)
{
    static const char *const stems[] = {"protest", "demonstr", "riot", "rall",  "march",
                                        "sit-in",  "street",   "mob",  "stone", "pelt",
                                        "chant",   "lynch"};
    int crowd_word = 0;
    for (size_t i = 0; i < sizeof stems / sizeof *stems && !crowd_word; i++) {
        size_t n = strlen(stems[i]);
        for (size_t p = tr->span.start; p + n <= tr->span.end && !crowd_word; p++)
            crowd_word = !strncasecmp(k->t + p, stems[i], n);
    }
    if (!crowd_word)
        return 0;
    /* "called for campaigners to protest": an intention */
    static const char *const to[] = {"to"};
    size_t ps = tr->span.start > sent.start + 4 ? tr->span.start - 4 : sent.start;
    if (has_word(k->t, ps, tr->span.start, to, 1))
        return 0;
    size_t s, e;
    next_word(k->t, tr->span.end, sent.end, &s, &e);
    if (tr->frame & SR_FRAME_NOUN) {
        static const char *const of[] = {"of"};
        if (has_word(k->t, s, e, of, 1))
            return 0;
        for (size_t i = 0; i < sv->n; i++)
            if (sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY)
                return 1;
        return 0;
    }
    static const char *const intrans[] = {"in",      "against", "outside", "near",   "on",
                                          "for",     "through", "across",  "to",     "of",
                                          "peacefully", "again", "after",  "before", "around",
                                          "along",   "demanding", "calling", "chanting", "over",
                                          "inside",  "into",    "towards", "toward", "from",
                                          "last",    "this",    "late",    "early",  "during"};
    /* rioters pelt and burn things: only a protest verb must stand alone */
    return strcmp(tr->value, "Peaceful protest") || e == s ||
           has_word(k->t, s, e, intrans, sizeof intrans / sizeof *intrans);
}

/* Protesters facing force: 0 when the sentence names no crowd ("the group
 * dispersed its fighters"); else the unnamed crowd joins side 2 unless a
 * protester actor is already a side. */
static int crowd_side(const coder *k, const sent_view *sv, sr_span sent, sr_event *proto)
{
    static const char *const crowd[] = {"protesters", "protestors", "demonstrators", "protest",
                                        "protests",   "demonstration", "demonstrations", "crowd",
                                        "crowds",     "rally",      "sit-in",     "marchers",
                                        "mourners"};
    if (!has_word(k->t, sent.start, sent.end, crowd, sizeof crowd / sizeof *crowd))
        return 0;
    const sr_kb *kb = k->kb;
    int have = 0;
    if (proto->actor1 >= 0)
        have |= kb->actors[proto->actor1].kind == SR_ACTOR_PROTESTERS;
    if (proto->actor2 >= 0)
        have |= kb->actors[proto->actor2].kind == SR_ACTOR_PROTESTERS;
    if (!have)
        side_add(proto, 2, crowd_actor(k, sv, "PRO", "PROTESTERS"));
    return 1;
}

/* ACLED codes the protesters as actor 1 of a protest with intervention,
 * the force that intervened as actor 2. */
static void crowd_first(const sr_kb *kb, sr_event *e)
{
    if (e->actor2 < 0 || kb->actors[e->actor2].kind != SR_ACTOR_PROTESTERS)
        return;
    int a = e->actor1, as[SR_CODE_MAX_ASSOC], n = e->n_assoc1;
    memcpy(as, e->assoc1, sizeof as);
    e->actor1 = e->actor2;
    memcpy(e->assoc1, e->assoc2, sizeof as);
    e->n_assoc1 = e->n_assoc2;
    e->actor2 = a;
    memcpy(e->assoc2, as, sizeof as);
    e->n_assoc2 = n;
}

static void code_trigger(coder *k, const sent_view *sv, size_t ti, sr_span sent,
                         const sr_place_ref *prev_place)
{
    const sr_kb *kb = k->kb;
    const char *t = k->t;
    const sr_mention *tr = &sv->m[ti];
    unsigned fr = tr->frame;
    /* negation just before the trigger: "did not attack", "no clashes" */
    for (size_t i = 0; i < ti; i++)
        if (sv->m[i].kind == SR_MENTION_NEGATION && tr->span.start - sv->m[i].span.end < 30)
            return;
    /* what a speaker claims, accuses or denies is a statement, not an
     * event ("X accused Y of executing ...", "Y denied this"); a claim of
     * responsibility is a claimed event */
    for (size_t i = 0; i < ti; i++) {
        const sr_mention *h = &sv->m[i];
        if (h->kind == SR_MENTION_HEDGE && h->value &&
            (!strcmp(h->value, "claimed") || !strcmp(h->value, "denied"))) {
            static const char *const resp[] = {"responsibility"};
            if (!has_word(t, h->span.start, h->span.end, resp, 1))
                return;
        }
    }
    /* an agreement mentioned as violated is not a new agreement */
    if (!strcmp(tr->value, "Agreement") &&
        has_word(t, sent.start, sent.end, violation_words,
                 sizeof violation_words / sizeof *violation_words))
        return;
    const char *strike_sub = NULL;
    if (fr & SR_FRAME_STRIKE) {
        static const char *const strike_words[] = {"strike", "strikes"};
        if (has_word(t, sent.start, sent.end, air_words, sizeof air_words / sizeof *air_words) ||
            (has_word(t, tr->span.start, tr->span.end, strike_words, 2) &&
             !has_word(t, sent.start, sent.end, shell_words, sizeof shell_words / sizeof *shell_words)))
            strike_sub = "Air/drone strike";
        else if (has_word(t, sent.start, sent.end, shell_words,
                          sizeof shell_words / sizeof *shell_words))
            strike_sub = "Shelling/artillery/missile attack";
        else
            return;
    }
    /* "the attack on X", "the recent clashes": a reference back to an event
     * already told, not a new one */
    if (fr & SR_FRAME_NOUN) {
        size_t ps = tr->span.start > sent.start + 24 ? tr->span.start - 24 : sent.start;
        int definite = has_word(t, ps, tr->span.start, determiners,
                                sizeof determiners / sizeof *determiners);
        int own_date = 0;
        for (size_t i = 0; i < sv->n; i++)
            own_date |= sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY;
        if (definite && !own_date) {
            /* "the shelling was carried out by Daesh": a maker named for
             * an event already told, whose maker was unknown */
            static const char *const by[] = {"by"};
            for (size_t i = ti + 1; i < sv->n; i++)
                if (usable_actor(kb, &sv->m[i]) &&
                    has_word(t, tr->span.end, sv->m[i].span.start, by, 1)) {
                    for (size_t e = k->out->n_events; e-- > 0;)
                        if (!strcmp(k->out->events[e].sub_event_type, tr->value) &&
                            k->out->events[e].actor1 == k->unidentified) {
                            k->out->events[e].actor1 = sv->m[i].actor;
                            add_evidence(&k->out->events[e], sent);
                            finish_actors(k, &k->out->events[e]);
                            break;
                        }
                    break;
                }
            /* a toll told for "the clashes" belongs to the clashes told
             * before - once (ACLED: never repeated per event) */
            int vague = 0;
            long long deaths = sentence_deaths(k, sv, sent, &vague);
            /* the same type first, then any battle */
            for (int pass = 0; pass < 2 && deaths && !k->toll_given; pass++)
                for (size_t e = 0; e < k->out->n_events && !k->toll_given; e++) {
                    sr_event *x = &k->out->events[e];
                    int fits = pass == 0 ? !strcmp(x->sub_event_type, tr->value)
                                         : x->event_type && !strcmp(x->event_type, "Battles");
                    if (fits) {
                        x->fatalities = deaths;
                        add_evidence(x, sent);
                        k->toll_given = 1;
                    }
                }
            return;
        }
    }
    int a1 = -1, a2 = -1;
    size_t first_before = (size_t)-1, first_after = (size_t)-1, last_before = (size_t)-1;
    /* parenthesis depth at each mention, in one pass over the sentence */
    size_t scan = sent.start;
    int depth = 0;
    for (size_t i = 0; i < sv->n; i++) {
        for (; scan < sv->m[i].span.start && scan < sent.end; scan++)
            depth += t[scan] == '(' ? 1 : t[scan] == ')' ? -1 : 0;
        if (!usable_actor(kb, &sv->m[i]) || depth > 0)
            continue;
        if (sv->m[i].span.end <= tr->span.start) {
            if (first_before == (size_t)-1)
                first_before = i;
            last_before = i;
        } else if (sv->m[i].span.start >= tr->span.end && first_after == (size_t)-1)
            first_after = i;
    }
    (void)last_before;
    sr_event proto;
    memset(&proto, 0, sizeof proto);
    proto.actor1 = proto.actor2 = -1;
    /* passive: "was targeted by X", "shelled by X" */
    int passive = 0;
    if (first_after != (size_t)-1) {
        size_t gs = tr->span.end, ge = sv->m[first_after].span.start;
        static const char *const by[] = {"by"};
        passive = ge > gs && words_between(t, gs, ge) <= 4 && has_word(t, gs, ge, by, 1);
    }
    int between = 0;
    if (first_after != (size_t)-1) {
        static const char *const bw[] = {"between"};
        between = has_word(t, tr->span.end, sv->m[first_after].span.start, bw, 1);
    }
    size_t subj = first_before, obj = first_after;
    /* "two Turkistan fighters ... were killed in the airstrike": people
     * killed or wounded by the event are its target, not its agent */
    if (subj != (size_t)-1 && !(fr & SR_FRAME_MUTUAL) &&
        has_word(t, sv->m[subj].span.end, tr->span.start, victim_words,
                 sizeof victim_words / sizeof *victim_words)) {
        obj = subj;
        subj = (size_t)-1;
    }
    if ((fr & SR_FRAME_MUTUAL) && between) {
        subj = first_after;
        size_t end1 = coordinated(t, sv, subj, +1);
        obj = end1 != subj ? end1 : (size_t)-1;
        side_add(&proto, 1, sv->m[subj].actor);
        if (obj != (size_t)-1)
            side_add(&proto, 2, sv->m[obj].actor);
        /* "between X and Y" resolves a pair; an anaphor may carry both */
        if (sv->m[subj].actor2 >= 0)
            side_add(&proto, 2, sv->m[subj].actor2);
    } else if ((fr & SR_FRAME_MUTUAL) && !passive) {
        /* "heavy clashes broke out when X tried to arrest Y", "X clashed with
         * Y": the first two sides named in the sentence */
        for (size_t i = 0; i < sv->n; i++)
            if (usable_actor(kb, &sv->m[i])) {
                if (proto.actor1 < 0)
                    side_add(&proto, 1, sv->m[i].actor);
                else if (proto.actor2 < 0 && sv->m[i].actor != proto.actor1)
                    side_add(&proto, 2, sv->m[i].actor);
                if (sv->m[i].actor2 >= 0 && proto.actor2 < 0)
                    side_add(&proto, 2, sv->m[i].actor2);
            }
    } else if ((fr & SR_FRAME_PARTIES) && between) {
        size_t end1 = coordinated(t, sv, first_after, +1);
        for (size_t i = first_after; i <= end1; i++)
            if (usable_actor(kb, &sv->m[i]))
                side_add(&proto, proto.actor1 < 0 ? 1 : 2, sv->m[i].actor);
    } else if (fr & SR_FRAME_PARTIES) {
        /* the parties: the coordinated actors nearest before the trigger
         * ("X and Y signed"), else after it */
        size_t anchor_i = first_before != (size_t)-1 ? first_before : first_after;
        if (anchor_i != (size_t)-1) {
            size_t end = coordinated(t, sv, anchor_i, +1);
            size_t lo = end < anchor_i ? end : anchor_i, hi = end < anchor_i ? anchor_i : end;
            for (size_t i = lo; i <= hi; i++)
                if (usable_actor(kb, &sv->m[i])) {
                    side_add(&proto, proto.actor1 < 0 ? 1 : 2, sv->m[i].actor);
                    if (sv->m[i].actor2 >= 0)
                        side_add(&proto, 2, sv->m[i].actor2);
                }
        }
    } else {
        if (passive) {
            /* "killed in raids by the US-led coalition": the agent follows "by" */
            subj = first_after;
            obj = first_before;
        }
        if (subj != (size_t)-1) {
            side_add(&proto, 1, sv->m[subj].actor);
            if (sv->m[subj].actor2 >= 0)
                side_add(&proto, (fr & SR_FRAME_MUTUAL) ? 2 : 1, sv->m[subj].actor2);
            size_t end = coordinated(t, sv, subj, passive ? +1 : -1);
            size_t lo = end < subj ? end : subj, hi = end < subj ? subj : end;
            for (size_t i = lo; i <= hi; i++)
                if (usable_actor(kb, &sv->m[i]))
                    side_add(&proto, 1, sv->m[i].actor);
        }
        if (obj != (size_t)-1 && !(fr & SR_FRAME_ONE_SIDE)) {
            side_add(&proto, 2, sv->m[obj].actor);
            size_t end = coordinated(t, sv, obj, passive ? -1 : +1);
            size_t lo = end < obj ? end : obj, hi = end < obj ? obj : end;
            for (size_t i = lo; i <= hi; i++)
                if (usable_actor(kb, &sv->m[i]))
                    side_add(&proto, 2, sv->m[i].actor);
        }
    }
    a1 = proto.actor1;
    a2 = proto.actor2;
    /* nobody named: not codeable - except a strike or blast, whose maker
     * is usually unknown (ACLED codes an unidentified armed group) */
    const char *etype = sr_acled_event_type(strike_sub ? strike_sub : tr->value);
    if (a1 < 0 && a2 < 0 && etype && (fr & SR_FRAME_ONE_SIDE) &&
        (!strcmp(etype, "Protests") || !strcmp(etype, "Riots")) && crowd_event(k, sv, tr, sent)) {
        int crowd = !strcmp(etype, "Protests") ? crowd_actor(k, sv, "PRO", "PROTESTERS")
                                               : crowd_actor(k, sv, "RIO", "RIOTERS");
        side_add(&proto, 1, crowd);
        a1 = proto.actor1;
    }
    if (a1 < 0 && a2 < 0 && !(fr & SR_FRAME_KILLS) &&
        !(etype && !strcmp(etype, "Explosions/Remote violence")))
        return;
    /* an agreement has two parties ("the ceasefire took effect" alone is
     * background) */
    if ((fr & SR_FRAME_PARTIES) && !strcmp(tr->value, "Agreement") && (a1 < 0 || a2 < 0))
        return;
    /* protesters are people, not a state's forces or government */
    if (!strcmp(tr->value, "Peaceful protest") && a1 >= 0 &&
        (kb->actors[a1].kind == SR_ACTOR_STATE_FORCE || kb->actors[a1].kind == SR_ACTOR_GOVERNMENT))
        return;
    /* fighters or police who march or rally are no crowd ("rebels marched
     * on X", "security forces fired on the protest") */
    if (etype && (!strcmp(etype, "Protests") || !strcmp(etype, "Riots")) &&
        (fr & SR_FRAME_ONE_SIDE) && a1 >= 0 &&
        (armed(kb, a1) || kb->actors[a1].kind == SR_ACTOR_POLICE))
        return;
    /* in violence, political bodies, monitors and outlets are no side */
    const char *vtype = sr_acled_event_type(strike_sub ? strike_sub : tr->value);
    int violent = vtype && (!strcmp(vtype, "Battles") || !strcmp(vtype, "Explosions/Remote violence") ||
                            !strcmp(vtype, "Violence against civilians") ||
                            (fr & SR_FRAME_TERRITORY));
    if (violent) {
        int *sides[2] = {&proto.actor1, &proto.actor2};
        for (int q = 0; q < 2; q++) {
            int x = *sides[q];
            if (x < 0)
                continue;
            sr_actor_kind kd = kb->actors[x].kind;
            if (kd == SR_ACTOR_POLITICAL || kd == SR_ACTOR_MONITOR ||
                       kd == SR_ACTOR_NEWS_OUTLET || kd == SR_ACTOR_INTERNATIONAL_ORG) {
                *sides[q] = -1;
            }
        }
        if (proto.actor1 < 0 && proto.actor2 >= 0 && !(fr & SR_FRAME_MUTUAL) &&
            etype && !strcmp(etype, "Explosions/Remote violence")) {
            /* keep the target as the target */
        }
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    /* civilians are the victims of violence, never its agent (ACLED) */
    if (proto.actor1 >= 0 && kb->actors[proto.actor1].kind == SR_ACTOR_CIVILIANS &&
        strcmp(tr->value, "Peaceful protest") && strcmp(tr->value, "Violent demonstration") &&
        strcmp(tr->value, "Mob violence")) {
        int civ = proto.actor1;
        proto.actor1 = proto.actor2 >= 0 && proto.actor2 != civ ? proto.actor2 : -1;
        proto.actor2 = civ;
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    /* sub-event type */
    const char *sub = strike_sub ? strike_sub : tr->value;
    if (fr & SR_FRAME_KILL) {
        /* "the Syrian army killed 28 militants", "gunmen killed two
         * civilians": only with a named killer; passive "were killed in"
         * leaves the event to the other trigger of the sentence */
        /* "a sniper fire of Jabhat al-Nusra terrorists": the killer after
         * "of" or "by" */
        if (proto.actor1 < 0 && first_after != (size_t)-1) {
            static const char *const ofby[] = {"of", "by"};
            if (has_word(t, tr->span.end, sv->m[first_after].span.start, ofby, 2) &&
                words_between(t, tr->span.end, sv->m[first_after].span.start) <= 3) {
                int killer = sv->m[first_after].actor;
                if (proto.actor2 == killer)
                    proto.actor2 = -1;
                proto.actor1 = killer;
            }
        }
        if (proto.actor1 < 0 || passive_no_agent(t, tr, sent))
            return;
        /* someone is killed: a named victim or a count after the verb
         * ("including killing each other" is no event) */
        int victim = proto.actor2 >= 0;
        for (size_t i = ti + 1; i < sv->n && !victim; i++)
            victim = sv->m[i].kind == SR_MENTION_NUMBER && !sv->m[i].number.is_year &&
                     !sv->m[i].number.is_ordinal;
        if (!victim)
            return;
        int armed_victim = proto.actor2 >= 0 && armed(kb, proto.actor2);
        /* "killed 28 ISIS terrorists": the counted noun says who died */
        for (size_t i = ti + 1; i < sv->n && !armed_victim && proto.actor2 < 0; i++) {
            const sr_mention *nm = &sv->m[i];
            if (nm->kind == SR_MENTION_NUMBER && nm->number.noun.end > nm->number.noun.start &&
                has_word(t, nm->number.noun.start, nm->number.noun.end, armed_nouns,
                         sizeof armed_nouns / sizeof *armed_nouns)) {
                armed_victim = 1;
                for (size_t q = 0; q < sv->n; q++)
                    if (usable_actor(kb, &sv->m[q]) && sv->m[q].actor != proto.actor1 &&
                        armed(kb, sv->m[q].actor)) {
                        side_add(&proto, 2, sv->m[q].actor);
                        break;
                    }
            }
        }
        sub = armed_victim ? "Armed clash" : "Attack";
        if (!armed_victim && proto.actor2 < 0)
            side_add(&proto, 2, sr_kb_actor_find(kb, "CIVILIANS"));
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    if (fr & SR_FRAME_TERRITORY) {
        /* taking ground needs the ground: a place (or "the town/village")
         * after the verb; "fighters who have captured during ..." has none */
        static const char *const ground[] = {"town", "village", "city", "area", "hill",
                                             "positions", "checkpoints", "base", "hq",
                                             "headquarters", "district", "neighbourhood"};
        int place_after = 0;
        for (size_t i = ti + 1; i < sv->n; i++)
            place_after |= sv->m[i].kind == SR_MENTION_PLACE;
        size_t ge = tr->span.end + 40 < sent.end ? tr->span.end + 40 : sent.end;
        if (!place_after && !has_word(t, tr->span.end, ge, ground, sizeof ground / sizeof *ground))
            return;
    }
    if (fr & SR_FRAME_TERRITORY) {
        int state = a1 >= 0 && (kb->actors[a1].kind == SR_ACTOR_STATE_FORCE ||
                                kb->actors[a1].kind == SR_ACTOR_GOVERNMENT);
        sub = state ? "Government regains territory" : "Non-state actor overtakes territory";
    }
    /* a named person as the target of an arrest, abduction or killing */
    int person_targets[SR_CODE_MAX_ASSOC], n_person = 0;
    if (!strcmp(sub, "Arrests") || !strcmp(sub, "Abduction/forced disappearance") ||
        (fr & SR_FRAME_KILLS))
        for (size_t i = 0; i < sv->n && n_person < SR_CODE_MAX_ASSOC; i++)
            if (person_actor(kb, &sv->m[i]) && sv->m[i].span.start >= tr->span.end)
                person_targets[n_person++] = sv->m[i].actor;
    /* violence against civilians names its victims "civilians" (ACLED) */
    if ((fr & SR_FRAME_KILLS) && (fr & SR_FRAME_CIVILIAN) && a2 < 0 && !n_person) {
        int civ = sr_kb_actor_find(kb, "CIVILIANS");
        side_add(&proto, 2, civ);
        a2 = proto.actor2;
    }
    int civ_target = a2 >= 0 && kb->actors[a2].kind == SR_ACTOR_CIVILIANS;
    if ((fr & SR_FRAME_CIVILIAN) && civ_target && !strcmp(sub, "Armed clash"))
        sub = "Attack";
    /* "Attack" against armed actors is a clash in ACLED's terms */
    if (!strcmp(sub, "Attack") && a2 >= 0 && !civ_target && !(fr & SR_FRAME_KILLS))
        sub = "Armed clash";
    /* a crowd met with force: only where the sentence speaks of one, and
     * with the crowd as a side even when the trigger swallowed its noun
     * ("police fired on protesters") */
    if (!strcmp(sub, "Protest with intervention") || !strcmp(sub, "Excessive force against protesters")) {
        if (!crowd_side(k, sv, sent, &proto))
            return;
        if (!strcmp(sub, "Protest with intervention"))
            crowd_first(kb, &proto);
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    const char *sub_type = sr_acled_event_type(sub);
    if (a1 < 0 && a2 >= 0 && strcmp(sub, "Agreement") &&
        !(sub_type && !strcmp(sub_type, "Explosions/Remote violence")) &&
        kb->actors[a2].kind != SR_ACTOR_CIVILIANS) {
        a1 = a2;
        a2 = -1;
        proto.actor1 = a1;
        proto.actor2 = -1;
    }
    if (a1 < 0) {
        /* "US-led air strikes", "Russian-backed offensive": the state named
         * right before the trigger acts through its forces */
        for (size_t i = 0; i < ti; i++) {
            const sr_mention *bm = &sv->m[i];
            if (bm->kind == SR_MENTION_BACKING && bm->actor >= 0 &&
                tr->span.start - bm->span.end <= 16 &&
                !strncmp(kb->actors[bm->actor].id, "GOV_", 4)) {
                char mil[16];
                snprintf(mil, sizeof mil, "MIL_%s", kb->actors[bm->actor].id + 4);
                proto.actor1 = a1 = sr_kb_actor_find(kb, mil);
            }
        }
    }
    if (a1 < 0) {
        /* unknown perpetrator: ACLED's unidentified armed group */
        int u = sr_kb_actor_find(kb, "UNIDENTIFIED");
        proto.actor1 = u;
    }
    /* certainty */
    sr_certainty cert = SR_CERT_REPORTED;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind == SR_MENTION_HEDGE && m->value) {
            if (!strcmp(m->value, "unconfirmed"))
                cert = SR_CERT_UNCONFIRMED;
            else if (!strcmp(m->value, "denied") && cert == SR_CERT_REPORTED)
                cert = SR_CERT_DENIED;
            else if (!strcmp(m->value, "claimed") && cert == SR_CERT_REPORTED)
                cert = SR_CERT_CLAIMED;
        }
        if (m->kind == SR_MENTION_FUTURE && m->span.end <= tr->span.start &&
            tr->span.start - m->span.end < 40)
            cert = SR_CERT_EXPECTED;
    }
    /* "According to them, ...": the previous sentence's hedge holds */
    static const char *const acc[] = {"according"};
    if (cert == SR_CERT_REPORTED && k->carried != SR_CERT_REPORTED &&
        has_word(t, sent.start, sent.start + 14 < sent.end ? sent.start + 14 : sent.end, acc, 1) &&
        has_word(t, sent.start, sent.start + 30 < sent.end ? sent.start + 30 : sent.end, carry_words,
                 sizeof carry_words / sizeof *carry_words))
        cert = k->carried;
    /* source */
    const char *source = NULL;
    for (size_t i = 0; i < sv->n && !source; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind == SR_MENTION_ACTOR && is_source_actor(kb, m->actor))
            source = kb->actors[m->actor].name;
        else if (m->kind == SR_MENTION_SOURCE && m->value)
            source = m->value;
    }
    if (!source)
        source = k->doc_source_actor >= 0 ? kb->actors[k->doc_source_actor].name
                 : k->doc_source              ? k->doc_source
                 : k->doc->source             ? k->doc->source
                                              : "";
    /* date */
    /* the sentence's own date, else the narrative's current date (the last
     * day mentioned, as HeidelTime's reference time), else the anchor */
    const sr_mention *dm = sentence_date(sv, tr->span.start, k->c);
    sr_date date = k->a->anchor;
    sr_precision prec = date.year ? SR_PREC_DAY : SR_PREC_NONE;
    if (dm) {
        date = dm->timex.date;
        prec = dm->timex.precision;
    } else if (k->last_date.year) {
        date = k->last_date;
        prec = k->last_prec;
    }
    if (cert == SR_CERT_EXPECTED && !dm) {
        date = k->a->anchor; /* a plan is dated when it is told */
        prec = date.year ? SR_PREC_DAY : SR_PREC_NONE;
    }
    int historical = dm && k->a->anchor.year && date.year &&
                     days_of(k->a->anchor) - days_of(date) > HISTORICAL_DAYS;
    /* no anchor: an explicit dated event outside the lead paragraph is the
     * article's background, not its news */
    if (dm && !k->a->anchor.year && date.year && sent.start >= k->first_para_end)
        historical = 1;
    /* deaths */
    int vague = 0;
    long long deaths = sentence_deaths(k, sv, sent, &vague);
    /* places: one event per place */
    const sr_mention *pl[8];
    size_t np = event_places(sv, pl, 8);
    sr_place_ref none;
    memset(&none, 0, sizeof none);
    if (fr & SR_FRAME_PARTIES)
        np = np > 1 ? 1 : np; /* an agreement is one event, wherever it is told */
    size_t loops = np ? np : 1;
    for (size_t p = 0; p < loops; p++) {
        sr_event *e = new_event(k);
        if (!e)
            return;
        *e = proto;
        e->sub_event_type = sub;
        e->event_type = sr_acled_event_type(sub);
        e->date = date;
        e->time_precision = prec;
        e->date_in_text = dm != NULL;
        e->weak = (fr & SR_FRAME_KILL) != 0;
        int country_only = np && pl[p]->where.is_area && (!pl[p]->where.admin1 || !*pl[p]->where.admin1);
        e->where = np && !country_only ? pl[p]->where : (prev_place ? *prev_place : none);
        if (np && !country_only && pl[p]->where.is_area)
            e->where.location = area_location(k, pl[p]);
        /* "fighting in Greater Idlib. ... near the village of X": a region
         * the next sentence narrows to a town in it gives way to the town */
        if (np == 1 && !country_only && pl[0]->where.is_area && k->next_place &&
            k->next_place->sentence == tr->sentence + 1 && !k->next_place->where.is_area &&
            k->next_place->where.admin1 && pl[0]->where.admin1 &&
            !strcmp(k->next_place->where.admin1, pl[0]->where.admin1))
            e->where = k->next_place->where;
        if ((!np || country_only) && k->have_prev_place)
            e->where = k->prev_first_place;
        if (!e->where.location && k->next_place)
            e->where = k->next_place->where; /* the lead names the place next */
        e->certainty = cert;
        e->historical = historical;
        e->source = source;
        e->sentence = tr->sentence;
        add_evidence(e, sent);
        /* a toll goes to one event only (ACLED: never repeated) */
        if (p == 0 && deaths && !k->toll_given) {
            e->fatalities = deaths;
            k->toll_given = 1;
        } else if (p == 0 && vague && (fr & SR_FRAME_KILLS)) {
            e->fatalities_vague = 1;
        }
        if ((fr & SR_FRAME_KILLS) && !deaths && p == 0) {
            /* "beheading a Palestinian boy": one named victim is one death */
            static const char *const one[] = {"a", "an", "one"};
            size_t we = tr->span.end + 4 < sent.end ? tr->span.end + 4 : sent.end;
            if (has_word(t, tr->span.end, we, one, 3) && !k->toll_given) {
                e->fatalities = 1;
                k->toll_given = 1;
            } else
                e->fatalities_vague = 1;
        }
        if (!strcmp(sub, "Arrests") && n_person > 1) {
            /* one arrest event per named detainee (new_event may move the
             * array: keep an index, not a pointer) */
            size_t ei = (size_t)(e - k->out->events);
            e->actor2 = person_targets[0];
            e->n_assoc2 = 0;
            finish_actors(k, e);
            for (int q = 1; q < n_person; q++) {
                sr_event *x = new_event(k);
                if (!x)
                    break;
                *x = k->out->events[ei];
                x->actor2 = person_targets[q];
                finish_actors(k, x);
            }
            continue;
        }
        for (int q = 0; q < n_person; q++)
            side_add(e, 2, person_targets[q]);
        finish_actors(k, e);
    }
}

static int same_actors(const sr_event *x, const sr_event *y)
{
    return (x->actor1 == y->actor1 && x->actor2 == y->actor2) ||
           (x->actor1 == y->actor2 && x->actor2 == y->actor1) ||
           /* a later sentence naming the target of the same strike */
           (x->actor1 == y->actor1 && (x->actor2 < 0 || y->actor2 < 0));
}

static int same_place(const sr_event *x, const sr_event *y)
{
    const char *a = x->where.location, *b = y->where.location;
    if (!a || !b)
        return 1; /* a sentence without a place adds to the located event */
    if (!strcmp(a, b))
        return 1;
    /* a report retelling its event names the town once and the province or
     * a neighbourhood the next time: one admin area, one event */
    return x->where.admin1 && y->where.admin1 && *x->where.admin1 &&
           !strcmp(x->where.admin1, y->where.admin1) && (x->where.is_area || y->where.is_area);
}

/* Several sentences about one event merge: same type, actors and place,
 * and a date within a day. */
static void merge_events(coder *k)
{
    sr_coding *o = k->out;
    size_t n = 0;
    for (size_t i = 0; i < o->n_events; i++) {
        sr_event *e = &o->events[i];
        size_t j = 0;
        for (; j < n; j++) {
            sr_event *f = &o->events[j];
            /* a strike or blast by an unknown hand, told again with the
             * street or the city named, is the same strike */
            int unknown_maker = e->actor1 == k->unidentified && f->actor1 == k->unidentified &&
                                (e->actor2 == f->actor2 || e->actor2 < 0 || f->actor2 < 0);
            int same_area = e->where.admin1 && f->where.admin1 &&
                            !strcmp(e->where.admin1, f->where.admin1);
            if (!strcmp(e->sub_event_type, f->sub_event_type) &&
                ((same_actors(e, f) && same_place(e, f)) || (unknown_maker && same_area)) &&
                labs(days_of(e->date) - days_of(f->date)) <= 1 &&
                e->historical == f->historical &&
                (e->certainty == SR_CERT_EXPECTED) == (f->certainty == SR_CERT_EXPECTED))
                break;
        }
        if (j < n) {
            sr_event *f = &o->events[j];
            for (size_t q = 0; q < e->n_evidence; q++)
                add_evidence(f, e->evidence[q]);
            if (!f->fatalities && e->fatalities)
                f->fatalities = e->fatalities;
            /* a date written next to the event beats one assumed for it */
            if (e->date_in_text && !f->date_in_text) {
                f->date = e->date;
                f->time_precision = e->time_precision;
                f->date_in_text = 1;
            }
            if (f->actor2 < 0 && e->actor2 >= 0) {
                f->actor2 = e->actor2;
                finish_actors(k, f);
            }
            if (f->certainty == SR_CERT_REPORTED)
                f->certainty = e->certainty;
            for (int q = 0; q < e->n_assoc1; q++)
                side_add(f, 1, e->assoc1[q]);
            for (int q = 0; q < e->n_assoc2; q++)
                side_add(f, 2, e->assoc2[q]);
            continue;
        }
        o->events[n++] = *e;
    }
    o->n_events = n;
}

static const char *actor_name(const sr_kb *kb, int a)
{
    return a >= 0 ? kb->actors[a].name : "";
}

/* A plain one-sentence summary, in words generated here. */
static void write_notes(coder *k, sr_event *e)
{
    const sr_kb *kb = k->kb;
    char buf[600];
    int n = snprintf(buf, sizeof buf, "%s: %s", e->sub_event_type, actor_name(kb, e->actor1));
    if (e->actor2 >= 0) {
        const char *rel = e->event_type && !strcmp(e->event_type, "Strategic developments")
                              ? "with"
                              : "against";
        n += snprintf(buf + n, sizeof buf - (size_t)n, " %s %s", rel, actor_name(kb, e->actor2));
    }
    if (e->where.location)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " at %s", e->where.location);
    if (e->time_precision != SR_PREC_NONE && e->date.year)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " on %04d-%02d-%02d", e->date.year,
                      e->date.month, e->date.day);
    if (e->fatalities)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "; %lld reported killed", e->fatalities);
    else if (e->fatalities_vague)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "; deaths reported without a number");
    if (e->certainty != SR_CERT_REPORTED)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " (%s)", sr_certainty_name(e->certainty));
    if (e->source && *e->source && n < (int)sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, "; per %s.", e->source);
    else if (n < (int)sizeof buf - 1)
        snprintf(buf + n, sizeof buf - (size_t)n, ".");
    e->notes = sr_arena_strndup(k->doc->arena, buf, strlen(buf));
}

/* Statements: "X accused Y of ...", "X denied ...". */
static void code_statements(coder *k, const sent_view *sv)
{
    const char *t = k->t;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_HEDGE || !m->value)
            continue;
        sr_statement_type type;
        if (!strcmp(m->value, "denied"))
            type = SR_STMT_DENY;
        else if (!strcmp(m->value, "claimed"))
            type = (t[m->span.start] | 32) == 'a' ? SR_STMT_ACCUSE : SR_STMT_CLAIM;
        else
            continue;
        int speaker = -1, target = -1;
        for (size_t j = 0; j < sv->n; j++) {
            const sr_mention *x = &sv->m[j];
            if (x->kind != SR_MENTION_ACTOR || x->actor < 0)
                continue;
            if (x->span.end <= m->span.start)
                speaker = speaker < 0 ? x->actor : speaker;
            else if (target < 0)
                target = x->actor;
        }
        if (speaker < 0)
            continue;
        sr_coding *o = k->out;
        sr_statement *s = sr_arena_grow(k->doc->arena, o->statements,
                                        o->n_statements * sizeof *s, (o->n_statements + 1) * sizeof *s);
        if (!s)
            return;
        o->statements = s;
        s = &o->statements[o->n_statements++];
        s->type = type;
        s->speaker = speaker;
        s->target = target;
        s->date = k->a->anchor;
        s->time_precision = k->a->anchor.year ? SR_PREC_DAY : SR_PREC_NONE;
        s->evidence = m->span;
    }
}

sr_status sr_code(const sr_kb *kb, sr_doc *doc, const sr_cleaned *c, const sr_annotation *a,
                  sr_coding *out)
{
    memset(out, 0, sizeof *out);
    coder k;
    memset(&k, 0, sizeof k);
    k.kb = kb;
    k.doc = doc;
    k.c = c;
    k.a = a;
    k.t = c->text;
    k.out = out;
    k.doc_source_actor = -1;
    k.first_para_end = c->n_body ? c->body[0].end : 0;
    k.unidentified = sr_kb_actor_find(kb, "UNIDENTIFIED");
    for (size_t i = 0; i < a->n_mentions; i++) {
        const sr_mention *m = &a->mentions[i];
        if (k.doc_source_actor < 0 && m->kind == SR_MENTION_ACTOR && is_source_actor(kb, m->actor))
            k.doc_source_actor = m->actor;
        if (!k.doc_source && m->kind == SR_MENTION_SOURCE)
            k.doc_source = m->value;
    }
    sr_place_ref last_place;
    int have_last = 0;
    size_t i = 0;
    while (i < a->n_mentions) {
        size_t s = a->mentions[i].sentence, j = i;
        while (j < a->n_mentions && a->mentions[j].sentence == s)
            j++;
        sent_view sv = {a->mentions + i, j - i};
        sr_span sent = s < a->n_sentences ? a->sentences[s] : a->mentions[i].span;
        size_t first_event = out->n_events;
        k.next_place = NULL;
        for (size_t q = j; q < a->n_mentions && !k.next_place; q++)
            if (a->mentions[q].kind == SR_MENTION_PLACE && home_place(&a->mentions[q].where))
                k.next_place = &a->mentions[q];
        for (size_t q = 0; q < sv.n; q++)
            if (sv.m[q].kind == SR_MENTION_TRIGGER)
                code_trigger(&k, &sv, q, sent, have_last ? &last_place : NULL);
        /* one reading per place and sentence: keep the highest-ranked type */
        size_t w = first_event;
        for (size_t q = first_event; q < out->n_events; q++) {
            sr_event *e = &out->events[q];
            size_t r = first_event;
            for (; r < w; r++) {
                const sr_event *o2 = &out->events[r];
                int place = (o2->where.location && e->where.location &&
                             !strcmp(o2->where.location, e->where.location)) ||
                            (!o2->where.location && !e->where.location);
                /* two readings of one happening share a side; two arrests of
                 * different people are two events */
                int same_type = !strcmp(o2->sub_event_type, e->sub_event_type);
                int clash_of_readings = !same_type && (o2->actor1 == e->actor1 ||
                                                       o2->actor1 == e->actor2 ||
                                                       o2->actor2 == e->actor1);
                /* the same kind of event at the same place told twice in one
                 * sentence ("Coalition Strikes ... bombing raids by the
                 * US-led coalition") is one event, unless they are two
                 * arrests of different people */
                int unknown = o2->actor1 == k.unidentified || e->actor1 == k.unidentified ||
                              o2->actor2 == e->actor2;
                int one_happening = same_type && strcmp(e->sub_event_type, "Arrests") && unknown;
                if (place && (clash_of_readings || one_happening || (same_type && same_actors(o2, e))))
                    break;
            }
            if (r < w) {
                sr_event *keep = &out->events[r];
                int pe = e->weak ? 0 : priority(e->sub_event_type);
                int pk = keep->weak ? 0 : priority(keep->sub_event_type);
                /* a named maker beats an unidentified one */
                if (pe == pk && keep->actor1 == k.unidentified && e->actor1 != k.unidentified)
                    pe++;
                if (pe > pk) {
                    sr_event lost = *keep;
                    *keep = *e;
                    e = &lost;
                    if (!keep->fatalities)
                        keep->fatalities = e->fatalities;
                    side_add(keep, 1, e->actor1);
                    side_add(keep, 2, e->actor2);
                } else {
                    if (!keep->fatalities)
                        keep->fatalities = e->fatalities;
                    side_add(keep, 1, e->actor1);
                    side_add(keep, 2, e->actor2);
                }
                finish_actors(&k, keep);
                continue;
            }
            out->events[w++] = *e;
        }
        out->n_events = w;
        if (out->n_events == first_event && !k.toll_given) {
            /* "Syrian Army Killed 175 ISIS Terrorists": a toll told apart
             * from the event goes to the next event coded (else the last) */
            int vague = 0;
            long long d = sentence_deaths(&k, &sv, sent, &vague);
            if (d && !k.pending_toll)
                k.pending_toll = d;
        } else if (k.pending_toll && !k.toll_given) {
            out->events[first_event].fatalities = k.pending_toll;
            k.toll_given = 1;
        }
        code_statements(&k, &sv);
        k.carried = SR_CERT_REPORTED;
        for (size_t q = 0; q < sv.n; q++)
            if (sv.m[q].kind == SR_MENTION_HEDGE && sv.m[q].value &&
                !strcmp(sv.m[q].value, "unconfirmed"))
                k.carried = SR_CERT_UNCONFIRMED;
        k.have_prev_place = 0;
        for (size_t q = 0; q < sv.n; q++) {
            const sr_mention *m = &sv.m[q];
            if (m->kind == SR_MENTION_PLACE && home_place(&m->where)) {
                if (!k.have_prev_place) {
                    k.prev_first_place = m->where;
                    k.have_prev_place = 1;
                }
                last_place = m->where;
                have_last = 1;
            }
            if (m->kind == SR_MENTION_DATE && m->timex.precision == SR_PREC_DAY &&
                m->timex.date.year &&
                !(a->anchor.year &&
                  days_of(a->anchor) - days_of(m->timex.date) > HISTORICAL_DAYS)) {
                k.last_date = m->timex.date;
                k.last_prec = m->timex.precision;
            }
        }
        i = j;
    }
    if (k.pending_toll && !k.toll_given && out->n_events)
        out->events[out->n_events - 1].fatalities = k.pending_toll;
    merge_events(&k);
    if (out->n_events) {
        out->events[0].primary = 1;
        for (size_t e = 0; e < out->n_events; e++)
            if (!out->events[e].historical) {
                out->events[0].primary = 0;
                out->events[e].primary = 1;
                break;
            }
    }
    for (size_t e = 0; e < out->n_events; e++)
        write_notes(&k, &out->events[e]);
    return SR_OK;
}
