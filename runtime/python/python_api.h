#pragma once
// The few CPython C API functions the shim uses, found with dlsym in the running process (so the
// shim is built once and works with any CPython 3.9+ that is not a free-threaded build: nothing
// here depends on a version's headers). Only the stable layouts are declared: an object's first
// two words (reference count, type), PyMethodDef and PyType_Spec.
#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace lockscope::rt::py {

using Obj = void;  // PyObject

struct ObjHead {  // PyObject_HEAD of a default (GIL) build
  intptr_t refcnt;
  Obj* type;
};

struct MethodDef {
  const char* name;
  void* meth;
  int flags;
  const char* doc;
};
struct TypeSlot {
  int slot;
  void* pfunc;
};
struct TypeSpec {
  const char* name;
  int basicsize;
  int itemsize;
  unsigned int flags;
  TypeSlot* slots;
};

inline constexpr int kMethVarargs = 0x1, kMethKeywords = 0x2, kMethNoargs = 0x4, kMethO = 0x8, kMethFastcall = 0x80;
inline constexpr int kSlotDealloc = 52, kSlotGetattro = 58, kSlotMethods = 64, kSlotNew = 65, kSlotRepr = 66;

struct Api {
  Obj* (*PyEval_GetFrame)();
  Obj* (*PyFrame_GetBack)(Obj*);
  Obj* (*PyFrame_GetCode)(Obj*);
  int (*PyFrame_GetLasti)(Obj*);  // 3.11+; null before (then lines are taken at capture)
  int (*PyFrame_GetLineNumber)(Obj*);
  int (*PyCode_Addr2Line)(Obj*, int);
  void (*Py_IncRef)(Obj*);
  void (*Py_DecRef)(Obj*);
  Obj* (*PyObject_GetAttrString)(Obj*, const char*);
  Obj* (*PyObject_GenericGetAttr)(Obj*, Obj*);
  Obj* (*PyObject_GetAttr)(Obj*, Obj*);
  Obj* (*PyObject_Repr)(Obj*);
  const char* (*PyUnicode_AsUTF8)(Obj*);
  int (*PyUnicode_CompareWithASCIIString)(Obj*, const char*);
  Obj* (*PyType_FromSpec)(TypeSpec*);
  Obj* (*PyType_GenericAlloc)(Obj*, ssize_t);
  void (*PyObject_Free)(void*);
  Obj* (*PyObject_Vectorcall)(Obj*, Obj* const*, size_t, Obj*);
  Obj* (*PyObject_CallNoArgs)(Obj*);
  Obj* (*PyObject_Call)(Obj*, Obj*, Obj*);
  int (*PyObject_IsTrue)(Obj*);
  double (*PyFloat_AsDouble)(Obj*);
  Obj* (*PyFloat_FromDouble)(double);
  Obj* (*PyErr_Occurred)();
  int (*PyErr_ExceptionMatches)(Obj*);
  void (*PyErr_Clear)();
  ssize_t (*PyTuple_Size)(Obj*);
  Obj* (*PyTuple_GetItem)(Obj*, ssize_t);
  long (*PyLong_AsLong)(Obj*);
  Obj* (*PyLong_FromLong)(long);
  Obj* (*PyDict_New)();
  int (*PyDict_SetItemString)(Obj*, const char*, Obj*);
  Obj* (*PyCFunction_NewEx)(MethodDef*, Obj*, Obj*);
  Obj** PyExc_AttributeError;
  Obj* none;
  Obj* true_;
  Obj* false_;
};

// The API of the CPython this process runs, or nullptr when it is not a Python process (or the
// Python is older than 3.9). Resolved once.
const Api* api();
// Whether this process embeds CPython (checked without resolving anything else).
bool is_python_process();

inline Obj* type_of(Obj* o) { return static_cast<ObjHead*>(o)->type; }

}  // namespace lockscope::rt::py
