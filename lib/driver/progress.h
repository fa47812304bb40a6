#pragma once
// Progress of a long check on a terminal, one line on stderr rewritten in place:
//
//   lockscope: translation unit 12 of 340: /src/leveldb/db/db_impl.cc
//
// Silent unless stderr is a terminal and there are enough units to wait for, so CI logs (pipes)
// and redirected runs never see it; --quiet turns it off too. Units are counted as they start;
// several workers may report at once.
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>

namespace lockscope::driver {

class Progress {
 public:
  static constexpr size_t kMinUnits = 8;  // below this a check ends before progress helps

  // Where progress goes for `total` units: std::cerr when wanted, stderr is a terminal and
  // total >= kMinUnits; otherwise nullptr (no progress).
  static std::ostream* terminal_stderr(size_t total, bool wanted);

  // `out` nullptr: every call does nothing.
  Progress(std::ostream* out, size_t total) : out_(out), total_(total) {}
  ~Progress();  // clears the line, so the report starts on a clean one
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void unit_started(const std::string& file);

 private:
  std::ostream* out_;
  size_t total_;
  size_t started_ = 0;
  std::mutex mutex_;
};

}  // namespace lockscope::driver
