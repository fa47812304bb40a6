# `cmake --install`, the CMake package (find_package(lockscope)) and the Debian package (cpack -G DEB).
# Included last from the top-level CMakeLists.txt, so every target below already exists or never will.
#
# Layout under the prefix (the same for /usr from the .deb and for any --prefix):
#   bin/lockscope                          the CLI (no LLVM: `run` starts programs at once)
#   lib/liblockscope-cli.so                its commands that need Clang and LLVM
#   lib/liblockscope-rt.so, .a             the runtime shim (preload it, or link it into tests)
#   lib/lockscope-python/                  the shim's bootstrap for Python programs
#   lib/liblockscope-gtest.a (when built)  the GoogleTest listener, include/lockscope/*.h its headers
#   lib/cmake/lockscope/                   lockscopeConfig.cmake: lockscope::runtime, lockscope::gtest
# `lib`, not Debian's multiarch dir: `lockscope run` looks for the shim next to its own bin/.
include(CMakePackageConfigHelpers)
set(LOCKSCOPE_INSTALL_BINDIR bin)
set(LOCKSCOPE_INSTALL_LIBDIR lib)
set(LOCKSCOPE_INSTALL_INCLUDEDIR include)
set(LOCKSCOPE_INSTALL_CMAKEDIR lib/cmake/lockscope)

# The CLI loads liblockscope-cli.so from ../lib when a command needs Clang; that library loads
# libclang-cpp from LLVM's own directory, which is not on the loader's path.
set_target_properties(lockscope PROPERTIES INSTALL_RPATH "$ORIGIN/../${LOCKSCOPE_INSTALL_LIBDIR}")
set_target_properties(lockscope_cli PROPERTIES INSTALL_RPATH "${LOCKSCOPE_LLVM_ROOT}/lib")
install(TARGETS lockscope RUNTIME DESTINATION ${LOCKSCOPE_INSTALL_BINDIR})
install(TARGETS lockscope_cli LIBRARY DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR})

set(LOCKSCOPE_PACKAGE_HAS_RUNTIME OFF)
if(TARGET lockscope_rt_shared AND TARGET lockscope_rt_static)
  set(LOCKSCOPE_PACKAGE_HAS_RUNTIME ON)
  install(TARGETS lockscope_rt_shared lockscope_rt_static
          LIBRARY DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR}
          ARCHIVE DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR})
  install(FILES "${PROJECT_SOURCE_DIR}/runtime/runtime_api.h" "${PROJECT_SOURCE_DIR}/runtime/include/lockscope/annotations.h"
          DESTINATION ${LOCKSCOPE_INSTALL_INCLUDEDIR}/lockscope)
  # Python programs: the shim puts this directory (beside itself) on PYTHONPATH.
  install(FILES "${PROJECT_SOURCE_DIR}/runtime/python/sitecustomize.py"
          DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR}/lockscope-python)
endif()

# The GoogleTest listener (runtime/gtest/, owned by the runtime): a library and its public headers.
set(LOCKSCOPE_PACKAGE_HAS_GTEST OFF)
if(TARGET lockscope_gtest)
  set(LOCKSCOPE_PACKAGE_HAS_GTEST ON)
  get_target_property(LOCKSCOPE_GTEST_TYPE lockscope_gtest TYPE)
  install(TARGETS lockscope_gtest LIBRARY DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR}
          ARCHIVE DESTINATION ${LOCKSCOPE_INSTALL_LIBDIR})
  file(GLOB LOCKSCOPE_GTEST_HEADERS "${PROJECT_SOURCE_DIR}/runtime/gtest/*.h")
  install(FILES ${LOCKSCOPE_GTEST_HEADERS} DESTINATION ${LOCKSCOPE_INSTALL_INCLUDEDIR}/lockscope)
  get_target_property(LOCKSCOPE_GTEST_NAME lockscope_gtest OUTPUT_NAME)
  if(NOT LOCKSCOPE_GTEST_NAME)
    set(LOCKSCOPE_GTEST_NAME lockscope_gtest)
  endif()
  if(LOCKSCOPE_GTEST_TYPE STREQUAL "SHARED_LIBRARY")
    set(LOCKSCOPE_GTEST_FILE "${CMAKE_SHARED_LIBRARY_PREFIX}${LOCKSCOPE_GTEST_NAME}${CMAKE_SHARED_LIBRARY_SUFFIX}")
  else()
    set(LOCKSCOPE_GTEST_FILE "${CMAKE_STATIC_LIBRARY_PREFIX}${LOCKSCOPE_GTEST_NAME}${CMAKE_STATIC_LIBRARY_SUFFIX}")
  endif()
endif()

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/lockscopeConfig.cmake.in"
                              "${CMAKE_BINARY_DIR}/package/lockscopeConfig.cmake"
                              INSTALL_DESTINATION ${LOCKSCOPE_INSTALL_CMAKEDIR}
                              PATH_VARS LOCKSCOPE_INSTALL_LIBDIR LOCKSCOPE_INSTALL_INCLUDEDIR LOCKSCOPE_INSTALL_BINDIR)
write_basic_package_version_file("${CMAKE_BINARY_DIR}/package/lockscopeConfigVersion.cmake"
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/package/lockscopeConfig.cmake"
              "${CMAKE_BINARY_DIR}/package/lockscopeConfigVersion.cmake"
        DESTINATION ${LOCKSCOPE_INSTALL_CMAKEDIR})

# Debian package: `cpack -G DEB` in the build directory gives lockscope_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME lockscope)
set(CPACK_PACKAGE_VENDOR "lockscope")
set(CPACK_PACKAGE_CONTACT "lockscope maintainers <lockscope@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "deadlock and data-race analyzer for C/C++ (static checker and runtime shim)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Named, not computed by dpkg-shlibdeps: it would attribute LLVM's libraries to -dev packages.
# libclang-common-19-dev holds the builtin headers (stddef.h) the static checker parses with.
# llvm-19 holds llvm-symbolizer, which gives runtime reports their functions, files, lines and
# lock names (the shim's default `symbolizer` option is its path).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libclang-cpp19, libllvm19, libclang-common-19-dev, llvm-19")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-19, cmake, libgtest-dev")
include(CPack)

# Tests of the installed tree: a separate project consumes the package, and the .deb lists its files.
if(BUILD_TESTING)
  if(LOCKSCOPE_PACKAGE_HAS_RUNTIME)
    add_test(NAME install.consumer
             COMMAND bash "${PROJECT_SOURCE_DIR}/tests/consumer/install_test.sh" "${CMAKE_BINARY_DIR}"
                     "${PROJECT_SOURCE_DIR}/tests/consumer")
    set_tests_properties(install.consumer PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
  endif()
  add_test(NAME install.deb_contents
           COMMAND bash "${PROJECT_SOURCE_DIR}/tests/consumer/deb_test.sh" "${CMAKE_BINARY_DIR}"
                   ${LOCKSCOPE_PACKAGE_HAS_RUNTIME} ${LOCKSCOPE_PACKAGE_HAS_GTEST})
  set_tests_properties(install.deb_contents PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()
