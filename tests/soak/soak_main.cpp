// tests/soak/soak_main.cpp: many headless frames with an exercise running (as a window would show it, panels
// included), checking that memory stops growing after a warm-up and that OpenGL reports no error.
//
// Usage: myorelease-soak [--frames N] [--warmup N] [--size WxH] [--exercise ID] [--step-ms MS]
//                        [--model FILE | --cell M] [--max-growth-kib K]
// --cell M: instead of the shipped file, the project's body generated here with a skin and bone grid step of M
// metres (the shipped model's are 0.0055 and 0.0042), written to a temporary GLB and loaded from it. The same
// meshes, names, rig and skin weights, far fewer vertices: each frame runs the same code (the loader once, then
// the exercise's playback and pose, the skinning pass, every render pass, the panels) at a fraction of the cost.
// Each frame advances the exercise clock by --step-ms (default 50: the timer at x3, within the panel's speed
// range, so the 170 s trapezius plan takes 3,400 frames and 20,000 frames go through it almost six times; the
// plan restarts when it ends). After the warm-up the frames are measured in two equal halves: the peak resident
// memory of each (VmHWM, reset between them) is compared, so a frame's own temporaries count in both and only
// growth shows. Prints its figures; exit 0 when the second half's peak is less than K KiB (default 1024) above
// the first's and no GL error was raised, 1 otherwise, 2 on a bad command line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/imgui_host.hpp"
#include "app/paths.hpp"
#include "anatomy/generator.hpp"
#include "anatomy/glb_writer.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "gfx/context.hpp"
#include "gfx/gl.hpp"
#include "gfx/renderer.hpp"

namespace {

/// A field of /proc/self/status in KiB (VmRSS, VmHWM), or -1.
long statusKiB(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::strtol(line.c_str() + key.size() + 1, nullptr, 10);
  return -1;
}

/// Resets the peak resident size (VmHWM) to the current one (Linux 4.0+).
bool resetPeak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  return bool(out);
}

[[noreturn]] void usage(const std::string& why) {
  std::fprintf(stderr, "myorelease-soak: error: %s\n", why.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace myo;
  long frames = 20000, warmup = 4000, maxGrowthKiB = 1024, stepMs = 50;
  int width = 160, height = 120;
  std::string exerciseId = "trapezius-foam-roller";
  std::string modelFile;  // default: the shipped model
  double cell = 0.0;      // > 0: a body generated with this grid step instead
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) usage(arg + ": needs a value");
    const std::string value = argv[++i];
    char* end = nullptr;
    if (arg == "--frames") frames = std::strtol(value.c_str(), &end, 10);
    else if (arg == "--warmup") warmup = std::strtol(value.c_str(), &end, 10);
    else if (arg == "--max-growth-kib") maxGrowthKiB = std::strtol(value.c_str(), &end, 10);
    else if (arg == "--step-ms") stepMs = std::strtol(value.c_str(), &end, 10);
    else if (arg == "--exercise") exerciseId = value;
    else if (arg == "--model") modelFile = value;
    else if (arg == "--cell") cell = std::strtod(value.c_str(), &end);
    else if (arg == "--size") {
      if (std::sscanf(value.c_str(), "%dx%d", &width, &height) != 2 || width < 16 || height < 16)
        usage("--size: expected WxH");
    } else usage(arg + ": unknown option");
    if (end != nullptr && (*end != '\0' || value.empty())) usage(arg + ": expected a whole number");
  }
  if (frames < 1 || warmup < 0 || frames - warmup < 2) usage("--warmup must be below --frames - 1");
  if (stepMs < 1 || stepMs > 1000) usage("--step-ms: expected 1 to 1000");
  if (cell != 0.0 && (!(cell >= 0.002 && cell <= 0.05) || !modelFile.empty()))
    usage("--cell: expected 0.002 to 0.05 metres, and no --model");
  const float step = float(stepMs) / 1000.0f;

  try {
    app::Viewer viewer;
    const auto assets = app::assetsDir();
    std::string modelName = modelFile.empty() ? "the shipped model" : modelFile;
    if (cell > 0.0) {
      anatomy::GeneratorOptions options;
      options.skinCell = options.boneCell = float(cell);
      const auto generated = anatomy::generateModel(options);
      modelFile = (std::filesystem::temp_directory_path() / ("myorelease-soak-" + std::to_string(getpid()) + ".glb"))
                      .string();
      anatomy::writeGlb(generated, modelFile);
      modelName = "the project's body generated with a " + std::to_string(cell * 1000.0).substr(0, 4) +
                  " mm skin and bone grid (" + std::to_string(generated.triangleCount()) + " triangles)";
    }
    viewer.loadInitial(modelFile.empty() ? assets / "upper_body.glb" : std::filesystem::path(modelFile));
    if (cell > 0.0) std::filesystem::remove(modelFile);
    viewer.loadExercises(assets / "exercises.json");
    viewer.selectExercise(exerciseId);
    auto context = gfx::createHeadlessContext();
    viewer.attachRenderer(std::make_unique<gfx::Renderer>());
    viewer.camera().setViewport(width, height);
    app::ImGuiHost ui(nullptr, 1.0f);
    gfx::OffscreenTarget target;
    const glm::ivec2 size{width, height};
    viewer.waitForCoarseLists();  // as a window that has been open a moment: the background work is done
    viewer.startPauseTimer();

    const long half = warmup + (frames - warmup) / 2;
    long rssAtWarmup = 0, firstPeak = 0, glErrors = 0, restarts = 0;
    std::vector<double> ms;
    ms.reserve(std::size_t(frames));
    const auto t0 = std::chrono::steady_clock::now();
    for (long f = 0; f < frames; ++f) {
      if (f == warmup) {
        if (!resetPeak()) throw std::runtime_error("cannot reset the peak memory (/proc/self/clear_refs)");
        rssAtWarmup = statusKiB("VmRSS");
      }
      if (f == half) {
        firstPeak = statusKiB("VmHWM");
        if (!resetPeak()) throw std::runtime_error("cannot reset the peak memory (/proc/self/clear_refs)");
      }
      const auto t = std::chrono::steady_clock::now();
      // The exercise runs over and over: once its plan ends, its clock starts again from 0.
      if (const auto st = viewer.exerciseState(); st.total > 0.0 && st.elapsed >= st.total) {
        viewer.setExerciseTime(0.0);
        viewer.startPauseTimer();
        ++restarts;
      }
      viewer.camera().orbit(0.5f, 0.0f);  // the view turns too, so every frame is new work
      viewer.update(step);
      viewer.render(size, &target, true);
      ui.newFrame(size, step);
      viewer.drawUi(60.0f, context->description());
      ui.render();
      try {
        gfx::checkGl("soak frame");
      } catch (const std::runtime_error& e) {
        if (glErrors++ == 0) std::printf("frame %ld: %s\n", f, e.what());
      }
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
    }
    gfx::finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const long peak = statusKiB("VmHWM");
    const long growth = peak - firstPeak;
    std::nth_element(ms.begin(), ms.begin() + long(ms.size() / 2), ms.end());
    const auto state = viewer.exerciseState();
    std::printf("model: %s\n", modelName.c_str());
    std::printf("exercise: %s, %ld frames at %dx%d, %ld ms of exercise each (%ld of warm-up) in %.1f s, "
                "frame median %.2f ms\n",
                exerciseId.c_str(), frames, width, height, stepMs, warmup, seconds, ms[ms.size() / 2]);
    std::printf("exercise clock at the end: %.1f of %.1f s, %ld restarts\n", state.elapsed, state.total, restarts);
    std::printf("resident after warm-up: %ld KiB; peak of frames %ld-%ld: %ld KiB, of frames %ld-%ld: %ld KiB; "
                "growth: %ld KiB (limit %ld)\n",
                rssAtWarmup, warmup, half - 1, firstPeak, half, frames - 1, peak, growth, maxGrowthKiB);
    std::printf("GL errors: %ld\n", glErrors);
    return growth < maxGrowthKiB && glErrors == 0 ? 0 : 1;
  } catch (const core::Error& e) {
    std::fprintf(stderr, "%s\n", core::errorLine(e).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "myorelease-soak: error: %s\n", e.what());
    return 1;
  }
}
