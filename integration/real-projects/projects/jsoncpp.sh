# jsoncpp (C++): the library's own namespace Json; its tests (jsoncpp_test, the reader/writer
# test runner driven by Python) link the shared library.
PKG=libjsoncpp
# jsoncpp FORCEs CMAKE_<LANG>_COMPILER_LAUNCHER to ccache when it finds one, which would drop orch.
CMAKE_FLAGS=(-DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF -DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_EXAMPLE=OFF
             -DCCACHE_EXECUTABLE=CCACHE_EXECUTABLE-NOTFOUND)
ORCH_YAML='service: jsoncpp-tests
aspects:
  - id: json
    join-point:
      function-body:
        qualified-name: "Json::*"
    advice:
      - span: {}'
