// Locks chosen by hash, taken in one global order: moving an entry between two buckets locks the
// lower-numbered bucket first, whatever the direction of the move (the fix memcached-style tables
// use). One thread moves 1 -> 2, another 2 -> 1, many times: no cycle, and every bucket count is
// written under its bucket's lock. Nothing may be reported.
#include <pthread.h>
#include <stdio.h>

#define BUCKETS 16

static pthread_mutex_t bucket_lock[BUCKETS];
static long bucket_count[BUCKETS];

static unsigned bucket_of(unsigned key) { return (key * 2654435761u) >> 28; }

static void move_entry(unsigned from_key, unsigned to_key) {
  unsigned from = bucket_of(from_key) & (BUCKETS - 1);
  unsigned to = bucket_of(to_key) & (BUCKETS - 1);
  if (from == to) return;
  unsigned low = from < to ? from : to;
  unsigned high = from < to ? to : from;
  pthread_mutex_lock(&bucket_lock[low]);
  pthread_mutex_lock(&bucket_lock[high]);
  bucket_count[from] -= 1;
  bucket_count[to] += 1;
  pthread_mutex_unlock(&bucket_lock[high]);
  pthread_mutex_unlock(&bucket_lock[low]);
}

static void *mover(void *arg) {
  const unsigned *keys = arg;
  for (int i = 0; i < 500; ++i) move_entry(keys[0], keys[1]);
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
