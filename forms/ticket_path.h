#pragma once
// The places in a ticket a form field can fill ("bind"), named as in a submission:
// top-level keys are the core::NewTicket fields, "customer.*" its Customer fields, and
// "consent" is the kiosk's privacy consent, which is checked but never stored.

#include "core/ticket.h"
#include "forms/field_type.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

enum class TicketPath {
    request_type,
    category,
    severity,
    priority,
    emotion,
    special_type,
    channel,
    concern,
    description,
    demand,
    remedies,
    expected_time,
    occurred_at,
    occurred_place,
    evidence,
    tried_before,
    tried_how,
    customer_name,
    customer_phone,
    customer_email,
    customer_no,
    order_no,
    receiver,
    locale,
    consent,
};

// Every path, in the order above.
std::span<const TicketPath> all_ticket_paths();

// "customer.phone" for TicketPath::customer_phone.
std::string_view to_string(TicketPath p);
// nullopt for text that names no path.
std::optional<TicketPath> parse_ticket_path(std::string_view path);

// Whether a field of this type can fill this path (e.g. severity needs single_choice).
bool field_type_fits(TicketPath p, FieldType t);
// The field types that fit, for messages.
std::vector<FieldType> fitting_field_types(TicketPath p);

// Paths whose values are a fixed set of codes (the enums of core/ticket.h and the locales);
// category is not among them (its values come from the category tree).
bool has_fixed_values(TicketPath p);
// Whether `value` is one of the fixed values; true for paths without fixed values.
bool is_fixed_value(TicketPath p, std::string_view value);
// The fixed values, for messages; empty for other paths.
std::vector<std::string> fixed_values(TicketPath p);

// receiver, locale and channel are accepted in every submission, on the form or not.
bool always_accepted(TicketPath p);
// evidence holds a list; a multiline field bound to it gives one item per line.
bool is_list_path(TicketPath p);

// Stores an already validated value into the ticket: text is trimmed, a phone is stored as
// core::normalize_phone gives it, a datetime as milliseconds, multiline text bound to a list is
// split into lines. `utc_offset_minutes` is used for a date without a time.
void assign_to_ticket(core::NewTicket& ticket, TicketPath p, const nlohmann::json& value,
                      int utc_offset_minutes);

} // namespace cf::forms
