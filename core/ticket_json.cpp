#include "core/ticket_json.h"

#include "core/masking.h"

namespace cf::core {
namespace {

using nlohmann::json;

json optional_time(const std::optional<Millis>& t) {
    return t ? json(*t) : json(nullptr);
}

// Reads one field; records the first problem so the caller can report it.
class Reader {
public:
    explicit Reader(const json& j) : m_j(j) {}

    std::string text(const char* key) {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return {};
        }
        if (!it->is_string()) {
            note(key);
            return {};
        }
        return it->get<std::string>();
    }

    Millis time(const char* key) { return optional_time(key).value_or(0); }

    std::optional<Millis> optional_time(const char* key) {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return std::nullopt;
        }
        if (!it->is_number_integer()) {
            note(key);
            return std::nullopt;
        }
        return it->get<Millis>();
    }

    double amount(const char* key) { return optional_amount(key).value_or(0); }

    std::optional<double> optional_amount(const char* key) {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return std::nullopt;
        }
        if (!it->is_number()) {
            note(key);
            return std::nullopt;
        }
        return it->get<double>();
    }

    std::vector<std::string> list(const char* key) {
        std::vector<std::string> out;
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return out;
        }
        if (!it->is_array()) {
            note(key);
            return out;
        }
        for (const auto& v : *it) {
            if (!v.is_string()) {
                note(key);
                return {};
            }
            out.push_back(v.get<std::string>());
        }
        return out;
    }

    bool flag(const char* key) {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return false;
        }
        if (!it->is_boolean()) {
            note(key);
            return false;
        }
        return it->get<bool>();
    }

    int integer(const char* key, int fallback) {
        auto it = m_j.find(key);
        if (it == m_j.end()) {
            return fallback;
        }
        if (!it->is_number_integer()) {
            note(key);
            return fallback;
        }
        return it->get<int>();
    }

    template <class E>
    E choice(const char* key, std::optional<E> (*parse)(std::string_view), E fallback) {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) {
            return fallback;
        }
        auto v = it->is_string() ? parse(it->get<std::string>()) : std::nullopt;
        if (!v) {
            note(key);
            return fallback;
        }
        return *v;
    }

    void note(const char* key) {
        if (m_bad.empty()) {
            m_bad = key;
        }
    }
    const std::string& bad() const { return m_bad; }

private:
    const json& m_j;
    std::string m_bad;
};

} // namespace

json customer_json(const Customer& c, PiiMode pii) {
    if (pii == PiiMode::omit) {
        return json::object();
    }
    const bool plain = pii == PiiMode::plain;
    json out = json::object();
    auto put = [&](const char* key, const std::string& value,
                   std::string (*mask)(std::string_view)) {
        if (!value.empty()) {
            out[key] = plain ? value : mask(value);
        }
    };
    put("name", c.name, mask_name);
    put("phone", c.phone, mask_phone);
    put("email", c.email, mask_email);
    put("customer_no", c.customer_no, mask_account);
    put("order_no", c.order_no, mask_account);
    return out;
}

json to_json(const Ticket& t, PiiMode pii) {
    // Assigned key by key: nlohmann's initializer-list form copies every value twice, and
    // this runs on every filing and step.
    json j = json::object();
    j["id"] = t.id;
    j["number"] = t.number;
    j["branch"] = t.branch;
    j["terminal"] = t.terminal;
    j["state"] = to_string(t.state);
    j["request_type"] = to_string(t.request_type);
    j["category"] = t.category;
    j["severity"] = to_string(t.severity);
    j["priority"] = to_string(t.priority);
    j["emotion"] = to_string(t.emotion);
    j["special_type"] = to_string(t.special_type);
    j["channel"] = to_string(t.channel);
    j["concern"] = to_string(t.concern);
    j["description"] = t.description;
    j["demand"] = t.demand;
    j["remedies"] = t.remedies;
    j["expected_time"] = t.expected_time;
    j["occurred_at"] = optional_time(t.occurred_at);
    j["occurred_place"] = t.occurred_place;
    j["evidence"] = t.evidence;
    j["tried_before"] = t.tried_before;
    j["tried_how"] = t.tried_how;
    j["receiver"] = t.receiver;
    j["locale"] = t.locale;
    j["first_response_due"] = t.first_response_due;
    j["due_at"] = t.due_at;
    // The clocks and approvals of issue 14 are written only when set: a reader takes a missing
    // key as unset, and every create carries this body over the wire and into two databases.
    if (t.contact_due != 0) {
        j["contact_due"] = t.contact_due;
    }
    if (t.approval_above) {
        j["approval_above"] = *t.approval_above;
    }
    if (!t.knowledge_article.empty()) {
        j["knowledge_article"] = t.knowledge_article;
    }
    j["satisfaction"] = to_string(t.satisfaction);
    j["round"] = t.round;
    j["received_at"] = t.received_at;
    j["updated_at"] = t.updated_at;
    j["acknowledged_at"] = optional_time(t.acknowledged_at);
    j["resolved_at"] = optional_time(t.resolved_at);
    j["closed_at"] = optional_time(t.closed_at);
    j["resolution"] = t.resolution;
    j["return_reason"] = t.return_reason;
    j["departments"] = t.departments;
    j["departments_pending"] = t.departments_pending;
    // 签收 and the per-department audit: only once a department signed or answered.
    for (const auto& [key, list] : {std::pair{"departments_signed", &t.departments_signed},
                                    std::pair{"departments_answered", &t.departments_answered},
                                    std::pair{"departments_approved", &t.departments_approved}}) {
        if (!list->empty()) {
            j[key] = *list;
        }
    }
    j["handling_deadline"] = optional_time(t.handling_deadline);
    j["feedback"] = t.feedback;
    j["assignee"] = t.assignee;
    j["deadline_started_at"] = optional_time(t.deadline_started_at);
    if (!t.approved_by.empty() || t.approved_compensation != 0) {
        j["approved_by"] = t.approved_by;
        j["approved_compensation"] = t.approved_compensation;
    }
    if (!t.checklist.empty()) {
        j["checklist"] = t.checklist;
    }
    if (pii != PiiMode::omit) {
        j["customer"] = customer_json(t.customer, pii);
    }
    return j;
}

Result<Ticket> ticket_from_json(const json& j) {
    if (!j.is_object()) {
        return fail(ErrorCode::corrupt, "a stored ticket is not a JSON object");
    }
    Reader r(j);
    Ticket t;
    t.id = r.text("id");
    t.number = r.text("number");
    t.branch = r.text("branch");
    t.terminal = r.text("terminal");
    t.state = r.choice("state", parse_state, State::received);
    t.request_type = r.choice("request_type", parse_request_type, RequestType::complaint);
    t.category = r.text("category");
    t.severity = r.choice("severity", parse_severity, Severity::general);
    t.priority = r.choice("priority", parse_priority, Priority::normal);
    t.emotion = r.choice("emotion", parse_emotion, Emotion::calm);
    t.special_type = r.choice("special_type", parse_special_type, SpecialType::none);
    t.channel = r.choice("channel", parse_channel, Channel::counter);
    t.concern = r.choice("concern", parse_concern, Concern::unspecified);
    t.description = r.text("description");
    t.demand = r.text("demand");
    t.remedies = r.list("remedies");
    t.expected_time = r.text("expected_time");
    t.occurred_at = r.optional_time("occurred_at");
    t.occurred_place = r.text("occurred_place");
    t.evidence = r.list("evidence");
    t.tried_before = r.flag("tried_before");
    t.tried_how = r.text("tried_how");
    t.receiver = r.text("receiver");
    t.locale = r.text("locale");
    t.first_response_due = r.time("first_response_due");
    t.due_at = r.time("due_at");
    t.contact_due = r.time("contact_due"); // 0 in a ticket from before the contact clock
    t.approval_above = r.optional_amount("approval_above");
    t.knowledge_article = r.text("knowledge_article"); // empty in an older body
    t.satisfaction = r.choice("satisfaction", parse_satisfaction, Satisfaction::none);
    t.round = r.integer("round", 1);
    t.received_at = r.time("received_at");
    t.updated_at = r.time("updated_at");
    t.acknowledged_at = r.optional_time("acknowledged_at");
    t.resolved_at = r.optional_time("resolved_at");
    t.closed_at = r.optional_time("closed_at");
    t.resolution = r.text("resolution");
    t.return_reason = r.text("return_reason");
    t.departments = r.list("departments");
    t.departments_pending = r.list("departments_pending");
    // Empty in a ticket from before 签收 and the part audit.
    t.departments_signed = r.list("departments_signed");
    t.departments_answered = r.list("departments_answered");
    t.departments_approved = r.list("departments_approved");
    t.handling_deadline = r.optional_time("handling_deadline");
    t.feedback = r.text("feedback");
    t.assignee = r.text("assignee");
    t.deadline_started_at = r.optional_time("deadline_started_at");
    t.approved_by = r.text("approved_by");
    t.approved_compensation = r.amount("approved_compensation");
    t.checklist = r.list("checklist"); // empty in a ticket from before the crisis checklist
    if (auto c = j.find("customer"); c != j.end() && c->is_object()) {
        Reader cr(*c);
        t.customer.name = cr.text("name");
        t.customer.phone = cr.text("phone");
        t.customer.email = cr.text("email");
        t.customer.customer_no = cr.text("customer_no");
        t.customer.order_no = cr.text("order_no");
        if (!cr.bad().empty()) {
            r.note("customer");
        }
    }
    if (!r.bad().empty()) {
        return fail(ErrorCode::corrupt,
                    "stored ticket '" + t.number + "' has a bad field '" + r.bad() + "'");
    }
    return t;
}

} // namespace cf::core
