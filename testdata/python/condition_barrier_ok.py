# Condition.wait/notify and a Barrier, with a lock taken the same way by every thread.
import threading

cond = threading.Condition()
log_lock = threading.Lock()
barrier = threading.Barrier(3)
ready = []


def worker(i):
    barrier.wait()
    with cond:
        while not ready:
            cond.wait()
    with log_lock:
        print("worker", i, "done")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
barrier.wait()
with cond:
    ready.append(True)
    cond.notify_all()
for t in threads:
    t.join()
