#pragma once
// Compiler diagnostics of one translation unit, reduced to what the user needs when the unit
// cannot be analyzed: its first error (message and position) and how many errors there were.
// Warnings are dropped: lockscope is not the compiler, and the user's build already shows them.
#include <clang/Basic/Diagnostic.h>

#include "report/finding.h"

namespace lockscope::driver {

class FirstErrorConsumer : public clang::DiagnosticConsumer {
 public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override;

  bool has_error() const { return errors_ > 0; }
  unsigned errors() const { return errors_; }
  const report::Location& first_location() const { return first_location_; }
  const std::string& first_message() const { return first_message_; }

 private:
  unsigned errors_ = 0;
  report::Location first_location_;
  std::string first_message_;
};

}  // namespace lockscope::driver
