# Tutorial: a ThreadPoolExecutor of three threads; each submitted task's result is awaited.
from concurrent.futures import ThreadPoolExecutor
from threading import current_thread
import time

pool = ThreadPoolExecutor(max_workers=3)


def task(x):
    time.sleep(0.05)
    print(f"Task {x} (Thread: {current_thread().name})")
    return x * 2


for i in range(5):
    future = pool.submit(task, i)
    print(future.result())
