#include "kiosk/kiosk_controller.h"

#include "core/escalation.h"
#include "core/hybrid_clock.h"

#include "core/phone.h"
#include "core/ticket_number.h"
#include "forms/intake.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>

namespace cf::kiosk {

namespace {

bool is_letter(std::string_view text) {
    return text.size() == 1 &&
           ((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'));
}

// Screens that show only a result: when the customer walks away they simply end.
bool is_result_screen(Screen s) {
    return s == Screen::receipt || s == Screen::failure || s == Screen::check_result;
}

std::string last_digits(std::string_view text, std::size_t n) {
    std::string digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    return digits.size() <= n ? digits : digits.substr(digits.size() - n);
}

} // namespace

KioskController::KioskController(KioskServices services) : m_services(services) {
    assert(m_services.store && m_services.catalog && m_services.clock);
    m_form = m_services.catalog->find_form("kiosk");
    m_state.last_activity = now();
}

FieldRules KioskController::rules(Field field) const {
    return rules_for(field, m_form);
}

CompositionView KioskController::composition() const {
    CompositionView v;
    const ui::Composer* c = m_services.composer;
    if (c == nullptr) {
        v.unavailable_reason = "no input method configured";
        return v;
    }
    v.available = c->available();
    if (!v.available) {
        v.unavailable_reason = c->unavailable_reason();
        return v;
    }
    v.preedit = c->preedit();
    v.candidates = c->candidates();
    v.has_previous_page = c->has_previous_page();
    v.has_next_page = c->has_next_page();
    return v;
}

std::vector<Screen> KioskController::filing_steps() const {
    std::vector<Screen> steps = {Screen::choose_type, Screen::category, Screen::describe};
    // An enquiry the knowledge base has answers for shows them before asking for a phone.
    if (m_state.draft.type == core::RequestType::enquiry && !m_state.answers.empty()) {
        steps.push_back(Screen::answers);
    }
    steps.push_back(Screen::contact);
    if (m_state.draft.type == core::RequestType::complaint) {
        steps.push_back(Screen::remedies);
    }
    steps.push_back(Screen::review);
    return steps;
}

void KioskController::touch() {
    m_state.last_activity = now();
    m_state.idle_warning = false;
}

void KioskController::tick() {
    if (m_state.screen == Screen::attract) {
        return;
    }
    const core::Millis idle = now() - m_state.last_activity;
    const KioskTimings& t = m_services.timings;
    if (idle >= t.wipe_after || (is_result_screen(m_state.screen) && idle >= t.warn_after)) {
        wipe();
    } else if (idle >= t.warn_after) {
        m_state.idle_warning = true;
    }
}

std::optional<core::Millis> KioskController::next_deadline() const {
    if (m_state.screen == Screen::attract) {
        return std::nullopt;
    }
    const KioskTimings& t = m_services.timings;
    if (!m_state.idle_warning) {
        return m_state.last_activity + t.warn_after;
    }
    // Once a second, so the countdown on screen moves.
    const core::Millis wipe_at = m_state.last_activity + t.wipe_after;
    const core::Millis left = wipe_at - now();
    const core::Millis to_next_second = left % core::k_second;
    return now() + (to_next_second == 0 ? core::k_second : to_next_second);
}

int KioskController::idle_seconds_left() const {
    const core::Millis left = m_state.last_activity + m_services.timings.wipe_after - now();
    return static_cast<int>(
        std::max<core::Millis>(0, (left + core::k_second - 1) / core::k_second));
}

void KioskController::set_notice(std::string key, std::string name, std::string value) {
    m_state.notice = Notice{std::move(key), std::move(name), std::move(value)};
}

std::string* KioskController::focused_buffer() {
    return buffer_of(m_state, m_state.focus);
}

// Everything of the customer goes: draft, inputs, results, the input method's composition and
// ImGui's own widget state (through the generation). Failed submissions stay for staff.
void KioskController::wipe() {
    if (m_services.composer != nullptr && m_services.composer->available()) {
        m_services.composer->clear();
        (void)m_services.composer->take_commit();
    }
    std::vector<FailedSubmission> failures = std::move(m_state.failures);
    const int generation = m_state.generation + 1;
    m_state = KioskState{};
    m_state.failures = std::move(failures);
    m_state.generation = generation;
    m_state.last_activity = now();
    m_check_failures = 0;
}

void KioskController::go(Screen screen) {
    m_state.screen = screen;
    m_state.notice = {};
    switch (screen) {
    case Screen::describe:
        focus(Field::description);
        break;
    case Screen::contact:
        focus(Field::phone);
        break;
    case Screen::remedies:
        focus(Field::demand);
        break;
    case Screen::check:
        focus(Field::check_number);
        break;
    case Screen::staff_sign_in:
        focus(Field::staff_id);
        break;
    default:
        focus(Field::none);
        break;
    }
}

void KioskController::focus(Field field) {
    ui::Composer* c = m_services.composer;
    if (c != nullptr && c->available() && c->composing()) {
        c->commit_letters(); // typed letters are the customer's words too; never drop them
        flush_commit();
    }
    m_state.focus = field;
    const FieldRules r = rules(field);
    m_state.keyboard.layout = r.layout;
    m_state.keyboard.shift = false;
    m_state.keyboard.chinese = r.chinese && m_state.locale != Locale::en;
    if (c != nullptr && c->available()) {
        c->set_traditional(m_state.locale == Locale::zh_hant);
    }
}

void KioskController::flush_commit() {
    ui::Composer* c = m_services.composer;
    if (c == nullptr || !c->available()) {
        return;
    }
    const std::string text = c->take_commit();
    if (std::string* buffer = focused_buffer(); buffer != nullptr && !text.empty()) {
        edit_append(*buffer, text, rules(m_state.focus));
    }
}

void KioskController::type_text(std::string_view text) {
    std::string* buffer = focused_buffer();
    if (buffer == nullptr) {
        return;
    }
    const FieldRules r = rules(m_state.focus);
    ui::Composer* c = m_services.composer;
    const bool pinyin = m_state.keyboard.chinese && r.chinese && c != nullptr && c->available();
    if (pinyin && is_letter(text)) {
        c->press_letter(static_cast<char>(text[0] | 0x20));
        flush_commit();
        return;
    }
    if (pinyin && c->composing()) {
        c->commit_first(); // punctuation or a digit ends the word being composed
        flush_commit();
    }
    std::string out(text);
    if (m_state.keyboard.shift && is_letter(out)) {
        out[0] = static_cast<char>(out[0] & ~0x20);
        m_state.keyboard.shift = false;
    }
    edit_append(*buffer, out, r);
}

// [SECTION] navigation

void KioskController::next() {
    if (!validate_current()) {
        return;
    }
    if (m_state.screen == Screen::describe) {
        find_answers();
    }
    const std::vector<Screen> steps = filing_steps();
    const auto it = std::find(steps.begin(), steps.end(), m_state.screen);
    if (it != steps.end() && it + 1 != steps.end()) {
        go(*(it + 1));
    }
}

void KioskController::back() {
    switch (m_state.screen) {
    case Screen::check:
        go(Screen::choose_type);
        return;
    case Screen::staff_sign_in:
        go(Screen::attract);
        return;
    case Screen::category:
        if (!m_state.draft.category_open.empty()) {
            m_state.draft.category_open.clear();
            return;
        }
        break;
    default:
        break;
    }
    const std::vector<Screen> steps = filing_steps();
    const auto it = std::find(steps.begin(), steps.end(), m_state.screen);
    if (it == steps.begin()) {
        wipe();
    } else if (it != steps.end()) {
        go(*(it - 1));
    }
}

// Checks the current step's fields; on a problem it stays, says what is wrong and focuses
// the field concerned.
bool KioskController::validate_current() {
    const Draft& d = m_state.draft;
    const auto limit = [&](const char* field_id, bool min) -> std::size_t {
        const forms::FieldDefinition* f = m_form ? m_form->find_field(field_id) : nullptr;
        if (f == nullptr) {
            return min ? 1 : 2000;
        }
        return min ? f->validation.min_length.value_or(1) : f->validation.max_length.value_or(2000);
    };
    switch (m_state.screen) {
    case Screen::describe: {
        const std::size_t n = count_chars(forms::trim(d.description));
        if (n < limit("description", true)) {
            set_notice("describe.too_short", "min", std::to_string(limit("description", true)));
            return false;
        }
        if (n > limit("description", false)) {
            set_notice("describe.too_long", "max", std::to_string(limit("description", false)));
            return false;
        }
        return true;
    }
    case Screen::contact:
        if (forms::trim(d.phone).empty()) {
            focus(Field::phone);
            set_notice("contact.phone_required");
            return false;
        }
        if (core::classify_phone(d.phone) == core::PhoneKind::invalid) {
            focus(Field::phone);
            set_notice("contact.phone_invalid");
            return false;
        }
        if (count_chars(d.name) > limit("name", false)) {
            focus(Field::name);
            set_notice("contact.name_too_long", "max", std::to_string(limit("name", false)));
            return false;
        }
        return true;
    case Screen::remedies:
        if (count_chars(d.demand) > limit("demand", false)) {
            set_notice("remedies.too_long", "max", std::to_string(limit("demand", false)));
            return false;
        }
        return true;
    default:
        return true;
    }
}

// [SECTION] submit

// SOP 002: the standard answers to what the customer asked, when the request is an enquiry.
void KioskController::find_answers() {
    m_state.answers.clear();
    m_state.answer_open = 0;
    if (m_state.draft.type != core::RequestType::enquiry) {
        return;
    }
    for (const forms::KnowledgeArticle* a :
         m_services.catalog->answers_for(forms::trim(m_state.draft.description))) {
        m_state.answers.push_back(a->id);
    }
}

void KioskController::failed(std::string error) {
    m_state.failures.push_back(
        FailedSubmission{m_state.draft, m_state.locale, std::move(error), now()});
    m_state.draft = Draft{};
    go(Screen::failure);
}

void KioskController::show_receipt(const core::Ticket& filed, bool answered) {
    // The number exists only now, after the commit.
    ++m_tickets_filed;
    const Receipt receipt{filed.number, filed.first_response_due, filed.request_type, answered};
    const Locale locale = m_state.locale;
    const bool contrast = m_state.high_contrast;
    const bool large = m_state.large_text;
    wipe();
    m_state.locale = locale;
    m_state.high_contrast = contrast;
    m_state.large_text = large;
    m_state.receipt = receipt;
    m_state.screen = Screen::receipt;
}

// The customer said an article answered their enquiry: it is filed without personal data (form
// kiosk_answer), naming the article, and acknowledged and resolved by the kiosk in the same
// transaction (core/lifecycle.h). A crisis is never settled by the kiosk: that customer goes on
// to leave a phone number so staff can reach them.
void KioskController::file_answered() {
    const Draft& d = m_state.draft;
    const forms::KnowledgeArticle* article =
        m_services.catalog->knowledge.find(d.knowledge_article);
    if (article == nullptr) {
        failed("knowledge article '" + d.knowledge_article + "' is not in the knowledge base");
        return;
    }
    nlohmann::json submission = {
        {"request_type", std::string(core::to_string(core::RequestType::enquiry))},
        {"channel", "kiosk"},
        {"locale", std::string(code(m_state.locale))},
        {"description", std::string(forms::trim(d.description))},
    };
    if (!article->category.empty()) {
        submission["category"] = article->category;
    } else if (!d.category.empty()) {
        submission["category"] = d.category;
    }
    core::TicketStore& store = *m_services.store;
    auto prepared =
        forms::prepare_ticket(*m_services.catalog, "kiosk_answer", submission,
                              store.identity().calendar, now(), store.identity().branch);
    if (!prepared) {
        std::string error;
        for (const forms::FieldError& e : prepared.error()) {
            error += (error.empty() ? "" : "; ") + e.field + ": " + e.reason;
        }
        failed("the kiosk form rejected the answered enquiry: " + error);
        return;
    }
    prepared->ticket.knowledge_article = article->id;
    core::Ticket probe;
    static_cast<core::NewTicket&>(probe) = prepared->ticket;
    if (core::is_crisis(probe)) {
        m_state.draft.knowledge_article.clear();
        go(Screen::contact);
        set_notice("answers.need_contact");
        return;
    }
    const std::string resolution = article->question.zh_hans + " [" + article->id + " v" +
                                   std::to_string(article->version) + "]";
    const core::TicketStore::FollowingStep steps[] = {
        {core::Step::acknowledge, nlohmann::json::object()},
        {core::Step::resolve, {{"resolution", resolution}}},
    };
    auto filed =
        store.file_with_steps(prepared->ticket, core::Actor{"kiosk", core::Role::kiosk, {}}, steps);
    if (!filed) {
        failed(filed.error().message);
        return;
    }
    show_receipt(*filed, true);
}

void KioskController::submit() {
    const Draft& d = m_state.draft;
    if (!d.knowledge_article.empty()) {
        file_answered(); // a staff retry of an answered enquiry
        return;
    }
    if (!d.consent) {
        set_notice("review.need_consent");
        return;
    }
    nlohmann::json submission = {
        {"request_type", std::string(core::to_string(d.type))},
        {"channel", "kiosk"},
        {"locale", std::string(code(m_state.locale))},
        {"description", std::string(forms::trim(d.description))},
        {"customer", {{"phone", std::string(forms::trim(d.phone))}}},
        {"consent", true},
    };
    if (!d.category.empty()) {
        submission["category"] = d.category;
    }
    if (!forms::trim(d.name).empty()) {
        submission["customer"]["name"] = std::string(forms::trim(d.name));
    }
    if (d.type == core::RequestType::complaint) {
        submission["remedies"] = std::vector<std::string>(d.remedies.begin(), d.remedies.end());
        if (!forms::trim(d.demand).empty()) {
            submission["demand"] = std::string(forms::trim(d.demand));
        }
    }

    core::TicketStore& store = *m_services.store;
    auto prepared =
        forms::prepare_ticket(*m_services.catalog, "kiosk", submission, store.identity().calendar,
                              now(), store.identity().branch);
    if (!prepared) {
        std::string error;
        for (const forms::FieldError& e : prepared.error()) {
            error += (error.empty() ? "" : "; ") + e.field + ": " + e.reason;
        }
        failed("the kiosk form rejected the submission: " + error);
        return;
    }
    auto filed = store.file(prepared->ticket, core::Actor{"kiosk", core::Role::kiosk, {}});
    if (!filed) {
        failed(filed.error().message);
        return;
    }
    show_receipt(*filed, false);
}

void KioskController::submit_check() {
    // Guessing the last 4 digits for a known number must not be a game of patience.
    constexpr int k_max_attempts = 5;
    if (m_check_failures >= k_max_attempts) {
        set_notice("check.unavailable");
        return;
    }
    auto number = core::normalize_ticket_number(m_state.check.number);
    if (!number) {
        focus(Field::check_number);
        set_notice("check.bad_number");
        return;
    }
    if (m_state.check.phone4.size() != 4) {
        focus(Field::check_phone4);
        set_notice("check.need_phone4");
        return;
    }
    auto ticket = m_services.store->get(*number);
    if (!ticket && ticket.error().code != core::ErrorCode::not_found) {
        set_notice("check.unavailable");
        return;
    }
    // One message for "no such number" and "wrong digits", so the screen reveals neither.
    if (!ticket || last_digits(ticket->customer.phone, 4) != m_state.check.phone4) {
        ++m_check_failures;
        set_notice("check.not_found");
        return;
    }
    m_state.check_result =
        CheckResult{ticket->number, ticket->state, ticket->received_at, ticket->feedback, {}, {}};
    // The latest contact, in plain words: when and how we reached the customer. What staff
    // wrote about the call stays with staff.
    if (auto events = m_services.store->events(ticket->id)) {
        for (auto e = events->rbegin(); e != events->rend(); ++e) {
            if (e->kind != "contact") {
                continue;
            }
            const std::string channel =
                e->payload.is_object() ? e->payload.value("channel", "") : std::string();
            const bool known =
                channel == "phone" || channel == "sms" || channel == "visit" || channel == "email";
            m_state.check_result->last_contact_at = core::hlc_physical(e->hlc);
            m_state.check_result->last_contact_channel = known ? channel : "other";
            break;
        }
    }
    m_state.check = CheckQuery{};
    go(Screen::check_result);
}

void KioskController::staff_sign_in() {
    if (m_services.staff == nullptr) {
        set_notice("staff.no_staff");
        return;
    }
    auto outcome =
        m_services.staff->sign_in(m_state.staff_id_input, m_state.staff_pin_input, now());
    m_state.staff_pin_input.clear();
    if (!outcome) {
        set_notice("staff.wrong");
        return;
    }
    switch (outcome->status) {
    case core::SignInStatus::signed_in:
        m_state.staff = StaffSession{outcome->member.id, outcome->member.name, {}, {}};
        m_state.staff_id_input.clear();
        go(Screen::staff_menu);
        return;
    case core::SignInStatus::locked: {
        const core::Millis left = outcome->locked_until - now();
        set_notice("staff.locked", "minutes",
                   std::to_string(
                       std::max<core::Millis>(1, (left + core::k_minute - 1) / core::k_minute)));
        return;
    }
    case core::SignInStatus::no_staff:
        set_notice("staff.no_staff");
        return;
    case core::SignInStatus::wrong:
        set_notice("staff.wrong");
        return;
    }
}

// [SECTION] actions

template <> void KioskController::on(const act::Start& a) {
    m_state.locale = a.locale;
    go(Screen::choose_type);
}
template <> void KioskController::on(const act::ChooseType& a) {
    if (m_state.draft.type != a.type) {
        m_state.draft.remedies.clear();
        m_state.draft.demand.clear();
        m_state.answers.clear();
    }
    m_state.draft.type = a.type;
    go(Screen::category);
}
template <> void KioskController::on(const act::CheckTicket&) {
    go(Screen::check);
}
template <> void KioskController::on(const act::OpenCategory& a) {
    if (m_services.catalog->categories.find(a.code) != nullptr) {
        m_state.draft.category_open = a.code;
    }
}
template <> void KioskController::on(const act::ChooseCategory& a) {
    if (m_services.catalog->categories.find(a.code) == nullptr) {
        return;
    }
    m_state.draft.category = a.code;
    m_state.draft.category_open.clear();
    go(Screen::describe);
}
template <> void KioskController::on(const act::SkipCategory&) {
    m_state.draft.category.clear();
    m_state.draft.category_open.clear();
    go(Screen::describe);
}
template <> void KioskController::on(const act::Next&) {
    next();
}
template <> void KioskController::on(const act::Back&) {
    back();
}
template <> void KioskController::on(const act::Cancel&) {
    wipe();
}
template <> void KioskController::on(const act::GoTo& a) {
    go(a.screen);
}
template <> void KioskController::on(const act::Focus& a) {
    if (a.field != m_state.focus) {
        focus(a.field);
    }
}
template <> void KioskController::on(const act::TypeText& a) {
    type_text(a.text);
}
template <> void KioskController::on(const act::Backspace&) {
    ui::Composer* c = m_services.composer;
    if (c != nullptr && c->available() && c->composing() && c->backspace()) {
        return;
    }
    if (std::string* buffer = focused_buffer()) {
        edit_backspace(*buffer);
    }
}
template <> void KioskController::on(const act::Space&) {
    ui::Composer* c = m_services.composer;
    if (c != nullptr && c->available() && c->composing()) {
        c->commit_first();
        flush_commit();
        return;
    }
    type_text(" ");
}
template <> void KioskController::on(const act::Enter&) {
    ui::Composer* c = m_services.composer;
    if (c != nullptr && c->available() && c->composing()) {
        c->commit_letters();
        flush_commit();
        return;
    }
    if (rules(m_state.focus).multiline) {
        type_text("\n");
        return;
    }
    switch (m_state.focus) {
    case Field::phone:
        focus(Field::name);
        break;
    case Field::check_number:
        focus(Field::check_phone4);
        break;
    case Field::check_phone4:
        submit_check();
        break;
    case Field::staff_id:
        focus(Field::staff_pin);
        break;
    case Field::staff_pin:
        staff_sign_in();
        break;
    default:
        next();
        break;
    }
}
template <> void KioskController::on(const act::ClearField&) {
    if (m_services.composer != nullptr && m_services.composer->available()) {
        m_services.composer->clear();
    }
    if (std::string* buffer = focused_buffer()) {
        buffer->clear();
    }
}
template <> void KioskController::on(const act::ToggleChinese&) {
    ui::Composer* c = m_services.composer;
    if (c != nullptr && c->available() && c->composing()) {
        c->commit_letters();
        flush_commit();
    }
    m_state.keyboard.chinese = !m_state.keyboard.chinese && rules(m_state.focus).chinese;
}
template <> void KioskController::on(const act::ToggleLayout&) {
    if (rules(m_state.focus).digits_only) {
        return;
    }
    m_state.keyboard.layout =
        m_state.keyboard.layout == KeyLayout::letters ? KeyLayout::digits : KeyLayout::letters;
}
template <> void KioskController::on(const act::ToggleShift&) {
    m_state.keyboard.shift = !m_state.keyboard.shift;
}
template <> void KioskController::on(const act::SelectCandidate& a) {
    if (ui::Composer* c = m_services.composer; c != nullptr && c->available()) {
        c->select(a.index);
        flush_commit();
    }
}
template <> void KioskController::on(const act::CandidatePage& a) {
    if (ui::Composer* c = m_services.composer; c != nullptr && c->available()) {
        c->page(a.delta);
    }
}
template <> void KioskController::on(const act::ToggleRemedy& a) {
    auto& r = m_state.draft.remedies;
    if (!r.erase(a.code)) {
        r.insert(a.code);
    }
}
template <> void KioskController::on(const act::SetConsent& a) {
    m_state.draft.consent = a.value;
    if (a.value) {
        m_state.notice = {};
    }
}
template <> void KioskController::on(const act::Submit&) {
    submit();
}
template <> void KioskController::on(const act::OpenAnswer& a) {
    if (a.index >= 0 && a.index < static_cast<int>(m_state.answers.size())) {
        m_state.answer_open = a.index;
    }
}
template <> void KioskController::on(const act::AnswerHelped& a) {
    if (m_state.screen != Screen::answers ||
        std::find(m_state.answers.begin(), m_state.answers.end(), a.article) ==
            m_state.answers.end()) {
        return;
    }
    m_state.draft.knowledge_article = a.article;
    file_answered();
}
template <> void KioskController::on(const act::Done&) {
    wipe();
}
template <> void KioskController::on(const act::SubmitCheck&) {
    submit_check();
}
template <> void KioskController::on(const act::CheckAgain&) {
    m_state.check_result.reset();
    go(Screen::check);
}
template <> void KioskController::on(const act::ToggleContrast&) {
    m_state.high_contrast = !m_state.high_contrast;
}
template <> void KioskController::on(const act::ToggleLargeText&) {
    m_state.large_text = !m_state.large_text;
}
template <> void KioskController::on(const act::StillHere&) {
    touch();
}
template <> void KioskController::on(const act::OpenStaff&) {
    go(Screen::staff_sign_in);
}
template <> void KioskController::on(const act::StaffSignIn&) {
    staff_sign_in();
}
template <> void KioskController::on(const act::StaffRetry& a) {
    if (!m_state.staff || a.index < 0 || a.index >= static_cast<int>(m_state.failures.size())) {
        return;
    }
    FailedSubmission f = m_state.failures[static_cast<std::size_t>(a.index)];
    m_state.failures.erase(m_state.failures.begin() + a.index);
    const StaffSession staff = *m_state.staff;
    m_state.draft = f.draft;
    m_state.locale = f.locale;
    submit();
    if (m_state.receipt) {
        // Filed: staff read the number out to the customer from the receipt screen.
        m_state.staff = staff;
        return;
    }
    // Failed again: submit() put it back on the list with the new error.
    m_state.staff = staff;
    go(Screen::staff_menu);
}
template <> void KioskController::on(const act::StaffDiscard& a) {
    if (m_state.staff && a.index >= 0 && a.index < static_cast<int>(m_state.failures.size())) {
        m_state.failures.erase(m_state.failures.begin() + a.index);
    }
}
template <> void KioskController::on(const act::StaffExit&) {
    if (m_state.staff) {
        m_state.quit_requested = true;
    }
}
template <> void KioskController::on(const act::StaffBack&) {
    wipe();
}

void KioskController::apply(const Action& action) {
    std::visit([this](const auto& a) { on(a); }, action);
}

} // namespace cf::kiosk
