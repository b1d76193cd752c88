#!/usr/bin/env python3
"""Writes tests/data/malformed/: glTF and GLB files that each break one rule the loader must enforce, plus
control/ with the valid files they are derived from, and tests/data/several_problems/ with one file that breaks
four. Run from anywhere: python3 tests/data/make_malformed.py"""

import base64
import copy
import json
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "malformed")
CONTROL = os.path.join(OUT, "control")


def pad4(b, fill=b"\0"):
    return b + fill * ((4 - len(b) % 4) % 4)


def base_buffer():
    """One triangle, its indices, two animation keys, joints, weights and one inverse bind matrix."""
    b = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)          # 0: positions, 36 bytes
    b += pad4(struct.pack("<3H", 0, 1, 2))                      # 36: indices, 6 (+2)
    b += struct.pack("<2f", 0.0, 1.0)                           # 44: key times
    b += struct.pack("<6f", 0, 0, 0, 0, 1, 0)                   # 52: key translations
    b += struct.pack("<12B", *([0, 0, 0, 0] * 3))               # 76: joints
    b += struct.pack("<12f", *([1, 0, 0, 0] * 3))               # 88: weights
    b += struct.pack("<16f", 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)  # 136: inverse bind
    return b


def base_doc(buffer_len):
    return {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0, 1]}],
        "nodes": [{"name": "trapezius_descending_L", "mesh": 0, "skin": 0}, {"name": "joint", "children": []}],
        "meshes": [{"name": "tri", "primitives": [{"attributes": {"POSITION": 0, "JOINTS_0": 4, "WEIGHTS_0": 5},
                                                   "indices": 1, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [1, 0, 0, 1]}}],
        "skins": [{"joints": [1], "inverseBindMatrices": 6}],
        "animations": [{"channels": [{"sampler": 0, "target": {"node": 1, "path": "translation"}}],
                        "samplers": [{"input": 2, "output": 3}]}],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3",
             "min": [0, 0, 0], "max": [1, 1, 0]},
            {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"},
            {"bufferView": 2, "componentType": 5126, "count": 2, "type": "SCALAR", "min": [0], "max": [1]},
            {"bufferView": 3, "componentType": 5126, "count": 2, "type": "VEC3"},
            {"bufferView": 4, "componentType": 5121, "count": 3, "type": "VEC4"},
            {"bufferView": 5, "componentType": 5126, "count": 3, "type": "VEC4"},
            {"bufferView": 6, "componentType": 5126, "count": 1, "type": "MAT4"},
        ],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": 36},
            {"buffer": 0, "byteOffset": 36, "byteLength": 6},
            {"buffer": 0, "byteOffset": 44, "byteLength": 8},
            {"buffer": 0, "byteOffset": 52, "byteLength": 24},
            {"buffer": 0, "byteOffset": 76, "byteLength": 12},
            {"buffer": 0, "byteOffset": 88, "byteLength": 48},
            {"buffer": 0, "byteOffset": 136, "byteLength": 64},
        ],
        "buffers": [{"byteLength": buffer_len}],
    }


def data_uri(b, mime="application/octet-stream"):
    return "data:%s;base64,%s" % (mime, base64.b64encode(b).decode())


def gltf_text(doc, buf):
    doc = copy.deepcopy(doc)
    if buf is not None and "uri" not in doc["buffers"][0]:
        doc["buffers"][0]["uri"] = data_uri(buf)
    return json.dumps(doc, indent=1).encode()


def glb_bytes(doc, buf, json_override=None):
    j = pad4(json_override if json_override is not None else json.dumps(doc).encode(), b" ")
    out = struct.pack("<II", len(j), 0x4E4F534A) + j
    if buf is not None:
        bb = pad4(buf)
        out += struct.pack("<II", len(bb), 0x004E4942) + bb
    return struct.pack("<III", 0x46546C67, 2, 12 + len(out)) + out


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def png_header(w, h):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0\0\0\0"


def jpeg_header(w, h):
    sof = struct.pack(">BBHBHHB", 0xFF, 0xC0, 11, 8, h, w, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\1\1\0\0\1\0\1\0\0" + sof + b"\xff\xd9"


def features():
    """A valid file using the less common parts of the format: interleaved attributes, normalised integer
    colours and texture coordinates, strips, fans, points, 8- and 32-bit indices, a sparse accessor, no
    normals, string extras and a matrix node."""
    quad = [(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0)]
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]
    b = b"".join(struct.pack("<3f3Bx", *p, *c) for p, c in zip(quad, colours))  # 0: 64 bytes, stride 16
    b += struct.pack("<8H", 0, 0, 65535, 0, 0, 65535, 65535, 65535)                 # 64: uvs, 16 bytes
    b += struct.pack("<4B", 0, 1, 3, 2)                                             # 80: fan indices
    b += struct.pack("<3I", 0, 1, 2)                                                # 84: u32 indices
    b += struct.pack("<Hxx", 3)                                                     # 96: sparse index
    b += struct.pack("<3f", 5, 5, 5)                                                # 100: sparse value
    doc = {
        "asset": {"version": "2.0"},
        "nodes": [{"name": "Left rhomboid major", "mesh": 0, "extras": {"note": "from an atlas", "n": 1},
                   "matrix": [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.5, 0, 0, 1]}],
        "meshes": [{"name": "mesh0", "extras": {"origin": "C7-T12", "count": 3, "nested": {"a": "b"}},
                    "primitives": [
                        {"attributes": {"POSITION": 0, "COLOR_0": 1, "TEXCOORD_0": 2}, "mode": 5},
                        {"attributes": {"POSITION": 0}, "indices": 3, "mode": 6},
                        {"attributes": {"POSITION": 0}, "mode": 0},
                        {"attributes": {"POSITION": 0}, "indices": 4},
                        {"attributes": {"POSITION": 5}, "indices": 4}]}],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3"},
            {"bufferView": 0, "byteOffset": 12, "componentType": 5121, "normalized": True, "count": 4,
             "type": "VEC3"},
            {"bufferView": 1, "componentType": 5123, "normalized": True, "count": 4, "type": "VEC2"},
            {"bufferView": 2, "componentType": 5121, "count": 4, "type": "SCALAR"},
            {"bufferView": 3, "componentType": 5125, "count": 3, "type": "SCALAR"},
            {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3",
             "sparse": {"count": 1, "indices": {"bufferView": 4, "componentType": 5123},
                        "values": {"bufferView": 5}}},
        ],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": 64, "byteStride": 16},
            {"buffer": 0, "byteOffset": 64, "byteLength": 16},
            {"buffer": 0, "byteOffset": 80, "byteLength": 4},
            {"buffer": 0, "byteOffset": 84, "byteLength": 12},
            {"buffer": 0, "byteOffset": 96, "byteLength": 2},
            {"buffer": 0, "byteOffset": 100, "byteLength": 12},
        ],
        "buffers": [{"byteLength": len(b), "uri": data_uri(b)}],
    }
    return json.dumps(doc, indent=1).encode()


# Inputs the fuzz targets (tests/fuzz/) found that once crashed, leaked or hung the loader: (file name, bytes).
FUZZ_REGRESSIONS = []  # (file name, bytes, expected reason)

# The reason each hostile file must give, the whole of "myorelease: error: <file>: <reason>" after the file
# name (tests/harden/expected_lines.sh checks them in every mode). Written to tests/data/malformed.expected.
EXPECTED = [
    ("bomb_accessors_without_view.gltf",
     "accessors 0 to 2 would take 1280 MiB, past the file's memory budget of 1024 MiB"),
    ("bomb_twelve_large_images.gltf",
     "image 3 would take the file past its memory budget (1024 MiB of accessors and decoded images, "
     "limit 1024 MiB)"),
    ("only_spaces.gltf", "invalid JSON: parse error at line 1, column 4097: syntax error while parsing value - "
     "unexpected end of input; expected "
     "'[', '{', or a literal"),
    ("mesh_without_primitives.gltf", "mesh 0 has no primitives"),
    ("mesh_empty_primitives.gltf", "mesh 0 has no primitives"),
    ("buffer_view_minus_one.gltf", "accessor 0 bufferView is not a non-negative integer (-1)"),
    ("byte_offset_negative.gltf", "buffer view 1 byteOffset is not a non-negative integer (-4)"),
    ("byte_offset_fractional.gltf", "accessor 1 byteOffset is not a non-negative integer (0.5)"),
    ("byte_offset_string.gltf", 'accessor 0 byteOffset is not a non-negative integer ("0")'),
    ("indices_negative.gltf", "primitive 0 of mesh 0 indices is not a non-negative integer (-1)"),
    ("children_negative.gltf", "node 1 children holds -2, not a non-negative integer"),
]


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(CONTROL)
    buf = base_buffer()
    doc = base_doc(len(buf))

    with open(os.path.join(CONTROL, "valid.gltf"), "wb") as f:
        f.write(gltf_text(doc, buf))
    with open(os.path.join(CONTROL, "valid.glb"), "wb") as f:
        f.write(glb_bytes(doc, buf))
    with open(os.path.join(CONTROL, "features.gltf"), "wb") as f:
        f.write(features())

    def gltf(name, mutate, b=buf):
        d = copy.deepcopy(doc)
        mutate(d)
        write(name, gltf_text(d, b))

    def set_path(*path_and_value):
        *path, value = path_and_value

        def m(d):
            node = d
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        return m

    # --- GLB framing
    good_glb = glb_bytes(doc, buf)
    write("glb_empty.glb", b"")
    write("glb_truncated_header.glb", good_glb[:10])
    write("glb_truncated_body.glb", good_glb[:-20])
    write("glb_bad_magic.glb", b"glTX" + good_glb[4:])
    write("glb_wrong_version.glb", good_glb[:4] + struct.pack("<I", 1) + good_glb[8:])
    write("glb_wrong_total_length.glb", good_glb[:8] + struct.pack("<I", len(good_glb) + 64) + good_glb[12:])
    json_len = struct.unpack_from("<I", good_glb, 12)[0]
    write("glb_json_chunk_too_long.glb", good_glb[:12] + struct.pack("<I", json_len + 4096) + good_glb[16:])
    bin_at = 20 + json_len
    write("glb_bin_chunk_too_long.glb",
          good_glb[:bin_at] + struct.pack("<I", 0x7FFFFFF0) + good_glb[bin_at + 4:])
    write("glb_first_chunk_not_json.glb", good_glb[:16] + struct.pack("<I", 0x004E4942) + good_glb[20:])
    write("glb_bin_chunk_wrong_type.glb",
          good_glb[:bin_at + 4] + struct.pack("<I", 0x004E4943) + good_glb[bin_at + 8:])
    # JSON chunk of 5 bytes: the chunk after it would start off a 4-byte boundary.
    j = b'{"a":'
    body = struct.pack("<II", len(j), 0x4E4F534A) + j + b"\0\0\0"
    write("glb_misaligned_chunk.glb", struct.pack("<III", 0x46546C67, 2, 12 + len(body)) + body)
    body = struct.pack("<II", 8, 0x4E4F534A) + b"{}      " + b"\0\0\0\0"
    write("glb_truncated_chunk_header.glb", struct.pack("<III", 0x46546C67, 2, 12 + len(body)) + body)
    d = copy.deepcopy(doc)
    d["buffers"][0]["byteLength"] = len(buf) + 4096
    write("glb_buffer_longer_than_bin.glb", glb_bytes(d, buf))
    d = copy.deepcopy(doc)
    d["images"] = [{"bufferView": 7, "mimeType": "image/png"}]
    d["bufferViews"].append({"buffer": 0, "byteOffset": 100000, "byteLength": 64})
    write("glb_image_view_past_buffer.glb", glb_bytes(d, buf))
    write("glb_deep_nesting.glb", glb_bytes(None, None, b'{"asset":{"version":"2.0"},"x":' + b"[" * 10000 +
                                            b"]" * 10000 + b"}"))

    # --- JSON text
    write("empty.gltf", b"")
    write("invalid_json.gltf", b'{"asset": {"version": "2.0"}, "nodes": [')
    write("deep_nesting.gltf", b"[" * 10000 + b"]" * 10000)
    write("deep_nesting_objects.gltf", b'{"a":' * 10000 + b"1" + b"}" * 10000)
    write("root_not_object.gltf", b"[1, 2, 3]")
    write("not_json_binary.gltf", bytes(range(256)))
    gltf("wrong_type_nodes.gltf", set_path("nodes", {"0": {}}))
    gltf("wrong_type_count.gltf", set_path("accessors", 0, "count", "three"))
    gltf("wrong_type_node_entry.gltf", set_path("nodes", 1, 42))
    gltf("missing_asset.gltf", lambda d: d.pop("asset"))
    gltf("version_1.gltf", set_path("asset", "version", "1.0"))
    gltf("missing_component_type.gltf", lambda d: d["accessors"][0].pop("componentType"))
    gltf("required_extension_draco.gltf", lambda d: d.update(extensionsUsed=["KHR_draco_mesh_compression"],
                                                             extensionsRequired=["KHR_draco_mesh_compression"]))
    gltf("missing_buffer_byte_length.gltf", lambda d: d["buffers"][0].pop("byteLength"))

    # --- ranges and overflow
    gltf("accessor_past_view.gltf", set_path("accessors", 0, "count", 4))
    gltf("accessor_offset_past_view.gltf", set_path("accessors", 0, "byteOffset", 24))
    gltf("view_past_buffer.gltf", set_path("bufferViews", 0, "byteLength", 4096))
    gltf("accessor_offset_overflow.gltf", set_path("accessors", 0, "byteOffset", 18446744073709551600))
    gltf("view_offset_overflow.gltf", set_path("bufferViews", 0, "byteOffset", 18446744073709551604))
    gltf("view_length_overflow.gltf", set_path("bufferViews", 0, "byteLength", 18446744073709551615))
    gltf("huge_accessor_count.gltf", lambda d: d["accessors"][0].update(count=4000000000))
    gltf("huge_accessor_count_no_view.gltf", lambda d: (d["accessors"][0].pop("bufferView"),
                                                       d["accessors"][0].update(count=3000000000)))
    gltf("bad_byte_stride.gltf", set_path("bufferViews", 0, "byteStride", 2))

    # --- indices that point nowhere
    gltf("mesh_out_of_range.gltf", set_path("nodes", 0, "mesh", 5))
    gltf("scene_node_out_of_range.gltf", set_path("scenes", 0, "nodes", [0, 7]))
    gltf("child_out_of_range.gltf", set_path("nodes", 1, "children", [9]))
    gltf("material_out_of_range.gltf", set_path("meshes", 0, "primitives", 0, "material", 3))
    gltf("accessor_out_of_range.gltf", set_path("meshes", 0, "primitives", 0, "attributes", "POSITION", 9))
    gltf("indices_accessor_out_of_range.gltf", set_path("meshes", 0, "primitives", 0, "indices", 12))
    gltf("buffer_out_of_range.gltf", set_path("bufferViews", 0, "buffer", 3))
    gltf("buffer_view_out_of_range.gltf", set_path("accessors", 0, "bufferView", 30))
    gltf("skin_out_of_range.gltf", set_path("nodes", 0, "skin", 2))
    gltf("texture_out_of_range.gltf",
         set_path("materials", 0, "pbrMetallicRoughness", "baseColorTexture", {"index": 4}))
    gltf("skin_joint_out_of_range.gltf", set_path("skins", 0, "joints", [6]))
    gltf("default_scene_out_of_range.gltf", set_path("scene", 3))
    gltf("index_value_too_large.gltf", lambda d: None, buf[:36] + struct.pack("<3H", 0, 1, 7) + buf[42:])
    gltf("unknown_mode.gltf", set_path("meshes", 0, "primitives", 0, "mode", 9))
    gltf("position_wrong_type.gltf", set_path("accessors", 0, "type", "VEC2"))
    gltf("attribute_count_mismatch.gltf", lambda d: d["meshes"][0]["primitives"][0]["attributes"].update(NORMAL=3))
    gltf("sparse_index_out_of_range.gltf", set_path("accessors", 0, "sparse", {
        "count": 1, "indices": {"bufferView": 2, "byteOffset": 6, "componentType": 5123},
        "values": {"bufferView": 0}}))
    nan = struct.pack("<f", float("nan"))
    inf = struct.pack("<f", float("inf"))
    gltf("nan_position.gltf", lambda d: None, buf[:16] + nan + buf[20:])
    gltf("inf_position.gltf", lambda d: None, buf[:4] + inf + buf[8:])

    # --- node graph
    gltf("node_cycle.gltf", lambda d: (d["nodes"].extend([{"children": [3]}, {"children": [2]}])))
    gltf("two_parents.gltf", lambda d: (d["nodes"].extend([{"children": [1]}]), d["nodes"][0].update(children=[1])))
    gltf("self_child.gltf", set_path("nodes", 1, "children", [1]))
    gltf("scene_root_has_parent.gltf", lambda d: d["nodes"][0].update(children=[1]))

    # --- skins and animation
    gltf("joints_out_of_range.gltf", lambda d: None, buf[:76] + struct.pack("<12B", *([3, 0, 0, 0] * 3)) + buf[88:])
    gltf("animation_sampler_count_mismatch.gltf", set_path("animations", 0, "samplers", 0, "output", 0))
    gltf("animation_times_decreasing.gltf", lambda d: None, buf[:44] + struct.pack("<2f", 1.0, 0.5) + buf[52:])
    gltf("animation_time_nan.gltf", lambda d: None, buf[:44] + nan + buf[48:])
    gltf("animation_sampler_out_of_range.gltf", set_path("animations", 0, "channels", 0, "sampler", 4))
    gltf("animation_node_out_of_range.gltf", set_path("animations", 0, "channels", 0, "target", "node", 40))
    gltf("inverse_bind_too_few.gltf", set_path("skins", 0, "joints", [1, 0]))

    # --- files outside the model, and data URIs
    for name, uri in [("escape_dotdot.gltf", "../x.bin"), ("escape_absolute.gltf", "/etc/passwd"),
                      ("escape_percent.gltf", "%2e%2e/x.bin"), ("escape_percent_slash.gltf", "a%2f..%2f..%2fx.bin"),
                      ("escape_backslash.gltf", "..\\x.bin"), ("escape_dev_zero.gltf", "/dev/zero"),
                      ("escape_scheme.gltf", "file:///etc/passwd"), ("escape_home.gltf", "~/x.bin"),
                      ("uri_directory.gltf", "."), ("uri_missing_file.gltf", "not_here.bin"),
                      ("data_uri_not_base64.gltf", "data:application/octet-stream,hello"),
                      ("data_uri_bad_chars.gltf", "data:application/octet-stream;base64,AAA*AAAA"),
                      ("data_uri_text_mime.gltf", "data:text/html;base64,AAAA")]:
        gltf(name, set_path("buffers", 0, "uri", uri), None)

    def image_doc(uri):
        def m(d):
            d["images"] = [{"uri": uri}]
            d["textures"] = [{"source": 0}]
            d["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] = {"index": 0}
        return m

    gltf("image_gif.gltf", image_doc(data_uri(b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\0" * 32, "image/png")))
    gltf("image_garbage.gltf", image_doc(data_uri(bytes(range(200)), "image/jpeg")))
    gltf("image_huge_png.gltf", image_doc(data_uri(png_header(100000, 100000), "image/png")))
    gltf("image_huge_jpeg.gltf", image_doc(data_uri(jpeg_header(40000, 40000), "image/jpeg")))
    gltf("image_truncated_png.gltf", image_doc(data_uri(png_header(4, 4)[:20], "image/png")))
    gltf("image_corrupt_png.gltf", image_doc(data_uri(png_header(4, 4) + b"\0" * 40, "image/png")))
    gltf("image_escape.gltf", image_doc("../secret.png"))

    # --- hostile input: memory bombs, schema gaps (tests/data/malformed.expected gives each file's reason)
    def bomb(d):
        for a in d["accessors"][:4]:
            a.pop("bufferView", None)
            a.pop("min", None), a.pop("max", None)
            a["count"] = 1 << 26
    gltf("bomb_accessors_without_view.gltf", bomb)

    def shared_png(d):
        uri = data_uri(png_header(8192, 8192), "image/png")
        d["images"] = [{"uri": uri} for _ in range(12)]
        d["textures"] = [{"source": i} for i in range(12)]
        d["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": i}}} for i in range(12)]
    gltf("bomb_twelve_large_images.gltf", shared_png)
    write("only_spaces.gltf", b" " * 4096)
    gltf("mesh_without_primitives.gltf", lambda d: d["meshes"][0].pop("primitives"))
    gltf("mesh_empty_primitives.gltf", set_path("meshes", 0, "primitives", []))
    gltf("buffer_view_minus_one.gltf", set_path("accessors", 0, "bufferView", -1))
    gltf("byte_offset_negative.gltf", set_path("bufferViews", 1, "byteOffset", -4))
    gltf("byte_offset_fractional.gltf", set_path("accessors", 1, "byteOffset", 0.5))
    gltf("byte_offset_string.gltf", set_path("accessors", 0, "byteOffset", "0"))
    gltf("indices_negative.gltf", set_path("meshes", 0, "primitives", 0, "indices", -1))
    gltf("children_negative.gltf", set_path("nodes", 1, "children", [-2]))
    # Valid by the spec: a skin without inverse bind matrices uses identities.
    d = copy.deepcopy(doc)
    d["skins"][0].pop("inverseBindMatrices")
    with open(os.path.join(CONTROL, "skin_without_inverse_bind.gltf"), "wb") as f:
        f.write(gltf_text(d, buf))
    # Valid, past what the renderer poses (128 joints per skin): loads, and --validate says what is not drawn.
    d["nodes"] += [{"name": "j%d" % i} for i in range(129)]
    d["skins"][0]["joints"] = [1] + list(range(2, 131))
    d["scenes"][0]["nodes"] += list(range(2, 131))
    with open(os.path.join(CONTROL, "skin_130_joints.gltf"), "wb") as f:
        f.write(gltf_text(d, buf))

    # Every file found to crash or hang the loader under the fuzzer stays here as a regression file.
    for name, data, _ in FUZZ_REGRESSIONS:
        write(name, data)
    with open(os.path.join(HERE, "malformed.expected"), "w") as f:
        for name, reason in EXPECTED + [(n, r) for n, _, r in FUZZ_REGRESSIONS]:
            assert os.path.exists(os.path.join(OUT, name)), name
            f.write("%s\t%s\n" % (name, reason))

    # --- several problems in one file (tests/data/several_problems/, outside the one-problem corpus):
    # --validate reports each of them
    def several(d):
        d["bufferViews"].append({"buffer": 7, "byteOffset": 0, "byteLength": 4})
        d["materials"].append({"pbrMetallicRoughness": {"baseColorTexture": {"index": 5}}})
        d["meshes"].append({"name": "broken", "primitives": [{"attributes": {"POSITION": 99}}]})
        d["nodes"].append({"name": "lost", "mesh": 9})

    several_dir = os.path.join(HERE, "several_problems")
    shutil.rmtree(several_dir, ignore_errors=True)
    os.makedirs(several_dir)
    d = copy.deepcopy(doc)
    several(d)
    with open(os.path.join(several_dir, "four_problems.gltf"), "wb") as f:
        f.write(gltf_text(d, buf))


if __name__ == "__main__":
    main()
