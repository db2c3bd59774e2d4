// The shape check of a center step's payload (center/step_payload.h). The first byte picks
// the step, the rest is the payload as the center reads a body (parse_request_body). Checks
// that an accepted payload is null or an object whose every text is within
// core::k_max_step_text_chars characters and whose departments are within
// core::k_max_step_departments,
// and that the payload written out and read again gets the same answer.
#include "center/step_payload.h"
#include "core/step_schema.h"
#include "fuzz_support.h"
#include "sync/request_body.h"

namespace {

using nlohmann::json;

std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

void check_texts(const json& value) {
    if (value.is_string()) {
        FUZZ_CHECK(characters(value.get_ref<const std::string&>()) <=
                       cf::core::k_max_step_text_chars,
                   "a text of " + std::to_string(value.get_ref<const std::string&>().size()));
    }
    if (value.is_array()) {
        FUZZ_CHECK(value.size() <= cf::core::k_max_step_departments, cf::fuzz::dump(value));
    }
    if (value.is_structured()) {
        for (const json& child : value) {
            check_texts(child);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf;
    if (size == 0) {
        return 0;
    }
    const core::Step step = core::k_all_steps[data[0] % std::size(core::k_all_steps)];
    const auto payload = sync::parse_request_body(fuzz::as_text(data + 1, size - 1));
    if (!payload) {
        return 0;
    }
    const auto checked = center::check_step_payload(step, *payload);
    const auto again = center::check_step_payload(step, json::parse(payload->dump()));
    FUZZ_CHECK(checked.has_value() == again.has_value(), fuzz::dump(*payload));
    if (checked) {
        FUZZ_CHECK(payload->is_null() || payload->is_object(), fuzz::dump(*payload));
        check_texts(*payload);
    }
    return 0;
}
