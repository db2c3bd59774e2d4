#pragma once
// A message for the staff member on the counter and console screens, kept as a text key with
// its arguments so that it is translated when drawn, in the language chosen then.

#include <string>
#include <utility>
#include <vector>

namespace cf::ui {

// A message for the staff member: a text key of assets/i18n (any part) with its arguments.
struct Notice {
    std::string key;
    std::vector<std::pair<std::string, std::string>> args;
    bool error = false;
    // Arguments whose values are themselves text keys, translated when shown.
    std::vector<std::pair<std::string, std::string>> key_args;
    bool empty() const { return key.empty(); }
};

} // namespace cf::ui
