#!/usr/bin/env python3
"""Builds assets/names.tsv, the person-name gazetteer of the taggers, from the US Census 1990 name lists
(public domain; the `dist.male.first`, `dist.female.first` and `dist.all.last` files of the `names` 0.3.0
package on PyPI).

Columns: lower-case name, first-name band, last-name band, gender. A band is 0 (not in that list),
1 (common: first names of rank <= 300, last names of rank <= 3000), 2 (rank <= 1500 / 15000) or 3 (rarer,
kept up to rank 25000 for last names). Gender is m or f when one list holds at least 90% of the name's
frequency, u otherwise, - for last names only.

    python3 assets/tools/build_names.py /path/to/names/dist > assets/names.tsv
"""
import sys, os

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


main()
