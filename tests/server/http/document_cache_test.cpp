// The cache of published documents: bounded, and a document missed by many readers at once is
// encoded once (a city read by many phones as it is published is compressed once).
#include "server/http/document_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using server::http::DocumentCache;
using server::http::EncodedDocument;

std::shared_ptr<const EncodedDocument> document(const std::string& body) {
  auto made = std::make_shared<EncodedDocument>();
  made->identity = body;
  return made;
}

TEST(DocumentCache, KeepsTheMostRecentlyUsedWithinItsCapacity) {
  DocumentCache cache(2);
  cache.put("a", 1, document("a1"));
  cache.put("b", 1, document("b1"));
  ASSERT_TRUE(cache.find("a", 1));  // "a" is now the most recent
  cache.put("c", 1, document("c1"));
  EXPECT_TRUE(cache.find("a", 1));
  EXPECT_FALSE(cache.find("b", 1));
  EXPECT_TRUE(cache.find("c", 1));
  EXPECT_FALSE(cache.find("a", 2)) << "another revision is another document";
}

TEST(DocumentCache, ReadersMissingTogetherEncodeOnce) {
  DocumentCache cache;
  std::atomic<int> encodings{0};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  const auto encode = [&] {
    ++encodings;
    released.wait();  // every reader arrives while the first one encodes
    return document("city");
  };
  std::vector<std::future<std::shared_ptr<const EncodedDocument>>> readers;
  for (int i = 0; i < 8; ++i) {
    readers.push_back(
        std::async(std::launch::async, [&] { return cache.obtain("porto", 1, encode); }));
  }
  while (encodings.load() == 0) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the others reach obtain meanwhile
  release.set_value();
  for (auto& reader : readers) EXPECT_EQ(reader.get()->identity, "city");
  EXPECT_EQ(encodings.load(), 1);
  EXPECT_EQ(cache.obtain("porto", 1, encode)->identity, "city");
  EXPECT_EQ(encodings.load(), 1) << "cached from then on";
}

TEST(DocumentCache, AFailedEncodingReachesItsCallerAndCachesNothing) {
  DocumentCache cache;
  EXPECT_THROW(cache.obtain("porto",
                            1,
                            []() -> std::shared_ptr<const EncodedDocument> {
                              throw std::runtime_error("no memory");
                            }),
               std::runtime_error);
  EXPECT_FALSE(cache.find("porto", 1));
  EXPECT_EQ(cache.obtain("porto", 1, [] { return document("city"); })->identity, "city")
      << "tried again";
}

}  // namespace
