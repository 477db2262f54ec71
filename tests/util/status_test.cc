#include "amicus/status.h"

#include <gtest/gtest.h>

namespace amicus {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CarriesCodeAndMessage) {
  Status s = Status::InvalidArgument("published:2026-13: month must be 01..12");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "invalid argument: published:2026-13: month must be 01..12");
  EXPECT_EQ(Status::Locked("db").ToString(), "locked: db");
}

}  // namespace
}  // namespace amicus
