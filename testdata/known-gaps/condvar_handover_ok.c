// A condition-variable hand-over with the predicate under the lock: the producer fills the job
// without holding the lock, then sets `job_ready` under the lock and signals; the consumer waits
// until job_ready is set (checked under the lock), releases the lock, and then works on the job
// alone, writing its status. The lock's release/acquire around job_ready orders the producer's
// writes before the consumer's: nothing may be reported.
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
  job.status = 1;
  pthread_mutex_lock(&job_lock);
  job_ready = 1;
  pthread_cond_signal(&job_posted);
  pthread_mutex_unlock(&job_lock);
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  pthread_mutex_lock(&job_lock);
  while (!job_ready) pthread_cond_wait(&job_posted, &job_lock);
  pthread_mutex_unlock(&job_lock);
  long result = job.input * 2;
  job.status = 2;
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
