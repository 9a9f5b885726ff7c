#!/usr/bin/env python3
"""Builds assets/names.tsv, the person-name gazetteer of the taggers, from the US Census 1990 name lists
(public domain; the `dist.male.first`, `dist.female.first` and `dist.all.last` files of the `names` 0.3.0
package on PyPI).

Columns: lower-case name, first-name band, last-name band, gender. A band is 0 (not in that list),
1 (common: first names of rank <= 300, last names of rank <= 3000), 2 (rank <= 1500 / 15000) or 3 (rarer,
kept up to rank 25000 for last names). Gender is m or f when one list holds at least 90% of the name's
frequency, u otherwise, - for last names only.

    python3 assets/tools/build_names.py /path/to/names/dist > assets/names.tsv

With `--world FAKER_WHEEL` it writes assets/world_names.tsv instead: given names of the rest of the world,
from the per-locale person providers of Faker (MIT licence; `faker-40.63.0-py3-none-any.whl` on PyPI).
Every first name written in Latin letters (also folded to ASCII, as news wires write "Rustu" for "Rüştü")
that is not a census first name, nor a common English word (assets/common_words.txt, and any entry of the
word list given with --dict: Debian's `wbritish` /usr/share/dict/british-english, SCOWL, used only as a
filter), nor a word of a country's name, adjective or city (assets/countries.tsv) or of a region
(assets/places.tsv); with m or f when Faker lists it only as male or only as
female, u otherwise. The taggers never read this table (their features are the census bands); the actor
pass takes it as evidence of a given name.

    python3 assets/tools/build_names.py /path/to/names/dist --world faker.whl --dict /usr/share/dict/british-english \
        > assets/world_names.tsv
"""
import sys, os, unicodedata, importlib, pkgutil

LAST_LIMIT = 25000


def read(path):
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0].lower(), float(parts[1]), int(parts[3])))
    return out


def band(rank, common, mid):
    return 1 if rank <= common else 2 if rank <= mid else 3


def main():
    d = sys.argv[1]
    male = read(os.path.join(d, "dist.male.first"))
    female = read(os.path.join(d, "dist.female.first"))
    last = read(os.path.join(d, "dist.all.last"))
    names = {}
    for table, sex in ((male, "m"), (female, "f")):
        for name, freq, rank in table:
            e = names.setdefault(name, {"first": 0, "last": 0, "m": 0.0, "f": 0.0})
            b = band(rank, 300, 1500)
            e["first"] = b if e["first"] == 0 else min(e["first"], b)
            e[sex] += freq
    for name, freq, rank in last:
        if rank > LAST_LIMIT:
            break
        e = names.setdefault(name, {"first": 0, "last": 0, "m": 0.0, "f": 0.0})
        e["last"] = band(rank, 3000, 15000)
    if len(sys.argv) > 3 and sys.argv[2] == "--world":
        census_first = {n for n, e in names.items() if e["first"]}
        print("# Given names of Faker's person providers (MIT licence) beyond the census first names; built by "
              "assets/tools/build_names.py --world")
        dictionary = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--dict" else None
        for name, sexes in sorted(world_names(sys.argv[3], dictionary).items()):
            if name not in census_first:
                print(f"{name}\t{next(iter(sexes)) if len(sexes) == 1 else 'u'}")
        return
    print("# Person names from the US Census 1990 (public domain); built by assets/tools/build_names.py")
    for name in sorted(names):
        e = names[name]
        total = e["m"] + e["f"]
        if e["first"] == 0:
            g = "-"
        elif e["m"] >= 0.9 * total:
            g = "m"
        elif e["f"] >= 0.9 * total:
            g = "f"
        else:
            g = "u"
        print(f"{name}\t{e['first']}\t{e['last']}\t{g}")


def fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def excluded_words(dictionary):
    """Common English words (assets/common_words.txt and every entry of the word list `dictionary`, such as
    Debian's /usr/share/dict/british-english: common nouns "age", "river", and proper nouns, mostly places,
    "London", "Texas"), and the words of the gazetteers' country names, adjectives, cities and regions."""
    here = os.path.dirname(os.path.abspath(__file__))
    out = set()
    if dictionary:
        with open(dictionary, encoding="utf-8") as f:
            out.update(line.strip().lower() for line in f if "'" not in line)
    with open(os.path.join(here, "..", "places.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                out.update(w.lower() for w in line.split("\t")[0].split())
    with open(os.path.join(here, "..", "common_words.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                out.update(w.lower() for w in line.split())
    with open(os.path.join(here, "..", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            for col in line.rstrip("\n").split("\t")[1:]:
                for item in col.split("|"):
                    out.update(w.lower() for w in item.split())
    return out


def world_names(wheel, dictionary):
    """Lower-case given name -> the sexes ("m", "f") Faker's person providers give it."""
    sys.path.insert(0, wheel)
    import faker.providers.person as person

    skip = excluded_words(dictionary)
    found = {}
    for loc in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = getattr(importlib.import_module(f"faker.providers.person.{loc}"), "Provider", None)
        if provider is None:
            continue
        for attr, sex in (("first_names_male", "m"), ("first_names_female", "f"), ("first_names", "")):
            table = next((b.__dict__[attr] for b in provider.__mro__ if attr in b.__dict__), None)
            if not isinstance(table, (dict, list, tuple, set)):
                continue
            for entry in table:
                for part in str(entry).split():
                    if not all(c.isalpha() or c in "-'" for c in part) or any(ord(c) >= 0x250 for c in part):
                        continue
                    for form in {part.lower(), fold(part).lower()}:
                        if len(form) < 2 or form in skip:
                            continue
                        sexes = found.setdefault(form, set())
                        if sex:
                            sexes.add(sex)
    return found


main()
