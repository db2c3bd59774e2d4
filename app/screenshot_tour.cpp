#include "app/screenshot_tour.h"

#include "forms/intake.h"

#include <imgui.h>

#include <iostream>

namespace cf::app {

namespace {

using namespace kiosk;

constexpr const char* k_staff_pin = "135790";

class Tour {
public:
    Tour(TourContext& t, std::filesystem::path out) : m_t(t), m_out(std::move(out)) {}

    void apply(const Action& a) {
        m_t.controller.apply(a);
        render(2);
    }
    void type(std::string_view text) {
        for (const char c : text) {
            m_t.controller.apply(act::TypeText{std::string(1, c)});
        }
        render(1);
    }
    void render(int frames) {
        for (int i = 0; i < frames; ++i) {
            m_t.fonts.set_large_text(m_t.controller.state().large_text);
            m_t.fonts.before_frame();
            m_t.frame.before_frame();
            m_t.platform.begin_frame();
            m_t.frame.draw();
            m_t.platform.end_frame();
        }
    }
    void shot(const std::string& name) {
        render(1);
        m_t.fonts.settle(); // the screenshot shows the final atlas, not an interim one
        render(3);
        const std::filesystem::path file = m_out / (name + ".png");
        if (auto r = m_t.platform.capture_png(file); !r) {
            std::cerr << "counterfoil: " << r.error().message << "\n";
            ++m_failed;
            return;
        }
        ++m_written;
    }
    int failed() const { return m_failed; }
    int written() const { return m_written; }

private:
    TourContext& m_t;
    std::filesystem::path m_out;
    int m_failed = 0;
    int m_written = 0;
};

// A ticket that went through the whole center workflow, so check-a-ticket has feedback.
std::string answered_ticket(TourContext& t) {
    core::NewTicket n;
    n.request_type = core::RequestType::complaint;
    n.category = "billing.overcharge";
    n.channel = core::Channel::kiosk;
    n.description = "上个月话费多扣了50元";
    n.customer.phone = "13800138000";
    n.receiver = "kiosk";
    n.first_response_due = t.clock.now() + 2 * core::k_hour;
    n.due_at = n.first_response_due;
    auto filed = t.store.file(n, core::Actor{"kiosk", core::Role::kiosk, {}});
    if (!filed) {
        return {};
    }
    const std::string number = filed->number;
    const core::Actor staff{"S001", core::Role::frontdesk, {}};
    const core::Millis day = core::k_day;
    (void)t.store.act(number, core::Step::acknowledge, staff, {});
    (void)t.store.act(number, core::Step::submit, staff, {{"reason", "billing dispute"}});
    (void)t.store.act(number, core::Step::review_accept, {"C001", core::Role::reviewer, {}}, {});
    (void)t.store.act(number, core::Step::dispatch, {"C002", core::Role::dispatcher, {}},
                      {{"departments", {"billing"}}, {"deadline", t.clock.now() + day}});
    (void)t.store.act(number, core::Step::sign_for, {"H001", core::Role::handler, "billing"},
                      {{"department", "billing"}});
    (void)t.store.act(number, core::Step::handle, {"H001", core::Role::handler, "billing"},
                      {{"department", "billing"},
                       {"investigation", "重复扣费已核实"},
                       {"responsibility", "our_department"},
                       {"solution", "退还50元"}});
    (void)t.store.act(number, core::Step::audit_approve, {"C003", core::Role::auditor, {}}, {});
    (void)t.store.act(
        number, core::Step::feedback, {"C001", core::Role::reviewer, {}},
        {{"text", "经核实，上月重复扣费50元，已于11月24日退回您的账户。给您带来不便，深表歉意。"}});
    // The branch called back: check-a-ticket shows when and how, never what was said.
    (void)t.store.act(number, core::Step::contact, staff,
                      {{"channel", "phone"}, {"outcome", "已告知退款结果"}});
    return number;
}

void filing_screens(Tour& tour, TourContext& t, Locale l, const std::string& prefix) {
    tour.apply(act::Cancel{});
    tour.apply(act::Start{l});
    tour.shot(prefix + "02-choose-type");
    tour.apply(act::ChooseType{core::RequestType::complaint});
    tour.shot(prefix + "03-category");
    tour.apply(act::OpenCategory{"billing"});
    tour.shot(prefix + "04-category-children");
    tour.apply(act::ChooseCategory{"billing.overcharge"});
    if (l == Locale::en) {
        tour.type("I was charged twice for my phone bill last month");
        tour.apply(act::Space{});
        tour.type("plea");
    } else {
        tour.type("shangyuehuafei");
        tour.apply(act::SelectCandidate{0});
        tour.type("duokoule");
    }
    tour.shot(prefix + "05-describe-keyboard");
    if (l == Locale::en) {
        tour.type("se");
    } else {
        tour.apply(act::Space{});
    }
    tour.apply(act::Next{});
    tour.type("13800138000");
    tour.shot(prefix + "06-contact");
    tour.apply(act::Next{});
    tour.apply(act::ToggleRemedy{"refund"});
    tour.apply(act::ToggleRemedy{"apology"});
    tour.shot(prefix + "07-remedies");
    tour.apply(act::Next{});
    tour.apply(act::SetConsent{true});
    tour.shot(prefix + "08-review");
    tour.apply(act::Submit{});
    tour.shot(prefix + "09-receipt");
    // Praise: its receipt thanks and does not apologise (话术, assets/scripts/phrases.json).
    tour.apply(act::Done{});
    tour.apply(act::Start{l});
    tour.apply(act::ChooseType{core::RequestType::praise});
    tour.apply(act::SkipCategory{});
    tour.type(l == Locale::en ? "friendly staff" : "fuwuhenhao");
    tour.apply(act::Space{});
    tour.apply(act::Next{});
    tour.type("13800138000");
    tour.apply(act::Next{});
    tour.apply(act::SetConsent{true});
    tour.apply(act::Submit{});
    tour.shot(prefix + "09b-receipt-praise");
    (void)t;
}

void other_screens(Tour& tour, TourContext& t, Locale l, const std::string& prefix,
                   const std::string& answered) {
    // Check a ticket with feedback from the center.
    tour.apply(act::Done{});
    tour.apply(act::Start{l});
    tour.apply(act::CheckTicket{});
    tour.type(answered);
    tour.apply(act::Focus{Field::check_phone4});
    tour.type("8000");
    tour.shot(prefix + "10-check");
    tour.apply(act::SubmitCheck{});
    tour.shot(prefix + "11-check-result");

    // The customer walks away: the warning with its countdown.
    tour.apply(act::Done{});
    tour.apply(act::Start{l});
    tour.apply(act::ChooseType{core::RequestType::enquiry});
    tour.apply(act::SkipCategory{});
    t.clock.advance(65 * core::k_second);
    tour.render(2);
    tour.shot(prefix + "12-idle-warning");

    // SOP 002: an enquiry the knowledge base answered, filed resolved from its answer.
    tour.apply(act::Cancel{});
    tour.apply(act::Start{l});
    tour.apply(act::ChooseType{core::RequestType::enquiry});
    tour.apply(act::SkipCategory{});
    tour.type(l == Locale::en ? "lost my bank card" : "yinhangkadiule");
    tour.apply(act::Space{});
    tour.apply(act::Next{});
    if (!t.controller.state().answers.empty()) {
        tour.apply(act::AnswerHelped{t.controller.state().answers.front()});
    }
    tour.shot(prefix + "12c-receipt-answered");

    // A commit that fails: another writer holds the database.
    tour.apply(act::Done{});
    tour.apply(act::Cancel{});
    tour.apply(act::Start{l});
    tour.apply(act::ChooseType{core::RequestType::enquiry});
    tour.apply(act::SkipCategory{});
    tour.type(l == Locale::en ? "opening hours" : "yingyeshijian");
    tour.apply(act::Space{});
    tour.apply(act::Next{});
    // SOP 002: the knowledge base's answers to the enquiry; this customer files it all the same.
    tour.shot(prefix + "12b-answers");
    tour.apply(act::Next{});
    tour.type("13800138000");
    tour.apply(act::Next{});
    tour.apply(act::SetConsent{true});
    if (auto holder = core::Database::open(t.store.database().path(), {})) {
        if (holder->exec("BEGIN IMMEDIATE")) {
            tour.apply(act::Submit{});
            (void)holder->exec("ROLLBACK");
        }
    }
    tour.shot(prefix + "13-failure");

    tour.apply(act::Done{});
}

// Staff sign in and see the failed submissions. Staff screens are in the branch's working
// language (the attract screen's zh-Hans); their texts exist in every locale all the same.
void staff_screens(Tour& tour, TourContext& t) {
    // Staff sign in and see the failed submission.
    tour.apply(act::OpenStaff{});
    tour.type("S001");
    tour.apply(act::Focus{Field::staff_pin});
    tour.type("1357");
    tour.shot("kiosk-staff-14-sign-in");
    tour.type("90");
    tour.apply(act::StaffSignIn{});
    tour.shot("kiosk-staff-15-menu");
    // Leave nothing behind for the next language.
    while (!t.controller.state().failures.empty()) {
        t.controller.apply(act::StaffDiscard{0});
    }
    tour.apply(act::StaffBack{});
}

} // namespace

std::expected<void, std::string> prepare_tour_data(const std::filesystem::path& dir) {
    if (std::filesystem::exists(dir / core::TicketStore::k_database_file)) {
        return {};
    }
    core::InitOptions init;
    init.branch = "SZ01";
    init.terminal = "K1";
    if (auto r = core::TicketStore::init(dir, init); !r) {
        return std::unexpected(r.error().message);
    }
    return {};
}

int run_screenshot_tour(TourContext& t, const std::filesystem::path& out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "counterfoil: cannot create " << out_dir << ": " << ec.message() << "\n";
        return 4;
    }
    if (auto s = t.staff.get("S001"); !s) {
        (void)t.staff.add({"S001", "李四", core::Role::frontdesk, false}, k_staff_pin,
                          t.clock.now());
    }
    const std::string answered = answered_ticket(t);
    Tour tour(t, out_dir);

    tour.render(2);
    tour.shot("kiosk-01-attract");
    for (Locale l : ui::k_all_locales) {
        const std::string prefix = "kiosk-" + std::string(code(l)) + "-";
        filing_screens(tour, t, l, prefix);
        other_screens(tour, t, l, prefix, answered);
    }
    staff_screens(tour, t);
    // High contrast, and large text, on the main screens.
    tour.apply(act::ToggleContrast{});
    tour.shot("kiosk-hc-01-attract");
    tour.apply(act::ToggleContrast{}); // the toggle is the customer's: a wipe resets it
    {
        Locale l = Locale::zh_hans;
        tour.apply(act::Start{l});
        tour.apply(act::ToggleContrast{});
        const std::string prefix = "kiosk-hc-";
        tour.shot(prefix + "02-choose-type");
        tour.apply(act::ChooseType{core::RequestType::complaint});
        tour.shot(prefix + "03-category");
        tour.apply(act::ChooseCategory{"service_attitude.rude_staff"});
        tour.type("tousu");
        tour.shot(prefix + "05-describe-keyboard");
        tour.apply(act::Space{});
        tour.apply(act::Next{});
        tour.type("13800138000");
        tour.apply(act::Next{});
        tour.shot(prefix + "07-remedies");
        tour.apply(act::Next{});
        tour.apply(act::SetConsent{true});
        tour.shot(prefix + "08-review");
        tour.apply(act::Submit{});
        tour.shot(prefix + "09-receipt");
        tour.apply(act::Done{});
        tour.apply(act::Start{Locale::zh_hant});
        tour.apply(act::ToggleLargeText{});
        tour.shot("kiosk-large-02-choose-type");
        tour.apply(act::Cancel{});
    }
    std::cout << "counterfoil: wrote " << tour.written() << " screenshots to " << out_dir.string()
              << "\n";
    return tour.failed() == 0 ? 0 : 4;
}

} // namespace cf::app
