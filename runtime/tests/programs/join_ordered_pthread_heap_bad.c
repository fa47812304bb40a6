// Join-ordered inversion with pthreads on heap-allocated mutexes (the account objects of a bank
// test): the first transfer's thread is joined before the reverse transfer's thread starts.
#include <pthread.h>
#include <stdlib.h>

struct account {
  pthread_mutex_t m;
  int balance;
};

struct transfer {
  struct account *from, *to;
};

static void* run_transfer(void* p) {
  struct transfer* t = p;
  pthread_mutex_lock(&t->from->m);
  pthread_mutex_lock(&t->to->m);  // expect: lock-order-inversion
  t->from->balance -= 1;
  t->to->balance += 1;
  pthread_mutex_unlock(&t->to->m);
  pthread_mutex_unlock(&t->from->m);
  return NULL;
}

int main(void) {
  struct account* alice = malloc(sizeof *alice);
  struct account* bob = malloc(sizeof *bob);
  pthread_mutex_init(&alice->m, NULL);
  pthread_mutex_init(&bob->m, NULL);
  struct transfer there = {alice, bob}, back = {bob, alice};
  pthread_t th;
  pthread_create(&th, NULL, run_transfer, &there);
  pthread_join(th, NULL);
  pthread_create(&th, NULL, run_transfer, &back);
  pthread_join(th, NULL);
  pthread_mutex_destroy(&alice->m);
  pthread_mutex_destroy(&bob->m);
  free(alice);
  free(bob);
  return 0;
}
