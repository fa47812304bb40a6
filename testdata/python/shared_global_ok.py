# Tutorial: threads share the process's globals.
from threading import Thread

username = 'Eve'


def worker():
    global username
    username = 'Eve_modified'
    print(f"{username} (thread)")


t = Thread(target=worker)
t.start()
t.join()
print(f"{username} (main thread)")
