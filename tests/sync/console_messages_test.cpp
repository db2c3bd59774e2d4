// The console API's messages: query strings round-trip and are strict; bodies round-trip.
#include "core/ticket_json.h"
#include "sync/console_messages.h"

#include <doctest/doctest.h>

using namespace cf::sync;
using nlohmann::json;

namespace {

// Splits "a=1&b=x%20y" as cpp-httplib would hand it to a route.
QueryParams params_of(const std::string& query) {
    QueryParams out;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) {
            end = query.size();
        }
        const std::string pair = query.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        std::string value = pair.substr(eq + 1);
        std::string decoded;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '%' && i + 2 < value.size() + 1) {
                decoded += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                decoded += value[i];
            }
        }
        out.emplace(pair.substr(0, eq), decoded);
        start = end + 1;
    }
    return out;
}

} // namespace

TEST_CASE("a queue request round-trips through its query string") {
    QueueRequest q;
    q.queue = ConsoleQueue::departments;
    q.filter.branch = "SZ001";
    q.filter.category = "billing.overcharge";
    q.filter.priority = cf::core::Priority::urgent;
    q.filter.from = 1000;
    q.filter.to = 2000;
    q.filter.department = "billing";
    q.limit = 20;
    q.offset = 40;
    auto parsed = parse_queue_request(params_of(to_query_string(q)));
    REQUIRE(parsed);
    CHECK(parsed->queue == ConsoleQueue::departments);
    CHECK(parsed->filter.branch == "SZ001");
    CHECK(parsed->filter.category == "billing.overcharge");
    CHECK(parsed->filter.priority == cf::core::Priority::urgent);
    CHECK(parsed->filter.from == 1000);
    CHECK(parsed->filter.to == 2000);
    CHECK(parsed->filter.department == "billing");
    CHECK(parsed->limit == 20);
    CHECK(parsed->offset == 40);

    DashboardRequest d;
    d.filter.branch = "GZ002";
    d.utc_offset_min = -300;
    auto dash = parse_dashboard_request(params_of(to_query_string(d)));
    REQUIRE(dash);
    CHECK(dash->filter.branch == "GZ002");
    CHECK(dash->utc_offset_min == -300);
    CHECK_FALSE(dash->filter.from.has_value());
}

TEST_CASE("bad query parameters are refused with the parameter named") {
    struct Case {
        std::string query;
        std::string code;
        std::string field;
    };
    const Case cases[] = {
        {"", "missing_field", "queue"},
        {"queue=inbox", "invalid_value", "queue"},
        {"queue=review&limit=0", "invalid_value", "limit"},
        {"queue=review&limit=ten", "wrong_type", "limit"},
        {"queue=review&offset=-1", "invalid_value", "offset"},
        {"queue=review&priority=high", "invalid_value", "priority"},
        {"queue=review&from=5&to=5", "invalid_value", "to"},
        {"queue=review&branch=SZ%2F01", "invalid_value", "branch"},
        {"queue=review&category=%27%3B", "invalid_value", "category"},
        {"queue=review&department=Billing%20Dept", "invalid_value", "department"},
        {"queue=review&branch=A&branch=B", "invalid_value", "branch"},
        {"queue=review&sort=x", "unknown_field", "sort"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        auto parsed = parse_queue_request(params_of(c.query));
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == c.code);
        CHECK(parsed.error().field == c.field);
    }
    auto dash = parse_dashboard_request(params_of("utc_offset_min=9999"));
    REQUIRE_FALSE(dash);
    CHECK(dash.error().field == "utc_offset_min");
}

TEST_CASE("console bodies round-trip and step requests are strict") {
    SignInResponse s;
    s.epoch = "e1";
    s.token = "t";
    s.staff = {"H01", "王五", cf::core::Role::handler, "billing"};
    s.expires_at = 99;
    auto signed_in = parse_sign_in_response(to_json(s));
    REQUIRE(signed_in);
    CHECK(signed_in->staff.role == cf::core::Role::handler);
    CHECK(signed_in->staff.department == "billing");

    QueueResponse q;
    q.epoch = "e1";
    q.queue = ConsoleQueue::overdue;
    q.total = 1;
    q.counts = {{"review", 3}, {"overdue", 1}};
    QueueRow row;
    row.number = "SZ01-261123-K1-0001-X";
    row.branch = "SZ01";
    row.state = cf::core::State::dispatched;
    row.handling_deadline = 1234;
    row.departments = {"billing", "network"};
    row.departments_pending = {"network"};
    row.customer = "张*";
    q.rows.push_back(row);
    auto queue = parse_queue_response(to_json(q));
    REQUIRE(queue);
    REQUIRE(queue->rows.size() == 1);
    CHECK(queue->rows[0].handling_deadline == 1234);
    CHECK(queue->rows[0].departments_pending == std::vector<std::string>{"network"});
    CHECK(queue->counts.at("review") == 3);

    Dashboard d;
    d.epoch = "e1";
    d.total = 7;
    d.by_branch = {{"SZ01", 5}, {"GZ02", 2}};
    d.handling_met = 3;
    d.handling_total = 4;
    auto dash = parse_dashboard(to_json(d));
    REQUIRE(dash);
    CHECK(dash->by_branch.size() == 2);
    CHECK(dash->by_branch[1].key == "GZ02");
    CHECK(dash->handling_total == 4);

    json step = {{"protocol", 1},
                 {"request_id", "0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000"},
                 {"step", "dispatch"},
                 {"payload", {{"departments", {"billing"}}, {"deadline", 5}}}};
    auto parsed = parse_console_step_request(step);
    REQUIRE(parsed);
    CHECK(parsed->payload.at("deadline") == 5);

    json unknown = step;
    unknown["step"] = "approve_everything";
    CHECK(parse_console_step_request(unknown).error().code == "unknown_kind");
    json actor = step;
    actor["actor"] = "M01"; // the actor comes from the session, never the body
    CHECK(parse_console_step_request(actor).error().code == "unknown_field");
    json short_id = step;
    short_id["request_id"] = "1";
    CHECK(parse_console_step_request(short_id).error().field == "request_id");
    json typed = step;
    typed["payload"] = "x";
    CHECK_FALSE(parse_console_step_request(typed));
}
