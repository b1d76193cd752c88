// app/audio.cpp: tones synthesised once into OpenAL buffers.
#include "app/audio.hpp"

#include <AL/al.h>
#include <AL/alc.h>

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace myo::app {
namespace {

constexpr int kRate = 44100;

// A sine tone (or two, one after the other) with soft attack and release, 16-bit mono.
std::vector<std::int16_t> synth(std::initializer_list<std::pair<double, double>> notes, double gain) {
  std::vector<std::int16_t> out;
  for (const auto& [hz, seconds] : notes) {
    const int n = int(seconds * kRate);
    for (int i = 0; i < n; ++i) {
      const double t = double(i) / kRate;
      const double env = std::min(1.0, t / 0.005) * std::min(1.0, (seconds - t) / 0.04);
      out.push_back(std::int16_t(32767.0 * gain * env * std::sin(2.0 * 3.14159265358979 * hz * t)));
    }
  }
  return out;
}

}  // namespace

struct Tones::Impl {
  ALCdevice* device = nullptr;
  ALCcontext* context = nullptr;
  ALuint buffers[2] = {0, 0};
  ALuint sources[2] = {0, 0};
  bool ok = false;

  Impl() {
    // Sound libraries report a missing sound card on stderr; no device simply means no tones, so their
    // complaints are muted while the device is opened.
    const int savedStderr = dup(STDERR_FILENO);
    const int devNull = open("/dev/null", O_WRONLY);
    if (savedStderr >= 0 && devNull >= 0) dup2(devNull, STDERR_FILENO);
    device = alcOpenDevice(nullptr);
    if (device) {
      context = alcCreateContext(device, nullptr);
      if (context) alcMakeContextCurrent(context);
    }
    if (savedStderr >= 0) {
      dup2(savedStderr, STDERR_FILENO);
      close(savedStderr);
    }
    if (devNull >= 0) close(devNull);
    if (!device || !context || alcGetCurrentContext() != context) return;
    alGenBuffers(2, buffers);
    alGenSources(2, sources);
    const auto tick = synth({{1046.5, 0.09}}, 0.35);
    const auto chime = synth({{784.0, 0.16}, {1174.7, 0.30}}, 0.4);
    alBufferData(buffers[0], AL_FORMAT_MONO16, tick.data(), ALsizei(tick.size() * 2), kRate);
    alBufferData(buffers[1], AL_FORMAT_MONO16, chime.data(), ALsizei(chime.size() * 2), kRate);
    alSourcei(sources[0], AL_BUFFER, ALint(buffers[0]));
    alSourcei(sources[1], AL_BUFFER, ALint(buffers[1]));
    ok = alGetError() == AL_NO_ERROR;
  }
  ~Impl() {
    if (context) {
      if (sources[0]) alDeleteSources(2, sources);
      if (buffers[0]) alDeleteBuffers(2, buffers);
      alcMakeContextCurrent(nullptr);
      alcDestroyContext(context);
    }
    if (device) alcCloseDevice(device);
  }
  void play(int i) {
    if (!ok) return;
    alSourceStop(sources[i]);
    alSourcePlay(sources[i]);
  }
};

Tones::Tones() : impl_(std::make_unique<Impl>()) {}
Tones::~Tones() = default;
void Tones::tick() { impl_->play(0); }
void Tones::phaseEnd() { impl_->play(1); }
bool Tones::available() const { return impl_->ok; }

}  // namespace myo::app
