// app/key_taps.cpp: releases of keys pressed in the same frame, held back one frame.
#include "app/key_taps.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

namespace myo::app {

bool KeyTaps::pass(int key, int action) {
  if (action == GLFW_PRESS) {
    // Pressed again before its held release went out: it simply stays down.
    const auto it = std::find(held_.begin(), held_.end(), key);
    pressedIn_[key] = frame_;
    if (it != held_.end()) {
      held_.erase(it);
      return false;
    }
    return true;
  }
  if (action == GLFW_RELEASE) {
    const auto it = pressedIn_.find(key);
    if (it != pressedIn_.end() && it->second == frame_) {
      if (std::find(held_.begin(), held_.end(), key) == held_.end()) held_.push_back(key);
      return false;
    }
  }
  return true;
}

std::vector<int> KeyTaps::nextFrame() {
  ++frame_;
  std::vector<int> out;
  out.swap(held_);
  return out;
}

}  // namespace myo::app
