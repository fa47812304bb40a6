#include "account.h"

namespace bank {

void Account::Deposit(int amount) {
  std::lock_guard<std::mutex> lock(mu_);  // lock: deposit
  balance_ += amount;
  Record(amount);
}

bool Account::Withdraw(int amount) {
  std::lock_guard<std::mutex> lock(mu_);  // lock: withdraw
  if (balance_ < amount) return false;
  balance_ -= amount;
  Record(-amount);
  return true;
}

int Account::Balance() const {
  std::lock_guard<std::mutex> lock(mu_);
  return balance_;
}

std::vector<int> Account::History() const {
  mu_.lock();
  std::vector<int> copy = history_;
  mu_.unlock();
  return copy;
}

void Account::Record(int amount) { history_.push_back(amount); }

void Ledger::Post(int amount) {
  std::lock_guard<std::mutex> books(books_mu_);
  posted_ += amount;
  std::lock_guard<std::mutex> audit(audit_mu_);
  audited_ += amount;
}

int Ledger::Audited() const {
  std::lock_guard<std::mutex> audit(audit_mu_);
  return audited_;
}

}  // namespace bank
