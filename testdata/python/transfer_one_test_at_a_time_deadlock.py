# A test suite exercises transfer() one test at a time: alice pays bob in one worker thread, joined,
# then bob pays alice in the next. This run cannot hang, but the same calls made concurrently
# deadlock: the inversion is reported all the same (the runtime rule of issue 15).
import threading


class Account:
    def __init__(self, name):
        self.name = name
        self.balance = 100
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    with src.lock:
        with dst.lock:  # expect[runtime]: lock-order-inversion
            src.balance -= amount
            dst.balance += amount


def test_alice_pays_bob(alice, bob):
    t = threading.Thread(target=transfer, args=(alice, bob, 10))
    t.start()
    t.join()


def test_bob_pays_alice(alice, bob):
    t = threading.Thread(target=transfer, args=(bob, alice, 5))
    t.start()
    t.join()


alice, bob = Account("alice"), Account("bob")
test_alice_pays_bob(alice, bob)
test_bob_pays_alice(alice, bob)
