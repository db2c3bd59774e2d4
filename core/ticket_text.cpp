#include "core/ticket_text.h"

#include <array>
#include <climits>

namespace cf::core {
namespace {

// Each reader takes the value at the scanner for one field, with ticket_from_json's rules:
// null reads as the field's default (but for round), a wrong type is refused.

bool read_text(JsonScan& s, std::string& out) {
    if (s.peek() == 'n') {
        out.clear();
        return s.null();
    }
    return s.string(out);
}

bool read_time(JsonScan& s, Millis& out) {
    if (s.peek() == 'n') {
        out = 0;
        return s.null();
    }
    return s.integer(out);
}

bool read_optional_time(JsonScan& s, std::optional<Millis>& out) {
    if (s.peek() == 'n') {
        out.reset();
        return s.null();
    }
    Millis v = 0;
    if (!s.integer(v)) {
        return false;
    }
    out = v;
    return true;
}

bool read_optional_amount(JsonScan& s, std::optional<double>& out) {
    if (s.peek() == 'n') {
        out.reset();
        return s.null();
    }
    double v = 0;
    if (!s.amount(v)) {
        return false;
    }
    out = v;
    return true;
}

bool read_list(JsonScan& s, std::vector<std::string>& out) {
    out.clear();
    if (s.peek() == 'n') {
        return s.null();
    }
    if (!s.take('[')) {
        return false;
    }
    if (s.take(']')) {
        return true;
    }
    do {
        if (!s.string(out.emplace_back())) {
            return false;
        }
    } while (s.take(','));
    return s.take(']');
}

bool read_flag(JsonScan& s, bool& out) {
    if (s.peek() == 'n') {
        out = false;
        return s.null();
    }
    return s.boolean(out);
}

template <class E>
bool read_choice(JsonScan& s, E& out, std::optional<E> (*parse)(std::string_view), E fallback) {
    if (s.peek() == 'n') {
        out = fallback;
        return s.null();
    }
    std::string_view code;
    if (!s.plain_string(code)) {
        return false;
    }
    const auto v = parse(code);
    if (!v) {
        return false;
    }
    out = *v;
    return true;
}

template <auto M> bool text(JsonScan& s, Ticket& t) {
    return read_text(s, t.*M);
}
template <auto M> bool time(JsonScan& s, Ticket& t) {
    return read_time(s, t.*M);
}
template <auto M> bool optional_time(JsonScan& s, Ticket& t) {
    return read_optional_time(s, t.*M);
}
template <auto M> bool optional_amount(JsonScan& s, Ticket& t) {
    return read_optional_amount(s, t.*M);
}
template <auto M> bool amount(JsonScan& s, Ticket& t) {
    std::optional<double> v;
    if (!read_optional_amount(s, v)) {
        return false;
    }
    t.*M = v.value_or(0);
    return true;
}
template <auto M> bool list(JsonScan& s, Ticket& t) {
    return read_list(s, t.*M);
}
template <auto M, auto Parse, auto Fallback> bool choice(JsonScan& s, Ticket& t) {
    return read_choice(s, t.*M, Parse, Fallback);
}

bool round(JsonScan& s, Ticket& t) {
    std::int64_t v = 0;
    if (!s.integer(v) || v < INT_MIN || v > INT_MAX) {
        return false;
    }
    t.round = static_cast<int>(v);
    return true;
}

bool tried_before(JsonScan& s, Ticket& t) {
    return read_flag(s, t.tried_before);
}

struct Field {
    std::string_view name;
    bool (*read)(JsonScan&, Ticket&);
};

// In the order nlohmann::json writes them (sorted), so the next key is usually the next
// entry: the lookup starts there.
constexpr std::array k_fields = {
    Field{"acknowledged_at", optional_time<&Ticket::acknowledged_at>},
    Field{"approval_above", optional_amount<&Ticket::approval_above>},
    Field{"approved_by", text<&Ticket::approved_by>},
    Field{"approved_compensation", amount<&Ticket::approved_compensation>},
    Field{"assignee", text<&Ticket::assignee>},
    Field{"branch", text<&Ticket::branch>},
    Field{"category", text<&Ticket::category>},
    Field{"channel", choice<&Ticket::channel, parse_channel, Channel::counter>},
    Field{"checklist", list<&Ticket::checklist>},
    Field{"closed_at", optional_time<&Ticket::closed_at>},
    Field{"concern", choice<&Ticket::concern, parse_concern, Concern::unspecified>},
    Field{"contact_due", time<&Ticket::contact_due>},
    Field{"deadline_started_at", optional_time<&Ticket::deadline_started_at>},
    Field{"demand", text<&Ticket::demand>},
    Field{"departments", list<&Ticket::departments>},
    Field{"departments_answered", list<&Ticket::departments_answered>},
    Field{"departments_approved", list<&Ticket::departments_approved>},
    Field{"departments_pending", list<&Ticket::departments_pending>},
    Field{"departments_signed", list<&Ticket::departments_signed>},
    Field{"description", text<&Ticket::description>},
    Field{"due_at", time<&Ticket::due_at>},
    Field{"emotion", choice<&Ticket::emotion, parse_emotion, Emotion::calm>},
    Field{"evidence", list<&Ticket::evidence>},
    Field{"expected_time", text<&Ticket::expected_time>},
    Field{"feedback", text<&Ticket::feedback>},
    Field{"first_response_due", time<&Ticket::first_response_due>},
    Field{"handling_deadline", optional_time<&Ticket::handling_deadline>},
    Field{"id", text<&Ticket::id>},
    Field{"knowledge_article", text<&Ticket::knowledge_article>},
    Field{"locale", text<&Ticket::locale>},
    Field{"number", text<&Ticket::number>},
    Field{"occurred_at", optional_time<&Ticket::occurred_at>},
    Field{"occurred_place", text<&Ticket::occurred_place>},
    Field{"priority", choice<&Ticket::priority, parse_priority, Priority::normal>},
    Field{"received_at", time<&Ticket::received_at>},
    Field{"receiver", text<&Ticket::receiver>},
    Field{"remedies", list<&Ticket::remedies>},
    Field{"request_type",
          choice<&Ticket::request_type, parse_request_type, RequestType::complaint>},
    Field{"resolution", text<&Ticket::resolution>},
    Field{"resolved_at", optional_time<&Ticket::resolved_at>},
    Field{"return_reason", text<&Ticket::return_reason>},
    Field{"round", round},
    Field{"satisfaction", choice<&Ticket::satisfaction, parse_satisfaction, Satisfaction::none>},
    Field{"severity", choice<&Ticket::severity, parse_severity, Severity::general>},
    Field{"special_type", choice<&Ticket::special_type, parse_special_type, SpecialType::none>},
    Field{"state", choice<&Ticket::state, parse_state, State::received>},
    Field{"terminal", text<&Ticket::terminal>},
    Field{"tried_before", tried_before},
    Field{"tried_how", text<&Ticket::tried_how>},
    Field{"updated_at", time<&Ticket::updated_at>},
};
static_assert(k_fields.size() <= 64, "the seen-keys mask has 64 bits");

// The index of key in k_fields, looked up from `hint` on; -1 when it is not a ticket key.
int field_index(std::string_view key, std::size_t hint) {
    for (std::size_t n = 0; n < k_fields.size(); ++n) {
        const std::size_t i = (hint + n) % k_fields.size();
        if (k_fields[i].name == key) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace

bool read_ticket_text(JsonScan& scan, Ticket& t) {
    // What ticket_from_json reads for a missing key: the member defaults, but an empty locale.
    t = Ticket{};
    t.locale.clear();
    if (!scan.take('{')) {
        return false;
    }
    if (scan.take('}')) {
        return true;
    }
    std::uint64_t seen = 0;
    std::size_t next = 0;
    do {
        std::string_view key;
        if (!scan.plain_string(key) || !scan.take(':')) {
            return false;
        }
        const int i = field_index(key, next);
        if (i < 0 || (seen & (std::uint64_t{1} << i)) != 0) {
            return false;
        }
        seen |= std::uint64_t{1} << i;
        next = static_cast<std::size_t>(i) + 1;
        if (!k_fields[static_cast<std::size_t>(i)].read(scan, t)) {
            return false;
        }
    } while (scan.take(','));
    return scan.take('}');
}

} // namespace cf::core
