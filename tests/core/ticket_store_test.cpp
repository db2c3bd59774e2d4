#include "core/store_schema.h"
#include "core/ticket_number.h"
#include "core/ticket_store.h"
#include "core/uuid.h"
#include "tests/support/faulty_vfs.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <thread>

using namespace cf;
using cf::test::StoreFixture;

namespace {

std::int64_t scalar(const std::filesystem::path& db, const char* sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    std::int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

std::string text_scalar(const std::filesystem::path& db, const char* sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

} // namespace

TEST_CASE("init creates a 0700 data directory with a 0600 key file outside the database") {
    StoreFixture f;
    struct stat st {};
    REQUIRE(stat((f.dir / "data").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(stat((f.dir / "data" / "counterfoil.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(f.store->identity().device_id() == "SZ01/K1");
}

TEST_CASE("init refuses a directory that already holds data and bad branch codes") {
    StoreFixture f;
    core::InitOptions again;
    again.branch = "SZ01";
    again.terminal = "K2";
    auto r = core::TicketStore::init(f.dir / "data", again);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("already holds") != std::string::npos);

    core::InitOptions bad;
    bad.branch = "sz-01!";
    bad.terminal = "K1";
    auto b = core::TicketStore::init(f.dir / "other", bad);
    REQUIRE_FALSE(b);
    CHECK(b.error().code == core::ErrorCode::invalid_input);
    CHECK(b.error().message.find("branch code") != std::string::npos);
}

TEST_CASE("opening a directory without data says to run init") {
    test::TempDir dir;
    core::SystemClock clock;
    auto s = core::TicketStore::open(dir.path(), clock);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == core::ErrorCode::storage);
    CHECK(s.error().message.find("init") != std::string::npos);
}

TEST_CASE("filing gives a valid number with branch, local date, terminal and sequence") {
    StoreFixture f;
    auto a = f.store->file(test::sample_complaint(), test::frontdesk());
    auto b = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(a);
    REQUIRE(b);
    auto pa = core::parse_ticket_number(a->number);
    REQUIRE(pa);
    CHECK(pa->branch == "SZ01");
    CHECK(pa->terminal == "K1");
    CHECK(pa->year == 2026);
    CHECK(pa->month == 11);
    CHECK(pa->day == 23);
    CHECK(pa->sequence == 1);
    CHECK(core::parse_ticket_number(b->number)->sequence == 2);
    CHECK(a->state == core::State::received);
    CHECK(a->receiver == "S001");
}

TEST_CASE("the number's date is the branch's local date, not UTC") {
    StoreFixture f;
    // 2026-11-23 23:30 UTC is already 2026-11-24 07:30 in Shenzhen.
    f.clock.set(test::k_monday_10am + 21 * core::k_hour + 30 * core::k_minute);
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    CHECK(core::parse_ticket_number(t->number)->day == 24);
    CHECK(core::parse_ticket_number(t->number)->sequence == 1);
}

TEST_CASE("a filed ticket reads back with every field and its customer data") {
    StoreFixture f;
    core::NewTicket n = test::sample_complaint();
    n.customer.email = "zhang@example.com";
    n.customer.order_no = "ORD-778899";
    n.remedies = {"refund", "apology"};
    n.evidence = {"bill-2026-10.pdf"};
    n.tried_before = true;
    n.tried_how = "called the hotline";
    n.occurred_at = test::k_monday_10am - 30 * core::k_day;
    auto filed = f.store->file(n, test::frontdesk());
    REQUIRE(filed);
    auto back = f.store->get(filed->number);
    REQUIRE(back);
    CHECK(back->customer == n.customer);
    CHECK(back->description == n.description);
    CHECK(back->remedies == n.remedies);
    CHECK(back->evidence == n.evidence);
    CHECK(back->tried_before);
    CHECK(back->tried_how == n.tried_how);
    CHECK(back->occurred_at == n.occurred_at);
    CHECK(back->emotion == core::Emotion::anxious);
    CHECK(back->first_response_due == n.first_response_due);
}

TEST_CASE("get accepts a number typed in lower case with spaces") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    std::string typed = t->number;
    for (auto& c : typed) {
        c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto back = f.store->get(typed);
    REQUIRE(back);
    CHECK(back->number == t->number);
}

TEST_CASE("get of an unknown or mistyped number names it") {
    StoreFixture f;
    auto missing = f.store->get("SZ01-261123-K1-0001" +
                                std::string(1, core::number_check_character("SZ01261123K10001")));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::ErrorCode::not_found);
    auto typo = f.store->get("SZ01-261123-K1-00011");
    if (!typo) {
        CHECK(typo.error().message.find("SZ01-261123-K1-0001") != std::string::npos);
    }
}

TEST_CASE("filing without a description or by a center role writes nothing") {
    StoreFixture f;
    core::NewTicket n = test::sample_complaint();
    n.description.clear();
    auto r = f.store->file(n, test::frontdesk());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("description") != std::string::npos);
    auto c = f.store->file(test::sample_complaint(), test::as(core::Role::reviewer));
    REQUIRE_FALSE(c);
    CHECK(*f.store->count({}) == 0);
    CHECK(*f.store->outbox_size() == 0);
}

TEST_CASE("filing appends a create event to the log and the outbox") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    auto events = f.store->events(t->id);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    const auto& e = events->front();
    CHECK(e.kind == "create");
    CHECK(e.origin_device == "SZ01/K1");
    CHECK(e.device_seq == 1);
    CHECK(e.actor == "S001");
    CHECK(core::valid_uuid(e.id));
    CHECK(core::hlc_physical(e.hlc) == test::k_monday_10am);
    CHECK(e.payload.at("ticket").at("number") == t->number);
    CHECK_FALSE(e.payload.at("ticket").contains("customer"));
    CHECK(e.payload.at("customer_sealed").contains("phone"));
    CHECK(*f.store->outbox_size() == 1);
}

TEST_CASE("a step changes the projection and logs an event in the same transaction") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    f.clock.advance(10 * core::k_minute);
    auto acked = f.store->act(t->number, core::Step::acknowledge, test::frontdesk(), {});
    REQUIRE(acked);
    CHECK(acked->state == core::State::acknowledged);
    CHECK(acked->acknowledged_at == test::k_monday_10am + 10 * core::k_minute);
    auto back = f.store->get(t->number);
    CHECK(back->state == core::State::acknowledged);
    auto events = f.store->events(t->id);
    REQUIRE(events->size() == 2);
    CHECK(events->at(1).kind == "acknowledge");
    CHECK(events->at(1).device_seq == 2);
    CHECK(events->at(1).hlc > events->at(0).hlc);
}

TEST_CASE("a rejected step changes nothing and names step, state and reason") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    auto r = f.store->act(t->number, core::Step::close, test::frontdesk(), {});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == core::ErrorCode::rejected_step);
    CHECK(r.error().message.find("'close'") != std::string::npos);
    CHECK(r.error().message.find("'received'") != std::string::npos);
    CHECK(f.store->get(t->number)->state == core::State::received);
    CHECK(f.store->events(t->id)->size() == 1);
    CHECK(*f.store->outbox_size() == 1);
}

TEST_CASE("events cannot be edited or deleted") {
    StoreFixture f;
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    auto& db = f.store->database();
    auto upd = db.exec("UPDATE events SET actor = 'mallory'");
    REQUIRE_FALSE(upd);
    CHECK(upd.error().message.find("append-only") != std::string::npos);
    CHECK_FALSE(db.exec("DELETE FROM events"));
}

TEST_CASE("acknowledging the outbox drops events up to the acknowledged sequence only") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(f.store->act(t->number, core::Step::acknowledge, test::frontdesk(), {}));
    REQUIRE(
        f.store->act(t->number, core::Step::note, test::frontdesk(), {{"text", "called back"}}));
    CHECK(*f.store->outbox_size() == 3);
    REQUIRE(f.store->acknowledge_outbox(2));
    auto left = f.store->outbox(10);
    REQUIRE(left);
    REQUIRE(left->size() == 1);
    CHECK(left->front().device_seq == 3);
    CHECK(left->front().kind == "note");
    REQUIRE(f.store->acknowledge_outbox(1)); // an older acknowledgement does not go back
    CHECK(*f.store->outbox_size() == 1);
    REQUIRE(f.store->acknowledge_outbox(99)); // nor beyond what was written
    CHECK(*f.store->outbox_size() == 0);
    REQUIRE(f.store->act(t->number, core::Step::note, test::frontdesk(), {{"text", "again"}}));
    CHECK(*f.store->outbox_size() == 1);
}

TEST_CASE("the next number ignores another terminal whose id starts the same") {
    StoreFixture f;
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    // A ticket of terminal K12 of the same branch and day, as sync will bring one.
    auto k12 = core::format_ticket_number({"SZ01", 2026, 11, 23, "K12", 5});
    REQUIRE(k12);
    auto insert = f.store->database().query(
        "INSERT INTO tickets(id, number, branch, state, request_type, category, severity, "
        "priority, channel, satisfaction, received_at, updated_at, first_response_due, due_at, "
        "body) VALUES ('x', ?1, 'SZ01', 'received', 'complaint', 'other', 'general', 'normal', "
        "'kiosk', 'none', 0, 0, 0, 0, '{}')");
    REQUIRE(insert);
    REQUIRE(insert->bind(1, *k12).run());
    auto next = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(next);
    CHECK(core::parse_ticket_number(next->number)->sequence == 2);
    CHECK(core::parse_ticket_number(next->number)->terminal == "K1");
}

TEST_CASE("search finds a Chinese substring of three characters") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    core::NewTicket other = test::sample_complaint();
    other.description = "营业厅排队等了一个多小时";
    other.customer.phone = "13900139000";
    REQUIRE(f.store->file(other, test::frontdesk()));
    auto hits = f.store->search("多扣了");
    REQUIRE(hits);
    REQUIRE(hits->size() == 1);
    CHECK(hits->front().number == t->number);
    CHECK(f.store->search("排队等")->size() == 1);
    CHECK(f.store->search("不存在的")->empty());
}

TEST_CASE(
    "search finds Traditional and English text, case-insensitively, and two-character words") {
    StoreFixture f;
    core::NewTicket n = test::sample_complaint();
    n.description = "帳單多扣了 Overcharged twice";
    REQUIRE(f.store->file(n, test::frontdesk()));
    CHECK(f.store->search("帳單多")->size() == 1);
    CHECK(f.store->search("overcharged")->size() == 1);
    CHECK(f.store->search("帳單")->size() == 1);
}

TEST_CASE("search text with quotes or operators is taken literally") {
    StoreFixture f;
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    auto r = f.store->search("\"50元 OR NOT");
    REQUIRE(r);
    CHECK(r->empty());
    auto like = f.store->search("%_");
    REQUIRE(like);
    CHECK(like->empty());
}

TEST_CASE("search and lookup by ticket number and by phone in any format") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    CHECK(f.store->search(t->number)->size() == 1);
    CHECK(f.store->find_by_phone("+86 138-0013-8000")->size() == 1);
    CHECK(f.store->search("13800138000")->size() == 1);
    CHECK(f.store->find_by_phone("13900139000")->empty());
}

TEST_CASE("notes are searchable after they are added") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(f.store->act(t->number, core::Step::note, test::frontdesk(),
                         {{"text", "客户要求书面道歉函"}}));
    CHECK(f.store->search("书面道歉")->size() == 1);
}

TEST_CASE("list filters by status and overdue, newest first") {
    StoreFixture f;
    auto a = f.store->file(test::sample_complaint(), test::frontdesk());
    f.clock.advance(core::k_minute);
    auto b = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(f.store->act(b->number, core::Step::acknowledge, test::frontdesk(), {}));
    auto all = f.store->list({});
    REQUIRE(all->size() == 2);
    CHECK(all->front().number == b->number);
    core::ListQuery received;
    received.state = core::State::received;
    REQUIRE(f.store->list(received)->size() == 1);
    CHECK(f.store->list(received)->front().number == a->number);

    core::ListQuery overdue;
    overdue.overdue_only = true;
    CHECK(f.store->list(overdue)->empty());
    f.clock.advance(25 * core::k_hour); // a's first response is now late; b was answered
    auto late = f.store->list(overdue);
    REQUIRE(late->size() == 1);
    CHECK(late->front().number == a->number);
    CHECK(*f.store->count(overdue) == 1);
}

TEST_CASE("statistics count by type, category, priority and satisfaction") {
    StoreFixture f;
    auto a = f.store->file(test::sample_complaint(), test::frontdesk());
    core::NewTicket s = test::sample_complaint();
    s.request_type = core::RequestType::suggestion;
    s.category = "process_experience";
    s.priority = core::Priority::important;
    auto b = f.store->file(s, test::frontdesk());
    f.clock.advance(30 * core::k_minute);
    REQUIRE(f.store->act(a->number, core::Step::acknowledge, test::frontdesk(), {}));
    f.clock.advance(90 * core::k_minute);
    REQUIRE(f.store->act(a->number, core::Step::resolve, test::frontdesk(),
                         {{"resolution", "refunded 50 yuan"}}));
    REQUIRE(f.store->act(a->number, core::Step::satisfaction, test::frontdesk(),
                         {{"level", "satisfied"}}));
    f.clock.advance(48 * core::k_hour); // b's first response is now late
    auto st = f.store->stats(test::k_monday_10am - core::k_day, test::k_monday_10am + core::k_day);
    REQUIRE(st);
    CHECK(st->total == 2);
    CHECK(st->by_type.size() == 2);
    CHECK(st->by_category.front().count == 1);
    CHECK(st->top_categories.size() == 2);
    CHECK(st->resolved == 1);
    REQUIRE(st->average_handling_hours);
    CHECK(*st->average_handling_hours == doctest::Approx(2.0));
    CHECK(st->first_response_met == 1);
    CHECK(st->first_response_counted == 2);
    CHECK(*st->first_response_compliance == doctest::Approx(0.5));
    REQUIRE(st->satisfaction.size() == 1);
    CHECK(st->satisfaction.front().key == "satisfied");
    auto empty = f.store->stats(test::k_monday_10am + 10 * core::k_day,
                                test::k_monday_10am + 11 * core::k_day);
    CHECK(empty->total == 0);
    CHECK_FALSE(empty->average_handling_hours);
    CHECK_FALSE(f.store->stats(10, 5));
}

TEST_CASE("two connections file at the same time without losing or repeating a number") {
    StoreFixture f;
    auto second = f.open_again();
    constexpr int k_each = 40;
    std::vector<std::string> numbers_a, numbers_b;
    auto worker = [](core::TicketStore& s, std::vector<std::string>& out) {
        for (int i = 0; i < k_each; ++i) {
            auto t = s.file(test::sample_complaint(), test::frontdesk());
            REQUIRE(t);
            out.push_back(t->number);
        }
    };
    std::thread ta([&] { worker(*f.store, numbers_a); });
    std::thread tb([&] { worker(second, numbers_b); });
    ta.join();
    tb.join();
    std::set<std::string> all(numbers_a.begin(), numbers_a.end());
    all.insert(numbers_b.begin(), numbers_b.end());
    CHECK(all.size() == 2 * k_each);
    CHECK(*f.store->count({}) == 2 * k_each);
    auto outbox = f.store->outbox(1000);
    REQUIRE(outbox->size() == 2 * k_each);
    for (std::size_t i = 0; i < outbox->size(); ++i) {
        CHECK(outbox->at(i).device_seq == static_cast<std::int64_t>(i + 1));
    }
}

TEST_CASE("a connection sees tickets another connection committed") {
    StoreFixture f;
    auto reader = f.open_again();
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    CHECK(reader.get(t->number));
}

TEST_CASE("the phone number and the name never appear in plain text under the data directory") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(f.store->act(t->number, core::Step::note, test::frontdesk(), {{"text", "回电"}}));
    auto scan = [&] {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(f.dir / "data")) {
            std::string bytes = test::read_file_bytes(entry.path());
            INFO(entry.path().string());
            CHECK(bytes.find("13800138000") == std::string::npos);
            CHECK(bytes.find("张三") == std::string::npos);
            CHECK(bytes.find("8000138") == std::string::npos);
        }
    };
    scan(); // data still in the write-ahead log
    REQUIRE(f.store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    scan(); // data in the main database file
}

TEST_CASE("a database from a newer version is refused with a clear error") {
    StoreFixture f;
    f.store.reset();
    {
        sqlite3* h = nullptr;
        sqlite3_open((f.dir / "data" / "counterfoil.db").c_str(), &h);
        sqlite3_exec(h, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(h);
    }
    auto s = core::TicketStore::open(f.dir / "data", f.clock);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == core::ErrorCode::newer_schema);
    CHECK(s.error().message.find("99") != std::string::npos);
    CHECK(s.error().message.find("newer") != std::string::npos);
}

TEST_CASE("a corrupt database file is refused with a clear error") {
    StoreFixture f;
    f.store.reset();
    auto db = f.dir / "data" / "counterfoil.db";
    std::filesystem::remove(f.dir / "data" / "counterfoil.db-wal");
    std::filesystem::remove(f.dir / "data" / "counterfoil.db-shm");
    {
        std::ofstream out(db, std::ios::binary | std::ios::trunc);
        out << std::string(8192, 'x');
    }
    auto s = core::TicketStore::open(f.dir / "data", f.clock);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == core::ErrorCode::corrupt);
    CHECK(s.error().message.find("counterfoil.db") != std::string::npos);
}

TEST_CASE("a missing or world-readable key file is refused") {
    StoreFixture f;
    f.store.reset();
    auto key = f.dir / "data" / "counterfoil.key";
    ::chmod(key.c_str(), 0644);
    auto loose = core::TicketStore::open(f.dir / "data", f.clock);
    REQUIRE_FALSE(loose);
    CHECK(loose.error().code == core::ErrorCode::key);
    std::filesystem::remove(key);
    auto missing = core::TicketStore::open(f.dir / "data", f.clock);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::ErrorCode::key);
}

TEST_CASE("migrations bring an empty database to the latest version, once") {
    test::TempDir dir;
    core::OpenOptions create;
    create.create = true;
    auto db = core::Database::open(dir / "m.db", create);
    REQUIRE(db);
    CHECK(*core::schema_version(*db) == 0);
    REQUIRE(core::migrate(*db));
    CHECK(*core::schema_version(*db) == core::latest_schema_version());
    REQUIRE(core::migrate(*db)); // a second run changes nothing
    CHECK(*core::schema_version(*db) == core::latest_schema_version());
    CHECK(db->exec("SELECT * FROM tickets, events, ticket_text, meta"));
}

TEST_CASE("the store runs with WAL, synchronous=FULL and foreign keys on") {
    StoreFixture f;
    auto& db = f.store->database();
    auto mode = db.query("PRAGMA journal_mode");
    REQUIRE(mode->step());
    CHECK(mode->text(0) == "wal");
    auto sync = db.query("PRAGMA synchronous");
    REQUIRE(sync->step());
    CHECK(sync->int64(0) == 2); // FULL
    auto fk = db.query("PRAGMA foreign_keys");
    REQUIRE(fk->step());
    CHECK(fk->int64(0) == 1);
}

TEST_CASE("a full disk fails the filing cleanly and the next filing works") {
    StoreFixture f;
    core::OpenOptions faulty;
    faulty.vfs = test::k_faulty_vfs;
    test::set_vfs_fault(test::Fault::none);
    f.store.reset();
    auto store = f.open_again(faulty);
    auto first = store.file(test::sample_complaint(), test::frontdesk());
    REQUIRE(first);

    test::set_vfs_fault(test::Fault::disk_full);
    auto failed = store.file(test::sample_complaint(), test::frontdesk());
    test::set_vfs_fault(test::Fault::none);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == core::ErrorCode::disk_full);
    CHECK(failed.error().message.find("disk is full") != std::string::npos);

    auto next = store.file(test::sample_complaint(), test::frontdesk());
    REQUIRE(next);
    CHECK(core::parse_ticket_number(next->number)->sequence == 2);
    CHECK(*store.count({}) == 2);
    CHECK(*store.outbox_size() == 2);
    auto db = f.dir / "data" / "counterfoil.db";
    CHECK(text_scalar(db, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a full disk fails a step cleanly") {
    StoreFixture f;
    core::OpenOptions faulty;
    faulty.vfs = test::k_faulty_vfs;
    test::set_vfs_fault(test::Fault::none);
    f.store.reset();
    auto store = f.open_again(faulty);
    auto t = store.file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    test::set_vfs_fault(test::Fault::disk_full);
    auto r = store.act(t->number, core::Step::acknowledge, test::frontdesk(), {});
    test::set_vfs_fault(test::Fault::none);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == core::ErrorCode::disk_full);
    CHECK(store.get(t->number)->state == core::State::received);
    CHECK(store.events(t->id)->size() == 1);
}

TEST_CASE("a read-only disk is refused at open with a clear error") {
    StoreFixture f;
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    f.store.reset();
    core::OpenOptions faulty;
    faulty.vfs = test::k_faulty_vfs;
    test::set_vfs_fault(test::Fault::read_only);
    auto s = core::TicketStore::open(f.dir / "data", f.clock, faulty);
    test::set_vfs_fault(test::Fault::none);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == core::ErrorCode::read_only);
    CHECK(s.error().message.find("read-only") != std::string::npos);
    auto db = f.dir / "data" / "counterfoil.db";
    CHECK(scalar(db, "SELECT count(*) FROM tickets") == 1);
}

TEST_CASE("a note added after the ticket was indexed is searchable at once") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(f.store->search("多扣了")->size() == 1); // indexes the ticket
    REQUIRE(
        f.store->act(t->number, core::Step::note, test::frontdesk(), {{"text", "已安排上门核实"}}));
    CHECK(f.store->search("上门核实")->size() == 1);
    CHECK(f.store->search("多扣了")->size() == 1); // the description is still there
}

TEST_CASE("the search index catches up with every ticket filed since the last search") {
    StoreFixture f;
    for (int i = 0; i < 5; ++i) {
        REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    }
    auto indexed = f.store->catch_up_search_index();
    REQUIRE(indexed);
    CHECK(*indexed == 5);
    CHECK(*f.store->catch_up_search_index() == 0);
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    CHECK(f.store->search("多扣了")->size() == 6);
}

TEST_CASE("event timestamps keep increasing when the wall clock goes back") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    f.clock.advance(-10 * core::k_minute);
    REQUIRE(f.store->act(t->number, core::Step::acknowledge, test::frontdesk(), {}));
    auto events = f.store->events(t->id);
    REQUIRE(events->size() == 2);
    CHECK(events->at(1).hlc > events->at(0).hlc);
}

TEST_CASE("viewing contact data is logged as an event and leaves the ticket row alone") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    const auto db = f.dir.path() / "data" / core::TicketStore::k_database_file;
    const std::string body = text_scalar(db, "SELECT body FROM tickets");
    f.clock.advance(core::k_hour);
    auto seen = f.store->act(t->number, core::Step::view_contact, test::frontdesk("S002"),
                             {{"fields", {"phone"}}});
    REQUIRE(seen);
    CHECK(seen->updated_at == t->updated_at);
    CHECK(text_scalar(db, "SELECT body FROM tickets") == body);
    auto events = f.store->events(t->id);
    REQUIRE(events);
    REQUIRE(events->size() == 2);
    CHECK(events->back().kind == "view_contact");
    CHECK(events->back().actor == "S002");
    CHECK(events->back().payload["fields"] == nlohmann::json::array({"phone"}));
    auto kiosk = f.store->act(t->number, core::Step::view_contact,
                              test::as(core::Role::kiosk, "kiosk"), {{"fields", {"phone"}}});
    REQUIRE_FALSE(kiosk);
    CHECK(kiosk.error().code == core::ErrorCode::rejected_step);
}

TEST_CASE("daily volume has one entry per local day, zero days included") {
    StoreFixture f;
    // Monday 2026-11-23 10:00 +08:00: two tickets; Wednesday 23:30 local (15:30 UTC): one,
    // closed on Thursday 00:30 local.
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    f.clock.set(test::k_monday_10am + 2 * core::k_day + 13 * core::k_hour + 30 * core::k_minute);
    auto late = f.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(late);
    f.clock.advance(core::k_hour);
    REQUIRE(f.store->act(late->number, core::Step::acknowledge, test::frontdesk(), {}));
    REQUIRE(f.store->act(late->number, core::Step::resolve, test::frontdesk(),
                         {{"resolution", "explained"}}));
    REQUIRE(f.store->act(late->number, core::Step::satisfaction, test::frontdesk(),
                         {{"level", "satisfied"}}));
    REQUIRE(f.store->act(late->number, core::Step::close, test::frontdesk(), {}));
    // The week from Monday 00:00 +08:00.
    const core::Millis monday = test::k_monday_10am - 10 * core::k_hour;
    auto week = f.store->daily_volume(monday, monday + 7 * core::k_day, 480);
    REQUIRE(week);
    REQUIRE(week->size() == 7);
    CHECK(week->front().day == core::CivilDate{2026, 11, 23});
    CHECK(week->back().day == core::CivilDate{2026, 11, 29});
    const std::int64_t received[] = {2, 0, 1, 0, 0, 0, 0};
    const std::int64_t closed[] = {0, 0, 0, 1, 0, 0, 0};
    for (std::size_t i = 0; i < 7; ++i) {
        INFO("day ", i);
        CHECK((*week)[i].received == received[i]);
        CHECK((*week)[i].closed == closed[i]);
    }
    // In UTC the late ticket was received and closed on Wednesday.
    auto utc = f.store->daily_volume(monday + 8 * core::k_hour,
                                     monday + 8 * core::k_hour + 7 * core::k_day, 0);
    REQUIRE(utc);
    CHECK((*utc)[2].received == 1);
    CHECK((*utc)[2].closed == 1);
    CHECK_FALSE(f.store->daily_volume(monday, monday, 480));
}
