// app/audio.hpp: the timer's tones through OpenAL; silent, without errors, where there is no audio device.
#pragma once

#include <memory>

namespace myo::app {

class Tones {
public:
  Tones();
  ~Tones();
  Tones(const Tones&) = delete;
  Tones& operator=(const Tones&) = delete;

  /// Short high beep for the last seconds of a countdown.
  void tick();
  /// Longer two-note chime at the end of a phase.
  void phaseEnd();
  bool available() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace myo::app
