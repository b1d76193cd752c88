#!/usr/bin/env python3
"""Writes tests/data/exercises_bad/: broken variants of assets/exercises.json, one problem each.

Each file keeps the general section and one or two exercises of the shipped file and breaks one thing; the
exercise tests list the line each must give. Run from the repository root after the exercise file's schema
changes: python3 tests/data/make_exercises_bad.py
"""
import copy
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "data", "exercises_bad")
shipped = json.load(open(os.path.join(ROOT, "assets", "exercises.json")))
by_id = {e["id"]: e for e in shipped["exercises"]}


def base(*ids):
    return {"version": shipped["version"], "general": copy.deepcopy(shipped["general"]),
            "exercises": [copy.deepcopy(by_id[i]) for i in ids]}


def rh(doc):
    return doc["exercises"][0]


cases = {}


def case(name, ids=("rhomboid-massage-ball",)):
    def wrap(fn):
        cases[name] = (ids, fn)
        return fn
    return wrap


def simple(name, fn, ids=("rhomboid-massage-ball",)):
    cases[name] = (ids, fn)


simple("bad_id.json", lambda d: rh(d).update(id="Rhomboid Ball"))
simple("duplicate_id.json", lambda d: None, ("rhomboid-massage-ball", "rhomboid-massage-ball"))
simple("empty_title.json", lambda d: rh(d).update(title="   "))
simple("equipment_unknown.json", lambda d: rh(d)["equipment"].update(kind="kettlebell"))
simple("diameter_negative.json", lambda d: rh(d)["equipment"].update(diameter_m=-0.0635))
simple("joint_angle_absurd.json", lambda d: rh(d)["pose"]["joints"].update(knee_L=[400, 0, 0]))
simple("joint_beyond_range.json", lambda d: rh(d)["pose"]["joints"].update(knee_L=[-60, 0, 0]))
simple("stretch_joint_beyond_range.json", lambda d: rh(d)["stretch_pose"]["joints"].update(elbow_L=[40, 0, 0]))
simple("landmark_bad.json", lambda d: rh(d)["tool"]["path"].update({"from": "sp t2"}))
simple("landmark_wrong_frame.json", lambda d: rh(d)["tool"]["path"].update({"from": "RIB6_LAT_L"}))
simple("missing_disclaimer.json", lambda d: d["general"].pop("disclaimer"))
simple("missing_exercises.json", lambda d: d.pop("exercises"))
simple("missing_protocol.json", lambda d: rh(d).pop("protocol"))
simple("missing_sets.json", lambda d: rh(d)["protocol"].pop("sets"))
simple("missing_stretch_pose.json", lambda d: rh(d).pop("stretch_pose"))
simple("no_exercises.json", lambda d: d.update(exercises=[]))
simple("sets_fraction.json", lambda d: rh(d)["protocol"].update(sets=2.5))
simple("sides_unknown.json", lambda d: rh(d)["protocol"].update(sides="both"))
simple("stretch_after_string.json", lambda d: rh(d)["protocol"].update(stretch_after="yes"))
simple("stretch_negative.json", lambda d: rh(d)["protocol"].update(stretch_s=-30))
simple("tool_kind_mismatch.json", lambda d: rh(d)["tool"].update(kind="foam-roller"))
simple("unknown_muscle.json", lambda d: rh(d)["targets"].__setitem__(1, "deltoid"))
simple("unknown_phase.json", lambda d: rh(d)["steps"][1].update(phase="rest"))
simple("work_absurd.json", lambda d: rh(d)["protocol"].update(work_s=100000))
simple("work_negative.json", lambda d: rh(d)["protocol"].update(work_s=-3))
simple("work_outside_range.json", lambda d: rh(d)["protocol"].update(work_s=50))
simple("work_string.json", lambda d: rh(d)["protocol"].update(work_s="30"))
simple("wrong_version.json", lambda d: d.update(version=1))
simple("motion_unknown.json", lambda d: rh(d).update(motion="pogo-stick"))
simple("motion_equipment.json", lambda d: rh(d).update(motion="midline-roller"))
simple("support_mismatch.json", lambda d: rh(d)["pose"]["root"].update(support="floor"))
simple("figure_not_read.json", lambda d: rh(d)["pose"]["root"].update(figures={"lean_deg": 9.1}))
simple("path_field_not_read.json", lambda d: rh(d)["tool"]["path"].update(speed_m_s=0.02))
simple("path_field_missing.json", lambda d: rh(d)["tool"]["path"].pop("stroke_s"))
simple("planted_unknown.json", lambda d: rh(d)["pose"].update(planted=["foot_L", "foot_X"]))
simple("recline_negative.json",
       lambda d: d["exercises"][0]["pose"]["root"]["figures"].update(backrest_recline_deg=-30), ("massage-chair",))
simple("turn_not_number.json", lambda d: d["exercises"][1]["tool"]["path"].update(turn_deg="40"),
       ("rhomboid-massage-ball", "latissimus-foam-roller"))


@case("misspelt_field.json")
def _(d):
    p = rh(d)["protocol"]
    rh(d)["protocol"] = {("wrok_s" if k == "work_s" else k): v for k, v in p.items()}


@case("switch_without_sides.json")
def _(d):
    rh(d)["steps"].insert(4, {"phase": "switch", "text": "Turn around and do the other side."})


@case("unknown_joint.json")
def _(d):
    rh(d)["pose"]["joints"]["shoulder_X"] = [0, 0, 0]


text_cases = {
    # JSON syntax: the comma after work_s goes missing.
    "invalid_json.json": lambda t: t.replace('"work_s": 30,', '"work_s": 30', 1),
    # A number no double holds.
    "nonfinite.json": lambda t: t.replace('"stretch_s": 30,', '"stretch_s": 1e999,', 1),
    # The top level is the exercise list itself.
    "top_level_array.json": lambda t: json.dumps(json.loads(t)["exercises"], indent=2, ensure_ascii=False),
}

if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)
for name, (ids, fn) in cases.items():
    doc = base(*ids)
    fn(doc)
    with open(os.path.join(OUT, name), "w") as f:
        f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
for name, fn in text_cases.items():
    text = json.dumps(base("rhomboid-massage-ball"), indent=2, ensure_ascii=False)
    broken = fn(text)
    assert broken != text, name
    with open(os.path.join(OUT, name), "w") as f:
        f.write(broken + "\n")
print(f"{len(cases) + len(text_cases)} files in {OUT}")
