#include "expectations.h"

#include <sstream>

#include <gtest/gtest.h>

namespace lockscope::harness {
namespace {

ProgramSpec parse(const std::string& text, Mode mode) {
  std::istringstream in(text);
  ProgramSpec spec;
  parse_source(in, "p.cpp", mode, spec);
  return spec;
}

TEST(Expectations, UnscopedAppliesToEveryHalfThatReportsTheKind) {
  const std::string src =
      "int main() {\n"
      "  lb.lock();  // expect: lock-order-inversion\n"
      "  x = 1;      // expect: data-race\n"
      "}\n";
  ProgramSpec st = parse(src, Mode::Static);
  ASSERT_EQ(st.expectations.size(), 2u);
  EXPECT_EQ(st.expectations[0], (Expectation{"p.cpp", 2, "lock-order-inversion"}));
  EXPECT_EQ(st.expectations[1], (Expectation{"p.cpp", 3, "data-race"}));
  ProgramSpec rt = parse(src, Mode::Runtime);
  ASSERT_EQ(rt.expectations.size(), 1u);  // the runtime does not report races
  EXPECT_EQ(rt.expectations[0].kind, "lock-order-inversion");
}

TEST(Expectations, ScopedAppliesToOneHalfOnly) {
  const std::string src = "a();  // expect[runtime]: deadlock\nb();  // expect[static]: lock-order-inversion\n";
  EXPECT_EQ(parse(src, Mode::Static).expectations, (std::vector<Expectation>{{"p.cpp", 2, "lock-order-inversion"}}));
  EXPECT_EQ(parse(src, Mode::Runtime).expectations, (std::vector<Expectation>{{"p.cpp", 1, "deadlock"}}));
}

TEST(Expectations, ThreadUnsafeCallsAreStaticOnly) {
  const std::string src = "strtok(line, \",\");  // expect[static]: thread-unsafe-call\n";
  EXPECT_EQ(parse(src, Mode::Static).expectations, (std::vector<Expectation>{{"p.cpp", 1, "thread-unsafe-call"}}));
  EXPECT_TRUE(parse(src, Mode::Runtime).expectations.empty());
  EXPECT_THROW(parse("rand();  // expect[runtime]: thread-unsafe-call\n", Mode::Runtime), ExpectationError);
}

TEST(Expectations, SeveralKindsOnOneLine) {
  EXPECT_EQ(parse("x = 1; y = 2;  // expect: data-race, data-race\n", Mode::Static).expectations.size(), 2u);
}

TEST(Expectations, TyposAreErrorsNotSilence) {
  EXPECT_THROW(parse("x;  // expect: data-rase\n", Mode::Static), ExpectationError);
  EXPECT_THROW(parse("x;  // expect[statc]: data-race\n", Mode::Static), ExpectationError);
  EXPECT_THROW(parse("x;  // expect:\n", Mode::Static), ExpectationError);
  EXPECT_THROW(parse("x;  // expect[runtime]: data-race\n", Mode::Runtime), ExpectationError);
  EXPECT_THROW(parse("// lockscope-test: no-runn\n", Mode::Static), ExpectationError);
}

TEST(Expectations, ProseMentioningExpectIsIgnored) {
  EXPECT_TRUE(parse("// we expect this to stay silent\nint x;\n", Mode::Static).expectations.empty());
}

TEST(Expectations, Directives) {
  ProgramSpec spec = parse("// lockscope-test: no-run\n// lockscope-test: run-args: --port 0 -v\n", Mode::Runtime);
  EXPECT_EQ(spec.directives.at("no-run"), "");
  EXPECT_EQ(spec.directives.at("run-args"), "--port 0 -v");
}

TEST(Expectations, CBlockCommentsUseTheSameSyntax) {
  ProgramSpec spec = parse("/* lockscope-test: no-run */\nx++; /* expect[static]: data-race */\n", Mode::Static);
  EXPECT_EQ(spec.directives.at("no-run"), "");
  ASSERT_EQ(spec.expectations.size(), 1u);
  EXPECT_EQ(spec.expectations[0].kind, "data-race");
  EXPECT_EQ(spec.expectations[0].line, 2u);
}

TEST(Expectations, PythonCommentsUseTheSameSyntax) {
  const std::string src =
      "with lock1:  # expect[runtime]: lock-order-inversion\n"
      "# lockscope-test: status: 143\n"
      "x = 1  # a comment that says expect nothing\n";
  ProgramSpec rt = parse(src, Mode::Runtime);
  EXPECT_EQ(rt.expectations, (std::vector<Expectation>{{"p.cpp", 1, "lock-order-inversion"}}));
  EXPECT_EQ(rt.directives.at("status"), "143");
  EXPECT_THROW(parse("with a:  # expect[runtime]: lock-order-inversoin\n", Mode::Runtime), ExpectationError);
  EXPECT_THROW(parse("# lockscope-test: staus: 1\n", Mode::Runtime), ExpectationError);
}

TEST(Expectations, TheFormerRuntimeCheckersDirectivesAreRefused) {
  EXPECT_THROW(parse("// rt-test: options: hang_timeout_ms=100\n", Mode::Runtime), ExpectationError);
}

}  // namespace
}  // namespace lockscope::harness
