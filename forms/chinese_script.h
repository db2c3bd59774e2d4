#pragma once
// Conversion between Simplified and Traditional Chinese with OpenCC (Debian's libopencc and
// its dictionaries in /usr/share/opencc). The text model reads every text in Simplified, so
// what Hong Kong and Taiwan customers write teaches it the same words as the mainland's.

#include <string>
#include <string_view>

namespace cf::forms {

// `text` with Traditional characters and phrases written in Simplified (OpenCC's t2s);
// everything else is kept, except that bytes that are not valid UTF-8 become spaces. When OpenCC or
// its dictionaries cannot be loaded the text comes back unchanged: classification then works less
// well but never fails. Thread-safe.
std::string to_simplified(std::string_view text);

// `text` in Traditional (OpenCC's s2t), or its Hong Kong or Taiwan standard (s2hk, s2tw), when
// `locale` is zh-Hant, zh-HK or zh-TW; unchanged for any other locale or when OpenCC cannot be
// loaded. Thread-safe.
std::string to_script_of(std::string_view text, std::string_view locale);

// False when OpenCC's converter for Simplified could not be loaded (for `doctor` and tests).
bool chinese_script_available();

} // namespace cf::forms
