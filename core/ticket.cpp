#include "core/ticket.h"

#include <array>
#include <utility>

namespace cf::core {
namespace {

// Names are indexed by the enum's value; the static_asserts below keep both in step.
template <class E, std::size_t N> struct Names {
    std::array<std::string_view, N> names;

    std::string_view name(E v) const { return names.at(static_cast<std::size_t>(v)); }
    std::optional<E> parse(std::string_view s) const {
        for (std::size_t i = 0; i < N; ++i) {
            if (names[i] == s) {
                return static_cast<E>(i);
            }
        }
        return std::nullopt;
    }
};

constexpr Names<RequestType, 6> k_request_types{
    {"enquiry", "complaint", "suggestion", "praise", "report", "other"}};
constexpr Names<Channel, 7> k_channels{
    {"kiosk", "counter", "phone", "email", "online", "social_media", "visit"}};
constexpr Names<Severity, 3> k_severities{{"general", "important", "major"}};
constexpr Names<Priority, 3> k_priorities{{"normal", "important", "urgent"}};
constexpr Names<Emotion, 3> k_emotions{{"calm", "anxious", "agitated"}};
constexpr Names<SpecialType, 5> k_special_types{
    {"none", "media_exposure", "repeat_complainant", "vulnerable", "vip"}};
constexpr Names<Concern, 4> k_concerns{{"unspecified", "product", "service", "staff"}};
constexpr Names<Satisfaction, 4> k_satisfactions{
    {"none", "satisfied", "mostly_satisfied", "unsatisfied"}};
constexpr Names<Responsibility, 3> k_responsibilities{
    {"our_department", "supplier", "customer_misunderstanding"}};
constexpr Names<State, 14> k_states{
    {"received", "acknowledged", "resolved", "submitted", "returned", "accepted", "dispatched",
     "handled", "audited", "answered", "satisfied", "second_round", "closed", "escalated"}};
constexpr Names<Role, 8> k_roles{{"kiosk", "frontdesk", "supervisor", "reviewer", "dispatcher",
                                  "handler", "auditor", "manager"}};

static_assert(static_cast<int>(RequestType::other) == 5);
static_assert(static_cast<int>(Channel::visit) == 6);
static_assert(static_cast<int>(SpecialType::vip) == 4);
static_assert(static_cast<int>(State::escalated) == 13);
static_assert(static_cast<int>(Role::manager) == 7);

} // namespace

Owner owner_of(State s) {
    switch (s) {
    case State::submitted:
    case State::accepted:
    case State::dispatched:
    case State::handled:
    case State::audited:
    case State::escalated:
        return Owner::center;
    default:
        return Owner::branch;
    }
}

bool is_branch_role(Role r) {
    return r == Role::kiosk || r == Role::frontdesk || r == Role::supervisor;
}
bool is_center_role(Role r) {
    return !is_branch_role(r);
}

std::string_view to_string(RequestType v) {
    return k_request_types.name(v);
}
std::string_view to_string(Channel v) {
    return k_channels.name(v);
}
std::string_view to_string(Severity v) {
    return k_severities.name(v);
}
std::string_view to_string(Priority v) {
    return k_priorities.name(v);
}
std::string_view to_string(Emotion v) {
    return k_emotions.name(v);
}
std::string_view to_string(SpecialType v) {
    return k_special_types.name(v);
}
std::string_view to_string(Concern v) {
    return k_concerns.name(v);
}
std::string_view to_string(Satisfaction v) {
    return k_satisfactions.name(v);
}
std::string_view to_string(Responsibility v) {
    return k_responsibilities.name(v);
}
std::string_view to_string(State v) {
    return k_states.name(v);
}
std::string_view to_string(Role v) {
    return k_roles.name(v);
}

std::optional<RequestType> parse_request_type(std::string_view s) {
    return k_request_types.parse(s);
}
std::optional<Channel> parse_channel(std::string_view s) {
    return k_channels.parse(s);
}
std::optional<Severity> parse_severity(std::string_view s) {
    return k_severities.parse(s);
}
std::optional<Priority> parse_priority(std::string_view s) {
    return k_priorities.parse(s);
}
std::optional<Emotion> parse_emotion(std::string_view s) {
    return k_emotions.parse(s);
}
std::optional<SpecialType> parse_special_type(std::string_view s) {
    return k_special_types.parse(s);
}
std::optional<Concern> parse_concern(std::string_view s) {
    return k_concerns.parse(s);
}
std::optional<Satisfaction> parse_satisfaction(std::string_view s) {
    return k_satisfactions.parse(s);
}
std::optional<Responsibility> parse_responsibility(std::string_view s) {
    return k_responsibilities.parse(s);
}
std::optional<State> parse_state(std::string_view s) {
    return k_states.parse(s);
}
std::optional<Role> parse_role(std::string_view s) {
    return k_roles.parse(s);
}

} // namespace cf::core
