// Gzip in memory, for the tests of what reads it.
#ifndef VEILLE_INGEST_GZIP_FOR_TESTS_H_
#define VEILLE_INGEST_GZIP_FOR_TESTS_H_

#include <zlib.h>

#include <string>

namespace veille::ingest {

// One gzip member holding `data`.
inline std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_GZIP_FOR_TESTS_H_
