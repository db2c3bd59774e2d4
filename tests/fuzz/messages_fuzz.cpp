// The terminal protocol's smaller messages (sync/messages.h): the requests the center reads
// (pull, a center step, an asset publication) from parse_request_body, and the answers a
// terminal reads (device status, push answer, error body) from parse_body. Each accepted
// message must survive to_json and a second parse unchanged (message_checks.h).
#include "message_checks.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/request_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::sync;
    using nlohmann::json;
    const std::string_view body = cf::fuzz::as_text(data, size);
    if (const auto request = parse_request_body(body)) {
        cf::fuzz::check_round_trip(*request, [](const json& j) { return parse_pull_request(j); });
        cf::fuzz::check_round_trip(*request, [](const json& j) { return parse_step_request(j); });
        cf::fuzz::check_round_trip(*request,
                                   [](const json& j) { return parse_asset_publish_request(j); });
    }
    if (const auto answer = parse_body(body)) {
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_device_status(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_push_response(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_error_body(j); });
    }
    return 0;
}
