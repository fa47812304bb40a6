#pragma once
// threading.Lock and threading.RLock as the shim sees them: two small types, made at run time
// through the C API (python_api.h), whose instances wrap CPython's own lock and tell the detector
// before and after each acquisition and release, exactly as the pthread interceptors do. The
// bootstrap module (runtime/python/sitecustomize.py) installs them as threading.Lock/RLock.
#include "python/python_api.h"

namespace lockscope::rt::py {

// The two types, built from CPython's own factories (_thread.allocate_lock, _thread.RLock);
// nullptr with a Python error set on failure. The GIL is held.
bool make_lock_types(Obj* lock_factory, Obj* rlock_factory, Obj*& lock_type, Obj*& rlock_type);

}  // namespace lockscope::rt::py
