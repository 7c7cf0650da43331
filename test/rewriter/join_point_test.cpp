#include "aspects/join_point.h"

#include <gtest/gtest.h>

using namespace orch;

namespace {

JoinPointPtr body(FunctionBodyJoinPoint fb) {
  auto jp = std::make_unique<JoinPoint>();
  jp->type = JoinPoint::Type::FunctionBody;
  jp->function_body = std::move(fb);
  return jp;
}
Pattern name_pattern(const std::string &text) {
  std::string error;
  return Pattern::parse(text, Pattern::Flavor::Name, error);
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

}  // namespace

TEST(JoinPoint, NamespaceMatchesNestedNamespaces) {
  FunctionBodyJoinPoint fb;
  fb.namespace_ = name_pattern("demo");
  EXPECT_TRUE(evaluate(*body(fb), facts()).matched);
  fb.namespace_ = name_pattern("detail");
  MatchResult r = evaluate(*body(fb), facts());
  EXPECT_FALSE(r.matched);
  EXPECT_EQ(r.reason, "namespace 'demo::detail' is not inside 'detail'");
}

TEST(JoinPoint, ClassMatchesPlainOrQualifiedName) {
  FunctionBodyJoinPoint fb;
  fb.class_ = name_pattern("Store");
  EXPECT_TRUE(evaluate(*body(fb), facts()).matched);
  fb.class_ = name_pattern("demo::detail::Store");
  EXPECT_TRUE(evaluate(*body(fb), facts()).matched);
  FunctionFacts free_fn = facts();
  free_fn.class_name.clear();
  EXPECT_EQ(evaluate(*body(fb), free_fn).reason, "not a member of a class");
}

TEST(JoinPoint, KindAndMinStatements) {
  FunctionBodyJoinPoint fb;
  fb.kinds = {FunctionKind::Constructor, FunctionKind::Function};
  EXPECT_EQ(evaluate(*body(fb), facts()).reason, "kind 'method' is not selected");
  fb.kinds = {FunctionKind::Method};
  fb.min_statements = 4;
  EXPECT_EQ(evaluate(*body(fb), facts()).reason, "3 statement(s), fewer than min-statements 4");
  fb.min_statements = 3;
  EXPECT_TRUE(evaluate(*body(fb), facts()).matched);
}

TEST(JoinPoint, Composition) {
  FunctionBodyJoinPoint yes, no;
  yes.qualified_name = name_pattern("demo::*");
  no.name = name_pattern("put");
  auto directive = std::make_unique<JoinPoint>();
  directive->type = JoinPoint::Type::Directive;
  directive->directive.name = "orch:span";

  JoinPoint one_of;
  one_of.type = JoinPoint::Type::OneOf;
  one_of.children.push_back(body(no));
  one_of.children.push_back(std::move(directive));
  MatchResult r = evaluate(one_of, facts());
  EXPECT_FALSE(r.matched);
  EXPECT_EQ(r.reason, "none of one-of matched (name 'get' does not match 'put'; no '// orch:span' directive)");
  FunctionFacts with_directive = facts();
  with_directive.directives.push_back({"orch:span", {}});
  EXPECT_TRUE(evaluate(one_of, with_directive).matched);

  JoinPoint all_of;
  all_of.type = JoinPoint::Type::AllOf;
  all_of.children.push_back(body(yes));
  auto negated = std::make_unique<JoinPoint>();
  negated->type = JoinPoint::Type::Not;
  negated->mark = {"orch.yaml", 7, 9};
  negated->children.push_back(body(yes));
  all_of.children.push_back(std::move(negated));
  EXPECT_EQ(evaluate(all_of, facts()).reason, "excluded by 'not' at orch.yaml:7:9");
}
