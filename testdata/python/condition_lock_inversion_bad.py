# The lock inside a Condition is a lock like any other: taking it under stats_lock in one thread and
# stats_lock under it in another is an inversion.
import threading

ready = threading.Condition()
stats_lock = threading.Lock()
items = []


def producer():
    with stats_lock:
        with ready:
            items.append(1)
            ready.notify()


def consumer():
    with ready:
        while not items:
            ready.wait()
        with stats_lock:  # expect[runtime]: lock-order-inversion
            items.pop()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
