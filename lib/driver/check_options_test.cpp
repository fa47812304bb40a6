#include "driver/check_options.h"

#include <gtest/gtest.h>

namespace lockscope::driver {
namespace {

CheckOptions parse(std::vector<std::string> args) { return parse_check_args(args); }

std::string usage_error(std::vector<std::string> args) {
  try {
    parse_check_args(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(CheckOptions, BuildDirAndFiles) {
  CheckOptions o = parse({"-p", "build", "a.cpp", "b.c"});
  EXPECT_EQ(o.build_dir, "build");
  EXPECT_EQ(o.files, (std::vector<std::string>{"a.cpp", "b.c"}));
  EXPECT_FALSE(o.fixed_args);
  EXPECT_EQ(o.jobs, 0u);
  EXPECT_EQ(o.format, OutputFormat::Text);
}

TEST(CheckOptions, ValueForms) {
  EXPECT_EQ(parse({"-pbuild"}).build_dir, "build");
  EXPECT_EQ(parse({"-p=build"}).build_dir, "build");
  EXPECT_EQ(parse({"-p", "b", "-j4"}).jobs, 4u);
  EXPECT_EQ(parse({"-p", "b", "-j", "3"}).jobs, 3u);
  EXPECT_EQ(parse({"-p", "b", "--jobs=2"}).jobs, 2u);
  EXPECT_EQ(parse({"-p", "b", "--format=json"}).format, OutputFormat::Json);
  EXPECT_EQ(parse({"-p", "b", "--format", "sarif"}).format, OutputFormat::Sarif);
  EXPECT_EQ(parse({"-p", "b", "-o", "r.json"}).output, "r.json");
  EXPECT_EQ(parse({"-p", "b", "--output=r.json"}).output, "r.json");
  EXPECT_EQ(parse({"-p", "b", "--resource-dir", "/r"}).resource_dir, "/r");
}

TEST(CheckOptions, EverythingAfterDoubleDashIsCompilerArguments) {
  CheckOptions o = parse({"a.c", "--", "-DX=1", "-p", "--format", "-j0"});
  EXPECT_EQ(o.files, std::vector<std::string>{"a.c"});
  ASSERT_TRUE(o.fixed_args);
  EXPECT_EQ(*o.fixed_args, (std::vector<std::string>{"-DX=1", "-p", "--format", "-j0"}));
  EXPECT_FALSE(o.build_dir);
  EXPECT_EQ(o.format, OutputFormat::Text);
  EXPECT_EQ(parse({"a.c", "--"}).fixed_args->size(), 0u);
}

TEST(CheckOptions, Switches) {
  CheckOptions o = parse({"-p", "b", "--quiet", "--no-races"});
  EXPECT_TRUE(o.quiet);
  EXPECT_FALSE(o.races);
  EXPECT_TRUE(o.lock_order);
  EXPECT_FALSE(parse({"-p", "b", "--no-lock-order"}).lock_order);
  EXPECT_TRUE(parse({"-p", "b", "--show-notes"}).show_notes);
  EXPECT_TRUE(parse({"-p", "b", "--stats"}).stats);
  EXPECT_FALSE(parse({"-p", "b"}).show_notes);
  EXPECT_TRUE(parse({"--help"}).help);
  EXPECT_TRUE(parse({"-p", "b", "-h", "--bogus-ignored-after-help"}).help);
}

TEST(CheckOptions, BadJobs) {
  EXPECT_NE(usage_error({"-p", "b", "-j", "0"}).find("-j expects"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "-j", "x"}).find("got 'x'"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "-j", "-1"}).find("got '-1'"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "-j4x"}).find("got '4x'"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "-j", "100000"}).find("between 1 and"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "-j"}).find("-j needs a value"), std::string::npos);
}

TEST(CheckOptions, BadUsage) {
  EXPECT_NE(usage_error({"-p", "b", "--frobnicate"}).find("unknown option '--frobnicate'"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "--format", "xml"}).find("got 'xml'"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "a.c", "--", "-O2"}).find("use one of them"), std::string::npos);
  EXPECT_NE(usage_error({"--", "-O2"}).find("no FILES"), std::string::npos);
  EXPECT_NE(usage_error({}).find("nothing to analyze"), std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "--no-races", "--no-lock-order"}).find("nothing to analyze"),
            std::string::npos);
  EXPECT_NE(usage_error({"-p", "b", "--output"}).find("--output needs a value"), std::string::npos);
  EXPECT_NE(usage_error({"-p="}).find("-p needs a build directory"), std::string::npos);
}

TEST(CheckOptions, HelpDocumentsEveryOption) {
  std::string help = check_help();
  for (const char* opt : {"-p", "--format", "--output", "-j", "--quiet", "--no-races", "--no-lock-order",
                          "--resource-dir", "--show-notes", "--stats", "--", "Exit status"})
    EXPECT_NE(help.find(opt), std::string::npos) << opt;
}

}  // namespace
}  // namespace lockscope::driver
