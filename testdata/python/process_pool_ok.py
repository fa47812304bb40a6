# Tutorial: a ProcessPoolExecutor of two processes.
from concurrent.futures import ProcessPoolExecutor
import os
import time

pool = ProcessPoolExecutor(max_workers=2)


def process_task(x):
    time.sleep(0.05)
    print(f"Task {x} (PID: {os.getpid()})")
    return x * 2


if __name__ == "__main__":
    for i in range(5):
        future = pool.submit(process_task, i)
        print(future.result())
