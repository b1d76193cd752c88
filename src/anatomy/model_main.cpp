// anatomy/model_main.cpp: `myorelease-model --out FILE` writes the generated anatomical model.
#include <chrono>
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anatomy/generator.hpp"
#include "anatomy/glb_writer.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Generates MyoRelease's anatomical model of the upper body (binary glTF) from the reference "
               "landmarks.",
               "myorelease-model"};
  std::string out;
  app.add_option("--out", out, "GLB file to write (e.g. assets/upper_body.glb)")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::fprintf(stderr, "myorelease-model: error: %s: %s\n", e.get_name().c_str(), e.what());
    return 2;
  }
  try {
    auto start = std::chrono::steady_clock::now();
    myo::anatomy::AnatomyModel model = myo::anatomy::generateModel();
    myo::anatomy::writeGlb(model, out);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{}: {} meshes, {} triangles, {} joints in {:.2f} s\n", out, model.meshes.size(),
               model.triangleCount(), model.joints.size(), seconds);
  } catch (const myo::core::Error& e) {
    std::fprintf(stderr, "myorelease-model: error: %s: %s\n", e.where().c_str(), e.message().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "myorelease-model: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
