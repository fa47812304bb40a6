#pragma once
// Names in reports as a user reads them: a lambda by where it is written, libc's and libstdc++'s
// own frames told from the program's, the callable a std::thread runs.
#include <string>

#include "symbolizer.h"

namespace lockscope::rt {

std::string demangle(const char* name);
// The frame's function, with a lambda named by its enclosing function and its file and line
// ("lambda in main at bank.cpp:42") instead of `main::$_0::operator()() const` (clang) or
// `main::{lambda()#1}::operator()() const` (gcc).
std::string readable_function(const Frame& f);
// Libraries of the system (libc, libstdc++, the dynamic loader): their frames are not the user's.
bool is_system_module(const std::string& path);
// A name of the standard library's own code, for frames without a file: `std::...` (after any
// return type; template arguments ignored, so `Cache<std::string>::get` is not one) or `__...`.
bool is_library_function_name(const std::string& function);
// The callable a std::thread runs, from its entry `std::thread::_State_impl<std::thread::_Invoker<
// std::tuple<CALLABLE, ARGS...> > >::_M_run()`: "lambda in main" for a lambda, the class for a
// function object; empty for a function pointer (its type names no function) or another name.
std::string std_thread_callable(const std::string& function);

}  // namespace lockscope::rt
