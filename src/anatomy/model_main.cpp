// anatomy/model_main.cpp: `myorelease-model --out FILE` writes the generated anatomical model.
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anatomy/generator.hpp"
#include "anatomy/glb_writer.hpp"
#include "anatomy/timing.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Generates MyoRelease's anatomical model of the upper body (binary glTF) from the reference "
               "landmarks.",
               "myorelease-model"};
  std::string out;
  app.add_option("--out", out, "GLB file to write (e.g. assets/upper_body.glb)")->required();
  bool timings = false;
  app.add_flag("--timings", timings,
               "Print the wall time of each stage (skin, each bone and muscle, weights, GLB writing); stages on "
               "worker threads overlap, so they add up to more than the total");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::fprintf(stderr, "myorelease-model: error: %s: %s\n", e.get_name().c_str(), e.what());
    return 2;
  }
  try {
    myo::anatomy::enableStageTimings(timings);
    auto start = std::chrono::steady_clock::now();
    myo::anatomy::AnatomyModel model = myo::anatomy::generateModel();
    auto generated = std::chrono::steady_clock::now();
    myo::anatomy::writeGlb(model, out);
    auto end = std::chrono::steady_clock::now();
    double seconds = std::chrono::duration<double>(end - start).count();
    if (timings) {
      myo::anatomy::recordStage("generate (all)", std::chrono::duration<double>(generated - start).count());
      myo::anatomy::recordStage("GLB writing", std::chrono::duration<double>(end - generated).count());
      // Per-mesh weight stages are summed by tissue; everything else is listed as it finished.
      std::map<std::string, std::pair<double, int>> weights;
      for (const myo::anatomy::StageTime& s : myo::anatomy::stageTimings()) {
        if (s.stage.starts_with("weights ") && !s.stage.ends_with("(all)")) {
          const std::string& name = s.stage;
          std::string group = name.starts_with("weights bone_") ? "weights, bones"
                              : name == "weights skin"          ? "weights, skin"
                                                                : "weights, muscles";
          weights[group].first += s.seconds;
          weights[group].second += 1;
          continue;
        }
        fmt::print("{:8.3f} s  {}\n", s.seconds, s.stage);
      }
      for (const auto& [group, sum] : weights) fmt::print("{:8.3f} s  {} ({} meshes)\n", sum.first, group, sum.second);
    }
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
