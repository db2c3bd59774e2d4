#pragma once
// The narrow storage interface of the regional center. The HTTP API and the center CLI use
// only this, so a PostgreSQL backend can serve a region that outgrows one machine, with
// several stateless center processes in front of it. SqliteCenterStorage is the embedded
// default. Every method is safe to call from several threads at once.

#include "center/center_error.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/ticket.h"
#include "sync/console_messages.h"
#include "sync/messages.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::center {

// Who a bearer token belongs to.
struct Principal {
    // device: an enrolled terminal; console: a console token (the /v1/center/* API);
    // staff: a center staff member's console session (the /v1/console/* API).
    enum class Kind { device, console, staff } kind = Kind::device;
    std::string device; // "SZ01/K1" for a device; the token's name for a console; staff id
    std::string branch; // empty for a console and for staff
    std::string staff;  // staff: the account id
    core::Role role = core::Role::reviewer; // staff and console: a center role
    std::string department;                 // staff and console: a handler's department
};

// A center staff account (the console's users).
struct StaffAccount {
    std::string id;
    std::string name;
    core::Role role = core::Role::reviewer;
    std::string department; // handlers only
    std::optional<core::Millis> disabled_at;
    core::Millis locked_until = 0;
};

// Limits of staff accounts: a session lasts 12 h. Wrong passwords slow sign-in down
// (sign_in_throttle.h).
inline constexpr core::Millis k_session_ttl = 12 * core::k_hour;
inline constexpr std::size_t k_min_password = 6;
inline constexpr std::size_t k_max_password = 128;

// The --role of a staff account or a console token is a center role; else 400 invalid_value
// naming the role and the five center roles.
CenterResult<void> check_center_role(core::Role role);

struct CenterQuery {
    std::optional<core::State> state;
    std::string branch; // empty: every branch
    int limit = 100;
    int offset = 0;
};

struct OverdueLists {
    std::vector<core::Ticket> handling; // a department's handling deadline (处理时限) passed
    std::vector<core::Ticket> ticket;   // the ticket deadline (工单时限) passed
};

struct TicketWithEvents {
    core::Ticket ticket; // personal data masked
    std::vector<core::Event> events;
};

// A ticket whose classification staff corrected with a reclassify step, at the counter or at
// 复核, with its classification now: the text model learns from these (train-classifier).
struct ClassificationCorrection {
    core::Ticket ticket;           // personal data masked; the customer's words kept
    core::Millis corrected_at = 0; // the last reclassify step's time
};

struct EnrollCode {
    std::string code; // shown once; only its hash is stored
    std::string branch;
    std::string terminal; // empty: a terminal id the center has not seen yet
    bool replace = false; // may enrol `terminal` while it is active, revoking its tokens
    core::Millis expires_at = 0;
};

// How far ahead of the center's wall clock a terminal's HLC may be (serve
// --max-clock-skew-hours): further ahead, an event is refused with clock_ahead, and the
// center's own clock never goes past wall time plus this.
inline constexpr core::Millis k_default_max_clock_skew = 7 * core::k_day;

// A console token (console-token) lasts 90 days unless made with another --ttl-days.
inline constexpr core::Millis k_default_console_token_ttl = 90 * core::k_day;

// What a console token is made for: it acts as `name` in `role` (a center role), for
// `department` when the role is handler.
struct ConsoleTokenSpec {
    std::string name = "console";
    core::Role role = core::Role::reviewer;
    std::string department;
    core::Millis ttl = k_default_console_token_ttl;
};

class CenterStorage {
public:
    virtual ~CenterStorage() = default;

    // The id of this copy of the center's data; a restore from backup makes a new one.
    virtual std::string epoch() const = 0;

    // A one-time enrolment code for a branch and one terminal id (`what.terminal`), or for a
    // terminal id the center has not seen (empty), valid for code_ttl; the device token it
    // yields is valid for token_ttl. Fails with 400 invalid_value naming a bad branch code or
    // terminal id, or replace without a terminal.
    virtual CenterResult<EnrollCode> create_enroll_code(const EnrollCode& what,
                                                        core::Millis code_ttl,
                                                        core::Millis token_ttl,
                                                        core::Millis now) = 0;
    // Exchanges a code for a device token; a code made with replace revokes the device's
    // other tokens in the same transaction. Fails with 401 bad_code, code_used, code_expired,
    // 403 wrong_branch / wrong_terminal (the code is for another branch or terminal id), 409
    // device_revoked, device_exists (a new-terminal code for a known id) or device_active (the
    // terminal has a working token and the code was not made with replace).
    virtual CenterResult<sync::EnrollResponse> enroll(const sync::EnrollRequest& request,
                                                      core::Millis now) = 0;
    // A token for the center console API acting as spec says. Fails with 400 invalid_value
    // naming name, role, department or ttl, storage errors otherwise.
    virtual CenterResult<std::string> create_console_token(const ConsoleTokenSpec& spec,
                                                           core::Millis now) = 0;
    // Fails with 401 missing_token, bad_token (unknown or forged), token_expired or
    // token_revoked (also a console token made before tokens had a role).
    virtual CenterResult<Principal> authenticate(std::string_view token, core::Millis now) = 0;
    // Revokes the device and all its tokens. Fails with 404 when there is no such device.
    virtual CenterResult<void> revoke_device(std::string_view device, core::Millis now) = 0;

    virtual CenterResult<sync::DeviceStatus> device_status(const Principal& who,
                                                           core::Millis now) = 0;
    // Stores a batch in one transaction before answering; a replay gets the same answer.
    // Fails with 409 gap / seq_conflict / duplicate_event_id, 422 for an event the center
    // refuses (unknown ticket, a center step from a terminal, a step the lifecycle refuses,
    // another branch's ticket, clock_ahead, invalid_ticket for a create no terminal makes),
    // 403 wrong_device; nothing is stored then.
    virtual CenterResult<sync::PushResponse>
    push(const Principal& who, const sync::PushRequest& batch, core::Millis now) = 0;
    // Changes for the caller's branch after the cursor, never another branch's: the
    // PullResponse body as JSON text, written straight from the stored event text. Fails with
    // 403 not_a_device / wrong_device, storage errors, or 500 corrupt for a stored event that
    // does not read back.
    virtual CenterResult<std::string> pull(const Principal& who,
                                           const sync::PullRequest& request) = 0;

    // A workflow step at the center. Fails with 404 unknown ticket, 422 step_refused (state,
    // role, owner), 400 invalid payload.
    virtual CenterResult<core::Ticket> act(std::string_view number, const sync::StepRequest& step,
                                           core::Millis now) = 0;
    virtual CenterResult<std::vector<core::Ticket>> list(const CenterQuery& query) = 0;
    virtual CenterResult<OverdueLists> overdue(core::Millis now) = 0;
    virtual CenterResult<TicketWithEvents> get(std::string_view number) = 0;
    // Every ticket with its number, state and events (ids, kinds, origins), every device.
    virtual CenterResult<nlohmann::json> export_all() = 0;
    // Publishes a new version of an asset file; returns its version.
    virtual CenterResult<std::int64_t> publish_asset(const sync::AssetPublishRequest& asset,
                                                     core::Millis now) = 0;
    // Every published version of asset `name`, oldest first; empty when none was published.
    virtual CenterResult<std::vector<sync::AssetVersion>> asset_versions(std::string_view name) = 0;
    // Every ticket that has had a reclassify step, oldest correction first.
    virtual CenterResult<std::vector<ClassificationCorrection>> corrections() = 0;

    // Staff accounts (center_staff.cpp). add_staff fails with 400 invalid_value naming the bad
    // field (id, name, role, department, password) or 409 staff_exists.
    virtual CenterResult<void> add_staff(const StaffAccount& account, std::string_view password,
                                         core::Millis now) = 0;
    // Disables the account and revokes its sessions at once. Fails with 404 not_found.
    virtual CenterResult<void> disable_staff(std::string_view id, core::Millis now) = 0;
    virtual CenterResult<std::vector<StaffAccount>> list_staff() = 0;
    // Opens a session valid for ttl; source is the client's address ("" counts none). Fails
    // with 401 bad_credentials (unknown id, wrong password, a password of the wrong length, a
    // disabled account's wrong password alike), 403 account_disabled (its right password),
    // 423 locked (the id must wait: CenterError::locked_until), 429 too_many_attempts (the
    // address must wait), 503 busy (every password check slot is taken).
    virtual CenterResult<sync::SignInResponse> sign_in(const sync::SignInRequest& request,
                                                       core::Millis ttl, core::Millis now,
                                                       std::string_view source = {}) = 0;
    // Revokes the session of this token. Fails with storage errors only.
    virtual CenterResult<void> sign_out(std::string_view token, core::Millis now) = 0;

    // The console (center_console.cpp); `who` is a staff principal. A handler is scoped to
    // tickets dispatched to their department. Fail with 403 wrong_department, 404 not_found,
    // 400 for a bad step or payload, 409 request_id_reused, 422 step_refused, 403
    // not_for_handlers (the dashboard).
    virtual CenterResult<sync::QueueResponse>
    console_queue(const Principal& who, const sync::QueueRequest& request, core::Millis now) = 0;
    virtual CenterResult<sync::TicketDetail> console_ticket(const Principal& who,
                                                            std::string_view number) = 0;
    virtual CenterResult<sync::ConsoleStepResponse>
    console_step(const Principal& who, std::string_view number,
                 const sync::ConsoleStepRequest& request, core::Millis now) = 0;
    virtual CenterResult<sync::Dashboard> console_dashboard(const Principal& who,
                                                            const sync::DashboardRequest& request,
                                                            core::Millis now) = 0;
    // The 考核 reports (sync::Reports) over the region's tickets received in the request's
    // period (default: the dashboard's 12 weeks) under its filter, from aggregate queries, so
    // memory is bounded by departments and staff, not tickets. Fails with 403 not_for_handlers,
    // 400 invalid_value naming `to` (not after from, or more than three years after it), storage
    // errors.
    virtual CenterResult<sync::Reports> console_reports(const Principal& who,
                                                        const sync::ReportsRequest& request,
                                                        core::Millis now) = 0;
};

} // namespace cf::center
