/* A C11 mutex initialised with mtx_recursive may be re-locked by its owner: log_twice() holds it
 * and calls log_line(), which locks it again. Not a double lock. */
#include <stdio.h>
#include <threads.h>

static mtx_t log_lock;

static void log_line(const char *s) {
  mtx_lock(&log_lock);
  puts(s);
  mtx_unlock(&log_lock);
}

static int log_twice(void *arg) {
  (void)arg;
  mtx_lock(&log_lock);
  log_line("one");
  log_line("two");
  mtx_unlock(&log_lock);
  return 0;
}

int main(void) {
  if (mtx_init(&log_lock, mtx_plain | mtx_recursive) != thrd_success) return 1;
  thrd_t t;
  if (thrd_create(&t, log_twice, NULL) != thrd_success) return 1;
  thrd_join(t, NULL);
  return 0;
}
