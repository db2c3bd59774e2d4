// Durable filing rate through the core API, against a raw two-row SQLite transaction with
// synchronous=FULL in the same run, on the same disk. Blocks of the two alternate so that
// disk and machine noise hit both alike.
//
//   filing_bench [--dir PARENT] [--count N] [--block B]
#include "bench/bench_util.h"
#include "core/ticket_store.h"

#include <sqlite3.h>

#include <cstdio>

using namespace cf;

namespace {

core::NewTicket sample() {
    core::NewTicket t;
    t.category = "billing";
    t.description = "上个月的话费账单多扣了50元,要求退还。";
    t.demand = "退还多扣的费用";
    t.customer.name = "张三";
    t.customer.phone = "13800138000";
    t.emotion = core::Emotion::anxious;
    return t;
}

struct Raw {
    sqlite3* db = nullptr;
    sqlite3_stmt* a = nullptr;
    sqlite3_stmt* b = nullptr;

    explicit Raw(const std::filesystem::path& file) {
        sqlite3_open(file.c_str(), &db);
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE a(id INTEGER PRIMARY KEY, body TEXT);"
                     "CREATE TABLE b(id INTEGER PRIMARY KEY, a_id INTEGER, body TEXT);",
                     nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO a(body) VALUES (?1)", -1, &a, nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO b(a_id, body) VALUES (?1, ?2)", -1, &b, nullptr);
    }
    ~Raw() {
        sqlite3_finalize(a);
        sqlite3_finalize(b);
        sqlite3_close(db);
    }
    void insert() {
        static const std::string body(300, 'x');
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(a, 1, body.c_str(), -1, SQLITE_STATIC);
        sqlite3_step(a);
        sqlite3_reset(a);
        sqlite3_bind_int64(b, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(b, 2, body.c_str(), -1, SQLITE_STATIC);
        sqlite3_step(b);
        sqlite3_reset(b);
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "raw commit failed: %s\n", sqlite3_errmsg(db));
            std::exit(1);
        }
    }
};

void report(const char* name, const std::vector<double>& ms, double total_ms) {
    std::printf("%-28s %8.0f /s   p50 %6.2f ms   p99 %6.2f ms   (%zu commits)\n", name,
                static_cast<double>(ms.size()) / (total_ms / 1000.0), bench::percentile(ms, 50),
                bench::percentile(ms, 99), ms.size());
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path parent = bench::arg(argc, argv, "--dir", ".");
    const int count = std::stoi(bench::arg(argc, argv, "--count", "1000"));
    const int block = std::stoi(bench::arg(argc, argv, "--block", "50"));
    bench::ScratchDir scratch(parent);

    Raw raw(scratch.path / "raw.db");
    core::InitOptions init;
    init.branch = "SZ01";
    init.terminal = "B1";
    if (auto r = core::TicketStore::init(scratch.path / "data", init); !r) {
        std::fprintf(stderr, "%s\n", r.error().message.c_str());
        return 1;
    }
    core::SystemClock clock;
    auto store = core::TicketStore::open(scratch.path / "data", clock);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    const core::Actor actor{"S001", core::Role::frontdesk, {}};
    const core::NewTicket ticket = sample();

    std::vector<double> raw_ms, core_ms;
    double raw_total = 0, core_total = 0;
    for (int done = 0; done < count; done += block) {
        for (int i = 0; i < block; ++i) {
            double t0 = bench::now_ms();
            raw.insert();
            double dt = bench::now_ms() - t0;
            raw_ms.push_back(dt);
            raw_total += dt;
        }
        for (int i = 0; i < block; ++i) {
            double t0 = bench::now_ms();
            auto t = store->file(ticket, actor);
            double dt = bench::now_ms() - t0;
            if (!t) {
                std::fprintf(stderr, "filing failed: %s\n", t.error().message.c_str());
                return 1;
            }
            core_ms.push_back(dt);
            core_total += dt;
        }
    }
    std::printf("durable filing, %d commits each, WAL + synchronous=FULL, dir %s\n", count,
                std::filesystem::absolute(parent).c_str());
    report("raw 2-row transaction", raw_ms, raw_total);
    report("core TicketStore::file", core_ms, core_total);
    double ratio = (static_cast<double>(core_ms.size()) / core_total) /
                   (static_cast<double>(raw_ms.size()) / raw_total);
    std::printf("core / raw rate: %.0f%% (target >= 50%%)\n", ratio * 100.0);
    return 0;
}
