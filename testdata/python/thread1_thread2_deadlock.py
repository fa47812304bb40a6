# Tutorial: the deadlock example exactly as written (thread1 takes lock1 then lock2, thread2 the
# opposite order), started together as the tutorial's text says they run.
import threading

lock1 = threading.Lock()
lock2 = threading.Lock()

def thread1():
    with lock1:
        with lock2:
            print("Thread1 acquired both locks")

def thread2():
    with lock2:
        with lock1:  # expect[runtime]: lock-order-inversion
            print("Thread2 acquired both locks")

t1 = threading.Thread(target=thread1)
t2 = threading.Thread(target=thread2)
t1.start()
t2.start()
t1.join()
t2.join()
