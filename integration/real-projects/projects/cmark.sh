# cmark (C): the CommonMark command-line tool and its library; the public API cmark_*. The spec,
# regression and smart-punctuation tests run the cmark program once per example; the library
# tests load libcmark.so from Python (ctypes); api_test links the library.
PKG=cmark
CMAKE_FLAGS=(-DCMARK_TESTS=ON -DCMARK_SHARED=ON -DCMARK_STATIC=ON)
ORCH_YAML='service: cmark-tests
aspects:
  - id: cmark-api
    join-point:
      function-body:
        name: "cmark_*"
    advice:
      - span: {}'
