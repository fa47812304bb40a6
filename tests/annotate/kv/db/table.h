#pragma once

#include <map>
#include <string>

#include "port/mutex.h"

namespace kv {

class Table {
 public:
  void Put(const std::string& key, int value);
  int Get(const std::string& key);

 private:
  void MaybeCompact();  // called with mu_ held

  port::Mutex mu_;
  std::map<std::string, int> entries_;
  int writes_ = 0;
};

}  // namespace kv
