#pragma once
// The counter's rules: who is signed in and when they are signed out, which screen shows, the
// queue and its filter, the fast-entry draft and how it becomes a committed ticket, the ticket
// open in the detail screen and the steps taken on it (with a supervisor's approval where the
// policy asks for one), search, and the dead letters. Views call it and draw what it holds;
// nothing here draws, so every rule is tested headless.

#include "core/clock.h"
#include "core/lifecycle.h"
#include "core/staff_directory.h"
#include "core/sync_state.h"
#include "core/ticket_queue.h"
#include "core/ticket_store.h"
#include "counter/counter_state.h"
#include "counter/entry_draft.h"
#include "counter/queue_model.h"
#include "counter/stats_model.h"
#include "forms/business_calendar.h"
#include "forms/catalog.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cf::counter {

// What the controller works with; all must outlive it.
struct CounterServices {
    core::TicketStore* store = nullptr;
    const forms::Catalog* catalog = nullptr;
    const core::Clock* clock = nullptr;
    core::StaffDirectory* staff = nullptr;
    CounterTimings timings;
    // When set, queue ids and counts load on a worker with its own connection to this data
    // directory, and `wake` (if any) is called when a load is in (the app wakes its loop).
    std::filesystem::path background_queue_dir;
    std::function<void()> wake;
};

// The step form open on the detail screen: one text per payload field, as typed.
struct StepDraft {
    core::Step step = core::Step::note;
    std::map<std::string, std::string> fields; // "text", "resolution", "compensation", ...
    std::string approver_id;                   // supervisor approval, when needed
    std::string approver_pin;
};

struct TicketDetail {
    core::Ticket ticket;
    std::vector<core::Event> events;
    std::vector<core::Step> allowed; // offered to the signed-in staff member now
    bool contact_shown = false;      // unmasked after "show" (recorded as an event)
};

class CounterController {
public:
    explicit CounterController(CounterServices services);

    // --- session
    bool signed_in() const { return m_member.has_value(); }
    const core::StaffMember& member() const { return *m_member; }
    core::Actor actor() const;
    void sign_in(std::string_view id, std::string_view pin);
    void sign_out();
    // Any input: the staff member is still there.
    void touch();
    // Runs the idle sign-out and the minute refresh; call before drawing each frame.
    void tick();
    // When tick() next has something to do (the sign-out, the next minute of the countdowns).
    std::optional<core::Millis> next_deadline() const;

    // --- navigation and messages
    Screen screen() const { return m_screen; }
    void go(Screen screen);
    Locale locale() const { return m_locale; }
    void set_locale(Locale locale) { m_locale = locale; }
    const Notice& notice() const { return m_notice; }
    void clear_notice() { m_notice = {}; }

    // --- sign-in form
    std::string& sign_in_id() { return m_sign_in_id; }
    std::string& sign_in_pin() { return m_sign_in_pin; }

    // --- queue
    QueueModel& queue() { return m_queue; }
    void set_tab(core::QueueTab tab);
    void set_queue_filter(core::QueueFilter filter);

    // --- fast entry
    const forms::FormDefinition& form() const { return *m_form; }
    EntryDraft& draft() { return m_draft; }
    // Validates, classifies and files the draft. On success the acknowledgement screen shows
    // the committed ticket; on failure the draft stays and errors() names each field.
    void save_entry();
    void discard_entry();
    // The last committed ticket (acknowledgement screen) and why it was classified so.
    const std::optional<core::Ticket>& saved() const { return m_saved; }
    const std::vector<forms::Match>& saved_explanation() const { return m_saved_explanation; }

    // --- detail
    void open(std::string_view number);
    const std::optional<TicketDetail>& detail() const { return m_detail; }
    // Shows the unmasked contact data and records that this staff member looked.
    void show_contact();
    // Opens the form for a step (only an allowed one).
    void begin_step(core::Step step);
    std::optional<StepDraft>& step_draft() { return m_step; }
    // The resolution being entered needs a supervisor's approval (a compensation above the
    // ticket's approval_above, or a major ticket) that the ticket does not have yet.
    bool approval_required() const;
    // ... and the signed-in member is not a supervisor, so one must type their PIN.
    bool needs_approval() const;
    // Takes the open step. On failure the form stays open with the reason as the notice.
    void take_step();
    void cancel_step() { m_step.reset(); }
    // Whether the signed-in member may tick the crisis checklist of the open ticket (004).
    bool offers_checklist() const;
    // Records one crisis step of 004 as done (step checklist); the notice says how it went.
    void tick_checklist(std::string_view item);
    // Supervisors who can take a second round (enabled accounts).
    std::vector<core::StaffMember> supervisors() const;

    // Whether the on-screen pinyin keyboard is open under the screen.
    bool& pinyin_panel() { return m_pinyin_panel; }

    // --- search
    std::string& search_text() { return m_search_text; }
    void run_search();
    const std::vector<core::QueueRow>& search_results() const { return m_search_results; }

    // --- statistics
    StatsModel& stats() { return m_stats; }

    // --- dead letters
    const std::vector<core::DeadLetter>& dead_letters() const { return m_dead_letters; }

    // From 30 days before the branch's business calendar runs out until a newer one arrives:
    // how long it still covers (days_left < 0 once past). None otherwise, or with no calendar.
    std::optional<forms::CalendarWarning> calendar_warning() const;

    core::Millis now() const { return m_services.clock->now(); }
    const forms::Catalog& catalog() const { return *m_services.catalog; }
    core::TicketStore& store() { return *m_services.store; }
    int utc_offset_minutes() const { return m_services.store->identity().utc_offset_minutes; }
    // How many tickets this controller has committed (the sync worker pushes after each).
    int tickets_changed() const { return m_changes; }

private:
    void fail_with(const core::Error& e);
    void reload_detail();
    core::Result<nlohmann::json> step_payload(const StepDraft& d) const;

    CounterServices m_services;
    const forms::FormDefinition* m_form = nullptr;
    std::optional<forms::BusinessCalendar> m_calendar; // the branch's, with its open days
    Screen m_screen = Screen::sign_in;
    Locale m_locale = Locale::zh_hans;
    Notice m_notice;
    std::optional<core::StaffMember> m_member;
    core::Millis m_last_input = 0;
    core::Millis m_last_minute = 0;
    std::string m_sign_in_id;
    std::string m_sign_in_pin;

    QueueModel m_queue;
    EntryDraft m_draft;
    std::string m_draft_owner; // a draft survives an idle sign-out for the same staff member
    std::optional<core::Ticket> m_saved;
    std::vector<forms::Match> m_saved_explanation;
    std::optional<TicketDetail> m_detail;
    std::optional<StepDraft> m_step;
    std::string m_search_text;
    std::vector<core::QueueRow> m_search_results;
    StatsModel m_stats;
    std::vector<core::DeadLetter> m_dead_letters;
    int m_changes = 0;
    bool m_pinyin_panel = false;
};

} // namespace cf::counter
