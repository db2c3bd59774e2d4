// [SECTION] ticket rows and events
// [SECTION] workflow steps at the center
// [SECTION] lists, overdue, export, assets
#include "center/center_schema.h"
#include "center/sqlite_center_storage.h"
#include "center/step_deadlines.h"
#include "center/step_payload.h"

#include "core/escalation.h"
#include "core/lifecycle.h"
#include "core/phone.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "sync/json_text.h"

#include <map>

namespace cf::center {
namespace {

using nlohmann::json;

struct SealedField {
    const char* name;
    const char* column;
    std::string core::Customer::*member;
};
constexpr SealedField k_sealed[] = {
    {"name", "name_sealed", &core::Customer::name},
    {"phone", "phone_sealed", &core::Customer::phone},
    {"email", "email_sealed", &core::Customer::email},
    {"customer_no", "customer_no_sealed", &core::Customer::customer_no},
    {"order_no", "order_no_sealed", &core::Customer::order_no},
};

const std::string k_select = std::string("SELECT ") + k_ticket_body +
                             ", name_sealed, phone_sealed, email_sealed, customer_no_sealed, "
                             "order_no_sealed FROM tickets ";

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

// Binds the console's fact columns of t from `first` on: category, priority,
// first_response_due, acknowledged_at, resolved_at, satisfaction, departments, crisis,
// parts_waiting.
void bind_fact_columns(core::Query& q, const core::Ticket& t, int first) {
    std::string departments;
    for (const auto& d : t.departments) {
        departments += departments.empty() ? d : "," + d;
    }
    q.bind(first, t.category)
        .bind(first + 1, static_cast<int>(t.priority))
        .bind(first + 2, t.first_response_due)
        .bind(first + 3, t.acknowledged_at)
        .bind(first + 4, t.resolved_at)
        .bind(first + 5, static_cast<int>(t.satisfaction))
        .bind(first + 6, departments)
        .bind(first + 7, core::is_crisis(t) ? 1 : 0)
        .bind(first + 8, parts_waiting(t) ? 1 : 0);
}

// States in which the center owns the ticket; only these count for the center's SLA.
constexpr const char* k_center_states =
    "('submitted','accepted','dispatched','handled','audited','escalated')";

} // namespace

// ============================================================ [SECTION] ticket rows and events

CenterResult<std::optional<core::Ticket>> SqliteCenterStorage::load_ticket(std::string_view column,
                                                                           std::string_view key,
                                                                           bool with_customer) {
    auto q = m_db.query(k_select + (column == "id" ? "WHERE id = ?1" : "WHERE number = ?1"));
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, key);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (!*row) {
        return std::optional<core::Ticket>();
    }
    auto t = core::ticket_from_json(json::parse(q->text(0), nullptr, false));
    if (!t) {
        return std::unexpected(CenterError{500,
                                           "corrupt",
                                           "a stored ticket does not parse: " + t.error().message,
                                           {},
                                           {},
                                           {},
                                           {}});
    }
    if (with_customer) {
        for (int i = 0; i < 5; ++i) {
            auto blob = q->blob(i + 1);
            if (blob.empty()) {
                continue;
            }
            auto plain = m_sealer.open(blob, t->id, k_sealed[i].name);
            if (!plain) {
                return fail_core(plain);
            }
            t->customer.*(k_sealed[i].member) = std::move(*plain);
        }
    }
    return std::optional<core::Ticket>(std::move(*t));
}

CenterResult<core::Ticket> SqliteCenterStorage::ticket_by_number(std::string_view number,
                                                                 bool with_customer) {
    auto canonical = core::normalize_ticket_number(number);
    if (!canonical) {
        return center_error(404, "not_found",
                            "'" + std::string(number) + "' is not a ticket number", "number");
    }
    auto loaded = load_ticket("number", *canonical, with_customer);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    if (!*loaded) {
        return center_error(404, "not_found", "the center has no ticket " + *canonical, "number");
    }
    return std::move(**loaded);
}

SqliteCenterStorage::StagedTicket SqliteCenterStorage::stage_ticket(core::Ticket t,
                                                                    std::string_view body) const {
    StagedTicket staged;
    const std::string phone = core::normalize_phone(t.customer.phone);
    if (!phone.empty()) {
        staged.phone_index = m_sealer.blind_index(phone);
    }
    std::string sealed_json = "{";
    staged.sealed.resize(std::size(k_sealed));
    for (std::size_t i = 0; i < std::size(k_sealed); ++i) {
        const std::string& value = t.customer.*(k_sealed[i].member);
        if (value.empty()) {
            continue;
        }
        auto sealed = m_sealer.seal(value, t.id, k_sealed[i].name);
        // Base64 needs no escapes.
        sync::append_json_key(sealed_json, k_sealed[i].name, sealed_json.size() == 1);
        sealed_json += '"';
        sealed_json += core::to_base64(sealed);
        sealed_json += '"';
        staged.sealed[i] = std::move(sealed);
    }
    sealed_json += '}';
    t.customer = {};
    // Serialised once (or kept as received), into the create event's payload only: the row's
    // body column stays empty until the ticket changes (center_schema.h, k_ticket_body).
    const std::string rebuilt = body.empty() ? core::to_json(t, core::PiiMode::omit).dump() : "";
    const std::string_view text = body.empty() ? std::string_view(rebuilt) : body;
    staged.payload.reserve(text.size() + sealed_json.size() + 32);
    staged.payload += R"({"ticket":)";
    staged.payload += text;
    staged.payload += R"(,"customer_sealed":)";
    staged.payload += sealed_json;
    staged.payload += '}';
    staged.ticket = std::move(t);
    return staged;
}

CenterResult<void> SqliteCenterStorage::write_ticket(const StagedTicket& staged, core::Hlc hlc) {
    const core::Ticket& t = staged.ticket;
    auto q = m_db.query(
        "INSERT INTO tickets(id, number, branch, state, received_at, updated_at, due_at, "
        "handling_deadline, last_hlc, phone_index, name_sealed, phone_sealed, email_sealed, "
        "customer_no_sealed, order_no_sealed, body, category, priority, first_response_due, "
        "acknowledged_at, resolved_at, satisfaction, departments, crisis, parts_waiting, "
        "dispatch_deadline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?8)");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, t.id)
        .bind(2, t.number)
        .bind(3, t.branch)
        .bind(4, core::to_string(t.state))
        .bind(5, t.received_at)
        .bind(6, t.updated_at)
        .bind(7, t.due_at)
        .bind(8, t.handling_deadline)
        .bind(9, static_cast<std::int64_t>(hlc));
    if (staged.phone_index) {
        q->bind_blob(10, *staged.phone_index);
    } else {
        q->bind_null(10);
    }
    for (std::size_t i = 0; i < staged.sealed.size(); ++i) {
        const int column = 11 + static_cast<int>(i);
        if (staged.sealed[i]) {
            q->bind_blob(column, *staged.sealed[i]);
        } else {
            q->bind_null(column);
        }
    }
    // Empty: the create event's payload holds the body (center_schema.h, k_ticket_body).
    q->bind(16, "");
    bind_fact_columns(*q, t, 17);
    if (auto r = q->run(); !r) {
        return fail_core(r);
    }
    mark_dirty(t.id);
    return {};
}

CenterResult<void> SqliteCenterStorage::update_ticket(const core::Ticket& t, core::Hlc hlc) {
    // The handling deadline of the latest dispatch stays in dispatch_deadline after handling;
    // handled_at records when it was cleared, which is when the last department answered.
    auto q = m_db.query(
        "UPDATE tickets SET state = ?2, updated_at = ?3, due_at = ?4, handling_deadline = ?5, "
        "last_hlc = max(last_hlc, ?6), body = ?7, category = ?8, priority = ?9, "
        "first_response_due = ?10, acknowledged_at = ?11, resolved_at = ?12, satisfaction = ?13, "
        "departments = ?14, crisis = ?15, parts_waiting = ?16, "
        "dispatch_deadline = coalesce(?5, dispatch_deadline), "
        "handled_at = "
        "CASE WHEN ?5 IS NOT NULL THEN NULL WHEN handled_at IS NULL AND dispatch_deadline IS NOT "
        "NULL THEN ?3 ELSE handled_at END WHERE id = ?1");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, t.id)
        .bind(2, core::to_string(t.state))
        .bind(3, t.updated_at)
        .bind(4, t.due_at)
        .bind(5, t.handling_deadline)
        .bind(6, static_cast<std::int64_t>(hlc))
        .bind(7, core::to_json(t, core::PiiMode::omit).dump());
    bind_fact_columns(*q, t, 8);
    if (auto r = q->run(); !r) {
        return fail_core(r);
    }
    mark_dirty(t.id);
    return {};
}

CenterResult<core::Hlc> SqliteCenterStorage::ticket_last_hlc(const std::string& ticket_id) {
    auto q = m_db.query("SELECT last_hlc FROM tickets WHERE id = ?1");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, ticket_id);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    return *row ? static_cast<core::Hlc>(q->int64(0)) : core::Hlc{0};
}

CenterResult<void> SqliteCenterStorage::insert_event(const core::Event& e, std::string_view branch,
                                                     std::string_view payload, core::Millis now) {
    auto q = m_db.query("INSERT INTO events(id, ticket_id, branch, origin_device, device_seq, "
                        "hlc, actor, actor_role, kind, payload, received_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, e.id)
        .bind(2, e.ticket_id)
        .bind(3, branch)
        .bind(4, e.origin_device)
        .bind(5, e.device_seq)
        .bind(6, static_cast<std::int64_t>(e.hlc))
        .bind(7, e.actor)
        .bind(8, core::to_string(e.actor_role))
        .bind(9, e.kind)
        .bind_borrowed(10, payload)
        .bind(11, now);
    if (auto r = q->run(); !r) {
        return fail_core(r);
    }
    return {};
}

CenterResult<std::vector<core::Event>>
SqliteCenterStorage::ticket_events(const std::string& ticket_id) {
    auto q = m_db.query("SELECT id, ticket_id, origin_device, device_seq, hlc, actor, "
                        "actor_role, kind, payload FROM events WHERE ticket_id = ?1 "
                        "ORDER BY hlc, seq");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, ticket_id);
    std::vector<core::Event> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        core::Event e;
        e.id = q->text(0);
        e.ticket_id = q->text(1);
        e.origin_device = q->text(2);
        e.device_seq = q->int64(3);
        e.hlc = static_cast<core::Hlc>(q->int64(4));
        e.actor = q->text(5);
        e.actor_role = core::parse_role(q->text(6)).value_or(core::Role::frontdesk);
        e.kind = q->text(7);
        e.payload = json::parse(q->text(8), nullptr, false);
        out.push_back(std::move(e));
    }
}

// ================================================= [SECTION] workflow steps at the center

CenterResult<core::Ticket> SqliteCenterStorage::act(std::string_view number,
                                                    const sync::StepRequest& request,
                                                    core::Millis now) {
    auto step = core::parse_step(request.step);
    auto role = core::parse_role(request.role);
    if (!step) {
        return center_error(400, "unknown_kind", "'" + request.step + "' is not a known step",
                            "step");
    }
    if (!role || !core::is_center_role(*role)) {
        return center_error(403, "not_a_center_role",
                            "role '" + request.role +
                                "' cannot act at the center (reviewer, dispatcher, handler, "
                                "auditor, manager)",
                            "role");
    }
    if (core::step_side(*step) != core::Owner::center && *step != core::Step::note &&
        *step != core::Step::reclassify && *step != core::Step::checklist) {
        return center_error(422, "branch_step_at_center",
                            "step '" + request.step + "' is taken at the branch", "step");
    }
    if (auto r = check_step_payload(*step, request.payload); !r) {
        return std::unexpected(r.error());
    }
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_core(tx);
    }
    auto loaded = ticket_by_number(number, false);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    core::Ticket t = std::move(*loaded);
    core::Actor actor{request.actor, *role, request.department};
    json payload = request.payload.is_null() ? json::object() : request.payload;
    if (auto r = apply_center_step(t, *step, actor, std::move(payload), now); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    return t;
}

CenterResult<void> SqliteCenterStorage::apply_center_step(core::Ticket& t, core::Step step,
                                                          const core::Actor& actor, json payload,
                                                          core::Millis now) {
    // The handler's department travels in the payload, so every side can check it again.
    if ((step == core::Step::handle || step == core::Step::sign_for) &&
        !payload.contains("department") && !actor.department.empty()) {
        payload["department"] = actor.department;
    }
    // A script may leave "before" out: it is the ticket as the center has it.
    if (step == core::Step::reclassify && payload.is_object() && !payload.contains("before")) {
        payload["before"] = core::classification_of(t);
    }
    if (auto ok = core::check_step(t, step, actor, payload); !ok) {
        return std::unexpected(from_core(ok.error()));
    }
    auto rules = current_create_rules();
    if (!rules) {
        return std::unexpected(rules.error());
    }
    if (auto r = settle_step_deadlines(t, step, payload, (*rules)->policy, now); !r) {
        return r;
    }
    if (auto r = (*rules)->check_new_category(step, payload); !r) {
        return r;
    }
    auto last = ticket_last_hlc(t.id);
    if (!last) {
        return std::unexpected(last.error());
    }
    // After everything seen on this ticket, whatever the terminals' clocks said, but never
    // past wall time plus the skew: a ticket's newest HLC from before pushes were checked
    // (issue 13) may be anywhere up to the top, and the center's step would follow it there.
    const core::Hlc ceiling = core::make_hlc(now + m_max_clock_skew, 0);
    core::HybridClock clock(std::min(std::max(m_hlc.last(), *last), ceiling - 1));
    const core::Hlc hlc = clock.tick(now);
    m_hlc = core::HybridClock(std::max(m_hlc.last(), hlc));
    core::apply_step(t, step, actor, payload, now);
    if (auto r = update_ticket(t, hlc); !r) {
        return std::unexpected(r.error());
    }
    std::int64_t center_seq = 0;
    {
        // A RETURNING statement is a write in progress until reset: keep it in this scope.
        auto seq_q = m_db.query("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS "
                                "TEXT) WHERE key = 'center_seq' RETURNING CAST(value AS INTEGER)");
        if (!seq_q) {
            return fail_core(seq_q);
        }
        auto seq_row = seq_q->step();
        if (!seq_row || !*seq_row) {
            return center_error(500, "storage", "cannot number the center's event");
        }
        center_seq = seq_q->int64(0);
    }
    core::Event e;
    e.id = core::uuid_v7(now);
    e.ticket_id = t.id;
    e.origin_device = std::string(sync::k_center_device);
    e.device_seq = center_seq;
    e.hlc = hlc;
    e.actor = actor.id;
    e.actor_role = actor.role;
    e.kind = std::string(core::to_string(step));
    return insert_event(e, t.branch, payload.dump(), now);
}

// ============================================== [SECTION] lists, overdue, export, assets

CenterResult<std::vector<core::Ticket>> SqliteCenterStorage::load_tickets(core::Query& q) {
    std::vector<core::Ticket> out;
    while (true) {
        auto row = q.step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        auto t = core::ticket_from_json(json::parse(q.text(0), nullptr, false));
        if (!t) {
            return center_error(500, "corrupt", "a stored ticket does not parse");
        }
        out.push_back(std::move(*t));
    }
}

CenterResult<std::vector<core::Ticket>> SqliteCenterStorage::list(const CenterQuery& query) {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query(std::string("SELECT ") + k_ticket_body +
                        " FROM tickets WHERE (?1 = '' OR state = ?1) AND "
                        "(?2 = '' OR branch = ?2) ORDER BY received_at DESC, rowid DESC "
                        "LIMIT ?3 OFFSET ?4");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, query.state ? std::string(core::to_string(*query.state)) : std::string())
        .bind(2, query.branch)
        .bind(3, query.limit)
        .bind(4, query.offset);
    return load_tickets(*q);
}

CenterResult<OverdueLists> SqliteCenterStorage::overdue(core::Millis now) {
    std::lock_guard lock(m_mutex);
    OverdueLists out;
    auto h = m_db.query(std::string("SELECT ") + k_ticket_body + " FROM tickets WHERE state IN " +
                        k_center_states +
                        " AND handling_deadline IS NOT NULL AND handling_deadline < ?1 "
                        "ORDER BY handling_deadline");
    if (!h) {
        return fail_core(h);
    }
    h->bind(1, now);
    auto handling = load_tickets(*h);
    if (!handling) {
        return std::unexpected(handling.error());
    }
    out.handling = std::move(*handling);
    auto t = m_db.query(std::string("SELECT ") + k_ticket_body + " FROM tickets WHERE state IN " +
                        k_center_states + " AND due_at > 0 AND due_at < ?1 ORDER BY due_at");
    if (!t) {
        return fail_core(t);
    }
    t->bind(1, now);
    auto ticket = load_tickets(*t);
    if (!ticket) {
        return std::unexpected(ticket.error());
    }
    out.ticket = std::move(*ticket);
    return out;
}

CenterResult<TicketWithEvents> SqliteCenterStorage::get(std::string_view number) {
    std::lock_guard lock(m_mutex);
    auto t = ticket_by_number(number, true);
    if (!t) {
        return std::unexpected(t.error());
    }
    auto events = ticket_events(t->id);
    if (!events) {
        return std::unexpected(events.error());
    }
    return TicketWithEvents{std::move(*t), std::move(*events)};
}

CenterResult<json> SqliteCenterStorage::export_all() {
    std::lock_guard lock(m_mutex);
    json tickets = json::array();
    std::map<std::string, std::size_t> index_of;
    {
        auto q = m_db.query(std::string("SELECT ") + k_ticket_body +
                            " FROM tickets ORDER BY received_at, rowid");
        if (!q) {
            return fail_core(q);
        }
        auto all = load_tickets(*q);
        if (!all) {
            return std::unexpected(all.error());
        }
        for (auto& t : *all) {
            index_of[t.id] = tickets.size();
            json j = core::to_json(t, core::PiiMode::omit);
            j["events"] = json::array();
            tickets.push_back(std::move(j));
        }
    }
    auto e = m_db.query("SELECT ticket_id, id, kind, origin_device, device_seq, hlc, actor, "
                        "actor_role FROM events ORDER BY seq");
    if (!e) {
        return fail_core(e);
    }
    std::int64_t event_count = 0;
    while (true) {
        auto row = e->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        ++event_count;
        auto it = index_of.find(e->text(0));
        if (it == index_of.end()) {
            continue;
        }
        tickets[it->second]["events"].push_back({{"id", e->text(1)},
                                                 {"kind", e->text(2)},
                                                 {"origin_device", e->text(3)},
                                                 {"device_seq", e->int64(4)},
                                                 {"hlc", e->int64(5)},
                                                 {"actor", e->text(6)},
                                                 {"actor_role", e->text(7)}});
    }
    json devices = json::array();
    auto d = m_db.query("SELECT device, branch, acked_seq, revoked_at IS NOT NULL, "
                        "(SELECT count(*) FROM skips s WHERE s.device = devices.device) "
                        "FROM devices ORDER BY device");
    if (!d) {
        return fail_core(d);
    }
    while (true) {
        auto row = d->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        devices.push_back({{"device", d->text(0)},
                           {"branch", d->text(1)},
                           {"acked_seq", d->int64(2)},
                           {"revoked", d->int64(3) != 0},
                           {"skipped", d->int64(4)}});
    }
    return json{{"epoch", m_epoch},
                {"event_count", event_count},
                {"devices", std::move(devices)},
                {"tickets", std::move(tickets)}};
}

CenterResult<std::int64_t>
SqliteCenterStorage::publish_asset(const sync::AssetPublishRequest& asset, core::Millis now) {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("INSERT INTO assets(name, version, content, published_at) VALUES (?1, "
                        "(SELECT coalesce(max(version), 0) + 1 FROM assets WHERE name = ?1), ?2, "
                        "?3) RETURNING version");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, asset.name).bind(2, asset.content).bind(3, now);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    return q->int64(0);
}

CenterResult<std::vector<sync::AssetVersion>>
SqliteCenterStorage::asset_versions(std::string_view name) {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("SELECT version, content FROM assets WHERE name = ?1 ORDER BY version");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, std::string(name));
    std::vector<sync::AssetVersion> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        out.push_back({std::string(name), q->int64(0), q->text(1)});
    }
}

CenterResult<std::vector<ClassificationCorrection>> SqliteCenterStorage::corrections() {
    std::lock_guard lock(m_mutex);
    auto q = m_db.query(std::string("SELECT ") + k_ticket_body +
                        ", c.at FROM tickets JOIN (SELECT ticket_id, max(received_at) AS at "
                        "FROM events WHERE kind = 'reclassify' GROUP BY ticket_id) c "
                        "ON c.ticket_id = tickets.id ORDER BY c.at, tickets.rowid");
    if (!q) {
        return fail_core(q);
    }
    std::vector<ClassificationCorrection> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            return out;
        }
        auto t = core::ticket_from_json(json::parse(q->text(0), nullptr, false));
        if (!t) {
            return center_error(500, "corrupt", "a stored ticket does not parse");
        }
        out.push_back({std::move(*t), q->int64(1)});
    }
}

} // namespace cf::center
