#include "tests/sync/support/terminal.h"

#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

namespace cf::test {

namespace fs = std::filesystem;
using nlohmann::json;

Terminal::Terminal(fs::path dir, const std::string& branch, const std::string& terminal)
    : m_dir(std::move(dir)) {
    auto r = cli({"init", "--branch", branch, "--terminal", terminal});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

std::vector<std::string> Terminal::file(int n, core::Millis at) {
    core::SystemClock system;
    core::ManualClock manual(at);
    const core::Clock& clock = at > 0 ? static_cast<const core::Clock&>(manual) : system;
    auto store = core::TicketStore::open(m_dir, clock);
    REQUIRE(store);
    std::vector<std::string> numbers;
    while (n > 0) {
        const int chunk = std::min(n, 1000);
        std::vector<core::NewTicket> tickets(static_cast<std::size_t>(chunk), sample_complaint());
        for (int i = 0; i < chunk; ++i) {
            tickets[static_cast<std::size_t>(i)].customer.phone =
                "1380013" + std::to_string(1000 + (numbers.size() + i) % 9000);
        }
        auto filed = store->file_many(tickets, frontdesk());
        REQUIRE(filed);
        for (const auto& t : *filed) {
            numbers.push_back(t.number);
        }
        n -= chunk;
    }
    return numbers;
}

ProcessOutput Terminal::cli(const std::vector<std::string>& args, const std::string& input) const {
    return run_cli(m_dir, args, input);
}

void Terminal::enroll(CenterProcess& center, const std::string& url) {
    auto store = core::TicketStore::open(m_dir, core::SystemClock());
    REQUIRE(store);
    const std::string branch = store->identity().branch;
    auto r = cli({"enroll", "--center", url.empty() ? center.url() : url, "--code",
                  center.enroll_code(branch)});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

int Terminal::sync_once(const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"sync", "--once"};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli(args).exit_code;
}

json Terminal::status() const {
    auto r = cli({"sync", "status", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

json Terminal::show(const std::string& number) const {
    auto r = cli({"show", number, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

std::int64_t Terminal::last_seq() const {
    auto store = core::TicketStore::open(m_dir, core::SystemClock());
    REQUIRE(store);
    auto q = store->database().query(
        "SELECT coalesce(max(device_seq), 0) FROM events WHERE origin_device = ?1");
    REQUIRE(q);
    q->bind(1, store->identity().device_id());
    REQUIRE(q->step());
    return q->int64(0);
}

std::int64_t Terminal::event_count() const {
    auto store = core::TicketStore::open(m_dir, core::SystemClock());
    REQUIRE(store);
    auto q = store->database().query("SELECT count(*) FROM events");
    REQUIRE(q);
    REQUIRE(q->step());
    return q->int64(0);
}

json center_export(const fs::path& center_dir) {
    auto r = run_center(center_dir, {"export", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

std::int64_t check_exactly_once(const json& exported) {
    std::set<std::string> ids;
    std::map<std::string, std::set<std::int64_t>> seqs;
    std::int64_t count = 0;
    for (const auto& t : exported.at("tickets")) {
        for (const auto& e : t.at("events")) {
            ++count;
            const bool fresh = ids.insert(e.at("id").get<std::string>()).second;
            CHECK_MESSAGE(fresh, "event ", e.at("id"), " is at the center twice");
            const bool unique =
                seqs[e.at("origin_device")].insert(e.at("device_seq").get<std::int64_t>()).second;
            CHECK_MESSAGE(unique, "device_seq ", e.at("device_seq"), " of ", e.at("origin_device"),
                          " is at the center twice");
        }
    }
    CHECK(count == exported.at("event_count").get<std::int64_t>());
    for (const auto& d : exported.at("devices")) {
        const auto& s = seqs[d.at("device").get<std::string>()];
        const auto acked = d.at("acked_seq").get<std::int64_t>();
        const auto skipped = d.at("skipped").get<std::int64_t>();
        CHECK_MESSAGE(static_cast<std::int64_t>(s.size()) + skipped == acked, "device ",
                      d.at("device"), " has ", s.size(), " events and ", skipped,
                      " skips but its mark is ", acked);
        if (!s.empty()) {
            CHECK(*s.rbegin() <= acked);
        }
    }
    return count;
}

} // namespace cf::test
