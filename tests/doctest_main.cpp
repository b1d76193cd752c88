// The doctest entry point shared by every test program. Built with MYO_NEEDS_SAMPLES for the khronos tier: there
// it exits 77 (CTest's skip) without running a test when the Khronos samples folder does not exist.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

int main(int argc, char** argv) {
#ifdef MYO_NEEDS_SAMPLES
  if (!std::filesystem::is_directory(MYO_SAMPLES_DIR)) {
    std::printf("skipped: the Khronos samples folder %s does not exist\n", MYO_SAMPLES_DIR);
    return 77;
  }
#endif
  return doctest::Context(argc, argv).run();
}
