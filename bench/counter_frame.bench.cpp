// The counter's queue and detail screens with 100,000 tickets on the software renderer (issue 5,
// "Benchmark"): CPU per frame (target p99 <= 4 ms) and the first paint of the queue (target
// <= 100 ms), against baselines measured in the same run.
//
// The data directory is made through the core API: tickets filed with TicketStore::file_many,
// one batch per day over a year (varied types, categories, priorities, channels, customers
// with names and phones, some with an email only), then lifecycle steps taken on them with
// TicketStore::act, so the tabs hold what a branch's would: most old tickets closed (through
// the front desk or the regional center), recent ones spread over every state, old open ones
// overdue. One ticket gets a long timeline (--timeline events). Staff S001 (front desk, PIN
// 135790) and S002 (supervisor). Generation runs with synchronous=OFF (durability is not what
// is measured); the UI then works on the store as the app opens it.
//
// The counter opens as app/counter_app.cpp does for `--windowed 1920x1080`: a GlfwPlatform
// window (vsync on), KioskFonts at the counter's font factor, CounterController and
// CounterFrame. A frame is what FramePacer::step and the app's callbacks do: poll events,
// the input (a wheel notch, a tab clicked), KioskFonts::before_frame, CounterFrame::
// before_frame (the idle rules and the minute refresh), begin_frame, CounterFrame::draw,
// end_frame (ImGui::Render, the OpenGL3 backend, the swap). Measured per frame: this thread's
// CPU time (CLOCK_THREAD_CPUTIME_ID; the target), the process's CPU (llvmpipe's threads) and
// wall time. First paint is wall time: from the request (sign-in's PIN check done, a tab
// clicked, back from the detail screen after a step) until that frame is swapped.
//
//   counter_frame_bench [--count 100000] [--rounds 6] [--timeline 200] [--dir PARENT]
//                       [--data DIR] [--assets DIR]
//
// --data keeps the generated directory there and reuses it on later runs (the store's own
// connection and files are the same either way). Run it on Mesa's software renderer:
//   LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" counter_frame_bench

#include "counter/counter_frame.h"
#include "app/counter_app.h"
#include "app/kiosk_fonts.h"
#include "bench/bench_util.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "counter/counter_controller.h"
#include "forms/catalog.h"
#include "platform/glfw_platform.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <dlfcn.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace cf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* k_staff_id = "S001";
constexpr const char* k_staff_pin = "135790";

// ================================================================ [SECTION] measuring

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "counter_frame_bench: %s\n", message.c_str());
    std::exit(2);
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// The system clock, remembering when it was asked while armed: the controller asks it right
// after the PIN check in sign_in (before the queue loads), which is where first paint starts.
class RecordingClock final : public core::Clock {
public:
    core::Millis now() const override {
        if (armed) {
            calls.push_back(bench::now_ms());
        }
        return m_system.now();
    }
    bool armed = false;
    mutable std::vector<double> calls;

private:
    core::SystemClock m_system;
};

struct FrameCost {
    double thread_ms = 0;
    double process_ms = 0;
    double wall_ms = 0;
    bool minute_refresh = false; // the controller's once-a-minute queue reload ran
};

struct Row {
    std::string label;
    std::vector<double> thread;
    std::vector<double> process;
    std::vector<double> wall;
    void add(const FrameCost& f) {
        thread.push_back(f.thread_ms);
        process.push_back(f.process_ms);
        wall.push_back(f.wall_ms);
    }
};

void print_row(const Row& r) {
    std::printf("%-52s %6zu %8.2f %8.2f %8.2f %8.2f %9.2f %8.2f\n", r.label.c_str(),
                r.thread.size(), bench::percentile(r.thread, 50), bench::percentile(r.thread, 95),
                bench::percentile(r.thread, 99), bench::percentile(r.thread, 100),
                bench::percentile(r.process, 50), bench::percentile(r.wall, 50));
}

// ================================================================ [SECTION] data

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
const char* const k_surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                  "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
const char* const k_given[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊",   "军",
                               "洋", "勇", "艳", "杰",   "娟", "涛", "明", "超", "秀兰", "霞"};
const char* const k_desk[] = {"S001", "S003", "S004", "S005", "S006", "S007", "S008", "S009"};

// Where a generated ticket ends up, and the steps that take it there.
enum class Path {
    received,
    acknowledged,
    resolved,
    satisfied,
    second_round,
    submitted,
    returned,
    accepted,
    dispatched,
    handled,
    audited,
    answered,
    closed_satisfied, // acknowledge, resolve, satisfaction, close
    closed_by_supervisor,
    closed_via_center, // the whole center round trip, then contact, satisfaction, close
};

class Generator {
public:
    Generator(core::TicketStore& store, core::ManualClock& clock, const forms::Catalog& catalog)
        : m_store(store), m_clock(clock), m_rng(20261123) {
        for (const forms::Category& top : catalog.categories.top_level()) {
            if (top.children.empty()) {
                m_categories.push_back(top.code);
            }
            for (const forms::Category& child : top.children) {
                m_categories.push_back(child.code);
            }
        }
        if (m_categories.empty()) {
            die("the catalog has no categories");
        }
    }

    std::string text(int min_parts, int max_parts) {
        std::uniform_int_distribution<std::size_t> pick(0, std::size(k_phrases) - 1);
        std::uniform_int_distribution<int> parts(min_parts, max_parts);
        std::string out;
        for (int i = parts(m_rng); i > 0; --i) {
            out += k_phrases[pick(m_rng)];
            out += i > 1 ? "，" : "。";
        }
        return out;
    }

    core::NewTicket ticket() {
        core::NewTicket t;
        const int type = percent();
        t.request_type = type < 62   ? core::RequestType::complaint
                         : type < 76 ? core::RequestType::enquiry
                         : type < 88 ? core::RequestType::suggestion
                         : type < 95 ? core::RequestType::praise
                                     : core::RequestType::report;
        const int prio = percent();
        t.priority = prio < 70   ? core::Priority::normal
                     : prio < 92 ? core::Priority::important
                                 : core::Priority::urgent;
        const int channel = percent();
        t.channel = channel < 55   ? core::Channel::counter
                    : channel < 80 ? core::Channel::kiosk
                    : channel < 95 ? core::Channel::phone
                                   : core::Channel::online;
        t.category = m_categories[pick(m_categories.size())];
        t.description = text(2, 5);
        t.demand = text(1, 1);
        const int contact = percent();
        if (contact < 94) {
            t.customer.name = std::string(k_surnames[pick(std::size(k_surnames))]) +
                              k_given[pick(std::size(k_given))];
        }
        if (contact < 90) {
            char phone[32];
            std::snprintf(phone, sizeof phone, "1%d%09d", 3 + static_cast<int>(pick(7)),
                          static_cast<int>(pick(1'000'000'000)));
            t.customer.phone = phone;
        } else if (contact < 97) {
            t.customer.email = "customer" + std::to_string(pick(100'000)) + "@example.com";
        }
        t.receiver = t.channel == core::Channel::kiosk ? "kiosk" : k_desk[pick(std::size(k_desk))];
        const core::Millis now = m_clock.now();
        const core::Millis first = t.priority == core::Priority::urgent      ? 2 * core::k_hour
                                   : t.priority == core::Priority::important ? 8 * core::k_hour
                                                                             : core::k_day;
        t.first_response_due = now + first;
        t.due_at = now + (t.priority == core::Priority::urgent ? 2 : 7) * core::k_day;
        return t;
    }

    // The state a ticket filed `age_days` ago has now: old ones are mostly closed.
    Path path_for(int age_days) {
        const int p = percent();
        const int open = age_days > 30 ? 3 : age_days > 7 ? 30 : age_days > 1 ? 60 : 90;
        if (p >= open) {
            const int how = percent();
            return how < 70   ? Path::closed_satisfied
                   : how < 88 ? Path::closed_by_supervisor
                              : Path::closed_via_center;
        }
        static constexpr Path k_open[] = {
            Path::received, Path::received,  Path::acknowledged, Path::acknowledged,
            Path::resolved, Path::satisfied, Path::second_round, Path::submitted,
            Path::returned, Path::accepted,  Path::dispatched,   Path::dispatched,
            Path::handled,  Path::audited,   Path::answered,     Path::answered,
        };
        return k_open[pick(std::size(k_open))];
    }

    void step(const std::string& number, core::Step s, const core::Actor& actor, json payload) {
        m_clock.advance(7 * core::k_second + static_cast<core::Millis>(pick(20'000)));
        if (auto r = m_store.act(number, s, actor, payload); !r) {
            die("step " + std::string(core::to_string(s)) + " on " + number + ": " +
                r.error().message);
        }
        ++m_steps;
    }

    void take_path(const std::string& number, Path path) {
        const core::Actor desk{k_desk[pick(std::size(k_desk))], core::Role::frontdesk, {}};
        const core::Actor supervisor{"S002", core::Role::supervisor, {}};
        const core::Actor center{"RC-07", core::Role::manager, {}};
        if (path == Path::received) {
            return;
        }
        step(number, core::Step::acknowledge, desk, json::object());
        if (percent() < 15) {
            step(number, core::Step::note, desk, {{"text", text(1, 2)}});
        }
        switch (path) {
        case Path::acknowledged:
            return;
        case Path::resolved:
        case Path::satisfied:
        case Path::second_round:
        case Path::closed_satisfied:
        case Path::closed_by_supervisor:
            step(number, core::Step::resolve, desk, {{"resolution", text(1, 3)}});
            if (path == Path::resolved) {
                return;
            }
            if (path == Path::closed_by_supervisor) {
                step(number, core::Step::close, supervisor, {{"reason", "客户未再联系"}});
                return;
            }
            if (path == Path::second_round) {
                step(number, core::Step::satisfaction, desk,
                     {{"level", "unsatisfied"}, {"due_at", m_clock.now() + core::k_day}});
                return;
            }
            step(number, core::Step::satisfaction, desk,
                 {{"level", percent() < 80 ? "satisfied" : "mostly_satisfied"}});
            if (path == Path::satisfied) {
                return;
            }
            step(number, core::Step::close, desk, json::object());
            return;
        default:
            break;
        }
        // Through the regional center.
        step(number, core::Step::submit, desk, {{"reason", "需要业务部门核实"}});
        if (path == Path::submitted) {
            return;
        }
        if (path == Path::returned) {
            step(number, core::Step::review_return, center, {{"reason", "材料不全，请补充"}});
            return;
        }
        step(number, core::Step::review_accept, center, json::object());
        if (path == Path::accepted) {
            return;
        }
        step(number, core::Step::dispatch, center,
             {{"departments", {"billing"}}, {"deadline", m_clock.now() + 3 * core::k_day}});
        if (path == Path::dispatched) {
            return;
        }
        step(number, core::Step::sign_for, center, {{"department", "billing"}});
        step(number, core::Step::handle, center,
             {{"department", "billing"},
              {"investigation", text(1, 2)},
              {"responsibility", "our_department"},
              {"solution", text(1, 2)}});
        if (path == Path::handled) {
            return;
        }
        step(number, core::Step::audit_approve, center, json::object());
        if (path == Path::audited) {
            return;
        }
        step(number, core::Step::feedback, center, {{"text", text(1, 3)}});
        if (path == Path::answered) {
            return;
        }
        step(number, core::Step::contact, desk, {{"channel", "phone"}, {"outcome", text(1, 1)}});
        step(number, core::Step::satisfaction, desk, {{"level", "satisfied"}});
        step(number, core::Step::close, desk, json::object());
    }

    // A ticket argued over for weeks: notes and calls, the center twice, a second round, a
    // reopen. Left acknowledged and assigned to k_staff_id. About `events` events.
    std::string long_timeline(int events) {
        core::NewTicket t = ticket();
        t.request_type = core::RequestType::complaint;
        t.priority = core::Priority::urgent;
        t.description = text(8, 12);
        t.receiver = k_staff_id;
        auto filed = m_store.file_many(std::span(&t, 1), {k_staff_id, core::Role::frontdesk, {}});
        if (!filed) {
            die("filing the long-timeline ticket: " + filed.error().message);
        }
        const std::string number = filed->front().number;
        const core::Actor me{k_staff_id, core::Role::frontdesk, {}};
        const core::Actor supervisor{"S002", core::Role::supervisor, {}};
        const core::Actor center{"RC-07", core::Role::manager, {}};
        const int before = m_steps;
        step(number, core::Step::acknowledge, me, json::object());
        const int chatter = std::max(0, events - 30);
        for (int i = 0; i < chatter / 2; ++i) {
            step(number, core::Step::note, me, {{"text", text(1, 4)}});
            step(number, core::Step::note, i % 4 == 0 ? supervisor : me, {{"text", text(1, 2)}});
        }
        step(number, core::Step::submit, me, {{"reason", text(1, 2)}});
        step(number, core::Step::review_return, center, {{"reason", text(1, 2)}});
        step(number, core::Step::submit, me, {{"reason", text(1, 2)}});
        step(number, core::Step::review_accept, center, json::object());
        step(number, core::Step::dispatch, center,
             {{"departments", {"billing", "network"}},
              {"deadline", m_clock.now() + 3 * core::k_day}});
        for (const char* dept : {"billing", "network"}) {
            step(number, core::Step::sign_for, center, {{"department", dept}});
            step(number, core::Step::handle, center,
                 {{"department", dept},
                  {"investigation", text(2, 3)},
                  {"responsibility", "our_department"},
                  {"solution", text(1, 2)}});
        }
        step(number, core::Step::audit_reject, center,
             {{"reason", text(1, 2)},
              {"departments", {"billing"}},
              {"deadline", m_clock.now() + 2 * core::k_day}});
        step(number, core::Step::sign_for, center, {{"department", "billing"}});
        step(number, core::Step::handle, center,
             {{"department", "billing"},
              {"investigation", text(2, 3)},
              {"responsibility", "supplier"},
              {"solution", text(1, 2)}});
        step(number, core::Step::audit_approve, center, json::object());
        step(number, core::Step::feedback, center, {{"text", text(3, 5)}});
        step(number, core::Step::contact, me, {{"channel", "phone"}, {"outcome", text(1, 2)}});
        step(number, core::Step::satisfaction, me,
             {{"level", "unsatisfied"}, {"due_at", m_clock.now() + core::k_day}});
        for (int i = 0; i < 4; ++i) {
            step(number, core::Step::note, supervisor, {{"text", text(1, 3)}});
        }
        step(number, core::Step::resolve, supervisor,
             {{"resolution", text(2, 3)}, {"compensation", 120}});
        step(number, core::Step::satisfaction, me, {{"level", "mostly_satisfied"}});
        step(number, core::Step::close, me, json::object());
        step(number, core::Step::reopen, me,
             {{"reason", text(1, 2)}, {"due_at", m_clock.now() + 2 * core::k_day}});
        while (m_steps - before + 1 < events) {
            step(number, core::Step::note, me, {{"text", text(1, 3)}});
        }
        return number;
    }

    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng);
    }
    int percent() { return static_cast<int>(pick(100)); }
    int steps() const { return m_steps; }

private:
    core::TicketStore& m_store;
    core::ManualClock& m_clock;
    std::mt19937 m_rng;
    std::vector<std::string> m_categories;
    int m_steps = 0;
};

struct Dataset {
    std::string long_ticket;    // the long timeline
    std::string typical_ticket; // an open ticket with a few events
};

// Makes `data` with `count` tickets filed over the last year, ending now. Prints what it made.
Dataset generate(const fs::path& data, int count, int timeline, const forms::Catalog& catalog) {
    core::InitOptions init;
    init.branch = "SZ01";
    init.terminal = "C1";
    if (auto r = core::TicketStore::init(data, init); !r) {
        die(r.error().message);
    }
    const int days = std::clamp(count / 50, 1, 365);
    const core::Millis end = core::SystemClock().now() - core::k_hour;
    core::ManualClock clock(end - days * core::k_day);
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        die(store.error().message);
    }
    (void)store->database().exec("PRAGMA synchronous=OFF");
    core::StaffDirectory staff(store->database(), store->sealer().pin_pepper());
    if (auto r =
            staff.add({k_staff_id, "李四", core::Role::frontdesk, false}, k_staff_pin, clock.now());
        !r) {
        die(r.error().message);
    }
    if (auto r =
            staff.add({"S002", "王主管", core::Role::supervisor, false}, "246801", clock.now());
        !r) {
        die(r.error().message);
    }
    Generator gen(store.value(), clock, catalog);
    Dataset out;
    const double t0 = bench::now_ms();
    int filed_total = 0;
    for (int day = 0; day < days; ++day) {
        const int n = count / days + (day < count % days ? 1 : 0);
        clock.set(std::max(clock.now(), end - (days - day) * core::k_day + 9 * core::k_hour -
                                            static_cast<core::Millis>(gen.pick(3)) * core::k_hour));
        std::vector<core::NewTicket> tickets;
        for (int i = 0; i < n; ++i) {
            tickets.push_back(gen.ticket());
        }
        auto filed = store->file_many(tickets, {"S001", core::Role::frontdesk, {}});
        if (!filed) {
            die("filing: " + filed.error().message);
        }
        filed_total += n;
        const int age = days - 1 - day;
        for (const core::Ticket& t : *filed) {
            const Path path = gen.path_for(age);
            gen.take_path(t.number, path);
            if (age == 0 && path == Path::submitted && out.typical_ticket.empty()) {
                out.typical_ticket = t.number;
            }
        }
        if (day % 30 == 29) {
            std::fprintf(stderr, "  ... %d tickets, %d steps, %.0f s\n", filed_total, gen.steps(),
                         (bench::now_ms() - t0) / 1000);
        }
    }
    clock.set(std::max(clock.now(), end - 6 * core::k_hour));
    out.long_ticket = gen.long_timeline(timeline);
    if (out.typical_ticket.empty()) {
        out.typical_ticket = out.long_ticket;
    }
    (void)store->database().exec("PRAGMA synchronous=FULL");
    (void)store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    (void)store->database().exec("ANALYZE");
    std::printf("generated %d tickets over %d days with %d steps in %.1f s (%s)\n", filed_total + 1,
                days, gen.steps(), (bench::now_ms() - t0) / 1000, data.string().c_str());
    std::ofstream(data / "bench-tickets.txt") << out.long_ticket << "\n"
                                              << out.typical_ticket << "\n";
    return out;
}

Dataset open_or_generate(const fs::path& data, int count, int timeline,
                         const forms::Catalog& catalog) {
    if (fs::exists(data / "bench-tickets.txt")) {
        Dataset d;
        std::ifstream in(data / "bench-tickets.txt");
        in >> d.long_ticket >> d.typical_ticket;
        std::printf("reusing %s\n", data.string().c_str());
        return d;
    }
    return generate(data, count, timeline, catalog);
}

// ================================================================ [SECTION] the counter

// ImGui's context for the scope, destroyed after everything that uses it.
struct ImGuiScope {
    ImGuiScope() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().LogFilename = nullptr;
        ImGui::GetStyle().TouchExtraPadding = ImVec2(8, 8);               // as app/kiosk_app.cpp
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // as counter_app.cpp
    }
    ~ImGuiScope() { ImGui::DestroyContext(); }
    ImGuiScope(const ImGuiScope&) = delete;
    ImGuiScope& operator=(const ImGuiScope&) = delete;
};

// One store with its counter: the controller and frame as app/counter_app.cpp makes them.
struct Counter {
    Counter(const fs::path& data, const forms::Catalog& catalog, app::KioskFonts& fonts)
        : store(open_store(data, clock)), staff(store.database(), store.sealer().pin_pepper()) {
        counter::CounterServices services;
        services.store = &store;
        services.catalog = &catalog;
        services.clock = &clock;
        services.staff = &staff;
        // As the app: ids and counts load on a worker; a click does not wait for them.
        services.background_queue_dir = data;
        controller.emplace(services);
        counter::CounterHooks hooks;
        hooks.fonts = [&fonts](ui::Locale l) {
            return fonts.fonts_for(l);
        };
        hooks.shown_text = [&fonts](std::string_view text) {
            fonts.add_text(text);
        };
        // The on-screen pinyin panel stays closed in every measured scenario.
        frame.emplace(*controller, std::move(hooks), nullptr);
    }

    static core::TicketStore open_store(const fs::path& data, const core::Clock& clock) {
        auto store = core::TicketStore::open(data, clock);
        if (!store) {
            die(store.error().message);
        }
        return std::move(*store);
    }

    RecordingClock clock;
    core::TicketStore store;
    core::StaffDirectory staff;
    std::optional<counter::CounterController> controller;
    std::optional<counter::CounterFrame> frame;
};

// What happens before a frame's begin_frame, as input would make it happen.
struct Input {
    float wheel = 0;                // notches, negative = down
    std::optional<float> scroll_to; // the queue's scrollbar dragged to this share of its range
    std::function<void()> action;   // a click's effect (tab, sort, back), run inside the frame
};

class Bench {
public:
    Bench(const forms::Catalog& catalog, const fs::path& assets) {
        platform::WindowOptions window;
        window.title = "Counterfoil";
        window.fullscreen = false;
        window.width = 1920;
        window.height = 1080;
        auto opened = platform::GlfwPlatform::create(window);
        if (!opened) {
            die(opened.error().message);
        }
        m_platform = std::move(*opened);
        platform::Platform& p = *m_platform;
        const float scale =
            app::k_counter_font_factor *
            counter::CounterFrame::scale_for(static_cast<float>(p.framebuffer_size().height));
        auto fonts = app::KioskFonts::open({}, catalog, assets, scale, [&p] { p.wake(); });
        if (!fonts) {
            die(fonts.error().message);
        }
        m_fonts = std::move(*fonts);
        if (auto ready = m_fonts->finish_first_atlas(); !ready) {
            die(ready.error().message);
        }
        m_fonts->start_common_characters();
    }
    ~Bench() { m_platform.reset(); } // the backends before the fonts' atlas
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    app::KioskFonts& fonts() { return *m_fonts; }

    // One counter frame; `c` null draws the baseline: an empty ImGui window with one line.
    FrameCost frame(Counter* c, const Input& in = {}) {
        const double t0 = bench::cpu_ms(CLOCK_THREAD_CPUTIME_ID);
        const double p0 = bench::cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
        const double w0 = bench::now_ms();
        m_platform->wait_for_input(0.0);
        ImGuiIO& io = ImGui::GetIO();
        if (in.wheel != 0 && m_table != nullptr) {
            // The pointer over the list; the backend moves the X pointer there and reads it.
            io.MousePos = ImVec2(m_table->Pos.x + m_table->Size.x * 0.5f,
                                 m_table->Pos.y + m_table->Size.y * 0.5f);
            io.WantSetMousePos = true;
            io.MouseWheel += in.wheel;
        }
        if (in.scroll_to && m_table != nullptr) {
            ImGui::SetScrollY(m_table, *in.scroll_to * m_table->ScrollMax.y);
        }
        if (in.action) {
            if (c != nullptr) {
                c->controller->touch();
            }
            in.action();
        }
        m_fonts->before_frame();
        // CounterFrame::before_frame reloads the queue when the minute changed (countdowns).
        const core::Millis minute = core::SystemClock().now() / core::k_minute;
        const bool new_minute = minute != m_minute;
        m_minute = minute;
        if (c != nullptr) {
            c->frame->before_frame();
        }
        m_platform->begin_frame();
        if (c != nullptr) {
            c->frame->draw();
        } else {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(io.DisplaySize);
            ImGui::Begin("baseline", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::TextUnformatted("Counterfoil");
            ImGui::End();
        }
        m_platform->end_frame();
        FrameCost cost{bench::cpu_ms(CLOCK_THREAD_CPUTIME_ID) - t0,
                       bench::cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - p0, bench::now_ms() - w0, false};
        cost.minute_refresh =
            new_minute && c != nullptr && c->controller->screen() == counter::Screen::queue;
        m_table = find_list_window();
        return cost;
    }

    // The scrolling window of the queue's table as last drawn, or null.
    ImGuiWindow* table() const { return m_table; }

private:
    static ImGuiWindow* find_list_window() {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        for (ImGuiWindow* w : g.Windows) {
            if (w->WasActive && (w->Flags & ImGuiWindowFlags_ChildWindow) != 0 &&
                std::string_view(w->Name).find("/queue_") != std::string_view::npos) {
                return w;
            }
        }
        return nullptr;
    }

    std::unique_ptr<platform::GlfwPlatform> m_platform;
    std::unique_ptr<app::KioskFonts> m_fonts;
    ImGuiWindow* m_table = nullptr;
    core::Millis m_minute = 0;
};

// Draws frames until the queue's background load is in, then the frame that shows it: first
// paint is the frame with the new list, not an earlier one that still shows the old rows.
void paint_loaded(Bench& b, Counter& c) {
    b.frame(&c);
    while (c.controller->queue().loading()) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        c.controller->tick(); // takes the load when it is in
        if (!c.controller->queue().loading()) {
            b.frame(&c);
        }
    }
}

// Signs in from the sign-in screen and draws the first frame. Returns {first paint, the whole
// sign-in including the PIN check}, wall ms.
std::pair<double, double> sign_in_and_paint(Bench& b, Counter& c) {
    c.controller->sign_out();
    b.frame(&c);
    c.clock.calls.clear();
    const double t0 = bench::now_ms();
    c.clock.armed = true;
    c.controller->sign_in(k_staff_id, k_staff_pin);
    c.clock.armed = false;
    if (!c.controller->signed_in() || c.controller->screen() != counter::Screen::queue) {
        die("sign-in did not reach the queue");
    }
    // The first now() is the PIN check's own; the second comes right after it.
    if (c.clock.calls.size() < 3) {
        die("the controller's sign-in no longer asks the clock after the PIN check");
    }
    const double pin_done = c.clock.calls[1];
    paint_loaded(b, c);
    const double t1 = bench::now_ms();
    return {t1 - pin_done, t1 - t0};
}

double paint_after(Bench& b, Counter& c, const std::function<void()>& request) {
    const double t0 = bench::now_ms();
    request();
    paint_loaded(b, c);
    return bench::now_ms() - t0;
}

std::string describe(const std::vector<double>& v) {
    char text[160];
    std::snprintf(text, sizeof text, "median %7.1f ms  min %7.1f  max %7.1f  (n=%zu)",
                  bench::percentile(v, 50), bench::percentile(v, 0), bench::percentile(v, 100),
                  v.size());
    return text;
}

} // namespace

int main(int argc, char** argv) {
    const int count = std::max(1, std::atoi(bench::arg(argc, argv, "--count", "100000").c_str()));
    const int rounds = std::max(1, std::atoi(bench::arg(argc, argv, "--rounds", "6").c_str()));
    const int timeline =
        std::max(30, std::atoi(bench::arg(argc, argv, "--timeline", "200").c_str()));
    const fs::path dir = bench::arg(
        argc, argv, "--dir", fs::canonical("/proc/self/exe").parent_path().parent_path().string());
    const fs::path assets = bench::arg(argc, argv, "--assets", COUNTERFOIL_BENCH_ASSETS);
    const std::string keep = bench::arg(argc, argv, "--data", "");
    std::string command = argv[0];
    for (int i = 1; i < argc; ++i) {
        command += std::string(" ") + argv[i];
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        die("needs a display: run it under LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s \"-screen 0 "
            "1920x1080x24\"");
    }
    auto catalog = forms::load_catalog(assets);
    if (!catalog) {
        die("assets: " + forms::to_string(catalog.error().front()));
    }
    const std::string load_before = load_average();

    bench::ScratchDir scratch(dir);
    const fs::path big_dir = keep.empty() ? scratch.path / "big" : fs::path(keep);
    const fs::path small_dir = scratch.path / "small";
    const Dataset big = open_or_generate(big_dir, count, timeline, *catalog);
    const Dataset small = generate(small_dir, 100, 30, *catalog);

    const std::string n =
        count % 1000 == 0 ? std::to_string(count / 1000) + "k" : std::to_string(count);
    Row empty{"baseline: empty ImGui window", {}, {}, {}};
    Row small_static{"baseline: queue of 100 tickets, still", {}, {}, {}};
    Row small_wheel{"baseline: queue of 100 tickets, wheel", {}, {}, {}};
    Row q_static{"queue " + n + ": still", {}, {}, {}};
    Row q_wheel{"queue " + n + ": wheel scrolling (2 notches/frame)", {}, {}, {}};
    Row q_jump{"queue " + n + ": scrollbar jumps (middle, end, random)", {}, {}, {}};
    Row q_switch{"queue " + n + ": the frame a tab or sort is clicked", {}, {}, {}};
    Row q_after_switch{"queue " + n + ": frames after a tab/sort click", {}, {}, {}};
    Row d_long{"detail: long timeline, still", {}, {}, {}};
    Row d_long_wheel{"detail: long timeline, wheel over the timeline", {}, {}, {}};
    Row d_typical{"detail: typical ticket, still", {}, {}, {}};
    Row minute{"queue " + n + ": the once-a-minute reload frame", {}, {}, {}};
    std::vector<double> paint_sign_in, sign_in_total, paint_tab, paint_closed, paint_back;
    std::vector<double> paint_small_sign_in, paint_small_tab;
    std::string renderer;
    std::size_t queue_size = 0;
    std::size_t timeline_events = 0;
    core::TabCounts tab_counts{};
    int wheel_rows_moved = 0;
    {
        ImGuiScope imgui;
        Bench b(*catalog, assets);
        renderer = bench::gl_renderer();
        Counter c(big_dir, *catalog, b.fonts());
        Counter s(small_dir, *catalog, b.fonts());

        // Warm-up: every screen measured, so shaders, layouts and glyphs are in place, then
        // the common characters and whatever the tickets added settle into the atlas.
        for (Counter* x : {&c, &s}) {
            x->controller->sign_in(k_staff_id, k_staff_pin);
            for (core::QueueTab t : core::k_all_tabs) {
                x->controller->set_tab(t);
                paint_loaded(b, *x);
                for (int i = 0; i < 3; ++i) {
                    b.frame(x, {-3, std::nullopt, {}});
                }
            }
            x->controller->set_tab(core::QueueTab::fresh);
        }
        c.controller->open(big.long_ticket);
        b.frame(&c);
        c.controller->open(big.typical_ticket);
        b.frame(&c);
        c.controller->go(counter::Screen::queue);
        for (int i = 0; i < 3; ++i) {
            b.fonts().settle();
            for (int k = 0; k < 5; ++k) {
                b.frame(&c);
            }
        }
        paint_loaded(b, c);
        b.frame(nullptr);
        queue_size = c.controller->queue().size();
        for (core::QueueTab t : core::k_all_tabs) {
            tab_counts[static_cast<int>(t)] = c.controller->queue().count(t);
        }

        const core::QueueSort sorts[] = {core::QueueSort::deadline, core::QueueSort::priority,
                                         core::QueueSort::newest, core::QueueSort::oldest};
        std::mt19937 rng(5);
        const auto measure = [](Row& row, Row& minutes, const FrameCost& f) {
            (f.minute_refresh ? minutes : row).add(f);
        };
        for (int round = 0; round < rounds; ++round) {
            // First paint: sign-in, tabs not yet loaded, back from the detail after a step.
            for (int i = 0; i < 3; ++i) {
                const auto [paint, total] = sign_in_and_paint(b, c);
                paint_sign_in.push_back(paint);
                sign_in_total.push_back(total);
                paint_small_sign_in.push_back(sign_in_and_paint(b, s).first);
            }
            for (core::QueueTab t : core::k_all_tabs) {
                const core::QueueTab next = t == core::QueueTab::fresh ? core::QueueTab::mine : t;
                const double ms = paint_after(b, c, [&] { c.controller->set_tab(next); });
                (next == core::QueueTab::closed ? paint_closed : paint_tab).push_back(ms);
                paint_small_tab.push_back(paint_after(b, s, [&] { s.controller->set_tab(next); }));
            }
            c.controller->open(big.typical_ticket);
            b.frame(&c);
            (void)c.store.act(big.typical_ticket, core::Step::note,
                              {k_staff_id, core::Role::frontdesk, {}},
                              {{"text", "已电话联系客户，说明处理进度"}});
            c.controller->open(big.typical_ticket);
            b.frame(&c);
            paint_back.push_back(
                paint_after(b, c, [&] { c.controller->go(counter::Screen::queue); }));

            // Baselines.
            for (int i = 0; i < 60; ++i) {
                empty.add(b.frame(nullptr));
            }
            s.controller->set_tab(core::QueueTab::closed);
            paint_loaded(b, s);
            for (int i = 0; i < 60; ++i) {
                small_static.add(b.frame(&s));
            }
            for (int i = 0; i < 60; ++i) {
                small_wheel.add(b.frame(&s, {i % 20 < 10 ? -2.0f : 2.0f, std::nullopt, {}}));
            }

            // The queue of 100,000: the closed tab is the long one.
            c.controller->set_tab(core::QueueTab::closed);
            paint_loaded(b, c);
            b.frame(&c, {0, 0.0f, {}});
            for (int i = 0; i < 60; ++i) {
                measure(q_static, minute, b.frame(&c));
            }
            const float before = b.table() != nullptr ? b.table()->Scroll.y : 0;
            for (int i = 0; i < 150; ++i) {
                measure(q_wheel, minute, b.frame(&c, {-2, std::nullopt, {}}));
            }
            if (b.table() != nullptr && round == 0) {
                wheel_rows_moved = static_cast<int>((b.table()->Scroll.y - before) /
                                                    ImGui::GetTextLineHeightWithSpacing());
            }
            std::uniform_real_distribution<float> anywhere(0, 1);
            for (int i = 0; i < 30; ++i) {
                const float to = i % 3 == 0 ? 0.5f : i % 3 == 1 ? 1.0f : anywhere(rng);
                measure(q_jump, minute, b.frame(&c, {0, to, {}}));
                for (int k = 0; k < 2; ++k) {
                    measure(q_jump, minute, b.frame(&c, {-1, std::nullopt, {}}));
                }
            }
            for (int i = 0; i < 24; ++i) {
                const core::QueueTab tab = core::k_all_tabs[static_cast<std::size_t>(i) % 6];
                const core::QueueSort sort = sorts[static_cast<std::size_t>(i / 6) % 4];
                measure(q_switch, minute, b.frame(&c, {0, std::nullopt, [&] {
                                                           core::QueueFilter f =
                                                               c.controller->queue().filter();
                                                           f.tab = tab;
                                                           f.sort = sort;
                                                           c.controller->set_queue_filter(f);
                                                       }}));
                for (int k = 0; k < 4; ++k) {
                    measure(q_after_switch, minute, b.frame(&c, {-1, std::nullopt, {}}));
                }
            }

            // Detail screens.
            c.controller->open(big.long_ticket);
            b.frame(&c);
            timeline_events = c.controller->detail()->events.size();
            for (int i = 0; i < 60; ++i) {
                d_long.add(b.frame(&c));
            }
            for (int i = 0; i < 60; ++i) {
                d_long_wheel.add(b.frame(&c, {i % 30 < 15 ? -2.0f : 2.0f, std::nullopt, {}}));
            }
            c.controller->open(big.typical_ticket);
            b.frame(&c);
            for (int i = 0; i < 60; ++i) {
                d_typical.add(b.frame(&c));
            }
            c.controller->go(counter::Screen::queue);
            c.controller->set_tab(core::QueueTab::fresh);
            std::fprintf(stderr, "  round %d of %d done\n", round + 1, rounds);
        }
    }

    std::printf("counter_frame_bench: the counter's queue and detail screens, 1920x1080 window\n");
    std::printf("command: %s\n", command.c_str());
    std::printf("machine: %s, %ld CPUs online; load average before %s, after %s\n",
                bench::cpu_model().c_str(), sysconf(_SC_NPROCESSORS_ONLN), load_before.c_str(),
                load_average().c_str());
    std::printf("renderer: %s; LIBGL_ALWAYS_SOFTWARE=%s\n", renderer.c_str(),
                std::getenv("LIBGL_ALWAYS_SOFTWARE") != nullptr
                    ? std::getenv("LIBGL_ALWAYS_SOFTWARE")
                    : "(unset)");
    std::printf("tabs (new, mine, awaiting center, feedback arrived, overdue, closed):");
    for (auto n : tab_counts) {
        std::printf(" %lld", static_cast<long long>(n));
    }
    std::printf("; the first tab's list %zu ids\n", queue_size);
    std::printf("long timeline: %zu events; wheel scrolling moved about %d rows in 150 frames\n\n",
                timeline_events, wheel_rows_moved);

    std::printf("first paint (wall ms, request -> frame swapped), %d rounds:\n", rounds);
    std::printf("  sign-in, PIN checked -> queue             %s\n",
                describe(paint_sign_in).c_str());
    std::printf("  sign-in incl. the PIN check               %s\n",
                describe(sign_in_total).c_str());
    std::printf("  tab clicked, not loaded (open tabs)       %s\n", describe(paint_tab).c_str());
    std::printf("  tab clicked: closed                       %s\n", describe(paint_closed).c_str());
    std::printf("  back from detail after a step             %s\n", describe(paint_back).c_str());
    std::printf("  baseline: sign-in -> queue (100 tickets)  %s\n",
                describe(paint_small_sign_in).c_str());
    std::printf("  baseline: tab clicked (100 tickets)       %s\n\n",
                describe(paint_small_tab).c_str());

    std::printf("%-52s %6s %8s %8s %8s %8s %9s %8s\n", "frames (ms)", "n", "p50", "p95", "p99",
                "max", "proc p50", "wall p50");
    std::printf("%-52s %6s %8s %8s %8s %8s %9s %8s\n", "", "", "thread", "thread", "thread",
                "thread", "", "");
    for (const Row* r : {&empty, &small_static, &small_wheel, &q_static, &q_wheel, &q_jump,
                         &q_switch, &q_after_switch, &d_long, &d_long_wheel, &d_typical, &minute}) {
        print_row(*r);
    }
    Row all_queue{"queue " + n + ": all frames except clicks", {}, {}, {}};
    for (const Row* r : {&q_static, &q_wheel, &q_jump, &q_after_switch}) {
        for (std::size_t i = 0; i < r->thread.size(); ++i) {
            all_queue.add({r->thread[i], r->process[i], r->wall[i], false});
        }
    }
    print_row(all_queue);
    std::printf("\n");
    const auto verdict = [](const char* what, double value, double target) {
        std::printf("target %-44s %8.2f ms (target %.0f ms): %s\n", what, value, target,
                    value <= target ? "met" : "MISSED");
    };
    verdict("p99 CPU, queue scrolling (wheel)", bench::percentile(q_wheel.thread, 99), 4);
    verdict("p99 CPU, queue scrollbar jumps", bench::percentile(q_jump.thread, 99), 4);
    verdict("p99 CPU, queue tab/sort click frames", bench::percentile(q_switch.thread, 99), 4);
    verdict("p99 CPU, detail with the long timeline", bench::percentile(d_long.thread, 99), 4);
    verdict("p99 CPU, detail typical", bench::percentile(d_typical.thread, 99), 4);
    verdict("first paint after sign-in (median)", bench::percentile(paint_sign_in, 50), 100);
    verdict("first paint, tab clicked (median)", bench::percentile(paint_tab, 50), 100);
    verdict("first paint, closed tab (median)", bench::percentile(paint_closed, 50), 100);
    return 0;
}
