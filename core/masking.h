#pragma once
// Masked forms of customer personal data for lists, receipts and logs. Each keeps just enough
// for staff to recognise the customer.

#include <string>
#include <string_view>

namespace cf::core {

std::string mask_phone(std::string_view phone);   // "13800138000" -> "138****8000"
std::string mask_name(std::string_view name);     // "张三" -> "张*", "Alice Wong" -> "A*********"
std::string mask_email(std::string_view email);   // "alice@example.com" -> "a****@example.com"
std::string mask_account(std::string_view value); // customer/order numbers: "****1234"

} // namespace cf::core
