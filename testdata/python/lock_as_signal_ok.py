# The old idiom of a Lock used as a signal: the main thread takes it, then waits on it again until a
# worker releases it. Not a self-deadlock: another thread releases it.
import threading
import time

done = threading.Lock()
done.acquire()


def worker():
    time.sleep(0.1)
    done.release()


threading.Thread(target=worker).start()
done.acquire()
print("worker finished")
