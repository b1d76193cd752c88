// scene/gltf_loader.cpp: the only tinygltf user. Reads the file under limits, checks it before and after
// parsing (tinygltf trusts its input), and converts it into plain scene::Model values.
#include "scene/gltf_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>
#include <system_error>

#include <stb/stb_image.h>
#include <tiny_gltf.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/math_util.hpp"
#include "scene/gltf_guard.hpp"
#include "scene/muscle_names.hpp"

namespace myo::scene {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

// === Loading context shared with the parser's callbacks

/// What the callbacks need; the first problem they meet is kept here and thrown once the parser returns,
/// because the parser only passes on generic messages ("File not found").
struct LoadContext {
  std::string where;
  fs::path folder;  ///< canonical folder of the model: the only place external files may come from
  LoadLimits limits;
  const tinygltf::Model* model = nullptr;  ///< the model being parsed, to bound image bytes in its buffers
  std::uint64_t budgetUsed = 0;            ///< bytes of LoadLimits::maxMemoryBytes already promised
  std::string failure;

  void fail(std::string why) {
    if (failure.empty()) failure = std::move(why);
  }
};

/// Resolves a path the parser built (folder + "/" + decoded uri) to a regular file inside the folder.
/// Returns an empty path and records why when it is not one.
fs::path resolveInside(LoadContext& ctx, const std::string& joined) {
  std::string prefix = ctx.folder.string();
  if (prefix.empty() || prefix.back() != '/') prefix += '/';     // the root folder already ends in one
  if (joined.compare(0, prefix.size(), prefix) != 0) return {};  // the parser's "." fallback: never used
  const std::string relative = joined.substr(prefix.size());
  std::error_code ec;
  const fs::path candidate = ctx.folder / relative;
  const fs::file_status linkStatus = fs::symlink_status(candidate, ec);
  if (ec || !fs::exists(linkStatus)) {
    ctx.fail("external file '" + relative + "' does not exist");
    return {};
  }
  const fs::path canonical = fs::canonical(candidate, ec);
  if (ec) {
    ctx.fail("external file '" + relative + "' cannot be resolved");
    return {};
  }
  const auto [folderEnd, unused] =
      std::mismatch(ctx.folder.begin(), ctx.folder.end(), canonical.begin(), canonical.end());
  (void)unused;
  if (folderEnd != ctx.folder.end()) {
    ctx.fail("external file '" + relative + "' leads outside the model's folder");
    return {};
  }
  const fs::file_status status = fs::status(canonical, ec);
  if (ec || fs::is_directory(status)) {
    ctx.fail("external file '" + relative + "' is a directory");
    return {};
  }
  if (!fs::is_regular_file(status)) {
    ctx.fail("external file '" + relative + "' is not a regular file");
    return {};
  }
  return canonical;
}

bool fileExists(const std::string& path, void* user) {
  return !resolveInside(*static_cast<LoadContext*>(user), path).empty();
}

std::string expandFilePath(const std::string& path, void*) {
  return path;  // no shell expansion: a uri is a name, never a command
}

bool readWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& path, void* user) {
  auto& ctx = *static_cast<LoadContext*>(user);
  const fs::path resolved = resolveInside(ctx, path);
  if (resolved.empty()) {
    if (err) *err += "rejected external file\n";
    return false;
  }
  try {
    *out = core::readFile(resolved, static_cast<std::size_t>(ctx.limits.maxExternalBytes));
  } catch (const core::Error& e) {
    ctx.fail("external file '" + resolved.filename().string() + "': " + e.message());
    if (err) *err += "rejected external file\n";
    return false;
  }
  return true;
}

bool writeWholeFile(std::string* err, const std::string&, const std::vector<unsigned char>&, void*) {
  if (err) *err += "writing is not supported\n";
  return false;
}

/// Image callback: checks the header (format and size against the limits) before stb_image decodes.
bool loadImage(tinygltf::Image* image, const int index, std::string* err, std::string*, int, int,
               const unsigned char* bytes, int size, void* user) {
  auto& ctx = *static_cast<LoadContext*>(user);
  const std::string what = "image " + std::to_string(index);
  auto reject = [&](std::string why) {
    ctx.fail(std::move(why));
    if (err) *err += "image rejected\n";
    return false;
  };
  if (size <= 0 || bytes == nullptr) return reject(what + " has no data");
  // Bytes from a buffer view are handed over unchecked: they must lie inside one of the buffers.
  const auto begin = reinterpret_cast<std::uintptr_t>(bytes);
  for (const tinygltf::Buffer& buffer : ctx.model->buffers) {
    const auto bufBegin = reinterpret_cast<std::uintptr_t>(buffer.data.data());
    const auto bufEnd = bufBegin + buffer.data.size();
    if (begin >= bufBegin && begin <= bufEnd && !buffer.data.empty()) {
      if (static_cast<std::uintptr_t>(size) > bufEnd - begin)
        return reject(what + " buffer view reads past the end of its buffer");
    }
  }
  if (image->bufferView >= 0) {
    // Its start must have been found inside a buffer above.
    bool inside = false;
    for (const tinygltf::Buffer& buffer : ctx.model->buffers) {
      const auto bufBegin = reinterpret_cast<std::uintptr_t>(buffer.data.data());
      inside = inside || (!buffer.data.empty() && begin >= bufBegin && begin < bufBegin + buffer.data.size());
    }
    if (!inside) return reject(what + " buffer view starts past the end of its buffer");
  }
  guard::ImageHeader header;
  try {
    header = guard::readImageHeader({bytes, static_cast<std::size_t>(size)}, what, ctx.where);
  } catch (const core::Error& e) {
    return reject(e.message());
  }
  const int side = ctx.limits.maxImageSide;
  if (header.width > side || header.height > side)
    return reject(what + " is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                  " pixels, limit " + std::to_string(side));
  if (std::uint64_t(header.width) * std::uint64_t(header.height) > ctx.limits.maxImagePixels)
    return reject(what + " has too many pixels");
  const std::uint64_t decoded = std::uint64_t(header.width) * std::uint64_t(header.height) * 4;
  if (ctx.budgetUsed + decoded > ctx.limits.maxMemoryBytes)
    return reject(what + " would take the file past its memory budget (" +
                  std::to_string((ctx.budgetUsed + decoded) >> 20) + " MiB of accessors and decoded images, limit " +
                  std::to_string(ctx.limits.maxMemoryBytes >> 20) + " MiB)");
  ctx.budgetUsed += decoded;
  // Decoding waits until every image has been counted against the budget: the encoded bytes are kept
  // (bounded by the file sizes) and decoded by the converter.
  image->width = header.width;
  image->height = header.height;
  image->component = 4;
  image->bits = 8;
  image->pixel_type = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
  image->as_is = true;  // image->image holds the encoded file, not pixels
  image->image.assign(bytes, bytes + size);
  return true;
}

/// Decodes an image the callback above kept encoded, to RGBA8 of the size its header gave.
std::vector<std::uint8_t> decodeImage(const tinygltf::Image& image, const std::string& what,
                                      const std::string& where) {
  int w = 0, h = 0, channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(image.image.data(), static_cast<int>(image.image.size()), &w, &h,
                                          &channels, 4);
  if (pixels == nullptr) {
    const char* reason = stbi_failure_reason();
    throw core::Error(where, what + " cannot be decoded" +
                              (reason && *reason ? std::string(": ") + reason : std::string()));
  }
  if (w != image.width || h != image.height) {
    stbi_image_free(pixels);
    throw core::Error(where, what + " decodes to a size other than its header says");
  }
  std::vector<std::uint8_t> rgba(pixels, pixels + std::size_t(w) * std::size_t(h) * 4);
  stbi_image_free(pixels);
  return rgba;
}

// === Checked arithmetic

bool addOver(std::uint64_t a, std::uint64_t b, std::uint64_t& out) {
  return __builtin_add_overflow(a, b, &out);
}
bool mulOver(std::uint64_t a, std::uint64_t b, std::uint64_t& out) {
  return __builtin_mul_overflow(a, b, &out);
}

// === Checks on the JSON text before the parser

const char* const kTopLevelArrays[] = {
    "accessors", "animations", "buffers",  "bufferViews",    "cameras",
    "images",    "materials",  "meshes",   "nodes",          "samplers",
    "scenes",    "skins",      "textures", "extensionsUsed", "extensionsRequired"};

/// The parser hands an image's buffer view to the decoder without a range check, so that range is checked
/// here, against the declared buffer lengths (which the parser then enforces on the data it reads).
void checkImageViews(const nlohmann::json& doc, const LoadContext& ctx) {
  auto images = doc.find("images");
  if (images == doc.end()) return;
  const auto array = [&](const char* key) {
    auto it = doc.find(key);
    return it == doc.end() ? nlohmann::json::array() : *it;
  };
  const nlohmann::json views = array("bufferViews");
  const nlohmann::json buffers = array("buffers");
  const auto unsignedField = [&](const nlohmann::json& o, const char* key, const std::string& what) {
    auto it = o.find(key);
    if (it == o.end()) return std::uint64_t(0);
    if (!it->is_number_unsigned())
      throw core::Error(ctx.where, what + " " + key + " is not a non-negative integer");
    return it->get<std::uint64_t>();
  };
  for (std::size_t i = 0; i < images->size(); ++i) {
    auto view = (*images)[i].find("bufferView");
    if (view == (*images)[i].end()) continue;
    const std::string what = "image " + std::to_string(i);
    if (!view->is_number_unsigned() || view->get<std::uint64_t>() >= views.size())
      throw core::Error(ctx.where, what + " refers to a buffer view that does not exist");
    const nlohmann::json& v = views[view->get<std::size_t>()];
    const std::string vwhat = "buffer view " + view->dump();
    const std::uint64_t buffer = unsignedField(v, "buffer", vwhat);
    if (!v.contains("buffer") || buffer >= buffers.size())
      throw core::Error(ctx.where, vwhat + " refers to a buffer that does not exist");
    std::uint64_t end = 0;
    if (addOver(unsignedField(v, "byteOffset", vwhat), unsignedField(v, "byteLength", vwhat), end) ||
        end > unsignedField(buffers[buffer], "byteLength", "buffer " + std::to_string(buffer)))
      throw core::Error(ctx.where,
                        what + " buffer view reaches past the end of buffer " + std::to_string(buffer));
  }
}

/// A short, one-line excerpt of a JSON value for an error message.
std::string excerpt(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 24) text = text.substr(0, 20) + "...";
  return text;
}

/// Index, offset and count fields the parser reads into signed ints or size_t without complaint when they are
/// negative, fractional or strings: each must be a non-negative integer where present (glTF 2.0 schema).
void checkSchema(const nlohmann::json& doc, const LoadContext& ctx) {
  const auto check = [&](const nlohmann::json& object, const char* key, const std::string& owner) {
    auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_number_unsigned())
      throw core::Error(ctx.where, owner + " " + key + " is not a non-negative integer (" + excerpt(*it) + ")");
  };
  const auto objectAt = [](const nlohmann::json& parent, const char* key) -> const nlohmann::json* {
    auto it = parent.find(key);
    return it != parent.end() && it->is_object() ? &*it : nullptr;
  };
  const auto each = [&](const char* array, auto&& fn) {
    auto it = doc.find(array);
    if (it == doc.end()) return;
    for (std::size_t i = 0; i < it->size(); ++i) fn((*it)[i], i);
  };
  const auto checkList = [&](const nlohmann::json& object, const char* key, const std::string& owner) {
    auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_array()) throw core::Error(ctx.where, owner + " " + key + " is not an array");
    for (const auto& v : *it)
      if (!v.is_number_unsigned())
        throw core::Error(ctx.where, owner + " " + key + " holds " + excerpt(v) + ", not a non-negative integer");
  };
  if (doc.contains("scene")) check(doc, "scene", "the file's");
  each("accessors", [&](const nlohmann::json& a, std::size_t i) {
    const std::string owner = "accessor " + std::to_string(i);
    for (const char* key : {"bufferView", "byteOffset", "count", "componentType"}) check(a, key, owner);
    if (const nlohmann::json* sparse = objectAt(a, "sparse")) {
      check(*sparse, "count", owner + " sparse");
      for (const char* part : {"indices", "values"})
        if (const nlohmann::json* p = objectAt(*sparse, part))
          for (const char* key : {"bufferView", "byteOffset", "componentType"})
            check(*p, key, owner + " sparse " + part);
    }
  });
  each("bufferViews", [&](const nlohmann::json& v, std::size_t i) {
    for (const char* key : {"buffer", "byteOffset", "byteLength", "byteStride"})
      check(v, key, "buffer view " + std::to_string(i));
  });
  each("buffers", [&](const nlohmann::json& b, std::size_t i) { check(b, "byteLength", "buffer " + std::to_string(i)); });
  each("images", [&](const nlohmann::json& im, std::size_t i) { check(im, "bufferView", "image " + std::to_string(i)); });
  each("textures", [&](const nlohmann::json& t, std::size_t i) {
    for (const char* key : {"source", "sampler"}) check(t, key, "texture " + std::to_string(i));
  });
  each("materials", [&](const nlohmann::json& m, std::size_t i) {
    const std::string owner = "material " + std::to_string(i);
    for (const char* key : {"normalTexture", "occlusionTexture", "emissiveTexture"})
      if (const nlohmann::json* t = objectAt(m, key)) check(*t, "index", owner + " " + key);
    if (const nlohmann::json* pbr = objectAt(m, "pbrMetallicRoughness"))
      for (const char* key : {"baseColorTexture", "metallicRoughnessTexture"})
        if (const nlohmann::json* t = objectAt(*pbr, key)) check(*t, "index", owner + " " + key);
  });
  each("meshes", [&](const nlohmann::json& m, std::size_t i) {
    const std::string owner = "mesh " + std::to_string(i);
    auto prims = m.find("primitives");
    if (prims == m.end() || !prims->is_array() || prims->empty())
      throw core::Error(ctx.where, owner + " has no primitives");
    for (std::size_t j = 0; j < prims->size(); ++j) {
      const nlohmann::json& p = (*prims)[j];
      const std::string powner = "primitive " + std::to_string(j) + " of " + owner;
      if (!p.is_object()) throw core::Error(ctx.where, powner + " is not an object");
      auto attributes = p.find("attributes");
      if (attributes == p.end() || !attributes->is_object())
        throw core::Error(ctx.where, powner + " has no attributes");
      for (const char* key : {"indices", "material", "mode"}) check(p, key, powner);
      for (auto it = attributes->begin(); it != attributes->end(); ++it)
        if (!it->is_number_unsigned())
          throw core::Error(ctx.where, powner + " attribute " + it.key().substr(0, 24) +
                                           " is not a non-negative integer (" + excerpt(*it) + ")");
    }
  });
  each("nodes", [&](const nlohmann::json& n, std::size_t i) {
    const std::string owner = "node " + std::to_string(i);
    for (const char* key : {"mesh", "skin", "camera"}) check(n, key, owner);
    checkList(n, "children", owner);
  });
  each("scenes", [&](const nlohmann::json& sc, std::size_t i) { checkList(sc, "nodes", "scene " + std::to_string(i)); });
  each("skins", [&](const nlohmann::json& sk, std::size_t i) {
    const std::string owner = "skin " + std::to_string(i);
    for (const char* key : {"inverseBindMatrices", "skeleton"}) check(sk, key, owner);
    checkList(sk, "joints", owner);
  });
  each("animations", [&](const nlohmann::json& an, std::size_t i) {
    const std::string owner = "animation " + std::to_string(i);
    if (auto it = an.find("channels"); it != an.end() && it->is_array())
      for (std::size_t c = 0; c < it->size(); ++c) {
        if (!(*it)[c].is_object()) continue;
        check((*it)[c], "sampler", owner + " channel " + std::to_string(c));
        if (const nlohmann::json* target = objectAt((*it)[c], "target"))
          check(*target, "node", owner + " channel " + std::to_string(c) + " target");
      }
    if (auto it = an.find("samplers"); it != an.end() && it->is_array())
      for (std::size_t c = 0; c < it->size(); ++c)
        if ((*it)[c].is_object())
          for (const char* key : {"input", "output"}) check((*it)[c], key, owner + " sampler " + std::to_string(c));
  });
}

/// The memory the accessors will cost once read (every element as 32-bit values), against the budget; an
/// accessor without a buffer view costs as much as one with (the spec fills it with zeros).
void checkAccessorBudget(const nlohmann::json& doc, LoadContext& ctx) {
  auto accessors = doc.find("accessors");
  if (accessors == doc.end()) return;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < accessors->size(); ++i) {
    const nlohmann::json& a = (*accessors)[i];
    auto count = a.find("count");
    if (count == a.end() || !count->is_number_unsigned()) continue;  // the parser names what is missing
    const std::uint64_t n = count->get<std::uint64_t>();
    if (n > ctx.limits.maxElements)
      throw core::Error(ctx.where, "accessor " + std::to_string(i) + " has " + std::to_string(n) +
                                       " elements, limit " + std::to_string(ctx.limits.maxElements));
    std::uint64_t components = 16;  // the largest type, MAT4, when the type is missing or unknown
    if (auto type = a.find("type"); type != a.end() && type->is_string()) {
      static const std::pair<const char*, int> kTypes[] = {{"SCALAR", 1}, {"VEC2", 2}, {"VEC3", 3}, {"VEC4", 4},
                                                           {"MAT2", 4},   {"MAT3", 9}, {"MAT4", 16}};
      for (const auto& [name, c] : kTypes)
        if (*type == name) components = std::uint64_t(c);
    }
    total += n * components * 4;  // n <= 2^26: no overflow over any realistic accessor count
    if (total > ctx.limits.maxMemoryBytes)
      throw core::Error(ctx.where, "accessors 0 to " + std::to_string(i) + " would take " +
                                       std::to_string(total >> 20) + " MiB, past the file's memory budget of " +
                                       std::to_string(ctx.limits.maxMemoryBytes >> 20) + " MiB");
  }
  ctx.budgetUsed = total;
}

/// Nesting depth first (our own scan, so the parser's recursion is bounded), then shape and URIs.
void precheckJson(std::string_view text, LoadContext& ctx) {
  guard::checkJsonDepth(text, ctx.limits.maxJsonDepth, ctx.where);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    // Drop the library's "[json.exception.parse_error.101] " tag; keep where and why.
    std::string why = e.what();
    if (const auto tag = why.find("] "); why.rfind("[json.exception", 0) == 0 && tag != std::string::npos)
      why.erase(0, tag + 2);
    throw core::Error(ctx.where, "invalid JSON: " + why);
  }
  if (!doc.is_object()) throw core::Error(ctx.where, "JSON root is not an object");
  for (const char* key : kTopLevelArrays) {
    auto it = doc.find(key);
    if (it == doc.end()) continue;
    if (!it->is_array()) throw core::Error(ctx.where, std::string("'") + key + "' is not an array");
    if (std::string_view(key).rfind("extensions", 0) == 0) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_object())
        throw core::Error(ctx.where,
                          std::string("'") + key + "' entry " + std::to_string(i) + " is not an object");
    }
  }
  auto asset = doc.find("asset");
  if (asset == doc.end() || !asset->is_object()) throw core::Error(ctx.where, "'asset' is missing");
  auto version = asset->find("version");
  if (version == asset->end() || !version->is_string())
    throw core::Error(ctx.where, "'asset.version' is missing");
  if (version->get<std::string>().rfind("2.", 0) != 0)
    throw core::Error(ctx.where,
                      "glTF version " + version->get<std::string>() + " is not supported, only 2.x");
  if (auto required = doc.find("extensionsRequired"); required != doc.end()) {
    // Extensions that change only the look can be ignored; any other changes what the data means.
    static const char* const kIgnorable[] = {"KHR_materials_unlit", "KHR_texture_transform",
                                             "KHR_materials_emissive_strength"};
    for (const auto& ext : *required) {
      if (!ext.is_string()) throw core::Error(ctx.where, "'extensionsRequired' holds a non-string");
      const std::string name = ext.get<std::string>();
      if (std::none_of(std::begin(kIgnorable), std::end(kIgnorable),
                       [&](const char* k) { return name == k; }))
        throw core::Error(ctx.where, "requires the extension " + name + ", which is not supported");
    }
  }
  checkSchema(doc, ctx);
  checkAccessorBudget(doc, ctx);
  checkImageViews(doc, ctx);
  for (const char* key : {"buffers", "images"}) {
    auto it = doc.find(key);
    if (it == doc.end()) continue;
    const std::string kind = std::string_view(key) == "buffers" ? "buffer " : "image ";
    for (std::size_t i = 0; i < it->size(); ++i) {
      auto uri = (*it)[i].find("uri");
      if (uri == (*it)[i].end()) continue;
      const std::string what = kind + std::to_string(i);
      if (!uri->is_string()) throw core::Error(ctx.where, what + " uri is not a string");
      const std::string& value = uri->get_ref<const std::string&>();
      if (value.rfind("data:", 0) == 0)
        guard::checkDataUri(value, what, ctx.where);
      else
        guard::checkRelativeUri(value, what, ctx.where);
    }
  }
}

// === Accessor reading

int componentCount(int type) {
  switch (type) {
    case TINYGLTF_TYPE_SCALAR:
      return 1;
    case TINYGLTF_TYPE_VEC2:
      return 2;
    case TINYGLTF_TYPE_VEC3:
      return 3;
    case TINYGLTF_TYPE_VEC4:
      return 4;
    case TINYGLTF_TYPE_MAT2:
      return 4;
    case TINYGLTF_TYPE_MAT3:
      return 9;
    case TINYGLTF_TYPE_MAT4:
      return 16;
    default:
      return 0;
  }
}

int componentBytes(int componentType) {
  switch (componentType) {
    case TINYGLTF_COMPONENT_TYPE_BYTE:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
      return 1;
    case TINYGLTF_COMPONENT_TYPE_SHORT:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
      return 2;
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
    case TINYGLTF_COMPONENT_TYPE_FLOAT:
      return 4;
    default:
      return 0;
  }
}

/// A checked window onto accessor data: every element it hands out lies inside its buffer.
struct AccessorView {
  const std::uint8_t* data = nullptr;  ///< null: all zeros (an accessor without a buffer view)
  std::size_t stride = 0;
  std::size_t count = 0;
  int componentType = 0;
  int components = 0;
  bool normalized = false;

  /// Component c of element i as float; normalised integers map to [0, 1] or [-1, 1].
  float get(std::size_t i, int c) const {
    if (data == nullptr) return 0.0f;
    const std::uint8_t* p = data + i * stride + std::size_t(c) * std::size_t(componentBytes(componentType));
    switch (componentType) {
      case TINYGLTF_COMPONENT_TYPE_FLOAT: {
        float f;
        std::memcpy(&f, p, 4);
        return f;
      }
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
        return normalized ? float(*p) / 255.0f : float(*p);
      case TINYGLTF_COMPONENT_TYPE_BYTE: {
        const auto v = static_cast<std::int8_t>(*p);
        return normalized ? std::max(float(v) / 127.0f, -1.0f) : float(v);
      }
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
        std::uint16_t v;
        std::memcpy(&v, p, 2);
        return normalized ? float(v) / 65535.0f : float(v);
      }
      case TINYGLTF_COMPONENT_TYPE_SHORT: {
        std::int16_t v;
        std::memcpy(&v, p, 2);
        return normalized ? std::max(float(v) / 32767.0f, -1.0f) : float(v);
      }
      default: {  // UNSIGNED_INT
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return float(v);
      }
    }
  }

  /// Element i of an unsigned integer scalar accessor (indices, sparse indices).
  std::uint32_t index(std::size_t i) const {
    if (data == nullptr) return 0;
    const std::uint8_t* p = data + i * stride;
    switch (componentType) {
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
        return *p;
      case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
        std::uint16_t v;
        std::memcpy(&v, p, 2);
        return v;
      }
      default: {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
      }
    }
  }
};

/// Converts a tinygltf model into ours, validating every index and range on the way.
class Converter {
public:
  /// With `problems`, every problem found is added there and the conversion goes on where it can;
  /// without, the first one is thrown.
  Converter(tinygltf::Model& in, const LoadContext& ctx, std::vector<core::Error>* problems = nullptr)
      : in_(in), ctx_(ctx), problems_(problems) {}

  Model run();

private:
  /// Runs one independent part of the conversion (an image, a material, a primitive ...). When collecting,
  /// its failure is recorded and false returned; otherwise it is thrown.
  template <typename Fn>
  bool attempt(Fn&& fn) const {
    try {
      return core::collectError(problems_, std::forward<Fn>(fn));
    } catch (const AlreadyReported&) {
      return false;
    }
  }
  /// Thrown, when collecting, by a part that cannot go on because of a problem already recorded.
  struct AlreadyReported {};

  [[noreturn]] void fail(const std::string& why) const { throw core::Error(ctx_.where, why); }

  void checkIndex(int index, std::size_t size, const std::string& owner, const char* what) const {
    if (index < 0 || std::size_t(index) >= size)
      fail(owner + " refers to " + what + " " + std::to_string(index) + ", which does not exist");
  }

  void checkBufferViews();
  /// A view of accessor `index` for `use`; `types` and `componentTypes` list what the use accepts.
  AccessorView view(int index, const std::string& use, std::initializer_list<int> types,
                    std::initializer_list<int> componentTypes) const;
  AccessorView rawView(int bufferView, std::size_t byteOffset, std::size_t count, int componentType,
                       int components, const std::string& what) const;
  /// Reads an accessor straight into elements of T (float, glm::vec2..4, glm::mat4), applying sparse
  /// substitution; `components` tells how many of T's floats the file gave (the rest stay 0).
  template <typename T>
  std::vector<T> read(int index, const std::string& use, std::initializer_list<int> types,
                      std::initializer_list<int> componentTypes, int& components,
                      bool integersNormalized = false) const {
    const AccessorView v = view(index, use, types, componentTypes);
    if (integersNormalized && v.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT && !v.normalized)
      fail("accessor " + std::to_string(index) + " for " + use + " has integers that are not normalized");
    constexpr std::size_t width = sizeof(T) / sizeof(float);
    if (std::size_t(v.components) > width)
      fail("accessor " + std::to_string(index) + " has too many components");
    components = v.components;
    std::vector<T> out(v.count, T(0.0f));
    fill(index, v, reinterpret_cast<float*>(out.data()), width);
    return out;
  }
  /// Writes the accessor's elements to dst, `width` floats apart.
  void fill(int index, const AccessorView& v, float* dst, std::size_t width) const;

  void convertImages(Model& out);
  void convertMaterials(Model& out) const;
  void convertMaterial(std::size_t i, const std::vector<bool>& textureOk, Model& out) const;
  void convertMeshes(Model& out) const;
  Primitive convertPrimitive(const tinygltf::Primitive& p, const std::string& owner, bool& drawable) const;
  void convertNodes(Model& out) const;
  void convertScene(Model& out) const;
  void convertSkins(Model& out) const;
  void convertAnimations(Model& out) const;
  void checkJoints(const Model& out) const;

  tinygltf::Model& in_;
  const LoadContext& ctx_;
  std::vector<core::Error>* problems_ = nullptr;
  std::vector<bool> viewOk_;  ///< per buffer view: passed checkBufferViews (a collecting run goes on past one)
};

void Converter::checkBufferViews() {
  viewOk_.assign(in_.bufferViews.size(), false);
  for (std::size_t i = 0; i < in_.bufferViews.size(); ++i) {
    viewOk_[i] = attempt([&] {
      const tinygltf::BufferView& v = in_.bufferViews[i];
      const std::string owner = "buffer view " + std::to_string(i);
      checkIndex(v.buffer, in_.buffers.size(), owner, "buffer");
      std::uint64_t end = 0;
      if (addOver(v.byteOffset, v.byteLength, end) || end > in_.buffers[std::size_t(v.buffer)].data.size())
        fail(owner + " reaches past the end of buffer " + std::to_string(v.buffer));
      if (v.byteStride != 0 && (v.byteStride < 4 || v.byteStride > 252 || v.byteStride % 4 != 0))
        fail(owner + " has an invalid byteStride " + std::to_string(v.byteStride));
    });
  }
}

AccessorView Converter::rawView(int bufferView, std::size_t byteOffset, std::size_t count, int componentType,
                                int components, const std::string& what) const {
  AccessorView v;
  v.componentType = componentType;
  v.components = components;
  v.count = count;
  const int cb = componentBytes(componentType);
  if (cb == 0) fail(what + " has an invalid componentType " + std::to_string(componentType));
  if (count > ctx_.limits.maxElements)
    fail(what + " has " + std::to_string(count) + " elements, limit " +
         std::to_string(ctx_.limits.maxElements));
  const std::uint64_t elementBytes = std::uint64_t(cb) * std::uint64_t(components);
  if (bufferView < 0) {
    v.stride = elementBytes;
    return v;  // zeros
  }
  checkIndex(bufferView, in_.bufferViews.size(), what, "buffer view");
  if (!viewOk_[std::size_t(bufferView)]) throw AlreadyReported{};  // the view's own problem says it
  const tinygltf::BufferView& bv = in_.bufferViews[std::size_t(bufferView)];
  const std::uint64_t stride = bv.byteStride != 0 ? bv.byteStride : elementBytes;
  if (stride < elementBytes) fail(what + " has elements larger than the byteStride of its buffer view");
  if (byteOffset % std::size_t(cb) != 0 || stride % std::uint64_t(cb) != 0)
    fail(what + " is not aligned to its component size");
  std::uint64_t span = 0, end = 0;
  if (count > 0 && (mulOver(stride, count - 1, span) || addOver(span, elementBytes, span) ||
                    addOver(span, byteOffset, end) || end > bv.byteLength))
    fail(what + " reads past the end of buffer view " + std::to_string(bufferView));
  if (count == 0 && byteOffset > bv.byteLength)
    fail(what + " starts past the end of buffer view " + std::to_string(bufferView));
  v.data = in_.buffers[std::size_t(bv.buffer)].data.data() + bv.byteOffset + byteOffset;
  v.stride = static_cast<std::size_t>(stride);
  return v;
}

AccessorView Converter::view(int index, const std::string& use, std::initializer_list<int> types,
                             std::initializer_list<int> componentTypes) const {
  checkIndex(index, in_.accessors.size(), use, "accessor");
  const tinygltf::Accessor& a = in_.accessors[std::size_t(index)];
  const std::string what = "accessor " + std::to_string(index);
  if (std::find(types.begin(), types.end(), a.type) == types.end())
    fail(what + " has the wrong type for " + use);
  if (std::find(componentTypes.begin(), componentTypes.end(), a.componentType) == componentTypes.end())
    fail(what + " has the wrong component type for " + use);
  if (a.count == 0) fail(what + " has a count of 0");
  AccessorView v =
      rawView(a.bufferView, a.byteOffset, a.count, a.componentType, componentCount(a.type), what);
  v.normalized = a.normalized;
  return v;
}

void Converter::fill(int index, const AccessorView& v, float* dst, std::size_t width) const {
  const auto comps = std::size_t(v.components);
  if (v.data != nullptr && v.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT && v.stride == comps * 4 &&
      width == comps) {
    std::memcpy(dst, v.data, v.count * comps * sizeof(float));  // the common, tightly packed case
  } else if (v.data != nullptr) {
    for (std::size_t i = 0; i < v.count; ++i)
      for (std::size_t c = 0; c < comps; ++c) dst[i * width + c] = v.get(i, int(c));
  }
  const tinygltf::Accessor& a = in_.accessors[std::size_t(index)];
  if (a.sparse.isSparse) {
    const std::string what = "sparse part of accessor " + std::to_string(index);
    if (a.sparse.count <= 0 || std::size_t(a.sparse.count) > a.count)
      fail(what + " has an invalid count " + std::to_string(a.sparse.count));
    if (a.sparse.indices.byteOffset < 0 || a.sparse.values.byteOffset < 0)
      fail(what + " has a negative byteOffset");
    const int ict = a.sparse.indices.componentType;
    if (ict != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE && ict != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
        ict != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)
      fail(what + " has an invalid index component type");
    const auto n = std::size_t(a.sparse.count);
    if (a.sparse.indices.bufferView < 0 || a.sparse.values.bufferView < 0)
      fail(what + " lacks a buffer view");
    // Sparse data is tightly packed regardless of the views' byteStride.
    AccessorView idx = rawView(a.sparse.indices.bufferView, std::size_t(a.sparse.indices.byteOffset), n, ict,
                               1, what + " indices");
    idx.stride = std::size_t(componentBytes(ict));
    AccessorView val = rawView(a.sparse.values.bufferView, std::size_t(a.sparse.values.byteOffset), n,
                               a.componentType, v.components, what + " values");
    val.stride = std::size_t(componentBytes(a.componentType)) * std::size_t(v.components);
    val.normalized = a.normalized;
    // Re-check with the packed strides, which may differ from the views' strides checked above.
    const tinygltf::BufferView& ib = in_.bufferViews[std::size_t(a.sparse.indices.bufferView)];
    const tinygltf::BufferView& vb = in_.bufferViews[std::size_t(a.sparse.values.bufferView)];
    if (std::uint64_t(a.sparse.indices.byteOffset) + idx.stride * n > ib.byteLength ||
        std::uint64_t(a.sparse.values.byteOffset) + val.stride * n > vb.byteLength)
      fail(what + " reads past the end of its buffer view");
    std::uint32_t previous = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t target = idx.index(k);
      if (target >= a.count) fail(what + " has index " + std::to_string(target) + " past the accessor's end");
      if (k > 0 && target <= previous) fail(what + " indices are not strictly increasing");
      previous = target;
      for (int c = 0; c < v.components; ++c)
        dst[std::size_t(target) * width + std::size_t(c)] = val.get(k, c);
    }
  }
}

constexpr int kFloat = TINYGLTF_COMPONENT_TYPE_FLOAT;
constexpr int kU8 = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
constexpr int kU16 = TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
constexpr int kU32 = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
constexpr int kI8 = TINYGLTF_COMPONENT_TYPE_BYTE;
constexpr int kI16 = TINYGLTF_COMPONENT_TYPE_SHORT;

std::map<std::string, std::string> stringExtras(const tinygltf::Value& extras) {
  std::map<std::string, std::string> out;
  if (!extras.IsObject()) return out;
  for (const std::string& key : extras.Keys()) {
    const tinygltf::Value& v = extras.Get(key);
    if (v.IsString()) out.emplace(key, v.Get<std::string>());
  }
  return out;
}

/// Smooth normals: each triangle adds its unnormalised face normal (length = twice its area) to its corners.
std::vector<glm::vec3> generateNormals(const std::vector<glm::vec3>& positions,
                                       const std::vector<std::uint32_t>& indices) {
  std::vector<glm::vec3> normals(positions.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const std::uint32_t a = indices[t], b = indices[t + 1], c = indices[t + 2];
    const glm::vec3 n = glm::cross(positions[b] - positions[a], positions[c] - positions[a]);
    normals[a] += n;
    normals[b] += n;
    normals[c] += n;
  }
  for (glm::vec3& n : normals) {
    const float len = glm::length(n);
    n = len > 0.0f && std::isfinite(len) ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
  return normals;
}

void Converter::convertImages(Model& out) {
  out.images.reserve(in_.images.size());
  for (std::size_t i = 0; i < in_.images.size(); ++i) {
    tinygltf::Image& src = in_.images[i];
    Image img;
    if (!attempt([&] {
          const std::string what = "image " + std::to_string(i);
          if (src.image.empty()) fail(what + " could not be loaded");
          img.rgba = decodeImage(src, what, ctx_.where);
          std::vector<unsigned char>().swap(src.image);  // the encoded bytes are no longer needed
        })) {
      out.images.push_back(std::move(img));  // keeps the later images' numbers
      continue;
    }
    img.name = src.name;
    img.width = src.width;
    img.height = src.height;
    out.images.push_back(std::move(img));
  }
}

void Converter::convertMaterials(Model& out) const {
  std::vector<bool> textureOk(in_.textures.size(), false);
  for (std::size_t i = 0; i < in_.textures.size(); ++i) {
    textureOk[i] = attempt([&] {
      const int source = in_.textures[i].source;
      if (source != -1) checkIndex(source, in_.images.size(), "texture " + std::to_string(i), "image");
      if (in_.textures[i].sampler != -1)
        checkIndex(in_.textures[i].sampler, in_.samplers.size(), "texture " + std::to_string(i), "sampler");
    });
  }
  out.materials.reserve(in_.materials.size());
  for (std::size_t i = 0; i < in_.materials.size(); ++i) {
    if (!attempt([&] { convertMaterial(i, textureOk, out); }))
      out.materials.emplace_back();  // keeps the later materials' numbers
  }
}

void Converter::convertMaterial(std::size_t i, const std::vector<bool>& textureOk, Model& out) const {
  const tinygltf::Material& src = in_.materials[i];
  const std::string owner = "material " + std::to_string(i);
  Material m;
  m.name = src.name;
  const auto& pbr = src.pbrMetallicRoughness;
  if (pbr.baseColorFactor.size() == 4)
    m.baseColorFactor = glm::vec4(float(pbr.baseColorFactor[0]), float(pbr.baseColorFactor[1]),
                                  float(pbr.baseColorFactor[2]), float(pbr.baseColorFactor[3]));
  if (pbr.baseColorTexture.index != -1) {
    checkIndex(pbr.baseColorTexture.index, in_.textures.size(), owner, "texture");
    if (textureOk[std::size_t(pbr.baseColorTexture.index)])
      m.baseColorImage = in_.textures[std::size_t(pbr.baseColorTexture.index)].source;
  }
  for (const auto* info : {&src.normalTexture.index, &src.occlusionTexture.index,
                           &src.emissiveTexture.index, &pbr.metallicRoughnessTexture.index})
    if (*info != -1) checkIndex(*info, in_.textures.size(), owner, "texture");
  m.metallic = float(pbr.metallicFactor);
  m.roughness = float(pbr.roughnessFactor);
  m.doubleSided = src.doubleSided;
  m.blend = src.alphaMode == "BLEND";
  if (!core::allFinite(m.baseColorFactor.x, m.baseColorFactor.y, m.baseColorFactor.z, m.baseColorFactor.w,
                       m.metallic, m.roughness))
    fail(owner + " has a factor that is not a finite number");
  out.materials.push_back(std::move(m));
}

Primitive Converter::convertPrimitive(const tinygltf::Primitive& p, const std::string& owner,
                                      bool& drawable) const {
  Primitive out;
  drawable = false;
  const int mode = p.mode < 0 ? TINYGLTF_MODE_TRIANGLES : p.mode;
  if (mode > TINYGLTF_MODE_TRIANGLE_FAN) fail(owner + " has an unknown mode " + std::to_string(mode));
  if (p.material != -1) checkIndex(p.material, in_.materials.size(), owner, "material");
  out.material = p.material;
  for (const auto& [name, accessor] : p.attributes)
    checkIndex(accessor, in_.accessors.size(), owner + " attribute " + name, "accessor");
  const auto attribute = [&](const char* name) {
    auto it = p.attributes.find(name);
    return it == p.attributes.end() ? -1 : it->second;
  };
  const int positionAccessor = attribute("POSITION");
  // Points and lines have no surface to show; a primitive without positions has nothing to draw.
  if (mode < TINYGLTF_MODE_TRIANGLES || positionAccessor < 0) return out;

  int comps = 0;
  out.positions =
      read<glm::vec3>(positionAccessor, owner + " POSITION", {TINYGLTF_TYPE_VEC3}, {kFloat}, comps);
  const std::size_t n = out.positions.size();
  for (std::size_t i = 0; i < n; ++i) {
    const glm::vec3& q = out.positions[i];
    if (!core::allFinite(q.x, q.y, q.z))
      fail(owner + " has a position that is not a finite number (vertex " + std::to_string(i) + ")");
  }
  const auto checkCount = [&](std::size_t count, const char* name) {
    if (count != n)
      fail(owner + " has " + std::to_string(count) + " " + name + " values for " + std::to_string(n) +
           " positions");
  };
  if (int a = attribute("NORMAL"); a >= 0) {
    out.normals = read<glm::vec3>(a, owner + " NORMAL", {TINYGLTF_TYPE_VEC3}, {kFloat}, comps);
    checkCount(out.normals.size(), "NORMAL");
  }
  if (int a = attribute("TEXCOORD_0"); a >= 0) {
    out.uvs = read<glm::vec2>(a, owner + " TEXCOORD_0", {TINYGLTF_TYPE_VEC2}, {kFloat, kU8, kU16}, comps, true);
    checkCount(out.uvs.size(), "TEXCOORD_0");
  }
  if (int a = attribute("COLOR_0"); a >= 0) {
    out.colors = read<glm::vec4>(a, owner + " COLOR_0", {TINYGLTF_TYPE_VEC3, TINYGLTF_TYPE_VEC4},
                                 {kFloat, kU8, kU16}, comps, true);
    if (comps == 3)
      for (glm::vec4& c : out.colors) c.w = 1.0f;
    checkCount(out.colors.size(), "COLOR_0");
  }
  if (int a = attribute("_FIBRE"); a >= 0) {
    out.fibres = read<glm::vec3>(a, owner + " _FIBRE", {TINYGLTF_TYPE_VEC3}, {kFloat}, comps);
    checkCount(out.fibres.size(), "_FIBRE");
  }
  if (int a = attribute("_TENDON"); a >= 0) {
    out.tendon = read<float>(a, owner + " _TENDON", {TINYGLTF_TYPE_SCALAR}, {kFloat}, comps);
    checkCount(out.tendon.size(), "_TENDON");
  }
  const int jointsAccessor = attribute("JOINTS_0");
  const int weightsAccessor = attribute("WEIGHTS_0");
  if ((jointsAccessor >= 0) != (weightsAccessor >= 0))
    fail(owner + " has JOINTS_0 or WEIGHTS_0 without the other");
  if (jointsAccessor >= 0) {
    const auto joints =
        read<glm::vec4>(jointsAccessor, owner + " JOINTS_0", {TINYGLTF_TYPE_VEC4}, {kU8, kU16}, comps);
    out.joints.assign(joints.begin(), joints.end());  // u8/u16 values are exact in float
    checkCount(out.joints.size(), "JOINTS_0");
    out.weights = read<glm::vec4>(weightsAccessor, owner + " WEIGHTS_0", {TINYGLTF_TYPE_VEC4},
                                  {kFloat, kU8, kU16}, comps, true);
    checkCount(out.weights.size(), "WEIGHTS_0");
    for (std::size_t i = 0; i < n; ++i) {
      glm::vec4& w = out.weights[i];
      if (!core::allFinite(w.x, w.y, w.z, w.w) || w.x < 0.0f || w.y < 0.0f || w.z < 0.0f || w.w < 0.0f)
        fail(owner + " has a skin weight that is negative or not a number (vertex " + std::to_string(i) +
             ")");
      const float sum = w.x + w.y + w.z + w.w;
      // Exporters of 2017 wrote sums a little off 1; skinning needs exactly 1 or vertices drift.
      if (sum <= 0.0f)
        w = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
      else if (std::abs(sum - 1.0f) > 1e-6f)
        w /= sum;
    }
  }

  std::vector<std::uint32_t> source;
  if (p.indices >= 0) {
    const AccessorView iv = view(p.indices, owner + " indices", {TINYGLTF_TYPE_SCALAR}, {kU8, kU16, kU32});
    if (in_.accessors[std::size_t(p.indices)].sparse.isSparse)
      fail(owner + " has sparse indices, not supported");
    if (iv.data == nullptr) fail(owner + " indices have no buffer view");
    source.resize(iv.count);
    for (std::size_t i = 0; i < iv.count; ++i) {
      source[i] = iv.index(i);
      if (source[i] >= n)
        fail(owner + " has index " + std::to_string(source[i]) + " at position " + std::to_string(i) +
             ", not below its vertex count " + std::to_string(n));
    }
  } else {
    source.resize(n);
    for (std::size_t i = 0; i < n; ++i) source[i] = static_cast<std::uint32_t>(i);
  }
  if (mode == TINYGLTF_MODE_TRIANGLES) {
    if (source.size() % 3 != 0)
      fail(owner + " has " + std::to_string(source.size()) + " triangle indices, not a multiple of 3");
    out.indices = std::move(source);
  } else if (source.size() >= 3) {
    out.indices.reserve((source.size() - 2) * 3);
    for (std::size_t i = 0; i + 2 < source.size(); ++i) {
      if (mode == TINYGLTF_MODE_TRIANGLE_STRIP) {
        // Every other strip triangle is flipped so all keep the first one's winding.
        const bool odd = (i % 2) == 1;
        out.indices.insert(out.indices.end(),
                           {source[odd ? i + 1 : i], source[odd ? i : i + 1], source[i + 2]});
      } else {
        out.indices.insert(out.indices.end(), {source[0], source[i + 1], source[i + 2]});
      }
    }
  }
  if (out.normals.empty()) out.normals = generateNormals(out.positions, out.indices);
  drawable = true;
  return out;
}

void Converter::convertMeshes(Model& out) const {
  out.meshes.reserve(in_.meshes.size());
  for (std::size_t m = 0; m < in_.meshes.size(); ++m) {
    const tinygltf::Mesh& src = in_.meshes[m];
    Mesh mesh;
    mesh.name = src.name;
    mesh.extras = stringExtras(src.extras);
    for (std::size_t i = 0; i < src.primitives.size(); ++i) {
      attempt([&] {
        bool drawable = false;
        Primitive prim = convertPrimitive(
            src.primitives[i], "primitive " + std::to_string(i) + " of mesh " + std::to_string(m), drawable);
        if (drawable) mesh.primitives.push_back(std::move(prim));
      });
    }
    out.meshes.push_back(std::move(mesh));
  }
}

void Converter::convertNodes(Model& out) const {
  const std::size_t count = in_.nodes.size();
  out.nodes.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const tinygltf::Node& src = in_.nodes[i];
    Node& node = out.nodes[i];
    const std::string owner = "node " + std::to_string(i);
    node.name = src.name;
    node.extras = stringExtras(src.extras);
    if (src.mesh != -1) checkIndex(src.mesh, in_.meshes.size(), owner, "mesh");
    if (src.skin != -1) checkIndex(src.skin, in_.skins.size(), owner, "skin");
    if (src.skin != -1 && src.mesh == -1) fail(owner + " has a skin but no mesh");
    node.mesh = src.mesh;
    node.skin = src.skin;
    const auto finite = [&](const std::vector<double>& v, std::size_t size, const char* what) {
      if (v.empty()) return false;
      if (v.size() != size) fail(owner + " " + what + " has " + std::to_string(v.size()) + " numbers");
      for (double d : v)
        if (!std::isfinite(d)) fail(owner + " " + what + " is not finite");
      return true;
    };
    if (finite(src.matrix, 16, "matrix")) {
      glm::mat4 mat;
      for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) mat[c][r] = float(src.matrix[std::size_t(c * 4 + r)]);
      node.matrix = mat;
    }
    if (finite(src.translation, 3, "translation"))
      node.translation =
          glm::vec3(float(src.translation[0]), float(src.translation[1]), float(src.translation[2]));
    if (finite(src.rotation, 4, "rotation")) {
      glm::quat q(float(src.rotation[3]), float(src.rotation[0]), float(src.rotation[1]),
                  float(src.rotation[2]));
      const float len = glm::length(q);
      if (!(len > 1e-6f)) fail(owner + " rotation is not a valid quaternion");
      node.rotation = q / len;
    }
    if (finite(src.scale, 3, "scale"))
      node.scale = glm::vec3(float(src.scale[0]), float(src.scale[1]), float(src.scale[2]));
    for (int child : src.children) {
      checkIndex(child, count, owner + " children", "node");
      if (std::size_t(child) == i) fail(owner + " is its own child");
      Node& c = out.nodes[std::size_t(child)];
      if (c.parent == int(i)) fail(owner + " lists child " + std::to_string(child) + " twice");
      if (c.parent != -1)
        fail("node " + std::to_string(child) + " has two parents (nodes " + std::to_string(c.parent) +
             " and " + std::to_string(i) + ")");
      c.parent = int(i);
      node.children.push_back(child);
    }
  }
  // With one parent each, a node unreachable from the parentless ones lies on a cycle.
  std::vector<char> reached(count, 0);
  std::vector<int> stack;
  for (std::size_t i = 0; i < count; ++i)
    if (out.nodes[i].parent == -1) stack.push_back(int(i));
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    reached[std::size_t(n)] = 1;
    for (int c : out.nodes[std::size_t(n)].children) stack.push_back(c);
  }
  for (std::size_t i = 0; i < count; ++i)
    if (!reached[i]) fail("node " + std::to_string(i) + " is its own ancestor");
}

void Converter::convertScene(Model& out) const {
  for (std::size_t s = 0; s < in_.scenes.size(); ++s)
    for (int n : in_.scenes[s].nodes) {
      checkIndex(n, out.nodes.size(), "scene " + std::to_string(s), "node");
      if (out.nodes[std::size_t(n)].parent != -1)
        fail("scene " + std::to_string(s) + " lists node " + std::to_string(n) + ", which has a parent");
    }
  int scene = in_.defaultScene;
  if (scene != -1) checkIndex(scene, in_.scenes.size(), "the default scene", "scene");
  if (scene == -1 && !in_.scenes.empty()) scene = 0;
  if (scene != -1) {
    out.roots = in_.scenes[std::size_t(scene)].nodes;
  } else {
    for (std::size_t i = 0; i < out.nodes.size(); ++i)
      if (out.nodes[i].parent == -1) out.roots.push_back(int(i));
  }
}

void Converter::convertSkins(Model& out) const {
  out.skins.reserve(in_.skins.size());
  for (std::size_t s = 0; s < in_.skins.size(); ++s) {
    const tinygltf::Skin& src = in_.skins[s];
    const std::string owner = "skin " + std::to_string(s);
    Skin skin;
    skin.name = src.name;
    if (src.joints.empty()) fail(owner + " has no joints");
    for (int j : src.joints) checkIndex(j, out.nodes.size(), owner + " joints", "node");
    skin.joints = src.joints;
    if (src.skeleton != -1) checkIndex(src.skeleton, out.nodes.size(), owner, "node");
    skin.skeleton = src.skeleton;
    if (src.inverseBindMatrices >= 0) {
      int comps = 0;
      skin.inverseBind = read<glm::mat4>(src.inverseBindMatrices, owner + " inverseBindMatrices",
                                         {TINYGLTF_TYPE_MAT4}, {kFloat}, comps);
      if (skin.inverseBind.size() < skin.joints.size())
        fail(owner + " has " + std::to_string(skin.inverseBind.size()) + " inverse bind matrices for " +
             std::to_string(skin.joints.size()) + " joints");
      skin.inverseBind.resize(skin.joints.size());
      for (std::size_t j = 0; j < skin.joints.size(); ++j)
        for (int k = 0; k < 16; ++k)
          if (!std::isfinite(skin.inverseBind[j][k / 4][k % 4]))
            fail(owner + " inverse bind matrix " + std::to_string(j) + " is not finite");
    } else {
      skin.inverseBind.assign(skin.joints.size(), glm::mat4(1.0f));
    }
    out.skins.push_back(std::move(skin));
  }
}

void Converter::convertAnimations(Model& out) const {
  out.animations.reserve(in_.animations.size());
  for (std::size_t a = 0; a < in_.animations.size(); ++a) {
    const tinygltf::Animation& src = in_.animations[a];
    Animation anim;
    anim.name = src.name;
    for (std::size_t c = 0; c < src.channels.size(); ++c) {
      const tinygltf::AnimationChannel& ch = src.channels[c];
      const std::string owner = "channel " + std::to_string(c) + " of animation " + std::to_string(a);
      checkIndex(ch.sampler, src.samplers.size(), owner, "sampler");
      if (ch.target_path == "weights") continue;  // morph targets are not drawn
      AnimChannel out;
      if (ch.target_path == "translation")
        out.path = AnimPath::Translation;
      else if (ch.target_path == "rotation")
        out.path = AnimPath::Rotation;
      else if (ch.target_path == "scale")
        out.path = AnimPath::Scale;
      else
        fail(owner + " has an unknown path '" + ch.target_path + "'");
      if (ch.target_node < 0) continue;  // targets defined by extensions only
      checkIndex(ch.target_node, in_.nodes.size(), owner, "node");
      out.node = ch.target_node;
      const tinygltf::AnimationSampler& sampler = src.samplers[std::size_t(ch.sampler)];
      const std::string sowner =
          "sampler " + std::to_string(ch.sampler) + " of animation " + std::to_string(a);
      if (sampler.interpolation == "STEP")
        out.interpolation = Interpolation::Step;
      else if (sampler.interpolation == "CUBICSPLINE")
        out.interpolation = Interpolation::CubicSpline;
      else if (sampler.interpolation.empty() || sampler.interpolation == "LINEAR")
        out.interpolation = Interpolation::Linear;
      else
        fail(sowner + " has an unknown interpolation '" + sampler.interpolation + "'");
      int comps = 0;
      out.times = read<float>(sampler.input, sowner + " input", {TINYGLTF_TYPE_SCALAR}, {kFloat}, comps);
      for (std::size_t k = 0; k < out.times.size(); ++k) {
        if (!std::isfinite(out.times[k]) || out.times[k] < 0.0f)
          fail(sowner + " has a key time that is negative or not finite");
        if (k > 0 && !(out.times[k] > out.times[k - 1])) fail(sowner + " key times do not increase");
      }
      const bool rotation = out.path == AnimPath::Rotation;
      out.values = read<glm::vec4>(sampler.output, sowner + " output",
                                   {rotation ? TINYGLTF_TYPE_VEC4 : TINYGLTF_TYPE_VEC3},
                                   rotation ? std::initializer_list<int>{kFloat, kI8, kU8, kI16, kU16}
                                            : std::initializer_list<int>{kFloat},
                                   comps);
      const std::size_t perKey = out.interpolation == Interpolation::CubicSpline ? 3 : 1;
      if (out.values.size() != out.times.size() * perKey)
        fail(sowner + " has " + std::to_string(out.values.size()) + " output values for " +
             std::to_string(out.times.size()) + " key times");
      for (const glm::vec4& v : out.values)
        if (!core::allFinite(v.x, v.y, v.z, v.w)) fail(sowner + " has an output value that is not finite");
      anim.duration = std::max(anim.duration, out.times.back());
      anim.channels.push_back(std::move(out));
    }
    out.animations.push_back(std::move(anim));
  }
}

/// Joint indices must fall inside the skin of every node that draws the mesh.
void Converter::checkJoints(const Model& out) const {
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    const Node& node = out.nodes[i];
    if (node.mesh < 0) continue;
    const std::size_t jointCount = node.skin >= 0 ? out.skins[std::size_t(node.skin)].joints.size() : 0;
    for (const Primitive& p : out.meshes[std::size_t(node.mesh)].primitives) {
      if (node.skin < 0) continue;
      for (std::size_t v = 0; v < p.joints.size(); ++v)
        for (int c = 0; c < 4; ++c)
          if (p.joints[v][c] >= jointCount && p.weights[v][c] > 0.0f)
            fail("mesh " + std::to_string(node.mesh) + " uses joint " + std::to_string(p.joints[v][c]) +
                 " but skin " + std::to_string(node.skin) + " has " + std::to_string(jointCount) + " joints");
    }
  }
}

Model Converter::run() {
  Model out;
  out.source = ctx_.where;
  checkBufferViews();
  convertImages(out);
  convertMaterials(out);
  convertMeshes(out);
  // The node graph, then what hangs on it: each step needs the ones before it whole, so a collecting run
  // stops at the first that fails.
  attempt([&] { convertNodes(out); }) && attempt([&] { convertScene(out); }) &&
      attempt([&] { convertSkins(out); }) && attempt([&] { convertAnimations(out); }) &&
      attempt([&] { checkJoints(out); });
  if (problems_ != nullptr && !problems_->empty()) return out;
  // Joint slots with zero weight may hold any number; point them at joint 0 so a shader never indexes past
  // the joint array.
  for (Node& node : out.nodes) {
    if (node.mesh < 0 || node.skin < 0) continue;
    const std::size_t jointCount = out.skins[std::size_t(node.skin)].joints.size();
    for (Primitive& p : out.meshes[std::size_t(node.mesh)].primitives)
      for (glm::u16vec4& j : p.joints)
        for (int c = 0; c < 4; ++c)
          if (j[c] >= jointCount) j[c] = 0;
  }
  // Roles: a node's name says more than its mesh's (atlases name nodes, exporters name meshes "Mesh.001").
  out.roles.resize(out.meshes.size());
  std::vector<std::string> nodeNames(out.meshes.size());
  for (const Node& node : out.nodes)
    if (node.mesh >= 0 && nodeNames[std::size_t(node.mesh)].empty())
      nodeNames[std::size_t(node.mesh)] = node.name;
  for (std::size_t m = 0; m < out.meshes.size(); ++m) {
    MeshRole& role = out.roles[m];
    for (const std::string* name : {&nodeNames[m], &out.meshes[m].name}) {
      if (!role.muscle.valid()) role.muscle = recognizeMuscle(*name);
      if (role.tissue == TissueKind::Other) role.tissue = recognizeTissue(*name);
    }
    if (role.muscle.valid()) role.tissue = muscleInfo(role.muscle.kind).tissue;
  }
  return out;
}

std::string oneLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

Model loadChecked(const fs::path& file, const LoadLimits& limits, std::vector<core::Error>* problems) {
  LoadContext ctx;
  ctx.where = file.string();
  ctx.limits = limits;
  const Bytes bytes = core::readFile(file, static_cast<std::size_t>(limits.maxFileBytes));
  if (bytes.empty()) throw core::Error(ctx.where, "file is empty");
  std::error_code ec;
  ctx.folder = fs::canonical(fs::absolute(file, ec).parent_path(), ec);
  if (ec) throw core::Error(ctx.where, "cannot resolve the model's folder");

  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  const bool glb =
      ext == ".glb" || (ext != ".gltf" && bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0);

  tinygltf::Model parsed;
  ctx.model = &parsed;
  tinygltf::TinyGLTF parser;
  parser.SetFsCallbacks({&fileExists, &expandFilePath, &readWholeFile, &writeWholeFile, &ctx});
  parser.SetImageLoader(&loadImage, &ctx);
  std::string err, warn;
  bool ok = false;
  try {
    if (glb) {
      const guard::GlbChunks chunks = guard::checkGlb(bytes, ctx.where);
      precheckJson(chunks.json, ctx);
      ok = parser.LoadBinaryFromMemory(&parsed, &err, &warn, bytes.data(),
                                       static_cast<unsigned>(bytes.size()), ctx.folder.string());
    } else {
      const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      precheckJson(text, ctx);
      ok = parser.LoadASCIIFromString(&parsed, &err, &warn, text.data(), static_cast<unsigned>(text.size()),
                                      ctx.folder.string());
    }
  } catch (const core::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Error(ctx.where, std::string("glTF parser failed: ") + e.what());
  }
  if (!ctx.failure.empty()) throw core::Error(ctx.where, ctx.failure);
  // The parser calls a skin's inverseBindMatrices required, though glTF makes it optional (identities when
  // absent); it still parses the skin, and only says so in `err`. That complaint is dropped.
  for (const std::string_view missing : {"'inverseBindMatrices' property is missing in Skin.\n"}) {
    for (auto at = err.find(missing); at != std::string::npos; at = err.find(missing)) err.erase(at, missing.size());
  }
  if (!ok || !err.empty()) {
    const std::string first = oneLine(err.substr(0, err.find('\n')));
    throw core::Error(ctx.where,
                      "glTF parser: " + (first.empty() ? std::string("failed without a reason") : first));
  }
  return Converter(parsed, ctx, problems).run();
}

}  // namespace

Model loadGltf(const std::filesystem::path& file, const LoadLimits& limits) {
  try {
    return loadChecked(file, limits, nullptr);
  } catch (const core::Error& e) {
    // Reasons may quote file content; keep the promise of one line per error.
    throw core::Error(file.string(), oneLine(e.message()));
  } catch (const std::bad_alloc&) {
    throw core::Error(file.string(), "out of memory while loading");
  }
}

std::vector<core::Error> gltfProblems(const std::filesystem::path& file, const LoadLimits& limits, Model* model) {
  std::vector<core::Error> problems;
  try {
    Model loaded = loadChecked(file, limits, &problems);
    if (problems.empty() && model != nullptr) *model = std::move(loaded);
  } catch (const core::Error& e) {
    problems.push_back(e);  // the file could not be read or parsed: nothing further to check
  } catch (const std::bad_alloc&) {
    problems.emplace_back(file.string(), "out of memory while loading");
  }
  for (core::Error& e : problems) e = core::Error(file.string(), oneLine(e.message()));
  return problems;
}

}  // namespace myo::scene
