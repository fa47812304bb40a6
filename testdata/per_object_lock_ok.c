// Per-object locks used correctly: each account guards its balance with its own mutex, and
// transfer() takes the source account's lock to debit it and then the destination's lock to
// credit it (never both at once), while the payroll thread deposits into savings under savings'
// lock. Every write of an account's balance holds that account's lock: nothing may be reported.
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
  pthread_mutex_unlock(&from->lock);
  pthread_mutex_lock(&to->lock);
  to->balance += amount;
  pthread_mutex_unlock(&to->lock);
}

static void deposit(struct account *acct, long amount) {
  pthread_mutex_lock(&acct->lock);
  acct->balance += amount;
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
