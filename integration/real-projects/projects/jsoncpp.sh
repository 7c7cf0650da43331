# jsoncpp (C++): the library's own namespace Json; its tests (jsoncpp_test, the reader/writer
# test runner driven by Python) link the shared library.
PKG=libjsoncpp
# CCACHE_EXECUTABLE empty: jsoncpp's CMakeLists otherwise forces ccache as the compiler launcher
# (replacing orch) when ccache is installed.
CMAKE_FLAGS=(-DCCACHE_EXECUTABLE= -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF -DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_EXAMPLE=OFF)
ORCH_YAML='service: jsoncpp-tests
aspects:
  - id: json
    join-point:
      function-body:
        qualified-name: "Json::*"
    advice:
      - span: {}'
