#include "driver/extract_units.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include <clang/Basic/Stack.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "driver/first_error.h"
#include "driver/progress.h"
#include "driver/resource_dir.h"

namespace lockscope::driver {

namespace tooling = clang::tooling;

namespace {

// ClangTool runs every command a database has for a file; we have already chosen one.
class OneCommandDatabase : public tooling::CompilationDatabase {
 public:
  explicit OneCommandDatabase(tooling::CompileCommand command) : command_(std::move(command)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override { return {command_}; }
  std::vector<std::string> getAllFiles() const override { return {command_.Filename}; }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override { return {command_}; }

 private:
  tooling::CompileCommand command_;
};

class ActionFactory : public tooling::FrontendActionFactory {
 public:
  ActionFactory(ActionMaker make, facts::TranslationUnitFacts& out) : make_(make), out_(out) {}
  std::unique_ptr<clang::FrontendAction> create() override { return make_(out_); }

 private:
  ActionMaker make_;
  facts::TranslationUnitFacts& out_;
};

report::Diagnostic unit_error(const std::string& file, const std::string& why, report::Location where = {}) {
  return report::Diagnostic{report::Diagnostic::Severity::Error, std::move(where), "cannot analyze " + file + ": " + why};
}

std::string describe(const FirstErrorConsumer& diags) {
  std::string text = diags.first_message();
  if (diags.errors() > 1)
    text += " (and " + std::to_string(diags.errors() - 1) + (diags.errors() == 2 ? " more error)" : " more errors)");
  return text;
}

UnitOutcome extract_one(const Unit& unit, ActionMaker make_action, const ExtractOptions& options) {
  UnitOutcome outcome;
  std::vector<std::string> command = unit.command;
  add_resource_dir(command, options.resource_dir);
  OneCommandDatabase db(tooling::CompileCommand(unit.directory, unit.file, std::move(command), ""));

  tooling::ClangTool tool(db, {unit.file}, std::make_shared<clang::PCHContainerOperations>(),
                          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(llvm::vfs::createPhysicalFileSystem().release()));
  FirstErrorConsumer diags;
  tool.setDiagnosticConsumer(&diags);
  tool.setPrintErrorMessage(false);
  // A -Werror the project's own compiler is happy with must not stop a different compiler from
  // reading the code.
  tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster("-Wno-error", tooling::ArgumentInsertPosition::END));
  // Without carets clang does not print its own "N errors generated." line: the first error
  // in the report is the one message the user gets per unit.
  tool.appendArgumentsAdjuster(
      tooling::getInsertArgumentAdjuster("-fno-caret-diagnostics", tooling::ArgumentInsertPosition::END));

  ActionFactory factory(make_action, outcome.facts);
  int status = 0;
  std::string exception;
  llvm::CrashRecoveryContext crash_recovery;
  bool survived = crash_recovery.RunSafely([&] {
    try {
      status = tool.run(&factory);
    } catch (const std::exception& e) {
      exception = e.what();
    } catch (...) {
      exception = "unknown exception";
    }
  });

  if (!survived) {
    outcome.error = unit_error(unit.file, "the extraction crashed (please report this with the file)");
  } else if (!exception.empty()) {
    outcome.error = unit_error(unit.file, "the extraction failed: " + exception);
  } else if (diags.has_error()) {
    outcome.error = unit_error(unit.file, describe(diags), diags.first_location());
  } else if (status != 0) {
    outcome.error = unit_error(unit.file, "the extraction failed without a compiler error");
  }
  if (outcome.error) outcome.facts = {};
  return outcome;
}

}  // namespace

std::vector<UnitOutcome> extract_units(const std::vector<Unit>& units, ActionMaker make_action,
                                       const ExtractOptions& options) {
  static std::once_flag crash_recovery_enabled;
  std::call_once(crash_recovery_enabled, [] { llvm::CrashRecoveryContext::Enable(); });

  std::vector<UnitOutcome> outcomes(units.size());
  std::atomic<size_t> next{0};
  Progress progress(Progress::terminal_stderr(units.size(), options.progress), units.size());
  auto worker = [&] {
    // Lets clang grow its stack for deep templates instead of overflowing on a worker thread.
    clang::noteBottomOfStack();
    for (size_t i; (i = next.fetch_add(1)) < units.size();) {
      progress.unit_started(units[i].file);
      outcomes[i] = extract_one(units[i], make_action, options);
    }
  };
  const size_t threads = std::clamp<size_t>(options.jobs, 1, std::max<size_t>(units.size(), 1));
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::thread& t : pool) t.join();
  return outcomes;
}

}  // namespace lockscope::driver
