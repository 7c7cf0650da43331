# cJSON (C): every function in the library's C files (cJSON.c, cJSON_Utils.c); the unity tests
# in tests/ include "../cJSON.c" themselves, so those units are rewritten too.
PKG=cjson
CMAKE_FLAGS=(-DBUILD_SHARED_LIBS=ON -DENABLE_CJSON_TEST=ON -DENABLE_CJSON_UTILS=ON)
ORCH_YAML='service: cjson-tests
aspects:
  - id: cjson
    join-point:
      function-body:
        file: "*.c"
    advice:
      - span: {}'
