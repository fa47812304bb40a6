// A one-slot mailbox with the `empty` semaphore missing: the producer posts `full` and goes on to
// fill the slot with the next message while the consumer may still be reading the last one. The
// producer's writes race with the consumer's accesses, and the consumer's mark races with the
// producer's writes (one finding on each write).
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct message {
  int seq;
  long payload;
  int consumed;
};

static sem_t full;
static struct message slot;

static void *produce(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    slot.seq = i;  // expect[static]: data-race
    slot.payload = i * 10L;  // expect[static]: data-race
    slot.consumed = 0;  // expect[static]: data-race
    sem_post(&full);
  }
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  long total = 0;
  for (int i = 1; i <= 100; ++i) {
    sem_wait(&full);
    total += slot.payload + slot.seq;
    slot.consumed = 1;  // expect[static]: data-race
  }
  return (void *)total;
}

int main(void) {
  sem_init(&full, 0, 0);
  pthread_t p, c;
  if (pthread_create(&p, NULL, produce, NULL) != 0) return 1;
  if (pthread_create(&c, NULL, consume, NULL) != 0) return 1;
  void *total = NULL;
  pthread_join(p, NULL);
  pthread_join(c, &total);
  printf("total %ld, last seq %d\n", (long)total, slot.seq);
  sem_destroy(&full);
  return 0;
}
