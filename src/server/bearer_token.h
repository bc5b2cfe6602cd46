// The token POST /api/ingest requires, checked in constant time.
#ifndef VEILLE_SERVER_BEARER_TOKEN_H_
#define VEILLE_SERVER_BEARER_TOKEN_H_

#include <array>
#include <string>
#include <string_view>

namespace veille::server {

class BearerToken {
 public:
  explicit BearerToken(std::string_view token);

  bool empty() const { return empty_; }

  // Whether an Authorization header value is "Bearer <the token>". Both
  // are hashed and the digests compared with CRYPTO_memcmp, so the time
  // taken says nothing about the token, not even its length.
  bool Accepts(std::string_view authorization) const;

 private:
  bool empty_;
  std::array<unsigned char, 32> digest_{};
};

}  // namespace veille::server

#endif  // VEILLE_SERVER_BEARER_TOKEN_H_
