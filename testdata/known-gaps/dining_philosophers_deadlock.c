// The dining philosophers, the textbook deadlock: each of five philosophers takes the fork on
// his left, fork[i], then the one on his right, fork[(i + 1) % N]. If all five pick up the left
// fork at once, nobody gets a right one. The locks are array elements chosen by index; every
// edge of the cycle is made on the same line (the right fork), where the finding belongs. So
// that the run never hangs, each philosopher waits for the previous one to finish eating.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 5

static pthread_mutex_t fork_lock[N];
static atomic_int turn;

static void *philosopher(void *arg) {
  int i = (int)(long)arg;
  while (atomic_load(&turn) != i) sched_yield();
  pthread_mutex_lock(&fork_lock[i]);
  pthread_mutex_lock(&fork_lock[(i + 1) % N]);  // expect: lock-order-inversion
  printf("philosopher %d eats\n", i);
  pthread_mutex_unlock(&fork_lock[(i + 1) % N]);
  pthread_mutex_unlock(&fork_lock[i]);
  atomic_fetch_add(&turn, 1);
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_mutex_init(&fork_lock[i], NULL);
  for (long i = 0; i < N; ++i)
    if (pthread_create(&t[i], NULL, philosopher, (void *)i) != 0) return 1;
  for (int i = 0; i < N; ++i) pthread_join(t[i], NULL);
  return 0;
}
