// cpp-httplib as Debian builds it (libcpp-httplib.so, 0.11.4): with OpenSSL,
// zlib and brotli. Its classes change shape with these macros, so every file
// that includes httplib.h must define the same ones the library was built
// with (pkg-config --cflags cpp-httplib): include this header, never
// <httplib.h> directly. Only src/fetch/ and the tests' local servers do.
#ifndef VEILLE_FETCH_HTTPLIB_H_
#define VEILLE_FETCH_HTTPLIB_H_

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#endif
#ifndef CPPHTTPLIB_BROTLI_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#endif

#include <httplib.h>

#endif  // VEILLE_FETCH_HTTPLIB_H_
