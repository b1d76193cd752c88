// tests/gl/shot_options.hpp: the command line of a headless picture without panels, as the gl tests use it.
#pragma once

#include <string>

#include "app/cli.hpp"

namespace myo::test {

/// `myorelease MODEL --headless --screenshot ... --size WxH --no-ui`, as parsed options.
inline app::CliOptions shot(const std::string& model, int w, int h) {
  app::CliOptions o;
  o.model = model;
  o.headless = true;
  o.screenshot = "unused.png";
  o.width = w;
  o.height = h;
  o.noUi = true;
  return o;
}

}  // namespace myo::test
