# A BoundedSemaphore and a Semaphore released by a thread that did not acquire them are signals.
import threading

slots = threading.BoundedSemaphore(1)
items = threading.Semaphore(0)
lock = threading.Lock()


def producer():
    for _ in range(3):
        with lock:
            pass
        items.release()
    slots.release()


def consumer():
    for _ in range(3):
        items.acquire()
        with lock:
            pass


slots.acquire()
threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
for t in threads:
    t.start()
slots.acquire()
for t in threads:
    t.join()
