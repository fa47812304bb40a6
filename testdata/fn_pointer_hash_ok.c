/* Tutorial scenario in C: a hash function chosen once at start-up through a global function
 * pointer (memcached's hash_init), then called by worker threads that fill their own buckets.
 * The pointer is written before any thread starts and only read afterwards; each worker writes
 * only its own slot of `buckets`. Nothing races: the analyzer must stay silent, even though it
 * follows the calls through `hash` into the chosen function. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

typedef uint32_t (*hash_func)(uint32_t key);

static uint32_t jenkins_like(uint32_t key) { return key * 2654435761u; }
static uint32_t identity(uint32_t key) { return key; }

static hash_func hash;
static uint32_t buckets[4];

static void hash_init(int fast) { hash = fast ? identity : jenkins_like; }

static void *worker(void *arg) {
  uint32_t *slot = arg;
  for (uint32_t i = 0; i < 1000; ++i) *slot ^= hash(i);
  return NULL;
}

int main(void) {
  hash_init(0);
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, worker, &buckets[i]);
  for (int i = 0; i < 4; ++i) pthread_join(threads[i], NULL);
  printf("%u %u %u %u\n", buckets[0], buckets[1], buckets[2], buckets[3]);
  return 0;
}
