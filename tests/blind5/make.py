#!/usr/bin/env python3
"""Writes blind5.jsonl, blind5.gold.json and actors.gold.json: a fifth blind
check, written and coded by hand on 2026-12-02 (session 5) before any run of
the coder on it.  f01-f18 are short snippets, f19-f30 articles; f26-f30 are
FA-KES style (no "published", the dateline in the text is the anchor)."""
import datetime as dt
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
docs = []
gold = {"_about": "sitrep's fifth blind check: 18 snippets and 12 articles (5 FA-KES style, "
        "published=null with a dateline) written by hand in session 5 and coded before any "
        "run of the coder; no coder rule was tuned on them.", "docs": [], "negatives": []}
KIND = {}


def doc(i, pub, title, body, events, negs=(), dateline=None):
    if dateline is not None:          # FA-KES shape: one paragraph, dateline first
        text = f"{dateline} {title}. {body}"
        KIND[i] = "fakes"
    else:
        text = title + "\n\n" + body
        KIND[i] = "article" if len(body.split()) >= 120 else "snippet"
    docs.append({"id": i, "title": title, "published": pub, "source": "sitrep-blind5",
                 "text": text})
    ev = []
    for k, e in enumerate(events, 1):
        g = {"id": f"{i}-{k}", "required": e.get("required", True), "types": e["types"],
             "actors": e.get("actors", []), "date": e["date"], "date_tol": e.get("tol", 1),
             "location": e["loc"]}
        for f in ("fatalities", "certainty", "historical"):
            if f in e:
                g[f] = e[f]
        ev.append(g)
    gold["docs"].append({"id": i, "published": pub, "events": ev})
    for t, why in negs:
        assert t in body, (i, t)
        gold["negatives"].append({"doc": i, "text": t, "why": why})


# place spellings, with the admin names ACLED would also give
IDLIB = ["Idlib", "Idleb"]
ALEPPO = ["Aleppo", "Halab"]
HAMA = ["Hama", "Hamah"]
HOMS = ["Homs", "Hims"]
DAMASCUS_RIF = ["Rif Dimashq", "Rural Damascus", "Damascus Countryside", "Reef Dimashq"]
DARAA = ["Daraa", "Dar'a", "Deraa", "Dara'a"]
DEZ = ["Deir ez-Zor", "Deir ez Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"]
HASAKAH = ["Hasakah", "Al Hasakah", "Hasaka", "Al-Hasakah", "Hasakeh"]
RAQQA = ["Raqqa", "Ar Raqqah", "Raqqah", "Al-Raqqa"]
LATAKIA = ["Latakia", "Lattakia", "Al Ladhiqiyah", "Ladhiqiyah"]
AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"

# ---------------------------------------------------------------- snippets
doc("f01", "2018-02-27", "Air raids kill nine in Hamouria",
    "Syrian government warplanes bombed the town of Hamouria in the besieged Eastern Ghouta on "
    "Monday, killing nine civilians including three women, the Syrian Observatory for Human "
    "Rights said.",
    [dict(types=[AIR], actors=["SYR_MIL", "CIVILIANS"], date="2018-02-26",
          loc=["Hamouria", "Hammouriyeh", "Hamuriyah", "Hamouriyeh"] + DAMASCUS_RIF, fatalities=9)])
doc("f02", "2014-03-17", "Army says Yabroud back under its control",
    "Syrian troops backed by Hezbollah fighters took full control of the town of Yabroud in the "
    "Qalamoun mountains on Sunday, state television reported, driving out the last rebels holding "
    "the town.",
    [dict(types=["Government regains territory"], actors=["SYR_MIL", "HEZBOLLAH"], date="2014-03-16",
          loc=["Yabroud", "Yabrud", "Yabrood"] + DAMASCUS_RIF)])
doc("f03", "2018-05-08", "Iranian commander warns Israel",
    "A senior commander of Iran's Revolutionary Guards said on Tuesday that Iranian military "
    "advisers would stay in Syria for as long as Damascus wanted them. He warned Israel that any "
    "further attack on Iranian positions would receive a response it would regret.",
    [],
    [("A senior commander of Iran's Revolutionary Guards said on Tuesday that Iranian military "
      "advisers would stay in Syria", "statement"),
     ("He warned Israel that any further attack on Iranian positions would receive a response",
      "threat of a future response")])
doc("f04", "2022-08-19", "Ex-rebel commander killed by car bomb in Jasim",
    "A bomb planted in a car exploded in the town of Jasim in the northern Daraa countryside on "
    "Thursday, killing a former rebel commander who had joined a government-affiliated unit, the "
    "local Horan Free League said. No group claimed the attack.",
    [dict(types=["Remote explosive/landmine/IED"], actors=["UNIDENTIFIED"], date="2022-08-18",
          loc=["Jasim", "Jassem", "Jasem"] + DARAA, fatalities=1)])
doc("f05", "2019-10-24", "Live: north-east Syria",
    "11:42 - Turkish artillery is shelling villages around Tal Tamr in the Hasakah countryside, "
    "according to media close to the SDF. No casualties have been reported so far.",
    [dict(types=[SHELL], actors=["TUR_MIL"], date="2019-10-24",
          loc=["Tal Tamr", "Tell Tamer", "Tal Tamir", "Tell Tamr"] + HASAKAH, fatalities=0)])
doc("f06", "2015-06-14", "SANA: infiltration foiled in Latakia countryside",
    "Army units foiled an attempt by Jabhat al-Nusra terrorists to infiltrate military posts in "
    "the Jabal al-Akrad area of the northern Latakia countryside on Saturday, killing a number of "
    "them and destroying their weapons, SANA said.",
    [dict(types=["Armed clash"], actors=["SYR_MIL", "NUSRA"], date="2015-06-13",
          loc=["Jabal al-Akrad", "Jabal al Akrad", "Kurd Mountain"] + LATAKIA)])
doc("f07", "2020-02-17", "UN: displacement in north-west at record",
    "Some 900,000 people have been forced from their homes in north-west Syria since the start of "
    "December, most of them women and children, the UN's humanitarian office said on Monday. Many "
    "are sleeping in fields and under olive trees in freezing temperatures.",
    [],
    [("Some 900,000 people have been forced from their homes in north-west Syria since the start "
      "of December", "humanitarian figure"),
     ("Many are sleeping in fields and under olive trees", "humanitarian conditions")])
doc("f08", "2021-04-15", "SDF commander shot dead in Shuhayl",
    "Gunmen on a motorcycle shot dead a local commander of the Syrian Democratic Forces in the "
    "town of Shuhayl in eastern Deir ez-Zor on Wednesday, local activists said. Hours later, SDF "
    "forces arrested three suspects in a raid on the nearby village of Theban, the group said.",
    [dict(types=["Attack"], actors=["UNIDENTIFIED", "SDF"], date="2021-04-14",
          loc=["Shuhayl", "Al-Shuhail", "Al Shuhayl", "Shuheil", "Shaheel"] + DEZ, fatalities=1),
     dict(types=["Arrests"], actors=["SDF"], date="2021-04-14",
          loc=["Theban", "Thiban", "Dhiban", "Diban", "Dhibban"] + DEZ)])
doc("f09", "2012-03-17", "Protesters shot in Daraa",
    "Security forces opened fire on thousands of people marching after Friday prayers in the "
    "city of Daraa, killing at least six protesters, activists said. The marchers were calling "
    "for the fall of the regime.",
    [dict(types=["Excessive force against protesters", "Protest with intervention"],
          actors=["PROTESTERS"], date="2012-03-16", loc=DARAA + ["Daraa al-Balad"], fatalities=6)])
doc("f10", "2017-09-07", "Astana talks set for next week",
    "Officials from Russia, Iran and Turkey will meet in the Kazakh capital Astana next week to "
    "try to finalise the borders of a de-escalation zone in Idlib, Kazakhstan's foreign ministry "
    "said on Thursday.",
    [],
    [("Officials from Russia, Iran and Turkey will meet in the Kazakh capital Astana next week",
      "planned diplomacy, expected")])
doc("f11", "2023-03-09", "IS abducts shepherds in Homs desert",
    "Islamic State militants abducted about 20 shepherds grazing their flocks near the town of "
    "al-Sukhnah in the eastern Homs desert on Tuesday, a war monitor said. Ten of them were freed "
    "a day later.",
    [dict(types=["Abduction/forced disappearance"], actors=["ISIS", "CIVILIANS"], date="2023-03-07",
          loc=["Al-Sukhnah", "Sukhnah", "As Sukhnah", "Al Sukhnah", "Sukhna"] + HOMS, fatalities=0)])
doc("f12", "2022-08-26", "Israeli strikes near Masyaf",
    "Israeli jets fired missiles at military positions near the town of Masyaf in western Hama "
    "late on Thursday, Syrian state media said, adding that air defences downed most of them. A "
    "war monitor said four pro-Iranian fighters were killed.",
    [dict(types=[AIR, SHELL], actors=["ISR_MIL"], date="2022-08-25",
          loc=["Masyaf", "Misyaf", "Masyef"] + HAMA, fatalities=4),
     dict(types=["Disrupted weapons use"], required=False, date="2022-08-25",
          loc=["Masyaf", "Misyaf"] + HAMA)])
doc("f13", "2020-01-01", "Monitor gives 2019 toll",
    "The Syrian Observatory for Human Rights said on Wednesday that 11,215 people were killed in "
    "Syria during 2019, among them 3,473 civilians, the lowest yearly toll since the conflict "
    "began.",
    [],
    [("The Syrian Observatory for Human Rights said on Wednesday that 11,215 people were killed",
      "casualty recap, running total")])
doc("f14", "2017-07-20", "HTS and Ahrar al-Sham fight in Sarmada",
    "Fighting between Hay'at Tahrir al-Sham and Ahrar al-Sham spread to the town of Sarmada near "
    "the Turkish border on Wednesday, leaving at least 15 fighters dead on both sides, "
    "opposition sources said.",
    [dict(types=["Armed clash"], actors=["HTS", "AHRAR"], date="2017-07-19",
          loc=["Sarmada", "Sarmadah"] + IDLIB, fatalities=15)])
doc("f15", "2014-04-22", "Chlorine suspected in Talmenes attack",
    "Dozens of people were treated for choking after a barrel bomb releasing chlorine gas was "
    "dropped on the village of Talmenes in Idlib province on Monday, doctors said; no deaths were "
    "reported. The government denied using toxic gas.",
    [dict(types=["Chemical weapon"], date="2014-04-21",
          loc=["Talmenes", "Talmanes", "Tal Minis", "Tell Mannas", "Talmenas"] + IDLIB,
          fatalities=0)],
    [("The government denied using toxic gas.", "denial")])
doc("f16", "2019-06-11", "SDF open to talks with Damascus",
    "The Syrian Democratic Forces said on Tuesday they were ready to negotiate with the "
    "government in Damascus over the future of north-east Syria, but would not disband their "
    "units or hand over their weapons.",
    [],
    [("The Syrian Democratic Forces said on Tuesday they were ready to negotiate", "statement")])
doc("f17", "2023-06-17", "US drone kills Hurras al-Din figure",
    "A US drone strike killed a senior member of Hurras al-Din riding a motorcycle near the "
    "village of Qah, close to the Turkish border in northern Idlib, on Friday, US Central Command "
    "said.",
    [dict(types=[AIR], actors=["USA", "HURRAS"], date="2023-06-16",
          loc=["Qah", "Qaah", "Qa'ah"] + IDLIB, fatalities=1)])
doc("f18", "2018-10-22", "Afrin villagers say harvest looted",
    "Fighters of the Turkish-backed Syrian National Army seized olive harvests and burned "
    "orchards in the village of Kafr Janna in the Afrin region last week, local Kurdish activists "
    "said.",
    [dict(types=["Looting/property destruction"], actors=["SNA"], date="2018-10-18", tol=4,
          loc=["Kafr Janna", "Kafar Jana", "Kafr Jannah", "Afrin"] + ALEPPO)])

# ---------------------------------------------------------------- articles
doc("f19", "2016-12-14", "Aleppo evacuation deal stalls as shelling resumes",
    "A deal to evacuate rebel fighters and civilians from the last opposition-held districts of "
    "eastern Aleppo was thrown into doubt on Wednesday when shelling and air strikes resumed, a "
    "day after the agreement was announced.\n\n"
    "Rebel officials said the agreement, brokered by Russia and Turkey late on Tuesday, would let "
    "fighters leave with their light weapons for the countryside west of the city. Buses had been "
    "expected to start moving at dawn, but none had left by midday.\n\n"
    "Instead, government artillery pounded the shrinking pocket around the districts of "
    "al-Mashhad and al-Sukkari on Wednesday morning, killing at least seven people, according to "
    "the Syrian Observatory for Human Rights. State media said rebels had fired mortar rounds at "
    "the government-held neighbourhood of al-Shahba first, wounding several civilians.\n\n"
    "A Russian defence ministry spokesman said the rebels had broken the truce. Turkey accused "
    "Damascus and Iran-backed militias of blocking the convoys.\n\n"
    "Government forces have retaken more than 90 percent of eastern Aleppo since launching a "
    "major offensive in mid-November. Rebels had held the east of the city since the summer of "
    "2012.",
    [dict(types=["Agreement"], date="2016-12-13", loc=ALEPPO),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2016-12-14",
          loc=["al-Mashhad", "Mashhad", "al-Sukkari", "Sukkari", "Al Sukkari"] + ALEPPO,
          fatalities=7),
     dict(types=[SHELL], date="2016-12-14", loc=["al-Shahba", "Shahba", "Al Shahbaa"] + ALEPPO,
          fatalities=0),
     dict(types=[AIR], required=False, date="2016-12-14", loc=ALEPPO)],
    [("Buses had been expected to start moving at dawn", "planned evacuation, expected"),
     ("Turkey accused Damascus and Iran-backed militias of blocking the convoys.", "accusation"),
     ("Government forces have retaken more than 90 percent of eastern Aleppo", "running total of a campaign"),
     ("Rebels had held the east of the city since the summer of 2012.", "background, vague past")])
doc("f20", "2017-10-18", "US-backed fighters declare victory in Raqqa",
    "The Syrian Democratic Forces said on Tuesday they had taken full control of Raqqa after a "
    "four-month battle, seizing the city's stadium and the national hospital, the last positions "
    "held by Islamic State militants.\n\n"
    "\"Military operations in Raqqa have ended,\" an SDF spokesman told reporters, adding that "
    "teams were now clearing mines and hunting for sleeper cells. The alliance gave no figure for "
    "its own losses in the final assault.\n\n"
    "The US-led coalition said it had carried out 15 air strikes near Raqqa in the previous 24 "
    "hours, destroying fighting positions and a workshop used to build car bombs.\n\n"
    "Around 3,000 jihadists are believed to have died in Raqqa since the SDF first broke into the "
    "city in June, according to a war monitor.\n\n"
    "Islamic State seized Raqqa in January 2014 and made it the capital of its self-declared "
    "caliphate, staging public executions in the main square.\n\n"
    "The SDF said it would hand the city over to a civilian council made up of local Arab and "
    "Kurdish figures, and called on displaced residents not to return until the mines had been "
    "cleared.",
    [dict(types=["Non-state actor overtakes territory", "Armed clash"], actors=["SDF", "ISIS"],
          date="2017-10-17", loc=RAQQA),
     dict(types=[AIR], actors=["US_COALITION"], required=False, date="2017-10-17", loc=RAQQA),
     dict(types=["Non-state actor overtakes territory", "Armed clash"], actors=["ISIS"],
          required=False, date="2014-01-14", tol=16, loc=RAQQA, historical=True)],
    [("Around 3,000 jihadists are believed to have died in Raqqa", "running total"),
     ("The SDF said it would hand the city over to a civilian council", "plan, expected")])
doc("f21", "2018-03-09", "Turkish-led forces take Jinderes in Afrin push",
    "Turkish troops and allied Syrian rebels captured the town of Jinderes in the Afrin region "
    "on Thursday, Turkey's military said, tightening the noose around the Kurdish-held city of "
    "Afrin itself.\n\n"
    "The Kurdish YPG militia confirmed that it had pulled out of Jinderes after what it called "
    "fierce resistance, and said its fighters had killed dozens of Turkish-backed gunmen. That "
    "claim could not be independently verified.\n\n"
    "The Syrian Observatory for Human Rights said eight civilians were killed on Thursday when "
    "Turkish jets struck the village of Deir Ballut, just south of Jinderes. Ankara denies "
    "targeting civilians and says it hits only \"terrorist\" positions.\n\n"
    "Turkey launched its operation, which it calls Olive Branch, on January 20 against the YPG, "
    "which it regards as an extension of the outlawed Kurdistan Workers' Party (PKK).\n\n"
    "President Recep Tayyip Erdogan said on Wednesday that Afrin city would be encircled "
    "\"within days\" and that the offensive would then move east towards Manbij.",
    [dict(types=["Non-state actor overtakes territory", "Armed clash", "Government regains territory"],
          actors=["TUR_MIL", "YPG"], date="2018-03-08",
          loc=["Jinderes", "Jindires", "Jandairis", "Jinderis", "Afrin"] + ALEPPO),
     dict(types=[AIR], actors=["TUR_MIL", "CIVILIANS"], date="2018-03-08",
          loc=["Deir Ballut", "Dayr Ballut", "Deir Balut", "Afrin"] + ALEPPO, fatalities=8)],
    [("Ankara denies targeting civilians", "denial"),
     ("Turkey launched its operation, which it calls Olive Branch, on January 20",
      "background: start of a campaign"),
     ("President Recep Tayyip Erdogan said on Wednesday that Afrin city would be encircled",
      "statement, future operation")])
doc("f22", "2024-03-02", "Thousands rally against HTS leader across Idlib",
    "Thousands of people demonstrated on Friday in the city of Idlib and the towns of Binnish "
    "and Jisr al-Shughur, demanding the release of prisoners held by Hay'at Tahrir al-Sham and "
    "the removal of its leader Abu Mohammad al-Jolani, witnesses and local media said.\n\n"
    "The rallies, the largest since the protests began in late February, passed off peacefully "
    "in Idlib and Binnish. In Jisr al-Shughur, however, HTS security men fired into the air and "
    "beat demonstrators who tried to approach a police station, and detained at least five "
    "people, activists said.\n\n"
    "The group's General Security Service denied detaining anyone and said \"infiltrators\" had "
    "tried to provoke clashes.\n\n"
    "HTS has promised to hold elections for a new shura council and to overhaul its security "
    "apparatus, but protesters dismiss the pledges as empty.\n\n"
    "The unrest was set off by reports that a man held by the group had died under torture in "
    "one of its prisons earlier this year.",
    # Binnish before Idlib: a Binnish event carries admin1 Idlib, and the greedy
    # matcher must not spend it on the Idlib-city gold
    [dict(types=["Peaceful protest"], actors=["PROTESTERS"], date="2024-03-01",
          loc=["Binnish", "Binnsh", "Benesh", "Binish"]),
     dict(types=["Peaceful protest"], actors=["PROTESTERS"], date="2024-03-01", loc=IDLIB),
     dict(types=["Protest with intervention", "Excessive force against protesters"],
          actors=["PROTESTERS", "HTS"], date="2024-03-01",
          loc=["Jisr al-Shughur", "Jisr ash-Shughur", "Jisr al-Shoghour", "Jisr Al-Shughour"]),
     dict(types=["Arrests"], actors=["HTS"], required=False, date="2024-03-01",
          loc=["Jisr al-Shughur", "Jisr ash-Shughur", "Jisr al-Shoghour", "Jisr Al-Shughour"])],
    [("The group's General Security Service denied detaining anyone", "denial"),
     ("HTS has promised to hold elections for a new shura council", "promise, future"),
     ("The unrest was set off by reports that a man held by the group had died under torture",
      "background, vague past, hearsay")])
doc("f23", "2013-06-05", "Syrian army and Hezbollah retake Qusayr",
    "Syrian government troops backed by fighters of Lebanon's Hezbollah seized the border town "
    "of Qusayr on Wednesday after a three-week offensive, state television said, dealing a "
    "heavy blow to rebels who had used it as a supply route from Lebanon.\n\n"
    "\"Our armed forces have restored security and stability to the whole of Qusayr,\" an army "
    "statement read on state TV said. Hezbollah's al-Manar channel showed soldiers raising the "
    "flag over the town hall.\n\n"
    "Rebel commanders said their fighters had withdrawn overnight to nearby villages to spare "
    "the remaining civilians, hundreds of whom are wounded. Activists said weeks of intense "
    "shelling had flattened much of the town.\n\n"
    "Clashes continued on Wednesday around the village of al-Dabaa north of Qusayr, where rebels "
    "were trying to hold open an escape corridor, according to the Syrian Observatory for Human "
    "Rights.\n\n"
    "A senior Free Syrian Army commander warned last month that Hezbollah's role would be "
    "answered with attacks inside Lebanon. The UN says more than 80,000 people have been killed "
    "since the uprising began in March 2011.",
    [dict(types=["Government regains territory"], actors=["SYR_MIL", "HEZBOLLAH"],
          date="2013-06-05", loc=["Qusayr", "Al Qusayr", "Al-Qusair", "Qusair", "Al-Qusayr"] + HOMS),
     dict(types=["Armed clash"], date="2013-06-05",
          loc=["al-Dabaa", "Dabaa", "Al Dab'a", "Dabaa airbase"] + HOMS)],
    [("Activists said weeks of intense shelling had flattened much of the town.",
      "summary of weeks of fighting, no date"),
     ("A senior Free Syrian Army commander warned last month", "threat"),
     ("The UN says more than 80,000 people have been killed", "running total")])
doc("f24", "2020-02-04", "Turkey hits back after troops killed near Saraqib",
    "Syrian government shelling killed seven Turkish soldiers and a civilian contractor at a "
    "newly set up Turkish position near Saraqib in Idlib province on Monday, Turkey's defence "
    "ministry said.\n\n"
    "Turkish artillery and drones then struck dozens of Syrian army targets around Saraqib and "
    "in the Hama and Latakia countryside, and the ministry said between 30 and 35 regime soldiers "
    "had been \"neutralised\". The Syrian Observatory for Human Rights put the toll among "
    "government troops at 13. Damascus did not confirm any losses.\n\n"
    "Russia's defence ministry said Ankara had not told it in advance about the movement of its "
    "troops.\n\n"
    "Government forces and allied Iran-backed militias have been advancing along the M5 highway "
    "since December and captured the town of Maarat al-Numan last week.\n\n"
    "President Recep Tayyip Erdogan said on Tuesday that Turkey would not allow Damascus to gain "
    "more ground and warned of further retaliation if its troops were attacked again.",
    [dict(types=[SHELL], actors=["SYR_MIL", "TUR_MIL"], date="2020-02-03",
          loc=["Saraqib", "Saraqeb"] + IDLIB, fatalities=8),
     dict(types=[SHELL, AIR], actors=["TUR_MIL", "SYR_MIL"], date="2020-02-03",
          loc=["Saraqib", "Saraqeb"] + IDLIB, fatalities=13),
     dict(types=[SHELL, AIR], actors=["TUR_MIL"], required=False, date="2020-02-03", loc=HAMA),
     dict(types=[SHELL, AIR], actors=["TUR_MIL"], required=False, date="2020-02-03", loc=LATAKIA),
     dict(types=["Government regains territory"], actors=["SYR_MIL"], required=False,
          date="2020-01-28", tol=4, loc=["Maarat al-Numan", "Ma'arrat an-Nu'man",
                                         "Maarat al-Nouman", "Maarat al Numan"] + IDLIB,
          historical=True)],
    [("President Recep Tayyip Erdogan said on Tuesday that Turkey would not allow Damascus",
      "statement, threat of retaliation"),
     ("Russia's defence ministry said Ankara had not told it in advance", "statement")])
doc("f25", "2023-10-27", "US jets hit Iran-linked sites in eastern Syria",
    "US fighter jets struck two facilities near the town of Albu Kamal in eastern Syria early on "
    "Friday that the Pentagon said were used by Iran's Revolutionary Guards and groups it backs, "
    "in response to a wave of drone and rocket attacks on American troops.\n\n"
    "The Defence Secretary called the strikes \"narrowly tailored\" acts of self-defence, separate "
    "from the war between Israel and Hamas. A war monitor said the jets hit a weapons depot and "
    "an ammunition store and killed at least four fighters of Iran-backed militias; the Pentagon "
    "gave no casualty figure.\n\n"
    "Hours before the strikes, a drone attacked the US base at the Conoco gas field in Deir ez-Zor "
    "province without causing casualties, the monitor said. An umbrella group calling itself the "
    "Islamic Resistance in Iraq claimed that attack.\n\n"
    "US forces in Iraq and Syria have been attacked at least 19 times since October 17, "
    "according to the Pentagon.\n\n"
    "Iran's foreign minister warned on Thursday that the United States would \"not be spared\" if "
    "the Gaza war widened.",
    [dict(types=[AIR], actors=["USA"], date="2023-10-27",
          loc=["Albu Kamal", "Abu Kamal", "Al Bukamal", "Al-Bukamal", "Boukamal"] + DEZ,
          fatalities=4),
     dict(types=[AIR], actors=["IRI"], date="2023-10-26",
          loc=["Conoco", "Conoco gas field", "Khasham", "Khsham"] + DEZ, fatalities=0)],
    [("US forces in Iraq and Syria have been attacked at least 19 times", "running total"),
     ("Iran's foreign minister warned on Thursday", "threat")])

# ------------------------------------------------ FA-KES style (published null)
doc("f26", None, "Russian raids kill 17 in Douma as army splits Ghouta",
    "At least 17 civilians were killed on Tuesday in Russian air strikes on the town of Douma in "
    "Eastern Ghouta, the Syrian Observatory for Human Rights said, as government forces pressed "
    "an offensive that has almost cut the rebel enclave in two. Troops and allied militiamen took "
    "control of the farms of Beit Sawa and the village of al-Ashaari on Tuesday, state media "
    "said, after Faylaq al-Rahman fighters pulled back. Jaish al-Islam, the largest faction in "
    "Douma, said its fighters had repelled an assault on the al-Rayhan front east of the town and "
    "killed \"more than 30 attackers\", a figure that could not be verified. The Russian defence "
    "ministry denied that its aircraft were operating over Douma, saying only Syrian jets were "
    "flying there. A UN aid convoy that entered Douma on Monday had to leave before all its "
    "trucks were unloaded because of shelling nearby, the UN said. The offensive, launched on "
    "February 18, has killed more than 800 civilians, according to the Observatory.",
    [dict(types=[AIR], actors=["CIVILIANS"], date="2018-03-06",
          loc=["Douma", "Duma"] + DAMASCUS_RIF, fatalities=17),
     dict(types=["Government regains territory"], actors=["SYR_MIL"], date="2018-03-06",
          loc=["Beit Sawa", "Bayt Sawa", "Beit Sawwa"] + DAMASCUS_RIF),
     dict(types=["Government regains territory"], actors=["SYR_MIL"], date="2018-03-06",
          loc=["al-Ashaari", "Ashaari", "Al Ash'ari", "Al-Ash'ari", "Ashari"] + DAMASCUS_RIF),
     dict(types=["Armed clash"], actors=["JAISH_ISLAM"], date="2018-03-06",
          loc=["al-Rayhan", "Rayhan", "Al Rayhan", "Douma", "Duma"] + DAMASCUS_RIF),
     dict(types=[SHELL], required=False, date="2018-03-05", loc=["Douma", "Duma"] + DAMASCUS_RIF)],
    [("The Russian defence ministry denied that its aircraft were operating over Douma", "denial"),
     ("The offensive, launched on February 18, has killed more than 800 civilians",
      "running total")],
    dateline="Wed 07 Mar 2018")
doc("f27", None, "Islamic State seizes ancient city of Palmyra",
    "DAMASCUS (Agencies) Islamic State militants took full control of the central Syrian city of "
    "Palmyra on Wednesday night after government troops withdrew, the Syrian Observatory for "
    "Human Rights said. State television said pro-government forces had evacuated most of the "
    "population before pulling out. The fall of the city, home to some of the world's most "
    "important ancient ruins, came eight days after the jihadists launched an assault on the area "
    "from the east. Residents reached by phone said militants were going from house to house "
    "looking for government employees and soldiers, and activists said dozens of people had "
    "been executed, claims that could not be independently confirmed. Syrian warplanes carried "
    "out at least 15 air strikes on the northern and eastern outskirts of Palmyra on Thursday, "
    "the Observatory said, without giving a death toll. The group now controls more than half of "
    "Syria's territory, the monitor said. The head of UNESCO called for an immediate halt to the "
    "fighting to protect the site.",
    [dict(types=["Non-state actor overtakes territory", "Non-violent transfer of territory",
                 "Armed clash"], actors=["ISIS"], date="2015-05-20",
          loc=["Palmyra", "Tadmur", "Tadmor"] + HOMS),
     dict(types=["Attack"], actors=["ISIS"], date="2015-05-21", certainty="unconfirmed",
          loc=["Palmyra", "Tadmur", "Tadmor"] + HOMS),
     dict(types=[AIR], actors=["SYR_MIL"], date="2015-05-21",
          loc=["Palmyra", "Tadmur", "Tadmor"] + HOMS),
     dict(types=["Armed clash"], actors=["ISIS"], required=False, date="2015-05-13",
          loc=["Palmyra", "Tadmur", "Tadmor"] + HOMS, historical=True)],
    [("The group now controls more than half of Syria's territory", "control summary, running total"),
     ("The head of UNESCO called for an immediate halt to the fighting", "statement")],
    dateline="21.05.2015")
doc("f28", None, "Turkey launches offensive against Kurdish-led forces in northeast Syria",
    "Turkish warplanes and artillery struck the border towns of Ras al-Ain and Tal Abyad on "
    "Wednesday afternoon, hours after President Erdogan announced the start of an operation "
    "against the Syrian Democratic Forces. The SDF said the strikes on Ras al-Ain had killed two "
    "civilians and caused panic, with thousands fleeing south towards Hasakah. Kurdish-led "
    "fighters responded by firing mortar rounds at the Turkish border town of Akcakale, "
    "according to Turkish media; no injuries were reported. Turkey's defence ministry said its "
    "ground forces would cross the border soon. American troops pulled out of observation posts "
    "near the border on Monday, a move critics said gave Ankara a green light. The SDF, which "
    "says it lost some 11,000 fighters in the war against the Islamic State group, called on the "
    "coalition to close the skies to Turkish aircraft.",
    [dict(types=[AIR, SHELL], actors=["TUR_MIL", "CIVILIANS"], date="2019-10-09",
          loc=["Ras al-Ain", "Ras al Ayn", "Ras al-Ayn", "Serekaniye", "Ra's al 'Ayn"] + HASAKAH,
          fatalities=2),
     dict(types=[AIR, SHELL], actors=["TUR_MIL"], date="2019-10-09",
          loc=["Tal Abyad", "Tell Abyad", "Tal Abiad", "Gire Spi"] + RAQQA),
     dict(types=[SHELL], actors=["SDF"], required=False, date="2019-10-09",
          loc=["Akcakale", "Akçakale", "Sanliurfa"])],
    [("Turkey's defence ministry said its ground forces would cross the border soon",
      "future operation, expected"),
     ("American troops pulled out of observation posts near the border on Monday",
      "background, withdrawal without fighting"),
     ("The SDF, which says it lost some 11,000 fighters", "running total")],
    dateline="Published October 9 2019")
doc("f29", None, "SDF fighters close in on Manbij as coalition strikes intensify",
    "Fighters from the Syrian Democratic Forces cut the last road linking the Islamic State-held "
    "town of Manbij to the Turkish border on Sunday, encircling the town completely, a spokesman "
    "for the alliance said. The US-led coalition said it had conducted 11 strikes near Manbij on "
    "Monday, destroying IS fighting positions and vehicles. On Tuesday, IS militants "
    "counter-attacked SDF positions near the village of Abu Qalqal south-east of Manbij, and at "
    "least nine SDF fighters and 20 jihadists were killed in the fighting, according to the "
    "Syrian Observatory for Human Rights. Residents who fled the town said the militants had "
    "planted mines on its outskirts and were stopping families from leaving. The offensive, "
    "launched on May 31, has so far killed more than 130 IS fighters and 30 SDF fighters, the "
    "monitor says. Turkey has said it will not accept Kurdish forces staying west of the "
    "Euphrates once Manbij is taken.",
    [dict(types=["Non-state actor overtakes territory", "Armed clash"], actors=["SDF", "ISIS"],
          date="2016-06-12", loc=["Manbij", "Menbij", "Manbej"] + ALEPPO),
     dict(types=[AIR], actors=["US_COALITION"], date="2016-06-13",
          loc=["Manbij", "Menbij", "Manbej"] + ALEPPO),
     dict(types=["Armed clash"], actors=["ISIS", "SDF"], date="2016-06-14",
          loc=["Abu Qalqal", "Abu Qilqil", "Abu Kalkal", "Manbij"] + ALEPPO, fatalities=29)],
    [("Residents who fled the town said the militants had planted mines", "no date, ongoing conduct"),
     ("The offensive, launched on May 31, has so far killed more than 130 IS fighters",
      "running total"),
     ("Turkey has said it will not accept Kurdish forces staying west of the Euphrates",
      "statement, threat")],
    dateline="Date of publication 14 June 2016")
doc("f30", None, "Rebels in eastern Daraa agree to hand over weapons as army retakes border crossing",
    "Rebel factions in the eastern countryside of Daraa agreed on Friday to a Russian-brokered "
    "deal to hand over their heavy weapons and let state institutions return to their towns, a "
    "rebel spokesman said. Under the deal, fighters who reject it will be given safe passage to "
    "the northern province of Idlib, he added. Hours later, Syrian troops and Russian military "
    "police took control of the Nassib border crossing with Jordan, which had been in rebel hands "
    "since April 2015, state media reported. Earlier on Friday, Russian air strikes on the town "
    "of Saida east of Daraa city killed at least five people, including two children, according "
    "to the Syrian Observatory for Human Rights. More than 320,000 people have fled the fighting "
    "in the south since the offensive began on June 19, according to the United Nations.",
    [dict(types=["Agreement"], date="2018-07-06", loc=DARAA),
     dict(types=["Government regains territory"], actors=["SYR_MIL"], date="2018-07-06",
          loc=["Nassib", "Nasib", "Naseeb", "Nassib border crossing"] + DARAA),
     dict(types=[AIR], actors=["RUS_MIL", "CIVILIANS"], date="2018-07-06",
          loc=["Saida", "Sayda", "Saidah", "Seida"] + DARAA, fatalities=5),
     dict(types=["Non-state actor overtakes territory"], required=False, date="2015-04-01",
          tol=15, loc=["Nassib", "Nasib", "Naseeb"] + DARAA, historical=True)],
    [("Under the deal, fighters who reject it will be given safe passage", "future, expected"),
     ("More than 320,000 people have fled the fighting in the south", "humanitarian figure")],
    dateline="07-07-2018")

actors = {
    "_comment": "sitrep blind check 5 actor keys; standard ACLED names first, then common spellings",
    "SYR_MIL": ["Military Forces of Syria (2000-)", "Military Forces of Syria (2000-2024)",
                "Military Forces of Syria", "Syrian Arab Army", "Syrian army", "SAA",
                "Syrian government forces", "Syrian Air Force"],
    "RUS_MIL": ["Military Forces of Russia (2000-)", "Military Forces of Russia",
                "Russian Aerospace Forces", "Russian Air Force", "Russian military"],
    "TUR_MIL": ["Military Forces of Turkey (2016-)", "Military Forces of Turkey (2002-2016)",
                "Military Forces of Turkey", "Turkish Armed Forces", "Turkish army",
                "Turkish military"],
    "ISR_MIL": ["Military Forces of Israel (2022-)", "Military Forces of Israel (2021-2022)",
                "Military Forces of Israel", "Israel Defense Forces", "IDF",
                "Israeli Air Force", "Israeli military"],
    "USA": ["Military Forces of the United States (2021-)",
            "Military Forces of the United States (2017-2021)",
            "Military Forces of the United States", "US military", "US forces",
            "United States Central Command", "CENTCOM"],
    "US_COALITION": ["Coalition", "Global Coalition", "Global Coalition Against Daesh",
                     "US-led coalition", "U.S.-led coalition", "International Coalition",
                     "Operation Inherent Resolve", "Combined Joint Task Force",
                     "Military Forces of the United States (2009-2017)",
                     "Military Forces of the United States (2017-2021)",
                     "Military Forces of the United States"],
    "HEZBOLLAH": ["Hezbollah", "Hizbullah", "Hizballah", "Lebanese Hezbollah"],
    "ISIS": ["Islamic State", "Islamic State (Syria)", "ISIS", "ISIL", "IS", "Daesh",
             "Islamic State of Iraq and the Levant"],
    "HTS": ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"],
    "NUSRA": ["Jabhat al-Nusra", "Al-Nusra Front", "Nusra Front", "Jabhat al-Nusra li-Ahl al-Sham",
              "Jabhat Fateh al-Sham"],
    "AHRAR": ["Ahrar al-Sham", "Harakat Ahrar al-Sham al-Islamiyya", "Ahrar ash-Sham"],
    "JAISH_ISLAM": ["Jaish al-Islam", "Jaysh al-Islam", "Army of Islam"],
    "HURRAS": ["Hurras al-Din", "Huras al-Din", "Horas al-Din", "Hurras al-Deen",
               "Tanzim Hurras al-Din", "Guardians of Religion Organization"],
    "SDF": ["Syrian Democratic Forces", "SDF", "Quwat Suriya al-Dimuqratiya"],
    "YPG": ["YPG", "People's Protection Units", "Kurdish People's Protection Units",
            "Yekineyen Parastina Gel", "YPG: People's Protection Units"],
    "SNA": ["Syrian National Army", "SNA", "National Army", "Turkish-backed Syrian National Army",
            "Syrian National Army (SNA)"],
    "IRI": ["Islamic Resistance in Iraq", "Islamic Resistance in Iraq (IRI)"],
    "CIVILIANS": ["Civilians (Syria)", "Civilians", "civilians"],
    "PROTESTERS": ["Protesters (Syria)", "Protesters", "protesters", "demonstrators"],
    "UNIDENTIFIED": ["Unidentified Armed Group (Syria)", "Unidentified Armed Group",
                     "unidentified gunmen", "Unidentified"],
}

# ---------------------------------------------------------------- checks
ids = [d["id"] for d in docs]
assert ids == [f"f{n:02d}" for n in range(1, 31)], ids
snips = [i for i in ids if KIND[i] == "snippet"]
arts = [i for i in ids if KIND[i] != "snippet"]
fakes = [i for i in ids if KIND[i] == "fakes"]
assert snips == ids[:18] and len(arts) == 12 and len(fakes) == 5, (snips, arts, fakes)
gd = {g["id"]: g for g in gold["docs"]}
empty = [i for i in snips if not gd[i]["events"]]
assert len(empty) == 5, empty
for d in docs:
    i, body = d["id"], d["text"].split("\n\n", 1)[-1] if KIND[d["id"]] != "fakes" else d["text"]
    words = len(body.split())
    if KIND[i] == "snippet":
        sents = len(re.findall(r"[.!?](?:\"|')?(?:\s|$)", body))
        assert 1 <= sents <= 3 and words < 80, (i, sents, words)
    else:
        assert 120 <= words <= 250, (i, words)
    if KIND[i] == "fakes":
        assert d["published"] is None and gd[i]["published"] is None
        assert re.match(r"(\w{3} \d\d \w{3} \d{4}|\d\d[-.]\d\d[-.]\d{4}|Published \w+ \d+ \d{4}|"
                        r"Date of publication \d+ \w+ \d{4}) ", d["text"]), i
    else:
        assert d["published"] and "\n\n" in d["text"]
    anchor = d["published"]
    if anchor is None:                     # resolve the dateline for the sanity check
        m = re.match(r"(\d\d)[-.](\d\d)[-.](\d{4})", d["text"])
        if m:
            anchor = f"{m[3]}-{m[2]}-{m[1]}"
        else:
            for fmt, n in (("%a %d %b %Y", 4), ("Published %B %d %Y", 4),
                           ("Date of publication %d %B %Y", 6)):
                try:
                    anchor = dt.datetime.strptime(" ".join(d["text"].split()[:n]), fmt).date().isoformat()
                    break
                except ValueError:
                    pass
    a = dt.date.fromisoformat(anchor)
    assert dt.date(2012, 1, 1) <= a <= dt.date(2024, 12, 31), i
    for g in gd[i]["events"]:
        e = dt.date.fromisoformat(g["date"])
        assert e <= a and dt.date(2012, 1, 1) <= e or g.get("historical"), (g["id"], e, a)
        assert (a - e).days <= 10 or g.get("historical"), (g["id"], "old but not historical")
        assert g["location"] and g["types"], g["id"]
        for k in g["actors"]:
            assert k in actors, (g["id"], k)
        assert g.get("certainty") in (None, "claimed", "unconfirmed", "alleged", "denied", "expected")
for n in gold["negatives"]:
    assert n["doc"] in ids and n["why"]

with open(os.path.join(HERE, "blind5.jsonl"), "w") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
json.dump(gold, open(os.path.join(HERE, "blind5.gold.json"), "w"), indent=1, ensure_ascii=False)
json.dump(actors, open(os.path.join(HERE, "actors.gold.json"), "w"), indent=1, ensure_ascii=False)
ne = sum(len(g["events"]) for g in gold["docs"])
nr = sum(1 for g in gold["docs"] for e in g["events"] if e["required"])
print(f"{len(docs)} docs ({len(snips)} snippets, {len(empty)} without events; {len(arts)} articles, "
      f"{len(fakes)} FA-KES style), {ne} gold events ({nr} required), "
      f"{len(gold['negatives'])} negatives")

# ------------------------------------------- self-check: gold as system output
# Every required event written back as a system event (first type, first ACLED
# spelling of each actor, first place spelling) must score F1 1.0 with no
# negative hit; run with --selfcheck (needs ../shared/eval/score.py).
if __name__ == "__main__" and "--selfcheck" in os.sys.argv:
    import subprocess
    import tempfile
    score = os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py")
    if not os.path.exists(score):
        score = "/work/shared/eval/score.py"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for g in gold["docs"]:
            for e in g["events"]:
                if not e["required"]:
                    continue
                names = [actors[k][0] for k in e["actors"]]
                f.write(json.dumps({
                    "doc_id": g["id"], "sub_event_type": e["types"][0], "event_date": e["date"],
                    "actor1": names[0] if names else "", "actor2": names[1] if len(names) > 1 else "",
                    "assoc_actor_1": names[2:], "location": e["location"][0],
                    "fatalities": e.get("fatalities"), "certainty": e.get("certainty", "reported"),
                    "historical": bool(e.get("historical")), "evidence": "gold " + e["id"]}) + "\n")
    out = subprocess.run(["python3", score, os.path.join(HERE, "blind5.gold.json"),
                          "--events", f.name, "--json"], capture_output=True, text=True, check=True)
    os.unlink(f.name)
    r = json.loads(out.stdout)
    print("selfcheck:", {k: r[k] for k in ("events_f1", "fatalities_exact", "hedged_marked",
                                           "historical_flagged", "negatives_hit")})
    assert r["events_f1"] == 1.0 and r["negatives_hit"] == 0 and not r["events_missed"], r
    a, b = r["fatalities_exact"].split("/")
    assert a == b, r
