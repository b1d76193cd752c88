// tests/gl/prefs_gltest.cpp: the extra windows on pixels: the help overlay dims the view, the History window
// draws its chart from the history file, and the status line shows for a few seconds, then goes.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "app/imgui_host.hpp"
#include "app/paths.hpp"
#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "exercise/history.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"
#include "shot_options.hpp"
#include "temp_xdg.hpp"

using namespace myo;

namespace {

const std::string kBox = std::string(MYO_FIXTURES_DIR) + "/box.gltf";

int brightness(const test::Rgba& p) {
  return (p.r + p.g + p.b) / 3;
}

/// Pixels near a colour (each channel within `tolerance`) in a rectangle.
int countNear(const app::Picture& pic, test::Rgba colour, int tolerance, int x0 = 0, int y0 = 0, int x1 = -1,
              int y1 = -1) {
  if (x1 < 0) x1 = pic.width;
  if (y1 < 0) y1 = pic.height;
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const test::Rgba p = test::pixelAt(pic, x, y);
      n += std::abs(p.r - colour.r) <= tolerance && std::abs(p.g - colour.g) <= tolerance &&
           std::abs(p.b - colour.b) <= tolerance;
    }
  return n;
}

}  // namespace

TEST_CASE("the help overlay dims the view around its table") {
  auto o = test::shot(kBox, 1280, 720);
  o.noUi = false;
  const app::Picture plain = app::renderScreenshot(o);
  o.show = app::ShowPanel::Help;
  const app::Picture help = app::renderScreenshot(o);
  // Right of the table and below the exercise panel: the studio background, dimmed by the overlay.
  for (const auto& at : {std::pair{1180, 420}, std::pair{1180, 600}, std::pair{60, 680}}) {
    const int x = at.first, y = at.second;  // not a structured binding: CAPTURE takes it into a lambda (clang 14)
    CAPTURE(x);
    CAPTURE(y);
    CHECK(brightness(test::pixelAt(plain, x, y)) > 100);
    CHECK(brightness(test::pixelAt(help, x, y)) < brightness(test::pixelAt(plain, x, y)) / 2);
  }
  // The table in the middle: dark and opaque where the plain picture has the studio background and the box,
  // with light text on it (the median pixel is the table's background).
  std::vector<int> middle;
  for (int y = 200; y < 520; y += 3)
    for (int x = 560; x < 900; x += 3) middle.push_back(brightness(test::pixelAt(help, x, y)));
  std::nth_element(middle.begin(), middle.begin() + std::ptrdiff_t(middle.size() / 2), middle.end());
  CHECK(middle[middle.size() / 2] < 70);
  CHECK(*std::max_element(middle.begin(), middle.end()) > 180);
}

TEST_CASE("the History window draws the last weeks' work from the history file") {
  test::TempXdg xdg;
  const std::filesystem::path file = *app::historyPath();
  const exercise::Date today = exercise::localDate(std::time(nullptr));
  for (int daysAgo : {0, 1, 2, 9, 20}) {
    exercise::HistoryEntry e;
    e.exercise = "trapezius-foam-roller";
    e.title = "Trapezius: foam roller along the upper back";
    e.date = exercise::Date(std::chrono::sys_days(today) - std::chrono::days(daysAgo));
    e.completed = true;
    e.sets = e.setsDone = 3;
    e.workS = 105.0 + 30.0 * daysAgo;
    e.sides = {"both"};
    exercise::appendHistory(file, e);
  }
  auto o = test::shot(kBox, 1280, 720);
  o.noUi = false;
  const app::Picture plain = app::renderScreenshot(o);
  o.show = app::ShowPanel::History;
  const app::Picture history = app::renderScreenshot(o);
  // The chart's bars in Dear ImGui's histogram colour of our style (0.85, 0.35, 0.25).
  const test::Rgba bar{217, 89, 64, 255};
  const int bars = countNear(history, bar, 12);
  INFO("bar pixels: " << bars);
  CHECK(bars > 5 * 60);  // five days, each bar several pixels wide and tall
  CHECK(countNear(plain, bar, 12) < 20);
  // Reading it for the picture wrote nothing.
  CHECK(exercise::loadHistory(file).entries.size() == 5);
  CHECK_FALSE(std::filesystem::exists(xdg.config));
}

TEST_CASE("the status line says what happened for a few seconds, then goes") {
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.loadInitial(kBox);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  app::ImGuiHost ui(nullptr, 1.0f);
  const glm::ivec2 size{960, 540};
  auto picture = [&] {
    gfx::OffscreenTarget target;
    ui.newFrame(size, 1.0f / 60.0f);
    viewer.drawUi(0.0f, "test");
    ImGui::Render();
    viewer.render(size, &target);
    ui.newFrame(size, 1.0f / 60.0f);
    viewer.drawUi(0.0f, "test");
    ui.render();
    return app::Picture{size.x, size.y, target.read()};
  };
  // The line's text is pale green on its dark box, in the bottom third of the picture's middle.
  auto statusPixels = [&](const app::Picture& pic) {
    int n = 0;
    for (int y = size.y * 2 / 3; y < size.y; ++y)
      for (int x = size.x / 4; x < size.x * 3 / 4; ++x) {
        const test::Rgba p = test::pixelAt(pic, x, y);
        n += p.g > 150 && p.g > p.r + 25 && p.g > p.b + 25;
      }
    return n;
  };
  CHECK(statusPixels(picture()) == 0);
  viewer.postStatus("Picture saved to /home/someone/Pictures/myorelease-001.png");
  const int shown = statusPixels(picture());
  CHECK(shown > 100);
  viewer.update(3.0f);
  CHECK(statusPixels(picture()) > shown / 2);  // still there after 3 s
  viewer.update(3.0f);
  CHECK(statusPixels(picture()) == 0);  // gone after 6 s
  // A problem is red and stays longer.
  viewer.postStatus("Picture not saved: myorelease: error: /nowhere/x.png: cannot open for writing", true);
  viewer.update(6.0f);
  int red = 0;
  const app::Picture pic = picture();
  for (int y = size.y * 2 / 3; y < size.y; ++y)
    for (int x = 0; x < size.x; ++x) {
      const test::Rgba p = test::pixelAt(pic, x, y);
      red += p.r > 150 && p.r > p.g + 60 && p.r > p.b + 60;
    }
  CHECK(red > 100);
}
