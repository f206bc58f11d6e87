#!/usr/bin/env python3
"""Writes blind2.jsonl and blind2.gold.json: a second blind check, written
and coded by hand on 2026-12-02 before any run of the coder on it."""
import json

docs = []
gold = {"_about": "sitrep's second blind check: 20 snippets written by the sitrep "
        "authors in session 4 and coded by hand before any run; no coder rule was "
        "tuned on them.", "docs": [], "negatives": []}

def doc(i, pub, title, body, events, negs=()):
    docs.append({"id": i, "title": title, "published": pub, "source": "sitrep-blind",
                 "text": title + "\n\n" + body})
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
        gold["negatives"].append({"doc": i, "text": t, "why": why})

IDLIB = ["Idlib", "Idleb"]
doc("c01", "2019-06-11", "Shelling kills family in Jabal al-Zawiya",
    "Syrian government artillery shelled the village of Kansafra in Jabal al-Zawiya on Sunday, "
    "killing four civilians, among them two children, rescuers from the Syria Civil Defence said. "
    "Residents said the shells were fired from army positions around Jurin.",
    [dict(types=["Shelling/artillery/missile attack"], actors=["SYR_MIL", "CIVILIANS"],
          date="2019-06-09", loc=["Kansafra", "Kansafrah", "Kansafreh"] + IDLIB, fatalities=4)])
doc("c02", "2020-01-21", "Russian jets strike Ariha",
    "Russian warplanes carried out several air strikes on the city of Ariha south of Idlib on "
    "Monday, killing at least 11 people and wounding dozens, the Syrian Observatory for Human "
    "Rights reported. A market and a bakery were among the places hit. The war has killed more "
    "than 380,000 people since it began in 2011.",
    [dict(types=["Air/drone strike"], actors=["RUS_MIL"], date="2020-01-20",
          loc=["Ariha", "Arihah"] + IDLIB, fatalities=11)],
    [("The war has killed more than 380,000 people since it began in 2011.", "running total")])
doc("c03", "2018-08-14", "Rallies against an offensive",
    "Thousands of people took to the streets of Idlib, Maarat al-Numan and Saraqib on Friday to "
    "protest against a threatened government offensive on the province, waving the flags of the "
    "revolution.",
    [dict(types=["Peaceful protest"], date="2018-08-10", loc=IDLIB),
     dict(types=["Peaceful protest"], date="2018-08-10",
          loc=["Maarat al-Numan", "Ma'arrat an-Nu'man", "Maarat al-Nouman"]),
     dict(types=["Peaceful protest"], date="2018-08-10", loc=["Saraqib", "Saraqeb"])])
doc("c04", "2021-03-09", "Gunmen kill council member in Daraa",
    "Unidentified gunmen shot dead a member of the local council of the town of Tafas in Daraa's "
    "western countryside on Sunday evening, local sources said. Such assassinations have become "
    "common in the province since the 2018 settlement deal.",
    [dict(types=["Attack"], actors=["UNIDENTIFIED"], date="2021-03-07",
          loc=["Tafas", "Daraa", "Dar'a"], fatalities=1)],
    [("Such assassinations have become common in the province since the 2018 settlement deal.",
      "background")])
doc("c05", "2017-10-03", "Suicide bombers hit Damascus police station",
    "Two suicide bombers blew themselves up inside a police station in the Midan district of "
    "Damascus on Monday, killing at least 17 people, most of them policemen, state television "
    "said. The Islamic State group claimed the attack through its Amaq news agency.",
    [dict(types=["Suicide bomb"], actors=["ISIS"], date="2017-10-02",
          loc=["Damascus", "Midan", "Al Midan"], fatalities=17)])
doc("c06", "2019-02-19", "SDF closes in on last IS pocket",
    "The US-backed Syrian Democratic Forces captured most of the village of Baghouz in eastern "
    "Deir ez-Zor on Saturday after heavy fighting with Islamic State militants, an SDF spokesman "
    "said, adding that dozens of jihadists had been killed.",
    [dict(types=["Non-state actor overtakes territory", "Armed clash"], actors=["SDF", "ISIS"],
          date="2019-02-16", loc=["Baghouz", "Al Baghuz Fawqani", "Baghuz", "Deir ez-Zor",
                                   "Deir-ez-Zor", "Dayr az Zawr"], fatalities=12)])
doc("c07", "2016-11-29", "Government forces advance in east Aleppo",
    "Syrian troops and allied militias recaptured the neighbourhood of Masaken Hanano in eastern "
    "Aleppo on Saturday, the first major rebel district to fall in the offensive, the army said. "
    "Rebels said they had withdrawn to avoid encirclement. Rebels had seized the eastern half of "
    "the city in July 2012.",
    [dict(types=["Government regains territory"], actors=["SYR_MIL"], date="2016-11-26",
          loc=["Aleppo", "Masaken Hanano"]),
     dict(types=["Non-state actor overtakes territory", "Armed clash"], date="2012-07-15", tol=16,
          loc=["Aleppo"], historical=True)])
doc("c08", "2022-05-17", "Turkish drone kills SDF commanders",
    "A Turkish drone struck a car near the town of Qamishli on Monday, killing two commanders of "
    "the Syrian Democratic Forces, the Kurdish-led group said in a statement.",
    [dict(types=["Air/drone strike"], actors=["TUR_MIL", "SDF"], date="2022-05-16",
          loc=["Qamishli", "Al Qamishli", "Qamishly", "Hasakah", "Al Hasakah", "Hasaka"],
          fatalities=2)])
doc("c09", "2020-10-06", "Car bomb in al-Bab",
    "A car bomb went off in a crowded street in the city of al-Bab on Tuesday, killing at least "
    "18 people and wounding 75, according to the Syrian Civil Defence. Turkey's defence ministry "
    "blamed the Kurdish YPG militia, which denied any involvement.",
    [dict(types=["Remote explosive/landmine/IED"], date="2020-10-06",
          loc=["Al-Bab", "Al Bab", "Aleppo"], fatalities=18)],
    [("Turkey's defence ministry blamed the Kurdish YPG militia, which denied any involvement.",
      "accusation")])
doc("c10", "2018-01-30", "Rebel rivals clash in Ghouta",
    "Fighting between Jaysh al-Islam and Faylaq al-Rahman broke out again in the town of Arbin in "
    "Eastern Ghouta on Sunday, leaving six fighters dead on both sides, opposition activists said.",
    [dict(types=["Armed clash"], actors=["JAISH_ISLAM", "FAYLAQ_RAHMAN"], date="2018-01-28",
          loc=["Arbin", "Irbin", "Rif Dimashq", "Rural Damascus", "Damascus"], fatalities=6)])
doc("c11", "2019-12-24", "Ceasefire agreed for north-west",
    "Russia and Turkey agreed on Monday on a ceasefire in the Idlib region, Turkish officials "
    "said, after weeks of bombardment that drove tens of thousands of civilians towards the "
    "border. Residents said the truce was expected to take effect at midnight.",
    [dict(types=["Agreement"], date="2019-12-23", loc=IDLIB)])
doc("c12", "2015-07-07", "Activists detained in Saraqib",
    "The Islamist group Ahrar al-Sham arrested three media activists in the town of Saraqib on "
    "Monday after they criticised the group online, a local activist network said.",
    [dict(types=["Arrests"], actors=["AHRAR"], date="2015-07-06",
          loc=["Saraqib", "Saraqeb"] + IDLIB)])
doc("c13", "2023-04-04", "Israeli missiles hit near Damascus airport",
    "Israeli missiles struck positions near Damascus international airport early on Sunday, "
    "killing two soldiers, the Syrian army said, adding that its air defences had intercepted "
    "most of the missiles.",
    [dict(types=["Air/drone strike", "Shelling/artillery/missile attack"],
          actors=["ISR_MIL", "SYR_MIL"], date="2023-04-02",
          loc=["Damascus", "Rif Dimashq", "Damascus International Airport"], fatalities=2),
     dict(types=["Disrupted weapons use"], required=False, date="2023-04-02",
          loc=["Damascus", "Rif Dimashq", "Damascus International Airport"])])
doc("c14", "2024-12-03", "Opposition fighters take Suran",
    "Opposition fighters led by Hay'at Tahrir al-Sham seized the town of Suran north of Hama on "
    "Monday after government troops pulled back, a war monitor said. The army said it had "
    "redeployed its forces to protect civilians.",
    [dict(types=["Non-state actor overtakes territory", "Non-violent transfer of territory"],
          actors=["HTS"], date="2024-12-02", loc=["Suran", "Souran", "Hama"])])
doc("c15", "2021-09-14", "Protest turns violent in Suwayda",
    "Angry residents stormed the governorate building in the city of Suwayda on Sunday and set "
    "part of it on fire, protesting against worsening living conditions, local media reported. "
    "Security forces fired in the air to disperse them.",
    [dict(types=["Violent demonstration"], date="2021-09-12",
          loc=["Suwayda", "As Suwayda", "Sweida", "As-Suwayda"])])
doc("c16", "2018-06-26", "Landmine kills shepherds",
    "Two shepherds were killed on Monday when a landmine left over from the war exploded near the "
    "village of Uqayribat in the eastern Hama countryside, state news agency SANA reported.",
    [dict(types=["Remote explosive/landmine/IED"], actors=["CIVILIANS"], date="2018-06-25",
          loc=["Uqayribat", "Aqerbat", "Hama"], fatalities=2)])
doc("c17", "2020-06-16", "Jihadist rivals clash west of Idlib",
    "Clashes erupted on Sunday between Hay'at Tahrir al-Sham and fighters of the newly formed Fa "
    "Ithbatu operations room in the village of Arab Saeed west of Idlib, according to local "
    "sources. HTS reportedly arrested a commander of Hurras al-Din at a checkpoint near Idlib city "
    "the day before.",
    [dict(types=["Armed clash"], actors=["HTS", "FA_ITHBATU"], date="2020-06-14",
          loc=["Arab Saeed", "Arab Said", "Arab Sa'id"] + IDLIB),
     dict(types=["Arrests"], actors=["HTS", "HURRAS"], date="2020-06-13", loc=IDLIB,
          certainty="unconfirmed")])
doc("c18", "2019-09-03", "Kurdish man abducted in Afrin region",
    "Members of a Turkish-backed faction abducted a Kurdish man from his home in the village of "
    "Maabatli in the Afrin region on Saturday and have not released him, a local rights group "
    "said. His family said they had been asked for a ransom.",
    [dict(types=["Abduction/forced disappearance"], date="2019-08-31",
          loc=["Maabatli", "Mabatli", "Ma'btali", "Afrin", "Aleppo"])])
doc("c19", "2017-10-03", "Militiamen loot Kafr Zita",
    "Fighters of the National Defence Forces looted houses and shops in the town of Kafr Zita "
    "in northern Hama on Saturday, days after its residents fled the fighting, opposition media "
    "said.",
    [dict(types=["Looting/property destruction"], actors=["NDF"], date="2017-09-30",
          loc=["Kafr Zita", "Kafr Zeita", "Kafr Zayta", "Hama"])])
doc("c20", "2020-02-11", "Turkey warns Damascus",
    "Turkey's defence minister warned on Monday that Ankara would respond forcefully to any attack "
    "on its observation posts in Idlib. He said Turkish troops would stay in the region.",
    [],
    [("Turkey's defence minister warned on Monday that Ankara would respond forcefully to any "
      "attack on its observation posts in Idlib.", "threat"),
     ("He said Turkish troops would stay in the region.", "statement")])

with open("blind2.jsonl", "w") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
actors = {"_comment": "sitrep blind check 2 actor keys",
          "SYR_MIL": ["Military Forces of Syria"], "TUR_MIL": ["Military Forces of Turkey"],
          "RUS_MIL": ["Military Forces of Russia"], "ISR_MIL": ["Military Forces of Israel"],
          "HTS": ["Hay'at Tahrir al-Sham"], "ISIS": ["Islamic State", "Islamic State (Syria)", "ISIS", "ISIL"],
          "CIVILIANS": ["Civilians", "Civilians (Syria)"],
          "UNIDENTIFIED": ["Unidentified Armed Group", "Unidentified Armed Group (Syria)"],
          "SDF": ["Syrian Democratic Forces", "SDF"], "JAISH_ISLAM": ["Jaysh al-Islam", "Jaish al-Islam"],
          "FAYLAQ_RAHMAN": ["Faylaq al-Rahman", "Failaq al-Rahman", "Al-Rahman Legion"],
          "AHRAR": ["Ahrar al-Sham", "Harakat Ahrar al-Sham al-Islamiyya"],
          "FA_ITHBATU": ["Fa Ithbatu Operations Room", "Fa Ithbatu", "Fa Uthbutu"],
          "HURRAS": ["Hurras al-Din", "Huras al-Din"],
          "NDF": ["National Defence Forces", "National Defense Forces"]}
json.dump(gold, open("blind2.gold.json", "w"), indent=1, ensure_ascii=False)
json.dump(actors, open("actors.gold.json", "w"), indent=1, ensure_ascii=False)
