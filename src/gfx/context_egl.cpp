// gfx/context_egl.cpp: OpenGL through EGL without any window system (device platform, or Mesa surfaceless).
#include <glad/egl.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "gfx/context.hpp"
#include "gfx/gl.hpp"
#include "gfx/leak_check.hpp"

namespace myo::gfx {
namespace {

bool hasExtension(const char* list, const char* name) {
  if (list == nullptr) return false;
  const std::string all = std::string(" ") + list + " ";
  return all.find(std::string(" ") + name + " ") != std::string::npos;
}

class EglContext final : public Context {
public:
  EglContext(EGLDisplay display, EGLContext context, std::string platform)
      : display_(display), context_(context), platform_(std::move(platform)) {}
  ~EglContext() override {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display_, context_);
    eglTerminate(display_);
  }
  glm::ivec2 framebufferSize() const override { return {0, 0}; }
  void swapBuffers() override {}
  std::string description() const override {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return "EGL " + platform_ + ", " + (renderer ? renderer : "?") + ", OpenGL " + (version ? version : "?");
  }

private:
  EGLDisplay display_;
  EGLContext context_;
  std::string platform_;
};

// Initialises a display and makes a GL 3.3 core context current on it, with no surface.
EGLContext makeContext(EGLDisplay display) {
  if (!eglBindAPI(EGL_OPENGL_API)) return EGL_NO_CONTEXT;
  const EGLint configAttribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
                                  EGL_BLUE_SIZE, 8, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (!eglChooseConfig(display, configAttribs, &config, 1, &count) || count < 1) config = nullptr;
  const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                   EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttribs);
  if (context == EGL_NO_CONTEXT) return EGL_NO_CONTEXT;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    eglDestroyContext(display, context);
    return EGL_NO_CONTEXT;
  }
  return context;
}

bool initialise(EGLDisplay display) {
  if (display == EGL_NO_DISPLAY) return false;
  EGLint major = 0, minor = 0;
  if (!eglInitialize(display, &major, &minor)) return false;
  keepDriversForLeakCheck();  // sanitizer builds only
  // Reload with the display so that 1.5 entry points and display extensions resolve.
  if (!gladLoaderLoadEGL(display)) return false;
  return true;
}

}  // namespace

std::unique_ptr<Context> createHeadlessContext() {
  if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) throw std::runtime_error("EGL: cannot load libEGL");
  const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  const char* forced = std::getenv("MYO_EGL_PLATFORM");
  const std::string force = forced ? forced : "";

  std::vector<std::string> tried;
  auto finish = [&](EGLDisplay display, const std::string& platform) -> std::unique_ptr<Context> {
    if (!initialise(display)) {
      tried.push_back(platform + " (no display)");
      return nullptr;
    }
    EGLContext context = makeContext(display);
    if (context == EGL_NO_CONTEXT) {
      tried.push_back(platform + " (no GL 3.3 core context)");
      eglTerminate(display);
      return nullptr;
    }
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
      tried.push_back(platform + " (GL functions missing)");
      eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      eglDestroyContext(display, context);
      eglTerminate(display);
      return nullptr;
    }
    return std::make_unique<EglContext>(display, context, platform);
  };

  // A GPU through the device platform first (NVIDIA's headless path); Mesa's software device is skipped so that
  // machines without a GPU land on the well-tested surfaceless platform.
  if (force != "surfaceless" && hasExtension(clientExtensions, "EGL_EXT_device_enumeration") &&
      hasExtension(clientExtensions, "EGL_EXT_platform_device") && eglQueryDevicesEXT) {
    EGLDeviceEXT devices[16];
    EGLint count = 0;
    if (eglQueryDevicesEXT(16, devices, &count)) {
      for (EGLint i = 0; i < count; ++i) {
        const char* deviceExtensions = eglQueryDeviceStringEXT ? eglQueryDeviceStringEXT(devices[i], EGL_EXTENSIONS)
                                                               : nullptr;
        if (force != "device" && hasExtension(deviceExtensions, "EGL_MESA_device_software")) continue;
        EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
        if (auto context = finish(display, "device " + std::to_string(i))) return context;
      }
    }
  }
  if (force != "device" && hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless")) {
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (auto context = finish(display, "surfaceless")) return context;
  }
  std::string why = "no EGL platform gave an OpenGL 3.3 core context";
  if (!tried.empty()) {
    why += " (tried";
    for (const auto& t : tried) why += " " + t;
    why += ")";
  }
  throw std::runtime_error(why);
}

}  // namespace myo::gfx
