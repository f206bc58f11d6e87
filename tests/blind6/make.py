#!/usr/bin/env python3
"""Writes blind6.jsonl, blind6.gold.json, actors.gold.json and docs/*.txt: a
sixth blind check, written and coded by hand on 2026-12-02 (session 6) before
any run of the coder on it.  g01-g12 are short wire snippets, g13-g24 longer
articles (three of them end in a reader-comment thread), g25-g30 FA-KES style
records (no "published", the dateline in the text is the anchor)."""
import datetime as dt
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
docs = []
gold = {"_about": "sitrep's sixth blind check: 12 snippets, 12 articles and 6 FA-KES style "
        "records (published=null, dateline first) written by hand in session 6 and coded "
        "before any run of the coder; no coder rule was tuned on them. Docs with a 'file' "
        "have their raw text in docs/ (pass --docs tests/blind6/docs to check comment leaks).",
        "docs": [], "negatives": []}
KIND = {}
BODY = {}


def doc(i, pub, title, body, events, negs=(), dateline=None, comments=None, fat=None):
    """body: paragraphs separated by blank lines.  comments: list of (user, when, text)."""
    entry = {"id": i, "published": pub, "title": title}
    if dateline is not None:          # FA-KES shape: one paragraph, dateline first
        assert "\n" not in body
        text = f"{dateline} {title}. {body}"
        KIND[i] = "fakes"
    else:
        text = title + "\n\n" + body
        KIND[i] = "article" if len(body.split()) >= 120 else "snippet"
        nbody = len([p for p in re.split(r"\n\s*\n", body) if p.strip()])
        if comments:
            text += "\n\nComments\n\n" + f"{len(comments)} comments" + "".join(
                f"\n\n{u}\n{w}\n{c}" for u, w, c in comments)
        entry["file"] = f"{i}.txt"
        entry["paragraphs"] = {"title": [0], "boilerplate": [], "body": list(range(1, nbody + 1)),
                               "comments_from": nbody + 1}
        with open(os.path.join(HERE, "docs", f"{i}.txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    BODY[i] = body
    docs.append({"id": i, "title": title, "published": pub, "source": "sitrep-blind6",
                 "text": text})
    ev = []
    for k, e in enumerate(events, 1):
        g = {"id": f"{i}-{k}", "required": e.get("required", True), "types": e["types"],
             "actors": e.get("actors", []), "date": e["date"], "date_tol": e.get("tol", 1),
             "location": e["loc"]}
        for f in ("fatalities", "certainty", "historical", "note"):
            if f in e:
                g[f] = e[f]
        ev.append(g)
    entry["events"] = ev
    if fat:
        entry["doc_fatalities"] = fat
    gold["docs"].append(entry)
    for t, why in negs:
        assert t in text, (i, t)
        gold["negatives"].append({"doc": i, "text": t, "why": why})


# place spellings, with the admin names ACLED would also give
IDLIB = ["Idlib", "Idleb"]
ALEPPO = ["Aleppo", "Halab"]
HAMA = ["Hama", "Hamah"]
HOMS = ["Homs", "Hims"]
DAMASCUS = ["Damascus", "Dimashq"]
RIF = ["Rif Dimashq", "Rural Damascus", "Damascus Countryside", "Reef Dimashq"]
DARAA = ["Daraa", "Dar'a", "Deraa", "Dara'a"]
DEZ = ["Deir ez-Zor", "Deir ez Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"]
HASAKAH = ["Hasakah", "Al Hasakah", "Hasaka", "Al-Hasakah", "Hasakeh"]
RAQQA = ["Raqqa", "Ar Raqqah", "Raqqah", "Al-Raqqa"]
QUNEITRA = ["Quneitra", "Al Quneitra", "Qunaytirah"]
AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
CLASH = "Armed clash"
GRT = "Government regains territory"
NSO = "Non-state actor overtakes territory"
ATTACK = "Attack"
ABDUCT = "Abduction/forced disappearance"

# ================================================================ snippets
doc("g01", "2019-05-28", "Drone kills two Hurras al-Din commanders near Sarmada",
    "A drone struck a car on the road between Sarmada and the Bab al-Hawa crossing in northern "
    "Idlib on Monday evening. Both men inside, described by local activists as commanders in the "
    "al-Qaeda-linked Hurras al-Din, were killed; no side has said it carried out the strike.",
    [dict(types=[AIR], actors=["HURRAS"], date="2019-05-27",
          loc=["Sarmada", "Sarmadah", "Bab al-Hawa", "Bab al Hawa"] + IDLIB, fatalities=2,
          note="event told across two sentences; striker unknown")])
doc("g02", "2020-01-27", "Five dead as jets hit Ariha market",
    "The bombardment of Ariha's main market by Russian jets on Sunday left five civilians dead, "
    "two of them children, and more than a dozen wounded, according to the White Helmets rescue "
    "service.",
    [dict(types=[AIR], actors=["RUS_MIL", "CIVILIANS"], date="2020-01-26",
          loc=["Ariha", "Areeha", "Arihah"] + IDLIB, fatalities=5,
          note="nominalisation: 'the bombardment of Ariha by Russian jets'")])
doc("g03", "2020-06-19", "Truce breached in Jabal al-Zawiya",
    "Government forces and allied Iranian-backed militias shelled Kansafra and al-Bara in the "
    "Jabal al-Zawiya area of southern Idlib on Thursday, the Syrian Observatory for Human Rights "
    "said, in a fresh breach of the March truce. The monitor reported damage to homes but no "
    "casualties.",
    [dict(types=[SHELL], actors=["SYR_MIL"], date="2020-06-18",
          loc=["Kansafra", "Kansafrah", "Kinsafra", "Kafr Nasafra"] + IDLIB, fatalities=0),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2020-06-18",
          loc=["al-Bara", "Al Bara", "Bara", "al-Barah"] + IDLIB, fatalities=0)])
doc("g04", "2019-09-12", "Ankara says Morek post stays",
    "Turkey will not pull its soldiers out of the observation post near Morek, Defence Minister "
    "Hulusi Akar said on Wednesday, warning that any attempt to harass the troops stationed there "
    "would be answered \"in the strongest way\". Syrian government forces encircled the post last "
    "month.",
    [],
    [("Turkey will not pull its soldiers out of the observation post near Morek", "statement"),
     ("warning that any attempt to harass the troops stationed there", "threat, conditional"),
     ("Syrian government forces encircled the post last month.", "background, vague past")])
doc("g05", "2020-08-23", "Three Kurds taken from Maabatli homes",
    "Three Kurdish civilians, among them a woman in her sixties, were taken from their homes in "
    "Maabatli in the Afrin countryside at dawn on Saturday by members of the Turkish-backed Hamza "
    "Division, the Afrin Human Rights Organisation said. Their families have not been told where "
    "they are being held.",
    [dict(types=[ABDUCT, "Arrests"], actors=["SNA", "CIVILIANS"], date="2020-08-22",
          loc=["Maabatli", "Mabatli", "Ma'batli", "Mabata", "Afrin"] + ALEPPO,
          note="passive voice, agent in a by-phrase")])
doc("g06", "2019-07-17", "Car bomb kills four SDF fighters in Shaddadi",
    "Four fighters of the Syrian Democratic Forces were killed on Tuesday when a suicide bomber "
    "blew up an explosives-laden car at a checkpoint on the southern edge of al-Shaddadi, in "
    "Hasakah province. Islamic State claimed the bombing through its Amaq news agency.",
    [dict(types=["Suicide bomb", IED], actors=["ISIS", "SDF"], date="2019-07-16",
          loc=["al-Shaddadi", "Shaddadi", "Ash Shaddadah", "Al-Shadadi", "Shadadi"] + HASAKAH,
          fatalities=4, note="perpetrator named in the second sentence (claim)")])
doc("g07", "2019-10-17", "Sanamayn sweep nets young men",
    "Government security forces detained at least 12 young men in a house-to-house sweep of "
    "al-Sanamayn in northern Daraa on Wednesday, the Horan Free League said, adding that most of "
    "them were wanted for military service.",
    [dict(types=["Arrests"], actors=["SYR_SEC"], date="2019-10-16",
          loc=["al-Sanamayn", "Sanamayn", "As Sanamayn", "Al-Sanamein", "Sanamein"] + DARAA)])
doc("g08", "2020-04-01", "March toll lowest of the war, monitor says",
    "At least 1,032 people, 287 of them civilians, were killed across Syria in March, the lowest "
    "monthly toll since the conflict began in 2011, the Syrian Observatory for Human Rights said "
    "on Wednesday. The monitor attributed the drop to the Russian-Turkish ceasefire in Idlib and "
    "to curfews imposed against the coronavirus.",
    [],
    [("At least 1,032 people, 287 of them civilians, were killed across Syria in March",
      "monthly total"),
     ("The monitor attributed the drop to the Russian-Turkish ceasefire", "analysis")])
doc("g09", "2020-02-06", "SANA: Israeli missiles target Damascus area",
    "Israeli jets fired missiles at targets near Damascus International Airport and in al-Kiswah, "
    "south of the capital, shortly after midnight on Thursday, the state news agency SANA said, "
    "adding that air defences had shot most of them down.",
    [dict(types=[AIR, SHELL], actors=["ISR_MIL"], date="2020-02-06",
          loc=["Damascus International Airport", "Damascus Airport", "Damascus"] + RIF),
     dict(types=[AIR, SHELL], actors=["ISR_MIL"], date="2020-02-06",
          loc=["al-Kiswah", "Kiswah", "Al Kiswah", "Kisweh"] + RIF),
     dict(types=["Disrupted weapons use"], actors=["SYR_MIL", "ISR_MIL"], required=False,
          date="2020-02-06", loc=DAMASCUS + RIF)])
doc("g10", "2020-07-04", "Soldiers fire on Tafas protest",
    "Residents of Tafas in western Daraa took to the streets on Friday against the arrest of two "
    "young men at a nearby checkpoint. Witnesses said soldiers at the checkpoint fired live rounds "
    "to break up the crowd, wounding two of the protesters.",
    [dict(types=["Excessive force against protesters", "Protest with intervention"],
          actors=["PROTESTERS", "SYR_MIL"], date="2020-07-03",
          loc=["Tafas", "Tafs", "Tafass"] + DARAA, note="protest and the force used on it told in two sentences"),
     dict(types=["Arrests"], actors=["SYR_MIL"], required=False, date="2020-07-03", tol=3,
          loc=["Tafas", "Tafs"] + DARAA, note="the arrests behind the protest, undated")])
doc("g11", "2019-04-04", "Khan Sheikhoun survivors mark anniversary",
    "Survivors of the Khan Sheikhoun attack, most of them now living in camps along the Turkish "
    "border, marked its second anniversary on Thursday by sharing photographs of the dead online "
    "and calling for those responsible to face trial. Sarin dropped on the town on April 4, 2017 "
    "killed 92 people, according to the Organisation for the Prohibition of Chemical Weapons.",
    [dict(types=["Chemical weapon", AIR], required=False, date="2017-04-04", historical=True,
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Sheikhun"] + IDLIB, fatalities=92)],
    [("Survivors of the Khan Sheikhoun attack, most of them now living in camps", "commemoration")])
doc("g12", "2019-11-15", "Russia sets up helicopter base in Qamishli",
    "Russian forces turned Qamishli airport into a helicopter base on Thursday, flying in attack "
    "helicopters and a Pantsir air-defence system, the Russian defence ministry's Zvezda TV "
    "said. The move comes weeks after US troops left several positions in the north-east.",
    [dict(types=["Headquarters or base established"], actors=["RUS_MIL"], date="2019-11-14",
          loc=["Qamishli", "Al Qamishli", "Qamishly", "Qamishlo", "Qamishli airport"] + HASAKAH)],
    [("The move comes weeks after US troops left several positions", "background, vague past")])

# ================================================================ articles
doc("g13", "2020-12-21", "Turkish-backed fighters and SDF clash near Ain Issa",
    "Fighters of the Turkish-backed Syrian National Army and the Kurdish-led Syrian Democratic "
    "Forces fought for several hours on Sunday on the western edge of Ain Issa, a town on the M4 "
    "highway north of Raqqa, according to the Syrian Observatory for Human Rights.\n\n"
    "The Britain-based monitor said six SNA fighters and two SDF members were killed. The SDF put "
    "the attackers' losses at 19 dead and said it had destroyed two armoured vehicles, a claim "
    "that could not be independently verified.\n\n"
    "During the fighting Turkish artillery pounded the village of Mushayrifa, east of the town. "
    "Later that evening a Turkish drone hit an SDF vehicle near Tal Tamr in neighbouring Hasakah "
    "province, killing its driver, the monitor added.\n\n"
    "Russian military police, deployed around Ain Issa since last year, set up a new observation "
    "point at the town's grain silos on Monday morning, a Russian officer told the state news "
    "agency RIA Novosti.\n\n"
    "Moscow has urged the SDF to hand the town over to Syrian government forces, which the "
    "Kurdish-led group has so far refused to do. Turkey's defence ministry said on Sunday that its "
    "forces had \"neutralised\" 15 \"terrorists\" in the region, without naming a location.\n\n"
    "The area has seen repeated fighting since Turkey and its Syrian allies seized Tal Abyad and "
    "Ras al-Ain in October 2019.",
    [dict(types=[CLASH], actors=["SNA", "SDF"], date="2020-12-20",
          loc=["Ain Issa", "Ain Eissa", "Ayn Issa", "Ain al-Issa"] + RAQQA, fatalities=8,
          note="SOHR 6+2; the SDF's unverified 19 is higher, ACLED takes the lowest"),
     dict(types=[SHELL], actors=["TUR_MIL"], date="2020-12-20",
          loc=["Mushayrifa", "Mushayrifah", "Al-Mushayrifa", "Ain Issa"] + RAQQA),
     dict(types=[AIR], actors=["TUR_MIL", "SDF"], date="2020-12-20",
          loc=["Tal Tamr", "Tell Tamer", "Tal Tamir", "Tell Tamr"] + HASAKAH, fatalities=1),
     dict(types=["Headquarters or base established"], actors=["RUS_MIL"], date="2020-12-21",
          loc=["Ain Issa", "Ain Eissa", "Ayn Issa"] + RAQQA)],
    [("Moscow has urged the SDF to hand the town over", "statement"),
     ("forces had \"neutralised\" 15 \"terrorists\" in the region", "claim without place or day"),
     ("since Turkey and its Syrian allies seized Tal Abyad and", "background, vague past"),
     ("They shelled my cousin's village near Tal Tamr again this morning", "reader comment"),
     ("SDF kidnapped my neighbour's son in Raqqa last week", "reader comment")],
    comments=[("Kurdo_Serekaniye", "December 21, 2020 at 9:14 am",
               "They shelled my cousin's village near Tal Tamr again this morning, two kids "
               "wounded. Nobody reports it."),
              ("AbuHamza88", "December 21, 2020 at 10:02 am",
               "And the SDF kidnapped my neighbour's son in Raqqa last week to make him serve. "
               "Where is the outrage about that?"),
              ("observer_1970", "December 21, 2020 at 11:30 am",
               "Russia will sell out the Kurds like it always does.")],
    fat={"types": [CLASH], "total": 8, "note": "one clash, lowest toll"})

doc("g14", "2019-06-13", "Deir ez-Zor daily bulletin: checkpoint attack, IED, assassination",
    "DEIR EZ-ZOR - The following incidents were documented by our correspondents across the "
    "province over the past 24 hours.\n\n"
    "Islamic State cells attacked a position of government forces on the outskirts of al-Mayadin "
    "on Wednesday evening, sparking an exchange of fire that lasted about an hour. Three soldiers "
    "were killed, according to a medical source in the town. IS later said in a statement that its "
    "fighters had killed five.\n\n"
    "East of the Euphrates, a roadside bomb went off as an SDF patrol passed through the town of "
    "Dhiban on Wednesday, wounding two fighters.\n\n"
    "In al-Busayrah, gunmen on a motorcycle shot dead a member of the town's civil council outside "
    "his home late on Tuesday and fled. The council blamed \"hidden hands\"; no group has claimed "
    "responsibility.\n\n"
    "At dawn on Wednesday, SDF units backed by coalition helicopters raided houses in the village "
    "of Jadid Ekeidat and detained four men accused of belonging to IS sleeper cells.\n\n"
    "A shepherd was also reportedly killed by a landmine left over from IS rule in the desert near "
    "al-Kasra on Wednesday. We were unable to confirm the report with his family.\n\n"
    "Since the beginning of the year, our network has documented 61 assassinations in the "
    "SDF-held countryside of the province.",
    [dict(types=[CLASH], actors=["ISIS", "SYR_MIL"], date="2019-06-12",
          loc=["al-Mayadin", "Mayadin", "Al Mayadin", "Mayadeen"] + DEZ, fatalities=3),
     dict(types=[IED], actors=["SDF"], date="2019-06-12",
          loc=["Dhiban", "Thiban", "Diban", "Theban"] + DEZ, fatalities=0),
     dict(types=[ATTACK], actors=["UNIDENTIFIED", "CIVILIANS"], date="2019-06-11",
          loc=["al-Busayrah", "Busayrah", "Al Busayrah", "Busaira", "al-Busaira"] + DEZ,
          fatalities=1),
     dict(types=["Arrests", ABDUCT], actors=["SDF"], date="2019-06-12",
          loc=["Jadid Ekeidat", "Jadid Akidat", "Jadeed Ekaidat", "Jadid Ikaydat"] + DEZ),
     dict(types=[IED], actors=["CIVILIANS"], date="2019-06-12", certainty="unconfirmed",
          loc=["al-Kasra", "Kasra", "Al Kasrah", "Kasrah"] + DEZ, fatalities=1)],
    [("our network has documented 61 assassinations", "running total")])

doc("g15", "2019-08-22", "Army units restore security and stability to Khan Sheikhoun",
    "Hama, SANA - Units of the Syrian Arab Army restored security and stability to the town of "
    "Khan Sheikhoun in the southern countryside of Idlib on Wednesday after eliminating the last "
    "terrorist groups entrenched in it, a military source said.\n\n"
    "The source told SANA's reporter that the units, backed by the friendly Russian air force, "
    "had inflicted heavy losses on the terrorists of Jabhat al-Nusra and destroyed their "
    "fortifications, tunnels and weapons depots, while engineering units began combing the "
    "town's streets and clearing mines.\n\n"
    "Pressing on with their operations, army units took control of the town of al-Latamneh in "
    "the northern countryside of Hama on Thursday morning, the source added.\n\n"
    "In a related development, terrorist groups targeted the town of al-Suqaylabiyah in the Hama "
    "countryside with a number of rocket shells on Wednesday, claiming the lives of two "
    "civilians and wounding four others, one of them a child, and causing material damage to "
    "citizens' homes and properties.\n\n"
    "Meanwhile, the Foreign and Expatriates Ministry renewed its condemnation of the entry of "
    "Turkish military vehicles into the area, calling it a flagrant violation of Syria's "
    "sovereignty and an attempt to rescue the collapsing terrorists.\n\n"
    "The army has in recent months liberated dozens of towns and villages in the northern Hama "
    "and southern Idlib countrysides, the source said.",
    [dict(types=[GRT], actors=["SYR_MIL"], date="2019-08-21",
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Sheikhun"] + IDLIB),
     dict(types=[GRT], actors=["SYR_MIL"], date="2019-08-22",
          loc=["al-Latamneh", "Latamneh", "Al Lataminah", "Lataminah", "Al-Lataminah"] + HAMA),
     dict(types=[SHELL], actors=["CIVILIANS"], date="2019-08-21",
          loc=["al-Suqaylabiyah", "Suqaylabiyah", "Al-Suqaylabiyah", "Squalbiyeh",
               "Skeilbiyeh", "Suqaylbiyah"] + HAMA, fatalities=2)],
    [("the Foreign and Expatriates Ministry renewed its condemnation", "statement"),
     ("The army has in recent months liberated dozens of towns", "campaign summary")])

doc("g16", "2020-03-10", "Rights group documents abductions and looting in Ras al-Ain",
    "A Syrian human rights organisation that monitors the Turkish-controlled strip between Tal "
    "Abyad and Ras al-Ain (Serekaniye) published on Tuesday its account of violations committed "
    "in the first week of March. The organisation relies on witnesses and relatives inside the "
    "area and says it checked each case with at least two sources.\n\n"
    "On 2 March, members of the Sultan Murad Division stopped two Kurdish men at a checkpoint at "
    "the western entrance of Ras al-Ain and drove them to an unknown location. Neither has been "
    "heard from since, and their families were told to stop asking.\n\n"
    "Two days later, fighters of the Hamza Division and the Sultan Murad Division broke into the "
    "homes of displaced families in the Zardasht neighbourhood of the town, loading furniture, "
    "generators and household appliances onto trucks, according to two witnesses.\n\n"
    "On 6 March, a bomb planted on a motorcycle exploded near the vegetable market in Ras "
    "al-Ain, killing three civilians, the organisation said. Turkey's defence ministry put the "
    "toll at five and blamed the YPG; no group said it had carried out the bombing.\n\n"
    "The organisation said it had been unable to verify reports that a third detained man had "
    "died under torture.\n\n"
    "Turkish forces and allied factions took the town in October 2019. Since then, the "
    "organisation has recorded more than 1,200 seizures of property in the area, and it has "
    "called on Ankara, as the power in control, to hold the factions to account.",
    [dict(types=[ABDUCT, "Arrests"], actors=["SNA", "CIVILIANS"], date="2020-03-02",
          loc=["Ras al-Ain", "Ras al Ayn", "Ras al-Ayn", "Serekaniye", "Ra's al 'Ayn"] + HASAKAH),
     dict(types=["Looting/property destruction"], actors=["SNA"], date="2020-03-04",
          loc=["Ras al-Ain", "Ras al Ayn", "Ras al-Ayn", "Serekaniye", "Zardasht"] + HASAKAH),
     dict(types=[IED], actors=["CIVILIANS"], date="2020-03-06",
          loc=["Ras al-Ain", "Ras al Ayn", "Ras al-Ayn", "Serekaniye", "Ra's al 'Ayn"] + HASAKAH,
          fatalities=3, note="Turkish MoD's 5 is higher; YPG named only as blamed"),
     dict(types=[NSO, "Non-violent transfer of territory", CLASH], actors=["TUR_MIL"],
          required=False, historical=True, date="2019-10-20", tol=12,
          loc=["Ras al-Ain", "Ras al Ayn", "Serekaniye"] + HASAKAH)],
    [("unable to verify reports that a third detained man had", "unverified, undated"),
     ("the organisation has recorded more than 1,200 seizures", "running total"),
     ("called on Ankara, as the power in control", "statement")])

doc("g17", "2020-03-16", "Analysis: Idlib's truce is holding, but for how long?",
    "Eleven days after Vladimir Putin and Recep Tayyip Erdogan agreed in Moscow to halt the "
    "fighting in Idlib, the guns in north-west Syria have largely fallen silent. Yet Sunday's "
    "events on the M4 motorway showed how thin the arrangement is.\n\n"
    "The first joint Russian-Turkish patrol on the highway, a centrepiece of the deal, was cut "
    "short on Sunday after hundreds of residents staged a sit-in on the road near the village of "
    "al-Nayrab, carrying opposition flags and banners rejecting any Russian presence. Moscow's "
    "defence ministry said afterwards that \"radical groups\" had used civilians as human "
    "shields, a charge the protesters' organisers rejected.\n\n"
    "The deal itself grew out of the worst crisis between the two countries since 2015. On "
    "February 27, an air strike on a Turkish battalion sheltering in buildings near the village "
    "of Balyun in Jabal al-Zawiya killed at least 33 Turkish soldiers. Ankara blamed Syrian "
    "government aircraft; Moscow said the troops had been operating alongside \"terrorist\" "
    "units and should not have been there.\n\n"
    "Turkey answered with an offensive it called Operation Spring Shield, sending swarms of "
    "armed drones against Syrian army positions, before Putin and Erdogan met.\n\n"
    "Diplomats say the ceasefire lacks any mechanism to deal with HTS, which still controls "
    "much of the M4 corridor, and that a new government push in the spring cannot be ruled out.",
    [dict(types=["Peaceful protest"], actors=["PROTESTERS"], date="2020-03-15",
          loc=["al-Nayrab", "Nayrab", "Al Nayrab", "Nairab", "Nerab"] + IDLIB),
     dict(types=[AIR], actors=["TUR_MIL"], date="2020-02-27", historical=True,
          loc=["Balyun", "Baliyun", "Balioun", "Jabal al-Zawiya", "Jabal al Zawiyah"] + IDLIB,
          fatalities=33, note="recalled with a full date; attacker disputed"),
     dict(types=["Agreement"], actors=["RUS_MIL", "TUR_MIL"], required=False, date="2020-03-05",
          loc=IDLIB + ["Moscow"], note="background to the piece"),
     dict(types=[AIR], actors=["TUR_MIL", "SYR_MIL"], required=False, historical=True,
          date="2020-03-01", tol=4, loc=IDLIB + ALEPPO)],
    [("Moscow's defence ministry said afterwards that \"radical groups\"", "accusation"),
     ("a new government push in the spring cannot be ruled out", "speculation, expected")])

doc("g18", "2019-01-03", "HTS seizes Zenki stronghold Darat Izza",
    "Hay'at Tahrir al-Sham fighters seized Darat Izza, the main stronghold of the Nour al-Din "
    "al-Zenki Movement in the western Aleppo countryside, on Wednesday after Zenki's fighters "
    "withdrew towards the Afrin region, the Syrian Observatory for Human Rights said.\n\n"
    "The advance followed a day of heavy fighting on Tuesday around the village of Taqad, in "
    "which nine fighters from both sides were killed, according to the monitor. Local activists "
    "gave a toll of 14.\n\n"
    "Zenki accused HTS gunmen of shooting dead a civilian at a checkpoint in Anadan on Tuesday. "
    "The accusation could not be independently verified, and HTS did not respond to it.\n\n"
    "The fighting erupted after HTS accused Zenki of killing five of its members in an ambush, a "
    "charge Zenki denied. The "
    "Turkish-backed National Front for Liberation, of which Zenki is a member, has said it will "
    "send reinforcements, raising fears of a wider war between rebel factions in Syria's last "
    "opposition-held province.\n\n"
    "The internal fighting comes as the Syrian government and its Russian ally threaten an "
    "offensive on the region.",
    [dict(types=[NSO, CLASH], actors=["HTS", "ZENKI"], date="2019-01-02",
          loc=["Darat Izza", "Darat Azza", "Daret Azza", "Darat 'Izzah"] + ALEPPO),
     dict(types=[CLASH], actors=["HTS", "ZENKI"], date="2019-01-01",
          loc=["Taqad", "Taqqad", "Tqad"] + ALEPPO, fatalities=9),
     dict(types=[ATTACK], actors=["HTS", "CIVILIANS"], date="2019-01-01", certainty="alleged",
          loc=["Anadan", "Anadān", "Andan"] + ALEPPO, fatalities=1)],
    [("The fighting erupted after HTS accused Zenki", "background accusation, no day or place"),
     ("has said it will send reinforcements", "expected"),
     ("threaten an offensive on the region", "threat"),
     ("Russian jets bombed Maarat al-Numan last night", "reader comment"),
     ("HTS executed three young men in Idlib prison yesterday", "reader comment")],
    comments=[("Ahmad_Halab", "3 January 2019 14:02",
               "Both are thieves. Meanwhile Russian jets bombed Maarat al-Numan last night and "
               "killed a family of five and nobody writes about it."),
              ("truth_seeker", "3 January 2019 15:47",
               "HTS executed three young men in Idlib prison yesterday, my cousin saw the bodies."),
              ("Mark D.", "3 January 2019 16:10",
               "Good article, thanks.")],
    fat={"types": [CLASH, NSO], "total": 9})

doc("g19", "2019-10-28", "Islamic State leader Baghdadi dead in US raid in Idlib",
    "Islamic State leader Abu Bakr al-Baghdadi blew himself up in a tunnel as US special forces "
    "closed in on his hideout near the village of Barisha in Syria's Idlib province late on "
    "Saturday, President Donald Trump said on Sunday.\n\n"
    "Trump said Baghdadi had taken three of his children with him when he detonated a suicide "
    "vest, and that a number of his fighters were killed in the raid, which began when eight "
    "helicopters flew in from a base in Iraq and came under fire. No US soldiers were killed.\n\n"
    "Residents of Barisha described hours of gunfire and explosions. The Syrian Observatory for "
    "Human Rights said nine people were killed in the operation.\n\n"
    "In a separate operation on Sunday, a US strike on a convoy near the village of Ain "
    "al-Bayda, west of Jarablus, killed the group's spokesman Abu al-Hassan al-Muhajir and his "
    "driver, according to SDF commander Mazloum Abdi, who said SDF intelligence had helped find "
    "him.\n\n"
    "Russia's defence ministry said it had no reliable information about the raid and questioned "
    "whether it had taken place at all.\n\n"
    "Baghdadi proclaimed his self-styled caliphate from the pulpit of Mosul's al-Nuri mosque in "
    "2014, and his group went on to hold territory the size of Britain across Syria and Iraq.",
    [dict(types=[CLASH, "Suicide bomb", AIR], actors=["USA", "ISIS"], date="2019-10-26",
          loc=["Barisha", "Barisha village", "Bārīshā"] + IDLIB,
          note="Trump: Baghdadi + 3 children + 'a number of' fighters; SOHR 9: no single lowest "
               "figure, so fatalities not scored"),
     dict(types=[AIR], actors=["USA", "ISIS"], date="2019-10-27",
          loc=["Ain al-Bayda", "Ayn al-Bayda", "Ain al Bayda", "Jarablus", "Jarabulus"] + ALEPPO,
          fatalities=2)],
    [("Russia's defence ministry said it had no reliable information", "statement, doubt"),
     ("Baghdadi proclaimed his self-styled caliphate", "background, Iraq")])

doc("g20", "2020-05-05", "Nine policemen killed in Muzayrib station attack",
    "DARAA - A former rebel fighter and several gunmen with him attacked the police station in "
    "the town of al-Muzayrib in western Daraa on Monday, killing nine policemen, the Interior "
    "Ministry said. Local activists from the Horan Free League put the number of dead at 11 and "
    "said the attacker was seeking revenge for the killing of relatives.\n\n"
    "Hours later, government reinforcements pounded the western neighbourhoods of al-Muzayrib "
    "with mortar rounds, reportedly wounding a woman and damaging several houses.\n\n"
    "On Tuesday morning, officers of the Russian military police met notables from the town in "
    "Daraa city and the two sides agreed that the army would not storm al-Muzayrib; in "
    "exchange, the town would hand over the gunmen or expel them to the north.\n\n"
    "The Fourth Division, commanded by Maher al-Assad, had massed troops and tanks on the "
    "outskirts, and residents feared a wider operation. Its commanders threatened to enter "
    "the town if the deal collapsed.\n\n"
    "Violence has never fully stopped in Daraa since government forces retook it under "
    "Russian-sponsored settlement deals in the summer of 2018. The Horan Free League says more "
    "than 300 people have been killed in assassinations and ambushes since then.",
    [dict(types=[CLASH, ATTACK], actors=["SYR_SEC"], date="2020-05-04",
          loc=["al-Muzayrib", "Muzayrib", "Al Muzayrib", "Mzeireb", "Mzerib"] + DARAA,
          fatalities=9, note="ministry 9, activists 11: lowest"),
     dict(types=[SHELL], actors=["SYR_MIL"], date="2020-05-04", certainty="unconfirmed",
          loc=["al-Muzayrib", "Muzayrib", "Al Muzayrib", "Mzeireb", "Mzerib"] + DARAA,
          fatalities=0),
     dict(types=["Agreement"], actors=["RUS_MIL"], date="2020-05-05",
          loc=["al-Muzayrib", "Muzayrib", "Al Muzayrib", "Mzeireb", "Mzerib"] + DARAA)],
    [("Its commanders threatened to enter", "threat"),
     ("more than 300 people have been killed in assassinations", "running total"),
     ("since government forces retook it under Russian-sponsored", "background, vague past")],
    fat={"types": [CLASH, ATTACK], "total": 9})

doc("g21", "2017-09-06", "Analysis: Deir ez-Zor breakthrough ends a three-year siege",
    "For nearly three years, tens of thousands of people in the government-held districts of "
    "Deir ez-Zor lived on air-dropped food, surrounded by Islamic State fighters. That ended on "
    "Tuesday, when army columns that had pushed across the desert from Palmyra linked up with "
    "the garrison at the Brigade 137 base on the city's western edge, state television "
    "said.\n\n"
    "On the same day, a Russian frigate in the Mediterranean fired Kalibr cruise missiles at IS "
    "positions around the city, the Russian defence ministry said, adding that command posts and "
    "ammunition depots had been destroyed.\n\n"
    "The siege is remembered above all for one day. On January 16, 2016, IS fighters stormed "
    "al-Baghiliyah, a suburb on the north-western edge of the city, and killed civilians and "
    "soldiers' families in their homes. The Syrian Observatory for Human Rights counted 135 dead; "
    "state media said about 300 had been massacred.\n\n"
    "The breakthrough is a symbolic victory for Damascus, but the battle for the province is far "
    "from over. IS still holds the eastern half of the city and the Euphrates valley down to the "
    "Iraqi border, and the army is expected to push next towards al-Mayadin, where much of the "
    "group's leadership is believed to have moved.\n\n"
    "The US-backed Syrian Democratic Forces, meanwhile, are preparing their own campaign from "
    "the north-east.",
    [dict(types=[GRT, CLASH], actors=["SYR_MIL"], date="2017-09-05",
          loc=["Deir ez-Zor", "Deir ez Zor", "Dayr az Zawr", "Deir Ezzor", "Brigade 137"] + DEZ),
     dict(types=[SHELL, AIR], actors=["RUS_MIL", "ISIS"], date="2017-09-05", loc=DEZ),
     dict(types=[ATTACK], actors=["ISIS", "CIVILIANS"], date="2016-01-16", historical=True,
          loc=["al-Baghiliyah", "Baghiliyah", "Al Baghaliyah", "Baghaliyeh"] + DEZ,
          fatalities=135, note="SOHR 135 vs state 300: lowest")],
    [("the army is expected to push next towards al-Mayadin", "expected"),
     ("are preparing their own campaign from the north-east", "expected"),
     ("IS still holds the eastern half of the city", "control summary")])

doc("g22", "2019-11-24", "Occupation attacks on Tal Tamr countryside repelled",
    "HASAKAH - The Turkish occupation army and its mercenaries attacked the village of Um Shaifa "
    "west of Tal Tamr on Saturday, but fighters of the Syrian Democratic Forces repelled the "
    "assault after clashes that lasted until the evening, an SDF media official told our "
    "agency.\n\n"
    "The official said 12 mercenaries were killed and a military vehicle destroyed. Turkey's "
    "defence ministry, for its part, said its forces had \"neutralised\" five \"terrorists\" in "
    "the area. Neither figure could be confirmed.\n\n"
    "Occupation artillery also shelled the village of Tal al-Ward in the same countryside on "
    "Saturday afternoon, killing a 12-year-old boy and wounding his mother, medical sources at "
    "the Tal Tamr hospital said.\n\n"
    "In a separate development, units of the Syrian government army entered the town of "
    "al-Darbasiyah on Saturday and took up positions on the border strip east of the town, "
    "under the understanding reached between the SDF and Damascus last month. The SDF handed "
    "over several of its points there.\n\n"
    "Residents of the area say they fear the occupation wants to extend its control to the "
    "Hasakah-Aleppo highway.",
    [dict(types=[CLASH], actors=["SDF"], date="2019-11-23",
          loc=["Um Shaifa", "Umm Shaifa", "Umm Shuayfah", "Um Shuaifa", "Tal Tamr"] + HASAKAH,
          note="attackers: Turkish army and SNA ('mercenaries'); tolls are opposed claims, not scored"),
     dict(types=[SHELL], actors=["TUR_MIL", "CIVILIANS"], date="2019-11-23",
          loc=["Tal al-Ward", "Tal al Ward", "Tell al-Ward", "Tal Tamr"] + HASAKAH, fatalities=1),
     dict(types=["Non-violent transfer of territory", "Headquarters or base established"],
          actors=["SYR_MIL"], date="2019-11-23",
          loc=["al-Darbasiyah", "Darbasiyah", "Ad Darbasiyah", "Derbasiyah", "Dirbesiye",
               "Al-Darbasiyah"] + HASAKAH)],
    [("Residents of the area say they fear the occupation wants", "fear, expected"),
     ("bombed Zirgan this morning", "reader comment"),
     ("PKK terrorists planted a bomb in Tal Abyad yesterday", "reader comment")],
    comments=[("Rojava_Heval", "24/11/2019 - 11:20",
               "Thank you for reporting. The drones also bombed Zirgan this morning, three "
               "martyrs."),
              ("Mehmet K", "24/11/2019 - 12:05",
               "PKK terrorists planted a bomb in Tal Abyad yesterday and killed civilians, why "
               "you don't write this?")])

doc("g23", "2020-11-18", "Israel strikes Iranian and Syrian army targets near Damascus",
    "Israeli warplanes struck positions of the Syrian army and Iran's Quds Force in the Sa'sa' "
    "area of the Damascus countryside early on Wednesday, the Israeli military said, in what it "
    "described as a response to explosive devices found along the frontier.\n\n"
    "The Israeli army said its troops had uncovered the devices on Tuesday near one of its posts "
    "on the Israeli-occupied side of the Golan Heights, and accused an Iranian-directed Syrian "
    "unit of planting them.\n\n"
    "The state news agency SANA said three soldiers were killed and one wounded in the raids, "
    "and that air defences had intercepted most of the missiles. The Syrian Observatory for Human "
    "Rights put the death toll at 10, including five members of Iranian-backed groups.\n\n"
    "Separately, unidentified gunmen ambushed a car carrying two members of military "
    "intelligence near the town of Inkhil in northern Daraa late on Tuesday, killing one of them, "
    "local sources said.\n\n"
    "Iran's foreign ministry condemned the strikes. Israel says it has struck hundreds of targets "
    "in Syria since 2017 to stop Iran from entrenching itself near its border.",
    [dict(types=[AIR], actors=["ISR_MIL", "SYR_MIL"], date="2020-11-18",
          loc=["Sa'sa'", "Sasa", "Saasaa", "Sa'sa", "Sasaa"] + RIF, fatalities=3,
          note="SANA 3 vs SOHR 10: lowest"),
     dict(types=[CLASH, ATTACK], actors=["UNIDENTIFIED", "SYR_MIL"], date="2020-11-17",
          loc=["Inkhil", "Inkhel", "Inkhl", "Enkhel"] + DARAA, fatalities=1),
     dict(types=["Disrupted weapons use"], actors=["ISR_MIL"], required=False, date="2020-11-17",
          loc=["Golan", "Golan Heights"] + QUNEITRA),
     dict(types=["Disrupted weapons use"], actors=["SYR_MIL"], required=False, date="2020-11-18",
          loc=["Sa'sa'", "Sasa"] + RIF)],
    [("Iran's foreign ministry condemned the strikes", "statement"),
     ("Israel says it has struck hundreds of targets", "running total")])

doc("g24", "2020-12-31", "Dozens of soldiers killed in desert bus ambush",
    "Gunmen opened fire with rockets and machine guns on a bus carrying soldiers home on leave on "
    "the desert road between Deir ez-Zor and Palmyra on Wednesday afternoon, near the village of "
    "Kabajib, killing 25 of them and wounding 13, the state news agency SANA said.\n\n"
    "The Syrian Observatory for Human Rights, which has a network of sources across the country, "
    "said 37 members of the army and allied militias were killed, making it one of the deadliest "
    "single attacks on government forces this year. Islamic State claimed the ambush in a "
    "statement on Thursday.\n\n"
    "Russian warplanes pounded suspected IS hideouts in the desert around Jabal al-Bishri on "
    "Thursday morning, the monitor said, without giving a casualty figure.\n\n"
    "Although IS lost its last scrap of territory at Baghouz in March 2019, its cells have "
    "waged a persistent insurgency from the vast Badia desert. More than 1,000 soldiers and "
    "pro-government fighters have been killed in the desert since then, according to the "
    "Observatory.\n\n"
    "Damascus and Moscow have promised repeatedly to clear the desert of the militants.",
    [dict(types=[CLASH, ATTACK], actors=["ISIS", "SYR_MIL"], date="2020-12-30",
          loc=["Kabajib", "Kabajeb", "Al Kabajib", "al-Shoula"] + DEZ, fatalities=25,
          note="SANA 25 vs SOHR 37: lowest"),
     dict(types=[AIR], actors=["RUS_MIL", "ISIS"], date="2020-12-31",
          loc=["Jabal al-Bishri", "Jabal Bishri", "Jebel Bishri", "Bishri"] + DEZ + RAQQA + HOMS)],
    [("Although IS lost its last scrap of territory at Baghouz", "background, vague past"),
     ("More than 1,000 soldiers and pro-government fighters", "running total"),
     ("Damascus and Moscow have promised repeatedly", "statement")])

# ================================================================ FA-KES style
doc("g25", None, "Air strikes on Aleppo's al-Shaar kill 12 as rebel shells hit al-Midan",
    "At least 12 people, among them three children, were killed yesterday when warplanes "
    "believed to be Russian struck a residential street in the rebel-held al-Shaar district of "
    "eastern Aleppo, the Syrian Observatory for Human Rights said, while opposition activists "
    "put the toll at 15. Civil defence workers were still digging through the rubble for "
    "survivors at nightfall. In the government-held west of the city, rebel shells fell on the "
    "al-Midan district on Friday, killing four civilians and wounding 11, the state news agency "
    "SANA reported. Government forces have moved within firing range of the Castello road, the "
    "only route into the opposition-held districts, and aid agencies warned that some 250,000 "
    "people could find themselves under siege within days.",
    [dict(types=[AIR], actors=["CIVILIANS"], date="2016-07-09",
          loc=["al-Shaar", "Al Shaar", "Shaar", "al-Sha'ar"] + ALEPPO, fatalities=12,
          note="'yesterday' from Sun 10 Jul; striker only 'believed to be Russian'"),
     dict(types=[SHELL], actors=["CIVILIANS"], date="2016-07-08",
          loc=["al-Midan", "Midan", "Al Midan", "al-Maydan"] + ALEPPO, fatalities=4)],
    [("aid agencies warned that some 250,000 people could find", "expected, humanitarian")],
    dateline="Sun 10 Jul 2016")
doc("g26", None, "Blast kills Ahrar al-Sham leader and top commanders",
    "The leader of the Islamist rebel group Ahrar al-Sham, Hassan Abboud, and at least 27 other "
    "senior figures were killed on Tuesday when an explosion tore through a meeting in a "
    "basement in the town of Ram Hamdan in Idlib province, the group said. The Syrian "
    "Observatory for Human Rights put the number of dead at 45. It was not clear what caused "
    "the blast; some members said a bomb had been planted, others spoke of a suicide bomber. "
    "Within hours the group named Hashem al-Sheikh as its new leader. In Hama province, army "
    "helicopters dropped barrel bombs on the town of Halfaya yesterday, killing three people, "
    "activists said. US President Barack Obama is due to set out a strategy against Islamic "
    "State that officials said could include air strikes in Syria.",
    [dict(types=[IED, "Suicide bomb", "Other"], actors=["AHRAR"], date="2014-09-09",
          loc=["Ram Hamdan", "Ram Hamadan", "Ramhamdan"] + IDLIB, fatalities=28,
          note="group's 'at least 27 other' + Abboud = 28; SOHR 45"),
     dict(types=[AIR], actors=["SYR_MIL"], date="2014-09-09",
          loc=["Halfaya", "Halfaya town", "Halfayah", "Halfaia"] + HAMA, fatalities=3),
     dict(types=["Change to group/activity"], actors=["AHRAR"], required=False,
          date="2014-09-09", loc=IDLIB)],
    [("US President Barack Obama is due to set out a strategy", "expected")],
    dateline="10-09-2014")
doc("g27", None, "Russia says strike wounded HTS leader; IS bombers hit Damascus police station",
    "Russia's defence ministry said on Wednesday that its jets had struck a meeting of Hay'at "
    "Tahrir al-Sham commanders in Idlib province the day before, leaving the group's leader Abu "
    "Mohammad al-Julani in a critical condition and killing 12 of his field commanders. HTS "
    "denied that Julani had been hurt and released an audio message it said he recorded after "
    "the strike. On Monday, two suicide bombers blew themselves up at the entrance of the police "
    "station in Damascus's al-Midan district after a firefight with guards, and a third "
    "detonated his vest inside the building, the interior ministry said, giving a toll of 15 "
    "dead. A war monitor said 17 people had died. Islamic State claimed the attack through its "
    "Amaq agency. Moscow said on Thursday that Turkish observers would deploy in Idlib soon "
    "under the de-escalation deal agreed in Astana last month.",
    [dict(types=[AIR], actors=["RUS_MIL", "HTS"], date="2017-10-03", certainty="claimed",
          loc=IDLIB, note="claimed by Russia, denied by HTS; no fatality scored"),
     dict(types=["Suicide bomb"], actors=["ISIS"], date="2017-10-02",
          loc=["al-Midan", "Midan", "Al Midan", "al-Maydan"] + DAMASCUS, fatalities=15)],
    [("Moscow said on Thursday that Turkish observers would deploy", "expected")],
    dateline="05.10.2017")
doc("g28", None, "US missiles hit Syrian air base after chemical attack",
    "US warships in the eastern Mediterranean fired 59 Tomahawk cruise missiles at the Shayrat "
    "air base south-east of Homs early yesterday, in the first direct American attack on the "
    "Syrian government in six years of war. The Syrian army said six soldiers had been killed "
    "and called the strike a \"blatant aggression\"; the governor of Homs said seven people died. "
    "Washington said the base was the one from which the jets behind Tuesday's chemical attack "
    "on Khan Sheikhoun, which killed more than 80 people, had taken off. Damascus denies using "
    "chemical weapons. Despite the damage, warplanes took off from Shayrat again today and "
    "struck the town of Khan Sheikhoun, killing a woman, activists said. Russia said it was "
    "suspending a hotline meant to prevent incidents between its aircraft and the coalition's, "
    "and Washington said it was prepared to do more.",
    [dict(types=[SHELL, AIR], actors=["USA", "SYR_MIL"], date="2017-04-07",
          loc=["Shayrat", "Al Shayrat", "Shairat", "Shayrat air base", "Al-Shayrat"] + HOMS,
          fatalities=6, note="army 6 vs governor 7: lowest"),
     dict(types=[AIR], actors=["SYR_MIL", "CIVILIANS"], date="2017-04-08",
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Sheikhun"] + IDLIB, fatalities=1),
     dict(types=["Chemical weapon", AIR], actors=["SYR_MIL"], required=False, date="2017-04-04",
          loc=["Khan Sheikhoun", "Khan Shaykhun", "Khan Sheikhun"] + IDLIB)],
    [("Washington said it was prepared to do more", "threat, expected")],
    dateline="Published April 8 2017")
doc("g29", None, "Blasts kill 12 near Sayyida Zeinab shrine; barrel bombs hit Daraya",
    "Three explosions struck a street near the Sayyida Zeinab shrine south of Damascus "
    "yesterday, killing at least 12 people and wounding dozens, the state news agency SANA said. "
    "The Syrian Observatory for Human Rights said 20 people were killed, among them members of "
    "Shiite militias. Islamic State said two of its fighters wearing explosive belts and a car "
    "bomb had carried out the attack. In the besieged suburb of Daraya, government helicopters "
    "dropped barrel bombs on residential areas on Friday. A food aid convoy, the first to reach "
    "the town since 2012, had entered on Thursday night. The United Nations said "
    "it hoped further convoys would be allowed in next week.",
    [dict(types=["Suicide bomb", IED], actors=["ISIS"], date="2016-06-11",
          loc=["Sayyida Zeinab", "Sayyida Zaynab", "Sayeda Zeinab", "As Sayyidah Zaynab",
               "Sit Zaynab"] + RIF, fatalities=12, note="SANA 12 vs SOHR 20: lowest"),
     dict(types=[AIR], actors=["SYR_MIL"], date="2016-06-10",
          loc=["Daraya", "Darayya", "Dariya"] + RIF)],
    [("A food aid convoy, the first to reach the town since 2012", "aid delivery, not an event"),
     ("it hoped further convoys would be allowed in next week", "expected")],
    dateline="Date of publication 12 June 2016")
doc("g30", None, "Syrian army retakes Saraqib days after losing it",
    "Syrian government forces, backed by Russian air power and fighters of Lebanon's Hezbollah, "
    "regained full control of the strategic town of Saraqib on Monday, state television said, "
    "and Russian military police were deployed in the town. Saraqib, which sits at the junction "
    "of the M4 and M5 highways, had been overrun last Thursday by rebel factions led by Hay'at "
    "Tahrir al-Sham. On Sunday, Turkish drones hit a column of Syrian army vehicles on the "
    "outskirts of the town, killing at least 19 soldiers, the Syrian Observatory for Human "
    "Rights said. Syrian air defences shot down a Turkish drone over Saraqib this morning, a "
    "military source told state media. Turkey's defence ministry claimed it had \"neutralised\" "
    "more than 2,000 regime personnel since the start of its operation.",
    [dict(types=[GRT], actors=["SYR_MIL"], date="2020-03-02",
          loc=["Saraqib", "Saraqeb", "Sarakeb"] + IDLIB),
     dict(types=[NSO], actors=["HTS"], date="2020-02-27",
          loc=["Saraqib", "Saraqeb", "Sarakeb"] + IDLIB, note="'last Thursday' from Tue 03 Mar"),
     dict(types=[AIR], actors=["TUR_MIL", "SYR_MIL"], date="2020-03-01",
          loc=["Saraqib", "Saraqeb", "Sarakeb"] + IDLIB, fatalities=19),
     dict(types=["Disrupted weapons use"], actors=["SYR_MIL", "TUR_MIL"], date="2020-03-03",
          loc=["Saraqib", "Saraqeb", "Sarakeb"] + IDLIB)],
    [("more than 2,000 regime personnel since the start of its operation", "running total")],
    dateline="Tue 03 Mar 2020")

actors = {
    "_comment": "sitrep blind check 6 actor keys; standard ACLED names first, then common "
                "spellings. SNA also accepts the Turkish-backed factions named in the texts.",
    "SYR_MIL": ["Military Forces of Syria (2000-)", "Military Forces of Syria (2000-2024)",
                "Military Forces of Syria", "Syrian Arab Army", "Syrian army", "SAA",
                "Syrian government forces", "Syrian Air Force", "Syrian military"],
    "SYR_SEC": ["Police Forces of Syria (2000-)", "Police Forces of Syria (2000-2024)",
                "Police Forces of Syria", "Syrian police", "Syrian security forces",
                "Military Forces of Syria (2000-)", "Military Forces of Syria (2000-2024)",
                "Military Forces of Syria", "Syrian Arab Army", "Syrian army"],
    "RUS_MIL": ["Military Forces of Russia (2000-)", "Military Forces of Russia",
                "Russian Aerospace Forces", "Russian Air Force", "Russian military",
                "Russian Military Police", "Russian forces"],
    "TUR_MIL": ["Military Forces of Turkey (2016-)", "Military Forces of Turkey (2002-2016)",
                "Military Forces of Turkey", "Turkish Armed Forces", "Turkish army",
                "Turkish military", "Turkish forces"],
    "ISR_MIL": ["Military Forces of Israel (2022-)", "Military Forces of Israel (2021-2022)",
                "Military Forces of Israel (2009-2021)", "Military Forces of Israel",
                "Israel Defense Forces", "IDF", "Israeli Air Force", "Israeli military"],
    "USA": ["Military Forces of the United States (2017-2021)",
            "Military Forces of the United States (2009-2017)",
            "Military Forces of the United States", "US military", "US forces",
            "US special forces", "United States Central Command", "CENTCOM"],
    "US_COALITION": ["Coalition", "Global Coalition", "Global Coalition Against Daesh",
                     "US-led coalition", "U.S.-led coalition", "International Coalition",
                     "Operation Inherent Resolve"],
    "HEZBOLLAH": ["Hezbollah", "Hizbullah", "Hizballah", "Lebanese Hezbollah"],
    "ISIS": ["Islamic State", "Islamic State (Syria)", "ISIS", "ISIL", "IS", "Daesh",
             "Islamic State of Iraq and the Levant"],
    "HTS": ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"],
    "AHRAR": ["Ahrar al-Sham", "Harakat Ahrar al-Sham al-Islamiyya", "Ahrar ash-Sham"],
    "HURRAS": ["Hurras al-Din", "Huras al-Din", "Horas al-Din", "Hurras al-Deen",
               "Tanzim Hurras al-Din", "Guardians of Religion Organization"],
    "ZENKI": ["Nour al-Din al-Zenki Movement", "Nour al-Din al-Zenki", "Nur al-Din al-Zanki",
              "Harakat Nour al-Din al-Zenki", "Zenki", "Zenki Movement"],
    "SDF": ["Syrian Democratic Forces", "SDF", "Quwat Suriya al-Dimuqratiya"],
    "YPG": ["YPG", "People's Protection Units", "Kurdish People's Protection Units"],
    "SNA": ["Syrian National Army", "SNA", "National Army", "Turkish-backed Syrian National Army",
            "Syrian National Army (SNA)", "Hamza Division", "Al-Hamza Division",
            "Firqat al-Hamza", "Sultan Murad Division", "Sultan Murad Brigade",
            "Firqat al-Sultan Murad"],
    "CIVILIANS": ["Civilians (Syria)", "Civilians", "civilians"],
    "PROTESTERS": ["Protesters (Syria)", "Protesters", "protesters", "demonstrators"],
    "UNIDENTIFIED": ["Unidentified Armed Group (Syria)", "Unidentified Armed Group",
                     "unidentified gunmen", "Unidentified"],
}

# ---------------------------------------------------------------- checks
DATELINE = (r"(\w{3} \d\d \w{3} \d{4}|\d\d[-.]\d\d[-.]\d{4}|Published \w+ \d+ \d{4}|"
            r"Date of publication \d+ \w+ \d{4}) ")
ids = [d["id"] for d in docs]
assert ids == [f"g{n:02d}" for n in range(1, 31)], ids
snips = [i for i in ids if KIND[i] == "snippet"]
arts = [i for i in ids if KIND[i] == "article"]
fakes = [i for i in ids if KIND[i] == "fakes"]
assert snips == ids[:12] and arts == ids[12:24] and fakes == ids[24:], (snips, arts, fakes)
gd = {g["id"]: g for g in gold["docs"]}
empty = [i for i in snips if not any(e["required"] for e in gd[i]["events"])]
assert len(empty) == 3, empty
with_comments = [i for i in arts if "\n\nComments\n\n" in docs[ids.index(i)]["text"]]
assert len(with_comments) >= 2, with_comments
for d in docs:
    i, body = d["id"], BODY[d["id"]]
    words = len(body.split())
    if KIND[i] == "snippet":
        sents = len(re.findall(r"[.!?](?:\"|')?(?:\s|$)", body))
        assert 1 <= sents <= 3 and words < 90, (i, sents, words)
    elif KIND[i] == "article":
        assert 150 <= words <= 350, (i, words)
    else:
        assert 90 <= words <= 250, (i, words)
    if KIND[i] == "fakes":
        assert d["published"] is None and gd[i]["published"] is None
        assert re.match(DATELINE, d["text"]), i
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
    assert dt.date(2014, 1, 1) <= a <= dt.date(2020, 12, 31), i
    for g in gd[i]["events"]:
        e = dt.date.fromisoformat(g["date"])
        assert e <= a and (dt.date(2014, 1, 1) <= e or g.get("historical")), (g["id"], e, a)
        assert (a - e).days <= 11 or g.get("historical"), (g["id"], "old but not historical")
        assert g["location"] and g["types"], g["id"]
        for k in g["actors"]:
            assert k in actors, (g["id"], k)
        assert g.get("certainty") in (None, "claimed", "unconfirmed", "alleged", "denied", "expected")
for n in gold["negatives"]:
    assert n["doc"] in ids and n["why"]

with open(os.path.join(HERE, "blind6.jsonl"), "w") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
json.dump(gold, open(os.path.join(HERE, "blind6.gold.json"), "w"), indent=1, ensure_ascii=False)
json.dump(actors, open(os.path.join(HERE, "actors.gold.json"), "w"), indent=1, ensure_ascii=False)
ne = sum(len(g["events"]) for g in gold["docs"])
nr = sum(1 for g in gold["docs"] for e in g["events"] if e["required"])
print(f"{len(docs)} docs ({len(snips)} snippets, {len(empty)} without events; {len(arts)} articles, "
      f"{len(with_comments)} with comments; {len(fakes)} FA-KES style), {ne} gold events "
      f"({nr} required), {len(gold['negatives'])} negatives")

# ------------------------------------------- self-check: gold as system output
# Every required event written back as a system event (first type, first ACLED
# spelling of each actor, first place spelling) must score F1 1.0 with no
# negative hit and no comment leak; run with --selfcheck.
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
    out = subprocess.run(["python3", score, os.path.join(HERE, "blind6.gold.json"),
                          "--events", f.name, "--docs", os.path.join(HERE, "docs"), "--json"],
                         capture_output=True, text=True, check=True)
    os.unlink(f.name)
    r = json.loads(out.stdout)
    print("selfcheck:", {k: r[k] for k in ("events_f1", "fatalities_exact", "hedged_marked",
                                           "historical_flagged", "negatives_hit",
                                           "doc_fatality_totals_wrong", "events_from_comments")})
    assert r["events_f1"] == 1.0 and r["negatives_hit"] == 0 and not r["events_missed"], r
    assert not r["doc_fatality_totals_wrong"] and r["events_from_comments"] == 0, r
    a, b = r["fatalities_exact"].split("/")
    assert a == b, r
