# Tutorial: Semaphore(3) lets three of ten tasks work at a time.
from threading import Thread, Semaphore
import time
import random

sem = Semaphore(3)


def task(name):
    with sem:
        print(f"{name} is working")
        time.sleep(random.randint(1, 2) / 20)
        print(f"{name} finished")


for i in range(10):
    t = Thread(target=task, args=(f"Task-{i}",))
    t.start()
