// gfx/leak_check.hpp: keeps the OpenGL driver mapped until exit in AddressSanitizer builds.
#pragma once

namespace myo::gfx {

/// In AddressSanitizer builds: marks every loaded DRI driver (a module under a `/dri/` folder) as never to be
/// unloaded. Mesa unloads its driver at eglTerminate, before LeakSanitizer's check at exit; the driver's own
/// leaks then have no module name, and the driver suppressions of .ci/lsan.supp cannot match them. Kept mapped,
/// they are named and suppressed, while leaks in the project's code are still reported. Elsewhere: nothing.
void keepDriversForLeakCheck();

}  // namespace myo::gfx
