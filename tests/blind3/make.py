#!/usr/bin/env python3
"""Writes blind3.jsonl, blind3.gold.json and actors.gold.json: a third blind
check, 25 wire-style reports written and coded by hand on 2026-12-02 (session 5)
before any run of the coder on them.  Ten are FA-KES style: no `published`
date, a dateline at the start of the text is the date anchor."""
import datetime as dt
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

docs = []
gold = {"_about": "sitrep's third blind check: 25 reports written by hand in session 5 "
        "(2026-12-02) and coded the ACLED way before any run of the coder; no coder rule "
        "was read or tuned for them. Ten carry no published date (FA-KES style dateline).",
        "docs": [], "negatives": []}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def doc(i, pub, title, body, events, negs=(), dateline=None, anchor=None, title_in_text=True,
        doc_fatalities=None):
    """pub: ISO publication date, or None for FA-KES style texts, which then
    need `dateline` (printed first in the text) and `anchor` (its ISO date)."""
    if pub is None:
        assert dateline and anchor, i
        text = dateline + " " + (title + ". " if title_in_text else "") + body
    else:
        text = title + "\n\n" + body
    n = len(re.findall(r"\S+", text))
    assert 60 <= n <= 220, (i, n)
    docs.append({"id": i, "title": title, "published": pub, "source": "sitrep-blind3",
                 "text": text})
    ref = dt.date.fromisoformat(pub or anchor)
    ev = []
    for k, e in enumerate(events, 1):
        g = {"id": f"{i}-{k}", "required": e.get("required", True), "types": e["types"],
             "actors": e.get("actors", []), "date": e["date"], "date_tol": e.get("tol", 1),
             "location": e["loc"]}
        for f in ("fatalities", "certainty", "historical"):
            if f in e:
                g[f] = e[f]
        if e.get("note"):
            g["note"] = e["note"]
        # a weekday named for the event must be the right one, and within the week before
        if e.get("wd"):
            d = dt.date.fromisoformat(e["date"])
            assert WEEKDAYS[d.weekday()] == e["wd"] and 0 <= (ref - d).days <= 7, (i, k)
        ev.append(g)
    gd = {"id": i, "published": pub, "events": ev}
    if pub is None:
        gd["dateline"] = dateline
        gd["anchor"] = anchor
    if doc_fatalities:
        gd["doc_fatalities"] = doc_fatalities
    gold["docs"].append(gd)
    for t, why in negs:
        assert t in text, (i, t)
        gold["negatives"].append({"doc": i, "text": t, "why": why})


# accepted place spellings: the place itself, then the governorate (admin1) and,
# where ACLED would accept it, the district (admin2)
DEZ = ["Deir ez-Zor", "Deir-ez-Zor", "Deir al-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour"]
RAQQA = ["Raqqa", "Ar-Raqqa", "Ar Raqqah", "Al-Raqqa", "Raqqah"]
HASAKAH = ["Hasakah", "Al-Hasakeh", "Al Hasakah", "Hasaka", "Hassakeh", "Al-Hasakah"]
DARAA = ["Daraa", "Dar'a", "Deraa", "Dara'a"]
HOMS = ["Homs", "Hims"]
HAMA = ["Hama", "Hamah"]
DAMASCUS = ["Damascus", "Dimashq"]
RIF = ["Rural Damascus", "Rif Dimashq", "Damascus Countryside", "Reef Dimashq", "Rif Damascus"]
ALEPPO = ["Aleppo", "Halab"]
IDLIB = ["Idlib", "Idleb"]
LATAKIA = ["Latakia", "Lattakia", "Al Ladhiqiyah", "Latakia Governorate"]
QUNEITRA = ["Quneitra", "Al Qunaytirah", "Qunaitra", "Al-Quneitra"]

ARMED = "Armed clash"
SHELL = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
ATTACK = "Attack"
NSA_TAKE = "Non-state actor overtakes territory"
GOV_TAKE = "Government regains territory"
NONVIOL = "Non-violent transfer of territory"
AGREE = "Agreement"
ARRESTS = "Arrests"
PEACEFUL = "Peaceful protest"
INTERV = "Protest with intervention"

# ---------------------------------------------------------------- d01 Deir ez-Zor
doc("d01", "2017-09-27", "SDF and Islamic State clash near Deir ez-Zor",
    "Fighters of the US-backed Syrian Democratic Forces clashed with Islamic State militants "
    "on Tuesday in the industrial zone on the eastern bank of the Euphrates, a few kilometres "
    "north of Deir ez-Zor city, the Syrian Observatory for Human Rights said. At least nine "
    "jihadists and four SDF fighters were killed in the fighting, which went on into the "
    "night, according to the Britain-based monitor. An SDF commander said on Wednesday that "
    "his forces would not allow Syrian government troops to cross to the eastern bank of the "
    "river.",
    [dict(types=[ARMED], actors=["SDF", "ISIS"], date="2017-09-26", wd="Tuesday",
          loc=["Deir ez-Zor industrial zone", "Industrial Zone"] + DEZ, fatalities=13)],
    [("An SDF commander said on Wednesday that his forces would not allow Syrian government "
      "troops to cross to the eastern bank of the river.", "threat / statement")])

# ---------------------------------------------------------------- d02 Raqqa
doc("d02", "2018-03-06", "Landmine kills father and two sons in Raqqa",
    "A landmine exploded in the al-Mashlab neighbourhood of Raqqa on Sunday, killing a man and "
    "his two teenage sons who had returned to inspect their damaged home, the Raqqa Civil "
    "Council said. The council's demining teams have been clearing explosives from the city "
    "since the Syrian Democratic Forces drove the Islamic State group out of it in October "
    "2017. More than 150 people have been killed by mines and booby traps left in the city "
    "since then, according to the council, which appealed for international help.",
    [dict(types=[IED], actors=["CIVILIANS"], date="2018-03-04", wd="Sunday",
          loc=["al-Mashlab", "Mashlab", "Al Mishlab"] + RAQQA, fatalities=3),
     dict(types=[NSA_TAKE, ARMED], actors=["SDF"], date="2017-10-17", tol=16, required=False,
          loc=RAQQA, historical=True,
          note="recalled capture of Raqqa city, month only")],
    [("More than 150 people have been killed by mines and booby traps left in the city since "
      "then", "casualty recap, not an event"),
     ("which appealed for international help", "appeal")])

# ---------------------------------------------------------------- d03 Hasakah (FA-KES)
doc("d03", None, "Car bomb kills eight in Syria's Hasakah",
    "A car packed with explosives blew up on Monday near a checkpoint of the Kurdish Asayish "
    "security forces at the entrance of the Ghwayran neighbourhood of Hasakah city, killing at "
    "least eight people, among them five members of the Asayish, and wounding 17, the Kurdish "
    "Hawar news agency reported. The blast set several shops on fire. There was no immediate "
    "claim of responsibility. Islamic State militants have carried out several similar "
    "bombings in the city this year.",
    [dict(types=[IED, SUICIDE], date="2016-10-03", wd="Monday",
          loc=["Ghwayran", "Ghweiran", "Ghuwayran"] + HASAKAH, fatalities=8)],
    [("Islamic State militants have carried out several similar bombings in the city this year.",
      "background generalisation, no event")],
    dateline="04-10-2016", anchor="2016-10-04")

# ---------------------------------------------------------------- d04 Daraa
doc("d04", "2020-09-12", "Gunmen kill pharmacist, bomb targets ex-rebel in Daraa",
    "Unknown gunmen on a motorcycle shot dead a pharmacist outside his shop in the town of "
    "Jasim in the northern Daraa countryside on Thursday evening, the local Daraa 24 network "
    "said. Hours earlier, an explosive device went off under a car belonging to a former "
    "opposition commander in the town of Nawa, wounding him and his driver. No one claimed "
    "either attack. The Daraa Martyrs Documentation Office says it has recorded more than "
    "300 assassinations and attempted killings in the province since the 2018 settlement that "
    "returned it to government control.",
    [dict(types=[ATTACK], actors=["UNIDENTIFIED", "CIVILIANS"], date="2020-09-10",
          wd="Thursday", loc=["Jasim", "Jassem", "Jasem"] + DARAA, fatalities=1),
     dict(types=[IED], actors=["UNIDENTIFIED"], date="2020-09-10", wd="Thursday",
          loc=["Nawa", "Nawaa"] + DARAA, fatalities=0)],
    [("The Daraa Martyrs Documentation Office says it has recorded more than 300 "
      "assassinations", "running total")])

# ---------------------------------------------------------------- d05 Homs (FA-KES)
doc("d05", None, "Deal reached for rebels to leave last Homs district",
    "The Syrian government and rebel negotiators reached an agreement on Monday for opposition "
    "fighters and their families to leave al-Waer, the last rebel-held neighbourhood of Homs "
    "city, under Russian supervision, the provincial governor told reporters. Between 10,000 "
    "and 15,000 people are to leave in batches for Jarablus and Idlib province, and the first "
    "convoy is expected to depart on Saturday, he said. Al-Waer has been under siege by "
    "government forces since 2013. Activists in the district said army shelling killed two "
    "people there on Sunday, hours before the deal was announced.",
    [dict(types=[AGREE], date="2017-03-13", wd="Monday",
          loc=["al-Waer", "Waer", "al-Wa'er", "Al Waer"] + HOMS),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2017-03-12", wd="Sunday",
          loc=["al-Waer", "Waer", "al-Wa'er", "Al Waer"] + HOMS, fatalities=2)],
    [("the first convoy is expected to depart on Saturday", "expected, not yet happened"),
     ("Al-Waer has been under siege by government forces since 2013.",
      "background state, not an event")],
    dateline="Published March 14 2017", anchor="2017-03-14", title_in_text=False)

# ---------------------------------------------------------------- d06 Hama
doc("d06", "2019-05-09", "Syrian army recaptures Kafr Nabuda",
    "Syrian troops recaptured the town of Kafr Nabuda in the northern Hama countryside on "
    "Wednesday after days of fighting with insurgents led by Hay'at Tahrir al-Sham, state news "
    "agency SANA reported. The Syrian Observatory for Human Rights said 22 pro-government "
    "fighters and 19 insurgents were killed in the final 24 hours of the battle for the town. "
    "Syrian and Russian warplanes had pounded Kafr Nabuda for a week before the ground "
    "assault. Turkey, which runs an observation post in the area, called for an immediate "
    "halt to the offensive.",
    [dict(types=[GOV_TAKE, ARMED], actors=["SYR_MIL"], date="2019-05-08", wd="Wednesday",
          loc=["Kafr Nabuda", "Kafr Nabudah", "Kafr Nbouda", "Kafrnbouda"] + HAMA, fatalities=41),
     dict(types=[AIR], date="2019-05-05", tol=4, required=False,
          loc=["Kafr Nabuda", "Kafr Nabudah", "Kafr Nbouda", "Kafrnbouda"] + HAMA,
          note="week of strikes before the assault, no single date")],
    [("Turkey, which runs an observation post in the area, called for an immediate halt",
      "statement")])

# ---------------------------------------------------------------- d07 Damascus (FA-KES)
doc("d07", None, "Mortar shells kill four civilians in Damascus",
    "Four civilians were killed and 13 others were injured on Monday when mortar shells fired "
    "by terrorists positioned in Eastern Ghouta hit the Bab Touma and al-Qassaa neighbourhoods "
    "of Damascus, a police source told SANA. The shells also caused material damage to houses "
    "and cars. In response, army artillery units targeted the launch positions of the "
    "terrorist groups in Jobar and Ein Tarma, destroying a number of their rocket launchers, "
    "the source added.",
    [dict(types=[SHELL], actors=["CIVILIANS"], date="2018-02-05", wd="Monday",
          loc=["Bab Touma", "Bab Tuma", "al-Qassaa", "Qassaa", "Al Qassa"] + DAMASCUS,
          fatalities=4),
     dict(types=[SHELL], required=False, date="2018-02-05",
          loc=["al-Qassaa", "Qassaa", "Al Qassa"] + DAMASCUS,
          note="a coder may split the two hit neighbourhoods"),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2018-02-05",
          loc=["Jobar", "Jawbar"] + DAMASCUS),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2018-02-05",
          loc=["Ein Tarma", "Ain Tarma", "Ayn Tarma", "Eyn Terma"] + RIF)],
    dateline="06.02.2018", anchor="2018-02-06")

# ---------------------------------------------------------------- d08 Aleppo
doc("d08", "2019-01-03", "Hay'at Tahrir al-Sham seizes Darat Izza from Zenki",
    "Hay'at Tahrir al-Sham took control of the town of Darat Izza in the western Aleppo "
    "countryside on Wednesday after fighters of the Nour al-Din al-Zenki movement pulled out, "
    "opposition sources said. On Tuesday, clashes between HTS and Zenki fighters around the "
    "village of Taqad left eight fighters dead, the Syrian Observatory for Human Rights said. In "
    "all, at least 27 fighters from both sides have been killed since the infighting began on "
    "Monday, the monitor said. Zenki accused HTS of breaking a truce and said it would defend "
    "its areas.",
    [dict(types=[NSA_TAKE, NONVIOL], actors=["HTS"], date="2019-01-02", wd="Wednesday",
          loc=["Darat Izza", "Daret Azza", "Darat Azza", "Dar Taizzah"] + ALEPPO),
     dict(types=[ARMED], actors=["HTS", "ZENKI"], date="2019-01-01", wd="Tuesday",
          loc=["Taqad", "Tqad", "Taqqad"] + ALEPPO, fatalities=8)],
    [("In all, at least 27 fighters from both sides have been killed since the infighting "
      "began", "casualty recap"),
     ("Zenki accused HTS of breaking a truce and said it would defend its areas.",
      "accusation / threat")],
    doc_fatalities={"types": [NSA_TAKE, NONVIOL, ARMED], "total": 8})

# ---------------------------------------------------------------- d09 Idlib
doc("d09", "2019-06-17", "Air strikes hit market in Kafranbel",
    "Warplanes believed to be Russian struck a vegetable market in the town of Kafranbel in "
    "the southern Idlib countryside on Saturday, killing at least 14 civilians, the Syrian "
    "Observatory for Human Rights said. The Syria Civil Defence, whose rescuers pulled bodies "
    "from the rubble, put the death toll at 19. The Observatory said it identified the "
    "aircraft from their type and flight paths. Russia's defence ministry denied carrying out "
    "any strike in the area and said its aircraft had flown no combat missions over Idlib "
    "that day.",
    [dict(types=[AIR], actors=["CIVILIANS"], date="2019-06-15", wd="Saturday",
          loc=["Kafranbel", "Kafr Nabl", "Kafr Nubl", "Kafrnabel"] + IDLIB, fatalities=14,
          certainty="unconfirmed",
          note="attribution hedged ('believed to be Russian') and denied by Moscow: Russia "
               "is not required; a coder that names it must hedge")],
    [("Russia's defence ministry denied carrying out any strike in the area",
      "denial: not a separate event (see README)")])

# ---------------------------------------------------------------- d10 Latakia (FA-KES)
doc("d10", None, "Suicide bomber kills seven at checkpoint near Jableh",
    "A suicide bomber detonated an explosive belt at an army checkpoint on the road between "
    "Latakia and Jableh on Monday, killing seven people, among them three soldiers, state news "
    "agency SANA said. The Islamic State group claimed the attack in a statement carried by "
    "its Amaq agency. The coastal province, a stronghold of President Bashar al-Assad, has "
    "been largely spared the violence, although coordinated bombings in Jableh and Tartus in "
    "May killed more than 140 people.",
    [dict(types=[SUICIDE], actors=["ISIS"], date="2016-09-05", wd="Monday",
          loc=["Jableh", "Jablah", "Jebleh"] + LATAKIA, fatalities=7),
     dict(types=[SUICIDE, IED], required=False, historical=True, date="2016-05-16", tol=16,
          loc=["Jableh", "Jablah", "Jebleh"] + LATAKIA),
     dict(types=[SUICIDE, IED], required=False, historical=True, date="2016-05-16", tol=16,
          loc=["Tartus", "Tartous", "Tartous Governorate"])],
    dateline="Date of publication 6 September 2016", anchor="2016-09-06")

# ---------------------------------------------------------------- d11 Quneitra
doc("d11", "2017-06-26", "Israel strikes Syrian army positions in Quneitra",
    "Israeli tanks and aircraft hit two Syrian army positions near the town of Khan Arnabeh in "
    "Quneitra province on Saturday after about ten projectiles landed in the Israeli-occupied "
    "Golan Heights, the Israeli military said. No casualties were reported. The projectiles "
    "were stray fire from fighting on Saturday between government forces and rebel factions, "
    "among them Hay'at Tahrir al-Sham, in the Baath City area, in which at least five "
    "soldiers and three rebels were killed, according to the Syrian Observatory. Israel said "
    "it held the Syrian government responsible for all fire from its territory.",
    [dict(types=[SHELL, AIR], actors=["ISR_MIL", "SYR_MIL"], date="2017-06-24",
          wd="Saturday", loc=["Khan Arnabeh", "Khan Arnaba", "Khan Arnabah"] + QUNEITRA,
          fatalities=0),
     dict(types=[ARMED], actors=["SYR_MIL"], date="2017-06-24", wd="Saturday",
          loc=["Baath City", "Madinat al-Baath", "Al Baath", "Baath"] + QUNEITRA, fatalities=8),
     dict(types=[SHELL], required=False, date="2017-06-24",
          loc=["Golan Heights", "Golan", "Israeli-occupied Golan Heights"],
          note="spill-over fire into the occupied Golan: ACLED practice varies")],
    [("Israel said it held the Syrian government responsible", "statement")])

# ---------------------------------------------------------------- d12 Deir ez-Zor (FA-KES)
doc("d12", None, "ISIL takes over Mayadin as Nusra pulls out",
    "Fighters of the Islamic State took control of the town of al-Mayadin in the eastern "
    "province of Deir ez-Zor on Thursday after al-Nusra Front and allied rebel brigades "
    "withdrew without a fight, the Syrian Observatory for Human Rights said. The jihadists "
    "raised their black flag over the town's main square. A day earlier, Islamic State "
    "fighters fought al-Nusra Front and tribal gunmen in the village of Khasham, east of "
    "the provincial capital, leaving eleven dead on both sides, the Observatory said. More "
    "than 170,000 people have been killed in Syria's three-year-old conflict, according to "
    "the group.",
    [dict(types=[NONVIOL, NSA_TAKE], actors=["ISIS"], date="2014-07-03", wd="Thursday",
          loc=["al-Mayadin", "Mayadin", "Al Mayadeen", "Mayadeen", "Al Mayadin"] + DEZ),
     dict(types=[ARMED], actors=["ISIS", "NUSRA"], date="2014-07-02", wd="Wednesday",
          loc=["Khasham", "Khusham", "Khsham"] + DEZ, fatalities=11)],
    [("More than 170,000 people have been killed in Syria's three-year-old conflict",
      "running war total")],
    dateline="Fri 04 Jul 2014", anchor="2014-07-04")

# ---------------------------------------------------------------- d13 Raqqa
doc("d13", "2017-06-13", "SDF seizes Raqqa district as coalition strikes kill civilians",
    "The Syrian Democratic Forces seized the al-Sinaa district on the eastern edge of Raqqa on "
    "Sunday after heavy clashes with Islamic State fighters, an SDF spokesman said. On Monday, "
    "air strikes by the US-led coalition on the al-Badu neighbourhood in the city centre "
    "killed at least 12 civilians, including four children, the Syrian Observatory for Human "
    "Rights said. The activist group Raqqa is Being Slaughtered Silently put the toll at 21. "
    "The coalition said it took all reports of civilian casualties seriously and would "
    "review the claims.",
    [dict(types=[NSA_TAKE, ARMED], actors=["SDF", "ISIS"], date="2017-06-11", wd="Sunday",
          loc=["al-Sinaa", "Sinaa", "al-Senaa", "Industrial District"] + RAQQA),
     dict(types=[AIR], actors=["US_COALITION", "CIVILIANS"], date="2017-06-12", wd="Monday",
          loc=["al-Badu", "Badu", "al-Bado"] + RAQQA, fatalities=12)],
    [("The coalition said it took all reports of civilian casualties seriously",
      "statement")])

# ---------------------------------------------------------------- d14 Daraa
doc("d14", "2021-09-07", "Daraa al-Balad deal ends siege",
    "Government forces and the central committee that negotiates for Daraa al-Balad agreed on "
    "Sunday on a Russian-brokered deal to end a two-month siege of the old quarter of Daraa "
    "city, committee members said. Under the deal, gunmen who refuse to settle their status "
    "will be moved to the opposition-held north and the army will set up checkpoints inside "
    "the district. Buses carrying the first group of about 40 fighters and their families "
    "left for the north on Monday. The day before the agreement, army shelling on the "
    "district killed three people, the Horan Free Gathering said.",
    [dict(types=[AGREE], date="2021-09-05", wd="Sunday",
          loc=["Daraa al-Balad", "Dar'a al-Balad", "Daraa al Balad"] + DARAA),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2021-09-04", wd="Saturday",
          loc=["Daraa al-Balad", "Dar'a al-Balad", "Daraa al Balad"] + DARAA, fatalities=3),
     dict(types=[NONVIOL, AGREE, "Other"], required=False, date="2021-09-06",
          loc=["Daraa al-Balad", "Dar'a al-Balad", "Daraa al Balad"] + DARAA,
          note="departure of fighters under the deal")],
    [("gunmen who refuse to settle their status will be moved to the opposition-held north",
      "terms of the deal, future")])

# ---------------------------------------------------------------- d15 Ghouta (FA-KES)
doc("d15", None, "Fighting rages in Eastern Ghouta despite UN truce call",
    "Syrian government forces fought Jaysh al-Islam rebels around the village of "
    "al-Shifuniyah in Eastern Ghouta on Sunday, the Syrian Observatory for Human Rights said, "
    "reporting 13 pro-government fighters and nine rebels killed. Jaysh al-Islam said it had "
    "repelled the assault. Air strikes on the town of Douma killed at least nine civilians on "
    "the same day, rescuers said. The UN Security Council on Saturday unanimously demanded a "
    "30-day truce across the country. The monitor says more than 500 civilians have been "
    "killed in the enclave since the bombardment intensified a week ago.",
    [dict(types=[ARMED], actors=["SYR_MIL", "JAISH_ISLAM"], date="2018-02-25", wd="Sunday",
          loc=["al-Shifuniyah", "Shifuniyah", "al-Shayfouniyeh", "Al Shifouniyeh"] + RIF,
          fatalities=22),
     dict(types=[AIR], actors=["CIVILIANS"], date="2018-02-25", wd="Sunday",
          loc=["Douma", "Duma"] + RIF, fatalities=9)],
    [("The UN Security Council on Saturday unanimously demanded a 30-day truce",
      "statement abroad"),
     ("more than 500 civilians have been killed in the enclave", "casualty recap")],
    dateline="Mon 26 Feb 2018", anchor="2018-02-26",
    doc_fatalities={"types": [ARMED, AIR, SHELL], "total": 31})

# ---------------------------------------------------------------- d16 Hasakah
doc("d16", "2020-06-05", "SDF detains 15 in Shaddadi raids",
    "The Syrian Democratic Forces detained at least 15 young men in a raid campaign in the "
    "town of al-Shaddadi in southern Hasakah on Wednesday, searching homes for suspected "
    "Islamic State cells, local sources said. Most of them were released after questioning. "
    "The SDF denied reports by local activists that one of the detainees had died under "
    "torture. In a statement, the group said the campaign would go on until the area was "
    "cleared of cells.",
    [dict(types=[ARRESTS], actors=["SDF"], date="2020-06-03", wd="Wednesday",
          loc=["al-Shaddadi", "Shaddadi", "Al Shaddadah", "Ash Shaddadi"] + HASAKAH)],
    [("The SDF denied reports by local activists that one of the detainees had died",
      "denied allegation (see README)"),
     ("the campaign would go on until the area was cleared of cells", "statement / intent")])

# ---------------------------------------------------------------- d17 Homs (FA-KES)
doc("d17", None, "Bomb blast hits minibus in Homs",
    "An explosive device went off inside a minibus in the al-Zahraa neighbourhood of Homs on "
    "Monday, killing three passengers and injuring 11, the governor of Homs said. No group "
    "claimed responsibility. Al-Zahraa, a mostly Alawite district, has been hit repeatedly: "
    "on May 21 a car bomb at its main roundabout killed 12 people. Security forces closed "
    "the roads into the district after Monday's blast.",
    [dict(types=[IED], actors=["UNIDENTIFIED", "CIVILIANS"], date="2015-11-16", wd="Monday",
          loc=["al-Zahraa", "Zahraa", "Al Zahra", "Zahra"] + HOMS, fatalities=3),
     dict(types=[IED, SUICIDE], historical=True, date="2015-05-21",
          loc=["al-Zahraa", "Zahraa", "Al Zahra", "Zahra"] + HOMS, fatalities=12)],
    [("Al-Zahraa, a mostly Alawite district, has been hit repeatedly", "background")],
    dateline="Published November 17 2015", anchor="2015-11-17")

# ---------------------------------------------------------------- d18 Hama
doc("d18", "2016-02-20", "Islamic State kills dozens in Hama village",
    "Islamic State militants stormed the village of al-Saan in the eastern Hama countryside "
    "before dawn on Thursday, killing dozens of residents, including women and children, in "
    "what the Syrian Observatory for Human Rights called a massacre. Government troops and "
    "the pro-government National Defence Forces retook the village in the afternoon after "
    "clashes in which nine militants were killed, the Observatory said. The UN envoy for Syria "
    "condemned the killings and called for those responsible to be held to account.",
    [dict(types=[ATTACK], actors=["ISIS", "CIVILIANS"], date="2016-02-18", wd="Thursday",
          loc=["al-Saan", "As Saan", "Al Saan", "Saan", "Es-Saan"] + HAMA, fatalities=12),
     dict(types=[GOV_TAKE, ARMED], actors=["SYR_MIL", "ISIS"], date="2016-02-18",
          wd="Thursday", loc=["al-Saan", "As Saan", "Al Saan", "Saan", "Es-Saan"] + HAMA,
          fatalities=9),
     dict(types=[NSA_TAKE], actors=["ISIS"], required=False, date="2016-02-18",
          loc=["al-Saan", "As Saan", "Al Saan", "Saan", "Es-Saan"] + HAMA,
          note="implied brief IS capture")],
    [("The UN envoy for Syria condemned the killings", "condemnation")])

# ---------------------------------------------------------------- d19 Aleppo (FA-KES)
doc("d19", None, "Army restores security to more neighbourhoods in eastern Aleppo",
    "Units of the army and armed forces, backed by allied forces, restored security and "
    "stability to the neighbourhoods of al-Shaar and Karm al-Jabal in the east of Aleppo city "
    "on Wednesday after fierce clashes with terrorist groups, a military source told SANA. "
    "Engineering units were dismantling explosive devices planted by the terrorists in the "
    "streets, the source added. Meanwhile, terrorists fired rocket shells on the al-Furqan "
    "neighbourhood in western Aleppo, killing a child and injuring six other civilians, a "
    "source at Aleppo Police Command said.",
    [dict(types=[GOV_TAKE, ARMED], actors=["SYR_MIL"], date="2016-12-07", wd="Wednesday",
          loc=["al-Shaar", "Shaar", "al-Sha'ar", "Karm al-Jabal"] + ALEPPO),
     dict(types=[GOV_TAKE], actors=["SYR_MIL"], required=False, date="2016-12-07",
          loc=["Karm al-Jabal", "Karm al Jabal"] + ALEPPO,
          note="a coder may split the two neighbourhoods"),
     dict(types=[SHELL], actors=["CIVILIANS"], date="2016-12-07",
          loc=["al-Furqan", "Furqan", "Al Forqan"] + ALEPPO, fatalities=1),
     dict(types=["Disrupted weapons use"], required=False, date="2016-12-07",
          loc=["al-Shaar", "Shaar", "Karm al-Jabal"] + ALEPPO)],
    dateline="Thu 08 Dec 2016", anchor="2016-12-08")

# ---------------------------------------------------------------- d20 Idlib
doc("d20", "2019-08-22", "Government forces take full control of Khan Sheikhoun",
    "Syrian government forces took full control of the town of Khan Sheikhoun in southern "
    "Idlib province on Wednesday, after insurgents led by Hay'at Tahrir al-Sham withdrew "
    "overnight, the army said. The town had been in rebel hands since 2014. It was the site "
    "of a sarin gas attack on April 4, 2017, that killed more than 80 people and that UN "
    "investigators blamed on the Syrian government. Turkey said it would not withdraw its "
    "observation post in nearby Morek, now surrounded by government troops.",
    [dict(types=[GOV_TAKE, NONVIOL], actors=["SYR_MIL"], date="2019-08-21", wd="Wednesday",
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Shaikhoun", "Khan Sheikhun"] + IDLIB),
     dict(types=["Chemical weapon"], historical=True, date="2017-04-04",
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Shaikhoun", "Khan Sheikhun"] + IDLIB)],
    [("Turkey said it would not withdraw its observation post", "statement"),
     ("The town had been in rebel hands since 2014.", "background state, no date")])

# ---------------------------------------------------------------- d21 Deir ez-Zor
doc("d21", "2019-05-04", "Protests against SDF spread in Deir ez-Zor countryside",
    "Hundreds of people demonstrated on Friday in the town of al-Shuhayl in the eastern Deir "
    "ez-Zor countryside, demanding that the Syrian Democratic Forces release detainees and "
    "stop taking oil from the area, local activists said. In the nearby town of Dhiban, SDF "
    "fighters fired into the air to break up a similar protest on the same day. The protests "
    "followed the killing on Monday of a tribal elder in Dhiban by unknown gunmen. An SDF "
    "official said the demonstrations were being stirred up by the government.",
    [dict(types=[PEACEFUL], actors=["PROTESTERS"], date="2019-05-03", wd="Friday",
          loc=["al-Shuhayl", "Shuhayl", "Al Shuhail", "Shheil", "Al-Sh'heil"] + DEZ),
     dict(types=[INTERV], actors=["SDF"], date="2019-05-03", wd="Friday",
          loc=["Dhiban", "Thiban", "Diban"] + DEZ),
     dict(types=[ATTACK], actors=["UNIDENTIFIED"], required=False, historical=True,
          date="2019-04-29", wd="Monday", loc=["Dhiban", "Thiban", "Diban"] + DEZ,
          fatalities=1)],
    [("An SDF official said the demonstrations were being stirred up by the government.",
      "accusation")])

# ---------------------------------------------------------------- d22 Latakia (FA-KES)
doc("d22", None, "Clashes in Latakia mountains as jihadists target Hmeimim",
    "Government forces and allied militias fought Hay'at Tahrir al-Sham and Turkistan Islamic "
    "Party fighters on the hills around the village of Kabani in the northern Latakia "
    "countryside on Sunday, in a renewed attempt to advance towards Jisr al-Shughur. At "
    "least 11 government troops and seven jihadists were killed, the Syrian Observatory for "
    "Human Rights said. Late on Sunday, militants fired rockets at the Russian air base at "
    "Hmeimim, south of Latakia city; the Russian military said its air defences shot all of "
    "them down. Since the end of April, fighting in the north-west has killed more than 950 "
    "people. The war has killed over 370,000 people since 2011.",
    [dict(types=[ARMED], actors=["SYR_MIL", "HTS"], date="2019-05-26", wd="Sunday",
          loc=["Kabani", "Kabbaneh", "Kabana", "Kabaneh", "Kbani"] + LATAKIA, fatalities=18),
     dict(types=[SHELL, "Disrupted weapons use"], date="2019-05-26", wd="Sunday",
          loc=["Hmeimim", "Khmeimim", "Humaymim", "Hmeymim", "Jableh", "Jablah"] + LATAKIA,
          fatalities=0)],
    [("Since the end of April, fighting in the north-west has killed more than 950",
      "casualty recap"),
     ("The war has killed over 370,000 people since 2011.", "running war total")],
    dateline="Published May 27 2019", anchor="2019-05-27", title_in_text=False)

# ---------------------------------------------------------------- d23 Quneitra (FA-KES)
doc("d23", None, "Rebels seize Golan crossing from Syrian army",
    "Syrian rebels, among them fighters of the al-Qaeda-linked al-Nusra Front, captured the "
    "Quneitra crossing point on the armistice line with the Israeli-occupied Golan Heights "
    "on Wednesday after heavy clashes with government troops, the Syrian Observatory for "
    "Human Rights said. At least 20 soldiers and four rebels were killed. An Israeli officer "
    "was moderately wounded by stray fire from the Syrian side, and Israeli forces fired at "
    "two Syrian army positions in response, an army spokeswoman said. The Israeli army said "
    "it would not tolerate any spillover of the fighting.",
    [dict(types=[NSA_TAKE, ARMED], actors=["SYR_MIL"], date="2014-08-27", wd="Wednesday",
          loc=["Quneitra crossing", "Al Qunaytirah crossing"] + QUNEITRA, fatalities=24),
     dict(types=[SHELL], actors=["ISR_MIL", "SYR_MIL"], date="2014-08-27", wd="Wednesday",
          loc=QUNEITRA),
     dict(types=[ARMED, SHELL, ATTACK], required=False, date="2014-08-27",
          loc=["Golan Heights", "Golan", "Israeli-occupied Golan Heights"],
          note="stray fire wounding an Israeli officer across the line")],
    [("The Israeli army said it would not tolerate any spillover", "threat")],
    dateline="28.08.2014", anchor="2014-08-28")

# ---------------------------------------------------------------- d24 Idlib (no event)
doc("d24", "2018-09-04", "Powers trade warnings over Idlib offensive",
    "Russia's foreign minister said on Tuesday that militants in Idlib province must be "
    "liquidated, while Turkey warned that a government offensive would cause a humanitarian "
    "disaster on its border. The UN envoy for Syria urged all sides to spare the three "
    "million people living in the province and offered to help open humanitarian corridors. "
    "Damascus has massed troops on the edges of the province, and a ground assault is "
    "expected within days. The Syrian Network for Human Rights said 180 civilians were "
    "killed across Syria in August.",
    [],
    [("Russia's foreign minister said on Tuesday that militants in Idlib province must be "
      "liquidated", "statement / threat"),
     ("Turkey warned that a government offensive would cause a humanitarian disaster",
      "warning"),
     ("The UN envoy for Syria urged all sides", "appeal"),
     ("a ground assault is expected within days", "expected"),
     ("The Syrian Network for Human Rights said 180 civilians were killed", "monthly recap")])

# ---------------------------------------------------------------- d25 Deir ez-Zor
doc("d25", "2020-12-31", "Islamic State ambush on army bus kills 25 soldiers",
    "Islamic State militants ambushed a bus carrying soldiers on the road between Palmyra and "
    "Deir ez-Zor near the village of Kabajeb on Wednesday, opening fire with machine guns and "
    "rocket-propelled grenades, state media said, putting the death toll at 25. The Syrian "
    "Observatory for Human Rights said 37 soldiers were killed. The group claimed the attack "
    "on Thursday. IS has killed more than 1,200 government soldiers and allied fighters in "
    "the desert since it lost its last territory in March 2019, according to the Observatory.",
    [dict(types=[ARMED], actors=["ISIS", "SYR_MIL"], date="2020-12-30", wd="Wednesday",
          loc=["Kabajeb", "Kabajib", "Kabajjeb", "Al Kabajeb"] + DEZ, fatalities=25)],
    [("IS has killed more than 1,200 government soldiers and allied fighters",
      "running total")])

with open(os.path.join(HERE, "blind3.jsonl"), "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")

actors = {
    "_comment": "sitrep blind check 3 actor keys: standard ACLED names first, then common "
                "spellings. Names fold (case, diacritics, apostrophes, hyphens, brackets, a "
                "leading al-/the) before comparison.",
    "SYR_MIL": ["Military Forces of Syria", "Military Forces of Syria (2000-)",
                "Military Forces of Syria (2000-2024)", "Syrian Arab Army", "Syrian Army",
                "Syrian Armed Forces", "Syrian government forces"],
    "RUS_MIL": ["Military Forces of Russia", "Military Forces of Russia (2000-)",
                "Russian Aerospace Forces", "Russian Armed Forces", "Russian military"],
    "TUR_MIL": ["Military Forces of Turkey", "Military Forces of Turkey (2016-)",
                "Turkish Armed Forces", "Turkish military"],
    "ISR_MIL": ["Military Forces of Israel", "Military Forces of Israel (1948-)",
                "Israel Defense Forces", "IDF", "Israeli military", "Israeli army"],
    "US_COALITION": ["Military Forces of the United States",
                     "Military Forces of the United States (2017-2021)",
                     "Operation Inherent Resolve", "Global Coalition", "US-led coalition",
                     "Coalition", "International Coalition"],
    "ISIS": ["Islamic State", "Islamic State (Syria)", "ISIS", "ISIL", "IS", "Daesh",
             "Islamic State group", "Islamic State of Iraq and the Levant"],
    "HTS": ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"],
    "NUSRA": ["Jabhat al-Nusra", "Al-Nusra Front", "Nusra Front", "Jabhat al-Nusra li-Ahl al-Sham",
              "Jabhat Fateh al-Sham"],
    "ZENKI": ["Nour al-Din al-Zenki Movement", "Nour al-Din al-Zenki", "Harakat Nour al-Din al-Zenki",
              "Nur al-Din al-Zinki Movement", "Zenki"],
    "JAISH_ISLAM": ["Jaysh al-Islam", "Jaish al-Islam", "Army of Islam"],
    "SDF": ["Syrian Democratic Forces", "SDF", "QSD"],
    "CIVILIANS": ["Civilians", "Civilians (Syria)"],
    "UNIDENTIFIED": ["Unidentified Armed Group", "Unidentified Armed Group (Syria)"],
    "PROTESTERS": ["Protesters", "Protesters (Syria)"],
}

json.dump(gold, open(os.path.join(HERE, "blind3.gold.json"), "w", encoding="utf-8"),
          indent=1, ensure_ascii=False)
json.dump(actors, open(os.path.join(HERE, "actors.gold.json"), "w", encoding="utf-8"),
          indent=1, ensure_ascii=False)

# every actor key used in the gold is defined
used = {a for d in gold["docs"] for e in d["events"] for a in e["actors"]}
assert used <= set(actors), used - set(actors)
req = sum(e["required"] for d in gold["docs"] for e in d["events"])
opt = sum(not e["required"] for d in gold["docs"] for e in d["events"])
print(f"{len(docs)} docs, {req} required events, {opt} optional, "
      f"{len(gold['negatives'])} negatives, "
      f"{sum(d['published'] is None for d in docs)} without a published date")
