// app/key_taps.hpp: quick key taps kept for Dear ImGui. Its 1.86 GLFW backend reads each key as held or not when
// a frame starts, so a key pressed and released between two frames (a quick tap while frames are slow, as on a
// software renderer, or keys sent by a tool) is never seen down: Enter in a text field did nothing. KeyTaps holds
// such a release back until the next frame. Pure logic (GLFW's action values); runs.cpp wires it to the window.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace myo::app {

class KeyTaps {
 public:
  /// A key event as GLFW reports it; true: pass it on now; false: a release held for the next frame.
  bool pass(int key, int action);
  /// A new frame begins: the releases held in the last one, to pass on now (before the frame's events).
  std::vector<int> nextFrame();

 private:
  std::uint64_t frame_ = 0;
  std::map<int, std::uint64_t> pressedIn_;  ///< the frame of each key's last press
  std::vector<int> held_;
};

}  // namespace myo::app
