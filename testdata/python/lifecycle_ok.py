# Tutorial: create, start and join threads: a plain target, one with arguments, a subclass; the main
# thread's name.
import threading


def task():
    print("Thread is running")


def greet(name):
    print(f"Hello {name}")


class MyThread(threading.Thread):
    def run(self):
        print("Thread via subclass")


print("Main thread:", threading.current_thread().name)
for t in (threading.Thread(target=task), threading.Thread(target=greet, args=("Alice",)), MyThread()):
    t.start()
    t.join()
