// fork() while locks are held (by the forking thread and by another thread): the child starts
// clean — no stale holders, no inherited findings — and the parent's report is not overwritten.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

std::mutex held_by_main, held_by_other, fresh;
std::atomic<bool> other_holds{false}, release{false};

int main() {
  std::thread other([] {
    std::lock_guard<std::mutex> g(held_by_other);
    other_holds = true;
    while (!release) std::this_thread::yield();
  });
  while (!other_holds) std::this_thread::yield();
  held_by_main.lock();
  pid_t pid = fork();
  if (pid == 0) {
    held_by_main.unlock();  // the forking thread's hold carries over
    std::lock_guard<std::mutex> g(fresh);
    _exit(0);
  }
  held_by_main.unlock();
  release = true;
  other.join();
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
