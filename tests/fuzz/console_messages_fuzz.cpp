// The console's other messages (sync/console_messages.h): the step request the center reads
// from parse_request_body, and the answers the console reads (queue, ticket detail, step
// answer, dashboard, reports). Each accepted message must survive to_json and a second parse
// unchanged (message_checks.h).
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
                                   [](const json& j) { return parse_console_step_request(j); });
    }
    if (const auto answer = parse_body(body)) {
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_queue_response(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_ticket_detail(j); });
        cf::fuzz::check_round_trip(*answer,
                                   [](const json& j) { return parse_console_step_response(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_dashboard(j); });
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_reports(j); });
    }
    return 0;
}
