#include "export/otlp_proto.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "proto_bytes.h"
#include "test_spans.h"

namespace orch::test {
namespace {

using rt::OtlpProtoEncoder;
using rt::ResourceView;
using rt::SpanView;

std::string span_bytes(const SpanView &span) {
  OtlpProtoEncoder encoder;
  return only_item_hex(encoder.encode({&span, 1}, ResourceView{}));
}

TEST(OtlpProto, GoldenRequestWithResourceScopeAndOneSpan) {
  SpanView span = basic_span();
  span.name = "s";
  span.kind = 2;
  span.start_unix_nano = 1;
  span.end_unix_nano = 2;
  const AttrView attrs[] = {int_attr("k", 1)};
  span.attributes = attrs;
  span.trace_flags = 1;
  const AttrView resource_attrs[] = {str_attr("a", "b")};
  ResourceView resource{resource_attrs, "orch", "1"};

  OtlpProtoEncoder encoder;
  const std::string expected =
      "0a 5d "                                   // resource_spans, 93 bytes
      "0a 0a 0a 08 0a 01 61 12 03 0a 01 62 "    //  resource{attributes{a: "b"}}
      "12 4f "                                   //  scope_spans, 79 bytes
      "0a 09 0a 04 6f 72 63 68 12 01 31 "       //   scope{name "orch", version "1"}
      "12 42 "                                   //   span, 66 bytes
      "0a 10 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 "  // trace_id
      "12 08 11 12 13 14 15 16 17 18 "          //    span_id
      "2a 01 73 "                                //    name "s"
      "30 02 "                                   //    kind SERVER
      "39 01 00 00 00 00 00 00 00 "             //    start_time_unix_nano (fixed64)
      "41 02 00 00 00 00 00 00 00 "             //    end_time_unix_nano
      "4a 07 0a 01 6b 12 02 18 01 "             //    attributes{k: int 1}
      "85 01 01 00 00 00";                       //    flags (field 16, fixed32)
  EXPECT_EQ(hex(encoder.encode({&span, 1}, resource)), expected);
}

TEST(OtlpProto, ParentTraceStateDroppedEventsAndStatus) {
  SpanView span = basic_span();
  span.kind = 0;
  span.trace_flags = 0;
  span.parent_span_id[7] = 0x2a;
  span.trace_state = "k=v";
  span.dropped_attributes_count = 300;
  const AttrView event_attrs[] = {str_attr("exception.type", "E")};
  const rt::EventView events[] = {{"exception", 5, event_attrs}};
  span.events = events;
  span.status = rt::StatusCode::Error;
  span.status_message = "bad";
  EXPECT_EQ(span_bytes(span),
            "0a 10 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 "
            "12 08 11 12 13 14 15 16 17 18 "
            "1a 03 6b 3d 76 "                          // trace_state "k=v"
            "22 08 00 00 00 00 00 00 00 2a "          // parent_span_id
            "50 ac 02 "                                // dropped_attributes_count 300
            "5a 2b "                                   // event, 43 bytes
            "09 05 00 00 00 00 00 00 00 "             //  time_unix_nano
            "12 09 65 78 63 65 70 74 69 6f 6e "       //  name "exception"
            "1a 15 0a 0e 65 78 63 65 70 74 69 6f 6e 2e 74 79 70 65 12 03 0a 01 45 "
            "7a 07 12 03 62 61 64 18 02");             // status{message "bad", code ERROR}
}

TEST(OtlpProto, DefaultAttributeValuesAreStillEncodedBecauseTheyAreOneofMembers) {
  SpanView span = basic_span();
  span.kind = 0;
  span.trace_flags = 0;
  const AttrView attrs[] = {str_attr("s", ""), int_attr("i", 0), bool_attr("b", false),
                            double_attr("d", 0.0)};
  span.attributes = attrs;
  const std::string bytes = span_bytes(span);
  EXPECT_NE(bytes.find("4a 07 0a 01 73 12 02 0a 00"), std::string::npos);  // s: ""
  EXPECT_NE(bytes.find("4a 07 0a 01 69 12 02 18 00"), std::string::npos);  // i: 0
  EXPECT_NE(bytes.find("4a 07 0a 01 62 12 02 10 00"), std::string::npos);  // b: false
  EXPECT_NE(bytes.find("4a 0e 0a 01 64 12 09 21 00 00 00 00 00 00 00 00"), std::string::npos);
}

TEST(OtlpProto, NegativeIntsAreTenByteVarintsAndDoublesAreIeeeLittleEndian) {
  SpanView span = basic_span();
  span.kind = 0;
  span.trace_flags = 0;
  const AttrView attrs[] = {int_attr("i", -1), double_attr("d", 1.5),
                            int_attr("m", INT64_MIN)};
  span.attributes = attrs;
  const std::string bytes = span_bytes(span);
  EXPECT_NE(bytes.find("4a 10 0a 01 69 12 0b 18 ff ff ff ff ff ff ff ff ff 01"), std::string::npos);
  EXPECT_NE(bytes.find("12 09 21 00 00 00 00 00 00 f8 3f"), std::string::npos);
  EXPECT_NE(bytes.find("12 0b 18 80 80 80 80 80 80 80 80 80 01"), std::string::npos);
}

TEST(OtlpProto, LengthPrefixGrowsToTwoBytesAt128) {
  SpanView span = basic_span();
  span.kind = 0;
  span.trace_flags = 0;
  const std::string name127(127, 'x'), name128(128, 'x');
  span.name = name127;
  EXPECT_NE(span_bytes(span).find("2a 7f 78"), std::string::npos);
  span.name = name128;
  EXPECT_NE(span_bytes(span).find("2a 80 01 78"), std::string::npos);
}

TEST(OtlpProto, InvalidUtf8IsReplacedAndLengthsStayConsistent) {
  SpanView span = basic_span();
  span.kind = 0;
  span.trace_flags = 0;
  const AttrView attrs[] = {str_attr("k", std::string_view("a\xe2\x82", 3))};  // cut "€"
  span.attributes = attrs;
  // "a" + U+FFFD (ef bf bd) + U+FFFD: each invalid byte is replaced on its own.
  EXPECT_NE(span_bytes(span).find("4a 0e 0a 01 6b 12 09 0a 07 61 ef bf bd ef bf bd"),
            std::string::npos);
}

TEST(OtlpProto, ManySpansReuseTheBufferAndKeepTheirOrder) {
  std::vector<SpanView> spans(1000, basic_span());
  std::vector<std::string> names(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    names[i] = "span-" + std::to_string(i);
    spans[i].name = names[i];
  }
  OtlpProtoEncoder encoder;
  const std::string first(encoder.encode(spans, ResourceView{}));
  const std::string_view second = encoder.encode(spans, ResourceView{});
  EXPECT_EQ(first, second);
  EXPECT_LT(first.find("span-998"), first.find("span-999"));
  // The outer length covers everything after its own prefix (0a + 3-byte varint here).
  EXPECT_EQ(static_cast<unsigned char>(first[0]), 0x0a);
  size_t len = 0, shift = 0, pos = 1;
  for (unsigned char c; (c = static_cast<unsigned char>(first[pos++])) & 0x80; shift += 7)
    len |= static_cast<size_t>(c & 0x7f) << shift;
  len |= static_cast<size_t>(static_cast<unsigned char>(first[pos - 1])) << shift;
  EXPECT_EQ(len, first.size() - pos);
}

}  // namespace
}  // namespace orch::test
