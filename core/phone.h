#pragma once
// Phone numbers as customers type them: mainland mobiles, Hong Kong, Taiwan and landlines,
// with or without country codes, spaces, dashes and brackets.

#include <string>
#include <string_view>

namespace cf::core {

enum class PhoneKind {
    invalid,
    mainland_mobile,   // 1[3-9]x xxxx xxxx, optional +86 / 86 / 0086
    mainland_landline, // 0 + area code (2-3 digits) + 7-8 digits, optional extension is rejected
    hong_kong,         // +852 followed by 8 digits starting 2,3,5,6,7,8,9; bare 8 digits 2,3,5,6,9
    macau,             // +853 followed by 8 digits starting 6 (mobile) or 28 (fixed line)
    taiwan,            // +886 9xxxxxxxx mobile or 8-9 digit landline; 09xxxxxxxx locally
};

// Accepts digits with spaces, dashes, dots and brackets, and a country code written +CC, 00CC
// or CC. The trunk 0 is tolerated after +86 and +886 ("+86 (0)755 ..."). Anything else
// (letters, extensions, other countries, wrong lengths) is invalid.
PhoneKind classify_phone(std::string_view text);

// One canonical form per number, used for the blind index and for display: digits only, with
// the country code for Hong Kong (852...), Macau (853...) and Taiwan (886...), and without it
// for the mainland (13800138000, 01012345678). Empty when the text is not a valid phone.
std::string normalize_phone(std::string_view text);

} // namespace cf::core
