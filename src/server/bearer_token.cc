#include "server/bearer_token.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace veille::server {
namespace {

std::array<unsigned char, 32> Sha256(std::string_view bytes) {
  std::array<unsigned char, 32> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
  return digest;
}

}  // namespace

BearerToken::BearerToken(std::string_view token) : empty_(token.empty()), digest_(Sha256(token)) {}

bool BearerToken::Accepts(std::string_view authorization) const {
  if (empty_) return false;
  constexpr std::string_view kScheme = "Bearer ";
  // The scheme is case-insensitive (RFC 9110); it is no secret.
  if (authorization.size() < kScheme.size()) return false;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return false;
    }
  }
  std::array<unsigned char, 32> given = Sha256(authorization.substr(kScheme.size()));
  return CRYPTO_memcmp(given.data(), digest_.data(), given.size()) == 0;
}

}  // namespace veille::server
