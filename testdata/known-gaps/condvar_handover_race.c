// A condition-variable hand-over with one write on the wrong side: the producer fills the job,
// publishes it under the lock and signals, but then sets job.status once more AFTER the hand-over,
// while the consumer works on the job and writes the same field. Those two writes race (one
// finding each); the writes before the hand-over are ordered before the consumer's accesses.
#include <pthread.h>
#include <stdio.h>

struct job {
  int id;
  long input;
  int status;
};

static pthread_mutex_t job_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t job_posted = PTHREAD_COND_INITIALIZER;
static int job_ready;
static struct job job;

static void *produce(void *arg) {
  (void)arg;
  job.id = 7;
  job.input = 1234;
  pthread_mutex_lock(&job_lock);
  job_ready = 1;
  pthread_cond_signal(&job_posted);
  pthread_mutex_unlock(&job_lock);
  job.status = 1;  // expect[static]: data-race
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  pthread_mutex_lock(&job_lock);
  while (!job_ready) pthread_cond_wait(&job_posted, &job_lock);
  pthread_mutex_unlock(&job_lock);
  long result = job.input * 2;
  job.status = 2;  // expect[static]: data-race
  return (void *)result;
}

int main(void) {
  pthread_t p, c;
  if (pthread_create(&c, NULL, consume, NULL) != 0) return 1;
  if (pthread_create(&p, NULL, produce, NULL) != 0) return 1;
  void *result = NULL;
  pthread_join(p, NULL);
  pthread_join(c, &result);
  printf("job %d: result %ld, status %d\n", job.id, (long)result, job.status);
  return 0;
}
