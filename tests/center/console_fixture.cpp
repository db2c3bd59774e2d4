#include "tests/center/console_fixture.h"

#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "tests/support/run_process.h"

#include <doctest/doctest.h>

namespace cf::test {

using nlohmann::json;

ProcessOutput run_center_with_input(const std::filesystem::path& dir,
                                    const std::vector<std::string>& args,
                                    const std::string& input) {
    std::vector<std::string> all = {"--data", dir.string()};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run_process(center_path(), all, input);
    return ProcessOutput{r.exit_code, r.out, r.err};
}

ConsoleCenter::ConsoleCenter(std::vector<std::string> serve_args)
    : center(tmp / "center", std::move(serve_args)), api(center) {
    for (const char* branch : {"SZ01", "GZ02"}) {
        device_token[branch] = api.enroll(center, branch, "K1");
    }
}

void ConsoleCenter::add_staff(const std::string& id, const std::string& role,
                              const std::string& department) {
    std::vector<std::string> args = {
        "staff", "add", "--id", id, "--name", "Staff " + id, "--role", role, "--password-stdin"};
    if (!department.empty()) {
        args.insert(args.end(), {"--department", department});
    }
    auto r = run_center_with_input(center.dir(), args, std::string(k_password) + "\n");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

ApiReply ConsoleCenter::sign_in_reply(const std::string& id, const std::string& password) {
    return api.post("/v1/console/sign-in",
                    json{{"protocol", 1}, {"staff", id}, {"password", password}}.dump());
}

std::string ConsoleCenter::sign_in(const std::string& id) {
    auto r = sign_in_reply(id, k_password);
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    return r.body.at("token").get<std::string>();
}

void ConsoleCenter::add_usual_staff() {
    add_staff("R01", "reviewer");
    add_staff("D01", "dispatcher");
    add_staff("H01", "handler", "billing");
    add_staff("H02", "handler", "network");
    add_staff("A01", "auditor");
    add_staff("M01", "manager");
    for (const char* id : {"R01", "D01", "H01", "H02", "A01", "M01"}) {
        session[id] = sign_in(id);
    }
}

std::string ConsoleCenter::push(const TicketSpec& spec) {
    const core::Millis received = spec.received_at != 0 ? spec.received_at : now() - core::k_day;
    core::Ticket t;
    t.request_type = *core::parse_request_type(spec.request_type);
    t.category = spec.category;
    t.priority = *core::parse_priority(spec.priority);
    t.severity = *core::parse_severity(spec.severity);
    t.special_type = *core::parse_special_type(spec.special_type);
    t.description = "账单多扣了50元";
    t.demand = "退还";
    t.customer.name = spec.customer;
    t.customer.phone = "13800138000";
    t.first_response_due =
        spec.first_response_due != 0 ? spec.first_response_due : received + 4 * core::k_hour;
    t.due_at = spec.due_at != 0 ? spec.due_at : received + 7 * core::k_day;
    t.id = core::uuid_v7(received);
    const int seq = ++m_ticket_seq[spec.branch];
    t.number =
        *core::format_ticket_number(core::TicketNumber{spec.branch, 2026, 11, 23, "K1", seq});
    t.branch = spec.branch;
    t.terminal = "K1";
    t.received_at = received;
    t.updated_at = received;
    t.receiver = spec.receiver;
    t.knowledge_article = spec.knowledge_article;
    core::Ticket without = t;
    without.customer = {};
    const std::string device = spec.branch + "/K1";
    auto& device_seq = m_device_seq[spec.branch];
    json events = json::array();
    events.push_back({{"id", core::uuid_v7(received)},
                      {"ticket_id", t.id},
                      {"origin_device", device},
                      {"device_seq", ++device_seq},
                      {"hlc", static_cast<std::int64_t>(received) << 16},
                      {"actor", "S001"},
                      {"actor_role", "frontdesk"},
                      {"kind", "create"},
                      {"payload",
                       {{"ticket", core::to_json(without, core::PiiMode::omit)},
                        {"customer", {{"name", t.customer.name}, {"phone", t.customer.phone}}}}}});
    auto step = [&](const std::string& kind, core::Millis at, json payload) {
        events.push_back({{"id", core::uuid_v7(at)},
                          {"ticket_id", t.id},
                          {"origin_device", device},
                          {"device_seq", ++device_seq},
                          {"hlc", static_cast<std::int64_t>(at) << 16},
                          {"actor", "S001"},
                          {"actor_role", "frontdesk"},
                          {"kind", kind},
                          {"payload", std::move(payload)}});
    };
    if (spec.acknowledged_at) {
        step("acknowledge", *spec.acknowledged_at, json::object());
        if (spec.submit) {
            step("submit", *spec.acknowledged_at + core::k_minute, {{"reason", "转中心处理"}});
        }
    }
    auto r =
        api.post("/v1/push", json{{"protocol", 1}, {"device", device}, {"events", events}}.dump(),
                 device_token.at(spec.branch));
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    m_ticket_id[t.number] = t.id;
    m_ticket_branch[t.number] = t.branch;
    return t.number;
}

void ConsoleCenter::push_step(const std::string& number, const std::string& kind, core::Millis at,
                              json payload, const std::string& actor, const std::string& role) {
    const std::string branch = m_ticket_branch.at(number);
    const std::string device = branch + "/K1";
    json e = {{"id", core::uuid_v7(at)},
              {"ticket_id", m_ticket_id.at(number)},
              {"origin_device", device},
              {"device_seq", ++m_device_seq[branch]},
              {"hlc", static_cast<std::int64_t>(at) << 16},
              {"actor", actor},
              {"actor_role", role},
              {"kind", kind},
              {"payload", std::move(payload)}};
    auto r = api.post(
        "/v1/push", json{{"protocol", 1}, {"device", device}, {"events", json::array({e})}}.dump(),
        device_token.at(branch));
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
}

ApiReply ConsoleCenter::step(const std::string& token, const std::string& number,
                             const std::string& step, json payload, const std::string& request_id) {
    const std::string id = request_id.empty()
                               ? "req-" + std::to_string(++m_request) + "-" + core::uuid_v7(now())
                               : request_id;
    return api.post(
        "/v1/console/tickets/" + number + "/steps",
        json{{"protocol", 1}, {"request_id", id}, {"step", step}, {"payload", std::move(payload)}}
            .dump(),
        token);
}

ApiReply ConsoleCenter::queue(const std::string& token, const std::string& query) {
    return api.get("/v1/console/queue?" + query, token);
}

ApiReply ConsoleCenter::detail(const std::string& token, const std::string& number) {
    return api.get("/v1/console/tickets/" + number, token);
}

ApiReply ConsoleCenter::dispatch(const std::string& number,
                                 const std::vector<std::string>& departments,
                                 core::Millis deadline) {
    auto accepted = step(session.at("R01"), number, "review_accept");
    REQUIRE_MESSAGE(accepted.status == 200, accepted.body.dump());
    return step(session.at("D01"), number, "dispatch",
                {{"departments", departments}, {"deadline", deadline}});
}

} // namespace cf::test
