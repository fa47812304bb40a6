// Locks chosen by hash, as memcached's item_locks[hv & mask]: moving an entry from one bucket to
// another locks the source bucket, then the destination bucket. One thread moves from bucket 1
// to bucket 2 while another moves from 2 to 1: each holds the bucket the other wants. The
// index cannot be bounded statically; both edges are made on the destination's lock line, where
// the finding belongs, and a note must say the two locks are chosen by index. The second mover
// waits for the first, so the run never hangs.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

#define BUCKETS 16

struct entry {
  unsigned key;
  long value;
};

static pthread_mutex_t bucket_lock[BUCKETS];
static long bucket_count[BUCKETS];
static atomic_bool first_moved;

static unsigned bucket_of(unsigned key) { return (key * 2654435761u) >> 28; }

static void move_entry(unsigned from_key, unsigned to_key) {
  unsigned from = bucket_of(from_key) & (BUCKETS - 1);
  unsigned to = bucket_of(to_key) & (BUCKETS - 1);
  if (from == to) return;
  pthread_mutex_lock(&bucket_lock[from]);
  pthread_mutex_lock(&bucket_lock[to]);  // expect: lock-order-inversion
  bucket_count[from] -= 1;
  bucket_count[to] += 1;
  pthread_mutex_unlock(&bucket_lock[to]);
  pthread_mutex_unlock(&bucket_lock[from]);
}

static void *mover(void *arg) {
  const unsigned *keys = arg;
  if (keys[0] == 2) {
    while (!atomic_load(&first_moved)) sched_yield();
  }
  move_entry(keys[0], keys[1]);
  atomic_store(&first_moved, true);
  return NULL;
}

int main(void) {
  static const unsigned forward[2] = {1, 2};
  static const unsigned backward[2] = {2, 1};
  for (int i = 0; i < BUCKETS; ++i) pthread_mutex_init(&bucket_lock[i], NULL);
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, mover, (void *)forward) != 0) return 1;
  if (pthread_create(&t2, NULL, mover, (void *)backward) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("bucket counts %ld %ld\n", bucket_count[bucket_of(1)], bucket_count[bucket_of(2)]);
  return 0;
}
