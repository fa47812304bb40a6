# Tutorial: RLock lets the thread that holds it take it again (a recursive helper).
import threading

rlock = threading.RLock()
total = 0


def add(n):
    global total
    with rlock:
        if n > 0:
            total += n
            add(n - 1)


threads = [threading.Thread(target=add, args=(5,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
