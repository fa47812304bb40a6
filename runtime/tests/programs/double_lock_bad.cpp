// Re-locking a held std::mutex inside a helper: reported at once, and the process ends instead of
// hanging forever.
#include <mutex>

std::mutex m;
int balance;

void audit() {
  std::lock_guard<std::mutex> g(m);  // expect: double-lock
  balance += 0;
}

void deposit(int v) {
  std::lock_guard<std::mutex> g(m);
  balance += v;
  audit();
}

int main() { deposit(5); }
