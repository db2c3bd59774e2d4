#include "forms/asset_error.h"

namespace cf::forms {

std::string to_string(const AssetError& e) {
    std::string out = e.file;
    if (!e.field.empty()) {
        out += ": ";
        out += e.field;
    }
    out += ": ";
    out += e.reason;
    return out;
}

} // namespace cf::forms
