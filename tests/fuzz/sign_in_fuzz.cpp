// The console's sign-in (sync/console_messages.h): the request the center reads from
// parse_request_body, and the answer and staff record the console reads. Each accepted message
// must survive to_json and a second parse unchanged (message_checks.h).
#include "message_checks.h"
#include "sync/console_messages.h"
#include "sync/json_fields.h"
#include "sync/request_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::sync;
    using nlohmann::json;
    const std::string_view body = cf::fuzz::as_text(data, size);
    if (const auto request = parse_request_body(body)) {
        cf::fuzz::check_round_trip(*request,
                                   [](const json& j) { return parse_sign_in_request(j); });
    }
    if (const auto answer = parse_body(body)) {
        cf::fuzz::check_round_trip(*answer,
                                   [](const json& j) { return parse_sign_in_response(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_staff_info(j); });
    }
    return 0;
}
