/* relations.c - dated facts between actors, and control of places, read
 * from one coded document (see sitrep/relations.h).
 *
 * Two sources:
 *  - text patterns, sentence by sentence: the words between two mentions
 *    decide the fact ("X, a member group of Y", "Y, a coalition that
 *    includes X", "G leader P", "G (formerly X)", "X and Y reached a
 *    reconciliation", "P was captured by X"); the words are lowercased
 *    ASCII with typographic apostrophes made plain, and matched with POSIX
 *    extended regular expressions compiled once per process;
 *  - coded events: a clash or an attack between two armed actors is a
 *    hostile fact dated by the event; a capture word in the event's own
 *    sentence makes the event's first actor control its place.
 * Facts repeated within a document collapse to one (the earliest dated).
 * Cost: linear in the mentions, times the few patterns tried per pair of
 * neighbouring mentions. */
#include <ctype.h>
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "kb/kb_int.h"
#include "sitrep/relations.h"

/* ---- patterns ---- */

enum {
    P_MEMBER_APPOS,  /* X[,] a member group of Y      -> member_of(X, Y) */
    P_MEMBER_PART,   /* X is a part of the ... Y       -> member_of(X, Y) */
    P_MEMBER_ROLE,   /* P, one of the leaders of G     -> member_of(P, G) */
    P_MEMBER_TITLE,  /* G commander[,] P               -> member_of(P, G) */
    P_INCLUDES,      /* Y, a coalition that includes X -> member_of(X, Y) */
    P_LIST,          /* ", " / " and " between list members */
    P_LEADS_TITLE,   /* G leader P                     -> leads(P, G) */
    P_LEADS_OF,      /* P, the leader of G             -> leads(P, G) */
    P_LED_BY,        /* G, led by P                    -> leads(P, G) */
    P_FORMERLY,      /* G (formerly X                  -> formerly(G, X) */
    P_NOW,           /* X, now known as G              -> formerly(G, X) */
    P_SERVED_AS,     /* G, which served as the branch of X -> formerly(G, X) */
    P_COORD,         /* X and Y                        (a pair) */
    P_ALLY_CUE,      /* reconciliation, joint operations room, merger */
    P_APPOS_BACKED,  /* Y (ACR), a <backer>-backed     -> backed_by(Y, backer) */
    P_CAPTURE_BY,    /* was recently captured by       -> controls(X, P) */
    P_CAPTURE,       /* X captured / took control of P */
    P_CAPTURE_DIRECT,/* X (fighters) captured (the town of) P: nothing else between */
    P_CAPTURE_ANAPHOR, /* X captured the town (named before) */
    P_SURRENDER,     /* forced ... to surrender */
    P_DEPLOY,        /* is deploying its forces inside the town */
    P_TOWN_ANAPHOR,  /* the town / this village */
    P_TOWN_OF,       /* the town of P */
    P_TOWN_ANAPHOR_START, /* a sentence opening "This town was ..." */
    P_PLURAL,        /* both these groups / the two groups */
    P_COUNT
};

static const char *const pattern_src[P_COUNT] = {
    [P_MEMBER_APPOS] = "^ *\\)? *(\\([^)]*\\) *)?, *(a|an|one|another) ((key|leading|major|main|small|"
                       "founding|prominent|powerful|hardline) )?(member|faction|component|"
                       "constituent|part|brigade|unit|wing)( group| faction| organi[sz]ation)? "
                       "(of|in|within) (the )?$",
    [P_MEMBER_PART] = "^ *\\)? *(\\([^)]*\\) *)?,? *(is|are|was|were|has been|have been|had been) (also )?"
                      "(a |an )?(part|member|members|component|components|faction|factions) of "
                      "(the )?([a-z-]+ ){0,3}$",
    [P_MEMBER_ROLE] = "^ *,? *(is |was )?(one of the|a|an|the|among the) ([a-z-]+ ){0,2}"
                      "(leaders|commanders|officials|members|clerics|ideologues|founders|"
                      "commander|official|member|cleric|ideologue|spokesman|spokesperson|"
                      "co-founder|founder) (of|in|within) (the )?$",
    [P_MEMBER_TITLE] = "^ *('s?)? *((senior|top|military|field|local|religious|sharia|"
                       "security) )?(commander|official|spokesman|spokesperson|cleric|"
                       "ideologue|member|judge|emissary) *,? *$",
    [P_INCLUDES] = "^ *\\)? *(\\([^)]*\\) *)?, *(a|an|the) ([a-z'-]+ ){0,3}(coalition|alliance|"
                   "umbrella|operations? room|front|group|grouping|bloc|merger)( of [a-z -]+)? "
                   "(that|which) (includes|included|comprises|comprised|brings together|"
                   "brought together|groups|grouped|counts|unites|united) (the )?$",
    [P_LIST] = "^ *(,|and|, and|as well as|&) *(the )?$",
    [P_LEADS_TITLE] = "^ *('s?)? *((overall|top|general|supreme|de facto) )?(leader|chief|emir|"
                      "head|commander-in-chief|general commander|founder and leader) *,? *$",
    [P_LEADS_OF] = "^ *,? *(is |was )?(the )?((overall|top|general|supreme|de facto|current|"
                   "new) )?(leader|chief|emir|head|commander-in-chief|general commander) of "
                   "(the )?$",
    [P_LED_BY] = "^ *\\)? *(\\([^)]*\\) *)?,? *(which is |that is )?(led|headed|commanded) by (the )?$",
    [P_FORMERLY] = "^ *[(,] *(formerly|previously|once|earlier) (known as |called |named )?"
                   "(the )?$",
    [P_NOW] = "^ *[(,] *(now|later|since renamed|renamed|rebranded)( known as| called| as)? "
              "(the )?$",
    [P_SERVED_AS] = "^ *,? *(which|that|who)? *(served|acted|was|had been) (for years )?as "
                    "(the |its )?((main|official|former|local|syrian) )?(branch|affiliate|"
                    "franchise|wing|arm) of (the )?$",
    [P_COORD] = "^ *\\)? *(\\([^)]*\\) *)?(and|,) *(the )?$",
    [P_ALLY_CUE] = "(reconcil|joint operations? room|joint command|merge[drs]? |merger|"
                   "formed an alliance|joined forces|allied with|an alliance with|"
                   "unif(y|ied) (their )?forces)",
    [P_APPOS_BACKED] = "^ *\\)? *(\\([^)]*\\) *)?, *(a|an|the) *$",
    [P_CAPTURE_BY] = "(was|were|has been|had been|have been) (recently |reportedly |since |"
                     "finally )?(captured|seized|taken|overrun|overran|recaptured|retaken|"
                     "liberated|controlled|held) by (the )?$",
    [P_CAPTURE] = "(captured|seized|took control of|taken control of|take control of|took over|"
                  "taken over|overran|recaptured|retook|entered|liberated|gained control of|"
                  "is in control of|are in control of|now controls?) ",
    [P_CAPTURE_DIRECT] = "^ *\\)? *(\\([^)]*\\) *)?((fighters|forces|militants|troops|units|"
                         "members) )?((have|has|had) )?((also|reportedly|finally|recently|now|"
                         "fully) )?(captured|seized|seized control of|took control of|"
                         "taken control of|took over|taken over|overran|recaptured|retook|"
                         "entered|liberated|gained control of|regained control of|retaken) "
                         "(the )?(((historic|strategic|key|rebel-held|nearby|border|northern|"
                         "southern|eastern|western) )?(town|village|city|district|"
                         "neighbou?rhood|suburb|airbase|air base|airport) of )?$",
    [P_CAPTURE_ANAPHOR] = "^ *((fighters|forces|militants|troops|units) )?((have|has|had|which|"
                          "that|who) )*((also|reportedly|finally|recently|now|fully) )?"
                          "(captured|seized|seized control of|took control of|taken control of|"
                          "took over|taken over|overran|recaptured|retook|entered|liberated|"
                          "gained control of|regained control of) (the|this) (town|village|city)"
                          "( |,|\\.|$)",
    [P_SURRENDER] = "(forced|compelled) .*to surrender|surrendered (to|after)",
    [P_DEPLOY] = "(deploying|deployed|stationed|entered) (its|their) (forces|fighters|units|"
                 "troops) (inside|in|into|within) (the )?(town|village|city|area)",
    [P_TOWN_ANAPHOR] = "(the|this|that) (town|village|city)",
    [P_TOWN_OF] = "(town|village|city) of *$",
    [P_TOWN_ANAPHOR_START] = "^ *(the|this|that) (town|village|city) ",
    [P_PLURAL] = "(both (these|the|of these|of the) groups|the two groups|both groups|"
                 "these two groups)",
};

static regex_t patterns[P_COUNT];
static int patterns_ok;
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
    patterns_ok = 1;
    for (int i = 0; i < P_COUNT; i++)
        if (regcomp(&patterns[i], pattern_src[i], REG_EXTENDED | REG_NOSUB)) {
            fprintf(stderr, "sitrep: internal: relation pattern %d does not compile\n", i);
            patterns_ok = 0;
        }
}

/* ---- text helpers ---- */

#define LOW_CAP 400

/* TEXT[a..b) lowercased ASCII into OUT (cap LOW_CAP); typographic
 * apostrophes become ', other multi-byte characters a space, runs of
 * whitespace one space.  Returns 0 when the stretch is too long to be one
 * phrase. */
static int lower_span(const char *text, size_t a, size_t b, char *out)
{
    if (b < a || b - a >= LOW_CAP)
        return 0;
    size_t o = 0;
    for (size_t i = a; i < b;) {
        unsigned char ch = (unsigned char)text[i];
        char c;
        if (ch == 0xE2 && i + 2 < b + 2 && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99)) {
            c = '\'';
            i += 3;
        } else if (ch >= 0x80) {
            c = ' ';
            i++;
            while (i < b && ((unsigned char)text[i] & 0xC0) == 0x80)
                i++;
        } else {
            c = (char)tolower(ch);
            if (isspace(ch))
                c = ' ';
            i++;
        }
        if (c == ' ' && o && out[o - 1] == ' ')
            continue;
        out[o++] = c;
    }
    out[o] = '\0';
    return 1;
}

static int match(int pat, const char *s) { return regexec(&patterns[pat], s, 0, NULL, 0) == 0; }

/* Does the lowered stretch TEXT[a..b) match PAT? */
static int between(const char *text, size_t a, size_t b, int pat)
{
    char low[LOW_CAP + 1];
    return lower_span(text, a, b, low) && match(pat, low);
}

/* ---- the document's facts ---- */

typedef struct ctx {
    const sr_kb *kb;
    const sr_cleaned *c;
    const sr_annotation *a;
    const sr_coding *k;
    sr_relation_set *out;
    size_t cap;
    sr_arena *arena;
} ctx;

static int is_group(const sr_kb *kb, int i)
{
    if (i < 0)
        return 0;
    sr_actor_kind k = kb->actors[i].kind;
    return k == SR_ACTOR_ARMED_GROUP || k == SR_ACTOR_COALITION || k == SR_ACTOR_STATE_FORCE ||
           k == SR_ACTOR_POLITICAL;
}

static int is_person(const sr_kb *kb, int i)
{
    return i >= 0 && kb->actors[i].kind == SR_ACTOR_PERSON;
}

/* An armed side: a group, a state's forces or government. */
static int is_party(const sr_kb *kb, int i)
{
    if (i < 0)
        return 0;
    sr_actor_kind k = kb->actors[i].kind;
    return k == SR_ACTOR_ARMED_GROUP || k == SR_ACTOR_COALITION || k == SR_ACTOR_STATE_FORCE ||
           k == SR_ACTOR_GOVERNMENT || k == SR_ACTOR_POLICE;
}

static int date_cmp(sr_date x, sr_date y)
{
    if (x.year != y.year)
        return x.year < y.year ? -1 : 1;
    if (x.month != y.month)
        return x.month < y.month ? -1 : 1;
    return x.day == y.day ? 0 : x.day < y.day ? -1 : 1;
}

/* The date the sentence states for itself (its first resolved date that is
 * not a span of years), else zeros. */
static sr_date sentence_date(const ctx *x, size_t s, sr_precision *prec)
{
    sr_date none = {0, 0, 0};
    for (size_t i = 0; i < x->a->n_mentions; i++) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->sentence > s)
            break;
        if (m->sentence == s && m->kind == SR_MENTION_DATE && m->timex.date.year &&
            (m->timex.precision == SR_PREC_DAY || m->timex.precision == SR_PREC_MONTH ||
             m->timex.precision == SR_PREC_WEEK)) {
            *prec = m->timex.precision;
            return m->timex.date;
        }
    }
    *prec = SR_PREC_NONE;
    return none;
}

static int sentence_flag(const ctx *x, size_t s, sr_mention_kind kind)
{
    for (size_t i = 0; i < x->a->n_mentions; i++) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->sentence == s && m->kind == kind)
            return 1;
    }
    return 0;
}

static sr_certainty sentence_certainty(const ctx *x, size_t s)
{
    for (size_t i = 0; i < x->a->n_mentions; i++) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->sentence != s || m->kind != SR_MENTION_HEDGE || !m->value)
            continue;
        if (!strcmp(m->value, "denied"))
            return SR_CERT_DENIED;
        if (!strcmp(m->value, "claimed"))
            return SR_CERT_CLAIMED;
        return SR_CERT_UNCONFIRMED;
    }
    return SR_CERT_REPORTED;
}

static int same_place(const sr_place_ref *p, const sr_place_ref *q)
{
    if (!p->location || !q->location)
        return p->location == q->location;
    return !strcmp(p->location, q->location) &&
           !strcmp(p->admin1 ? p->admin1 : "", q->admin1 ? q->admin1 : "");
}

/* Adds a fact, or folds it into the same fact already stated in this
 * document (the earliest dated version wins). */
static void add(ctx *x, sr_relation_type type, int subj, int obj, const sr_place_ref *place,
                sr_date from, sr_precision prec, size_t sentence, sr_span ev, double conf,
                int from_event, sr_certainty cert)
{
    if (subj < 0 || (type != SR_REL_CONTROLS && (obj < 0 || obj == subj)))
        return;
    if ((type == SR_REL_ALLIED || type == SR_REL_HOSTILE) &&
        strcmp(x->kb->actors[subj].id, x->kb->actors[obj].id) > 0) {
        int t = subj;
        subj = obj;
        obj = t;
    }
    if (cert == SR_CERT_DENIED)
        return;
    if (cert != SR_CERT_REPORTED)
        conf *= 0.5;
    for (size_t i = 0; i < x->out->n; i++) {
        sr_relation *r = &x->out->items[i];
        if (r->type != type || r->subject != subj || r->object != obj)
            continue;
        if (type == SR_REL_CONTROLS && !same_place(&r->place, place))
            continue;
        int better = from.year && (!r->valid_from.year || date_cmp(from, r->valid_from) < 0);
        if (better) {
            r->valid_from = from;
            r->from_precision = prec;
            r->evidence = ev;
        }
        if (conf > r->confidence)
            r->confidence = conf;
        if (cert == SR_CERT_REPORTED)
            r->certainty = cert;
        return;
    }
    if (x->out->n == x->cap) {
        size_t nc = x->cap ? x->cap * 2 : 16;
        if (nc > SR_REL_MAX) {
            x->out->dropped++;
            return;
        }
        sr_relation *v = sr_arena_alloc(x->arena, nc * sizeof *v);
        if (!v) {
            x->out->dropped++;
            return;
        }
        if (x->out->n)
            memcpy(v, x->out->items, x->out->n * sizeof *v);
        x->out->items = v;
        x->cap = nc;
    }
    sr_relation *r = &x->out->items[x->out->n++];
    memset(r, 0, sizeof *r);
    r->type = type;
    r->subject = subj;
    r->object = type == SR_REL_CONTROLS ? -1 : obj;
    if (place)
        r->place = *place;
    r->valid_from = from;
    r->from_precision = from.year ? prec : SR_PREC_NONE;
    sr_precision sp;
    r->observed = sentence_date(x, sentence, &sp);
    if (!r->observed.year)
        r->observed = x->a->anchor;
    r->confidence = conf;
    r->from_event = from_event;
    r->certainty = cert;
    r->evidence = ev;
}

/* The actor mentions of sentence S, in order (indexes into mentions). */
static size_t sentence_actors(const ctx *x, size_t s, size_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < x->a->n_mentions && n < cap; i++) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->sentence == s && m->kind == SR_MENTION_ACTOR && m->actor >= 0 &&
            !(m->flags & SR_MF_GENERIC))
            out[n++] = i;
    }
    return n;
}

#define MAXA 48

/* "Both these groups": the last two distinct groups named before POS
 * (this sentence, then the previous two). */
static int plural_pair(const ctx *x, size_t s, size_t pos, int *g1, int *g2)
{
    *g1 = *g2 = -1;
    for (size_t i = x->a->n_mentions; i-- > 0;) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->span.start >= pos || m->sentence > s)
            continue;
        if (m->sentence + 2 < s)
            break;
        if (m->kind != SR_MENTION_ACTOR || !is_group(x->kb, m->actor) ||
            (m->flags & (SR_MF_GENERIC | SR_MF_ANAPHOR)))
            continue;
        if (*g1 < 0)
            *g1 = m->actor;
        else if (m->actor != *g1) {
            *g2 = m->actor;
            return 1;
        }
    }
    return 0;
}

/* An alliance word must follow the pair closely ("X and Y reached a full
 * reconciliation agreement"), not anywhere in a long sentence that names a
 * "Reconciliation Center". */
static size_t cue_end(size_t from, size_t end) { return end - from > 90 ? from + 90 : end; }

static void text_facts(ctx *x, size_t s)
{
    const char *t = x->c->text;
    const sr_kb *kb = x->kb;
    sr_span sent = x->a->sentences[s];
    size_t ai[MAXA];
    size_t n = sentence_actors(x, s, ai, MAXA);
    sr_precision prec;
    sr_date d = sentence_date(x, s, &prec);
    sr_certainty cert = sentence_certainty(x, s);
    int negated = sentence_flag(x, s, SR_MENTION_NEGATION);
    const sr_mention *M = x->a->mentions;

    for (size_t i = 0; i + 1 < n; i++) {
        const sr_mention *p = &M[ai[i]], *q = &M[ai[i + 1]];
        size_t a0 = p->span.end, b0 = q->span.start;
        if (b0 < a0)
            continue;
        int P = p->actor, Q = q->actor;
        sr_date none = {0, 0, 0};
        /* member_of */
        if ((is_group(kb, P) || is_person(kb, P)) && is_group(kb, Q) &&
            (between(t, a0, b0, P_MEMBER_APPOS) || between(t, a0, b0, P_MEMBER_PART)))
            add(x, SR_REL_MEMBER_OF, P, Q, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        if (is_person(kb, P) && is_group(kb, Q) && between(t, a0, b0, P_MEMBER_ROLE))
            add(x, SR_REL_MEMBER_OF, P, Q, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        if (is_group(kb, P) && is_person(kb, Q) && between(t, a0, b0, P_MEMBER_TITLE))
            add(x, SR_REL_MEMBER_OF, Q, P, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        if (is_group(kb, P) && is_group(kb, Q) && between(t, a0, b0, P_INCLUDES)) {
            add(x, SR_REL_MEMBER_OF, Q, P, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
            for (size_t j = i + 1; j + 1 < n; j++) {
                const sr_mention *u = &M[ai[j]], *v = &M[ai[j + 1]];
                if (!is_group(kb, v->actor) ||
                    !between(t, u->span.end, v->span.start, P_LIST))
                    break;
                add(x, SR_REL_MEMBER_OF, v->actor, P, NULL, none, SR_PREC_NONE, s, sent, 0.7, 0,
                    cert);
            }
        }
        /* leads */
        if (is_group(kb, P) && is_person(kb, Q) && between(t, a0, b0, P_LEADS_TITLE))
            add(x, SR_REL_LEADS, Q, P, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        if (is_person(kb, P) && is_group(kb, Q) && between(t, a0, b0, P_LEADS_OF))
            add(x, SR_REL_LEADS, P, Q, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        if (is_group(kb, P) && is_person(kb, Q) && between(t, a0, b0, P_LED_BY))
            add(x, SR_REL_LEADS, Q, P, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        /* formerly */
        if (is_group(kb, P) && is_group(kb, Q)) {
            if (between(t, a0, b0, P_FORMERLY) || between(t, a0, b0, P_SERVED_AS))
                add(x, SR_REL_FORMERLY, P, Q, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
            else if (between(t, a0, b0, P_NOW))
                add(x, SR_REL_FORMERLY, Q, P, NULL, none, SR_PREC_NONE, s, sent, 0.8, 0, cert);
        }
        /* allied: "X and Y reached a reconciliation agreement" */
        if (!negated && is_party(kb, P) && is_party(kb, Q) && between(t, a0, b0, P_COORD) &&
            between(t, q->span.end, cue_end(q->span.end, sent.end), P_ALLY_CUE))
            add(x, SR_REL_ALLIED, P, Q, NULL, d, prec, s, sent, 0.7, 0, cert);
    }
    /* an anaphor for two groups ("The two groups agreed to merge") */
    for (size_t i = 0; i < n; i++) {
        const sr_mention *p = &M[ai[i]];
        if ((p->flags & SR_MF_ANAPHOR) && p->actor2 >= 0 && !negated &&
            between(t, p->span.end, cue_end(p->span.end, sent.end), P_ALLY_CUE))
            add(x, SR_REL_ALLIED, p->actor, p->actor2, NULL, d, prec, s, sent, 0.6, 0, cert);
    }
    /* "Both these groups are a part of the ... Y" */
    {
        char low[LOW_CAP + 1];
        for (size_t i = 0; i < n; i++) {
            const sr_mention *q = &M[ai[i]];
            if (!is_group(kb, q->actor) || q->span.start <= sent.start)
                continue;
            size_t from = q->span.start > sent.start + 120 ? q->span.start - 120 : sent.start;
            if (!lower_span(t, from, q->span.start, low))
                continue;
            regmatch_t mm;
            if (regexec(&patterns[P_PLURAL], low, 0, NULL, 0))
                continue;
            (void)mm;
            char *hit = NULL;
            const char *words[] = {"both these groups", "both of these groups", "both the groups",
                                   "both of the groups", "the two groups", "both groups",
                                   "these two groups"};
            for (size_t w = 0; w < sizeof words / sizeof *words && !hit; w++)
                hit = strstr(low, words[w]);
            if (!hit)
                continue;
            const char *rest = strstr(hit, "groups") + 6;
            if (!match(P_MEMBER_PART, rest))
                continue;
            int g1, g2;
            if (plural_pair(x, s, from + (size_t)(hit - low), &g1, &g2)) {
                add(x, SR_REL_MEMBER_OF, g1, q->actor, NULL, (sr_date){0, 0, 0}, SR_PREC_NONE, s,
                    sent, 0.6, 0, cert);
                add(x, SR_REL_MEMBER_OF, g2, q->actor, NULL, (sr_date){0, 0, 0}, SR_PREC_NONE, s,
                    sent, 0.6, 0, cert);
            }
        }
    }
    /* backed_by: "Turkish-backed X", "Y (NFL), a Turkish-backed coalition" */
    for (size_t i = 0; i < x->a->n_mentions; i++) {
        const sr_mention *b = &M[i];
        if (b->sentence != s || b->kind != SR_MENTION_BACKING || b->actor < 0 || !b->value ||
            strcmp(b->value, "backed_by"))
            continue;
        const sr_mention *next = NULL, *prev = NULL;
        for (size_t j = 0; j < n; j++) {
            const sr_mention *m = &M[ai[j]];
            if (m->span.start >= b->span.end && !next)
                next = m;
            if (m->span.end <= b->span.start)
                prev = m;
        }
        if (next && next->span.start - b->span.end <= 2 && is_group(kb, next->actor))
            add(x, SR_REL_BACKED_BY, next->actor, b->actor, NULL, (sr_date){0, 0, 0},
                SR_PREC_NONE, s, sent, 0.8, 0, cert);
        else if (prev && is_group(kb, prev->actor) &&
                 between(t, prev->span.end, b->span.start, P_APPOS_BACKED))
            add(x, SR_REL_BACKED_BY, prev->actor, b->actor, NULL, (sr_date){0, 0, 0},
                SR_PREC_NONE, s, sent, 0.8, 0, cert);
    }
}

/* ---- control ---- */

/* The town a phrase like "the town" at POS refers to: the last town-level
 * place named before POS in this or the two previous sentences, preferring
 * one written "the town of P". */
static const sr_mention *town_before(const ctx *x, size_t s, size_t pos)
{
    const sr_mention *best = NULL;
    for (size_t i = x->a->n_mentions; i-- > 0;) {
        const sr_mention *m = &x->a->mentions[i];
        if (m->span.start >= pos || m->sentence > s)
            continue;
        if (m->sentence + 2 < s)
            break;
        if (m->kind != SR_MENTION_PLACE || m->where.is_area || !m->where.location)
            continue;
        size_t from = m->span.start > 12 ? m->span.start - 12 : 0;
        if (between(x->c->text, from, m->span.start, P_TOWN_OF))
            return m;
        if (!best)
            best = m;
    }
    return best;
}

/* The date of an event coded from sentence S, else the sentence's date. */
static sr_date control_date(const ctx *x, size_t s, sr_precision *prec)
{
    for (size_t i = 0; i < x->k->n_events; i++) {
        const sr_event *e = &x->k->events[i];
        if (e->historical || !e->date.year)
            continue;
        for (size_t j = 0; j < e->n_evidence; j++) {
            sr_span sp = x->a->sentences[s];
            if (e->evidence[j].start >= sp.start && e->evidence[j].start < sp.end) {
                *prec = e->time_precision;
                return e->date;
            }
        }
    }
    return sentence_date(x, s, prec);
}

/* The place an event coded from sentence S happened at (town level). */
static const sr_place_ref *event_town(const ctx *x, size_t s, int actor)
{
    sr_span sp = x->a->sentences[s];
    for (size_t i = 0; i < x->k->n_events; i++) {
        const sr_event *e = &x->k->events[i];
        if (e->actor1 != actor || !e->where.location || e->where.is_area)
            continue;
        for (size_t j = 0; j < e->n_evidence; j++)
            if (e->evidence[j].start >= sp.start && e->evidence[j].start < sp.end)
                return &e->where;
    }
    return NULL;
}

static void control_facts(ctx *x, size_t s)
{
    const char *t = x->c->text;
    sr_span sent = x->a->sentences[s];
    if (sentence_flag(x, s, SR_MENTION_NEGATION) || sentence_flag(x, s, SR_MENTION_FUTURE))
        return;
    size_t ai[MAXA];
    size_t n = sentence_actors(x, s, ai, MAXA);
    const sr_mention *M = x->a->mentions;
    sr_certainty cert = sentence_certainty(x, s);
    sr_precision prec;
    sr_date d = control_date(x, s, &prec);
    char low[LOW_CAP + 1];
    for (size_t i = 0; i < n; i++) {
        const sr_mention *p = &M[ai[i]];
        if (!is_party(x->kb, p->actor))
            continue;
        /* passive: "<place> was recently captured by X" */
        size_t from = p->span.start > sent.start + 80 ? p->span.start - 80 : sent.start;
        if (lower_span(t, from, p->span.start, low) && match(P_CAPTURE_BY, low)) {
            /* the place is the passive's subject: named just before the
             * verb, or "this town" pointing back */
            const sr_mention *pl = NULL;
            for (size_t j = 0; j < x->a->n_mentions; j++) {
                const sr_mention *m = &M[j];
                if (m->sentence == s && m->kind == SR_MENTION_PLACE && !m->where.is_area &&
                    m->where.location && m->span.end <= p->span.start &&
                    p->span.start - m->span.end < 60)
                    pl = m;
            }
            if (!pl && between(t, sent.start, p->span.start, P_TOWN_ANAPHOR_START))
                pl = town_before(x, s, sent.start);
            if (pl)
                add(x, SR_REL_CONTROLS, p->actor, -1, &pl->where, (sr_date){0, 0, 0},
                    SR_PREC_NONE, s, sent, 0.7, 0, cert);
            continue;
        }
        /* active: X ... captured P, X ... deploying its forces inside the town,
         * X forced ... to surrender (the event's place) */
        size_t next = i + 1 < n ? M[ai[i + 1]].span.start : sent.end;
        size_t end = next;
        for (size_t j = i + 1; j < n; j++)
            if (is_party(x->kb, M[ai[j]].actor) && M[ai[j]].actor != p->actor) {
                end = M[ai[j]].span.start;
                break;
            }
        if (end - p->span.end >= LOW_CAP)
            end = p->span.end + LOW_CAP - 1;
        if (!lower_span(t, p->span.end, end, low))
            continue;
        if (match(P_CAPTURE, low)) {
            /* the place the verb governs: the first town after the actor
             * with the verb between them, or "the town" pointing back */
            const sr_mention *pl = NULL;
            for (size_t j = 0; j < x->a->n_mentions && !pl; j++) {
                const sr_mention *m = &M[j];
                if (m->sentence == s && m->kind == SR_MENTION_PLACE && !m->where.is_area &&
                    m->where.location && m->span.start >= p->span.end)
                    pl = m;
            }
            if (pl && !between(t, p->span.end, pl->span.start, P_CAPTURE_DIRECT))
                pl = NULL;
            if (!pl && match(P_CAPTURE_ANAPHOR, low))
                pl = town_before(x, s, p->span.start);
            if (pl)
                add(x, SR_REL_CONTROLS, p->actor, -1, &pl->where, d, prec, s, sent, 0.7, 0, cert);
            continue;
        }
        if (match(P_DEPLOY, low)) {
            const sr_mention *pl = town_before(x, s, sent.end);
            if (pl)
                add(x, SR_REL_CONTROLS, p->actor, -1, &pl->where, d, prec, s, sent, 0.6, 0, cert);
            continue;
        }
        if (lower_span(t, p->span.end, sent.end, low) && match(P_SURRENDER, low)) {
            const sr_place_ref *w = event_town(x, s, p->actor);
            if (w)
                add(x, SR_REL_CONTROLS, p->actor, -1, w, d, prec, s, sent, 0.7, 0, cert);
        }
    }
}

/* ---- from events ---- */

static int hostile_type(const char *sub)
{
    static const char *const ok[] = {"Armed clash",
                                     "Non-state actor overtakes territory",
                                     "Government regains territory",
                                     "Air/drone strike",
                                     "Shelling/artillery/missile attack",
                                     "Remote explosive/landmine/IED",
                                     "Grenade",
                                     "Suicide bomb",
                                     "Attack",
                                     "Abduction/forced disappearance",
                                     "Arrests"};
    for (size_t i = 0; sub && i < sizeof ok / sizeof *ok; i++)
        if (!strcmp(sub, ok[i]))
            return 1;
    return 0;
}

static int within(sr_date d, sr_date from, sr_date to)
{
    if (!d.year)
        return 1;
    /* a bound given as a year only covers that whole year */
    if (from.year && (from.month ? date_cmp(d, from) < 0 : d.year < from.year))
        return 0;
    if (to.year && (to.month ? date_cmp(d, to) > 0 : d.year > to.year))
        return 0;
    return 1;
}

/* Do the curated relations make A and B friends at D (allied, one a member
 * of or backed by the other)?  Then an event coding them as opponents is
 * more likely a misreading ("Russian and Syrian jets struck ...") than a
 * new enmity, and no hostile fact is drawn from it. */
static int kb_friends(const sr_kb *kb, int a, int b, sr_date d)
{
    for (size_t i = 0; i < kb->n_relations; i++) {
        const sr_kb_relation *r = &kb->relations[i];
        if (r->type != SR_REL_ALLIED && r->type != SR_REL_MEMBER_OF && r->type != SR_REL_BACKED_BY)
            continue;
        if (((r->subject == a && r->object == b) || (r->subject == b && r->object == a)) &&
            within(d, r->valid_from, r->valid_to))
            return 1;
    }
    return 0;
}

static void event_facts(ctx *x)
{
    for (size_t i = 0; i < x->k->n_events; i++) {
        const sr_event *e = &x->k->events[i];
        if (e->certainty != SR_CERT_REPORTED && e->certainty != SR_CERT_CLAIMED)
            continue;
        if (!hostile_type(e->sub_event_type) || !is_party(x->kb, e->actor1) ||
            !is_party(x->kb, e->actor2))
            continue;
        /* two wings of one state are not enemies */
        const char *c1 = x->kb->actors[e->actor1].country;
        const char *c2 = x->kb->actors[e->actor2].country;
        sr_actor_kind k1 = x->kb->actors[e->actor1].kind, k2 = x->kb->actors[e->actor2].kind;
        if (k1 != SR_ACTOR_ARMED_GROUP && k1 != SR_ACTOR_COALITION && k2 != SR_ACTOR_ARMED_GROUP &&
            k2 != SR_ACTOR_COALITION && c1 && c2 && *c1 && !strcmp(c1, c2))
            continue;
        if (kb_friends(x->kb, e->actor1, e->actor2, e->date))
            continue;
        sr_span ev = e->n_evidence ? e->evidence[0] : x->a->sentences[e->sentence];
        add(x, SR_REL_HOSTILE, e->actor1, e->actor2, NULL, e->date, e->time_precision,
            e->sentence, ev, e->certainty == SR_CERT_REPORTED ? 0.9 : 0.6, 1, e->certainty);
    }
}

sr_status sr_relations_extract(const sr_kb *kb, sr_doc *doc, const sr_cleaned *c,
                               const sr_annotation *a, const sr_coding *k, sr_relation_set *out)
{
    memset(out, 0, sizeof *out);
    pthread_once(&patterns_once, compile_patterns);
    if (!patterns_ok)
        return SR_EINVAL;
    ctx x = {kb, c, a, k, out, 0, doc->arena};
    for (size_t s = 0; s < a->n_sentences; s++) {
        text_facts(&x, s);
        control_facts(&x, s);
    }
    event_facts(&x);
    return SR_OK;
}
