#include "driver/first_error.h"

#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/SmallString.h>

namespace lockscope::driver {

void FirstErrorConsumer::HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) {
  clang::DiagnosticConsumer::HandleDiagnostic(level, info);
  if (level < clang::DiagnosticsEngine::Error) return;
  if (errors_++ > 0) return;
  llvm::SmallString<256> text;
  info.FormatDiagnostic(text);
  first_message_ = std::string(text);
  // Driver errors (an unknown option, a missing file) come without a source position.
  if (info.hasSourceManager() && info.getLocation().isValid()) {
    clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
    if (p.isValid()) first_location_ = report::Location{p.getFilename(), p.getLine(), p.getColumn()};
  }
}

}  // namespace lockscope::driver
