# Three threads, three locks, each taking its pair in a rotating order: a cycle of three.
import threading

lock_x = threading.Lock()
lock_y = threading.Lock()
lock_z = threading.Lock()


def take(first, second):
    with first:
        with second:  # expect[runtime]: lock-order-inversion
            pass


threads = [threading.Thread(target=take, args=pair) for pair in ((lock_x, lock_y), (lock_y, lock_z), (lock_z, lock_x))]
for t in threads:
    t.start()
for t in threads:
    t.join()
