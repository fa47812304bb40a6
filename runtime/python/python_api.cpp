#include "python/python_api.h"

#include <dlfcn.h>

namespace lockscope::rt::py {

bool is_python_process() { return dlsym(RTLD_DEFAULT, "Py_IsInitialized") != nullptr; }

namespace {

template <typename F>
bool get(F& out, const char* name) {
  out = reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
  return out != nullptr;
}

Api resolve(bool& ok) {
  Api a{};
  ok = get(a.PyEval_GetFrame, "PyEval_GetFrame") && get(a.PyFrame_GetBack, "PyFrame_GetBack") &&
       get(a.PyFrame_GetCode, "PyFrame_GetCode") && get(a.PyFrame_GetLineNumber, "PyFrame_GetLineNumber") &&
       get(a.PyCode_Addr2Line, "PyCode_Addr2Line") && get(a.Py_IncRef, "Py_IncRef") &&
       get(a.Py_DecRef, "Py_DecRef") && get(a.PyObject_GetAttrString, "PyObject_GetAttrString") &&
       get(a.PyObject_GenericGetAttr, "PyObject_GenericGetAttr") && get(a.PyObject_GetAttr, "PyObject_GetAttr") &&
       get(a.PyObject_Repr, "PyObject_Repr") && get(a.PyUnicode_AsUTF8, "PyUnicode_AsUTF8") &&
       get(a.PyUnicode_CompareWithASCIIString, "PyUnicode_CompareWithASCIIString") &&
       get(a.PyType_FromSpec, "PyType_FromSpec") && get(a.PyType_GenericAlloc, "PyType_GenericAlloc") &&
       get(a.PyObject_Free, "PyObject_Free") && get(a.PyObject_Vectorcall, "PyObject_Vectorcall") &&
       get(a.PyObject_CallNoArgs, "PyObject_CallNoArgs") && get(a.PyObject_Call, "PyObject_Call") &&
       get(a.PyObject_IsTrue, "PyObject_IsTrue") && get(a.PyFloat_AsDouble, "PyFloat_AsDouble") &&
       get(a.PyFloat_FromDouble, "PyFloat_FromDouble") &&
       get(a.PyErr_Occurred, "PyErr_Occurred") && get(a.PyErr_ExceptionMatches, "PyErr_ExceptionMatches") &&
       get(a.PyErr_Clear, "PyErr_Clear") && get(a.PyTuple_Size, "PyTuple_Size") &&
       get(a.PyTuple_GetItem, "PyTuple_GetItem") && get(a.PyLong_AsLong, "PyLong_AsLong") &&
       get(a.PyLong_FromLong, "PyLong_FromLong") && get(a.PyDict_New, "PyDict_New") &&
       get(a.PyDict_SetItemString, "PyDict_SetItemString") && get(a.PyCFunction_NewEx, "PyCFunction_NewEx") &&
       get(a.PyExc_AttributeError, "PyExc_AttributeError") && get(a.none, "_Py_NoneStruct") &&
       get(a.true_, "_Py_TrueStruct") && get(a.false_, "_Py_FalseStruct");
  get(a.PyFrame_GetLasti, "PyFrame_GetLasti");
  // Tested on 3.11 (Debian 12's and a pyenv build), 3.12 and 3.13. 3.10 and older (no Py_Version,
  // no PyFrame_GetLasti) crashed here and 3.14 is untried: leave those programs alone rather than guess.
  const unsigned long* version = nullptr;
  get(version, "Py_Version");
  ok = ok && version && *version >= 0x030B0000 && *version < 0x030E0000;
  return a;
}

}  // namespace

const Api* api() {
  static bool ok = false;
  static const Api a = resolve(ok);
  return ok ? &a : nullptr;
}

}  // namespace lockscope::rt::py
