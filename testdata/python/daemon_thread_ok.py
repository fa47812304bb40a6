# Tutorial: a daemon thread runs in the background and ends with the program.
import threading
import time


def background_task():
    while True:
        print("Running in background")
        time.sleep(0.05)


t = threading.Thread(target=background_task, daemon=True)
t.start()
time.sleep(0.2)
