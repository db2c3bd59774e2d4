#include "forms/ticket_path.h"

#include "core/clock.h"
#include "core/phone.h"
#include "forms/localized_text.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cassert>

namespace cf::forms {
namespace {

constexpr std::array<TicketPath, 25> k_paths = {
    TicketPath::request_type,   TicketPath::category,       TicketPath::severity,
    TicketPath::priority,       TicketPath::emotion,        TicketPath::special_type,
    TicketPath::channel,        TicketPath::concern,        TicketPath::description,
    TicketPath::demand,         TicketPath::remedies,       TicketPath::expected_time,
    TicketPath::occurred_at,    TicketPath::occurred_place, TicketPath::evidence,
    TicketPath::tried_before,   TicketPath::tried_how,      TicketPath::customer_name,
    TicketPath::customer_phone, TicketPath::customer_email, TicketPath::customer_no,
    TicketPath::order_no,       TicketPath::receiver,       TicketPath::locale,
    TicketPath::consent,
};

constexpr std::array<std::string_view, 25> k_names = {
    "request_type",
    "category",
    "severity",
    "priority",
    "emotion",
    "special_type",
    "channel",
    "concern",
    "description",
    "demand",
    "remedies",
    "expected_time",
    "occurred_at",
    "occurred_place",
    "evidence",
    "tried_before",
    "tried_how",
    "customer.name",
    "customer.phone",
    "customer.email",
    "customer.customer_no",
    "customer.order_no",
    "receiver",
    "locale",
    "consent",
};
static_assert(static_cast<std::size_t>(TicketPath::consent) + 1 == k_names.size());

// The values of each enum of core/ticket.h a form can choose from.
constexpr core::RequestType k_request_types[] = {
    core::RequestType::enquiry, core::RequestType::complaint, core::RequestType::suggestion,
    core::RequestType::praise,  core::RequestType::report,    core::RequestType::other};
constexpr core::Severity k_severities[] = {core::Severity::general, core::Severity::important,
                                           core::Severity::major};
constexpr core::Priority k_priorities[] = {core::Priority::normal, core::Priority::important,
                                           core::Priority::urgent};
constexpr core::Emotion k_emotions[] = {core::Emotion::calm, core::Emotion::anxious,
                                        core::Emotion::agitated};
constexpr core::SpecialType k_special_types[] = {
    core::SpecialType::none, core::SpecialType::media_exposure,
    core::SpecialType::repeat_complainant, core::SpecialType::vulnerable, core::SpecialType::vip};
constexpr core::Channel k_channels[] = {
    core::Channel::kiosk,  core::Channel::counter,      core::Channel::phone, core::Channel::email,
    core::Channel::online, core::Channel::social_media, core::Channel::visit};
constexpr core::Concern k_concerns[] = {core::Concern::unspecified, core::Concern::product,
                                        core::Concern::service, core::Concern::staff};

template <class E, std::size_t N> std::vector<std::string> names_of(const E (&values)[N]) {
    std::vector<std::string> out;
    for (const E v : values) {
        out.emplace_back(core::to_string(v));
    }
    return out;
}

} // namespace

std::span<const TicketPath> all_ticket_paths() {
    return k_paths;
}

std::string_view to_string(TicketPath p) {
    return k_names.at(static_cast<std::size_t>(p));
}

std::optional<TicketPath> parse_ticket_path(std::string_view path) {
    for (std::size_t i = 0; i < k_names.size(); ++i) {
        if (k_names[i] == path) {
            return static_cast<TicketPath>(i);
        }
    }
    return std::nullopt;
}

std::vector<FieldType> fitting_field_types(TicketPath p) {
    switch (p) {
    case TicketPath::request_type:
    case TicketPath::category:
    case TicketPath::severity:
    case TicketPath::priority:
    case TicketPath::emotion:
    case TicketPath::special_type:
    case TicketPath::channel:
    case TicketPath::concern:
    case TicketPath::locale:
        return {FieldType::single_choice};
    case TicketPath::remedies:
        return {FieldType::multiple_choice};
    case TicketPath::evidence:
        return {FieldType::multiline};
    case TicketPath::occurred_at:
        return {FieldType::datetime};
    case TicketPath::tried_before:
    case TicketPath::consent:
        return {FieldType::yesno};
    case TicketPath::customer_phone:
        return {FieldType::phone};
    case TicketPath::customer_email:
        return {FieldType::email};
    case TicketPath::description:
    case TicketPath::demand:
    case TicketPath::expected_time:
    case TicketPath::occurred_place:
    case TicketPath::tried_how:
    case TicketPath::customer_name:
    case TicketPath::customer_no:
    case TicketPath::order_no:
    case TicketPath::receiver:
        return {FieldType::text, FieldType::multiline};
    }
    return {};
}

bool field_type_fits(TicketPath p, FieldType t) {
    for (const FieldType f : fitting_field_types(p)) {
        if (f == t) {
            return true;
        }
    }
    return false;
}

bool has_fixed_values(TicketPath p) {
    switch (p) {
    case TicketPath::request_type:
    case TicketPath::severity:
    case TicketPath::priority:
    case TicketPath::emotion:
    case TicketPath::special_type:
    case TicketPath::channel:
    case TicketPath::concern:
    case TicketPath::locale:
        return true;
    default:
        return false;
    }
}

bool is_fixed_value(TicketPath p, std::string_view value) {
    switch (p) {
    case TicketPath::request_type:
        return core::parse_request_type(value).has_value();
    case TicketPath::severity:
        return core::parse_severity(value).has_value();
    case TicketPath::priority:
        return core::parse_priority(value).has_value();
    case TicketPath::emotion:
        return core::parse_emotion(value).has_value();
    case TicketPath::special_type:
        return core::parse_special_type(value).has_value();
    case TicketPath::channel:
        return core::parse_channel(value).has_value();
    case TicketPath::concern:
        return core::parse_concern(value).has_value();
    case TicketPath::locale:
        return is_supported_locale(value);
    default:
        return true;
    }
}

std::vector<std::string> fixed_values(TicketPath p) {
    switch (p) {
    case TicketPath::request_type:
        return names_of(k_request_types);
    case TicketPath::severity:
        return names_of(k_severities);
    case TicketPath::priority:
        return names_of(k_priorities);
    case TicketPath::emotion:
        return names_of(k_emotions);
    case TicketPath::special_type:
        return names_of(k_special_types);
    case TicketPath::channel:
        return names_of(k_channels);
    case TicketPath::concern:
        return names_of(k_concerns);
    case TicketPath::locale:
        return {k_locales.begin(), k_locales.end()};
    default:
        return {};
    }
}

bool always_accepted(TicketPath p) {
    return p == TicketPath::receiver || p == TicketPath::locale || p == TicketPath::channel;
}

bool is_list_path(TicketPath p) {
    return p == TicketPath::evidence;
}

namespace {

std::string text_of(const nlohmann::json& value) {
    return value.is_string() ? std::string(trim(value.get_ref<const std::string&>())) : "";
}

std::vector<std::string> list_of(const nlohmann::json& value) {
    if (value.is_string()) {
        return split_lines(value.get_ref<const std::string&>());
    }
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const nlohmann::json& item : value) {
            if (item.is_string()) {
                const std::string_view t = trim(item.get_ref<const std::string&>());
                if (!t.empty()) {
                    out.emplace_back(t);
                }
            }
        }
    }
    return out;
}

} // namespace

void assign_to_ticket(core::NewTicket& ticket, TicketPath p, const nlohmann::json& value,
                      int utc_offset_minutes) {
    const std::string text = text_of(value);
    switch (p) {
    case TicketPath::request_type:
        ticket.request_type = core::parse_request_type(text).value_or(ticket.request_type);
        break;
    case TicketPath::category:
        ticket.category = text;
        break;
    case TicketPath::severity:
        ticket.severity = core::parse_severity(text).value_or(ticket.severity);
        break;
    case TicketPath::priority:
        ticket.priority = core::parse_priority(text).value_or(ticket.priority);
        break;
    case TicketPath::emotion:
        ticket.emotion = core::parse_emotion(text).value_or(ticket.emotion);
        break;
    case TicketPath::special_type:
        ticket.special_type = core::parse_special_type(text).value_or(ticket.special_type);
        break;
    case TicketPath::channel:
        ticket.channel = core::parse_channel(text).value_or(ticket.channel);
        break;
    case TicketPath::concern:
        ticket.concern = core::parse_concern(text).value_or(ticket.concern);
        break;
    case TicketPath::description:
        ticket.description = text;
        break;
    case TicketPath::demand:
        ticket.demand = text;
        break;
    case TicketPath::remedies:
        ticket.remedies = list_of(value);
        break;
    case TicketPath::expected_time:
        ticket.expected_time = text;
        break;
    case TicketPath::occurred_at:
        ticket.occurred_at = core::parse_iso8601(text, utc_offset_minutes);
        break;
    case TicketPath::occurred_place:
        ticket.occurred_place = text;
        break;
    case TicketPath::evidence:
        ticket.evidence = list_of(value);
        break;
    case TicketPath::tried_before:
        ticket.tried_before = value.is_boolean() && value.get<bool>();
        break;
    case TicketPath::tried_how:
        ticket.tried_how = text;
        break;
    case TicketPath::customer_name:
        ticket.customer.name = text;
        break;
    case TicketPath::customer_phone:
        ticket.customer.phone = core::normalize_phone(text);
        break;
    case TicketPath::customer_email:
        ticket.customer.email = text;
        break;
    case TicketPath::customer_no:
        ticket.customer.customer_no = text;
        break;
    case TicketPath::order_no:
        ticket.customer.order_no = text;
        break;
    case TicketPath::receiver:
        ticket.receiver = text;
        break;
    case TicketPath::locale:
        ticket.locale = text;
        break;
    case TicketPath::consent:
        break; // checked by the form, never stored on the ticket
    }
}

} // namespace cf::forms
