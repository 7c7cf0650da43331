# tinyxml2 (C++): namespace tinyxml2 (tinyxml2.cpp); xmltest.cpp is the test program, outside it.
PKG=tinyxml2
CMAKE_FLAGS=(-DBUILD_SHARED_LIBS=ON -Dtinyxml2_BUILD_TESTING=ON)
ORCH_YAML='service: tinyxml2-tests
aspects:
  - id: tinyxml2
    join-point:
      function-body:
        qualified-name: "tinyxml2::*"
    advice:
      - span: {}'
