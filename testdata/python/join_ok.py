# Tutorial: join() makes the main thread wait for the child.
from threading import Thread
import time


def worker(name):
    time.sleep(0.2)
    print(f"{name} is running")


t = Thread(target=worker, args=('Dave',))
t.start()
t.join()
print("Main thread continues")
