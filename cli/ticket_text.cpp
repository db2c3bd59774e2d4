#include "cli/ticket_text.h"

#include "core/masking.h"

#include <cstdio>

namespace cf::cli {
namespace {

using core::Millis;

std::string local_time(Millis t, int offset) {
    // "2026-11-23 09:30" in the branch's time: drop seconds and the offset for reading.
    std::string iso = core::format_iso8601(t, offset);
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

std::string pad(std::string_view s, std::size_t width) {
    // Width in terminal columns: CJK characters take two.
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cols += len >= 3 ? 2 : 1;
        i += len;
    }
    // Always at least one space, so a long value never runs into the next column.
    std::string out(s);
    out.append(cols < width ? width - cols : 1, ' ');
    return out;
}

std::string masked_customer(const core::Customer& c) {
    std::string out;
    if (!c.name.empty()) {
        out = core::mask_name(c.name);
    }
    if (!c.phone.empty()) {
        out += (out.empty() ? "" : " ") + core::mask_phone(c.phone);
    } else if (!c.email.empty()) {
        out += (out.empty() ? "" : " ") + core::mask_email(c.email);
    }
    return out.empty() ? "-" : out;
}

std::string age(Millis from, Millis now) {
    Millis minutes = (now - from) / core::k_minute;
    char buf[32];
    if (minutes < 60) {
        std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(minutes));
    } else if (minutes < 48 * 60) {
        std::snprintf(buf, sizeof buf, "%lldh", static_cast<long long>(minutes / 60));
    } else {
        std::snprintf(buf, sizeof buf, "%lldd", static_cast<long long>(minutes / (24 * 60)));
    }
    return buf;
}

std::string percent(double ratio) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
    return buf;
}

void print_counts(std::ostream& out, const char* title, const std::vector<core::CountRow>& rows) {
    out << title << ":";
    if (rows.empty()) {
        out << " -";
    }
    for (const auto& r : rows) {
        out << "  " << r.key << " " << r.count;
    }
    out << "\n";
}

} // namespace

void print_ticket_table(std::ostream& out, const std::vector<core::Ticket>& tickets, Millis now,
                        int offset) {
    if (tickets.empty()) {
        out << "no tickets\n";
        return;
    }
    out << pad("NUMBER", 22) << pad("STATE", 14) << pad("TYPE", 12) << pad("CATEGORY", 32)
        << pad("PRIORITY", 11) << pad("RECEIVED", 18) << pad("AGE", 6) << "CUSTOMER\n";
    for (const auto& t : tickets) {
        out << pad(t.number, 22) << pad(core::to_string(t.state), 14)
            << pad(core::to_string(t.request_type), 12) << pad(t.category, 32)
            << pad(core::to_string(t.priority), 11) << pad(local_time(t.received_at, offset), 18)
            << pad(age(t.received_at, now), 6) << masked_customer(t.customer) << "\n";
    }
}

void print_ticket_detail(std::ostream& out, const core::Ticket& t,
                         const std::vector<core::Event>& events, int offset) {
    auto line = [&](const char* label, std::string_view value) {
        if (!value.empty()) {
            out << pad(label, 20) << value << "\n";
        }
    };
    line("number", t.number);
    line("state", core::to_string(t.state));
    line("request type", core::to_string(t.request_type));
    line("category", t.category);
    line("severity", core::to_string(t.severity));
    line("priority", core::to_string(t.priority));
    line("channel", core::to_string(t.channel));
    line("emotion", core::to_string(t.emotion));
    if (t.special_type != core::SpecialType::none) {
        line("special customer", core::to_string(t.special_type));
    }
    if (t.concern != core::Concern::unspecified) {
        line("concerns", core::to_string(t.concern));
    }
    line("customer", masked_customer(t.customer));
    if (!t.customer.email.empty() && !t.customer.phone.empty()) {
        line("email", core::mask_email(t.customer.email));
    }
    if (!t.customer.customer_no.empty()) {
        line("customer no.", core::mask_account(t.customer.customer_no));
    }
    if (!t.customer.order_no.empty()) {
        line("order no.", core::mask_account(t.customer.order_no));
    }
    line("description", t.description);
    line("demand", t.demand);
    std::string remedies;
    for (const auto& r : t.remedies) {
        remedies += (remedies.empty() ? "" : ", ") + r;
    }
    line("remedies", remedies);
    line("received", local_time(t.received_at, offset) + " by " + t.receiver);
    line("first response due", local_time(t.first_response_due, offset));
    if (t.acknowledged_at) {
        line("acknowledged", local_time(*t.acknowledged_at, offset));
    }
    if (t.due_at > 0) {
        line("due", local_time(t.due_at, offset));
    }
    if (t.handling_deadline) {
        line("handling deadline", local_time(*t.handling_deadline, offset));
    }
    line("resolution", t.resolution);
    line("returned because", t.return_reason);
    line("center feedback", t.feedback);
    if (t.satisfaction != core::Satisfaction::none) {
        line("satisfaction", core::to_string(t.satisfaction));
    }
    if (t.closed_at) {
        line("closed", local_time(*t.closed_at, offset));
    }
    out << "timeline:\n";
    for (const auto& e : events) {
        out << "  " << local_time(core::hlc_physical(e.hlc), offset) << "  " << pad(e.kind, 14)
            << e.actor << " (" << core::to_string(e.actor_role) << ")";
        for (const char* key : {"text", "reason", "resolution", "level", "outcome"}) {
            if (e.payload.is_object() && e.payload.contains(key) && e.payload[key].is_string()) {
                out << "  " << e.payload[key].get<std::string>();
            }
        }
        out << "\n";
    }
}

void print_stats(std::ostream& out, const core::Stats& s, int offset) {
    out << "period: " << local_time(s.from, offset) << " to " << local_time(s.to, offset) << "\n";
    out << "tickets: " << s.total << "\n";
    print_counts(out, "by type", s.by_type);
    print_counts(out, "by category", s.by_category);
    print_counts(out, "by priority", s.by_priority);
    print_counts(out, "top categories", s.top_categories);
    out << "average handling time: ";
    if (s.average_handling_hours) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f h", *s.average_handling_hours);
        out << buf << " over " << s.resolved << " resolved\n";
    } else {
        out << "- (none resolved yet)\n";
    }
    out << "first-response SLA: ";
    if (s.first_response_compliance) {
        out << percent(*s.first_response_compliance) << " (" << s.first_response_met << " of "
            << s.first_response_counted << " on time)\n";
    } else {
        out << "- (nothing due yet)\n";
    }
    print_counts(out, "satisfaction", s.satisfaction);
    print_counts(out, "satisfaction events (every round)", s.satisfaction_events);
    out << "answered from the knowledge base: " << s.knowledge_answered << "\n";
    if (!s.by_knowledge_article.empty()) {
        print_counts(out, "knowledge-base articles", s.by_knowledge_article);
    }
}

} // namespace cf::cli
