// A pointer that may point to either of two locks, but is never held with another lock except
// under the one order the program uses: a request picks the urgent or the normal queue's lock by
// priority and appends there, alone; the balancer takes urgent_lock then normal_lock to move
// work across. The chosen lock guards the counter of the queue it was chosen with; the balancer
// holds both. No cycle, no unguarded write: nothing may be reported.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t urgent_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t normal_lock = PTHREAD_MUTEX_INITIALIZER;
static long urgent_queued;
static long normal_queued;

static void submit(int priority) {
  const int urgent = priority > 5;
  pthread_mutex_t *lock = urgent ? &urgent_lock : &normal_lock;
  long *queued = urgent ? &urgent_queued : &normal_queued;
  pthread_mutex_lock(lock);
  *queued += 1;
  pthread_mutex_unlock(lock);
}

static void *client(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) submit(i % 10);
  return NULL;
}

static void *balancer(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&urgent_lock);
    pthread_mutex_lock(&normal_lock);
    if (urgent_queued > normal_queued) {
      urgent_queued -= 1;
      normal_queued += 1;
    }
    pthread_mutex_unlock(&normal_lock);
    pthread_mutex_unlock(&urgent_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t c1, c2, b;
  if (pthread_create(&c1, NULL, client, NULL) != 0) return 1;
  if (pthread_create(&c2, NULL, client, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, balancer, NULL) != 0) return 1;
  pthread_join(c1, NULL);
  pthread_join(c2, NULL);
  pthread_join(b, NULL);
  printf("urgent %ld, normal %ld\n", urgent_queued, normal_queued);
  return 0;
}
