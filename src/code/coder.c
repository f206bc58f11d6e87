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
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/letters.h"
#include "kb/kb_int.h"
#include "code/code_int.h"
#include "sitrep/code.h"

/* An event dated more than this many days before the report is background
 * the report recalls (historical).  Thirty let an analysis piece's strike
 * of eighteen days before pass as news; over FA-KES the 41 events that
 * fourteen adds are all recalls ("the April 4 strike", "In July a suicide
 * bomb killed", "On June 23 the SDF broke into"). */
#define HISTORICAL_DAYS 14

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

/* strcmp(A, B) == 0 with the first bytes compared in line: most names the
 * coder compares (sub-event types, hedges, countries) differ there, and a
 * call per compare was a tenth of the coder's calls. */
static inline int str_eq(const char *a, const char *b)
{
    return a[0] == b[0] && !strcmp(a, b);
}

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

/* Letters (1) and the hyphen (2) for has_word's scan: one table load a
 * byte instead of a case fold and two range tests. */
static const unsigned char word_byte[256] = {
    ['-'] = 2, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
    ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1,
    ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1,
    ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
    ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};

/* The end of the run of letters (and hyphens, when HYPHENS) at U[p]. */
static inline size_t word_end(const unsigned char *u, size_t p, size_t e, int hyphens)
{
    p = sr_letter_run(u, p, e, hyphens);
    while (p < e && (hyphens ? word_byte[u[p]] : word_byte[u[p]] == 1))
        p++;
    return p;
}

/* Listed-word tests are inlined with the list's length known, so the
 * compiler unrolls the scan of the list and reads each listed word's first
 * letter and length as constants: a word of the text costs a few compares
 * instead of two loads per listed word.  A list of unknown length takes the
 * plain loop. */
#if defined(__SANITIZE_ADDRESS__)
#define WORD_LIST_PLAIN 1 /* the unrolled copies made ASan builds take minutes */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORD_LIST_PLAIN 1
#endif
#endif
/* (clang takes 45 s over the unrolled copies: it gets the plain loop) */
#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__) && !defined(WORD_LIST_PLAIN)
#define WORD_LIST_INLINE __attribute__((always_inline)) inline
#define WORD_LIST_CONST(n) __builtin_constant_p(n)
#else
#define WORD_LIST_INLINE inline
#define WORD_LIST_CONST(n) 0
#endif

/* lower_eq out of line for listed: the few calls whose first letter and
 * length match a listed word need no copy of it per listed word. */
__attribute__((noinline)) static int listed_word_eq(const char *t, size_t s, size_t e,
                                                    const char *w)
{
    return lower_eq(t, s, e, w);
}

/* The first letters of WORDS as has_word's bits (c & 31): a word whose
 * first letter has no bit here is none of them. */
static WORD_LIST_INLINE unsigned long first_letters(const char *const *words, size_t n)
{
    unsigned long m = 0;
#pragma GCC unroll 64
    for (size_t k = 0; k < n; k++)
        m |= 1ul << ((unsigned char)words[k][0] & 31);
    return m;
}

/* A word's bit in a list's filter (listed_filter), from its first letter
 * C0 and its length LEN. */
static inline unsigned word_bit(unsigned c0, size_t len)
{
    return (c0 + (unsigned)len * 23) & 63;
}

/* The bits of the words of WORDS[0..N) (word_bit), a constant when the
 * list is: a word whose bit is clear is none of them, and most words of
 * the text are cleared with one test (a first letter alone let a third
 * of them through to the compares). */
static WORD_LIST_INLINE uint64_t listed_filter(const char *const *words, size_t n)
{
    if (!WORD_LIST_CONST(n))
        return ~0ull; /* (a loop per call is no filter): every word passes */
    uint64_t m = 0;
#pragma GCC unroll 128
    for (size_t k = 0; k < n; k++)
        m |= 1ull << word_bit((unsigned char)words[k][0], strlen(words[k]));
    return m;
}

/* Is T[s, e), of letters and hyphens and starting with C0 (lower case),
 * one of WORDS? */
static WORD_LIST_INLINE int listed(const char *t, size_t s, size_t e, char c0,
                                   const char *const *words, size_t n)
{
    if (!WORD_LIST_CONST(n)) {
        for (size_t k = 0; k < n; k++)
            if (words[k][0] == c0 && lower_eq(t, s, e, words[k]))
                return 1;
        return 0;
    }
    if (e - s > 255 || !(listed_filter(words, n) >> word_bit((unsigned char)c0, e - s) & 1))
        return 0;
    /* lower_eq is true only of a word of the same length: one compare of
     * first letter and length a listed word (a constant), and the few
     * that share both are compared in full */
    unsigned key = (unsigned char)c0 | (unsigned)(e - s) << 8;
#pragma GCC unroll 128
    for (size_t k = 0; k < n; k++)
        if (key == ((unsigned char)words[k][0] | (unsigned)strlen(words[k]) << 8) &&
            listed_word_eq(t, s, e, words[k]))
            return 1;
    return 0;
}

/* Does any word in T[s, e) equal one of WORDS?  A word is a letter
 * followed by letters and hyphens.  Cost: O(e - s) plus one first-letter
 * test per word of the text. */
static WORD_LIST_INLINE int has_word(const char *t, size_t s, size_t e,
                                     const char *const *words, size_t n)
{
    const unsigned char *u = (const unsigned char *)t;
    /* the first letters of WORDS, as bits (c & 31): most words of the text
     * start with none of them and need no compare.  A list of unknown
     * length is read for them once the window shows a second word: a
     * window of one word (the common call) is compared directly. */
    unsigned long first = ~0ul;
    int masked = 0;
    if (WORD_LIST_CONST(n)) {
        first = 0;
#pragma GCC unroll 64
        for (size_t k = 0; k < n; k++)
            first |= 1ul << ((unsigned char)words[k][0] & 31);
        masked = 1;
    }
    size_t i = s;
    while (i < e) {
        while (i < e && word_byte[u[i]] != 1)
            i++;
        size_t w = i;
        i = word_end(u, i, e, 1);
        char c0 = w < i ? (char)(t[w] | 32) : '\0';
        if (!masked && i < e) {
            first = 0;
            for (size_t k = 0; k < n; k++)
                first |= 1ul << ((unsigned char)words[k][0] & 31);
            masked = 1;
        }
        if (!(first >> (c0 & 31) & 1))
            continue;
        if (listed(t, w, i, c0, words, n))
            return 1;
    }
    return 0;
}

/* Is T[s, e), one word as next_word finds it (letters only), one of
 * WORDS?  has_word's answer for that window, without looking for the
 * word's bounds again: the per-word walks ask it of every word. */
static WORD_LIST_INLINE int word_is(const char *t, size_t s, size_t e,
                                    const char *const *words, size_t n)
{
    if (s >= e)
        return 0;
    return listed(t, s, e, (char)(t[s] | 32), words, n);
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

static const char *const kill_words[] = {"killed",  "killing", "kills",    "dead",
                                         "died",    "deaths",  "death",    "slain",
                                         "beheaded", "executed", "lost their lives",
                                         /* state media's word for civilian dead */
                                         "martyred"};
#define N_KILL (sizeof kill_words / sizeof *kill_words)
static const char *const hurt_words[] = {"injuring", "injured", "wounding", "wounded",
                                         "injuries", "hurt",    "wounds",   "injures",
                                         "hospitalized", "hospitalised"};
#define N_HURT (sizeof hurt_words / sizeof *hurt_words)
static const char *const people_nouns[] = {
    "people",   "civilians", "civilian", "militants", "fighters", "soldiers", "members",
    "children", "women",     "persons",  "troops",    "terrorists", "rebels", "gunmen",
    "jihadists", "policemen", "personnel", "men",     "boys",     "girls",    "residents",
    "combatants", "insurgents", "officers", "worker",  "workers",  "journalists", "militant",
    "fighter",  "soldier",   "person",   "child",     "boy",      "girl",     "man",
    "woman",    "member",    "others",   "citizens",  "citizen",
    /* ranks and roles counted as people: "two commanders were executed" */
    "commanders", "commander", "officer", "policeman", "guards", "pilots",
    /* trades and kin named as victims (issue 4): "two shepherds were killed" */
    "shepherds", "shepherd", "farmers", "farmer", "doctors", "doctor", "nurses", "nurse",
    "teachers", "teacher", "students", "student", "pupils", "villagers", "passengers",
    "labourers", "laborers", "relatives", "paramedics", "teenagers",
    "sons", "daughters", "brothers", "sisters", "medics", "volunteers"};
/* Victims that make the target civilians (ACLED): people named by age,
 * sex, trade or kin, not by arms. */
static const char *const civilian_nouns[] = {
    "children",  "child",    "women",    "woman",    "boys",      "girls",     "boy",
    "girl",      "shepherds", "shepherd", "farmers", "farmer",    "workers",   "worker",
    "residents", "resident", "villagers", "villager", "doctors",  "doctor",    "nurses",
    "nurse",     "teachers", "teacher",  "students", "student",   "pupils",    "passengers",
    "labourers", "laborers", "relatives", "family",  "families",  "teenagers", "teenager",
    "journalists", "journalist", "paramedics", "babies", "infants", "elderly", "civilians",
    "civilian", "mother", "father", "son", "sons", "daughter", "daughters", "brother",
    "brothers", "sister", "sisters", "wife", "husband", "baby", "medics", "volunteers",
    "citizens", "citizen", /* state media's word for civilians */
    "man", "elder", "elders", "couple", "driver", "drivers", "cleric", "imam", "pharmacist",
    "engineer", "engineers", "mukhtar", "shopkeeper", "fishermen", "fisherman", "displaced",
    "merchant", "merchants", "trader", "traders", "businessman"};

/* A deed told as a habit ("repeatedly attacked", code_trigger) */
static const char *const often_words[] = {"repeatedly", "regularly", "frequently",   "routinely",
                                          "sometimes",  "often",     "occasionally", "constantly",
                                          "usually",    "typically", "habitually", "occasional",
                                          "sporadic",   "periodic",  "intermittent", "frequent"};
#define N_OFTEN (sizeof often_words / sizeof *often_words)

/* ---- building events ---- */

typedef struct sent_view {
    const sr_mention *m;
    size_t n; /* mentions of this sentence: m[0..n) */
} sent_view;

typedef struct sentence_facts {
    int since_total;   /* "have been killed since April" */
    int period_total;  /* "has killed 100 in the last two weeks" */
    int aircraft;      /* drones, jets, helicopters, "air force" are named */
    int chemical;      /* "with chemical weapons", "with toxic gas" */
    size_t speech_end; /* end of the first "said/told/...", or 0 */
    /* a killing word (kill_words) stands alone in it, letters only: with
     * none, has_word finds none either (sentence_deaths' first test) */
    int kill_word;
    int often_told; /* likewise an often_words word or "times" */
    int kill_listed; /* has_word finds a killing word in it */
    int valid;  /* the facts are those of */
    sr_span of; /* this sentence */
} sentence_facts;

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
    int toll_given;         /* a toll was already assigned in the report */
    int sent_toll_given;    /* the current sentence's toll was assigned:
                               one sentence's toll goes to one event */
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
    sr_span victims_span; /* civilian_victims cache: its answer for */
    int victims, victims_valid; /* VICTIMS_SPAN */
    int have_prev_place;
    size_t title_sentence; /* sentence printing the headline, or -1 */
    sentence_facts sf;     /* of the current sentence */
    const char *home_country;         /* most of the report's towns are in it */
    const char *named_countries[8];   /* countries the report names as areas */
    int n_named;
    unsigned char *in_paren;       /* paren_flags cache: per mention of */
    size_t in_paren_cap;           /* the sentence of mentions */
    const sr_mention *in_paren_of; /* IN_PAREN_OF[0..IN_PAREN_N) */
    size_t in_paren_n;
    struct { /* sentence_has cache */
        const char *const *words;
        size_t start, end;
        int hit;
    } has[4];
    size_t n_has;
    struct { /* event_type cache, by pointer */
        const char *sub, *type;
    } types[32];
    const sr_mention *places_of; /* sentence_places cache: the places */
    size_t places_n;             /* of the sentence of mentions, */
    size_t places_speech;        /* with this speech end */
    const sr_mention *places[8]; /* PLACES_OF[0..PLACES_N) */
    size_t n_places;
} coder;

/* sr_acled_event_type (a scan of ACLED's list with strcmp) remembered by
 * the sub-event type's pointer: the names are the knowledge base's
 * triggers and the coder's literals, a handful per document. */
static const char *event_type(coder *k, const char *sub)
{
    /* the names are literals and knowledge-base strings a few bytes
     * apart: bits above the lowest few tell them apart */
    uintptr_t u = (uintptr_t)sub;
    size_t h = (size_t)((u >> 3) ^ (u >> 8)) & 31;
    if (k->types[h].sub != sub) {
        k->types[h].sub = sub;
        k->types[h].type = sr_acled_event_type(sub);
    }
    return k->types[h].type;
}

/* has_word over all of sentence SENT, remembered for the sentence: every
 * strike or agreement trigger asks the same questions of it, and reading
 * a long sentence again per trigger made it cost O(bytes) per trigger. */
static const char *find_lit(const char *h, size_t len, const char *lit, size_t n);
static WORD_LIST_INLINE int sentence_has(coder *k, sr_span sent, const char *const *words,
                                         size_t n)
{
    for (size_t i = 0; i < k->n_has; i++)
        if (k->has[i].words == words && k->has[i].start == sent.start && k->has[i].end == sent.end)
            return k->has[i].hit;
    int hit = has_word(k->t, sent.start, sent.end, words, n);
    size_t slot = k->n_has < 4 ? k->n_has++ : (size_t)(sent.start % 4);
    k->has[slot].words = words;
    k->has[slot].start = sent.start;
    k->has[slot].end = sent.end;
    k->has[slot].hit = hit;
    return hit;
}

static const char *const violation_words[] = {"violating", "violated", "violation", "violations",
                                              "breaking", "breached", "breach", "broke"};
static const char *const air_words[] = {"drone", "drones", "ucav", "warplane", "warplanes",
                                        "jet", "jets", "aircraft", "helicopter", "helicopters",
                                        "airstrike", "airstrikes", "air", "aerial"};
static const char *const shell_words[] = {"rocket", "rockets", "missile", "missiles", "shell",
                                          "shells", "artillery", "mortar", "mortars", "tank",
                                          "tanks"};
static const char *const determiners[] = {"the", "this", "these", "that", "those", "its", "such"};
static const char *const victim_words[] = {"killed", "wounded", "injured", "died", "dead",
                                           "martyred"};
static const char *const carry_words[] = {"them", "these", "those", "such"};

/* ---- the coder's word lists as one table ---- */

/* The sentence walks below ask of each word whether it is in one of
 * several lists; a list tested word by word costs a compare per listed
 * word that shares the word's first letter and length.  One hash table of
 * every word of those lists, holding the lists it is in as bits, answers
 * with a load and a compare. */
enum {
    VW_KILL = 1u << 0,      /* kill_words */
    VW_OFTEN = 1u << 1,     /* often_words and "times" */
    VW_PERFECT = 1u << 2,   /* "have", "has", "had" */
    VW_SINCE = 1u << 3,     /* "since" */
    VW_SPAN_PREP = 1u << 4, /* "in", "over", "during": "in the last two weeks" */
    VW_WITH = 1u << 5,      /* "with" */
    VW_GAS = 1u << 6,       /* "chemical", "chlorine", "toxic", "sarin" */
    VW_AIR = 1u << 7,       /* "air" */
    VW_AIRCRAFT = 1u << 8,  /* facts_aircraft */
    VW_SPEECH = 1u << 9,    /* facts_speech */
    VW_PEOPLE = 1u << 10,   /* people_nouns */
    VW_CIVILIAN = 1u << 11, /* civilian_nouns */
    VW_VICTIM = 1u << 12,   /* civilian_victims' verbs: victim_words, hurt_words,
                               "killing", victims_taken */
    VW_DETERMINER = 1u << 13, /* determiners */
    VW_TIME_STOP = 1u << 14,  /* definite_stop */
};
_Static_assert(VW_TIME_STOP < 1u << 16, "vocab_filter holds a word's lists in 16 bits");

static const char *const facts_perfect[] = {"have", "has", "had"};
static const char *const facts_aircraft[] = {"drone",     "drones",     "ucav",        "warplane",
                                             "warplanes", "jet",        "jets",        "aircraft",
                                             "aircrafts", "helicopter", "helicopters", "planes"};
static const char *const facts_speech[] = {"said", "says", "told", "reported", "announced"};
/* definite_phrase stops at an article or a time word: "Earlier this
 * month an air raid" */
static const char *const definite_stop[] = {"a",   "an",      "another", "week",    "month",
                                            "year", "day",    "morning", "night",   "evening",
                                            "weekend"};
/* civilian_victims: "kidnapped a grain merchant": the taken are victims
 * too */
static const char *const victims_taken[] = {"kidnapped", "abducted", "kidnapping", "abducting"};

/* A word's key: its first sixteen bytes, capitals folded, as two
 * little-endian words, zero past its end.  A word is letters (and
 * hyphens, which the fold leaves alone) and holds no zero byte, so the
 * key tells words of up to sixteen bytes apart. */
#define VOCAB_MAX_LEN 16
#define VOCAB_BITS 9
typedef struct vocab_entry {
    uint64_t lo, hi;
    uint32_t flags; /* 0: an empty slot */
} vocab_entry;
static vocab_entry vocab[1u << VOCAB_BITS];
/* per hash of a key's first word (vocab_sieve), the lists of the listed
 * words with that hash: most words of the text find none of those asked
 * for and need no look in VOCAB (the common "the", "a", "in" are listed
 * for some walks only) */
static uint16_t vocab_filter[1u << 12];

static inline size_t vocab_slot(uint64_t lo, uint64_t hi)
{
    return (size_t)(((lo ^ (hi * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull) >>
                    (64 - VOCAB_BITS));
}

static inline unsigned vocab_sieve(uint64_t lo)
{
    return (unsigned)((lo * 0xD6E8FEB86659FD93ull) >> (64 - 12));
}

/* The two words of the key of U[0, N), 0 < N <= VOCAB_MAX_LEN, before
 * the fold and the cut at N; ROOM is how many bytes from U may be read (at
 * least N). */
static inline void vocab_load(const unsigned char *u, size_t n, size_t room, uint64_t *w0,
                              uint64_t *w1)
{
    if (room >= 16) {
        memcpy(w0, u, 8);
        memcpy(w1, u + 8, 8);
    } else {
        unsigned char b[16] = {0};
        memcpy(b, u, n);
        memcpy(w0, b, 8);
        memcpy(w1, b + 8, 8);
    }
}

/* The key's first word from W0, and its second from W1, for a word of N
 * bytes: the bytes past the word cleared (a table load, not a shift
 * worked out per word) */
static const uint64_t vocab_mask[2][VOCAB_MAX_LEN + 1] = {
    {0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull,
     0xFFFFFFFFFFFFFFull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
     0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull}};

static inline uint64_t vocab_lo(uint64_t w0, size_t n)
{
    return (w0 | 0x2020202020202020ull) & vocab_mask[0][n];
}

static inline uint64_t vocab_hi(uint64_t w1, size_t n)
{
    return (w1 | 0x2020202020202020ull) & vocab_mask[1][n];
}

/* The lists of the word of key LO, HI; 0 for none */
static inline uint32_t vocab_probe(uint64_t lo, uint64_t hi)
{
    for (size_t h = vocab_slot(lo, hi);; h = (h + 1) & ((1u << VOCAB_BITS) - 1)) {
        const vocab_entry *v = &vocab[h];
        if (!v->flags)
            return 0;
        if (v->lo == lo && v->hi == hi)
            return v->flags;
    }
}

/* The lists (VW_*) the word T[s, e) of letters and hyphens is in, 0 for
 * none; LIMIT is the end of the readable text. */
static inline uint32_t vocab_flags(const char *t, size_t s, size_t e, size_t limit)
{
    size_t n = e - s;
    if (n - 1 >= VOCAB_MAX_LEN)
        return 0; /* empty, or longer than any listed word */
    uint64_t w0, w1;
    vocab_load((const unsigned char *)t + s, n, limit - s, &w0, &w1);
    uint64_t lo = vocab_lo(w0, n);
    if (!vocab_filter[vocab_sieve(lo)])
        return 0;
    return vocab_probe(lo, vocab_hi(w1, n));
}

static void vocab_add(const char *const *words, size_t n, uint32_t flag)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        /* "lost their lives": no word of the text, which has no spaces */
        if (len == 0 || len > VOCAB_MAX_LEN || strchr(words[i], ' '))
            continue;
        uint64_t w0, w1;
        vocab_load((const unsigned char *)words[i], len, len, &w0, &w1);
        uint64_t lo = vocab_lo(w0, len), hi = vocab_hi(w1, len);
        vocab_filter[vocab_sieve(lo)] |= (uint16_t)flag;
        size_t h = vocab_slot(lo, hi);
        while (vocab[h].flags && !(vocab[h].lo == lo && vocab[h].hi == hi))
            h = (h + 1) & ((1u << VOCAB_BITS) - 1);
        vocab[h].lo = lo;
        vocab[h].hi = hi;
        vocab[h].flags |= flag;
    }
}

static void vocab_build(void)
{
#define VOCAB_ADD(list, flag) vocab_add(list, sizeof list / sizeof *list, flag)
    static const char *const times[] = {"times"}, *const since[] = {"since"},
                             *const span_prep[] = {"in", "over", "during"},
                             *const with[] = {"with"},
                             *const gas[] = {"chemical", "chlorine", "toxic", "sarin"},
                             *const air[] = {"air"}, *const killing[] = {"killing"};
    VOCAB_ADD(kill_words, VW_KILL);
    VOCAB_ADD(often_words, VW_OFTEN);
    VOCAB_ADD(times, VW_OFTEN);
    VOCAB_ADD(facts_perfect, VW_PERFECT);
    VOCAB_ADD(since, VW_SINCE);
    VOCAB_ADD(span_prep, VW_SPAN_PREP);
    VOCAB_ADD(with, VW_WITH);
    VOCAB_ADD(gas, VW_GAS);
    VOCAB_ADD(air, VW_AIR);
    VOCAB_ADD(facts_aircraft, VW_AIRCRAFT);
    VOCAB_ADD(facts_speech, VW_SPEECH);
    VOCAB_ADD(people_nouns, VW_PEOPLE);
    VOCAB_ADD(civilian_nouns, VW_CIVILIAN);
    VOCAB_ADD(victim_words, VW_VICTIM);
    VOCAB_ADD(hurt_words, VW_VICTIM);
    VOCAB_ADD(killing, VW_VICTIM);
    VOCAB_ADD(victims_taken, VW_VICTIM);
    VOCAB_ADD(determiners, VW_DETERMINER);
    VOCAB_ADD(definite_stop, VW_TIME_STOP);
#undef VOCAB_ADD
}

static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

/* has_word for the words of the lists FLAG names (VW_*): any word of
 * T[s, e), a letter then letters and hyphens, in one of them. */
static int span_has(const coder *k, size_t s, size_t e, uint32_t flag)
{
    const unsigned char *u = (const unsigned char *)k->t;
    size_t i = s;
    while (i < e) {
        while (i < e && word_byte[u[i]] != 1)
            i++;
        size_t w = i;
        i = word_end(u, i, e, 1);
        if (w < i && (vocab_flags(k->t, w, i, k->c->text_len) & flag))
            return 1;
    }
    return 0;
}

/* The letters among the 64 bytes at U, as bits */
static inline uint64_t letter_bits64(const unsigned char *u)
{
#if defined(__SSE2__)
    /* as sr_letter_run: capitals folded, a letter plus 0x80 - 'a' is
     * below -102 as a signed byte, and no other byte is */
    const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8((char)(0x80 - 'a'));
    const __m128i past_z = _mm_set1_epi8(-102);
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + 16));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + 32));
    __m128i v3 = _mm_loadu_si128((const __m128i *)(const void *)(u + 48));
    uint64_t m0 = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v0, case_bit), shift), past_z));
    uint64_t m1 = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v1, case_bit), shift), past_z));
    uint64_t m2 = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v2, case_bit), shift), past_z));
    uint64_t m3 = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v3, case_bit), shift), past_z));
    return m0 | m1 << 16 | m2 << 32 | m3 << 48;
#else
    uint64_t m = 0;
    for (int q = 0; q < 64; q++)
        m |= (uint64_t)(word_byte[u[q]] == 1) << q;
    return m;
#endif
}

/* The words of vocab in a stretch of text: its runs of ASCII letters, as
 * next_word finds them one after another, read 64 bytes at a time as a
 * mask of letters, so that a word costs a few bit operations and one
 * filter test (vocab_filter) where next_word's byte loops and a list
 * test per word cost several times that. */
typedef struct vocab_scan {
    size_t pos, end; /* what is left to read: T[pos, end) */
    size_t limit;    /* the end of the readable text */
    size_t words;    /* runs read so far */
} vocab_scan;

typedef struct vocab_hit {
    size_t s, e;    /* the run T[s, e) */
    size_t n;       /* its place among the runs of the scan, from 0 */
    uint32_t flags; /* its lists, among those asked for */
} vocab_hit;

static inline void vocab_scan_init(vocab_scan *sc, const coder *k, size_t start, size_t end)
{
    sc->pos = start;
    sc->end = end;
    sc->limit = k->c->text_len;
    sc->words = 0;
}

/* The next runs of SC in one of the lists WANT names, up to MAX of them
 * into OUT; fewer than MAX at the end of the stretch. */
static size_t vocab_hits(const char *t, vocab_scan *sc, uint32_t want, vocab_hit *out, size_t max)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t n_out = 0, base = sc->pos, end = sc->end, words = sc->words;
    while (base < end) {
        size_t n = end - base < 64 ? end - base : 64;
        /* a key reads 16 bytes from a run's start: near the end of the
         * text the window is a copy with zeros after it */
        unsigned char copy[80];
        const unsigned char *src = u + base;
        if (sc->limit - base < 80) {
            memset(copy, 0, sizeof copy);
            memcpy(copy, u + base, n);
            src = copy;
        }
        uint64_t bits = letter_bits64(src);
        if (n < 64)
            bits &= (1ull << n) - 1;
        size_t next = base + 64;
        while (bits) {
            unsigned b0 = (unsigned)__builtin_ctzll(bits);
            uint64_t filled = bits | (bits - 1); /* the zeros below the run set */
            unsigned b1 = ~filled ? (unsigned)__builtin_ctzll(~filled) : 64;
            if (b1 == 64 && base + 64 < end) {
                /* the run may go on past the window: read on from it */
                if (b0) {
                    next = base + b0;
                    break;
                }
                /* a run of 64 letters and more is no listed word */
                next = word_end(u, base + 64, end, 0);
                words++;
                break;
            }
            bits &= filled + 1; /* the run cleared */
            words++;
            unsigned len = b1 - b0;
            if (len > VOCAB_MAX_LEN)
                continue;
            uint64_t w0, w1;
            memcpy(&w0, src + b0, 8);
            uint64_t lo = vocab_lo(w0, len);
            if (!(vocab_filter[vocab_sieve(lo)] & want))
                continue;
            memcpy(&w1, src + b0 + 8, 8);
            uint32_t fl = vocab_probe(lo, vocab_hi(w1, len)) & want;
            if (!fl)
                continue;
            out[n_out].s = base + b0;
            out[n_out].e = base + b1;
            out[n_out].n = words - 1;
            out[n_out].flags = fl;
            if (++n_out == max) {
                sc->pos = base + b1;
                sc->words = words;
                return n_out;
            }
        }
        base = next;
    }
    sc->pos = end;
    sc->words = words;
    return n_out;
}

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
             {"Arrests", 3},
             /* "police fired tear gas at protesters who threw stones": the
              * crowd's violence names the event (issue 4) */
             {"Violent demonstration", 3}};
    for (size_t i = 0; i < sizeof r / sizeof *r; i++)
        if (r[i].sub[0] == sub[0] && str_eq(r[i].sub, sub))
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
           kb->actors[m->actor].kind != SR_ACTOR_PERSON && !(m->flags & SR_MF_RELATED);
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
    e->actor1 = e->actor2 = e->suspect = -1;
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
        !str_eq(ac->country, country) && !str_eq(country, "SY"))
        return 8;
    if (inter == 1 && ac->country && *ac->country && !str_eq(ac->country, "Syria") &&
        (!country || str_eq(country, "SY") || str_eq(country, "Syria")))
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
        if (str_eq(map[i][0], c))
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
static inline void next_word(const char *t, size_t p, size_t end, size_t *s, size_t *e)
{
    while (p < end && word_byte[(unsigned char)t[p]] != 1)
        p++;
    *s = p;
    *e = word_end((const unsigned char *)t, p, end, 0);
}

/* The start of the run of ASCII letters ending at U[p], no further back
 * than START: sr_letter_run backwards, eight bytes at a time, so that the
 * walk's exit does not hang on a branch per letter. */
static inline size_t letter_run_back(const unsigned char *u, size_t start, size_t p)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (p - start >= 8) {
        uint64_t w;
        memcpy(&w, u + p - 8, 8);
        /* bytes from 0x80 up are no letters; below it no sum carries */
        uint64_t x = (w & ~highs) | ones * 0x20;
        uint64_t letter = (x + ones * (0x80 - 'a')) & ~(x + ones * (0x80 - 'z' - 1)) & ~w;
        uint64_t other = ~letter & highs;
        if (other)
            return p - 8 + (size_t)((63 - __builtin_clzll(other)) >> 3) + 1;
        p -= 8;
    }
#endif
    while (p > start && word_byte[u[p - 1]] == 1)
        p--;
    return p;
}

/* The word just before P, as [*S, *E) (empty at START). */
static void word_before(const char *t, size_t start, size_t p, size_t *s, size_t *e)
{
    while (p > start && word_byte[(unsigned char)t[p - 1]] != 1)
        p--;
    *e = p;
    *s = letter_run_back((const unsigned char *)t, start, p);
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

/* Is a hurt word among the WORDS words from P on, before any killing word
 * (and, when AND_STOPS, before "and", "or", "while": the next count's)? */
static int hurt_ahead(const char *t, size_t p, size_t end, int words, int and_stops)
{
    static const char *const conj[] = {"and", "or", "while"};
    size_t s = p, e = p;
    for (int w = 0; w < words; w++) {
        next_word(t, e, end, &s, &e);
        if (e <= s || has_word(t, s, e, kill_words, N_KILL) ||
            (and_stops && has_word(t, s, e, conj, 3)))
            return 0;
        if (has_word(t, s, e, hurt_words, N_HURT))
            return 1;
    }
    return 0;
}

/* A word for armed men of a non-state side, in lower case. */
static int combatant_noun(const char *w)
{
    static const char *const fighters[] = {"fighters",   "militants", "jihadists", "terrorists",
                                           "rebels",     "insurgents", "gunmen",   "extremists",
                                           "mercenaries"};
    for (size_t i = 0; i < sizeof fighters / sizeof *fighters; i++)
        if (!strcmp(w, fighters[i]))
            return 1;
    return 0;
}

static long long sentence_deaths_uncached(const coder *k, const sent_view *sv, sr_span sent,
                                          int *vague)
{
    const char *t = k->t;
    *vague = 0;
    /* every word has_word finds that is a killing word is a run of
     * letters, which the sentence's facts looked at already */
    if (k->sf.valid && k->sf.of.start == sent.start && k->sf.of.end == sent.end) {
        if (!k->sf.kill_listed)
            return 0;
    } else if (!has_word(t, sent.start, sent.end, kill_words, N_KILL))
        return 0;
    long long sum = 0;
    int any = 0;
    char seen_noun[8][32];
    long long seen_val[8];
    size_t n_seen = 0;
    size_t last_counted_start = 0, last_counted_end = 0, last_noun_end = 0;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_NUMBER || m->number.is_ordinal || m->number.is_year)
            continue;
        size_t ws = m->span.start > sent.start + 40 ? m->span.start - 40 : sent.start;
        size_t we = m->span.end + 40 < sent.end ? m->span.end + 40 : sent.end;
        int noun_people =
            m->number.noun.end > m->number.noun.start &&
            span_has(k, m->number.noun.start, m->number.noun.end, VW_PEOPLE); /* people_nouns */
        /* "HTS accused Zenki of killing five of its members": deaths told
         * inside an accusation are the accuser's claim, no toll of the
         * sentence's event */
        {
            /* ("a car bombing blamed on Daesh killed 26" is the event) */
            static const char *const accuse[] = {"accused", "accusing", "accuses", "accuse"};
            size_t p = m->span.start, as, ae;
            int hit = 0;
            for (int w = 0; w < 8 && p > sent.start && !hit; w++) {
                word_before(t, sent.start, p, &as, &ae);
                if (ae <= as)
                    break;
                hit = word_is(t, as, ae, accuse, sizeof accuse / sizeof *accuse);
                p = as;
            }
            if (hit)
                continue;
        }
        /* "in 24 hours", "within 10 km": a span of time or a distance */
        {
            static const char *const measure[] = {
                "hours", "hour", "days", "minutes", "weeks", "months", "years", "km",
                "kilometres", "kilometers", "miles", "metres", "meters", "percent"};
            size_t us, ue;
            next_word(t, m->span.end, sent.end, &us, &ue);
            if (ue > us && us - m->span.end <= 1 &&
                word_is(t, us, ue, measure, sizeof measure / sizeof *measure))
                continue;
        }
        int near_hurt = has_word(t, ws, m->span.start, hurt_words, N_HURT) &&
                        !has_word(t, m->span.end, we, kill_words, N_KILL);
        if (near_hurt && !noun_people)
            continue;
        if (near_hurt) {
            /* "killing 4 and injuring 3": the word just before decides */
            size_t ps = m->span.start > 12 ? m->span.start - 12 : 0;
            if (ps < sent.start)
                ps = sent.start;
            if (has_word(t, ps, m->span.start, hurt_words, N_HURT))
                continue;
        }
        /* a count of people far from any killing word is no toll ("a siege
         * that threatens 300000 civilians"); one over 2,000 is a running
         * total, never one event's (the deadliest single events of the
         * Syrian war, the Ghouta sarin attack of 2013, were reported at
         * 281 to 1,729 dead) */
        int near_kill = has_word(t, ws, we, kill_words, N_KILL);
        if (!near_kill && noun_people) {
            /* "six militants and three civilians have been killed": the
             * verb may come after a list of counted people */
            size_t we2 = m->span.end + 80 < sent.end ? m->span.end + 80 : sent.end;
            near_kill = has_word(t, m->span.end, we2, kill_words, N_KILL);
        }
        if (!near_kill || m->number.value > 2000)
            continue;
        {
            /* "where 3000 people remain stranded", "900 people took part":
             * people counted doing something else than dying */
            static const char *const alive[] = {"remain",    "remained",    "live",     "lived",
                                                "fled",      "displaced",   "trapped",  "took",
                                                "evacuated", "withdrew",    "arrived",  "gathered",
                                                "returned",  "surrendered", "stranded", "besieged",
                                                "marching",  "protesting",  "demonstrating",
                                                "gathering", "rallying",    "fleeing",  "living",
                                                "attending", "chanting"};
            size_t from = m->number.noun.end > m->span.end ? m->number.noun.end : m->span.end;
            size_t x1s, x1e, x2s, x2e;
            next_word(t, from, sent.end, &x1s, &x1e);
            next_word(t, x1e, sent.end, &x2s, &x2e);
            if (has_word(t, x1s, x2e, alive, sizeof alive / sizeof *alive))
                continue;
        }
        /* "between 1000 and 1800", "from 500 to 1000": the lower bound
         * (ACLED: the most conservative figure) */
        {
            static const char *const range_to[] = {"and", "to"};
            static const char *const range_from[] = {"between", "from"};
            size_t rs, re, ps2, pe2;
            word_before(t, sent.start, m->span.start, &rs, &re);
            if (re > rs && has_word(t, rs, re, range_to, 2) && last_counted_end &&
                rs >= last_counted_end && rs - last_counted_end <= 2) {
                word_before(t, sent.start, last_counted_start, &ps2, &pe2);
                if (pe2 > ps2 && has_word(t, ps2, pe2, range_from, 2))
                    continue;
            }
        }
        /* "four children from one family died": a count of the family */
        {
            size_t fs, fe;
            word_before(t, sent.start, m->span.start, &fs, &fe);
            if (fe > fs && lower_eq(t, fs, fe, "from"))
                continue;
        }
        if (!noun_people) {
            /* a count of no people must stand next to the killing word
             * ("killed 47", "15 dead"), not merely near it ("... Killing
             * 50 Terrorists Fri Sep 30 2016 102138 Warplanes") */
            size_t b1s, b1e, b2s, b2e, a1s, a1e, a2s, a2e;
            word_before(t, sent.start, m->span.start, &b1s, &b1e);
            word_before(t, sent.start, b1s, &b2s, &b2e);
            next_word(t, m->span.end, sent.end, &a1s, &a1e);
            next_word(t, a1e, sent.end, &a2s, &a2e);
            /* "putting the death toll at 25", "the toll rose to 30" */
            static const char *const toll[] = {"toll"};
            size_t b3s, b3e;
            word_before(t, sent.start, b2s, &b3s, &b3e);
            if (!has_word(t, b2s, b1e, kill_words, N_KILL) && !has_word(t, a1s, a2e, kill_words, N_KILL) &&
                !has_word(t, b3s < b2s ? b3s : b2s, b1e, toll, 1))
                continue;
        }
        /* "18 civilians including five children": a subset, not more dead */
        static const char *const subset[] = {"including", "among", "whom", "them"};
        size_t ss = m->span.start > sent.start + 16 ? m->span.start - 16 : sent.start;
        /* "three children were among at least 19 killed": the count after
         * "were among" is the whole, the one before it the part */
        static const char *const were_among[] = {"were", "are"};
        size_t bs, be, as, ae;
        word_before(t, sent.start, m->span.start, &as, &ae);
        if (ae > as && lower_eq(t, as, ae, "least"))
            word_before(t, sent.start, as, &as, &ae), word_before(t, sent.start, as, &as, &ae);
        word_before(t, sent.start, as, &bs, &be);
        /* "2 medics among 31 dead" likewise */
        if (any && n_seen == 1 && ae > as && lower_eq(t, as, ae, "among") && be > bs &&
            (has_word(t, bs, be, were_among, 2) ||
             (be == last_noun_end && bs >= last_counted_end))) {
            sum = 0;
            n_seen = 0;
        } else if (has_word(t, ss, m->span.start, subset, 4) && any)
            continue;
        /* "five civilians dead, two of them children": a part of the count
         * before it */
        if (any) {
            size_t o1s, o1e, o2s, o2e;
            next_word(t, m->span.end, sent.end, &o1s, &o1e);
            next_word(t, o1e, sent.end, &o2s, &o2e);
            if (lower_eq(t, o1s, o1e, "of") &&
                (lower_eq(t, o2s, o2e, "them") || lower_eq(t, o2s, o2e, "whom")))
                continue;
        }
        /* "30 wounded", "three others were injured": the count is the hurt;
         * "killed 28 and wounded 30": "and" hands the hurt to the next one */
        size_t w1s, w1e, w2s, w2e;
        next_word(t, m->span.end, sent.end, &w1s, &w1e);
        next_word(t, w1e, sent.end, &w2s, &w2e);
        static const char *const conj[] = {"and", "or", "while"};
        int w1_hurt = has_word(t, w1s, w1e, hurt_words, N_HURT);
        /* "kills 3 wounds 14": the hurt verb takes the next count */
        if (w1_hurt) {
            size_t d = w1e;
            while (d < sent.end && t[d] == ' ')
                d++;
            if (d < sent.end && t[d] >= '0' && t[d] <= '9')
                w1_hurt = 0;
        }
        int w1_conj = has_word(t, w1s, w1e, conj, 3) || (w1s > m->span.end && memchr(t + m->span.end, ',', w1s - m->span.end));
        int w3_hurt = 0;
        /* "six people and injured ten": after "and" the hurt is another count */
        if (!w1_conj && !w1_hurt && !has_word(t, w2s, w2e, conj, 3)) {
            size_t w3s, w3e;
            next_word(t, w2e, sent.end, &w3s, &w3e);
            w3_hurt =
                has_word(t, w2s, w3e, hurt_words, N_HURT) && !has_word(t, w2s, w3e, kill_words, N_KILL);
        }
        /* "over 10 citizens have been hospitalized": the hurt verb three
         * words after the count's noun */
        if (!w1_hurt && !w3_hurt && m->number.noun.end > m->span.end)
            w3_hurt = hurt_ahead(t, m->number.noun.end, sent.end, 3, 1);
        /* "25 others on a bus were wounded": the others are the hurt */
        if (!w1_hurt && !w3_hurt && w1e > w1s && lower_eq(t, w1s, w1e, "others"))
            w3_hurt = hurt_ahead(t, w1e, sent.end, 6, 0);
        if (w1_hurt || w3_hurt)
            continue;
        /* the same kind of victim told twice ("16 Civilians Dead ... at least
         * 16 civilians were killed") is one toll: keep the smallest */
        char noun[32] = ""; /* only a people noun tells two tolls apart */
        if (noun_people && m->number.noun.end > m->number.noun.start) {
            size_t nl = m->number.noun.end - m->number.noun.start;
            if (nl > sizeof noun - 1)
                nl = sizeof noun - 1;
            for (size_t q = 0; q < nl; q++)
                noun[q] = (char)(t[m->number.noun.start + q] | 32);
            noun[nl] = '\0';
        }
        int merged = 0;
        for (size_t q = 0; q < n_seen && !merged; q++)
            /* "kills 15 ... At least 15 people were killed": a bare count
             * in the headline and the same count with its noun; "50 Qaeda
             * fighters ... 50 al-Qaeda militants": one count of fighters
             * told with two words for them */
            if (str_eq(seen_noun[q], noun) ||
                ((!*noun || !*seen_noun[q]) && m->number.value == seen_val[q]) ||
                (m->number.value == seen_val[q] && combatant_noun(noun) &&
                 combatant_noun(seen_noun[q]))) {
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
        last_counted_start = m->span.start;
        last_counted_end = m->span.end;
        last_noun_end = m->number.noun.end > m->span.end ? m->number.noun.end : m->span.end;
    }
    if (!any) {
        /* "killing a woman and a child", "another woman was killed": one
         * person named without a number is one death each (ACLED counts
         * the dead it can) */
        static const char *const one[] = {"a", "an", "one", "another"};
        static const char *const person[] = {
            "woman",   "man",     "child",     "boy",        "girl",      "civilian",
            "soldier", "fighter", "person",    "journalist", "doctor",    "nurse",
            "pilot",   "officer", "policeman", "militant",   "commander", "teenager",
            "shepherd", "farmer", "teacher",  "student",    "worker",    "villager",
            "pupil",    "resident", "passenger", "mother",  "father",    "son",
            "daughter", "brother",  "sister",   "baby"};
        size_t ws, we, ns, ne, last_end = 0, held_end = 0;
        for (size_t p = sent.start; p < sent.end; p = we) {
            next_word(t, p, sent.end, &ws, &we);
            if (we == ws)
                break;
            if (!word_is(t, ws, we, one, 4))
                continue;
            next_word(t, we, sent.end, &ns, &ne);
            if (!has_word(t, ns, ne, person, sizeof person / sizeof *person)) {
                /* one modifier between: "an elderly man", "a local commander" */
                size_t ms = ns;
                next_word(t, ne, sent.end, &ns, &ne);
                if (ms == ns || !has_word(t, ns, ne, person, sizeof person / sizeof *person))
                    continue;
            }
            /* the killing word next to it: "killing a woman", "a woman
             * was killed"; "a woman was injured" is no death */
            size_t bs = ws > sent.start + 12 ? ws - 12 : sent.start;
            size_t ae = ne + 16 < sent.end ? ne + 16 : sent.end;
            /* "killing a woman and a child": the list goes on */
            static const char *const and_[] = {"and"};
            int listed = last_end && ws > last_end && ws - last_end <= 6 &&
                         has_word(t, last_end, ws, and_, 1);
            if (listed ||
                ((has_word(t, bs, ws, kill_words, N_KILL) || has_word(t, ne, ae, kill_words, N_KILL)) &&
                 !has_word(t, ne, ae, hurt_words, N_HURT))) {
                /* "a doctor and a nurse were killed": the first of the
                 * list stood too far from the verb */
                if (!listed && held_end && ws > held_end && ws - held_end <= 6 &&
                    has_word(t, held_end, ws, and_, 1))
                    sum++;
                sum++;
                last_end = ne;
            } else
                held_end = ne;
        }
        if (sum > 0 && sum < 10)
            return sum;
        sum = 0;
        *vague = 1;
    }
    return sum;
}

/* "... on Thursday, a day after jets struck X": a day counted from
 * another ("a day after", "a week before") dates the clause after it,
 * another event than the one told before it. */
static int tells_other_day(const char *t, const sr_mention *m)
{
    size_t s, e;
    word_before(t, m->span.start, m->span.end, &s, &e);
    return m->timex.rule &&
           (str_eq(m->timex.rule, "relative-day") || str_eq(m->timex.rule, "relative-week")) &&
           e > s && (lower_eq(t, s, e, "after") || lower_eq(t, s, e, "before"));
}

static const char *find_lit(const char *h, size_t len, const char *lit, size_t n);

/* Does SENT contain "since"?  Worked out once a sentence into *CACHE (-1
 * until then): most have none, and date_of_other needs it only then. */
static int since_in(const char *t, sr_span sent, int *cache)
{
    if (*cache < 0)
        *cache = find_lit(t + sent.start, sent.end - sent.start, "ince", 4) != NULL;
    return *cache;
}

/* A date that names something other than an event's day: "the May 20
 * vote", "the March 30 deadline" (a noun the date labels).  With SINCE,
 * also the start of a span ("since April 28"), which dates no new day of
 * the narrative. */
static int date_of_other(const char *t, size_t end, const sr_mention *m, int since)
{
    static const char *const labelled[] = {
        "poll",   "polls",      "election",    "elections", "vote",      "deadline", "ceasefire",
        "truce",  "agreement",  "deal",        "talks",     "summit",    "meeting",  "conference",
        "accord", "referendum", "anniversary", "session",   "resolution"};
    size_t s, e;
    next_word(t, m->span.end, end, &s, &e);
    int spaced = s > m->span.end;
    for (size_t q = m->span.end; q < s; q++)
        spaced &= t[q] == ' ';
    /* lower case: "Thu 05 Mar 2020 Truce announced" is a dateline and a
     * headline */
    if (spaced && e > s && t[s] >= 'a' && t[s] <= 'z' &&
        has_word(t, s, e, labelled, sizeof labelled / sizeof *labelled))
        return 1;
    if (!since)
        return 0;
    static const char *const from[] = {"since", "until", "till"};
    word_before(t, m->span.start > 12 ? m->span.start - 12 : 0, m->span.start, &s, &e);
    if (e > s && has_word(t, s, e, from, 3))
        return 1;
    /* "strikes have risen since rebels opened an offensive ... on Sunday":
     * the day closes a clause opened by "since" */
    size_t from_start = m->span.start > 200 ? m->span.start - 200 : 0;
    while (from_start < m->span.start && t[from_start] != ' ')
        from_start++;
    static const char *const sincew[] = {"since"};
    static const char *const cut[] = {"and", "but", "while", "when", "as"};
    for (size_t p = m->span.start, n = 0; n < 20; n++) {
        word_before(t, from_start, p, &s, &e);
        if (e == s || has_word(t, s, e, cut, sizeof cut / sizeof *cut))
            return 0;
        for (size_t q = e; q < p; q++)
            if (t[q] == ',' || t[q] == ';' || t[q] == '.')
                return 0;
        if (has_word(t, s, e, sincew, 1))
            return 1;
        p = s;
    }
    return 0;
}

/* The sentence's date: a day, week or month before the trigger, else any;
 * a bare year ("in 2014 and 2015") only when nothing finer is given. */
static const sr_mention *sentence_date(const char *t, const sent_view *sv, size_t before,
                                       const sr_cleaned *c, size_t end)
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
        if (date_of_other(t, end, m, 0))
            continue;
        if (m->timex.precision == SR_PREC_YEAR) {
            if (!year)
                year = m;
            continue;
        }
        /* "The strikes came a day after ...": that day, and any told after
         * it, are the other event's; the strikes keep the day told */
        if (m->span.start >= before) {
            static const char *const came[] = {"comes", "came", "come", "coming"};
            size_t ws, we;
            word_before(t, m->span.start > 12 ? m->span.start - 12 : 0, m->span.start, &ws, &we);
            if ((we > ws && has_word(t, ws, we, came, 4)) || tells_other_day(t, m))
                break;
        }
        if (!best || m->span.start < before)
            best = m;
    }
    /* "began an assault in late May and entered the town on June 23": a
     * day written right after the trigger beats a coarser date further
     * before it */
    static const char *const clause[] = {"and", "then", "before", "after", "but"};
    if (best && best->span.start < before && best->timex.precision != SR_PREC_DAY &&
        has_word(t, best->span.end, before, clause, sizeof clause / sizeof *clause))
        for (size_t i = 0; i < sv->n; i++) {
            const sr_mention *m = &sv->m[i];
            if (m->kind == SR_MENTION_DATE && m->timex.precision == SR_PREC_DAY &&
                m->span.start >= before) {
                best = m;
                break;
            }
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
    return str_eq(x, y);
}

/* "south-east of the old city of X", "15 km east of the town of X":
 * the words before a place say it only gives the bearing of another. */
static int bearing_before(const char *t, size_t start, size_t p)
{
    static const char *const filler[] = {"the",     "city",   "town",     "village",
                                         "ancient", "old",    "historic", "province",
                                         "of",      "nearby", "capital",  "syrian"};
    static const char *const bearing[] = {
        "north",     "south",     "east",       "west",       "northwest", "northeast",
        "southwest", "southeast", "northern",   "southern",   "eastern",   "western",
        "near",      "outskirts", "kilometers", "kilometres", "km",        "miles"};
    static const char *const of[] = {"of"};
    int saw_of = 0;
    for (int n = 0; n < 6 && p > start; n++) {
        size_t s, e;
        word_before(t, start, p, &s, &e);
        if (e == s)
            return 0;
        /* only spaces between words: "(" or a comma ends the phrase */
        for (size_t q = e; q < p; q++)
            if (t[q] != ' ')
                return 0;
        /* "near the Syrian capital X" needs no "of" */
        if (has_word(t, s, e, bearing, sizeof bearing / sizeof *bearing))
            return saw_of || n == 0 || lower_eq(t, s, e, "near");
        if (!has_word(t, s, e, filler, sizeof filler / sizeof *filler))
            return 0;
        saw_of |= has_word(t, s, e, of, 1);
        p = s;
    }
    return 0;
}

/* "Palmyra-Deir Ezzor highway", "the Aleppo road": a place that names a
 * road; the event is somewhere along it, not in the town. */
static int road_end(const char *t, size_t p, size_t end)
{
    static const char *const road[] = {"highway", "road", "motorway"};
    if (p < end && t[p] == '-') {
        /* the other end of the road: up to three words */
        p++;
        for (int n = 0; n < 4 && p < end; n++) {
            size_t s, e;
            next_word(t, p, end, &s, &e);
            if (has_word(t, s, e, road, 3))
                return 1;
            p = e;
        }
        return 0;
    }
    size_t s, e;
    next_word(t, p, end, &s, &e);
    for (size_t q = p; q < s; q++)
        if (t[q] != ' ')
            return 0;
    return has_word(t, s, e, road, 3);
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
 * it is named, no "near/west of X" right after another place, no town that
 * only names a road when another place is given, and no alias in brackets
 * ("Palmyra (Tadmur)"). */
/* A town abroad in a report about another country, whose country the
 * report never names ("Bab al-Nasr" in Aleppo read as a namesake in Gaza):
 * the gazetteer matched a namesake, not the scene.  A town named like its
 * own province (Beirut, Kilis) is kept. */
static int stray_abroad(const coder *k, const sr_place_ref *w)
{
    /* a district abroad ("Khalil", a West Bank district, for a surname)
     * is a namesake as a town is; a country or province is not */
    int district = w->is_area && w->admin2 && *w->admin2;
    if (!k->home_country || !w->country || (w->is_area && !district) ||
        str_eq(w->country, k->home_country))
        return 0;
    if (w->admin1 && w->location && str_eq(w->admin1, w->location))
        return 0;
    for (int i = 0; i < k->n_named; i++)
        if (str_eq(k->named_countries[i], w->country))
            return 0;
    return 1;
}

/* The report's home country (the one most of its towns are in, with at
 * least two) and the countries it names as countries or admin areas. */
static void report_countries(coder *k, const sr_annotation *a)
{
    const char *seen[8];
    int count[8], n_seen = 0, best = 0;
    for (size_t i = 0; i < a->n_mentions; i++) {
        const sr_place_ref *w = &a->mentions[i].where;
        if (a->mentions[i].kind != SR_MENTION_PLACE || !w->country || !*w->country)
            continue;
        if (w->is_area && w->admin2 && *w->admin2)
            continue; /* a district names no country (stray_abroad) */
        if (w->is_area) {
            int known = 0;
            for (int q = 0; q < k->n_named; q++)
                known |= str_eq(k->named_countries[q], w->country);
            if (!known && k->n_named < 8)
                k->named_countries[k->n_named++] = w->country;
            continue;
        }
        int q = 0;
        while (q < n_seen && !str_eq(seen[q], w->country))
            q++;
        if (q == n_seen) {
            if (n_seen == 8)
                continue;
            seen[n_seen] = w->country;
            count[n_seen++] = 0;
        }
        if (++count[q] > best) {
            best = count[q];
            k->home_country = seen[q];
        }
    }
    if (best < 2)
        k->home_country = NULL;
}

/* Are places A and B items of one list ("the towns of X, Y and Z", "on
 * X and the village of Y")?  Only commas, "and"/"or" and place nouns
 * between them. */
static int listed_places(const char *t, const sr_mention *a, const sr_mention *b)
{
    static const char *const glue[] = {"and",          "or",       "the",       "town",
                                       "towns",        "village",  "villages",  "city",
                                       "of",           "district", "districts", "neighbourhood",
                                       "neighborhood", "area",     "areas"};
    size_t p = a->span.end;
    if (b->span.start <= p || b->span.start - p > 40)
        return 0;
    while (p < b->span.start) {
        if (t[p] == ' ' || t[p] == ',') {
            p++;
            continue;
        }
        size_t s, e;
        next_word(t, p, b->span.start, &s, &e);
        if (s != p || e == s || !has_word(t, s, e, glue, sizeof glue / sizeof *glue))
            return 0;
        p = e;
    }
    return 1;
}

/* Is one of WORDS among the N words before P (not before START)?  Inlined
 * like has_word, so that a list of known length gets its filter. */
static WORD_LIST_INLINE int word_within(const char *t, size_t start, size_t p, int n,
                                         const char *const *words, size_t nw)
{
    for (int i = 0; i < n; i++) {
        size_t s, e;
        word_before(t, start, p, &s, &e);
        if (e == s)
            return 0;
        if (word_is(t, s, e, words, nw))
            return 1;
        p = s;
    }
    return 0;
}

/* "the Sarmada hotel in Aleppo", "al-Quds hospital": a building named
 * after a town stands where the other town of the sentence says, not in
 * the town it is named after ("X hospital in Hama province" is in X). */
static int named_building(const char *t, sr_span sent, const sent_view *sv, const sr_mention *m)
{
    int other_town = 0;
    for (size_t j = 0; j < sv->n; j++)
        other_town |= sv->m[j].kind == SR_MENTION_PLACE && !sv->m[j].where.is_area &&
                      sv->m[j].span.start != m->span.start;
    if (!other_town)
        return 0;
    static const char *const building[] = {"hotel",  "hospital", "school",     "mosque",
                                           "church", "stadium",  "university", "clinic"};
    size_t s, e;
    next_word(t, m->span.end, sent.end, &s, &e);
    if (s != m->span.end + 1 || t[m->span.end] != ' ')
        return 0;
    return has_word(t, s, e, building, sizeof building / sizeof *building);
}

/* A relative pronoun opening a clause between S and E ("X, which lies
 * near Y") with no clause break of another kind. */
static int relative_between(const char *t, size_t s, size_t e)
{
    static const char *const rel[] = {"which", "whose"};
    static const char *const stop[] = {"and", "while", "as", "after", "before", "when"};
    return has_word(t, s, e, rel, 2) && !has_word(t, s, e, stop, sizeof stop / sizeof *stop);
}

/* Can a word starting with C be "neighbourhood", "district" or
 * "quarter"?  (A cheap test before the word list.) */
static int quarter_letter(char c)
{
    c = (char)(c | 32);
    return c == 'n' || c == 'd' || c == 'q';
}

/* "Aleppo's neighbourhood of X" where X is also a Homs quarter, "the X
 * neighbourhood" in a report from Homs: a neighbourhood the
 * gazetteer put in another governorate than every town of the sentence is
 * a namesake; the first of those towns (the city it is in) is returned,
 * else NULL.  "the Midan neighbourhood of Damascus" names the city after
 * "of", not a quarter. */
static const sr_mention *stray_quarter(const char *t, sr_span sent, const sent_view *sv,
                                       const sr_mention *m)
{
    static const char *const quarter[] = {"neighbourhood", "neighborhood", "district", "quarter"};
    static const char *const skip[] = {"of", "the", "al", "el"};
    const sr_place_ref *w = &m->where;
    if (w->is_area || !w->admin1 || !w->country || !str_eq(w->country, "SY"))
        return NULL;
    size_t s, e;
    int named = 0;
    next_word(t, m->span.end, sent.end, &s, &e);
    named = e > s && quarter_letter(t[s]) && has_word(t, s, e, quarter, 4);
    for (size_t p = m->span.start, n = 0; n < 3 && !named; n++) {
        word_before(t, sent.start, p, &s, &e);
        if (e == s)
            break;
        if (quarter_letter(t[s]) && has_word(t, s, e, quarter, 4)) {
            /* "<place> neighbourhood of M": M is the city */
            for (size_t j = 0; j < sv->n; j++)
                if (sv->m[j].kind == SR_MENTION_PLACE && sv->m[j].span.end <= s &&
                    s - sv->m[j].span.end <= 1)
                    return NULL;
            named = 1;
        }
        if (!has_word(t, s, e, skip, 4))
            break;
        p = s;
    }
    if (!named)
        return NULL;
    const sr_mention *city = NULL;
    for (size_t j = 0; j < sv->n; j++) {
        const sr_place_ref *o = &sv->m[j].where;
        if (sv->m[j].kind != SR_MENTION_PLACE || &sv->m[j] == m || !o->admin1 || !o->country ||
            !str_eq(o->country, "SY"))
            continue;
        if (str_eq(o->admin1, w->admin1))
            return NULL;
        if (!city && !o->is_area)
            city = &sv->m[j];
    }
    return city;
}

/* Does "between" come right before place B ("the border between X and
 * Y")? */
static int between_before(const char *t, sr_span sent, const sr_mention *b)
{
    size_t s, e;
    word_before(t, sent.start, b->span.start, &s, &e);
    if (e > s && lower_eq(t, s, e, "the"))
        word_before(t, sent.start, s, &s, &e);
    return e > s && lower_eq(t, s, e, "between");
}

/* "the commanders Abu Omar al-Tunisi and Salah al-Din al-Masri", "the
 * spokeswoman Maria Petrova": a place name after a person's title and
 * before a capitalised word, or followed by a capitalised "al-X" or
 * "Al X" that is no place or
 * actor of its own is the start of a person's name (a gazetteer match
 * would have taken a longer place).  "al-Jadida" (new), "al-Kabira" (big)
 * and their kin are parts of place names. */
static int person_name_part(const char *t, sr_span sent, const sent_view *sv, const sr_mention *m)
{
    size_t p = m->span.end;
    /* "spokeswoman Maria Petrova": a title, then a name */
    static const char *const title[] = {
        "spokesman", "spokeswoman", "spokesperson", "minister",   "envoy",   "ambassador",
        "commander", "general",     "colonel",      "lieutenant", "dr",      "mr",
        "mrs",       "ms",          "secretary",    "director",   "senator", "correspondent"};
    size_t ts = 0, te = 0;
    if (p + 2 < sent.end && t[p] == ' ' && t[p + 1] >= 'A' && t[p + 1] <= 'Z')
        word_before(t, sent.start, m->span.start, &ts, &te);
    if (te > ts && has_word(t, ts, te, title, sizeof title / sizeof *title)) {
        int mention_next = 0;
        for (size_t j = 0; j < sv->n; j++)
            mention_next |= sv->m[j].span.start == p + 1;
        if (!mention_next)
            return 1;
    }
    if (p + 4 >= sent.end || t[p] != ' ' ||
        (t[p + 1] != 'a' && t[p + 1] != 'A' && t[p + 1] != 'e' && t[p + 1] != 'E'))
        return 0;
    if (t[p + 2] != 'l' || (t[p + 3] != '-' && t[p + 3] != ' '))
        return 0;
    if (!(t[p + 4] >= 'A' && t[p + 4] <= 'Z'))
        return 0;
    /* "al-Midan al-Jamiliyeh": a list of places with its commas lost; a
     * given name does not open with the article */
    size_t q = m->span.start;
    if (q + 3 < p && (t[q] | 32) == 'a' && t[q + 1] == 'l' && (t[q + 2] == '-' || t[q + 2] == ' '))
        return 0;
    for (size_t j = 0; j < sv->n; j++)
        if (sv->m[j].span.start > p && sv->m[j].span.start <= p + 4)
            return 0;
    static const char *const part[] = {
        "jadida",  "jadidah", "jadeeda",  "jdeideh", "kabira",   "kubra",   "saghira",
        "sughra",  "sharqi",  "sharqiya", "gharbi",  "gharbiya", "shamali", "shamaliya",
        "janoubi", "janubi",  "tahtani",  "fawqani", "qadima",   "balad",   "mahatta"};
    size_t s, e;
    next_word(t, p + 4, sent.end, &s, &e);
    return !has_word(t, s, e, part, sizeof part / sizeof *part);
}

/* "The X attack prompted ...", "in retaliation for the deadly X
 * shelling", "a week after the X bombing": a place
 * naming an earlier event by its town, the way wire copy recalls it, is
 * that event's scene, not the scene of what the sentence tells. */
static int recalled_scene(const char *t, sr_span sent, const sr_mention *m)
{
    static const char *const event[] = {"attack",   "attacks", "strike",   "strikes",
                                        "massacre", "bombing", "bombings", "shelling",
                                        "raid",     "raids",   "blast",    "explosion"};
    static const char *const caused[] = {"prompted", "triggered", "sparked", "provoked",
                                         "led",      "drew",      "caused"};
    static const char *const recall[] = {"after",    "following", "since", "retaliation",
                                         "response", "revenge",   "wake",  "anniversary",
                                         "like",     "before"};
    size_t s, e;
    next_word(t, m->span.end, sent.end, &s, &e);
    for (size_t q = m->span.end; q < s; q++)
        if (t[q] != ' ')
            return 0;
    if (e == s || !has_word(t, s, e, event, sizeof event / sizeof *event))
        return 0;
    size_t ns, ne;
    next_word(t, e, sent.end, &ns, &ne);
    if (ne > ns && has_word(t, ns, ne, caused, sizeof caused / sizeof *caused))
        return 1;
    /* up to five words back: "after the deadly X attack" */
    return word_within(t, sent.start, m->span.start, 5, recall, sizeof recall / sizeof *recall);
}

/* person_name_part for mention I of the whole annotation, in its own
 * sentence. */
static int named_person_at(const char *t, const sr_annotation *a, size_t i)
{
    size_t b = i, e = i + 1, s = a->mentions[i].sentence;
    while (b > 0 && a->mentions[b - 1].sentence == s)
        b--;
    while (e < a->n_mentions && a->mentions[e].sentence == s)
        e++;
    sent_view sv = {a->mentions + b, e - b};
    sr_span sent = s < a->n_sentences ? a->sentences[s] : a->mentions[i].span;
    return person_name_part(t, sent, &sv, &a->mentions[i]);
}

/* A capital standing for its state ("its ally Damascus", "Moscow
 * denied", "accused Ankara of"): the entity layer reads the mention as an
 * actor as well; the words around it say it speaks or backs, so it is no
 * scene.  M is the place mention at index I. */
static int state_metonym(const char *t, sr_span sent, const sent_view *sv, size_t i)
{
    if (i == 0 || sv->m[i - 1].kind != SR_MENTION_ACTOR ||
        sv->m[i - 1].span.start != sv->m[i].span.start)
        return 0;
    static const char *const backer[] = {"ally",    "allies",  "backer",  "backers",  "patron",
                                         "patrons", "partner", "accused", "accusing", "blamed",
                                         "blaming", "urged",   "urging"};
    static const char *const speaks[] = {
        "said",      "says",      "denied",    "denies",    "accused",  "accuses", "blamed",
        "blames",    "announced", "announces", "insists",   "insisted", "claimed", "claims",
        "vetoed",    "rejected",  "warned",    "considers", "demanded", "wants",   "called",
        "calls",     "signalled", "signaled",  "vowed",     "vows",     "threatened",
        "threatens", "welcomed",  "condemned", "urged",     "agreed",   "responded"};
    size_t s, e;
    word_before(t, sent.start, sv->m[i].span.start, &s, &e);
    if (e > s && has_word(t, s, e, backer, sizeof backer / sizeof *backer))
        return 1;
    /* "an attack the opposition blamed on Damascus" */
    static const char *const blame[] = {"blames", "blamed", "blame", "blaming", "pinned"};
    if (e > s && lower_eq(t, s, e, "on") && word_within(t, sent.start, s, 3, blame, 5))
        return 1;
    next_word(t, sv->m[i].span.end, sent.end, &s, &e);
    for (size_t q = sv->m[i].span.end; q < s; q++)
        if (t[q] != ' ')
            return 0;
    /* "what Ankara has called Operation Olive Branch" */
    static const char *const aux[] = {"has", "have", "had"};
    if (e > s && has_word(t, s, e, aux, 3))
        next_word(t, e, sent.end, &s, &e);
    return e > s && has_word(t, s, e, speaks, sizeof speaks / sizeof *speaks);
}

/* "rockets fired from Idlib province hit Latakia", "shelling from
 * positions in X": the place a shot came from is its origin, not the scene
 * (ACLED locates the event where it struck); so are the home of people
 * on the move ("a convoy of evacuees from X") and a speaker's visit ("said
 * on a visit to X"). */
static int fired_from(const char *t, sr_span sent, size_t p)
{
    static const char *const visit[] = {"visit", "visiting", "trip"};
    size_t vs, ve;
    word_before(t, sent.start, p, &vs, &ve);
    if (ve > vs && lower_eq(t, vs, ve, "to"))
        word_before(t, sent.start, vs, &vs, &ve);
    if (ve > vs && has_word(t, vs, ve, visit, 3))
        return 1;
    /* "terrorists positioned in X fired shells at Y": where the shooters
     * are */
    static const char *const posted[] = {"positioned", "based",   "stationed", "entrenched",
                                         "deployed",   "located", "holed"};
    /* "stationed in the town of X" */
    static const char *const kind_of[] = {"the", "al", "town", "village", "city", "of", "area",
                                          "district", "outskirts"};
    word_before(t, sent.start, p, &vs, &ve);
    for (int n = 0; n < 4 && ve > vs && word_is(t, vs, ve, kind_of, sizeof kind_of / sizeof *kind_of);
         n++)
        word_before(t, sent.start, vs, &vs, &ve);
    if (ve > vs && (lower_eq(t, vs, ve, "in") || lower_eq(t, vs, ve, "at")) &&
        word_within(t, sent.start, vs, 1, posted, sizeof posted / sizeof *posted))
        return 1;
    static const char *const the[] = {
        "the",           "positions", "in",           "rural",      "northern",
        "southern",      "eastern",   "western",      "towns",      "town",
        "villages",      "village",   "of",           "besieged",   "held",
        "controlled",    "regime",    "government",   "rebel",      "opposition",
        "predominantly", "shia",      "sunni",        "alawite",    "christian",
        "kurdish",       "nearby",    "neighbouring", "neighboring"};
    static const char *const from[] = {"from"};
    static const char *const shot[] = {
        "fired",       "launched", "rockets",   "rocket",    "shells",   "shell",  "missiles",
        "missile",     "mortars",  "mortar",    "artillery", "shelling", "firing", "fire",
        "projectiles", "evacuees", "residents", "refugees",  "displaced", "man",
        "men",         "woman",    "youth",     "youths",    "family",   "native"};
    /* the walk below looks for "from" among the eight words before P:
     * none in the 100 bytes before it, no origin */
    size_t fs = p > sent.start + 100 ? p - 100 : sent.start;
    if (!find_lit(t + fs, p - fs, "from", 4) && !find_lit(t + fs, p - fs, "From", 4))
        return 0;
    size_t s, e;
    for (int n = 0; n < 8; n++) {
        word_before(t, sent.start, p, &s, &e);
        if (e == s)
            return 0;
        if (has_word(t, s, e, from, 1))
            break;
        if (!has_word(t, s, e, the, sizeof the / sizeof *the))
            return 0;
        p = s;
    }
    if (!has_word(t, s, e, from, 1))
        return 0;
    return word_within(t, sent.start, s, 3, shot, sizeof shot / sizeof *shot);
}

/* "the Midan district of Damascus", "Jobar neighbourhood of Damascus",
 * "Damascus's Midan district": the city of the place mention I when it is
 * named as a part of one, or NULL. */
static const sr_mention *district_city(const char *t, const sent_view *sv, size_t i, sr_span sent)
{
    /* not "suburb": "the Damascus suburb of Daraya" names the city first */
    static const char *const part[] = {"district", "neighbourhood", "neighborhood", "quarter",
                                       "neighbourhoods", "districts"};
    const sr_mention *m = &sv->m[i];
    size_t ps, pe, os, oe;
    next_word(t, m->span.end, sent.end, &ps, &pe);
    if (ps - m->span.end > 1 || !word_is(t, ps, pe, part, sizeof part / sizeof *part))
        return NULL;
    /* the possessive: a place ending in "'s" (or "’s") just before */
    for (size_t j = i; j-- > 0;) {
        const sr_mention *c = &sv->m[j];
        if (c->kind != SR_MENTION_PLACE || c->span.end > m->span.start)
            continue;
        size_t g = c->span.end;
        if (g + 2 < m->span.start && m->span.start - g <= 5 &&
            (!strncmp(t + g, "'s ", 3) || !strncmp(t + g, "\xe2\x80\x99s ", 5)))
            return c;
        break;
    }
    next_word(t, pe, sent.end, &os, &oe);
    if (!lower_eq(t, os, oe, "of"))
        return NULL;
    for (size_t j = i + 1; j < sv->n; j++) {
        const sr_mention *c = &sv->m[j];
        if (c->kind != SR_MENTION_PLACE || c->span.start < oe)
            continue;
        /* "of Damascus", "of the city of Homs", "of Aleppo city" */
        return c->span.start - oe <= 14 ? c : NULL;
    }
    return NULL;
}

/* The place named like M inside CITY's governorate (issue 4: "the Midan
 * district of Damascus" is Damascus's Midan, not Aleppo's); CITY itself
 * when the gazetteer has no such namesake.  An arena copy of M, or M. */
static const sr_mention *district_in(const coder *k, const sr_mention *m, const sr_mention *city)
{
    /* "Rural Damascus" holds the city's outskirts */
    if (!city->where.admin1 || !m->where.admin1 || strstr(m->where.admin1, city->where.admin1))
        return m;
    const sr_kb *kb = k->kb;
    sr_place cand[16];
    size_t n = kb->gaz ? sr_gazetteer_lookup(kb->gaz, k->t + m->span.start,
                                             m->span.end - m->span.start, cand, 16)
                       : 0;
    if (n > 16)
        n = 16;
    for (size_t q = 0; q < n; q++)
        if (cand[q].admin1 && str_eq(cand[q].admin1, city->where.admin1)) {
            sr_mention *x = sr_arena_alloc(k->doc->arena, sizeof *x);
            if (!x)
                return city;
            *x = *m;
            kb_place_fill(kb, KB_GAZ_BASE + (int)cand[q].id, 0, &x->where);
            return x;
        }
    return city;
}

/* "DAMASCUS (Agencies) Islamic State militants ...", "MOSCOW (Sputnik)":
 * a city in capitals before an agency in brackets or a dash is where the
 * copy was filed, not a scene (the annotator skips such a dateline only
 * when it opens the body). */
static int dateline_city(const char *t, sr_span sent, const sr_mention *m)
{
    size_t n = 0;
    for (size_t q = m->span.start; q < m->span.end; q++) {
        unsigned char c = (unsigned char)t[q];
        if (c >= 'a' && c <= 'z')
            return 0;
        n += c >= 'A' && c <= 'Z';
    }
    size_t p = m->span.end;
    while (p < sent.end && (t[p] == ' ' || t[p] == ','))
        p++;
    return n >= 4 && p < sent.end && (t[p] == '(' || (t[p] == '-' && p + 1 < sent.end && t[p + 1] == ' '));
}

/* "a move critics said gave Ankara a green light", "talks with Moscow":
 * a foreign capital (or country) named without a word of place before it
 * stands for its government; the report's own country keeps its places
 * ("Damascus was hit"). */
static int foreign_government(const coder *k, const char *t, sr_span sent, const sent_view *sv,
                              size_t i)
{
    const sr_mention *m = &sv->m[i];
    if (i == 0 || sv->m[i - 1].kind != SR_MENTION_ACTOR || sv->m[i - 1].actor < 0 ||
        sv->m[i - 1].span.start != m->span.start ||
        k->kb->actors[sv->m[i - 1].actor].kind != SR_ACTOR_GOVERNMENT || !k->home_country ||
        !m->where.country || !strcmp(m->where.country, k->home_country))
        return 0;
    static const char *const place_word[] = {
        "in",     "at",    "near",   "outside", "into",    "to",      "from",  "around",
        "across", "inside", "toward", "towards", "of",     "over",    "on",    "through",
        "reached", "entered", "via",  "northern", "southern", "eastern", "western", "central",
        "downtown", "capital", "rural", "besieged"};
    size_t s, e;
    word_before(t, sent.start, m->span.start, &s, &e);
    return !(e > s && word_is(t, s, e, place_word, sizeof place_word / sizeof *place_word));
}

static size_t event_places(const coder *k, const char *t, sr_span sent, const sent_view *sv,
                           const sr_mention **out, size_t max, size_t speech_end)
{
    /* "A source at the Damascus Police Command said that ... Jaramana":
     * a place before the speech verb is the speaker's, when the clause
     * after it names one */
    int place_after_speech = 0;
    for (size_t i = 0; i < sv->n && speech_end; i++)
        place_after_speech |=
            sv->m[i].kind == SR_MENTION_PLACE && sv->m[i].span.start >= speech_end;
    int other_place = 0;
    for (size_t i = 0; i < sv->n; i++)
        if (sv->m[i].kind == SR_MENTION_PLACE && !road_end(t, sv->m[i].span.end, sent.end))
            other_place++;
    const sr_mention *prev_pl = NULL;
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
    /* Nesting in one pass: mentions are ordered by start (sr_annotation),
     * so a place lies inside a longer place mention when a place starting
     * before it ends at or after its end, or one starting with it ends
     * after it.  PREV_END is the largest end of the places that start
     * before the current group of equal starts, GROUP_END the largest in
     * the group.  (A scan of the sentence per place made a long sentence
     * cost O(n^2) per trigger.) */
    size_t prev_end = 0, group_end = 0, group_next = 0;
    int have_prev = 0, origin_prev = 0;
    /* "X district of CITY": one event at X, found in CITY's governorate;
     * CITY only locates it */
    const sr_mention *cities[4];
    size_t city_at[4], district_at[4];
    int n_cities = 0;
    for (size_t i = 0; i < sv->n && n_cities < 4; i++)
        if (sv->m[i].kind == SR_MENTION_PLACE) {
            const sr_mention *c = district_city(t, sv, i, sent);
            if (c) {
                cities[n_cities] = c;
                city_at[n_cities] = c->span.start;
                district_at[n_cities++] = i;
            }
        }
    for (size_t i = 0; i < sv->n && n < max; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_PLACE)
            continue;
        if (i >= group_next) {
            if (group_next) {
                prev_end = !have_prev || group_end > prev_end ? group_end : prev_end;
                have_prev = 1;
            }
            group_end = m->span.end;
            for (group_next = i + 1;
                 group_next < sv->n && sv->m[group_next].span.start == m->span.start; group_next++)
                if (sv->m[group_next].kind == SR_MENTION_PLACE &&
                    sv->m[group_next].span.end > group_end)
                    group_end = sv->m[group_next].span.end;
        }
        const sr_mention *before = prev_pl;
        prev_pl = m;
        int is_city = 0;
        for (int q = 0; q < n_cities; q++)
            is_city |= m->span.start == city_at[q];
        if (is_city)
            continue;
        for (int q = 0; q < n_cities; q++)
            if (district_at[q] == i)
                m = district_in(k, m, cities[q]);
        if (stray_abroad(k, &m->where) || dateline_city(t, sent, m) ||
            foreign_government(k, t, sent, sv, i))
            continue;
        /* "in a bid to advance towards Jisr al-Shughur": a goal, not a
         * scene */
        {
            static const char *const goal[] = {"towards", "toward"};
            static const char *const the_town[] = {"the", "nearby", "town", "village", "city",
                                                   "of", "strategic"};
            size_t gs, ge;
            word_before(t, sent.start, m->span.start, &gs, &ge);
            /* "towards the nearby town of Hader" */
            for (int w = 0; w < 4 && ge > gs && word_is(t, gs, ge, the_town, 7); w++)
                word_before(t, sent.start, gs, &gs, &ge);
            if (ge > gs && word_is(t, gs, ge, goal, 2))
                continue;
        }
        /* a neighbourhood namesake: the town the sentence puts it in */
        const sr_mention *city = stray_quarter(t, sent, sv, m);
        if (city) {
            int dup = 0;
            for (size_t j = 0; j < n; j++)
                dup |= out[j]->where.location && city->where.location &&
                       str_eq(out[j]->where.location, city->where.location);
            if (!dup)
                out[n++] = city;
            continue;
        }
        if (state_metonym(t, sent, sv, i) || person_name_part(t, sent, sv, m) ||
            recalled_scene(t, sent, m) || named_building(t, sent, sv, m))
            continue;
        /* "on the border between Aleppo and Raqqa province": one scene, the
         * first place */
        if (before && n > 0 && listed_places(t, before, m) && between_before(t, sent, before))
            continue;
        /* an origin, and the rest of its list ("from X and Y") */
        int origin = other_place > 1 && ((before && origin_prev && listed_places(t, before, m)) ||
                                         fired_from(t, sent, m->span.start));
        origin_prev = origin;
        if (origin)
            continue;
        if (place_after_speech && m->span.end <= speech_end)
            continue;
        /* "DAMASCUS Five people were killed in ... Homs": a city in
         * capitals is the wire dateline, where the report was filed */
        int caps = m->span.end - m->span.start >= 4;
        for (size_t q = m->span.start; q < m->span.end && caps; q++)
            caps = !(t[q] >= 'a' && t[q] <= 'z');
        if (caps && other_place > 1)
            continue;
        /* "05 May 2015 Beirut Jets struck ...": the town right after the
         * dateline's date is where the report was filed, whatever its case */
        if (k->c->has_dateline && m->span.start >= k->c->dateline_span.end &&
            m->span.start <= k->c->dateline_span.end + 2 &&
            (other_place > 1 || (m->where.country && !str_eq(m->where.country, "SY"))))
            continue;
        if (before && m->span.start >= before->span.end + 2 &&
            m->span.start - before->span.end <= 3 && t[m->span.start - 1] == '(')
            continue;
        if (other_place && road_end(t, m->span.end, sent.end))
            continue;
        if (n > 0 && bearing_before(t, sent.start, m->span.start))
            continue;
        int country = !m->where.admin1 || !*m->where.admin1;
        if (country && have_sub)
            continue;
        /* a region or province gives way to a town in it; "ten killed in
         * Daraa countryside as other units clashed in Eastern Ghouta" names
         * two scenes, and a region of another province of the town's
         * country is one of them (a district is not: its name is as often
         * a namesake, "Khalil") */
        if (have_town && m->where.is_area) {
            int drop = !m->where.admin1 || (m->where.admin2 && *m->where.admin2);
            for (size_t j = 0; j < sv->n && !drop; j++) {
                const sr_place_ref *w = &sv->m[j].where;
                if (sv->m[j].kind != SR_MENTION_PLACE || w->is_area)
                    continue;
                drop = (w->country && m->where.country && !str_eq(w->country, m->where.country)) ||
                       ((!w->admin1 || str_eq(w->admin1, m->where.admin1)) &&
                        !inside_other_place(sv, &sv->m[j]));
            }
            if (drop)
                continue;
        }
        /* nested inside another place mention: one location */
        if ((have_prev && prev_end >= m->span.end) || group_end > m->span.end)
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
        /* "the road south of X, which links the city to Y": a place in a
         * relative clause about a place already kept only locates it */
        if (n > 0 && m->span.start > out[n - 1]->span.end &&
            m->span.start - out[n - 1]->span.end < 80 &&
            relative_between(t, out[n - 1]->span.end, m->span.start))
            continue;
        /* a locator after another place: "Arab Said west of Idlib city" */
        if ((m->flags & SR_MF_CONTEXTUAL) && n > 0)
            continue;
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            if (out[j]->where.location && m->where.location &&
                str_eq(out[j]->where.location, m->where.location))
                dup = 1;
        if (!dup)
            out[n++] = m;
    }
    return n;
}

/* event_places (at most 8), worked out once per sentence and speech end:
 * they depend on nothing else, and each trigger asking again made a long
 * sentence cost O(places) string compares per trigger. */
static size_t sentence_places(coder *k, const sent_view *sv, sr_span sent, size_t speech_end,
                              const sr_mention **out)
{
    if (k->places_of != sv->m || k->places_n != sv->n || k->places_speech != speech_end) {
        k->n_places = event_places(k, k->t, sent, sv, k->places, 8, speech_end);
        k->places_of = sv->m;
        k->places_n = sv->n;
        k->places_speech = speech_end;
    }
    memcpy(out, k->places, k->n_places * sizeof *out);
    return k->n_places;
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
    /* "62 troops killed in US-led strikes": a participle with no object */
    static const char *const no_object[] = {"in",    "during", "near", "when", "after",
                                            "while", "on",     "at",   "as"};
    size_t ns, ne;
    next_word(t, tr->span.end, sent.end, &ns, &ne);
    int participle = lower_eq(t, tr->span.start, tr->span.end, "killed") &&
                     has_word(t, ns, ne, no_object, sizeof no_object / sizeof *no_object);
    /* "The army killed at least 16 people": "at least" opens the object's
     * count, not a place */
    if (participle && lower_eq(t, ns, ne, "at")) {
        size_t ls, le;
        next_word(t, ne, sent.end, &ls, &le);
        if (lower_eq(t, ls, le, "least") || lower_eq(t, ls, le, "most"))
            participle = 0;
    }
    size_t ps = tr->span.start > sent.start + 12 ? tr->span.start - 12 : sent.start;
    if (!participle && !has_word(t, ps, tr->span.start, be, 7))
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
    return w->admin1 && *w->admin1 && w->country && str_eq(w->country, "SY");
}

/* A clause boundary between S and E: a comma, semicolon or colon, or a
 * subordinating word ("after", "when", "while", "as", "before", "because",
 * "since"). */
static int clause_break(const char *t, size_t s, size_t e)
{
    for (size_t q = s; q < e; q++)
        if (t[q] == ',' || t[q] == ';' || t[q] == ':')
            return 1;
    static const char *const sub[] = {"after", "when", "while", "as", "before", "because", "since"};
    return has_word(t, s, e, sub, sizeof sub / sizeof *sub);
}

/* Does the noun phrase ending at P open with a determiner ("the attack",
 * "these heavy strikes")?  Up to four words back, stopping at an article,
 * a punctuation mark or a time word: "Earlier this month an air raid"
 * tells a new attack, it does not point back to one. */
static int definite_phrase(const char *t, size_t start, size_t p)
{
    /* "HTS' attack", "the regime's offensive": a possessive is definite */
    size_t q = p;
    while (q > start && t[q - 1] == ' ')
        q--;
    if (q > start && t[q - 1] == 's' && q - 1 > start)
        q--; /* "'s" */
    if ((q > start && t[q - 1] == '\'') ||
        (q >= start + 3 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80 &&
         (unsigned char)t[q - 1] == 0x99))
        return 1;
    for (int n = 0; n < 4 && p > start; n++) {
        size_t e = p;
        while (e > start && !((t[e - 1] | 32) >= 'a' && (t[e - 1] | 32) <= 'z')) {
            if (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ';' || t[e - 1] == ':')
                return 0;
            e--;
        }
        /* the run of letters and hyphens ending at E, eight letters a
         * step */
        size_t b = letter_run_back((const unsigned char *)t, start, e);
        while (b > start && t[b - 1] == '-')
            b = letter_run_back((const unsigned char *)t, start, b - 1);
        if (b == e)
            return 0;
        /* has_word's one word of T[b, e): from its first letter to E, in
         * the word table when short enough for either list */
        size_t w = b;
        while (word_byte[(unsigned char)t[w]] != 1)
            w++;
        uint32_t fl = e - w <= 7 ? vocab_flags(t, w, e, e) : 0;
        if (fl & VW_DETERMINER)
            return 1;
        if (fl & VW_TIME_STOP) {
            /* "such an attack" points back all the same */
            static const char *const such[] = {"such"};
            size_t ss, se;
            word_before(t, start, b, &ss, &se);
            return se > ss && word_is(t, ss, se, such, 1);
        }
        p = b;
    }
    return 0;
}

static const char *const armed_nouns[] = {
    "terrorists", "militants", "fighters", "rebels",     "jihadists",  "soldiers",
    "troops",     "gunmen",    "members",  "insurgents", "combatants", "militiamen",
    "forces",     "personnel", "guards",   "policemen",  "recruits",
    /* one of them: "killing one of its commanders" */
    "commanders", "commander", "fighter",  "militant",   "soldier",    "rebel"};

/* Is E told in the report's headline or the first sentence after it? */
static int in_lede(const coder *k, const sr_event *e)
{
    return e->sentence <= (k->title_sentence == (size_t)-1 ? 0 : k->title_sentence + 1);
}

/* The sentence that prints the headline: the cleaner's title span, else
 * the title found near the top of the text (wire copy often repeats it
 * after the dateline: "Mon Mar 6 2017 12 Killed in ..."); -1 if none. */
static size_t title_sentence(const sr_cleaned *c, const sr_annotation *a)
{
    size_t at = (size_t)-1;
    if (c->title_span.end > c->title_span.start)
        at = c->title_span.start;
    else if (c->title && strlen(c->title) >= 12) {
        size_t n = strlen(c->title) < 40 ? strlen(c->title) : 40;
        size_t lim = c->text_len < 400 ? c->text_len : 400;
        /* the first P with P + N <= LIM and TEXT[P, P + N) the title's
         * first N bytes (none of them NUL) */
        const char *hit = n <= lim ? memmem(c->text, lim, c->title, n) : NULL;
        if (hit)
            at = (size_t)(hit - c->text);
    }
    if (at == (size_t)-1)
        return (size_t)-1;
    for (size_t s = 0; s < a->n_sentences; s++)
        if (a->sentences[s].start <= at && at < a->sentences[s].end)
            return s;
    return (size_t)-1;
}

/* What a sentence says as a whole, worked out once before its triggers
 * are read (each check scans the sentence). */
static void sentence_facts_of(coder *k, const sent_view *sv, sr_span sent)
{
    const char *t = k->t;
    sentence_facts *sf = &k->sf;
    memset(sf, 0, sizeof *sf);
    sf->valid = 1;
    sf->of = sent;
    static const char *const onset[] = {"start", "beginning", "outbreak", "onset"};
    /* "since the army began an offensive nearly two weeks ago" */
    static const char *const began[] = {"began",      "started", "launched", "erupted",
                                        "intervened", "entered", "begun"};
    /* weeks and longer: "over the past two days" is often the news itself,
     * a strike campaign ACLED codes day by day */
    static const char *const period[] = {"weeks", "months", "years", "week",
                                         "month", "year",   "decade"};
    static const char *const span_of[] = {"past", "last", "recent", "one"};
    /* one walk over the words: the checks below only look further on a
     * word of one of their lists (vocab) */
    size_t first_perfect = (size_t)-1;
    int period_hit = 0;
    const uint32_t want = VW_KILL | VW_OFTEN | VW_PERFECT | VW_SINCE | VW_SPAN_PREP | VW_WITH |
                          VW_GAS | VW_AIR | VW_AIRCRAFT | VW_SPEECH;
    vocab_scan sc;
    vocab_scan_init(&sc, k, sent.start, sent.end);
    vocab_hit hits[32];
    size_t n_hits;
    do {
        n_hits = vocab_hits(t, &sc, want, hits, 32);
        for (size_t h = 0; h < n_hits; h++) {
            size_t ws = hits[h].s, we = hits[h].e;
            uint32_t fl = hits[h].flags;
            if (fl & VW_KILL) {
                sf->kill_word = 1;
                /* has_word's word, a letter then letters and hyphens, is this
                 * run unless a hyphen joins it to the run before or after */
                size_t q = ws;
                while (q > sent.start && t[q - 1] == '-')
                    q--;
                if ((we == sent.end || t[we] != '-') &&
                    (q == sent.start || word_byte[(unsigned char)t[q - 1]] != 1))
                    sf->kill_listed = 1;
            }
            if (fl & VW_OFTEN)
                sf->often_told = 1;
            if ((fl & VW_PERFECT) && first_perfect == (size_t)-1)
                first_perfect = ws;
            /* "have been killed since April", "since the start of the war": a
             * running total; "the biggest loss since 2015" compares (no
             * perfect before it) and "since Tuesday" is this week's fight
             * (the date check below) */
            if ((fl & VW_SINCE) && !sf->since_total) {
                /* "has been mired in war since 2011": a year the annotator
                 * keeps as a number */
                size_t y = we;
                while (y < sent.end && t[y] == ' ')
                    y++;
                if (first_perfect < ws && y + 4 <= sent.end && (t[y] == '1' || t[y] == '2') &&
                    t[y + 1] >= '0' && t[y + 1] <= '9' && t[y + 2] >= '0' && t[y + 2] <= '9' &&
                    t[y + 3] >= '0' && t[y + 3] <= '9' &&
                    (y + 4 == sent.end || !(t[y + 4] >= '0' && t[y + 4] <= '9')))
                    sf->since_total = 1;
                size_t a1s, a1e, a2s, a2e;
                next_word(t, we, sent.end, &a1s, &a1e);
                next_word(t, a1e, sent.end, &a2s, &a2e);
                size_t ce = we + 60 < sent.end ? we + 60 : sent.end;
                if ((lower_eq(t, a1s, a1e, "the") && has_word(t, a2s, a2e, onset, 4)) ||
                    (first_perfect < ws &&
                     has_word(t, we, ce, began, sizeof began / sizeof *began)))
                    sf->since_total = 1;
            }
            /* "Bombardment in the last two weeks has killed more than 100" */
            if ((fl & VW_SPAN_PREP) && !period_hit) {
                size_t w2s, w2e, w3s, w3e, w4s, w4e;
                next_word(t, we, sent.end, &w2s, &w2e);
                if (lower_eq(t, w2s, w2e, "the"))
                    next_word(t, w2e, sent.end, &w2s, &w2e);
                if (has_word(t, w2s, w2e, span_of, 3)) {
                    next_word(t, w2e, sent.end, &w3s, &w3e);
                    next_word(t, w3e, sent.end, &w4s, &w4e);
                    /* "the past two weeks": a number word may stand between */
                    period_hit = has_word(t, w3s, w4e, period, sizeof period / sizeof *period);
                }
            }
            if (fl & VW_WITH) {
                /* "attacked X with chemical weapons": the means is the gas */
                static const char *const gas[] = {"chemical", "toxic", "poisonous", "poison",
                                                  "chlorine", "sarin", "nerve"};
                size_t gs, ge;
                next_word(t, we, sent.end, &gs, &ge);
                if (has_word(t, gs, ge, gas, sizeof gas / sizeof *gas))
                    sf->chemical = 1;
            }
            /* "dropped chemical bombs", "chlorine-filled barrel bombs": a gas
             * word on a munition names the means too */
            if ((fl & VW_GAS) && !sf->chemical) {
                static const char *const munition[] = {"bomb",   "bombs",     "barrel",  "barrels",
                                                       "shells", "munitions", "rockets", "gas",
                                                       "filled", "laden",     "laced"};
                size_t ms, me;
                next_word(t, we, sent.end, &ms, &me);
                if (word_is(t, ms, me, munition, sizeof munition / sizeof *munition))
                    sf->chemical = 1;
            }
            if ((fl & VW_AIR) && !sf->aircraft) {
                size_t fs, fe;
                next_word(t, we, sent.end, &fs, &fe);
                if (lower_eq(t, fs, fe, "force"))
                    sf->aircraft = 1; /* "Syrian air force raids" */
            }
            if (fl & VW_AIRCRAFT)
                sf->aircraft = 1;
            /* the first speech verb: what comes before it is the speaker's */
            if ((fl & VW_SPEECH) && !sf->speech_end)
                sf->speech_end = we;
        }
    } while (n_hits == 32);
    /* a total is told in the perfect, or in a sentence that names no
     * day ("374 people recorded killed during the past week", a headline's
     * "500 Civilians Killed in One Week") */
    int has_day = 0;
    for (size_t i = 0; i < sv->n && period_hit && first_perfect == (size_t)-1; i++)
        has_day |= sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY;
    sf->period_total = period_hit && (first_perfect != (size_t)-1 || !has_day);
    /* "The offensive, launched on February 18, has killed more than 800
     * civilians", "The war has killed over 370,000 people": a campaign as
     * the subject of a perfect killing verb is a running total */
    if (!sf->period_total && sf->kill_word && first_perfect != (size_t)-1) {
        static const char *const campaign[] = {"offensive", "war",      "conflict", "campaign",
                                               "violence",  "operation", "uprising", "siege",
                                               "onslaught", "crisis"};
        size_t cs = sent.start, ce = sent.start;
        for (int w = 0; w < 3; w++) {
            next_word(t, ce, first_perfect, &cs, &ce);
            if (ce <= cs)
                break;
            if (word_is(t, cs, ce, campaign, sizeof campaign / sizeof *campaign)) {
                sf->period_total = 1;
                break;
            }
        }
    }
    for (size_t i = 0; i < sv->n && !sf->since_total; i++) {
        size_t ss, se;
        if (sv->m[i].kind != SR_MENTION_DATE)
            continue;
        word_before(t, sent.start, sv->m[i].span.start, &ss, &se);
        int recent = sv->m[i].timex.precision == SR_PREC_DAY && k->a->anchor.year &&
                     days_of(k->a->anchor) - days_of(sv->m[i].timex.date) <= 7;
        if (se > ss && lower_eq(t, ss, se, "since") && !recent && first_perfect < ss)
            sf->since_total = 1;
    }
}

/* Whether each mention of sentence SV lies inside parentheses, worked out
 * once per sentence: each trigger reading the sentence again made a long
 * sentence cost O(bytes) per trigger.  NULL when the sentence has no '('
 * (nothing is inside) or when out of memory (the caller then reads the
 * sentence itself). */
static const unsigned char *paren_flags(coder *k, const sent_view *sv, sr_span sent)
{
    const char *t = k->t;
    if (sent.end <= sent.start || !memchr(t + sent.start, '(', sent.end - sent.start))
        return NULL;
    if (k->in_paren_of == sv->m && k->in_paren_n == sv->n)
        return k->in_paren;
    if (sv->n > k->in_paren_cap) {
        size_t cap = k->in_paren_cap * 2 > sv->n ? k->in_paren_cap * 2 : sv->n;
        unsigned char *f = sr_arena_alloc(k->doc->arena, cap);
        if (!f)
            return NULL;
        k->in_paren = f;
        k->in_paren_cap = cap;
    }
    size_t scan = sent.start;
    int depth = 0;
    for (size_t i = 0; i < sv->n; i++) {
        for (; scan < sv->m[i].span.start && scan < sent.end; scan++)
            depth += t[scan] == '(' ? 1 : t[scan] == ')' ? -1 : 0;
        k->in_paren[i] = depth > 0;
    }
    k->in_paren_of = sv->m;
    k->in_paren_n = sv->n;
    return k->in_paren;
}

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
    return !str_eq(tr->value, "Peaceful protest") || e == s ||
           has_word(k->t, s, e, intrans, sizeof intrans / sizeof *intrans);
}

/* Does a crowd in SENT riot: a riot verb ("stormed", "torched", "set
 * fire", "threw stones", "clashed") within eight words after a crowd word,
 * with no police or troops named between (they would be the ones acting:
 * "police attacked the protesters")? */
static int crowd_riots(const char *t, sr_span sent)
{
    static const char *const crowd[] = {"protesters", "protestors", "demonstrators", "crowd",
                                        "crowds",     "residents",  "youths",        "mob",
                                        "rioters",    "they",       "protest",       "demonstration",
                                        "marchers",   "mourners"};
    static const char *const force[] = {"police", "policemen", "security", "forces", "soldiers",
                                        "army",   "troops",    "guards"};
    static const char *const riot[] = {"stormed",  "storming",  "torched",    "torching",
                                       "burned",   "burnt",     "smashed",    "smashing",
                                       "ransacked", "vandalised", "vandalized", "pelted",
                                       "pelting",  "clashed",   "clashing",   "attacked",
                                       "attacking", "stoned",   "looted",     "looting"};
    static const char *const throw_[] = {"threw", "throwing", "hurled", "hurling", "set", "setting"};
    static const char *const thrown[] = {"stones", "rocks", "bottles", "fire", "ablaze", "molotov"};
    size_t ws, we;
    int since_crowd = -1; /* words since the last crowd word, -1: none */
    for (size_t p = sent.start; p < sent.end; p = we) {
        next_word(t, p, sent.end, &ws, &we);
        if (we == ws)
            break;
        if (word_is(t, ws, we, crowd, sizeof crowd / sizeof *crowd)) {
            since_crowd = 0;
            continue;
        }
        if (since_crowd < 0)
            continue;
        if (++since_crowd > 8 || word_is(t, ws, we, force, sizeof force / sizeof *force)) {
            since_crowd = -1;
            continue;
        }
        if (word_is(t, ws, we, riot, sizeof riot / sizeof *riot))
            return 1;
        if (word_is(t, ws, we, throw_, sizeof throw_ / sizeof *throw_)) {
            size_t xs, xe, ys, ye;
            next_word(t, we, sent.end, &xs, &xe);
            next_word(t, xe, sent.end, &ys, &ye);
            if (word_is(t, xs, xe, thrown, sizeof thrown / sizeof *thrown) ||
                word_is(t, ys, ye, thrown, sizeof thrown / sizeof *thrown))
                return 1;
        }
    }
    return 0;
}

/* Protesters facing force: 0 when the sentence names no crowd ("the group
 * dispersed its fighters"); else the unnamed crowd joins side 2 unless a
 * protester actor is already a side. */
static int crowd_side(const coder *k, const sent_view *sv, sr_span sent, sr_event *proto)
{
    static const char *const crowd[] = {"protesters", "protestors", "demonstrators", "protest",
                                        "protests",   "demonstration", "demonstrations", "crowd",
                                        "crowds",     "rally",      "sit-in",     "marchers",
                                        "mourners",   "protesting", "protested",  "demonstrating",
                                        "demonstrated"};
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
/* Side 1 and side 2 of E, with their associates, trade places. */
static void swap_sides(sr_event *e)
{
    int a = e->actor1, as[SR_CODE_MAX_ASSOC], n = e->n_assoc1;
    memcpy(as, e->assoc1, sizeof as);
    e->actor1 = e->actor2;
    memcpy(e->assoc1, e->assoc2, sizeof as);
    e->n_assoc1 = e->n_assoc2;
    e->actor2 = a;
    memcpy(e->assoc2, as, sizeof as);
    e->n_assoc2 = n;
}

static void crowd_first(const sr_kb *kb, sr_event *e)
{
    if (e->actor2 >= 0 && kb->actors[e->actor2].kind == SR_ACTOR_PROTESTERS)
        swap_sides(e);
}

/* Drops the associates of kind KIND from V[0..*N). */
static void drop_assoc(const sr_kb *kb, int *v, int *n, sr_actor_kind kind)
{
    int w = 0;
    for (int q = 0; q < *n; q++)
        if (kb->actors[v[q]].kind != kind)
            v[w++] = v[q];
    *n = w;
}

/* Is SUB a violent sub-event type whose target may be civilians? */
static int sub_type_violent(coder *k, const char *sub)
{
    const char *type = event_type(k, sub);
    return type &&
           (str_eq(type, "Battles") || str_eq(type, "Explosions/Remote violence") ||
            str_eq(type, "Violence against civilians")) &&
           !str_eq(sub, "Non-state actor overtakes territory") &&
           !str_eq(sub, "Government regains territory");
}

/* Does SENT tell civilians killed or hurt: a civilian noun (age, sex,
 * trade, kin) within six words before a victim word ("two shepherds were
 * killed", "a doctor and a nurse died") or six after it ("killing three
 * farmers", "killing a man and his two sons")? */
__attribute__((noinline)) static int civilian_victims(const char *t, sr_span sent)
{
    /* one scan for both kinds of word (vocab), with each word's place:
     * a victim word (VW_VICTIM: victim_words, hurt_words, "killing" and
     * victims_taken) and a civilian noun at most six words apart.  Only
     * SENT is read (the caller knows no more of the text). */
    /* the men or people taken by armed men are civilians too ("kidnapped
     * two men"); the men killed may have been fighters */
    static const char *const taken_people[] = {"men", "people", "persons"};
    vocab_scan sc = {sent.start, sent.end, sent.end, 0};
    vocab_hit hits[32];
    size_t n_hits, last_victim = (size_t)-1, last_civilian = (size_t)-1;
    size_t last_taken = (size_t)-1, last_taken_people = (size_t)-1;
    do {
        n_hits = vocab_hits(t, &sc, VW_VICTIM | VW_CIVILIAN | VW_PEOPLE, hits, 32);
        for (size_t h = 0; h < n_hits; h++) {
            size_t n = hits[h].n;
            int civ = (hits[h].flags & VW_CIVILIAN) != 0;
            int taken_p = (hits[h].flags & VW_PEOPLE) &&
                          word_is(t, hits[h].s, hits[h].e, taken_people, 3);
            int taken = (hits[h].flags & VW_VICTIM) &&
                        word_is(t, hits[h].s, hits[h].e, victims_taken,
                                sizeof victims_taken / sizeof *victims_taken);
            if (civ && last_victim != (size_t)-1 && n - last_victim <= 6)
                return 1;
            if ((hits[h].flags & VW_VICTIM) && last_civilian != (size_t)-1 &&
                n - last_civilian <= 6)
                return 1;
            if ((taken_p && last_taken != (size_t)-1 && n - last_taken <= 6) ||
                (taken && last_taken_people != (size_t)-1 && n - last_taken_people <= 6))
                return 1;
            if (hits[h].flags & VW_VICTIM)
                last_victim = n;
            if (civ)
                last_civilian = n;
            if (taken)
                last_taken = n;
            if (taken_p)
                last_taken_people = n;
        }
    } while (n_hits == 32);
    return 0;
}

/* Does the sentence name a day ("on Sunday", "March 3")? */
static int told_day(const sent_view *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        if (sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY)
            return 1;
    return 0;
}

/* "X and the central committee agreed on a deal", "the government and
 * rebel negotiators reached an agreement": a verb of agreeing within the
 * eight words before the agreement's noun.  One named party is then enough:
 * the other is often a body no actor list holds. */
static int agreed_before(const char *t, sr_span sent, size_t at)
{
    static const char *const agreed[] = {"reached", "agreed", "signed", "struck", "concluded",
                                         "sealed"};
    /* "unless they agreed", "refused to sign": no agreement was made */
    static const char *const unmade[] = {"unless", "if", "would", "whether", "refused", "not",
                                         "never", "could", "should", "expected", "ready", "willing"};
    size_t cs = at, ce;
    int found = 0;
    for (int w = 0; w < 8; w++) {
        word_before(t, sent.start, cs, &cs, &ce);
        if (ce <= cs)
            break;
        if (word_is(t, cs, ce, unmade, sizeof unmade / sizeof *unmade))
            return 0;
        found |= word_is(t, cs, ce, agreed, sizeof agreed / sizeof *agreed);
    }
    return found;
}

/* The words around a trigger, each found once: most of code_trigger's
 * checks walk the same few words back from its start (word_before) and on
 * from its end (next_word) within the sentence, and walking them again
 * per check made a trigger cost tens of walks. */
#define TRIGGER_WORDS 8
typedef struct trigger_words {
    const char *t;
    size_t sent_start, sent_end;
    size_t start, end; /* the trigger's span */
    size_t bs[TRIGGER_WORDS], be[TRIGGER_WORDS], as[TRIGGER_WORDS], ae[TRIGGER_WORDS];
    size_t n_before, n_after; /* words found so far */
} trigger_words;

/* The Ith word before the trigger (0: the nearest), as a chain of
 * word_before from its start gives it. */
static void tw_before_walk(trigger_words *w, size_t i, size_t *s, size_t *e)
{
    for (; w->n_before <= i && w->n_before < TRIGGER_WORDS; w->n_before++) {
        size_t p = w->n_before ? w->bs[w->n_before - 1] : w->start;
        word_before(w->t, w->sent_start, p, &w->bs[w->n_before], &w->be[w->n_before]);
    }
    if (i < TRIGGER_WORDS) {
        *s = w->bs[i];
        *e = w->be[i];
        return;
    }
    *s = w->bs[TRIGGER_WORDS - 1];
    for (size_t q = TRIGGER_WORDS - 1; q < i; q++)
        word_before(w->t, w->sent_start, *s, s, e);
}

/* The Ith word after the trigger (0: the next), as a chain of next_word
 * from its end gives it. */
static void tw_after_walk(trigger_words *w, size_t i, size_t *s, size_t *e)
{
    for (; w->n_after <= i && w->n_after < TRIGGER_WORDS; w->n_after++) {
        size_t p = w->n_after ? w->ae[w->n_after - 1] : w->end;
        next_word(w->t, p, w->sent_end, &w->as[w->n_after], &w->ae[w->n_after]);
    }
    if (i < TRIGGER_WORDS) {
        *s = w->as[i];
        *e = w->ae[i];
        return;
    }
    *e = w->ae[TRIGGER_WORDS - 1];
    for (size_t q = TRIGGER_WORDS - 1; q < i; q++)
        next_word(w->t, *e, w->sent_end, s, e);
}

static int sub_by_deal(const char *t, sr_span sent);
static int is_territory(const char *sub);
/* Does LIT[0..N) occur in H[0..LEN)?  find_lit's answer, found by LIT's
 * byte AT rather than its first: a rare byte ('.' in "pic.twitter.com",
 * 'Y' in "- YouTube") stops memchr a few times a sentence where a 'p'
 * stopped it every few words. */
static int has_lit_at(const char *h, size_t len, const char *lit, size_t n, size_t at)
{
    if (len < n)
        return 0;
    /* the byte AT of an occurrence lies in [h + at, h + len - n + at] */
    const char *p = h + at, *end = h + (len - n) + at + 1;
    while (p < end) {
        const char *c = memchr(p, lit[at], (size_t)(end - p));
        if (!c)
            return 0;
        if (!memcmp(c - at, lit, n))
            return 1;
        p = c + 1;
    }
    return 0;
}

/* Most asks are of a word already found: those are read in line, and only
 * a word not found yet takes the walk. */
static inline void tw_before(trigger_words *w, size_t i, size_t *s, size_t *e)
{
    if (i < w->n_before) {
        *s = w->bs[i];
        *e = w->be[i];
        return;
    }
    tw_before_walk(w, i, s, e);
}

static inline void tw_after(trigger_words *w, size_t i, size_t *s, size_t *e)
{
    if (i < w->n_after) {
        *s = w->as[i];
        *e = w->ae[i];
        return;
    }
    tw_after_walk(w, i, s, e);
}

/* word_within's answer for the trigger's start: one of WORDS among the N
 * words before it, read from the words found once. */
static WORD_LIST_INLINE int tw_within(trigger_words *w, size_t n, const char *const *words,
                                      size_t nw)
{
    for (size_t i = 0; i < n; i++) {
        size_t s, e;
        tw_before(w, i, &s, &e);
        if (e == s)
            return 0;
        if (word_is(w->t, s, e, words, nw))
            return 1;
    }
    return 0;
}

static void code_trigger(coder *k, const sent_view *sv, size_t ti, sr_span sent,
                         const sr_place_ref *prev_place)
{
    const sr_kb *kb = k->kb;
    const char *t = k->t;
    const sr_mention *tr = &sv->m[ti];
    unsigned fr = tr->frame;
    /* (field by field: the word arrays are read only as far as they are
     * filled, and clearing them cost some fifty instructions a trigger) */
    trigger_words tw;
    tw.t = t;
    tw.sent_start = sent.start;
    tw.sent_end = sent.end;
    tw.start = tr->span.start;
    tw.end = tr->span.end;
    tw.n_before = tw.n_after = 0;
    /* totals over a period are not events (sentence_facts) */
    if (k->sf.since_total || (k->sf.period_total && !(fr & SR_FRAME_TERRITORY)))
        return;
    /* "detained 15 men in a raid campaign", "raids and arrests": a raid
     * told with an arrest is the arrest operation (ACLED: Arrests), not a
     * clash */
    if (tr->span.end - tr->span.start >= 4 && lower_eq(t, tr->span.start, tr->span.start + 4, "raid") &&
        str_eq(tr->value, "Armed clash"))
        for (size_t i = 0; i < sv->n; i++)
            if (sv->m[i].kind == SR_MENTION_TRIGGER && sv->m[i].value &&
                str_eq(sv->m[i].value, "Arrests"))
                return;
    /* "engineers were dismantling explosive devices", "found a car bomb":
     * a bomb made safe or found did not go off */
    if ((fr & SR_FRAME_NOUN) && str_eq(tr->value, "Remote explosive/landmine/IED")) {
        static const char *const unexploded[] = {
            "defused",  "defusing",  "dismantled", "dismantling", "removed", "removing",
            "found",    "finding",   "seized",     "seizing",     "cleared", "clearing",
            "discovered"};
        size_t ws, we;
        for (size_t w = 0; w < 3; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            if (word_is(t, ws, we, unexploded, sizeof unexploded / sizeof *unexploded))
                return;
        }
    }
    /* an embedded post or a video's title flattened into the text ("...
     * pic.twitter.com/...", "... - YouTube") is a reader's or a channel's
     * words, not the report, which resumes after the post's mark (issue 4) */
    {
        size_t ee = tr->span.end + 300 < sent.end ? tr->span.end + 300 : sent.end;
        if (has_lit_at(t + tr->span.end, ee - tr->span.end, "pic.twitter.com", 15, 3) ||
            has_lit_at(t + tr->span.end, ee - tr->span.end, "- YouTube", 9, 2))
            return;
    }
    /* a purpose is not a deed: "an operations room aimed at fighting X",
     * "an attack in a bid to capture X" (the coder's own list: the
     * relations stage reads the rest of such a sentence as told) */
    {
        /* (with their lengths: a strlen per phrase and byte was a tenth
         * of this test) */
        static const struct {
            const char *w;
            size_t n;
        } purpose[] = {{"aimed at", 8},     {"aiming at", 9},    {"aiming to", 9},
                       {"in order to", 11}, {"in a bid to", 11}, {"intended to", 11}};
        size_t ps = tr->span.start > sent.start + 16 ? tr->span.start - 16 : sent.start;
        /* only a word start whose letter begins a purpose ('a', 'i') is
         * compared, at the sentence's start or after a space: such a start
         * opens a run of letters, so it is one of the words before the
         * trigger (the word cache, which the checks below walk anyway),
         * and those are read instead of every byte of the stretch */
        for (size_t w = 0;; w++) {
            size_t p, pe;
            tw_before(&tw, w, &p, &pe);
            if (pe <= p || p < ps)
                break;
            if (((t[p] | 32) != 'a' && (t[p] | 32) != 'i') || (p != sent.start && t[p - 1] != ' '))
                continue;
            for (size_t q = 0; q < sizeof purpose / sizeof *purpose; q++) {
                size_t n = purpose[q].n;
                if (p + n <= tr->span.start && lower_eq(t, p, p + n, purpose[q].w))
                    return;
            }
        }
    }
    /* "rebels fighting to oust the president", "militias fighting for the
     * government": a participle that describes a side's cause, no event */
    {
        static const char *const purpose2[] = {"to", "alongside"};
        size_t ns, ne;
        if (lower_eq(t, tr->span.start, tr->span.end, "fighting")) {
            tw_after(&tw, 0, &ns, &ne);
            if (ne > ns && word_is(t, ns, ne, purpose2, sizeof purpose2 / sizeof *purpose2))
                return;
            /* "fighting for X" is allegiance when X is a side; "fighting
             * for the city" is a battle */
            if (lower_eq(t, ns, ne, "for"))
                for (size_t i = ti + 1; i < sv->n; i++)
                    if (usable_actor(kb, &sv->m[i]) &&
                        words_between(t, ne, sv->m[i].span.start) <= 1)
                        return;
        }
    }
    /* "the attack site", "attack helicopters", "strike aircraft": an event
     * noun that only modifies the next noun names no event */
    if (fr & SR_FRAME_NOUN) {
        static const char *const modified[] = {
            "site",  "sites",  "helicopter", "helicopters", "aircraft", "plane", "planes",
            "drone", "drones", "submarine",  "capability",  "capabilities", "plan", "plans",
            "plot",  "plots",  "group",      "groups",      "squad",    "squads", "cell",
            "cells", "zone",   "zones"};
        size_t ns, ne;
        if (tr->span.end < sent.end && t[tr->span.end] == ' ') {
            tw_after(&tw, 0, &ns, &ne);
            if (ne > ns && ns == tr->span.end + 1 &&
                word_is(t, ns, ne, modified, sizeof modified / sizeof *modified))
                return;
        }
    }
    /* "since the Ghouta massacre", "the first since the 2013 attack",
     * "since the SDF first broke into the city": an event named as a point
     * in time (up to four words after "since") was told before, it is not
     * news */
    {
        size_t ws, we;
        for (int w = 0; w < 4; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            if (lower_eq(t, ws, we, "since")) {
                /* "Since Wednesday clashes have rocked the city": a date
                 * after "since" dates the event, it names no past one */
                int dated = 0, actor = 0;
                for (size_t i = 0; i < ti; i++) {
                    dated |= sv->m[i].kind == SR_MENTION_DATE && sv->m[i].span.start >= we;
                    actor |= sv->m[i].kind == SR_MENTION_ACTOR && sv->m[i].span.start >= we;
                }
                /* a verb: "since the SDF first broke into the city" is a
                 * clause of its own with its subject */
                if (!dated && ((fr & SR_FRAME_NOUN) || actor))
                    return;
                break;
            }
        }
    }
    /* "the regime and rebels have traded accusations over which side is
     * using toxic gas": a dispute about deeds, told as a statement */
    {
        static const char *const dispute[] = {"accusations", "allegations", "traded"};
        if (tw_within(&tw, 8, dispute, 3))
            return;
    }
    /* "The group claimed the attack on Thursday", "claimed responsibility
     * for the bombing": the claim points back to an event told before */
    if ((fr & SR_FRAME_NOUN) && k->out->n_events > 0) {
        static const char *const claim[] = {"claimed", "claiming", "claims", "claim"};
        if (tw_within(&tw, 4, claim, sizeof claim / sizeof *claim) &&
            definite_phrase(t, sent.start, tr->span.start))
            return;
    }
    /* "Security forces closed the roads after Monday's blast", "following
     * the attack": an event named as the time of another deed, with the
     * article or a day's possessive, points back to one told elsewhere; the
     * main clause's actors are not its makers */
    if (fr & SR_FRAME_NOUN) {
        size_t ws, we;
        for (size_t w = 0; w < 3; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            static const char *const after[] = {"after", "following"};
            if (word_is(t, ws, we, after, 2)) {
                /* "days after a deadly chemical attack": a span of time
                 * back to an event told as known */
                static const char *const span[] = {"days", "day", "weeks", "week", "hours",
                                                   "months", "month", "shortly"};
                size_t ps, pe, ns, ne;
                word_before(t, sent.start, ws, &ps, &pe);
                if (pe > ps && word_is(t, ps, pe, span, sizeof span / sizeof *span))
                    return;
                next_word(t, we, sent.end, &ns, &ne);
                int back = lower_eq(t, ns, ne, "the") || lower_eq(t, ns, ne, "this") ||
                           lower_eq(t, ns, ne, "that") || lower_eq(t, ns, ne, "last") ||
                           (ne > ns + 2 && t[ne - 2] == '\'' && (t[ne - 1] | 32) == 's') ||
                           (ne + 1 < sent.end && t[ne] == '\'' && (t[ne + 1] | 32) == 's');
                if (back)
                    return;
                break;
            }
        }
    }
    /* "a town a group holds dear for its prophecy of a final battle", "the
     * myth of a decisive war": a battle foretold or believed in is told
     * as faith or legend, not as news */
    if (fr & SR_FRAME_NOUN) {
        static const char *const faith[] = {"prophecy", "prophecies", "prophesied", "prophesy",
                                            "belief",   "beliefs",    "myth",       "myths",
                                            "legend",   "legends",    "apocalyptic", "doomsday",
                                            "foretold", "foretells"};
        size_t fs = tr->span.start > sent.start + 200 ? tr->span.start - 200 : sent.start;
        if (has_word(t, fs, tr->span.start, faith, sizeof faith / sizeof *faith))
            return;
    }
    /* what a report says of a group, a place or a period rather than a
     * deed (issue 4): "a militia notorious for using car bombs to attack
     * checkpoints", "under the pretext of fighting terror", "Kurdish forces
     * fighting the jihadists" (a description of the side: the sentence's
     * verb tells the deed), "the rebels have attacked the town several
     * times", "the army has been shelling the valley for months" (with no
     * day told), "200 attacks on schools last year" (a tally) */
    {
        static const char *const known[] = {"notorious", "known", "infamous", "famous",
                                            "pretext",   "guise", "tactic",   "tactics"};
        /* "condemned the attack", "described the strike as a massacre": a
         * reaction to a deed told elsewhere */
        static const char *const react[] = {"condemned", "condemns", "condemn",  "denounced",
                                            "denounces", "described", "describes", "deplored",
                                            "decried",   "slammed",   "criticised", "criticized"};
        static const char *const many[] = {"several", "many", "numerous", "multiple", "countless"};
        static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being",
                                          "has", "have", "had", "and", "or", "while", "of"};
        size_t ws, we, ps = 0, pe = 0;
        for (int w = 0; w < 6; w++) {
            size_t from = w ? ws : tr->span.start;
            tw_before(&tw, (size_t)w, &ws, &we);
            if (we <= ws)
                break;
            /* the clause ends at a colon or semicolon ("has been hit
             * repeatedly: on May 21 a car bomb ..."); the gap between two
             * words is a byte or two, less than a call to memchr costs */
            int stop = 0;
            for (size_t q = we; q < from && !stop; q++)
                stop = t[q] == ':' || t[q] == ';';
            if (stop)
                break;
            if (w == 1 && (fr & SR_FRAME_NOUN) && word_is(t, ps, pe, determiners, 4) &&
                word_is(t, ws, we, react, sizeof react / sizeof *react))
                return;
            /* "known for", "the pretext of" (the list's filter first: it
             * clears most words in a test) */
            if (pe > ps && word_is(t, ws, we, known, sizeof known / sizeof *known) &&
                (lower_eq(t, ps, pe, "for") || lower_eq(t, ps, pe, "of")))
                return;
            if (w < 4 && word_is(t, ws, we, often_words, N_OFTEN))
                return;
            ps = ws;
            pe = we;
        }
        /* after the deed, in its clause: "... several times", "... often";
         * the words after a trigger that ends a word are words of the
         * sentence, and its facts tell whether any is one of these */
        size_t p = tr->span.end;
        ps = pe = 0;
        int cut = tr->span.end < sent.end && word_byte[(unsigned char)t[tr->span.end]] == 1;
        for (int w = 0; w < 8 && (k->sf.often_told || cut); w++) {
            tw_after(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            int stop = 0;
            for (size_t q = p; q < ws && !stop; q++)
                stop = t[q] == ',' || t[q] == ';' || t[q] == ':' || t[q] == '.' || t[q] == '"';
            if (stop)
                break;
            if (word_is(t, ws, we, often_words, N_OFTEN) ||
                (lower_eq(t, ws, we, "times") &&
                 word_is(t, ps, pe, many, sizeof many / sizeof *many)))
                return;
            ps = ws;
            pe = we;
            p = we;
        }
        /* "forces fighting X": the participle right after a side, with no
         * verb of its own before it */
        if (lower_eq(t, tr->span.start, tr->span.end, "fighting") ||
            lower_eq(t, tr->span.start, tr->span.end, "battling")) {
            static const char *const groups[] = {"forces", "rebels",   "fighters", "militants",
                                                 "groups", "militias", "troops",   "factions",
                                                 "units",  "brigades", "jihadists", "insurgents"};
            tw_before(&tw, 0, &ws, &we);
            if (we + 1 == tr->span.start && word_is(t, ws, we, groups, sizeof groups / sizeof *groups)) {
                tw_before(&tw, 1, &ws, &we);
                if (!(we > ws && word_is(t, ws, we, aux, sizeof aux / sizeof *aux)))
                    return;
            }
            for (size_t i = ti; i-- > 0;) {
                const sr_mention *m = &sv->m[i];
                if (m->span.end > tr->span.start)
                    continue;
                if (m->kind == SR_MENTION_ACTOR && m->span.end + 1 == tr->span.start &&
                    t[m->span.end] == ' ') {
                    word_before(t, sent.start, m->span.start, &ws, &we);
                    if (!(we > ws && word_is(t, ws, we, aux, sizeof aux / sizeof *aux)))
                        return;
                }
                break;
            }
        }
        /* "has been shelling", "have been under attack": a campaign, unless
         * the sentence names a day */
        int day = -1; /* a day told in the sentence; asked only when needed */
        tw_before(&tw, 0, &ws, &we);
        int under = we > ws && lower_eq(t, ws, we, "under");
        if (under)
            tw_before(&tw, 1, &ws, &we);
        size_t bs = ws, be = we;
        if (be > bs && lower_eq(t, bs, be, "been") &&
            (under || (tr->span.end - tr->span.start > 4 &&
                                               lower_eq(t, tr->span.end - 3, tr->span.end, "ing")))) {
            tw_before(&tw, under ? 2 : 1, &ws, &we);
            static const char *const perf[] = {"has", "have", "had"};
            if (we > ws && word_is(t, ws, we, perf, 3) && !(day = told_day(sv)))
                return;
        }
        /* a tally: a count of twenty or more events over a period ("26
         * air strikes on Sunday" is one day's raid) */
        static const char *const hours[] = {"hours", "overnight", "today", "yesterday", "tonight"};
        for (size_t i = ti; i-- > 0 && i + 3 >= ti;) {
            const sr_mention *m = &sv->m[i];
            if (m->kind == SR_MENTION_NUMBER && !m->number.is_year && !m->number.is_ordinal &&
                m->number.noun.start <= tr->span.start && m->number.noun.end >= tr->span.end &&
                m->number.value >= (m->number.kind == SR_NUM_VAGUE ? 100 : 20) &&
                t[tr->span.end - 1] == 's' && !(day < 0 ? told_day(sv) : day) &&
                !has_word(t, sent.start, sent.end, hours, sizeof hours / sizeof *hours))
                return;
        }
    }
    /* "an officer who had defected", "the village, which had been
     * shelled", "IS, which has seized large areas": a perfect relative
     * clause tells a person's, a group's or a place's backstory, not the
     * event of the report */
    {
        static const char *const rel[] = {"who", "which", "that"};
        static const char *const adv[] = {"been", "previously", "earlier", "already", "once"};
        size_t ws, we;
        int w = 0;
        for (; w < 3; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws || !word_is(t, ws, we, adv, sizeof adv / sizeof *adv))
                break;
        }
        static const char *const perfect[] = {"had", "has", "have"};
        if (we > ws && word_is(t, ws, we, perfect, 3)) {
            size_t rs, re;
            tw_before(&tw, (w < 3 ? w : 2) + 1, &rs, &re);
            if (re > rs && word_is(t, rs, re, rel, sizeof rel / sizeof *rel))
                return;
        }
    }
    /* "surrendered its chemical weapons", "handed over their arms",
     * "seized a cache of ammunition": arms change hands, not ground */
    if ((fr & SR_FRAME_TERRITORY) || str_eq(tr->value, "Non-violent transfer of territory")) {
        static const char *const arms[] = {"weapons", "weapon",  "arms",    "cache",  "caches",
                                           "stockpile", "stockpiles", "arsenal", "ammunition"};
        size_t ws, we;
        for (int w = 0; w < 4; w++) {
            tw_after(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            if (word_is(t, ws, we, arms, sizeof arms / sizeof *arms))
                return;
        }
    }
    /* negation just before the trigger: "did not attack", "no clashes" */
    for (size_t i = 0; i < ti; i++)
        if (sv->m[i].kind == SR_MENTION_NEGATION && tr->span.start - sv->m[i].span.end < 30)
            return;
    /* a hypothesis or a threat is no event (issue 4): "respond to any
     * attack", "a possible offensive", "a planned assault", "would strike",
     * "warned of an assault", "if attacked"; the threat itself is a
     * statement (code_statements) */
    {
        static const char *const maybe[] = {"any",      "possible", "potential",  "planned",
                                            "threatened", "threaten", "looming", "imminent",  "feared",
                                            "anticipated", "threatening", "threatens", "expected",
                                            "impending"};
        static const char *const modal[] = {"would", "could", "might", "may", "if", "unless"};
        static const char *const preps[] = {"to", "by", "on", "in", "of", "at", "from", "against"};
        int prep_between = 0;
        static const char *const of[] = {"of", "against", "for"};
        /* "warned of", "ahead of", "preparations for" */
        static const char *const warn[] = {"warned",    "warns",      "warning", "warnings",
                                           "threat",    "threats",    "threatening", "fear",
                                           "fears",     "risk",       "ahead",   "preparations",
                                           "preparing", "prepare"};
        static const char *const recap[] = {"previously", "repeatedly", "frequently", "often"};
        /* a word starting with none of the lists' letters matches none */
        const unsigned long listed_first =
            first_letters(of, 2) | first_letters(maybe, sizeof maybe / sizeof *maybe) |
            first_letters(recap, sizeof recap / sizeof *recap) |
            first_letters(modal, sizeof modal / sizeof *modal) |
            first_letters(preps, sizeof preps / sizeof *preps);
        size_t p = tr->span.start, ws, we, xs, xe;
        for (int w = 0; w < 4 && p > sent.start; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            int stop = 0; /* a clause ends at punctuation */
            for (size_t q = we; q < p && !stop; q++)
                stop = t[q] == ',' || t[q] == ';' || t[q] == ':' || t[q] == '.';
            if (stop)
                break;
            if (!(listed_first >> ((t[ws] | 32) & 31) & 1)) {
                p = ws;
                continue;
            }
            /* "warned of", "warned on Tuesday of" */
            xs = ws;
            for (int x = 0; x < 3 && w < 4 && word_is(t, ws, we, of, 2) && xs > sent.start; x++) {
                tw_before(&tw, (size_t)(w + 1 + x), &xs, &xe);
                if (word_is(t, xs, xe, warn, sizeof warn / sizeof *warn))
                    return;
            }
            /* "possible sarin exposure": the means is in doubt, not the
             * attack */
            if (w < 3 && word_is(t, ws, we, maybe, sizeof maybe / sizeof *maybe) &&
                !str_eq(tr->value, "Chemical weapon"))
                return;
            /* "had previously come under rocket fire": a recap, no event */
            if (w < 3 && word_is(t, ws, we, recap, sizeof recap / sizeof *recap))
                return;
            /* lowercase: "in May" is a month; "would respond to airstrikes
             * by X": the strikes after a preposition happened */
            /* "it was not clear if the strike ...": an indirect question
             * about a deed, not a condition */
            static const char *const asked[] = {"clear", "unclear", "known", "unknown", "know",
                                                "sure", "asked", "ask", "see", "confirm"};
            size_t qs = ws, qe = ws;
            if (t[ws] == 'i' && we - ws == 2)
                tw_before(&tw, w + 1, &qs, &qe);
            if (t[ws] >= 'a' && word_is(t, ws, we, modal, sizeof modal / sizeof *modal) &&
                (!prep_between || t[ws] == 'i' || t[ws] == 'u') &&
                !(qe > qs && word_is(t, qs, qe, asked, sizeof asked / sizeof *asked)))
                return;
            if (word_is(t, ws, we, preps, sizeof preps / sizeof *preps))
                prep_between = 1;
            p = ws;
        }
        /* "an offensive on Idlib could begin within days": a modal after
         * an event noun ("could not be confirmed" doubts a deed, it does
         * not make it a plan) */
        p = tr->span.end;
        for (int w = 0; w < 4 && (fr & SR_FRAME_NOUN); w++) {
            tw_after(&tw, w, &ws, &we);
            if (we == ws)
                break;
            /* "a deal that would establish a truce": the deal is made */
            static const char *const rel[] = {"that", "which", "who"};
            int stop = word_is(t, ws, we, rel, 3);
            for (size_t q = p; q < ws && !stop; q++)
                stop = t[q] == ',' || t[q] == ';' || t[q] == ':' || t[q] == '.';
            if (stop)
                break;
            if (t[ws] >= 'a' && word_is(t, ws, we, modal, 4)) {
                size_t ns, ne;
                tw_after(&tw, w + 1, &ns, &ne);
                /* "the attack may have killed 20" tells a deed */
                if (!lower_eq(t, ns, ne, "not") && !lower_eq(t, ns, ne, "have"))
                    return;
                break;
            }
            p = we;
        }
    }
    /* an event noun in a background clause does not make or override the
     * sentence's main event (issue 4): "looted houses after residents fled
     * the fighting", "since the offensive began" tell no event of their
     * own; "arrested ten men after clashes" keeps the arrests as the
     * reading of the sentence (the clashes yield, like a bare killing
     * verb, but stay an event when they have sides of their own) */
    int background = 0;
    if (fr & SR_FRAME_NOUN) {
        static const char *const flight[] = {"fled", "fleeing", "flee", "flees", "escaping",
                                             "escaped", "escape"};
        static const char *const subord[] = {"after", "following", "amid", "before"};
        size_t p = tr->span.start, ws, we, at = (size_t)-1;
        int kind = 0; /* 1: flight or "since ... began", 2: after/amid */
        for (int w = 0; w < 6 && p > sent.start && !kind; w++) {
            tw_before(&tw, w, &ws, &we);
            if (we <= ws)
                break;
            if (w < 3 && word_is(t, ws, we, flight, sizeof flight / sizeof *flight))
                kind = 1;
            else if (w < 3 && lower_eq(t, ws, we, "since")) {
                static const char *const began[] = {"began", "started", "erupted", "begun"};
                size_t bs, be;
                tw_after(&tw, 0, &bs, &be);
                kind = word_is(t, bs, be, began, sizeof began / sizeof *began);
            } else if (word_is(t, ws, we, subord, sizeof subord / sizeof *subord))
                kind = 2;
            at = ws;
            p = ws;
        }
        /* the main event: a trigger before the clause, not a killing word;
         * for "after/amid" a verb ("the attack came a day after air
         * strikes" tells two events) */
        for (size_t i = 0; i < ti && kind; i++)
            if (sv->m[i].kind == SR_MENTION_TRIGGER && sv->m[i].span.end <= at &&
                !(sv->m[i].frame & (SR_FRAME_KILL | SR_FRAME_KILLS | SR_FRAME_VAGUE)) &&
                (kind == 1 || !(sv->m[i].frame & SR_FRAME_NOUN))) {
                if (kind == 1)
                    return;
                background = 1;
                break;
            }
    }
    int claimant = 0; /* a claim of responsibility names the maker */
    /* what a speaker claims, accuses or denies is a statement, not an
     * event ("X accused Y of executing ...", "Y denied this"); a claim of
     * responsibility is a claimed event */
    for (size_t i = 0; i < ti; i++) {
        const sr_mention *h = &sv->m[i];
        if (h->kind == SR_MENTION_HEDGE && h->value &&
            (str_eq(h->value, "claimed") || str_eq(h->value, "denied") ||
             str_eq(h->value, "criticized"))) {
            static const char *const resp[] = {"responsibility"};
            /* "it is claimed a helicopter struck ...": a claim nobody makes
             * hedges the event, it is no one's statement */
            static const char *const be[] = {"is", "was"};
            static const char *const it[] = {"it"};
            size_t bs, be_end, is, ie;
            word_before(t, sent.start, h->span.start, &bs, &be_end);
            word_before(t, sent.start, bs, &is, &ie);
            if (be_end > bs && has_word(t, bs, be_end, be, 2) && ie > is &&
                has_word(t, is, ie, it, 1))
                continue;
            /* "IS claimed the bombing": a claim of the deed itself */
            static const char *const det[] = {"the", "a", "an", "this", "its", "their"};
            size_t ds, de;
            next_word(t, h->span.end, tr->span.start, &ds, &de);
            int claim_of_deed = !strncasecmp(t + h->span.start, "claime", 6) &&
                                h->span.end <= tr->span.start &&
                                (ds == de || (word_is(t, ds, de, det, 6) &&
                                              words_between(t, h->span.end, tr->span.start) <= 3));
            if (!has_word(t, h->span.start, h->span.end, resp, 1) && !claim_of_deed)
                return;
            claimant = 1;
        }
    }
    /* an agreement mentioned as violated is not a new agreement */
    if (str_eq(tr->value, "Agreement") &&
        sentence_has(k, sent, violation_words, sizeof violation_words / sizeof *violation_words))
        return;
    const char *strike_sub = NULL;
    if (fr & SR_FRAME_STRIKE) {
        static const char *const strike_words[] = {"strike", "strikes"};
        if (sentence_has(k, sent, air_words, sizeof air_words / sizeof *air_words) ||
            (has_word(t, tr->span.start, tr->span.end, strike_words, 2) &&
             !sentence_has(k, sent, shell_words, sizeof shell_words / sizeof *shell_words)))
            strike_sub = "Air/drone strike";
        else if (sentence_has(k, sent, shell_words, sizeof shell_words / sizeof *shell_words))
            strike_sub = "Shelling/artillery/missile attack";
        else
            return;
    }
    /* "the bombardment of Ariha by Russian jets": a bombardment whose
     * sentence names aircraft and no gun is an air strike ("shelled" names
     * the gun itself) */
    if (!strike_sub && str_eq(tr->value, "Shelling/artillery/missile attack") &&
        !(fr & SR_FRAME_STRIKE) && tr->span.end - tr->span.start >= 7 &&
        !strncasecmp(t + tr->span.start, "bombard", 7) &&
        has_word(t, sent.start, sent.end, air_words, 10) &&
        !has_word(t, sent.start, sent.end, shell_words, sizeof shell_words / sizeof *shell_words))
        strike_sub = "Air/drone strike";
    /* "a drone attacked the US base", "rockets attacked a market": an
     * attack whose subject is a weapon is a strike by that weapon ("drone
     * attacks" as one noun are triggers of their own) */
    if (!strike_sub && (fr & SR_FRAME_AGENT) && !(fr & SR_FRAME_NOUN) &&
        str_eq(tr->value, "Armed clash")) {
        size_t ws, we;
        tw_before(&tw, 0, &ws, &we);
        if (we > ws && tr->span.start - we <= 1) {
            if (word_is(t, ws, we, air_words, 10)) /* the craft, not "air" */
                strike_sub = "Air/drone strike";
            else if (word_is(t, ws, we, shell_words, sizeof shell_words / sizeof *shell_words))
                strike_sub = "Shelling/artillery/missile attack";
        }
    }
    /* "has fought alongside his forces across the country", "carried out
     * raids throughout the war": a deed told over a whole country or war
     * is a record, not one event (a day told makes it that day's news:
     * "strikes on towns across the country killed 32 on Monday") */
    {
        static const char *const scope[] = {"across", "throughout"};
        static const char *const whole[] = {"country", "syria", "war", "conflict", "region",
                                            "iraq"};
        size_t ws, we, xs, xe;
        for (size_t p = tr->span.end; p < sent.end; p = we) {
            next_word(t, p, sent.end, &ws, &we);
            if (we <= ws)
                break;
            if (!word_is(t, ws, we, scope, 2))
                continue;
            next_word(t, we, sent.end, &xs, &xe);
            if (lower_eq(t, xs, xe, "the"))
                next_word(t, xe, sent.end, &xs, &xe);
            if (!(xe > xs && word_is(t, xs, xe, whole, sizeof whole / sizeof *whole)))
                continue;
            /* the sentence's days are looked at only now, on a hit */
            int day_told = 0;
            for (size_t i = 0; i < sv->n; i++)
                day_told |=
                    sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY;
            if (!day_told)
                return;
            break; /* a later hit would find the same day */
        }
    }
    /* "have intensified their bombardment", "continues to shell", "is
     * conducting airstrikes": a campaign, one event only when the sentence
     * gives both a place and a day of its own */
    {
        static const char *const campaign[] = {
            "intensified", "intensify",  "intensifies", "intensifying", "stepped",   "step",
            "escalated",   "escalating", "continues",   "continue",     "continuing", "conducting",
            "waging",      "ongoing",    "keeps",       "kept",         "daily",     "relentless",
            "staging",
            "continued",   "constant",   "repeated",    "persistent"};
        int day = 0, place = 0;
        for (size_t i = 0; i < sv->n; i++) {
            day |= sv->m[i].kind == SR_MENTION_DATE && sv->m[i].timex.precision == SR_PREC_DAY;
            place |= sv->m[i].kind == SR_MENTION_PLACE;
        }
        size_t cs, ce;
        for (int w = 0; w < 3 && !(day && place); w++) {
            tw_before(&tw, w, &cs, &ce);
            if (ce <= cs)
                break;
            /* "continued shelling" is a campaign, "continued to battle
             * the insurgents in Jubar" the day's fighting */
            if (word_is(t, cs, ce, campaign, sizeof campaign / sizeof *campaign)) {
                size_t ts = ce, te = ce;
                if (lower_eq(t, cs, ce, "continued"))
                    next_word(t, ce, sent.end, &ts, &te);
                if (!lower_eq(t, ts, te, "to"))
                    return;
            }
        }
    }
    /* "the attack on X", "the recent clashes": a reference back to an event
     * already told, not a new one */
    if (fr & SR_FRAME_NOUN) {
        /* "after two years of bombardment", "months of fighting": a recap
         * of a whole period, not one event */
        /* "after two years of bombardment", "weeks of intense shelling":
         * one adjective may stand between */
        static const char *const periods[] = {"years", "months", "weeks", "decades"};
        static const char *const of[] = {"of"};
        size_t ofs, ofe, us, ue;
        for (size_t skip = 0; skip < 2; skip++) {
            tw_before(&tw, skip, &ofs, &ofe);
            tw_before(&tw, skip + 1, &us, &ue);
            /* (the cached words are letters only: word_is is has_word's
             * answer for them) */
            if (ofe > ofs && word_is(t, ofs, ofe, of, 1) &&
                word_is(t, us, ue, periods, sizeof periods / sizeof *periods))
                return;
        }
        /* "a strike could draw the US into the war": a hypothesis */
        static const char *const modal[] = {"could", "would", "might", "may"};
        size_t ms, me;
        tw_after(&tw, 0, &ms, &me);
        if (word_is(t, ms, me, modal, 4))
            return;
        int definite = definite_phrase(t, sent.start, tr->span.start);
        /* a day of its own: one no other event word stands between ("The
         * protests followed the killing on Monday": Monday is the
         * killing's) */
        int own_date = 0;
        for (size_t i = 0; i < sv->n && !own_date; i++) {
            if (sv->m[i].kind != SR_MENTION_DATE || sv->m[i].timex.precision != SR_PREC_DAY)
                continue;
            size_t lo = i < ti ? i : ti, hi = i < ti ? ti : i;
            own_date = 1;
            for (size_t q = lo + 1; q < hi; q++) {
                size_t as, ae;
                if (sv->m[q].kind != SR_MENTION_TRIGGER)
                    continue;
                /* another event named as such: "the killing", "an attack" */
                word_before(t, sent.start, sv->m[q].span.start, &as, &ae);
                if (word_is(t, as, ae, determiners, 4))
                    own_date = 0;
            }
        }
        /* "The explosion that tore through ...": a report may open on a
         * blast or strike with the definite article; in the headline or
         * lede, with no event told before, there is nothing to point back
         * to ("the ongoing assault on X" is a campaign, not this case) */
        sr_event probe;
        memset(&probe, 0, sizeof probe);
        probe.sentence = tr->sentence;
        const char *ntype = event_type(k, strike_sub ? strike_sub : tr->value);
        int antecedent = k->out->n_events > 0 || !in_lede(k, &probe) ||
                         !(ntype && str_eq(ntype, "Explosions/Remote violence"));
        if (definite && !own_date && antecedent) {
            /* "the shelling was carried out by Daesh": a maker named for
             * an event already told, whose maker was unknown */
            static const char *const by[] = {"by"};
            for (size_t i = ti + 1; i < sv->n; i++)
                if (usable_actor(kb, &sv->m[i]) &&
                    has_word(t, tr->span.end, sv->m[i].span.start, by, 1) &&
                    /* "the shelling was carried out by X", not "the
                     * massacre ... and the threat of force by X" */
                    words_between(t, tr->span.end, sv->m[i].span.start) <= 8) {
                    for (size_t e = k->out->n_events; e-- > 0;)
                        if (str_eq(k->out->events[e].sub_event_type, tr->value) &&
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
            for (int pass = 0; pass < 2 && deaths && !k->sent_toll_given; pass++)
                for (size_t e = 0; e < k->out->n_events && !k->sent_toll_given; e++) {
                    sr_event *x = &k->out->events[e];
                    int fits = pass == 0 ? str_eq(x->sub_event_type, tr->value)
                                         : x->event_type && str_eq(x->event_type, "Battles");
                    /* an event with its own toll keeps it */
                    if (fits && !x->fatalities) {
                        x->fatalities = deaths;
                        add_evidence(x, sent);
                        k->toll_given = k->sent_toll_given = 1;
                    }
                }
            return;
        }
    }
    int a1 = -1, a2 = -1;
    size_t first_before = (size_t)-1, first_after = (size_t)-1, last_before = (size_t)-1;
    size_t backers[4];
    int n_backers = 0;
    int led_group[2], leader[2], n_led = 0; /* "X led by Y" */
    int suspect = -1;                       /* "blamed on X" */
    /* parenthesis depth at each mention: once per sentence (paren_flags),
     * else in one pass over the sentence (most have no parenthesis: then
     * no pass at all) */
    const unsigned char *in_paren = paren_flags(k, sv, sent);
    size_t scan = sent.start;
    int depth = 0;
    int parens =
        !in_paren && sent.end > sent.start && memchr(t + sent.start, '(', sent.end - sent.start);
    for (size_t i = 0; i < sv->n; i++) {
        for (; parens && scan < sv->m[i].span.start && scan < sent.end; scan++)
            depth += t[scan] == '(' ? 1 : t[scan] == ')' ? -1 : 0;
        if (!usable_actor(kb, &sv->m[i]) || (in_paren ? in_paren[i] : depth > 0))
            continue;
        /* "the al-Salyhiah neighborhood of Damascus": a capital after a
         * locative word is the place, not its government */
        if (i + 1 < sv->n && sv->m[i + 1].kind == SR_MENTION_PLACE &&
            sv->m[i + 1].span.start == sv->m[i].span.start) {
            static const char *const loc[] = {"of", "in", "near", "at", "on", "to", "from", "into"};
            size_t ls, le;
            word_before(t, sent.start, sv->m[i].span.start, &ls, &le);
            if (le > ls && lower_eq(t, ls, le, "the"))
                word_before(t, sent.start, ls, &ls, &le);
            if (le > ls && word_is(t, ls, le, loc, sizeof loc / sizeof *loc))
                continue;
        }
        /* "DAMASCUS Five people ...": the dateline city's state is no side */
        if (sv->m[i].span.end - sv->m[i].span.start >= 4) {
            int caps = 1;
            for (size_t q = sv->m[i].span.start; q < sv->m[i].span.end && caps; q++)
                caps = !(t[q] >= 'a' && t[q] <= 'z');
            int is_place = i + 1 < sv->n && sv->m[i + 1].kind == SR_MENTION_PLACE &&
                           sv->m[i + 1].span.start == sv->m[i].span.start;
            if (caps && is_place)
                continue;
        }
        /* "a village held by the IS group": the holder of a place is no
         * side of what happens there */
        static const char *const hold[] = {"held", "controlled", "run"};
        size_t b1s, b1e, b2s, b2e;
        word_before(t, sent.start, sv->m[i].span.start, &b1s, &b1e);
        if (b1e > b1s && lower_eq(t, b1s, b1e, "the"))
            word_before(t, sent.start, b1s, &b1s, &b1e);
        word_before(t, sent.start, b1s, &b2s, &b2e);
        if (b1e > b1s && lower_eq(t, b1s, b1e, "by") && b2e > b2s && word_is(t, b2s, b2e, hold, 3))
            continue;
        /* "Syrian or Russian warplanes": a maker in doubt between two is
         * neither side (ACLED: unidentified; the notes name the suspects) */
        if (b1e > b1s && lower_eq(t, b1s, b1e, "or"))
            continue;
        if (i + 1 < sv->n && sv->m[i + 1].kind == SR_MENTION_ACTOR &&
            sv->m[i].span.end + 4 == sv->m[i + 1].span.start &&
            lower_eq(t, sv->m[i].span.end + 1, sv->m[i].span.end + 3, "or"))
            continue;

        size_t byw = b1s > sent.start + 64 ? b1s - 64 : sent.start;
        if (b1e > b1s && !lower_eq(t, b1s, b1e, "by") && find_lit(t + byw, b1s - byw, "by ", 3)) {
            /* "controlled by the Syrian Kurdish YPG militia", "run by
             * Damascus ally Hezbollah": up to three modifiers may stand
             * between "by" and the holder (looked for only with a "by"
             * in the 64 bytes before) */
            size_t hs = b1s, he = b1e, ps, pe;
            int w = 0;
            while (w++ < 3 && he > hs && !lower_eq(t, hs, he, "by"))
                word_before(t, sent.start, hs, &hs, &he);
            word_before(t, sent.start, hs, &ps, &pe);
            if (he > hs && lower_eq(t, hs, he, "by") && pe > ps && word_is(t, ps, pe, hold, 3))
                continue;
        }
        /* the source of the report is no side (issue 4): "according to the
         * Syrian Civil Defence", "the White Helmets said", "MSF reported";
         * a state or armed group telling of its own deed ("Russia said its
         * jets struck ...") stays */
        {
            static const char *const told[] = {"said", "says", "told", "reported", "announced",
                                               "stated", "added", "confirmed", "reports"};
            size_t ns = 0, ne = 0;
            static const char *const from[] = {"from", "of", "for"};
            static const char *const staff[] = {
                "rescuers", "volunteers", "medics",     "workers",     "team",     "teams",
                "spokesman", "spokeswoman", "spokesperson", "official", "officials", "head",
                "director", "chief",       "members",    "member",      "doctors",  "staff"};
            int body = !(sv->m[i].flags & SR_MF_GENERIC) &&
                       (kb->actors[sv->m[i].actor].kind == SR_ACTOR_CIVILIANS ||
                        kb->actors[sv->m[i].actor].kind == SR_ACTOR_INTERNATIONAL_ORG);
            /* "rescuers from the White Helmets", "a spokesman for MSF" */
            int staff_of = body && b1e > b1s && word_is(t, b1s, b1e, from, 3) && b2e > b2s &&
                           word_is(t, b2s, b2e, staff, sizeof staff / sizeof *staff);
            if (body && !staff_of)
                next_word(t, sv->m[i].span.end, sent.end, &ns, &ne);
            int said = staff_of || (body && ne > ns && ns - sv->m[i].span.end <= 2 &&
                                    word_is(t, ns, ne, told, sizeof told / sizeof *told));
            if (said || (b1e > b1s && lower_eq(t, b1s, b1e, "to") && b2e > b2s &&
                         lower_eq(t, b2s, b2e, "according")))
                continue;
            /* a suspect or claimant is no side as told here: "a bombing
             * blamed on X", "officials accused X", "claimed by X" (a claim
             * names the maker in claim_maker) */
            static const char *const blame[] = {"blamed", "blames", "accused", "accuses",
                                                "accusing", "blaming", "suspected"};
            static const char *const onby[] = {"on", "by"};
            int blamed = (b1e > b1s && word_is(t, b1s, b1e, blame, sizeof blame / sizeof *blame)) ||
                         (b1e > b1s && word_is(t, b1s, b1e, onby, 2) && b2e > b2s &&
                          word_is(t, b2s, b2e, blame, sizeof blame / sizeof *blame));
            if (blamed && suspect < 0)
                suspect = sv->m[i].actor; /* named in the notes */
            if (blamed || (b1e > b1s && lower_eq(t, b1s, b1e, "by") && b2e > b2s &&
                           lower_eq(t, b2s, b2e, "claimed")))
                continue;
        }
        /* "rebels led by Jaish al-Izza", "fighters led by X": the leader
         * named after a group it leads acts for it (below), and is no
         * separate side */
        {
            static const char *const lead[] = {"led", "commanded", "headed", "spearheaded"};
            /* "under the command of X" */
            size_t us = b2s, ue = b2e;
            int command = b1e > b1s && lower_eq(t, b1s, b1e, "of") && b2e > b2s &&
                          lower_eq(t, b2s, b2e, "command");
            for (int w = 0; w < 2 && command; w++) {
                size_t xs, xe;
                word_before(t, sent.start, us, &xs, &xe);
                if (!lower_eq(t, xs, xe, "the") && !lower_eq(t, xs, xe, "under"))
                    break;
                us = xs, ue = xe;
            }
            (void)ue;
            if (((b1e > b1s && lower_eq(t, b1s, b1e, "by") && b2e > b2s &&
                  word_is(t, b2s, b2e, lead, sizeof lead / sizeof *lead)) ||
                 command) &&
                n_led < 2) {
                /* the led group: an actor just before "led by" */
                for (size_t j = i; j-- > 0;)
                    if (usable_actor(kb, &sv->m[j]) && sv->m[j].span.end <= us) {
                        if (us - sv->m[j].span.end <= 2) {
                            led_group[n_led] = sv->m[j].actor;
                            leader[n_led++] = sv->m[i].actor;
                        }
                        break;
                    }
                if (n_led && leader[n_led - 1] == sv->m[i].actor)
                    continue;
            }
        }
        /* "the army, backed by Russian jets, captured ...": the backer is an
         * associate of the actor it backs (added below), never a side */
        static const char *const backw[] = {"backed", "supported", "aided", "assisted", "helped",
                                            "reinforced", "accompanied"};
        if (b1e > b1s && lower_eq(t, b1s, b1e, "by") && b2e > b2s &&
            word_is(t, b2s, b2e, backw, sizeof backw / sizeof *backw)) {
            if (n_backers < 4)
                backers[n_backers++] = i;
            continue;
        }
        /* "a landmine left over from IS rule", "under Assad's rule", "the
         * Saddam era": a group named for a time is no side */
        {
            static const char *const era[] = {"rule", "era", "reign", "regime's"};
            size_t rs, re;
            next_word(t, sv->m[i].span.end, sent.end, &rs, &re);
            if (re > rs && rs - sv->m[i].span.end <= 3 && word_is(t, rs, re, era, 3))
                continue;
        }
        if (sv->m[i].span.end <= tr->span.start) {
            if (first_before == (size_t)-1)
                first_before = i;
            last_before = i;
        } else if (sv->m[i].span.start >= tr->span.end && first_after == (size_t)-1) {
            /* "... in the early hours, YPG spokesman X told Reuters": a
             * side named as the source after the deed is no object */
            static const char *const voice[] = {"spokesman", "spokeswoman", "spokesperson",
                                                "official",  "officials",   "sources",
                                                "said",      "says",        "told"};
            size_t vs, ve;
            next_word(t, sv->m[i].span.end, sent.end, &vs, &ve);
            if (!(ve > vs && vs - sv->m[i].span.end <= 1 &&
                  word_is(t, vs, ve, voice, sizeof voice / sizeof *voice)))
                first_after = i;
        }
    }
    (void)last_before;
    sr_event proto;
    memset(&proto, 0, sizeof proto);
    proto.actor1 = proto.actor2 = -1;
    proto.suspect = suspect;
    /* passive: "was targeted by X", "shelled by X"; "between" X and Y.
     * Both read the words from the deed to the side after it: one walk
     * for either word first, as most such stretches hold neither, and
     * the word count only when "by" is there */
    int passive = 0;
    int between = 0;
    if (first_after != (size_t)-1) {
        size_t gs = tr->span.end, ge = sv->m[first_after].span.start;
        static const char *const by[] = {"by"};
        static const char *const bw[] = {"between"};
        static const char *const by_bw[] = {"by", "between"};
        if (has_word(t, gs, ge, by_bw, 2)) {
            passive = ge > gs && has_word(t, gs, ge, by, 1) && words_between(t, gs, ge) <= 4;
            /* "the bombardment of Ariha's main market by Russian jets": a
             * noun's object may run longer before its "by" */
            if (!passive && (fr & SR_FRAME_NOUN) && ge > gs && words_between(t, gs, ge) <= 7) {
                size_t os, oe, bs, be_;
                next_word(t, gs, ge, &os, &oe);
                word_before(t, gs, ge, &bs, &be_);
                passive = lower_eq(t, os, oe, "of") && lower_eq(t, bs, be_, "by");
            }
            between = has_word(t, gs, ge, bw, 1);
            /* "were abducted in Maabatli at dawn on Saturday by the Hamza
             * Division": after a form of "be", the agent may follow the
             * place and the day, as long as no clause ends between */
            if (!passive && ge > gs && words_between(t, gs, ge) <= 12) {
                static const char *const be[] = {"were", "was", "been", "being"};
                size_t ps = tr->span.start > sent.start + 7 ? tr->span.start - 7 : sent.start;
                size_t bs = 0, be_ = 0, p = ge;
                /* "by the", "by members of the Turkish-backed": a few words
                 * may stand between "by" and the actor */
                for (int w = 0; w < 4; w++) {
                    word_before(t, gs, p, &bs, &be_);
                    if (be_ <= bs || lower_eq(t, bs, be_, "by"))
                        break;
                    p = bs;
                }
                int clause = 0;
                for (size_t q = gs; q < ge && !clause; q++)
                    clause = t[q] == ',' || t[q] == ';' || t[q] == ':';
                passive = !clause && be_ > bs && lower_eq(t, bs, be_, "by") &&
                          has_word(t, ps, tr->span.start, be, 4);
            }
        }
    }
    size_t subj = first_before, obj = first_after;
    /* "SDF fighters close in on Manbij as coalition strikes intensify": a
     * deed in a clause of its own ("as", "while", "whereas") takes its
     * subject from that clause, or none */
    if (subj != (size_t)-1 && !(fr & (SR_FRAME_MUTUAL | SR_FRAME_PARTIES))) {
        static const char *const clause[] = {"as", "while", "whereas"};
        size_t cut = 0;
        for (size_t p = sv->m[subj].span.end, ws, we; p < tr->span.start; p = we) {
            next_word(t, p, tr->span.start, &ws, &we);
            if (we <= ws)
                break;
            if (word_is(t, ws, we, clause, 3))
                cut = we;
        }
        if (cut) {
            size_t own = (size_t)-1;
            for (size_t i = subj + 1; i < ti; i++)
                if (sv->m[i].span.start >= cut && usable_actor(kb, &sv->m[i]))
                    own = i;
            subj = first_before = own;
        }
    }
    /* "two Turkistan fighters ... were killed in the airstrike": people
     * killed or wounded by the event are its target, not its agent */
    if (subj != (size_t)-1 && !(fr & SR_FRAME_MUTUAL) &&
        has_word(t, sv->m[subj].span.end, tr->span.start, victim_words,
                 sizeof victim_words / sizeof *victim_words)) {
        obj = subj;
        subj = (size_t)-1;
        /* "soldiers were killed by IS militants in an ambush": the agent
         * after "by" makes the event */
        for (size_t i = obj + 1; i < ti && subj == (size_t)-1; i++) {
            size_t ys, ye;
            word_before(t, sent.start, sv->m[i].span.start, &ys, &ye);
            if (ye > ys && lower_eq(t, ys, ye, "the"))
                word_before(t, sent.start, ys, &ys, &ye);
            if (usable_actor(kb, &sv->m[i]) && ye > ys && lower_eq(t, ys, ye, "by"))
                subj = i;
        }
        /* "twelve civilians were killed when Russian jets raided the
         * village": the subject of the verb's own clause, right before
         * it, is the agent */
        if (subj == (size_t)-1 && ti > 0 && ti - 1 > obj && usable_actor(kb, &sv->m[ti - 1]) &&
            sv->m[ti - 1].span.end <= tr->span.start &&
            words_between(t, sv->m[ti - 1].span.end, tr->span.start) <= 1 &&
            kb->actors[sv->m[ti - 1].actor].kind != SR_ACTOR_CIVILIANS) {
            static const char *const when[] = {"when", "as", "after", "while"};
            static const char *const article[] = {"a", "an", "the"};
            size_t ws, we;
            word_before(t, sent.start, sv->m[ti - 1].span.start, &ws, &we);
            /* "when a Turkish drone struck" */
            if (we > ws && word_is(t, ws, we, article, 3))
                word_before(t, sent.start, ws, &ws, &we);
            if (we > ws && word_is(t, ws, we, when, sizeof when / sizeof *when))
                subj = ti - 1;
        }
    }
    /* "soldiers were executed", "four men were abducted": with no "by"
     * after it, the subject of a passive verb is its target */
    int agentless = 0;
    if (subj != (size_t)-1 && subj == first_before && !passive &&
        !(fr & (SR_FRAME_NOUN | SR_FRAME_MUTUAL | SR_FRAME_PARTIES)) &&
        /* "were targeted in the coalition's bombardment": a maker close
         * after the verb is left to the other rules */
        (first_after == (size_t)-1 ||
         words_between(t, tr->span.end, sv->m[first_after].span.start) > 4)) {
        static const char *const be[] = {"was", "were", "been", "being", "is", "are", "be"};
        size_t bs, bx;
        tw_before(&tw, 0, &bs, &bx);
        int ing = tr->span.end - tr->span.start > 3 && !strncmp(t + tr->span.end - 3, "ing", 3);
        if (bx > bs && tr->span.start - bx <= 1 && word_is(t, bs, bx, be, sizeof be / sizeof *be) &&
            !ing) {
            obj = subj;
            subj = (size_t)-1;
            agentless = 1;
        }
    }
    /* "A source at the Police Command said that terrorists targeted ...":
     * the actor before "said"/"told" speaks; when the clause after the
     * speech verb has its own unnamed agent, that agent acted */
    if (subj != (size_t)-1 && !(fr & (SR_FRAME_MUTUAL | SR_FRAME_PARTIES))) {
        static const char *const speech[] = {"said", "says", "told", "reported", "announced"};
        size_t p = sv->m[subj].span.end;
        for (; p + 4 <= tr->span.start; p++) {
            size_t ws, we;
            next_word(t, p, tr->span.start, &ws, &we);
            if (we == ws)
                break;
            if (word_is(t, ws, we, speech, sizeof speech / sizeof *speech)) {
                static const char *const unnamed[] = {"terrorists", "terrorist", "gunmen",
                                                      "militants",  "rebels",    "insurgents",
                                                      "jihadists",  "attackers", "assailants"};
                int own_agent =
                    has_word(t, we, tr->span.start, unnamed, sizeof unnamed / sizeof *unnamed);
                for (size_t i = subj + 1; i < ti && !own_agent; i++)
                    own_agent = usable_actor(kb, &sv->m[i]) && sv->m[i].span.start >= we;
                if (own_agent && first_before == subj) {
                    /* the next actor after the speech verb, if any */
                    size_t nx = (size_t)-1;
                    for (size_t i = subj + 1; i < ti && nx == (size_t)-1; i++)
                        if (usable_actor(kb, &sv->m[i]) && sv->m[i].span.start >= we)
                            nx = i;
                    subj = nx;
                    first_before = nx;
                } else if (!own_agent && first_before == subj) {
                    /* "The YPG said the strikes hit ... killing six": the
                     * speaker tells of a deed named as a thing, the
                     * clause's subject ("its strikes" would be its own) */
                    static const char *const plain[] = {"that", "the", "a", "an"};
                    size_t xs = we, xe = we;
                    do
                        next_word(t, xe, tr->span.end, &xs, &xe);
                    while (xe > xs && word_is(t, xs, xe, plain, 4));
                    for (size_t i = 0; i < sv->n && xe > xs; i++)
                        if (sv->m[i].kind == SR_MENTION_TRIGGER && sv->m[i].span.start == xs &&
                            (sv->m[i].frame & SR_FRAME_NOUN) && xs > we + 1) {
                            subj = first_before = (size_t)-1;
                            break;
                        }
                }
                break;
            }
            p = we;
        }
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
        for (size_t i = 0; i < sv->n; i++) {
            int backer = 0;
            for (int b = 0; b < n_backers; b++)
                backer |= backers[b] == i;
            if (usable_actor(kb, &sv->m[i]) && !backer) {
                if (proto.actor1 < 0)
                    side_add(&proto, 1, sv->m[i].actor);
                else if (proto.actor2 < 0 && sv->m[i].actor != proto.actor1)
                    side_add(&proto, 2, sv->m[i].actor);
                if (sv->m[i].actor2 >= 0 && proto.actor2 < 0)
                    side_add(&proto, 2, sv->m[i].actor2);
            }
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
        /* "the army shelled Atarib while rebels raided a post": an actor
         * past a contrastive "while" is the next clause's subject, not the
         * object of this verb ("as", "after" also open phrases: "as well
         * as", "after being shelled by") */
        static const char *const subord[] = {"while", "whereas", "meanwhile"};
        if (obj != (size_t)-1 && obj == first_after && !passive &&
            has_word(t, tr->span.end, sv->m[obj].span.start, subord,
                     sizeof subord / sizeof *subord))
            obj = (size_t)-1;
        if (obj != (size_t)-1 && !(fr & SR_FRAME_ONE_SIDE)) {
            side_add(&proto, 2, sv->m[obj].actor);
            size_t end = coordinated(t, sv, obj, passive ? -1 : +1);
            size_t lo = end < obj ? end : obj, hi = end < obj ? obj : end;
            for (size_t i = lo; i <= hi; i++)
                if (usable_actor(kb, &sv->m[i]))
                    side_add(&proto, 2, sv->m[i].actor);
        }
    }
    /* "Daesh shelling", "government air strikes", "Russian strike": an
     * actor right before an event noun is its maker, whatever else the
     * sentence names first */
    if ((fr & SR_FRAME_NOUN) && !(fr & (SR_FRAME_MUTUAL | SR_FRAME_PARTIES | SR_FRAME_ONE_SIDE)) &&
        ti > 0 && usable_actor(kb, &sv->m[ti - 1]) && !passive) {
        const sr_mention *pm = &sv->m[ti - 1];
        int adjacent = pm->span.end <= tr->span.start && tr->span.start - pm->span.end <= 1 &&
                       kb->actors[pm->actor].kind != SR_ACTOR_CIVILIANS;
        if (adjacent && proto.actor1 != pm->actor) {
            /* whoever stood first is then most likely the target */
            int old = proto.actor1;
            if (proto.actor2 == pm->actor)
                proto.actor2 = -1;
            proto.actor1 = pm->actor;
            proto.n_assoc1 = 0;
            if (old >= 0 && proto.actor2 < 0)
                proto.actor2 = old;
        }
    }
    /* "regime bombardment", "government shelling", "pro-government air
     * strikes": the modifier names the state's forces as the maker */
    if ((fr & SR_FRAME_NOUN) && !(fr & (SR_FRAME_MUTUAL | SR_FRAME_PARTIES)) && !passive) {
        static const char *const gov[] = {"regime", "government", "pro-government",
                                          "pro-regime", "loyalist", "army"};
        size_t gs, ge;
        tw_before(&tw, 0, &gs, &ge);
        int mil = ge > gs && tr->span.start - ge <= 1 && word_is(t, gs, ge, gov, sizeof gov / sizeof *gov)
                      ? crowd_actor(k, sv, "MIL", "UNIDENTIFIED_MIL")
                      : -1;
        size_t ss, se;
        if (mil >= 0)
            tw_before(&tw, 1, &ss, &se);
        /* a suspected maker is no maker ("suspected government strikes") */
        static const char *const susp[] = {"suspected", "alleged", "apparent", "presumed"};
        if (mil >= 0 && se > ss && word_is(t, ss, se, susp, sizeof susp / sizeof *susp))
            mil = -1;
        /* "Syrian government air strikes": an actor mention ending on the
         * word already names whose forces they are (the rule above); the
         * report's country may be another (a Beirut dateline) */
        if (mil >= 0 && ti > 0 && usable_actor(kb, &sv->m[ti - 1]) &&
            sv->m[ti - 1].span.end == ge && sv->m[ti - 1].span.start < gs)
            mil = -1;
        if (mil >= 0 && proto.actor1 != mil) {
            int old = proto.actor1;
            if (proto.actor2 == mil)
                proto.actor2 = -1;
            proto.actor1 = mil;
            proto.n_assoc1 = 0;
            if (old >= 0 && proto.actor2 < 0)
                proto.actor2 = old;
        }
    }
    /* each backer joins the side of the nearest actor before it */
    for (int b = 0; b < n_backers; b++) {
        int backed = -1;
        for (size_t j = backers[b]; j-- > 0 && backed < 0;)
            if (usable_actor(kb, &sv->m[j]))
                backed = sv->m[j].actor;
        int side = backed >= 0 && backed == proto.actor2 ? 2 : 1;
        for (int q = 0; q < proto.n_assoc2 && backed >= 0; q++)
            if (proto.assoc2[q] == backed)
                side = 2;
        if (backed < 0 || (side == 2 ? proto.actor2 : proto.actor1) < 0)
            continue;
        int ba = sv->m[backers[b]].actor, *other = side == 2 ? proto.assoc1 : proto.assoc2;
        int *n_other = side == 2 ? &proto.n_assoc1 : &proto.n_assoc2;
        for (int q = 0; q < *n_other; q++)
            if (other[q] == ba) {
                other[q--] = other[--*n_other];
            }
        side_add(&proto, side, ba);
    }
    /* the leader named for a group acts (issue 4): "rebels led by X",
     * "HTS-led fighters", "an Ahrar-led offensive"; a generic group ("Opposition
     * Rebels") gives way to it, a named one keeps it as an associate */
    for (size_t i = 0; i < ti; i++) {
        const sr_mention *bm = &sv->m[i];
        if (bm->kind == SR_MENTION_BACKING && bm->actor >= 0 && bm->value &&
            str_eq(bm->value, "led") && strncmp(kb->actors[bm->actor].id, "GOV_", 4) &&
            armed(kb, bm->actor) && tr->span.start - bm->span.end <= 24 && n_led < 2) {
            int led = -1; /* the actor mention it leads, right after it */
            if (i + 1 < ti && usable_actor(kb, &sv->m[i + 1]) &&
                sv->m[i + 1].span.start - bm->span.end <= 2)
                led = sv->m[i + 1].actor;
            led_group[n_led] = led >= 0 ? led : proto.actor1 >= 0 ? -2 : -1;
            leader[n_led++] = bm->actor;
        }
    }
    for (int q = 0; q < n_led; q++) {
        int g = led_group[q], x = leader[q];
        int side = g >= 0 && g == proto.actor2 ? 2 : g == -2 ? 0 : 1;
        if (!side || x == proto.actor1 || x == proto.actor2)
            continue;
        int *slot = side == 1 ? &proto.actor1 : &proto.actor2;
        int generic = *slot < 0 || *slot == k->unidentified ||
                      !strncmp(kb->actors[*slot].id, "REB_", 4) ||
                      str_eq(kb->actors[*slot].id, "REBELS");
        if (g >= 0 && *slot != g)
            continue;
        if (generic)
            *slot = x;
        else
            side_add(&proto, side, x);
    }
    a1 = proto.actor1;
    a2 = proto.actor2;
    /* nobody named: not codeable - except a strike or blast, whose maker
     * is usually unknown (ACLED codes an unidentified armed group) */
    const char *etype = event_type(k, strike_sub ? strike_sub : tr->value);
    if (a1 < 0 && a2 < 0 && etype && (fr & SR_FRAME_ONE_SIDE) &&
        (str_eq(etype, "Protests") || str_eq(etype, "Riots")) && crowd_event(k, sv, tr, sent)) {
        int crowd = str_eq(etype, "Protests") ? crowd_actor(k, sv, "PRO", "PROTESTERS")
                                              : crowd_actor(k, sv, "RIO", "RIOTERS");
        side_add(&proto, 1, crowd);
        a1 = proto.actor1;
    }
    /* a crowd that storms, torches, smashes, stones or clashes riots
     * (issue 4): ACLED's "Violent demonstration" by "Rioters (X)" when it
     * protests, "Mob violence" when a crowd attacks people without one */
    const char *riot_sub = NULL;
    {
        int violent_trigger =
            (fr & SR_FRAME_TERRITORY) ||
            (etype && (str_eq(etype, "Battles") || str_eq(etype, "Violence against civilians") ||
                       str_eq(tr->value, "Looting/property destruction")));
        static const char *const crowd[] = {"crowd", "crowds", "mob", "mobs", "rioters", "youths"};
        size_t cs, ce;
        for (int w = 0; w < 3 && a1 < 0 && violent_trigger; w++) {
            tw_before(&tw, w, &cs, &ce);
            if (ce <= cs)
                break;
            if (word_is(t, cs, ce, crowd, sizeof crowd / sizeof *crowd)) {
                side_add(&proto, 1, crowd_actor(k, sv, "RIO", "RIOTERS"));
                a1 = proto.actor1;
            }
        }
        sr_actor_kind ck = a1 >= 0 ? kb->actors[a1].kind : SR_ACTOR_KIND_COUNT;
        int crowd_agent = ck == SR_ACTOR_PROTESTERS || ck == SR_ACTOR_RIOTERS;
        static const char *const protest[] = {"protest",       "protests",       "protesters",
                                              "protestors",    "demonstrators",  "demonstration",
                                              "demonstrations", "rally",         "sit-in",
                                              "marchers",      "demonstrated",   "protested"};
        if (violent_trigger && crowd_agent)
            riot_sub = ck == SR_ACTOR_PROTESTERS ||
                               has_word(t, sent.start, sent.end, protest,
                                        sizeof protest / sizeof *protest)
                           ? "Violent demonstration"
                           : "Mob violence";
        else if (str_eq(tr->value, "Peaceful protest") && crowd_agent && crowd_riots(t, sent))
            riot_sub = "Violent demonstration";
        else if (etype && str_eq(etype, "Riots") && ck == SR_ACTOR_PROTESTERS)
            riot_sub = tr->value; /* "protesters hurled stones": rioters */
        else if (violent_trigger && a2 >= 0 && kb->actors[a2].kind == SR_ACTOR_PROTESTERS &&
                 (ck == SR_ACTOR_POLICE || ck == SR_ACTOR_STATE_FORCE) &&
                 !(fr & SR_FRAME_MUTUAL)) {
            /* "police attacked the protesters": force against a crowd */
            int vague = 0;
            riot_sub = sentence_deaths(k, sv, sent, &vague) || vague
                           ? "Excessive force against protesters"
                           : "Protest with intervention";
            if (riot_sub[0] == 'P')
                crowd_first(kb, &proto);
            a1 = proto.actor1;
            a2 = proto.actor2;
        }
        if (riot_sub && ck == SR_ACTOR_PROTESTERS) {
            proto.actor1 = a1 = crowd_actor(k, sv, "RIO", "RIOTERS");
            if (proto.actor2 == a1)
                proto.actor2 = a2 = -1;
        }
        /* a mob that attacks people: the people are civilians */
        if (riot_sub && str_eq(riot_sub, "Mob violence") && proto.actor2 < 0 &&
            !(fr & SR_FRAME_TERRITORY) && !str_eq(tr->value, "Looting/property destruction")) {
            side_add(&proto, 2, sr_kb_actor_find(kb, "CIVILIANS"));
            a2 = proto.actor2;
        }
    }
    if (a1 < 0 && a2 < 0 && !(fr & SR_FRAME_KILLS) &&
        !(etype && str_eq(etype, "Explosions/Remote violence")))
        return;
    /* an agreement has two parties ("the ceasefire took effect" alone is
     * background) */
    if ((fr & SR_FRAME_PARTIES) && str_eq(tr->value, "Agreement") && (a1 < 0 || a2 < 0) &&
        !(a1 >= 0 && agreed_before(t, sent, tr->span.start)))
        return;
    /* protesters are people, not a state's forces or government */
    if (str_eq(tr->value, "Peaceful protest") && a1 >= 0 &&
        (kb->actors[a1].kind == SR_ACTOR_STATE_FORCE || kb->actors[a1].kind == SR_ACTOR_GOVERNMENT))
        return;
    /* fighters or police who march or rally are no crowd ("rebels marched
     * on X", "security forces fired on the protest") */
    if (etype && (str_eq(etype, "Protests") || str_eq(etype, "Riots")) &&
        (fr & SR_FRAME_ONE_SIDE) && a1 >= 0 &&
        (armed(kb, a1) || kb->actors[a1].kind == SR_ACTOR_POLICE))
        return;
    /* in violence, political bodies, monitors and outlets are no side */
    const char *vtype = etype;
    int violent =
        vtype && (str_eq(vtype, "Battles") || str_eq(vtype, "Explosions/Remote violence") ||
                  str_eq(vtype, "Violence against civilians") || (fr & SR_FRAME_TERRITORY));
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
        if (proto.actor1 < 0 && proto.actor2 >= 0 && !(fr & SR_FRAME_MUTUAL) && etype &&
            str_eq(etype, "Explosions/Remote violence")) {
            /* keep the target as the target */
        }
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    /* civilians are the victims of violence, never its agent (ACLED) */
    if (proto.actor1 >= 0 && kb->actors[proto.actor1].kind == SR_ACTOR_CIVILIANS &&
        !str_eq(tr->value, "Peaceful protest") && !str_eq(tr->value, "Violent demonstration") &&
        !str_eq(tr->value, "Mob violence")) {
        int civ = proto.actor1;
        /* "19 civilians killed in an air raid on a village held by X": the
         * actor after a killing verb is no killer unless "by" names it */
        proto.actor1 =
            proto.actor2 >= 0 && proto.actor2 != civ && (passive || !(fr & SR_FRAME_KILL))
                ? proto.actor2
                : -1;
        proto.actor2 = civ;
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    /* sub-event type */
    const char *sub = riot_sub ? riot_sub : strike_sub ? strike_sub : tr->value;
    if ((fr & SR_FRAME_KILL) && !riot_sub) {
        /* "The blast which hit the meeting killed 47", "an air strike killed
         * 18": an event noun opening the sentence is the killer, and the
         * deaths are that event's toll, not a second event */
        for (size_t i = 0; i < ti; i++) {
            const sr_mention *nt = &sv->m[i];
            if (nt->kind == SR_MENTION_ACTOR && usable_actor(kb, nt))
                break;
            if (nt->kind == SR_MENTION_TRIGGER && (nt->frame & SR_FRAME_NOUN) &&
                !(nt->frame & SR_FRAME_KILL) &&
                words_between(t, nt->span.end, tr->span.start) <= 12)
                return;
        }
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
        /* "a woman was killed in sniper fire of X": the fire's victim is told
         * before it, with the killing word */
        if (!victim && (fr & SR_FRAME_DIRECT)) {
            static const char *const killed[] = {"killed", "dead", "died"};
            victim = has_word(t, sent.start, tr->span.start, killed, 3) &&
                     has_word(t, sent.start, tr->span.start, people_nouns,
                              sizeof people_nouns / sizeof *people_nouns);
        }
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
    int goods = 0; /* "seized the olive harvest": property, not ground */
    if ((fr & SR_FRAME_TERRITORY) && !riot_sub) {
        /* "seized and sold the olive harvest of Kurdish families", "seized
         * homes and cars": an armed side taking people's property (ACLED:
         * looting), not ground */
        static const char *const property[] = {
            "harvest", "harvests", "crops",    "property", "properties", "homes",     "houses",
            "shops",   "cars",     "vehicles", "livestock", "goods",     "belongings", "money",
            "olive",   "olives",   "farmland", "land",     "lands",      "furniture"};
        static const char *const skip[] = {"the", "a", "their", "his", "its", "some", "and",
                                           "sold", "looted", "of", "dozens"};
        for (int w = 0; w < 5; w++) {
            size_t ws, we;
            tw_after(&tw, (size_t)w, &ws, &we);
            if (we <= ws)
                break;
            if (word_is(t, ws, we, property, sizeof property / sizeof *property)) {
                goods = 1;
                sub = "Looting/property destruction";
                break;
            }
            if (!word_is(t, ws, we, skip, sizeof skip / sizeof *skip))
                break;
        }
        /* "Government troops pulled out of the town after the fighters
         * overran the hill": the side that withdrew took nothing */
        static const char *const left[] = {"pulled",  "withdrew", "withdrawn", "retreated",
                                           "fled",    "abandoned", "evacuated", "pulling",
                                           "withdrawing"};
        for (size_t i = 0; i < ti && a1 >= 0 && !goods; i++)
            if (sv->m[i].kind == SR_MENTION_ACTOR && sv->m[i].actor == a1 &&
                has_word(t, sv->m[i].span.end, tr->span.start, left, sizeof left / sizeof *left))
                return;
    }
    if ((fr & SR_FRAME_TERRITORY) && !riot_sub && !goods) {
        /* taking ground needs the ground: a place (or "the town/village")
         * after the verb; "fighters who have captured during ..." has none */
        static const char *const ground[] = {"town",     "village",   "city",      "area",
                                             "hill",     "positions", "checkpoints", "base",
                                             "hq",       "headquarters", "district", "neighbourhood",
                                             "crossing", "airport",   "airbase",   "dam",
                                             "bridge",   "farms",     "hills",     "mountain",
                                             "crossroads", "junction", "prison",   "hospital",
                                             "stadium",  "field",     "oilfield",  "villages",
                                             "towns",    "neighbourhoods", "districts", "quarter"};
        int place_after = 0;
        for (size_t i = ti + 1; i < sv->n; i++)
            place_after |= sv->m[i].kind == SR_MENTION_PLACE;
        /* "Saraqib was captured by HTS": a passive's ground is its subject;
         * only with "was"/"were"/"been" right before the verb ("the area
         * recently seized by rebels" describes a place, it tells no deed) */
        if (passive && !place_after) {
            static const char *const be[] = {"was", "were", "been", "had", "has"};
            size_t bs, be_;
            tw_before(&tw, 0, &bs, &be_); /* "had" before "been overrun" */
            size_t fs, fe; /* or the trigger's own first word: "was retaken" */
            next_word(t, tr->span.start, tr->span.end, &fs, &fe);
            if ((be_ > bs && word_is(t, bs, be_, be, 5)) ||
                (fe < tr->span.end && word_is(t, fs, fe, be, 3)))
                for (size_t i = 0; i < ti; i++)
                    place_after |= sv->m[i].kind == SR_MENTION_PLACE;
        }
        size_t ge = tr->span.end + 40 < sent.end ? tr->span.end + 40 : sent.end;
        if (!place_after && !has_word(t, tr->span.end, ge, ground, sizeof ground / sizeof *ground))
            return;
        /* "a village lately won back from the militants": the ground is the
         * subject of a passive, whoever is named is not its taker */
        size_t os_, oe_;
        tw_after(&tw, 0, &os_, &oe_);
        if (lower_eq(t, os_, oe_, "of"))
            return;
        /* "has regained 55 percent of the country", "seized large swathes
         * of Syria": a share of a country or province is a standing, not
         * one event */
        {
            static const char *const share[] = {"percent", "per", "third", "half", "quarter"};
            static const char *const vast[] = {"swathes", "swaths"};
            static const char *const whole[] = {"country", "countries", "province", "provinces",
                                                "territory", "syria", "iraq", "region"};
            size_t ws, we;
            for (int w = 0; w < 5; w++) {
                tw_after(&tw, w, &ws, &we);
                if (we <= ws)
                    break;
                if (word_is(t, ws, we, vast, 2))
                    return;
                /* "60 percent of the town" may be the day's advance */
                size_t ce = we + 24 < sent.end ? we + 24 : sent.end;
                if (word_is(t, ws, we, share, sizeof share / sizeof *share) &&
                    has_word(t, we, ce, whole, sizeof whole / sizeof *whole))
                    return;
            }
        }
        /* "freed 150 civilians", "captured 20 fighters": people, not ground */
        if (ti + 1 < sv->n && sv->m[ti + 1].kind == SR_MENTION_NUMBER &&
            sv->m[ti + 1].number.noun.end > sv->m[ti + 1].number.noun.start &&
            words_between(t, tr->span.end, sv->m[ti + 1].span.start) <= 1 &&
            has_word(t, sv->m[ti + 1].number.noun.start, sv->m[ti + 1].number.noun.end,
                     people_nouns, sizeof people_nouns / sizeof *people_nouns))
            return;
    }
    /* "aid trucks of a UN convoy entered Eastern Ghouta": ground is taken
     * by armed actors, not by aid or the people */
    {
        int taker = a1 >= 0 ? a1 : a2; /* a lone actor is taken as the taker below */
        if ((fr & SR_FRAME_TERRITORY) && taker >= 0 &&
            (kb->actors[taker].kind == SR_ACTOR_INTERNATIONAL_ORG ||
             kb->actors[taker].kind == SR_ACTOR_CIVILIANS))
            return;
    }
    if ((fr & SR_FRAME_TERRITORY) && !riot_sub && !goods) {
        int state = a1 >= 0 && (kb->actors[a1].kind == SR_ACTOR_STATE_FORCE ||
                                kb->actors[a1].kind == SR_ACTOR_GOVERNMENT);
        sub = state ? "Government regains territory" : "Non-state actor overtakes territory";
    }
    /* "entered the town under the understanding reached between the SDF
     * and Damascus", "as part of a Russian-brokered deal": ground taken by
     * agreement changes hands without a fight */
    if ((fr & SR_FRAME_TERRITORY) && is_territory(sub) && sub_by_deal(t, sent))
        sub = "Non-violent transfer of territory";
    /* "troops withdrew from Morek amid heavy clashes", "pulled out after
     * days of fighting": ground given up under fire is a battle lost, not
     * a peaceful hand-over; the taker is not named, so it stays a clash */
    if ((fr & SR_FRAME_ONE_SIDE) && str_eq(sub, "Non-violent transfer of territory")) {
        static const char *const fight[] = {"clashes", "clash",   "fighting", "battles",
                                            "battle",  "firefight", "firefights", "skirmishes"};
        if (has_word(t, sent.start, sent.end, fight, sizeof fight / sizeof *fight))
            sub = "Armed clash";
    }
    /* a named person as the target of an arrest, abduction or killing */
    int person_targets[SR_CODE_MAX_ASSOC], n_person = 0;
    if (str_eq(sub, "Arrests") || str_eq(sub, "Abduction/forced disappearance") ||
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
    /* "two shepherds were killed when a landmine exploded", "killing a
     * teacher": victims named by age, sex, trade or kin are civilians
     * (issue 4) */
    /* "strikes on the Daesh-held town of Manbij killed 15 civilians": the
     * holder named as a place's mark yields to the civilians killed */
    int held_mark = 0;
    for (size_t i = 0; i < sv->n && a2 >= 0 && !held_mark; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_ACTOR || m->actor != a2 || m->span.end >= sent.end ||
            t[m->span.end] != '-')
            continue;
        static const char *const hold2[] = {"held", "controlled"};
        size_t hs, he;
        next_word(t, m->span.end + 1, sent.end, &hs, &he);
        held_mark = hs == m->span.end + 1 && word_is(t, hs, he, hold2, 2);
    }
    if ((a2 < 0 || held_mark) && (a1 < 0 || kb->actors[a1].kind != SR_ACTOR_CIVILIANS) &&
        sub_type_violent(k, sub)) {
        /* the trigger's own stretch of the sentence: a run-on wire
         * sentence of many events must not lend one event another's
         * victims, nor cost O(sentence) per trigger */
        sr_span near = sent;
        if (tr->span.start > sent.start + 200)
            near.start = tr->span.start - 200;
        if (tr->span.end + 160 < sent.end)
            near.end = tr->span.end + 160;
        /* the sentence's triggers mostly share one stretch: read it once */
        if (!k->victims_valid || k->victims_span.start != near.start ||
            k->victims_span.end != near.end) {
            k->victims = civilian_victims(t, near);
            k->victims_span = near;
            k->victims_valid = 1;
        }
        if (k->victims) {
            if (held_mark) {
                proto.actor2 = -1;
                proto.n_assoc2 = 0;
            }
            side_add(&proto, 2, sr_kb_actor_find(kb, "CIVILIANS"));
            a2 = proto.actor2;
        }
    }
    int civ_target = a2 >= 0 && kb->actors[a2].kind == SR_ACTOR_CIVILIANS;
    if ((fr & SR_FRAME_CIVILIAN) && civ_target && str_eq(sub, "Armed clash"))
        sub = "Attack";
    /* "Attack" against armed actors is a clash in ACLED's terms */
    if (str_eq(sub, "Attack") && a2 >= 0 && !civ_target && !(fr & SR_FRAME_KILLS))
        sub = "Armed clash";
    /* "air force bombers pounded X killing 19", "jets attacked X", "a
     * government raid ... warplanes": a killing, raid or attack carried
     * out by aircraft is an air strike (ACLED codes by the means) */
    if ((str_eq(sub, "Armed clash") || str_eq(sub, "Attack") ||
         /* "the bombing of the market was carried out by warplanes" */
         (str_eq(sub, "Remote explosive/landmine/IED") && (fr & SR_FRAME_VAGUE))) &&
        !(fr & (SR_FRAME_MUTUAL | SR_FRAME_DIRECT)) &&
        !(fr & SR_FRAME_KILLS && !(fr & SR_FRAME_KILL))) {
        /* "the coalition carried out raids", "Russian raids": in Syria the
         * US-led coalition and Russia's forces raid from the air (the
         * noun only: "special forces raided a position" is on the ground) */
        int air_power = a1 >= 0 && (!strcmp(kb->actors[a1].id, "US_COALITION") ||
                                    !strcmp(kb->actors[a1].id, "MIL_RU"));
        if (k->sf.aircraft ||
            (air_power && (lower_eq(t, tr->span.start, tr->span.end, "raid") ||
                           lower_eq(t, tr->span.start, tr->span.end, "raids") ||
                           lower_eq(t, tr->span.start, tr->span.end, "attack") ||
                           lower_eq(t, tr->span.start, tr->span.end, "attacks"))))
            sub = "Air/drone strike";
    }
    /* ACLED codes a chemical attack by its means, whatever delivers it */
    if (k->sf.chemical &&
        (str_eq(sub, "Air/drone strike") || str_eq(sub, "Shelling/artillery/missile attack") ||
         str_eq(sub, "Armed clash") || str_eq(sub, "Attack")))
        sub = "Chemical weapon";
    /* a crowd met with force: only where the sentence speaks of one, and
     * with the crowd as a side even when the trigger swallowed its noun
     * ("police fired on protesters") */
    if (str_eq(sub, "Protest with intervention") ||
        str_eq(sub, "Excessive force against protesters")) {
        if (!crowd_side(k, sv, sent, &proto))
            return;
        if (str_eq(sub, "Protest with intervention"))
            crowd_first(kb, &proto);
        a1 = proto.actor1;
        a2 = proto.actor2;
    }
    const char *sub_type = event_type(k, sub);
    /* "an attack on an army post", "stormed a YPG checkpoint": the one
     * actor named is the object of the deed, so it stays the target and
     * the unnamed attacker is coded unidentified (ACLED) */
    int object_only = 0;
    if (a1 < 0 && a2 >= 0 && !passive && first_after != (size_t)-1 &&
        sv->m[first_after].actor == a2 &&
        !(fr & (SR_FRAME_MUTUAL | SR_FRAME_PARTIES | SR_FRAME_ONE_SIDE))) {
        static const char *const at[] = {"on", "against", "at", "targeting", "upon"};
        static const char *const by[] = {"by"};
        size_t gs = tr->span.end, ge = sv->m[first_after].span.start, ps, pe;
        next_word(t, gs, ge, &ps, &pe);
        object_only = words_between(t, gs, ge) <= 6 && !has_word(t, gs, ge, by, 1) &&
                      (!(fr & SR_FRAME_NOUN) ||
                       (pe > ps && word_is(t, ps, pe, at, sizeof at / sizeof *at)));
    }
    if (a1 < 0 && a2 >= 0 && !str_eq(sub, "Agreement") && !agentless && !object_only &&
        !(sub_type && str_eq(sub_type, "Explosions/Remote violence")) &&
        kb->actors[a2].kind != SR_ACTOR_CIVILIANS) {
        a1 = a2;
        a2 = -1;
        proto.actor1 = a1;
        proto.actor2 = -1;
    }
    {
        /* "US-led air strikes", "Russian-backed offensive": the state named
         * right before the trigger acts through its forces.  "X-led" names
         * the maker even when another actor stands earlier in the sentence
         * ("... Islamic State fighters. US-led air strikes killed ..."); the
         * actor it displaces becomes the target */
        for (size_t i = 0; i < ti; i++) {
            const sr_mention *bm = &sv->m[i];
            if (bm->kind == SR_MENTION_BACKING && bm->actor >= 0 &&
                tr->span.start - bm->span.end <= 16 &&
                !strncmp(kb->actors[bm->actor].id, "GOV_", 4)) {
                int led = bm->value && str_eq(bm->value, "led");
                if (a1 >= 0 && !led)
                    continue;
                char mil[16];
                snprintf(mil, sizeof mil, "MIL_%s", kb->actors[bm->actor].id + 4);
                int maker = sr_kb_actor_find(kb, mil);
                if (maker < 0 || maker == a1)
                    continue;
                if (a1 >= 0 && proto.actor2 < 0 && !(fr & SR_FRAME_TERRITORY))
                    proto.actor2 = a2 = a1;
                if (proto.actor2 == maker)
                    proto.actor2 = a2 = -1;
                proto.actor1 = a1 = maker;
            }
        }
        /* "US-led air strikes", "Saudi-led raids" with no actor mention
         * for the leader: the coalition it leads, else its forces */
        size_t ls, le;
        tw_before(&tw, 0, &ls, &le);
        if (le > ls && lower_eq(t, ls, le, "led") && ls > sent.start + 1 && t[ls - 1] == '-' &&
            tr->span.start - le <= 2) {
            size_t ps = ls - 1;
            while (ps > sent.start && t[ps - 1] != ' ')
                ps--;
            char name[64];
            int len = (int)(le - ps);
            int maker = -1;
            if (len > 4 && len < 40) {
                snprintf(name, sizeof name, "%.*s coalition", len, t + ps);
                maker = sr_kb_lookup_actor(kb, name);
                if (maker < 0) {
                    snprintf(name, sizeof name, "%.*s", len - 4, t + ps);
                    int state = sr_kb_lookup_actor(kb, name);
                    if (state >= 0 && !strncmp(kb->actors[state].id, "GOV_", 4)) {
                        char mil[16];
                        snprintf(mil, sizeof mil, "MIL_%s", kb->actors[state].id + 4);
                        maker = sr_kb_actor_find(kb, mil);
                    }
                }
            }
            if (maker >= 0 && maker != a1) {
                if (a1 >= 0 && proto.actor2 < 0 && !(fr & SR_FRAME_TERRITORY))
                    proto.actor2 = a2 = a1;
                if (proto.actor2 == maker)
                    proto.actor2 = a2 = -1;
                proto.actor1 = a1 = maker;
            }
        }
    }
    /* "bombers struck ... in an attack claimed by IS": the group claiming
     * the deed is coded as its maker (ACLED: a claimed attack names the
     * claimant as actor 1), never as its target */
    if (violent && !(fr & SR_FRAME_MUTUAL))
        for (size_t i = 0; i + 1 < sv->n; i++) {
            const sr_mention *h = &sv->m[i];
            if (h->kind != SR_MENTION_HEDGE || !h->value || !str_eq(h->value, "claimed") ||
                !lower_eq(t, h->span.end > h->span.start + 7 ? h->span.end - 7 : h->span.start,
                          h->span.end, "claimed"))
                continue;
            size_t bs, be;
            next_word(t, h->span.end, sent.end, &bs, &be);
            if (!lower_eq(t, bs, be, "by"))
                continue;
            for (size_t j = i + 1; j < sv->n; j++)
                if (usable_actor(kb, &sv->m[j]) && words_between(t, be, sv->m[j].span.start) <= 3 &&
                    armed(kb, sv->m[j].actor)) {
                    int by = sv->m[j].actor;
                    if (proto.actor2 == by)
                        proto.actor2 = a2 = -1;
                    if (a1 >= 0 && a1 != by && proto.actor2 < 0)
                        proto.actor2 = a2 = a1;
                    proto.actor1 = a1 = by;
                    proto.n_assoc1 = 0;
                    claimant = 1; /* the notes say who claimed it */
                    break;
                }
            break;
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
        if (m->kind == SR_MENTION_HEDGE && m->value && m->span.start >= tr->span.end &&
            (str_eq(m->value, "claimed") || str_eq(m->value, "denied")) &&
            clause_break(t, tr->span.end, m->span.start))
            continue; /* "Clashes broke out ..., after X accused Y of ...": the
                         claim is another clause's */
        /* "X shelled Y, and Z reportedly raided W": a one-word hedge
         * ("reportedly", "allegedly", "alleged") holds for its own clause
         * only, its own comma aside ("Allegedly, X raided ..."); the
         * longer ones ("could not be independently verified") speak of
         * the whole report */
        if (m->kind == SR_MENTION_HEDGE && m->value && str_eq(m->value, "unconfirmed") &&
            !memchr(t + m->span.start, ' ', m->span.end - m->span.start) &&
            (m->span.end <= tr->span.start
                 ? clause_break(t, m->span.end + (t[m->span.end] == ','), tr->span.start)
                 : clause_break(t, tr->span.end, m->span.start)))
            continue;
        if (m->kind == SR_MENTION_HEDGE && m->value) {
            if (str_eq(m->value, "unconfirmed"))
                cert = SR_CERT_UNCONFIRMED;
            else if (str_eq(m->value, "denied") && cert == SR_CERT_REPORTED)
                cert = SR_CERT_DENIED;
            else if (str_eq(m->value, "claimed") && cert == SR_CERT_REPORTED)
                cert = SR_CERT_CLAIMED;
        }
        /* "are expected to withdraw", and right after the deed: "a ground
         * assault is expected within days", "the offensive will begin" */
        if (m->kind == SR_MENTION_FUTURE &&
            ((m->span.end <= tr->span.start && tr->span.start - m->span.end < 40) ||
             (m->span.start >= tr->span.end && m->span.start - tr->span.end < 3)))
            cert = SR_CERT_EXPECTED;
    }
    /* "Rebels of Faylaq al-Rahman said they had repelled several attacks",
     * "the operations room said it had targeted regime positions": a side
     * telling its own deed claims it */
    if (cert == SR_CERT_REPORTED && proto.actor1 >= 0) {
        static const char *const speech[] = {"said", "says", "announced", "stated"};
        static const char *const self[] = {"it", "they", "its", "their"};
        for (size_t i = 0; i < ti; i++) {
            const sr_mention *m = &sv->m[i];
            if (m->kind != SR_MENTION_ACTOR || m->actor != proto.actor1)
                continue;
            size_t s1, e1, s2, e2;
            next_word(t, m->span.end, tr->span.start, &s1, &e1);
            next_word(t, e1, tr->span.start, &s2, &e2);
            if (e1 > s1 && e2 > s2 && word_is(t, s1, e1, speech, 4) && word_is(t, s2, e2, self, 4))
                cert = SR_CERT_CLAIMED;
            break;
        }
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
    const sr_mention *dm = sentence_date(t, sv, tr->span.start, k->c, sent.end);
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
    size_t speech_end = k->sf.speech_end < tr->span.start ? k->sf.speech_end : 0;
    size_t np = sentence_places(k, sv, sent, speech_end, pl);
    sr_place_ref none;
    memset(&none, 0, sizeof none);
    if (fr & SR_FRAME_PARTIES)
        np = np > 1 ? 1 : np; /* an agreement is one event, wherever it is told */
    /* "X hit A on Thursday, a day after Y hit B": the counted day opens
     * the clause of another event; a trigger keeps the places of its own
     * side when that side names one */
    for (size_t i = 0; i < sv->n && np > 1; i++) {
        const sr_mention *m = &sv->m[i];
        if (m->kind != SR_MENTION_DATE || !tells_other_day(t, m))
            continue;
        int after = tr->span.start > m->span.start;
        size_t kept = 0;
        for (size_t q = 0; q < np; q++)
            kept += (pl[q]->span.start > m->span.start) == after;
        if (kept) {
            size_t w = 0;
            for (size_t q = 0; q < np; q++)
                if ((pl[q]->span.start > m->span.start) == after)
                    pl[w++] = pl[q];
            np = w;
        }
        break;
    }
    size_t loops = np ? np : 1;
    for (size_t p = 0; p < loops; p++) {
        sr_event *e = new_event(k);
        if (!e)
            return;
        *e = proto;
        e->sub_event_type = sub;
        e->event_type = sub_type;
        e->date = date;
        e->time_precision = prec;
        e->date_in_text = dm != NULL;
        e->weak = ((fr & SR_FRAME_KILL) && !(fr & SR_FRAME_DIRECT)) || background;
        e->frame = fr;
        int country_only = np && pl[p]->where.is_area && (!pl[p]->where.admin1 || !*pl[p]->where.admin1);
        e->where = np && !country_only ? pl[p]->where : (prev_place ? *prev_place : none);
        e->place_in_text = np && !country_only;
        if (e->place_in_text && ((p > 0 && listed_places(t, pl[p - 1], pl[p])) ||
                                 (p + 1 < np && listed_places(t, pl[p], pl[p + 1]))))
            e->place_in_text = 2;
        if (np && !country_only && pl[p]->where.is_area)
            e->where.location = area_location(k, pl[p]);
        /* "fighting in Greater Idlib. ... near the village of X": a region
         * the next sentence narrows to a town in it gives way to the town */
        if (np == 1 && !country_only && pl[0]->where.is_area && k->next_place &&
            k->next_place->sentence == tr->sentence + 1 && !k->next_place->where.is_area &&
            k->next_place->where.admin1 && pl[0]->where.admin1 &&
            str_eq(k->next_place->where.admin1, pl[0]->where.admin1))
            e->where = k->next_place->where;
        /* "he fought the Soviet army in Afghanistan in 1987": a recalled event
         * told in another country happened there, not in the town of the
         * news around it */
        size_t cs = 0, ce = 0;
        if (country_only && historical && pl[p]->where.location &&
            !str_eq(pl[p]->where.location, "Syria"))
            word_before(t, sent.start, pl[p]->span.start, &cs, &ce);
        int abroad = ce > cs && lower_eq(t, cs, ce, "in");
        if (abroad)
            e->where = pl[p]->where;
        if ((!np || country_only) && k->have_prev_place && !abroad)
            e->where = k->prev_first_place;
        if (!e->where.location && k->next_place)
            e->where = k->next_place->where; /* the lead names the place next */
        e->certainty = cert;
        e->claimed = claimant && proto.actor1 >= 0 && proto.actor1 != k->unidentified;
        e->historical = historical;
        e->source = source;
        e->sentence = tr->sentence;
        {
            /* "The district has been hit repeatedly: on May 21 a car bomb
             * ...": the evidence is the clause after the colon that tells
             * the event, not the summary before it */
            sr_span ev = sent;
            /* the last colon before the trigger (memrchr reads the
             * sentence a vector at a time: most have none) */
            const char *colon = tr->span.start > sent.start
                                    ? memrchr(t + sent.start, ':', tr->span.start - sent.start)
                                    : NULL;
            if (colon) {
                size_t q = (size_t)(colon - t);
                size_t s0 = q + 1;
                while (s0 < tr->span.start && t[s0] == ' ')
                    s0++;
                if (q > sent.start + 20)
                    ev.start = s0;
            }
            add_evidence(e, ev);
        }
        /* a toll goes to one event only (ACLED: never repeated) */
        if (p == 0 && deaths && !k->sent_toll_given) {
            e->fatalities = deaths;
            k->toll_given = k->sent_toll_given = 1;
        } else if (p == 0 && vague && (fr & SR_FRAME_KILLS)) {
            e->fatalities_vague = 1;
        }
        if ((fr & SR_FRAME_KILLS) && !deaths && p == 0) {
            /* "beheading a Palestinian boy": one named victim is one death */
            static const char *const one[] = {"a", "an", "one"};
            size_t we = tr->span.end + 4 < sent.end ? tr->span.end + 4 : sent.end;
            if (has_word(t, tr->span.end, we, one, 3) && !k->sent_toll_given) {
                e->fatalities = 1;
                k->toll_given = k->sent_toll_given = 1;
            } else
                e->fatalities_vague = 1;
        }
        if (str_eq(sub, "Arrests") && n_person > 1) {
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

/* Is T[s, e) a word of running prose: lowercase or a number? */
static int prose_word(const char *t, size_t s, size_t e)
{
    return e > s && ((t[s] >= 'a' && t[s] <= 'z') || (t[s] >= '0' && t[s] <= '9'));
}

/* Where the report's own sentence starts after a "Tags" list of keywords
 * ("Tags Syria Aleppo airstrikes Russia At least 16 people were killed
 * ..."): at the first run of three prose words holding a function word or
 * a past tense ("were killed", "bombed"), taken back to the capitalised
 * word that opens it, and over a number before it ("At least 29 Syrian
 * rebels").  END when the list runs to the end with no prose. */
static size_t after_tags(const char *t, size_t p, size_t end)
{
    static const char *const glue[] = {"the",  "a",   "an",   "of",   "on",    "in",   "at",
                                       "to",   "was", "were", "is",   "are",   "has",  "have",
                                       "had",  "by",  "with", "from", "for",   "and",  "said",
                                       "says", "say", "than", "been", "after", "among"};
    size_t ws[64], we[64], n = 0;
    while (n < 64) {
        next_word(t, p, end, &ws[n], &we[n]);
        /* digits count as words here */
        size_t q = p;
        while (q < ws[n] && !(t[q] >= '0' && t[q] <= '9'))
            q++;
        if (q < ws[n]) {
            ws[n] = q;
            we[n] = q;
            while (we[n] < end && t[we[n]] >= '0' && t[we[n]] <= '9')
                we[n]++;
        }
        if (we[n] == ws[n])
            break;
        /* keep hyphenated and apostrophe words whole */
        while (we[n] < end && (t[we[n]] == '-' || t[we[n]] == '\'') && we[n] + 1 < end &&
               (t[we[n] + 1] | 32) >= 'a' && (t[we[n] + 1] | 32) <= 'z') {
            size_t a, b;
            next_word(t, we[n] + 1, end, &a, &b);
            we[n] = b;
        }
        p = we[n];
        n++;
    }
    for (size_t i = 0; i + 2 < n; i++) {
        int run = 1, glued = 0;
        for (size_t j = i; j < i + 3; j++) {
            run &= prose_word(t, ws[j], we[j]);
            glued |= has_word(t, ws[j], we[j], glue, sizeof glue / sizeof *glue) ||
                     (we[j] - ws[j] > 3 && t[we[j] - 2] == 'e' && t[we[j] - 1] == 'd');
        }
        if (!run || !glued)
            continue;
        size_t b = i;
        while (b > 0 && prose_word(t, ws[b], we[b]))
            b--;
        if (prose_word(t, ws[b], we[b]))
            return ws[b];
        /* "The Islamic State group has": back to an article */
        for (size_t q = b, hops = 0; q > 0 && hops < 4; q--, hops++) {
            static const char *const art[] = {"the", "a", "an"};
            if (prose_word(t, ws[q - 1], we[q - 1]))
                break;
            if (has_word(t, ws[q - 1], we[q - 1], art, 3)) {
                b = q - 1;
                break;
            }
        }
        /* "At least 12 rebel fighters": a count opens the sentence */
        size_t c = b;
        int digits = 0;
        while (c > 0 && prose_word(t, ws[c - 1], we[c - 1])) {
            digits |= t[ws[c - 1]] >= '0' && t[ws[c - 1]] <= '9';
            c--;
        }
        if (digits && c > 0)
            b = c - 1;
        return ws[b];
    }
    return end;
}

/* memmem for a short literal: memchr finds each place its first byte
 * occurs (most sentences have none) and memcmp checks the rest; memmem
 * costs hundreds of instructions a call to set up. */
static const char *find_lit(const char *h, size_t len, const char *lit, size_t n)
{
    const char *end = h + len;
    while ((size_t)(end - h) >= n) {
        const char *c = memchr(h, lit[0], (size_t)(end - h) - n + 1);
        if (!c)
            return NULL;
        if (!memcmp(c, lit, n))
            return c;
        h = c + 1;
    }
    return NULL;
}

/* Page furniture flattened into a sentence: a "Tags" list of keywords
 * before the report's sentence, and a "Related" list of Title Case
 * headlines after it.  Neither is reporting: the view of the sentence is
 * narrowed to what remains. */
/* Where a photo caption that opens a sentence at P ends (see
 * trim_furniture), or 0.  At the first lower case word that is no title's
 * small word: the "The", "A" or "An" among the four words before it, else
 * the capitalised word that only small words follow ("... Vow Revenge -
 * Officials According to the governor"). */
static size_t caption_end(const char *t, size_t p, size_t end)
{
    static const char *const small[] = {"of", "to",   "in",   "the",  "for",  "a",
                                        "an", "and",  "on",   "over", "at",   "as",
                                        "by", "with", "from", "into", "amid", "after"};
    static const char *const opener[] = {"The", "A", "An"};
    size_t open = 0, last_cap = 0;
    int open_n = -9, smalls = 0;
    for (int n = 0; n < 40; n++) {
        size_t s, e;
        next_word(t, p, end, &s, &e);
        if (e == s)
            return 0;
        if (t[s] >= 'a' && t[s] <= 'z') {
            if (!has_word(t, s, e, small, sizeof small / sizeof *small))
                return n - open_n <= 4 ? open : smalls ? last_cap : 0;
            smalls++;
        } else if (t[s] >= 'A' && t[s] <= 'Z') {
            int is_open = 0;
            for (size_t i = 0; i < 3; i++)
                is_open |= e - s == strlen(opener[i]) && !memcmp(t + s, opener[i], e - s);
            if (is_open && n > 2) {
                open = s;
                open_n = n;
            }
            if (n > 2) {
                last_cap = s;
                smalls = 0;
            }
        }
        p = e;
    }
    return 0;
}

static void trim_furniture(const char *t, sent_view *sv, sr_span *sent)
{
    size_t s, e;
    for (size_t p = sent->start; p + 4 < sent->end; p++) {
        const char *hit = find_lit(t + p, sent->end - p, "Tags ", 5);
        if (!hit)
            break;
        p = (size_t)(hit - t);
        if (p > sent->start && t[p - 1] != ' ')
            continue;
        size_t from = after_tags(t, p + 5, sent->end);
        {
            /* the list opens the sentence (or follows a few words of page
             * furniture), or closes it */
            size_t q = 0;
            if (from < sent->end && p - sent->start < 40) {
                while (q < sv->n && sv->m[q].span.start < from)
                    q++;
                sv->m += q;
                sv->n -= q;
                sent->start = from;
            } else {
                while (q < sv->n && sv->m[q].span.start < p)
                    q++;
                sv->n = q;
                sent->end = p;
            }
        }
        break;
    }
    /* "AP Photo Jane Doe Rebels Vow Revenge for X The army shelled ...":
     * a photo credit and the headline of another story, glued to the
     * sentence the page printed after it; the sentence starts at the
     * "The"/"A" that opens the first run of capitals followed by a lower
     * case word */
    size_t ph_len = sent->end - sent->start < 18 ? sent->end - sent->start : 18;
    const char *ph = find_lit(t + sent->start, ph_len, "Photo ", 6);
    if (ph && (size_t)(ph - t) - sent->start < 12 &&
        caption_end(t, (size_t)(ph - t) + 6, sent->end)) {
        size_t from = caption_end(t, (size_t)(ph - t) + 6, sent->end), q = 0;
        while (q < sv->n && sv->m[q].span.start < from)
            q++;
        sv->m += q;
        sv->n -= q;
        sent->start = from;
    }
    for (size_t p = sent->start; p + 7 < sent->end; p++) {
        const char *hit = find_lit(t + p, sent->end - p, "Related", 7);
        if (!hit)
            break;
        p = (size_t)(hit - t);
        if ((p > sent->start && t[p - 1] != ' ') || p + 7 >= sent->end || t[p + 7] != ' ')
            continue;
        /* most words after it are capitalised: a list of headlines */
        size_t words = 0, caps = 0, w = p + 7;
        while (words < 30) {
            next_word(t, w, sent->end, &s, &e);
            if (e == s)
                break;
            words++;
            caps += t[s] >= 'A' && t[s] <= 'Z';
            w = e;
        }
        /* "Related News", "Related Articles": a list whatever its case */
        static const char *const list[] = {"news",    "articles", "stories", "posts",
                                           "content", "coverage", "topics"};
        next_word(t, p + 7, sent->end, &s, &e);
        int named = has_word(t, s, e, list, sizeof list / sizeof *list);
        if (words >= 4 && (named || caps * 10 >= words * 6)) {
            size_t q = 0;
            while (q < sv->n && sv->m[q].span.start < p)
                q++;
            sv->n = q;
            sent->end = p;
            return;
        }
    }
}

/* One party: the same actor, or a state and its forces ("Turkey launches
 * air strikes" in the headline, "Turkish warplanes pounded" in the body). */
static int one_party(const sr_kb *kb, int a, int b)
{
    if (a == b)
        return 1;
    if (a < 0 || b < 0)
        return 0;
    const sr_actor *x = &kb->actors[a], *y = &kb->actors[b];
    int xs = x->kind == SR_ACTOR_GOVERNMENT || x->kind == SR_ACTOR_STATE_FORCE;
    int ys = y->kind == SR_ACTOR_GOVERNMENT || y->kind == SR_ACTOR_STATE_FORCE;
    return xs && ys && x->kind != y->kind && x->country && *x->country && y->country &&
           !strcmp(x->country, y->country);
}

static int same_actors(const sr_kb *kb, const sr_event *x, const sr_event *y)
{
    return (one_party(kb, x->actor1, y->actor1) && x->actor2 == y->actor2) ||
           (x->actor1 == y->actor2 && x->actor2 == y->actor1) ||
           /* a later sentence naming the target of the same strike */
           (one_party(kb, x->actor1, y->actor1) && (x->actor2 < 0 || y->actor2 < 0));
}

static int same_place(const sr_event *x, const sr_event *y)
{
    const char *a = x->where.location, *b = y->where.location;
    if (!a || !b)
        return 1; /* a sentence without a place adds to the located event */
    if (str_eq(a, b))
        return 1;
    /* a report retelling its event names the town once and the province or
     * a neighbourhood the next time: one admin area, one event */
    return x->where.admin1 && y->where.admin1 && *x->where.admin1 &&
           str_eq(x->where.admin1, y->where.admin1) && (x->where.is_area || y->where.is_area);
}

/* The rank of an event's type when two tellings of one event disagree: a
 * bare killing verb or a word that names no weapon yields to any other. */
static int telling_rank(const sr_event *e)
{
    return e->weak || (e->frame & SR_FRAME_VAGUE) ? 0 : priority(e->sub_event_type);
}

/* Does SENT tell of ground taken by agreement: "under the deal", "as part
 * of an agreement", "following a settlement", "per the understanding"? */
static int sub_by_deal(const char *t, sr_span sent)
{
    static const char *const deal[] = {"agreement", "deal",       "understanding", "accord",
                                       "arrangement", "settlement", "truce"};
    static const char *const by[] = {"under", "part", "per", "following"};
    if (!has_word(t, sent.start, sent.end, deal, sizeof deal / sizeof *deal))
        return 0;
    size_t ring_s[8] = {0}, ring_e[8] = {0}, n = 0, s, e;
    for (size_t p = sent.start; p < sent.end; p = e, n++) {
        next_word(t, p, sent.end, &s, &e);
        if (e <= s)
            break;
        if (word_is(t, s, e, deal, sizeof deal / sizeof *deal))
            for (size_t k = 1; k <= 5 && k <= n; k++) /* "as part of a Russian-brokered deal" */
                if (word_is(t, ring_s[(n - k) % 8], ring_e[(n - k) % 8], by,
                            sizeof by / sizeof *by))
                    return 1;
        ring_s[n % 8] = s, ring_e[n % 8] = e;
    }
    return 0;
}

static int is_territory(const char *sub)
{
    return str_eq(sub, "Non-state actor overtakes territory") ||
           str_eq(sub, "Government regains territory");
}

/* Is E told in the headline printed in the text? */
static int in_title(const coder *k, const sr_event *e)
{
    return e->sentence == k->title_sentence;
}

/* Could X and Y be two tellings of one event?  The same type, actors and
 * place within a day, and the shapes wire reports retell events in:
 *  - a later sentence drops the maker ("Terrorists also targeted the
 *    town"): an unidentified maker with no place of its own, or in the
 *    headline, is the named one's event in that province;
 *  - the headline names the province or city, the body the town;
 *  - a clash and the ground taken in it by the same side, same place and
 *    day, are one territorial event (ACLED codes the takeover);
 *  - "there was an enormous explosion" or a bare killing verb is the
 *    report's own bombing, strike or shelling there;
 *  - the lede gives no date and the body does ("On Sunday ..."): up to a
 *    week before the date assumed for the lede. */
/* Does the sentence E is told in open with a reply to another deed ("In
 * response, army artillery shelled ...", "Retaliating, ...")? */
static int told_as_reply(const coder *k, const sr_event *e)
{
    static const char *const reply[] = {"response", "retaliation", "retaliating", "responding",
                                        "reply"};
    if (!e->n_evidence)
        return 0;
    size_t s = e->evidence[0].start, end = e->evidence[0].end, ws = s, we = s;
    for (int w = 0; w < 3; w++) {
        next_word(k->t, we, end, &ws, &we);
        if (we <= ws)
            return 0;
        if (word_is(k->t, ws, we, reply, sizeof reply / sizeof *reply))
            return 1;
    }
    return 0;
}

static int one_event(const coder *k, const sr_event *e, const sr_event *f)
{
    /* a reply is the other side's deed, never a retelling */
    if (e->actor1 != f->actor1 && (told_as_reply(k, e) || told_as_reply(k, f)))
        return 0;
    if (e->historical != f->historical ||
        (e->certainty == SR_CERT_EXPECTED) != (f->certainty == SR_CERT_EXPECTED))
        return 0;
    long gap = labs(days_of(e->date) - days_of(f->date));
    /* two days written out are two days: only a date assumed for one
     * telling may be a day off the other's */
    /* a headline dated by the report's own date ("Sun 10 Jul 2016 29 Rebels
     * Dead in Fighting ...") tells the body's event of the night before */
    int firm_gap = gap > 0 && e->date_in_text && f->date_in_text &&
                   !(gap == 1 && (in_title(k, e) || in_title(k, f) || e->sentence == 0 || f->sentence == 0));
    if (gap > 1) {
        const sr_event *u = e->date_in_text ? f : e, *w = u == e ? f : e;
        long back = days_of(u->date) - days_of(w->date);
        if (u->date_in_text || !w->date_in_text || !in_lede(k, u) || back < 0 || back > 7)
            return 0;
    }
    int same_type = str_eq(e->sub_event_type, f->sub_event_type);
    int one_family = e->event_type && f->event_type && str_eq(e->event_type, f->event_type);
    int clash_taken =
        (is_territory(e->sub_event_type) && str_eq(f->sub_event_type, "Armed clash")) ||
        (is_territory(f->sub_event_type) && str_eq(e->sub_event_type, "Armed clash"));
    int loose = one_family && (telling_rank(e) == 0 || telling_rank(f) == 0);
    if (!same_type && !clash_taken && !loose)
        return 0;
    int ue = e->actor1 == k->unidentified, uf = f->actor1 == k->unidentified;
    int targets_fit = e->actor2 == f->actor2 || e->actor2 < 0 || f->actor2 < 0;
    int same_area = e->where.admin1 && f->where.admin1 && str_eq(e->where.admin1, f->where.admin1);
    int lede = in_title(k, e) || in_title(k, f);
    /* a list of towns in one sentence ("shells hit X, Y and Z") told one
     * event per town (ACLED: one event per location), also when nobody is
     * named as the maker */
    if (e->sentence == f->sentence && e->place_in_text == 2 && f->place_in_text == 2 &&
        e->where.location && f->where.location && !str_eq(e->where.location, f->where.location))
        return 0;
    if (ue && uf)
        return targets_fit && same_area;
    if (same_type && same_actors(k->kb, e, f) && same_place(e, f))
        return 1;
    /* one sentence naming two places told two events (ACLED) */
    if (e->sentence == f->sentence)
        return 0;
    if (firm_gap)
        return 0;
    if (same_actors(k->kb, e, f) ||
        (e->actor2 < 0 && (e->actor1 == f->actor1 || e->actor1 == f->actor2)) ||
        (f->actor2 < 0 && (f->actor1 == e->actor1 || f->actor1 == e->actor2)))
        return same_place(e, f) || (same_area && lede && !clash_taken);
    if (ue != uf && targets_fit && !clash_taken)
        return same_place(e, f) || (same_area && (lede || !(ue ? e : f)->place_in_text));
    return 0;
}

/* X's actor 1, a state's government (GOV_<iso>), acts through the state's
 * PREFIX_<iso> actor (its forces, its police), unless that is X's target. */
static void state_acts_through(coder *k, sr_event *x, const char *prefix)
{
    char id[16];
    snprintf(id, sizeof id, "%s_%s", prefix, k->kb->actors[x->actor1].id + 4);
    int a = sr_kb_actor_find(k->kb, id);
    if (a >= 0 && a != x->actor2) {
        x->actor1 = a;
        finish_actors(k, x);
    }
}

/* Twins: two events told by one sentence, of one sub-type, at one place
 * on one day, whose sides do not contradict each other ("Russian and regime
 * air strikes killed 47 people, most of them civilians" read once per
 * trigger).  The sentence-level merge runs before the places and sides are
 * final (a town named in the next sentence, a government turned into its
 * forces), so the twins are only seen here.  Sides fill each other; the
 * lower of two different tolls is kept (ACLED: the most conservative
 * figure); two events with different named targets stay two. */
static int shares_sentence(const sr_event *x, const sr_event *y)
{
    for (size_t a = 0; a < x->n_evidence; a++)
        for (size_t b = 0; b < y->n_evidence; b++)
            if (x->evidence[a].start == y->evidence[b].start)
                return 1;
    return 0;
}

/* A bare killing verb read beside a named means of violence in one
 * sentence ("Russian and regime air strikes killed 30 people"): the kill
 * is the strike's toll, not an event of its own. */
static int kill_reading_of(const sr_event *weak, const sr_event *strong)
{
    return weak->weak && !strong->weak && strong->event_type &&
           (!strcmp(strong->event_type, "Explosions/Remote violence") ||
            !strcmp(strong->event_type, "Battles"));
}

static int twin_events(const coder *k, const sr_event *x, const sr_event *y)
{
    if (x->historical != y->historical || days_of(x->date) != days_of(y->date) ||
        !shares_sentence(x, y))
        return 0;
    const char *a = x->where.location, *b = y->where.location;
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b)))
        return 0;
    if (strcmp(x->sub_event_type, y->sub_event_type))
        return kill_reading_of(x, y) || kill_reading_of(y, x);
    int u = k->unidentified;
    int side1 = x->actor1 == y->actor1 || x->actor1 < 0 || y->actor1 < 0 || x->actor1 == u ||
                y->actor1 == u;
    int side2 = x->actor2 == y->actor2 || x->actor2 < 0 || y->actor2 < 0;
    int swapped = x->actor1 == y->actor2 && x->actor2 == y->actor1;
    return (side1 && side2) || swapped;
}

/* The first of the N events kept so far that SAME pairs with E, else N. */
static size_t earlier_match(const coder *k, const sr_event *e, size_t n,
                            int (*same)(const coder *, const sr_event *, const sr_event *))
{
    size_t j = 0;
    while (j < n && !same(k, e, &k->out->events[j]))
        j++;
    return j;
}

/* "... state media said. Rebel sources have not yet confirmed the loss.",
 * "The figure could not be independently verified.", "Turkey's defence
 * ministry denied that its aircraft had carried out any strike.": a
 * sentence of doubt or denial with no event of its own qualifies the
 * events of the sentence before it. */
static void hedge_told_after(coder *k, const sent_view *sv, size_t first_event)
{
    sr_certainty c = SR_CERT_REPORTED;
    for (size_t q = 0; q < sv->n; q++)
        if (sv->m[q].kind == SR_MENTION_HEDGE && sv->m[q].value) {
            if (!strcmp(sv->m[q].value, "unconfirmed"))
                c = SR_CERT_UNCONFIRMED;
            else if (!strcmp(sv->m[q].value, "denied") && c == SR_CERT_REPORTED)
                c = SR_CERT_DENIED;
        }
    if (c == SR_CERT_REPORTED)
        return;
    sr_coding *o = k->out;
    size_t prev_sentence = o->events[first_event - 1].sentence;
    if (prev_sentence + 1 != sv->m[0].sentence)
        return;
    for (size_t e = first_event; e-- > 0 && o->events[e].sentence == prev_sentence;)
        if (o->events[e].certainty == SR_CERT_REPORTED && !o->events[e].historical)
            o->events[e].certainty = c;
}

/* "Police opened fire to disperse residents protesting ..., wounding two":
 * one happening read three ways (a protest, its dispersal, an attack).  A
 * protest met with force in a sentence absorbs the sentence's plain
 * protest and its attack or clash: ACLED's "Excessive force against
 * protesters" when someone was killed or hurt, else the intervention. */
static void crowd_met_with_force(coder *k)
{
    sr_coding *o = k->out;
    /* "Security forces opened fire on people marching ..., killing six
     * protesters": a clash or attack whose target is the crowd is force
     * against protesters (the force acting, the crowd its target) */
    for (size_t i = 0; i < o->n_events; i++) {
        sr_event *v = &o->events[i];
        if ((str_eq(v->sub_event_type, "Armed clash") || str_eq(v->sub_event_type, "Attack")) &&
            v->actor2 >= 0 && k->kb->actors[v->actor2].kind == SR_ACTOR_PROTESTERS &&
            v->actor1 >= 0 && k->kb->actors[v->actor1].kind != SR_ACTOR_PROTESTERS) {
            v->sub_event_type = "Excessive force against protesters";
            v->event_type = sr_acled_event_type(v->sub_event_type);
            finish_actors(k, v);
        }
    }
    for (size_t i = 0; i < o->n_events; i++) {
        sr_event *p = &o->events[i];
        if (strcmp(p->sub_event_type, "Protest with intervention") &&
            strcmp(p->sub_event_type, "Excessive force against protesters"))
            continue;
        sr_event kept = *p;
        int hurt = kept.fatalities > 0;
        size_t w = 0, at = i;
        for (size_t j = 0; j < o->n_events; j++) {
            const sr_event *v = &o->events[j];
            /* the same protest told earlier as peaceful ("in Idlib, Binnish
             * and Jisr al-Shughur ... In Jisr al-Shughur, however, ...") */
            int same_protest = str_eq(v->sub_event_type, "Peaceful protest") && kept.where.location &&
                               v->where.location && str_eq(v->where.location, kept.where.location) &&
                               days_of(v->date) == days_of(kept.date);
            int absorbed = j != i && !v->historical &&
                           ((shares_sentence(&kept, v) &&
                             (!strcmp(v->sub_event_type, "Peaceful protest") ||
                              !strcmp(v->sub_event_type, "Attack") ||
                              !strcmp(v->sub_event_type, "Armed clash"))) ||
                            same_protest);
            if (!absorbed) {
                if (j == i)
                    at = w; /* P moves down with the kept events */
                o->events[w++] = *v;
                continue;
            }
            hurt |= v->fatalities > 0 || strcmp(v->sub_event_type, "Peaceful protest");
            if (v->fatalities && !kept.fatalities)
                kept.fatalities = v->fatalities;
        }
        o->n_events = w;
        i = at;
        o->events[i] = kept;
        p = &o->events[i];
        for (size_t q = 0; q < p->n_evidence && !hurt; q++)
            hurt = has_word(k->t, p->evidence[q].start, p->evidence[q].end, hurt_words, N_HURT) ||
                   has_word(k->t, p->evidence[q].start, p->evidence[q].end, kill_words, N_KILL);
        if (hurt && strcmp(p->sub_event_type, "Excessive force against protesters")) {
            p->sub_event_type = "Excessive force against protesters";
            p->event_type = sr_acled_event_type(p->sub_event_type);
            /* the force acts (actor 1), the crowd is its target, the
             * other way round from an intervention (crowd_first) */
            if (p->actor1 >= 0 && k->kb->actors[p->actor1].kind == SR_ACTOR_PROTESTERS &&
                p->actor2 >= 0)
                swap_sides(p);
        }
        /* the crowd is the protesters, not civilians beside the force */
        drop_assoc(k->kb, p->assoc1, &p->n_assoc1, SR_ACTOR_CIVILIANS);
        drop_assoc(k->kb, p->assoc2, &p->n_assoc2, SR_ACTOR_CIVILIANS);
        finish_actors(k, p);
    }
}

static void collapse_twins(coder *k)
{
    sr_coding *o = k->out;
    size_t w = 0;
    for (size_t i = 0; i < o->n_events; i++) {
        sr_event *e = &o->events[i];
        size_t j = earlier_match(k, e, w, twin_events);
        if (j == w) {
            o->events[w++] = *e;
            continue;
        }
        sr_event *f = &o->events[j];
        sr_event kill; /* lives as long as E may point to it */
        if (kill_reading_of(f, e)) {
            /* the means-of-violence reading leads, in the first's place */
            kill = *f;
            *f = *e;
            e = &kill;
            f->primary |= e->primary;
        }
        if (strcmp(f->sub_event_type, e->sub_event_type) && e->actor1 >= 0 &&
            e->actor1 != k->unidentified && f->actor1 >= 0 && f->actor1 != k->unidentified &&
            e->actor1 != f->actor1 && e->actor1 != f->actor2)
            side_add(f, 1, e->actor1); /* "Russian and regime air strikes" */
        if ((f->actor1 < 0 || f->actor1 == k->unidentified) && e->actor1 >= 0 &&
            e->actor1 != k->unidentified && e->actor1 != f->actor2) {
            f->actor1 = e->actor1;
            f->n_assoc1 = 0;
            for (int q = 0; q < e->n_assoc1; q++)
                side_add(f, 1, e->assoc1[q]);
            f->claimed = e->claimed;
        }
        if (f->actor2 < 0 && e->actor2 >= 0 && e->actor2 != f->actor1) {
            f->actor2 = e->actor2;
            for (int q = 0; q < e->n_assoc2; q++)
                side_add(f, 2, e->assoc2[q]);
        }
        if (e->fatalities && (!f->fatalities || e->fatalities < f->fatalities))
            f->fatalities = e->fatalities;
        if (f->suspect < 0)
            f->suspect = e->suspect;
        f->primary |= e->primary;
        for (size_t q = 0; q < e->n_evidence; q++)
            add_evidence(f, e->evidence[q]);
        finish_actors(k, f);
    }
    o->n_events = w;
}

/* Several sentences about one event merge (one_event). */
static void merge_events(coder *k)
{
    sr_coding *o = k->out;
    size_t n = 0;
    for (size_t i = 0; i < o->n_events; i++) {
        sr_event *e = &o->events[i];
        size_t j = earlier_match(k, e, n, one_event);
        if (j < n) {
            sr_event *f = &o->events[j];
            sr_event better;
            if (!str_eq(e->sub_event_type, f->sub_event_type) &&
                telling_rank(e) > telling_rank(f)) {
                /* the graver or more specific telling gives the type and
                 * sides; the first keeps its place in the report */
                better = *e;
                *e = *f;
                for (size_t q = 0; q < better.n_evidence; q++)
                    add_evidence(f, better.evidence[q]);
                f->sub_event_type = better.sub_event_type;
                f->event_type = better.event_type;
                f->frame = better.frame;
                f->weak = better.weak;
                /* and its toll, when the first telling had none */
                if (!f->fatalities)
                    f->fatalities = better.fatalities;
                if (better.actor1 >= 0 && better.actor1 == f->actor2) {
                    /* the side that took the ground acts */
                    f->actor2 = f->actor1;
                    f->actor1 = better.actor1;
                } else if (better.actor1 != k->unidentified &&
                           (better.actor2 >= 0 || f->actor1 == k->unidentified)) {
                    f->actor1 = better.actor1;
                    f->n_assoc1 = 0;
                    for (int q = 0; q < better.n_assoc1; q++)
                        side_add(f, 1, better.assoc1[q]);
                    if (better.actor2 >= 0 && better.actor2 != f->actor1)
                        f->actor2 = better.actor2;
                    if (f->actor2 == f->actor1)
                        f->actor2 = -1;
                }
                finish_actors(k, f);
            }
            /* who holds the ground now decides the territorial type */
            if (is_territory(f->sub_event_type) && f->actor1 >= 0) {
                sr_actor_kind kd = k->kb->actors[f->actor1].kind;
                f->sub_event_type = kd == SR_ACTOR_STATE_FORCE || kd == SR_ACTOR_GOVERNMENT
                                        ? "Government regains territory"
                                        : "Non-state actor overtakes territory";
                f->event_type = sr_acled_event_type(f->sub_event_type);
            }
            for (size_t q = 0; q < e->n_evidence; q++)
                add_evidence(f, e->evidence[q]);
            if (!f->fatalities && e->fatalities)
                f->fatalities = e->fatalities;
            /* a date written next to the event beats one assumed for it;
             * the body's day beats the headline's, which is the report's
             * own date ("July 19 2014 IS killed 270 ..." and "... captured
             * a gas field on Thursday") */
            if ((e->date_in_text && !f->date_in_text) ||
                (e->date_in_text && f->date_in_text && (in_title(k, f) || f->sentence == 0) &&
                 !in_title(k, e) && e->sentence != 0 && e->time_precision == SR_PREC_DAY &&
                 days_of(e->date) < days_of(f->date) && days_of(f->date) - days_of(e->date) <= 7)) {
                f->date = e->date;
                f->time_precision = e->time_precision;
                f->date_in_text = 1;
            }
            /* the maker named in one telling beats "unidentified" */
            if (f->suspect < 0)
                f->suspect = e->suspect;
            if (f->actor1 == k->unidentified && e->actor1 >= 0 && e->actor1 != k->unidentified) {
                f->actor1 = e->actor1;
                f->claimed = e->claimed;
                if (f->actor2 == f->actor1)
                    f->actor2 = -1;
                finish_actors(k, f);
            }
            if (f->actor2 < 0 && e->actor2 >= 0 && e->actor2 != f->actor1) {
                f->actor2 = e->actor2;
                finish_actors(k, f);
            }
            /* "Turkey launches air strikes" and "Turkish warplanes pounded":
             * the forces name the maker (ACLED) */
            if (f->actor1 != e->actor1 && one_party(k->kb, f->actor1, e->actor1) &&
                k->kb->actors[e->actor1].kind == SR_ACTOR_STATE_FORCE) {
                f->actor1 = e->actor1;
                finish_actors(k, f);
            }
            /* a town named in the body beats the province of the headline */
            if (e->place_in_text && !e->where.is_area && e->where.location &&
                (f->where.is_area || !f->place_in_text) && f->where.admin1 && e->where.admin1 &&
                str_eq(f->where.admin1, e->where.admin1)) {
                f->where = e->where;
                f->place_in_text = 1;
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

/* Appends S to the note in BUF (capacity CAP, length *N), cutting it at
 * CAP - 1 bytes as snprintf would. */
static void note_put(char *buf, size_t cap, size_t *n, const char *s)
{
    size_t len = strlen(s), room = cap - 1 - *n;
    if (len > room)
        len = room;
    memcpy(buf + *n, s, len);
    *n += len;
    buf[*n] = '\0';
}

/* Appends V as printf's "%0<width>lld" does (width counts the sign). */
static void note_int(char *buf, size_t cap, size_t *n, long long v, int width)
{
    char digits[24], tmp[48];
    size_t nd = sr_format_uint(digits, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
    int len = 0;
    if (v < 0)
        tmp[len++] = '-';
    for (int i = len + (int)nd; i < width && len < 24; i++)
        tmp[len++] = '0';
    memcpy(tmp + len, digits, nd);
    tmp[len + (int)nd] = '\0';
    note_put(buf, cap, n, tmp);
}

/* A plain one-sentence summary, in words generated here (no printf: it
 * cost more than coding the event). */
static void write_notes(coder *k, sr_event *e)
{
    const sr_kb *kb = k->kb;
    char buf[600];
    size_t n = 0, cap = sizeof buf;
    note_put(buf, cap, &n, e->sub_event_type);
    note_put(buf, cap, &n, ": ");
    note_put(buf, cap, &n, actor_name(kb, e->actor1));
    if (e->actor2 >= 0) {
        const char *rel = e->event_type && str_eq(e->event_type, "Strategic developments")
                              ? " with "
                              : " against ";
        note_put(buf, cap, &n, rel);
        note_put(buf, cap, &n, actor_name(kb, e->actor2));
    }
    if (e->where.location) {
        note_put(buf, cap, &n, " at ");
        note_put(buf, cap, &n, e->where.location);
    }
    /* the date as precise as the text gives it: "on 2020-06-24", "in
     * 2020-06", "in 2014" (never a made-up month or day) */
    if (e->time_precision != SR_PREC_NONE && e->date.year) {
        note_put(buf, cap, &n, e->date.month && e->date.day ? " on " : " in ");
        note_int(buf, cap, &n, e->date.year, 4);
        if (e->date.month) {
            note_put(buf, cap, &n, "-");
            note_int(buf, cap, &n, e->date.month, 2);
        }
        if (e->date.month && e->date.day) {
            note_put(buf, cap, &n, "-");
            note_int(buf, cap, &n, e->date.day, 2);
        }
    }
    if (e->fatalities) {
        note_put(buf, cap, &n, "; ");
        note_int(buf, cap, &n, e->fatalities, 0);
        note_put(buf, cap, &n, " reported killed");
    } else if (e->fatalities_vague)
        note_put(buf, cap, &n, "; deaths reported without a number");
    if (e->certainty != SR_CERT_REPORTED) {
        note_put(buf, cap, &n, " (");
        note_put(buf, cap, &n, sr_certainty_name(e->certainty));
        note_put(buf, cap, &n, ")");
    }
    if (e->claimed) {
        note_put(buf, cap, &n, "; responsibility claimed by ");
        note_put(buf, cap, &n, actor_name(kb, e->actor1));
    }
    if (e->suspect >= 0 && e->suspect != e->actor1 && e->suspect != e->actor2) {
        note_put(buf, cap, &n, "; suspected (blamed or accused): ");
        note_put(buf, cap, &n, actor_name(kb, e->suspect));
    }
    if (e->source && *e->source) {
        note_put(buf, cap, &n, "; per ");
        note_put(buf, cap, &n, e->source);
        note_put(buf, cap, &n, ".");
    } else
        note_put(buf, cap, &n, ".");
    e->notes = sr_arena_strndup(k->doc->arena, buf, n);
}

/* "A car bomb killed four in X. IS later claimed responsibility for the
 * bombing": a claim of responsibility (or "claimed the attack") names the
 * maker of the report's latest violent event whose maker is unknown, and
 * of its earlier tellings (ACLED codes the claimant; the notes say so).
 * A denial, blame or accusation names no one (issue 4). */
static void claim_maker(coder *k, const sent_view *sv, const sr_mention *h)
{
    const char *t = k->t;
    static const char *const resp[] = {"responsibility"};
    static const char *const deed[] = {"attack", "attacks", "bombing", "bombings", "blast",
                                       "blasts", "explosion", "explosions", "ambush", "assault",
                                       "killing", "killings", "assassination", "strike"};
    /* "claimed", "claims", "took responsibility"; not "blamed" or "the
     * claim of" */
    int resp_said = has_word(t, h->span.start, h->span.end, resp, 1);
    if (!resp_said &&
        (h->span.end - h->span.start < 6 || strncasecmp(t + h->span.start, "claim", 5) ||
         !(t[h->span.start + 5] == 'e' || t[h->span.start + 5] == 's')))
        return;
    size_t se = h->sentence < k->a->n_sentences ? k->a->sentences[h->sentence].end : h->span.end;
    size_t we = h->span.end + 48 < se ? h->span.end + 48 : se;
    /* the claimant: the nearest actor before the claim, or after "claimed
     * by" (whose subject is the deed: "the bombing was claimed by X") */
    int speaker = -1;
    size_t bs, be;
    next_word(t, h->span.end, se, &bs, &be);
    int by = lower_eq(t, bs, be, "by");
    if (!resp_said && !by && !has_word(t, h->span.end, we, deed, sizeof deed / sizeof *deed))
        return;
    for (size_t j = 0; j < sv->n; j++) {
        const sr_mention *x = &sv->m[j];
        if (x->kind != SR_MENTION_ACTOR || x->actor < 0)
            continue;
        if (!by && x->span.end <= h->span.start)
            speaker = x->actor;
        else if (by && x->span.start >= be && speaker < 0)
            speaker = x->actor;
    }
    if (!armed(k->kb, speaker) || speaker == k->unidentified)
        return;
    /* "no group has claimed", "has not claimed", "has yet to claim" */
    static const char *const none[] = {"no", "not", "nobody", "yet", "never", "none"};
    size_t ns = h->span.start > 24 ? h->span.start - 24 : 0;
    if (k->a->sentences && h->sentence < k->a->n_sentences &&
        ns < k->a->sentences[h->sentence].start)
        ns = k->a->sentences[h->sentence].start;
    if (has_word(t, ns, h->span.start, none, sizeof none / sizeof *none))
        return;
    /* the claim is of the latest violent event told in the last few
     * sentences; earlier tellings of it with no maker take the claimant
     * too */
    const char *sub = NULL;
    for (size_t e = k->out->n_events; e-- > 0;) {
        sr_event *x = &k->out->events[e];
        if (x->sentence > h->sentence || (!sub && x->sentence + 3 < h->sentence))
            return;
        if (!x->event_type || str_eq(x->event_type, "Strategic developments") ||
            str_eq(x->event_type, "Protests") || str_eq(x->event_type, "Riots"))
            continue;
        if (!sub &&
            (x->actor1 != k->unidentified || str_eq(x->sub_event_type, "Air/drone strike") ||
             str_eq(x->sub_event_type, "Chemical weapon")))
            return;
        if (x->actor1 != k->unidentified || (sub && !str_eq(sub, x->sub_event_type)))
            continue;
        sub = x->sub_event_type;
        x->actor1 = speaker;
        if (x->actor2 == speaker)
            x->actor2 = -1;
        x->claimed = 1;
        finish_actors(k, x);
    }
}

/* "Officials blamed X", "the army accused X": the accused is a suspect of
 * the report's latest violent event whose maker is unknown (told within
 * three sentences), named in its notes and never as a side (issue 4). */
static void note_suspect(coder *k, const sent_view *sv, const sr_mention *h)
{
    int target = -1;
    for (size_t j = 0; j < sv->n && target < 0; j++)
        if (sv->m[j].span.start >= h->span.end && usable_actor(k->kb, &sv->m[j]) &&
            armed(k->kb, sv->m[j].actor))
            target = sv->m[j].actor;
    if (target < 0)
        return;
    for (size_t e = k->out->n_events; e-- > 0;) {
        sr_event *x = &k->out->events[e];
        if (x->sentence > h->sentence)
            continue;
        if (x->sentence + 3 < h->sentence || !x->event_type ||
            str_eq(x->event_type, "Strategic developments") || str_eq(x->event_type, "Protests"))
            return;
        if (x->actor1 == k->unidentified && x->suspect < 0)
            x->suspect = target;
        return;
    }
}

/* Statements: "X accused Y of ...", "X denied ...". */
static void code_statements(coder *k, const sent_view *sv)
{
    const char *t = k->t;
    for (size_t i = 0; i < sv->n; i++) {
        const sr_mention *m = &sv->m[i];
        sr_statement_type type;
        /* "threatened to attack" is read as a negation of the attack */
        if (m->kind == SR_MENTION_NEGATION && m->span.end - m->span.start > 10 &&
            !strncasecmp(t + m->span.start, "threatened", 10))
            type = SR_STMT_THREATEN;
        else if (m->kind != SR_MENTION_HEDGE || !m->value)
            continue;
        else if (str_eq(m->value, "denied"))
            type = SR_STMT_DENY;
        else if (str_eq(m->value, "claimed"))
            type = !strncasecmp(t + m->span.start, "accus", 5) ? SR_STMT_ACCUSE : SR_STMT_CLAIM;
        else if (str_eq(m->value, "criticized"))
            type = SR_STMT_CRITICIZE;
        else if (str_eq(m->value, "threatened"))
            type = SR_STMT_THREATEN;
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
        if (type == SR_STMT_CLAIM)
            claim_maker(k, sv, m); /* also "claimed by X", with no speaker before */
        if ((type == SR_STMT_ACCUSE || type == SR_STMT_CLAIM) &&
            (!strncasecmp(t + m->span.start, "blam", 4) || !strncasecmp(t + m->span.start, "accus", 5)))
            note_suspect(k, sv, m);
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
    k.title_sentence = title_sentence(c, a);
    pthread_once(&vocab_once, vocab_build);
    report_countries(&k, a);
    for (size_t i = 0; i < a->n_mentions; i++) {
        const sr_mention *m = &a->mentions[i];
        if (k.doc_source_actor < 0 && m->kind == SR_MENTION_ACTOR && is_source_actor(kb, m->actor))
            k.doc_source_actor = m->actor;
        if (!k.doc_source && m->kind == SR_MENTION_SOURCE)
            k.doc_source = m->value;
    }
    sr_place_ref last_place;
    int have_last = 0;
    size_t i = 0, next_scan = 0;
    while (i < a->n_mentions) {
        size_t s = a->mentions[i].sentence, j = i;
        while (j < a->n_mentions && a->mentions[j].sentence == s)
            j++;
        sent_view sv = {a->mentions + i, j - i};
        sr_span sent = s < a->n_sentences ? a->sentences[s] : a->mentions[i].span;
        trim_furniture(k.t, &sv, &sent);
        k.sent_toll_given = 0;
        /* the sentence-wide facts serve its triggers only */
        for (size_t q = 0; q < sv.n; q++)
            if (sv.m[q].kind == SR_MENTION_TRIGGER) {
                sentence_facts_of(&k, &sv, sent);
                break;
            }
        size_t first_event = out->n_events;
        /* the search resumes where the last one stopped (sentences come in
         * order): a document without such a place is read once, not once
         * per sentence */
        if (next_scan < j)
            next_scan = j;
        if (!k.next_place || k.next_place < a->mentions + j) {
            k.next_place = NULL;
            for (; next_scan < a->n_mentions && !k.next_place; next_scan++)
                if (a->mentions[next_scan].kind == SR_MENTION_PLACE &&
                    home_place(&a->mentions[next_scan].where) &&
                    !named_person_at(k.t, a, next_scan))
                    k.next_place = &a->mentions[next_scan];
        }
        /* "If confirmed, it would be ...", "If genuine, ...": a sentence
         * opening on a condition tells a hypothesis, not an event */
        size_t ws, we;
        next_word(k.t, sent.start, sent.end, &ws, &we);
        int conditional = we - ws == 2 && !strncmp(k.t + ws, "If", 2);
        for (size_t q = 0; q < sv.n && !conditional; q++)
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
                             str_eq(o2->where.location, e->where.location)) ||
                            (!o2->where.location && !e->where.location);
                /* two readings of one happening share a side; two arrests of
                 * different people are two events */
                int same_type = str_eq(o2->sub_event_type, e->sub_event_type);
                /* "fired into the air and beat demonstrators ... and
                 * detained five": an arrest is an event of its own beside
                 * the force against a protest (ACLED), not another reading
                 * of it */
                int apart = (str_eq(o2->sub_event_type, "Arrests") &&
                             str_eq(e->event_type, "Protests")) ||
                            (str_eq(e->sub_event_type, "Arrests") &&
                             str_eq(o2->event_type, "Protests"));
                int clash_of_readings = !same_type && !apart &&
                                        (o2->actor1 == e->actor1 || o2->actor1 == e->actor2 ||
                                         o2->actor2 == e->actor1);
                /* the same kind of event at the same place told twice in one
                 * sentence ("Coalition Strikes ... bombing raids by the
                 * US-led coalition") is one event, unless they are two
                 * arrests of different people */
                int unknown = o2->actor1 == k.unidentified || e->actor1 == k.unidentified ||
                              o2->actor2 == e->actor2;
                int one_happening = same_type && !str_eq(e->sub_event_type, "Arrests") && unknown;
                /* "killed by sniper fire ... and mortar shells": direct fire
                 * and a shelling are two events */
                int two_means = ((o2->frame | e->frame) & SR_FRAME_DIRECT) &&
                                !str_eq(o2->event_type, e->event_type) &&
                                (str_eq(o2->event_type, "Explosions/Remote violence") ||
                                 str_eq(e->event_type, "Explosions/Remote violence"));
                if (place && !two_means &&
                    (clash_of_readings || one_happening || (same_type && same_actors(kb, o2, e))))
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
            /* "... fought X around the village of Y. At least 11 troops and
             * seven jihadists were killed.": a toll right after the event
             * it counts, which had none, is that event's */
            size_t prev = first_event;
            if (d && sv.n && first_event > 0 &&
                out->events[first_event - 1].sentence + 1 == sv.m[0].sentence &&
                !out->events[first_event - 1].historical) {
                while (prev > 0 && out->events[prev - 1].sentence == out->events[first_event - 1].sentence)
                    prev--;
                for (size_t q = prev; q < first_event; q++)
                    if (out->events[q].fatalities)
                        prev = first_event;
            }
            if (d && prev < first_event) {
                out->events[prev].fatalities = d;
                k.toll_given = 1;
            } else if (d && !k.pending_toll && first_event == 0)
                /* only before the first event (a headline's or lede's
                 * toll): once events are told, a toll nobody claims is no
                 * later event's ("nine people were killed in the
                 * operation. In a separate operation, a US strike ...") */
                k.pending_toll = d;
        } else if (k.pending_toll && !k.toll_given) {
            out->events[first_event].fatalities = k.pending_toll;
            k.toll_given = 1;
        }
        if (out->n_events == first_event && first_event > 0 && sv.n)
            hedge_told_after(&k, &sv, first_event);
        code_statements(&k, &sv);
        k.carried = SR_CERT_REPORTED;
        for (size_t q = 0; q < sv.n; q++)
            if (sv.m[q].kind == SR_MENTION_HEDGE && sv.m[q].value &&
                str_eq(sv.m[q].value, "unconfirmed"))
                k.carried = SR_CERT_UNCONFIRMED;
        k.have_prev_place = 0;
        int day_seen = 0; /* a day told earlier in this sentence */
        int since_here = -1; /* does "since" occur in it (looked for once) */
        for (size_t q = 0; q < sv.n; q++) {
            const sr_mention *m = &sv.m[q];
            if (m->kind == SR_MENTION_PLACE && home_place(&m->where) &&
                !state_metonym(k.t, sent, &sv, q) && !recalled_scene(k.t, sent, m) &&
                !person_name_part(k.t, sent, &sv, m) && !dateline_city(k.t, sent, m)) {
                if (!k.have_prev_place) {
                    k.prev_first_place = m->where;
                    k.have_prev_place = 1;
                }
                last_place = m->where;
                have_last = 1;
            }
            if (m->kind == SR_MENTION_DATE && m->timex.precision == SR_PREC_DAY &&
                m->timex.date.year &&
                !date_of_other(k.t, sent.end, m, since_in(k.t, sent, &since_here)) &&
                !(day_seen && tells_other_day(k.t, m)) &&
                !(a->anchor.year && days_of(m->timex.date) > days_of(a->anchor)) &&
                !(a->anchor.year &&
                  days_of(a->anchor) - days_of(m->timex.date) > HISTORICAL_DAYS)) {
                k.last_date = m->timex.date;
                k.last_prec = m->timex.precision;
            }
            day_seen |= m->kind == SR_MENTION_DATE && m->timex.precision == SR_PREC_DAY;
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
    /* "the Syrian regime shelled ...": a state using force at home acts
     * through its forces (ACLED: "Military Forces of X", inter 1); a
     * foreign government named for a strike stays as named.  Done after
     * the merges, which match tellings by the actor as told. */
    for (size_t e = 0; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        int a1 = x->actor1;
        /* "government security forces detained 15 men": a state arrests
         * through its police and security forces (ACLED: Police Forces) */
        if (a1 >= 0 && str_eq(x->sub_event_type, "Arrests") &&
            kb->actors[a1].kind == SR_ACTOR_GOVERNMENT && !strncmp(kb->actors[a1].id, "GOV_", 4)) {
            state_acts_through(&k, x, "POL");
            continue;
        }
        if (a1 < 0 || !x->event_type || str_eq(x->event_type, "Strategic developments") ||
            str_eq(x->event_type, "Protests") || str_eq(x->event_type, "Riots") ||
            kb->actors[a1].kind != SR_ACTOR_GOVERNMENT || kb->actors[a1].inter != 1 ||
            strncmp(kb->actors[a1].id, "GOV_", 4))
            continue;
        state_acts_through(&k, x, "MIL");
    }
    /* "a blast at a Syria-Turkey border crossing", "despite Damascus's
     * promise", "Russia regime strikes": a government named in a report
     * of violence is a place, a speaker or a maker's ally far more often
     * than its target, and ACLED codes the targets of violence by their
     * armed forces, police or civilians, not the government as such */
    for (size_t e = 0; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        if (x->actor2 < 0 || kb->actors[x->actor2].kind != SR_ACTOR_GOVERNMENT || !x->event_type ||
            (!str_eq(x->event_type, "Battles") &&
             !str_eq(x->event_type, "Explosions/Remote violence") &&
             !str_eq(x->event_type, "Violence against civilians")))
            continue;
        x->actor2 = -1;
        finish_actors(&k, x);
    }
    /* "Police cornered an attacker who blew himself up": a state's
     * forces, police or government are the target of a suicide bombing,
     * never its maker (no state sends suicide bombers).  After the
     * merges, which may bring such a side from another telling. */
    for (size_t e = 0; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        if (!str_eq(x->sub_event_type, "Suicide bomb") || x->actor1 < 0)
            continue;
        sr_actor_kind kd = kb->actors[x->actor1].kind;
        if (kd != SR_ACTOR_STATE_FORCE && kd != SR_ACTOR_POLICE && kd != SR_ACTOR_GOVERNMENT)
            continue;
        if (x->actor2 < 0) {
            x->actor2 = x->actor1;
            x->n_assoc2 = 0;
        }
        x->actor1 = k.unidentified;
        x->n_assoc1 = 0;
        finish_actors(&k, x);
    }
    /* "Government air strikes killed 44 ... Elsewhere, strikes on Douma
     * killed ten": wire copy names the air force once, then lists the
     * raids.  An air strike left unidentified is the maker's when every
     * other air strike the report dates to the same day (or the day next
     * to it) has that one maker, a state's forces or a coalition:
     * only they fly.  After the merges, so that a retelling still merges
     * by its maker. */
    for (size_t e = 0; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        if (!str_eq(x->sub_event_type, "Air/drone strike") || x->historical ||
            x->actor1 != k.unidentified)
            continue;
        /* "an unidentified drone", "jets believed to be Russian": the
         * text says the maker is unknown or in doubt */
        static const char *const unknown[] = {"unidentified", "unknown",  "unclaimed",
                                              "believed",     "suspected", "presumed"};
        int said = 0;
        for (size_t q = 0; q < x->n_evidence && !said; q++)
            said = has_word(k.t, x->evidence[q].start, x->evidence[q].end, unknown,
                            sizeof unknown / sizeof *unknown);
        int maker = -1;
        for (size_t f = 0; f < out->n_events && !said && maker != -2; f++) {
            const sr_event *y = &out->events[f];
            if (!str_eq(y->sub_event_type, "Air/drone strike") || y->historical || y->actor1 < 0 ||
                y->actor1 == k.unidentified || !y->date_in_text ||
                labs(days_of(x->date) - days_of(y->date)) > 1)
                continue;
            sr_actor_kind kd = kb->actors[y->actor1].kind;
            maker = (kd == SR_ACTOR_STATE_FORCE || kd == SR_ACTOR_COALITION) &&
                            (maker == -1 || maker == y->actor1)
                        ? y->actor1
                        : -2;
        }
        /* a telling that names another state ("Russian bombers struck
         * ... the Syrian army said") is no list item of the named raids
         * (one pass over the mentions, for the few such events) */
        for (size_t m = 0; m < a->n_mentions && maker >= 0; m++) {
            const sr_mention *mm = &a->mentions[m];
            if (mm->kind != SR_MENTION_ACTOR || mm->actor < 0)
                continue;
            sr_actor_kind kd = kb->actors[mm->actor].kind;
            if ((kd != SR_ACTOR_STATE_FORCE && kd != SR_ACTOR_GOVERNMENT) ||
                str_eq(kb->actors[mm->actor].country, kb->actors[maker].country))
                continue;
            for (size_t q = 0; q < x->n_evidence; q++)
                if (mm->span.start >= x->evidence[q].start && mm->span.end <= x->evidence[q].end)
                    maker = -2;
        }
        if (maker >= 0 && maker != x->actor2) {
            x->actor1 = maker;
            x->n_assoc1 = 0;
            finish_actors(&k, x);
        }
    }
    /* "IS stormed the village ... troops retook the village": ground
     * taken back is taken from the side that took it earlier in the
     * report */
    for (size_t e = 1; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        if (!is_territory(x->sub_event_type) || x->actor2 >= 0 || x->actor1 < 0 ||
            !x->where.location)
            continue;
        for (size_t f = e; f-- > 0;) {
            const sr_event *y = &out->events[f];
            if (is_territory(y->sub_event_type) && y->actor1 >= 0 && y->actor1 != x->actor1 &&
                y->actor1 != k.unidentified && !y->historical && y->where.location &&
                !strcmp(y->where.location, x->where.location)) {
                x->actor2 = y->actor1;
                finish_actors(&k, x);
                break;
            }
        }
    }
    /* "Fighters captured the town ... Government troops pulled out of the
     * town": the withdrawal is the other side of the takeover, whose loser
     * it names */
    {
        size_t w = 0;
        for (size_t e = 0; e < out->n_events; e++) {
            sr_event *x = &out->events[e];
            size_t f = out->n_events;
            if (str_eq(x->sub_event_type, "Non-violent transfer of territory") && x->actor1 >= 0 &&
                x->where.location && !x->historical)
                for (f = 0; f < out->n_events; f++) {
                    const sr_event *y = &out->events[f];
                    if (is_territory(y->sub_event_type) && y->actor1 >= 0 &&
                        y->actor1 != x->actor1 && y->where.location && !y->historical &&
                        str_eq(y->where.location, x->where.location) &&
                        days_of(y->date) == days_of(x->date))
                        break;
                }
            if (f < out->n_events && f != e) {
                sr_event *y = &out->events[f];
                if (y->actor2 < 0) {
                    y->actor2 = x->actor1;
                    finish_actors(&k, y);
                }
                for (size_t q = 0; q < x->n_evidence; q++)
                    add_evidence(y, x->evidence[q]);
                continue;
            }
            out->events[w++] = *x;
        }
        out->n_events = w;
    }
    /* "militants stormed the village, killing dozens of residents": the
     * ground taken and the killing of its people are two events (ACLED:
     * the takeover, and an attack on civilians with the toll) */
    for (size_t e = 0, n0 = out->n_events; e < n0; e++) {
        if (!is_territory(out->events[e].sub_event_type) || out->events[e].actor2 < 0 ||
            kb->actors[out->events[e].actor2].kind != SR_ACTOR_CIVILIANS ||
            out->events[e].actor1 < 0 || out->events[e].actor1 == k.unidentified)
            continue;
        sr_event *at = new_event(&k);
        if (!at)
            break;
        sr_event *x = &out->events[e]; /* new_event may move the array */
        *at = *x;
        at->sub_event_type = "Attack";
        at->event_type = sr_acled_event_type("Attack");
        at->primary = 0;
        x->actor2 = -1;
        x->n_assoc2 = 0;
        x->fatalities = 0;
        finish_actors(&k, x);
        finish_actors(&k, at);
    }
    /* civilians are those of the country the event is in ("Turkey's
     * ministry denied ..." names no Turkish victims of a strike in Syria) */
    for (size_t e = 0; e < out->n_events; e++) {
        sr_event *x = &out->events[e];
        if (x->actor2 < 0 || !x->where.country || strlen(x->where.country) != 2 ||
            kb->actors[x->actor2].kind != SR_ACTOR_CIVILIANS ||
            strncmp(kb->actors[x->actor2].id, "CIV_", 4) ||
            !strcmp(kb->actors[x->actor2].id + 4, x->where.country))
            continue;
        char civ[16];
        snprintf(civ, sizeof civ, "CIV_%s", x->where.country);
        int ca = sr_kb_actor_find(kb, civ);
        x->actor2 = ca >= 0 ? ca : sr_kb_actor_find(kb, "CIVILIANS");
        finish_actors(&k, x);
    }
    crowd_met_with_force(&k);
    collapse_twins(&k);
    for (size_t e = 0; e < out->n_events; e++)
        write_notes(&k, &out->events[e]);
    return SR_OK;
}
