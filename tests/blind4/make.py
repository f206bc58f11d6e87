#!/usr/bin/env python3
"""Writes blind4.jsonl, blind4.gold.json and actors.gold.json: a fourth blind
check, written and coded by hand on 2026-12-02 (session 5) before any run of
the coder on it.  25 short snippets (e01..e25) and 15 articles (e26..e40), six
of them FA-KES style (no "published", a dateline at the head of the text).

Run from anywhere: python3 tests/blind4/make.py
"""
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)

docs = []
gold = {"_about": "sitrep's fourth blind check: 40 texts (25 snippets, 15 articles) written "
        "in the helper's own words in session 5 on 2026-12-02 and coded by hand the ACLED "
        "way before any run of the coder; no coder rule was tuned on them.",
        "docs": [], "negatives": []}

ACLED_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack",
    "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other"}


def E(types, date, loc, actors=(), **kw):
    e = {"types": list(types), "date": date, "loc": loc, "actors": list(actors)}
    e.update(kw)
    return e


def doc(i, pub, title, body, events, negs=(), kind="snippet", dateline=None, doc_fat=None):
    if dateline:  # FA-KES style: dateline, title and body in one run of text
        text = f"{dateline} {title} . {body}"
    else:
        text = title + "\n\n" + body
    docs.append({"id": i, "title": title, "published": pub, "source": "sitrep-blind",
                 "text": text})
    ev = []
    for k, e in enumerate(events, 1):
        g = {"id": f"{i}-{k}", "required": e.get("required", True), "types": e["types"],
             "actors": e["actors"], "date": e["date"], "date_tol": e.get("tol", 1),
             "location": e["loc"]}
        for f in ("fatalities", "certainty", "historical"):
            if f in e:
                g[f] = e[f]
        ev.append(g)
    d = {"id": i, "published": pub, "kind": kind, "events": ev}
    if doc_fat:
        d["doc_fatalities"] = doc_fat
    gold["docs"].append(d)
    for t, why in negs:
        gold["negatives"].append({"doc": i, "text": t, "why": why})


# ---- place spellings --------------------------------------------------------
IDLIB = ["Idlib", "Idleb"]
ALEPPO = ["Aleppo", "Halab"]
HASAKAH = ["Hasakah", "Al Hasakah", "Al-Hasakah", "Hasaka", "Al-Hasakeh", "Hassakeh"]
RAQQA = ["Raqqa", "Ar Raqqah", "Ar-Raqqa", "Al-Raqqa", "Raqqah"]
DEIR = ["Deir ez-Zor", "Deir-ez-Zor", "Dayr az Zawr", "Deir Ezzor", "Deir al-Zour", "Deir al-Zor"]
DARAA = ["Daraa", "Dar'a", "Deraa", "Dara"]
SUWAYDA = ["Suwayda", "As Suwayda", "As-Suwayda", "Sweida", "Suwaida", "Al-Suwayda"]
QUNEITRA = ["Quneitra", "Al Qunaytirah", "Qunaytirah", "Al-Quneitra", "Kuneitra"]
HOMS = ["Homs", "Hims"]
HAMA = ["Hama", "Hamah"]
LATAKIA = ["Latakia", "Lattakia", "Al Ladhiqiyah", "Al-Lathqiyah", "Ladhiqiyah"]
TARTUS = ["Tartus", "Tartous", "Tartous"]
RIF = ["Rif Dimashq", "Rural Damascus", "Damascus Countryside", "Reef Damascus", "Rif Damascus"]
DAMASCUS = ["Damascus", "Dimashq"]
AIN_ISSA = ["Ain Issa", "Ayn Issa", "Ein Issa", "Ain Eissa", "Ayn Isa", "Tell Abiad", "Tal Abyad"]
TAL_ABYAD = ["Tal Abyad", "Tell Abiad", "Tall Abyad", "Tel Abyad", "Gire Spi"]
RAS_AIN = ["Ras al-Ain", "Ras al Ain", "Ras al-Ayn", "Ras al Ayn", "Ras Al Ain", "Serekaniye",
           "Ras al-Ain district"]
QAMISHLI = ["Qamishli", "Al-Qamishli", "Al Qamishli", "Qamishly", "Kamishli", "Qamishlo"]
MANBIJ = ["Manbij", "Menbij", "Minbij", "Manbej"]
AFRIN = ["Afrin", "Efrin", "Afreen"]
PALMYRA = ["Palmyra", "Tadmur", "Tadmor"]

# ---- snippets -----------------------------------------------------------------
doc("e01", "2021-08-19", "Turkish drone targets vehicle near Ain Issa",
    "A Turkish drone struck a vehicle on the M4 highway west of Ain Issa on Wednesday "
    "afternoon, killing two fighters of the Syrian Democratic Forces and wounding a third, the "
    "SDF media centre said. The occupation army has stepped up its drone attacks on the area "
    "this month.",
    [E(["Air/drone strike"], "2021-08-18", AIN_ISSA + RAQQA, ["TUR_MIL", "SDF"], fatalities=2)],
    [("The occupation army has stepped up its drone attacks on the area this month.",
      "vague trend, no single event")])

doc("e02", "2021-03-08", "Roadside bomb kills soldiers near Palmyra",
    "A roadside bomb tore through a bus carrying Syrian army soldiers on the road east of "
    "Palmyra on Sunday, killing at least six of them, a war monitor said. No group claimed the "
    "blast.",
    [E(["Remote explosive/landmine/IED"], "2021-03-07", PALMYRA + HOMS, ["SYR_MIL"],
       fatalities=6)])

doc("e03", "2020-11-03", "Former rebel commander shot dead in Jasim",
    "Gunmen on a motorcycle shot dead a former opposition commander in the town of Jasim in "
    "northern Daraa late on Monday, the Horan Free Gathering said. The man had joined a local "
    "reconciliation committee after the 2018 settlement.",
    [E(["Attack"], "2020-11-02", ["Jasim", "Jassem", "Jasem", "Izra"] + DARAA,
       ["UNIDENTIFIED"], fatalities=1)])

doc("e04", "2019-07-16", "Grain merchant kidnapped in Suwayda",
    "An armed gang kidnapped a grain merchant on the road between Shahba and the city of "
    "Suwayda on Sunday and is demanding a ransom of 50 million Syrian pounds for his release, "
    "the local network Suwayda 24 reported.",
    [E(["Abduction/forced disappearance"], "2019-07-14", ["Shahba", "Shahbaa"] + SUWAYDA,
       ["CIVILIANS"])])

doc("e05", "2022-02-10", "Conscription raid in al-Tall",
    "Syrian government security forces raided homes in the town of al-Tall north of Damascus on "
    "Wednesday and detained at least 15 young men wanted for military service, according to the "
    "Syrian Network for Human Rights.",
    [E(["Arrests"], "2022-02-09", ["Al-Tall", "At Tall", "Al Tall", "Tall", "Al-Tal"] + RIF,
       ["SYR_SEC"])])

doc("e06", "2023-08-25", "Hundreds rally in Suwayda's al-Karama Square",
    "Hundreds of people gathered in al-Karama Square in the city of Suwayda on Friday for the "
    "seventh day running, calling for political change and chanting against the government. "
    "The gathering ended without incident, local media said.",
    [E(["Peaceful protest"], "2023-08-25", SUWAYDA, ["PROTESTERS"])])

doc("e07", "2022-06-02", "Erdogan repeats threat of new Syria push",
    "Turkish President Tayyip Erdogan said on Wednesday that Turkey would soon clear Tal Rifaat "
    "and Manbij of 'terrorists' as part of its plan for a 30-km safe zone along the border. He "
    "gave no date for the operation.",
    [],
    [("Turkish President Tayyip Erdogan said on Wednesday that Turkey would soon clear Tal "
      "Rifaat", "threat of a future operation (expected)"),
     ("He gave no date for the operation.", "statement")])

doc("e08", "2019-05-20", "Terrorists target Suqaylabiyah with rocket shells",
    "Terrorist organizations positioned in the southern countryside of Idlib targeted the city "
    "of Suqaylabiyah in Hama northern countryside with rocket shells on Monday, killing a woman "
    "and injuring three children, SANA reporter said.",
    [E(["Shelling/artillery/missile attack"], "2019-05-20",
       ["Suqaylabiyah", "Al-Suqaylabiyah", "As Suqaylabiyah", "Skeilbiyeh", "Suqaylabiyeh",
        "Al-Suqaylabiyah district"] + HAMA, ["CIVILIANS"], fatalities=1)])

doc("e09", "2018-04-01", "Monitor: over 1,600 civilians killed in March",
    "The Syrian Observatory for Human Rights said on Sunday it had documented the deaths of "
    "1,674 civilians across Syria during March, the highest monthly toll in more than two "
    "years, most of them in Eastern Ghouta.",
    [],
    [("The Syrian Observatory for Human Rights said on Sunday it had documented the deaths",
      "monthly running total, no event")])

doc("e10", "2022-06-19", "Factions clash in Jindires",
    "Fighters of the Sultan Murad Division and the Levant Front clashed with medium weapons in "
    "the town of Jindires in the Afrin region on Saturday over control of a checkpoint, leaving "
    "two fighters dead, a war monitor said.",
    [E(["Armed clash"], "2022-06-18", ["Jindires", "Jandairis", "Jinderes", "Jindiris"] + AFRIN
       + ALEPPO, ["SULTAN_MURAD", "LEVANT_FRONT"], fatalities=2)])

doc("e11", "2019-08-05", "Russia says drones downed near Hmeimim",
    "Russia's defence ministry said on Monday that air defences at its Hmeimim base in Latakia "
    "province had shot down several drones launched by militants from the Idlib de-escalation "
    "zone overnight. There were no casualties or damage, it said.",
    [E(["Disrupted weapons use"], "2019-08-05",
       ["Hmeimim", "Khmeimim", "Humaymim", "Hmeimim Air Base", "Jableh", "Jablah"] + LATAKIA,
       ["RUS_MIL"])])

doc("e12", "2022-08-18", "Protesters storm council building in al-Bab",
    "Angry protesters burned tyres and stormed the local council building in the city of "
    "al-Bab on Wednesday, smashing windows and setting a Turkish flag alight, after Ankara "
    "signalled a rapprochement with Damascus, activists said. Military police fired into the "
    "air.",
    [E(["Violent demonstration"], "2022-08-17", ["Al-Bab", "Al Bab", "Bab"] + ALEPPO)])

doc("e13", "2021-01-12", "Military police fire on protest in Tal Abyad",
    "Military police of the Turkish-backed Syrian National Army opened fire on Monday to "
    "disperse residents protesting against power cuts in the city of Tal Abyad, wounding two "
    "young men, a Kurdish news agency reported.",
    [E(["Excessive force against protesters", "Protest with intervention"], "2021-01-11",
       TAL_ABYAD + RAQQA, ["PROTESTERS"])])

doc("e14", "2018-10-09", "Faction loots olive harvest in Afrin village",
    "Members of the Hamza Division seized and sold the olive harvest of dozens of Kurdish "
    "families in the village of Sheikh al-Hadid in the Afrin region on Sunday, residents told a "
    "Kurdish outlet, accusing the group of treating the groves as spoils of war.",
    [E(["Looting/property destruction"], "2018-10-07",
       ["Sheikh al-Hadid", "Shaykh al-Hadid", "Sheikh Hadid", "Shiye"] + AFRIN + ALEPPO,
       ["HAMZA"])])

doc("e15", "2019-08-02", "Astana talks end with call to keep Idlib truce",
    "Russia, Turkey and Iran ended a 13th round of Syria talks in the Kazakh capital on Friday "
    "with a joint statement pledging to uphold the ceasefire in Idlib and to meet again in "
    "Geneva in October.",
    [],
    [("Russia, Turkey and Iran ended a 13th round of Syria talks",
      "diplomatic statement held abroad, reaffirming an existing truce")])

doc("e16", "2020-07-22", "Drone strike near Tal Tamr; Ankara denies role",
    "Kurdish media said a drone hit a house in the village of Um al-Kaif near Tal Tamr on "
    "Tuesday, killing two civilians. Turkey's defence ministry denied that its aircraft had "
    "carried out any strike in the area.",
    [E(["Air/drone strike"], "2020-07-21",
       ["Um al-Kaif", "Umm al-Kayf", "Umm al-Keif", "Tal Tamr", "Tell Tamer", "Tal Tamer"]
       + HASAKAH, ["CIVILIANS"], fatalities=2, certainty="denied")],
    [("Turkey's defence ministry denied that its aircraft had carried out any strike",
      "denial, not a second event")])

doc("e17", "2020-05-03", "Car bomb kills five in Ras al-Ain",
    "A car bomb exploded near a market in the Turkish-controlled town of Ras al-Ain on "
    "Saturday, killing five people including two children, a monitor said. Local officials "
    "blamed Kurdish militants; no one claimed responsibility.",
    [E(["Remote explosive/landmine/IED"], "2020-05-02", RAS_AIN + HASAKAH, fatalities=5)],
    [("Local officials blamed Kurdish militants; no one claimed responsibility.",
      "accusation, not an event")])

doc("e18", "2022-07-05", "Turkish shelling wounds children in Tal Rifaat",
    "Turkish army artillery shelled the town of Tal Rifaat in the northern Aleppo countryside on "
    "Monday, wounding three children, the Kurdish-led administration said. The shells were "
    "fired from Turkish bases near Azaz.",
    # origin of fire (Azaz) is not the scene: no admin1, so the scene must be named
    [E(["Shelling/artillery/missile attack"], "2022-07-04",
       ["Tal Rifaat", "Tell Rifaat", "Tal Refaat", "Tall Rifat", "Tal Rifat", "Tell Rifaat"],
       ["TUR_MIL"], fatalities=0)])

doc("e19", "2017-06-25", "Israel strikes Syrian army posts after stray fire",
    "Israeli aircraft and tanks struck two Syrian army positions near Khan Arnabah in Quneitra "
    "province on Saturday after some ten projectiles from the fighting in Syria landed in the "
    "Israeli-occupied Golan Heights, the Israeli military said.",
    [E(["Air/drone strike", "Shelling/artillery/missile attack"], "2017-06-24",
       ["Khan Arnabah", "Khan Arnaba", "Khan Arnabeh", "Madinat al-Baath"] + QUNEITRA,
       ["ISR_MIL", "SYR_MIL"]),
     E(["Shelling/artillery/missile attack"], "2017-06-24",
       ["Golan Heights", "Golan", "Occupied Golan"] + QUNEITRA, required=False)])

doc("e20", "2019-05-08", "LIVE: Hama offensive",
    "11:40 - Syrian state television says army units have taken full control of the town of "
    "Kafr Nabudah in the northern Hama countryside after fierce battles with terrorist groups. "
    "Rebel sources have not yet confirmed the loss of the town.",
    [E(["Government regains territory"], "2019-05-08",
       ["Kafr Nabudah", "Kafr Nabuda", "Kafr Naboudeh", "Kfar Nabudah", "Kafrnabuda"] + HAMA,
       ["SYR_MIL"], certainty="claimed"),
     E(["Armed clash"], "2019-05-08",
       ["Kafr Nabudah", "Kafr Nabuda", "Kafr Naboudeh", "Kfar Nabudah", "Kafrnabuda"] + HAMA,
       ["SYR_MIL"], required=False)])

doc("e21", "2016-08-25", "Deal reached to evacuate Darayya",
    "Rebels besieged in the Damascus suburb of Darayya reached an agreement with the government "
    "on Thursday to leave the town, a rebel official said. Fighters are due to be bussed to "
    "Idlib province starting on Friday, with civilians moved to shelters near Damascus.",
    [E(["Agreement"], "2016-08-25", ["Darayya", "Daraya", "Daraya district"] + RIF)],
    [("Fighters are due to be bussed to Idlib province starting on Friday",
      "planned evacuation (expected)")])

doc("e22", "2021-01-14", "Overnight strikes hit militia posts near Albu Kamal",
    "Unidentified warplanes struck positions and weapons depots of Iran-backed militias around "
    "the town of Albu Kamal near the Iraqi border overnight, killing at least 16 fighters, the "
    "Syrian Observatory for Human Rights said on Wednesday.",
    [E(["Air/drone strike"], "2021-01-13",
       ["Albu Kamal", "Abu Kamal", "Al Bukamal", "Al-Bukamal", "Boukamal", "Abu Kamal district"]
       + DEIR, fatalities=16)])

doc("e23", "2020-01-26", "Army units repel terrorist attack in Latakia countryside",
    "Army units on Sunday repelled an attack launched by Jabhat al-Nusra terrorists on military "
    "points near Kabani in the northern countryside of Latakia, killing and injuring a number "
    "of them and destroying their weapons, SANA reporter said.",
    [E(["Armed clash"], "2020-01-26", ["Kabani", "Kabana", "Kbeineh", "Kabaneh", "Al-Haffa",
                                        "Al Haffeh"] + LATAKIA, ["SYR_MIL"])])

doc("e24", "2017-04-12", "Cell planning attacks arrested in Tartus",
    "Internal security forces on Tuesday arrested a terrorist cell in Tartus city that was "
    "planning to carry out bombings during the Easter holiday, a police source told SANA. "
    "Explosive belts and a car rigged with explosives were seized.",
    [E(["Arrests"], "2017-04-11", TARTUS, ["SYR_SEC"])])

doc("e25", "2016-09-30", "Bomb wounds four in Homs",
    "An explosive device planted in a car went off in the Akrama district of Homs on Thursday, "
    "wounding four people, state media said. In October 2014, twin bombings outside a school in "
    "the same neighbourhood killed dozens of children.",
    [E(["Remote explosive/landmine/IED"], "2016-09-29", HOMS + ["Akrama", "Ekrima", "Ikrima"],
       fatalities=0),
     E(["Remote explosive/landmine/IED", "Suicide bomb"], "2014-10-15",
       HOMS + ["Akrama", "Ekrima", "Ikrima"], tol=16, historical=True, required=False)])

# ---- articles -----------------------------------------------------------------
KAFR_ZITA = ["Kafr Zita", "Kafr Zeita", "Kafr Zayta", "Kafrzita"]
LATAMINA = ["al-Latamina", "Latamina", "Al-Lataminah", "Al Lataminah", "Latamneh", "Lataminah"]
MOREK = ["Morek", "Murak", "Mourek", "Murek"]
doc("e26", "2019-08-23",
    "Army units restore security to Kafr Zita, al-Latamina and Morek in Hama northern countryside",
    "Hama, SANA - Army units on Friday restored security and stability to the towns of Kafr "
    "Zita, al-Latamina and Morek in the northern countryside of Hama after eliminating the last "
    "remnants of the terrorist organizations that had been entrenched there, SANA's reporter "
    "said.\n\n"
    "The reporter added that the units, backed by the air force, advanced towards the towns from "
    "several axes after cutting off the supply routes of the terrorists of Jabhat al-Nusra, "
    "inflicting heavy losses upon them in personnel and equipment, while the rest of them fled "
    "towards Idlib countryside.\n\n"
    "Engineering units started combing the towns to remove the mines and explosive devices left "
    "behind by the terrorists, in preparation for the return of the residents who had been "
    "displaced by terrorism.\n\n"
    "Meanwhile, terrorist organizations on Thursday targeted the town of Mhardeh with rocket "
    "shells, killing a child and injuring four civilians and causing material damage to houses "
    "and public property.\n\n"
    "Army units had restored security to the town of Khan Shaykhun in the southern countryside "
    "of Idlib earlier this week.",
    [E(["Government regains territory", "Armed clash"], "2019-08-23", KAFR_ZITA, ["SYR_MIL"]),
     E(["Government regains territory", "Armed clash"], "2019-08-23", LATAMINA, ["SYR_MIL"]),
     E(["Government regains territory", "Armed clash"], "2019-08-23", MOREK, ["SYR_MIL"]),
     E(["Shelling/artillery/missile attack"], "2019-08-22",
       ["Mhardeh", "Mahardah", "Muhradah", "Mhardah", "Mahardeh"] + HAMA, ["CIVILIANS"],
       fatalities=1),
     E(["Government regains territory"], "2019-08-21",
       ["Khan Shaykhun", "Khan Sheikhoun", "Khan Shaykhoun", "Khan Sheikhun"] + IDLIB,
       ["SYR_MIL"], tol=3, required=False)],
    [("Engineering units started combing the towns to remove the mines",
      "demining, not an event")], kind="article")

doc("e27", "2021-09-07",
    "Russian jets and regime artillery pound Jabal al-Zawiya; one killed in Maarrat Misrin",
    "A civilian was killed and three others were injured on Monday when Russian warplanes struck "
    "the outskirts of the town of Maarrat Misrin, north of Idlib city, the Syrian Civil Defence "
    "(White Helmets) said.\n\n"
    "The strikes came as Assad regime forces stationed in the town of Kafr Nabl shelled the "
    "villages of al-Bara and Ihsim in Jabal al-Zawiya with dozens of artillery and rocket "
    "rounds, damaging homes and a water station, according to Enab Baladi's correspondent in "
    "the area.\n\n"
    "In response, the al-Fateh al-Mubin operations room, which groups Hay'at Tahrir al-Sham and "
    "factions of the National Front for Liberation, said it had targeted regime positions on the "
    "Hazarin front with rockets, killing five soldiers. The figure could not be independently "
    "verified, and regime media did not comment.\n\n"
    "The escalation is the heaviest since the Moscow agreement of 5 March 2020 between Russia "
    "and Turkey, which froze the front lines in northwest Syria. The Syria Response Coordinators "
    "say more than 120 civilians have been killed in Idlib since June.",
    [E(["Air/drone strike"], "2021-09-06",
       ["Maarrat Misrin", "Maarat Misrin", "Ma'arrat Misrin", "Maaret Misrin", "Marat Misrin"]
       + IDLIB, ["RUS_MIL", "CIVILIANS"], fatalities=1),
     E(["Shelling/artillery/missile attack"], "2021-09-06", ["al-Bara", "Al Bara", "Bara",
                                                           "Elbara"], ["SYR_MIL"]),
     E(["Shelling/artillery/missile attack"], "2021-09-06", ["Ihsim", "Ehsem", "Ihsem",
                                                           "Ahsem"], ["SYR_MIL"]),
     E(["Shelling/artillery/missile attack"], "2021-09-06", ["Hazarin", "Hazareen", "Hazzarin"]
       + IDLIB, ["FATEH_MUBIN"], certainty="claimed"),
     E(["Agreement"], "2020-03-05", IDLIB + ["Moscow"], historical=True, required=False)],
    [("The Syria Response Coordinators say more than 120 civilians have been killed",
      "running total since June")], kind="article")

HOSHAN = ["Hoshan", "Hushan", "Houshan"]
doc("e28", "2022-11-25",
    "Turkish occupation drone kills Asayish member near Qamishli, villages of Ain Issa shelled",
    "QAMISHLI - A Turkish occupation drone targeted a car belonging to the Internal Security "
    "Forces (Asayish) on the road between Qamishli and Amuda on Thursday afternoon, killing one "
    "member and wounding two others, the Asayish General Command said in a statement.\n\n"
    "On the same day, the Turkish occupation army and its mercenaries shelled the villages of "
    "Hoshan and Sayda in the countryside of Ain Issa with heavy artillery, causing material "
    "damage to the property of civilians. No casualties were reported.\n\n"
    "Mercenaries of the so-called Syrian National Army then tried to infiltrate towards Hoshan "
    "from their positions near the M4 road. Fighters of the Ain Issa Military Council, part of "
    "the Syrian Democratic Forces, clashed with them for about two hours and forced them to "
    "retreat, the SDF media centre said, adding that three mercenaries were killed.\n\n"
    "The attacks come days after Turkey launched an air campaign it calls Claw-Sword against "
    "North and East Syria on 20 November. Turkish officials have repeatedly said a ground "
    "operation could follow at the right time.\n\n"
    "The Turkish state and its mercenaries have occupied Serekaniye and Gire Spi since October "
    "2019.",
    [E(["Air/drone strike"], "2022-11-24", QAMISHLI + ["Amuda", "Amude", "Amouda"] + HASAKAH,
       ["TUR_MIL"], fatalities=1),
     E(["Shelling/artillery/missile attack"], "2022-11-24", HOSHAN + AIN_ISSA, ["TUR_MIL"]),
     E(["Shelling/artillery/missile attack"], "2022-11-24", ["Sayda", "Saida", "Sayda Ain Issa"]
       + AIN_ISSA, ["TUR_MIL"], required=False),
     E(["Armed clash"], "2022-11-24", HOSHAN + AIN_ISSA, ["SDF", "SNA"], fatalities=3),
     E(["Air/drone strike"], "2022-11-20", None, ["TUR_MIL"], historical=True, required=False),
     E(["Non-state actor overtakes territory", "Government regains territory", "Armed clash"],
       "2019-10-15", RAS_AIN + TAL_ABYAD, tol=16, historical=True, required=False),
     E(["Non-state actor overtakes territory", "Government regains territory", "Armed clash"],
       "2019-10-15", RAS_AIN + TAL_ABYAD, tol=16, historical=True, required=False)],
    [("Turkish officials have repeatedly said a ground operation could follow",
      "threat of a future operation (expected)")], kind="article")

doc("e29", "2021-06-12",
    "Briefing by the head of the Russian Centre for Reconciliation of Opposing Parties in Syria",
    "Over the past 24 hours, 19 shelling attacks were recorded from positions of the Jabhat "
    "al-Nusra terrorist group in the Idlib de-escalation zone: 11 in Idlib province, 5 in "
    "Latakia province and 3 in Aleppo province.\n\n"
    "On 11 June, militants shelled the settlement of Nahshebba in Latakia province with mortars. "
    "One serviceman of the Syrian Arab Army was killed and two were wounded.\n\n"
    "In response to the repeated shelling, aircraft of the Russian Aerospace Forces delivered a "
    "strike on identified positions of illegal armed formations near the settlement of Bara in "
    "the south of the de-escalation zone. As a result, two ammunition depots and an armoured "
    "vehicle were destroyed, and up to 20 terrorists were eliminated.\n\n"
    "Russian military police, together with Turkish servicemen, carried out a joint patrol on "
    "the M4 highway.\n\n"
    "The Russian side once again calls on the leaders of illegal armed formations to abandon "
    "provocations and to take the path of peaceful settlement. A humanitarian action was held "
    "for residents of Khan Shaykhun.",
    [E(["Shelling/artillery/missile attack"], "2021-06-11",
       ["Nahshebba", "Nahshibba", "Nahshabba", "Nahshibah"] + LATAKIA, ["SYR_MIL"],
       fatalities=1),
     E(["Air/drone strike"], "2021-06-11", ["Bara", "al-Bara", "Al Bara", "Elbara"] + IDLIB,
       ["RUS_MIL"])],
    [("Over the past 24 hours, 19 shelling attacks were recorded",
      "aggregate tally, no single event"),
     ("Russian military police, together with Turkish servicemen, carried out a joint patrol",
      "patrol, not an event"),
     ("A humanitarian action was held for residents of Khan Shaykhun.", "aid, not an event")],
    kind="article")

doc("e30", "2020-02-18",
    "Recent Developments in Northwest Syria - Situation Report No. 9",
    "HIGHLIGHTS\n"
    "- Since 1 December 2019, some 875,000 people have been displaced from their homes in "
    "north-west Syria, more than 80 per cent of them women and children.\n"
    "- Hostilities continue to affect civilians and civilian infrastructure in southern and "
    "western Aleppo and southern Idlib governorates.\n\n"
    "SITUATION OVERVIEW\n"
    "On 12 February, airstrikes reportedly hit the vicinity of a hospital in Darat Izza in "
    "western Aleppo governorate, putting the facility out of service. No casualties among staff "
    "were reported. On 15 February, shelling was reported in Atarib town, killing two civilians, "
    "including a child, according to local sources.\n\n"
    "Over the past week, Government of Syria forces and their allies have taken control of the "
    "M5 highway between Aleppo and Hama, as well as dozens of communities in western Aleppo "
    "countryside.\n\n"
    "On 16 February, 120 trucks carrying food, shelter and non-food items crossed from Turkey "
    "into Idlib through the Bab al-Hawa border crossing. The United Nations continues to call on "
    "all parties to protect civilians and civilian infrastructure and to allow safe passage for "
    "those who wish to leave.",
    [E(["Air/drone strike"], "2020-02-12",
       ["Darat Izza", "Daret Azze", "Darat Azzah", "Dar Taizzah", "Daret Izza"] + ALEPPO,
       certainty="unconfirmed"),
     E(["Shelling/artillery/missile attack"], "2020-02-15",
       ["Atarib", "Al-Atarib", "Al Atarib", "Atareb", "Al-Atareb"] + ALEPPO, ["CIVILIANS"],
       fatalities=2),
     E(["Government regains territory"], "2020-02-14", ALEPPO, ["SYR_MIL"], tol=6,
       required=False)],
    [("Since 1 December 2019, some 875,000 people have been displaced",
      "running displacement total"),
     ("On 16 February, 120 trucks carrying food", "humanitarian convoy, not an event"),
     ("The United Nations continues to call on all parties", "statement")], kind="article")

doc("e31", "2022-03-07",
    "Islamic State ambush on army bus kills 13 soldiers in Syrian desert",
    "AMMAN, March 7 (Reuters) - Islamic State militants ambushed a bus carrying Syrian army "
    "personnel east of Palmyra on Sunday, killing 13 soldiers and wounding 18, state media and a "
    "war monitor said.\n\n"
    "State news agency SANA said terrorists had fired rockets and machine guns at the bus as it "
    "travelled along the road towards Deir al-Zor. The Islamic State group later claimed the "
    "attack on its Telegram channels, saying its fighters had destroyed the bus.\n\n"
    "A Syrian military source said Russian and Syrian warplanes carried out dozens of raids on "
    "militant hideouts in the Badia desert overnight in response. Reuters could not "
    "independently verify the claim.\n\n"
    "The hardline group lost the last territory it held in Syria in March 2019, when U.S.-backed "
    "fighters captured the village of Baghouz, but its cells still wage a low-level insurgency "
    "from the desert, where they frequently target army convoys and oil workers.\n\n"
    "Diplomats say Islamic State fighters have killed hundreds of soldiers in the desert since "
    "2020.",
    [E(["Armed clash", "Attack"], "2022-03-06", PALMYRA + HOMS, ["ISIS", "SYR_MIL"],
       fatalities=13),
     E(["Air/drone strike"], "2022-03-07", ["Badia", "Syrian Desert", "Badiya"] + PALMYRA + HOMS
       + DEIR, tol=1, certainty="unconfirmed", required=False),
     E(["Non-state actor overtakes territory", "Armed clash"], "2019-03-23",
       ["Baghouz", "Al Baghuz Fawqani", "Baghuz", "Al-Baghouz"] + DEIR, tol=12, historical=True,
       required=False)],
    [("Diplomats say Islamic State fighters have killed hundreds of soldiers",
      "running total since 2020")], kind="article")

doc("e32", "2023-09-14",
    "Gunfire wounds protesters at Baath office in Syria's Druze heartland",
    "Gunmen guarding a Baath party office in Syria's southern city of Suwayda opened fire on "
    "Wednesday on protesters trying to close the building, wounding three people, a war monitor "
    "and local media said.\n\n"
    "The demonstrators had gathered in the city centre before marching to the building, which "
    "several of them tried to shut with chains, according to the Suwayda 24 news website.\n\n"
    "\"Shots were fired directly at the crowd,\" one protester told AFP by telephone, asking not "
    "to be named for fear of reprisals. The government did not comment.\n\n"
    "Hundreds also rallied peacefully in the towns of Shahba and al-Qrayya on the same day, "
    "chanting slogans against President Bashar al-Assad, the outlet added.\n\n"
    "Protests have rocked the Druze-majority province since August 17, when the government cut "
    "fuel subsidies, in a rare challenge to Damascus in an area that largely stayed out of the "
    "civil war.\n\n"
    "Druze spiritual leader Sheikh Hikmat al-Hijri has backed the demonstrations and called for "
    "them to remain peaceful.",
    [E(["Excessive force against protesters", "Protest with intervention"], "2023-09-13",
       SUWAYDA, ["PROTESTERS"], fatalities=0),
     E(["Peaceful protest"], "2023-09-13", ["Shahba", "Shahbaa", "Shahba district"],
       ["PROTESTERS"]),
     E(["Peaceful protest"], "2023-09-13", ["al-Qrayya", "Qrayya", "Al-Qurayya", "Al Qrayya",
                                           "Qurayya", "Al-Qaryah"], ["PROTESTERS"]),
     E(["Peaceful protest"], "2023-08-17", SUWAYDA, historical=True, required=False)],
    [("Druze spiritual leader Sheikh Hikmat al-Hijri has backed the demonstrations",
      "statement")], kind="article")

# ---- FA-KES style articles: no published date, dateline at the head ---------------
doc("e33", None, "Syrian troops push into Eastern Ghouta as air raids kill 20",
    "Syrian government forces backed by heavy air strikes captured the town of Beit Sawa on the "
    "eastern edge of the rebel enclave of Eastern Ghouta on Saturday state media and a monitor "
    "said. The Syrian Observatory for Human Rights said at least 20 civilians were killed in air "
    "strikes on the towns of Hamouriyeh and Saqba 14 of them in Hamouriyeh alone. Rebels of "
    "Faylaq al-Rahman said they had repelled several attacks on the Mesraba front. Mortar shells "
    "fired from the enclave hit the Bab Touma district of the capital on Friday killing one "
    "woman state television reported. The United Nations Security Council demanded a 30-day "
    "ceasefire across Syria a week ago but the fighting has barely paused. Russia has ordered a "
    "daily five-hour humanitarian pause which it says opens a corridor for civilians to leave "
    "the enclave.",
    [E(["Government regains territory"], "2018-03-03",
       ["Beit Sawa", "Bayt Sawa", "Beit Sawwa", "Eastern Ghouta"] + RIF, ["SYR_MIL"]),
     E(["Air/drone strike"], "2018-03-03", ["Hamouriyeh", "Hammouriyeh", "Hamuriyah",
                                           "Hamoriyeh", "Hammuriyah", "Hamouria"],
       ["CIVILIANS"], fatalities=14),
     E(["Air/drone strike"], "2018-03-03", ["Saqba", "Saqbah", "Sakba"], ["CIVILIANS"],
       fatalities=6),
     E(["Armed clash"], "2018-03-03", ["Mesraba", "Misraba", "Mesrabah", "Eastern Ghouta"] + RIF,
       ["FAYLAQ_RAHMAN"], certainty="claimed"),
     E(["Shelling/artillery/missile attack"], "2018-03-02",
       ["Bab Touma", "Bab Tuma", "Bab Touma district"] + DAMASCUS, ["CIVILIANS"], fatalities=1),
     E(["Agreement", "Other"], None, ["Eastern Ghouta"] + RIF, required=False)],
    [("The United Nations Security Council demanded a 30-day ceasefire",
      "diplomatic demand abroad, dated vaguely")],
    kind="fakes", dateline="Sat 03 Mar 2018")

doc("e34", None, "Russian and Syrian jets pound east Aleppo ahead of pause",
    "Russian and Syrian government warplanes struck rebel-held districts of eastern Aleppo on "
    "Monday killing at least 13 civilians in al-Shaar and Bustan al-Qasr the Syrian Observatory "
    "for Human Rights said. Rebels fired rockets into the government-held district of "
    "Hamdaniyeh in the west of the city killing three people including a child state news "
    "agency SANA said. Moscow announced on Monday that its forces and the Syrian army would halt "
    "strikes for eight hours on Thursday to allow civilians and fighters to leave the besieged "
    "east through six corridors. Rebel groups rejected the offer saying they would not "
    "surrender the city. In the countryside to the north Turkish-backed rebels took the village "
    "of Dabiq from Islamic State fighters on Sunday a town of great symbolic value to the "
    "jihadists. About 275000 people are trapped in the eastern districts which government "
    "forces have besieged since July.",
    [E(["Air/drone strike"], "2016-10-17", ALEPPO + ["al-Shaar", "Shaar", "Bustan al-Qasr"],
       fatalities=13),
     # ACLED puts city districts at the city; a second district event may be coded
     E(["Air/drone strike"], "2016-10-17", ALEPPO + ["al-Shaar", "Shaar", "Bustan al-Qasr"],
       required=False),
     E(["Shelling/artillery/missile attack"], "2016-10-17",
       ALEPPO + ["Hamdaniyeh", "Hamdaniya", "al-Hamdaniyah"], ["CIVILIANS"], fatalities=3),
     E(["Non-state actor overtakes territory", "Armed clash"], "2016-10-16",
       ["Dabiq", "Dabeq", "Dabik"] + ALEPPO + ["Azaz", "A'zaz"], ["ISIS"])],
    [("Moscow announced on Monday that its forces and the Syrian army would halt strikes",
      "announced pause (expected)"),
     ("Rebel groups rejected the offer", "statement"),
     ("About 275000 people are trapped in the eastern districts", "background, running siege")],
    kind="fakes", dateline="17-10-2016")

ARIHA = ["Ariha", "Arihah", "Areeha"]
doc("e35", None, "Islamist alliance seizes Ariha last big town in Idlib held by army",
    "Fighters of the Jaish al-Fatah alliance which includes al-Qaedas Syrian branch the Nusra "
    "Front and Ahrar al-Sham captured the town of Ariha in northwest Syria on Thursday after a "
    "brief assault a monitoring group and the insurgents said. Government troops pulled out of "
    "the town after the fighters overran the hill of Mount Arbaeen a strategic position "
    "overlooking it the Syrian Observatory for Human Rights said. State television said the "
    "army had redeployed to defensive lines to the south. Hours after the takeover government "
    "helicopters dropped barrel bombs on Ariha killing at least six people activists said. The "
    "alliance captured the provincial capital Idlib in late March and the town of Jisr "
    "al-Shughour in April leaving the government with only a few outposts in the province "
    "including the Abu al-Duhur air base. Opposition commanders said their next target would "
    "be the coastal province of Latakia.",
    [E(["Non-state actor overtakes territory", "Armed clash"], "2015-05-28", ARIHA + IDLIB,
       ["JAISH_FATH"]),
     E(["Air/drone strike"], "2015-05-28", ARIHA + IDLIB, ["SYR_MIL"], fatalities=6),
     E(["Armed clash"], "2015-05-28", ["Mount Arbaeen", "Jabal al-Arbaeen", "Arbaeen"] + ARIHA
       + IDLIB, required=False),
     E(["Non-state actor overtakes territory"], "2015-03-28", IDLIB, tol=4, historical=True,
       required=False),
     E(["Non-state actor overtakes territory"], "2015-04-25",
       ["Jisr al-Shughour", "Jisr ash-Shughur", "Jisr al-Shughur"] + IDLIB, tol=15,
       historical=True, required=False)],
    [("Opposition commanders said their next target would be",
      "planned offensive (expected)")],
    kind="fakes", dateline="29.05.2015")

doc("e36", None, "US-backed forces push into Raqqa districts",
    "The Syrian Democratic Forces an alliance of Kurdish and Arab militias backed by the United "
    "States seized the al-Sinaa district on the eastern edge of Raqqa on Thursday after two days "
    "of fierce clashes with Islamic State fighters an SDF commander said. At least 17 jihadists "
    "were killed in the fighting according to the Syrian Observatory for Human Rights. The "
    "monitor also said that US-led coalition air strikes on the al-Jazra neighbourhood in the "
    "west of the city overnight killed 12 civilians including women and children sheltering in "
    "a mosque. A coalition spokesman said it takes all reports of civilian casualties seriously "
    "and would look into the claim which could not be independently verified. The SDF launched "
    "its offensive to capture Raqqa the Islamic States de facto capital in Syria on Tuesday. "
    "Tens of thousands of civilians remain trapped in the city.",
    [E(["Non-state actor overtakes territory", "Armed clash"], "2017-06-08",
       RAQQA + ["al-Sinaa", "Sinaa", "Al-Senaa"], ["SDF", "ISIS"], fatalities=17),
     E(["Air/drone strike"], "2017-06-08", RAQQA + ["al-Jazra", "Jazra", "Al-Jazrah"],
       ["US_COALITION", "CIVILIANS"], fatalities=12, certainty="unconfirmed"),
     E(["Armed clash"], "2017-06-06", RAQQA, ["SDF", "ISIS"], required=False)],
    [("A coalition spokesman said it takes all reports of civilian casualties seriously",
      "statement"),
     ("Tens of thousands of civilians remain trapped in the city.", "background")],
    kind="fakes", dateline="Published June 9 2017")

AFRIN_PL = AFRIN + ["Jalbara", "Jalbarah", "Shadeh", "Shaddah", "Sharran", "Sharan", "Jindires",
                    "Jandairis", "Jinderes"] + ALEPPO
doc("e37", None, "Turkey launches air strikes on Kurdish-held Afrin",
    "Turkish warplanes pounded positions of the Kurdish Peoples Protection Units (YPG) in Syrias "
    "Afrin region on Saturday marking the start of what Ankara has called Operation Olive "
    "Branch. The Turkish military said 72 jets hit 108 targets including shelters hideouts and "
    "ammunition depots. The YPG said the strikes hit the villages of Jalbara and Shadeh in "
    "Sharran district and the town of Jindires killing six civilians and three fighters. Hours "
    "earlier rockets fired from Afrin struck the Turkish border town of Kilis without causing "
    "casualties Turkish media said. Defence Minister Nurettin Canikli said ground troops would "
    "enter the region soon alongside Free Syrian Army fighters. Turkey considers the YPG a "
    "terrorist group linked to Kurdish insurgents inside Turkey. The YPG has controlled Afrin "
    "since government forces withdrew from the area in 2012.",
    [E(["Air/drone strike"], "2018-01-20", AFRIN_PL, ["TUR_MIL", "YPG"]),
     E(["Air/drone strike"], "2018-01-20", AFRIN_PL, ["TUR_MIL"], required=False),
     E(["Air/drone strike"], "2018-01-20", AFRIN_PL, ["TUR_MIL"], required=False),
     E(["Shelling/artillery/missile attack"], "2018-01-20", ["Kilis"], required=False)],
    [("Defence Minister Nurettin Canikli said ground troops would enter the region soon",
      "planned ground operation (expected)"),
     ("Turkey considers the YPG a terrorist group", "background"),
     ("The YPG has controlled Afrin since government forces withdrew", "background control")],
    kind="fakes", dateline="Date of publication 20 January 2018",
    doc_fat={"types": ["Air/drone strike"], "total": 9})

doc("e38", None, "Syria rebels agree to quit Quneitra near Golan",
    "Rebels in Syrias southern province of Quneitra have agreed to hand over their heavy weapons "
    "and let government forces return in exchange for safe passage to the opposition-held north "
    "a rebel negotiator said. The deal brokered by Russian officers was reached on Thursday in "
    "the town of Umm Batna and covers the area along the armistice line with the "
    "Israeli-occupied Golan Heights. Fighters who refuse to settle with the government will be "
    "taken by bus to Idlib province in the coming days. On Wednesday government troops and "
    "Russian military police entered the town of Nawa in neighbouring Daraa province under a "
    "separate surrender deal after days of bombardment state media said. The Syrian army "
    "launched its offensive in the southwest on June 19 and has since retaken most of Daraa "
    "province. Israel said it would not allow Iranian forces near its frontier.",
    [E(["Agreement"], "2018-07-19", ["Umm Batna", "Umm Batinah", "Um Batna"] + QUNEITRA),
     E(["Non-violent transfer of territory", "Government regains territory"], "2018-07-18",
       ["Nawa", "Nawa district"] + DARAA, ["SYR_MIL"]),
     E(["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"], "2018-06-19",
       DARAA, historical=True, required=False)],
    [("Fighters who refuse to settle with the government will be taken by bus",
      "planned evacuation (expected)"),
     ("Israel said it would not allow Iranian forces near its frontier.", "statement")],
    kind="fakes", dateline="Friday 20 Jul 2018")

# ---- more published articles --------------------------------------------------------
doc("e39", "2022-04-12",
    "Daraa: two former fighters killed, young man detained, bomb hits army vehicle",
    "Unknown gunmen shot dead two former opposition fighters who had joined the Russian-backed "
    "Eighth Brigade as they were driving near the town of Busra al-Sham in eastern Daraa on "
    "Monday evening, the Horan Free Gathering said.\n\n"
    "On the same day, Air Force Intelligence personnel at a checkpoint at the entrance of "
    "al-Sanamayn detained a young man from the town of Inkhil, reportedly for refusing to join "
    "the reserve service. His family has not been told where he is being held.\n\n"
    "Meanwhile, pro-government pages said an explosive device went off on Sunday next to a "
    "Syrian army vehicle on the road between Daraa city and Tafas, wounding two soldiers. The "
    "report could not be independently verified.\n\n"
    "Daraa has seen a rise in assassinations and attacks since the settlement agreement of July "
    "2018, which returned the province to government control under Russian guarantees. The "
    "Horan Free Gathering documented 43 assassination operations in March alone.\n\n"
    "The Eighth Brigade is led by Ahmad al-Awda, a former rebel commander from Busra al-Sham.",
    [E(["Attack", "Armed clash"], "2022-04-11",
       ["Busra al-Sham", "Bosra", "Busra ash-Sham", "Bosra al-Sham", "Busra"] + DARAA,
       ["UNIDENTIFIED"], fatalities=2),
     E(["Arrests", "Abduction/forced disappearance"], "2022-04-11",
       ["al-Sanamayn", "Sanamayn", "As Sanamayn", "Sanamein", "Al-Sanamein"] + DARAA,
       ["SYR_SEC"]),
     E(["Remote explosive/landmine/IED"], "2022-04-10", ["Tafas", "Tafs"] + DARAA, ["SYR_MIL"],
       fatalities=0, certainty="unconfirmed"),
     E(["Agreement"], "2018-07-15", DARAA, tol=16, historical=True, required=False)],
    [("The Horan Free Gathering documented 43 assassination operations",
      "monthly running total"),
     ("The Eighth Brigade is led by Ahmad al-Awda", "background")], kind="article")

doc("e40", "2019-01-17",
    "Suicide bomber kills 19, including four Americans, in Syria's Manbij",
    "BEIRUT (Reuters) - A suicide bomber blew himself up at a busy restaurant in the northern "
    "Syrian city of Manbij on Wednesday, killing 19 people, among them four Americans, the U.S. "
    "military and a war monitor said.\n\n"
    "The Islamic State group claimed responsibility through its Amaq news outlet, saying the "
    "bomber had targeted a coalition patrol. The U.S.-led coalition confirmed that two of its "
    "service members and two civilians working with it were among the dead.\n\n"
    "Manbij, a mainly Arab city west of the Euphrates, has been held by the Kurdish-led Syrian "
    "Democratic Forces since they drove Islamic State out in August 2016 with coalition air "
    "support. Turkey has long demanded that Kurdish YPG fighters leave the city.\n\n"
    "The blast came a month after President Donald Trump said he would withdraw all 2,000 U.S. "
    "troops from Syria. Turkish President Tayyip Erdogan said on Wednesday the attack might be "
    "linked to that decision and that Turkey was ready to take over security in Manbij.\n\n"
    "A resident said helicopters evacuated the wounded.",
    [E(["Suicide bomb"], "2019-01-16", MANBIJ + ALEPPO, ["ISIS"], fatalities=19),
     E(["Non-state actor overtakes territory", "Armed clash"], "2016-08-12", MANBIJ + ALEPPO,
       ["SDF", "ISIS"], tol=15, historical=True, required=False)],
    [("Turkish President Tayyip Erdogan said on Wednesday the attack might be linked",
      "statement"),
     ("President Donald Trump said he would withdraw all 2,000 U.S. troops",
      "announced withdrawal (expected)"),
     ("Turkey has long demanded that Kurdish YPG fighters leave the city.", "statement"),
     ("A resident said helicopters evacuated the wounded.", "not an event")], kind="article")

actors = {
    "_comment": "sitrep blind check 4 actor keys: standard ACLED names first, then common "
                "spellings. Folding (case, diacritics, apostrophes, hyphens, leading al-/the) "
                "is done by score.py.",
    "SYR_MIL": ["Military Forces of Syria (2000-)", "Military Forces of Syria", "Syrian Arab Army",
                "Syrian army", "SAA", "Syrian government forces", "Syrian regime forces",
                "regime forces", "Syrian troops", "Syrian Armed Forces"],
    "SYR_SEC": ["Military Forces of Syria (2000-)", "Military Forces of Syria",
                "Police Forces of Syria (2000-)", "Police Forces of Syria", "Syrian Arab Army",
                "Syrian security forces", "Syrian government forces", "Air Force Intelligence",
                "Military Forces of Syria (2000-) Air Force Intelligence", "Internal Security Forces",
                "Syrian police", "Syrian regime forces", "Syrian Military Intelligence"],
    "TUR_MIL": ["Military Forces of Turkey (2016-)", "Military Forces of Turkey", "Turkish Army",
                "Turkish Armed Forces", "Turkish military"],
    "RUS_MIL": ["Military Forces of Russia (2000-)", "Military Forces of Russia",
                "Russian Aerospace Forces", "Russian Air Force", "Russian military",
                "Russian Armed Forces"],
    "ISR_MIL": ["Military Forces of Israel (2022-)", "Military Forces of Israel (2021-2022)",
                "Military Forces of Israel (2015-2019)", "Military Forces of Israel",
                "Israel Defense Forces", "IDF", "Israeli military", "Israeli army"],
    "US_COALITION": ["Military Forces of the United States (2017-2021)",
                     "Military Forces of the United States", "Coalition", "Global Coalition",
                     "US-led coalition", "U.S.-led coalition", "International Coalition",
                     "Operation Inherent Resolve", "CJTF-OIR"],
    "ISIS": ["Islamic State", "Islamic State (Syria)", "ISIS", "ISIL", "IS", "Daesh",
             "Islamic State group", "Islamic State of Iraq and the Levant"],
    "HTS": ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"],
    "FATEH_MUBIN": ["Al Fateh al Mubin Operations Room", "al-Fateh al-Mubin",
                    "al-Fateh al-Mubin Operations Room", "Fateh Mubin Operations Room",
                    "Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS",
                    "National Front for Liberation", "National Liberation Front"],
    "SDF": ["Syrian Democratic Forces", "SDF", "QSD"],
    "YPG": ["YPG: People's Protection Units", "People's Protection Units", "YPG",
            "Kurdish People's Protection Units", "Peoples Protection Units"],
    "SNA": ["Syrian National Army", "SNA", "Syrian National Army (Turkey-backed)",
            "Turkish-backed factions", "Turkish-backed groups", "Turkish-backed militants",
            "Turkish-backed Syrian opposition", "National Army"],
    "SULTAN_MURAD": ["Sultan Murad Division", "Sultan Murad Brigade", "Firqat al-Sultan Murad",
                     "Sultan Murad"],
    "LEVANT_FRONT": ["Levant Front", "al-Jabha al-Shamiya", "Jabhat al-Shamiyah", "Shamiya Front",
                     "al-Jabha al-Shamiyah"],
    "HAMZA": ["Hamza Division", "Al-Hamza Division", "Firqat al-Hamza", "Hamzat Division"],
    "JAISH_FATH": ["Jaish al-Fatah", "Jaish al-Fateh", "Jaysh al-Fath", "Jaysh al-Fatah",
                   "Jaish al-Fath", "Army of Conquest"],
    "FAYLAQ_RAHMAN": ["Faylaq al-Rahman", "Failaq al-Rahman", "Al-Rahman Legion",
                      "Rahman Legion"],
    "CIVILIANS": ["Civilians (Syria)", "Civilians", "civilian"],
    "PROTESTERS": ["Protesters (Syria)", "Protesters", "Protestors"],
    "UNIDENTIFIED": ["Unidentified Armed Group (Syria)", "Unidentified Armed Group",
                     "unknown gunmen", "unidentified gunmen", "Unidentified"],
}


# ---- checks ---------------------------------------------------------------------------
def words(s):
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'.,:%-]*", s))


def check():
    bad = []
    ids = [d["id"] for d in docs]
    if ids != [f"e{n:02d}" for n in range(1, 41)]:
        bad.append(f"ids: {ids}")
    keys = {k for k in actors if not k.startswith("_")}
    for d, g in zip(docs, gold["docs"]):
        body = d["text"].split("\n\n", 1)[1] if d["published"] else d["text"]
        n = words(body)
        kind = g["kind"]
        lo, hi = (20, 70) if kind == "snippet" else (120, 250)
        if not lo <= n <= hi:
            bad.append(f"{d['id']}: {n} words for a {kind} ({lo}-{hi})")
        if (d["published"] is None) != (kind == "fakes"):
            bad.append(f"{d['id']}: published/kind mismatch")
        if d["published"]:
            dt.date.fromisoformat(d["published"])
        for e in g["events"]:
            for t in e["types"]:
                if t not in ACLED_TYPES:
                    bad.append(f"{e['id']}: unknown type {t}")
            for a in e["actors"]:
                if a not in keys:
                    bad.append(f"{e['id']}: actor key {a} not in actors.gold.json")
            if e["date"]:
                ed = dt.date.fromisoformat(e["date"])
                anchor = d["published"] or None
                if anchor and ed > dt.date.fromisoformat(anchor):
                    bad.append(f"{e['id']}: event after publication")
                if not dt.date(2011, 1, 1) <= ed <= dt.date(2023, 12, 31):
                    bad.append(f"{e['id']}: date out of range")
            if e["location"] is not None and not e["location"]:
                bad.append(f"{e['id']}: empty location")
            if e["required"] and (e["date"] is None or e["location"] is None):
                bad.append(f"{e['id']}: required event needs a date and a place")
            if e.get("historical") and e["required"] and e["date_tol"] > 3:
                bad.append(f"{e['id']}: vague historical event should be optional")
    flat = {d["id"]: re.sub(r"\s+", " ", d["text"]) for d in docs}
    for n in gold["negatives"]:
        if re.sub(r"\s+", " ", n["text"]) not in flat[n["doc"]]:
            bad.append(f"negative not in text of {n['doc']}: {n['text'][:40]}")
    if sum(1 for g in gold["docs"] if g["kind"] == "snippet") != 25:
        bad.append("need 25 snippets")
    if sum(1 for g in gold["docs"] if g["kind"] == "fakes") != 6:
        bad.append("need 6 FA-KES style articles")
    return bad


problems = check()
if problems:
    print("\n".join(problems))
    sys.exit(1)

with open("blind4.jsonl", "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
with open("blind4.gold.json", "w", encoding="utf-8") as f:
    json.dump(gold, f, indent=1, ensure_ascii=False)
with open("actors.gold.json", "w", encoding="utf-8") as f:
    json.dump(actors, f, indent=1, ensure_ascii=False)
evs = [e for g in gold["docs"] for e in g["events"]]
print(f"docs {len(docs)}; events required {sum(e['required'] for e in evs)}, optional "
      f"{sum(not e['required'] for e in evs)}; negatives {len(gold['negatives'])}")

if "--selftest" in sys.argv:
    # Gold-derived fake coder output must score F1 1.0 with no negative hit, and an
    # empty output must run and score recall 0.
    import subprocess
    import tempfile
    score = os.environ.get("SITREP_SCORE", "/work/shared/eval/score.py")
    tmp = tempfile.mkdtemp()
    fake = os.path.join(tmp, "fake.jsonl")
    with open(fake, "w", encoding="utf-8") as f:
        for g in gold["docs"]:
            tot = (g.get("doc_fatalities") or {}).get("total")
            for e in g["events"]:
                names = [actors[k][0] for k in e["actors"]]
                fat = e.get("fatalities")
                if tot and e["required"] and e["types"][0] in g["doc_fatalities"]["types"]:
                    fat, tot = tot, None
                f.write(json.dumps({
                    "doc_id": g["id"], "sub_event_type": e["types"][0],
                    "event_date": e["date"], "location": (e["location"] or ["Syria"])[0],
                    "actor1": names[0] if names else "", "actor2": names[1] if len(names) > 1 else "",
                    "fatalities": fat, "certainty": e.get("certainty", "reported"),
                    "historical": e.get("historical", False), "evidence": "gold-derived"}) + "\n")
    for evf, want in ((fake, "events_f1: 1.0"), (os.devnull, "events_recall: 0.0")):
        r = subprocess.run([sys.executable, score, "blind4.gold.json", "--events", evf],
                           capture_output=True, text=True, check=True).stdout
        ok = want in r and "negatives_hit: 0" in r and "doc_fatality_totals_wrong: []" in r \
            if evf == fake else want in r
        print(f"selftest {'ok' if ok else 'FAILED'}: {os.path.basename(evf)} -> {want}")
        if not ok:
            print(r)
            sys.exit(1)
