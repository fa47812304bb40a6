# A Lock and an RLock in opposite orders: re-entering the RLock changes nothing, the order still inverts.
import threading

state_lock = threading.Lock()
tree_lock = threading.RLock()


def update():
    with tree_lock:
        with tree_lock:
            with state_lock:
                pass


def snapshot():
    with state_lock:
        with tree_lock:  # expect[runtime]: lock-order-inversion
            pass


threads = [threading.Thread(target=update), threading.Thread(target=snapshot)]
for t in threads:
    t.start()
for t in threads:
    t.join()
