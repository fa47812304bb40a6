# The ABBA made to hang: a barrier makes sure each thread holds its first lock before either takes its
# second. lockscope reports the deadlock with every thread's stack and ends the program (the
# inversion is reported too: its edges were made before the threads blocked).
import threading

accounts_lock = threading.Lock()
audit_lock = threading.Lock()
both_hold_one = threading.Barrier(2)


def post_entry():
    with accounts_lock:
        both_hold_one.wait()
        with audit_lock:
            pass


def run_audit():
    with audit_lock:
        both_hold_one.wait()
        with accounts_lock:  # expect[runtime]: lock-order-inversion, deadlock
            pass


threads = [threading.Thread(target=post_entry), threading.Thread(target=run_audit)]
for t in threads:
    t.start()
for t in threads:
    t.join()
