"""lockscope's bootstrap for Python programs run under the runtime shim.

The shim puts this directory first on PYTHONPATH (python_install.cpp), so Python imports this module at
start-up. It asks the shim for its Lock and RLock types (once, through ctypes), makes them
threading.Lock and threading.RLock (so Condition, Semaphore, Event, Barrier, queue.Queue and
concurrent.futures build on them too), tells the shim each thread's Python name, and then runs the
sitecustomize this one hides, if any. Locks CPython makes for itself (a Condition's waiters, a thread's
end-of-life lock) stay CPython's: they are signals between threads, not mutual exclusion.
"""
import os
import sys


def _install():
    import ctypes
    import threading

    shim = ctypes.PyDLL(None)
    try:
        install = shim.lockscope_python_install
    except AttributeError:
        return  # the shim is not in this process
    install.restype = ctypes.py_object
    install.argtypes = (ctypes.py_object, ctypes.py_object, ctypes.py_object)
    # The standard library is where os.py is (lib-dynload below it); sysconfig would cost an import.
    dirs = {os.path.dirname(os.__file__), os.path.dirname(os.path.abspath(__file__))}
    library = tuple(sorted(dirs | {os.path.realpath(d) for d in dirs}))
    import _thread
    try:
        api = install(_thread.allocate_lock, _thread.RLock, library)
    except (ValueError, OSError):
        return
    threading.Lock = api["Lock"]
    threading.RLock = api["RLock"]
    thread_started, thread_joined, thread_finished = api["thread_started"], api["thread_joined"], api["thread_finished"]

    thread_started(threading.current_thread().name, "<module>")
    bootstrap_inner = threading.Thread._bootstrap_inner
    join = threading.Thread.join

    def _entry(thread):
        target = getattr(thread, "_target", None)
        if target is not None:
            return getattr(target, "__qualname__", repr(target))
        return type(thread).__qualname__ + ".run"

    def _bootstrap_inner_named(self):
        self._lockscope_index = thread_started(self.name, _entry(self))
        try:
            bootstrap_inner(self)
        finally:
            thread_finished()

    def _join_ordered(self, timeout=None):
        join(self, timeout)
        index = getattr(self, "_lockscope_index", -1)
        if index >= 0 and not self.is_alive():
            thread_joined(index)

    threading.Thread._bootstrap_inner = _bootstrap_inner_named
    threading.Thread.join = _join_ordered


def _chain():
    """Run the sitecustomize this module hides (Debian's, a virtualenv's), then forget this directory."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    import importlib.machinery
    import importlib.util
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", sys.path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecustomize"] = module
    spec.loader.exec_module(module)


_install()
del _install
_chain()
