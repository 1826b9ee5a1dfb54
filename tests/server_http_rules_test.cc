// The HTTP rules of server.cc that need no server: UTF-8, cookies, secrets
// and Range headers.
#include <gtest/gtest.h>

#include "server/http_rules.h"

namespace plantar::server {
namespace {

TEST(HttpRules, Utf8) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("plain /api/learn"));
  EXPECT_TRUE(valid_utf8("Fu\xc3\x9f \xe2\x82\xac \xf0\x9f\xa6\xb6"));  // ß € 🦶
  EXPECT_FALSE(valid_utf8("\xff\xfe"));
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xe0\x80\xaf"));      // overlong, 3 bytes
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("ab\xe2\x82"));        // cut short
  EXPECT_FALSE(valid_utf8("\xe2\x28\xa1"));      // a bad continuation
}

TEST(HttpRules, Cookies) {
  EXPECT_EQ(cookie_value("a=1; plantar_session=abc; b=2", "plantar_session"), "abc");
  EXPECT_EQ(cookie_value("plantar_session_x=1", "plantar_session"), "");
  EXPECT_EQ(cookie_value("", "plantar_session"), "");
}

TEST(HttpRules, Secrets) {
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "ab"));
  EXPECT_FALSE(same_secret("", "")) << "an empty secret never matches";
}

TEST(HttpRules, OneRangeIsAPart) {
  auto part = parse_range("bytes=100-199", 1000);
  EXPECT_EQ(part.kind, RangeAnswer::part);
  EXPECT_EQ(part.first, 100u);
  EXPECT_EQ(part.last, 199u);
  auto tail = parse_range("bytes=-10", 1000);
  EXPECT_EQ(tail.first, 990u);
  EXPECT_EQ(tail.last, 999u);
  auto open = parse_range("bytes=900-", 1000);
  EXPECT_EQ(open.last, 999u);
  EXPECT_EQ(parse_range("bytes=900-5000", 1000).last, 999u) << "cut at the end";
  EXPECT_EQ(parse_range("bytes=-5000", 1000).first, 0u);
}

TEST(HttpRules, ManyRangesOrPastTheEndAreRefused) {
  EXPECT_EQ(parse_range("bytes=0-,0-", 1000).kind, RangeAnswer::refused);
  EXPECT_EQ(parse_range("bytes=0-1,5-9", 1000).kind, RangeAnswer::refused);
  EXPECT_EQ(parse_range("bytes=1000-", 1000).kind, RangeAnswer::refused);
  EXPECT_EQ(parse_range("bytes=-0", 1000).kind, RangeAnswer::refused);
}

TEST(HttpRules, OddRangesAreIgnored) {
  for (const char* header : {"items=0-5", "bytes=", "bytes=5", "bytes=9-3", "bytes=x-y",
                             "bytes=99999999999999999999999-", "bytes=--5"})
    EXPECT_EQ(parse_range(header, 1000).kind, RangeAnswer::whole) << header;
}

}  // namespace
}  // namespace plantar::server
