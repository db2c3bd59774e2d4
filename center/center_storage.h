#pragma once
// The narrow storage interface of the regional center. The HTTP API and the center CLI use
// only this, so a PostgreSQL backend can serve a region that outgrows one machine, with
// several stateless center processes in front of it. SqliteCenterStorage is the embedded
// default. Every method is safe to call from several threads at once.

#include "center/center_error.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/ticket.h"
#include "sync/messages.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::center {

// Who a bearer token belongs to.
struct Principal {
    enum class Kind { device, console } kind = Kind::device;
    std::string device; // "SZ01/K1" for a device; the token's name for a console
    std::string branch; // empty for a console
};

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

struct EnrollCode {
    std::string code; // shown once; only its hash is stored
    std::string branch;
    core::Millis expires_at = 0;
};

class CenterStorage {
public:
    virtual ~CenterStorage() = default;

    // The id of this copy of the center's data; a restore from backup makes a new one.
    virtual std::string epoch() const = 0;

    // A one-time enrolment code for a branch, valid for code_ttl; the device token it yields
    // is valid for token_ttl. Fails with invalid_value for a bad branch code.
    virtual CenterResult<EnrollCode> create_enroll_code(std::string_view branch,
                                                        core::Millis code_ttl,
                                                        core::Millis token_ttl,
                                                        core::Millis now) = 0;
    // Exchanges a code for a device token. Fails with 401 bad_code (unknown, used or expired),
    // 403 wrong_branch (the code is for another branch) or 409 device_revoked.
    virtual CenterResult<sync::EnrollResponse> enroll(const sync::EnrollRequest& request,
                                                      core::Millis now) = 0;
    // A token for the center console API. Fails with storage errors only.
    virtual CenterResult<std::string> create_console_token(std::string_view name,
                                                           core::Millis now) = 0;
    // Fails with 401 missing_token, bad_token (unknown or forged), token_expired or
    // token_revoked.
    virtual CenterResult<Principal> authenticate(std::string_view token, core::Millis now) = 0;
    // Revokes the device and all its tokens. Fails with 404 when there is no such device.
    virtual CenterResult<void> revoke_device(std::string_view device, core::Millis now) = 0;

    virtual CenterResult<sync::DeviceStatus> device_status(const Principal& who,
                                                           core::Millis now) = 0;
    // Stores a batch in one transaction before answering; a replay gets the same answer.
    // Fails with 409 gap / seq_conflict / duplicate_event_id, 422 for an event the center
    // refuses (unknown ticket, a center step from a terminal, a step the lifecycle refuses,
    // another branch's ticket), 403 wrong_device; nothing is stored then.
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
};

} // namespace cf::center
