# Tutorial: a producer and a consumer share a list under one lock.
import threading

lock = threading.Lock()
queue = []


def producer():
    with lock:
        queue.append("data")


def consumer():
    with lock:
        if queue:
            print(queue.pop(0))


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
