#pragma once
// The local ticket store: one data directory holding the SQLite database (WAL,
// synchronous=FULL) and the key file for personal data. Every change is one transaction that
// writes the event, its projection onto the ticket row, the search index and the outbox
// together, so a ticket is either wholly there or not at all.
//
//     DIR/counterfoil.db    tickets, events, search index, settings (incl. the outbox mark)
//     DIR/counterfoil.key   master key for sealing personal data (0600)

#include "core/clock.h"
#include "core/error.h"
#include "core/event.h"
#include "core/lifecycle.h"
#include "core/pii_sealer.h"
#include "core/remote_event.h"
#include "core/sqlite_db.h"
#include "core/stats.h"
#include "core/ticket.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

struct DeviceIdentity {
    std::string branch;   // branch code, e.g. "SZ01"
    std::string terminal; // terminal id within the branch, e.g. "K1"
    std::string calendar; // business calendar id in assets/calendars
    int utc_offset_minutes = 480;

    std::string device_id() const { return branch + "/" + terminal; }
};

struct InitOptions {
    std::string branch;
    std::string terminal;
    std::string calendar = "cn-mainland";
    int utc_offset_minutes = 480;
};

struct ListQuery {
    std::optional<State> state;
    bool overdue_only = false;
    int limit = 100;
    int offset = 0;
};

class TicketStore {
public:
    static constexpr const char* k_database_file = "counterfoil.db";
    static constexpr const char* k_key_file = "counterfoil.key";

    // Creates the data directory (0700), its key file and database. Fails with invalid_input
    // for a bad branch code or terminal id or a directory that already holds a database, and
    // with key/storage errors when the files cannot be written.
    static Result<void> init(const std::filesystem::path& dir, const InitOptions& options);

    // Opens an initialised data directory, migrating the database if it is older. Fails with
    // storage when DIR holds no database, newer_schema, corrupt, read_only or key errors.
    static Result<TicketStore> open(const std::filesystem::path& dir, const Clock& clock,
                                    const OpenOptions& options = {});

    const DeviceIdentity& identity() const { return m_identity; }
    const PiiSealer& sealer() const { return m_sealer; }

    // Files a new ticket and returns it with its number, after the transaction committed.
    // Fails with invalid_input (no description, actor not branch staff or kiosk, the day's
    // 9999 numbers used up) or a storage error; nothing is written then.
    Result<Ticket> file(const NewTicket& ticket, const Actor& receiver);

    // A step taken on a new ticket in its filing's transaction (file_with_steps).
    struct FollowingStep {
        Step step = Step::acknowledge;
        nlohmann::json payload = nlohmann::json::object();
    };
    // Files a new ticket and takes `steps` on it as `receiver`, in order, in the same
    // transaction: the kiosk's enquiry that a knowledge-base answer settled is filed,
    // acknowledged and resolved at once (lifecycle.h decides whether each step is allowed).
    // Fails like file() and act() (rejected_step, invalid_input, storage); nothing is written
    // then.
    Result<Ticket> file_with_steps(const NewTicket& ticket, const Actor& receiver,
                                   std::span<const FollowingStep> steps);

    // Files many tickets in one transaction (imports, benchmarks): all or none.
    Result<std::vector<Ticket>> file_many(std::span<const NewTicket> tickets,
                                          const Actor& receiver);

    // Takes a lifecycle step on the ticket with this number. Fails with not_found,
    // rejected_step or invalid_input (lifecycle.h) or a storage error; nothing is written then.
    // A null payload counts as an empty object.
    Result<Ticket> act(std::string_view number, Step step, const Actor& actor,
                       const nlohmann::json& payload);

    // Lookups. get fails with not_found naming the number.
    Result<Ticket> get(std::string_view number);
    Result<std::vector<Ticket>> find_by_phone(std::string_view phone);
    // By ticket number, then phone, then any text (3+ characters use the trigram index).
    Result<std::vector<Ticket>> search(std::string_view text, int limit = 50);
    Result<std::vector<Ticket>> list(const ListQuery& query);
    Result<std::int64_t> count(const ListQuery& query);

    Result<std::vector<Event>> events(std::string_view ticket_id);
    // This device's events the center has not acknowledged, oldest first: those above the
    // acknowledged high-water mark.
    Result<std::vector<Event>> outbox(int limit);
    Result<std::int64_t> outbox_size();
    // Moves the mark to device_seq (never backwards, never past the last event written).
    Result<void> acknowledge_outbox(std::int64_t up_to_device_seq);

    // The figures of tickets received in [from, to) (stats.h), the per-department,
    // per-responsibility and per-staff ones included. Fails with invalid_input when
    // to <= from, or a storage error.
    Result<Stats> stats(Millis from, Millis to);
    // Tickets received and closed per local day at the offset, one entry for every day that
    // [from, to) touches, days without tickets included, oldest first. Fails with
    // invalid_input when to <= from or the period is longer than 400 days, or a storage error.
    Result<std::vector<DayCount>> daily_volume(Millis from, Millis to, int utc_offset_minutes);

    // Adds tickets filed since the last call to the full-text index, in one transaction, and
    // returns how many. Filing leaves this to search(), which calls it first, so results are
    // always complete; maintenance and benchmarks may call it directly.
    Result<std::int64_t> catch_up_search_index();

    // Sync (remote_events.cpp): writes events pulled from the center to the log and the
    // projection, the asset versions that came with them, and the checkpoint, all in one
    // transaction. Events already in the log are skipped, so a repeated pull changes nothing.
    // Fails with invalid_input (a create without its ticket, a step for an unknown ticket) or
    // a storage error; nothing is written then.
    Result<RemoteApplyResult> apply_remote(std::span<const RemoteEvent> events,
                                           std::span<const ReceivedAsset> assets,
                                           const PullCheckpoint& checkpoint);

    Database& database() { return m_db; }

private:
    TicketStore(Database db, PiiSealer sealer, DeviceIdentity identity, const Clock& clock)
        : m_db(std::move(db)), m_sealer(std::move(sealer)), m_identity(std::move(identity)),
          m_clock(&clock) {}

    // Stats' figures from the event log (ticket_store_breakdowns.cpp), for the same tickets.
    Result<void> add_breakdowns(Stats& s);
    Result<void> apply_remote_event(const RemoteEvent& remote, RemoteApplyResult& result);
    Result<Ticket> file_in_transaction(const NewTicket& ticket, const Actor& receiver, Millis now);
    // Checks, projects and logs one step on `t` inside the caller's transaction.
    Result<void> act_in_transaction(Ticket& t, Step step, const Actor& actor,
                                    const nlohmann::json& payload, Millis now);
    Result<std::string> next_number(Millis now);
    // Sealed customer fields in the order of the sealed columns; empty when not given.
    using SealedCustomer = std::array<Bytes, 5>;

    // payload_text, when given, is e.payload already serialised.
    Result<void> append_event(Event& e, Millis now, std::string_view payload_text = {});
    Result<void> insert_ticket(const Ticket& t, std::string_view body,
                               const SealedCustomer& sealed);
    Result<void> update_ticket(const Ticket& t);
    Result<void> reindex_if_indexed(const Ticket& t);
    Result<std::int64_t> index_next_chunk(int limit);
    Result<void> write_search_text(std::int64_t rowid, const Ticket& t);
    Result<Ticket> load_one(std::string_view where_sql, std::string_view key);
    Result<std::vector<Ticket>> load_by_rowids(const std::vector<std::int64_t>& rowids);
    Result<Ticket> ticket_from_row(Query& q) const;
    Result<std::string> meta(std::string_view key);
    Result<void> set_meta(std::string_view key, std::string_view value);

    Database m_db;
    PiiSealer m_sealer;
    DeviceIdentity m_identity;
    const Clock* m_clock;
};

} // namespace cf::core
