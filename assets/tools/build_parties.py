#!/usr/bin/env python3
"""Build assets/parties.tsv: political parties and their countries, from the Party Facts core list.

    python3 assets/tools/build_parties.py /work/shared/knowledge/partyfacts-core-parties.csv
    python3 assets/tools/build_parties.py --check      # validate assets/parties.tsv only

Input: `partyfacts-core-parties.csv` (Party Facts, https://partyfacts.herokuapp.com/, data repository commit
764de89; MIT licence; Döring & Regel 2019, "Party Facts: A Database of Political Parties Worldwide", Party
Politics 25(2)). Country codes are ISO 3166-1 alpha-3 there; they are mapped to alpha-2 with the table of
Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json) and the few Party Facts codes that are
not ISO (historical states, regions) by hand below.

parties.tsv, one party a line:
    code <TAB> short <TAB> names <TAB> member <TAB> share
  * code: ISO 3166-1 alpha-2 (as in countries.tsv).
  * short: the short name or acronym ("Lab", "SNP", "BJP"), empty when it is a common English word
    ("Con", "All"), a single letter, or a placeholder of Party Facts ("ally", "etc").
  * names: native and English names and other names ('|'-separated), split where Party Facts joins several
    with '/', without bracketed notes or language labels; one-word English translations of a native name are
    dropped ("Change", "Forward": news uses the native name), unless the native name begins with them.
  * member: the forms that name a party member before a noun ("Labour MP", "Conservative leader"): the
    English name without a final "Party", and the hand-written news forms below ("Tory", "Lib Dem").
  * share: the party's largest vote share (percent) in Party Facts, or 0; decides between parties of the
    same name in different countries when the article does not.
Written for this project; MIT.
"""

import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.dirname(HERE)
OUT = os.path.join(ASSETS, "parties.tsv")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Party Facts country codes that are not ISO 3166-1 alpha-3, mapped to the state that holds the party today.
NON_ISO = {
    "DDR": "DE",  # East Germany
    "NIR": "GB",  # Northern Ireland
    "XKX": "XK",  # Kosovo
    "PMR": "MD",  # Transnistria
    "SML": "SO",  # Somaliland
    "VNR": "VN",  # South Vietnam
    "YMD": "YE",  # South Yemen
    "NFL": "CA",  # Newfoundland
    "AUH": "AT",  # Austria-Hungary (Reichsrat parties)
}
# Party Facts groups with no single state (European Parliament groups, "ZZB"): left out.
SKIP_COUNTRIES = {"EUN", "ZZB"}
PLACEHOLDERS = {"ally", "tech", "1-perc", "unknown", "indep", "etc"}

# News forms of party members that Party Facts does not list: (country, Party Facts short name, forms).
MEMBER_FORMS = [
    ("GB", "Con", ["Tory", "Tories", "Conservative", "Conservatives"]),
    ("GB", "LD", ["Lib Dem", "Lib Dems", "Liberal Democrat"]),
    ("GB", "Lab", ["Labour"]),
    ("AU", "ALP", ["Labor"]),
    ("AU", "LPA", ["Liberal"]),
    ("US", "Dem", ["Democrat", "Democrats"]),
    ("US", "Rep", ["Republican", "Republicans", "GOP"]),
]
# Extra names of parties in news use: (country, short, names).
EXTRA_NAMES = [
    ("GB", "Con", ["Conservative Party", "Tory Party", "Tories"]),
    ("GB", "LD", ["Lib Dems"]),
]


def common_words():
    words = set()
    with open(os.path.join(ASSETS, "common_words.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                words.update(w.lower() for w in line.split())
    return words


def iso3_to_2():
    with open(ISO, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    return {c["alpha_3"]: c["alpha_2"] for c in data}


def split_names(value):
    out = []
    for part in re.split(r"\s*/{1,2}\s*|;\s*", value or ""):
        part = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", part)
        part = re.sub(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s*", "", part)  # "Hebrew: …", "Scottish Gaelic: …"
        part = " ".join(part.replace("\u200e", "").replace("\u200f", "").replace("\u202c", "").split())
        part = part.strip(" ,-–")
        if len(part) >= 2 and not re.search(r"[\t|]", part):
            out.append(part)
    return out


def latin(name):
    return all(ord(ch) < 0x250 or ch in "–’" for ch in name)


def build(csv_path):
    common = common_words()
    codes = iso3_to_2()
    parties = []
    with open(csv_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = row["country"]
            if iso3 in SKIP_COUNTRIES or row["name_short"] in PLACEHOLDERS:
                continue
            code = NON_ISO.get(iso3) or codes.get(iso3)
            if not code:
                print(f"unknown country code {iso3}: {row['name']}", file=sys.stderr)
                continue
            short = row["name_short"].strip()
            if len(short) < 2 or short.lower() in common or not re.search(r"[A-Za-z]", short):
                short = ""
            native = [n for n in split_names(row["name"]) if latin(n)]
            english = split_names(row["name_english"])
            other = [n for n in split_names(row["name_other"]) if latin(n)]
            names = []
            # One-word English names are kept when they are the native name or its first word ("Labour" of
            # "Labour Party"), not when they translate it ("Change" for "Shinui").
            kept_english = [e for e in english if " " in e or any(n == e or n.startswith(e + " ") for n in native)]
            for n in native + kept_english + other:
                if " " not in n and n.lower() in common:
                    continue
                if n not in names:
                    names.append(n)
            if not names and not short:
                continue
            member = []
            for n in english:
                stem = re.sub(r"\s+Party$", "", n)
                if stem != n and stem and not stem.lower().startswith("the ") and stem not in member:
                    member.append(stem)
            try:
                share = float(row["share"] or 0)
            except ValueError:
                share = 0.0
            parties.append({"code": code, "short": row["name_short"].strip(), "shown_short": short,
                            "names": names, "member": member, "share": share})
    for code, short, forms in MEMBER_FORMS + EXTRA_NAMES:
        matches = [p for p in parties if p["code"] == code and p["short"] == short]
        if not matches:
            sys.exit(f"hand-written form for {code} {short}: no such party")
        best = max(matches, key=lambda p: p["share"])
        field = "member" if (code, short, forms) in MEMBER_FORMS else "names"
        for form in forms:
            if form not in best[field]:
                best[field].append(form)
    parties.sort(key=lambda p: (p["code"], -p["share"], p["names"][0] if p["names"] else p["shown_short"]))
    lines = [
        "# Political parties and their countries, from the Party Facts core list (MIT; Döring & Regel 2019).",
        "# Made by assets/tools/build_parties.py; see assets/SOURCES.md. UTF-8, tab-separated, one party a line.",
        "# Columns: code <TAB> short <TAB> names <TAB> member <TAB> share",
        "#   code: ISO 3166-1 alpha-2; short: acronym (empty when a common word); names: '|'-separated;",
        "#   member: forms naming a member before a noun ('Labour MP'); share: largest vote share (percent).",
    ]
    for p in parties:
        lines.append("\t".join([p["code"], p["shown_short"], "|".join(p["names"]), "|".join(p["member"]),
                                f"{p['share']:g}"]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(parties)} parties")


def check():
    n = 0
    with open(OUT, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 5 or not re.fullmatch(r"[A-Z]{2}", cols[0]):
                sys.exit(f"parties.tsv:{number}: bad line")
            float(cols[4])
            n += 1
    print(f"parties.tsv: {n} parties, all lines well formed")


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        check()
    elif len(sys.argv) == 2:
        build(sys.argv[1])
    else:
        sys.exit(__doc__)
