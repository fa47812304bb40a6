#include "driver/note_summary.h"

#include <gtest/gtest.h>

namespace lockscope::driver {
namespace {

report::Diagnostic note(const std::string& message) {
  return {report::Diagnostic::Severity::Note, {}, "lockscope: " + message};
}

TEST(NoteSummary, NamesTheBiggestKindAndCountsIt) {
  std::vector<report::Diagnostic> d = {
      note("call through 'mhd_panic' is not followed: its target is not known statically"),
      note("call through 'cb' is not followed: no callable stored into it was found"),
      note("cannot tell which lock 'm' is; this acquisition is not analyzed"),
      {report::Diagnostic::Severity::Error, {}, "cannot analyze a.c"},
  };
  NoteSummary s = summarize_notes(d);
  EXPECT_EQ(s.count, 3u);
  EXPECT_EQ(s.biggest_kind, "unresolved call");
  EXPECT_EQ(s.biggest, 2u);
  EXPECT_FALSE(s.no_main);
  EXPECT_EQ(gave_up_text(s), "the analysis gave up on 3 constructs (most: unresolved call, 2)");
}

TEST(NoteSummary, NoMainIsSaidApartNotCountedAsAConstruct) {
  NoteSummary s = summarize_notes({note("the program has no main(): only threads it starts elsewhere are analyzed")});
  EXPECT_TRUE(s.no_main);
  EXPECT_EQ(s.count, 0u);
  EXPECT_EQ(gave_up_text(s), "");
}

TEST(NoteSummary, OneKindOrOneNote) {
  EXPECT_EQ(gave_up_text(summarize_notes({note("call chain too deep; 'f' is not followed")})),
            "the analysis gave up on 1 construct (budget)");
  EXPECT_EQ(gave_up_text(summarize_notes({note("too many distinct threads; this one is not analyzed"),
                                          note("thread entry 'w' has no body in the analyzed program")})),
            "the analysis gave up on 2 constructs (all: thread not followed)");
}

}  // namespace
}  // namespace lockscope::driver
