# Tutorial: the DeadlockThread example exactly as written. Both instances take lock A, then lock B:
# one order, so it cannot deadlock, and lockscope stays silent.
from threading import Thread, Lock
import time

lock_a = Lock()
lock_b = Lock()

class DeadlockThread(Thread):
    def run(self):
        self.acquire_locks()
        self.release_locks()

    def acquire_locks(self):
        lock_a.acquire()
        print(f"{self.name} acquired Lock A")
        lock_b.acquire()
        print(f"{self.name} acquired Lock B")

    def release_locks(self):
        lock_b.release()
        lock_a.release()

for _ in range(2):
    t = DeadlockThread()
    t.start()
