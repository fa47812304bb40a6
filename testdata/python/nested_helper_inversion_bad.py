# The inversion hides behind helpers: save() takes db_lock then calls log(), which takes log_lock;
# rotate() takes log_lock then calls flush(), which takes db_lock. The report shows both call chains.
import threading

db_lock = threading.Lock()
log_lock = threading.Lock()


def log(message):
    with log_lock:
        pass


def save(record):
    with db_lock:
        log("saved " + record)


def flush():
    with db_lock:  # expect[runtime]: lock-order-inversion
        pass


def rotate():
    with log_lock:
        flush()


threads = [threading.Thread(target=save, args=("r1",)), threading.Thread(target=rotate)]
for t in threads:
    t.start()
for t in threads:
    t.join()
