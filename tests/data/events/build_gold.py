"""Writes events.gold.jsonl (the seeds' gold format) from GOLD below: offsets are found in the articles.

Three invented news events, each reported by three outlets (exact, truncated, fragment, joined,
reworded and translated renderings), annotated before the clustering was tuned on them.

    python tests/data/events/build_gold.py
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (article, text as printed, speaker, clusters, partial)
GOLD = [
    ("e1a", "will not let a handful of people hold the whole country’s economy hostage.", "Elena Vargas", ["v1"], True),
    ("e1a", "The door to talks remains open, but it will not stay open forever,", "Elena Vargas", ["v2"], False),
    ("e1a", "Nobody in this dispute is irreplaceable, not the workers and not the ministers.", "Elena Vargas", ["v3"], False),
    ("e1a", "We are running out of patience,", "Tomasz Brandt", ["b2"], False),
    ("e1b", "will not stay open forever", "Elena Vargas", ["v2"], True),
    ("e1b", "a handful of people", "Elena Vargas", ["v1"], True),
    ("e1b", "The door to talks remains open. But it will not stay open forever. We will not let a handful of people "
            "hold the whole economy of this country hostage,", "Elena Vargas", ["v2", "v1"], False),
    ("e1b", "will be painful for everyone.", "Tomasz Brandt", ["b3"], True),
    ("e1b", "Our members have been working without a contract for two years,", "Tomasz Brandt", ["b1"], False),
    ("e1b", "We know this strike will be painful for everyone.", "Tomasz Brandt", ["b3"], False),
    ("e1c", "neither the workers nor the ministers.", "Elena Vargas", ["v3"], True),
    ("e1c", "There is very little patience left among our people,", "Tomasz Brandt", ["b2"], False),
    ("e1c", "for two years", "Tomasz Brandt", ["b1"], True),
    ("e1c", "a few people to take the economy of the entire country hostage.", "Elena Vargas", ["v1"], True),
    ("e2a", "Every family that lost its home will receive help before the end of the month,", "Amara Okafor", ["o1"], False),
    ("e2a", "We have strong signals that the water will keep rising for days.", "Amara Okafor", ["o2"], False),
    ("e2a", "never been this high in living memory.", "Liam Costa", ["c1"], True),
    ("e2a", "We need sandbags, not speeches,", "Liam Costa", ["c2"], False),
    ("e2b", "We need sandbags, not speeches", "Liam Costa", ["c2"], False),
    ("e2b", "strong signals", "Amara Okafor", ["o2"], True),
    ("e2b", "for days.", "Amara Okafor", ["o2"], True),
    ("e2b", "I have asked the army to stay as long as it is needed. Every family that lost its home will receive help "
            "before the end of the month,", "Amara Okafor", ["o3", "o1"], False),
    ("e2b", "The river has never been this high in living memory,", "Liam Costa", ["c1"], False),
    ("e2c", "as long as necessary", "Amara Okafor", ["o3"], True),
    ("e2c", "as long as necessary.", "Amara Okafor", ["o3"], True),
    ("e2c", "All families who lost their homes will get aid before the month is over,", "Amara Okafor", ["o1"], False),
    ("e2c", "Never in living memory has the river been so high,", "Liam Costa", ["c1"], False),
    ("e2c", "We have been without power for days,", "Nadia Berg", ["berg-power"], False),
    ("e3a", "It is time for someone else", "Henrik Solberg", ["s3"], False),
    ("e3a", "I have given everything I had, and it was not enough,", "Henrik Solberg", ["s2"], False),
    ("e3a", "It is time for someone else to lead this team. Nobody at this club is bigger than the club itself.",
     "Henrik Solberg", ["s3", "s1"], False),
    ("e3a", "leaves with our gratitude and our respect.", "Marta Iglesias", ["i1"], True),
    ("e3b", "No one is bigger than this club,", "Henrik Solberg", ["s1"], False),
    ("e3b", "I gave all that I had. It was not enough.", "Henrik Solberg", ["s2"], False),
    ("e3b", "within two weeks.", "Marta Iglesias", ["i2"], True),
    ("e3b", "Henrik goes with our thanks and all our respect,", "Marta Iglesias", ["i1"], False),
    ("e3c", "I have given everything", "Henrik Solberg", ["s2"], False),
    ("e3c", "I have given everything I had, and it was not enough,", "Henrik Solberg", ["s2"], False),
    ("e3c", "We will name a new coach within two weeks,", "Marta Iglesias", ["i2"], False),
    ("e3c", "bigger than the club itself.", "Henrik Solberg", ["s1"], True),
    # Second set: written and annotated after the mechanisms were tuned on the events above, scored once.
    ("e4a", "for some time", "Ruth Adeyemi", ["a3"], True),
    ("e4a", "Inflation is still too high, and we will do what it takes to bring it down,", "Ruth Adeyemi", ["a1"], False),
    ("e4a", "We are not yet at the point where we can declare victory. Rates will stay where they are for some time.",
     "Ruth Adeyemi", ["a2", "a3"], False),
    ("e4a", "The bank is independent and I will not comment on its decisions.", "Paul Renner", ["r1"], False),
    ("e4b", "still too high", "Ruth Adeyemi", ["a1"], True),
    ("e4b", "what it takes", "Ruth Adeyemi", ["a1"], True),
    ("e4b", "We are not yet at the point where we can declare victory,", "Ruth Adeyemi", ["a2"], False),
    ("e4b", "The U.S. Federal Reserve faces the same choices we do. Rates will stay where they are for some time.",
     "Ruth Adeyemi", ["a4", "a3"], False),
    ("e4b", "feeling the squeeze.", "Paul Renner", ["r2"], True),
    ("e4c", "We have not yet reached the point of declaring victory,", "Ruth Adeyemi", ["a2"], False),
    ("e4c", "for a while.", "Ruth Adeyemi", ["a3"], True),
    ("e4c", "Households are feeling the pinch,", "Paul Renner", ["r2"], False),
    ("e4c", "Wages are rising faster than we expected.", "Ruth Adeyemi", ["a5"], False),
    ("e5a", "Leave immediately", "Dana Kowalski", ["k2"], True),
    ("e5a", "The wind is our biggest enemy right now,", "Dana Kowalski", ["k1"], False),
    ("e5a", "If you are told to leave, leave immediately.", "Dana Kowalski", ["k2"], False),
    ("e5a", "a state of emergency for the whole county.", "Samuel Ortiz", ["z1"], True),
    ("e5a", "Help is on the way,", "Samuel Ortiz", ["z2"], False),
    ("e5b", "We have lost at least forty homes. The wind is our biggest enemy right now,", "Dana Kowalski",
     ["k3", "k1"], False),
    ("e5b", "I have declared a state of emergency for the whole county,", "Samuel Ortiz", ["z1"], False),
    ("e5b", "Help is on the way.", "Samuel Ortiz", ["z2"], False),
    ("e5b", "We had ten minutes to leave,", "Omar Haddad", ["haddad"], False),
    ("e5c", "Help is coming,", "Samuel Ortiz", ["z2"], False),
    ("e5c", "immediately.", "Dana Kowalski", ["k2"], True),
    ("e5c", "The wind is the greatest enemy we have at the moment,", "Dana Kowalski", ["k1"], False),
    ("e6a", "I take full responsibility", "Priya Natarajan", ["n2"], True),
    ("e6a", "grown too fast.", "Priya Natarajan", ["n2"], True),
    ("e6a", "We grew too fast, and I take full responsibility for that,", "Priya Natarajan", ["n2"], False),
    ("e6a", "These are the hardest decisions I have made as chief executive.", "Priya Natarajan", ["n1"], False),
    ("e6b", "These are the hardest decisions I have made as chief executive. Nobody who leaves will go without "
            "support,", "Priya Natarajan", ["n1", "n3"], False),
    ("e6b", "a betrayal of the people who built the company.", "Karl Mendes", ["m1"], True),
    ("e6c", "grew too quickly", "Priya Natarajan", ["n2"], True),
    ("e6c", "No one who leaves us will be left without support,", "Priya Natarajan", ["n3"], False),
    ("e6c", "full responsibility.", "Priya Natarajan", ["n2"], True),
    ("e6c", "It is a betrayal of those who built this company,", "Karl Mendes", ["m1"], False),
]
SECOND_SET = {"e4a", "e4b", "e4c", "e5a", "e5b", "e5c", "e6a", "e6b", "e6c"}


def main() -> None:
    rows, cursor = [], {}
    for article, text, speaker, clusters, partial in GOLD:
        body = (HERE / "articles" / f"{article}.txt").read_text(encoding="utf-8")
        start = body.index(text, cursor.get((article, text), 0))
        cursor[(article, text)] = start + 1
        rows.append({"article": article, "text": text, "start": start, "end": start + len(text), "speaker": speaker,
                     "alt_speakers": [], "clusters": clusters, "partial": partial})
    for name, chosen in (("events.gold.jsonl", lambda r: True),
                         ("events-1.gold.jsonl", lambda r: r["article"] not in SECOND_SET),
                         ("events-2.gold.jsonl", lambda r: r["article"] in SECOND_SET)):
        (HERE / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if chosen(r)),
                                 encoding="utf-8")


if __name__ == "__main__":
    main()
