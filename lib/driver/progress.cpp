#include "driver/progress.h"

#include <iostream>

#include <unistd.h>

namespace lockscope::driver {

namespace {
constexpr const char* kClearLine = "\r\033[K";
}

std::ostream* Progress::terminal_stderr(size_t total, bool wanted) {
  if (!wanted || total < kMinUnits || !isatty(STDERR_FILENO)) return nullptr;
  return &std::cerr;
}

void Progress::unit_started(const std::string& file) {
  if (!out_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++started_;
  *out_ << kClearLine << "lockscope: translation unit " << started_ << " of " << total_ << ": " << file << std::flush;
}

Progress::~Progress() {
  if (out_ && started_ > 0) *out_ << kClearLine << std::flush;
}

}  // namespace lockscope::driver
