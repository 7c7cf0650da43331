# double-conversion (C++): namespace double_conversion, the library (binary-decimal conversions)
# and the helpers of its tests; cctest is the test program, run once per test file by ctest.
PKG=double-conversion
CMAKE_FLAGS=(-DBUILD_SHARED_LIBS=ON -DBUILD_TESTING=ON)
ORCH_YAML='service: double-conversion-tests
aspects:
  - id: double-conversion
    join-point:
      function-body:
        qualified-name: "double_conversion::*"
    advice:
      - span: {}'
