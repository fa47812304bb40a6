# Tutorial: same process id, active_count(), current_thread().name, is_alive().
from threading import Thread, active_count, current_thread
import os
import time


def worker(name):
    print(f"Child thread PID: {os.getpid()}")
    time.sleep(0.2)
    print(f"{name} is running in {current_thread().name}")


t = Thread(target=worker, args=('Frank',))
t.start()
print(active_count())
print(t.is_alive())
print("Main thread", current_thread().name, os.getpid())
t.join()
