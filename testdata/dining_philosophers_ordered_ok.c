// The dining philosophers with the classic fix: every philosopher takes the lower-numbered of
// his two forks first, so the fork locks are always taken in increasing index order and no
// cycle can form (philosopher 4 takes fork 0 before fork 4). Nothing may be reported. Each
// philosopher eats with his own plate (meals[i]) and only main reads the plates, after joining.
#include <pthread.h>
#include <stdio.h>

#define N 5

static pthread_mutex_t fork_lock[N];
static long meals[N];

static void *philosopher(void *arg) {
  int i = (int)(long)arg;
  int left = i;
  int right = (i + 1) % N;
  int first = left < right ? left : right;
  int second = left < right ? right : left;
  long eaten = 0;
  for (int round = 0; round < 200; ++round) {
    pthread_mutex_lock(&fork_lock[first]);
    pthread_mutex_lock(&fork_lock[second]);
    eaten += 1;
    pthread_mutex_unlock(&fork_lock[second]);
    pthread_mutex_unlock(&fork_lock[first]);
  }
  return (void *)eaten;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_mutex_init(&fork_lock[i], NULL);
  for (long i = 0; i < N; ++i)
    if (pthread_create(&t[i], NULL, philosopher, (void *)i) != 0) return 1;
  for (int i = 0; i < N; ++i) {
    void *eaten = NULL;
    pthread_join(t[i], &eaten);
    meals[i] = (long)eaten;
  }
  printf("meals: %ld %ld %ld %ld %ld\n", meals[0], meals[1], meals[2], meals[3], meals[4]);
  return 0;
}
