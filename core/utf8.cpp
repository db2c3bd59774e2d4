#include "core/utf8.h"

namespace cf::core {

bool valid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const std::size_t n = utf8_sequence(p, end);
        if (n == 0) {
            return false;
        }
        p += n;
    }
    return true;
}

} // namespace cf::core
