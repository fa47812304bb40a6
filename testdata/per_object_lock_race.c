// Per-object locks: each account guards its balance with its own mutex. transfer() holds only the
// SOURCE account's lock and also credits the destination, so it writes savings.balance under
// checking's lock while the payroll thread deposits into savings under savings' lock. A lock that
// is a field of the same struct as the data guards that object only: the two writes of
// savings.balance share no lock, one finding each. checking.balance is written by the transfer
// thread alone (main reads it after joining): no finding there.
#include <pthread.h>
#include <stdio.h>

struct account {
  pthread_mutex_t lock;
  long balance;
};

static struct account checking = {PTHREAD_MUTEX_INITIALIZER, 1000};
static struct account savings = {PTHREAD_MUTEX_INITIALIZER, 0};

static void transfer(struct account *from, struct account *to, long amount) {
  pthread_mutex_lock(&from->lock);
  from->balance -= amount;
  to->balance += amount;  // expect[static]: data-race
  pthread_mutex_unlock(&from->lock);
}

static void deposit(struct account *acct, long amount) {
  pthread_mutex_lock(&acct->lock);
  acct->balance += amount;  // expect[static]: data-race
  pthread_mutex_unlock(&acct->lock);
}

static void *save_monthly(void *arg) {
  (void)arg;
  for (int month = 0; month < 12; ++month) transfer(&checking, &savings, 50);
  return NULL;
}

static void *payroll(void *arg) {
  (void)arg;
  for (int month = 0; month < 12; ++month) deposit(&savings, 10);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, save_monthly, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, payroll, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("checking %ld, savings %ld\n", checking.balance, savings.balance);
  return 0;
}
