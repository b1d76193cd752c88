// app/runs.hpp: what the program does for each command-line mode.
#pragma once

#include <memory>

#include "app/cli.hpp"

#include <vector>

#include "ui/panels.hpp"

#include "gfx/context.hpp"

namespace myo::app {

class Viewer;

/// The display settings the command line asks for (--skin).
ui::DisplaySettings displayFrom(const CliOptions& options);
/// The panels' scale for a picture: --scale, else its height / 900 (at least 1).
float pictureUiScale(const CliOptions& options);
/// Sets up a viewer on the command line's model, exercise, view and time, with no camera glide.
void prepare(Viewer& viewer, const CliOptions& options);
/// Prepares the viewer (prepare) on a second thread while this one opens an offscreen OpenGL context (EGL when
/// --headless, else a hidden window) and compiles the renderer, then hands the renderer to the viewer. A bad
/// model is the error thrown, before any trouble with OpenGL. Returns the context, which must outlive the viewer's
/// use of OpenGL.
std::unique_ptr<gfx::Context> startOffscreen(Viewer& viewer, const CliOptions& options);

/// An RGBA8 picture, rows top to bottom.
struct Picture {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgba;
};

/// Renders the picture that --screenshot writes (model, view, time, size, skin, UI) with a context of its own:
/// EGL when options.headless, else a hidden GLFW window. Throws core::Error for bad input.
Picture renderScreenshot(const CliOptions& options);

/// Each returns the process exit status; bad input throws core::Error (exit 2, printed by main).
int runWindow(const CliOptions& options);
int runScreenshot(const CliOptions& options);
int runBench(const CliOptions& options);
int runListMuscles(const CliOptions& options);
int runValidate(const CliOptions& options);
int runListExercises(const CliOptions& options);
int runState(const CliOptions& options);
/// --export: the posed scene at --time as GLB (the rest pose, or the model's own animation, without --exercise).
int runExport(const CliOptions& options);

}  // namespace myo::app
