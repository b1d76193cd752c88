// app/main.cpp: parse the command line, run the chosen mode, map failures to exit codes
// (0 ok, 2 bad input or usage with one line on stderr, 1 internal error).
#include <cstdio>
#include <exception>

#include "app/cli.hpp"
#include "app/runs.hpp"
#include "app/video.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  using namespace myo;
  try {
    const app::CliResult parsed = app::parseCommandLine(argc, argv);
    if (parsed.printAndExit) {
      std::fputs(parsed.printAndExit->c_str(), stdout);
      return 0;
    }
    const app::CliOptions& o = parsed.options;
    if (o.listMuscles) return app::runListMuscles(o);
    if (o.listExercises) return app::runListExercises(o);
    if (o.state) return app::runState(o);
    if (o.validate) return app::runValidate(o);
    if (o.bench) return app::runBench(o);
    if (o.video) return app::runVideo(o);
    if (o.screenshot) return app::runScreenshot(o);
    if (o.exportFile) return app::runExport(o);
    return app::runWindow(o);
  } catch (const core::Error& e) {
    std::fprintf(stderr, "%s\n", core::errorLine(e).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "myorelease: internal error: %s\n", e.what());
    return 1;
  }
}
