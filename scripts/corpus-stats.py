#!/usr/bin/env python3
"""Prints the make-up of the classification corpus as Markdown tables.

Reads tests/data/classification/{train,dev,test}.jsonl and prints counts per split, locale
(zh-Hant split into Hong Kong and Taiwan wording by tag), request type, leaf category,
priority, severity, special type, emotion and tag. docs/CLASSIFICATION_CORPUS.md pastes the
output; run it again after adding texts and paste the new tables.

Usage: scripts/corpus-stats.py [corpus-dir]
"""

import collections
import json
import pathlib
import sys

SPLITS = ["train", "dev", "test"]


def load(folder):
    rows = []
    for split in SPLITS:
        with open(folder / f"{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                record["_split"] = split
                rows.append(record)
    return rows


def locale_of(r):
    if r["locale"] == "zh-Hant":
        if "hong_kong" in r["tags"]:
            return "zh-Hant (Hong Kong)"
        if "taiwan" in r["tags"]:
            return "zh-Hant (Taiwan)"
    return r["locale"]


def table(title, rows, key, order=None):
    counts = collections.defaultdict(collections.Counter)
    for r in rows:
        for value in key(r):
            counts[value][r["_split"]] += 1
    values = order if order is not None else sorted(counts)
    print(f"| {title} | train | dev | test | total |")
    print("|---|---:|---:|---:|---:|")
    for value in values:
        c = counts[value]
        print(f"| {value} | {c['train']} | {c['dev']} | {c['test']} | {sum(c.values())} |")
    print()


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "tests/data/classification"
    rows = load(folder)
    total = len(rows)
    sizes = collections.Counter(r["_split"] for r in rows)
    print(f"{total} texts: " + ", ".join(
        f"{s} {sizes[s]} ({100 * sizes[s] / total:.1f}%)" for s in SPLITS) + ".\n")
    table("locale", rows, lambda r: [locale_of(r)],
          ["zh-Hans", "zh-Hant (Hong Kong)", "zh-Hant (Taiwan)", "en"])
    table("request type", rows, lambda r: [r["request_type"]],
          ["complaint", "enquiry", "suggestion", "praise", "report", "other"])
    table("priority", rows, lambda r: [r["priority"]], ["urgent", "important", "normal"])
    table("severity", rows, lambda r: [r["severity"]], ["major", "important", "general"])
    table("special type", rows, lambda r: [r["special_type"]],
          ["none", "media_exposure", "repeat_complainant", "vulnerable", "vip"])
    table("emotion", rows, lambda r: [r["emotion"]], ["calm", "anxious", "agitated"])
    categories = json.loads((root / "assets/categories.json").read_text(encoding="utf-8"))
    leaves = [c["code"] for top in categories["categories"] for c in top.get("children", [])]
    table("leaf", rows, lambda r: [r["category"]], leaves)
    table("tag", rows, lambda r: r["tags"])


if __name__ == "__main__":
    main()
