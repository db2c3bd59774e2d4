#pragma once
// Masked forms of customer personal data for lists, receipts and logs. Each keeps just enough
// for staff to recognise the customer, and none returns a non-empty input unchanged; empty
// input gives empty output.
//
// Phone: a valid phone is masked in its normalize_phone form, other text by its digits. 10 or
// more digits keep the first 3 and last 4, 7-9 digits the last 4, 3-6 digits the last 2, with
// one '*' per hidden digit; text without digits becomes "***".
// Name: by UTF-8 code point after trimming spaces; the first stays, each other is a '*'.
// Email: the local part masked like a name, the domain kept.
// Account: "****" and the last 4 characters; "****" alone for 4 characters or fewer.

#include <string>
#include <string_view>

namespace cf::core {

std::string mask_phone(std::string_view phone); // "13800138000" -> "138****8000"
std::string mask_name(std::string_view name);   // "张三" -> "张*", "Alice Wong" -> "A*********"
std::string mask_email(std::string_view email); // "alice@example.com" -> "a****@example.com"
std::string mask_account(std::string_view value); // customer/order numbers: "****1234"

} // namespace cf::core
