// getenv from many threads with no setenv among them: main sets the environment before starting
// the threads and never changes it afterwards. Reading the environment concurrently is safe:
// nothing may be reported.
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

int main(void) {
  setenv("LOG_LEVEL", "debug", 1);
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    if (pthread_create(&t[i], NULL, handle_requests, NULL) != 0) return 1;
  long total = 0;
  for (int i = 0; i < 3; ++i) {
    void *v = NULL;
    pthread_join(t[i], &v);
    total += (long)v;
  }
  setenv("LOG_LEVEL", "info", 1);
  printf("%ld verbose requests\n", total);
  return 0;
}
