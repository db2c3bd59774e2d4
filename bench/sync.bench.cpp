// Sync benchmark against a real counterfoil-center process on loopback, both sides durable
// (WAL, synchronous=FULL). Figures, in one run:
//   push       N queued complaint tickets (about 1 KB each) from one terminal, one sync pass
//              with the client's defaults (batches of 1,000; no gzip on loopback)
//   baseline   the same N event rows inserted straight into an SQLite file with the center's
//              settings, 500 per transaction: what the disk allows without HTTP or checks
//   drain      a backlog of D events from one terminal, one sync pass (target <= 10 s)
//   ingest     T simulated terminals pushing at once, E events each (target >= 20,000/s on 2
//              cores), with the center's peak RSS
//   pull       a second terminal of the branch pulling and applying the N tickets
//   latency    an empty pull round trip (p50, p95)
// Usage: sync_bench [--count N] [--drain D] [--terminals T] [--per-terminal E] [--dir DIR]
// The target is built from sync/CMakeLists.txt (the file is not named *_bench.cpp).
#include "bench/bench_util.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/ticket_store.h"
#include "core/uuid.h"
#include "sync/http_client.h"
#include "sync/messages.h"
#include "sync/sync_client.h"

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace core = cf::core;
namespace sync = cf::sync;
using cf::bench::now_ms;
using nlohmann::json;

// About 300 Chinese characters, as in the PouchDB anchor's documents.
const std::string k_text =
    "本人于上月收到的电费账单金额明显异常，比以往同期高出近三倍，但家中用电习惯并无任何变化。"
    "多次拨打客服热线均无人接听，营业厅工作人员态度冷淡，只让我自行核对电表读数，完全不解决问题。"
    "我认为贵公司存在抄表错误或者重复计费的问题，严重损害了消费者的合法权益，也浪费了我大量的时间和"
    "精力。"
    "现要求贵公司在三个工作日内派人上门核查电表，出具详细的计费明细，并退还多收取的全部费用。";

core::NewTicket ticket(int i) {
    core::NewTicket t;
    t.request_type = core::RequestType::complaint;
    t.category = "billing";
    t.priority = core::Priority::urgent;
    t.description = k_text;
    t.demand = "退还多收取的费用";
    t.customer.name = "张三";
    t.customer.phone = "1380013" + std::to_string(1000 + i % 9000);
    t.receiver = "S001";
    t.first_response_due = core::SystemClock().now() + core::k_hour;
    t.due_at = t.first_response_due;
    return t;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) {
        return out;
    }
    char buf[4096];
    while (fgets(buf, sizeof buf, p) != nullptr) {
        out += buf;
    }
    pclose(p);
    return out;
}

std::string last_line(const std::string& text) {
    auto end = text.find_last_not_of('\n');
    auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1,
                       end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// The center's process id, for the exit handler: a benchmark that fails with std::exit must
// not leave its center running.
pid_t g_center_pid = -1;

void stop_center_at_exit() {
    if (g_center_pid > 0) {
        kill(g_center_pid, SIGTERM);
        waitpid(g_center_pid, nullptr, 0);
        g_center_pid = -1;
    }
}

struct Center {
    fs::path dir;
    pid_t pid = -1;
    std::string url;

    explicit Center(fs::path d) : dir(std::move(d)) {
        run(std::string(COUNTERFOIL_BENCH_CENTER) + " --data " + dir.string() + " init");
        int out[2];
        if (pipe(out) != 0) {
            std::exit(1);
        }
        pid = fork();
        if (pid == 0) {
            dup2(out[1], 1);
            // The request log goes to a file beside the data (its per-request "ms" tells how
            // long the center took); on a terminal it would dominate the run.
            int log = ::open((dir.parent_path() / "center.log").c_str(),
                             O_WRONLY | O_CREAT | O_APPEND, 0600);
            dup2(log, 2);
            close(out[0]);
            execl(COUNTERFOIL_BENCH_CENTER, COUNTERFOIL_BENCH_CENTER, "--data", dir.c_str(),
                  "serve", "--listen", "127.0.0.1:0", nullptr);
            _exit(127);
        }
        close(out[1]);
        g_center_pid = pid;
        std::atexit(stop_center_at_exit);
        std::string line;
        char c = 0;
        while (read(out[0], &c, 1) == 1 && c != '\n') {
            line += c;
        }
        close(out[0]);
        url = line.substr(line.find("http"));
    }
    ~Center() { stop_center_at_exit(); }
    std::string code(const std::string& branch) const {
        return last_line(run(std::string(COUNTERFOIL_BENCH_CENTER) + " --data " + dir.string() +
                             " enroll-code --branch " + branch));
    }
    // User + system CPU seconds the center has used so far.
    double cpu_s() const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
        std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::istringstream fields(stat.substr(stat.rfind(')') + 2));
        std::string skip;
        long utime = 0;
        long stime = 0;
        for (int i = 3; i <= 13; ++i) {
            fields >> skip;
        }
        fields >> utime >> stime;
        return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    long peak_rss_mb() const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/status");
        std::string line;
        while (std::getline(in, line)) {
            if (line.starts_with("VmHWM:")) {
                return std::stol(line.substr(6)) / 1024;
            }
        }
        return 0;
    }
};

// A terminal data directory with n tickets filed, enrolled with the center.
struct Terminal {
    fs::path dir;
    // Filing moves a day every 5,000 tickets: a terminal issues at most 9,999 numbers a day.
    core::ManualClock clock{core::SystemClock().now() - 40 * core::k_day};
    std::optional<core::TicketStore> store;

    Terminal(const fs::path& d, const std::string& terminal, int n, const Center& center) : dir(d) {
        if (!core::TicketStore::init(dir, core::InitOptions{"SZ01", terminal})) {
            std::exit(1);
        }
        store.emplace(*core::TicketStore::open(dir, clock));
        core::Actor actor{"S001", core::Role::frontdesk, {}};
        for (int done = 0; done < n;) {
            const int chunk = std::min(2500, n - done);
            if (done > 0 && done % 5000 == 0) {
                clock.advance(core::k_day);
            }
            std::vector<core::NewTicket> batch;
            for (int i = 0; i < chunk; ++i) {
                batch.push_back(ticket(done + i));
            }
            if (!store->file_many(batch, actor)) {
                std::fprintf(stderr, "filing failed\n");
                std::exit(1);
            }
            done += chunk;
        }
        auto enrolled =
            sync::enroll(*store, dir, center.url, center.code("SZ01"), sync::TlsOptions{});
        if (!enrolled) {
            std::fprintf(stderr, "enrol: %s\n", enrolled.error().message.c_str());
            std::exit(1);
        }
    }

    // One sync pass with the client's own settings (batches of 1,000 events).
    double sync_ms() {
        sync::SyncClient client(*store, dir, *sync::load_config(dir), *sync::load_token(dir),
                                COUNTERFOIL_BENCH_ASSETS);
        const double t0 = now_ms();
        auto r = client.sync_once();
        const double ms = now_ms() - t0;
        if (!r) {
            std::fprintf(stderr, "sync: %s\n", r.error().message.c_str());
            std::exit(1);
        }
        return ms;
    }
};

// The same event rows straight into SQLite with the center's settings.
double baseline_ms(const fs::path& file, core::TicketStore& source) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE events(seq "
                 "INTEGER PRIMARY KEY, id TEXT UNIQUE, device TEXT, device_seq INTEGER, payload "
                 "TEXT, UNIQUE(device, device_seq))",
                 nullptr, nullptr, nullptr);
    // The outbox is empty after the push: read the log.
    std::vector<std::pair<std::string, std::string>> rows;
    auto q = source.database().query("SELECT id, payload FROM events ORDER BY seq");
    while (q && *q->step()) {
        rows.emplace_back(q->text(0), q->text(1));
    }
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events(id, device, device_seq, payload) VALUES (?,?,?,?)",
                       -1, &ins, nullptr);
    const double t0 = now_ms();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % 500 == 0) {
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        }
        sqlite3_bind_text(ins, 1, rows[i].first.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, "SZ01/K1", -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, static_cast<sqlite3_int64>(i + 1));
        sqlite3_bind_text(ins, 4, rows[i].second.c_str(), -1, SQLITE_STATIC);
        sqlite3_step(ins);
        sqlite3_reset(ins);
        if (i % 500 == 499 || i + 1 == rows.size()) {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
    }
    const double ms = now_ms() - t0;
    sqlite3_finalize(ins);
    sqlite3_close(db);
    return ms;
}

// T devices pushing E create events each at the same time, in batches of 100.
double ingest_ms(const Center& center, int terminals, int per_terminal, double& center_cpu) {
    std::vector<std::string> tokens;
    for (int i = 0; i < terminals; ++i) {
        sync::HttpClient http(sync::HttpOptions{
            center.url, {}, std::chrono::milliseconds(5000), std::chrono::milliseconds(60000)});
        const std::string branch = "B" + std::to_string(100 + i);
        auto r =
            http.post(sync::k_path_enroll,
                      sync::to_json(sync::EnrollRequest{center.code(branch), branch, "K1"}), "");
        tokens.push_back(json::parse(r->body).at("token").get<std::string>());
    }
    // Bodies are made before the clock starts: this measures the center.
    std::vector<std::vector<std::string>> bodies(static_cast<std::size_t>(terminals));
    const core::Millis now = core::SystemClock().now();
    for (int d = 0; d < terminals; ++d) {
        const std::string branch = "B" + std::to_string(100 + d);
        sync::PushRequest batch;
        batch.device = branch + "/K1";
        for (int i = 0; i < per_terminal; ++i) {
            core::Ticket t;
            static_cast<core::NewTicket&>(t) = ticket(i);
            t.id = core::uuid_v7(now);
            t.number =
                *core::format_ticket_number(core::TicketNumber{branch, 2026, 11, 23, "K1", i + 1});
            t.branch = branch;
            t.terminal = "K1";
            t.received_at = now;
            t.updated_at = now;
            core::Ticket without = t;
            without.customer = {};
            sync::WireEvent e;
            e.id = core::uuid_v7(now);
            e.ticket_id = t.id;
            e.origin_device = batch.device;
            e.device_seq = i + 1;
            e.hlc = static_cast<core::Hlc>(now) << 16;
            e.actor = "S001";
            e.kind = "create";
            e.payload = {{"ticket", core::to_json(without, core::PiiMode::omit)},
                         {"customer", {{"name", t.customer.name}, {"phone", t.customer.phone}}}};
            batch.events.push_back(std::move(e));
            if (batch.events.size() == 100 || i + 1 == per_terminal) {
                bodies[static_cast<std::size_t>(d)].push_back(sync::to_json(batch).dump());
                batch.events.clear();
            }
        }
    }
    std::atomic<int> failures{0};
    const double cpu0 = center.cpu_s();
    const double t0 = now_ms();
    std::vector<std::thread> threads;
    for (int d = 0; d < terminals; ++d) {
        threads.emplace_back([&, d] {
            sync::HttpClient http(sync::HttpOptions{center.url,
                                                    {},
                                                    std::chrono::milliseconds(5000),
                                                    std::chrono::milliseconds(120000)});
            for (const auto& body : bodies[static_cast<std::size_t>(d)]) {
                auto r =
                    http.post_text(sync::k_path_push, body, tokens[static_cast<std::size_t>(d)]);
                if (!r || r->status != 200) {
                    if (failures++ == 0) {
                        std::fprintf(stderr, "ingest: first failure: %s\n",
                                     r ? (std::to_string(r->status) + " " + r->body).c_str()
                                       : r.error().message.c_str());
                    }
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const double ms = now_ms() - t0;
    center_cpu = center.cpu_s() - cpu0;
    if (failures > 0) {
        std::fprintf(stderr, "ingest: %d batches failed\n", failures.load());
    }
    return ms;
}

// The sum of the center's own timing field (ms, ms_read, ms_store) for requests to path, from
// its JSON log.
double request_seconds(const fs::path& log, const std::string& path,
                       const std::string& field = "ms") {
    std::ifstream in(log);
    std::string text;
    double ms = 0;
    while (std::getline(in, text)) {
        json line = json::parse(text, nullptr, false);
        if (line.is_object() && line.value("path", "") == path && line.contains(field)) {
            ms += line.at(field).get<double>();
        }
    }
    return ms / 1000;
}

double own_cpu_s() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void line(const char* what, double n, double ms, const char* note = "") {
    std::printf("%-34s %9.0f events %9.2f s %10.0f events/s  %s\n", what, n, ms / 1000,
                n / (ms / 1000), note);
}

} // namespace

int main(int argc, char** argv) {
    const int count = std::stoi(cf::bench::arg(argc, argv, "--count", "10000"));
    const int drain = std::stoi(cf::bench::arg(argc, argv, "--drain", "100000"));
    const int terminals = std::stoi(cf::bench::arg(argc, argv, "--terminals", "200"));
    const int per_terminal = std::stoi(cf::bench::arg(argc, argv, "--per-terminal", "500"));
    cf::bench::ScratchDir scratch(cf::bench::arg(argc, argv, "--dir", "."));
    std::printf("sync_bench: count %d, drain %d, %d terminals x %d, cores %u\n", count, drain,
                terminals, per_terminal, std::thread::hardware_concurrency());

    Center center(scratch.path / "center");
    Terminal k1(scratch.path / "k1", "K1", count, center);
    const double center_cpu0 = center.cpu_s();
    const double own_cpu0 = own_cpu_s();
    const double push = k1.sync_ms();
    line("push (one terminal)", count, push);
    std::printf("%-34s client %.2f s, center %.2f s\n", "  CPU during push", own_cpu_s() - own_cpu0,
                center.cpu_s() - center_cpu0);
    const fs::path log = scratch.path / "center.log";
    std::printf("%-34s %.2f s (reading and parsing %.2f s, storing %.2f s)\n",
                "  center time in push requests", request_seconds(log, "/v1/push"),
                request_seconds(log, "/v1/push", "ms_read"),
                request_seconds(log, "/v1/push", "ms_store"));
    const double base = baseline_ms(scratch.path / "baseline.db", *k1.store);
    line("baseline: raw SQLite inserts", count, base, "(same disk, WAL, synchronous=FULL)");
    std::printf("%-34s %.2f\n", "push / baseline", base / push);

    Terminal k2(scratch.path / "k2", "K2", 0, center);
    const double center_cpu1 = center.cpu_s();
    const double own_cpu1 = own_cpu_s();
    const double pull = k2.sync_ms();
    line("pull + apply (second terminal)", count, pull);
    std::printf("%-34s client %.2f s, center %.2f s\n", "  CPU during pull", own_cpu_s() - own_cpu1,
                center.cpu_s() - center_cpu1);

    std::vector<double> latencies;
    {
        sync::HttpClient http(sync::HttpOptions{
            center.url, {}, std::chrono::milliseconds(5000), std::chrono::milliseconds(60000)});
        auto token = *sync::load_token(k2.dir);
        sync::PullRequest request;
        request.device = "SZ01/K2";
        request.cursor.events = 1'000'000'000;
        for (int i = 0; i < 200; ++i) {
            const double t0 = now_ms();
            auto r = http.post(sync::k_path_pull, sync::to_json(request), token);
            latencies.push_back(now_ms() - t0);
            if (!r || r->status != 200) {
                std::fprintf(stderr, "pull failed\n");
                return 1;
            }
        }
    }
    std::printf("%-34s p50 %.2f ms, p95 %.2f ms\n", "empty pull round trip",
                cf::bench::percentile(latencies, 50), cf::bench::percentile(latencies, 95));

    if (drain > 0) {
        Terminal backlog(scratch.path / "backlog", "K3", drain, center);
        const double cpu0 = center.cpu_s();
        const double own0 = own_cpu_s();
        const double ms = backlog.sync_ms();
        line("drain backlog", drain, ms, ms <= 10'000 ? "(<= 10 s)" : "(> 10 s!)");
        std::printf("%-34s client %.2f s, center %.2f s\n", "  CPU during drain",
                    own_cpu_s() - own0, center.cpu_s() - cpu0);
        // The checkpoints run beside the writes: the log must not grow with the backlog.
        std::error_code ec;
        const auto wal = fs::file_size(center.dir / "center.db-wal", ec);
        std::printf("%-34s %.1f MB\n", "  center's WAL after the drain",
                    ec ? 0.0 : static_cast<double>(wal) / 1e6);
    }
    if (terminals > 0) {
        double center_cpu = 0;
        const double ms = ingest_ms(center, terminals, per_terminal, center_cpu);
        line("center ingest, terminals at once", static_cast<double>(terminals) * per_terminal, ms);
        std::printf("%-34s center %.2f s of %.2f s on %u cores\n", "  CPU during ingest",
                    center_cpu, ms / 1000 * std::thread::hardware_concurrency(),
                    std::thread::hardware_concurrency());
        std::printf("%-34s %ld MB\n", "center peak RSS", center.peak_rss_mb());
    }
    return 0;
}
