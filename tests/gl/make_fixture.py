#!/usr/bin/env python3
"""Writes tests/gl/data/muscle_quads.gltf: two flat 'muscles' facing the back camera (-Z), one a target
(trapezius) and one context (deltoid), plus a floor-level bone, for pixel tests of highlighting.
Run from the repository root: python3 tests/gl/make_fixture.py"""
import base64, json, struct

def quad(x0, x1, y0, y1, z):
    # Two triangles facing -Z (counter-clockwise seen from -Z).
    pos = [(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)]
    nrm = [(0.0, 0.0, -1.0)] * 4
    idx = [0, 2, 1, 0, 3, 2]
    return pos, nrm, idx

meshes = [("trapezius_transverse_L", quad(0.05, 0.25, 1.20, 1.40, -0.10)),
          ("deltoid_L", quad(-0.25, -0.05, 1.20, 1.40, -0.10)),
          ("bone_pelvis", quad(-0.10, 0.10, 0.95, 1.05, -0.05))]
blob = b""
views, accessors, gltf_meshes, nodes = [], [], [], []
for name, (pos, nrm, idx) in meshes:
    prim = {}
    for kind, data, fmt, typ in (("POSITION", pos, "3f", "VEC3"), ("NORMAL", nrm, "3f", "VEC3")):
        off = len(blob)
        blob += b"".join(struct.pack("<" + fmt, *v) for v in data)
        views.append({"buffer": 0, "byteOffset": off, "byteLength": len(blob) - off})
        acc = {"bufferView": len(views) - 1, "componentType": 5126, "count": len(data), "type": typ}
        if kind == "POSITION":
            acc["min"] = [min(v[i] for v in data) for i in range(3)]
            acc["max"] = [max(v[i] for v in data) for i in range(3)]
        accessors.append(acc)
        prim[kind] = len(accessors) - 1
    off = len(blob)
    blob += struct.pack("<%dH" % len(idx), *idx)
    blob += b"\0" * ((4 - len(blob) % 4) % 4)
    views.append({"buffer": 0, "byteOffset": off, "byteLength": 2 * len(idx)})
    accessors.append({"bufferView": len(views) - 1, "componentType": 5123, "count": len(idx), "type": "SCALAR"})
    gltf_meshes.append({"name": name, "primitives": [{"attributes": prim, "indices": len(accessors) - 1}]})
    nodes.append({"name": name, "mesh": len(gltf_meshes) - 1})
doc = {"asset": {"version": "2.0", "generator": "MyoRelease tests/gl/make_fixture.py"},
       "scene": 0, "scenes": [{"nodes": list(range(len(nodes)))}], "nodes": nodes, "meshes": gltf_meshes,
       "accessors": accessors, "bufferViews": views,
       "buffers": [{"byteLength": len(blob),
                    "uri": "data:application/octet-stream;base64," + base64.b64encode(blob).decode()}]}
with open("tests/gl/data/muscle_quads.gltf", "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
