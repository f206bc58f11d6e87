/* test_code.c - the event coder on short reports of our own writing. */
#include "test_util.h"

#include "sitrep/code.h"

static sr_kb *kb;
static int setup(void **state)
{
    char err[512];
    sr_kb_options o = {.data_dir = "data", .cache_dir = ""};
    if (sr_kb_load(&kb, &o, err, sizeof err) != SR_OK) {
        fprintf(stderr, "kb: %s\n", err);
        return -1;
    }
    return 0;
}
static int teardown(void **state)
{
    sr_kb_free(kb);
    return 0;
}

typedef struct ev {
    char sub[64], a1[96], a2[96], loc[64], date[16], cert[16];
    long long dead;
    int hist;
} ev;

static size_t code(const char *text, const char *published, ev *out, size_t max, size_t *n_stmt)
{
    sr_doc d;
    sr_doc_init(&d, NULL);
    d.id = "t";
    d.published = published;
    sr_doc_set_body(&d, text, strlen(text));
    sr_cleaned c;
    assert_int_equal(sr_clean(&d, &c), SR_OK);
    sr_annotator *an;
    assert_int_equal(sr_annotator_new(&an, kb), SR_OK);
    sr_annotation a;
    assert_int_equal(sr_annotate(an, &d, &c, &a), SR_OK);
    sr_coding k;
    assert_int_equal(sr_code(kb, &d, &c, &a, &k), SR_OK);
    size_t n = 0;
    for (size_t i = 0; i < k.n_events && n < max; i++, n++) {
        const sr_event *e = &k.events[i];
        ev *o = &out[n];
        memset(o, 0, sizeof *o);
        snprintf(o->sub, sizeof o->sub, "%s", e->sub_event_type);
        snprintf(o->a1, sizeof o->a1, "%s", e->actor1 >= 0 ? sr_kb_actor(kb, (size_t)e->actor1)->name : "");
        snprintf(o->a2, sizeof o->a2, "%s", e->actor2 >= 0 ? sr_kb_actor(kb, (size_t)e->actor2)->name : "");
        snprintf(o->loc, sizeof o->loc, "%s", e->where.location ? e->where.location : "");
        if (e->date.year)
            snprintf(o->date, sizeof o->date, "%04d-%02d-%02d", e->date.year, e->date.month, e->date.day);
        snprintf(o->cert, sizeof o->cert, "%s", sr_certainty_name(e->certainty));
        o->dead = e->fatalities;
        o->hist = e->historical;
    }
    if (n_stmt)
        *n_stmt = k.n_statements;
    sr_annotator_free(an);
    sr_doc_free(&d);
    return n;
}

#define TITLE "Fighting In The North Of The Country\n\n"

static void passive_and_places(void **state)
{
    ev e[8];
    size_t n = code(TITLE "On Monday, the village of Mizanaz and the town of Atarib were shelled by "
                          "Hay'at Tahrir al-Sham, local sources said.\n",
                    "2019-01-08", e, 8, NULL);
    assert_int_equal(n, 2); /* one event per place */
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(e[i].sub, "Shelling/artillery/missile attack");
        assert_string_equal(e[i].a1, "Hay'at Tahrir al-Sham"); /* passive: "by X" */
        assert_string_equal(e[i].date, "2019-01-07");
    }
}

static void territory_and_toll(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Hay'at Tahrir al-Sham fighters stormed the town of Atarib on Sunday after "
                          "clashes with the Nour al-Din al-Zenki Movement. According to the SOHR, six "
                          "militants and three civilians have been killed in the clashes so far, and "
                          "more than 400 militants withdrew.\n",
                    "2019-01-07", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");
    assert_string_equal(e[0].a2, "Nour al-Din al-Zenki Movement");
    assert_string_equal(e[0].loc, "Atarib");
    long long total = 0;
    for (size_t i = 0; i < n; i++)
        total += e[i].dead;
    assert_int_equal(total, 9); /* once, not per event; 400 withdrew is no toll */
}

static void discipline(void **state)
{
    ev e[8];
    size_t stmts = 0;
    size_t n = code(TITLE "The Nour al-Din al-Zenki Movement accused Hay'at Tahrir al-Sham of "
                          "shelling the town of Atarib. HTS did not attack Mizanaz. Another 100 "
                          "militants are expected to withdraw from the town of Atarib.\n",
                    "2019-01-07", e, 8, &stmts);
    assert_true(stmts >= 1); /* the accusation is a statement */
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].sub, "Shelling/artillery/missile attack");
        assert_string_not_equal(e[i].sub, "Armed clash");
        if (!strcmp(e[i].sub, "Non-violent transfer of territory"))
            assert_string_equal(e[i].cert, "expected");
    }
}

static void history_and_hedges(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Pro-government sources are spreading rumours about a raid. Allegedly, "
                          "Russian special forces raided a position of Suqur al-Sham near Binnish.\n\n"
                          "On 19 July 2016, Zenki fighters beheaded a boy in Aleppo.\n",
                    "2020-06-25", e, 8, NULL);
    int hedged = 0, historical = 0;
    for (size_t i = 0; i < n; i++) {
        hedged |= !strcmp(e[i].cert, "unconfirmed");
        if (e[i].hist) {
            historical = 1;
            assert_string_equal(e[i].date, "2016-07-19");
            assert_string_equal(e[i].sub, "Attack");
        }
    }
    assert_true(hedged);
    assert_true(historical);
}

/* Wire shapes: a retelling without the maker, an event noun as killer, a
 * clash and the ground taken in it, a lede without a date. */
static void retellings_merge(void **state)
{
    ev e[8];
    size_t n =
        code(TITLE "Jaysh al-Islam fighters shelled the town of Harasta on Monday, wounding "
                   "four residents. Several mortar shells also landed near the main market.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* the second sentence names no maker: same shelling */
    assert_string_equal(e[0].a1, "Jaysh al-Islam");

    n = code(TITLE "The explosion that tore through a meeting of Ahrar al-Sham commanders in Idlib "
                   "on Tuesday killed 12.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* the blast killed them: no second "killing" event */
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    assert_int_equal(e[0].dead, 12);

    n = code(TITLE "Islamic State fighters clashed with government troops in the village of Jubb "
                   "al-Jarrah on Thursday. Later, Islamic State fighters captured the village of "
                   "Jubb al-Jarrah.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");

    n = code(TITLE
             "A family of five was killed in a suspected chlorine attack in Aleppo. On Sunday, "
             "it is claimed, a helicopter dropped chlorine on the Sakhour district of Aleppo.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* an impersonal claim hedges the event */
    assert_string_equal(e[0].sub, "Chemical weapon");
    assert_string_equal(e[0].date, "2016-11-20"); /* the body's date beats the lede's */
    assert_string_equal(e[0].cert, "claimed");
}

/* Places that only locate others, road names, page furniture. */
static void locators_and_furniture(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Islamic State fighters attacked the village of Jubb al-Jarrah, 20 "
                          "kilometres east of the town of Salamiyah, on Monday.\n",
                    "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Jubb al-Jarrah");

    n = code(TITLE "Government troops clashed with Islamic State fighters near the village of "
                   "Sukhnah along the Palmyra-Deir ez-Zor highway.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* the road's two ends are not where it happened */
    assert_string_equal(e[0].loc, "Al Sukhnah");

    n = code(TITLE "Tags Aleppo Russia airstrikes Syria Two civilians were killed in an air strike "
                   "on the town of Atarib on Tuesday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Unidentified Armed Group"); /* not "Russia" from the tags */
    assert_string_equal(e[0].loc, "Atarib");

    n = code(TITLE "Rebels shelled a checkpoint in the town of Azaz on Monday. Related Army Says "
                   "It Shot Down Two Drones Over Hama Airstrikes Hit Market In Idlib Town\n",
             "2016-11-22", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Air/drone strike");
}

/* Recaps, habits and hypotheses are not events; counts and direct fire. */
static void recaps_and_counts(void **state)
{
    ev e[8];
    size_t n = code(TITLE "After three years of bombardment the town of Douma is in ruins. The "
                          "town is regularly shelled by government forces. Officials fear a new "
                          "offensive could displace thousands.\n",
                    "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0);

    n = code(TITLE "A bomb blast in a bus killed six people and injured another ten in the town "
                   "of Azaz.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 6); /* only the killed count */

    n = code(TITLE "Three children were among at least 19 civilians killed in an air raid on a "
                   "village held by the Islamic State group near Manbij.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 19);
    assert_string_equal(e[0].a1, "Unidentified Armed Group"); /* the holder is no killer */

    n = code(TITLE
             "Earlier this week an air strike hit the town of Saraqib, killing three people.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* "this week a strike" is a new strike, not "this strike" */

    n = code(TITLE "A man was killed by sniper fire of Jabhat al-Nusra militants who also targeted "
                   "the town of Hadar with mortar shells.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 2); /* sniper fire and a shelling: two means, two events */
    int attack = 0, shelling = 0;
    for (size_t i = 0; i < n; i++) {
        attack |= !strcmp(e[i].sub, "Attack");
        shelling |= !strcmp(e[i].sub, "Shelling/artillery/missile attack");
    }
    assert_true(attack && shelling);
}

/* Holders, conditions, possessive references, headline tolls. */
static void holders_and_conditions(void **state)
{
    ev e[8];
    size_t n =
        code(TITLE "An air raid hit a village held by the Islamic State group near Manbij on "
                   "Wednesday, killing five civilians.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians"); /* the holder is not the target */

    n = code(TITLE
             "If confirmed, the air strike on the town of Saraqib would be the deadliest this "
             "year.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0);

    n = code(TITLE "Hay'at Tahrir al-Sham fighters attacked the town of Atarib on Monday. Hay'at "
                   "Tahrir al-Sham's attack was an example of its growing reach.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* "X's attack" points back */

    n = code(TITLE "Islamic State fighters gathered near the border. US-led air strikes killed at "
                   "least 20 Islamic State fighters near the town of al-Shadadi on Thursday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "US-led Coalition"); /* "X-led" names the maker */
    assert_string_equal(e[0].a2, "Islamic State");

    n = code(TITLE "A source at the Damascus Police Command said that terrorists targeted the town "
                   "of Jaramana with mortar shells on Monday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* the speaker is not the maker */
    assert_string_equal(e[0].a1, "Unidentified Armed Group");

    n = code(TITLE "The Syrian government said 30 soldiers killed in clashes near the town of Atarib "
                   "were buried on Monday.\n",
             "2016-11-22", e, 8, NULL);
    for (size_t i = 0; i < n; i++) /* "soldiers killed in": no killer named */
        assert_string_not_equal(e[i].sub, "Attack");

    n = code(TITLE "Gunmen targeted the Bab Touma neighborhood of Damascus with mortar shells on "
                   "Monday, killing a woman and a child.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Unidentified Armed Group"); /* "of Damascus": a place */
    assert_int_equal(e[0].dead, 2);                           /* one each, no number */

    n = code(TITLE "Another woman was killed in a sniper attack by Jabhat al-Nusra in the town of "
                   "Hadar on Monday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Attack");
    assert_int_equal(e[0].dead, 1);

    n = code(TITLE "Syrian air force jets pounded an Islamic State stronghold in the town of Raqqa "
                   "on Sunday, killing at least 19 militants.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike"); /* a killing by aircraft */

    n = code(TITLE "Three suicide bombers killed at least two people near the police headquarters "
                   "in Damascus on Wednesday. Jabhat al-Nusra vowed revenge for the air strike on "
                   "the town of Khan Sheikhoun.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Suicide bomb");

    n = code(TITLE "The Syrian regime shelled the town of Douma on Monday.\n", "2016-11-22", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria"); /* a state's force at home */

    n = code(TITLE "Jets of the Syrian regime attacked villages in Idlib province with chemical "
                   "weapons on Tuesday, killing at least 70 people. Syrian air force raids left 15 "
                   "people dead in the east of Aleppo city on Monday. Dozens of trucks carrying aid "
                   "entered the town of Douma on Monday as part of a United Nations convoy.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 2); /* aid entering a town takes no ground */
    assert_string_equal(e[0].sub, "Chemical weapon");  /* by its means */
    assert_string_equal(e[1].sub, "Air/drone strike"); /* "air force raids" */

    n = code(TITLE "Mortar fire kills 3 wounds 14 in the town of Jaramana\n", "2016-11-22", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 3);

    n = code(TITLE "Government troops clashed with Jaysh al-Islam fighters in the town of Harasta "
                   "on Monday. Jaysh al-Islam fighters later seized the town of Harasta.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");
    assert_string_equal(e[0].a1, "Jaysh al-Islam");

    n = code(TITLE "Rebels shelled a checkpoint in the town of Azaz on Monday. Related News Air "
                   "strike kills nine in Idlib market and rebels say they shot down a drone\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
}

/* Tolls: the headline's bare count, ranges, running totals, the living. */
static void tolls(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Car bomb kills 15 in Homs. At least 15 people were killed and 12 others "
                          "wounded in a car bomb blast in the city of Homs on Thursday.\n",
                    "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 15); /* one toll told twice */

    n = code(TITLE "The opposition said a chemical attack on the town of Zamalka killed between "
                   "1000 and 1800 people on Wednesday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 1000); /* the lower bound */

    n = code(TITLE "An air strike killed 18 civilians in the town of Saraqib on Saturday. Earlier "
                   "this week a chemical attack on the town of Khan Sheikhoun killed at least 80 "
                   "civilians.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 2);
    assert_int_equal(e[0].dead + e[1].dead, 98); /* each event its own toll */

    n = code(TITLE "The monitor has documented the killing of 5800 civilians in air raids on the "
                   "province.\n",
             "2016-11-22", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(e[i].dead, 0); /* a documented total is no toll */

    n = code(TITLE "Air strikes killed 12 people in Raqqa on Monday, where 8000 people remain "
                   "trapped.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 12);

    n = code(TITLE "The United Nations says the war has killed more than 250000 people.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0); /* a running total is no event */

    n = code(TITLE "More than 200 civilians have been killed in air strikes on the city of Aleppo "
                   "since April. The group emerged from a war that has killed thousands.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0);

    n = code(TITLE "Hay'at Tahrir al-Sham and the Nour al-Din al-Zenki Movement have fought "
                   "around the town of Atarib since Monday, leaving 20 fighters dead.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* "since Monday": this week's battle, still coded */

    n = code(TITLE "At least 127 people have been killed by air strikes on the town of Douma since "
                   "the army began an offensive two weeks ago.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0);

    n = code(TITLE "Syria has been mired in civil war since 2011 with government forces fighting "
                   "numerous opposition factions.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0);

    n = code(TITLE "The Syrian Democratic Forces began an assault on Manbij in late May and entered "
                   "the town on June 23.\n",
             "2016-08-01", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].date, "2016-06-23"); /* the day of its own clause */

    n = code(TITLE "Government bombardment of the town of Douma in the last two weeks has killed "
                   "more than 100 people.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 0); /* a total over weeks */

    n = code(TITLE "Air strikes on the town of Talbiseh have killed nearly 50 people over the past "
                   "two days.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* two days of strikes are still the news */

    n = code(TITLE "Jaysh al-Islam shot down a helicopter near the town of Saraqib on Monday, the "
                   "biggest loss for the air force since the year began.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* "since" compares here, it does not add up */

    n = code(TITLE "Seventeen factions agreed to form an operations room aimed at fighting "
                   "Islamic State militants near the town of Azaz.\n",
             "2016-11-22", e, 8, NULL);
    for (size_t i = 0; i < n; i++) /* a purpose is not a deed */
        assert_string_not_equal(e[i].sub, "Armed clash");

    n = code(TITLE "BEIRUT Five people were killed in rebel shelling of the Sheikh Maqsoud "
                   "district of Aleppo on Saturday.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1); /* the dateline city is where it was filed */
    assert_string_equal(e[0].loc, "Sheikh Maqsoud");
    assert_string_equal(e[0].a2, "");

    n = code(TITLE "Islamic State fighters launched a counteroffensive near the town of Tabqa on "
                   "Monday, killing 40 government forces.\n",
             "2016-11-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash"); /* forces are armed: a clash */
    assert_int_equal(e[0].dead, 40);
}

/* sides: a group named as the parent or sponsor of another is no side;
 * a country after a place qualifies it; state weapons name state forces */
static void sides(void **state)
{
    ev e[8];
    size_t n = code(TITLE "On Tuesday, an al-Qaeda offshoot attacked a checkpoint of the Syrian "
                          "army near the town of Atarib.\n",
                    "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].a1, "al-Qaeda");
        assert_string_not_equal(e[i].a2, "al-Qaeda");
    }
    n = code(TITLE "Gunmen loyal to the Turkish government shelled the town of Atarib on "
                   "Tuesday.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].a1, "Military Forces of Turkey");
    n = code(TITLE "On Tuesday, air strikes hit a market in Atarib, Syria, killing four "
                   "civilians.\n",
             "2019-01-09", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_not_equal(e[0].a2, "Government of Syria");
    n = code(TITLE "On Tuesday, regime helicopters dropped barrel bombs on the town of "
                   "Atarib.\n",
             "2019-01-09", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    n = code(TITLE "On Tuesday, Turkey shelling hit a school in the town of Atarib west of the "
                   "Turkish capital Ankara, killing two civilians.\n",
             "2019-01-09", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a1, "Military Forces of Turkey"); /* the state's weapon */
    assert_string_not_equal(e[0].a2, "Government of Turkey");   /* "capital Ankara" is a place */
    n = code(TITLE "On Tuesday, Syrian refugees were killed when a shell hit their camp in "
                   "Atarib.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].a1, "Military Forces of Syria");
}

/* a condemnation is a statement; a campaign or trend is no single event */
static void statements_and_trends(void **state)
{
    ev e[8];
    size_t stmts = 0;
    size_t n = code(TITLE "On Tuesday, the opposition Syrian National Coalition condemned the "
                          "shelling of the town of Atarib by Hay'at Tahrir al-Sham.\n",
                    "2019-01-09", e, 8, &stmts);
    assert_true(stmts >= 1);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Shelling/artillery/missile attack");
    n = code(TITLE "The Turkish army has stepped up its shelling of villages around Afrin, "
                   "residents say.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 0);
}

/* A town abroad that the report never places in its country is a
 * namesake, not the scene; a country the report names keeps its towns. */
static void namesakes_abroad(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Rebel shells hit the Bab al-Nasr area of Aleppo on Monday, killing two "
                          "people. Government forces shelled Anadan in the Aleppo countryside.\n",
                    "2016-10-20", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].loc, "An Na\xc5\x9fr");
    assert_int_equal(n, 2);
    n = code(TITLE "Air strikes hit Mosul in Iraq on Monday, killing two people.\n", "2016-10-20",
             e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mosul");
}

/* A claim or denial marks the events of its own clause, not an event told
 * in another clause of the sentence. */
static void hedge_scope(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Fighting erupted on Monday between Jaish al-Izza and Hayat Tahrir al-Sham "
                          "near Morek, after the first group accused the second of seizing its "
                          "weapons depot.\n",
                    "2019-03-06", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Armed clash");
    assert_string_equal(e[0].cert, "reported");
    n = code(TITLE "Jaish al-Izza accused Hayat Tahrir al-Sham of shelling Morek on Monday.\n",
             "2019-03-06", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].cert, "reported");
}

/* The means names the type: a suicide bombing or a planted device told
 * with the word "attack" is still a bombing (ACLED codes by the means). */
static void means_name_the_type(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "A double suicide bomb attack at a police post in Homs killed nine "
                          "people on Monday.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Suicide bomb");
    assert_string_equal(e[0].a1, "Unidentified Armed Group");
    n = code(TITLE "An explosive device went off beside a bakery in Hama on Monday, killing two "
                   "men.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    /* no state sends suicide bombers: its police are the target */
    n = code(TITLE "Police cornered a man near a mosque in Hama on Monday who then blew himself "
                   "up.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Suicide bomb");
    assert_string_not_equal(e[0].a1, "Police Forces of Syria");
}

/* Who did what to whom: the one actor named as the object of an attack
 * stays its target, a claimant is the maker, a place's holder and the
 * subject of a "while" clause are no target. */
static void objects_and_claimants(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Unknown fighters attacked a checkpoint of the army near Saraqib on "
                          "Monday.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash");
    assert_string_equal(e[0].a1, "Unidentified Armed Group");
    assert_string_equal(e[0].a2, "Military Forces of Syria");
    n = code(TITLE "Two suicide bombers struck a bus station in Homs on Monday, killing 12 "
                   "people, in an attack claimed by the Islamic State group.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Islamic State");
    assert_string_not_equal(e[0].a2, "Islamic State");
    n = code(TITLE "Islamic State fighters attacked the town of Manbij, which is controlled by "
                   "the Kurdish-led SDF alliance, on Monday.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Islamic State");
    assert_string_equal(e[0].a2, "");
    n = code(TITLE "Government forces shelled the town of Atarib on Monday, while rebels "
                   "reportedly raided a checkpoint near Saraqib.\n",
             "2017-04-04", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    assert_string_equal(e[0].a2, "");
    /* the hedge adverb belongs to the raid's clause, not the shelling's */
    assert_string_equal(e[0].cert, "reported");
    /* "Syrian government air strikes" names the maker even when the only
     * place of the sentence is a city abroad */
    n = code(TITLE "Writing from Beirut, a monitor said Syrian government air strikes killed ten "
                   "people across the country on Monday.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
}

/* Wire copy names the air force once and then lists the raids: an air
 * strike told without a maker is the one maker's of that day, unless the
 * text calls it unidentified. */
static void air_maker_carried(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Government air strikes killed 20 people in Saraqib on Monday. "
                          "Elsewhere, air strikes on Douma killed four civilians. An unidentified "
                          "drone struck a car near Tall Rifat in the Aleppo countryside.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 3);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    assert_string_equal(e[1].loc, "Douma");
    assert_string_equal(e[1].a1, "Military Forces of Syria");
    assert_string_equal(e[2].a1, "Unidentified Armed Group");
}

/* Backstory and handed-over arms are no events: a past-perfect relative
 * clause ("who had defected") describes a person, and weapons changing
 * hands are not ground changing hands. */
static void backstory_and_arms(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Seven people were killed in an air strike on Kafr Nabl on Monday, among "
                          "them a former police officer who had defected to the rebels. The "
                          "village, which had been shelled many times, lies south of Idlib.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    n = code(TITLE "Under the deal the rebels in Madaya handed over their heavy weapons to the "
                   "army on Monday.\n",
             "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 0);
}

/* A summary lede listing bombs and shells over several cities: "explosive
 * device" names no means of its own there, so each city takes the means
 * its own report gives, and the toll of the more specific telling. */
static void summary_lede_means(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Citizens were hurt in terrorist attacks with explosive devices and rocket "
                          "shells in Aleppo and Hama on Friday. Two people were killed on Friday in "
                          "a rocket attack on the al-Midan neighbourhood of Aleppo city. An explosive "
                          "device planted on a farm road near Salamiyah in the Hama countryside went "
                          "off on Friday.\n",
                    "2016-11-26", e, 8, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    assert_int_equal(e[0].dead, 2);
    assert_string_equal(e[1].sub, "Remote explosive/landmine/IED");
}

/* Words of a trigger that tell no event of the report: a side's cause
 * ("fighting to topple", "fighting for X" with X a side), a modifier
 * ("attack drones"), an event named as a point in time ("since sarin
 * killed ..."); and a commander killed is an armed victim. */
static void no_event_words(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Rebels fighting to topple the government lost ground near Hama on "
                          "Friday. Militiamen fighting for Hezbollah were seen near Qusayr. "
                          "Hezbollah attack drones were seen over Qusayr on Friday. It was the "
                          "deadliest raid on the town since sarin killed dozens of civilians in "
                          "Ghouta.\n",
                    "2016-11-26", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Government forces and Jaish al-Izza were fighting for the town of Morek on "
                   "Friday.\n",
             "2016-11-26", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash");
    n = code(TITLE "The army killed two commanders near Douma on Friday.\n", "2016-11-26", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash");
}

/* The agent of a "when" clause after the victims, a government named as
 * a place, and a perfect relative clause ("which has seized ..."). */
static void clause_agents(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Twelve civilians were killed on Monday when Russian jets raided the "
                          "village of Kafr Nabl. A car bomb exploded at a Syria-Turkey border "
                          "crossing near Azaz on Monday, killing five people. Islamic State, which "
                          "has seized large areas of the east, shelled Deir ez-Zor on Monday.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 3);
    assert_string_equal(e[0].sub, "Air/drone strike");
    assert_string_equal(e[0].a1, "Military Forces of Russia");
    assert_string_equal(e[0].a2, "Civilians");
    assert_string_equal(e[1].sub, "Remote explosive/landmine/IED");
    assert_string_equal(e[1].a2, "");
    assert_string_equal(e[2].sub, "Shelling/artillery/missile attack");
}

/* A toll over a week or more is a total even when told without a
 * perfect; a day named in the sentence keeps it an event. */
static void weekly_totals(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Suicide attacks killed 15 members of Ahrar al-Sham in the town of "
                          "Binnish during the past week. Government forces shelled Atarib on "
                          "Monday, killing two people.\n",
                    "2017-04-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    assert_int_equal(e[0].dead, 2);
}

/* Standings and means: a share of a province is no takeover (a share of
 * a town may be), a gas word on a munition makes a chemical attack, and
 * "continued shelling" is a campaign. */
static void shares_gas_campaigns(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "On Tuesday government forces regained control of 60 percent of the town "
                          "of Morek. Government forces now hold 60 percent of the country after "
                          "they captured 60 percent of Idlib province on Tuesday.\n",
                    "2017-04-05", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Government regains territory");
    assert_string_equal(e[0].loc, "Morek");
    n = code(TITLE "Scores of people died on Tuesday after a regime air strike dropped chemical "
                   "bombs on the town of Kafr Nabl. Atarib is under continued shelling by Hayat "
                   "Tahrir al-Sham.\n",
             "2017-04-05", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Chemical weapon");
    assert_string_equal(e[0].a1, "Military Forces of Syria");
}

/* A side named as the source after the deed ("X spokesman Y told
 * reporters") is no object of the verb. */
static void source_after_deed(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Jaish al-Izza fighters attacked the town of Morek on Saturday, HTS "
                          "spokesman Abu Khalid told reporters.\n",
                    "2017-04-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Jaish al-Izza");
    assert_string_equal(e[0].a2, "");
}

/* Where an event happened: every town of a listed target is a scene even
 * with no named maker; the origin of fire, the home of evacuees and a
 * capital standing for its government are not; a region of another
 * province is a scene of its own. */
static void scenes(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Unknown jets on Tuesday bombed the towns of Atarib, Mizanaz and "
                          "Sarmada, residents said.\n",
                    "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 3); /* one event per listed town */
    assert_string_equal(e[0].loc, "Atarib");
    assert_string_equal(e[2].loc, "Sarmada");

    n = code(TITLE "Shells fired from Kafr Zita on Tuesday hit a school in Mhardeh, killing "
                   "two pupils.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mhardeh");

    n = code(TITLE "A car bomb on Tuesday hit a convoy of evacuees from the besieged towns of "
                   "Binnish and Taftanaz near Aleppo city, killing five.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].loc, "Binnish");
        assert_string_not_equal(e[i].loc, "Taftanaz");
    }

    n = code(TITLE "Russian jets, flying in support of their ally Damascus, on Tuesday struck "
                   "rebel bases in Idlib province.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_not_equal(e[0].loc, "Damascus");

    n = code(TITLE "The army on Tuesday killed ten militants in Daraa countryside as other units "
                   "clashed with rebels in Eastern Ghouta.\n",
             "2019-01-09", e, 8, NULL);
    int ghouta = 0;
    for (size_t i = 0; i < n; i++)
        ghouta |= strstr(e[i].loc, "Ghouta") != NULL;
    assert_true(ghouta);
}

/* "X came a day after Y": Y is dated the day before X, and X keeps the
 * day told for it. */
static void came_after(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Rebels shelled Mhardeh on Wednesday, killing three. The shelling came "
                          "a day after army jets bombed Kafr Zita.\n",
                    "2019-01-10", e, 8, NULL);
    int jets = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(e[i].loc, "Kafr Zita")) {
            jets = 1;
            assert_string_equal(e[i].date, "2019-01-08");
        } else {
            assert_string_equal(e[i].date, "2019-01-09");
        }
    }
    assert_true(jets);

    /* "X on Thursday, a day after Y": X keeps Thursday, Y is Wednesday */
    n = code(TITLE "Rebels shelled Mhardeh on Thursday, a day after army jets bombed Kafr Zita.\n",
             "2019-01-11", e, 8, NULL);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(e[i].date, strcmp(e[i].loc, "Kafr Zita") ? "2019-01-10" : "2019-01-09");
}

/* Places that are no scene of their own: the second end of "between X
 * and Y", a town name that opens a person's name, a district abroad that
 * is a surname; and dates that are no event's day: "the May 20 vote" and
 * "since Sunday" (the start of a span, not the day the story moves to). */
static void names_not_scenes(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Clashes between the army and rebels on the road between Aleppo and "
                          "Raqqa province killed nine on Tuesday.\n",
                    "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Aleppo");

    n = code(TITLE "Rebels on Tuesday said they had killed the commanders Abu Omar al-Tunisi "
                   "and Salah al-Din al-Masri in clashes in Atarib.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(e[i].loc, "Atarib");

    /* a title before a name: "spokeswoman Maria Petrova" is no town */
    n = code(TITLE "Jets struck a market on Tuesday, killing five. The ministry spokeswoman Maria "
                   "Petrova denied any role.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].loc, "Marea");

    n = code(TITLE "Jets on Tuesday dropped chlorine on Kafr Zita and Latamneh, killing six. "
                   "Mahmoud Khalil, a doctor, said warplanes struck again in the evening.\n",
             "2019-01-09", e, 8, NULL);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].loc, "Al Khalil");

    n = code(TITLE "Rebels shelled a rally in Daraa ahead of the May 20 vote, killing five.\n",
             "2019-05-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].date, "2019-05-10"); /* not the vote's day */

    n = code(TITLE "Fighting has raged around Atarib since Sunday. Jets also bombed Sarmada.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].loc, "Sarmada"))
            assert_string_equal(e[i].date, "2019-01-09");
}

/* A town naming an earlier event ("the X attack prompted ...", "in
 * retaliation for the X bombing") is that event's scene, not the new
 * one's; a recalled event told in another country happened there. */
static void recalled_places(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Jets bombed Sarmada on Tuesday. The Sarmada attack prompted Turkey to "
                          "shell army positions near Mhardeh on Wednesday.\n",
                    "2019-01-10", e, 8, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(e[1].loc, "Mhardeh");

    n = code(TITLE "In retaliation for the deadly Sarmada bombing, rebels fired rockets on "
                   "Mhardeh on Wednesday.\n",
             "2019-01-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mhardeh");

    n = code(TITLE "Rebels shelled Mhardeh on Tuesday. Their commander fought the Soviet army in "
                   "Afghanistan in 1987.\n",
             "2019-01-10", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (e[i].hist)
            assert_string_equal(e[i].loc, "Afghanistan");
}

/* A building named after a town stands where the sentence's other town
 * says; "south of the Syrian capital X" only gives a bearing. */
static void buildings_and_bearings(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Rebels on Tuesday shelled the Sarmada hotel in the Hamdaniyeh district "
                          "of Aleppo, wounding four guests.\n",
                    "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_not_equal(e[0].loc, "Sarmada");

    n = code(TITLE "Jets on Tuesday struck the Mhardeh hospital in northern Hama province.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mhardeh"); /* the province only locates it */

    n = code(TITLE "A car bomb on Tuesday killed six people in Sayyida Zeinab, south of the "
                   "Syrian capital Damascus.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Sayyida Zaynab");
}

/* A photo credit and another story's headline glued to a sentence are
 * page furniture: their places and words are not the sentence's. */
static void photo_captions(void **state)
{
    ev e[8];
    size_t n = code(TITLE "AP Photo John Smith Rebels Vow Revenge for Atarib Raid The army on "
                          "Tuesday shelled Mhardeh, killing two.\n",
                    "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mhardeh");
}

/* Places that only locate another: one in a relative clause about a
 * kept place, the capital after "near", the government a strike is
 * "blamed on"; and a caption that ends at "According to". */
static void locators_and_captions(void **state)
{
    static const struct {
        const char *text, *loc;
    } cases[] = {
        {"Kurdish fighters on Tuesday advanced into the road south of Manbij, which links the "
         "town to Raqqa.",
         "Manbij"},
        {"Jets bombed a market in Sarmada on Tuesday, an attack the opposition blamed on "
         "Damascus.",
         "Sarmada"},
        {"Rockets on Tuesday hit the town of Douma near the capital Damascus, killing three.",
         "Douma"},
        {"Rebels shelled Mhardeh on Monday. AP Photo John Smith Army Pushes Toward Atarib - "
         "Moscow According to the governor the shells hit a school.",
         "Mhardeh"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char text[512];
        snprintf(text, sizeof text, TITLE "%s\n", cases[c].text);
        ev e[8];
        size_t n = code(text, "2019-01-09", e, 8, NULL);
        assert_int_equal(n, 1);
        assert_string_equal(e[0].loc, cases[c].loc);
    }
}

/* The shooters' position, the town after a dateline's date, and a week
 * counted from another event. */
static void origins_and_datelines(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Rebels positioned in Kafr Zita fired rockets on Tuesday at Mhardeh, "
                          "wounding five.\n",
                    "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Mhardeh");

    n = code("Jets Pound Rebel Towns\n\n08 Jan 2019 Beirut Syrian government jets on Tuesday "
             "bombed opposition-held towns across the country, killing nine people, a monitor "
             "said.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_not_equal(e[0].loc, "Beirut");

    n = code(TITLE "Kurdish fighters seized villages near Kobani a week after they retook the "
                   "town, a monitor said on Tuesday.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].date, "2019-01-09"); /* not a week later */
}

/* Days that move no narrative: a day after the report's own date (a
 * meeting to come) and the day that closes a "since" clause; and a
 * neighbourhood namesake of another governorate gives way to its city. */
static void narrative_days_and_quarters(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Jets bombed Atarib on Sunday. The opposition will meet in Gaziantep on "
                          "Friday. Shelling also hit Sarmada.\n",
                    "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_true(strcmp(e[i].date, "2019-01-09") <= 0); /* never after the report */

    n = code(TITLE "Strikes on the province have intensified since rebels launched an offensive "
                   "from Idlib to break the siege of the eastern districts on Sunday. Russian "
                   "jets struck Sarmada.\n",
             "2019-01-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].loc, "Sarmada"))
            assert_string_equal(e[i].date, "2019-01-09");

    n = code(TITLE "Rebels shelled the residential neighbourhood of Khalidiya in Aleppo city on "
                   "Tuesday, killing two.\n",
             "2019-01-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Aleppo");
}

/* Issue 4: a claim of responsibility names the maker of the report's
 * unattributed attack, in its own or a later sentence; a denial, blame or
 * accusation names no one. */
static void claims_of_responsibility(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "A roadside bomb struck a military bus near Jableh on Sunday, killing six "
                          "soldiers. Hurras al-Din claimed the bombing in a statement on Monday.\n",
                    "2019-03-11", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    assert_string_equal(e[0].a1, "Hurras al-Din");
    n = code(TITLE "Unknown gunmen opened fire on a checkpoint in Nawa on Friday. Hurras al-Din "
                   "denied any role in the shooting, while officials blamed Ahrar al-Sham.\n",
             "2019-03-16", e, 8, NULL);
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].a1, "Hurras al-Din");
        assert_string_not_equal(e[i].a1, "Ahrar al-Sham");
    }
    n = code(TITLE "A roadside bomb killed three soldiers near Nawa on Saturday. Hurras al-Din "
                   "took responsibility for the blast.\n",
             "2019-03-10", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a1, "Hurras al-Din");
    /* "no group has claimed" names no one */
    n = code(TITLE "A car bomb went off outside a bakery in Azaz on Tuesday, killing three people. "
                   "No group has claimed the attack, and the Hamza Division said it was hunting the "
                   "bombers.\n",
             "2019-03-13", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a1, "Unidentified Armed Group");
}

/* Issue 4: what might happen is no event: conditions, threats, warnings
 * and plans. */
static void hypotheses_and_threats(void **state)
{
    (void)state;
    ev e[8];
    size_t stmts = 0;
    size_t n = code(TITLE "Ankara said on Monday that its army would hit back at any assault on its "
                          "observation posts near Morek.\n",
                    "2019-03-11", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Government forces threatened a new offensive against the rebel-held town of "
                   "Kafr Zita on Wednesday, warning of air strikes if fighters stayed.\n",
             "2019-03-13", e, 8, &stmts);
    assert_int_equal(n, 0);
    assert_true(stmts >= 1); /* the threat is a statement */
    n = code(TITLE "Hundreds rallied in Ariha on Friday against a possible offensive by regime "
                   "troops.\n",
             "2019-03-15", e, 8, NULL);
    assert_int_equal(n, 1); /* the rally, not the offensive */
    assert_string_equal(e[0].sub, "Peaceful protest");
    n = code(TITLE "Troops gathered near Saraqib on Sunday ahead of an expected push, and officials "
                   "said an assault on the town could start within days.\n",
             "2019-03-17", e, 8, NULL);
    assert_int_equal(n, 0);
    /* an indirect question about a deed is no condition */
    n = code(TITLE "It was unclear if the shelling of Kafr Zita on Monday came from army "
                   "positions.\n",
             "2019-03-19", e, 8, NULL);
    assert_true(n >= 1);
    /* a hedged deed is still a deed */
    n = code(TITLE "An air strike on Ariha may have killed 12 people on Monday, activists said.\n",
             "2019-03-19", e, 8, NULL);
    assert_true(n >= 1);
}

/* Issue 4: whoever the report cites is no side of the event. */
static void sources_are_no_sides(void **state)
{
    (void)state;
    ev e[8];
    const char *texts[] = {
        TITLE "Rescuers from the Syrian Civil Defence said three people died when barrel bombs "
              "fell on Kafr Zita on Sunday.\n",
        TITLE "An air strike hit a bakery in Ariha on Monday, killing five, according to the "
              "White Helmets.\n",
        TITLE "MSF reported that a hospital in Latamneh was shelled on Tuesday.\n"};
    for (size_t q = 0; q < 3; q++) {
        size_t n = code(texts[q], "2019-03-12", e, 8, NULL);
        assert_true(n >= 1);
        for (size_t i = 0; i < n; i++) {
            assert_string_not_equal(e[i].a2, "Syria Civil Defence");
            assert_string_not_equal(e[i].a1, "Syria Civil Defence");
            assert_string_not_equal(e[i].a1, "M\xc3\xa9decins Sans Fronti\xc3\xa8res");
            assert_string_not_equal(e[i].a2, "M\xc3\xa9decins Sans Fronti\xc3\xa8res");
        }
    }
}

/* Issue 4: victims named by age, sex, trade or kin are civilians, and
 * their count is the toll, also before a when-clause. */
static void civilian_victims_named(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Three farmers died on Sunday when an old land mine blew up under their "
                          "tractor outside Sukhnah.\n",
                    "2019-03-11", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    assert_string_equal(e[0].a2, "Civilians");
    assert_int_equal(e[0].dead, 3);
    n = code(TITLE "A teacher and a pupil were killed in an air raid on a school in Kafr Nabl on "
                   "Monday.\n",
             "2019-03-12", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a2, "Civilians");
    assert_int_equal(e[0].dead, 2);
    n = code(TITLE "An elderly woman died on Friday when a shell hit her home in Kafr Nabl.\n",
             "2019-03-16", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a2, "Civilians");
    assert_int_equal(e[0].dead, 1);
    n = code(TITLE "Rocket fire on Suqaylabiyah wounded five shepherds on Thursday.\n", "2019-03-15",
             e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].a2, "Civilians");
    assert_int_equal(e[0].dead, 0);
}

/* Issue 4: a protest whose crowd storms, burns, stones or clashes is a
 * violent demonstration by rioters; a crowd attacking people without a
 * protest is mob violence. */
static void protests_turn_violent(void **state)
{
    (void)state;
    ev e[8];
    const char *riots[] = {
        TITLE "Demonstrators angry over fuel shortages broke into the governorate building in "
              "Suwayda on Saturday and burned its archive.\n",
        TITLE "Youths pelted police with rocks during a rally in Daraa on Friday.\n",
        TITLE "Protesters stormed the town hall of Jasim on Sunday.\n"};
    for (size_t q = 0; q < 3; q++) {
        size_t n = code(riots[q], "2019-03-18", e, 8, NULL);
        assert_true(n >= 1);
        for (size_t i = 0; i < n; i++) {
            assert_string_equal(e[i].sub, "Violent demonstration");
            assert_string_equal(e[i].a1, "Rioters (Syria)");
        }
    }
    size_t n = code(TITLE "An angry mob beat a man to death in Manbij on Monday after accusing him "
                          "of kidnapping a child.\n",
                    "2019-03-19", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Mob violence");
    /* the police acting on the crowd is no riot */
    n = code(TITLE "Police attacked protesters with batons at a sit-in in Suwayda on Tuesday.\n",
             "2019-03-20", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Violent demonstration");
}

/* Issue 4: the group named as the leader of fighters is the actor, not
 * only the generic "Opposition Rebels". */
static void leaders_act(void **state)
{
    (void)state;
    ev e[8];
    const char *texts[] = {
        TITLE "Insurgents led by Faylaq al-Sham overran an army checkpoint near Kafr Nabudah on "
              "Sunday.\n",
        TITLE "Faylaq al-Sham-led factions shelled government positions in Jurin on Monday.\n",
        TITLE "Militants commanded by Faylaq al-Sham raided a police post in Ariha on Tuesday.\n"};
    for (size_t q = 0; q < 3; q++) {
        size_t n = code(texts[q], "2019-03-19", e, 8, NULL);
        assert_true(n >= 1);
        assert_string_equal(e[0].a1, "Faylaq al-Sham");
    }
}

/* Issue 4: an event noun in a background clause neither makes an event
 * nor overrides the sentence's main one. */
static void background_clauses(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "Gunmen ransacked shops in Saraqib on Sunday after the owners fled the "
                          "shelling.\n",
                    "2019-03-18", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Looting/property destruction");
    n = code(TITLE "Police detained twelve men in Jasim on Wednesday following clashes there last "
                   "month.\n",
             "2019-03-21", e, 8, NULL);
    assert_true(n >= 1);
    assert_string_equal(e[0].sub, "Arrests");
}

/* Issue 4: "the X district of CITY" is one event at X, found in CITY's
 * governorate (tests/golden/code-issue4 checks the governorate). */
static void districts_of_cities(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "A mortar round landed in the Midan neighbourhood of Damascus on Monday, "
                          "wounding four.\n",
                    "2019-03-19", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "al-Midan");
    n = code(TITLE "A car bomb went off in Damascus's Midan district on Sunday.\n", "2019-03-18", e,
             8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "al-Midan");
    n = code(TITLE "Warplanes bombed Jobar district of Damascus on Tuesday.\n", "2019-03-20", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Jobar");
}

/* Issues 3/4: "IS" in capitals within lower-case prose is the Islamic State
 * group; a shouted sentence or the stressed verb is not; a battle told as
 * a belief or prophecy is no event. */
static void the_is_acronym(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "IS fighters stormed an army checkpoint near Sukhnah on Tuesday, killing "
                          "four soldiers.\n",
                    "2016-05-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Islamic State");
    n = code(TITLE "Army troops shelled IS-held villages east of Sukhnah on Tuesday.\n", "2016-05-04",
             e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Islamic State");
    n = code(TITLE "IS's gunmen attacked a police post in Sukhnah on Tuesday.\n", "2016-05-04", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Islamic State");
    n = code(TITLE "THE ARMY SAYS IT IS READY AS CLASHES RAGE NEAR SUKHNAH ON TUESDAY.\n", "2016-05-04",
             e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].a1, "Islamic State");
    n = code(TITLE "The town of Sukhnah IS the place where a final battle against the unbelievers "
                   "will be fought, according to the group's prophecy.\n",
             "2016-05-04", e, 8, NULL);
    assert_int_equal(n, 0);
}

/* Issue 4: what a report says of a side, a place or a period is no event;
 * the deed told beside it still is. */
static void descriptions_and_campaigns(void **state)
{
    (void)state;
    ev e[8];
    size_t n = code(TITLE "The brigade, notorious for using car bombs to attack checkpoints, "
                          "announced a new leader on Friday.\n",
                    "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Government troops have been shelling the valley for months, residents say.\n",
             "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Government troops have been shelling the valley near Kafr Zita since Friday, "
                   "residents said.\n",
             "2017-02-04", e, 8, NULL);
    assert_true(n >= 1); /* an ongoing deed with a day told */
    n = code(TITLE "Rebels have stormed the hill outside Morek several times without holding it.\n",
             "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "A relief agency counted 240 attacks on bakeries across the country in 2016.\n",
             "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Warplanes carried out 30 air strikes on Ariha on Friday, a monitor said.\n",
             "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 1); /* one day's raids */
    n = code(TITLE "Ankara wants to curb the Kurdish forces fighting the jihadists, an aide said on "
                   "Friday.\n",
             "2017-02-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Villages near Morek are usually shelled by the army, residents say.\n", "2017-02-04",
             e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "The opposition council condemned the attack as a crime on Friday.\n", "2017-02-04",
             e, 8, NULL);
    assert_int_equal(n, 0);
    /* an embedded post: its words are no report; the report after it is */
    n = code(TITLE "Warplanes bombed the market of Ariha again today pic.twitter.com/abc123 Some "
                   "Reader (@somereader) May 3 2016 Officials said the town hall was closed on "
                   "Tuesday.\n",
             "2016-05-04", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Turkish troops entered Jarablus on Friday under the pretext of fighting "
                   "terrorism.\n",
             "2017-02-04", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Armed clash");
}

/* One sentence read once per trigger ("air strikes", "killed"): one event,
 * the strike, with both makers and the toll. */
static void twin_readings_of_one_strike(void **state)
{
    ev e[8];
    size_t n = code("Strikes kill 30 in eastern town\n\nRussian and regime air strikes killed 30 "
                    "people most of them civilians on Monday in a town in eastern Syria, a "
                    "monitor said. The monitor said the raids hit the town of Al-Quriyah in Deir "
                    "Ezzor province.\n",
                    "2018-03-13", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    assert_int_equal(e[0].dead, 30);
    assert_string_equal(e[0].date, "2018-03-12");
}

/* "X in Y province": the namesake of X that lies in Y. */
static void place_qualified_by_its_province(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Two fighters were killed when a drone struck their car at the entrance "
                          "of Hader in Quneitra province on Tuesday.\n",
                    "2015-07-29", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Hadar");
}

/* One named party that "reached"/"agreed" is an agreement; "unless they
 * agreed" is none. */
static void agreement_with_one_named_party(void **state)
{
    ev e[8];
    size_t n = code(TITLE "The Syrian government and rebel negotiators reached an agreement on "
                          "Monday for fighters to leave the town of Madaya.\n",
                    "2017-03-14", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Agreement");
    n = code(TITLE "The army told rebels in Madaya that unless they agreed to a reconciliation "
                   "deal the siege would go on.\n",
             "2017-03-14", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Agreement");
}

/* A raid told with detentions is the arrest operation; an event named as
 * the time of another deed ("after Monday's blast") has no maker there. */
static void raids_with_arrests_and_events_as_times(void **state)
{
    ev e[8];
    size_t n = code(TITLE "The Syrian Democratic Forces detained at least 15 men in a raid on the "
                          "town of al-Shaddadi on Wednesday, local sources said.\n",
                    "2020-06-05", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Arrests");
    n = code(TITLE "A bomb exploded in a minibus in Homs on Monday, killing three passengers. "
                   "Police closed the roads into the district after Monday's blast.\n",
             "2015-11-17", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_not_equal(e[0].a1, "Police Forces of Syria");
}

/* "putting the death toll at 25"; a man and his sons are civilians; a bomb
 * made safe is no explosion. */
static void tolls_victims_and_defused_bombs(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Militants ambushed an army bus near the town of Mayadin on Wednesday, "
                          "state media said, putting the death toll at 25.\n",
                    "2020-12-31", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 25);
    n = code(TITLE "A landmine exploded in the town of Mayadin on Sunday, killing a man and his "
                   "two teenage sons.\n",
             "2018-03-06", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians");
    n = code(TITLE "Army engineers were dismantling explosive devices left in the streets of "
                   "Mayadin on Sunday.\n",
             "2018-03-06", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Remote explosive/landmine/IED");
}

/* "fired into the air to break up a protest"; "The protests followed the
 * killing on Monday": the day is the killing's, the protests are told. */
static void protests_broken_up_and_told_again(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Hundreds of people demonstrated on Friday in the town of al-Shuhayl. "
                          "In the nearby town of Dhiban, SDF fighters fired into the air to break "
                          "up a similar protest on the same day. The protests followed the killing "
                          "on Monday of a tribal elder in Dhiban by unknown gunmen.\n",
                    "2019-05-04", e, 8, NULL);
    int intervention = 0;
    for (size_t i = 0; i < n; i++) {
        intervention += !strcmp(e[i].sub, "Protest with intervention");
        if (!strcmp(e[i].sub, "Peaceful protest"))
            assert_string_equal(e[i].date, "2019-05-03");
    }
    assert_int_equal(intervention, 1);
}

/* A village stormed and its people killed: the takeover and an attack on
 * civilians; the ground retaken later is taken from the first side. */
static void stormed_killed_and_retaken(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Islamic State militants stormed the town of Salamiyah on Thursday, "
                          "killing dozens of residents. Government troops retook the town in the "
                          "afternoon after clashes in which nine militants were killed.\n",
                    "2016-02-20", e, 8, NULL);
    int attack = 0, regain = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(e[i].sub, "Attack")) {
            attack++;
            assert_string_equal(e[i].a1, "Islamic State");
            assert_string_equal(e[i].a2, "Civilians");
            assert_int_equal(e[i].dead, 12);
        }
        if (!strcmp(e[i].sub, "Government regains territory")) {
            regain++;
            assert_string_equal(e[i].a2, "Islamic State");
        }
    }
    assert_int_equal(attack, 1);
    assert_int_equal(regain, 1);
}

/* "In response, army artillery shelled ...": the reply is its own event;
 * a summary before a colon neither hides the event after it nor is its
 * evidence. */
static void replies_and_colons(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Mortar shells fired by gunmen hit the Bab Touma neighbourhood of "
                          "Damascus on Monday, killing four civilians. In response, army artillery "
                          "units shelled the launch positions in Jobar.\n",
                    "2018-02-06", e, 8, NULL);
    assert_int_equal(n, 2);
    n = code(TITLE "A bomb exploded in Homs on Monday, killing three. The district has been hit "
                   "repeatedly: on May 21 a car bomb at its main roundabout killed 12 people.\n",
             "2015-11-17", e, 8, NULL);
    assert_int_equal(n, 2);
    assert_int_equal(e[1].hist, 1);
    assert_int_equal(e[1].dead, 12);
}

/* A toll sentence right after its event; a goal ("towards X") is no scene;
 * a claim points back ("The group claimed the attack"). */
static void tolls_goals_and_claims(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Government forces fought Hay'at Tahrir al-Sham fighters around the "
                          "village of Kabani on Sunday in a bid to advance towards Jisr "
                          "al-Shughur. At least 11 troops and seven jihadists were killed. The "
                          "group claimed the attack on Monday.\n",
                    "2019-05-27", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Kabani");
    assert_int_equal(e[0].dead, 18);
}

/* "were killed when a Turkish drone struck": the drone's state acts;
 * "the coalition carried out raids" with no coalition named before: the
 * US-led coalition, from the air. */
static void drones_after_when_and_coalition_raids(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Three SDF fighters were killed when a Turkish drone struck their car "
                          "near Qamishli on Tuesday.\n",
                    "2020-07-29", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Turkey");
    n = code(TITLE "At least 15 people were killed as the coalition carried out raids in a "
                   "northern district of Manbij on Monday, the Observatory said.\n",
             "2016-07-19", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "US-led Coalition");
    assert_string_equal(e[0].sub, "Air/drone strike");
}

/* "US air strikes killed ...": the state's forces; "warns against new US
 * strikes" is a threat, no event. */
static void us_strikes_and_warnings(void **state)
{
    ev e[8];
    size_t n = code(TITLE "US air strikes killed 50 militants near the town of Atarib on "
                          "Tuesday, a monitor said.\n",
                    "2014-09-24", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of the United States");
    n = code(TITLE "Moscow warns against new US missile strikes on Syria, a spokesman said on "
                   "Tuesday.\n",
             "2017-04-11", e, 8, NULL);
    assert_int_equal(n, 0);
    /* a kind of event told as recurring is no event */
    n = code(TITLE "Damascus has also been rocked by occasional bomb blasts throughout the "
                   "conflict.\n",
             "2017-04-11", e, 8, NULL);
    assert_int_equal(n, 0);
}

/* One count of fighters told with two words for them is one toll; "25
 * others on a bus were wounded" are hurt; "days after a chemical attack"
 * recalls an event. */
static void tolls_told_twice_and_recalled_events(void **state)
{
    ev e[8];
    size_t n = code(TITLE "US strikes kill 50 Qaeda fighters near Atarib. US air strikes killed 50 "
                          "al-Qaeda militants and eight civilians near Atarib on Tuesday.\n",
                    "2014-09-24", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 58);
    /* the hurt told a few words after the count's noun are no dead */
    n = code(TITLE "As a result of the shelling of Jaramana on Sunday six people died and over 10 "
                   "citizens have been hospitalized, the hospital said.\n",
             "2016-07-25", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 6);
    n = code(TITLE "Days after a deadly chemical attack, a woman was killed and 25 others were "
                   "wounded when a bomb exploded on a bus in Homs on Saturday.\n",
             "2017-04-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    assert_int_equal(e[0].dead, 1);
}

/* A state and its forces are one party when tellings merge; the speaker of
 * "X said the strikes hit ..." is not their maker. */
static void state_and_forces_and_speakers(void **state)
{
    ev e[8];
    size_t n = code("Turkey launches air strikes on Afrin\n\nTurkish warplanes pounded positions "
                    "of the YPG in the Afrin region on Saturday. The YPG said the strikes hit the "
                    "town of Afrin, killing six civilians.\n",
                    "2018-01-21", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].a1, "People's Protection Units");
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Turkey");
}

/* State media's "restored security to the towns of X and Y"; "an armed
 * gang kidnapped"; fire to disperse people protesting, wounding two. */
static void restored_kidnapped_dispersed(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Army units on Friday restored security and stability to the towns of "
                          "Kafr Zita and Morek in the northern countryside of Hama.\n",
                    "2019-08-24", e, 8, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(e[0].sub, "Government regains territory");
    n = code(TITLE "An armed gang kidnapped a grain merchant near the town of Shahba on Sunday.\n",
             "2019-07-16", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Abduction/forced disappearance");
    n = code(TITLE "Police opened fire on Monday to disperse residents protesting against power "
                   "cuts in the city of Tal Abyad, wounding two young men.\n",
             "2021-01-12", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Excessive force against protesters");
    assert_string_equal(e[0].a2, "Protesters (Syria)");
}

/* Doubt or denial told in the next sentence, and a side's own telling. */
static void doubts_after_and_own_claims(void **state)
{
    ev e[8];
    size_t n = code(TITLE "State television said army units had taken full control of the town of "
                          "Kafr Nabudah on Wednesday. Rebel sources have not yet confirmed the "
                          "loss of the town.\n",
                    "2019-05-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].cert, "unconfirmed");
    n = code(TITLE "A drone hit a house in the village of Tal Tamr on Tuesday, killing two "
                   "civilians. Turkey's defence ministry denied that its aircraft had carried out "
                   "any strike in the area.\n",
             "2020-07-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].cert, "denied");
    n = code(TITLE "Faylaq al-Rahman said they had repelled an attack on the Misraba front on "
                   "Saturday.\n",
             "2018-03-04", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].cert, "claimed");
}

/* A wire dateline names where the copy was filed, not a side or a scene. */
static void wire_datelines(void **state)
{
    ev e[8];
    size_t n = code(TITLE "AMMAN, March 7 (Reuters) - Islamic State militants ambushed a bus carrying "
                          "soldiers east of Palmyra on Sunday, killing 13 soldiers.\n",
                    "2022-03-07", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Military Forces of Syria");
    assert_string_equal(e[0].loc, "Tadmur");
    n = code(TITLE "Hama, SANA - Army units on Friday restored security to the town of Morek.\n",
             "2019-08-24", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
}

/* Property seized is looting; a withdrawal is the loser's side of a
 * takeover; a state arrests through its police. */
static void loot_withdrawals_and_arrests(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Members of the Hamza Division seized and sold the olive harvest of dozens "
                          "of families in the village of Sheikh al-Hadid on Sunday.\n",
                    "2018-10-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Looting/property destruction");
    n = code(TITLE "Fighters of the Jaish al-Fatah alliance captured the town of Ariha on "
                   "Thursday. Government troops pulled out of the town after the fighters overran "
                   "the hill overlooking it.\n",
             "2015-05-29", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");
    assert_string_equal(e[0].a2, "Military Forces of Syria");
    n = code(TITLE "Syrian government security forces raided homes in the town of al-Tall on "
                   "Wednesday and detained at least 15 young men.\n",
             "2022-02-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Arrests");
    assert_string_equal(e[0].a1, "Police Forces of Syria");
}

/* Where the shooters are stationed is no scene; "occupation army" names a
 * state's forces; a merchant is a civilian. */
static void stationed_occupation_and_merchants(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Regime forces stationed in the town of Kafr Nabl shelled the village of "
                          "Ihsim on Monday.\n",
                    "2021-09-07", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Iḩsim");
    n = code(TITLE "The Turkish occupation army shelled the village of Ain Issa on Thursday.\n",
             "2022-11-25", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Turkey");
    n = code(TITLE "An armed gang kidnapped a grain merchant near the town of Shahba on Sunday.\n",
             "2019-07-16", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians");
}

/* "martyred" is a toll; a maker in doubt ("Syrian or Russian") is no side;
 * civilians killed in an "X-held" town are the target; a goal is no
 * scene. */
static void martyrs_doubts_holders_goals(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Three citizens were martyred in a suicide car bombing in the town of "
                          "Jaramana on Tuesday.\n",
                    "2013-09-25", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 3);
    n = code(TITLE "Air strikes carried out by Syrian or Russian warplanes killed 12 people in the "
                   "town of Saraqib on Saturday.\n",
             "2016-06-26", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "");
    n = code(TITLE "Air strikes on the Daesh-held town of Manbij on Monday killed at least 15 "
                   "civilians.\n",
             "2016-07-19", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians");
    n = code(TITLE "Russian jets on Sunday pounded insurgent positions near Atarib to stop them "
                   "advancing towards the nearby town of Hader.\n",
             "2016-06-06", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].loc, "Atarib");
}

/* Running totals of a campaign, a dateline city mid-text, "exploded",
 * "thwarted an infiltration", "government artillery". */
static void totals_datelines_and_more_triggers(void **state)
{
    ev e[8];
    size_t n = code(TITLE "The offensive, launched on February 18, has killed more than 800 "
                          "civilians, according to the Observatory.\n",
                    "2018-03-07", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "DAMASCUS (Agencies) Islamic State militants took full control of the city of "
                   "Palmyra on Wednesday. State television said pro-government forces had "
                   "evacuated the population before pulling out.\n",
             "2015-05-21", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].loc, "Damascus");
    n = code(TITLE "A bomb planted in a car exploded in the town of Jasim on Thursday, killing a "
                   "former rebel commander.\n",
             "2022-08-19", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Remote explosive/landmine/IED");
    n = code(TITLE "Government artillery pounded the districts of al-Mashhad on Wednesday, killing "
                   "at least seven people.\n",
             "2016-12-14", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
}

/* Fire on marchers is force against protesters (the thousands marching
 * are no toll); a dispersal and its arrests are two events; the same
 * protest told first as peaceful is the dispersed one. */
static void force_against_crowds(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Security forces opened fire on thousands of people marching after Friday "
                          "prayers in the city of Daraa, killing at least six protesters.\n",
                    "2012-03-17", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Excessive force against protesters");
    assert_int_equal(e[0].dead, 6);
    n = code(TITLE "Thousands demonstrated on Friday in the towns of Binnish and Jisr al-Shughur. "
                   "In Jisr al-Shughur, security men fired into the air and beat demonstrators, "
                   "and detained at least five people.\n",
             "2024-03-02", e, 8, NULL);
    int peaceful = 0, intervention = 0, arrests = 0;
    for (size_t i = 0; i < n; i++) {
        peaceful += !strcmp(e[i].sub, "Peaceful protest");
        intervention += !strcmp(e[i].sub, "Protest with intervention") ||
                        !strcmp(e[i].sub, "Excessive force against protesters");
        arrests += !strcmp(e[i].sub, "Arrests");
    }
    assert_int_equal(peaceful, 1);
    assert_int_equal(intervention, 1);
    assert_int_equal(arrests, 1);
}

/* A foreign capital with no word of place before it is its government;
 * a border crossing is ground to take. */
static void foreign_capitals_and_crossings(void **state)
{
    ev e[8];
    size_t n = code(TITLE "American troops pulled out of observation posts between Tal Abyad and Ras "
                          "al-Ain on Monday, a move critics said gave Ankara a green light.\n",
                    "2019-10-09", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].loc, "Ankara");
    n = code(TITLE "Syrian troops took control of the Nassib border crossing with Jordan on "
                   "Friday, state media reported.\n",
             "2018-07-07", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Government regains territory");
    /* "killed at least 16": the count's "at" is no place after a participle */
    n = code(TITLE "The army killed at least 16 militants near Palmyra on Saturday.\n", "2014-12-14",
             e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    assert_int_equal(e[0].dead, 16);
    /* the US-led coalition's "attack" on a town is an air strike; "weeks of
     * intense shelling" is a period, no event */
    n = code(TITLE "A new attack launched by the US-led coalition on residential areas of the town "
                   "of Tabqa on Thursday killed 12 civilians.\n",
             "2016-12-09", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    n = code(TITLE "Activists said weeks of intense shelling had flattened much of Qusayr.\n",
             "2013-06-05", e, 8, NULL);
    assert_int_equal(n, 0);
    /* "continued its advance ..., capturing the village of X"; "shot down a
     * government warplane" names the state's forces as the target */
    n = code(TITLE "The army continued its advance in southern Idlib on Tuesday, capturing the "
                   "village of Tamanah.\n",
             "2018-06-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Government regains territory");
    n = code(TITLE "Rebels said they shot down a government warplane over Hama province on "
                   "Monday.\n",
             "2018-06-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Military Forces of Syria");
    /* "has been staging air strikes" is a campaign; "traded accusations over
     * which side is using toxic gas" a dispute, no event */
    n = code(TITLE "Moscow has been staging air strikes in support of Damascus, targeting IS in "
                   "Deir Ezzor province.\n",
             "2017-10-05", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "The regime and rebels have traded accusations over which side used toxic gas "
                   "in Aleppo.\n",
             "2016-08-10", e, 8, NULL);
    assert_int_equal(n, 0);
    /* "as well as" is no "will": cue words are read as written */
    n = code(TITLE "At least 20 fighters were killed in the fight for Hasakeh on Monday as well as "
                   "in strikes by the US-led coalition outside the city.\n",
             "2015-07-28", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].cert, "expected");
    /* the body's day beats the headline's, which is the report's own date */
    n = code("x\n\nSunday 14 Sep 2014 Air strike on camp kills 18 in Atarib. The Saturday strike hit "
             "dormitories in the camp in the town of Atarib, a monitor said.\n",
             NULL, e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].date, "2014-09-13");
    /* the civilians of a strike in Syria are Syria's, whoever denies it; a
     * square in a city is in that city */
    n = code(TITLE "A drone hit a house in the village of Tal Tamr on Tuesday, killing two "
                   "civilians. Turkey's defence ministry denied that its aircraft had carried out "
                   "any strike in the area.\n",
             "2020-07-22", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_not_equal(e[0].a2, "Civilians (Turkey)");
    /* event words too: "rapid advances" is no rape */
    n = code(TITLE "The insurgents are making rapid advances near Deir ez-Zor, a monitor said on "
                   "Monday.\n",
             "2014-06-12", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].sub, "Sexual violence");
    /* a deed in an "as" clause takes its subject from that clause */
    n = code(TITLE "The army shelled the town of Atarib on Monday as US-led coalition air strikes "
                   "hit Raqqa.\n",
             "2016-06-14", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].loc, "Raqqa"))
            assert_string_equal(e[i].a1, "US-led Coalition");
    /* a headline dated by the report's own date and the body's event of the
     * night before are one event */
    n = code("x\n\nSun 10 Jul 2016 Syria air strikes kill 20 in Atarib. Air strikes killed 20 "
             "people in the town of Atarib overnight, a monitor said on Sunday.\n",
             NULL, e, 8, NULL);
    assert_int_equal(n, 1);
    /* "Kurdish forces": the YPG before the SDF was founded, the SDF after */
    n = code(TITLE "Kurdish forces killed at least 16 militants in an attack near Ras al-Ain on "
                   "Saturday.\n",
             "2014-12-14", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "People's Protection Units");
    n = code(TITLE "Kurdish-led fighters fired mortar rounds at the town of Tal Abyad on "
                   "Wednesday.\n",
             "2019-10-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Syrian Democratic Forces");
    /* a deed in a "since" clause is a point in time, told before */
    n = code(TITLE "Around 3,000 jihadists are believed to have died in Raqqa since the SDF first "
                   "broke into the city in June.\n",
             "2017-10-18", e, 8, NULL);
    assert_int_equal(n, 0);
}

/* bare "troops" are the state's forces; ground given up under fire is a
 * clash; a weapon as the subject of "attacked" makes a strike */
static void troops_fire_and_weapons(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Troops captured the village of Kafr Nabudah on Monday after rebels pulled "
                          "back.\n",
                    "2019-05-08", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Government regains territory");
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    n = code(TITLE "Turkish troops entered the town of Tal Abyad on Sunday.\n", "2019-10-14", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a1, "Military Forces of Turkey");
    n = code(TITLE "Rebels withdrew from Khan Shaykhun on Monday after days of heavy fighting.\n",
             "2019-08-20", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash");
    n = code(TITLE "US troops withdrew from Manbij on Monday.\n", "2019-10-15", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-violent transfer of territory");
    n = code(TITLE "A drone attacked a market in Idlib on Tuesday, killing two people.\n",
             "2019-05-08", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    assert_int_equal(e[0].dead, 2);
    n = code(TITLE "Rockets attacked a residential area of Aleppo on Tuesday.\n", "2019-05-08", e,
             8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    n = code(TITLE "Rebels attacked an army checkpoint near Ariha on Tuesday.\n", "2019-05-08", e,
             8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Armed clash");
}

/* the agent of a passive may follow the place and the day; bases set up
 * and people taken from their homes */
static void late_agents_bases_and_abductions(void **state)
{
    ev e[8];
    size_t n = code(TITLE "Three civilians were abducted in Maabatli on Saturday by members of the "
                          "Hamza Division.\n",
                    "2019-11-15", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Abduction/forced disappearance");
    assert_string_equal(e[0].a1, "Hamza Division");
    /* a clause ends before "by": the agent belongs to another verb */
    n = code(TITLE "Two civilians were abducted in Maabatli on Saturday, a week after a raid by the "
                   "Hamza Division.\n",
             "2019-11-15", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].sub, "Abduction/forced disappearance"))
            assert_string_not_equal(e[i].a1, "Hamza Division");
    n = code(TITLE "Russian forces turned Qamishli airport into a helicopter base on Thursday.\n",
             "2019-11-15", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Headquarters or base established");
    assert_string_equal(e[0].a1, "Military Forces of Russia");
    /* reinforcements are the army's; rockets fired at an air base are
     * shelling, whatever "air" the sentence holds */
    n = code(TITLE "Government reinforcements pounded the western neighbourhoods of al-Muzayrib "
                   "with mortar rounds on Monday.\n",
             "2020-05-05", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    n = code(TITLE "Late on Sunday, militants fired rockets at the Russian air base at Hmeimim.\n",
             "2019-05-27", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    /* ground taken under a deal is a peaceful transfer; a truce broken is
     * no deal */
    n = code(TITLE "Units of the Syrian government army entered the town of al-Darbasiyah on "
                   "Saturday under the understanding reached with the SDF last month.\n",
             "2019-11-24", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-violent transfer of territory");
    assert_string_equal(e[0].a1, "Military Forces of Syria");
    n = code(TITLE "Rebels seized the town of Kafr Nabudah on Monday, breaking the terms of the "
                   "truce.\n",
             "2019-11-24", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");
    /* a toll nobody claims, told after events, is no later event's */
    n = code(TITLE "US special forces raided a house near Barisha on Saturday. Residents described "
                   "hours of gunfire. The monitor said nine people were killed in the operation.\n\n"
                   "In a separate operation on Sunday, a US strike on a convoy near Jarablus "
                   "killed the group's spokesman.\n",
             "2019-10-28", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].loc, "Jarablus"))
            assert_int_not_equal(e[i].dead, 9);
    /* men taken are civilians; "to an unknown location" is a disappearance */
    n = code(TITLE "Gunmen kidnapped two men in Daraa on Monday.\n", "2020-03-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians");
    n = code(TITLE "Members of the Sultan Murad Division stopped a teacher at a checkpoint in Ras "
                   "al-Ain on Monday and drove him to an unknown location.\n",
             "2020-03-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Abduction/forced disappearance");
    assert_string_equal(e[0].a1, "Sultan Murad Division");
    /* a passive takeover names its ground first; a place described by a
     * reduced relative ("recently seized by rebels") tells no deed; a
     * threat of an offensive is none */
    n = code(TITLE "Saraqib had been overrun last Thursday by rebel factions led by Hay'at Tahrir "
                   "al-Sham.\n",
             "2020-03-03", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Non-state actor overtakes territory");
    assert_string_equal(e[0].loc, "Saraqib");
    n = code(TITLE "Saraqib was retaken by government forces on Monday.\n", "2020-03-03", e, 8,
             NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Government regains territory");
    n = code(TITLE "Warplanes struck the Ramouseh area recently seized by rebels on Wednesday.\n",
             "2016-08-11", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    n = code(TITLE "The fighting comes as the Syrian government and its Russian ally threaten an "
                   "offensive on Idlib.\n",
             "2019-01-03", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "A suicide car bomber struck a checkpoint in Azaz on Monday.\n", "2017-04-16", e,
             8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Suicide bomb");
    /* a record over a whole country is no event, unless a day is told */
    n = code(TITLE "Hezbollah has fought alongside Assad's forces across the country.\n",
             "2017-10-02", e, 8, NULL);
    assert_int_equal(n, 0);
    n = code(TITLE "Government air strikes on towns across the country killed at least 32 people "
                   "on Monday.\n",
             "2015-02-03", e, 8, NULL);
    assert_true(n >= 1);
    /* a strike eighteen days before the report is recalled background */
    n = code(TITLE "On February 27, an air strike near the village of Balyun killed at least 33 "
                   "Turkish soldiers.\n",
             "2020-03-16", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_true(e[0].hist);
    /* "in 24 hours" is no toll; "two of them children" is a part */
    n = code(TITLE "At least 30 soldiers and 39 rebels were killed in 24 hours of fighting around "
                   "Khan Tuman, the Observatory said.\n",
             "2016-07-10", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 69);
    n = code(TITLE "Russian jets bombed the main market of Ariha on Sunday, leaving five civilians "
                   "dead, two of them children.\n",
             "2016-07-11", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].dead, 5);
    /* "al-Maleh" is no Mali: a name joined to an article is no country */
    n = code(TITLE "Rebels attacked army positions around al-Maleh north of Aleppo on Monday.\n",
             "2016-07-10", e, 8, NULL);
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].a1, "Military Forces of Mali");
        assert_string_not_equal(e[i].a2, "Military Forces of Mali");
        assert_string_not_equal(e[i].loc, "Mali");
    }
    /* deaths inside an accusation are no toll of the event told */
    n = code(TITLE "HTS fighters seized Darat Izza on Wednesday after Zenki's fighters withdrew.\n\n"
                   "The fighting erupted after HTS accused Zenki of killing five of its members in "
                   "an ambush, a charge Zenki denied.\n",
             "2019-01-03", e, 8, NULL);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(e[i].dead, 0);
    /* a group named for a time ("IS rule") is no side */
    n = code(TITLE "A shepherd was killed by a landmine left over from IS rule in the desert near "
                   "al-Kasra on Wednesday.\n",
             "2019-06-13", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].a2, "Civilians");
    /* a bombardment by jets is an air strike, and its agent may follow a
     * longer object; "shelled" names the gun */
    n = code(TITLE "The bombardment of Ariha's main market by Russian jets on Sunday left five "
                   "civilians dead.\n",
             "2020-01-27", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Air/drone strike");
    assert_string_equal(e[0].a1, "Military Forces of Russia");
    n = code(TITLE "Government forces shelled Ariha on Monday as warplanes circled overhead.\n",
             "2020-01-28", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Shelling/artillery/missile attack");
    n = code(TITLE "Gunmen dragged from their homes two brothers in Tafas on Friday.\n",
             "2019-11-15", e, 8, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].sub, "Abduction/forced disappearance");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(passive_and_places),
        cmocka_unit_test(territory_and_toll),
        cmocka_unit_test(discipline),
        cmocka_unit_test(history_and_hedges),
        cmocka_unit_test(retellings_merge),
        cmocka_unit_test(locators_and_furniture),
        cmocka_unit_test(recaps_and_counts),
        cmocka_unit_test(holders_and_conditions),
        cmocka_unit_test(tolls),
        cmocka_unit_test(sides),
        cmocka_unit_test(statements_and_trends),
        cmocka_unit_test(namesakes_abroad),
        cmocka_unit_test(hedge_scope),
        cmocka_unit_test(means_name_the_type),
        cmocka_unit_test(objects_and_claimants),
        cmocka_unit_test(air_maker_carried),
        cmocka_unit_test(backstory_and_arms),
        cmocka_unit_test(summary_lede_means),
        cmocka_unit_test(no_event_words),
        cmocka_unit_test(clause_agents),
        cmocka_unit_test(weekly_totals),
        cmocka_unit_test(shares_gas_campaigns),
        cmocka_unit_test(source_after_deed),
        cmocka_unit_test(scenes),
        cmocka_unit_test(came_after),
        cmocka_unit_test(names_not_scenes),
        cmocka_unit_test(recalled_places),
        cmocka_unit_test(buildings_and_bearings),
        cmocka_unit_test(photo_captions),
        cmocka_unit_test(locators_and_captions),
        cmocka_unit_test(origins_and_datelines),
        cmocka_unit_test(narrative_days_and_quarters),
        cmocka_unit_test(claims_of_responsibility),
        cmocka_unit_test(hypotheses_and_threats),
        cmocka_unit_test(sources_are_no_sides),
        cmocka_unit_test(civilian_victims_named),
        cmocka_unit_test(protests_turn_violent),
        cmocka_unit_test(leaders_act),
        cmocka_unit_test(background_clauses),
        cmocka_unit_test(districts_of_cities),
        cmocka_unit_test(the_is_acronym),
        cmocka_unit_test(descriptions_and_campaigns),
        cmocka_unit_test(twin_readings_of_one_strike),
        cmocka_unit_test(place_qualified_by_its_province),
        cmocka_unit_test(agreement_with_one_named_party),
        cmocka_unit_test(raids_with_arrests_and_events_as_times),
        cmocka_unit_test(tolls_victims_and_defused_bombs),
        cmocka_unit_test(protests_broken_up_and_told_again),
        cmocka_unit_test(stormed_killed_and_retaken),
        cmocka_unit_test(replies_and_colons),
        cmocka_unit_test(tolls_goals_and_claims),
        cmocka_unit_test(drones_after_when_and_coalition_raids),
        cmocka_unit_test(us_strikes_and_warnings),
        cmocka_unit_test(tolls_told_twice_and_recalled_events),
        cmocka_unit_test(state_and_forces_and_speakers),
        cmocka_unit_test(restored_kidnapped_dispersed),
        cmocka_unit_test(doubts_after_and_own_claims),
        cmocka_unit_test(wire_datelines),
        cmocka_unit_test(loot_withdrawals_and_arrests),
        cmocka_unit_test(stationed_occupation_and_merchants),
        cmocka_unit_test(martyrs_doubts_holders_goals),
        cmocka_unit_test(totals_datelines_and_more_triggers),
        cmocka_unit_test(force_against_crowds),
        cmocka_unit_test(foreign_capitals_and_crossings),
        cmocka_unit_test(troops_fire_and_weapons),
        cmocka_unit_test(late_agents_bases_and_abductions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
