# A plain Lock re-acquired by its holder with a timeout: the acquire fails after the timeout instead
# of hanging; lockscope reports the double lock and the program goes on.
import threading

lock = threading.Lock()


def retry():
    with lock:
        if not lock.acquire(timeout=0.2):  # expect[runtime]: double-lock
            print("gave up")


t = threading.Thread(target=retry)
t.start()
t.join()
