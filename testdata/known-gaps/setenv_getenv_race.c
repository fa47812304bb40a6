// getenv beside setenv: the reload thread changes LOG_LEVEL with setenv while request threads read
// it with getenv. setenv may reallocate the environment and free the old string while getenv walks
// it. Like a write beside reads, the finding belongs on the setenv (one thread-unsafe-call; the
// note names the getenv). getenv alone, from any number of threads, is safe.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *handle_requests(void *arg) {
  (void)arg;
  long verbose = 0;
  for (int i = 0; i < 1000; ++i) {
    const char *level = getenv("LOG_LEVEL");
    if (level != NULL && strcmp(level, "debug") == 0) verbose += 1;
  }
  return (void *)verbose;
}

static void *reload(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) setenv("LOG_LEVEL", i % 2 ? "debug" : "info", 1);  // expect[static]: thread-unsafe-call
  return NULL;
}

int main(void) {
  setenv("LOG_LEVEL", "info", 1);
  pthread_t a, b, r;
  if (pthread_create(&a, NULL, handle_requests, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, handle_requests, NULL) != 0) return 1;
  if (pthread_create(&r, NULL, reload, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(r, NULL);
  puts("done");
  return 0;
}
