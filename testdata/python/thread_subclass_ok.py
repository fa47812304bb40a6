# Tutorial: a thread from a subclass of Thread that overrides run().
from threading import Thread


class MyThread(Thread):
    def __init__(self, name):
        super().__init__()
        self.worker_name = name

    def run(self):
        print(f"{self.worker_name} is running")


t = MyThread('Bob')
t.start()
