#!/usr/bin/env python3
"""Calibration of the extractor's confidences: for each confidence bucket, how many cards fall in it and
what share of them is right, judged the way the evaluation scorer judges them.

  calibrate.py gold    GOLD_DIR --scorer score.py [--corpus FILE] [--bin BIN]
  calibrate.py polnear DATA_DIR --scorer score.py [--split dev] [--bin BIN]

A statement is right when its content matches a gold statement and its speaker is the gold speaker (gold
mode: the same actor by name; PolNeAR: the speaker span overlaps the annotated source, when there is one).
An actor (gold mode, persons and organizations) is right when it matches a gold actor. The scorer's own
matching functions are loaded from the path given with --scorer, so both always agree; this script ships
no data and reads the annotations from the paths given at run time.
"""
import argparse
import importlib.util
import os
import sys
import tempfile

BUCKETS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_cards(sc, args):
    """(kind, confidence, right) for every statement and person/organization actor of the gold set."""
    import json

    names = sorted(f for f in os.listdir(args.dir) if f.endswith(".json"))
    corpus = None
    if args.corpus:
        with open(args.corpus, encoding="utf-8") as f:
            corpus = f.read().split("\n")
    tmp = tempfile.mkdtemp(prefix="calibrate-")
    golds, paths = [], []
    for name in names:
        with open(os.path.join(args.dir, name), encoding="utf-8") as f:
            gold = json.load(f)
        doc = gold["doc"]
        if ".cor:" in doc:
            if corpus is None:
                sys.exit(f"{name} refers to a corpus line: pass --corpus FILE")
            line = int(doc.rsplit(":", 1)[1])
            path = os.path.join(tmp, f"doc{line:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(corpus[line - 1].strip() + "\n")
        else:
            path = os.path.join(args.root, doc)
        golds.append(gold)
        paths.append(path)
    arts, _, _ = sc.run_extractor(args.bin, paths)
    out = []
    for gold, path in zip(golds, paths):
        art = arts[os.path.abspath(path)]
        text = art["text"]
        gactors = [a for a in gold["actors"] if a["kind"] in ("person", "organization")]
        pactors = [a for a in art.get("actors", []) if a.get("kind") in ("person", "organization")]
        m = sc.greedy_match(pactors, gactors,
                            lambda p, g: 1.0 if sc.names_match(p["name"], p.get("kind"), g) else 0.0)
        out += [("actor", a.get("confidence", 0.0), i in m) for i, a in enumerate(pactors)]
        gs = [(s, sp) for s in gold["statements"] if (sp := sc.byte_span_of(text, s["content"]))]
        ps = [s for s in art.get("statements", []) if s.get("content_span")]
        sm = sc.greedy_match(ps, gs, lambda p, g: sc.span_match(p["content_span"], g[1]))
        by_id = {a["id"]: a for a in art.get("actors", [])}
        by_name = {a["name"]: a for a in gold["actors"]}
        for i, p in enumerate(ps):
            ok = False
            if i in sm:
                g = gs[sm[i]][0]
                ga = by_name.get(g["speaker"], {"name": g["speaker"], "kind": "anonymous", "mentions": []})
                pa = by_id.get(p.get("speaker"))
                ok = pa is not None and sc.names_match(pa["name"], pa.get("kind"), ga)
            out.append(("statement", p.get("confidence", 0.0), ok))
    return out


def polnear_cards(sc, args):
    """(kind, confidence, right) for every statement of a PolNeAR split."""
    text_dir = os.path.join(args.dir, "data", args.split, "text")
    ann_dir = os.path.join(args.dir, "data", args.split, "attributions")
    names = sorted(f[:-4] for f in os.listdir(text_dir) if f.endswith(".txt"))
    anns = {}
    for f in sorted(os.listdir(ann_dir)):
        anns.setdefault(f[: f.rfind("_")], f)
    paths = [os.path.join(text_dir, n + ".txt") for n in names]
    arts, _, _ = sc.run_extractor(args.bin, paths)
    out = []
    for name, path in zip(names, paths):
        art = arts[os.path.abspath(path)]
        text = art["text"]
        cp2b = [0]
        for ch in text:
            cp2b.append(cp2b[-1] + len(ch.encode("utf-8")))

        def conv(off):
            return [cp2b[min(off[0], len(text))], cp2b[min(off[1], len(text))]]

        spans, rels = sc.read_ann(os.path.join(ann_dir, anns[name])) if name in anns else ({}, [])
        golds = []
        for r in rels:
            content = [conv(o) for t in r.get("Content", []) for o in spans[t][1]]
            if content:
                source = [conv(o) for t in r.get("Source", []) for o in spans[t][1]]
                golds.append({"content": content, "source": source})
        preds = [s for s in art.get("statements", []) if s.get("content_span")]
        m = sc.greedy_match(preds, golds,
                            lambda p, g: max(sc.span_match(p["content_span"], piece) for piece in g["content"]))
        pieces = {i for i, p in enumerate(preds) if i not in m and any(
            sc.span_match(p["content_span"], piece) > 0 for j in m.values() for piece in golds[j]["content"])}
        for i, p in enumerate(preds):
            if i in pieces:
                continue
            ok = False
            if i in m:
                g = golds[m[i]]
                sp = p.get("speaker_span")
                ok = not g["source"] or bool(sp) and any(sc.overlap(sp, s) > 0 for s in g["source"])
            out.append(("statement", p.get("confidence", 0.0), ok))
    return out


def table(cards, kind):
    rows = [c for c in cards if c[0] == kind]
    if not rows:
        return
    print(f"\n{kind}s: {len(rows)}")
    print(f"{'confidence':>12} {'cards':>6} {'right':>6} {'share':>6}")
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        b = [ok for _, c, ok in rows if lo <= c < hi]
        if b:
            label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
            print(f"{label:>12} {len(b):>6} {sum(b):>6} {sum(b) / len(b):>6.3f}")
    high = [ok for _, c, ok in rows if c >= 0.8]
    if high:
        print(f"{'>= 0.8':>12} {len(high):>6} {sum(high):>6} {sum(high) / len(high):>6.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["gold", "polnear"])
    ap.add_argument("dir")
    ap.add_argument("--scorer", required=True, help="path of the evaluation scorer (score.py)")
    ap.add_argument("--bin", default="target/release/dossier")
    ap.add_argument("--corpus")
    ap.add_argument("--root", help="where gold docs that are paths live (default: the scorer's folder/..)")
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    sc = load_scorer(args.scorer)
    if args.root is None:
        args.root = os.path.join(os.path.dirname(os.path.abspath(args.scorer)), "..")
    cards = gold_cards(sc, args) if args.mode == "gold" else polnear_cards(sc, args)
    table(cards, "statement")
    table(cards, "actor")


if __name__ == "__main__":
    main()
