#include "match/join_points/kinds.h"

#include <gtest/gtest.h>

using namespace orch;

namespace {

// A join point as orch.yaml would say it (a flow mapping in one line).
JoinPointPtr jp(const std::string &yaml) { return parse_join_point(YamlReader("orch.yaml"), YAML::Load(yaml)); }

std::string load_error(const std::string &yaml) {
  try {
    jp(yaml);
  } catch (const ConfigError &e) {
    return e.what();
  }
  return "no error";
}

FunctionFacts facts() {
  FunctionFacts f;
  f.qualified_name = "demo::detail::Store::get";
  f.name = "get";
  f.namespace_ = "demo::detail";
  f.class_name = "demo::detail::Store";
  f.file = "src/store.cpp";
  f.kind = FunctionKind::Method;
  f.statements = 3;
  return f;
}

CallFacts call_facts() {
  CallFacts c;
  c.callee.qualified_name = "shop::Pool::submit";
  c.callee.name = "submit";
  c.callee.namespace_ = "shop";
  c.callee.class_name = "shop::Pool";
  c.kind = CallKind::Method;
  c.object_classes = {"shop::FastPool", "shop::Pool"};
  c.parameter_types = {"std::function<void ()>", "int"};
  c.arguments = 2;
  return c;
}

MatchResult on_body(const JoinPointPtr &p, const FunctionFacts &f = facts()) { return evaluate(*p, Shadow::body(f)); }

}  // namespace

TEST(JoinPoint, NamespaceMatchesNestedNamespaces) {
  EXPECT_TRUE(on_body(jp("{function-body: {namespace: demo}}")).matched);
  MatchResult r = on_body(jp("{function-body: {namespace: detail}}"));
  EXPECT_FALSE(r.matched);
  EXPECT_EQ(r.reason, "namespace 'demo::detail' is not inside 'detail'");
}

TEST(JoinPoint, ClassMatchesPlainOrQualifiedName) {
  EXPECT_TRUE(on_body(jp("{function-body: {class: Store}}")).matched);
  EXPECT_TRUE(on_body(jp("{function-body: {class: 'demo::detail::Store'}}")).matched);
  FunctionFacts free_fn = facts();
  free_fn.class_name.clear();
  EXPECT_EQ(on_body(jp("{function-body: {class: Store}}"), free_fn).reason, "not a member of a class");
}

TEST(JoinPoint, KindAndMinStatements) {
  EXPECT_EQ(on_body(jp("{function-body: {kind: [constructor, function]}}")).reason, "kind 'method' is not selected");
  EXPECT_EQ(on_body(jp("{function-body: {kind: method, min-statements: 4}}")).reason,
            "3 statement(s), fewer than min-statements 4");
  EXPECT_TRUE(on_body(jp("{function-body: {kind: method, min-statements: 3}}")).matched);
}

TEST(JoinPoint, Composition) {
  JoinPointPtr one_of = jp("{one-of: [{function-body: {name: put}}, {directive: 'orch:span'}]}");
  MatchResult r = on_body(one_of);
  EXPECT_FALSE(r.matched);
  EXPECT_EQ(r.reason, "none of one-of matched (name 'get' does not match 'put'; no '// orch:span' directive)");
  FunctionFacts with_directive = facts();
  with_directive.directives.push_back({"orch:span", {}});
  EXPECT_TRUE(on_body(one_of, with_directive).matched);

  JoinPointPtr all_of = jp("{all-of: [{function-body: {qualified-name: 'demo::*'}},\n"
                           "          {not: {function-body: {qualified-name: 'demo::*'}}}]}");
  EXPECT_EQ(on_body(all_of).reason, "excluded by 'not' at orch.yaml:2:11");
}

TEST(JoinPoint, FunctionCallMatchesTheCallee) {
  CallFacts c = call_facts();
  FunctionFacts caller = facts();
  EXPECT_TRUE(evaluate(*jp("{function-call: 'shop::Pool::submit'}"), Shadow::call_in(&caller, c)).matched);
  EXPECT_EQ(evaluate(*jp("{function-call: 'shop::Queue::*'}"), Shadow::call_in(&caller, c)).reason,
            "callee 'shop::Pool::submit' does not match 'shop::Queue::*'");
  // `class:` holds through the object's static class and its bases.
  EXPECT_TRUE(evaluate(*jp("{function-call: {class: FastPool, name: submit}}"), Shadow::call_in(&caller, c)).matched);
  EXPECT_EQ(evaluate(*jp("{function-call: {name: submit, kind: constructor}}"), Shadow::call_in(&caller, c)).reason,
            "call kind 'method' is not selected");
  EXPECT_TRUE(evaluate(*jp("{function-call: {name: submit, parameters: ['std::function*', int]}}"),
                       Shadow::call_in(&caller, c))
                  .matched);
  EXPECT_FALSE(evaluate(*jp("{function-call: {name: submit, parameters: [int]}}"), Shadow::call_in(&caller, c)).matched);
}

TEST(JoinPoint, FunctionCallCallerConditions) {
  CallFacts c = call_facts();
  FunctionFacts caller = facts();
  EXPECT_TRUE(evaluate(*jp("{function-call: {name: submit, caller: {namespace: demo}}}"), Shadow::call_in(&caller, c)).matched);
  EXPECT_EQ(evaluate(*jp("{function-call: {name: submit, caller: {namespace: shop}}}"), Shadow::call_in(&caller, c)).reason,
            "caller demo::detail::Store::get: namespace 'demo::detail' is not inside 'shop'");
  EXPECT_EQ(evaluate(*jp("{function-call: {name: submit, caller: {name: get}}}"), Shadow::call_in(nullptr, c)).reason,
            "a call at namespace scope has no caller");
  EXPECT_TRUE(evaluate(*jp("{function-call: {name: submit, caller: {not: {function-body: {name: put}}}}}"),
                       Shadow::call_in(&caller, c))
                  .matched);
}

TEST(JoinPoint, ShadowKindsDoNotMix) {
  CallFacts c = call_facts();
  FunctionFacts f = facts();
  EXPECT_EQ(evaluate(*jp("{function-body: {name: submit}}"), Shadow::call_in(&f, c)).reason,
            "its join point matches function bodies only");
  EXPECT_EQ(evaluate(*jp("{function-call: {name: get}}"), Shadow::body(f)).reason, "its join point matches calls only");
  EXPECT_EQ(jp("{one-of: [{function-body: {name: get}}, {function-call: {name: submit}}]}")->shadows(),
            kBodyShadows | kCallShadows);
  EXPECT_EQ(jp("{not: {function-call: {name: submit}}}")->shadows(), kCallShadows);
  EXPECT_EQ(load_error("{all-of: [{function-body: {name: get}}, {function-call: {name: submit}}]}"),
            "orch.yaml:1:10: error: all-of mixes join points of function bodies and of calls, so nothing can match it "
            "(to select calls by their calling function, use function-call's 'caller:')");
  EXPECT_EQ(load_error("{function-call: {caller: {name: x}}}"),
            "orch.yaml:1:17: error: function-call needs the callee: qualified-name, name or class");
  EXPECT_EQ(load_error("{function-call: {name: f, caller: {function-call: g}}}"),
            "orch.yaml:1:35: error: caller: takes function-body conditions (or a composition of them), not conditions on calls");
}
