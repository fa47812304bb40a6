// How a Python program comes under the shim. The shim's constructor, in a process that embeds
// CPython, puts the bootstrap directory (lockscope-python/ beside the shim) first on PYTHONPATH, so
// every launcher works: `lockscope run -- python3`, `LD_PRELOAD=... pytest`, a C program that
// starts Python. Python then imports the bootstrap's sitecustomize.py at start-up, which asks the
// shim (through ctypes, once) for the Lock and RLock types and the thread hooks, installs them in
// `threading`, and hands over to any other sitecustomize.
#include <dlfcn.h>
#include <stdlib.h>

#include <string>

#include "python/python_frames.h"
#include "python/python_locks.h"
#include "runtime.h"

using namespace lockscope::rt;
using namespace lockscope::rt::py;

namespace {

__attribute__((constructor)) void put_bootstrap_on_path() {
  if (!is_python_process()) return;
  Dl_info info;
  if (!dladdr(reinterpret_cast<void*>(&put_bootstrap_on_path), &info) || !info.dli_fname) return;
  std::string dir = info.dli_fname;
  dir = dir.substr(0, dir.rfind('/') + 1) + "lockscope-python";
  const char* old = getenv("PYTHONPATH");
  std::string current = old ? old : "";
  if ((":" + current + ":").find(":" + dir + ":") != std::string::npos) return;  // a parent put it there
  setenv("PYTHONPATH", (current.empty() ? dir : dir + ":" + current).c_str(), 1);
}

// thread_started(name, entry) -> the thread's index; thread_joined(index); thread_finished().
Obj* f_thread_started(Obj*, Obj* const* args, size_t nargs) {
  const Api& a = *api();
  if (nargs != 2) return a.PyLong_FromLong(-1);
  ThreadState* t = t_shim.in_shim ? nullptr : current_thread();
  if (!t) return a.PyLong_FromLong(-1);
  const char* name = a.PyUnicode_AsUTF8(args[0]);
  const char* entry = a.PyUnicode_AsUTF8(args[1]);
  if (!name || !entry) return nullptr;
  ++t_shim.in_shim;
  note_thread(t->index, name, entry);
  --t_shim.in_shim;
  return a.PyLong_FromLong(static_cast<long>(t->index));
}
// thread_finished(): the thread's Python code is done. CPython's join() returns as soon as the
// thread's end-of-life lock is released, often before the pthread exits (where the shim would close
// the thread's epoch), so the epoch is closed here: every edge the thread made is then below what
// the joiner learns. (Closing an epoch is what a thread creation does to its parent.)
Obj* f_thread_finished(Obj*, Obj*) {
  const Api& a = *api();
  if (ThreadState* t = t_shim.in_shim ? nullptr : t_shim.thread) {
    ++t_shim.in_shim;
    detector().on_thread_create(*t);
    --t_shim.in_shim;
  }
  a.Py_IncRef(a.none);
  return a.none;
}

Obj* f_thread_joined(Obj*, Obj* index) {
  const Api& a = *api();
  long i = a.PyLong_AsLong(index);
  if (i < 0 && a.PyErr_Occurred()) return nullptr;
  ThreadState* t = t_shim.in_shim ? nullptr : current_thread();
  if (t && i >= 0) {
    ++t_shim.in_shim;
    detector().on_thread_join(*t, static_cast<uint32_t>(i));
    --t_shim.in_shim;
  }
  a.Py_IncRef(a.none);
  return a.none;
}

MethodDef g_functions[] = {
    {"thread_started", reinterpret_cast<void*>(&f_thread_started), kMethFastcall, nullptr},
    {"thread_joined", reinterpret_cast<void*>(&f_thread_joined), kMethO, nullptr},
    {"thread_finished", reinterpret_cast<void*>(&f_thread_finished), kMethNoargs, nullptr},
};

}  // namespace

// Called once by sitecustomize.py through ctypes.PyDLL (the GIL is held). Returns a dict with
// Lock, RLock, thread_started, thread_joined and thread_finished, or None when the shim cannot
// serve this Python.
extern "C" __attribute__((visibility("default"))) Obj* lockscope_python_install(Obj* lock_factory,
                                                                               Obj* rlock_factory,
                                                                               Obj* library_dirs) {
  const Api* ap = api();
  if (!ap) return nullptr;  // ctypes raises: the bootstrap leaves threading as it is
  const Api& a = *ap;
  std::vector<std::string> dirs;
  for (ssize_t i = 0, n = a.PyTuple_Size(library_dirs); i < n; ++i)
    if (const char* d = a.PyUnicode_AsUTF8(a.PyTuple_GetItem(library_dirs, i))) dirs.push_back(d);
  set_library_dirs(std::move(dirs));
  Obj *lock_type, *rlock_type;
  if (!make_lock_types(lock_factory, rlock_factory, lock_type, rlock_type)) return nullptr;
  Obj* d = a.PyDict_New();
  a.PyDict_SetItemString(d, "Lock", lock_type);
  a.PyDict_SetItemString(d, "RLock", rlock_type);
  for (MethodDef& m : g_functions) {
    Obj* f = a.PyCFunction_NewEx(&m, nullptr, nullptr);
    a.PyDict_SetItemString(d, m.name, f);
    a.Py_DecRef(f);
  }
  return d;
}
