// Two locks in C always taken in the same order: both transfer directions lock `accounts_a`
// before `accounts_b` (the order is fixed by the lock, not by the direction of the transfer),
// so the lock-order graph has one edge and no cycle, and every balance update holds both locks.
// The two threads really run at once; the analyzer must stay silent.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t accounts_a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t accounts_b = PTHREAD_MUTEX_INITIALIZER;
static long balance_a = 1000;
static long balance_b = 1000;

// Moves `amount` from a to b (negative: from b to a), always locking a first.
static void transfer(long amount) {
  pthread_mutex_lock(&accounts_a);
  pthread_mutex_lock(&accounts_b);
  balance_a -= amount;
  balance_b += amount;
  pthread_mutex_unlock(&accounts_b);
  pthread_mutex_unlock(&accounts_a);
}

static void *pay_b(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) transfer(1);
  return NULL;
}

static void *pay_a(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) transfer(-1);
  return NULL;
}

int main(void) {
  pthread_t t1;
  pthread_t t2;
  if (pthread_create(&t1, NULL, pay_b, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, pay_a, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("a = %ld, b = %ld (sum %ld)\n", balance_a, balance_b, balance_a + balance_b);
  return 0;
}
