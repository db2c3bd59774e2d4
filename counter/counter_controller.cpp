#include "counter/counter_controller.h"

#include "core/sync_state.h"
#include "forms/text_util.h"

#include <algorithm>
#include <charconv>

namespace cf::counter {

namespace {

// Text fields each step's form asks for, in order; the payload takes them under these names.
std::vector<std::string> text_fields_of(core::Step step) {
    switch (step) {
    case core::Step::note:
        return {"text"};
    case core::Step::resolve:
        return {"resolution", "compensation"};
    case core::Step::approve:
        return {"plan", "compensation"};
    case core::Step::submit:
    case core::Step::reopen:
        return {"reason"};
    case core::Step::contact:
        return {"channel", "outcome"};
    case core::Step::satisfaction:
        return {"level", "assignee"};
    case core::Step::close:
        return {"reason"};
    case core::Step::reclassify:
        return {"reason"};
    default:
        return {};
    }
}

// The four values a correction (复核 二次确认) may change, as the ticket names them.
constexpr const char* k_classification_keys[] = {"request_type", "category", "priority",
                                                 "severity"};

std::optional<double> parse_amount(std::string_view text) {
    text = forms::trim(text);
    if (text.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) {
        return std::nullopt;
    }
    return value;
}

} // namespace

CounterController::CounterController(CounterServices services)
    : m_services(services), m_form(services.catalog->find_form("counter")),
      m_calendar(services.catalog->branch_calendar(services.store->identity().calendar,
                                                   services.store->identity().branch)),
      m_queue(*services.store), m_stats(*services.store, *services.catalog) {
    m_last_input = now();
    if (!services.background_queue_dir.empty()) {
        m_queue.use_loader(std::make_unique<QueueLoader>(services.background_queue_dir,
                                                         *services.clock, services.wake));
    }
}

std::optional<forms::CalendarWarning> CounterController::calendar_warning() const {
    return m_calendar ? m_calendar->coverage_warning(now()) : std::nullopt;
}

core::Actor CounterController::actor() const {
    core::Actor a;
    if (m_member) {
        a.id = m_member->id;
        a.role = m_member->role;
    }
    return a;
}

void CounterController::fail_with(const core::Error& e) {
    m_notice = Notice{"counter.error", {{"error", e.message}}, true, {}};
}

// --- session

void CounterController::sign_in(std::string_view id, std::string_view pin) {
    m_notice = {};
    if (m_services.staff == nullptr) {
        m_notice = Notice{"counter.sign_in.no_staff", {}, true, {}};
        return;
    }
    auto outcome = m_services.staff->sign_in(forms::trim(id), pin, now());
    m_sign_in_pin.clear();
    if (!outcome) {
        fail_with(outcome.error());
        return;
    }
    switch (outcome->status) {
    case core::SignInStatus::signed_in:
        break;
    case core::SignInStatus::wrong:
        m_notice = Notice{"counter.sign_in.wrong", {}, true, {}};
        return;
    case core::SignInStatus::locked: {
        const core::Millis left = std::max<core::Millis>(0, outcome->locked_until - now());
        m_notice =
            Notice{"counter.sign_in.locked",
                   {{"minutes", std::to_string((left + core::k_minute - 1) / core::k_minute)}},
                   true,
                   {}};
        return;
    }
    case core::SignInStatus::no_staff:
        m_notice = Notice{"counter.sign_in.no_staff", {}, true, {}};
        return;
    }
    m_member = outcome->member;
    m_sign_in_id.clear();
    m_last_input = now();
    if (m_draft_owner != m_member->id) {
        m_draft = {}; // someone else's unsaved draft is not theirs to see
    }
    m_draft_owner = m_member->id;
    core::QueueFilter filter = m_queue.filter();
    filter.staff_id = m_member->id;
    m_queue.set_filter(filter);
    go(m_draft.empty() ? Screen::queue : Screen::entry);
}

void CounterController::sign_out() {
    m_member.reset();
    m_detail.reset();
    m_step.reset();
    m_saved.reset();
    m_search_text.clear();
    m_search_results.clear();
    m_sign_in_pin.clear();
    m_screen = Screen::sign_in;
}

void CounterController::touch() {
    m_last_input = now();
}

void CounterController::tick() {
    if (!signed_in()) {
        return;
    }
    if (auto polled = m_queue.poll(); !polled) {
        fail_with(polled.error());
    }
    const core::Millis t = now();
    if (t - m_last_input >= m_services.timings.idle_sign_out) {
        sign_out();
        m_notice = Notice{"counter.signed_out_idle", {}, false, {}};
        return;
    }
    // Countdowns move on and tickets turn overdue with time alone; other connections (the
    // sync worker applying the center's feedback) change the data: the queue follows both.
    const bool new_minute = t / core::k_minute != m_last_minute;
    m_last_minute = t / core::k_minute;
    if (m_screen == Screen::queue) {
        if (auto r = m_queue.refresh(t, new_minute); !r) {
            fail_with(r.error());
        }
    }
}

std::optional<core::Millis> CounterController::next_deadline() const {
    if (!signed_in()) {
        return std::nullopt;
    }
    const core::Millis sign_out_at = m_last_input + m_services.timings.idle_sign_out;
    const core::Millis next_minute = (now() / core::k_minute + 1) * core::k_minute;
    return std::min(sign_out_at, next_minute);
}

// --- navigation

void CounterController::go(Screen screen) {
    if (!signed_in() && screen != Screen::sign_in) {
        return;
    }
    m_screen = screen;
    if (screen != Screen::detail) {
        m_step.reset();
    }
    if (screen == Screen::queue) {
        if (auto r = m_queue.refresh(now()); !r) {
            fail_with(r.error());
        }
    }
    if (screen == Screen::dead_letters) {
        core::SyncState sync(*m_services.store);
        if (auto letters = sync.dead_letters()) {
            m_dead_letters = std::move(*letters);
        } else {
            fail_with(letters.error());
        }
    }
    if (screen == Screen::stats) {
        if (auto r = m_stats.refresh(now(), utc_offset_minutes(), true); !r) {
            fail_with(r.error());
        }
    }
}

void CounterController::set_tab(core::QueueTab tab) {
    core::QueueFilter filter = m_queue.filter();
    filter.tab = tab;
    set_queue_filter(filter);
}

void CounterController::set_queue_filter(core::QueueFilter filter) {
    if (m_member) {
        filter.staff_id = m_member->id;
    }
    m_queue.set_filter(filter);
    if (auto r = m_queue.refresh(now()); !r) {
        fail_with(r.error());
    }
}

// --- fast entry

void CounterController::save_entry() {
    if (!signed_in() || m_form == nullptr) {
        return;
    }
    m_notice = {};
    const nlohmann::json submission =
        submission_of(*m_form, m_draft, m_member->id, utc_offset_minutes());
    auto prepared = forms::prepare_ticket(*m_services.catalog, "counter", submission,
                                          m_services.store->identity().calendar, now(),
                                          m_services.store->identity().branch);
    if (!prepared) {
        m_draft.errors = errors_by_field(*m_form, prepared.error());
        m_notice = Notice{"counter.entry.fix_fields", {}, true, {}};
        return;
    }
    auto filed = m_services.store->file(prepared->ticket, actor());
    if (!filed) {
        // Nothing was written; the draft stays for another try.
        fail_with(filed.error());
        return;
    }
    ++m_changes;
    m_saved = std::move(*filed);
    m_saved_explanation = std::move(prepared->explanation);
    m_draft = {};
    go(Screen::acknowledgement);
}

void CounterController::discard_entry() {
    m_draft = {};
    m_notice = {};
    go(Screen::queue);
}

// --- detail

void CounterController::open(std::string_view number) {
    auto ticket = m_services.store->get(number);
    if (!ticket) {
        fail_with(ticket.error());
        return;
    }
    m_detail.emplace();
    m_detail->ticket = std::move(*ticket);
    m_step.reset();
    reload_detail();
    go(Screen::detail);
}

void CounterController::reload_detail() {
    if (!m_detail) {
        return;
    }
    auto ticket = m_services.store->get(m_detail->ticket.number);
    if (!ticket) {
        fail_with(ticket.error());
        return;
    }
    m_detail->ticket = std::move(*ticket);
    auto events = m_services.store->events(m_detail->ticket.id);
    if (!events) {
        fail_with(events.error());
        return;
    }
    m_detail->events = std::move(*events);
    m_detail->allowed = core::allowed_steps(m_detail->ticket, actor());
}

void CounterController::show_contact() {
    if (!m_detail || m_detail->contact_shown) {
        return;
    }
    const core::Customer& c = m_detail->ticket.customer;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"name", &c.name},
                                      {"phone", &c.phone},
                                      {"email", &c.email},
                                      {"customer_no", &c.customer_no},
                                      {"order_no", &c.order_no}}) {
        if (!value->empty()) {
            fields.push_back(name);
        }
    }
    if (fields.empty()) {
        return;
    }
    // The look is recorded before anything is shown.
    auto r = m_services.store->act(m_detail->ticket.number, core::Step::view_contact, actor(),
                                   nlohmann::json{{"fields", fields}});
    if (!r) {
        fail_with(r.error());
        return;
    }
    ++m_changes;
    reload_detail();
    m_detail->contact_shown = true;
}

void CounterController::begin_step(core::Step step) {
    if (!m_detail || std::find(m_detail->allowed.begin(), m_detail->allowed.end(), step) ==
                         m_detail->allowed.end()) {
        return;
    }
    m_notice = {};
    StepDraft d;
    d.step = step;
    for (const std::string& f : text_fields_of(step)) {
        d.fields[f] = "";
    }
    if (step == core::Step::contact) {
        d.fields["channel"] = "phone";
    }
    if (step == core::Step::satisfaction && m_member && m_member->role == core::Role::supervisor) {
        d.fields["assignee"] = m_member->id;
    }
    if (step == core::Step::reclassify) {
        // The dialog starts from the classification as it is; staff change what is wrong.
        const nlohmann::json now = core::classification_of(m_detail->ticket);
        for (const char* key : k_classification_keys) {
            d.fields[key] = now.at(key).get<std::string>();
        }
    }
    m_step = std::move(d);
}

bool CounterController::approval_required() const {
    if (!m_step || m_step->step != core::Step::resolve || !m_detail) {
        return false;
    }
    const core::Ticket& t = m_detail->ticket;
    const auto it = m_step->fields.find("compensation");
    const double amount = it == m_step->fields.end() ? 0.0 : parse_amount(it->second).value_or(0.0);
    const double above =
        t.approval_above.value_or(m_services.catalog->policy().compensation_approval_above);
    const bool covered = !t.approved_by.empty() && amount <= t.approved_compensation;
    return !covered && (amount > above || t.severity == core::Severity::major);
}

bool CounterController::needs_approval() const {
    return approval_required() && m_member && m_member->role != core::Role::supervisor;
}

core::Result<nlohmann::json> CounterController::step_payload(const StepDraft& d) const {
    if (d.step == core::Step::reclassify && m_detail) {
        // Before (as the ticket is), after (only what changes) and why.
        const nlohmann::json before = core::classification_of(m_detail->ticket);
        nlohmann::json after = nlohmann::json::object();
        for (const char* key : k_classification_keys) {
            const auto it = d.fields.find(key);
            if (it != d.fields.end() && it->second != before.at(key).get<std::string>()) {
                after[key] = it->second;
            }
        }
        if (after.empty()) {
            return core::fail(core::ErrorCode::invalid_input,
                              "after: change the type, category, priority or severity first");
        }
        const auto reason = d.fields.find("reason");
        const std::string_view why =
            reason == d.fields.end() ? std::string_view() : forms::trim(reason->second);
        if (why.empty()) {
            return core::fail(core::ErrorCode::invalid_input,
                              "reason: say why the classification is corrected");
        }
        return nlohmann::json{{"before", before}, {"after", after}, {"reason", std::string(why)}};
    }
    nlohmann::json p = nlohmann::json::object();
    for (const auto& [name, value] : d.fields) {
        const std::string_view v = forms::trim(value);
        if (v.empty()) {
            continue;
        }
        if (name == "compensation") {
            const std::optional<double> amount = parse_amount(v);
            if (!amount) {
                return core::fail(core::ErrorCode::invalid_input,
                                  "compensation: '" + std::string(v) +
                                      "' is not an amount of zero or more, like 200 or 88.50");
            }
            p[name] = *amount;
        } else {
            p[name] = std::string(v);
        }
    }
    // Unsatisfied after the second round escalates to the center's manager: no supervisor.
    const bool escalates = m_detail && m_detail->ticket.round >= 2;
    if (d.step == core::Step::satisfaction && p.value("level", "") == "unsatisfied" && !escalates &&
        !p.contains("assignee")) {
        return core::fail(core::ErrorCode::invalid_input,
                          "assignee: choose the supervisor who takes the second round");
    }
    if (d.step == core::Step::satisfaction &&
        (p.value("level", "") != "unsatisfied" || escalates)) {
        p.erase("assignee");
    }
    return p;
}

void CounterController::take_step() {
    if (!m_detail || !m_step || !m_member) {
        return;
    }
    m_notice = {};
    auto payload = step_payload(*m_step);
    if (!payload) {
        fail_with(payload.error());
        return;
    }
    if (m_step->step == core::Step::satisfaction && payload->contains("assignee")) {
        auto who = m_services.staff->get(payload->at("assignee").get<std::string>());
        if (!who || who->disabled || who->role != core::Role::supervisor) {
            m_notice = Notice{"counter.step.not_supervisor", {}, true, {}};
            return;
        }
    }
    if (approval_required()) {
        // 方案审批 (000, 002): a supervisor approves the plan before it is carried out; a
        // supervisor at the counter approves their own, anyone else needs one's PIN here.
        core::Actor approver{m_member->id, m_member->role, {}};
        if (needs_approval()) {
            auto outcome = m_services.staff->sign_in(forms::trim(m_step->approver_id),
                                                     m_step->approver_pin, now());
            m_step->approver_pin.clear();
            if (!outcome) {
                fail_with(outcome.error());
                return;
            }
            if (outcome->status != core::SignInStatus::signed_in ||
                outcome->member.role != core::Role::supervisor) {
                m_notice = Notice{outcome->status == core::SignInStatus::locked
                                      ? "counter.step.approver_locked"
                                      : "counter.step.approval_refused",
                                  {},
                                  true,
                                  {}};
                return;
            }
            approver = core::Actor{outcome->member.id, core::Role::supervisor, {}};
        }
        const nlohmann::json approval = {{"compensation", payload->value("compensation", 0.0)},
                                         {"plan", payload->value("resolution", "")}};
        auto approved =
            m_services.store->act(m_detail->ticket.number, core::Step::approve, approver, approval);
        if (!approved) {
            fail_with(approved.error());
            return;
        }
        (*payload)["approved_by"] = approver.id;
    }
    forms::add_step_deadline(*m_services.catalog, m_services.store->identity().calendar,
                             m_detail->ticket, m_step->step, *payload, now());
    auto done = m_services.store->act(m_detail->ticket.number, m_step->step, actor(), *payload);
    if (!done) {
        fail_with(done.error());
        return;
    }
    ++m_changes;
    m_notice = Notice{"counter.step.done",
                      {},
                      false,
                      {{"step", "counter.step." + std::string(core::to_string(m_step->step))}}};
    m_step.reset();
    reload_detail();
}

bool CounterController::offers_checklist() const {
    return m_detail && m_member && core::offers_checklist(m_detail->ticket, actor());
}

void CounterController::tick_checklist(std::string_view item) {
    if (!offers_checklist()) {
        return;
    }
    m_notice = {};
    auto done = m_services.store->act(m_detail->ticket.number, core::Step::checklist, actor(),
                                      nlohmann::json{{"item", item}});
    if (!done) {
        fail_with(done.error());
        return;
    }
    ++m_changes;
    m_notice = Notice{"counter.step.done", {}, false, {{"step", "counter.step.checklist"}}};
    reload_detail();
}

std::vector<core::StaffMember> CounterController::supervisors() const {
    std::vector<core::StaffMember> out;
    if (m_services.staff == nullptr) {
        return out;
    }
    if (auto all = m_services.staff->list()) {
        for (core::StaffMember& m : *all) {
            if (m.role == core::Role::supervisor && !m.disabled) {
                out.push_back(std::move(m));
            }
        }
    }
    return out;
}

// --- search

void CounterController::run_search() {
    m_search_results.clear();
    const std::string_view text = forms::trim(m_search_text);
    if (text.empty()) {
        return;
    }
    auto found = m_services.store->search(text, 200);
    if (!found) {
        fail_with(found.error());
        return;
    }
    for (const core::Ticket& t : *found) {
        m_search_results.push_back(core::queue_row(t));
    }
}

} // namespace cf::counter
