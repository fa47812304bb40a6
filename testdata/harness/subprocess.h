#pragma once
// Runs a command with a time limit and captures what it prints (stdout and stderr together).
#include <map>
#include <string>
#include <vector>

namespace lockscope::harness {

struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + signal number
  bool timed_out = false;
  std::string output;
};

// `env` entries are added to (or replace in) this process's environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                          int timeout_seconds);

std::string join_command(const std::vector<std::string>& argv);  // for messages: "a b 'c d'"

}  // namespace lockscope::harness
