# Tutorial: queue.Queue carries a message from a producer thread to a consumer thread.
import queue
import threading

q = queue.Queue()


def producer():
    q.put("message")


def consumer():
    msg = q.get()
    print("Received:", msg)


threading.Thread(target=producer).start()
threading.Thread(target=consumer).start()
