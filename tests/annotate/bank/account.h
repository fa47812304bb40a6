// A small thread-safe library with no annotations: what `lockscope annotate` starts from.
#pragma once

#include <mutex>
#include <vector>

namespace bank {

class Account {
 public:
  void Deposit(int amount);
  bool Withdraw(int amount);
  int Balance() const;
  std::vector<int> History() const;

 private:
  void Record(int amount);  // called with mu_ held

  mutable std::mutex mu_;
  int balance_ = 0;
  std::vector<int> history_;
};

class Ledger {
 public:
  void Post(int amount);
  int Audited() const;

 private:
  mutable std::mutex books_mu_;
  mutable std::mutex audit_mu_;  // always taken after books_mu_
  int posted_ = 0;
  int audited_ = 0;
};

int Requests();
void CountRequest();

}  // namespace bank
