#pragma once
// The ticket (投诉登记表): every field of DOMAIN.md "What a record holds" plus classification,
// deadlines and lifecycle state. A Ticket is the projection of its events (see lifecycle.h);
// code outside core/ reads it but changes it only through lifecycle steps.

#include "core/clock.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

// 需求分类
enum class RequestType { enquiry, complaint, suggestion, praise, report, other };
// 渠道
enum class Channel { kiosk, counter, phone, email, online, social_media, visit };
// 严重程度: 一般 / 重要 / 重大(危机)
enum class Severity { general, important, major };
// SLA priority: 一般 / 重要 / 紧急
enum class Priority { normal, important, urgent };
// 情绪状态
enum class Emotion { calm, anxious, agitated };
// 特殊客户类型; media_exposure (外宣传型) forces the ticket to urgent.
enum class SpecialType { none, media_exposure, repeat_complainant, vulnerable, vip };
// What the complaint concerns.
enum class Concern { unspecified, product, service, staff };
// 满意 / 基本满意 / 不满意
enum class Satisfaction { none, satisfied, mostly_satisfied, unsatisfied };
// Who found the cause in department handling.
enum class Responsibility { our_department, supplier, customer_misunderstanding };

// Lifecycle states. Branch-owned: received, acknowledged, resolved, returned, answered,
// satisfied, second_round, closed. Center-owned: submitted, accepted, dispatched, handled,
// audited, escalated.
enum class State {
    received,     // 已受理: recorded, first response pending
    acknowledged, // 已回应: customer thanked, given number and expected time
    resolved,     // 已处理: resolved at the branch (on the spot or second round), awaiting
                  // the customer's satisfaction
    submitted,    // 已提交: sent to the regional center, awaiting review (复核)
    returned,     // 已退回: the center asked the branch for missing information
    accepted,     // 已复核: review passed, awaiting dispatch (派单)
    dispatched,   // 处理中: at one or more departments
    handled,      // 待审核: every department answered, awaiting audit (审核)
    audited,      // 待反馈: audit approved, awaiting feedback (反馈) to the branch
    answered,     // 已反馈: feedback arrived; contact the customer
    satisfied,    // 待关闭: customer satisfied or mostly satisfied
    second_round, // 二次处理: customer unsatisfied; supervisor has 24 h
    closed,       // 已关闭
    // 上报: unsatisfied again after the second round; the center's manager answers or
    // dispatches it (000 「若無法達成一致，需向上級主管匯報」)
    escalated,
};

enum class Owner { branch, center };
Owner owner_of(State s);

// Staff and device roles. kiosk files tickets for walk-in customers.
enum class Role { kiosk, frontdesk, supervisor, reviewer, dispatcher, handler, auditor, manager };
bool is_branch_role(Role r);
bool is_center_role(Role r);

// Text names used in JSON, the CLI and the database. parse_* returns nullopt for unknown text.
std::string_view to_string(RequestType v);
std::string_view to_string(Channel v);
std::string_view to_string(Severity v);
std::string_view to_string(Priority v);
std::string_view to_string(Emotion v);
std::string_view to_string(SpecialType v);
std::string_view to_string(Concern v);
std::string_view to_string(Satisfaction v);
std::string_view to_string(Responsibility v);
std::string_view to_string(State v);
std::string_view to_string(Role v);
std::optional<RequestType> parse_request_type(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<Severity> parse_severity(std::string_view s);
std::optional<Priority> parse_priority(std::string_view s);
std::optional<Emotion> parse_emotion(std::string_view s);
std::optional<SpecialType> parse_special_type(std::string_view s);
std::optional<Concern> parse_concern(std::string_view s);
std::optional<Satisfaction> parse_satisfaction(std::string_view s);
std::optional<Responsibility> parse_responsibility(std::string_view s);
std::optional<State> parse_state(std::string_view s);
std::optional<Role> parse_role(std::string_view s);

// Customer personal data. Sealed at rest field by field (pii_sealer.h); masked when shown.
struct Customer {
    std::string name; // person or company
    std::string phone;
    std::string email;
    std::string customer_no;
    std::string order_no;
    bool operator==(const Customer&) const = default;
};

// What a new ticket is filed with: the record as received, classified and with its first
// deadlines computed (forms/intake.h builds one from a form submission).
struct NewTicket {
    RequestType request_type = RequestType::complaint;
    std::string category; // code from the category tree, e.g. "billing" or "billing.overcharge"
    Severity severity = Severity::general;
    Priority priority = Priority::normal;
    Emotion emotion = Emotion::calm;
    SpecialType special_type = SpecialType::none;
    Channel channel = Channel::counter;
    Concern concern = Concern::unspecified;

    std::string description;
    std::string demand;                // 诉求: what the customer wants, in their words
    std::vector<std::string> remedies; // remedy codes chosen on the form (refund, apology...)
    std::string expected_time;         // when the customer expects a result, as they said it
    std::optional<Millis> occurred_at; // when the problem happened
    std::string occurred_place;
    std::vector<std::string> evidence; // file names or descriptions of receipts and photos
    bool tried_before = false;         // whether the customer already tried to solve it
    std::string tried_how;

    Customer customer;
    std::string receiver;           // 受理人: staff id, or "kiosk"
    std::string locale = "zh-Hans"; // the language the customer used
    Millis first_response_due = 0;  // from the SLA policy; met by acknowledging
    Millis due_at = 0;              // the ticket deadline (工单时限), or the second round's
    // By when the branch must contact the customer: the specialist's call after a complaint is
    // filed, the call-back after the center's feedback. 0: no contact is due. Met by a contact.
    Millis contact_due = 0;
    // A resolution paying more than this needs a supervisor's approval (the policy's
    // compensation_approval_above when the ticket was filed). None: filed before the rule.
    std::optional<double> approval_above;
    // The knowledge-base article (assets/knowledge/articles.json, SOP 002 知识库标准答案) that
    // answered an enquiry at the kiosk; empty when none did. Only such an enquiry may be
    // acknowledged and resolved by the kiosk itself (lifecycle.h).
    std::string knowledge_article;
};

struct Ticket : NewTicket {
    std::string id;     // UUIDv7
    std::string number; // ticket_number.h
    std::string branch;
    std::string terminal;
    State state = State::received;
    Satisfaction satisfaction = Satisfaction::none;
    int round = 1; // 2 once an unsatisfied customer started the second round

    Millis received_at = 0;
    Millis updated_at = 0;
    std::optional<Millis> acknowledged_at; // first response
    std::optional<Millis> resolved_at;     // first time a resolution or feedback was reached
    std::optional<Millis> closed_at;

    std::string resolution; // the branch's resolution, or the departments' solution
    std::string return_reason;
    std::vector<std::string> departments;         // dispatched to
    std::vector<std::string> departments_pending; // not yet handled
    // Of departments_pending, those whose handler signed for (签收) their latest dispatch; a
    // department handles only after signing. Empty in a ticket from before the rule.
    std::vector<std::string> departments_signed;
    // The departments whose part of the answer stands: handled since the latest dispatch or
    // audit_reject and not sent back by a part audit (audit_part).
    std::vector<std::string> departments_answered;
    // Of departments_answered, those whose part the auditor approved (audit_part).
    std::vector<std::string> departments_approved;
    std::optional<Millis> handling_deadline; // 处理时限 of the current dispatch
    std::string feedback;                    // 反馈 from the center
    std::string assignee;                    // staff id, e.g. supervisor in second round
    // When the running deadline (due_at) was last set anew by a step: the second round
    // (satisfaction "unsatisfied") or a reopen. None: the deadlines run from received_at.
    std::optional<Millis> deadline_started_at;
    std::string approved_by;          // the supervisor whose approval (方案审批) stands
    double approved_compensation = 0; // the compensation that approval covers
    // The crisis steps of 004 ticked so far (escalation.h, k_crisis_checklist), in order.
    std::vector<std::string> checklist;
};

} // namespace cf::core
