#pragma once
// Everything the kiosk shows, as plain data owned by the UI thread. Screens read it and return
// actions (kiosk_action.h); KioskController::apply is the one place that changes it.

#include "core/clock.h"
#include "core/ticket.h"
#include "ui/locale.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cf::kiosk {

using ui::Locale;

enum class Screen {
    attract,     // touch to start, choose a language
    choose_type, // complaint, suggestion, question, praise, or check a ticket
    category,    // category tiles from the tree
    describe,    // the description, on the on-screen keyboard
    answers,     // an enquiry: the knowledge base's answers to what was typed (SOP 002)
    contact,     // phone (keypad) and optional name
    remedies,    // what the customer wants done (complaints only)
    review,      // everything once more, privacy notice and consent
    receipt,     // the number, its QR code and the promised first response
    failure,     // the ticket could not be committed: please go to the counter
    check,       // check a ticket: number and last 4 phone digits
    check_result,
    staff_sign_in,
    staff_menu,
};

// The text fields the keyboard can edit.
enum class Field {
    none,
    description,
    phone,
    name,
    demand,
    check_number,
    check_phone4,
    staff_id,
    staff_pin
};

// What a customer has entered so far. Lives only in memory and only until submit or wipe.
struct Draft {
    core::RequestType type = core::RequestType::complaint;
    std::string category;      // "" when skipped
    std::string category_open; // the top-level tile whose children are shown
    std::string description;
    std::string phone;
    std::string name;
    std::string demand;
    std::set<std::string> remedies;
    bool consent = false;
    // The knowledge-base article the customer said answered their enquiry; set only while
    // that answered enquiry is filed (or waits for staff after a failed commit).
    std::string knowledge_article;
};

enum class KeyLayout { letters, digits };

struct KeyboardState {
    bool chinese = true; // 中 / EN; starts in Chinese for the Chinese locales
    bool shift = false;
    KeyLayout layout = KeyLayout::letters;
};

// A submission whose commit failed: kept in memory for staff to retry or discard.
struct FailedSubmission {
    Draft draft;
    Locale locale = Locale::zh_hans;
    std::string error; // for staff; never shown to the customer
    core::Millis at = 0;
};

struct Receipt {
    std::string number;
    core::Millis first_response_due = 0;
    // What was filed: a complaint's receipt apologises, other receipts only thank (话术).
    core::RequestType request_type = core::RequestType::complaint;
    // An enquiry the knowledge base answered: filed resolved, so nothing is promised.
    bool answered = false;
};

struct CheckQuery {
    std::string number;
    std::string phone4;
};

// What check-a-ticket may show: status in plain words and the center's latest answer. Nothing
// personal.
struct CheckResult {
    std::string number;
    core::State state = core::State::received;
    core::Millis received_at = 0;
    std::string feedback;
    // The latest contact staff recorded (step contact): when and how, never what was said.
    std::optional<core::Millis> last_contact_at;
    std::string last_contact_channel; // phone, sms, visit, email; "other" for anything else
};

// Which message a screen shows under its fields; a key of assets/i18n plus its values.
struct Notice {
    std::string key;
    std::string name;  // placeholder name, e.g. "min"
    std::string value; // its value
    bool empty() const { return key.empty(); }
};

struct StaffSession {
    std::string staff_id;
    std::string display_name;
    std::string message_key; // the result of the last staff action, e.g. "staff.retry_ok"
    std::string message_value;
};

struct KioskState {
    Screen screen = Screen::attract;
    Locale locale = Locale::zh_hans;
    bool high_contrast = false;
    bool large_text = false;

    Draft draft;
    // The knowledge-base articles (ids) answering the enquiry as described, best first; the
    // answers screen shows them, the one at answer_open with its answer.
    std::vector<std::string> answers;
    int answer_open = 0;
    // Bumped on every wipe so widget ids change and nothing of the last customer lingers in
    // ImGui's own state (scroll positions, active ids).
    int generation = 0;
    Field focus = Field::none;
    KeyboardState keyboard;
    Notice notice;

    core::Millis last_activity = 0;
    bool idle_warning = false;

    std::optional<Receipt> receipt;
    CheckQuery check;
    std::optional<CheckResult> check_result;
    std::vector<FailedSubmission> failures;

    std::optional<StaffSession> staff;
    std::string staff_id_input;
    std::string staff_pin_input;
    bool quit_requested = false; // staff chose to leave the kiosk
};

} // namespace cf::kiosk
