// pthread_barrier_wait phases: in each round the leader (worker 0) loads the next batch (first item and count), every
// worker waits at the barrier, reads the batch, and waits at the barrier again before the leader
// may load the next one. The two barriers order every write of the batch against every read of it.
// Each worker sums into a local. Nothing may be reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

#define WORKERS 3
#define ROUNDS 20

static pthread_barrier_t phase;
static long batch_first;
static long batch_count;

static void *worker(void *arg) {
  const long id = (long)arg;
  long sum = 0;
  for (int round = 0; round < ROUNDS; ++round) {
    if (id == 0) {
      batch_first = round * 100L;
      batch_count = 10 + round % 3;
    }
    pthread_barrier_wait(&phase);
    for (long i = batch_first + id; i < batch_first + batch_count; i += WORKERS) sum += i;
    pthread_barrier_wait(&phase);
  }
  return (void *)sum;
}

int main(void) {
  pthread_barrier_init(&phase, NULL, WORKERS);
  pthread_t t[WORKERS];
  for (long i = 0; i < WORKERS; ++i)
    if (pthread_create(&t[i], NULL, worker, (void *)i) != 0) return 1;
  long total = 0;
  for (int i = 0; i < WORKERS; ++i) {
    void *sum = NULL;
    pthread_join(t[i], &sum);
    total += (long)sum;
  }
  pthread_barrier_destroy(&phase);
  printf("total %ld\n", total);
  return 0;
}
