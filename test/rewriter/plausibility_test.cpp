#include "match/join_points/kinds.h"

#include <gtest/gtest.h>

using namespace orch;

namespace {

JoinPointPtr jp(const std::string &yaml) { return parse_join_point(YamlReader("orch.yaml"), YAML::Load(yaml)); }
JoinPointPtr qualified(const std::string &text) { return jp("{function-body: {qualified-name: '" + text + "'}}"); }
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
  EXPECT_TRUE(qualified("Json::*")->may_match(u));
  EXPECT_TRUE(qualified("*::Val*::*")->may_match(u));  // part of a word
  EXPECT_TRUE(qualified("*lambda@12")->may_match(u));  // words orch makes up
  EXPECT_TRUE(qualified("regex:^nope$")->may_match(u));
  EXPECT_FALSE(qualified("storage::*")->may_match(u));
  EXPECT_FALSE(qualified("Json::Reader::*")->may_match(u));
}

TEST(Plausibility, FileGlobNeedsAProjectFileOfTheUnit) {
  JoinPointPtr file = jp("{function-body: {file: 'src/**/*.h'}}");
  EXPECT_FALSE(file->may_match(unit("int f();")));
  EXPECT_TRUE(file->may_match(unit("int f();", {"src/a.cpp", "src/x/y.h"})));
}

TEST(Plausibility, DirectivesAndComposition) {
  JoinPointPtr directive = jp("{directive: 'orch:span'}");
  EXPECT_TRUE(directive->may_match(unit("// orch:span\nint f();")));
  EXPECT_FALSE(directive->may_match(unit("int f();")));

  UnitSummary u = unit("namespace a { int f(); }");
  EXPECT_TRUE(jp("{one-of: [{function-body: {qualified-name: 'store::*'}}, {function-body: {qualified-name: 'a::*'}}]}")
                  ->may_match(u));
  EXPECT_FALSE(jp("{all-of: [{function-body: {qualified-name: 'store::*'}}, {function-body: {qualified-name: 'a::*'}}]}")
                   ->may_match(u));
  EXPECT_TRUE(jp("{not: {function-body: {qualified-name: 'a::*'}}}")->may_match(u));  // matches what the unit does not say
}

TEST(Plausibility, ACallNeedsTheCalleesNameWritten) {
  UnitSummary u = unit("void run() { pool.submit(task); sqlite3_exec(db, q, 0, 0, 0); }");
  EXPECT_TRUE(jp("{function-call: 'shop::ThreadPool::submit'}")->may_match(u));  // namespace and class need not be written
  EXPECT_TRUE(jp("{function-call: sqlite3_exec}")->may_match(u));
  EXPECT_FALSE(jp("{function-call: curl_easy_perform}")->may_match(u));
  EXPECT_FALSE(jp("{function-call: {name: submit, caller: {namespace: shop}}}")->may_match(u));
}
