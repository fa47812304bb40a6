// libzmq's idiom: a mutex class whose constructor makes the pthread mutex recursive through an
// attribute object, and a scoped lock over it. socket_t::send() holds the socket's mutex and
// calls flush(), which takes it again: a recursive mutex is re-entered legally. Nothing may be
// reported.
#include <pthread.h>

#include <cstdio>
#include <thread>

namespace {

class mutex_t {
 public:
  mutex_t() {
    pthread_mutexattr_init(&attr_);
    pthread_mutexattr_settype(&attr_, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mutex_, &attr_);
  }
  ~mutex_t() {
    pthread_mutex_destroy(&mutex_);
    pthread_mutexattr_destroy(&attr_);
  }
  mutex_t(const mutex_t&) = delete;
  mutex_t& operator=(const mutex_t&) = delete;
  void lock() { pthread_mutex_lock(&mutex_); }
  void unlock() { pthread_mutex_unlock(&mutex_); }

 private:
  pthread_mutex_t mutex_;
  pthread_mutexattr_t attr_;
};

class scoped_lock_t {
 public:
  explicit scoped_lock_t(mutex_t& m) : m_(m) { m_.lock(); }
  ~scoped_lock_t() { m_.unlock(); }
  scoped_lock_t(const scoped_lock_t&) = delete;
  scoped_lock_t& operator=(const scoped_lock_t&) = delete;

 private:
  mutex_t& m_;
};

class socket_t {
 public:
  void send(int bytes) {
    scoped_lock_t hold(sync_);
    queued_ += bytes;
    if (queued_ > 1000) flush();
  }
  void flush() {
    scoped_lock_t hold(sync_);
    sent_ += queued_;
    queued_ = 0;
  }
  long sent() {
    scoped_lock_t hold(sync_);
    return sent_;
  }

 private:
  mutex_t sync_;
  long queued_ = 0;
  long sent_ = 0;
};

socket_t sock;

}  // namespace

int main() {
  std::thread a([] {
    for (int i = 0; i < 100; ++i) sock.send(64);
  });
  std::thread b([] {
    for (int i = 0; i < 100; ++i) sock.send(128);
  });
  a.join();
  b.join();
  sock.flush();
  std::printf("%ld bytes sent\n", sock.sent());
  return 0;
}
