// The server's cache of pure answers (check, plan, learn): bounded, the
// oldest answer forgotten first, errors never kept.
#include <gtest/gtest.h>

#include "server/reply_cache.h"

namespace plantar::server {
namespace {

std::shared_ptr<const Reply> ok(const std::string& body) { return std::make_shared<const Reply>(200, body); }

TEST(ReplyCache, ForgetsTheOldestAnswerWhenFull) {
  ReplyCache cache(3);
  for (std::string key : {"a", "b", "c", "d"}) cache.store(key, ok("answer " + key));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.find("a"));
  for (std::string key : {"b", "c", "d"}) {
    auto found = cache.find(key);
    ASSERT_TRUE(found) << key;
    EXPECT_EQ(found->body, "answer " + key);
  }
  cache.store("e", ok("answer e"));
  EXPECT_FALSE(cache.find("b"));
  EXPECT_TRUE(cache.find("e"));
}

TEST(ReplyCache, KeepsOneCopyOfAKeyAndNoErrors) {
  ReplyCache cache(2);
  cache.store("a", ok("first"));
  cache.store("a", ok("second"));
  cache.store("bad", std::make_shared<const Reply>(400, "{\"error\": \"no\"}"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find("a")->body, "first");
  EXPECT_FALSE(cache.find("bad"));
  cache.store("b", ok("b"));
  cache.store("c", ok("c"));  // "a" goes, once
  EXPECT_FALSE(cache.find("a"));
  EXPECT_EQ(cache.size(), 2u);
}

}  // namespace
}  // namespace plantar::server
