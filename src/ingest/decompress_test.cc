#include "ingest/decompress.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include "ingest/gzip_for_tests.h"

namespace veille::ingest {
namespace {

std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

Result<std::string> ReadAllDecompressed(std::string bytes) {
  auto source = Decompress(FromString(std::move(bytes)));
  if (!source.ok()) return source.status();
  return ReadUpTo(**source, 1 << 30);
}

TEST(DecompressTest, DetectsByContent) {
  EXPECT_EQ(DetectCompression(Gzip("x")), Compression::kGzip);
  EXPECT_EQ(DetectCompression(Zstd("x")), Compression::kZstd);
  EXPECT_EQ(DetectCompression("plain"), Compression::kNone);
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

TEST(DecompressTest, RoundTrips) {
  std::string text(200000, 'x');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(*ReadAllDecompressed(Gzip(text)), text);
  EXPECT_EQ(*ReadAllDecompressed(Zstd(text)), text);
  EXPECT_EQ(*ReadAllDecompressed(text), text);
}

TEST(DecompressTest, ConcatenatedMembersAndFrames) {
  EXPECT_EQ(*ReadAllDecompressed(Gzip("un ") + Gzip("deux")), "un deux");
  EXPECT_EQ(*ReadAllDecompressed(Zstd("un ") + Zstd("deux")), "un deux");
}

TEST(DecompressTest, TruncatedOrDamagedIsCorrupt) {
  std::string gz = Gzip(std::string(10000, 'a') + "fin");
  auto truncated = ReadAllDecompressed(gz.substr(0, gz.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorrupt);
  std::string zs = Zstd(std::string(10000, 'b'));
  auto cut = ReadAllDecompressed(zs.substr(0, zs.size() - 3));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kCorrupt);
  std::string damaged = gz;
  for (size_t i = 12; i < damaged.size(); i += 3) damaged[i] ^= 0x5a;
  EXPECT_FALSE(ReadAllDecompressed(damaged).ok());
}

}  // namespace
}  // namespace veille::ingest
