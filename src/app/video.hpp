// app/video.hpp: an exercise rendered frame by frame and encoded with FFmpeg's libraries (H.264 in .mp4,
// VP9 in .webm). The same frames for the same inputs: the clock of frame i is from + i / fps.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/cli.hpp"

namespace myo::app {

class ImGuiHost;
class Viewer;

/// Writes RGBA8 frames (rows top to bottom) to a video file. The file is written under a temporary name
/// beside the final one and renamed by finish(); a writer destroyed before finish() removes it, so a failed
/// export leaves nothing behind. Errors throw core::Error(path, what).
class VideoWriter {
public:
  /// The container comes from the extension (.mp4: H.264, .webm: VP9); size must be even in both directions.
  VideoWriter(const std::filesystem::path& path, glm::ivec2 size, int fps);
  ~VideoWriter();
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  void addFrame(const std::vector<unsigned char>& rgba);
  /// Flushes the encoder, writes the container's index and gives the file its name.
  void finish();
  int frames() const { return frames_; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int frames_ = 0;
};

/// Whether the file name ends in a container VideoWriter knows (.mp4 or .webm, any case).
bool isVideoFileName(const std::string& name);

/// What an export covers. `to` < 0: the end of the exercise's plan.
struct VideoRequest {
  std::filesystem::path path;
  glm::ivec2 size{1280, 720};
  int fps = 30;
  double from = 0.0;
  double to = -1.0;
};

/// An export in steps, so that a window can show its progress: renders frame i of `viewer`'s exercise into an
/// offscreen target (a renderer of its own, in the current GL context) and hands it to the encoder.
class VideoExport {
public:
  /// `viewer` has the model and the exercise selected and a renderer attached; it and `ui` (the panels drawn
  /// over each frame; nullptr: none) must outlive this. Throws core::Error when the file cannot be written.
  VideoExport(Viewer& viewer, const VideoRequest& request, ImGuiHost* ui = nullptr, std::string rendererInfo = {});
  ~VideoExport();
  VideoExport(const VideoExport&) = delete;
  VideoExport& operator=(const VideoExport&) = delete;

  /// Renders and encodes the next frame; returns false once all are done (the file is then complete).
  bool step();
  int framesDone() const { return done_; }
  int framesTotal() const { return total_; }
  double progress() const { return total_ > 0 ? double(done_) / double(total_) : 1.0; }
  const std::filesystem::path& path() const { return request_.path; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  VideoRequest request_;
  int done_ = 0;
  int total_ = 0;
};

/// --video: renders the command line's exercise into the file, with a progress line on a terminal.
int runVideo(const CliOptions& options);

}  // namespace myo::app
