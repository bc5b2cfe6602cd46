// Which character set a web page is written in, and why veille thinks so:
// a byte-order mark, the HTTP Content-Type header, a <meta> declaration
// anywhere in the page, or ICU's detector over the whole page (not only its
// first kilobytes), in that order, as browsers decide (WHATWG's encoding
// sniffing), with two repairs: a page declared UTF-8 that is not valid UTF-8
// goes to the detector, and a page declared in another charset that is valid
// UTF-8 with at least 16 characters outside ASCII is read as UTF-8 (legacy
// text is practically never valid UTF-8 by chance).
#ifndef VEILLE_INGEST_CHARSET_H_
#define VEILLE_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace veille::ingest {

struct Charset {
  std::string name;      // as ICU knows it: "UTF-8", "windows-1251", "KOI8-R", "ISO-8859-15"
  std::string evidence;  // "bom", "http header", "meta", "valid utf-8", "detector (confidence 87)"
};

// `http_content_type`: the response's Content-Type header, if any
// ("text/html; charset=windows-1251"). A declared name ICU does not know is
// passed over. "iso-8859-1" and "us-ascii" are read as windows-1252, as
// browsers do.
Charset DetectCharset(std::string_view bytes, std::string_view http_content_type = {});

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_CHARSET_H_
