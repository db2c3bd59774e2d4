// [SECTION] made-up people and words
// [SECTION] one ticket's life
// [SECTION] writing
#include "center/sqlite_center_storage.h"

#include "core/escalation.h"
#include "core/lifecycle.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <random>
#include <unordered_map>

namespace cf::center {
namespace {

using core::Millis;
using core::Role;
using core::Step;
using nlohmann::json;

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

constexpr Millis k_minute = core::k_minute;
constexpr Millis k_hour = core::k_hour;
constexpr Millis k_day = core::k_day;
constexpr int k_weeks = 16;
constexpr std::int64_t k_tickets_per_transaction = 50'000;

// The departments sample dispatches go to and their handlers' ids (the demo accounts are
// H01 for billing and H02 for network).
constexpr const char* k_departments[] = {"billing", "network",   "service",
                                         "sales",   "logistics", "it"};
constexpr const char* k_handlers[] = {"H01", "H02", "H03", "H04", "H05", "H06"};

// ============================================================ [SECTION] made-up people and words

constexpr const char* k_surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                      "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁"};
constexpr const char* k_given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊",   "洋", "艳",
                                   "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国"};
constexpr const char* k_descriptions[] = {
    "客户反映上月账单金额与实际使用不符，要求核实并退还多收费用。",
    "家中宽带近一周频繁断线，晚上几乎无法使用。",
    "营业厅工作人员态度冷淡，办理业务时不耐烦。",
    "网上订购的设备迟迟未送达，物流信息一周未更新。",
    "手机App登录后一直报错，无法查询余额。",
    "套餐变更后仍按旧标准扣费。",
    "排队等候超过一小时，窗口只开了一个。",
    "维修人员未按约定时间上门。",
};
constexpr const char* k_solutions[] = {
    "核实计费记录，确认重复扣费，已安排退款。",
    "更换故障光猫并调整线路，连续观察三天正常。",
    "约谈当事员工，加强服务培训。",
    "联系物流补发，并赠送话费补偿。",
    "修复App版本缺陷，已推送更新。",
};

std::string make_uuid(Millis at, std::mt19937_64& rng) {
    const std::uint64_t hi = (static_cast<std::uint64_t>(at) << 16) | 0x7000 | (rng() & 0x0fff);
    const std::uint64_t lo = (rng() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    char text[40];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(hi >> 32),
                  static_cast<unsigned long long>((hi >> 16) & 0xffff),
                  static_cast<unsigned long long>(hi & 0xffff),
                  static_cast<unsigned long long>(lo >> 48),
                  static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    return text;
}

struct Rng {
    std::mt19937_64 engine;
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(engine); }
    bool chance(double p) { return unit() < p; }
    Millis between(Millis lo, Millis hi) {
        return hi <= lo ? lo : lo + static_cast<Millis>(unit() * static_cast<double>(hi - lo));
    }
    template <class T, std::size_t N> const T& pick(const T (&items)[N]) {
        return items[engine() % N];
    }
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(engine() % n); }
};

CenterResult<std::vector<std::string>> load_categories(const std::filesystem::path& assets) {
    const auto file = assets / "categories.json";
    std::ifstream in(file);
    const json j = json::parse(in, nullptr, false);
    if (!in.good() && !in.eof()) {
        return center_error(400, "invalid_value", "--assets: cannot read " + file.string(),
                            "assets");
    }
    if (j.is_discarded() || !j.contains("categories") || !j.at("categories").is_array()) {
        return center_error(400, "invalid_value",
                            "--assets: " + file.string() + " is missing or not a category list",
                            "assets");
    }
    std::vector<std::string> codes;
    for (const auto& c : j.at("categories")) {
        const auto children = c.find("children");
        if (children == c.end() || !children->is_array() || children->empty()) {
            codes.push_back(c.value("code", ""));
            continue;
        }
        for (const auto& child : *children) {
            codes.push_back(child.value("code", ""));
        }
    }
    std::erase(codes, "");
    if (codes.empty()) {
        return center_error(400, "invalid_value", "--assets: " + file.string() + " has no codes",
                            "assets");
    }
    return codes;
}

// ================================================================ [SECTION] one ticket's life

struct SampleEvent {
    Millis at = 0;
    std::string kind;
    core::Actor actor;
    bool center = false;
    json payload;
};

// Walks a ticket through the lifecycle until the next step would lie in the future, so recent
// tickets are still open and some got stuck past their deadlines.
class Life {
public:
    Life(core::Ticket& t, Rng& rng, Millis now) : m_t(t), m_rng(rng), m_now(now) {}

    std::vector<SampleEvent> events;
    Millis dispatch_deadline = 0; // of the latest dispatch
    Millis handled_at = 0;
    std::string error; // a step the lifecycle refused (a bug in this generator)

    // A resolution at the branch; a major complaint's plan is approved by the supervisor
    // first (方案审批).
    bool resolve(const core::Actor& who, const core::Actor& supervisor, Millis& at) {
        const std::string solution = m_rng.pick(k_solutions);
        if (m_t.severity == core::Severity::major) {
            if (!step(Step::approve, supervisor, {{"compensation", 0}, {"plan", solution}}, at)) {
                return false;
            }
            at += k_minute;
        }
        return step(Step::resolve, who, {{"resolution", solution}}, at);
    }

    void run() {
        const core::Actor desk{"S001", Role::frontdesk, ""};
        const core::Actor supervisor{"S101", Role::supervisor, ""};
        Millis at = m_t.received_at;
        const Millis response_window = m_t.first_response_due - m_t.received_at;
        at += m_rng.chance(0.85) ? m_rng.between(2 * k_minute, response_window * 9 / 10)
                                 : m_rng.between(response_window, 2 * response_window + k_hour);
        if (!step(Step::acknowledge, desk, json::object(), at)) {
            return;
        }
        if (m_rng.chance(0.55)) {
            at += m_rng.between(k_hour, 2 * k_day);
            if (!resolve(desk, supervisor, at)) {
                return;
            }
        } else if (!center_path(at)) {
            return;
        }
        const double level = m_rng.unit();
        at += m_rng.between(k_hour, 2 * k_day);
        if (level < 0.12) {
            if (!step(Step::satisfaction, desk,
                      {{"level", "unsatisfied"}, {"due_at", at + 3 * k_day}, {"assignee", "S101"}},
                      at)) {
                return;
            }
            at += m_rng.between(4 * k_hour, 4 * k_day);
            if (!resolve(supervisor, supervisor, at)) {
                return;
            }
            at += m_rng.between(k_hour, k_day);
            if (!step(Step::satisfaction, desk, {{"level", "satisfied"}}, at)) {
                return;
            }
        } else if (!step(Step::satisfaction, desk,
                         {{"level", level < 0.30 ? "mostly_satisfied" : "satisfied"}}, at)) {
            return;
        }
        at += m_rng.between(k_hour, k_day);
        step(Step::close, desk, json::object(), at);
    }

private:
    // Some tickets wait far longer than usual at a stage.
    Millis wait(Millis lo, Millis hi) {
        return m_rng.chance(0.04) ? m_rng.between(5 * k_day, 20 * k_day) : m_rng.between(lo, hi);
    }

    bool center_path(Millis& at) {
        const core::Actor desk{"S001", Role::frontdesk, ""};
        const core::Actor reviewer{"R01", Role::reviewer, ""};
        const core::Actor dispatcher{"D01", Role::dispatcher, ""};
        const core::Actor auditor{"A01", Role::auditor, ""};
        at += m_rng.between(10 * k_minute, 6 * k_hour);
        if (!step(Step::submit, desk, {{"reason", "需区域中心协调处理"}}, at)) {
            return false;
        }
        if (m_rng.chance(0.06)) {
            at += wait(k_hour, k_day);
            if (!step(Step::review_return, reviewer, {{"reason", "请补充客户账单截图"}}, at)) {
                return false;
            }
            at += m_rng.between(2 * k_hour, 2 * k_day);
            if (!step(Step::submit, desk, {{"reason", "已补充材料"}}, at)) {
                return false;
            }
        }
        at += wait(30 * k_minute, k_day);
        // The center gives itself a new deadline for the ticket when it takes it on.
        const Millis center_days = m_t.priority == core::Priority::urgent      ? 3
                                   : m_t.priority == core::Priority::important ? 5
                                                                               : 10;
        if (!step(Step::review_accept, reviewer, {{"due_at", at + center_days * k_day}}, at)) {
            return false;
        }
        at += wait(30 * k_minute, k_day);
        const std::size_t first = m_rng.index(std::size(k_departments));
        std::vector<std::string> departments = {k_departments[first]};
        if (m_rng.chance(0.25)) {
            departments.push_back(k_departments[(first + 1 + m_rng.index(5)) % 6]);
        }
        if (!dispatch(Step::dispatch, dispatcher, departments, {}, at)) {
            return false;
        }
        if (m_rng.chance(0.05)) {
            at += wait(k_hour, k_day);
            if (!dispatch(Step::audit_reject, auditor, {departments.front()},
                          "处理方案未解决客户诉求，请重新处理", at)) {
                return false;
            }
        }
        at += wait(k_hour, 2 * k_day);
        if (!step(Step::audit_approve, auditor, json::object(), at)) {
            return false;
        }
        at += wait(30 * k_minute, k_day);
        if (!step(Step::feedback, auditor, {{"text", "已核实处理，请向客户反馈处理结果。"}}, at)) {
            return false;
        }
        at += m_rng.between(k_hour, k_day);
        return step(Step::contact, desk, {{"channel", "phone"}, {"outcome", "已电话告知客户"}}, at);
    }

    // A dispatch (or audit_reject) and the handling of every department.
    bool dispatch(Step kind, const core::Actor& who, const std::vector<std::string>& departments,
                  const std::string& reason, Millis& at) {
        const Millis window = m_t.priority == core::Priority::urgent      ? k_day
                              : m_t.priority == core::Priority::important ? 2 * k_day
                                                                          : 3 * k_day;
        json payload = {{"departments", departments}, {"deadline", at + window}};
        if (!reason.empty()) {
            payload["reason"] = reason;
        }
        if (!step(kind, who, payload, at)) {
            return false;
        }
        dispatch_deadline = at + window;
        handled_at = 0;
        auto handler_of = [](const std::string& d) {
            const std::size_t i = static_cast<std::size_t>(
                std::find(std::begin(k_departments), std::end(k_departments), d) -
                std::begin(k_departments));
            return core::Actor{k_handlers[i], Role::handler, d};
        };
        for (const auto& d : departments) {
            const core::Actor handler = handler_of(d);
            const Millis left = std::max<Millis>(dispatch_deadline - at, 2 * k_hour);
            const Millis before = at;
            at += m_rng.chance(0.86)  ? m_rng.between(k_hour, left * 9 / 10)
                  : m_rng.chance(0.5) ? left + m_rng.between(k_hour, 3 * k_day)
                                      : m_rng.between(8 * k_day, 20 * k_day);
            json handled = {{"department", d},
                            {"investigation", "调取业务记录并回访客户核实情况。"},
                            {"responsibility", m_rng.chance(0.7) ? "our_department" : "supplier"},
                            {"solution", m_rng.pick(k_solutions)}};
            // The department signs for (签收) the dispatch half-way to its answer, so a recent
            // dispatch may still wait for its 签收.
            if (!step(Step::sign_for, handler, {{"department", d}}, before + (at - before) / 2)) {
                return false;
            }
            if (!step(Step::handle, handler, handled, at)) {
                return false;
            }
        }
        handled_at = at;
        return true;
    }

    // Takes the step at `at` unless that lies in the future; false when the life ends here.
    bool step(Step s, const core::Actor& who, const json& payload, Millis at) {
        if (at >= m_now - k_minute || !error.empty()) {
            return false;
        }
        if (auto ok = core::check_step(m_t, s, who, payload); !ok) {
            error = ok.error().message;
            return false;
        }
        core::apply_step(m_t, s, who, payload, at);
        const bool center = core::step_side(s) == core::Owner::center;
        events.push_back({at, std::string(core::to_string(s)), who, center, payload});
        return true;
    }

    core::Ticket& m_t;
    Rng& m_rng;
    Millis m_now;
};

} // namespace

// ====================================================================== [SECTION] writing

CenterResult<SqliteCenterStorage::SampleReport>
SqliteCenterStorage::sample_data(const SampleOptions& o) {
    auto categories = load_categories(o.assets);
    if (!categories) {
        return std::unexpected(categories.error());
    }
    std::lock_guard lock(m_mutex);
    {
        auto q = m_db.query("SELECT count(*) FROM tickets");
        if (!q) {
            return fail_core(q);
        }
        if (auto row = q->step(); !row) {
            return fail_core(row);
        }
        if (q->int64(0) != 0) {
            return center_error(400, "invalid_value",
                                "--data: the center holds tickets already; sample data goes "
                                "into a new center only",
                                "data");
        }
    }
    Rng rng{std::mt19937_64(o.seed)};
    // A few categories account for most tickets, as in real life.
    std::shuffle(categories->begin(), categories->end(), rng.engine);
    std::vector<double> weights;
    for (std::size_t i = 0; i < categories->size(); ++i) {
        weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), 0.9));
    }
    std::discrete_distribution<std::size_t> category_of(weights.begin(), weights.end());
    std::vector<std::string> branches;
    for (int b = 1; b <= o.branches; ++b) {
        char code[8];
        std::snprintf(code, sizeof code, o.branches <= 999 ? "SZ%03d" : "SZ%04d", b);
        branches.emplace_back(code);
    }
    // Larger branches file more tickets.
    std::vector<double> branch_weights;
    for (int b = 0; b < o.branches; ++b) {
        branch_weights.push_back(0.5 + rng.unit());
    }
    std::discrete_distribution<std::size_t> branch_of(branch_weights.begin(), branch_weights.end());
    std::vector<Millis> received(static_cast<std::size_t>(o.tickets));
    const Millis start = o.now - k_weeks * 7 * k_day;
    for (auto& r : received) {
        r = rng.between(start, o.now - 10 * k_minute);
    }
    std::sort(received.begin(), received.end());

    constexpr const char* k_terminals[] = {"K1", "K2", "C1"};
    std::unordered_map<std::string, int> sequence;        // branch/terminal/day -> last number
    std::unordered_map<std::string, std::int64_t> device; // branch/terminal -> last device_seq
    std::int64_t center_seq = 0;
    SampleReport report;

    // A large page cache for the bulk: the random index inserts of a transaction stay in
    // memory until its commit instead of spilling to the WAL again and again.
    if (auto r = m_db.exec("PRAGMA cache_size = -1048576"); !r) {
        return fail_core(r);
    }
    // The secondary indexes are built once at the end from sorted data instead of taking
    // millions of random inserts each. They are put back on every way out; an interrupted run
    // leaves a center to delete and make again.
    std::vector<std::string> indexes;
    std::vector<std::string> names;
    {
        auto q = m_db.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql "
                            "IS NOT NULL AND tbl_name IN ('tickets', 'events')");
        if (!q) {
            return fail_core(q);
        }
        while (true) {
            auto row = q->step();
            if (!row) {
                return fail_core(row);
            }
            if (!*row) {
                break;
            }
            names.push_back(q->text(0));
            indexes.push_back(q->text(1));
        }
    }
    for (const auto& name : names) {
        if (auto r = m_db.exec("DROP INDEX " + name); !r) {
            return fail_core(r);
        }
    }
    struct PutBack {
        core::Database& db;
        std::vector<std::string>& indexes;
        ~PutBack() {
            for (const auto& sql : indexes) {
                (void)db.exec(sql);
            }
        }
    } put_back{m_db, indexes};
    // Bulk transactions: one fsync per 50,000 tickets.
    std::optional<core::Transaction> tx;
    auto begin = [&]() -> CenterResult<void> {
        tx.reset();
        auto t = core::Transaction::begin(m_db);
        if (!t) {
            return fail_core(t);
        }
        tx.emplace(std::move(*t));
        return {};
    };
    if (auto r = begin(); !r) {
        return std::unexpected(r.error());
    }
    for (std::int64_t n = 0; n < o.tickets; ++n) {
        if (n > 0 && n % k_tickets_per_transaction == 0) {
            if (auto r = tx->commit(); !r) {
                return fail_core(r);
            }
            if (auto r = begin(); !r) {
                return std::unexpected(r.error());
            }
        }
        const Millis at = received[static_cast<std::size_t>(n)];
        core::Ticket t;
        t.branch = branches[branch_of(rng.engine)];
        t.terminal = rng.pick(k_terminals);
        t.id = make_uuid(at, rng.engine);
        const auto day = core::civil_from_days((at + 8 * k_hour) / k_day);
        int& seq = sequence[t.branch + "/" + t.terminal + "/" + std::to_string(day.year) + "-" +
                            std::to_string(day.month) + "-" + std::to_string(day.day)];
        seq = seq >= 9999 ? 1 : seq + 1;
        auto number = core::format_ticket_number({t.branch, static_cast<int>(day.year),
                                                  static_cast<int>(day.month),
                                                  static_cast<int>(day.day), t.terminal, seq});
        if (!number) {
            return center_error(500, "internal", "sample number: " + number.error().message);
        }
        t.number = *number;
        const double type = rng.unit();
        t.request_type = type < 0.72   ? core::RequestType::complaint
                         : type < 0.86 ? core::RequestType::enquiry
                         : type < 0.92 ? core::RequestType::suggestion
                         : type < 0.95 ? core::RequestType::praise
                         : type < 0.98 ? core::RequestType::report
                                       : core::RequestType::other;
        t.category = (*categories)[category_of(rng.engine)];
        const double p = rng.unit();
        t.priority = p < 0.70   ? core::Priority::normal
                     : p < 0.92 ? core::Priority::important
                                : core::Priority::urgent;
        t.severity = t.priority == core::Priority::urgent      ? core::Severity::major
                     : t.priority == core::Priority::important ? core::Severity::important
                                                               : core::Severity::general;
        t.emotion = rng.chance(0.2) ? core::Emotion::anxious : core::Emotion::calm;
        t.channel = rng.chance(0.15) ? core::Channel::kiosk : core::Channel::counter;
        t.concern = core::Concern::service;
        t.description = rng.pick(k_descriptions);
        t.demand = "尽快解决并给予合理解释";
        t.expected_time = "三个工作日内";
        t.customer.name = std::string(rng.pick(k_surnames)) + rng.pick(k_given);
        char phone[32];
        std::snprintf(phone, sizeof phone, "1%d%09llu", 3 + static_cast<int>(rng.index(7)),
                      static_cast<unsigned long long>(rng.engine() % 1'000'000'000ULL));
        t.customer.phone = phone;
        if (rng.chance(0.4)) {
            t.customer.customer_no = "C" + std::to_string(10'000'000 + rng.index(89'999'999));
        }
        if (rng.chance(0.3)) {
            t.customer.order_no = "D" + std::to_string(100'000'000 + rng.index(899'999'999));
        }
        t.receiver = t.channel == core::Channel::kiosk ? "kiosk" : "S001";
        t.received_at = at;
        t.updated_at = at;
        t.first_response_due = at + (t.priority == core::Priority::urgent      ? k_hour
                                     : t.priority == core::Priority::important ? 2 * k_hour
                                                                               : 4 * k_hour);
        t.due_at = at + (t.priority == core::Priority::urgent      ? k_day
                         : t.priority == core::Priority::important ? 3 * k_day
                                                                   : 7 * k_day);
        const StagedTicket created = stage_ticket(t);
        t.customer = {};
        Life life(t, rng, o.now);
        life.run();
        if (!life.error.empty()) {
            return center_error(500, "internal", "sample ticket " + t.number + ": " + life.error);
        }
        const std::string device_id = t.branch + "/" + t.terminal;
        std::int64_t& device_seq = device[device_id];
        // The ticket row as its events left it.
        {
            std::string departments;
            for (const auto& d : t.departments) {
                departments += departments.empty() ? d : "," + d;
            }
            const Millis last_at = life.events.empty() ? at : life.events.back().at;
            auto q = m_db.query(
                "INSERT INTO tickets(id, number, branch, state, received_at, updated_at, due_at, "
                "handling_deadline, last_hlc, phone_index, name_sealed, phone_sealed, "
                "email_sealed, customer_no_sealed, order_no_sealed, body, category, priority, "
                "first_response_due, acknowledged_at, resolved_at, satisfaction, departments, "
                "dispatch_deadline, handled_at, crisis, parts_waiting) VALUES (?1, ?2, ?3, ?4, ?5, "
                "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
                "?23, ?24, ?25, ?26, ?27)");
            if (!q) {
                return fail_core(q);
            }
            q->bind(1, t.id)
                .bind(2, t.number)
                .bind(3, t.branch)
                .bind(4, core::to_string(t.state))
                .bind(5, t.received_at)
                .bind(6, t.updated_at)
                .bind(7, t.due_at)
                .bind(8, t.handling_deadline)
                .bind(9, static_cast<std::int64_t>(core::make_hlc(last_at, 0)));
            if (created.phone_index) {
                q->bind_blob(10, *created.phone_index);
            } else {
                q->bind_null(10);
            }
            for (std::size_t i = 0; i < created.sealed.size(); ++i) {
                if (created.sealed[i]) {
                    q->bind_blob(11 + static_cast<int>(i), *created.sealed[i]);
                } else {
                    q->bind_null(11 + static_cast<int>(i));
                }
            }
            q->bind(16, core::to_json(t, core::PiiMode::omit).dump())
                .bind(17, t.category)
                .bind(18, static_cast<int>(t.priority))
                .bind(19, t.first_response_due)
                .bind(20, t.acknowledged_at)
                .bind(21, t.resolved_at)
                .bind(22, static_cast<int>(t.satisfaction))
                .bind(23, departments)
                .bind(26, core::is_crisis(t) ? 1 : 0)
                .bind(27, parts_waiting(t) ? 1 : 0);
            if (life.dispatch_deadline > 0) {
                q->bind(24, life.dispatch_deadline);
            } else {
                q->bind_null(24);
            }
            if (life.handled_at > 0) {
                q->bind(25, life.handled_at);
            } else {
                q->bind_null(25);
            }
            if (auto r = q->run(); !r) {
                return fail_core(r);
            }
        }
        core::Event e;
        e.ticket_id = t.id;
        e.id = make_uuid(at, rng.engine);
        e.origin_device = device_id;
        e.device_seq = ++device_seq;
        e.hlc = core::make_hlc(at, 0);
        e.actor = t.receiver;
        e.actor_role = t.receiver == "kiosk" ? Role::kiosk : Role::frontdesk;
        e.kind = std::string(core::k_create_kind);
        if (auto r = insert_event(e, t.branch, created.payload, at + 2000); !r) {
            return std::unexpected(r.error());
        }
        for (const auto& s : life.events) {
            e.id = make_uuid(s.at, rng.engine);
            e.origin_device = s.center ? std::string(sync::k_center_device) : device_id;
            e.device_seq = s.center ? ++center_seq : ++device_seq;
            e.hlc = core::make_hlc(s.at, 0);
            e.actor = s.actor.id;
            e.actor_role = s.actor.role;
            e.kind = s.kind;
            if (auto r = insert_event(e, t.branch, s.payload.dump(), s.at + (s.center ? 0 : 2000));
                !r) {
                return std::unexpected(r.error());
            }
        }
        report.events += 1 + static_cast<std::int64_t>(life.events.size());
        ++report.tickets;
        ++report.by_state[std::string(core::to_string(t.state))];
    }
    for (const auto& [id, seq] : device) {
        auto q = m_db.query("INSERT INTO devices(device, branch, acked_seq, enrolled_at) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(device) DO UPDATE SET "
                            "acked_seq = max(acked_seq, excluded.acked_seq)");
        if (!q) {
            return fail_core(q);
        }
        q->bind(1, id).bind(2, id.substr(0, id.find('/'))).bind(3, seq).bind(4, start);
        if (auto r = q->run(); !r) {
            return fail_core(r);
        }
    }
    {
        auto q = m_db.query("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ?1 AS TEXT) "
                            "WHERE key = 'center_seq'");
        if (!q) {
            return fail_core(q);
        }
        if (auto r = q->bind(1, center_seq).run(); !r) {
            return fail_core(r);
        }
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    tx.reset();
    for (const auto& sql : indexes) {
        if (auto r = m_db.exec(sql); !r) {
            return fail_core(r);
        }
    }
    indexes.clear();
    m_facts_loaded = false; // read again at the next console request
    if (auto r = m_db.exec("PRAGMA cache_size = -65536"); !r) {
        return fail_core(r);
    }
    return report;
}

} // namespace cf::center
