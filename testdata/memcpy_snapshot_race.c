// Library calls that write structs: the updater builds the next configuration in a local and
// publishes it into the shared `current` with memcpy, then shifts the shared history one slot
// down with memmove (writing history[1..7]), both without the lock the reader holds while it reads
// them. The reader's accesses are
// reads (no finding); each library call is a write that races with them (one finding each).
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct config {
  int version;
  int timeout_ms;
  char name[16];
};

static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
static struct config current = {1, 100, "default"};
static int history[8];

static void *update(void *arg) {
  (void)arg;
  for (int v = 2; v < 50; ++v) {
    struct config next = {v, 100 + v, "tuned"};
    memcpy(&current, &next, sizeof next);  // expect[static]: data-race
    memmove(&history[1], &history[0], sizeof history - sizeof history[0]);  // expect[static]: data-race
  }
  return NULL;
}

static void *read_config(void *arg) {
  (void)arg;
  long total = 0;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&config_lock);
    total += current.timeout_ms + history[1];
    pthread_mutex_unlock(&config_lock);
  }
  return (void *)total;
}

int main(void) {
  pthread_t u, r;
  if (pthread_create(&u, NULL, update, NULL) != 0) return 1;
  if (pthread_create(&r, NULL, read_config, NULL) != 0) return 1;
  pthread_join(u, NULL);
  pthread_join(r, NULL);
  printf("version %d\n", current.version);
  return 0;
}
