// A hand-over through a socket pair, with one write after it: the worker counts into the summary,
// sends a byte to main, and then bumps `lines` once more for a trailing line it forgot. main
// starts touching the summary as soon as the byte arrives, so that last write races with main's
// update (one finding each); the writes before the send are ordered before main's accesses.
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct summary {
  long lines;
  long words;
};

static int channel[2];
static struct summary summary;

static void *count(void *arg) {
  const char *text = arg;
  for (const char *p = text; *p != '\0'; ++p) {
    if (*p == '\n') summary.lines += 1;
    if (*p == ' ' || *p == '\n') summary.words += 1;
  }
  char token = 'd';
  if (send(channel[1], &token, 1, 0) != 1) return NULL;
  summary.lines += 1;  // expect[static]: data-race
  return NULL;
}

int main(void) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, channel) != 0) return 1;
  pthread_t t;
  if (pthread_create(&t, NULL, count, "one two\nthree four five") != 0) return 1;
  char token;
  if (recv(channel[0], &token, 1, 0) != 1) return 1;
  summary.lines += 1;  // expect[static]: data-race
  pthread_join(t, NULL);
  printf("%ld lines, %ld words\n", summary.lines, summary.words);
  close(channel[0]);
  close(channel[1]);
  return 0;
}
