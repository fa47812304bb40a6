// Mutexes on the heap, reached through pointers stored in global structs: each account owns a
// malloc'ed mutex, and both pay_rent() and sweep() lock checking, then savings. One order, and
// every balance is written holding both account locks: nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct account {
  pthread_mutex_t *lock;
  long balance;
};

static struct account *checking;
static struct account *savings;

static struct account *open_account(long balance) {
  struct account *a = malloc(sizeof *a);
  if (a == NULL) exit(1);
  a->lock = malloc(sizeof *a->lock);
  if (a->lock == NULL) exit(1);
  pthread_mutex_init(a->lock, NULL);
  a->balance = balance;
  return a;
}

static void close_account(struct account *a) {
  pthread_mutex_destroy(a->lock);
  free(a->lock);
  free(a);
}

static void *pay_rent(void *arg) {
  (void)arg;
  pthread_mutex_lock(checking->lock);
  pthread_mutex_lock(savings->lock);
  if (checking->balance < 500) {
    savings->balance -= 500;
    checking->balance += 500;
  }
  checking->balance -= 500;
  pthread_mutex_unlock(savings->lock);
  pthread_mutex_unlock(checking->lock);
  return NULL;
}

static void *sweep(void *arg) {
  (void)arg;
  pthread_mutex_lock(checking->lock);
  pthread_mutex_lock(savings->lock);
  savings->balance += checking->balance / 2;
  checking->balance -= checking->balance / 2;
  pthread_mutex_unlock(savings->lock);
  pthread_mutex_unlock(checking->lock);
  return NULL;
}

int main(void) {
  checking = open_account(200);
  savings = open_account(5000);
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, pay_rent, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, sweep, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("checking %ld, savings %ld\n", checking->balance, savings->balance);
  close_account(checking);
  close_account(savings);
  return 0;
}
