// app/video.cpp: frames from the viewer, converted to YUV 4:2:0 with libswscale and encoded with libavcodec
// (libx264 or libvpx-vp9) into a container written by libavformat, the encoding on a thread of its own.
#include "app/video.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <fmt/format.h>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>

#include <imgui.h>

#include "app/imgui_host.hpp"
#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"

namespace myo::app {

namespace {

std::string avError(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

// Set by SIGINT or SIGTERM during --video: the export stops and removes its partial file.
volatile std::sig_atomic_t stopRequested = 0;
extern "C" void requestStop(int) { stopRequested = 1; }

}  // namespace

bool isVideoFileName(const std::string& name) {
  const std::string ext = lowerExtension(name);
  return ext == ".mp4" || ext == ".webm";
}

// ---------------------------------------------------------------------------------------------------------------

struct VideoWriter::Impl {
  std::filesystem::path path;
  std::filesystem::path partial;  ///< written here, renamed to `path` by finish()
  glm::ivec2 size{0};
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVStream* stream = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  SwsContext* sws = nullptr;
  bool opened = false;     ///< the partial file exists
  bool finished = false;

  [[noreturn]] void fail(const std::string& what) const { throw core::Error(path.string(), what); }

  void check(int code, const char* doing) const {
    if (code < 0) fail(std::string(doing) + ": " + avError(code));
  }

  // Hands every packet the encoder has ready to the container.
  void drain() {
    for (;;) {
      const int got = avcodec_receive_packet(codec, packet);
      if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
      check(got, "cannot encode");
      // Every frame lasts one tick; without it the mp4 muxer ends the edit list at the last frame's start, and
      // players drop that frame.
      if (packet->duration <= 0) packet->duration = 1;
      av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
      packet->stream_index = stream->index;
      check(av_interleaved_write_frame(format, packet), "cannot write");
    }
  }

  ~Impl() {
    sws_freeContext(sws);
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&codec);
    if (format) {
      if (opened) avio_closep(&format->pb);
      avformat_free_context(format);
    }
    std::error_code ignored;
    if (opened && !finished) std::filesystem::remove(partial, ignored);
  }
};

VideoWriter::VideoWriter(const std::filesystem::path& path, glm::ivec2 size, int fps) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.path = path;
  d.size = size;
  const std::string ext = lowerExtension(path);
  const bool mp4 = ext == ".mp4";
  if (!mp4 && ext != ".webm") d.fail("unknown video container (expected .mp4 or .webm)");
  if (size.x <= 0 || size.y <= 0 || size.x % 2 != 0 || size.y % 2 != 0)
    d.fail(fmt::format("video frames need an even width and height, got {}x{}", size.x, size.y));
  if (fps < 1 || fps > 240) d.fail(fmt::format("frame rate {} outside 1..240", fps));
  if (std::filesystem::is_directory(path)) d.fail("is a folder");
  d.partial = path;
  d.partial += ".part";

  av_log_set_level(AV_LOG_ERROR);
  d.check(avformat_alloc_output_context2(&d.format, nullptr, mp4 ? "mp4" : "webm", d.partial.c_str()),
          "cannot start the container");
  d.format->flags |= AVFMT_FLAG_BITEXACT;  // no encoder version or time stamps: the same frames, the same file

  const char* encoderName = mp4 ? "libx264" : "libvpx-vp9";
  const AVCodec* encoder = avcodec_find_encoder_by_name(encoderName);
  if (!encoder) encoder = avcodec_find_encoder(mp4 ? AV_CODEC_ID_H264 : AV_CODEC_ID_VP9);
  if (!encoder) d.fail(std::string("no ") + (mp4 ? "H.264" : "VP9") + " encoder in this FFmpeg");
  d.codec = avcodec_alloc_context3(encoder);
  if (!d.codec) d.fail("out of memory");
  d.codec->width = size.x;
  d.codec->height = size.y;
  d.codec->time_base = AVRational{1, fps};
  d.codec->framerate = AVRational{fps, 1};
  d.codec->pix_fmt = AV_PIX_FMT_YUV420P;  // what every player decodes
  d.codec->gop_size = fps * 2;
  d.codec->thread_count = 2;
  d.codec->flags |= AV_CODEC_FLAG_BITEXACT;
  d.codec->color_range = AVCOL_RANGE_MPEG;
  d.codec->colorspace = AVCOL_SPC_BT709;
  d.codec->color_primaries = AVCOL_PRI_BT709;
  d.codec->color_trc = AVCOL_TRC_BT709;
  if (d.format->oformat->flags & AVFMT_GLOBALHEADER) d.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  if (mp4) {
    av_opt_set(d.codec->priv_data, "preset", "veryfast", 0);
    av_opt_set(d.codec->priv_data, "crf", "20", 0);
  } else {
    d.codec->bit_rate = 0;
    av_opt_set(d.codec->priv_data, "crf", "32", 0);
    av_opt_set(d.codec->priv_data, "deadline", "realtime", 0);
    av_opt_set(d.codec->priv_data, "cpu-used", "8", 0);
    av_opt_set(d.codec->priv_data, "row-mt", "1", 0);
  }
  d.check(avcodec_open2(d.codec, encoder, nullptr), "cannot open the encoder");
  d.stream = avformat_new_stream(d.format, nullptr);
  if (!d.stream) d.fail("out of memory");
  d.stream->time_base = d.codec->time_base;
  d.check(avcodec_parameters_from_context(d.stream->codecpar, d.codec), "cannot describe the stream");

  d.frame = av_frame_alloc();
  d.packet = av_packet_alloc();
  if (!d.frame || !d.packet) d.fail("out of memory");
  d.frame->format = d.codec->pix_fmt;
  d.frame->width = size.x;
  d.frame->height = size.y;
  d.check(av_frame_get_buffer(d.frame, 0), "cannot allocate a frame");
  d.sws = sws_getContext(size.x, size.y, AV_PIX_FMT_RGBA, size.x, size.y, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                         nullptr, nullptr, nullptr);
  if (!d.sws) d.fail("cannot convert RGBA to YUV");
  const int* coefficients = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(d.sws, coefficients, 1, coefficients, 0, 0, 1 << 16, 1 << 16);

  const int opened = avio_open(&d.format->pb, d.partial.c_str(), AVIO_FLAG_WRITE);
  if (opened < 0) d.fail("cannot write: " + avError(opened));
  d.opened = true;
  d.check(avformat_write_header(d.format, nullptr), "cannot write the header");
}

VideoWriter::~VideoWriter() = default;

void VideoWriter::addFrame(const std::vector<unsigned char>& rgba) {
  Impl& d = *impl_;
  if (d.finished) d.fail("frame added after the end");
  if (rgba.size() != size_t(d.size.x) * size_t(d.size.y) * 4) d.fail("frame of the wrong size");
  d.check(av_frame_make_writable(d.frame), "cannot write a frame");
  const uint8_t* src[1] = {rgba.data()};
  const int stride[1] = {d.size.x * 4};
  sws_scale(d.sws, src, stride, 0, d.size.y, d.frame->data, d.frame->linesize);
  d.frame->pts = frames_++;
  d.check(avcodec_send_frame(d.codec, d.frame), "cannot encode");
  d.drain();
}

void VideoWriter::finish() {
  Impl& d = *impl_;
  if (d.finished) return;
  d.check(avcodec_send_frame(d.codec, nullptr), "cannot encode");
  d.drain();
  d.check(av_write_trailer(d.format), "cannot finish the file");
  d.check(avio_closep(&d.format->pb), "cannot close");
  d.opened = false;
  std::error_code ec;
  std::filesystem::rename(d.partial, d.path, ec);
  if (ec) {
    std::filesystem::remove(d.partial, ec);
    d.fail("cannot write: " + ec.message());
  }
  d.finished = true;
}

// ---------------------------------------------------------------------------------------------------------------

struct VideoExport::Impl {
  Viewer* viewer = nullptr;
  ImGuiHost* ui = nullptr;
  std::string info;
  gfx::OffscreenTarget target;

  // The encoder runs on its own thread while the next frame renders; at most two frames wait for it.
  VideoWriter writer;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<unsigned char>> queue;
  bool closing = false;
  std::exception_ptr error;
  std::thread encoder;

  Impl(const VideoRequest& r) : writer(r.path, r.size, r.fps) {}

  void encodeLoop() {
    for (;;) {
      std::vector<unsigned char> frame;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || closing; });
        if (queue.empty()) break;
        frame = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();
      try {
        writer.addFrame(frame);
      } catch (...) {
        std::lock_guard lock(mutex);
        error = std::current_exception();
        queue.clear();
        closing = true;
        changed.notify_all();
        return;
      }
    }
  }

  void push(std::vector<unsigned char> frame) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return queue.size() < 2 || error; });
    if (error) std::rethrow_exception(error);
    queue.push_back(std::move(frame));
    changed.notify_all();
  }

  // Waits for the encoder thread; true when it met no error.
  void join() {
    {
      std::lock_guard lock(mutex);
      closing = true;
    }
    changed.notify_all();
    if (encoder.joinable()) encoder.join();
  }
};

VideoExport::VideoExport(Viewer& viewer, const VideoRequest& request, ImGuiHost* ui, std::string rendererInfo)
    : impl_(std::make_unique<Impl>(request)), request_(request) {
  impl_->viewer = &viewer;
  impl_->ui = ui;
  impl_->info = std::move(rendererInfo);
  const double end = request.to >= 0.0 ? request.to : viewer.exerciseState().total;
  total_ = std::max(1, int(std::llround((end - request.from) * request.fps)));
  impl_->encoder = std::thread([d = impl_.get()] { d->encodeLoop(); });
}

VideoExport::~VideoExport() { impl_->join(); }

bool VideoExport::step() {
  if (done_ >= total_) return false;
  Impl& d = *impl_;
  // The clock of frame i is exact (from + i / fps), not accumulated: the same command gives the same frames.
  const double t = request_.from + double(done_) / double(request_.fps);
  d.viewer->setExerciseTime(t);
  d.viewer->update(0.0f);
  d.viewer->render(request_.size, &d.target);
  if (d.ui) {
    d.ui->newFrame(request_.size, 1.0f / float(request_.fps));
    d.viewer->drawUi(float(request_.fps), d.info);
    d.ui->render();
  }
  d.push(d.target.read());
  ++done_;
  if (done_ < total_) return true;
  d.join();
  if (d.error) std::rethrow_exception(d.error);
  d.writer.finish();
  return false;
}

// ---------------------------------------------------------------------------------------------------------------

int runVideo(const CliOptions& o) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  Viewer viewer(displayFrom(o));
  const std::unique_ptr<gfx::Context> context = startOffscreen(viewer, o);

  VideoRequest request;
  request.path = *o.video;
  request.size = {o.width, o.height};
  request.fps = o.fps;
  request.from = o.from.value_or(0.0);
  request.to = o.to.value_or(-1.0);
  const double total = viewer.exerciseState().total;
  if (request.from > total)
    throw core::Error("--from", fmt::format("{:g} s is after the end of the exercise ({:g} s)", request.from, total));
  if (request.to > total) request.to = total;

  const glm::ivec2 size{o.width, o.height};
  std::unique_ptr<ImGuiHost> ui;
  if (!o.noUi) {
    ui = std::make_unique<ImGuiHost>(nullptr, pictureUiScale(o));
    ui->newFrame(size, 1.0f / 60.0f);  // lets the panels settle their sizes before the first kept frame
    viewer.drawUi(0.0f, context->description());
    ImGui::Render();
  }
  VideoExport video(viewer, request, ui.get(), context->description());
  const bool terminal = isatty(STDERR_FILENO) != 0;
  const auto tFrames = Clock::now();
  auto seconds = [](Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); };
  double lastShown = -1.0;
  stopRequested = 0;
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  while (video.step()) {
    if (stopRequested) {
      if (terminal) std::fputs("\r\033[K", stderr);
      throw core::Error(request.path.string(), "interrupted; no file written");
    }
    const double elapsed = seconds(tFrames);
    if (!terminal || elapsed - lastShown < 0.25) continue;
    lastShown = elapsed;
    const double rate = video.framesDone() / std::max(elapsed, 1e-6);
    const double left = double(video.framesTotal() - video.framesDone()) / std::max(rate, 1e-6);
    std::fprintf(stderr, "\r%s: frame %d of %d, %.1f fps, %.0f s left   ", request.path.string().c_str(),
                 video.framesDone(), video.framesTotal(), rate, left);
  }
  if (terminal) std::fputs("\r\033[K", stderr);
  const double took = seconds(t0);
  fmt::print("{}: {} frames, {}x{} at {} fps ({:.1f} s of the exercise from {:g} s), written in {:.1f} s\n",
             request.path.string(), video.framesDone(), size.x, size.y, request.fps,
             double(video.framesDone()) / request.fps, request.from, took);
  return 0;
}

}  // namespace myo::app
