#pragma once
// The request and answer bodies of every /v1/ endpoint (docs/SYNC_PROTOCOL.md). Each has a
// to_json and a strict parse_* that refuses unknown fields and wrong types with an error
// naming the field. Every answer carries the center's epoch.

#include "sync/protocol.h"
#include "sync/wire_event.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cf::sync {

// POST /v1/enroll: a one-time code for a device of a branch.
struct EnrollRequest {
    std::string code;
    std::string branch;
    std::string terminal;
};
struct EnrollResponse {
    std::string epoch;
    std::string device; // "SZ01/K1"
    std::string branch;
    std::string token; // bearer token for the device; shown once
};

// GET /v1/device: what the center holds for the calling device.
struct DeviceStatus {
    std::string epoch;
    std::string device;
    std::string branch;
    std::int64_t acked_seq = 0; // the device's high-water mark at the center
    std::int64_t server_time = 0;
};

// A device_seq the terminal will never send, because the event is in its dead-letter list.
struct Skip {
    std::int64_t device_seq = 0;
    std::string event_id;
    std::string reason;
};

// POST /v1/push: events and skips whose device_seq values together form one gapless,
// ascending run that starts at or below the center's mark + 1.
struct PushRequest {
    std::string device;
    std::vector<WireEvent> events;
    std::vector<Skip> skips;
};
struct PushResponse {
    std::string epoch;
    std::string device;
    std::int64_t acked_seq = 0; // the last device_seq of the batch, now stored
};

struct PullCursor {
    std::int64_t events = 0; // center sequence of the last event received
    std::int64_t assets = 0; // center sequence of the last asset version received
};

// POST /v1/pull
struct PullRequest {
    std::string device;
    std::string epoch; // the epoch the cursor belongs to; empty on the first pull
    PullCursor cursor;
    std::int64_t limit = 500;
};

// A new version of an asset file (a form, the category tree ...), as its full text.
struct AssetVersion {
    std::string name; // path inside assets/, e.g. "forms/kiosk.json"
    std::int64_t version = 0;
    std::string content;
};

struct PullResponse {
    std::string epoch;
    bool reset = false; // the cursor belonged to another epoch; this answer starts from 0
    PullCursor cursor;  // where the next pull starts
    bool more = false;  // true when another pull would return more
    std::vector<WireEvent> events;
    std::vector<AssetVersion> assets;
};

// POST /v1/center/tickets/NUMBER/steps: a workflow step taken at the center.
struct StepRequest {
    std::string step;
    // Optional over HTTP, where the console token says who acts (they must match it when
    // given); required of the center's own act command.
    std::string actor;
    std::string role;
    std::string department;
    nlohmann::json payload = nlohmann::json::object();
};

// POST /v1/center/assets: publishes a new version of an asset file.
struct AssetPublishRequest {
    std::string name;
    std::string content;
};

// Every 4xx/5xx answer.
struct ErrorBody {
    std::string epoch;
    std::string error;                   // code: malformed_json, wrong_type, unknown_kind, gap, ...
    std::string field;                   // the JSON path concerned, or empty
    std::string message;                 // for a person
    std::optional<std::int64_t> index;   // events[index] concerned
    std::optional<std::string> event_id; // the event concerned
    std::optional<std::int64_t> expected_seq; // for "gap": the device_seq the center expects
};

nlohmann::json to_json(const EnrollRequest& m);
nlohmann::json to_json(const EnrollResponse& m);
nlohmann::json to_json(const DeviceStatus& m);
nlohmann::json to_json(const PushRequest& m);
// Moves the event payloads into the JSON (the client's path for large batches).
nlohmann::json to_json(PushRequest&& m);
nlohmann::json to_json(const PushResponse& m);
nlohmann::json to_json(const PullRequest& m);
nlohmann::json to_json(const PullResponse& m);
nlohmann::json to_json(PullResponse&& m);
nlohmann::json to_json(const StepRequest& m);
nlohmann::json to_json(const AssetPublishRequest& m);
nlohmann::json to_json(const ErrorBody& m);

// Each fails with the first problem: missing_field, wrong_type, invalid_value, unknown_field,
// unknown_kind, unknown_role, too_many_items, unsupported_protocol, naming the field.
Parsed<EnrollRequest> parse_enroll_request(const nlohmann::json& j);
Parsed<EnrollResponse> parse_enroll_response(const nlohmann::json& j);
Parsed<DeviceStatus> parse_device_status(const nlohmann::json& j);
// Also checks the order rule (events_out_of_order) and that every event comes from device.
Parsed<PushRequest> parse_push_request(const nlohmann::json& j);
// The same, moving event payloads out of j (the center's path for large batches).
Parsed<PushRequest> parse_push_request(nlohmann::json&& j);
// The batch rules that span events: every event from the batch's device (wrong_device), at
// most k_max_batch_events events and skips (too_many_items), not empty (invalid_value), and
// device_seq values ascending and together one run without gaps or repeats
// (events_out_of_order).
Parsed<void> check_push_batch(const PushRequest& m);
Parsed<PushResponse> parse_push_response(const nlohmann::json& j);
Parsed<PullRequest> parse_pull_request(const nlohmann::json& j);
Parsed<PullResponse> parse_pull_response(const nlohmann::json& j);
Parsed<PullResponse> parse_pull_response(nlohmann::json&& j);
Parsed<StepRequest> parse_step_request(const nlohmann::json& j);
Parsed<AssetPublishRequest> parse_asset_publish_request(const nlohmann::json& j);
Parsed<ErrorBody> parse_error_body(const nlohmann::json& j);

// A pull answer's body: read by the fast path (wire_text_reader.h) when it is well-formed,
// else by parse_body and parse_pull_response, which name what is wrong.
Parsed<PullResponse> parse_pull_body(std::string_view body);

// Asset names a center may publish and a terminal will write: forms/ID.json,
// categories.json, classifier/rules.json, sla/policy.json, calendars/ID.json, branches.json,
// with ID of [a-z0-9_-]; anything else (.., slashes, other folders) is refused.
bool valid_asset_name(std::string_view name);

} // namespace cf::sync
