// Non-reentrant libc calls made safe the way old code does it: every strtok, localtime and rand
// call happens under one lock, so no two run at the same time, and srand runs in main before any
// thread starts. Nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t libc_lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  char line[64];
  snprintf(line, sizeof line, "%s", (const char *)arg);
  long score = 0;
  pthread_mutex_lock(&libc_lock);
  for (char *f = strtok(line, ","); f != NULL; f = strtok(NULL, ",")) score += 1;
  time_t now = time(NULL);
  const struct tm *local = localtime(&now);
  score += local->tm_year > 0;
  score += rand() % 2;
  pthread_mutex_unlock(&libc_lock);
  return (void *)score;
}

int main(void) {
  srand(7);
  pthread_t a, b;
  if (pthread_create(&a, NULL, work, "alpha,beta,gamma") != 0) return 1;
  if (pthread_create(&b, NULL, work, "beta,delta") != 0) return 1;
  void *sa = NULL, *sb = NULL;
  pthread_join(a, &sa);
  pthread_join(b, &sb);
  printf("scores %ld %ld\n", (long)sa, (long)sb);
  return 0;
}
