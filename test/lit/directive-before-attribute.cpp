// Regression (fixed): `// orch:ignore` (and `// orch:span`) above a function whose declaration
// starts with a C++11 attribute (`[[nodiscard]]`) is not seen: the directive
// search starts at the attribute's name, after `[[`, and gives up because the
// line does not start there. Expected: keep() is excluded by // orch:ignore,
// tagged() is opted in with attribute team=x.
// RUN: env ORCH_CONFIG=%S/Inputs/directive.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=SPAN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=IGNORE

// orch:ignore
[[nodiscard]] int keep() { return 1; }

// orch:span team=x
[[nodiscard]] int tagged() { return 2; }

// SPAN: tagged (function): instrumented by aspect 'orch-span-directive'
// IGNORE: keep (function): not instrumented
// IGNORE-NEXT: excluded by // orch:ignore
