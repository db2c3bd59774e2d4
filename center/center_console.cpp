// [SECTION] facts
// [SECTION] queues
// [SECTION] ticket detail
// [SECTION] steps
// [SECTION] dashboard
#include "center/center_schema.h"
#include "center/sqlite_center_storage.h"
#include "center/step_payload.h"

#include "core/lifecycle.h"
#include "core/masking.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"

#include <algorithm>

namespace cf::center {
namespace {

using nlohmann::json;

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

// Written tickets wait to be re-read up to this many; past it the facts are loaded anew.
constexpr std::size_t k_max_dirty = 200'000;

constexpr const char* k_fact_select =
    "SELECT rowid, branch, category, priority, state, received_at, due_at, first_response_due, "
    "acknowledged_at, resolved_at, dispatch_deadline, handled_at, satisfaction, departments, "
    "crisis, parts_waiting FROM tickets ";

void read_fact(core::Query& q, FactTable& table) {
    TicketFact f;
    f.rowid = q.int64(0);
    const std::string branch = q.text(1);
    const std::string category = q.text(2);
    f.priority = static_cast<core::Priority>(std::clamp<std::int64_t>(q.int64(3), 0, 2));
    f.state = core::parse_state(q.text(4)).value_or(core::State::received);
    f.received_at = q.int64(5);
    f.due_at = q.int64(6);
    f.first_response_due = q.int64(7);
    f.acknowledged_at = q.optional_int64(8).value_or(0);
    f.resolved_at = q.optional_int64(9).value_or(0);
    f.deadline = q.optional_int64(10).value_or(0);
    f.handled_at = q.optional_int64(11).value_or(0);
    f.satisfaction = static_cast<core::Satisfaction>(std::clamp<std::int64_t>(q.int64(12), 0, 3));
    const std::string departments = q.text(13);
    f.crisis = q.int64(14) != 0;
    f.parts_waiting = q.int64(15) != 0;
    table.upsert(f, FactText{branch, category, departments});
}

bool is_console_step(core::Step s) {
    using core::Step;
    switch (s) {
    case Step::review_accept:
    case Step::review_return:
    case Step::dispatch:
    case Step::sign_for:
    case Step::handle:
    case Step::audit_part:
    case Step::audit_approve:
    case Step::audit_reject:
    case Step::feedback:
    case Step::note:
    case Step::reclassify:
    case Step::checklist:
        return true;
    default:
        return false;
    }
}

bool has_department(const core::Ticket& t, const std::string& department) {
    return std::find(t.departments.begin(), t.departments.end(), department) != t.departments.end();
}

CenterError wrong_department(const Principal& who, const std::string& number) {
    return CenterError{403,
                       "wrong_department",
                       "ticket " + number + " was never dispatched to department " + who.department,
                       "number",
                       {},
                       {},
                       {}};
}

core::Actor actor_of(const Principal& who) {
    return core::Actor{who.staff, who.role, who.department};
}

} // namespace

// ===================================================================== [SECTION] facts

CenterResult<void> SqliteCenterStorage::load_facts() {
    m_facts = FactTable();
    m_dirty.clear();
    auto count = m_db.query("SELECT max(rowid) FROM tickets");
    if (!count) {
        return fail_core(count);
    }
    if (auto row = count->step(); !row) {
        return fail_core(row);
    }
    m_facts.reserve(static_cast<std::size_t>(count->int64(0)));
    // From the covering index: the table itself holds every body and is ten times larger.
    auto q = m_db.query(std::string(k_fact_select) + "INDEXED BY tickets_facts");
    if (!q) {
        return fail_core(q);
    }
    while (true) {
        auto row = q->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            break;
        }
        read_fact(*q, m_facts);
    }
    m_facts_loaded = true;
    return {};
}

void SqliteCenterStorage::mark_dirty(const std::string& ticket_id) {
    if (!m_facts_loaded) {
        return; // loaded from the database at the first console request
    }
    if (m_dirty.size() >= k_max_dirty) {
        m_facts_loaded = false;
        m_dirty.clear();
        return;
    }
    m_dirty.push_back(ticket_id);
}

CenterResult<void> SqliteCenterStorage::refresh_facts() {
    if (!m_facts_loaded) {
        return load_facts();
    }
    for (const auto& id : m_dirty) {
        auto one = m_db.query(std::string(k_fact_select) + "WHERE id = ?1");
        if (!one) {
            return fail_core(one);
        }
        one->bind(1, id);
        auto row = one->step();
        if (!row) {
            return fail_core(row);
        }
        if (*row) {
            read_fact(*one, m_facts);
        }
    }
    m_dirty.clear();
    return {};
}

CenterResult<void> SqliteCenterStorage::warm_console() {
    // The hash an unknown id is checked against, made now: made at the first sign-in, it
    // would make that one answer slower than the rest.
    dummy_hash();
    std::lock_guard lock(m_mutex);
    return refresh_facts();
}

// ==================================================================== [SECTION] queues

CenterResult<sync::QueueResponse>
SqliteCenterStorage::console_queue(const Principal& who, const sync::QueueRequest& request,
                                   core::Millis now) {
    sync::ConsoleFilter filter = request.filter;
    if (who.role == core::Role::handler) {
        filter.department = who.department; // a handler sees only their own department
    }
    if (request.limit < 1 || request.limit > 500 || request.offset < 0) {
        return center_error(400, "invalid_value", "limit: 1 to 500, offset: 0 or more", "limit");
    }
    // A calendar about to run out is shown with every queue, to staff who can publish the next.
    auto rules = current_create_rules();
    if (!rules) {
        return std::unexpected(rules.error());
    }
    std::lock_guard lock(m_mutex);
    if (auto r = refresh_facts(); !r) {
        return std::unexpected(r.error());
    }
    const FactPage page =
        m_facts.queue(request.queue, m_facts.resolve(filter), request.limit, request.offset, now);
    sync::QueueResponse out;
    out.epoch = m_epoch;
    out.queue = request.queue;
    out.total = page.total;
    out.counts = page.counts;
    out.calendars = (*rules)->calendar_notices(now);
    for (const std::int64_t rowid : page.rowids) {
        auto one = m_db.query(std::string("SELECT ") + k_ticket_body +
                              ", name_sealed FROM tickets WHERE rowid = ?1");
        if (!one) {
            return fail_core(one);
        }
        one->bind(1, rowid);
        auto row = one->step();
        if (!row) {
            return fail_core(row);
        }
        if (!*row) {
            continue;
        }
        auto t = core::ticket_from_json(json::parse(one->text(0), nullptr, false));
        if (!t) {
            return center_error(500, "corrupt", "a stored ticket does not parse");
        }
        sync::QueueRow r;
        r.number = t->number;
        r.branch = t->branch;
        r.request_type = t->request_type;
        r.category = t->category;
        r.priority = t->priority;
        r.state = t->state;
        r.round = t->round;
        r.received_at = t->received_at;
        r.updated_at = t->updated_at;
        r.due_at = t->due_at;
        r.handling_deadline = t->handling_deadline;
        r.departments = t->departments;
        r.departments_pending = t->departments_pending;
        if (auto blob = one->blob(1); !blob.empty()) {
            auto name = m_sealer.open(blob, t->id, "name");
            if (!name) {
                return fail_core(name);
            }
            r.customer = core::mask_name(*name);
        }
        out.rows.push_back(std::move(r));
    }
    return out;
}

// ============================================================= [SECTION] ticket detail

CenterResult<sync::TicketDetail> SqliteCenterStorage::console_ticket(const Principal& who,
                                                                     std::string_view number) {
    std::lock_guard lock(m_mutex);
    auto loaded = ticket_by_number(number, true);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    sync::TicketDetail out;
    out.epoch = m_epoch;
    out.ticket = std::move(*loaded);
    if (who.role == core::Role::handler && !has_department(out.ticket, who.department)) {
        return std::unexpected(wrong_department(who, out.ticket.number));
    }
    auto events = ticket_events(out.ticket.id);
    if (!events) {
        return std::unexpected(events.error());
    }
    for (auto& e : *events) {
        sync::TimelineEntry entry;
        entry.id = e.id;
        entry.kind = e.kind;
        entry.origin_device = e.origin_device;
        entry.actor = e.actor;
        entry.actor_role = std::string(core::to_string(e.actor_role));
        entry.at = core::hlc_physical(e.hlc);
        if (e.kind == core::k_create_kind) {
            // The ticket as filed, without its sealed personal data.
            json ticket =
                e.payload.is_object() ? e.payload.value("ticket", json::object()) : json::object();
            ticket.erase("customer");
            entry.payload = json{{"ticket", std::move(ticket)}};
        } else {
            entry.payload = e.payload.is_object() ? std::move(e.payload) : json::object();
        }
        out.timeline.push_back(std::move(entry));
    }
    for (const auto step : core::allowed_steps(out.ticket, actor_of(who))) {
        if (is_console_step(step)) {
            out.allowed_steps.emplace_back(core::to_string(step));
        }
    }
    if (core::offers_checklist(out.ticket, actor_of(who))) {
        out.allowed_steps.emplace_back(core::to_string(core::Step::checklist));
    }
    return out;
}

// ===================================================================== [SECTION] steps

CenterResult<sync::ConsoleStepResponse>
SqliteCenterStorage::console_step(const Principal& who, std::string_view number,
                                  const sync::ConsoleStepRequest& request, core::Millis now) {
    auto step = core::parse_step(request.step);
    if (!step) {
        return center_error(400, "unknown_kind", "'" + request.step + "' is not a known step",
                            "step");
    }
    if (!is_console_step(*step)) {
        return center_error(422, "branch_step_at_center",
                            "step '" + request.step + "' is taken at the branch", "step");
    }
    if (auto r = check_step_payload(*step, request.payload); !r) {
        return std::unexpected(r.error());
    }
    const json payload = request.payload.is_null() ? json::object() : request.payload;
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_core(tx);
    }
    auto loaded = ticket_by_number(number, true);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    core::Ticket t = std::move(*loaded);
    const std::string canonical = t.number;
    if (who.role == core::Role::handler && !has_department(t, who.department)) {
        return std::unexpected(wrong_department(who, canonical));
    }
    sync::ConsoleStepResponse out;
    out.epoch = m_epoch;
    {
        auto seen = m_db.query(
            "SELECT staff_id, number, step, answer FROM console_requests WHERE request_id = ?1");
        if (!seen) {
            return fail_core(seen);
        }
        seen->bind(1, request.request_id);
        auto row = seen->step();
        if (!row) {
            return fail_core(row);
        }
        if (*row) {
            if (seen->text(0) != who.staff || seen->text(1) != canonical ||
                seen->text(2) != request.step) {
                return center_error(409, "request_id_reused",
                                    "request_id " + request.request_id +
                                        " was used for another step; make a new one per step",
                                    "request_id");
            }
            auto first = core::ticket_from_json(json::parse(seen->text(3), nullptr, false));
            if (!first) {
                return center_error(500, "corrupt", "a stored console answer does not parse");
            }
            first->customer = t.customer; // the answer is stored without personal data
            out.replayed = true;
            out.ticket = std::move(*first);
            return out;
        }
    }
    if (auto r = apply_center_step(t, *step, actor_of(who), payload, now); !r) {
        return std::unexpected(r.error());
    }
    auto ins = m_db.query("INSERT INTO console_requests(request_id, staff_id, number, step, "
                          "answer, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!ins) {
        return fail_core(ins);
    }
    ins->bind(1, request.request_id)
        .bind(2, who.staff)
        .bind(3, canonical)
        .bind(4, request.step)
        .bind(5, core::to_json(t, core::PiiMode::omit).dump())
        .bind(6, now);
    if (auto r = ins->run(); !r) {
        return fail_core(r);
    }
    if (auto r = tx->commit(); !r) {
        return fail_core(r);
    }
    out.ticket = std::move(t);
    return out;
}

// ================================================================= [SECTION] dashboard

CenterResult<sync::Dashboard>
SqliteCenterStorage::console_dashboard(const Principal& who, const sync::DashboardRequest& request,
                                       core::Millis now) {
    if (who.role == core::Role::handler) {
        return center_error(403, "not_for_handlers",
                            "the regional dashboard is for reviewers, dispatchers, auditors and "
                            "managers");
    }
    // By default the 12 weeks up to now: this week and the 11 before it.
    const core::Millis to = request.filter.to.value_or(now);
    const core::Millis from = request.filter.from.value_or(week_start(now, request.utc_offset_min) -
                                                           11 * 7 * core::k_day);
    if (from >= to) {
        return center_error(400, "invalid_value", "to: must be after from", "to");
    }
    if (to - from > 3LL * 366 * core::k_day) {
        return center_error(400, "invalid_value", "to: at most three years after from", "to");
    }
    std::lock_guard lock(m_mutex);
    if (auto r = refresh_facts(); !r) {
        return std::unexpected(r.error());
    }
    sync::Dashboard d =
        m_facts.dashboard(m_facts.resolve(request.filter), from, to, request.utc_offset_min, now);
    d.epoch = m_epoch;
    return d;
}

} // namespace cf::center
