#!/usr/bin/env python3
"""How many actor and statement cards come from outside a page's main text (issue 10).

Runs `dossier extract --format json` over the saved pages of a webpages set (../shared/evaldata/
webpages-dev: html/NAME.html and truth.json with the person-marked articleBody) and counts the cards
none of whose spans lies in the marked body: an actor with no mention there, a statement whose cue (or
content, when it has no cue) is not there. A span "lies there" when its words, with up to 30 characters
around it on its own line, occur in the body (compared as lower-case words, so spacing and punctuation
differences between the page and the body do not count). The marked bodies leave out the headline, so
the figure is printed twice: counting the headline (the text's first line) as outside, and as inside.

Usage: python3 assets/tools/cards_outside.py [--bin target/release/dossier] [--set DIR] [--list]
"""
import argparse
import json
import re
import subprocess
import unicodedata


def norm(text):
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", text)).split()).lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/dossier")
    ap.add_argument("--set", default="../shared/evaldata/webpages-dev")
    ap.add_argument("--list", action="store_true", help="print each card counted outside")
    args = ap.parse_args()
    truth = json.load(open(f"{args.set}/truth.json"))
    names = sorted(truth)
    paths = [f"{args.set}/html/{n}.html" for n in names]
    out = json.loads(subprocess.run([args.bin, "extract", "--format", "json", *paths], capture_output=True, check=True).stdout)

    def window(text, s, e):
        b = text.encode()
        ls = b.rfind(b"\n", 0, s) + 1
        le = b.find(b"\n", e)
        le = len(b) if le < 0 else le
        return norm(b[max(ls, s - 30):min(le, e + 30)].decode("utf-8", "ignore"))

    counts = {"strict": [0, 0, 0], "headline inside": [0, 0, 0]}
    cards = 0
    for name, art in zip(names, out["articles"]):
        gold, text = norm(truth[name]["articleBody"]), art["text"]
        headline_end = len(text.split("\n")[0].encode())
        items = [("actor", a["name"], a["mentions"]) for a in art["actors"]]
        items += [("statement", s["content"][:60], [s["cue_span"] or s["content_span"]]) for s in art["statements"]]
        for kind, label, spans in items:
            cards += 1
            inside = any(window(text, s, e) in gold for s, e in spans)
            in_headline = all(s < headline_end for s, _ in spans)
            for mode, counted in counts.items():
                if not inside and not (mode == "headline inside" and in_headline):
                    counted[0 if kind == "actor" else 1] += 1
                    counted[2] += 1
            if args.list and not inside:
                print(f"{name[:12]} {kind:9} {'headline' if in_headline else '        '} {label}")
    for mode, (actors, statements, total) in counts.items():
        print(f"{mode:16} actors {actors}, statements {statements}: {total}/{cards} cards outside = {100 * total / max(1, cards):.1f}%")


if __name__ == "__main__":
    main()
