#pragma once
// The kiosk's rules: which screen follows which, what each field accepts, when the customer is
// asked whether they are still there and when their draft is wiped, how a submission becomes a
// committed ticket and what check-a-ticket may reveal. Screens return actions; apply() is the
// only code that changes KioskState. Nothing here draws, so every rule is tested headless.

#include "core/clock.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "forms/catalog.h"
#include "kiosk/kiosk_action.h"
#include "kiosk/kiosk_state.h"
#include "kiosk/text_field.h"
#include "ui/composer.h"

#include <optional>
#include <string>
#include <vector>

namespace cf::kiosk {

struct KioskTimings {
    core::Millis warn_after = 60 * core::k_second; // "Are you still there?"
    core::Millis wipe_after = 90 * core::k_second; // draft wiped, attract screen again
};

// What the controller works with. The store, catalog and clock must outlive it; the composer
// and staff directory may be null (no Chinese input; no staff sign-in possible).
struct KioskServices {
    core::TicketStore* store = nullptr;
    const forms::Catalog* catalog = nullptr;
    const core::Clock* clock = nullptr;
    ui::Composer* composer = nullptr;
    core::StaffDirectory* staff = nullptr;
    KioskTimings timings;
};

// What the keyboard shows of the input method this frame.
struct CompositionView {
    bool available = false;
    std::string unavailable_reason;
    std::string preedit;
    std::vector<std::string> candidates;
    bool has_previous_page = false;
    bool has_next_page = false;
};

class KioskController {
public:
    explicit KioskController(KioskServices services);

    const KioskState& state() const { return m_state; }
    const forms::Catalog& catalog() const { return *m_services.catalog; }
    CompositionView composition() const;
    FieldRules rules(Field field) const;

    void apply(const Action& action);
    // A touch, tap or key press: the customer is still there.
    void touch();
    // Runs the idle rules for the current time; call before drawing each frame.
    void tick();
    // When tick() next has something to do (a warning, a countdown second, the wipe), or
    // nullopt when nothing is timed (the attract screen).
    std::optional<core::Millis> next_deadline() const;
    // Seconds left before the wipe, while the idle warning shows.
    int idle_seconds_left() const;

    core::Millis now() const { return m_services.clock->now(); }
    int utc_offset_minutes() const { return m_services.store->identity().utc_offset_minutes; }

    // How many tickets this controller has committed; grows by one with each receipt.
    int tickets_filed() const { return m_tickets_filed; }

    // The steps of the filing flow for the current request type, for "step n of m".
    std::vector<Screen> filing_steps() const;

private:
    template <class A> void on(const A&);
    void go(Screen screen);
    void focus(Field field);
    void wipe();
    void flush_commit();
    void type_text(std::string_view text);
    void next();
    void back();
    bool validate_current();
    void submit();
    void find_answers();
    void file_answered();
    void failed(std::string error);
    void show_receipt(const core::Ticket& filed, bool answered);
    void submit_check();
    void staff_sign_in();
    void set_notice(std::string key, std::string name = {}, std::string value = {});
    std::string* focused_buffer();

    KioskServices m_services;
    const forms::FormDefinition* m_form = nullptr;
    KioskState m_state;
    int m_check_failures = 0;
    int m_tickets_filed = 0;
};

} // namespace cf::kiosk
