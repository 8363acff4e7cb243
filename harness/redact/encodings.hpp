#pragma once
#include <string>
#include <string_view>

namespace ac {

// The encodings a secret leaks in, so the redactor (and the leak tests) can look for them.
std::string base64_encode(std::string_view data);
// The reverse of base64_encode (standard alphabet, padding optional); false on any other byte.
bool base64_decode(std::string_view text, std::string& out);
std::string url_encode(std::string_view data);          // RFC 3986 unreserved characters kept
std::string json_unicode_escape(std::string_view data); // every byte as \u00XX, as a JSON encoder may

}  // namespace ac
