# 2 threads x 200k `with lock:` blocks, a nested pair every 8th (bench/python/README.md).
import threading

outer = threading.Lock()
inner = threading.Lock()
N = 200_000


def work():
    for i in range(N):
        if i & 7 == 0:
            with outer:
                with inner:
                    pass
        else:
            with outer:
                pass


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
