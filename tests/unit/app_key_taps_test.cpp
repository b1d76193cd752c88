// Quick key taps: a release in the frame of its press waits for the next frame, so Dear ImGui sees the key down.
#include <doctest/doctest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/key_taps.hpp"

using myo::app::KeyTaps;

TEST_CASE("a key tapped within one frame is released at the start of the next") {
  KeyTaps taps;
  taps.nextFrame();
  CHECK(taps.pass(GLFW_KEY_ENTER, GLFW_PRESS));
  CHECK_FALSE(taps.pass(GLFW_KEY_ENTER, GLFW_RELEASE));  // held
  CHECK(taps.nextFrame() == std::vector<int>{GLFW_KEY_ENTER});
  CHECK(taps.nextFrame().empty());  // once
}

TEST_CASE("a key held over frames is released when it is let go, and repeats pass") {
  KeyTaps taps;
  taps.nextFrame();
  CHECK(taps.pass(GLFW_KEY_BACKSPACE, GLFW_PRESS));
  CHECK(taps.nextFrame().empty());
  CHECK(taps.pass(GLFW_KEY_BACKSPACE, GLFW_REPEAT));
  CHECK(taps.pass(GLFW_KEY_BACKSPACE, GLFW_RELEASE));  // pressed in an earlier frame: at once
  CHECK(taps.nextFrame().empty());
  CHECK(taps.pass(GLFW_KEY_A, GLFW_RELEASE));  // a release without a press seen (focus came back): passes
}

TEST_CASE("two taps of one key in one frame are one press, and other keys keep their order") {
  KeyTaps taps;
  taps.nextFrame();
  CHECK(taps.pass(GLFW_KEY_ENTER, GLFW_PRESS));
  CHECK_FALSE(taps.pass(GLFW_KEY_ENTER, GLFW_RELEASE));
  CHECK_FALSE(taps.pass(GLFW_KEY_ENTER, GLFW_PRESS));  // down already: nothing to pass
  CHECK_FALSE(taps.pass(GLFW_KEY_ENTER, GLFW_RELEASE));
  CHECK(taps.pass(GLFW_KEY_TAB, GLFW_PRESS));
  CHECK_FALSE(taps.pass(GLFW_KEY_TAB, GLFW_RELEASE));
  CHECK(taps.nextFrame() == std::vector<int>{GLFW_KEY_ENTER, GLFW_KEY_TAB});
}
