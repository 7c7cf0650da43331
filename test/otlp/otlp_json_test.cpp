#include "export/otlp_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_spans.h"

namespace orch::test {
namespace {

using rt::encode_otlp_json;
using rt::ResourceView;
using rt::SpanView;

TEST(OtlpJson, GoldenRequest) {
  SpanView span = basic_span();
  span.parent_span_id[0] = 0xab;
  span.trace_state = "k=v";
  span.name = "work";
  span.kind = 3;
  span.start_unix_nano = 1700000000000000001;
  span.end_unix_nano = 1700000000000000002;
  const AttrView attrs[] = {str_attr("s", "x"), int_attr("i", -7), double_attr("d", 0.1),
                            bool_attr("b", true)};
  span.attributes = attrs;
  span.dropped_attributes_count = 2;
  const AttrView event_attrs[] = {str_attr("exception.message", "no")};
  const rt::EventView events[] = {{"exception", 3, event_attrs}};
  span.events = events;
  span.status = rt::StatusCode::Error;
  span.status_message = "failed";
  const AttrView resource_attrs[] = {str_attr("service.name", "svc")};

  std::string out = "previous contents";
  encode_otlp_json({&span, 1}, ResourceView{resource_attrs, "orch", "0.1.0"}, out);
  EXPECT_EQ(out,
            R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},)"
            R"("scopeSpans":[{"scope":{"name":"orch","version":"0.1.0"},"spans":[{)"
            R"("traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718",)"
            R"("traceState":"k=v","parentSpanId":"ab00000000000000","flags":1,"name":"work","kind":3,)"
            R"("startTimeUnixNano":"1700000000000000001","endTimeUnixNano":"1700000000000000002",)"
            R"("attributes":[{"key":"s","value":{"stringValue":"x"}},{"key":"i","value":{"intValue":"-7"}},)"
            R"({"key":"d","value":{"doubleValue":0.1}},{"key":"b","value":{"boolValue":true}}],)"
            R"("droppedAttributesCount":2,)"
            R"("events":[{"timeUnixNano":"3","name":"exception","attributes":[{"key":"exception.message","value":{"stringValue":"no"}}]}],)"
            R"("status":{"message":"failed","code":2}}]}]}]})");
}

TEST(OtlpJson, RootSpanHasNoParentAndEmptyBatchIsAValidRequest) {
  SpanView span = basic_span();
  std::string out;
  encode_otlp_json({&span, 1}, ResourceView{}, out);
  EXPECT_EQ(out.find("parentSpanId"), std::string::npos);
  EXPECT_EQ(out.find("status"), std::string::npos);
  encode_otlp_json({}, ResourceView{{}, "orch", ""}, out);
  EXPECT_EQ(out, R"({"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"scope":{"name":"orch"},"spans":[]}]}]})");
}

TEST(OtlpJson, StringsAreEscapedAndInvalidUtf8Replaced) {
  SpanView span = basic_span();
  span.name = std::string_view("q\"b\\n\n\x01\x7f\xc3\xa9\xff", 11);
  std::string out;
  encode_otlp_json({&span, 1}, ResourceView{}, out);
  EXPECT_NE(out.find(R"("name":"q\"b\\n\n\u0001)" "\x7f\xc3\xa9\xef\xbf\xbd\""), std::string::npos) << out;
  EXPECT_EQ(out.find('\n'), std::string::npos);
}

TEST(OtlpJson, DoublesRoundTripAndNonFiniteValuesAreStrings) {
  SpanView span = basic_span();
  const AttrView attrs[] = {double_attr("a", 1e300), double_attr("b", -0.000123),
                            double_attr("n", std::nan("")),
                            double_attr("p", std::numeric_limits<double>::infinity()),
                            double_attr("m", -std::numeric_limits<double>::infinity()),
                            int_attr("big", INT64_MIN)};
  span.attributes = attrs;
  std::string out;
  encode_otlp_json({&span, 1}, ResourceView{}, out);
  EXPECT_NE(out.find(R"({"doubleValue":1e+300})"), std::string::npos) << out;
  EXPECT_NE(out.find(R"({"doubleValue":-0.000123})"), std::string::npos) << out;
  EXPECT_NE(out.find(R"({"doubleValue":"NaN"})"), std::string::npos);
  EXPECT_NE(out.find(R"({"doubleValue":"Infinity"})"), std::string::npos);
  EXPECT_NE(out.find(R"({"doubleValue":"-Infinity"})"), std::string::npos);
  EXPECT_NE(out.find(R"({"intValue":"-9223372036854775808"})"), std::string::npos);
}

}  // namespace
}  // namespace orch::test
