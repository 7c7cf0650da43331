# snappy (C++): namespace snappy (the library, and snappy_unittest.cc's googletest tests, which
# live in it too) and the C API snappy_* (snappy-c.cc). Flags as Debian's (system gtest).
PKG=snappy
CMAKE_FLAGS=(-DBUILD_SHARED_LIBS=ON -DSNAPPY_ENABLE_RTTI=ON -DSNAPPY_BUILD_TESTS=ON
             -DSNAPPY_BUILD_BENCHMARKS=OFF -DSNAPPY_USE_BUNDLED_GTEST=OFF
             -DSNAPPY_USE_BUNDLED_BENCHMARK_LIB=OFF -DSNAPPY_INSTALL=OFF)
ORCH_YAML='service: snappy-tests
aspects:
  - id: snappy
    join-point:
      one-of:
        - function-body: { qualified-name: "snappy::*" }
        - function-body: { name: "snappy_*" }
    advice:
      - span: {}'
