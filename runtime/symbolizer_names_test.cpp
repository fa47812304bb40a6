#include "symbolizer_names.h"

#include <gtest/gtest.h>

#include "report_builder.h"
#include "symbolizer_elf.h"

namespace lockscope::rt {
namespace {

Frame frame(std::string function, std::string file = "/src/bank.cpp", unsigned line = 20, unsigned start_line = 13) {
  Frame f;
  f.function = std::move(function);
  f.file = f.start_file = std::move(file);
  f.line = line;
  f.start_line = start_line;
  return f;
}

TEST(ReadableFunction, NamesALambdaByItsFileAndLine) {
  EXPECT_EQ(readable_function(frame("main::$_0::operator()() const")), "lambda in main at bank.cpp:13");
  EXPECT_EQ(readable_function(frame("main::{lambda()#1}::operator()() const")), "lambda in main at bank.cpp:13");
  EXPECT_EQ(readable_function(frame("Bank::run(int)::$_3::operator()(int) const")),
            "lambda in Bank::run(int) at bank.cpp:13");
  EXPECT_EQ(readable_function(frame("auto main::$_1::operator()<int>(int) const")), "lambda in main at bank.cpp:13");
  EXPECT_EQ(readable_function(frame("main::$_0::operator()() const", "", 0, 0)), "lambda in main");
}

TEST(ReadableFunction, LeavesOtherFunctionsAlone) {
  EXPECT_EQ(readable_function(frame("transfer(Account&, Account&)")), "transfer(Account&, Account&)");
  EXPECT_EQ(readable_function(frame("Worker::operator()()")), "Worker::operator()()");
}

TEST(StdThreadCallable, FromTheEntryType) {
  EXPECT_EQ(std_thread_callable("std::thread::_State_impl<std::thread::_Invoker<std::tuple<main::$_0> > >::_M_run()"),
            "lambda in main");
  EXPECT_EQ(std_thread_callable(
                "std::thread::_State_impl<std::thread::_Invoker<std::tuple<main::{lambda(int)#2}, int> > >::_M_run()"),
            "lambda in main");
  EXPECT_EQ(std_thread_callable("std::thread::_State_impl<std::thread::_Invoker<std::tuple<Worker> > >::_M_run()"),
            "Worker");
  EXPECT_EQ(std_thread_callable(
                "std::thread::_State_impl<std::thread::_Invoker<std::tuple<void (*)(int), int> > >::_M_run()"),
            "");
  EXPECT_EQ(std_thread_callable("start_thread"), "");
}

TEST(SystemFrames, LibcAndLibstdcxxAreNotTheUsers) {
  EXPECT_TRUE(is_system_module("/lib/x86_64-linux-gnu/libc.so.6"));
  EXPECT_TRUE(is_system_module("/usr/lib/x86_64-linux-gnu/libstdc++.so.6"));
  EXPECT_FALSE(is_system_module("/work/app/a.out"));
  Frame libc = frame("start_thread", "./nptl/pthread_create.c", 442, 400);
  libc.module = "/lib/x86_64-linux-gnu/libc.so.6";
  EXPECT_TRUE(is_system_frame(libc));
  Frame gthr = frame("__gthread_mutex_lock(pthread_mutex_t*)",
                     "/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/x86_64-linux-gnu/c++/12/bits/gthr-default.h");
  EXPECT_TRUE(is_system_frame(gthr));
  Frame unsymbolized = frame("transfer(Account&, Account&)", "", 0, 0);
  unsymbolized.module = "/work/app/a.out";
  EXPECT_FALSE(is_system_frame(unsymbolized));  // no llvm-symbolizer: still the user's function
  EXPECT_TRUE(is_library_function_name("void std::__invoke_impl<void, main::$_0>(std::__invoke_other, main::$_0&&)"));
  EXPECT_TRUE(is_library_function_name("std::__invoke_result<main::$_0>::type std::__invoke<main::$_0>(main::$_0&&)"));
  EXPECT_TRUE(is_library_function_name("__gthread_mutex_lock(pthread_mutex_t*)"));
  EXPECT_FALSE(is_library_function_name("Cache<std::string>::get(int)"));
  EXPECT_FALSE(is_library_function_name("main::$_0::operator()() const"));
}

int __attribute__((noinline)) function_to_find(int x) { return x * 3 + 1; }

TEST(ElfSymbols, NameFunctionsWithoutTheSymbolizer) {
  std::string module;
  uintptr_t relative = 0;
  ASSERT_TRUE(module_of(reinterpret_cast<uintptr_t>(&function_to_find) + 2, module, relative));
  ElfSymbols symbols;
  EXPECT_NE(symbols.function_at(module, relative).find("function_to_find(int)"), std::string::npos);
  EXPECT_EQ(symbols.function_at("/nonexistent", 0x1000), "");
}

TEST(Symbolizer, SaysWhatIsMissing) {
  Symbolizer sym("/nonexistent/llvm-symbolizer");
  auto pc = reinterpret_cast<uintptr_t>(&function_to_find) + 3;
  auto frames = sym.code({pc});
  EXPECT_NE(sym.problem().find("cannot run the symbolizer '/nonexistent/llvm-symbolizer'"), std::string::npos);
  ASSERT_FALSE(frames[pc].empty());
  EXPECT_NE(frames[pc].front().function.find("function_to_find"), std::string::npos);
}

}  // namespace
}  // namespace lockscope::rt
