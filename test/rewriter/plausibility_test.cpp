#include "aspects/plausibility.h"

#include <gtest/gtest.h>

using namespace orch;

namespace {

Pattern pattern(const std::string &text, Pattern::Flavor flavor = Pattern::Flavor::Name) {
  std::string error;
  return Pattern::parse(text, flavor, error);
}
JoinPointPtr node(JoinPoint::Type type) {
  auto jp = std::make_unique<JoinPoint>();
  jp->type = type;
  return jp;
}
JoinPointPtr qualified(const std::string &text) {
  auto jp = node(JoinPoint::Type::FunctionBody);
  jp->function_body.qualified_name = pattern(text);
  return jp;
}
UnitSummary unit(const std::string &text, std::vector<std::string> files = {"src/a.cpp"}) {
  UnitSummary u;
  add_words(text, u.words);
  u.files = std::move(files);
  u.texts = {text};
  return u;
}

}  // namespace

TEST(Plausibility, NameGlobNeedsItsWordsInTheUnit) {
  UnitSummary u = unit("namespace Json { int Value::size() const { return 1; } }");
  EXPECT_TRUE(may_match(*qualified("Json::*"), u));
  EXPECT_TRUE(may_match(*qualified("*::Val*::*"), u));  // part of a word
  EXPECT_TRUE(may_match(*qualified("*lambda@12"), u));  // words orch makes up
  EXPECT_TRUE(may_match(*qualified("regex:^nope$"), u));
  EXPECT_FALSE(may_match(*qualified("storage::*"), u));
  EXPECT_FALSE(may_match(*qualified("Json::Reader::*"), u));
}

TEST(Plausibility, FileGlobNeedsAProjectFileOfTheUnit) {
  auto jp = node(JoinPoint::Type::FunctionBody);
  jp->function_body.file = pattern("src/**/*.h", Pattern::Flavor::Path);
  EXPECT_FALSE(may_match(*jp, unit("int f();")));
  EXPECT_TRUE(may_match(*jp, unit("int f();", {"src/a.cpp", "src/x/y.h"})));
}

TEST(Plausibility, DirectivesAndComposition) {
  auto directive = node(JoinPoint::Type::Directive);
  directive->directive.name = "orch:span";
  EXPECT_TRUE(may_match(*directive, unit("// orch:span\nint f();")));
  EXPECT_FALSE(may_match(*directive, unit("int f();")));

  UnitSummary u = unit("namespace a { int f(); }");
  auto one_of = node(JoinPoint::Type::OneOf);
  one_of->children.push_back(qualified("store::*"));
  one_of->children.push_back(qualified("a::*"));
  EXPECT_TRUE(may_match(*one_of, u));
  auto all_of = node(JoinPoint::Type::AllOf);
  all_of->children.push_back(qualified("store::*"));
  all_of->children.push_back(qualified("a::*"));
  EXPECT_FALSE(may_match(*all_of, u));
  auto negated = node(JoinPoint::Type::Not);
  negated->children.push_back(qualified("a::*"));
  EXPECT_TRUE(may_match(*negated, u));  // matches what the unit does not say
}
