// strtok keeps its position in hidden static state: two threads splitting their own CSV lines
// with it at the same time step on each other's position. Each strtok call site may run at the
// same time as a strtok call in the other thread: one thread-unsafe-call finding on each site
// (the note names the other call).
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *count_fields(void *arg) {
  char line[64];
  snprintf(line, sizeof line, "%s", (const char *)arg);
  long fields = 0;
  char *field = strtok(line, ",");  // expect[static]: thread-unsafe-call
  while (field != NULL) {
    fields += 1;
    field = strtok(NULL, ",");  // expect[static]: thread-unsafe-call
  }
  return (void *)fields;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, count_fields, "alpha,beta,gamma") != 0) return 1;
  if (pthread_create(&b, NULL, count_fields, "beta,delta") != 0) return 1;
  void *fa = NULL, *fb = NULL;
  pthread_join(a, &fa);
  pthread_join(b, &fb);
  printf("%ld and %ld fields\n", (long)fa, (long)fb);
  return 0;
}
