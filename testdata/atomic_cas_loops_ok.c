// Accesses inside atomic read-modify-write loops: a lock-free (push-only) stack whose push links
// the new node with `node->next` as the CAS's expected value, a running maximum kept with the
// __atomic compare-exchange builtin, and a checksum folded with __sync_val_compare_and_swap. The
// only plain accesses are to a node before it is published and to locals; main walks the stack
// after joining. Nothing may be reported.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
  long value;
  struct node *next;
};

static _Atomic(struct node *) top;
static long max_seen;
static unsigned long checksum;

static void push(long value) {
  struct node *n = malloc(sizeof *n);
  if (n == NULL) abort();
  n->value = value;
  n->next = atomic_load_explicit(&top, memory_order_relaxed);
  while (!atomic_compare_exchange_weak_explicit(&top, &n->next, n, memory_order_release, memory_order_relaxed)) {
  }
}

static void note_max(long v) {
  long seen = __atomic_load_n(&max_seen, __ATOMIC_RELAXED);
  while (v > seen && !__atomic_compare_exchange_n(&max_seen, &seen, v, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

static void fold(unsigned long x) {
  unsigned long old = __sync_val_compare_and_swap(&checksum, 0, 0);
  for (;;) {
    unsigned long next = (old << 1 | old >> 63) ^ x;
    unsigned long was = __sync_val_compare_and_swap(&checksum, old, next);
    if (was == old) break;
    old = was;
  }
}

static void *produce(void *arg) {
  const long base = (long)arg;
  for (long i = 0; i < 500; ++i) {
    push(base + i);
    note_max(base + i);
    fold((unsigned long)(base + i));
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, produce, (void *)0L) != 0) return 1;
  if (pthread_create(&b, NULL, produce, (void *)1000L) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  long count = 0;
  for (struct node *n = atomic_load(&top); n != NULL;) {
    struct node *next = n->next;
    count += 1;
    free(n);
    n = next;
  }
  printf("%ld nodes, max %ld, checksum %lx\n", count, max_seen, checksum);
  return 0;
}
