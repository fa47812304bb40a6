#include "annotate/placement.h"

#include <gtest/gtest.h>

namespace lockscope::annotate {
namespace {

// Inserts " X" where the placement says, or returns the problem.
std::string place_variable(const std::string& text, const std::string& name) {
  Placement p = variable_attribute_offset(text, text.find(name), name, "GUARDED_BY");
  return p.offset ? std::string(text).insert(*p.offset, " X") : "problem: " + p.problem;
}
std::string place_function(const std::string& text, const std::string& name) {
  Placement p = function_attribute_offset(text, text.find(name), name, "REQUIRES");
  return p.offset ? std::string(text).insert(*p.offset, " X") : "problem: " + p.problem;
}

TEST(Placement, OffsetOfLineAndColumn) {
  EXPECT_EQ(offset_of("ab\ncd\n", 2, 2), 4u);
  EXPECT_EQ(offset_of("ab\ncd\n", 1, 1), 0u);
  EXPECT_FALSE(offset_of("ab\ncd\n", 2, 3));  // past the end of the line
  EXPECT_FALSE(offset_of("ab\n", 5, 1));
  EXPECT_FALSE(offset_of("ab\n", 0, 1));
}

TEST(Placement, VariableAttributeGoesAfterTheDeclarator) {
  EXPECT_EQ(place_variable("int n_;", "n_"), "int n_ X;");
  EXPECT_EQ(place_variable("int n_ = 0;", "n_"), "int n_ X = 0;");
  EXPECT_EQ(place_variable("int n_{0};", "n_"), "int n_ X{0};");
  EXPECT_EQ(place_variable("int a_[kSize * (2)] = {};", "a_"), "int a_[kSize * (2)] X = {};");
  EXPECT_EQ(place_variable("static long total, other;", "total"), "static long total X, other;");
  EXPECT_EQ(place_variable("unsigned flag_ : 1;", "flag_"), "unsigned flag_ X : 1;");
  EXPECT_EQ(place_variable("int n_ /* count */;", "n_"), "int n_ X /* count */;");
}

TEST(Placement, VariableAlreadyAnnotatedOrMissingIsAProblem) {
  EXPECT_EQ(place_variable("int n_ GUARDED_BY(mu_);", "n_"), "problem: 'n_' is already annotated");
  Placement p = variable_attribute_offset("int m_;", 0, "m_", "GUARDED_BY");  // points at `int`
  EXPECT_FALSE(p.offset);
  EXPECT_EQ(p.problem, "no declaration of 'm_' there");
}

TEST(Placement, FunctionAttributeGoesAfterParametersAndQualifiers) {
  EXPECT_EQ(place_function("void Apply(int x);", "Apply"), "void Apply(int x) X;");
  EXPECT_EQ(place_function("int Get() const;", "Get"), "int Get() const X;");
  EXPECT_EQ(place_function("void Run() const noexcept(true) override;", "Run"),
            "void Run() const noexcept(true) X override;");
  EXPECT_EQ(place_function("virtual void Run() = 0;", "Run"), "virtual void Run() X = 0;");
  EXPECT_EQ(place_function("static void helper(void (*cb)(int)) {\n}", "helper"),
            "static void helper(void (*cb)(int)) X {\n}");
  EXPECT_EQ(place_function("void Move() &&;", "Move"), "void Move() && X;");
}

TEST(Placement, FunctionProblems) {
  EXPECT_EQ(place_function("void f() REQUIRES(mu_);", "f"), "problem: 'f' is already annotated");
  EXPECT_EQ(place_function("auto f() -> int;", "f"), "problem: 'f' has a trailing return type (not annotated)");
  EXPECT_EQ(place_function("void f(int x;", "f"), "problem: the parameters of 'f' do not end");
}

}  // namespace
}  // namespace lockscope::annotate
