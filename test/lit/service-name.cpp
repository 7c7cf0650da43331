// orch.yaml's `service:` becomes service.name for a plain executable (nothing
// exported dynamically, runtime loaded with dlopen); OTEL_SERVICE_NAME wins.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml ORCH_STRICT=1 %orch %cxx -c %s -o %t/a.o
// RUN: %cxx %t/a.o -o %t/app
// RUN: env OTEL_TRACES_EXPORTER=file ORCH_FILE_EXPORTER_PATH=%t/yaml.jsonl %t/app
// RUN: FileCheck %s --check-prefix=YAML --input-file=%t/yaml.jsonl
// RUN: env OTEL_TRACES_EXPORTER=file ORCH_FILE_EXPORTER_PATH=%t/env.jsonl OTEL_SERVICE_NAME=from-env %t/app
// RUN: FileCheck %s --check-prefix=ENV --input-file=%t/env.jsonl
namespace demo {
int work() { return 0; }
}  // namespace demo
int main() { return demo::work(); }
// YAML: "key":"service.name","value":{"stringValue":"demo-app"}
// ENV: "key":"service.name","value":{"stringValue":"from-env"}
