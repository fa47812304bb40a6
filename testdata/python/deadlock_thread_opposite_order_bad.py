# The tutorial's DeadlockThread changed so that it can deadlock: the second thread takes lock B first.
# (No print between the acquisitions: printing gives up the GIL, and this run would really hang.)
from threading import Thread, Lock

lock_a = Lock()
lock_b = Lock()


class DeadlockThread(Thread):
    def __init__(self, first, second):
        super().__init__()
        self.first, self.second = first, second

    def run(self):
        self.first.acquire()
        self.second.acquire()  # expect[runtime]: lock-order-inversion
        self.second.release()
        self.first.release()
        print(f"{self.name} took both locks")


threads = [DeadlockThread(lock_a, lock_b), DeadlockThread(lock_b, lock_a)]
for t in threads:
    t.start()
for t in threads:
    t.join()
