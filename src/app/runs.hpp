// app/runs.hpp: what the program does for each command-line mode.
#pragma once

#include "app/cli.hpp"

namespace myo::app {

/// Each returns the process exit status; bad input throws core::Error (exit 2, printed by main).
int runWindow(const CliOptions& options);
int runScreenshot(const CliOptions& options);
int runBench(const CliOptions& options);
int runListMuscles(const CliOptions& options);
int runValidate(const CliOptions& options);

}  // namespace myo::app
