/* A locking module that also reads a constant table and keeps a per-thread scratch counter. */
/* lockscope-test: no-run */
#include <pthread.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static const int levels[4] = {0, 10, 20, 30};
static _Thread_local int scratch;
static int lines;

int level_of(int i) {
  scratch++;
  return levels[i & 3];
}

void log_line(void) {
  pthread_mutex_lock(&log_lock);
  lines++;
  pthread_mutex_unlock(&log_lock);
  scratch = 0;
}
