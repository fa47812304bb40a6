// Library calls that write strings: a worker publishes its state in a shared status line with
// strcpy and strcat, and the control thread overwrites the same buffer with strncpy, with no
// lock anywhere. Each string function writes the buffer: every call races with the others (one
// finding on each call). The monitor's own reads of the first byte carry none.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char status_line[64] = "starting";

static void *work(void *arg) {
  (void)arg;
  for (int job = 0; job < 100; ++job) {
    strcpy(status_line, "busy");  // expect[static]: data-race
    strcat(status_line, " [io]");  // expect[static]: data-race
  }
  return NULL;
}

static void *control(void *arg) {
  (void)arg;
  long idle_seen = 0;
  for (int i = 0; i < 100; ++i) {
    if (status_line[0] == 'i') idle_seen += 1;
    strncpy(status_line, "idle", sizeof status_line - 1);  // expect[static]: data-race
  }
  return (void *)idle_seen;
}

int main(void) {
  pthread_t w, c;
  if (pthread_create(&w, NULL, work, NULL) != 0) return 1;
  if (pthread_create(&c, NULL, control, NULL) != 0) return 1;
  pthread_join(w, NULL);
  pthread_join(c, NULL);
  printf("final status: %.20s\n", status_line);
  return 0;
}
