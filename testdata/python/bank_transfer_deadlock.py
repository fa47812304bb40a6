# Each account has its own lock (an instance attribute); transfer() takes the source's lock, then the
# destination's. Alice pays Bob while Bob pays Alice: the two threads take the same two locks in
# opposite orders. The run happens not to hang, and the inversion is reported with both accounts'
# locks named Account.lock.
import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    with src.lock:
        with dst.lock:  # expect[runtime]: lock-order-inversion
            src.balance -= amount
            dst.balance += amount


alice = Account("alice", 100)
bob = Account("bob", 100)
t1 = threading.Thread(target=transfer, args=(alice, bob, 10))
t2 = threading.Thread(target=transfer, args=(bob, alice, 5))
t1.start()
t2.start()
t1.join()
t2.join()
print(alice.balance, bob.balance)
