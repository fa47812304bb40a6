// Annotated locks get the double-lock rule: re-taking a held annotated spinlock is reported and
// ends the process (the spin would never end); a recursive annotated lock re-entered by its owner,
// and a shared (reader) lock taken twice by one reader, are not double locks. The unlock of a
// lock the thread does not hold is reported too.
#include <stdatomic.h>
#include <stddef.h>

#include "../../include/lockscope/annotations.h"

static atomic_flag spin = ATOMIC_FLAG_INIT;
static int recursive_owner_depth;
static int readers;

static void spin_lock(void) {
  lockscope_before_lock(&spin, 0);
  while (atomic_flag_test_and_set(&spin)) {
  }
  lockscope_after_lock(&spin, 0, 1);
}

static void spin_unlock(void) {
  lockscope_before_unlock(&spin, 0);
  atomic_flag_clear(&spin);
}

/* A recursive lock: only its owner ever takes it here, so a counter stands in for it. */
static void recursive_lock(void) {
  lockscope_before_lock(&recursive_owner_depth, 0);
  ++recursive_owner_depth;
  lockscope_after_lock(&recursive_owner_depth, 0, 1);
}

static void recursive_unlock(void) {
  lockscope_before_unlock(&recursive_owner_depth, 0);
  --recursive_owner_depth;
}

static void read_lock(void) {
  lockscope_before_lock(&readers, LOCKSCOPE_SHARED);
  ++readers;
  lockscope_after_lock(&readers, LOCKSCOPE_SHARED, 1);
}

static void read_unlock(void) {
  lockscope_before_unlock(&readers, LOCKSCOPE_SHARED);
  --readers;
}

int main(void) {
  lockscope_lock_create(&recursive_owner_depth, LOCKSCOPE_LOCK_RECURSIVE, "recursive");
  recursive_lock();
  recursive_lock();
  recursive_unlock();
  recursive_unlock();
  lockscope_lock_create(&readers, LOCKSCOPE_LOCK_READ_WRITE, "readers");
  read_lock();
  read_lock();
  read_unlock();
  read_unlock();
  read_unlock();  // expect: unlock-not-held
  spin_lock();
  spin_lock();  // expect: double-lock
  spin_unlock();
  return 0;
}
