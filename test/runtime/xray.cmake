# ORCH_XRAY_CXX: clang++-19 if it can build and link an LLVM XRay program
# (-fxray-instrument needs compiler-rt's XRay runtime); empty otherwise.
# Checked on the first configure only; clear the cache entry to check again.
if(DEFINED ORCH_XRAY_CXX)
  return()
endif()

find_program(ORCH_CLANGXX_19 clang++-19)
set(xray_cxx "")
if(ORCH_CLANGXX_19)
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/xray-check)
  file(WRITE ${dir}/check.cpp
       "#include <xray/xray_interface.h>\nint main() { return __xray_patch() == SUCCESS ? 0 : 1; }\n")
  execute_process(COMMAND ${ORCH_CLANGXX_19} -fxray-instrument check.cpp -o check
                  WORKING_DIRECTORY ${dir} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(rc EQUAL 0)
    set(xray_cxx ${ORCH_CLANGXX_19})
  else()
    string(STRIP "${err}" err)
    message(STATUS "bench_hooks_xray not built: ${ORCH_CLANGXX_19} -fxray-instrument failed: ${err}")
  endif()
else()
  message(STATUS "bench_hooks_xray not built: needs clang++-19 with compiler-rt's XRay runtime")
endif()
set(ORCH_XRAY_CXX "${xray_cxx}" CACHE FILEPATH "clang++ that builds LLVM XRay programs (bench_hooks_xray); empty: none")
