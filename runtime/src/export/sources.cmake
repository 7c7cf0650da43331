# The OTLP/HTTP exporters and the OTLP encoders, and the metrics side's
# configuration and exporters, compiled into liborch_runtime (and into the
# OTLP unit tests). Include from CMake; sets:
#   ORCH_OTLP_SOURCES           absolute paths of the OTLP .cpp files
#   ORCH_METRIC_EXPORT_SOURCES  OTEL_METRICS_EXPORTER and the OTEL_METRIC_* settings,
#                               the console and file metric exporters (needs
#                               fanout_exporter.cpp and console_format.cpp too)
#   ORCH_OTLP_LIBS              libraries to link (zlib; libcurl is loaded with dlopen for https)
# Sources include "span_data.h", "warn.h" and "export/exporter.h", so the
# target needs runtime/src on its include path.
# libcurl: its headers only (http_curl.cpp loads the library when an https
# endpoint is used).
find_package(CURL REQUIRED)
find_package(ZLIB REQUIRED)

set(ORCH_OTLP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/proto_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_proto.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_metrics_proto.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_metrics_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_retry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_response.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_http_sender.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_metric_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_plain.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_curl.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_gzip.cpp)
set(ORCH_METRIC_EXPORT_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/../config/metrics_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/histogram_quantile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/console_metric_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/line_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_metric_exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/make_metric_exporter.cpp)
set(ORCH_OTLP_LIBS ZLIB::ZLIB ${CMAKE_DL_LIBS})
