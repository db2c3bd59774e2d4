#include "tests/center/api_client.h"

#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

namespace cf::test {

using nlohmann::json;

namespace {

ApiReply to_reply(const httplib::Result& r) {
    ApiReply out;
    if (!r) {
        return out;
    }
    out.status = r->status;
    out.bytes = r->body.size();
    out.retry_after = r->get_header_value("Retry-After");
    out.body = json::parse(r->body, nullptr, false);
    if (out.body.is_discarded()) {
        out.body = json();
    }
    return out;
}

httplib::Headers auth(const std::string& token, const httplib::Headers& extra) {
    httplib::Headers h = extra;
    if (!token.empty()) {
        h.emplace("Authorization", "Bearer " + token);
    }
    return h;
}

} // namespace

ApiReply ApiClient::post(const std::string& path, const std::string& body, const std::string& token,
                         const httplib::Headers& extra) {
    return to_reply(m_client.Post(path.c_str(), auth(token, extra), body, "application/json"));
}

ApiReply ApiClient::get(const std::string& path, const std::string& token) {
    return to_reply(m_client.Get(path.c_str(), auth(token, {})));
}

std::string ApiClient::enroll(CenterProcess& center, const std::string& branch,
                              const std::string& terminal, const std::vector<std::string>& extra) {
    const std::string code = center.enroll_code(branch, extra);
    auto r = post(
        "/v1/enroll",
        json{{"protocol", 1}, {"code", code}, {"branch", branch}, {"terminal", terminal}}.dump());
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    return r.body.at("token").get<std::string>();
}

json create_event(const std::string& branch, const std::string& terminal, std::int64_t device_seq,
                  int ticket_seq) {
    const core::Millis now = core::SystemClock().now();
    core::Ticket t;
    static_cast<core::NewTicket&>(t) = sample_complaint();
    t.id = core::uuid_v7(now);
    t.number =
        *core::format_ticket_number(core::TicketNumber{branch, 2026, 11, 23, terminal, ticket_seq});
    t.branch = branch;
    t.terminal = terminal;
    t.received_at = now;
    t.updated_at = now;
    t.receiver = "S001";
    core::Ticket without = t;
    without.customer = {};
    return json{{"id", core::uuid_v7(now)},
                {"ticket_id", t.id},
                {"origin_device", branch + "/" + terminal},
                {"device_seq", device_seq},
                {"hlc", static_cast<std::int64_t>(now) << 16},
                {"actor", "S001"},
                {"actor_role", "frontdesk"},
                {"kind", "create"},
                {"payload",
                 {{"ticket", core::to_json(without, core::PiiMode::omit)},
                  {"customer", {{"name", t.customer.name}, {"phone", t.customer.phone}}}}}};
}

json note_event(const json& create, std::int64_t device_seq) {
    json e = create;
    e["id"] = core::uuid_v7(core::SystemClock().now());
    e["device_seq"] = device_seq;
    e["hlc"] = create.at("hlc").get<std::int64_t>() + 1;
    e["kind"] = "note";
    e["payload"] = {{"text", "客户来电询问进度"}};
    return e;
}

json push_body(const std::string& device, const json& events) {
    return json{{"protocol", 1}, {"device", device}, {"events", events}};
}

} // namespace cf::test
