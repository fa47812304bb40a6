# Tasks of a ThreadPoolExecutor take two locks in opposite orders.
from concurrent.futures import ThreadPoolExecutor
import threading

orders_lock = threading.Lock()
stock_lock = threading.Lock()


def place_order():
    with orders_lock:
        with stock_lock:
            return "placed"


def restock():
    with stock_lock:
        with orders_lock:  # expect[runtime]: lock-order-inversion
            return "restocked"


with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(place_order), pool.submit(restock)]
    print([f.result() for f in futures])
