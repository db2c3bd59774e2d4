// Search over many generated tickets with Chinese text, through the core API:
//   - a three-character Chinese substring (trigram full-text index), target p95 <= 50 ms
//   - a lookup by ticket number and by phone (blind index), target p95 <= 5 ms
// Baselines in the same run: the bare FTS5 query and the bare number lookup in SQL, so the
// cost the store adds (loading, decrypting) is visible apart from the machine.
//
//   search_bench [--dir PARENT] [--count N] [--queries Q]
#include "bench/bench_util.h"
#include "core/ticket_store.h"

#include <cstdio>
#include <random>

using namespace cf;

namespace {

// Phrases customers write; tickets are random sequences of them.
const char* const k_phrases[] = {
    "上个月的话费账单多扣了50元", "要求退还多扣的费用",     "营业厅排队等了一个多小时",
    "工作人员态度很差",           "宽带经常断线无法上网",   "信用卡年费没有提前告知",
    "理财产品收益与宣传不符",     "快递延迟一周还没有送到", "手机信号在家里很弱",
    "办理销户被要求到开户网点",   "自动续费没有经过我同意", "客服电话一直打不通",
    "网银转账失败但钱被扣了",     "套餐变更后资费反而更高", "ATM吞卡后三天没有处理",
    "投诉多次没有人回复",         "希望尽快给出处理结果",   "要求赔偿误工损失",
    "柜员业务不熟练办理很慢",     "短信验证码收不到",       "积分兑换的礼品质量很差",
    "贷款提前还款违约金不合理",   "流量超额提醒不及时",     "维修师傅上门迟到两小时",
};

std::string description(std::mt19937& rng) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(k_phrases) - 1);
    std::uniform_int_distribution<int> parts(3, 6);
    std::string out;
    for (int i = parts(rng); i > 0; --i) {
        out += k_phrases[pick(rng)];
        out += "，";
    }
    return out;
}

// A three-character substring of a phrase, on UTF-8 boundaries (all phrase characters here
// are three bytes except digits and ASCII letters, which we skip over).
std::string trigram_of(std::mt19937& rng) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(k_phrases) - 1);
    while (true) {
        std::string p = k_phrases[pick(rng)];
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i + 9 <= p.size(); i += 3) {
            bool cjk = true;
            for (std::size_t k = i; k < i + 9; k += 3) {
                cjk = cjk && (static_cast<unsigned char>(p[k]) & 0xF0) == 0xE0;
            }
            if (cjk) {
                starts.push_back(i);
            }
            if ((static_cast<unsigned char>(p[i]) & 0xF0) != 0xE0) {
                break; // ASCII breaks the 3-byte stride; keep to the prefix
            }
        }
        if (!starts.empty()) {
            std::uniform_int_distribution<std::size_t> s(0, starts.size() - 1);
            return p.substr(starts[s(rng)], 9);
        }
    }
}

void report(const char* name, const std::vector<double>& ms, double target) {
    double p95 = bench::percentile(ms, 95);
    std::printf("%-40s p50 %7.3f ms   p95 %7.3f ms   max %7.3f ms   %s\n", name,
                bench::percentile(ms, 50), p95, bench::percentile(ms, 100),
                target <= 0     ? "(baseline)"
                : p95 <= target ? "(meets target)"
                                : "(MISSES target)");
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path parent = bench::arg(argc, argv, "--dir", ".");
    const int count = std::stoi(bench::arg(argc, argv, "--count", "1000000"));
    const int queries = std::stoi(bench::arg(argc, argv, "--queries", "300"));
    bench::ScratchDir scratch(parent);

    core::InitOptions init;
    init.branch = "SZ01";
    init.terminal = "B1";
    if (auto r = core::TicketStore::init(scratch.path / "data", init); !r) {
        std::fprintf(stderr, "%s\n", r.error().message.c_str());
        return 1;
    }
    core::ManualClock clock(1'767'225'600'000); // 2026-01-01
    auto store = core::TicketStore::open(scratch.path / "data", clock);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }

    std::mt19937 rng(42);
    std::uniform_int_distribution<int> digits(0, 99'999'999);
    std::vector<std::string> numbers, phones;
    const core::Actor actor{"S001", core::Role::frontdesk, {}};
    const int batch = 9'000; // numbers per terminal per day stay below 9999
    double t0 = bench::now_ms();
    for (int done = 0; done < count; done += batch) {
        std::vector<core::NewTicket> tickets(
            static_cast<std::size_t>(std::min(batch, count - done)));
        for (auto& t : tickets) {
            t.category = "billing";
            t.description = description(rng);
            t.demand = "退还多扣的费用";
            t.customer.name = "客户";
            char phone[16];
            std::snprintf(phone, sizeof phone, "139%08d", digits(rng));
            t.customer.phone = phone;
        }
        auto filed = store->file_many(tickets, actor);
        if (!filed) {
            std::fprintf(stderr, "generation failed: %s\n", filed.error().message.c_str());
            return 1;
        }
        numbers.push_back(filed->front().number);
        phones.push_back(filed->back().customer.phone);
        clock.advance(core::k_day);
    }
    std::printf("generated %d tickets in %.1f s\n", count, (bench::now_ms() - t0) / 1000.0);
    double t1 = bench::now_ms();
    auto indexed = store->catch_up_search_index();
    if (!indexed) {
        std::fprintf(stderr, "indexing failed: %s\n", indexed.error().message.c_str());
        return 1;
    }
    std::printf("indexed %lld tickets for search in %.1f s\n", static_cast<long long>(*indexed),
                (bench::now_ms() - t1) / 1000.0);

    std::vector<double> fts_raw, fts_core, number_raw, number_core, phone_core;
    auto& db = store->database();
    std::uniform_int_distribution<std::size_t> pick_number(0, numbers.size() - 1);
    std::size_t hits = 0;
    for (int i = 0; i < queries; ++i) {
        std::string text = trigram_of(rng);
        double a = bench::now_ms();
        {
            auto q = db.query("SELECT rowid FROM ticket_text WHERE ticket_text MATCH ?1 "
                              "ORDER BY rowid DESC LIMIT 50");
            q->bind(1, "\"" + text + "\"");
            while (*q->step()) {
            }
        }
        fts_raw.push_back(bench::now_ms() - a);
        double b = bench::now_ms();
        auto found = store->search(text, 50);
        fts_core.push_back(bench::now_ms() - b);
        if (!found) {
            std::fprintf(stderr, "search failed: %s\n", found.error().message.c_str());
            return 1;
        }
        hits += found->size();

        const std::string& number = numbers[pick_number(rng)];
        double c = bench::now_ms();
        {
            auto q = db.query("SELECT rowid FROM tickets WHERE number = ?1");
            q->bind(1, number);
            (void)q->step();
        }
        number_raw.push_back(bench::now_ms() - c);
        double d = bench::now_ms();
        auto by_number = store->get(number);
        number_core.push_back(bench::now_ms() - d);
        double e = bench::now_ms();
        auto by_phone = store->find_by_phone(phones[pick_number(rng)]);
        phone_core.push_back(bench::now_ms() - e);
        if (!by_number || !by_phone || by_phone->empty()) {
            std::fprintf(stderr, "lookup failed\n");
            return 1;
        }
    }
    // Two characters cannot use trigrams: the store scans. No target; measured so the cost
    // is known. Common words stop at 50 hits; a word that is nowhere ("火星", Mars) reads the
    // whole index, which is the worst case and shows as the maximum.
    std::vector<double> short_core;
    for (const char* text : {"账单", "排队", "态度", "赔偿", "火星"}) {
        double t = bench::now_ms();
        auto found = store->search(text, 50);
        short_core.push_back(bench::now_ms() - t);
        if (!found) {
            std::fprintf(stderr, "search failed: %s\n", found.error().message.c_str());
            return 1;
        }
    }
    std::printf("%d queries over %d tickets (%.1f results per text search)\n", queries, count,
                static_cast<double>(hits) / queries);
    report("raw FTS5 rowids, 3-char Chinese", fts_raw, 0);
    report("store.search, 3-char Chinese (50 rows)", fts_core, 50);
    report("store.search, 2-char (scan; max = no hit)", short_core, 0);
    report("raw SQL number lookup", number_raw, 0);
    report("store.get by ticket number", number_core, 5);
    report("store.find_by_phone", phone_core, 5);
    return 0;
}
