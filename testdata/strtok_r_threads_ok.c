// The reentrant forms, from several threads at once: strtok_r keeps its position in the caller's
// `save` pointer, localtime_r and gmtime_r fill the caller's struct tm, rand_r advances the
// caller's seed. No hidden shared state: nothing may be reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *parse(void *arg) {
  char line[64];
  snprintf(line, sizeof line, "%s", (const char *)arg);
  long fields = 0;
  char *save = NULL;
  for (char *f = strtok_r(line, ",", &save); f != NULL; f = strtok_r(NULL, ",", &save)) fields += 1;
  time_t now = time(NULL);
  struct tm local, utc;
  localtime_r(&now, &local);
  gmtime_r(&now, &utc);
  unsigned seed = (unsigned)fields;
  fields += rand_r(&seed) % 2 + local.tm_hour * 0 + utc.tm_min * 0;
  return (void *)fields;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, parse, "alpha,beta,gamma") != 0) return 1;
  if (pthread_create(&b, NULL, parse, "beta,delta") != 0) return 1;
  void *fa = NULL, *fb = NULL;
  pthread_join(a, &fa);
  pthread_join(b, &fb);
  printf("%ld and %ld fields\n", (long)fa, (long)fb);
  return 0;
}
