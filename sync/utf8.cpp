#include "core/utf8.h"
#include "sync/protocol.h"

namespace cf::sync {

bool valid_utf8(std::string_view text) {
    return core::valid_utf8(text);
}

} // namespace cf::sync
