#include "core/ticket_json.h"
#include "core/ticket_queue.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

using namespace cf;
using cf::test::StoreFixture;
using core::QueueFilter;
using core::QueueSort;
using core::QueueTab;
using core::State;
using core::Step;
using nlohmann::json;

namespace {

constexpr core::Millis k_now = test::k_monday_10am;

core::Actor center(core::Role role) {
    return test::as(role, "C1", role == core::Role::handler ? "billing" : "");
}

void act(StoreFixture& f, const std::string& number, Step step, const core::Actor& actor,
         const json& payload = json::object()) {
    auto r = f.store->act(number, step, actor, payload);
    INFO(to_string(step), ": ", r ? std::string() : r.error().message);
    REQUIRE(r);
}

// Takes a ticket through the steps that lead to `target`.
void walk_to(StoreFixture& f, const std::string& n, State target) {
    using enum State;
    const auto staff = test::frontdesk();
    if (target == received) {
        return;
    }
    act(f, n, Step::acknowledge, staff);
    if (target == acknowledged) {
        return;
    }
    if (target == resolved) {
        act(f, n, Step::resolve, staff, {{"resolution", "explained"}});
        return;
    }
    act(f, n, Step::submit, staff, {{"reason", "needs billing"}});
    if (target == submitted) {
        return;
    }
    if (target == returned) {
        act(f, n, Step::review_return, center(core::Role::reviewer), {{"reason", "no bill"}});
        return;
    }
    act(f, n, Step::review_accept, center(core::Role::reviewer),
        {{"due_at", k_now + 5 * core::k_day}});
    if (target == accepted) {
        return;
    }
    act(f, n, Step::dispatch, center(core::Role::dispatcher),
        {{"departments", {"billing"}}, {"deadline", k_now + 3 * core::k_day}});
    if (target == dispatched) {
        return;
    }
    act(f, n, Step::sign_for, center(core::Role::handler), {{"department", "billing"}});
    act(f, n, Step::handle, center(core::Role::handler),
        {{"department", "billing"},
         {"investigation", "x"},
         {"responsibility", "our_department"},
         {"solution", "refund"}});
    if (target == handled) {
        return;
    }
    act(f, n, Step::audit_approve, center(core::Role::auditor));
    if (target == audited) {
        return;
    }
    act(f, n, Step::feedback, center(core::Role::reviewer), {{"text", "refunded"}});
    if (target == answered) {
        return;
    }
    if (target == second_round || target == escalated) {
        act(f, n, Step::satisfaction, staff,
            {{"level", "unsatisfied"}, {"due_at", f.clock.now() + core::k_day}});
        if (target == second_round) {
            return;
        }
        // Unsatisfied again after the supervisor's second round: the center's manager's.
        act(f, n, Step::resolve, test::as(core::Role::supervisor, "S009", ""),
            {{"resolution", "refunded twice"}});
        act(f, n, Step::satisfaction, staff,
            {{"level", "unsatisfied"}, {"due_at", f.clock.now() + core::k_day}});
        return;
    }
    act(f, n, Step::satisfaction, staff, {{"level", "satisfied"}});
    if (target == satisfied) {
        return;
    }
    act(f, n, Step::close, staff);
}

// From dispatched on to closed: handled, audited, answered, satisfied, closed.
void walk_to_closed_from_dispatched(StoreFixture& f, const std::string& n) {
    act(f, n, Step::sign_for, center(core::Role::handler), {{"department", "billing"}});
    act(f, n, Step::handle, center(core::Role::handler),
        {{"department", "billing"},
         {"investigation", "x"},
         {"responsibility", "our_department"},
         {"solution", "refund"}});
    act(f, n, Step::audit_approve, center(core::Role::auditor));
    act(f, n, Step::feedback, center(core::Role::reviewer), {{"text", "refunded"}});
    act(f, n, Step::satisfaction, test::frontdesk(), {{"level", "satisfied"}});
    act(f, n, Step::close, test::frontdesk());
}

struct Filed {
    std::string number;
    std::int64_t rowid;
};

Filed file(StoreFixture& f, core::NewTicket n = test::sample_complaint(),
           const core::Actor& by = test::frontdesk()) {
    auto t = f.store->file(n, by);
    REQUIRE(t);
    auto q = f.store->database().query("SELECT rowid FROM tickets WHERE number = ?1");
    REQUIRE(q);
    q->bind(1, t->number);
    REQUIRE(*q->step());
    return Filed{t->number, q->int64(0)};
}

std::vector<std::int64_t> ids(core::TicketQueue& q, QueueFilter filter, core::Millis now = k_now) {
    auto r = q.ids(filter, now);
    REQUIRE(r);
    return *r;
}

QueueFilter tab(QueueTab t, QueueSort sort = QueueSort::deadline) {
    QueueFilter f;
    f.tab = t;
    f.staff_id = "S001";
    f.sort = sort;
    return f;
}

std::set<std::int64_t> as_set(const std::vector<std::int64_t>& v) {
    return {v.begin(), v.end()};
}

} // namespace

TEST_CASE("each tab holds the states it names") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    std::map<State, std::int64_t> by_state;
    for (State s : core::k_all_states) {
        auto t = file(f);
        walk_to(f, t.number, s);
        by_state[s] = t.rowid;
    }
    auto of = [&](std::initializer_list<State> states) {
        std::set<std::int64_t> out;
        for (State s : states) {
            out.insert(by_state[s]);
        }
        return out;
    };
    using enum State;
    CHECK(as_set(ids(queue, tab(QueueTab::fresh))) == of({received, returned}));
    CHECK(as_set(ids(queue, tab(QueueTab::awaiting_center))) ==
          of({submitted, accepted, dispatched, handled, audited, escalated}));
    CHECK(as_set(ids(queue, tab(QueueTab::escalated))) == of({escalated}));
    CHECK(as_set(ids(queue, tab(QueueTab::feedback_arrived))) == of({answered}));
    CHECK(as_set(ids(queue, tab(QueueTab::closed))) == of({closed}));
    // S001 received every one of them and acknowledged them, so all open ones are theirs.
    auto mine = of({received, acknowledged, resolved, submitted, returned, accepted, dispatched,
                    handled, audited, answered, satisfied, second_round, escalated});
    CHECK(as_set(ids(queue, tab(QueueTab::mine))) == mine);
    CHECK(ids(queue, tab(QueueTab::overdue)).empty());
    // A year later every open ticket with a running deadline is overdue, a closed one never.
    auto late = as_set(ids(queue, tab(QueueTab::overdue), k_now + 365 * core::k_day));
    CHECK(late.count(by_state[received]) == 1);
    CHECK(late.count(by_state[second_round]) == 1);
    CHECK(late.count(by_state[accepted]) == 1); // the center set a ticket deadline
    CHECK(late.count(by_state[closed]) == 0);
    CHECK(late.count(by_state[acknowledged]) == 0); // the first response met the only deadline
}

TEST_CASE("the escalated tab holds 重大 and 外宣传型 tickets until they close") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    core::NewTicket major = test::sample_complaint();
    major.severity = core::Severity::major;
    core::NewTicket media = test::sample_complaint();
    media.special_type = core::SpecialType::media_exposure;
    const Filed a = file(f, major);
    const Filed b = file(f, media);
    file(f); // an ordinary complaint
    CHECK(as_set(ids(queue, tab(QueueTab::escalated))) == std::set<std::int64_t>{a.rowid, b.rowid});
    auto counts = queue.counts("S001", k_now);
    REQUIRE(counts);
    CHECK((*counts)[static_cast<std::size_t>(QueueTab::escalated)] == 2);
    // Filters apply within the tab.
    QueueFilter urgent = tab(QueueTab::escalated);
    urgent.priority = core::Priority::urgent;
    CHECK(ids(queue, urgent).empty());
    walk_to(f, a.number, State::dispatched);
    CHECK(ids(queue, tab(QueueTab::escalated)).size() == 2); // at the center, still escalated
    walk_to_closed_from_dispatched(f, a.number);
    CHECK(ids(queue, tab(QueueTab::escalated)) == std::vector<std::int64_t>{b.rowid});
}

TEST_CASE("counts agree with the ids of every tab") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    for (State s : core::k_all_states) {
        walk_to(f, file(f).number, s);
        file(f, test::sample_complaint(), test::frontdesk("S002"));
    }
    for (core::Millis now : {k_now, k_now + 2 * core::k_day, k_now + 400 * core::k_day}) {
        auto counts = queue.counts("S001", now);
        REQUIRE(counts);
        for (QueueTab t : core::k_all_tabs) {
            INFO("tab ", to_string(t));
            CHECK((*counts)[static_cast<std::size_t>(t)] ==
                  static_cast<std::int64_t>(ids(queue, tab(t), now).size()));
        }
    }
    auto nobody = queue.counts("", k_now);
    REQUIRE(nobody);
    CHECK((*nobody)[static_cast<std::size_t>(QueueTab::mine)] == 0);
}

TEST_CASE("mine: the assignee's, or the receiver's while nobody is assigned") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto kiosk = file(f, test::sample_complaint(), test::as(core::Role::kiosk, "kiosk"));
    auto by_s2 = file(f, test::sample_complaint(), test::frontdesk("S002"));
    auto own = file(f);
    CHECK(as_set(ids(queue, tab(QueueTab::mine))) == std::set<std::int64_t>{own.rowid});
    // S001 answers the kiosk ticket first and S002's own ticket: both become theirs.
    act(f, kiosk.number, Step::acknowledge, test::frontdesk("S001"));
    act(f, by_s2.number, Step::acknowledge, test::frontdesk("S001"));
    CHECK(as_set(ids(queue, tab(QueueTab::mine))) ==
          std::set<std::int64_t>{own.rowid, kiosk.rowid, by_s2.rowid});
    QueueFilter s2 = tab(QueueTab::mine);
    s2.staff_id = "S002";
    CHECK(ids(queue, s2).empty());
    QueueFilter nobody = tab(QueueTab::mine);
    nobody.staff_id.clear();
    CHECK(ids(queue, nobody).empty());
    // A closed ticket leaves mine.
    walk_to(f, file(f).number, State::closed);
    CHECK(ids(queue, tab(QueueTab::mine)).size() == 3);
}

TEST_CASE("overdue follows the running deadline: first response, then the ticket deadline") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    core::NewTicket n = test::sample_complaint();
    n.first_response_due = k_now + core::k_hour;
    n.due_at = k_now + 3 * core::k_day; // a suggestion's longer deadline
    auto t = file(f, n);
    CHECK(ids(queue, tab(QueueTab::overdue), k_now + 30 * core::k_minute).empty());
    CHECK(ids(queue, tab(QueueTab::overdue), k_now + 2 * core::k_hour) ==
          std::vector<std::int64_t>{t.rowid});
    act(f, t.number, Step::acknowledge, test::frontdesk());
    CHECK(ids(queue, tab(QueueTab::overdue), k_now + 2 * core::k_hour).empty());
    CHECK(ids(queue, tab(QueueTab::overdue), k_now + 4 * core::k_day) ==
          std::vector<std::int64_t>{t.rowid});
}

TEST_CASE("sorts: deadline, newest, oldest, priority; closed by when they closed") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto make = [&](core::Millis due, core::Priority p) {
        core::NewTicket n = test::sample_complaint();
        n.first_response_due = due;
        n.due_at = due;
        n.priority = p;
        auto t = file(f, n);
        f.clock.advance(core::k_minute);
        return t.rowid;
    };
    using core::Priority;
    const auto a = make(k_now + 5 * core::k_hour, Priority::normal);
    const auto b = make(k_now + 1 * core::k_hour, Priority::urgent);
    const auto c = make(k_now + 3 * core::k_hour, Priority::important);
    const auto d = make(0, Priority::urgent); // no deadline: last in deadline order
    const auto e = make(k_now + 1 * core::k_hour, Priority::normal); // ties with b: rowid
    CHECK(ids(queue, tab(QueueTab::fresh)) == std::vector<std::int64_t>{b, e, c, a, d});
    CHECK(ids(queue, tab(QueueTab::fresh, QueueSort::newest)) ==
          std::vector<std::int64_t>{e, d, c, b, a});
    CHECK(ids(queue, tab(QueueTab::fresh, QueueSort::oldest)) ==
          std::vector<std::int64_t>{a, b, c, d, e});
    CHECK(ids(queue, tab(QueueTab::fresh, QueueSort::priority)) ==
          std::vector<std::int64_t>{b, d, c, e, a});

    auto first = file(f);
    auto second = file(f);
    walk_to(f, second.number, State::closed);
    f.clock.advance(core::k_hour);
    walk_to(f, first.number, State::closed);
    CHECK(ids(queue, tab(QueueTab::closed)) ==
          std::vector<std::int64_t>{first.rowid, second.rowid});
}

TEST_CASE("filters: request type, priority and a category with its children") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto make = [&](core::RequestType type, core::Priority p, std::string category) {
        core::NewTicket n = test::sample_complaint();
        n.request_type = type;
        n.priority = p;
        n.category = std::move(category);
        return file(f, n).rowid;
    };
    using core::Priority;
    using core::RequestType;
    const auto billing = make(RequestType::complaint, Priority::normal, "billing");
    const auto child = make(RequestType::complaint, Priority::urgent, "billing.overcharge");
    const auto other = make(RequestType::suggestion, Priority::urgent, "billing_old");
    const auto service = make(RequestType::suggestion, Priority::normal, "service.attitude");

    QueueFilter cat = tab(QueueTab::fresh, QueueSort::oldest);
    cat.category = "billing";
    CHECK(ids(queue, cat) == std::vector<std::int64_t>{billing, child});
    cat.category = "billing.overcharge";
    CHECK(ids(queue, cat) == std::vector<std::int64_t>{child});
    QueueFilter type = tab(QueueTab::fresh, QueueSort::oldest);
    type.type = RequestType::suggestion;
    CHECK(ids(queue, type) == std::vector<std::int64_t>{other, service});
    QueueFilter urgent = tab(QueueTab::fresh, QueueSort::oldest);
    urgent.priority = Priority::urgent;
    CHECK(ids(queue, urgent) == std::vector<std::int64_t>{child, other});
    urgent.type = RequestType::complaint;
    urgent.category = "billing";
    CHECK(ids(queue, urgent) == std::vector<std::int64_t>{child});
}

TEST_CASE("rows come in the order asked, masked, and skip ids that are gone") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto a = file(f);
    core::NewTicket by_email = test::sample_complaint();
    by_email.customer = core::Customer{};
    by_email.customer.email = "alice@example.com";
    auto b = file(f, by_email);
    core::NewTicket nobody = test::sample_complaint();
    nobody.customer = core::Customer{};
    auto c = file(f, nobody);
    const std::int64_t wanted[] = {c.rowid, 999'999, a.rowid, b.rowid};
    auto rows = queue.rows(wanted);
    REQUIRE(rows);
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0].rowid == c.rowid);
    CHECK((*rows)[0].customer_masked.empty());
    CHECK((*rows)[1].number == a.number);
    CHECK((*rows)[1].customer_masked == "张* 138****8000");
    CHECK((*rows)[2].customer_masked == "a****@example.com");
    const auto& r = (*rows)[1];
    CHECK(r.type == core::RequestType::complaint);
    CHECK(r.category == "billing");
    CHECK(r.state == State::received);
    CHECK(r.received_at == k_now);
    CHECK(r.sla_start == k_now);
    CHECK(r.sla_due == test::sample_complaint().first_response_due);
    CHECK(r.assignee.empty());
    // The same row from a loaded ticket (search results).
    auto t = f.store->get(a.number);
    REQUIRE(t);
    auto same = core::queue_row(*t, a.rowid);
    CHECK(same.customer_masked == r.customer_masked);
    CHECK(same.sla_due == r.sla_due);
    CHECK(same.sla_start == r.sla_start);
}

TEST_CASE("the second round's deadline runs from the unsatisfied answer") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto t = file(f);
    f.clock.advance(2 * core::k_day);
    walk_to(f, t.number, State::second_round);
    const std::int64_t one[] = {t.rowid};
    auto rows = queue.rows(one);
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].sla_start == f.clock.now());
    CHECK((*rows)[0].sla_due == f.clock.now() + core::k_day);
    auto loaded = f.store->get(t.number);
    REQUIRE(loaded);
    CHECK(loaded->deadline_started_at == f.clock.now());
    // Closed tickets have no running deadline.
    walk_to(f, file(f).number, State::closed);
    auto closed = queue.rows(ids(queue, tab(QueueTab::closed)));
    REQUIRE(closed);
    CHECK_FALSE(closed->front().sla_due);
}

TEST_CASE("data_version changes when this or another connection commits") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    auto v0 = queue.data_version();
    REQUIRE(v0);
    CHECK(*queue.data_version() == *v0);
    auto other = f.open_again();
    REQUIRE(other.file(test::sample_complaint(), test::frontdesk()));
    auto v1 = queue.data_version();
    REQUIRE(v1);
    CHECK(*v1 != *v0);
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    auto v2 = queue.data_version();
    REQUIRE(v2);
    CHECK(*v2 != *v1);
    CHECK(*queue.data_version() == *v2);
}

namespace {

void exec(sqlite3* h, const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql, nullptr, nullptr, &err);
    const std::string what = std::string(sql) + ": " + (err != nullptr ? err : "");
    sqlite3_free(err);
    INFO(what);
    CHECK(rc == SQLITE_OK);
}

} // namespace

TEST_CASE("migration 4 fills the queue columns of tickets filed at schema 3") {
    StoreFixture f;
    auto received = file(f);
    auto kiosk = file(f, test::sample_complaint(), test::as(core::Role::kiosk, "kiosk"));
    act(f, kiosk.number, Step::acknowledge, test::frontdesk("S007"));
    auto second = file(f);
    f.clock.advance(core::k_day);
    walk_to(f, second.number, State::second_round);
    const core::Millis second_round_at = f.clock.now();
    auto closed = file(f);
    walk_to(f, closed.number, State::closed);
    f.store.reset();

    // Back to schema 3: what migration 4 adds goes, and bodies lose the new field.
    const auto path = f.dir.path() / "data" / core::TicketStore::k_database_file;
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
    for (const char* index :
         {"tickets_queue_due", "tickets_queue_received", "tickets_queue_priority",
          "tickets_queue_filter", "tickets_open_due", "tickets_open_owner", "tickets_closed_at",
          "tickets_contact_due", "tickets_queue_escalated"}) {
        exec(h, ("DROP INDEX " + std::string(index)).c_str());
    }
    for (const char* column :
         {"queue_tab", "queue_key", "queue_owner", "priority_rank", "receiver", "assignee",
          "deadline_started_at", "contact_due", "queue_escalated"}) {
        exec(h, ("ALTER TABLE tickets DROP COLUMN " + std::string(column)).c_str());
    }
    exec(h, "UPDATE tickets SET body = json_remove(body, '$.deadline_started_at')");
    exec(h, "PRAGMA user_version = 3");
    sqlite3_close(h);

    f.store.emplace(f.open_again());
    core::TicketQueue queue(*f.store);
    CHECK(ids(queue, tab(QueueTab::fresh)) == std::vector<std::int64_t>{received.rowid});
    CHECK(ids(queue, tab(QueueTab::closed)) == std::vector<std::int64_t>{closed.rowid});
    QueueFilter s7 = tab(QueueTab::mine);
    s7.staff_id = "S007";
    CHECK(ids(queue, s7) == std::vector<std::int64_t>{kiosk.rowid});
    CHECK(as_set(ids(queue, tab(QueueTab::mine))) ==
          std::set<std::int64_t>{received.rowid, second.rowid});
    const std::int64_t one[] = {second.rowid};
    auto rows = queue.rows(one);
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].sla_start == second_round_at);
    auto loaded = f.store->get(second.number);
    REQUIRE(loaded);
    CHECK(loaded->deadline_started_at == second_round_at);
}

TEST_CASE("migration 5 adds the contact clock; tickets filed before it have none") {
    StoreFixture f;
    auto before = file(f);
    f.store.reset();
    const auto path = f.dir.path() / "data" / core::TicketStore::k_database_file;
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
    exec(h, "DROP INDEX tickets_contact_due");
    exec(h, "DROP INDEX tickets_queue_escalated");
    exec(h, "ALTER TABLE tickets DROP COLUMN contact_due");
    exec(h, "ALTER TABLE tickets DROP COLUMN queue_escalated");
    exec(h, "UPDATE tickets SET body = json_remove(body, '$.contact_due')");
    exec(h, "PRAGMA user_version = 4");
    sqlite3_close(h);

    f.store.emplace(f.open_again());
    auto loaded = f.store->get(before.number);
    REQUIRE(loaded);
    CHECK(loaded->contact_due == 0);
    core::TicketQueue queue(*f.store);
    CHECK(ids(queue, tab(QueueTab::fresh)) == std::vector<std::int64_t>{before.rowid});
    core::NewTicket late = test::sample_complaint();
    late.contact_due = f.clock.now() - 1;
    auto filed = f.store->file(late, test::frontdesk());
    REQUIRE(filed);
    core::ListQuery overdue;
    overdue.overdue_only = true;
    auto list = f.store->list(overdue);
    REQUIRE(list);
    REQUIRE(list->size() == 1);
    CHECK(list->front().number == filed->number);
}

TEST_CASE(
    "migration 6 puts the open 重大 and 外宣传型 tickets filed before it in the escalated tab") {
    StoreFixture f;
    core::NewTicket major = test::sample_complaint();
    major.severity = core::Severity::major;
    core::NewTicket media = test::sample_complaint();
    media.special_type = core::SpecialType::media_exposure;
    const Filed a = file(f, major);
    const Filed b = file(f, media);
    const Filed closed = file(f, major);
    walk_to(f, closed.number, State::closed);
    file(f);
    f.store.reset();
    const auto path = f.dir.path() / "data" / core::TicketStore::k_database_file;
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
    exec(h, "DROP INDEX tickets_queue_escalated");
    exec(h, "ALTER TABLE tickets DROP COLUMN queue_escalated");
    exec(h, "UPDATE tickets SET body = json_remove(body, '$.checklist')");
    exec(h, "PRAGMA user_version = 5");
    sqlite3_close(h);

    f.store.emplace(f.open_again());
    core::TicketQueue queue(*f.store);
    CHECK(as_set(ids(queue, tab(QueueTab::escalated))) == std::set<std::int64_t>{a.rowid, b.rowid});
    auto loaded = f.store->get(a.number);
    REQUIRE(loaded);
    CHECK(loaded->checklist.empty());
}

TEST_CASE("every tab, sort and filter combination runs") {
    StoreFixture f;
    core::TicketQueue queue(*f.store);
    for (State s : core::k_all_states) {
        walk_to(f, file(f).number, s);
    }
    for (QueueTab t : core::k_all_tabs) {
        for (QueueSort sort :
             {QueueSort::deadline, QueueSort::newest, QueueSort::oldest, QueueSort::priority}) {
            for (int filters = 0; filters < 8; ++filters) {
                QueueFilter filter = tab(t, sort);
                if ((filters & 1) != 0) {
                    filter.type = core::RequestType::complaint;
                }
                if ((filters & 2) != 0) {
                    filter.priority = core::Priority::normal;
                }
                if ((filters & 4) != 0) {
                    filter.category = "billing";
                }
                INFO("tab ", to_string(t), " sort ", to_string(sort), " filters ", filters);
                auto r = queue.ids(filter, k_now + 400 * core::k_day);
                REQUIRE(r);
                CHECK(r->size() == ids(queue, tab(t, sort), k_now + 400 * core::k_day).size());
            }
        }
    }
}
