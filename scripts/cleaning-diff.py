#!/usr/bin/env python3
"""Compares two CleaningDump outputs (before/after a cleaning rule change) line by line.

Usage: scripts/cleaning-diff.py BEFORE.tsv.gz AFTER.tsv.gz [--samples N] [--seed S] [--out DIR]

Prints, per drop reason, how many lines the after-run newly drops (lines that were kept paragraphs
before), how many lines it keeps that were dropped before, how many kept paragraphs changed kind
(body/caption) and how many changed section. With --out DIR it writes every new drop to
DIR/new-drops-REASON.txt (all of them, for reading), kept-again.txt, kind-changes.txt and
section-changes.txt; --samples N prints N random new drops per reason (seeded, so reruns show the same).
See src/test/java/passages/ingest/CleaningDump.java for how the dumps are made.
"""
import argparse
import collections
import gzip
import os
import random


def load(path):
    paragraphs = {}  # (id, text) -> (kind, section)
    drops = {}  # (id, text) -> reason
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in f:
            parts = row.rstrip("\n").split("\t", 5)
            if parts[0] == "P":
                paragraphs[(parts[1], parts[5])] = (parts[3], parts[4])
            else:
                drops[(parts[1], parts[5])] = parts[3]
    return paragraphs, drops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--samples", type=int, default=0)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out")
    a = ap.parse_args()
    bp, bd = load(a.before)
    ap_, ad = load(a.after)
    print(f"before: {len(bp)} paragraphs, {len(bd)} dropped lines; after: {len(ap_)} paragraphs, {len(ad)} dropped lines")

    new_drops = collections.defaultdict(list)
    for key, reason in ad.items():
        if key not in bd:
            new_drops[reason].append(key)
    kept_again = [k for k in bd if k not in ad]
    kind_changes = [(k, bp[k][0], v[0]) for k, v in ap_.items() if k in bp and bp[k][0] != v[0]]
    section_changes = [(k, bp[k][1], v[1]) for k, v in ap_.items() if k in bp and bp[k][1] != v[1]]

    print("newly dropped, by reason:")
    for reason, keys in sorted(new_drops.items(), key=lambda kv: -len(kv[1])):
        was_paragraph = sum(1 for k in keys if k in bp)
        print(f"  {reason:12} {len(keys):7}  ({was_paragraph} were kept paragraphs before)")
    print(f"kept now, dropped before: {len(kept_again)}")
    kinds = collections.Counter((b, c) for _, b, c in kind_changes)
    print("kind changes: " + ", ".join(f"{b}->{c} {n}" for (b, c), n in kinds.most_common()))
    print(f"section changes: {len(section_changes)} paragraphs "
          f"({sum(1 for _, _, c in section_changes if c == '')} lost their section, "
          f"{sum(1 for _, b, _ in section_changes if b == '')} gained one)")

    rnd = random.Random(a.seed)
    if a.samples:
        for reason, keys in sorted(new_drops.items()):
            print(f"\n== {reason}: {min(a.samples, len(keys))} of {len(keys)}")
            for k in rnd.sample(sorted(keys), min(a.samples, len(keys))):
                print(f"  {k[0]}  {k[1][:300]}")
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        for reason, keys in new_drops.items():
            with open(os.path.join(a.out, f"new-drops-{reason}.txt"), "w", encoding="utf-8") as f:
                for k in sorted(keys, key=lambda k: k[1]):
                    f.write(f"{k[0]}\t{k[1]}\n")
        with open(os.path.join(a.out, "kept-again.txt"), "w", encoding="utf-8") as f:
            for k in sorted(kept_again):
                f.write(f"{k[0]}\t{bd[k]}\t{k[1]}\n")
        with open(os.path.join(a.out, "kind-changes.txt"), "w", encoding="utf-8") as f:
            for k, b, c in sorted(kind_changes, key=lambda x: x[0][1]):
                f.write(f"{k[0]}\t{b}->{c}\t{k[1]}\n")
        with open(os.path.join(a.out, "section-changes.txt"), "w", encoding="utf-8") as f:
            for k, b, c in sorted(section_changes, key=lambda x: x[1]):
                f.write(f"{k[0]}\t[{b}] -> [{c}]\t{k[1][:200]}\n")


if __name__ == "__main__":
    main()
