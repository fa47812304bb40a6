// Why wrap the lock objects rather than interpose the POSIX semaphores CPython 3.11/3.12 builds its
// locks on: at the semaphore, `with lock:` and `lock.acquire(blocking=False)` are the same
// sem_trywait (a non-blocking acquire must add no edge, a blocking one must), the lock a
// Condition waits on is acquired twice by one thread on purpose, and 3.13 no longer uses
// semaphores. A wrapper sees the call as the program wrote it (blocking, timeout, which lock
// object), holds the GIL (so the Python stack is at hand), and works on any CPython 3.9+
// without a compiled extension. The cost is one extra C call per operation (bench/python).
#include "python/python_locks.h"

#include "acting_thread.h"
#include "python/python_frames.h"

namespace lockscope::rt::py {

namespace {

struct LockObj {
  ObjHead head;
  Obj* inner;          // CPython's own lock
  LockState* state;    // the detector's lock, from the first acquisition
  uintptr_t created;   // packed frame where the program created it
  uint32_t ordinal;    // the how-manyth lock created there
  bool signal;         // released by a thread that did not take it: a signal, no longer tracked
};

struct Kind {
  Obj* factory = nullptr;
  Obj* acquire = nullptr;  // CPython's unbound methods, called with the inner lock first
  Obj* release = nullptr;
  Obj* release_save = nullptr;
  Obj* acquire_restore = nullptr;
  uint8_t flags = 0;
};
Kind g_kinds[2];  // Lock, RLock

const Api& A() { return *api(); }
Kind& kind_of(LockObj* o, Obj* lock_type) { return g_kinds[type_of(o) == lock_type ? 0 : 1]; }
Obj* g_lock_type = nullptr;
Kind& kind(LockObj* o) { return kind_of(o, g_lock_type); }

Obj* call_inner(Obj* method, LockObj* self, Obj* const* args, size_t nargs, Obj* kwnames) {
  Obj* buf[8];
  size_t total = nargs + (kwnames ? static_cast<size_t>(A().PyTuple_Size(kwnames)) : 0);
  if (total > 6) total = 6;
  buf[0] = self->inner;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return A().PyObject_Vectorcall(method, buf, 1 + nargs, kwnames);
}

bool holds(ThreadState& t, uintptr_t addr) {
  const HeldEntry* h = t.held_array();
  for (uint32_t i = t.held_count(); i-- > 0;)
    if (h[i].addr == addr) return true;
  return false;
}

// A plain Lock acquired again by the thread holding it waits until some other thread releases it:
// a self-deadlock, unless the lock is a signal (`done.acquire()` waiting for a worker's
// `done.release()`). Wait up to the hang timeout (or the caller's own timeout): if another thread
// released it, it is a signal and no longer tracked; otherwise report the double lock, and end the
// process when the program would wait forever.
Obj* reacquire_held(ThreadState& t, LockObj* self, HeldEntry& e, Obj* const* args, size_t nargs, Obj* kwnames,
                    double timeout) {
  const Api& a = A();
  double grace = options().hang_timeout_ms / 1000.0;
  bool forever = timeout < 0;
  Obj* r;
  ++t_shim.in_shim;
  if (!forever && timeout <= grace) {
    r = call_inner(kind(self).acquire, self, args, nargs, kwnames);
  } else {
    Obj* secs = a.PyFloat_FromDouble(grace);
    Obj* buf[3] = {self->inner, a.true_, secs};
    r = a.PyObject_Vectorcall(kind(self).acquire, buf, 3, nullptr);
    a.Py_DecRef(secs);
  }
  --t_shim.in_shim;
  if (r != a.false_) {
    if (r) self->signal = true;  // another thread released it: drop this thread's hold, track no more
    ++t_shim.in_shim;
    detector().before_unlock(t, reinterpret_cast<uintptr_t>(self));
    --t_shim.in_shim;
    return r;
  }
  ++t_shim.in_shim;
  Verdict v = detector().before_lock(t, *self->state, Mode::Write, true, e.stack);
  if (v == Verdict::WouldHang && forever) die_with_findings();
  on_new_findings();
  --t_shim.in_shim;
  a.Py_DecRef(r);
  if (!forever) return call_inner(kind(self).acquire, self, args, nargs, kwnames);  // the rest of its time
  return nullptr;  // not reached
}

// One acquisition, shaped as interceptors.cpp's: known lock and known edges stay on the fast path.
Obj* acquire(LockObj* self, Obj* method, Obj* const* args, size_t nargs, Obj* kwnames, bool blocking, double timeout,
             long restore_count = 0) {
  ThreadState* t = self->signal ? nullptr : acting_thread();
  if (!t) return call_inner(method, self, args, nargs, kwnames);
  const Api& a = A();
  Detector& d = detector();
  auto addr = reinterpret_cast<uintptr_t>(self);
  HeldEntry& e = t->next_slot();
  LockState* l = self->state;
  bool holding = t->held_count() > 0;
  bool fresh = !l || !d.nothing_new(*t, *l, Mode::Write, blocking);
  // Outside any lock, on a path already known, only the top frame is kept (the place it was taken).
  capture_python_stack(e.stack, fresh || holding ? options().stack_depth : 1);
  bool reentry = false;
  if (fresh) {
    ++t_shim.in_shim;
    if (!l) {
      l = self->state = d.new_lock(*t, addr, Family::Other, kind(self).flags, e.stack);
      note_lock_created(l->id, self->created, self->ordinal);
    }
    bool self_wait = blocking && !(l->flags & kRecursive) && holds(*t, addr);
    --t_shim.in_shim;
    if (self_wait) return reacquire_held(*t, self, e, args, nargs, kwnames, timeout);
    ++t_shim.in_shim;
    size_t before = d.finding_count();
    Verdict v = d.before_lock(*t, *l, Mode::Write, blocking, e.stack);
    if (d.finding_count() != before) on_new_findings();
    reentry = v == Verdict::Reentry;
    --t_shim.in_shim;
  }
  e.addr = addr;
  e.lock_id = l->id;
  e.mode = Mode::Write;
  e.reentry = reentry;
  bool publish = blocking && timeout < 0 && holding && options().hang_timeout_ms > 0;
  if (publish) {
    t->wait_seq.store(t->wait_seq.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    t->waiting.store(&e, std::memory_order_release);
    start_watchdog_if_needed();
  }
  // The GIL is given up and taken back inside: those pthread calls are CPython's, not the program's.
  ++t_shim.in_shim;
  Obj* r = call_inner(method, self, args, nargs, kwnames);
  --t_shim.in_shim;
  if (publish) t->waiting.store(nullptr, std::memory_order_release);
  if (r && r != a.false_) {
    t->commit_slot();
    for (long i = 1; i < restore_count; ++i) d.after_lock(*t, *l, Mode::Write, true, e.stack);
  }
  return r;
}

void release_holds(LockObj* self, bool all) {
  ThreadState* t = t_shim.thread;
  if (!t || t_shim.in_shim || !self->state || self->signal) return;
  auto addr = reinterpret_cast<uintptr_t>(self);
  if (!detector().before_unlock(*t, addr)) {
    // A Lock released by a thread that does not hold it is a signal between threads (an RLock
    // refuses such a release: CPython raises).
    if (!(kind(self).flags & kRecursive)) self->signal = true;
    return;
  }
  if (all)
    while (detector().before_unlock(*t, addr)) {
    }
}

bool parse_acquire(Obj* const* args, size_t nargs, Obj* kwnames, bool& blocking, double& timeout) {
  const Api& a = A();
  blocking = true;
  timeout = -1;
  size_t nkw = kwnames ? static_cast<size_t>(a.PyTuple_Size(kwnames)) : 0;
  for (size_t i = 0; i < nargs + nkw; ++i) {
    bool is_blocking = i < nargs ? i == 0
                                 : a.PyUnicode_CompareWithASCIIString(a.PyTuple_GetItem(kwnames, i - nargs), "blocking") == 0;
    if (is_blocking) {
      int v = a.PyObject_IsTrue(args[i]);
      if (v < 0) return false;
      blocking = v != 0;
    } else {
      timeout = a.PyFloat_AsDouble(args[i]);
      if (timeout == -1 && a.PyErr_Occurred()) return false;
    }
  }
  return true;
}

Obj* m_acquire(Obj* self, Obj* const* args, size_t nargs, Obj* kwnames) {
  auto* o = static_cast<LockObj*>(self);
  bool blocking;
  double timeout;
  if (!parse_acquire(args, nargs & ~(size_t{1} << 63), kwnames, blocking, timeout))
    return nullptr;  // CPython's own acquire reports the bad argument
  return acquire(o, kind(o).acquire, args, nargs & ~(size_t{1} << 63), kwnames, blocking, timeout);
}
Obj* m_enter(Obj* self, Obj*) {
  auto* o = static_cast<LockObj*>(self);
  return acquire(o, kind(o).acquire, nullptr, 0, nullptr, true, -1);
}
Obj* m_release(Obj* self, Obj*) {
  auto* o = static_cast<LockObj*>(self);
  release_holds(o, false);
  return call_inner(kind(o).release, o, nullptr, 0, nullptr);
}
Obj* m_exit(Obj* self, Obj* const*, size_t, Obj*) { return m_release(self, nullptr); }
// Condition.wait on an RLock: release every level, then take them all back.
Obj* m_release_save(Obj* self, Obj*) {
  auto* o = static_cast<LockObj*>(self);
  release_holds(o, true);
  return call_inner(kind(o).release_save, o, nullptr, 0, nullptr);
}
Obj* m_acquire_restore(Obj* self, Obj* state) {
  auto* o = static_cast<LockObj*>(self);
  const Api& a = A();
  long count = 1;
  if (Obj* c = a.PyTuple_GetItem(state, 0)) count = a.PyLong_AsLong(c);
  if (a.PyErr_Occurred()) a.PyErr_Clear();
  Obj* args[1] = {state};
  return acquire(o, kind(o).acquire_restore, args, 1, nullptr, true, -1, count);
}

Obj* t_getattro(Obj* self, Obj* name) {  // everything else is CPython's lock's own
  const Api& a = A();
  if (Obj* r = a.PyObject_GenericGetAttr(self, name)) return r;
  if (!a.PyErr_ExceptionMatches(*a.PyExc_AttributeError)) return nullptr;
  a.PyErr_Clear();
  return a.PyObject_GetAttr(static_cast<LockObj*>(self)->inner, name);
}
Obj* t_repr(Obj* self) { return A().PyObject_Repr(static_cast<LockObj*>(self)->inner); }

Obj* t_new(Obj* type, Obj*, Obj*) {
  const Api& a = A();
  Kind& k = g_kinds[type == g_lock_type ? 0 : 1];
  Obj* inner = a.PyObject_CallNoArgs(k.factory);
  if (!inner) return nullptr;
  auto* o = static_cast<LockObj*>(a.PyType_GenericAlloc(type, 0));
  if (!o) {
    a.Py_DecRef(inner);
    return nullptr;
  }
  o->inner = inner;
  Stack s;
  capture_python_stack(s, kMaxFrames);
  o->created = first_user_frame(s);
  o->ordinal = count_creation(o->created);
  return o;
}
void t_dealloc(Obj* self) {
  const Api& a = A();
  auto* o = static_cast<LockObj*>(self);
  if (o->state) {
    ++t_shim.in_shim;
    detector().forget(reinterpret_cast<uintptr_t>(o), Family::Other);
    --t_shim.in_shim;
  }
  Obj* type = type_of(self);
  a.Py_DecRef(o->inner);
  a.PyObject_Free(self);
  a.Py_DecRef(type);
}

constexpr int kFast = kMethFastcall | kMethKeywords;
MethodDef g_lock_methods[] = {
    {"acquire", reinterpret_cast<void*>(&m_acquire), kFast, nullptr},
    {"__enter__", reinterpret_cast<void*>(&m_enter), kMethNoargs, nullptr},
    {"release", reinterpret_cast<void*>(&m_release), kMethNoargs, nullptr},
    {"__exit__", reinterpret_cast<void*>(&m_exit), kFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};
MethodDef g_rlock_methods[] = {
    {"acquire", reinterpret_cast<void*>(&m_acquire), kFast, nullptr},
    {"__enter__", reinterpret_cast<void*>(&m_enter), kMethNoargs, nullptr},
    {"release", reinterpret_cast<void*>(&m_release), kMethNoargs, nullptr},
    {"__exit__", reinterpret_cast<void*>(&m_exit), kFast, nullptr},
    {"_release_save", reinterpret_cast<void*>(&m_release_save), kMethNoargs, nullptr},
    {"_acquire_restore", reinterpret_cast<void*>(&m_acquire_restore), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Obj* make_type(const char* name, MethodDef* methods) {
  static TypeSlot slots[2][6];
  TypeSlot* s = slots[methods == g_lock_methods ? 0 : 1];
  s[0] = {kSlotNew, reinterpret_cast<void*>(&t_new)};
  s[1] = {kSlotDealloc, reinterpret_cast<void*>(&t_dealloc)};
  s[2] = {kSlotGetattro, reinterpret_cast<void*>(&t_getattro)};
  s[3] = {kSlotRepr, reinterpret_cast<void*>(&t_repr)};
  s[4] = {kSlotMethods, methods};
  s[5] = {0, nullptr};
  static TypeSpec specs[2];
  TypeSpec& spec = specs[methods == g_lock_methods ? 0 : 1];
  spec = {name, static_cast<int>(sizeof(LockObj)), 0, 0, s};
  return A().PyType_FromSpec(&spec);
}

bool fill_kind(Kind& k, Obj* factory, uint8_t flags) {
  const Api& a = A();
  k.factory = factory;
  a.Py_IncRef(factory);
  k.flags = flags;
  Obj* sample = a.PyObject_CallNoArgs(factory);
  if (!sample) return false;
  Obj* type = type_of(sample);
  k.acquire = a.PyObject_GetAttrString(type, "acquire");
  k.release = a.PyObject_GetAttrString(type, "release");
  if (flags & kRecursive) {
    k.release_save = a.PyObject_GetAttrString(type, "_release_save");
    k.acquire_restore = a.PyObject_GetAttrString(type, "_acquire_restore");
  }
  a.Py_DecRef(sample);
  return k.acquire && k.release && (!(flags & kRecursive) || (k.release_save && k.acquire_restore));
}

}  // namespace

bool make_lock_types(Obj* lock_factory, Obj* rlock_factory, Obj*& lock_type, Obj*& rlock_type) {
  if (!fill_kind(g_kinds[0], lock_factory, 0) || !fill_kind(g_kinds[1], rlock_factory, kRecursive)) return false;
  lock_type = g_lock_type = make_type("lockscope.Lock", g_lock_methods);
  rlock_type = make_type("lockscope.RLock", g_rlock_methods);
  return lock_type && rlock_type;
}

}  // namespace lockscope::rt::py
