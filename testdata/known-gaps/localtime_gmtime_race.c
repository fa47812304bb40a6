// localtime, gmtime and ctime return pointers into static buffers glibc shares between them: the
// logger stamps lines with localtime while the metrics thread formats UTC times with gmtime and
// the audit thread with ctime, at the same time. Each call may overwrite the buffer another is
// reading: one thread-unsafe-call finding on each call (the note names another).
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void *log_lines(void *arg) {
  long hours = 0;
  for (int i = 0; i < 100; ++i) {
    time_t now = time(NULL) + (long)arg;
    struct tm *local = localtime(&now);  // expect[static]: thread-unsafe-call
    hours += local->tm_hour;
  }
  return (void *)hours;
}

static void *export_metrics(void *arg) {
  long minutes = 0;
  for (int i = 0; i < 100; ++i) {
    time_t now = time(NULL) + (long)arg;
    struct tm *utc = gmtime(&now);  // expect[static]: thread-unsafe-call
    minutes += utc->tm_min;
  }
  return (void *)minutes;
}

static void *audit(void *arg) {
  long length = 0;
  for (int i = 0; i < 100; ++i) {
    time_t now = time(NULL) + (long)arg;
    const char *text = ctime(&now);  // expect[static]: thread-unsafe-call
    length += text[0] != '\0';
  }
  return (void *)length;
}

int main(void) {
  pthread_t a, b, c;
  if (pthread_create(&a, NULL, log_lines, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, export_metrics, NULL) != 0) return 1;
  if (pthread_create(&c, NULL, audit, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  puts("done");
  return 0;
}
