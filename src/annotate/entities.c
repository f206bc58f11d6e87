/* entities.c - mentions from the report body (annotate.h).
 *
 * Per body paragraph: fold to the skeleton (fold.h), find every run of
 * whole words the knowledge base knows (kb_scan, one hash look-up per word
 * for most words), keep the longest match where matches overlap, then turn matches into mentions:
 *   - capitalisation is checked on the original text: acronyms must be in
 *     capitals ("IS" the group, not "is" the verb), names and places that
 *     are capitalised in the data must be capitalised in the text;
 *   - an actor followed by an agent word ("fighters", "security forces") or
 *     preceded by one ("commanders of") keeps the actor and widens the span;
 *   - "X-backed" / "X-linked" make X a backer of the next actor;
 *   - a country's adjective alone ("Turkish policies") is not an actor;
 *   - "the group" / "the two groups" resolve to the most recent named armed
 *     actors in the same or the two previous sentences.
 * Dates and numbers come from timex.c and numbers.c over the same regions.
 * Cost: linear in the body length (one fold, one scan, sorts of matches). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate/annotate_int.h"
#include "kb/kb_int.h"
#include "sitrep/annotate.h"

#define ANAPHOR_WINDOW 2 /* sentences back */

struct sr_annotator {
    const sr_kb *kb;
};

typedef struct hit {
    size_t start, end; /* in the folded paragraph */
    int pattern;
} hit;

typedef struct hits {
    hit *v;
    size_t n, cap;
    sr_arena *a;
    int oom;
    const sr_kb *kb;
} hits;

/* The kinds' names in sr_mention_kind order, listed once for the name table
 * and for the JSON writer's ready-made "NAME","text": pieces. */
#define MENTION_KINDS(X)                                                                           \
    X("actor") X("place") X("date") X("number") X("source") X("hedge") X("negation")               \
        X("future") X("backing") X("trigger")
#define KIND_NAME(k) k,
static const char *const mention_names[SR_MENTION_KIND_COUNT] = {MENTION_KINDS(KIND_NAME)};
#undef KIND_NAME

const char *sr_mention_kind_name(sr_mention_kind k)
{
    return (unsigned)k < SR_MENTION_KIND_COUNT ? mention_names[k] : "?";
}

sr_status sr_annotator_new(sr_annotator **out, const sr_kb *kb)
{
    *out = NULL;
    sr_annotator *an = calloc(1, sizeof *an);
    if (!an)
        return SR_ENOMEM;
    an->kb = kb;
    *out = an;
    return SR_OK;
}

void sr_annotator_free(sr_annotator *an)
{
    if (!an)
        return;
    free(an);
}

static int on_match(int pattern, size_t start, size_t end, void *ctx)
{
    hits *h = ctx;
    if (h->n == h->cap) {
        size_t nc = h->cap ? h->cap * 2 : 64;
        hit *nv = sr_arena_grow(h->a, h->v, h->cap * sizeof *nv, nc * sizeof *nv);
        if (!nv) {
            h->oom = 1;
            return 1;
        }
        h->v = nv;
        h->cap = nc;
    }
    h->v[h->n++] = (hit){start, end, pattern};
#if defined(__GNUC__)
    /* the checks after the scan read each match's targets, which lie far
     * apart in a large table: fetching them now, while the scan goes on,
     * hides most of the cache misses (the pattern itself is at hand: the
     * scan has just compared it) */
    __builtin_prefetch(&h->kb->targets[h->kb->patterns[pattern].first_target]);
#endif
    return 0;
}

static int hit_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (y->end > x->end) - (y->end < x->end); /* longer first */
}

/* Sorts hits by hit_cmp.  kb_scan reports them by start and then by end,
 * so only the runs of one start are out of place, and they are short:
 * insertion sort is linear in practice; past 4n moves, say for
 * pathological nesting, qsort finishes the job (hit_cmp has no ties: two
 * hits with the same span are the same pattern). */
static void sort_hits(hit *v, size_t n)
{
    size_t moves = 0, budget = 4 * n + 64;
    for (size_t i = 1; i < n; i++) {
        hit x = v[i];
        size_t j = i;
        while (j > 0 && hit_cmp(&v[j - 1], &x) > 0) {
            v[j] = v[j - 1];
            j--;
            moves++;
        }
        v[j] = x;
        if (moves > budget) {
            qsort(v, n, sizeof *v, hit_cmp);
            return;
        }
    }
}

/* ---- original-text checks ---- */

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

static int is_letter(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* The original span behind folded bytes [i, j): from the source of byte i
 * to the end of the character that produced byte j-1.  (sr_norm_span would
 * run on to the next kept character, past punctuation the fold dropped.) */
static sr_span orig_span(const sr_norm *f, const char *t, size_t base, size_t i, size_t j)
{
    size_t s = f->map[i], e = f->map[j - 1];
    const unsigned char *p = (const unsigned char *)t + base;
    e++;
    while ((p[e] & 0xC0) == 0x80)
        e++;
    /* matches are whole words: letters the fold absorbed at the end of the
     * word ("will" -> "wil", "Hurras" -> "huras"), and an ayn sign or
     * apostrophe between letters ("al-Mazra'a"), still belong to it */
    size_t lim = f->map[f->len];
    while (e < lim) {
        size_t k = 0; /* bytes of a sign before the next letter */
        if (p[e] == '\'')
            k = 1;
        else if (p[e] == 0xCA && (p[e + 1] == 0xBC || p[e + 1] == 0xBE || p[e + 1] == 0xBF))
            k = 2; /* modifier letters: apostrophe, half rings */
        else if (p[e] == 0xE2 && p[e + 1] == 0x80 && (p[e + 2] == 0x98 || p[e + 2] == 0x99))
            k = 3; /* typographic quotes */
        if (e + k >= lim || !is_letter(p[e + k]))
            break;
        if (k && (p[e + k] | 32) == 's' && (e + k + 1 >= lim || !is_letter(p[e + k + 1])))
            break; /* a possessive "'s" is not part of the name */
        e += k + 1;
    }
    return (sr_span){s + base, e + base};
}
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

static int caps_ok(const char *t, sr_span s, unsigned flags)
{
    if (flags & KF_ACRONYM) {
        /* every ASCII letter a capital, possessive 's excepted */
        size_t end = s.end;
        if (end - s.start > 2 && t[end - 1] == 's' && (t[end - 2] == '\'' || (unsigned char)t[end - 2] == 0x99))
            end -= 2;
        for (size_t i = s.start; i < end; i++)
            if (is_lower((unsigned char)t[i]))
                return 0;
        return 1;
    }
    if (flags & KF_CAPITAL) {
        /* a proper name: some word of it starts with a capital ("western
         * Aleppo countryside"), or it is written in another script */
        for (size_t i = s.start; i < s.end; i++) {
            unsigned char c = (unsigned char)t[i];
            if ((i == s.start || t[i - 1] == ' ' || t[i - 1] == '-') && (is_upper(c) || c >= 0x80))
                return 1;
        }
        return 0;
    }
    return 1;
}

/* "IS fighters", "IS-held", "the WHO said": an acronym that is also a
 * common word names the group when written in capitals among lower-case
 * prose.  The next word in the sentence decides (the one before when none
 * follows): one in capitals too means an all-caps headline or shout ("THIS
 * IS THE END"), where it is only the word, as it is before an article. */
static int word_in(const char *t, size_t s, size_t e, const char *const *w, size_t n);
static int acronym_in_prose(const char *t, sr_span s)
{
    if (s.end - s.start < 2)
        return 0;
    for (size_t i = s.start; i < s.end; i++)
        if (!is_upper((unsigned char)t[i]))
            return 0;
    size_t i = s.end;
    while (t[i] && !strchr("\n.!?;:", t[i]) && !is_letter((unsigned char)t[i]))
        i++;
    if (i > s.end && is_letter((unsigned char)t[i]) && (t[i] | 32) == 's' && !is_letter((unsigned char)t[i + 1]))
        for (i++; t[i] && !strchr("\n.!?;:", t[i]) && !is_letter((unsigned char)t[i]); i++)
            ; /* "IS's fighters": the possessive is no word */
    if (is_letter((unsigned char)t[i])) {
        /* "this IS the end", "it IS not": the verb, stressed */
        static const char *const verb[] = {"the", "a", "an", "not", "no", "being", "that", "what"};
        size_t ws = i;
        int lower = 0;
        for (; is_letter((unsigned char)t[i]); i++)
            lower |= is_lower((unsigned char)t[i]);
        return lower && !word_in(t, ws, i, verb, sizeof verb / sizeof *verb);
    }
    for (i = s.start; i > 0 && !strchr("\n.!?;:", t[i - 1]) && !is_letter((unsigned char)t[i - 1]); i--)
        ;
    for (; i > 0 && is_letter((unsigned char)t[i - 1]); i--)
        if (is_lower((unsigned char)t[i - 1]))
            return 1;
    return 0;
}

/* An armed group's acronym read that way ("IS fighters"); a state's or an
 * agency's ("US", "WHO") is left to the longer names that hold it ("US
 * jets", "US-led"): alone it would change many more readings, unreviewed. */
static int group_acronym(const sr_kb *kb, const kb_target *tg, const char *t, sr_span os)
{
    return tg->type == KT_ACTOR && (tg->flags & KF_ACRONYM) &&
           kb->actors[tg->index].kind == SR_ACTOR_ARMED_GROUP && acronym_in_prose(t, os);
}

/* "US air strikes", "US drone", "US-made": a state's acronym that is also
 * a common word ("US") names the state's forces when, in capitals among
 * lower-case prose, it stands as the adjective of a means of force.  Only
 * the demonym reading is let through; alone ("the US said") it stays
 * unread, as group_acronym explains. */
static int state_acronym_as_adjective(const kb_target *tg, const char *t, sr_span os)
{
    static const char *const force[] = {
        "air",      "airstrike", "airstrikes", "strike",   "strikes",  "raid",     "raids",
        "drone",    "drones",    "bombing",    "bombings", "missile",  "missiles", "jets",
        "warplanes", "aircraft", "bombardment", "shelling", "artillery", "helicopter",
        "helicopters"};
    if (!(tg->flags & KF_DEMONYM) || !acronym_in_prose(t, os) || t[os.end] != ' ')
        return 0;
    size_t s = os.end + 1, e = s;
    while (is_letter((unsigned char)t[e]))
        e++;
    return e > s && word_in(t, s, e, force, sizeof force / sizeof *force);
}

/* Do the ASCII letters of T[0..N) spell those of PHRASE, case aside
 * (spaces, hyphens and apostrophes skipped on both sides)?  Non-ASCII
 * text (another script) is not compared. */
static int same_letters(const char *t, size_t n, const char *phrase)
{
    size_t i = 0;
    const char *q = phrase;
    for (;;) {
        while (i < n && !is_letter((unsigned char)t[i]))
            i++;
        while (*q && !is_letter((unsigned char)*q))
            q++;
        if (i == n || !*q)
            return i == n && !*q;
        unsigned char a = (unsigned char)t[i], b = (unsigned char)*q;
        if (a >= 0x80 || b >= 0x80)
            return 1;
        if ((a | 32) != (b | 32))
            return 0;
        i++;
        q++;
    }
}

/* ---- mentions ---- */

typedef struct mlist {
    sr_mention *v;
    size_t n, cap;
    sr_arena *a;
} mlist;

static void init_mention(sr_mention *x, sr_mention_kind kind, sr_span span)
{
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->span = span;
    x->actor = x->actor2 = x->backed_by = x->place = -1;
}

static sr_mention *add_mention(mlist *m, sr_mention_kind kind, sr_span span)
{
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        sr_mention *nv = sr_arena_grow(m->a, m->v, m->cap * sizeof *nv, nc * sizeof *nv);
        if (!nv)
            return NULL;
        m->v = nv;
        m->cap = nc;
    }
    sr_mention *x = &m->v[m->n++];
    init_mention(x, kind, span);
    return x;
}

static int armed(const sr_kb *kb, int a)
{
    if (a < 0)
        return 0;
    sr_actor_kind k = kb->actors[a].kind;
    return k == SR_ACTOR_ARMED_GROUP || k == SR_ACTOR_COALITION || k == SR_ACTOR_STATE_FORCE ||
           k == SR_ACTOR_POLITICAL;
}

static int caps_ok(const char *t, sr_span s, unsigned flags);

/* Picks the actor a pattern means here: among targets whose spelling
 * checks pass on the original text, an acronym written in capitals beats a
 * capitalised name, which beats a lower-case phrase ("SANA" the agency, not
 * Sanaa the capital standing for Yemen's government); then an actor valid at
 * the anchor date beats one that is not.  -1 when none applies. */
static int pick_actor(const sr_kb *kb, const kb_pattern *p, sr_date anchor, const char *t,
                      sr_span os, unsigned *flags)
{
    int best = -1, best_score = -1;
    /* a pattern's targets are sorted by type, actors (type 0) first
     * (kb.c, group_targets): the first other type ends them */
    for (int i = 0; i < p->n_targets; i++) {
        const kb_target *tg = &kb->targets[p->first_target + i];
        if (tg->type != KT_ACTOR)
            break;
        if (!caps_ok(t, os, tg->flags))
            continue;
        /* "Rioters" at a sentence start is not Reuters, "ON" not the UN */
        if (p->common && (tg->flags & (KF_ACRONYM | KF_CAPITAL)) &&
            kb_is_common_word(kb, t + os.start, os.end - os.start) &&
            !group_acronym(kb, tg, t, os) && !state_acronym_as_adjective(tg, t, os))
            continue;
        const sr_actor *a = &kb->actors[tg->index];
        int score = tg->flags & KF_ACRONYM ? 4 : tg->flags & KF_CAPITAL ? 2 : 0;
        int y = anchor.year;
        if (!(y && a->valid_from.year && y < a->valid_from.year) &&
            !(y && a->valid_to.year && y > a->valid_to.year))
            score += 1;
        if (score > best_score) {
            best_score = score;
            best = tg->index;
            *flags = tg->flags;
        }
    }
    return best;
}

static const kb_target *first_target(const sr_kb *kb, const kb_pattern *p, kb_target_type type)
{
    if (!(p->types & (1u << type))) /* most asks: the pattern has no such meaning */
        return NULL;
    for (int i = 0; i < p->n_targets; i++)
        if (kb->targets[p->first_target + i].type == type)
            return &kb->targets[p->first_target + i];
    return NULL;
}


/* ---- sides: phrases that name an actor without making it a side ---- */

/* The word ending at or before P (skipping spaces and commas), at or after
 * LO: [*ws, *we).  Letters and hyphens only; empty when none. */
static void word_left(const char *t, size_t lo, size_t p, size_t *ws, size_t *we)
{
    while (p > lo && (t[p - 1] == ' ' || t[p - 1] == ','))
        p--;
    size_t s = p;
    while (s > lo && (((t[s - 1] | 32) >= 'a' && (t[s - 1] | 32) <= 'z') || t[s - 1] == '-'))
        s--;
    *ws = s;
    *we = p;
}

static int word_in(const char *t, size_t s, size_t e, const char *const *w, size_t n)
{
    if (e > s) {
        /* the first letter, which sr_ann_eq compares first, turns away
         * nearly every word of the list without a call into the loop */
        char c0 = (char)(t[s] | 0x20);
        for (size_t k = 0; k < n; k++)
            if (w[k][0] == c0 && sr_ann_eq(t + s, e - s, w[k]))
                return 1;
        return 0;
    }
    for (size_t k = 0; k < n; k++)
        if (sr_ann_eq(t + s, e - s, w[k]))
            return 1;
    return 0;
}

/* "militants affiliated to the Turkish regime", "a group loyal to IS",
 * "an offshoot of al-Qaeda": the actor at START is named as a backer or
 * parent of someone else, not as a side of the event. */
static int backer_before(const char *t, size_t lo, size_t start, int state)
{
    static const char *const preps[] = {"to", "with", "by", "of"};
    /* "backed by Russian jets" is taking part: not listed */
    static const char *const links[] = {"affiliated", "linked", "loyal", "allied", "tied",
                                        "sponsored", "funded", "close", "connected", "aligned"};
    static const char *const parents[] = {"inspired", "offshoot", "affiliate", "branch",
                                          "splinter", "offshoots", "affiliates", "franchise"};
    size_t ws, we;
    word_left(t, lo, start, &ws, &we);
    /* "the", "its former", demonyms are fine between: "affiliated to the
     * Turkish regime" (the demonym is the actor here) */
    for (int hop = 0; hop < 2 && (sr_ann_eq(t + ws, we - ws, "the") || sr_ann_eq(t + ws, we - ws, "a")); hop++)
        word_left(t, lo, ws, &ws, &we);
    if (!word_in(t, ws, we, preps, sizeof preps / sizeof *preps))
        return 0;
    word_left(t, lo, ws, &ws, &we);
    /* "groups affiliated to al-Nusra" are al-Nusra's own men in wire
     * copy; only a state is named as a mere sponsor that way */
    return we > ws && (word_in(t, ws, we, parents, sizeof parents / sizeof *parents) ||
                       (state && word_in(t, ws, we, links, sizeof links / sizeof *links)));
}

/* "a Russian-made tank", "the Turkish border", "Syrian refugees": a
 * demonym that qualifies a thing or people, never a state as agent. */
static int demonym_not_agent(const char *t, size_t end, size_t lim)
{
    static const char *const nouns[] = {
        "made", "built", "born", "supplied", "manufactured", "refugees", "refugee", "border",
        "borders", "side", "soil", "territory", "territories", "people", "civilians", "children",
        "citizens", "nationals", "national", "families", "city", "cities", "town", "towns",
        "village", "villages", "capital", "coast", "desert", "opposition", "rebels", "rebel",
        "kurds", "officials", "media", "television", "tv", "journalist", "journalists",
        "workers", "doctors", "activists", "observatory", "monitor", "economy", "pound",
        "airspace", "frontier", "crisis", "conflict", "war", "cities", "province", "provinces",
        "passport", "nationality", "dissidents", "exiles", "victims", "man", "woman", "men",
        "women", "boy", "girl"};
    size_t s = end;
    if (s < lim && (t[s] == '-' || t[s] == ' '))
        s++;
    size_t e = s;
    while (e < lim && (((t[e] | 32) >= 'a' && (t[e] | 32) <= 'z')))
        e++;
    return e > s && word_in(t, s, e, nouns, sizeof nouns / sizeof *nouns);
}

/* Is the text at P joined to an Arabic article before it ("al-", "el-",
 * "Al-"), no further back than LO? */
static int article_joined(const char *t, size_t lo, size_t p)
{
    if (p < lo + 3 || t[p - 1] != '-')
        return 0;
    char a = (char)(t[p - 3] | 32), l = (char)(t[p - 2] | 32);
    return (a == 'a' || a == 'e') && l == 'l' &&
           (p == lo + 3 || !(((t[p - 4] | 32) >= 'a' && (t[p - 4] | 32) <= 'z')));
}

/* One paragraph: scan, select, convert.  PSTART is the paragraph's offset
 * in the document text. */
static sr_status annotate_paragraph(sr_annotator *an, sr_doc *doc, const char *t, sr_span para,
                                    const sr_annotation *ann, mlist *ml, hits *h)
{
    const sr_kb *kb = an->kb;
    sr_norm f;
    sr_status st = sr_fold(doc->arena, kb->fold, t + para.start, para.end - para.start, &f);
    if (st != SR_OK)
        return st;
    h->n = 0;
    kb_scan(kb, f.text, f.len, on_match, h);
    if (h->oom)
        return SR_ENOMEM;
    /* drop matches whose every meaning fails the spelling checks on the
     * original ("is" for IS, "western Aleppo countryside" is fine), so a
     * shorter valid match under them can still win */
    size_t valid = 0;
    for (size_t i = 0; i < h->n; i++) {
        const kb_pattern *p = &kb->patterns[h->v[i].pattern];
        if (p->any_case) { /* the loop below would pass it: no need to look */
            h->v[valid++] = h->v[i];
            continue;
        }
        sr_span os = orig_span(&f, t, para.start, h->v[i].start, h->v[i].end);
        int ok = 0;
        /* COMMON is looked up only for a target the spelling passes
         * (-1: not yet): "on" in lower case never meets the stop list */
        int stop = p->stopword, common = p->common ? -1 : 0;
        for (int k = 0; k < p->n_targets && !ok; k++) {
            const kb_target *tg = &kb->targets[p->first_target + k];
            /* "Some" is not Finland, "Will" not a person; an acronym in
             * capitals is checked on the text only: "UN" shares the
             * skeleton of "on", while "IS" is the word "is" as written,
             * read as the group only in lower-case prose */
            if (tg->type != KT_CUE && stop && !(tg->flags & KF_ACRONYM))
                continue;
            /* "al-Maleh" is a Syrian village, not Mali nor Male's Maldives:
             * a name joined to an Arabic article is no country and no
             * country's government or forces */
            if (article_joined(t, para.start, os.start) &&
                ((tg->type == KT_PLACE && kb->places[tg->index].is_country) ||
                 (tg->type == KT_ACTOR && (kb->actors[tg->index].kind == SR_ACTOR_GOVERNMENT ||
                                           kb->actors[tg->index].kind == SR_ACTOR_STATE_FORCE))))
                continue;
            unsigned fl = tg->flags | (tg->type == KT_PLACE || tg->type == KT_GAZ ? KF_CAPITAL : 0);
            ok = caps_ok(t, os, fl);
            if (ok && tg->type != KT_CUE && common && !group_acronym(kb, tg, t, os) &&
                !(tg->type == KT_ACTOR && state_acronym_as_adjective(tg, t, os))) {
                if (common < 0)
                    common = kb_is_common_word(kb, t + os.start, os.end - os.start);
                ok = !common;
            }
        }
        if (ok)
            h->v[valid++] = h->v[i];
    }
    h->n = valid;
    sort_hits(h->v, h->n);
    /* longest match wins; later overlapping matches are dropped, except a
     * place named inside a longer place phrase ("Aleppo" in "the western
     * Aleppo countryside", "Hmeimim" in "Hmeimim Air Base"): the text does
     * name it, and coders want both */
    size_t kept = 0, last_end = 0, outer = (size_t)-1;
    for (size_t i = 0; i < h->n; i++) {
        if (kept && h->v[i].start < last_end) {
            const kb_pattern *op = &kb->patterns[h->v[outer].pattern];
            const kb_pattern *ip = &kb->patterns[h->v[i].pattern];
            /* "the Military Operations Command": a cue ("the military")
             * that runs into a longer name gives way to the name */
            if (op->types == 1u << KT_CUE && (ip->types & ~(1u << KT_CUE)) && h->v[i].end > last_end) {
                h->v[outer] = h->v[i];
                last_end = h->v[i].end;
                continue;
            }
            const kb_target *ot = first_target(kb, op, KT_GAZ), *it = first_target(kb, ip, KT_GAZ);
            if (!ot)
                ot = first_target(kb, op, KT_PLACE);
            if (!it)
                it = first_target(kb, ip, KT_PLACE);
            /* any place named inside the outer place phrase, at any depth,
             * but for the "al-X" that ends a compound name: "al-Sham" in
             * "Busra al-Sham" is no second place */
            if (ot && it && h->v[i].end <= last_end &&
                !(h->v[i].end == last_end && h->v[i].start > h->v[outer].start &&
                  !strncmp(f.text + h->v[i].start, "al ", 3)))
                h->v[kept++] = h->v[i];
            continue;
        }
        outer = kept;
        h->v[kept++] = h->v[i];
        last_end = h->v[i].end;
    }
    h->n = kept;
#if defined(__GNUC__)
    /* the cues of the kept matches, far apart in their table, are fetched
     * together before the loop below reads them one by one */
    for (size_t i = 0; i < h->n; i++) {
        const kb_target *ct = first_target(kb, &kb->patterns[h->v[i].pattern], KT_CUE);
        if (ct)
            __builtin_prefetch(&kb->cues[ct->index]);
    }
#endif
    size_t first_new = ml->n;
    for (size_t i = 0; i < h->n; i++) {
        const kb_pattern *p = &kb->patterns[h->v[i].pattern];
        sr_span os = orig_span(&f, t, para.start, h->v[i].start, h->v[i].end);
        /* actor */
        unsigned aflags = 0;
        int actor = pick_actor(kb, p, ann->anchor, t, os, &aflags);
        if (actor >= 0) {
            if (aflags & KF_DEMONYM) {
                /* only as a backer: "Turkish-backed" (next hit is a backing cue) */
                const kb_pattern *np = i + 1 < h->n ? &kb->patterns[h->v[i + 1].pattern] : NULL;
                const kb_target *bt = np ? first_target(kb, np, KT_CUE) : NULL;
                if (bt && kb->cues[bt->index].kind == CUE_BACKING &&
                    h->v[i + 1].start == h->v[i].end + 1) {
                    sr_span bs = orig_span(&f, t, para.start, h->v[i].start, h->v[i + 1].end);
                    sr_mention *m = add_mention(ml, SR_MENTION_BACKING, bs);
                    if (!m)
                        return SR_ENOMEM;
                    m->actor = actor;
                    m->value = kb->cues[bt->index].value;
                    i++;
                    continue;
                }
                /* "Russian and Syrian strikes", "Turkish shelling": the
                 * adjective names the state's forces as the agent */
                size_t q = demonym_not_agent(t, os.end, para.end) ||
                                   backer_before(t, para.start, os.start, 1)
                               ? h->n
                               : i + 1;
                while (q < h->n && q <= i + 3) {
                    const kb_pattern *qp = &kb->patterns[h->v[q].pattern];
                    const kb_target *qt = first_target(kb, qp, KT_CUE);
                    const kb_target *qa = first_target(kb, qp, KT_ACTOR);
                    if (qt && (kb->cues[qt->index].kind == CUE_TRIGGER ||
                               (kb->cues[qt->index].kind == CUE_GENERIC_ACTOR &&
                                !strncmp(kb->actors[kb->cues[qt->index].actor].id, "MIL_", 4))))
                        break; /* "Russian and regime warplanes" */
                    if (!(qa && (qa->flags & KF_DEMONYM)))
                        q = h->n;
                    else
                        q++;
                }
                if (q < h->n && h->v[q].start - h->v[i].end <= 24) {
                    char mil[16];
                    const char *gid = kb->actors[actor].id;
                    if (!strncmp(gid, "GOV_", 4)) {
                        snprintf(mil, sizeof mil, "MIL_%s", gid + 4);
                        int ma = sr_kb_actor_find(kb, mil);
                        sr_mention *m = ma >= 0 ? add_mention(ml, SR_MENTION_ACTOR, os) : NULL;
                        if (m)
                            m->actor = ma;
                    }
                }
                continue;
            }
            /* a country's or capital's name after "in", "near", ... is a place,
             * not its government ("air strikes in Syria") */
            if ((first_target(kb, p, KT_PLACE) || first_target(kb, p, KT_GAZ)) &&
                kb->actors[actor].kind == SR_ACTOR_GOVERNMENT) {
                static const char *const loc[] = {"in",     "near",   "across",  "into",
                                                  "from",   "to",     "throughout", "inside",
                                                  "at",     "outside", "of",     "capital",
                                                  "toward", "towards", "fled",   "entered",
                                                  "reached", "around", "via",    "through"};
                /* "in northern Syria", "across war-torn Syria": look past
                 * up to two modifiers for the preposition */
                static const char *const mods[] = {
                    "northern", "southern", "eastern", "western", "northwestern", "northeastern",
                    "southwestern", "southeastern", "central", "rural", "war-torn", "wartorn",
                    "north", "south", "east", "west", "northwest", "northeast", "southwest",
                    "southeast", "neighbouring", "neighboring", "government-held",
                    "rebel-held", "opposition-held"};
                int locative = 0;
                size_t w1 = os.start;
                for (int hop = 0; hop < 3 && !locative; hop++) {
                    while (w1 > para.start && t[w1 - 1] == ' ')
                        w1--;
                    size_t w0 = w1;
                    while (w0 > para.start && (((t[w0 - 1] | 32) >= 'a' && (t[w0 - 1] | 32) <= 'z') ||
                                               t[w0 - 1] == '-'))
                        w0--;
                    if (word_in(t, w0, w1, loc, sizeof loc / sizeof *loc))
                        locative = 1;
                    /* "near the border with Turkey" */
                    if (sr_ann_eq(t + w0, w1 - w0, "with")) {
                        static const char *const edge[] = {"border", "borders", "frontier", "crossing"};
                        size_t bs, be;
                        word_left(t, para.start, w0, &bs, &be);
                        if (be > bs && word_in(t, bs, be, edge, 4))
                            locative = 1;
                    }
                    int mod = word_in(t, w0, w1, mods, sizeof mods / sizeof *mods);
                    if (!mod)
                        break;
                    w1 = w0;
                }
                /* a dateline: "05-09-2013 Damascus Car bomb ..." (a
                 * numeric date; "Oct 5 2017 Russia says" is the subject) */
                size_t d = os.start;
                while (d > para.start && t[d - 1] == ' ')
                    d--;
                int dashes = 0;
                size_t d0 = d;
                while (d0 > para.start && ((t[d0 - 1] >= '0' && t[d0 - 1] <= '9') || t[d0 - 1] == '-' ||
                                           t[d0 - 1] == '.' || t[d0 - 1] == '/'))
                    dashes += t[--d0] < '0';
                if (d < os.start && d - d0 >= 8 && dashes == 2)
                    locative = 1;
                /* "Damascus Countryside", "the Damascus airport", "Damascus
                 * Central Prison": the name is part of a place's */
                static const char *const pnouns[] = {
                    "countryside", "province", "governorate", "suburbs", "suburb", "outskirts",
                    "airport", "road", "highway", "city", "central", "international", "university",
                    "prison", "gate", "district", "neighborhood", "neighbourhood", "port"};
                size_t n0 = os.end;
                while (n0 < para.end && t[n0] == ' ')
                    n0++;
                size_t n1 = n0;
                while (n1 < para.end && (t[n1] | 32) >= 'a' && (t[n1] | 32) <= 'z')
                    n1++;
                if (n0 > os.end && n1 > n0 && word_in(t, n0, n1, pnouns, sizeof pnouns / sizeof *pnouns))
                    locative = 1;
                if (locative)
                    actor = -1;
                /* "Aleppo, Syria": the country qualifies the place before */
                if (ml->n > first_new && ml->v[ml->n - 1].kind == SR_MENTION_PLACE) {
                    size_t g = ml->v[ml->n - 1].span.end;
                    while (g < os.start && (t[g] == ' ' || t[g] == ','))
                        g++;
                    if (g == os.start)
                        actor = -1;
                }
            }
            /* "affiliated to X", "an offshoot of X": X backs or parents the
             * actor named before it; X itself is no side here */
            int related = 0;
            if (actor >= 0 &&
                backer_before(t, para.start, os.start,
                              kb->actors[actor].kind == SR_ACTOR_GOVERNMENT ||
                                  kb->actors[actor].kind == SR_ACTOR_STATE_FORCE)) {
                for (size_t k = ml->n; k-- > first_new;) {
                    sr_mention *pm = &ml->v[k];
                    if (pm->kind != SR_MENTION_ACTOR)
                        continue;
                    if (os.start - pm->span.end < 60 && pm->backed_by < 0)
                        pm->backed_by = actor;
                    break;
                }
                related = 1;
            }
            /* "Syria air strikes", "Syrian government shelling": a state
             * named right before the weapon is its forces, as "Syrian" is */
            if (actor >= 0 && !related && i + 1 < h->n && h->v[i + 1].start <= h->v[i].end + 1 &&
                !strncmp(kb->actors[actor].id, "GOV_", 4)) {
                const kb_target *nt = first_target(kb, &kb->patterns[h->v[i + 1].pattern], KT_CUE);
                if (nt && kb->cues[nt->index].kind == CUE_TRIGGER) {
                    char mil[16];
                    snprintf(mil, sizeof mil, "MIL_%s", kb->actors[actor].id + 4);
                    int ma = sr_kb_actor_find(kb, mil);
                    if (ma >= 0)
                        actor = ma;
                }
            }
            if (actor >= 0) {
                sr_mention *m = add_mention(ml, SR_MENTION_ACTOR, os);
                if (!m)
                    return SR_ENOMEM;
                m->actor = actor;
                if (related)
                    m->flags |= SR_MF_RELATED;
            }
        }
        int near = 0;
        int place = p->types & (1u << KT_PLACE | 1u << KT_GAZ)
                        ? kb_place_choose(kb, p, f.text, h->v[i].start, h->v[i].end, f.len, &near)
                        : -1;
        const kb_target *pt = first_target(kb, p, KT_PLACE);
        if (!pt)
            pt = first_target(kb, p, KT_GAZ);
        /* a place named inside a phrase for the same place ("Idlib" in
         * "Idlib city") is one mention, not two */
        int dup = 0;
        for (size_t k = ml->n; k-- > first_new && !dup;) {
            const sr_mention *q = &ml->v[k];
            if (q->span.end <= os.start)
                break;
            dup = q->kind == SR_MENTION_PLACE && q->place == place && q->span.start <= os.start &&
                  os.end <= q->span.end;
        }
        if (place >= 0 && !dup && caps_ok(t, os, pt->flags | KF_CAPITAL) &&
            !(p->common && kb_is_common_word(kb, t + os.start, os.end - os.start))) {
            struct sr_place_ref w;
            kb_place_fill(kb, place, near, &w);
            /* a name inside a longer place phrase is part of that place only
             * in the same or the namesake governorate: "Qara" (Qalamoun) is
             * no second place in "Qara Qozak" (Aleppo); "Damascus" is one in
             * "the Damascus countryside" (Rural Damascus) */
            int apart = 0;
            for (size_t k = ml->n; k-- > first_new && !apart;) {
                const sr_mention *q = &ml->v[k];
                if (q->span.end <= os.start)
                    break;
                apart = q->kind == SR_MENTION_PLACE && q->span.start <= os.start &&
                        os.end <= q->span.end && q->where.admin1 && w.admin1 &&
                        !strstr(q->where.admin1, w.admin1) && !strstr(w.admin1, q->where.admin1);
            }
            sr_mention *m = apart ? NULL : add_mention(ml, SR_MENTION_PLACE, os);
            if (!apart && !m)
                return SR_ENOMEM;
            if (m) {
                m->place = place;
                if (near)
                    m->flags |= SR_MF_CONTEXTUAL;
                m->where = w;
            }
        }
        const kb_target *ct = first_target(kb, p, KT_CUE);
        if (ct && actor < 0 && place < 0) {
            const kb_cue *cue = &kb->cues[ct->index];
            sr_mention *m = NULL;
            /* an English cue word is read as written: the shared fold makes
             * "well" of "will" and "were" of "where" (vowels merge for
             * transliterated names), which no hedge or tense may borrow */
            if ((cue->kind == CUE_HEDGE || cue->kind == CUE_NEGATION || cue->kind == CUE_FUTURE ||
                 cue->kind == CUE_TRIGGER) &&
                !same_letters(t + os.start, os.end - os.start, cue->phrase))
                continue;
            switch (cue->kind) {
            case CUE_HEDGE: m = add_mention(ml, SR_MENTION_HEDGE, os); break;
            case CUE_SOURCE: m = add_mention(ml, SR_MENTION_SOURCE, os); break;
            case CUE_NEGATION: m = add_mention(ml, SR_MENTION_NEGATION, os); break;
            case CUE_FUTURE: m = add_mention(ml, SR_MENTION_FUTURE, os); break;
            case CUE_GENERIC_ACTOR:
                /* "HTS militants", "Turkish security forces": right after a
                 * named actor the noun only says who acts for it */
                if (ml->n > first_new && i > 0 && h->v[i - 1].end + 1 == h->v[i].start &&
                    ml->v[ml->n - 1].kind == SR_MENTION_ACTOR &&
                    !(ml->v[ml->n - 1].flags & SR_MF_GENERIC) &&
                    ml->v[ml->n - 1].span.end <= os.start && os.start - ml->v[ml->n - 1].span.end <= 4) {
                    ml->v[ml->n - 1].span.end = os.end;
                    ml->v[ml->n - 1].flags |= SR_MF_AGENT;
                    continue;
                }
                /* "Aleppo Police Command", "Security Forces Directorate":
                 * part of a name, not an unnamed force */
                if (cue->value[0] == '@' && os.end + 1 < para.end && t[os.end] == ' ' &&
                    t[os.end + 1] >= 'A' && t[os.end + 1] <= 'Z')
                    continue;
                /* "Mujahideen Army": a capitalised noun after a capitalised
                 * word ends a name */
                if (cue->value[0] == '@' && t[os.start] >= 'A' && t[os.start] <= 'Z' &&
                    os.start >= para.start + 2 && t[os.start - 1] == ' ') {
                    size_t w = os.start - 1;
                    while (w > para.start && t[w - 1] != ' ')
                        w--;
                    /* ... but not after a date, a sentence-opening word or a
                     * dateline in capitals: "On Monday Police arrested",
                     * "Meanwhile Troops", "HOMS Police" */
                    static const char *const opener[] = {
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday", "Today", "Yesterday", "Tonight", "Meanwhile", "Later",
                        "Earlier", "Then", "But", "And", "On", "In", "At", "When", "After",
                        "Before", "Also", "Elsewhere", "Overnight", "January", "February",
                        "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"};
                    int open_word = 1;
                    for (size_t q = w + 1; q + 1 < os.start && open_word; q++)
                        open_word = t[q] >= 'A' && t[q] <= 'Z';
                    for (size_t q = 0; q < sizeof opener / sizeof *opener && !open_word; q++)
                        open_word = strlen(opener[q]) == os.start - 1 - w &&
                                    !strncmp(t + w, opener[q], os.start - 1 - w);
                    if (t[w] >= 'A' && t[w] <= 'Z' && (t[os.start - 2] | 32) >= 'a' &&
                        (t[os.start - 2] | 32) <= 'z' && w > para.start && t[w - 2] != '.' &&
                        !open_word)
                        continue;
                }
                /* "the Army of Islam", "the Army of Conquest" */
                if (cue->value[0] == '@' && os.end + 5 < para.end && !strncmp(t + os.end, " of ", 4) &&
                    t[os.end + 4] >= 'A' && t[os.end + 4] <= 'Z')
                    continue;
                m = add_mention(ml, SR_MENTION_ACTOR, os);
                if (m) {
                    m->actor = cue->actor;
                    m->flags |= SR_MF_GENERIC;
                }
                break;
            case CUE_ANAPHOR: {
                m = add_mention(ml, SR_MENTION_ACTOR, os);
                if (!m)
                    return SR_ENOMEM;
                m->flags |= SR_MF_ANAPHOR;
                m->value = cue->value;
                break;
            }
            case CUE_AGENT_SUFFIX: {
                /* widen the actor just before: "HTS's security forces" */
                if (ml->n > first_new) {
                    sr_mention *prev = &ml->v[ml->n - 1];
                    if (prev->kind == SR_MENTION_ACTOR && i > 0 &&
                        h->v[i - 1].end + 1 == h->v[i].start && prev->span.end <= os.start &&
                        os.start - prev->span.end <= 4) {
                        prev->span.end = os.end;
                        prev->flags |= SR_MF_AGENT;
                    }
                }
                continue;
            }
            case CUE_AGENT_PREFIX: {
                /* remembered: the next actor, if adjacent, starts here */
                if (i + 1 < h->n && h->v[i + 1].start == h->v[i].end + 1) {
                    const kb_pattern *np = &kb->patterns[h->v[i + 1].pattern];
                    unsigned nf = 0;
                    int na = -1;
                    sr_span ns = orig_span(&f, t, para.start, h->v[i + 1].start, h->v[i + 1].end);
                    na = pick_actor(kb, np, ann->anchor, t, ns, &nf);
                    if (na >= 0 && !(nf & KF_DEMONYM) && caps_ok(t, ns, nf)) {
                        m = add_mention(ml, SR_MENTION_ACTOR, (sr_span){os.start, ns.end});
                        if (!m)
                            return SR_ENOMEM;
                        m->actor = na;
                        m->flags |= SR_MF_AGENT;
                        i++;
                        continue;
                    }
                }
                continue;
            }
            case CUE_BACKING: {
                /* "HTS-linked": the actor just before backs what follows;
                 * "UK-based" only says where something is */
                if (ml->n > first_new && i > 0 && h->v[i - 1].end + 1 == h->v[i].start &&
                    !strcmp(cue->value, "based")) {
                    while (ml->n > first_new && ml->v[ml->n - 1].span.end <= os.start &&
                           ml->v[ml->n - 1].span.start >=
                               orig_span(&f, t, para.start, h->v[i - 1].start, h->v[i - 1].end).start &&
                           (ml->v[ml->n - 1].kind == SR_MENTION_ACTOR ||
                            ml->v[ml->n - 1].kind == SR_MENTION_PLACE))
                        ml->n--;
                    continue;
                }
                if (ml->n > first_new && i > 0 && h->v[i - 1].end + 1 == h->v[i].start &&
                    !strcmp(cue->value, "related")) {
                    /* "an al-Qaeda offshoot": the group stays named, as no side */
                    sr_mention *prev = &ml->v[ml->n - 1];
                    if (prev->kind == SR_MENTION_ACTOR && !(prev->flags & SR_MF_GENERIC))
                        prev->flags |= SR_MF_RELATED;
                    continue;
                }
                /* "the army backed by militias": a passive, not "X-backed" */
                int by_follows = os.end + 4 <= para.end && !strncmp(t + os.end, " by ", 4);
                /* written apart, the cue must run into a name: "Turkish
                 * backed rebels", but not the verb in "X linked up with",
                 * "X led the assault" */
                int joined = (os.start > para.start && t[os.start - 1] == '-') ||
                             (os.start > para.start + 1 && t[os.start - 2] == '-') ||
                             (os.end < para.end && t[os.end] == '-');
                int named_next = i + 1 < h->n && h->v[i + 1].start == h->v[i].end + 1;
                if (ml->n > first_new && i > 0 && h->v[i - 1].end + 1 == h->v[i].start &&
                    !by_follows && (joined || named_next)) {
                    sr_mention *prev = &ml->v[ml->n - 1];
                    if (prev->kind == SR_MENTION_ACTOR && !(prev->flags & SR_MF_GENERIC) &&
                        prev->span.end <= os.start && os.start - prev->span.end <= 4) {
                        prev->kind = SR_MENTION_BACKING;
                        prev->span.end = os.end;
                        prev->value = cue->value;
                    }
                }
                continue;
            }
            case CUE_TRIGGER:
                m = add_mention(ml, SR_MENTION_TRIGGER, os);
                if (m)
                    m->frame = cue->frame;
                break;
            case CUE_SOURCE_INTRO:
            case CUE_KIND_COUNT: continue;
            }
            if (!m)
                return SR_ENOMEM;
            m->value = cue->value;
        }
    }
    /* a backer applies to the next actor within a few words */
    for (size_t k = first_new; k + 1 < ml->n; k++) {
        if (ml->v[k].kind != SR_MENTION_BACKING || ml->v[k].actor < 0)
            continue;
        for (size_t j = k + 1; j < ml->n && j <= k + 3; j++)
            if (ml->v[j].kind == SR_MENTION_ACTOR && ml->v[j].span.start - ml->v[k].span.end < 40) {
                ml->v[j].backed_by = ml->v[k].actor;
                break;
            }
    }
    return SR_OK;
}

static int mention_cmp(const void *a, const void *b)
{
    const sr_mention *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

/* Sorts mentions by mention_cmp, stably (ties keep the order they were
 * found in, as glibc's merge-sorting qsort kept them).  The list is a few
 * sorted runs - the body's names, then the dates, then the numbers - so a
 * bottom-up merge of the runs is linear in practice and O(n log n) at
 * worst.  Indexes are merged and the mentions (large) moved once, into a
 * new array from arena A, which is returned (V itself when it was in
 * order); without memory, qsort sorts V in place. */
static sr_mention *sort_mentions(sr_arena *a, sr_mention *v, size_t n)
{
    if (n < 2)
        return v;
    size_t nr = 0, *runs = sr_arena_alloc(a, (n + 1) * sizeof *runs);
    uint32_t *ix = sr_arena_alloc(a, 2 * n * sizeof *ix);
    if (!runs || !ix || n > UINT32_MAX) {
        qsort(v, n, sizeof *v, mention_cmp);
        return v;
    }
    runs[nr++] = 0;
    for (size_t i = 0; i < n; i++) {
        ix[i] = (uint32_t)i;
        if (i && mention_cmp(&v[i - 1], &v[i]) > 0)
            runs[nr++] = i;
    }
    if (nr == 1)
        return v; /* already in order */
    runs[nr] = n;
    uint32_t *src = ix, *dst = ix + n;
    while (nr > 1) {
        size_t out = 0;
        for (size_t r = 0; r < nr; r += 2) {
            size_t lo = runs[r], mid = runs[r + 1], hi = r + 2 <= nr ? runs[r + 2] : mid;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = mention_cmp(&v[src[i]], &v[src[j]]) <= 0 ? src[i++] : src[j++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
            runs[out++] = lo;
        }
        runs[out] = n;
        nr = out;
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    sr_mention *sorted = sr_arena_alloc(a, n * sizeof *sorted);
    if (!sorted) {
        qsort(v, n, sizeof *v, mention_cmp);
        return v;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = v[src[i]];
    return sorted;
}

/* "the group" / "the two groups": a centering-style rule.  Candidates are
 * named armed actors (groups, coalitions, state forces) in the current
 * sentence before the anaphor and in the ANAPHOR_WINDOW sentences before
 * it.  The preferred antecedent is the subject of the current sentence when
 * the anaphor comes after it, else the subject of the previous sentence
 * (a sentence's first armed actor stands in for its subject); ties go to
 * the actor mentioned most often so far in the document.  Measured on the
 * seed articles (tests/fixtures/anaphora.tsv): see the README. */
/* What an anaphor's noun admits: "the coalition" only a coalition or a
 * political body (the opposition's Coalition), "the group" / "the faction"
 * never a state's forces (an army is no group), "the two sides" any armed
 * actor. */
static int anaphor_fits(const sr_kb *kb, const char *t, sr_span s, int a)
{
    sr_actor_kind k = kb->actors[a].kind;
    const char *x = t + s.start;
    size_t n = s.end - s.start;
    for (size_t q = 0; q + 5 <= n; q++) {
        if (n - q >= 9 && sr_ann_eq(x + q, 9, "coalition"))
            /* "the coalition", "The Coalition" (the opposition's, a political body) */
            return k == SR_ACTOR_COALITION || k == SR_ACTOR_POLITICAL;
        if (sr_ann_eq(x + q, 5, "sides"))
            return 1;
    }
    return k != SR_ACTOR_STATE_FORCE;
}

/* "X accused HTS of ... the group's attack": the accused is the one the
 * rest of the sentence talks about. */
static int accused_actor(const char *t, size_t lo, const sr_mention *p)
{
    static const char *const verbs[] = {"accused", "accusing", "accuses", "blamed", "blaming",
                                        "blames"};
    size_t ws, we;
    word_left(t, lo, p->span.start, &ws, &we);
    return we > ws && word_in(t, ws, we, verbs, sizeof verbs / sizeof *verbs);
}

/* "The group said ...", "the group added": in wire copy the speaking
 * "group" is the monitor quoted just before (the Observatory), not an
 * armed group.  Whether a speech verb follows the anaphor ending at P. */
static int speaks_after(const char *t, size_t p, size_t lim)
{
    static const char *const verbs[] = {"said", "says", "added", "reported", "reports",
                                        "documented", "stated", "recorded", "counted"};
    for (int hop = 0; hop < 2; hop++) {
        while (p < lim && t[p] == ' ')
            p++;
        size_t e = p;
        while (e < lim && (t[e] | 32) >= 'a' && (t[e] | 32) <= 'z')
            e++;
        if (e == p)
            return 0;
        if (word_in(t, p, e, verbs, sizeof verbs / sizeof *verbs))
            return 1;
        if (!sr_ann_eq(t + p, e - p, "also"))
            return 0;
        p = e;
    }
    return 0;
}

/* "Hader in Quneitra province", "the al-Zahraa neighbourhood of Homs",
 * "Tal Hamis in rural Hasakah": a place followed by the area it lies in.
 * When the name has a namesake in that governorate, the writer meant that
 * one, whatever the gazetteer's first choice was; when it has none, the
 * place is only known to lie in the named area, which it then stands for.
 * Only a few linking words may stand between the two names:
 * only_linking_words gives 1 when "in" or "of" is among them, 2 when only
 * commas and area words are (then the second name must be an area), 3 when
 * they put the place beside the other ("north of", "on the edge of"), and 0
 * otherwise. */
static int only_linking_words(const char *t, size_t s, size_t e)
{
    /* no bare direction: "Maaloula north of Damascus" lies outside it */
    static const char *const link[] = {"in",       "of",       "the",      "northern", "southern",
                                       "eastern",  "western",  "central",  "rural",    "province",
                                       "city",     "town",     "village",  "district", "countryside",
                                       "neighbourhood", "neighborhood", "quarter", "suburb",
                                       "outskirts", "area", "square", "street", "roundabout",
                                       "market", "camp"};
    /* "the al-Sinaa district on the eastern edge of Raqqa": beside, not in */
    static const char *const beside[] = {"on", "edge", "outskirts", "north", "south", "east",
                                         "west", "near", "northeast", "northwest", "southeast",
                                         "southwest"};
    int words = 0, inside = 0, near = 0;
    for (size_t p = s; p < e;) {
        if (t[p] == ' ' || t[p] == ',') {
            p++;
            continue;
        }
        size_t q = p;
        while (q < e && t[q] != ' ' && t[q] != ',')
            q++;
        size_t k = 0;
        while (k < sizeof link / sizeof *link && !sr_ann_eq(t + p, q - p, link[k]))
            k++;
        size_t r = 0;
        while (k == sizeof link / sizeof *link && r < sizeof beside / sizeof *beside &&
               !sr_ann_eq(t + p, q - p, beside[r]))
            r++;
        if ((k == sizeof link / sizeof *link && r == sizeof beside / sizeof *beside) || ++words > 6)
            return 0;
        inside |= k < 2; /* "in", "of" */
        near |= k == sizeof link / sizeof *link; /* a word of BESIDE */
        p = q;
    }
    if (near)
        return 3;
    /* a bare comma joins a list of towns ("Kobani, Derik"); it qualifies
     * only with an area after it ("Hader, Quneitra province") */
    return inside ? 1 : 2;
}

static void qualify_places(const sr_kb *kb, const char *t, sr_annotation *a)
{
    /* a name qualified once keeps that reading in the rest of the report */
    struct {
        int from;
        const sr_mention *to;
    } done[8];
    int n_done = 0;
    for (size_t i = 0; i + 1 < a->n_mentions; i++) {
        sr_mention *m = &a->mentions[i];
        if (m->kind != SR_MENTION_PLACE || m->where.is_area || !m->where.admin1)
            continue;
        int d = 0;
        while (d < n_done && done[d].from != m->place)
            d++;
        if (d < n_done) {
            m->place = done[d].to->place;
            m->where = done[d].to->where;
            m->flags |= done[d].to->flags & SR_MF_CONTEXTUAL;
            continue;
        }
        int from = m->place;
        /* the next place mention, past any mention nested in this one */
        size_t j = i + 1;
        while (j < a->n_mentions && a->mentions[j].span.start < m->span.end)
            j++;
        if (j == a->n_mentions)
            break;
        const sr_mention *n = &a->mentions[j];
        if (n->kind != SR_MENTION_PLACE || n->sentence != m->sentence || !n->where.admin1 ||
            !*n->where.admin1 || !strcmp(n->where.admin1, m->where.admin1) ||
            n->span.start > m->span.end + 40)
            continue;
        int linked = only_linking_words(t, m->span.end, n->span.start);
        if (!linked || (linked == 2 && !n->where.is_area))
            continue;
        /* a place only beside the named one: a namesake in another country
         * is the gazetteer's slip, a namesake at home may well be right */
        if (linked == 3) {
            if (!m->where.country || !n->where.country || !strcmp(m->where.country, n->where.country))
                continue;
            m->place = n->place;
            m->where = n->where;
            m->flags |= SR_MF_CONTEXTUAL;
            if (m->where.geo_precision < 2)
                m->where.geo_precision = 2;
            continue;
        }
        int ref = kb_place_in_admin1(kb, t + m->span.start, m->span.end - m->span.start,
                                     n->where.admin1);
        if (ref >= 0) {
            int near = (m->flags & SR_MF_CONTEXTUAL) != 0;
            m->place = ref;
            kb_place_fill(kb, ref, near, &m->where);
        } else {
            /* no namesake there (a gazetteer gap): the area the writer
             * named, not a town of the same name elsewhere */
            m->place = n->place;
            m->where = n->where;
            m->flags |= SR_MF_CONTEXTUAL;
            if (m->where.geo_precision < 2)
                m->where.geo_precision = 2;
        }
        if (n_done < 8) {
            done[n_done].from = from;
            done[n_done++].to = m;
        }
    }
}

static int names_coalition(const char *t, sr_span s)
{
    for (size_t q = s.start; q + 9 <= s.end; q++)
        if (sr_ann_eq(t + q, 9, "coalition"))
            return 1;
    return 0;
}

static void resolve_anaphors(const sr_kb *kb, const char *t, sr_annotation *a)
{
    /* "the coalition" with no coalition named before it, in a report set
     * in Syria or Iraq or naming the Islamic State: the US-led coalition
     * against it, as wire copy means it */
    int coalition_default = -1;
    for (size_t i = 0; i < a->n_mentions && coalition_default < 0; i++) {
        const sr_mention *m = &a->mentions[i];
        int theatre = (m->kind == SR_MENTION_PLACE && m->where.country &&
                       (!strcmp(m->where.country, "SY") || !strcmp(m->where.country, "IQ"))) ||
                      (m->kind == SR_MENTION_ACTOR && m->actor >= 0 &&
                       !strcmp(kb->actors[m->actor].id, "ISIS"));
        if (theatre)
            coalition_default = sr_kb_actor_find(kb, "US_COALITION");
    }
    for (size_t i = 0; i < a->n_mentions; i++) {
        sr_mention *m = &a->mentions[i];
        if (!(m->flags & SR_MF_ANAPHOR))
            continue;
        a->anaphors++;
        int want = m->value && m->value[0] == '2' ? 2 : 1;
        int found[2] = {-1, -1}, nf = 0;
        if (want == 1 && m->sentence < a->n_sentences &&
            speaks_after(t, m->span.end, a->sentences[m->sentence].end)) {
            /* the latest monitor in the window, if any */
            for (size_t j = i; j-- > 0 && a->mentions[j].sentence + ANAPHOR_WINDOW >= m->sentence;) {
                const sr_mention *p = &a->mentions[j];
                if (p->kind == SR_MENTION_ACTOR && p->actor >= 0 &&
                    kb->actors[p->actor].kind == SR_ACTOR_MONITOR) {
                    found[nf++] = p->actor;
                    break;
                }
            }
        }
        if (want == 1 && !nf && m->sentence < a->n_sentences) {
            size_t lo = a->sentences[m->sentence].start;
            for (size_t j = i; j-- > 0 && a->mentions[j].sentence == m->sentence;) {
                const sr_mention *p = &a->mentions[j];
                if (p->kind == SR_MENTION_ACTOR && !(p->flags & (SR_MF_ANAPHOR | SR_MF_GENERIC)) &&
                    armed(kb, p->actor) && anaphor_fits(kb, t, m->span, p->actor) &&
                    accused_actor(t, lo, p)) {
                    found[nf++] = p->actor;
                    break;
                }
            }
        }
        for (size_t back = 0; back <= ANAPHOR_WINDOW && nf < want; back++) {
            if (m->sentence < back)
                break;
            size_t sent = m->sentence - back;
            /* this sentence's armed actors, in order, before the anaphor */
            for (size_t j = 0; j < a->n_mentions && nf < want; j++) {
                const sr_mention *p = &a->mentions[j];
                if (p->sentence != sent || (back == 0 && j >= i))
                    continue;
                if (p->kind != SR_MENTION_ACTOR ||
                    (p->flags & (SR_MF_ANAPHOR | SR_MF_GENERIC | SR_MF_RELATED)) ||
                    !armed(kb, p->actor) || !anaphor_fits(kb, t, m->span, p->actor) ||
                    (nf == 1 && found[0] == p->actor))
                    continue;
                found[nf++] = p->actor;
                if (want == 1)
                    break;
            }
        }
        if (nf < want && want == 1 && coalition_default >= 0 &&
            anaphor_fits(kb, t, m->span, coalition_default) &&
            kb->actors[coalition_default].kind == SR_ACTOR_COALITION && names_coalition(t, m->span))
            found[nf++] = coalition_default;
        if (nf == want) {
            m->actor = found[0];
            m->actor2 = want == 2 ? found[1] : -1;
            a->anaphors_resolved++;
        }
    }
}

typedef struct readers {
    ann_timex *tx;
    ann_numbers *nb;
} readers;

static sr_status read_sentence(void *ctx, sr_ann_tok *tok, size_t n)
{
    readers *rd = ctx;
    sr_status st = ann_timex_sentence(rd->tx, tok, n);
    return st == SR_OK ? ann_numbers_sentence(rd->nb, tok, n) : st;
}

/* Country-relative generic actors ("government forces", "protesters",
 * cue value "@MIL:FALLBACK"): the unnamed force or crowd of the country the
 * report is about - the country of a place in the same sentence, else the
 * country most places of the document are in.  With no country known the
 * cue's fallback actor stays (an unidentified force, "Protesters"). */
/* "the rebels", "the insurgents" right after a report named the group:
 * the named non-state group of the one or two sentences before, unless
 * this sentence names it too (then "the rebels" are someone else). */
static int generic_back_reference(const sr_kb *kb, const sr_annotation *a, const char *t, size_t i)
{
    const sr_mention *m = &a->mentions[i];
    if (strncmp(m->value, "@REB", 4) || m->span.start < 4 || strncasecmp(t + m->span.start - 4, "the ", 4))
        return -1;
    for (size_t j = i; j-- > 0;) {
        const sr_mention *p = &a->mentions[j];
        if (p->sentence + 2 < m->sentence)
            break;
        if (p->sentence == m->sentence || p->kind != SR_MENTION_ACTOR || p->actor < 0 ||
            (p->flags & (SR_MF_GENERIC | SR_MF_ANAPHOR)))
            continue;
        sr_actor_kind k = kb->actors[p->actor].kind;
        if ((k != SR_ACTOR_ARMED_GROUP && k != SR_ACTOR_COALITION) || kb->actors[p->actor].inter < 2 ||
            kb->actors[p->actor].inter > 4)
            continue;
        for (size_t q = 0; q < a->n_mentions; q++)
            if (a->mentions[q].sentence == m->sentence && a->mentions[q].kind == SR_MENTION_ACTOR &&
                a->mentions[q].actor == p->actor)
                return -1;
        return p->actor;
    }
    return -1;
}

/* "jihadists from the Islamic State", "fighters of Jaish al-Izza": the
 * named non-state group right after "from"/"of"/"belonging to". */
static int generic_of_group(const sr_kb *kb, const sr_annotation *a, const char *t, size_t i)
{
    const sr_mention *m = &a->mentions[i];
    if (strncmp(m->value, "@REB", 4) || i + 1 >= a->n_mentions)
        return -1;
    const sr_mention *p = &a->mentions[i + 1];
    if (p->kind != SR_MENTION_ACTOR || p->actor < 0 || (p->flags & (SR_MF_GENERIC | SR_MF_ANAPHOR)) ||
        p->sentence != m->sentence)
        return -1;
    sr_actor_kind k = kb->actors[p->actor].kind;
    if (k != SR_ACTOR_ARMED_GROUP && k != SR_ACTOR_COALITION)
        return -1;
    static const char *const links[] = {" from the ", " from ", " of the ", " of ",
                                        " belonging to the ", " belonging to ", " loyal to the ",
                                        " loyal to "};
    size_t gap = p->span.start - m->span.end;
    for (size_t k2 = 0; k2 < sizeof links / sizeof *links; k2++)
        if (gap == strlen(links[k2]) && !strncasecmp(t + m->span.end, links[k2], gap))
            return p->actor;
    return -1;
}

static void resolve_generic_roles(const sr_kb *kb, sr_annotation *a, const char *t)
{
    int have_role = 0;
    for (size_t i = 0; i < a->n_mentions && !have_role; i++)
        have_role = (a->mentions[i].flags & SR_MF_GENERIC) && a->mentions[i].value &&
                    a->mentions[i].value[0] == '@';
    if (!have_role)
        return;
    /* the document's country: the one most of its places are in, towns
     * and admin areas first ("banned in Russia" names no scene) */
    const char *seen[8];
    int count[8], n_seen = 0, best = 0;
    const char *doc_country = NULL;
    for (size_t i = 0; i < 2 * a->n_mentions && !(i == a->n_mentions && doc_country); i++) {
        const sr_mention *m = &a->mentions[i % a->n_mentions];
        if (m->kind != SR_MENTION_PLACE || !m->where.country || !*m->where.country ||
            (i < a->n_mentions && (!m->where.admin1 || !*m->where.admin1)))
            continue;
        int k = 0;
        while (k < n_seen && strcmp(seen[k], m->where.country))
            k++;
        if (k == n_seen) {
            if (n_seen == 8)
                continue;
            seen[n_seen] = m->where.country;
            count[n_seen++] = 0;
        }
        if (++count[k] > best) {
            best = count[k];
            doc_country = seen[k];
        }
    }
    struct role_cache {
        const char *prefix;
        size_t plen;
        const char *country;
        int actor;
    } cache[8];
    int n_cached = 0;
    for (size_t i = 0; i < a->n_mentions; i++) {
        sr_mention *m = &a->mentions[i];
        if (!(m->flags & SR_MF_GENERIC) || !m->value || m->value[0] != '@')
            continue;
        const char *prefix = m->value + 1;
        const char *colon = strchr(prefix, ':');
        size_t plen = colon ? (size_t)(colon - prefix) : strlen(prefix);
        const char *country = NULL;
        /* a town or admin area in the same sentence, whose mentions lie
         * together (the list is in text order) */
        size_t j = i;
        while (j > 0 && a->mentions[j - 1].sentence == m->sentence)
            j--;
        for (; j < a->n_mentions && a->mentions[j].sentence == m->sentence && !country; j++) {
            const sr_mention *p = &a->mentions[j];
            if (p->kind == SR_MENTION_PLACE && p->where.country && *p->where.country &&
                p->where.admin1 && *p->where.admin1)
                country = p->where.country;
        }
        if (!country)
            country = doc_country;
        int back = generic_of_group(kb, a, t, i);
        if (back < 0)
            back = generic_back_reference(kb, a, t, i);
        if (back >= 0) {
            m->actor = back;
            continue;
        }
        /* a document names few countries: remember each look-up */
        int x = -2;
        for (int c = 0; c < n_cached && x == -2; c++)
            if (cache[c].country == country && cache[c].plen == plen &&
                !strncmp(cache[c].prefix, prefix, plen))
                x = cache[c].actor;
        if (x == -2) {
            x = kb_country_actor(kb, prefix, plen, country);
            if (n_cached < 8)
                cache[n_cached++] = (struct role_cache){prefix, plen, country, x};
        }
        if (x >= 0)
            m->actor = x;
    }
}

/* A wire dateline opening the report: "BEIRUT (Reuters) - ", "AMMAN,
 * March 7 (Reuters) - ", "Hama, SANA - ", "QAMISHLI - ".  It names where
 * the copy was filed and by whom, not a scene or a side, so the annotator
 * starts after it.  The length to skip, 0 when the paragraph opens
 * otherwise: a prefix of at most eight words before a dash set off by
 * spaces, whose first word is in capitals or which names an agency (in
 * brackets, or in capitals after a comma). */
static size_t wire_dateline(const char *t, sr_span s)
{
    size_t lim = s.end - s.start < 90 ? s.end : s.start + 90;
    if (s.start >= lim || !is_upper((unsigned char)t[s.start]))
        return 0;
    size_t dash = 0, dash_end = 0;
    for (size_t p = s.start + 1; p + 2 < lim && !dash; p++) {
        if (t[p] != ' ')
            continue;
        const unsigned char *u = (const unsigned char *)t + p + 1;
        size_t n = u[0] == '-' ? 1 : u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94) ? 3 : 0;
        if (n && p + 1 + n < lim && t[p + 1 + n] == ' ') {
            dash = p;
            dash_end = p + 2 + n;
        }
        if (t[p - 1] == '.' || t[p - 1] == '!' || t[p - 1] == '?')
            return 0; /* a sentence ended first */
    }
    if (!dash)
        return 0;
    int words = 0, caps_first = 1, agency = 0;
    size_t first_end = s.start;
    while (first_end < dash && is_letter((unsigned char)t[first_end])) {
        caps_first &= !is_lower((unsigned char)t[first_end]);
        first_end++;
    }
    caps_first &= first_end - s.start >= 3;
    for (size_t p = s.start; p < dash; p++) {
        if ((p == s.start || t[p - 1] == ' ') && t[p] != ' ')
            words++;
        if (t[p] == '(')
            agency = 1;
        if (t[p] == ',' && p + 3 < dash && t[p + 1] == ' ') {
            /* "Hama, SANA": an agency in capitals after the comma */
            size_t q = p + 2, up = 0;
            while (q < dash && is_letter((unsigned char)t[q]) && !is_lower((unsigned char)t[q]))
                q++, up++;
            agency |= up >= 2 && (q == dash || t[q] == ' ');
        }
    }
    if (words > 8 || (!caps_first && !agency))
        return 0;
    return dash_end - s.start;
}

/* Adds the dates TX and the numbers NU (years left out) to the mentions ML
 * and puts them all in mention_cmp order, as appending them and sorting
 * with sort_mentions would.  The names, the dates and the numbers are each
 * in text order as found: then one merge builds the list, each mention
 * written once, ties going to the names, then the dates, as the stable
 * sort would place them; otherwise they are appended and sorted. */
static sr_status merge_found(sr_arena *a, mlist *ml, const sr_timex *tx, size_t ntx,
                             const sr_number *nu, size_t nn)
{
    int in_order = 1;
    size_t n_num = 0;
    for (size_t i = 1; i < ml->n && in_order; i++)
        in_order = mention_cmp(&ml->v[i - 1], &ml->v[i]) <= 0;
    for (size_t i = 1; i < ntx && in_order; i++)
        in_order = tx[i - 1].span.start <= tx[i].span.start;
    size_t last = 0;
    for (size_t k = 0; k < nn && in_order; k++) {
        if (nu[k].is_year)
            continue;
        in_order = !n_num || nu[last].span.start <= nu[k].span.start;
        last = k;
        n_num++;
    }
    if (!in_order) {
        for (size_t i = 0; i < ntx; i++) {
            sr_mention *m = add_mention(ml, SR_MENTION_DATE, tx[i].span);
            if (!m)
                return SR_ENOMEM;
            m->timex = tx[i];
        }
        for (size_t k = 0; k < nn; k++) {
            if (nu[k].is_year)
                continue;
            sr_mention *m = add_mention(ml, SR_MENTION_NUMBER, nu[k].span);
            if (!m)
                return SR_ENOMEM;
            m->number = nu[k];
        }
        ml->v = sort_mentions(a, ml->v, ml->n);
        return SR_OK;
    }
    if (!ntx && !n_num)
        return SR_OK;
    size_t total = ml->n + ntx + n_num;
    sr_mention *v = sr_arena_alloc(a, total * sizeof *v);
    if (!v)
        return SR_ENOMEM;
    size_t i = 0, j = 0, k = 0, o = 0;
    for (;;) {
        while (k < nn && nu[k].is_year)
            k++;
        /* the next date or number: a date first at the same start (its
         * kind is smaller) */
        int date = j < ntx && (k >= nn || tx[j].span.start <= nu[k].span.start);
        int other = date || k < nn;
        size_t ostart = date ? tx[j].span.start : other ? nu[k].span.start : 0;
        sr_mention_kind okind = date ? SR_MENTION_DATE : SR_MENTION_NUMBER;
        /* the names up to it, copied as one block: a name goes first on a
         * tie, as the earlier list */
        size_t r = i;
        while (r < ml->n && (!other || ml->v[r].span.start < ostart ||
                             (ml->v[r].span.start == ostart && ml->v[r].kind <= okind)))
            r++;
        if (r > i) {
            memcpy(v + o, ml->v + i, (r - i) * sizeof *v);
            o += r - i;
            i = r;
        }
        if (!other)
            break;
        sr_mention *m = &v[o++];
        if (date) {
            init_mention(m, SR_MENTION_DATE, tx[j].span);
            m->timex = tx[j++];
        } else {
            init_mention(m, SR_MENTION_NUMBER, nu[k].span);
            m->number = nu[k++];
        }
    }
    ml->v = v;
    ml->n = o;
    ml->cap = total;
    return SR_OK;
}

sr_status sr_annotate(sr_annotator *an, sr_doc *doc, const sr_cleaned *c, sr_annotation *out)
{
    memset(out, 0, sizeof *out);
    const char *t = c->text;
    /* the body, less a wire dateline before its first paragraph */
    sr_span body_local[1];
    const sr_span *body_spans = c->body;
    if (c->n_body) {
        size_t skip = wire_dateline(t, c->body[0]);
        if (skip) {
            sr_span *b = c->n_body == 1 ? body_local
                                        : sr_arena_alloc(doc->arena, c->n_body * sizeof *b);
            if (!b)
                return SR_ENOMEM;
            memcpy(b, c->body, c->n_body * sizeof *b);
            b[0].start += skip;
            body_spans = b;
        }
    }
    /* anchor: published date, else the dateline */
    if (!doc->published || !sr_date_parse_iso(doc->published, &out->anchor)) {
        if (c->has_dateline)
            out->anchor = c->dateline;
    }
    /* sentences over the body */
    size_t cap = 0;
    for (size_t i = 0; i < c->n_body; i++) {
        sr_span *s;
        size_t n;
        sr_status st = sr_sentences(doc->arena, t, body_spans[i], &s, &n);
        if (st != SR_OK)
            return st;
        if (out->n_sentences + n > cap) {
            size_t nc = (out->n_sentences + n) * 2;
            sr_span *ns = sr_arena_grow(doc->arena, out->sentences, cap * sizeof *ns, nc * sizeof *ns);
            if (!ns)
                return SR_ENOMEM;
            out->sentences = ns;
            cap = nc;
        }
        if (n)
            memcpy(out->sentences + out->n_sentences, s, n * sizeof *s);
        out->n_sentences += n;
    }
    mlist ml = {NULL, 0, 0, doc->arena};
    /* room for the mentions up front, so that the list (large entries)
     * is seldom copied as it grows: news has about one per 35 bytes of
     * body (FA-KES); at most 4096 ahead, about a megabyte, for a long text */
    size_t body = 0;
    for (size_t i = 0; i < c->n_body; i++)
        body += body_spans[i].end - body_spans[i].start;
    ml.cap = body / 24 + 64 < 4096 ? body / 24 + 64 : 4096;
    ml.v = sr_arena_alloc(doc->arena, ml.cap * sizeof *ml.v);
    if (!ml.v)
        return SR_ENOMEM;
    hits h = {NULL, 0, 0, doc->arena, 0, an->kb};
    for (size_t i = 0; i < c->n_body; i++) {
        sr_status st = annotate_paragraph(an, doc, t, body_spans[i], out, &ml, &h);
        if (st != SR_OK)
            return st;
    }
    /* dates and numbers: each sentence is read once for both readers */
    ann_timex *txs;
    ann_numbers *nbs;
    sr_status st = ann_timex_begin(doc->arena, t, out->anchor, &txs);
    if (st == SR_OK)
        st = ann_numbers_begin(doc->arena, t, &nbs);
    if (st != SR_OK)
        return st;
    readers rd = {txs, nbs};
    st = sr_ann_each_sentence(doc->arena, t, body_spans, c->n_body, read_sentence, &rd);
    if (st != SR_OK)
        return st;
    sr_timex *tx;
    size_t ntx;
    ann_timex_end(txs, &tx, &ntx);
    sr_number *nu;
    size_t nn;
    ann_numbers_end(nbs, &nu, &nn);
    st = merge_found(doc->arena, &ml, tx, ntx, nu, nn);
    if (st != SR_OK)
        return st;
    out->mentions = ml.v;
    out->n_mentions = ml.n;
    /* each mention's sentence: the first that ends after the mention's
     * start (the last when none does).  Mentions and sentences are both in
     * text order, so one walk finds them all. */
    for (size_t i = 0, si = 0; i < ml.n; i++) {
        while (si < out->n_sentences && out->sentences[si].end <= ml.v[i].span.start)
            si++;
        ml.v[i].sentence = si < out->n_sentences ? si : (si ? si - 1 : 0);
    }
    qualify_places(an->kb, t, out);
    resolve_anaphors(an->kb, t, out);
    resolve_generic_roles(an->kb, out, t);
    return SR_OK;
}

/* ---- JSON ----
 * The output is several times the size of the input (one line per mention,
 * each repeating the document id), so it is written straight into the
 * buffer: a writer keeps a cursor and reserves only when a field might not
 * fit, keys are literals, numbers and coordinates are formatted without
 * printf (sr_format_fixed gives printf's digits). */

typedef struct jw {
    sr_buf *b;
    char *o, *end; /* cursor and end of the reserved room (NULL when failed) */
} jw;

static jw jw_grow(jw w, size_t n);

#if defined(__GNUC__)
#define JW_INLINE __attribute__((always_inline)) inline
#else
#define JW_INLINE inline
#endif

/* Room for N more bytes; 0 once the buffer has failed (writes are then
 * dropped and the buffer's sticky status says why). */
static JW_INLINE int jw_room(jw *w, size_t n)
{
    if (w->o && (size_t)(w->end - w->o) >= n)
        return 1;
    *w = jw_grow(*w, n);
    return w->o != NULL;
}

/* The writer after making room for N bytes (taken and returned by value:
 * the writer's address never escapes, so its cursor can live in a
 * register). */
static jw jw_grow(jw w, size_t n)
{
    if (!w.o)
        return w;
    w.b->len = (size_t)(w.o - w.b->data);
    if (n > SIZE_MAX / 2 || sr_buf_reserve(w.b, n) != SR_OK) {
        if (w.b->status == SR_OK)
            w.b->status = SR_ENOMEM;
        w.o = w.end = NULL;
        return w;
    }
    w.o = w.b->data + w.b->len;
    w.end = w.b->data + w.b->cap - 1; /* one byte for the final NUL */
    return w;
}

static JW_INLINE void jw_lit(jw *w, const char *s, size_t n)
{
    if (jw_room(w, n)) {
        memcpy(w->o, s, n);
        w->o += n;
    }
}

#define JW_LIT(w, s) jw_lit((w), s, sizeof(s) - 1)
#define JW_KEY(w, k) jw_lit((w), ",\"" k "\":", sizeof(",\"" k "\":") - 1)

static JW_INLINE void jw_str(jw *w, const char *s, size_t n)
{
    if (jw_room(w, n <= (SIZE_MAX - 2) / 6 ? n * 6 + 2 : SIZE_MAX))
        w->o = sr_json_escape(w->o, s, n);
}

/* 1 for a byte a JSON string holds as it is: not NUL or another control
 * byte, a quote or a backslash. */
#define JW_ROW16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char jw_plain[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x22 '"' */
    JW_ROW16, JW_ROW16,                                      /* 0x30-0x4f */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,          /* 0x5c '\\' */
    JW_ROW16, JW_ROW16, JW_ROW16, JW_ROW16, JW_ROW16,        /* 0x60-0xaf */
    JW_ROW16, JW_ROW16, JW_ROW16, JW_ROW16, JW_ROW16,        /* 0xb0-0xff */
};
#undef JW_ROW16

/* A NUL-terminated string.  Names, ids and the constant words are short
 * and need no escaping: they are copied as the end is searched, and only
 * a longer one or one to escape goes through strlen and jw_str. */
static JW_INLINE void jw_cstr(jw *w, const char *s)
{
    if (!s) {
        JW_LIT(w, "null");
        return;
    }
    enum { SHORT = 48 };
    if (!jw_room(w, SHORT + 2))
        return;
    char *o = w->o + 1;
    size_t i = 0;
    for (; i < SHORT; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!jw_plain[c]) /* the NUL too */
            break;
        o[i] = (char)c;
    }
    if (i < SHORT && !s[i]) {
        w->o[0] = '"';
        o[i] = '"';
        w->o = o + i + 1;
        return;
    }
    jw_str(w, s, strlen(s));
}

static JW_INLINE void jw_uint(jw *w, uint64_t v)
{
    if (jw_room(w, 20))
        w->o += sr_format_uint(w->o, v);
}

static JW_INLINE void jw_int(jw *w, long long v)
{
    if (v < 0) {
        JW_LIT(w, "-");
        jw_uint(w, (uint64_t)0 - (uint64_t)v);
    } else {
        jw_uint(w, (uint64_t)v);
    }
}

static JW_INLINE void jw_coord(jw *w, int has, double v)
{
    if (!has)
        JW_LIT(w, "null");
    else if (jw_room(w, 32))
        w->o += sr_format_fixed(w->o, v, 5);
}

static void put2(char *o, int v)
{
    o[0] = (char)('0' + v / 10 % 10);
    o[1] = (char)('0' + v % 10);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" by precision; null when unresolved. */
static JW_INLINE void json_date(jw *w, sr_date d, sr_precision p)
{
    if (p == SR_PREC_NONE || !d.year) {
        JW_LIT(w, "null");
        return;
    }
    char o[16];
    size_t n = 0;
    o[n++] = '"';
    put2(o + n, d.year / 100);
    put2(o + n + 2, d.year % 100);
    n += 4;
    if (p != SR_PREC_YEAR) {
        o[n++] = '-';
        put2(o + n, d.month);
        n += 2;
        if (p != SR_PREC_MONTH) {
            o[n++] = '-';
            put2(o + n, d.day);
            n += 2;
        }
    }
    o[n++] = '"';
    jw_lit(w, o, n);
}

/* What follows "kind": on a line, up to the text's value. */
#define KIND_HEAD(k) {"\"" k "\",\"text\":", sizeof("\"" k "\",\"text\":") - 1},
static const struct {
    const char *s;
    size_t n;
} kind_heads[SR_MENTION_KIND_COUNT] = {MENTION_KINDS(KIND_HEAD)};
#undef KIND_HEAD

sr_status sr_annotation_to_json(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                                const sr_annotation *a, sr_buf *b)
{
    static const char *const prec[] = {"none", "day", "week", "month", "year"};
    static const char *const qual[] = {"exact", "at_least", "at_most", "approx", "vague"};
    if (!a->n_mentions || sr_buf_reserve(b, 4096) != SR_OK)
        return b->status;
    jw w = {b, b->data + b->len, b->data + b->cap - 1};
    /* every line starts {"doc_id":ID,"kind": - written once, then copied */
    size_t head = b->len;
    JW_LIT(&w, "{\"doc_id\":");
    jw_cstr(&w, doc->id);
    JW_KEY(&w, "kind");
    size_t head_len = w.o ? (size_t)(w.o - b->data) - head : 0;
    for (size_t i = 0; i < a->n_mentions && w.o; i++) {
        const sr_mention *m = &a->mentions[i];
        if (i && jw_room(&w, head_len)) {
            memcpy(w.o, b->data + head, head_len);
            w.o += head_len;
        }
        /* a backer ("Turkish-backed", "HTS-linked") is an actor mention */
        sr_mention_kind k = m->kind == SR_MENTION_BACKING ? SR_MENTION_ACTOR : m->kind;
        if ((unsigned)k < SR_MENTION_KIND_COUNT) {
            jw_lit(&w, kind_heads[k].s, kind_heads[k].n);
        } else {
            jw_cstr(&w, sr_mention_kind_name(k));
            JW_KEY(&w, "text");
        }
        jw_str(&w, c->text + m->span.start, m->span.end - m->span.start);
        JW_KEY(&w, "start");
        jw_uint(&w, m->span.start);
        JW_KEY(&w, "end");
        jw_uint(&w, m->span.end);
        JW_KEY(&w, "sentence");
        jw_uint(&w, m->sentence);
        const sr_actor *ac = m->actor >= 0 ? &kb->actors[m->actor] : NULL;
        switch (m->kind) {
        case SR_MENTION_ACTOR:
        case SR_MENTION_BACKING:
            if (ac && (size_t)m->actor < kb->n_actor_json) { /* written at load time */
                const size_t *off = kb->actor_json_off + m->actor;
                jw_lit(&w, kb->actor_json + off[0], off[1] - off[0]);
            } else {
                JW_KEY(&w, "name");
                jw_cstr(&w, ac ? ac->name : NULL);
                JW_KEY(&w, "id");
                jw_cstr(&w, ac ? ac->id : NULL);
            }
            if (ac && (size_t)m->actor >= kb->n_actor_json) {
                JW_KEY(&w, "actor_kind");
                jw_cstr(&w, sr_actor_kind_name(ac->kind));
                JW_KEY(&w, "inter");
                jw_int(&w, ac->inter);
            }
            if (m->actor2 >= 0) {
                JW_KEY(&w, "name2");
                jw_cstr(&w, kb->actors[m->actor2].name);
                JW_KEY(&w, "id2");
                jw_cstr(&w, kb->actors[m->actor2].id);
            }
            if (m->backed_by >= 0) {
                JW_KEY(&w, "backed_by");
                jw_cstr(&w, kb->actors[m->backed_by].name);
            }
            if (m->kind == SR_MENTION_BACKING) {
                JW_KEY(&w, "relation");
                jw_cstr(&w, m->value);
                JW_KEY(&w, "role");
                JW_LIT(&w, "\"backer\"");
            } else if (m->flags) {
                JW_KEY(&w, "role");
                jw_cstr(&w, m->flags & SR_MF_ANAPHOR   ? "anaphor"
                            : m->flags & SR_MF_GENERIC ? "generic"
                                                       : "agent");
            }
            break;
        case SR_MENTION_PLACE: {
            const sr_place_ref *pl = &m->where;
            JW_KEY(&w, "name");
            jw_cstr(&w, pl->location);
            JW_KEY(&w, "id");
            JW_LIT(&w, "\"place:");
            jw_int(&w, m->place);
            JW_LIT(&w, "\"");
            JW_KEY(&w, "country");
            jw_cstr(&w, pl->country);
            JW_KEY(&w, "admin1");
            jw_cstr(&w, pl->admin1);
            JW_KEY(&w, "admin2");
            jw_cstr(&w, pl->admin2);
            JW_KEY(&w, "lat");
            jw_coord(&w, pl->has_coords, pl->lat);
            JW_KEY(&w, "lon");
            jw_coord(&w, pl->has_coords, pl->lon);
            JW_KEY(&w, "geo_precision");
            jw_int(&w, pl->geo_precision);
            break;
        }
        case SR_MENTION_DATE:
            JW_KEY(&w, "value");
            json_date(&w, m->timex.date, m->timex.precision);
            if (m->timex.end.year && (m->timex.end.year != m->timex.date.year ||
                                      m->timex.end.month != m->timex.date.month ||
                                      m->timex.end.day != m->timex.date.day)) {
                JW_KEY(&w, "value_end");
                json_date(&w, m->timex.end, m->timex.precision);
            }
            JW_KEY(&w, "precision");
            jw_cstr(&w, prec[m->timex.precision < 5 ? m->timex.precision : 0]);
            JW_KEY(&w, "rule");
            jw_cstr(&w, m->timex.rule);
            break;
        case SR_MENTION_NUMBER:
            JW_KEY(&w, "value");
            jw_int(&w, m->number.value);
            JW_KEY(&w, "qualifier");
            jw_cstr(&w, qual[m->number.kind < 5 ? m->number.kind : 0]);
            JW_KEY(&w, "noun");
            if (m->number.noun.end > m->number.noun.start)
                jw_str(&w, c->text + m->number.noun.start,
                       m->number.noun.end - m->number.noun.start);
            else
                JW_LIT(&w, "null");
            if (m->number.is_ordinal) {
                JW_KEY(&w, "ordinal");
                JW_LIT(&w, "true");
            }
            break;
        default:
            JW_KEY(&w, "value");
            jw_cstr(&w, m->value);
            break;
        }
        JW_LIT(&w, "}\n");
    }
    if (w.o) {
        b->len = (size_t)(w.o - b->data);
        b->data[b->len] = '\0';
    }
    return b->status;
}
