#!/usr/bin/env python3
"""Checks a timeline (show --json) against the timeline rules of the script format.

usage: rules.py TIMELINE.json [--seed] [--pacing]
  --seed: also the lower-back article's doses and safety advice
  --pacing: also the pacing rules (room between cues, room to switch sides, no long silences)
Prints one line per broken rule, then 'rules: OK/N'. Exit 0 when all hold.
"""
import collections, json, sys

def main():
    path = sys.argv[1]
    seed = "--seed" in sys.argv
    tl = json.load(open(path))
    broken, checked = [], 0

    def rule(ok, msg):
        nonlocal checked
        checked += 1
        if not ok:
            broken.append(msg)

    sr = tl.get("sample_rate")
    ev = tl.get("events") or []
    steps = tl.get("steps") or []
    dur = tl.get("duration")
    rule(isinstance(sr, int) and sr > 0, "sample_rate missing")
    rule(isinstance(dur, (int, float)) and dur > 0, "duration missing")
    rule(len(ev) > 0 and len(steps) > 0, "no events or no steps")
    if broken:
        return report(broken, checked)

    # exact samples
    off = [e for e in ev if abs(e["at"] * sr - round(e["at"] * sr)) > 1e-3]
    rule(not off, f"{len(off)} events not on a whole sample, e.g. {off[:1]}")
    # sorted, inside the session
    ats = [e["at"] for e in ev]
    rule(ats == sorted(ats), "events not in time order")
    rule(max(e["at"] + e.get("dur", 0) for e in ev) <= dur + 1e-6, "an event ends after the session")
    # no two spoken events overlap
    spoken = sorted([e for e in ev if e.get("text")], key=lambda e: e["at"])
    over = [(a["text"], b["text"]) for a, b in zip(spoken, spoken[1:])
            if a["at"] + a.get("dur", 0) > b["at"] + 1e-6]
    rule(not over, f"{len(over)} spoken events overlap, e.g. {over[:2]}")
    rule(all(e.get("dur", 0) > 0 for e in spoken), "a spoken event has no duration")
    # holds: start/end pairs per (step, side, round)
    holds = collections.defaultdict(list)
    for e in ev:
        if e["kind"] in ("start", "end"):
            holds[(e.get("step"), e.get("side", ""), e.get("round", 0))].append(e)
    spans = {}
    for k, es in holds.items():
        kinds = [e["kind"] for e in es]
        rule(len(es) % 2 == 0 and all(kinds[i] == ("start" if i % 2 == 0 else "end") for i in range(len(kinds))),
             f"start/end tones unpaired in step {k}: {kinds}")
        spans[k] = [es[i + 1]["at"] - es[i]["at"] for i in range(0, len(es) - 1, 2)]
    # counts per (step, side, round): 1..N
    counts = collections.defaultdict(list)
    for e in ev:
        if e["kind"] == "count":
            counts[(e.get("step"), e.get("side", ""), e.get("round", 0))].append(e.get("rep"))
    for k, reps in counts.items():
        rule(reps == list(range(1, len(reps) + 1)), f"counts in step {k} are not 1..N: {reps}")
    # steps: spans ordered, inside the session
    for s in steps:
        rule(0 <= s["start"] < s["end"] <= dur + 1e-6, f"step span wrong: {s}")
    rule([s["start"] for s in steps] == sorted(s["start"] for s in steps), "steps not in order")

    if seed:
        seed_rules(tl, steps, spans, counts, rule)
    if "--pacing" in sys.argv:
        pacing_rules(ev, rule)
    return report(broken, checked)


def pacing_rules(ev, rule):
    """Room to breathe: cues that don't crowd each other, time to switch sides, no long silences."""
    spoken = sorted([e for e in ev if e.get("text")], key=lambda e: e["at"])
    # a line that ends with ':' ("Next:") runs on into the next one, as one sentence
    tight = [(a["text"], b["text"], round(b["at"] - a["at"] - a.get("dur", 0), 2))
             for a, b in zip(spoken, spoken[1:])
             if not a["text"].rstrip().endswith(":") and b["at"] - (a["at"] + a.get("dur", 0)) < 0.3 - 1e-6]
    rule(not tight, f"{len(tight)} spoken cues follow the one before with less than 0.3 s between, e.g. {tight[:2]}")
    holds = []  # (start, end, step, side, round)
    open_ = {}
    for e in sorted(ev, key=lambda e: e["at"]):
        k = (e.get("step"), e.get("side", ""), e.get("round", 0))
        if e["kind"] == "start":
            open_[k] = e["at"]
        elif e["kind"] == "end" and k in open_:
            holds.append((open_.pop(k), e["at"], *k))
    for start, end, step, side, rnd in holds:
        inside = [e for e in spoken if start < e["at"] < end and e.get("kind") == "speech"]
        # reminders inside a hold keep 5 s apart (the line right after the start tone aside)
        later = [e for e in inside if e["at"] > start + 1.5]
        close = [(a["text"], b["text"]) for a, b in zip(later, later[1:]) if b["at"] - a["at"] < 5 - 1e-6]
        rule(not close, f"step {step} {side}: reminders less than 5 s apart: {close[:2]}")
        # nothing said for more than 35 s of a hold
        marks = [start] + [e["at"] for e in spoken if start < e["at"] < end] + [end]
        gap = max(b - a for a, b in zip(marks, marks[1:]))
        rule(gap <= 35 + 1e-6, f"step {step} {side}: {gap:.1f} s of a hold with nothing said")
    # sides: at least 10 s from the end of one side's hold to the start of the next side's
    by_step = {}
    for start, end, step, side, rnd in holds:
        if side:
            by_step.setdefault((step, rnd), []).append((start, end, side))
    for (step, rnd), hs in by_step.items():
        hs.sort()
        for (s1, e1, a), (s2, e2, b) in zip(hs, hs[1:]):
            if a != b:
                rule(s2 - e1 >= 10 - 1e-6, f"step {step}: {s2 - e1:.1f} s to switch from {a} to {b} (want at least 10 s)")


def seed_rules(tl, steps, spans, counts, rule):
    """The lower-back article: seven stretches, in order, with its doses."""
    want = [("knee", "knee"), ("twist", "twist"), ("cat", "cat"), ("bridge", "bridge"),
            ("couch", "couch"), ("forward", "forward"), ("child", "child")]
    idx = {}
    for key, word in want:
        hit = [s["index"] for s in steps if word in s["name"].lower()]
        rule(bool(hit), f"no step named like '{word}'")
        if hit:
            idx[key] = hit
    firsts = [idx[k][0] for k, _ in want if k in idx]
    rule(firsts == sorted(firsts), f"the seven stretches are not in the article's order: {firsts}")

    def holds_of(key):
        out = []
        for (step, side, rnd), durs in spans.items():
            if step in idx.get(key, []):
                out += [(side, d) for d in durs]
        return out

    def counts_of(key):
        return [(side, len(r)) for (step, side, rnd), r in counts.items() if step in idx.get(key, [])]

    knee = holds_of("knee")
    rule(any(19.9 <= d <= 40.1 for _, d in knee), f"knee-to-chest: no hold near 30 s: {knee}")
    tw = holds_of("twist")
    sides = {s for s, d in tw if 19.9 <= d <= 30.1}
    rule(len(sides) >= 2, f"seated twist: not a full 20-30 s hold on each side: {tw}")
    cc = counts_of("cat")
    rule(any(10 <= n <= 15 for _, n in cc), f"cat-cow: not 10-15 counted reps: {cc}")
    br = counts_of("bridge")
    rule(any(10 <= n <= 12 for _, n in br), f"bridge: not 10-12 counted reps: {br}")
    co = holds_of("couch")
    rule(any(59.9 <= d <= 120.1 for _, d in co), f"couch decompression: no 1-2 min hold: {co}")
    ch = holds_of("child")
    rule(any(59.9 <= d <= 180.1 for _, d in ch), f"child's pose: no 1-3 min hold: {ch}")
    text = " ".join(e.get("text", "") for e in tl["events"]).lower()
    rule("sharp pain" in text, "the 'stop if you feel sharp pain' warning is never spoken")
    first_speech = [e for e in tl["events"] if e.get("text")][:4]
    rule(any("pain" in e["text"].lower() for e in first_speech), "the pain warning is not among the first lines spoken")
    if "--pacing" in sys.argv:
        safety_rules(tl, idx, rule)


def safety_rules(tl, idx, rule):
    """The article's advice where it helps the person on the floor, and sides that mirror."""
    import re
    ev = sorted(tl["events"], key=lambda e: e["at"])
    spoken = [e for e in ev if e.get("text")]
    first_start = min((e["at"] for e in ev if e["kind"] == "start"), default=0)
    before = " ".join(e["text"] for e in spoken if e["at"] < first_start).lower()
    # the article: with chronic pain, sciatica or nerve symptoms, consult a professional before attempting
    rule(re.search(r"sciatica|nerve", before) and re.search(r"professional|doctor|physio", before),
         "the advice to see a professional first (chronic pain, sciatica, nerve symptoms) is not spoken before the first stretch")
    rule(re.search(r"couch|bed", before) is not None, "the couch or bed that stretch five needs is not mentioned before the first stretch")
    # the seated twist: the left side hears its own, mirrored, instructions before its clock
    tw = idx.get("twist", [])
    holds = {}
    for e in ev:
        if e.get("step") in tw and e["kind"] in ("start", "end"):
            holds.setdefault(e.get("side", ""), []).append(e)
    if "right" in holds and "left" in holds:
        right_end = [e["at"] for e in holds["right"] if e["kind"] == "end"][0]
        left_start = [e["at"] for e in holds["left"] if e["kind"] == "start"][0]
        mid = " ".join(e["text"] for e in spoken if right_end < e["at"] < left_start).lower()
        rule(re.search(r"left (knee|foot)", mid) and re.search(r"right (leg|knee)", mid),
             "seated twist: the left side is not told its mirrored instructions (left knee/foot over the right leg)")
    # coming out of the couch decompression and the forward bend, slowly
    for key, word in (("couch", "couch"), ("forward", "forward bend")):
        st = idx.get(key, [])
        ends = [e["at"] for e in ev if e.get("step") in st and e["kind"] == "end"]
        if ends:
            nxt = [e["at"] for e in ev if e["kind"] == "start" and e["at"] > ends[-1]]
            upto = nxt[0] if nxt else tl["duration"]
            after = " ".join(e["text"] for e in spoken if ends[-1] < e["at"] < upto).lower()
            rule(re.search(r"slow|careful|gentl", after) is not None, f"{word}: no cue to come out of it slowly")


def report(broken, checked):
    for b in broken:
        print("broken:", b)
    print(f"rules: {checked - len(broken)}/{checked}")
    return 0 if not broken else 1


if __name__ == "__main__":
    sys.exit(main())
