# Re-entry of an RLock is fine, but two RLocks in opposite orders are still an inversion.
import threading

registry_lock = threading.RLock()
session_lock = threading.RLock()


def register():
    with registry_lock:
        with registry_lock:
            with session_lock:
                pass


def expire():
    with session_lock:
        with registry_lock:  # expect[runtime]: lock-order-inversion
            pass


threads = [threading.Thread(target=f) for f in (register, expire)]
for t in threads:
    t.start()
for t in threads:
    t.join()
