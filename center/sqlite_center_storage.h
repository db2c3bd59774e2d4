#pragma once
// The embedded center store: one data directory with an SQLite database (WAL,
// synchronous=FULL) and the center's key file for customer personal data.
//
//     DIR/center.db     tickets, events, devices, tokens, enrolment codes, asset versions
//     DIR/center.key    master key (0600): seals personal data, keys the token hashes
//
// One connection serves every thread, one call at a time: SQLite has one writer anyway.
// Concurrent pushes share one transaction (group commit, center_push.cpp), so the fsync that
// makes each of them durable is paid once per group.

#include "center/center_storage.h"
#include "center/create_rules.h"
#include "center/sign_in_throttle.h"
#include "center/ticket_facts.h"
#include "center/wal_checkpointer.h"
#include "core/hybrid_clock.h"
#include "core/lifecycle.h"
#include "core/pii_sealer.h"
#include "core/sqlite_db.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace cf::center {

class SqliteCenterStorage final : public CenterStorage {
public:
    static constexpr const char* k_database_file = "center.db";
    static constexpr const char* k_key_file = "center.key";
    // Of a new center database. A ticket row and its create event are 1-2 KB each, and a
    // group commit of a few thousand of them with 4 KB pages writes (and checksums) one log
    // frame, in its own write call, per 4 KB: center ingest measured 13,300 events/s with
    // 4 KB pages, 18,200 with 16 KB and 21,700 with 32 KB (docs/PERFORMANCE.md).
    static constexpr int k_page_size = 32768;

    // Creates DIR (0700) with a new key and database and a new epoch. Fails with
    // invalid_value when DIR already holds center data, storage/key errors otherwise.
    static CenterResult<void> init(const std::filesystem::path& dir);
    // Opens an initialised directory; max_clock_skew is how far ahead of wall time a
    // terminal's HLC may be, and bounds the center's own clock (its start from the newest
    // stored event included). Fails with 500 storage naming the directory when it has no
    // center data (run init), a key error, or a database error.
    static CenterResult<std::unique_ptr<SqliteCenterStorage>>
    open(const std::filesystem::path& dir, core::Millis max_clock_skew = k_default_max_clock_skew);
    // Writes a consistent copy of the database to file (which must not exist) while the
    // center may be running. The key file is not copied: back it up apart.
    static CenterResult<void> backup(const std::filesystem::path& dir,
                                     const std::filesystem::path& file);
    // Replaces the database with a backup copy and gives it a new epoch, so terminals re-send
    // what the backup lacks. The center must not be running.
    static CenterResult<std::string> restore(const std::filesystem::path& dir,
                                             const std::filesystem::path& file);

    std::string epoch() const override { return m_epoch; }
    CenterResult<EnrollCode> create_enroll_code(const EnrollCode& what, core::Millis code_ttl,
                                                core::Millis token_ttl, core::Millis now) override;
    CenterResult<sync::EnrollResponse> enroll(const sync::EnrollRequest& request,
                                              core::Millis now) override;
    CenterResult<std::string> create_console_token(const ConsoleTokenSpec& spec,
                                                   core::Millis now) override;
    CenterResult<Principal> authenticate(std::string_view token, core::Millis now) override;
    CenterResult<void> revoke_device(std::string_view device, core::Millis now) override;
    CenterResult<sync::DeviceStatus> device_status(const Principal& who, core::Millis now) override;
    CenterResult<sync::PushResponse> push(const Principal& who, const sync::PushRequest& batch,
                                          core::Millis now) override;
    CenterResult<std::string> pull(const Principal& who, const sync::PullRequest& request) override;
    CenterResult<core::Ticket> act(std::string_view number, const sync::StepRequest& step,
                                   core::Millis now) override;
    CenterResult<std::vector<core::Ticket>> list(const CenterQuery& query) override;
    CenterResult<OverdueLists> overdue(core::Millis now) override;
    CenterResult<TicketWithEvents> get(std::string_view number) override;
    CenterResult<nlohmann::json> export_all() override;
    CenterResult<std::int64_t> publish_asset(const sync::AssetPublishRequest& asset,
                                             core::Millis now) override;
    CenterResult<std::vector<sync::AssetVersion>> asset_versions(std::string_view name) override;
    CenterResult<std::vector<ClassificationCorrection>> corrections() override;

    CenterResult<void> add_staff(const StaffAccount& account, std::string_view password,
                                 core::Millis now) override;
    CenterResult<void> disable_staff(std::string_view id, core::Millis now) override;
    CenterResult<std::vector<StaffAccount>> list_staff() override;
    CenterResult<sync::SignInResponse> sign_in(const sync::SignInRequest& request, core::Millis ttl,
                                               core::Millis now,
                                               std::string_view source = {}) override;

    // Password checks (Argon2id) done by sign_in since open, and the most that ran at once:
    // what the tests count to see that every refusal does the same work.
    struct PasswordChecks {
        int done = 0;
        int most_at_once = 0;
    };
    PasswordChecks password_checks() const;
    CenterResult<void> sign_out(std::string_view token, core::Millis now) override;
    CenterResult<sync::QueueResponse> console_queue(const Principal& who,
                                                    const sync::QueueRequest& request,
                                                    core::Millis now) override;
    CenterResult<sync::TicketDetail> console_ticket(const Principal& who,
                                                    std::string_view number) override;
    CenterResult<sync::ConsoleStepResponse> console_step(const Principal& who,
                                                         std::string_view number,
                                                         const sync::ConsoleStepRequest& request,
                                                         core::Millis now) override;
    CenterResult<sync::Dashboard> console_dashboard(const Principal& who,
                                                    const sync::DashboardRequest& request,
                                                    core::Millis now) override;
    CenterResult<sync::Reports> console_reports(const Principal& who,
                                                const sync::ReportsRequest& request,
                                                core::Millis now) override;

    // Moves the WAL checkpoints off the commit path onto a thread of their own
    // (wal_checkpointer.h); serve calls it before it listens. Fails with storage errors.
    CenterResult<void> checkpoint_in_background();

    // Loads the console's facts of every ticket now rather than at the first console request
    // (serve calls it before it listens). Fails with storage errors.
    CenterResult<void> warm_console();

    // Reads the category tree and forms a pushed create is checked against: those under
    // assets_dir and every version published to this center (create_rules.h). Until it is
    // called, every create is refused with 500 no_rules (serve calls it before it listens).
    // Fails with 500 naming an asset file that cannot be read, storage errors otherwise.
    CenterResult<void> load_create_rules(const std::filesystem::path& assets_dir);

    // What sample-data makes (sample_data.cpp).
    struct SampleOptions {
        std::int64_t tickets = 1000;
        int branches = 10;
        std::uint64_t seed = 1;
        std::filesystem::path assets; // holds categories.json
        core::Millis now = 0;
    };
    struct SampleReport {
        std::int64_t tickets = 0;
        std::int64_t events = 0;
        std::map<std::string, std::int64_t> by_state;
    };
    // Fills an empty center with realistic tickets and their events. Fails with 400
    // invalid_value when the center has tickets already or categories.json cannot be read.
    CenterResult<SampleReport> sample_data(const SampleOptions& options);

private:
    SqliteCenterStorage(core::Database db, core::Database token_db, core::PiiSealer sealer,
                        std::string epoch)
        : m_db(std::move(db)), m_token_db(std::move(token_db)), m_sealer(std::move(sealer)),
          m_epoch(std::move(epoch)) {}

    // A create event's ticket made ready outside the storage lock (pure CPU work): checked,
    // its customer sealed with the center key, the event's stored payload serialised (it
    // holds the ticket's body, which the row shares: center_schema.h, k_ticket_body).
    struct StagedTicket {
        core::Ticket ticket; // without customer
        std::string payload; // the create event's stored payload
        std::optional<core::Bytes> phone_index;
        std::vector<std::optional<core::Bytes>> sealed; // per k_sealed field; nullopt: empty
    };
    using Staged = std::optional<CenterResult<StagedTicket>>; // nullopt: not a create

    // center_push.cpp
    // A push waiting for the group commit (below).
    struct PendingPush {
        const Principal* who;
        const sync::PushRequest* batch;
        core::Millis now;
        std::vector<Staged> staged; // per event of the batch
        std::optional<CenterResult<sync::PushResponse>> result;
    };
    // Checks a create event's ticket and prepares its row (invalid_ticket, wrong_branch).
    CenterResult<StagedTicket> stage_create(const Principal& who, const sync::WireEvent& e,
                                            std::size_t index, const CreateRules* rules) const;
    // The create rules with every asset published since they were read folded in (a
    // publish-asset run by another process included). Fails with storage errors.
    CenterResult<std::shared_ptr<const CreateRules>> current_create_rules();
    // The versions of categories.json and forms/*.json published after asset seq `after`, in
    // order, and the last seq read (`after` when none). The caller holds db's lock. Fails with
    // storage errors.
    struct PublishedRules {
        std::int64_t last = 0;
        std::vector<std::pair<std::string, std::string>> assets; // name, content
    };
    static CenterResult<PublishedRules> published_rules_since(core::Database& db,
                                                              std::int64_t after);
    // Checks and stores one batch inside the open transaction. On failure the caller rolls
    // back to its savepoint.
    CenterResult<sync::PushResponse> push_one(const PendingPush& push);
    // Stores a group of pushes in one transaction, a savepoint each, and returns their
    // answers in order; a failed commit fails them all.
    std::vector<CenterResult<sync::PushResponse>>
    store_group(const std::vector<PendingPush*>& group);
    CenterResult<void> store_event(const Principal& who, const sync::WireEvent& e,
                                   std::size_t index, core::Millis now, const Staged& staged);
    // store_event without the check for an id stored under another sequence number.
    CenterResult<void> store_new_event(const Principal& who, const sync::WireEvent& e,
                                       std::size_t index, core::Millis now, const Staged& staged);
    CenterResult<void> check_stored(const std::string& device, const sync::WireEvent& e,
                                    std::size_t index);
    // center_workflow.cpp
    // The ticket with this id or number; its customer is filled (decrypted) only when asked.
    CenterResult<std::optional<core::Ticket>> load_ticket(std::string_view column,
                                                          std::string_view key, bool with_customer);
    // The ticket with this number as a person typed it (normalised first); 404 not_found when
    // it is not a ticket number or the center has no such ticket. Call with m_mutex held.
    CenterResult<core::Ticket> ticket_by_number(std::string_view number, bool with_customer);
    // Seals the customer of t with the center key and makes the create event's stored
    // payload (the ticket without personal data, which is also the row's body, and the
    // sealed fields as base64). body, when not empty, is the ticket's text as received, holding
    // only the keys of to_json's omit form (core::read_ticket_text took it): it is kept instead of
    // serialising t again. Needs no lock.
    StagedTicket stage_ticket(core::Ticket t, std::string_view body = {}) const;
    // Inserts the staged ticket's row, its body left to the create event that follows.
    // Fails with storage errors (a constraint for an existing id or number).
    CenterResult<void> write_ticket(const StagedTicket& t, core::Hlc hlc);
    CenterResult<void> update_ticket(const core::Ticket& t, core::Hlc hlc);
    CenterResult<core::Hlc> ticket_last_hlc(const std::string& ticket_id);
    CenterResult<void> insert_event(const core::Event& e, std::string_view branch,
                                    std::string_view payload, core::Millis now);
    CenterResult<std::vector<core::Ticket>> load_tickets(core::Query& q);
    CenterResult<std::vector<core::Event>> ticket_events(const std::string& ticket_id);
    // A checked step on a loaded ticket inside the open transaction: projects it, writes the
    // row and the center's event. Fails with 422 step_refused / 400 for the payload.
    CenterResult<void> apply_center_step(core::Ticket& t, core::Step step, const core::Actor& actor,
                                         nlohmann::json payload, core::Millis now);
    // center_console.cpp
    // Loads every ticket's fact / the facts of tickets written since the last read (all of
    // them again when too many were written meanwhile). The caller holds m_mutex.
    CenterResult<void> load_facts();
    CenterResult<void> refresh_facts();
    void mark_dirty(const std::string& ticket_id);
    // center_staff.cpp
    // A console session's principal; the caller holds m_mutex. Fails like authenticate().
    CenterResult<Principal> authenticate_staff(std::string_view token, core::Millis now);
    static bool is_session_token(std::string_view token);
    static bool password_shape_ok(std::string_view password);
    // An Argon2id string no password matches, made once: an unknown id is checked against it.
    const std::string& dummy_hash();
    // One Argon2id check, counted in m_checks.
    bool check_password(const std::string& hash, std::string_view password);
    // Opens the session of a checked sign-in (m_mutex taken here).
    CenterResult<sync::SignInResponse> open_session(const StaffAccount& account, core::Millis ttl,
                                                    core::Millis now);
    // center_pull.cpp
    CenterResult<sync::WireEvent> to_wire(const core::Event& e);
    // Appends the payload of a stored event as it travels (a create's customer opened).
    CenterResult<void> append_wire_payload(std::string& out, const core::Event& e,
                                           std::string_view stored);

    std::mutex m_mutex;
    // Guarded by m_mutex: the console's facts, and the ids of tickets written since they were
    // last read (re-read from the database then, so a rolled-back write leaves no trace).
    FactTable m_facts;
    bool m_facts_loaded = false;
    std::vector<std::string> m_dirty;
    std::once_flag m_dummy_once;
    std::string m_dummy_hash;
    SignInThrottle m_throttle;
    std::atomic<int> m_checks_done{0};
    std::atomic<int> m_checks_running{0};
    std::atomic<int> m_checks_most{0};
    // Group commit: concurrent pushes queue here; one thread at a time (the leader) stores
    // the whole queue in one transaction, so 200 terminals pushing at once pay for a few
    // fsyncs, not 200. Each push still gets its answer only after the commit.
    std::mutex m_queue_mutex;
    std::condition_variable m_queue_cv;
    std::vector<PendingPush*> m_queue;
    bool m_leader = false;
    core::Database m_db;
    // A second connection, for device tokens alone: a push is authenticated while another
    // thread holds m_mutex storing a group, so it can be read and staged meanwhile. WAL lets
    // it read what m_db committed (an enrolment, a revocation) without waiting.
    std::mutex m_token_mutex;
    core::Database m_token_db;
    core::PiiSealer m_sealer;
    std::string m_epoch;
    core::HybridClock m_hlc;
    core::Millis m_max_clock_skew = k_default_max_clock_skew;
    // Guarded by m_rules_mutex: the create rules and the newest asset seq folded into them.
    std::mutex m_rules_mutex;
    std::shared_ptr<const CreateRules> m_rules;
    std::int64_t m_rules_asset_seq = 0;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // null: SQLite checkpoints in commits
};

} // namespace cf::center
