#!/usr/bin/env python3
"""A large forecast for the Monte Carlo benchmarks (issue 19): the default forecast's assumptions
and series repeated COPIES times. Copy 0 keeps the original ids (so charts, anchors, scenarios and
the correlation still hold); copy i > 0 renames every assumption and series id to `<id>_c<i>` and
every reference to them (ids in values, names in formulas), so each copy is an independent
forecast of the same shape with its own five ranged assumptions. 12 series a copy: 40 copies are
480 series, 160 copies 1,920.

With --charts every copy also gets the default forecast's charts (ids `<chart>_c<i>`, titles
suffixed "#i"), so a dashboard draws, and simulates, every series: the file on which the progress
bar of a long dashboard run shows.

Usage: make_large_forecast.py [--charts] DEFAULT.json COPIES OUT.json   (standard library only)
"""
import json
import re
import sys


def main() -> int:
    args = sys.argv[1:]
    charts = "--charts" in args
    args = [a for a in args if a != "--charts"]
    source, copies, out = args[0], int(args[1]), args[2]
    with open(source, encoding="utf-8") as f:
        doc = json.load(f)
    assumptions, series = doc["assumptions"], doc["series"]
    ids = set(assumptions) | set(series)
    word = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

    def rename(node, suffix, key=None):
        if isinstance(node, dict):
            return {k: rename(v, suffix, k) for k, v in node.items()}
        if isinstance(node, list):
            return [rename(v, suffix) for v in node]
        if isinstance(node, str):
            if key == "expr":
                return word.sub(lambda m: m.group(0) + suffix if m.group(0) in ids else m.group(0), node)
            if node in ids:
                return node + suffix
        return node

    new_assumptions, new_series = dict(assumptions), dict(series)
    for i in range(1, copies):
        suffix = f"_c{i}"
        for k, v in assumptions.items():
            new_assumptions[k + suffix] = rename(v, suffix)
        for k, v in series.items():
            new_series[k + suffix] = rename(v, suffix)
    doc["assumptions"], doc["series"] = new_assumptions, new_series
    if charts:
        new_charts = dict(doc["charts"])
        for i in range(1, copies):
            for k, v in doc["charts"].items():
                chart = rename(v, f"_c{i}")
                chart["title"] = {lang: f"{t} #{i}" for lang, t in v["title"].items()}
                new_charts[f"{k}_c{i}"] = chart
        doc["charts"] = new_charts
    doc["meta"]["title"] = {"en": f"Default forecast × {copies}", "zh": f"默认预测 × {copies}"}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
