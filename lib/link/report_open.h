#pragma once
// The one place that turns the open-code analyses' evidence (open_evidence.h) into findings:
// messages, notes, the locks and entry points involved, and the evidence kind they rest on
// (report::kEvidenceConcurrentApi). It needs the link's types, so it lives here, not in lib/report.
#include "facts/ids.h"
#include "link/open_evidence.h"
#include "report/finding.h"

namespace lockscope::link {

class OpenCodeReporter : public OpenCodeHandler {
 public:
  OpenCodeReporter(const facts::Interner& interner, report::Report& out) : in_(interner), out_(out) {}
  void race(const RaceEvidence& evidence) override;
  void cycle(const CycleEvidence& evidence) override;
  void note(const report::Location& at, const std::string& message) override;

 private:
  std::string held_text(const facts::LockSet& held) const;
  void chain_notes(const EntryPoint& entry, const std::vector<CallStep>& chain, std::vector<report::Note>& notes) const;
  report::Note api_note(const EntryPoint& a, const EntryPoint& b) const;

  const facts::Interner& in_;
  report::Report& out_;
};

}  // namespace lockscope::link
