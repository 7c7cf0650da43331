// ExportTraceServiceResponse.partial_success, protobuf and JSON. The protobuf
// bytes were produced by the OpenTelemetry project's generated code
// (integration/otlp-receiver's decoder package):
//   ExportTraceServiceResponse.encode({partialSuccess: {rejectedSpans: 3, errorMessage: "too old"}})
#include "export/otlp_response.h"

#include <gtest/gtest.h>

#include <string>

namespace orch::rt {
namespace {

std::string unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

TEST(PartialSuccess, ReadsTheProtobufOfTheReferenceEncoder) {
  PartialSuccess p = parse_partial_success_proto(unhex("0a0b08031207746f6f206f6c64"));
  EXPECT_EQ(p.rejected, 3u);
  EXPECT_EQ(p.error_message, "too old");
}

TEST(PartialSuccess, ProtobufSkipsUnknownFieldsAndAcceptsAnEmptyBody) {
  // field 9 varint, field 1 { field 7 fixed64, rejected_spans = 300 }, field 10 fixed32
  PartialSuccess p = parse_partial_success_proto(unhex("4801" "0a0c" "390102030405060708" "08ac02" "5501020304"));
  EXPECT_EQ(p.rejected, 300u);
  EXPECT_EQ(parse_partial_success_proto("").rejected, 0u);
}

TEST(PartialSuccess, MalformedProtobufCountsAsFullSuccess) {
  for (std::string_view hex : {"0a05080312", "0aff", "08", "0f00"}) {
    PartialSuccess p = parse_partial_success_proto(unhex(hex));
    EXPECT_EQ(p.rejected, 0u) << hex;
    EXPECT_EQ(p.error_message, "") << hex;
  }
}

TEST(PartialSuccess, ReadsJsonWithStringOrNumberCountsAndEitherKeyStyle) {
  PartialSuccess p = parse_partial_success_json(R"({"partialSuccess":{"rejectedSpans":"3","errorMessage":"too \"old\"\n"}})");
  EXPECT_EQ(p.rejected, 3u);
  EXPECT_EQ(p.error_message, "too \"old\"\n");
  p = parse_partial_success_json(R"( { "other": [1, {"x": null}], "partial_success" : { "rejected_spans" : 12 } } )");
  EXPECT_EQ(p.rejected, 12u);
  EXPECT_EQ(parse_partial_success_json("{}").rejected, 0u);
  EXPECT_EQ(parse_partial_success_json("").rejected, 0u);
}

TEST(PartialSuccess, MalformedJsonOrNegativeCountsRejectNothing) {
  for (std::string_view body : {R"({"partialSuccess":{"rejectedSpans":"3")", R"({"partialSuccess":{"rejectedSpans":"x"}})",
                                R"({"partialSuccess":{"rejectedSpans":-4}})", "not json", R"({"partialSuccess":{}} trailing)"})
    EXPECT_EQ(parse_partial_success_json(body).rejected, 0u) << body;
}

}  // namespace
}  // namespace orch::rt
