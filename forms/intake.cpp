#include "forms/intake.h"

#include "forms/deadlines.h"
#include "forms/submission_validator.h"
#include "forms/suggest.h"
#include "forms/text_util.h"

#include <algorithm>

namespace cf::forms {

std::string classification_text(const core::NewTicket& t) {
    std::string text = t.description;
    for (const std::string* part : {&t.demand, &t.expected_time, &t.tried_how}) {
        if (!part->empty()) {
            text += '\n';
            text += *part;
        }
    }
    return text;
}

namespace {

class Intake {
public:
    Intake(const Catalog& catalog, const ValidSubmission& valid)
        : m_catalog(catalog), m_valid(valid) {
        m_out.ticket = valid.ticket;
    }

    IntakeResult run(const BusinessCalendar& calendar, core::Millis now);

private:
    template <class T> void take(TicketPath p, T& member, const std::optional<T>& suggestion) {
        if (!m_valid.was_given(p) && suggestion) {
            member = *suggestion;
            mark(p);
        }
    }
    void mark(TicketPath p) {
        const std::string name(to_string(p));
        if (std::find(m_out.classified_fields.begin(), m_out.classified_fields.end(), name) ==
            m_out.classified_fields.end()) {
            m_out.classified_fields.push_back(name);
        }
    }
    void set_priority(const std::optional<core::Priority>& suggested);

    const Catalog& m_catalog;
    const ValidSubmission& m_valid;
    IntakeResult m_out;
};

IntakeResult Intake::run(const BusinessCalendar& calendar, core::Millis now) {
    core::NewTicket& t = m_out.ticket;
    const Classification c =
        classify_text(m_catalog.classifier, m_catalog.text_model, classification_text(t));
    m_out.explanation = c.matches;
    take(TicketPath::request_type, t.request_type, c.result.request_type);
    take(TicketPath::category, t.category, c.result.category);
    take(TicketPath::severity, t.severity, c.result.severity);
    take(TicketPath::special_type, t.special_type, c.result.special_type);
    take(TicketPath::emotion, t.emotion, c.result.emotion);
    set_priority(c.result.priority);
    if (t.category.empty()) {
        t.category = std::string(k_fallback_category);
    }
    t.first_response_due = first_response_due(m_catalog.sla, t.priority, now, calendar);
    t.due_at = ticket_due(m_catalog.sla, t.priority, t.request_type, now, calendar);
    t.contact_due = specialist_contact_due(m_catalog.sla, t.request_type, now, calendar);
    t.approval_above = m_catalog.sla.compensation_approval_above;
    return std::move(m_out);
}

// Priority: an explicit value is kept; otherwise the classifier's suggestion, raised to urgent
// for an agitated customer or a major severity (DOMAIN.md: customer agitated -> urgent).
// A media-exposure customer (外宣传型) makes the ticket urgent even over an explicit value.
void Intake::set_priority(const std::optional<core::Priority>& suggested) {
    core::NewTicket& t = m_out.ticket;
    const auto raise = [&](std::string word, std::string rule) {
        if (t.priority != core::Priority::urgent) {
            t.priority = core::Priority::urgent;
            m_out.explanation.push_back(Match{std::move(word), std::move(rule), "priority=urgent"});
            mark(TicketPath::priority);
        }
    };
    if (!m_valid.was_given(TicketPath::priority)) {
        take(TicketPath::priority, t.priority, suggested);
        if (t.emotion == core::Emotion::agitated) {
            raise("emotion=agitated", "policy:agitated_customer_is_urgent");
        }
        if (t.severity == core::Severity::major) {
            raise("severity=major", "policy:major_severity_is_urgent");
        }
    }
    if (t.special_type == core::SpecialType::media_exposure) {
        raise("special_type=media_exposure", "policy:media_exposure_is_urgent");
    }
}

} // namespace

std::expected<IntakeResult, std::vector<FieldError>>
prepare_ticket(const Catalog& catalog, std::string_view form_id, const nlohmann::json& submission,
               std::string_view calendar_id, core::Millis now, std::string_view branch) {
    const FormDefinition* form = catalog.find_form(form_id);
    if (form == nullptr) {
        return std::unexpected(
            std::vector<FieldError>{{"form", "there is no form '" + std::string(form_id) +
                                                 "' (forms: " + join(catalog.form_ids()) + ")"}});
    }
    const std::optional<BusinessCalendar> calendar = catalog.branch_calendar(calendar_id, branch);
    if (!calendar) {
        return std::unexpected(std::vector<FieldError>{
            {"calendar", "there is no business calendar '" + std::string(calendar_id) +
                             "' (calendars: " + join(catalog.calendar_ids()) + ")"}});
    }
    auto valid =
        validate_submission(*form, catalog.categories, submission, calendar->utc_offset_minutes());
    if (!valid) {
        return std::unexpected(std::move(valid.error()));
    }
    return Intake(catalog, *valid).run(*calendar, now);
}

void add_reclassified_deadlines(const SlaPolicy& policy, const core::Ticket& ticket,
                                nlohmann::json& payload, const BusinessCalendar& calendar) {
    const auto after = payload.find("after");
    if (after == payload.end() || !after->is_object()) {
        return; // the lifecycle names what is wrong
    }
    const auto value = [&](const char* key, std::string_view now) {
        const auto it = after->find(key);
        return it != after->end() && it->is_string() ? it->get<std::string>() : std::string(now);
    };
    const auto priority = core::parse_priority(value("priority", core::to_string(ticket.priority)));
    const auto type =
        core::parse_request_type(value("request_type", core::to_string(ticket.request_type)));
    if (!priority || !type || (*priority == ticket.priority && *type == ticket.request_type)) {
        return;
    }
    // The clocks run from filing, as they would have had the ticket been filed this way.
    payload["first_response_due"] =
        first_response_due(policy, *priority, ticket.received_at, calendar);
    payload["due_at"] = ticket_due(policy, *priority, *type, ticket.received_at, calendar);
}

void add_step_deadline(const Catalog& catalog, std::string_view calendar_id,
                       const core::Ticket& ticket, core::Step step, nlohmann::json& payload,
                       core::Millis now) {
    const BusinessCalendar calendar =
        catalog.branch_calendar(calendar_id, ticket.branch).value_or(BusinessCalendar());
    if (payload.is_null()) {
        payload = nlohmann::json::object();
    }
    if (!payload.is_object() || payload.contains("due_at")) {
        return;
    }
    switch (step) {
    case core::Step::satisfaction: {
        const auto level = payload.find("level");
        if (level != payload.end() && level->is_string() && *level == "unsatisfied") {
            payload["due_at"] = second_round_due(catalog.sla, now, calendar);
        }
        break;
    }
    case core::Step::reopen:
        payload["due_at"] = first_response_due(catalog.sla, ticket.priority, now, calendar);
        break;
    case core::Step::reclassify:
        add_reclassified_deadlines(catalog.sla, ticket, payload, calendar);
        break;
    default:
        break;
    }
}

} // namespace cf::forms
