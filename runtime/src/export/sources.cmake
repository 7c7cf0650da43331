# The OTLP/HTTP exporter and the OTLP encoders, compiled into liborch_runtime
# (and into the OTLP unit tests). Include from CMake; sets:
#   ORCH_OTLP_SOURCES  absolute paths of the .cpp files
#   ORCH_OTLP_LIBS     libraries to link (zlib; libcurl is loaded with dlopen for https)
# Sources include "span_data.h", "warn.h" and "export/exporter.h", so the
# target needs runtime/src on its include path.
# libcurl: its headers only (http_curl.cpp loads the library when an https
# endpoint is used).
find_package(CURL REQUIRED)
find_package(ZLIB REQUIRED)

set(ORCH_OTLP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/otlp_proto.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_retry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_response.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_plain.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_curl.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_gzip.cpp)
set(ORCH_OTLP_LIBS ZLIB::ZLIB ${CMAKE_DL_LIBS})
