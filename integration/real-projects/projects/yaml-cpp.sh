# yaml-cpp (C++): namespace YAML, the library and its googletest tests (which live in it too,
# gen_emitter_test.cpp's thousands of generated ones among them); one test program, yaml-cpp-tests.
# Its shared library is built at the build directory's top, where the build runs orch.
PKG=yaml-cpp
CMAKE_FLAGS=(-DYAML_BUILD_SHARED_LIBS=ON -DYAML_CPP_BUILD_TESTS=ON -DYAML_CPP_BUILD_TOOLS=OFF)
ORCH_YAML='service: yaml-cpp-tests
aspects:
  - id: yaml
    join-point:
      function-body:
        qualified-name: "YAML::*"
    advice:
      - span: {}'
