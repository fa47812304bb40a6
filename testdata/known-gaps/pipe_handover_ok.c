// A hand-over through a pipe: the worker computes the summary, then writes one byte into the
// pipe; main blocks reading that byte before it reads and updates the summary (and joins later).
// The byte cannot be read before it is written, so the worker's writes happen before main's
// accesses: nothing may be reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct summary {
  long lines;
  long words;
};

static int done_pipe[2];
static struct summary summary;

static void *count(void *arg) {
  const char *text = arg;
  for (const char *p = text; *p != '\0'; ++p) {
    if (*p == '\n') summary.lines += 1;
    if (*p == ' ' || *p == '\n') summary.words += 1;
  }
  char token = 'd';
  if (write(done_pipe[1], &token, 1) != 1) return NULL;
  return NULL;
}

int main(void) {
  if (pipe(done_pipe) != 0) return 1;
  pthread_t t;
  if (pthread_create(&t, NULL, count, "one two\nthree four five\n") != 0) return 1;
  char token;
  if (read(done_pipe[0], &token, 1) != 1) return 1;
  summary.words += 1;
  printf("%ld lines, %ld words\n", summary.lines, summary.words);
  pthread_join(t, NULL);
  close(done_pipe[0]);
  close(done_pipe[1]);
  return 0;
}
