#pragma once
// The console's rules: sign-in against the center and the idle sign-out, the work queues of the
// signed-in role with their filters and pages, the ticket open in the detail screen and the
// dialog of the step being taken (kept, with its request id, until the center confirmed it),
// the regional dashboard and its drill-down and CSV export, the 考核 reports (sharing the
// dashboard's filter) with a CSV file per table, and whether the center answers.
// Every request goes through ConsoleClient; tick() takes the answers in on the UI thread.
// Nothing here draws, so every rule is tested headless.

#include "console/category_departments.h"
#include "console/console_client.h"
#include "console/console_state.h"
#include "console/dashboard_model.h"
#include "console/departments.h"
#include "console/reports_model.h"
#include "core/clock.h"
#include "forms/catalog.h"
#include "sync/console_messages.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cf::console {

// What the console works with. `catalog` and `clock` must outlive the controller.
struct ConsoleServices {
    sync::HttpOptions http; // the center's URL and TLS options
    const forms::Catalog* catalog = nullptr;
    Departments departments; // load_departments(assets_dir)
    // load_category_departments(assets_dir): the departments a dispatch preselects.
    CategoryDepartments category_departments;
    int default_deadline_hours = 48; // handling_hours_from_policy(assets_dir)
    const core::Clock* clock = nullptr;
    ConsoleTimings timings;
    int utc_offset_minutes = 480; // the region's local time (weeks, dates typed in filters)
    // Called on the request worker when an answer arrived (the app wakes its loop).
    std::function<void()> wake;
};

// The handling deadline a dispatch offers first: "handling": {"hours": N} of
// assets/sla/policy.json when the policy has one, else 48.
int handling_hours_from_policy(const std::filesystem::path& assets_dir);

// The deadlines a dispatcher can choose, in hours.
inline constexpr int k_deadline_hours[] = {4, 8, 24, 48, 72, 120};
inline constexpr int k_dashboard_periods[] = {4, 12, 26}; // weeks
inline constexpr int k_page_size = 50;

// Steps the console offers (others in allowed_steps belong to the branch).
inline constexpr const char* k_console_steps[] = {
    "review_accept", "review_return", "dispatch", "sign_for",   "handle",    "audit_part",
    "audit_approve", "audit_reject",  "feedback", "reclassify", "checklist", "note",
};

class ConsoleController {
public:
    explicit ConsoleController(ConsoleServices services);
    ~ConsoleController();

    // --- session
    bool signed_in() const { return m_staff.has_value(); }
    const sync::StaffInfo& staff() const { return *m_staff; }
    std::string& sign_in_id() { return m_sign_in_id; }
    std::string& sign_in_password() { return m_sign_in_password; }
    // Sends the id and password; an empty field is named in the notice and nothing is sent.
    void sign_in();
    bool signing_in() const { return m_sign_in_req != 0; }
    // Signs out here at once and on the center (without waiting for its answer).
    void sign_out();
    void touch(); // any input: the staff member is still there
    // Takes the center's answers in, then runs the idle sign-out, the retry of a failed read
    // and the list's refresh. Call once before drawing each frame.
    void tick();
    // When tick() next has something to do by itself.
    std::optional<core::Millis> next_deadline() const;
    // True while a request of this controller has no answer yet (the tour and tests wait).
    bool waiting() const;

    // --- navigation, locale, messages
    Screen screen() const { return m_screen; }
    void go(Screen s);
    Locale locale() const { return m_locale; }
    void set_locale(Locale l) { m_locale = l; }
    const Notice& notice() const { return m_notice; }
    void clear_notice() { m_notice = {}; }
    Reachability reachability() const { return m_client->reachability(); }
    // Sends the failed read again now (the "retry" of the unreachable banner).
    void retry_now();
    bool dashboard_allowed() const;

    // --- queues
    // The lists the signed-in role works on, in tab order.
    std::vector<sync::ConsoleQueue> queues() const;
    sync::ConsoleQueue queue() const { return m_queue; }
    void set_queue(sync::ConsoleQueue q);
    std::int64_t count(sync::ConsoleQueue q) const;
    const std::vector<sync::QueueRow>& rows() const { return m_rows; }
    // The center's business calendars that run out within 30 days, or have (with each queue).
    const std::vector<sync::CalendarNotice>& calendar_notices() const { return m_calendars; }
    std::int64_t total() const { return m_total; }
    int offset() const { return m_offset; }
    bool queue_loading() const { return m_queue_req != 0; }
    bool queue_loaded() const { return m_queue_loaded; }
    void next_page();
    void previous_page();
    void reload_queue();
    // The filter being edited, applied with apply_filter(); the one in force.
    FilterDraft& filter_draft() { return m_filter_draft; }
    const sync::ConsoleFilter& filter() const { return m_filter; }
    // Checks the draft (dates "YYYY-MM-DD"); a bad field is named and nothing is sent.
    void apply_filter();
    void clear_filter();
    const std::map<std::string, std::string>& filter_errors() const { return m_filter_errors; }

    // --- detail
    void open(std::string_view number);
    const std::optional<sync::TicketDetail>& detail() const { return m_detail; }
    bool detail_loading() const { return m_detail_req != 0; }
    // The console steps of allowed_steps, in the order the center gave them.
    std::vector<std::string> offered_steps() const;
    void begin_step(std::string_view step); // only an offered one
    std::optional<StepDialog>& dialog() { return m_dialog; }
    // Checks the dialog's fields, then sends the step (with the dialog's request id, made at the
    // first attempt and kept, so a retry cannot take the step twice).
    void take_step();
    void cancel_step() { m_dialog.reset(); }
    bool step_sending() const { return m_step_req != 0; }
    // The departments a manager may handle for (those still pending and signed for); a
    // handler's own.
    std::vector<std::string> handle_departments() const { return pending_departments(true); }
    // The departments a manager may sign for (pending, not signed for); a handler's own.
    std::vector<std::string> sign_for_departments() const { return pending_departments(false); }
    // The departments whose handled part awaits audit (audit_part).
    std::vector<std::string> part_departments() const;
    // The departments a dispatch suggests for the open ticket's category (it may have been
    // corrected at review): category_departments.json.
    std::vector<std::string> suggested_departments() const;

    // --- dashboard
    DashboardModel& dashboard() { return m_dashboard; }
    bool dashboard_loading() const { return m_dashboard_req != 0; }
    int period_weeks() const { return m_period_weeks; }
    void set_period(int weeks);
    FilterDraft& dashboard_filter_draft() { return m_dash_draft; }
    // Applies the draft to the dashboard and the reports: the screen shown reloads, the other
    // when it is next opened.
    void apply_dashboard_filter();
    void reload_dashboard();
    // Opens the `all` (or, for an overdue branch, the `overdue`) list with the dashboard's
    // filter narrowed to what was clicked.
    void drill_down(DrillDown kind, std::string_view key);
    // Writes the dashboard's figures as CSV to `path` (atomically); the notice says where or why
    // not.
    bool export_csv(const std::filesystem::path& path);

    // --- reports (for the roles the dashboard is for; they share its filter)
    ReportsModel& reports() { return m_reports; }
    bool reports_loading() const { return m_reports_req != 0; }
    ReportPeriod report_period() const { return m_report_period; }
    void set_report_period(ReportPeriod p);
    void reload_reports();
    // Writes one table of the reports as CSV into `dir`, named by ReportsModel::file_name
    // (atomically); the notice says where or why not.
    bool export_report(ReportTable table, const std::filesystem::path& dir);

    core::Millis now() const { return m_services.clock->now(); }
    const forms::Catalog& catalog() const { return *m_services.catalog; }
    const Departments& departments() const { return m_services.departments; }
    int utc_offset_minutes() const { return m_services.utc_offset_minutes; }
    const ConsoleTimings& timings() const { return m_services.timings; }

private:
    // A handler's own department, or for a manager the pending ones signed for or not.
    std::vector<std::string> pending_departments(bool signed_for) const;

    void take(ConsoleReply reply);
    void on_sign_in(std::expected<ConsoleAnswer, ConsoleError>& r);
    void on_queue(std::expected<ConsoleAnswer, ConsoleError>& r);
    void on_ticket(std::expected<ConsoleAnswer, ConsoleError>& r);
    void on_step(std::expected<ConsoleAnswer, ConsoleError>& r);
    void on_dashboard(std::expected<ConsoleAnswer, ConsoleError>& r);
    void on_reports(std::expected<ConsoleAnswer, ConsoleError>& r);
    // Session errors (401) sign out; returns true when it did.
    bool session_lost(const ConsoleError& e);
    void read_failed(const ConsoleError& e);
    void error_notice(const ConsoleError& e);
    std::uint64_t send(RequestKind kind, std::string path,
                       std::optional<nlohmann::json> body = std::nullopt);
    void request_ticket(const std::string& number);
    std::optional<sync::ConsoleFilter> checked(const FilterDraft& d,
                                               std::map<std::string, std::string>& errors);
    void clear_session();
    std::string local_time(core::Millis t) const;

    ConsoleServices m_services;
    std::unique_ptr<ConsoleClient> m_client;
    Screen m_screen = Screen::sign_in;
    Locale m_locale = Locale::zh_hans;
    Notice m_notice;

    std::optional<sync::StaffInfo> m_staff;
    std::string m_token;
    std::string m_sign_in_id;
    std::string m_sign_in_password;
    core::Millis m_last_input = 0;

    // Request ids awaiting an answer (0: none). A newer request of a kind replaces the older.
    std::uint64_t m_sign_in_req = 0;
    std::uint64_t m_queue_req = 0;
    std::uint64_t m_detail_req = 0;
    std::uint64_t m_step_req = 0;
    std::uint64_t m_dashboard_req = 0;
    std::uint64_t m_reports_req = 0;
    // A read that failed for lack of an answer, sent again at this time.
    std::optional<core::Millis> m_retry_at;
    core::Millis m_last_queue_load = 0;

    sync::ConsoleQueue m_queue = sync::ConsoleQueue::review;
    std::map<std::string, std::int64_t> m_counts;
    std::vector<sync::QueueRow> m_rows;
    std::vector<sync::CalendarNotice> m_calendars;
    std::int64_t m_total = 0;
    int m_offset = 0;
    bool m_queue_loaded = false;
    FilterDraft m_filter_draft;
    sync::ConsoleFilter m_filter;
    std::map<std::string, std::string> m_filter_errors;

    std::string m_detail_number;
    std::optional<sync::TicketDetail> m_detail;
    std::optional<StepDialog> m_dialog;

    DashboardModel m_dashboard;
    int m_period_weeks = 12;
    FilterDraft m_dash_draft;
    sync::ConsoleFilter m_dash_filter;

    ReportsModel m_reports;
    ReportPeriod m_report_period = ReportPeriod::this_month;
};

} // namespace cf::console
