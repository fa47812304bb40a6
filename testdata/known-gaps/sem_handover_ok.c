// A one-slot mailbox handed over by POSIX semaphores: the producer fills the slot after waiting on
// `empty` and posts `full`; the consumer waits on `full`, reads the slot, marks it consumed, and
// posts `empty`. Each post orders everything before it against everything after the matching
// wait, so the slot is never touched by both at once: nothing may be reported.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct message {
  int seq;
  long payload;
  int consumed;
};

static sem_t empty;
static sem_t full;
static struct message slot;

static void *produce(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    sem_wait(&empty);
    slot.seq = i;
    slot.payload = i * 10L;
    slot.consumed = 0;
    sem_post(&full);
  }
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  long total = 0;
  for (int i = 1; i <= 100; ++i) {
    sem_wait(&full);
    total += slot.payload;
    slot.consumed = 1;
    sem_post(&empty);
  }
  return (void *)total;
}

int main(void) {
  sem_init(&empty, 0, 1);
  sem_init(&full, 0, 0);
  pthread_t p, c;
  if (pthread_create(&p, NULL, produce, NULL) != 0) return 1;
  if (pthread_create(&c, NULL, consume, NULL) != 0) return 1;
  void *total = NULL;
  pthread_join(p, NULL);
  pthread_join(c, &total);
  printf("total %ld\n", (long)total);
  sem_destroy(&empty);
  sem_destroy(&full);
  return 0;
}
