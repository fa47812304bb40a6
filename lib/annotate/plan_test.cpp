#include "annotate/plan.h"

#include <gtest/gtest.h>

#include <map>

namespace lockscope::annotate {
namespace {

const char* kAccount = R"(#pragma once
#include <mutex>

class Account {
 public:
  void Deposit(int n);
  int Balance() const;

 private:
  void Apply(int n);
  mutable std::mutex mu_;
  std::mutex audit_mu_;
  int balance_ = 0;
  int* history_;
};
)";

struct Fixture {
  std::map<std::string, std::string> files;
  Project project() const {
    Project p;
    p.root = "/p";
    for (const auto& [path, text] : files) p.macro_sources.push_back({path, text});
    p.read = [this](const std::string& path) -> std::optional<std::string> {
      auto it = files.find(path);
      return it == files.end() ? std::nullopt : std::optional(it->second);
    };
    return p;
  }
};

GuardFacts account_facts() {
  GuardFacts f;
  f.variables.push_back({{"account.h", 13, 7}, "balance_", "mu_", false});
  f.variables.push_back({{"/p/account.h", 14, 8}, "history_", "mu_", true});
  f.functions.push_back({{"account.h", 10, 8}, "Apply", {"mu_"}});
  f.orders.push_back({{"account.h", 12, 14}, "audit_mu_", "mu_"});
  return f;
}

TEST(Plan, WritesEachAnnotationAndTheGeneratedHeader) {
  Fixture fx{{{"/p/account.h", kAccount}}};
  Plan plan = plan_annotations(account_facts(), fx.project());
  EXPECT_TRUE(plan.notes.empty()) << plan.notes.front();
  ASSERT_EQ(plan.files.size(), 2u);
  const std::string& after = plan.files[0].after;
  EXPECT_NE(after.find("  void Apply(int n) REQUIRES(mu_);\n"), std::string::npos) << after;
  EXPECT_NE(after.find("  std::mutex audit_mu_ ACQUIRED_AFTER(mu_);\n"), std::string::npos) << after;
  EXPECT_NE(after.find("  int balance_ GUARDED_BY(mu_) = 0;\n"), std::string::npos) << after;
  EXPECT_NE(after.find("  int* history_ PT_GUARDED_BY(mu_);\n"), std::string::npos) << after;
  EXPECT_NE(after.find("#include \"lockscope_thread_annotations.h\"\n"), std::string::npos) << after;
  EXPECT_TRUE(plan.files[1].created);
  EXPECT_EQ(plan.files[1].path, "/p/lockscope_thread_annotations.h");
  EXPECT_EQ(plan.files[1].after, generated_header());
  EXPECT_EQ(plan.edits.size(), 5u);  // four attributes and the include
}

TEST(Plan, UsesTheProjectsOwnMacrosAndItsIncludeSpelling) {
  Fixture fx{{{"/p/account.h", kAccount},
              {"/p/port/thread_annotations.h", "#define GUARDED_BY(x) a\n#define EXCLUSIVE_LOCKS_REQUIRED(...) b\n"},
              {"/p/db/other.cc", "#include \"port/thread_annotations.h\"\n"}}};
  Plan plan = plan_annotations(account_facts(), fx.project());
  ASSERT_EQ(plan.files.size(), 1u);  // no generated header
  const std::string& after = plan.files[0].after;
  EXPECT_NE(after.find("void Apply(int n) EXCLUSIVE_LOCKS_REQUIRED(mu_);"), std::string::npos) << after;
  EXPECT_NE(after.find("#include \"port/thread_annotations.h\"\n"), std::string::npos) << after;
}

TEST(Plan, NoIncludeWhenTheFileAlreadyIncludesTheHeader) {
  std::string text = std::string("#include \"lockscope_thread_annotations.h\"\n") + kAccount;
  Fixture fx{{{"/p/account.h", text}}};
  GuardFacts f;
  f.variables.push_back({{"account.h", 14, 7}, "balance_", "mu_", false});
  Plan plan = plan_annotations(f, fx.project());
  ASSERT_EQ(plan.edits.size(), 1u);
  EXPECT_EQ(plan.edits[0].text, " GUARDED_BY(mu_)");
}

TEST(Plan, TwoFactsOnOneDeclarationAndDuplicatesMakeOneInsertion) {
  Fixture fx{{{"/p/account.h", kAccount}}};
  GuardFacts f;
  f.orders.push_back({{"account.h", 12, 14}, "audit_mu_", "mu_"});
  f.orders.push_back({{"account.h", 12, 14}, "audit_mu_", "other_mu_"});
  f.orders.push_back({{"account.h", 12, 14}, "audit_mu_", "mu_"});
  f.variables.push_back({{"account.h", 12, 14}, "audit_mu_", "big_mu_", false});
  Plan plan = plan_annotations(f, fx.project());
  EXPECT_NE(plan.files[0].after.find("std::mutex audit_mu_ GUARDED_BY(big_mu_) ACQUIRED_AFTER(mu_, other_mu_);"),
            std::string::npos)
      << plan.files[0].after;
}

TEST(Plan, FactsThatCannotBePlacedAreNotes) {
  Fixture fx{{{"/p/account.h", kAccount}}};
  GuardFacts f;
  f.variables.push_back({{"account.h", 13, 3}, "balance_", "mu_", false});  // points at `int`
  f.variables.push_back({{"missing.h", 1, 1}, "x", "mu_", false});
  f.variables.push_back({{"account.h", 99, 1}, "y", "mu_", false});
  f.variables.push_back({{"/usr/include/x.h", 1, 1}, "z", "mu_", false});
  Plan plan = plan_annotations(f, fx.project());
  EXPECT_TRUE(plan.files.empty());
  ASSERT_EQ(plan.notes.size(), 4u);
  EXPECT_EQ(plan.notes[3], "/usr/include/x.h:1:1: GUARDED_BY(mu_) not written: outside the project root /p");
  EXPECT_EQ(plan.notes[0], "account.h:13:3: GUARDED_BY(mu_) not written: no declaration of 'balance_' there");
  EXPECT_EQ(plan.notes[1], "/p/missing.h: cannot be read; its annotations are not written");
  EXPECT_EQ(plan.notes[2], "account.h:99:1: GUARDED_BY(mu_) not written: no such line and column");
}

TEST(Plan, FixitsYamlListsEveryEdit) {
  Fixture fx{{{"/p/account.h", kAccount}}};
  std::string yaml = fixits_yaml(plan_annotations(account_facts(), fx.project()));
  EXPECT_NE(yaml.find("MainSourceFile:"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("FilePath:        '/p/account.h'"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("ReplacementText: ' GUARDED_BY(mu_)'"), std::string::npos) << yaml;
}

}  // namespace
}  // namespace lockscope::annotate
