// Back-off: thread two holds b and only try-locks a; when that fails it releases b and starts
// over. A try never waits, so b -> a is no wait-for edge and the opposite order in thread one
// cannot deadlock with it. The same with C mutexes c and d (zero from trylock means success).
#include <pthread.h>

#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
pthread_mutex_t c = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t d = PTHREAD_MUTEX_INITIALIZER;

void first() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
  pthread_mutex_lock(&d);
  pthread_mutex_lock(&c);
  pthread_mutex_unlock(&c);
  pthread_mutex_unlock(&d);
}

void second() {
  for (;;) {
    b.lock();
    if (a.try_lock()) {
      std::printf("second has b and a\n");
      a.unlock();
      b.unlock();
      break;
    }
    b.unlock();
    std::this_thread::yield();
  }
  // The same back-off with a C mutex: zero means the try succeeded.
  for (;;) {
    pthread_mutex_lock(&c);
    if (pthread_mutex_trylock(&d) == 0) {
      pthread_mutex_unlock(&d);
      pthread_mutex_unlock(&c);
      break;
    }
    pthread_mutex_unlock(&c);
    std::this_thread::yield();
  }
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
