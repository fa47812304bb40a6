# Tutorial: a shared counter incremented under threading.Lock by several threads.
import threading

lock = threading.Lock()
counter = 0


def safe_increment():
    global counter
    for _ in range(10000):
        with lock:
            counter += 1


threads = [threading.Thread(target=safe_increment) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
