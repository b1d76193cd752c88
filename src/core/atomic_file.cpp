// core/atomic_file.cpp: temporary file + fsync + rename, and single-write appends (POSIX).
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "core/error.hpp"

namespace myo::core {
namespace {

namespace fs = std::filesystem;

std::string reason(const char* what) {
  return std::string(what) + ": " + std::strerror(errno);
}

void makeFolders(const fs::path& path) {
  const fs::path folder = path.parent_path();
  if (folder.empty()) return;
  std::error_code ec;
  if (fs::is_directory(folder, ec)) return;
  // Folder by folder, so that each new one gets 0700 (create_directories would use the umask's default).
  fs::path sofar;
  for (const fs::path& part : folder) {
    sofar /= part;
    if (fs::is_directory(sofar, ec)) continue;
    if (::mkdir(sofar.c_str(), 0700) != 0 && errno != EEXIST)
      throw Error(path.string(), reason(("cannot create the folder " + sofar.string()).c_str()));
  }
}

bool writeAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(size_t(n));
  }
  return true;
}

}  // namespace

void writeFileAtomically(const fs::path& path, std::string_view text) {
  makeFolders(path);
  std::string tmp = path.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw Error(path.string(), reason("cannot create a temporary file beside it"));
  int err = 0;
  if (!writeAll(fd, text) || ::fsync(fd) != 0) err = errno != 0 ? errno : EIO;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    errno = err;
    throw Error(path.string(), reason("cannot write"));
  }
  // The rename itself reaches the disk with the folder.
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void appendLine(const fs::path& path, std::string_view line) {
  makeFolders(path);
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd < 0) throw Error(path.string(), reason("cannot open for appending"));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(path.string(), "is not a regular file");
  }
  std::string text;
  if (st.st_size > 0) {
    // A line cut short by a crash or a full disk is closed first, so that it stays one bad line.
    const int rd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    char last = '\n';
    if (rd >= 0) {
      if (::pread(rd, &last, 1, st.st_size - 1) != 1) last = '\n';
      ::close(rd);
    }
    if (last != '\n') text += '\n';
  }
  text += line;
  // One write() of an O_APPEND descriptor: the kernel puts it at the end as a whole.
  const ssize_t n = ::write(fd, text.data(), text.size());
  const int savedErrno = errno;
  ::close(fd);
  errno = savedErrno;
  if (n != ssize_t(text.size())) throw Error(path.string(), n < 0 ? reason("cannot append") : "short write");
}

}  // namespace myo::core
