// Makes a lock-order inversion, then crashes as argv[1] says: segv, bus, abort, fpe, ill; or
// `own-handler`: a SIGSEGV handler of the program's own (printing "own handler", then _exit(5))
// must run instead of the shim's.
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <thread>

std::mutex a, b;
std::atomic<bool> first_done{false};
volatile int zero = 0;
int* volatile nowhere = nullptr;

void own_handler(int) {
  (void)!write(2, "own handler\n", 12);
  _exit(5);
}

int crash(const char* how) {
  if (!std::strcmp(how, "segv") || !std::strcmp(how, "own-handler")) return *nowhere;
  if (!std::strcmp(how, "abort")) abort();
  if (!std::strcmp(how, "fpe")) return 1 / zero;
  if (!std::strcmp(how, "ill")) __builtin_trap();
  if (!std::strcmp(how, "bus")) {  // a mapping past the end of an empty file
    char path[] = "/tmp/lockscope-bus-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    auto* p = static_cast<volatile char*>(mmap(nullptr, 4096, PROT_READ, MAP_SHARED, fd, 0));
    return p[0];
  }
  return 1;
}

int main(int argc, char** argv) {
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  if (argc > 1 && !std::strcmp(argv[1], "own-handler")) signal(SIGSEGV, own_handler);
  std::thread t2([] {
    while (!first_done) std::this_thread::yield();
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);
  });
  std::thread t1([] {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    first_done = true;
  });
  t1.join();
  t2.join();
  return crash(argc > 1 ? argv[1] : "");
}
