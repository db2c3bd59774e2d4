#include "app/console_tour.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace cf::app {

namespace {

using console::Screen;
using sync::ConsoleQueue;

class Shots {
public:
    Shots(ConsoleTour& t, std::filesystem::path out) : m_t(t), m_out(std::move(out)) {}

    void render(int frames) {
        for (int i = 0; i < frames; ++i) {
            m_t.fonts.before_frame();
            m_t.frame.before_frame();
            m_t.platform.begin_frame();
            m_t.frame.draw();
            m_t.platform.end_frame();
        }
    }
    // Draws until every request has its answer (at most 30 s).
    void wait() {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        render(1);
        while (m_t.controller.waiting() && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            render(1);
        }
        render(1);
        if (m_t.controller.waiting()) {
            problem("the center did not answer within 30 s");
        }
    }
    void shot(const std::string& name) {
        wait();
        render(2);
        m_t.fonts.settle(); // the final atlas, with every glyph the screen asked for
        render(3);
        if (auto r = m_t.platform.capture_png(m_out / (name + ".png")); !r) {
            problem(r.error().message);
        }
    }
    void problem(const std::string& what) {
        std::cerr << "counterfoil: console tour: " << what << "\n";
        ++m_failed;
    }
    int failed() const { return m_failed; }

private:
    ConsoleTour& m_t;
    std::filesystem::path m_out;
    int m_failed = 0;
};

class Walk {
public:
    Walk(ConsoleTour& t, Shots& s, std::string password)
        : m_t(t), m_c(t.controller), m_s(s), m_password(std::move(password)) {}

    void sign_in(const std::string& id, const std::string& password) {
        if (m_c.signed_in()) {
            m_c.sign_out();
            m_s.wait();
        }
        m_c.sign_in_id() = id;
        m_c.sign_in_password() = password;
        m_c.sign_in();
        m_s.wait();
    }
    bool as(const std::string& id) {
        sign_in(id, m_password);
        // After the wrong password of the refused-sign-in screen the center makes the id wait
        // (a second, doubling with each wrong one) before it checks the next attempt.
        for (int tries = 0;
             !m_c.signed_in() && m_c.notice().key == "console.sign_in.locked" && tries < 4;
             ++tries) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1100));
            sign_in(id, m_password);
        }
        if (!m_c.signed_in()) {
            m_s.problem("cannot sign in as " + id);
        }
        return m_c.signed_in();
    }
    void queue(ConsoleQueue q) {
        m_c.go(Screen::queue);
        m_c.set_queue(q);
        m_s.wait();
    }
    // Opens the first ticket of the list; false when the list is empty.
    bool open_first() {
        if (m_c.rows().empty()) {
            m_s.problem("the " + std::string(sync::to_string(m_c.queue())) + " list is empty");
            return false;
        }
        m_c.open(m_c.rows().front().number);
        m_s.wait();
        return m_c.detail().has_value();
    }
    // Opens the first ticket of the list's first page on which `step` is offered; false when
    // none is.
    bool open_offering(const std::string& step) {
        const std::vector<sync::QueueRow> rows = m_c.rows();
        for (const sync::QueueRow& row : rows) {
            m_c.open(row.number);
            m_s.wait();
            const std::vector<std::string> offered = m_c.offered_steps();
            if (std::find(offered.begin(), offered.end(), step) != offered.end()) {
                return true;
            }
        }
        m_s.problem("no ticket of the " + std::string(sync::to_string(m_c.queue())) +
                    " list offers " + step);
        return false;
    }
    void step(const std::string& step, const std::map<std::string, std::string>& fields,
              const std::set<std::string>& departments = {}) {
        m_c.begin_step(step);
        if (!m_c.dialog()) {
            m_s.problem("step " + step + " is not offered");
            return;
        }
        for (const auto& [k, v] : fields) {
            m_c.dialog()->fields[k] = v;
        }
        if (!departments.empty()) {
            m_c.dialog()->departments = departments;
        }
    }

private:
    ConsoleTour& m_t;
    console::ConsoleController& m_c;
    Shots& m_s;
    std::string m_password;
};

struct Texts {
    const char* wrong_password;
    const char* return_reason;
    const char* investigation;
    const char* solution;
    const char* reject_reason;
    const char* feedback;
    const char* correction_reason;
};

Texts texts_for(ui::Locale l) {
    switch (l) {
    case ui::Locale::zh_hans:
        return {"not-the-password",
                "缺少账单截图和客户的账户号码，请补充后再提交。",
                "核对计费系统：同一笔月费在11月3日被扣了两次。",
                "退还多扣的58元，并书面致歉。",
                "处理意见没有说明何时退款，请网络部一并核实信号问题。",
                "经核实，11月3日重复扣费58元，已于今日退回您的账户。",
                "客户已两天无法正常使用，按紧急处理。"};
    case ui::Locale::zh_hant:
        return {"not-the-password",
                "缺少帳單截圖和客戶的帳戶號碼，請補充後再提交。",
                "核對計費系統：同一筆月費在11月3日被扣了兩次。",
                "退還多扣的58元，並書面致歉。",
                "處理意見沒有說明何時退款，請網絡部一併核實信號問題。",
                "經核實，11月3日重複扣費58元，已於今日退回您的帳戶。",
                "客戶已兩天無法正常使用，按緊急處理。"};
    case ui::Locale::en:
        break;
    }
    return {"not-the-password",
            "The bill screenshot and the customer's account number are missing; please add "
            "them and submit again.",
            "Checked the billing system: the monthly fee was charged twice on 3 November.",
            "Refund the 58 yuan charged twice and apologise in writing.",
            "The answer does not say when the refund is made; network should also check the "
            "signal problem.",
            "We found the fee was charged twice on 3 November; 58 yuan went back to your "
            "account today.",
            "The customer has been unable to use the service for two days: urgent."};
}

void locale_tour(Shots& s, ConsoleTour& t, ui::Locale l, const std::string& password) {
    console::ConsoleController& c = t.controller;
    const std::string p = "console-" + std::string(ui::code(l)) + "-";
    const Texts x = texts_for(l);
    Walk w(t, s, password);
    c.set_locale(l);
    if (c.signed_in()) {
        c.sign_out();
    }
    s.shot(p + "01-sign-in");
    w.sign_in("R01", x.wrong_password);
    s.shot(p + "02-sign-in-refused");

    if (w.as("R01")) {
        w.queue(ConsoleQueue::review);
        s.shot(p + "03-queue-review");
        if (w.open_first()) {
            s.shot(p + "04-detail-timeline");
            w.step("review_return", {{"reason", x.return_reason}});
            s.shot(p + "05-step-review-return");
            c.cancel_step();
            // 复核 二次确认: the reviewer corrects the priority, with a reason.
            w.step("reclassify", {{"priority", "urgent"}, {"reason", x.correction_reason}});
            s.shot(p + "22-step-correction");
            c.cancel_step();
        }
    }
    if (w.as("D01")) {
        w.queue(ConsoleQueue::dispatch);
        s.shot(p + "06-queue-dispatch");
        if (w.open_first()) {
            // The departments of the ticket's category are ticked: the suggestion shows as is.
            w.step("dispatch", {});
            s.shot(p + "07-step-dispatch");
            c.cancel_step();
        }
    }
    if (w.as("H01")) {
        w.queue(ConsoleQueue::departments);
        s.shot(p + "08-queue-departments");
        // 签收 first: a department handles only what it signed for.
        if (w.open_offering("sign_for")) {
            w.step("sign_for", {});
            s.shot(p + "23-step-sign-for");
            c.cancel_step();
        }
        w.queue(ConsoleQueue::departments);
        if (w.open_offering("handle")) {
            w.step("handle", {{"investigation", x.investigation},
                              {"responsibility", "our_department"},
                              {"solution", x.solution}});
            s.shot(p + "09-step-handle");
            c.cancel_step();
        }
    }
    if (w.as("A01")) {
        w.queue(ConsoleQueue::audit);
        s.shot(p + "10-queue-audit");
        // The list also holds tickets still at departments with a part to audit.
        if (w.open_offering("audit_reject")) {
            w.step("audit_reject", {{"reason", x.reject_reason}}, {"billing", "network"});
            s.shot(p + "11-step-audit-reject");
            c.cancel_step();
        }
        // One department's part audited while others may still work, sent back with a reason.
        w.queue(ConsoleQueue::audit);
        if (w.open_offering("audit_part")) {
            w.step("audit_part", {{"verdict", "rejected"}, {"reason", x.reject_reason}});
            if (c.dialog() && c.dialog()->fields["department"].empty() &&
                !c.part_departments().empty()) {
                c.dialog()->fields["department"] = c.part_departments().front();
            }
            s.shot(p + "24-step-audit-part");
            c.cancel_step();
        }
        w.queue(ConsoleQueue::answer);
        if (w.open_first()) {
            w.step("feedback", {{"text", x.feedback}});
            s.shot(p + "12-step-feedback");
            c.cancel_step();
        }
    }
    if (w.as("M01")) {
        w.queue(ConsoleQueue::overdue);
        s.shot(p + "13-queue-overdue");
        w.queue(ConsoleQueue::second_round);
        s.shot(p + "14-queue-second-round");
        w.queue(ConsoleQueue::all);
        if (!c.rows().empty()) {
            c.filter_draft().branch = c.rows().front().branch;
        }
        c.filter_draft().priority = core::Priority::urgent;
        c.apply_filter();
        s.shot(p + "15-queue-filtered");
        c.clear_filter();
        c.go(Screen::dashboard);
        s.shot(p + "16-dashboard");
        c.set_period(26);
        s.shot(p + "17-dashboard-26-weeks");
        const auto& by_branch =
            c.dashboard().has() ? c.dashboard().data().by_branch : std::vector<sync::CountBy>{};
        if (!by_branch.empty()) {
            c.drill_down(console::DrillDown::branch, by_branch.front().key);
            s.shot(p + "18-drill-down-branch");
        } else {
            s.problem("the dashboard has no branches");
        }
        // The 考核 reports: the month so far, then the quarter, across every branch.
        c.go(Screen::reports);
        s.shot(p + "30-reports-month");
        c.set_report_period(console::ReportPeriod::this_quarter);
        s.shot(p + "31-reports-quarter");
        if (!c.reports().has() || c.reports().stats().by_department.empty() ||
            c.reports().stats().by_staff.empty()) {
            s.problem("the quarter's reports have no departments or no staff");
        }
        // The manager's own queue: 重大 and 外宣传型 tickets, and those escalated to them.
        c.clear_filter();
        w.queue(ConsoleQueue::escalated);
        s.shot(p + "20-queue-escalated");
        if (w.open_first()) {
            w.step("checklist", {{"item", "manager_talked"}});
            s.shot(p + "21-step-checklist");
            c.cancel_step();
        }
    }
}

} // namespace

int run_console_tour(ConsoleTour& t, const std::filesystem::path& out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "counterfoil: cannot create " << out_dir << ": " << ec.message() << "\n";
        return 4;
    }
    Shots shots(t, out_dir);
    shots.render(2);
    for (ui::Locale l : ui::k_all_locales) {
        locale_tour(shots, t, l, t.center.password());
    }

    // The center goes away with a feedback typed but not sent: the console says so, keeps the
    // text and the step's request id, and offers the retry.
    console::ConsoleController& c = t.controller;
    Walk w(t, shots, t.center.password());
    if (w.as("A01")) {
        w.queue(ConsoleQueue::answer);
        if (w.open_first()) {
            w.step("feedback", {{"text", texts_for(ui::Locale::zh_hans).feedback}});
            t.center.stop();
            c.take_step();
            shots.wait();
            for (ui::Locale l : ui::k_all_locales) {
                c.set_locale(l);
                shots.shot("console-" + std::string(ui::code(l)) + "-19-unreachable-step-kept");
            }
        }
    }
    std::cout << "counterfoil: wrote the console screenshots to " << out_dir.string() << "\n";
    return shots.failed() == 0 ? 0 : 4;
}

} // namespace cf::app
