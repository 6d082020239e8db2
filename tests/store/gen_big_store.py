#!/usr/bin/env python3
"""Generates the synthetic store input of the store and serve benchmarks.

    gen_big_store.py DIR N

writes DIR/dict/ (a tiny PETRARCH-format dictionary: 40 countries, 12 verbs) and
DIR/big.jsonl: N articles of 2-5 sentences "A verbed B near TownN.", dated 2014-2023, from
300 outlets. Seeded, so every run writes the same input. Used by tests/store/bench.sh and
tests/serve/load.sh.
"""
import json, random, sys
d, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
countries = ("Russia RUS Venezuela VEN France FRA Germany DEU Ukraine UKR China CHN Brazil BRA India IND Japan JPN "
             "Italy ITA Spain ESP Mexico MEX Canada CAN Egypt EGY Nigeria NGA Kenya KEN Iran IRN Iraq IRQ Syria SYR "
             "Turkey TUR Israel ISR Poland POL Sweden SWE Norway NOR Chile CHL Peru PER Cuba CUB Colombia COL "
             "Argentina ARG Pakistan PAK Afghanistan AFG Indonesia IDN Vietnam VNM Thailand THA Australia AUS "
             "Greece GRC Serbia SRB Hungary HUN Ethiopia ETH Sudan SDN").split()
names = countries[0::2]
with open(f"{d}/dict/b.actors.txt", "w") as f:
    for name, code in zip(countries[0::2], countries[1::2]): f.write(f"{name.upper()} [{code}]\n")
verbs = [("ATTACK", "190", "attacked"), ("SHELL", "195", "shelled"), ("CONDEMN", "122", "condemned"),
         ("ACCUSE", "112", "accused"), ("MEET", "040", "met"), ("SIGN", "057", "signed a deal with"),
         ("PRAISE", "051", "praised"), ("THREATEN", "130", "threatened"), ("SANCTION", "163", "sanctioned"),
         ("ARREST", "173", "arrested"), ("HELP", "070", "helped"), ("CRITICIZE", "111", "criticized")]
with open(f"{d}/dict/b.verbs.txt", "w") as f:
    for v, c, form in verbs:
        f.write(f"--- {v} [{c}] ---\n{v} {{{form.split()[0].upper()}}}\n")
open(f"{d}/dict/b.agents.txt", "w").write("GOVERNMENT [~GOV]\n")
with open(f"{d}/big.jsonl", "w") as f:
    for i in range(n):
        s = []
        for k in range(random.randint(2, 5)):
            a, b = random.sample(names, 2)
            v = random.choice(verbs)[2]
            s.append(f"{a} {v} {b} near Town{random.randint(1, 5000)}.")
        f.write(json.dumps({"id": f"b{i}", "source": f"outlet{random.randint(1, 300)}",
                            "date": f"{random.randint(2014, 2023)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
                            "text": " ".join(s)}) + "\n")
