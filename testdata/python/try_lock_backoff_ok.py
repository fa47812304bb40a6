# A non-blocking acquire that backs off cannot wait, so it adds no lock order: no inversion.
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()


def careful():
    for _ in range(100):
        with lock_a:
            if lock_b.acquire(blocking=False):
                lock_b.release()
                return


def plain():
    with lock_b:
        with lock_a:
            pass


threads = [threading.Thread(target=careful), threading.Thread(target=plain)]
for t in threads:
    t.start()
for t in threads:
    t.join()
