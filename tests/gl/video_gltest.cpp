// tests/gl/video_gltest.cpp: short exports of an exercise, decoded again with libavformat and libavcodec.
#include <doctest/doctest.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/runs.hpp"
#include "app/video.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"

using namespace myo;

namespace {

std::filesystem::path tempDir() {
  std::filesystem::path dir = std::filesystem::path(MYO_TEMP_DIR) / "video";
  std::filesystem::create_directories(dir);
  return dir;
}

/// What a decoder finds in a file: the frames' size and their luma planes.
struct Decoded {
  std::string codec;
  int width = 0;
  int height = 0;
  int packets = 0;
  std::vector<std::vector<unsigned char>> luma;
};

Decoded decode(const std::filesystem::path& path) {
  Decoded out;
  AVFormatContext* format = nullptr;
  REQUIRE(avformat_open_input(&format, path.c_str(), nullptr, nullptr) == 0);
  REQUIRE(avformat_find_stream_info(format, nullptr) >= 0);
  const AVCodec* codec = nullptr;
  const int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
  REQUIRE(stream >= 0);
  REQUIRE(codec != nullptr);
  out.codec = codec->name;
  AVCodecContext* context = avcodec_alloc_context3(codec);
  REQUIRE(avcodec_parameters_to_context(context, format->streams[stream]->codecpar) >= 0);
  REQUIRE(avcodec_open2(context, codec, nullptr) == 0);
  AVPacket* packet = av_packet_alloc();
  AVFrame* frame = av_frame_alloc();
  auto receive = [&] {
    while (avcodec_receive_frame(context, frame) == 0) {
      out.width = frame->width;
      out.height = frame->height;
      std::vector<unsigned char> y(size_t(frame->width) * size_t(frame->height));
      for (int row = 0; row < frame->height; ++row)
        std::copy_n(frame->data[0] + row * frame->linesize[0], frame->width, y.begin() + row * frame->width);
      out.luma.push_back(std::move(y));
    }
  };
  while (av_read_frame(format, packet) >= 0) {
    if (packet->stream_index == stream) {
      ++out.packets;
      while (avcodec_send_packet(context, packet) == AVERROR(EAGAIN)) receive();
      receive();
    }
    av_packet_unref(packet);
  }
  avcodec_send_packet(context, nullptr);
  receive();
  av_frame_free(&frame);
  av_packet_free(&packet);
  avcodec_free_context(&context);
  avformat_close_input(&format);
  return out;
}

// Share of pixels whose luma differs by more than 16.
double changedShare(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
  size_t n = 0;
  for (size_t i = 0; i < a.size(); ++i) n += std::abs(int(a[i]) - int(b[i])) > 16 ? 1 : 0;
  return double(n) / double(a.size());
}

app::CliOptions exerciseOptions(const char* id, glm::ivec2 size) {
  app::CliOptions o;
  o.exercise = id;
  o.headless = true;
  o.noUi = true;
  o.width = size.x;
  o.height = size.y;
  return o;
}

}  // namespace

TEST_CASE("an exported exercise decodes to its frames, which change as the tool moves") {
  auto context = gfx::createHeadlessContext();
  const glm::ivec2 size{192, 108};
  for (const char* name : {"roll.mp4", "roll.webm"}) {
    CAPTURE(name);
    const std::filesystem::path file = tempDir() / name;
    std::filesystem::remove(file);
    app::Viewer viewer;
    app::prepare(viewer, exerciseOptions("trapezius-foam-roller", size));
    viewer.attachRenderer(std::make_unique<gfx::Renderer>());
    // 6 s into the plan the roll is under way; 4 frames a second over 1.5 s.
    app::VideoRequest request{.path = file, .size = size, .fps = 4, .from = 6.0, .to = 7.5};
    app::VideoExport video(viewer, request);
    CHECK(video.framesTotal() == 6);
    int steps = 0;
    while (video.step()) {
      ++steps;
      CHECK(!std::filesystem::exists(file));  // named only once complete
    }
    CHECK(steps == 5);
    REQUIRE(std::filesystem::exists(file));
    CHECK(!std::filesystem::exists(file.string() + ".part"));

    const Decoded d = decode(file);
    CHECK(d.codec == (file.extension() == ".mp4" ? std::string("h264") : std::string("vp9")));
    CHECK(d.width == size.x);
    CHECK(d.height == size.y);
    CHECK(d.packets == 6);
    REQUIRE(d.luma.size() == 6);
    // The body rolls over the roller: consecutive frames differ, and the last from the first even more.
    for (size_t i = 1; i < d.luma.size(); ++i) CHECK(changedShare(d.luma[i - 1], d.luma[i]) > 0.002);
    CHECK(changedShare(d.luma.front(), d.luma.back()) > 0.01);
    // A picture, not a blank: the grey background and the darker body both appear.
    int darkest = 255, lightest = 0;
    for (unsigned char y : d.luma.front()) {
      darkest = std::min(darkest, int(y));
      lightest = std::max(lightest, int(y));
    }
    CHECK(lightest - darkest > 60);
  }
}

TEST_CASE("the same export twice gives the same file") {
  auto context = gfx::createHeadlessContext();
  const glm::ivec2 size{128, 72};
  std::vector<std::string> bytes;
  for (const char* name : {"same_a.mp4", "same_b.mp4"}) {
    app::Viewer viewer;
    app::prepare(viewer, exerciseOptions("rhomboid-massage-ball", size));
    viewer.attachRenderer(std::make_unique<gfx::Renderer>());
    app::VideoExport video(viewer, {.path = tempDir() / name, .size = size, .fps = 5, .from = 8.0, .to = 8.6});
    while (video.step()) {
    }
    std::ifstream in(tempDir() / name, std::ios::binary);
    bytes.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  CHECK(bytes[0].size() > 100);
  CHECK(bytes[0] == bytes[1]);
}

TEST_CASE("a video that cannot be written is an error naming the file, and leaves nothing behind") {
  const std::filesystem::path dir = tempDir();
  const std::filesystem::path missing = dir / "no_such_folder" / "clip.mp4";
  CHECK_THROWS_AS(app::VideoWriter(missing, {64, 64}, 30), core::Error);
  CHECK(!std::filesystem::exists(missing.parent_path()));
  try {
    app::VideoWriter writer(dir / "clip.avi", {64, 64}, 30);
    FAIL("an .avi was accepted");
  } catch (const core::Error& e) {
    CHECK(e.where() == (dir / "clip.avi").string());
    CHECK(std::string(e.message()).find(".mp4") != std::string::npos);
  }
  CHECK(!std::filesystem::exists(dir / "clip.avi"));
  CHECK_THROWS_AS(app::VideoWriter(dir / "odd.mp4", {65, 64}, 30), core::Error);
  CHECK(!std::filesystem::exists(dir / "odd.mp4"));

  // Stopped half way (the writer dropped before finish()): neither the file nor its partial copy remains.
  const std::filesystem::path half = dir / "half.webm";
  std::filesystem::remove(half);
  {
    app::VideoWriter writer(half, {64, 64}, 30);
    writer.addFrame(std::vector<unsigned char>(64 * 64 * 4, 128));
    CHECK(std::filesystem::exists(half.string() + ".part"));
  }
  CHECK(!std::filesystem::exists(half));
  CHECK(!std::filesystem::exists(half.string() + ".part"));
}
