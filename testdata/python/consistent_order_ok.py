# Two threads nest the same two locks in the same order, many times: no inversion.
import threading

outer = threading.Lock()
inner = threading.RLock()


def work():
    for _ in range(1000):
        with outer:
            with inner:
                with inner:
                    pass


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
