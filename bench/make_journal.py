#!/usr/bin/env python3
"""Writes a plantar-journal JSON file of N sessions for `plantar import`.

Two sessions a day going back from 2026-11-30 (10,000 sessions are about 14
years; past 30 years, more a day), with ratings, some mornings, sore spots and notes, drawn from a fixed
seed so that every run writes the same file.

    python3 bench/make_journal.py N OUT.json [SEED]
"""
import json
import random
import sys
from datetime import datetime, timedelta

GOALS = ["relax", "sleep", "plantar_fasciitis", "desk_stiffness", "circulation", "general"]
TECHNIQUES = ["arch_knead", "thumb_walk_arch", "top_of_foot_stroke", "toe_spread",
              "inner_edge_glide", "ball_of_foot_work", "toe_stretch", "outer_edge_glide"]
REGIONS = ["heel", "arch", "ball", "toes", "top", "ankle", "inner_edge", "outer_edge"]


def session(rng, start):
    before = {m: rng.randint(2, 9) for m in ("stress", "pain", "tension") if rng.random() < 0.8}
    after = {m: max(0, v - rng.randint(-1, 4)) for m, v in before.items() if rng.random() < 0.9}
    s = {
        "start": start.strftime("%Y-%m-%dT%H:%M:%S"),
        "end": (start + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%S"),
        "minutes": rng.choice([5, 10, 15, 20]),
        "goals": rng.sample(GOALS[:5], rng.randint(0, 2)),
        "techniques": rng.sample(TECHNIQUES, rng.randint(0, 3)),
        "finished": rng.random() < 0.9,
        "before": before,
        "after": after,
        "morning": {m: rng.randint(0, 10) for m in ("sleep", "heel_pain") if rng.random() < 0.4},
        "sore": [{"foot": rng.choice(["left", "right"]), "region": rng.choice(REGIONS),
                  "x": round(rng.random(), 2), "y": round(rng.random(), 2),
                  "intensity": rng.randint(1, 9)} for _ in range(rng.choice([0, 0, 1, 2]))],
        "note": rng.choice(["", "", "felt good", "tired, \"long\" day", "heel sore after the walk"]),
    }
    if not s["finished"]:
        s["stop_reason"] = "phone rang"
    return s


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 15)
    # Two a day; more when two a day would reach back past 30 years (100,000
    # sessions are ten a day), spread from 7:00 to 21:30.
    per_day = max(2, -(-n // (30 * 365)))
    last = datetime(2026, 11, 30, 21, 30)
    sessions = []
    for i in range(n):
        slot = i % per_day
        day = last - timedelta(days=i // per_day, minutes=slot * (870 // per_day) + rng.randint(0, 50))
        sessions.append(session(rng, day))
    sessions.reverse()
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"format": "plantar-journal", "version": 1, "sessions": sessions}, f)


if __name__ == "__main__":
    main()
