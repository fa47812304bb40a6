# Tutorial: a thread from a target function with arguments; the main thread goes on.
from threading import Thread


def worker(name):
    print(f"{name} is running")


t = Thread(target=worker, args=('Alice',))
t.start()
print("Main thread")
