// Library calls that write shared memory, each holding the lock every other access holds:
// memset, memcpy, memmove, strcpy, strncpy, strcat, realloc and free on a shared log buffer and
// its index. Nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char header[32];
static char *entries;
static size_t entries_cap;
static size_t entries_len;
static long offsets[8];

static void append(const char *line) {
  size_t n = strlen(line);
  pthread_mutex_lock(&log_lock);
  if (entries_len + n + 1 > entries_cap) {
    char *grown = realloc(entries, entries_cap * 2 + n + 1);
    if (grown != NULL) {
      entries = grown;
      entries_cap = entries_cap * 2 + n + 1;
    }
  }
  if (entries_len + n + 1 <= entries_cap) {
    memcpy(entries + entries_len, line, n + 1);
    entries_len += n;
  }
  memmove(&offsets[1], &offsets[0], sizeof offsets - sizeof offsets[0]);
  offsets[0] = (long)entries_len;
  pthread_mutex_unlock(&log_lock);
}

static void *writer(void *arg) {
  for (int i = 0; i < 200; ++i) append(arg);
  return NULL;
}

static void *rotate(void *arg) {
  (void)arg;
  for (int i = 0; i < 20; ++i) {
    pthread_mutex_lock(&log_lock);
    strcpy(header, "log ");
    strcat(header, "rotated");
    strncpy(header + 12, " #", sizeof header - 13);
    free(entries);
    entries = NULL;
    entries_cap = 0;
    entries_len = 0;
    memset(offsets, 0, sizeof offsets);
    pthread_mutex_unlock(&log_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t w1, w2, r;
  if (pthread_create(&w1, NULL, writer, "alpha ") != 0) return 1;
  if (pthread_create(&w2, NULL, writer, "beta ") != 0) return 1;
  if (pthread_create(&r, NULL, rotate, NULL) != 0) return 1;
  pthread_join(w1, NULL);
  pthread_join(w2, NULL);
  pthread_join(r, NULL);
  printf("%.12s: %zu bytes\n", header, entries_len);
  free(entries);
  return 0;
}
