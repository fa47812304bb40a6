// Error exits that unlock only what their path locked: append_record() has two exits, one for a
// failure before the lock and one for a failure while holding it, and each path reaches the
// matching one. Nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static char journal[256];
static size_t journal_len;

static int append_record(const char *record) {
  size_t n = strlen(record);
  if (n > 32) goto fail;
  pthread_mutex_lock(&journal_lock);
  if (journal_len + n >= sizeof journal) goto fail_unlock;
  memcpy(journal + journal_len, record, n);
  journal_len += n;
  pthread_mutex_unlock(&journal_lock);
  return 0;
fail_unlock:
  pthread_mutex_unlock(&journal_lock);
fail:
  return -1;
}

static void *writer(void *arg) {
  int rejected = 0;
  for (int i = 0; i < 30; ++i) rejected += append_record(arg) != 0;
  return (void *)(long)rejected;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, writer, "short record;") != 0) return 1;
  if (pthread_create(&b, NULL, writer, "another record;") != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  int rejected = append_record("a record far too long to fit in one journal slot");
  printf("%zu bytes journaled, oversized record rejected: %d\n", journal_len, rejected != 0);
  return 0;
}
