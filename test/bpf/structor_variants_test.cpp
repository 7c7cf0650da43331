// The other constructor and destructor symbols a call may enter.
#include <gtest/gtest.h>

#include "loader/structor_variants.h"

using orch::bpf::structor_variants;
using Names = std::vector<std::string>;

TEST(StructorVariants, DestructorHasTheDeletingAndBaseVariants) {
  EXPECT_EQ(structor_variants("_ZN5proof8ResourceD1Ev"), (Names{"_ZN5proof8ResourceD0Ev", "_ZN5proof8ResourceD2Ev"}));
}

TEST(StructorVariants, ConstructorHasBaseAndAllocatingVariants) {
  EXPECT_EQ(structor_variants("_ZN7leveldb9LookupKeyC2ERKNS_5SliceEm"),
            (Names{"_ZN7leveldb9LookupKeyC1ERKNS_5SliceEm", "_ZN7leveldb9LookupKeyC3ERKNS_5SliceEm"}));
}

TEST(StructorVariants, TemplateConstructorAndAbiTag) {
  EXPECT_EQ(structor_variants("_ZN1AC1IiEET_"), (Names{"_ZN1AC2IiEET_", "_ZN1AC3IiEET_"}));
  EXPECT_EQ(structor_variants("_ZN1AD2B5cxx11Ev"), (Names{"_ZN1AD0B5cxx11Ev", "_ZN1AD1B5cxx11Ev"}));
}

TEST(StructorVariants, NoneForOtherFunctions) {
  EXPECT_TRUE(structor_variants("_ZN5proof6scaledEi").empty());
  EXPECT_TRUE(structor_variants("_ZN3XD14sizeEv").empty()); // XD1::size()
  EXPECT_TRUE(structor_variants("c_function").empty());
}
