# acquire()/release() by hand, one side with a timeout: an acquisition that can wait (even for a
# bounded time) orders the locks, so the opposite nesting is an inversion.
import threading

cache_lock = threading.Lock()
index_lock = threading.Lock()


def refresh():
    cache_lock.acquire()
    try:
        if index_lock.acquire(timeout=1.0):
            index_lock.release()
    finally:
        cache_lock.release()


def rebuild():
    index_lock.acquire()
    cache_lock.acquire()  # expect[runtime]: lock-order-inversion
    cache_lock.release()
    index_lock.release()


threads = [threading.Thread(target=f) for f in (refresh, rebuild)]
for t in threads:
    t.start()
for t in threads:
    t.join()
