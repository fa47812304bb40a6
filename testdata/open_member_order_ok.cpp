// Two members of one object, always locked in the same order.
// lockscope-test: no-run
#include <mutex>

struct Vault {
  std::mutex m;
  long cents = 0;
};

class Bank {
 public:
  void to_savings(long cents) {
    std::lock_guard<std::mutex> a(checking_.m);
    std::lock_guard<std::mutex> b(savings_.m);
    checking_.cents -= cents;
    savings_.cents += cents;
  }
  void to_checking(long cents) {
    std::lock_guard<std::mutex> a(checking_.m);
    std::lock_guard<std::mutex> b(savings_.m);
    savings_.cents -= cents;
    checking_.cents += cents;
  }

 private:
  Vault checking_, savings_;
};

Bank* open_bank() { return new Bank(); }
