// gfx/leak_check.cpp: see leak_check.hpp.
#include "gfx/leak_check.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define MYO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MYO_ASAN 1
#endif
#endif

#ifdef MYO_ASAN
#include <dlfcn.h>
#include <link.h>

#include <string>
#include <vector>
#endif

namespace myo::gfx {

void keepDriversForLeakCheck() {
#ifdef MYO_ASAN
  std::vector<std::string> drivers;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        const std::string name = info->dlpi_name != nullptr ? info->dlpi_name : "";
        if (name.find("/dri/") != std::string::npos) static_cast<std::vector<std::string>*>(out)->push_back(name);
        return 0;
      },
      &drivers);
  // RTLD_NOLOAD: only what is loaded already; the handle is kept on purpose (never closed).
  for (const auto& name : drivers) dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}

}  // namespace myo::gfx
