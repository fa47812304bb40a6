# A plain Lock taken again by the thread that holds it waits for itself forever. lockscope reports
# it (after the hang timeout, in case another thread releases it as a signal) and ends the program.
import threading

config_lock = threading.Lock()


def reload_config():
    with config_lock:  # expect[runtime]: double-lock
        print("reloading")


def update():
    with config_lock:
        reload_config()  # the helper takes config_lock again


def main():
    t = threading.Thread(target=update)
    t.start()
    t.join()


main()
