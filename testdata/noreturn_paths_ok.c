// Error paths that never return: enqueue() holds queue_lock and, when the queue overflows, drops
// the lock and ends the process through die() (which calls exit but is not declared noreturn),
// or through abort(), or jumps back to the caller's recovery point with longjmp. None of these
// paths reaches the code after it, so every write to the queue below holds queue_lock. Nothing
// may be reported.
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#define CAPACITY 1024

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static long queue_len;
static long queue_bytes;
static long queue_items[CAPACITY];

static void die(const char *why) {
  fprintf(stderr, "fatal: %s\n", why);
  exit(2);
}

static void enqueue(long item, jmp_buf *recover) {
  pthread_mutex_lock(&queue_lock);
  if (queue_len == CAPACITY) {
    pthread_mutex_unlock(&queue_lock);
    die("queue overflow");
  }
  if (item < 0) {
    pthread_mutex_unlock(&queue_lock);
    abort();
  }
  if (item > 1000000) {
    pthread_mutex_unlock(&queue_lock);
    longjmp(*recover, 1);
  }
  queue_items[queue_len] = item;
  queue_len += 1;
  queue_bytes += item;
  pthread_mutex_unlock(&queue_lock);
}

static void *produce(void *arg) {
  jmp_buf recover;
  if (setjmp(recover) != 0) return NULL;
  for (long i = 0; i < 100; ++i) enqueue(i + (long)arg, &recover);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, produce, (void *)1L) != 0) return 1;
  if (pthread_create(&b, NULL, produce, (void *)2L) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld items, %ld bytes\n", queue_len, queue_bytes);
  return 0;
}
