#include "app/counter_tour.h"

#include "core/sync_state.h"
#include "forms/intake.h"

#include <imgui.h>

#include <algorithm>
#include <functional>
#include <iostream>

namespace cf::app {

namespace {

using counter::Screen;

constexpr const char* k_frontdesk_pin = "135790";
constexpr const char* k_supervisor_pin = "246801";

class Shots {
public:
    Shots(CounterTour& t, std::filesystem::path out) : m_t(t), m_out(std::move(out)) {}

    void render(int frames) {
        for (int i = 0; i < frames; ++i) {
            m_t.fonts.before_frame();
            m_t.frame.before_frame();
            m_t.platform.begin_frame();
            m_t.frame.draw();
            m_t.platform.end_frame();
        }
    }
    void shot(const std::string& name) {
        render(2);
        m_t.fonts.settle(); // the final atlas, with every glyph the screen asked for
        render(3);
        if (auto r = m_t.platform.capture_png(m_out / (name + ".png")); !r) {
            std::cerr << "counterfoil: " << r.error().message << "\n";
            ++m_failed;
        }
    }
    int failed() const { return m_failed; }

private:
    CounterTour& m_t;
    std::filesystem::path m_out;
    int m_failed = 0;
};

struct Sample {
    core::RequestType type;
    const char* category;
    core::Priority priority;
    const char* description;
    const char* name;
    const char* phone;
    core::Millis age;
    const char* special_type = nullptr; // e.g. "media_exposure"; none otherwise
};

// Files one ticket at the clock's time, as S001 at the counter or the kiosk.
std::string file_sample(CounterTour& t, const Sample& s, bool kiosk) {
    nlohmann::json submission = {{"request_type", std::string(core::to_string(s.type))},
                                 {"category", s.category},
                                 {"priority", std::string(core::to_string(s.priority))},
                                 {"description", s.description},
                                 {"customer", {{"name", s.name}, {"phone", s.phone}}},
                                 {"receiver", kiosk ? "kiosk" : "S001"}};
    if (s.special_type != nullptr) {
        submission["special_type"] = s.special_type;
    }
    std::string number;
    if (auto prepared = forms::prepare_ticket(t.controller.catalog(), "counter", submission,
                                              t.store.identity().calendar, t.clock.now(),
                                              t.store.identity().branch)) {
        const core::Actor actor = kiosk ? core::Actor{"kiosk", core::Role::kiosk, {}}
                                        : core::Actor{"S001", core::Role::frontdesk, {}};
        if (auto filed = t.store.file(prepared->ticket, actor)) {
            number = filed->number;
        }
    }
    return number;
}

void step(CounterTour& t, const std::string& number, core::Step s, const core::Actor& actor,
          nlohmann::json payload) {
    if (auto ticket = t.store.get(number)) {
        forms::add_step_deadline(t.controller.catalog(), t.store.identity().calendar, *ticket, s,
                                 payload, t.clock.now());
    }
    if (auto r = t.store.act(number, s, actor, payload); !r) {
        std::cerr << "counterfoil: tour data: " << r.error().message << "\n";
    }
}

struct TourTickets {
    std::string with_history;
    std::string answered;
    std::string fresh;      // every branch clock running: first response, contact, ticket deadline
    std::string crisis;     // 外宣传型: 004's checklist, one step ticked
    std::string from_kiosk; // new, filed at the kiosk: its classification may be corrected
};

// Tickets in every tab: new from the kiosk and the counter, taken, at the center, answered,
// overdue, in the second round and closed.
TourTickets make_sample_tickets(CounterTour& t) {
    using core::Priority;
    using core::RequestType;
    const core::Actor desk{"S001", core::Role::frontdesk, {}};
    const core::Actor boss{"S002", core::Role::supervisor, {}};
    const Sample samples[] = {
        {RequestType::complaint, "billing.overcharge", Priority::important,
         "上个月话费多扣了 58 元，营业厅说会退但一直没退", "张伟", "13800138000",
         40 * core::k_minute},
        {RequestType::complaint, "product_quality.malfunction", Priority::urgent,
         "家里宽带断了三天，客服电话打不通", "王秀英", "13912345678", 25 * core::k_minute},
        {RequestType::enquiry, "billing", Priority::normal, "想了解一下套餐变更的手续和费用",
         "Li Na", "13700001111", 3 * core::k_hour},
        {RequestType::complaint, "service_attitude.rude_staff", Priority::important,
         "柜台工作人员态度很差，排队一个小时", "刘洋", "13600002222", 2 * core::k_day},
        {RequestType::suggestion, "service_attitude", Priority::normal, "建议周末延长营业时间",
         "陈静", "13500003333", 26 * core::k_hour},
        {RequestType::complaint, "billing.overcharge", Priority::important,
         "国际漫游费用明显不对，要求核查并退还", "杨帆", "13400004444", 4 * core::k_day},
        {RequestType::praise, "service_attitude", Priority::normal,
         "表扬 3 号窗口的工作人员耐心细致", "赵磊", "13300005555", 5 * core::k_day},
        {RequestType::complaint, "product_quality.network_signal", Priority::urgent,
         "手机信号差，通话经常中断", "黄丽", "13200006666", 6 * core::k_day},
        {RequestType::complaint, "service_attitude.rude_staff", Priority::urgent,
         "我是报社记者，营业员当众辱骂我，不解决就登报曝光", "孙浩", "13100007777",
         90 * core::k_minute, "media_exposure"},
        {RequestType::complaint, "billing.overcharge", Priority::important,
         "宽带费连续三个月重复扣款，两次处理都没有解决", "周强", "13000008888", 8 * core::k_day},
    };
    // The past happens in time order: the event log's hybrid clock never runs backwards, so
    // a step dated before an earlier event would be dated at that event instead.
    std::vector<std::string> n(std::size(samples));
    struct Past {
        core::Millis ago;
        std::function<void()> run;
    };
    std::vector<Past> past;
    for (std::size_t i = 0; i < std::size(samples); ++i) {
        past.push_back({samples[i].age, [&t, &n, &samples, i] {
                            n[i] = file_sample(t, samples[i], i % 3 == 1);
                        }});
    }
    const core::Actor reviewer{"C001", core::Role::reviewer, {}};
    const core::Actor dispatcher{"C002", core::Role::dispatcher, {}};
    const auto handle = [&t, &n](std::size_t i, const char* department, const char* responsibility,
                                 const char* investigation, const char* solution) {
        step(t, n[i], core::Step::sign_for, {"H001", core::Role::handler, department},
             {{"department", department}});
        step(t, n[i], core::Step::handle, {"H001", core::Role::handler, department},
             {{"department", department},
              {"investigation", investigation},
              {"responsibility", responsibility},
              {"solution", solution}});
    };
    // n[5]: the whole center workflow: billing answers within its two days, network late.
    past.push_back({4 * core::k_day - 20 * core::k_minute, [&] {
                        step(t, n[5], core::Step::acknowledge, desk, {});
                        step(t, n[5], core::Step::submit, desk, {{"reason", "漫游计费争议"}});
                    }});
    past.push_back({3 * core::k_day + 20 * core::k_hour, [&] {
                        step(t, n[5], core::Step::review_accept, reviewer, {});
                        step(t, n[5], core::Step::dispatch, dispatcher,
                             {{"departments", {"billing", "network"}},
                              {"deadline", t.clock.now() + 2 * core::k_day}});
                    }});
    past.push_back({3 * core::k_day, [&] {
                        handle(5, "billing", "our_department", "漫游计费规则配置错误",
                               "退还多收的 126 元并致歉");
                    }});
    past.push_back({core::k_day + 12 * core::k_hour, [&] {
                        handle(5, "network", "supplier", "漫游合作运营商话单重复",
                               "已要求合作方更正话单");
                    }});
    // n[3]: at the regional center with a history; its department's deadline has passed.
    past.push_back({2 * core::k_day - 30 * core::k_minute, [&] {
                        step(t, n[3], core::Step::acknowledge, desk, {});
                        step(t, n[3], core::Step::note, desk, {{"text", "客户要求书面道歉"}});
                        step(t, n[3], core::Step::submit, desk,
                             {{"reason", "涉及员工服务态度，需区域中心处理"}});
                    }});
    past.push_back(
        {core::k_day + 20 * core::k_hour, [&] {
             step(t, n[3], core::Step::review_accept, reviewer, {});
             step(t, n[3], core::Step::dispatch, dispatcher,
                  {{"departments", {"service"}}, {"deadline", t.clock.now() + core::k_day}});
         }});
    // n[6]: closed the day it came in. n[7]: answered at once, rated below.
    past.push_back({5 * core::k_day - 15 * core::k_minute, [&] {
                        step(t, n[6], core::Step::acknowledge, desk, {});
                        step(t, n[6], core::Step::resolve, desk, {{"resolution", "已转达表扬"}});
                        step(t, n[6], core::Step::satisfaction, desk, {{"level", "satisfied"}});
                        step(t, n[6], core::Step::close, desk, {});
                    }});
    past.push_back({6 * core::k_day - 20 * core::k_minute, [&] {
                        step(t, n[7], core::Step::acknowledge, desk, {});
                        step(t, n[7], core::Step::resolve, desk, {{"resolution", "已报修基站"}});
                    }});
    std::stable_sort(past.begin(), past.end(),
                     [](const Past& a, const Past& b) { return a.ago > b.ago; });
    const core::Millis now = t.clock.now();
    for (const Past& p : past) {
        t.clock.set(now - p.ago);
        p.run();
    }
    t.clock.set(now);
    // n[0], n[1]: new. n[2]: acknowledged (mine). n[4]: overdue (filed 26 h ago, never
    // answered).
    step(t, n[2], core::Step::acknowledge, desk, {});
    step(t, n[5], core::Step::audit_approve, {"C003", core::Role::auditor, {}}, {});
    step(t, n[5], core::Step::feedback, reviewer,
         {{"text", "经核查为计费配置错误，已退还 126 元，请向客户致歉"}});
    // n[7]: unsatisfied (now): second round with the supervisor.
    step(t, n[7], core::Step::satisfaction, desk, {{"level", "unsatisfied"}, {"assignee", "S002"}});
    // n[8]: a 外宣传型 customer, in the escalated tab from filing; the first of 004's steps done.
    step(t, n[8], core::Step::acknowledge, desk, {});
    step(t, n[8], core::Step::checklist, desk, {{"item", "listened_alone"}});
    // n[9]: unsatisfied after the supervisor's second round: escalated to the center's manager.
    step(t, n[9], core::Step::acknowledge, desk, {});
    step(t, n[9], core::Step::resolve, desk, {{"resolution", "已申请退还重复扣款"}});
    step(t, n[9], core::Step::satisfaction, desk, {{"level", "unsatisfied"}, {"assignee", "S002"}});
    step(t, n[9], core::Step::resolve, boss, {{"resolution", "主管核实后退还两个月费用"}});
    step(t, n[9], core::Step::satisfaction, desk, {{"level", "unsatisfied"}});
    return {n[3], n[5], n[0], n[8], n[1]};
}

void fill_entry(counter::CounterController& c) {
    counter::EntryDraft& d = c.draft();
    d.text["description"] = "这个月话费被多扣了 80 元，要求退款并说明原因";
    d.text["demand"] = "退还多扣的费用";
    d.text["customer_name"] = "周敏";
    d.text["customer_phone"] = "13811112222";
    d.choices["remedies"] = {"refund"};
}

void locale_tour(Shots& s, CounterTour& t, ui::Locale l, const TourTickets& tickets) {
    counter::CounterController& c = t.controller;
    const std::string p = "counter-" + std::string(ui::code(l)) + "-";
    c.set_locale(l);
    c.sign_in("S001", k_frontdesk_pin);
    const std::pair<core::QueueTab, const char*> tabs[] = {
        {core::QueueTab::fresh, "02-queue-new"},
        {core::QueueTab::mine, "03-queue-mine"},
        {core::QueueTab::awaiting_center, "04-queue-awaiting-center"},
        {core::QueueTab::feedback_arrived, "05-queue-feedback-arrived"},
        {core::QueueTab::overdue, "06-queue-overdue"},
        {core::QueueTab::closed, "07-queue-closed"},
    };
    c.go(Screen::queue);
    for (const auto& [tab, name] : tabs) {
        c.set_tab(tab);
        s.shot(p + name);
    }
    c.set_tab(core::QueueTab::fresh);

    c.go(Screen::entry);
    s.shot(p + "08-entry-empty");
    fill_entry(c);
    s.shot(p + "09-entry-suggestions");
    c.pinyin_panel() = true;
    s.shot(p + "10-entry-pinyin");
    c.pinyin_panel() = false;
    c.draft().text["customer_phone"] = "12345";
    c.save_entry();
    s.shot(p + "11-entry-errors");
    c.draft().text["customer_phone"] = "13811112222";
    c.save_entry();
    s.shot(p + "12-acknowledgement");
    if (c.saved()) { // the new ticket's detail: greeting, thanks, apology and the promise (话术)
        const std::string saved = c.saved()->number;
        c.open(saved);
        s.shot(p + "12b-detail-script");
    }

    c.open(tickets.with_history);
    s.shot(p + "13-detail-masked");
    c.show_contact();
    s.shot(p + "14-detail-contact-shown");
    c.open(tickets.answered);
    c.begin_step(core::Step::contact);
    s.shot(p + "15-detail-feedback-contact");
    if (c.saved()) {
        c.open(c.saved()->number);
        c.begin_step(core::Step::acknowledge);
        c.take_step();
        c.begin_step(core::Step::resolve);
        c.step_draft()->fields["resolution"] = "核实后退还 80 元并赔偿 600 元";
        c.step_draft()->fields["compensation"] = "680";
        s.shot(p + "16-detail-resolve-approval");
        c.cancel_step();
        c.begin_step(core::Step::resolve);
        c.step_draft()->fields["resolution"] = "核实后退还 80 元";
        c.take_step();
        c.begin_step(core::Step::satisfaction);
        c.step_draft()->fields["level"] = "unsatisfied";
        s.shot(p + "17-detail-second-round");
        c.cancel_step();
    }
    c.go(Screen::search);
    c.search_text() = "多扣";
    c.run_search();
    s.shot(p + "18-search");
    c.go(Screen::stats);
    s.shot(p + "19-stats");
    // The 考核 reports over the quarter, which holds every sample ticket (they are at most six
    // days old) except in a quarter's first days.
    c.stats().set_period(core::PeriodKind::this_quarter);
    c.stats().set_page(counter::StatsPage::reports);
    s.shot(p + "22-stats-reports");
    c.stats().set_page(counter::StatsPage::overview);
    c.stats().set_period(core::PeriodKind::today);
    c.go(Screen::dead_letters);
    s.shot(p + "20-dead-letters");
    c.open(tickets.fresh);
    s.shot(p + "21-detail-clocks");
    c.go(Screen::queue);
    c.set_tab(core::QueueTab::escalated);
    s.shot(p + "23-queue-escalated");
    c.open(tickets.crisis);
    s.shot(p + "24-detail-crisis-checklist");
    // A kiosk ticket's classification corrected at the counter: urgent, with a reason.
    c.open(tickets.from_kiosk);
    c.begin_step(core::Step::reclassify);
    if (c.step_draft()) {
        c.step_draft()->fields["priority"] = "urgent";
        c.step_draft()->fields["reason"] = "客户已断网三天，影响工作";
    }
    s.shot(p + "25-detail-correction");
    c.cancel_step();
    c.sign_out();
}

} // namespace

int run_counter_tour(CounterTour& t, const std::filesystem::path& out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "counterfoil: cannot create " << out_dir << ": " << ec.message() << "\n";
        return 4;
    }
    if (!t.staff.get("S001")) {
        (void)t.staff.add({"S001", "李四", core::Role::frontdesk, false}, k_frontdesk_pin,
                          t.clock.now());
    }
    if (!t.staff.get("S002")) {
        (void)t.staff.add({"S002", "王芳", core::Role::supervisor, false}, k_supervisor_pin,
                          t.clock.now());
    }
    const TourTickets tickets = make_sample_tickets(t);
    // A refused event for the dead-letter screen.
    core::SyncState sync(t.store);
    (void)sync.add_dead_letter({"0190aaaa-0000-7000-8000-000000000001", 1, 422,
                                "event 0190aaaa…0001: unknown category 'billing.legacy'",
                                t.clock.now() - core::k_hour});
    Shots shots(t, out_dir);
    shots.render(2);
    shots.shot("counter-01-sign-in");
    for (ui::Locale l : ui::k_all_locales) {
        locale_tour(shots, t, l, tickets);
    }
    std::cout << "counterfoil: wrote the counter screenshots to " << out_dir.string() << "\n";
    return shots.failed() == 0 ? 0 : 4;
}

} // namespace cf::app
