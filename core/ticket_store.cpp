// [SECTION] open and init
// [SECTION] filing
// [SECTION] lifecycle steps
// [SECTION] row mapping and the event log
#include "core/ticket_store.h"

#include "core/phone.h"
#include "core/store_schema.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/ticket_queue.h"
#include "core/uuid.h"

#include <sys/stat.h>

#include <array>
#include <charconv>
#include <cstdio>

namespace cf::core {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct PiiField {
    const char* name;   // field name, also bound into the associated data
    const char* column; // sealed column in tickets
    std::string Customer::*member;
};

constexpr std::array<PiiField, 5> k_pii_fields = {{
    {"name", "name_sealed", &Customer::name},
    {"phone", "phone_sealed", &Customer::phone},
    {"email", "email_sealed", &Customer::email},
    {"customer_no", "customer_no_sealed", &Customer::customer_no},
    {"order_no", "order_no_sealed", &Customer::order_no},
}};

// A number kept as text in the meta table; corrupt when it is not one.
template <class T> Result<T> meta_number(const std::string& text, std::string_view key) {
    T value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return fail(ErrorCode::corrupt,
                    "the setting '" + std::string(key) + "' in the database is not a number");
    }
    return value;
}

// Steps whose text goes into the search index (notes, contact outcomes, resolutions, feedback).
bool step_changes_text(Step s) {
    switch (s) {
    case Step::note:
    case Step::contact:
    case Step::resolve:
    case Step::handle:
    case Step::audit_reject:
    case Step::audit_part:
    case Step::feedback:
        return true;
    default:
        return false;
    }
}

CivilDate local_date(Millis t, int utc_offset_minutes) {
    Millis local = t + static_cast<Millis>(utc_offset_minutes) * k_minute;
    Millis days = local >= 0 ? local / k_day : (local - k_day + 1) / k_day;
    return civil_from_days(days);
}

} // namespace

// ================================================================= [SECTION] open and init

Result<void> TicketStore::init(const fs::path& dir, const InitOptions& options) {
    if (!valid_branch_code(options.branch)) {
        return fail(ErrorCode::invalid_input, "branch code '" + options.branch +
                                                  "' is invalid: use 2-6 characters of " +
                                                  std::string(k_number_alphabet));
    }
    if (!valid_terminal_id(options.terminal)) {
        return fail(ErrorCode::invalid_input, "terminal id '" + options.terminal +
                                                  "' is invalid: use 1-3 characters of " +
                                                  std::string(k_number_alphabet));
    }
    if (options.utc_offset_minutes < -14 * 60 || options.utc_offset_minutes > 14 * 60) {
        return fail(ErrorCode::invalid_input, "the UTC offset must be within +-14 hours");
    }
    std::error_code ec;
    if (fs::exists(dir / k_database_file, ec) || fs::exists(dir / k_key_file, ec)) {
        return fail(ErrorCode::invalid_input,
                    "the directory " + dir.string() + " already holds Counterfoil data");
    }
    fs::create_directories(dir, ec);
    if (ec) {
        return fail(ErrorCode::storage,
                    "cannot create the data directory " + dir.string() + ": " + ec.message());
    }
    ::chmod(dir.c_str(), 0700);
    if (auto key = PiiSealer::create_key_file(dir / k_key_file); !key) {
        return std::unexpected(key.error());
    }
    OpenOptions create;
    create.create = true;
    auto db = Database::open(dir / k_database_file, create);
    if (!db) {
        return std::unexpected(db.error());
    }
    ::chmod((dir / k_database_file).c_str(), 0600);
    if (auto r = migrate(*db); !r) {
        return r;
    }
    auto tx = Transaction::begin(*db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const std::pair<const char*, std::string> settings[] = {
        {"branch", options.branch},
        {"terminal", options.terminal},
        {"calendar", options.calendar},
        {"utc_offset_minutes", std::to_string(options.utc_offset_minutes)},
        {"observed_hlc", "0"},
        {"acked_device_seq", "0"},
        {"search_indexed_upto", "0"},
    };
    for (const auto& [key, value] : settings) {
        auto q = db->query("INSERT INTO meta(key, value) VALUES (?1, ?2)");
        if (!q) {
            return std::unexpected(q.error());
        }
        if (auto r = q->bind(1, key).bind(2, value).run(); !r) {
            return r;
        }
    }
    return tx->commit();
}

Result<TicketStore> TicketStore::open(const fs::path& dir, const Clock& clock,
                                      const OpenOptions& options) {
    std::error_code ec;
    if (!fs::exists(dir / k_database_file, ec)) {
        return fail(ErrorCode::storage, "no Counterfoil data in " + dir.string() +
                                            ": run 'counterfoil-cli --data " + dir.string() +
                                            " init' first");
    }
    auto sealer = PiiSealer::load_key_file(dir / k_key_file);
    if (!sealer) {
        return std::unexpected(sealer.error());
    }
    OpenOptions opts = options;
    opts.create = false;
    auto db = Database::open(dir / k_database_file, opts);
    if (!db) {
        return std::unexpected(db.error());
    }
    if (auto r = migrate(*db); !r) {
        return std::unexpected(r.error());
    }
    TicketStore store(std::move(*db), std::move(*sealer), DeviceIdentity{}, clock);
    auto branch = store.meta("branch");
    auto terminal = store.meta("terminal");
    auto calendar = store.meta("calendar");
    auto offset = store.meta("utc_offset_minutes");
    for (const auto* r : {&branch, &terminal, &calendar, &offset}) {
        if (!*r) {
            return std::unexpected(r->error());
        }
    }
    auto minutes = meta_number<int>(*offset, "utc_offset_minutes");
    if (!minutes) {
        return std::unexpected(minutes.error());
    }
    store.m_identity = DeviceIdentity{*branch, *terminal, *calendar, *minutes};
    return store;
}

Result<std::string> TicketStore::meta(std::string_view key) {
    auto q = m_db.query("SELECT value FROM meta WHERE key = ?1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, key);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        return fail(ErrorCode::corrupt, "the database " + m_db.path().string() +
                                            " has no setting '" + std::string(key) +
                                            "'; it was not made by 'init'");
    }
    return q->text(0);
}

Result<void> TicketStore::set_meta(std::string_view key, std::string_view value) {
    auto q = m_db.query("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->bind(1, key).bind(2, value).run();
}

// ======================================================================= [SECTION] filing

Result<Ticket> TicketStore::file(const NewTicket& ticket, const Actor& receiver) {
    auto all = file_many(std::span<const NewTicket>(&ticket, 1), receiver);
    if (!all) {
        return std::unexpected(all.error());
    }
    return std::move(all->front());
}

Result<std::vector<Ticket>> TicketStore::file_many(std::span<const NewTicket> tickets,
                                                   const Actor& receiver) {
    if (!is_branch_role(receiver.role) || receiver.id.empty()) {
        return fail(ErrorCode::invalid_input,
                    "tickets are filed by branch staff or the kiosk, not by role '" +
                        std::string(to_string(receiver.role)) + "'");
    }
    for (const auto& t : tickets) {
        if (t.description.empty()) {
            return fail(ErrorCode::invalid_input, "description: a ticket needs a description");
        }
        if (t.category.empty()) {
            return fail(ErrorCode::invalid_input, "category: a ticket needs a category");
        }
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const Millis now = m_clock->now();
    std::vector<Ticket> out;
    out.reserve(tickets.size());
    for (const auto& t : tickets) {
        auto filed = file_in_transaction(t, receiver, now);
        if (!filed) {
            return std::unexpected(filed.error());
        }
        out.push_back(std::move(*filed));
    }
    if (auto r = tx->commit(); !r) {
        return std::unexpected(r.error());
    }
    return out;
}

Result<std::string> TicketStore::next_number(Millis now) {
    // The day's highest number of this terminal, through the unique index on number: the
    // sequence is zero-padded, so text order is number order, and the prefix ends in '-' so
    // terminal K1 never sees K12's numbers.
    CivilDate date = local_date(now, m_identity.utc_offset_minutes);
    char day[16];
    std::snprintf(day, sizeof day, "%02d%02d%02d", date.year % 100, date.month, date.day);
    const std::string prefix = m_identity.branch + "-" + day + "-" + m_identity.terminal + "-";
    auto q = m_db.query("SELECT substr(number, ?3, 4) FROM tickets WHERE number > ?1 "
                        "AND number < ?2 ORDER BY number DESC LIMIT 1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, prefix).bind(2, prefix + "~").bind(3, static_cast<int>(prefix.size()) + 1);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    int last = 0;
    if (*row) {
        const std::string digits = q->text(0);
        std::from_chars(digits.data(), digits.data() + digits.size(), last);
    }
    const int sequence = last + 1;
    if (sequence > 9999) {
        return fail(ErrorCode::invalid_input,
                    "terminal " + m_identity.terminal +
                        " has used all 9999 ticket numbers for today; file on another terminal");
    }
    return format_ticket_number(TicketNumber{m_identity.branch, date.year, date.month, date.day,
                                             m_identity.terminal, sequence});
}

Result<Ticket> TicketStore::file_in_transaction(const NewTicket& fresh, const Actor& receiver,
                                                Millis now) {
    auto number = next_number(now);
    if (!number) {
        return std::unexpected(number.error());
    }
    Ticket t;
    static_cast<NewTicket&>(t) = fresh;
    t.id = uuid_v7(now);
    t.number = *number;
    t.branch = m_identity.branch;
    t.terminal = m_identity.terminal;
    t.state = State::received;
    t.received_at = now;
    t.updated_at = now;
    if (t.receiver.empty()) {
        t.receiver = receiver.id;
    }
    // One canonical form per phone, so the blind index finds it however it is typed later.
    if (std::string phone = normalize_phone(t.customer.phone); !phone.empty()) {
        t.customer.phone = std::move(phone);
    }

    // Each field is sealed once; the blobs go into the row, their base64 into the event.
    SealedCustomer sealed;
    json sealed_json = json::object();
    for (std::size_t i = 0; i < k_pii_fields.size(); ++i) {
        const std::string& value = t.customer.*(k_pii_fields[i].member);
        if (!value.empty()) {
            sealed[i] = m_sealer.seal(value, t.id, k_pii_fields[i].name);
            sealed_json[k_pii_fields[i].name] = to_base64(sealed[i]);
        }
    }
    // The body is serialised once and reused inside the create event's payload.
    const std::string body = to_json(t, PiiMode::omit).dump();
    if (auto r = insert_ticket(t, body, sealed); !r) {
        return std::unexpected(r.error());
    }
    // The search index catches up on its own (search_index.cpp), so filing stays one
    // short transaction.
    Event e;
    e.ticket_id = t.id;
    e.actor = receiver.id;
    e.actor_role = receiver.role;
    e.kind = std::string(k_create_kind);
    const std::string payload =
        R"({"ticket":)" + body + R"(,"customer_sealed":)" + sealed_json.dump() + "}";
    if (auto r = append_event(e, now, payload); !r) {
        return std::unexpected(r.error());
    }
    return t;
}

// ============================================================== [SECTION] lifecycle steps

Result<Ticket> TicketStore::act(std::string_view number, Step step, const Actor& actor,
                                const json& given) {
    // A step without details may come as null (`{}` in C++ makes a null json).
    const json payload = given.is_null() ? json::object() : given;
    auto canonical = normalize_ticket_number(number);
    if (!canonical) {
        return std::unexpected(canonical.error());
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    auto loaded = load_one("t.number = ?1", *canonical);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    Ticket t = std::move(*loaded);
    if (auto r = act_in_transaction(t, step, actor, payload, m_clock->now()); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r) {
        return std::unexpected(r.error());
    }
    return t;
}

Result<void> TicketStore::act_in_transaction(Ticket& t, Step step, const Actor& actor,
                                             const json& payload, Millis now) {
    if (auto ok = check_step(t, step, actor, payload); !ok) {
        return ok;
    }
    apply_step(t, step, actor, payload, now);
    // view_contact only leaves its event: the projection is unchanged.
    if (auto r = step == Step::view_contact ? Result<void>{} : update_ticket(t); !r) {
        return r;
    }
    Event e;
    e.ticket_id = t.id;
    e.actor = actor.id;
    e.actor_role = actor.role;
    e.kind = std::string(to_string(step));
    e.payload = payload;
    if (auto r = append_event(e, now); !r) {
        return r;
    }
    return step_changes_text(step) ? reindex_if_indexed(t) : Result<void>{};
}

Result<Ticket> TicketStore::file_with_steps(const NewTicket& ticket, const Actor& receiver,
                                            std::span<const FollowingStep> steps) {
    if (!is_branch_role(receiver.role) || receiver.id.empty()) {
        return fail(ErrorCode::invalid_input,
                    "tickets are filed by branch staff or the kiosk, not by role '" +
                        std::string(to_string(receiver.role)) + "'");
    }
    if (ticket.description.empty()) {
        return fail(ErrorCode::invalid_input, "description: a ticket needs a description");
    }
    if (ticket.category.empty()) {
        return fail(ErrorCode::invalid_input, "category: a ticket needs a category");
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const Millis now = m_clock->now();
    auto filed = file_in_transaction(ticket, receiver, now);
    if (!filed) {
        return std::unexpected(filed.error());
    }
    for (const FollowingStep& s : steps) {
        const json payload = s.payload.is_null() ? json::object() : s.payload;
        if (auto r = act_in_transaction(*filed, s.step, receiver, payload, now); !r) {
            return std::unexpected(r.error());
        }
    }
    if (auto r = tx->commit(); !r) {
        return std::unexpected(r.error());
    }
    return std::move(*filed);
}

// ================================================= [SECTION] row mapping and the event log

Result<void> TicketStore::insert_ticket(const Ticket& t, std::string_view body,
                                        const SealedCustomer& sealed) {
    auto q = m_db.query(
        "INSERT INTO tickets(id, number, branch, state, request_type, category, severity, "
        "priority, channel, satisfaction, received_at, updated_at, acknowledged_at, "
        "resolved_at, closed_at, first_response_due, due_at, handling_deadline, phone_index, "
        "name_sealed, phone_sealed, email_sealed, customer_no_sealed, order_no_sealed, body, "
        "receiver, assignee, deadline_started_at, queue_tab, queue_key, queue_owner, "
        "priority_rank, contact_due, queue_escalated) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, t.id)
        .bind(2, t.number)
        .bind(3, t.branch)
        .bind(4, to_string(t.state))
        .bind(5, to_string(t.request_type))
        .bind(6, t.category)
        .bind(7, to_string(t.severity))
        .bind(8, to_string(t.priority))
        .bind(9, to_string(t.channel))
        .bind(10, to_string(t.satisfaction))
        .bind(11, t.received_at)
        .bind(12, t.updated_at)
        .bind(13, t.acknowledged_at)
        .bind(14, t.resolved_at)
        .bind(15, t.closed_at)
        .bind(16, t.first_response_due)
        .bind(17, t.due_at)
        .bind(18, t.handling_deadline);
    std::string phone = normalize_phone(t.customer.phone);
    if (!phone.empty()) {
        q->bind_blob(19, m_sealer.blind_index(phone));
    } else {
        q->bind_null(19);
    }
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        const int column = 20 + static_cast<int>(i);
        if (sealed[i].empty()) {
            q->bind_null(column);
        } else {
            q->bind_blob(column, sealed[i]);
        }
    }
    const QueueColumns queue = queue_columns(t);
    q->bind(25, body)
        .bind(26, t.receiver)
        .bind(27, t.assignee)
        .bind(28, t.deadline_started_at)
        .bind(29, queue.tab)
        .bind(30, queue.key)
        .bind(31, queue.owner)
        .bind(32, queue.priority_rank)
        .bind(33, t.contact_due)
        .bind(34, queue.escalated ? 1 : 0);
    return q->run();
}

Result<void> TicketStore::update_ticket(const Ticket& t) {
    auto q =
        m_db.query("UPDATE tickets SET state = ?2, request_type = ?3, category = ?4, "
                   "severity = ?5, priority = ?6, satisfaction = ?7, updated_at = ?8, "
                   "acknowledged_at = ?9, resolved_at = ?10, closed_at = ?11, "
                   "first_response_due = ?12, due_at = ?13, handling_deadline = ?14, "
                   "body = ?15, receiver = ?16, assignee = ?17, deadline_started_at = ?18, "
                   "queue_tab = ?19, queue_key = ?20, queue_owner = ?21, "
                   "priority_rank = ?22, contact_due = ?23, queue_escalated = ?24 WHERE id = ?1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, t.id)
        .bind(2, to_string(t.state))
        .bind(3, to_string(t.request_type))
        .bind(4, t.category)
        .bind(5, to_string(t.severity))
        .bind(6, to_string(t.priority))
        .bind(7, to_string(t.satisfaction))
        .bind(8, t.updated_at)
        .bind(9, t.acknowledged_at)
        .bind(10, t.resolved_at)
        .bind(11, t.closed_at)
        .bind(12, t.first_response_due)
        .bind(13, t.due_at)
        .bind(14, t.handling_deadline)
        .bind(15, to_json(t, PiiMode::omit).dump())
        .bind(16, t.receiver)
        .bind(17, t.assignee)
        .bind(18, t.deadline_started_at);
    const QueueColumns queue = queue_columns(t);
    q->bind(19, queue.tab).bind(20, queue.key).bind(21, queue.owner).bind(22, queue.priority_rank);
    q->bind(23, t.contact_due).bind(24, queue.escalated ? 1 : 0);
    return q->run();
}

Result<void> TicketStore::append_event(Event& e, Millis now, std::string_view payload_text) {
    e.id = uuid_v7(now);
    e.origin_device = m_identity.device_id();
    // This device's newest event gives both its last sequence and its last timestamp; meta
    // keeps only the newest timestamp seen from other devices. One indexed read, no write.
    auto last = m_db.query("SELECT device_seq, hlc FROM events WHERE origin_device = ?1 "
                           "ORDER BY device_seq DESC LIMIT 1");
    if (!last) {
        return std::unexpected(last.error());
    }
    last->bind(1, e.origin_device);
    auto row = last->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    const std::int64_t last_seq = *row ? last->int64(0) : 0;
    const Hlc last_own = *row ? static_cast<Hlc>(last->int64(1)) : 0;
    auto observed_text = meta("observed_hlc");
    if (!observed_text) {
        return std::unexpected(observed_text.error());
    }
    auto observed = meta_number<Hlc>(*observed_text, "observed_hlc");
    if (!observed) {
        return std::unexpected(observed.error());
    }
    HybridClock hlc(std::max(last_own, *observed));
    e.hlc = hlc.tick(now);
    e.device_seq = last_seq + 1;
    auto q = m_db.query("INSERT INTO events(id, ticket_id, origin_device, device_seq, hlc, "
                        "actor, actor_role, kind, payload) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, e.id)
        .bind(2, e.ticket_id)
        .bind(3, e.origin_device)
        .bind(4, e.device_seq)
        .bind(5, static_cast<std::int64_t>(e.hlc))
        .bind(6, e.actor)
        .bind(7, to_string(e.actor_role))
        .bind(8, e.kind)
        .bind(9, payload_text.empty() ? e.payload.dump() : std::string(payload_text));
    return q->run();
}

Result<Ticket> TicketStore::ticket_from_row(Query& q) const {
    json body = json::parse(q.text(1), nullptr, false);
    if (body.is_discarded()) {
        return fail(ErrorCode::corrupt, "a stored ticket in " + m_db.path().string() +
                                            " is not valid JSON; restore from a backup");
    }
    auto t = ticket_from_json(body);
    if (!t) {
        return std::unexpected(t.error());
    }
    int column = 2;
    for (const auto& f : k_pii_fields) {
        auto sealed = q.blob(column++);
        if (sealed.empty()) {
            continue;
        }
        auto plain = m_sealer.open(sealed, t->id, f.name);
        if (!plain) {
            return fail(ErrorCode::corrupt, "ticket " + t->number + ": " + plain.error().message);
        }
        t->customer.*(f.member) = std::move(*plain);
    }
    return t;
}

} // namespace cf::core
