// Library calls whose DESTINATION is the thread's own memory: main fills the shared settings
// before starting the workers and never writes them again; each worker copies them into locals
// with memcpy and strncpy, clears its own scratch with memset, and builds its own label with
// strcpy/strcat. Reading shared memory through a library call is a read: nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct settings {
  int retries;
  int timeout_ms;
  char prefix[16];
};

static struct settings shared_settings;

static void *worker(void *arg) {
  struct settings mine;
  char label[48];
  long scratch[16];
  memcpy(&mine, &shared_settings, sizeof mine);
  memset(scratch, 0, sizeof scratch);
  strncpy(label, shared_settings.prefix, sizeof label - 1);
  label[sizeof label - 1] = '\0';
  strcat(label, "-worker");
  for (int i = 0; i < mine.retries; ++i) scratch[i % 16] += mine.timeout_ms;
  return (void *)(scratch[0] + (long)strlen(label) + (long)(arg != NULL));
}

int main(void) {
  shared_settings.retries = 3;
  shared_settings.timeout_ms = 250;
  strcpy(shared_settings.prefix, "ingest");
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    if (pthread_create(&t[i], NULL, worker, NULL) != 0) return 1;
  long total = 0;
  for (int i = 0; i < 3; ++i) {
    void *r = NULL;
    pthread_join(t[i], &r);
    total += (long)r;
  }
  printf("total %ld\n", total);
  return 0;
}
