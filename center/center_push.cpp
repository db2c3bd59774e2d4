// Push: a terminal's ordered batch of events (and skips for its dead letters), stored in one
// transaction before the answer. Idempotent by event id: what is at or below the device's
// high-water mark must match what is stored, and is not stored again.
#include "center/cpu_slots.h"
#include "center/sqlite_center_storage.h"

#include "core/lifecycle.h"
#include "core/step_schema.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "forms/knowledge_base.h"
#include "forms/text_util.h"

#include <algorithm>
#include <cstdlib>

namespace cf::center {
namespace {

using nlohmann::json;

std::unexpected<CenterError> event_error(int status, std::string code, std::size_t index,
                                         const std::string& event_id, std::string message,
                                         std::string field = {}) {
    const std::string path = "events[" + std::to_string(index) + "]";
    CenterError e{status,
                  std::move(code),
                  path + " (event " + event_id + "): " + message,
                  field.empty() ? path : path + "." + field,
                  static_cast<std::int64_t>(index),
                  event_id,
                  {}};
    return std::unexpected(std::move(e));
}

template <class T> std::unexpected<CenterError> fail_core(const core::Result<T>& r) {
    return std::unexpected(from_core(r.error()));
}

// "7 days", "36 hours": the skew as an operator set it.
std::string skew_text(core::Millis skew) {
    if (skew % core::k_day == 0) {
        return std::to_string(skew / core::k_day) + " days";
    }
    return std::to_string(skew / core::k_hour) + " hours";
}

// An event dated further ahead of the center's clock than the skew allows. The terminal keeps
// the refusal as a dead letter, and this message is what its staff read there.
std::unexpected<CenterError> clock_ahead(const sync::WireEvent& e, std::size_t index,
                                         core::Millis now, core::Millis skew) {
    const core::Millis at = core::hlc_physical(e.hlc);
    return event_error(
        422, "clock_ahead", index, e.id,
        "this terminal's clock is wrong: the event is dated " + core::format_iso8601(at) + ", " +
            std::to_string((at - now) / core::k_day) +
            " days ahead of the regional center's clock (" + core::format_iso8601(now) +
            "), and the center takes events at most " + skew_text(skew) +
            " ahead. Set this terminal's date and time right; this event stays "
            "on the terminal and will not reach the center",
        "hlc");
}

using FieldCheck = std::expected<void, core::FieldProblem>;

FieldCheck text_within(const char* field, const std::string& text, std::size_t limit) {
    // Bytes bound characters from above, so most texts need no count at all.
    if (text.size() <= limit) {
        return {};
    }
    const std::size_t length = forms::utf8_length(text);
    if (length <= limit) {
        return {};
    }
    return std::unexpected(core::FieldProblem{field, std::to_string(length) +
                                                         " characters; the forms allow at most " +
                                                         std::to_string(limit)});
}

FieldCheck list_within(const char* field, const std::vector<std::string>& items,
                       std::size_t max_items, std::size_t limit) {
    if (items.size() > max_items) {
        return std::unexpected(core::FieldProblem{field, std::to_string(items.size()) +
                                                             " items; the forms allow at most " +
                                                             std::to_string(max_items)});
    }
    for (const auto& item : items) {
        if (auto r = text_within(field, item, limit); !r) {
            return r;
        }
    }
    return {};
}

// The one check of a create after parsing, whichever reader read it (the fast path's text or
// the SAX reader's DOM): a ticket as a terminal files it (core::check_filed: its state and
// everything else a step sets come only from replaying steps), received within the skew of its
// event's time, of a category the center knows, its texts within the forms' limits. The field
// is named from the event's payload.
FieldCheck check_create(const core::Ticket& t, core::Hlc hlc, const CreateRules& rules,
                        core::Millis skew) {
    using forms::TicketPath;
    auto in_ticket = [](core::FieldProblem p) {
        p.field = "payload.ticket." + p.field;
        return std::unexpected(std::move(p));
    };
    const core::Millis made = core::hlc_physical(hlc);
    if (std::llabs(t.received_at - made) > skew) {
        return in_ticket({"received_at", "the ticket says it was received at " +
                                             core::format_iso8601(t.received_at) +
                                             ", but its create event is dated " +
                                             core::format_iso8601(made) +
                                             "; a terminal files both at once"});
    }
    if (auto filed = core::check_filed(t); !filed) {
        return in_ticket(filed.error());
    }
    if (!rules.categories.contains(t.category)) {
        return in_ticket({"category", forms::in_quotes(t.category) +
                                          " is not a category of the center's category tree"});
    }
    // A terminal cannot lift the amount a resolution may pay without a supervisor's approval
    // above the region's policy (a ticket from before the rule has none).
    const double limit = rules.policy.compensation_approval_above;
    if (t.approval_above && !(*t.approval_above >= 0 && *t.approval_above <= limit)) {
        return in_ticket({"approval_above", "a resolution needs approval above at most " +
                                                std::to_string(static_cast<long long>(limit)) +
                                                " (the region's policy), not " +
                                                json(*t.approval_above).dump()});
    }
    // An article id of the knowledge base (forms/knowledge_base.h): short, plain characters.
    if (!t.knowledge_article.empty() && !forms::valid_article_id(t.knowledge_article)) {
        return in_ticket({"knowledge_article",
                          "is not a knowledge-base article id (at most 64 of a-z, 0-9, '.', "
                          "'_' and '-')"});
    }
    const struct {
        const char* field;
        const std::string& text;
        TicketPath path;
    } texts[] = {
        {"description", t.description, TicketPath::description},
        {"demand", t.demand, TicketPath::demand},
        {"expected_time", t.expected_time, TicketPath::expected_time},
        {"occurred_place", t.occurred_place, TicketPath::occurred_place},
        {"tried_how", t.tried_how, TicketPath::tried_how},
        {"receiver", t.receiver, TicketPath::receiver},
        {"locale", t.locale, TicketPath::locale},
    };
    for (const auto& x : texts) {
        if (auto r = text_within(x.field, x.text, rules.length_limit(x.path)); !r) {
            return in_ticket(r.error());
        }
    }
    for (const auto& [field, items, path] :
         {std::tuple<const char*, const std::vector<std::string>&, TicketPath>{
              "evidence", t.evidence, TicketPath::evidence},
          {"remedies", t.remedies, TicketPath::remedies}}) {
        if (auto r = list_within(field, items, rules.item_limit(path), rules.length_limit(path));
            !r) {
            return in_ticket(r.error());
        }
    }
    const struct {
        const char* field;
        const std::string& text;
        TicketPath path;
    } customer[] = {
        {"name", t.customer.name, TicketPath::customer_name},
        {"phone", t.customer.phone, TicketPath::customer_phone},
        {"email", t.customer.email, TicketPath::customer_email},
        {"customer_no", t.customer.customer_no, TicketPath::customer_no},
        {"order_no", t.customer.order_no, TicketPath::order_no},
    };
    for (const auto& x : customer) {
        if (auto r = text_within(x.field, x.text, rules.length_limit(x.path)); !r) {
            auto p = r.error();
            p.field = "payload.customer." + p.field;
            return std::unexpected(std::move(p));
        }
    }
    return {};
}

} // namespace

CenterResult<std::shared_ptr<const CreateRules>> SqliteCenterStorage::current_create_rules() {
    std::shared_ptr<const CreateRules> rules;
    std::int64_t seen = 0;
    {
        std::lock_guard lock(m_rules_mutex);
        rules = m_rules;
        seen = m_rules_asset_seq;
    }
    if (!rules) {
        return center_error(500, "no_rules",
                            "the center has not read its category tree and forms; serve reads "
                            "them before it listens (--assets DIR)");
    }
    // Assets published since, by this process or by a publish-asset run beside it. The seq
    // is the table's rowid, so this is one short index read per push.
    CenterResult<PublishedRules> published;
    {
        std::lock_guard lock(m_token_mutex);
        published = published_rules_since(m_token_db, seen);
    }
    if (!published) {
        return std::unexpected(published.error());
    }
    if (published->assets.empty()) {
        return rules;
    }
    auto next = std::make_shared<CreateRules>(*rules);
    for (const auto& [name, content] : published->assets) {
        // A version that does not read adds nothing (terminals keep it out of use too).
        (void)next->add_asset(name, content);
    }
    std::lock_guard lock(m_rules_mutex);
    if (m_rules_asset_seq < published->last) {
        m_rules = std::move(next);
        m_rules_asset_seq = published->last;
    }
    return m_rules;
}

CenterResult<sync::PushResponse>
SqliteCenterStorage::push(const Principal& who, const sync::PushRequest& batch, core::Millis now) {
    if (who.kind != Principal::Kind::device) {
        return center_error(403, "not_a_device", "only an enrolled device can push events");
    }
    if (batch.device != who.device) {
        return center_error(403, "wrong_device",
                            "the token belongs to " + who.device + ", not to " + batch.device,
                            "device");
    }
    auto rules = current_create_rules();
    if (!rules) {
        return std::unexpected(rules.error());
    }
    // The tickets of create events are checked, sealed and serialised here, outside the
    // storage lock, so concurrent pushes do this work in parallel.
    std::vector<Staged> staged(batch.events.size());
    {
        CpuSlots::Slot slot(CpuSlots::for_pushes());
        for (std::size_t i = 0; i < batch.events.size(); ++i) {
            if (batch.events[i].kind == core::k_create_kind) {
                staged[i] = stage_create(who, batch.events[i], i, rules->get());
            }
        }
    }
    PendingPush mine{&who, &batch, now, std::move(staged), std::nullopt};
    std::unique_lock queue(m_queue_mutex);
    m_queue.push_back(&mine);
    // Wait while another thread stores a group; it may take this push along.
    m_queue_cv.wait(queue, [&] { return mine.result.has_value() || !m_leader; });
    if (!mine.result) {
        m_leader = true;
        std::vector<PendingPush*> group;
        group.swap(m_queue);
        queue.unlock();
        auto results = store_group(group);
        queue.lock();
        for (std::size_t i = 0; i < group.size(); ++i) {
            group[i]->result = std::move(results[i]);
        }
        m_leader = false;
        m_queue_cv.notify_all();
    }
    return std::move(*mine.result);
}

std::vector<CenterResult<sync::PushResponse>>
SqliteCenterStorage::store_group(const std::vector<PendingPush*>& group) {
    std::vector<CenterResult<sync::PushResponse>> results;
    results.reserve(group.size());
    auto fail_all = [&](const core::Error& e) {
        results.assign(group.size(), std::unexpected(from_core(e)));
        return results;
    };
    std::lock_guard lock(m_mutex);
    auto tx = core::Transaction::begin(m_db);
    if (!tx) {
        return fail_all(tx.error());
    }
    // Prepared once, not parsed again for every push as exec would.
    auto run = [this](std::string_view sql) -> core::Result<void> {
        auto q = m_db.query(sql);
        if (!q) {
            return std::unexpected(q.error());
        }
        return q->run();
    };
    for (const PendingPush* p : group) {
        if (auto r = run("SAVEPOINT push"); !r) {
            return fail_all(r.error());
        }
        CenterResult<sync::PushResponse> r =
            center_error(500, "internal", "the center failed storing the batch");
        try {
            r = push_one(*p);
        } catch (const std::exception& e) {
            r = center_error(500, "internal", std::string("the center failed: ") + e.what());
        }
        // A refused batch leaves no trace; the others of the group are kept.
        if (!r) {
            if (auto undo = run("ROLLBACK TO push"); !undo) {
                return fail_all(undo.error());
            }
        }
        if (auto done = run("RELEASE push"); !done) {
            return fail_all(done.error());
        }
        results.push_back(std::move(r));
    }
    if (auto r = tx->commit(); !r) {
        return fail_all(r.error());
    }
    if (m_checkpointer) {
        m_checkpointer->nudge();
    }
    return results;
}

CenterResult<sync::PushResponse> SqliteCenterStorage::push_one(const PendingPush& push) {
    const Principal& who = *push.who;
    const sync::PushRequest& batch = *push.batch;
    const core::Millis now = push.now;
    auto d = m_db.query("SELECT acked_seq FROM devices WHERE device = ?1");
    if (!d) {
        return fail_core(d);
    }
    d->bind(1, who.device);
    auto drow = d->step();
    if (!drow) {
        return fail_core(drow);
    }
    if (!*drow) {
        return center_error(403, "not_a_device", "device " + who.device + " is not enrolled");
    }
    const std::int64_t mark = d->int64(0);

    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = 0;
    for (const auto& e : batch.events) {
        first = std::min(first, e.device_seq);
        last = std::max(last, e.device_seq);
    }
    for (const auto& s : batch.skips) {
        first = std::min(first, s.device_seq);
        last = std::max(last, s.device_seq);
    }
    if (first > mark + 1) {
        CenterError gap{409,
                        "gap",
                        "the batch starts at device_seq " + std::to_string(first) +
                            ", but the center has everything only up to " + std::to_string(mark) +
                            "; send from " + std::to_string(mark + 1),
                        "events",
                        {},
                        {},
                        mark + 1};
        return std::unexpected(std::move(gap));
    }
    for (std::size_t i = 0; i < batch.events.size(); ++i) {
        const auto& e = batch.events[i];
        // A terminal's clock far ahead would drag the center's clock (and every terminal that
        // pulls its events) into the future; an HLC near the top would wrap.
        if (e.device_seq > mark && core::hlc_physical(e.hlc) > now + m_max_clock_skew) {
            return clock_ahead(e, i, now, m_max_clock_skew);
        }
        auto r = e.device_seq <= mark ? check_stored(who.device, e, i)
                                      : store_event(who, e, i, now, push.staged[i]);
        if (!r) {
            return std::unexpected(r.error());
        }
    }
    for (const auto& s : batch.skips) {
        if (s.device_seq <= mark) {
            continue; // already covered by the mark: an event or an earlier skip
        }
        auto q = m_db.query("INSERT INTO skips(device, device_seq, event_id, reason, "
                            "received_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!q) {
            return fail_core(q);
        }
        if (auto r = q->bind(1, who.device)
                         .bind(2, s.device_seq)
                         .bind(3, s.event_id)
                         .bind(4, s.reason)
                         .bind(5, now)
                         .run();
            !r) {
            return fail_core(r);
        }
    }
    if (last > mark) {
        auto u = m_db.query("UPDATE devices SET acked_seq = ?2 WHERE device = ?1");
        if (!u) {
            return fail_core(u);
        }
        if (auto r = u->bind(1, who.device).bind(2, last).run(); !r) {
            return fail_core(r);
        }
    }
    return sync::PushResponse{m_epoch, who.device, last};
}

CenterResult<void> SqliteCenterStorage::check_stored(const std::string& device,
                                                     const sync::WireEvent& e, std::size_t index) {
    auto q = m_db.query("SELECT id FROM events WHERE origin_device = ?1 AND device_seq = ?2");
    if (!q) {
        return fail_core(q);
    }
    q->bind(1, device).bind(2, e.device_seq);
    auto row = q->step();
    if (!row) {
        return fail_core(row);
    }
    if (*row && q->text(0) == e.id) {
        return {}; // a replay of what is stored: same answer, nothing written
    }
    return event_error(409, "seq_conflict", index, e.id,
                       "device_seq " + std::to_string(e.device_seq) +
                           " of this device already holds " +
                           (*row ? "another event (" + q->text(0) + ")" : "a skipped event") +
                           "; a terminal restored from a backup needs a new terminal id",
                       "device_seq");
}

CenterResult<void> SqliteCenterStorage::store_event(const Principal& who, const sync::WireEvent& e,
                                                    std::size_t index, core::Millis now,
                                                    const Staged& staged) {
    auto stored = store_new_event(who, e, index, now, staged);
    if (stored) {
        return stored;
    }
    // An id stored already under another sequence number makes the insert (or an earlier
    // check) fail; the unique key on events.id is the check, and the lookup that names the
    // problem runs only on failure, so it takes precedence as it would if it ran first.
    auto seen = m_db.query("SELECT origin_device, device_seq FROM events WHERE id = ?1");
    if (!seen) {
        return fail_core(seen);
    }
    seen->bind(1, e.id);
    auto row = seen->step();
    if (!row) {
        return fail_core(row);
    }
    if (*row) {
        return event_error(409, "duplicate_event_id", index, e.id,
                           "this event id is stored already as device_seq " +
                               std::to_string(seen->int64(1)) + " of " + seen->text(0),
                           "id");
    }
    return stored;
}

CenterResult<SqliteCenterStorage::StagedTicket>
SqliteCenterStorage::stage_create(const Principal& who, const sync::WireEvent& e, std::size_t index,
                                  const CreateRules* rules) const {
    // The fast path read the ticket from the text (customer included) and kept its text.
    core::Ticket t;
    std::string_view body;
    if (e.create) {
        t = e.create->ticket;
        body = e.create->ticket_text;
    } else {
        auto parsed = core::ticket_from_json(e.payload.at("ticket"));
        if (!parsed) {
            return event_error(422, "invalid_ticket", index, e.id, parsed.error().message,
                               "payload.ticket");
        }
        t = std::move(*parsed);
        const auto& c = e.payload.at("customer");
        t.customer.name = c.value("name", "");
        t.customer.phone = c.value("phone", "");
        t.customer.email = c.value("email", "");
        t.customer.customer_no = c.value("customer_no", "");
        t.customer.order_no = c.value("order_no", "");
    }
    if (t.id != e.ticket_id) {
        return event_error(422, "invalid_ticket", index, e.id,
                           "the ticket's id differs from the event's ticket_id",
                           "payload.ticket.id");
    }
    auto number = core::parse_ticket_number(t.number);
    if (t.branch != who.branch || !number || number->branch != who.branch ||
        who.device != number->branch + "/" + number->terminal || t.terminal != number->terminal) {
        return event_error(422, "wrong_branch", index, e.id,
                           "ticket " + t.number + " of branch " + t.branch + " and terminal " +
                               t.terminal + " cannot come from device " + who.device,
                           "payload.ticket.branch");
    }
    if (rules == nullptr) {
        return center_error(500, "no_rules",
                            "the center has not read its category tree and forms; serve reads "
                            "them before it listens (--assets DIR)");
    }
    if (auto ok = check_create(t, e.hlc, *rules, m_max_clock_skew); !ok) {
        return event_error(422, "invalid_ticket", index, e.id,
                           ok.error().field + ": " + ok.error().reason, ok.error().field);
    }
    return stage_ticket(std::move(t), body);
}

CenterResult<void> SqliteCenterStorage::store_new_event(const Principal& who,
                                                        const sync::WireEvent& e, std::size_t index,
                                                        core::Millis now, const Staged& staged) {
    std::string step_payload;
    std::string_view stored_payload;
    if (e.kind == core::k_create_kind) {
        Staged own;
        const CenterResult<StagedTicket>* ticket = staged ? &*staged : nullptr;
        if (ticket == nullptr) {
            auto rules = current_create_rules();
            if (!rules) {
                return std::unexpected(rules.error());
            }
            ticket = &own.emplace(stage_create(who, e, index, rules->get()));
        }
        if (!*ticket) {
            return std::unexpected(ticket->error());
        }
        const core::Ticket& t = (*ticket)->ticket;
        // The unique keys of tickets find an existing ticket; the lookup runs only then.
        if (auto written = write_ticket(**ticket, e.hlc); !written) {
            auto existing = load_ticket("id", t.id, false);
            if (existing && !*existing) {
                existing = load_ticket("number", t.number, false);
            }
            if (existing && *existing) {
                return event_error(409, "ticket_exists", index, e.id,
                                   "ticket " + t.number + " exists already at the center",
                                   "ticket_id");
            }
            return written;
        }
        stored_payload = (*ticket)->payload;
    } else {
        const core::Step step = *core::parse_step(e.kind);
        if (core::step_side(step) == core::Owner::center && step != core::Step::note) {
            return event_error(
                422, "center_step_from_terminal", index, e.id,
                "step '" + e.kind + "' is taken at the regional center, not at a terminal", "kind");
        }
        auto loaded = load_ticket("id", e.ticket_id, false);
        if (!loaded) {
            return std::unexpected(loaded.error());
        }
        if (!*loaded) {
            return event_error(422, "unknown_ticket", index, e.id,
                               "the center has no ticket " + e.ticket_id, "ticket_id");
        }
        core::Ticket t = std::move(**loaded);
        if (t.branch != who.branch) {
            return event_error(422, "wrong_branch", index, e.id,
                               "ticket " + t.number + " belongs to another branch", "ticket_id");
        }
        if (auto shape = core::check_step_schema(step, e.payload); !shape) {
            const core::PayloadProblem& p = shape.error();
            return event_error(422, "invalid_step", index, e.id, p.field + ": " + p.what, p.field);
        }
        if (step == core::Step::reclassify) {
            auto rules = current_create_rules();
            if (!rules) {
                return std::unexpected(rules.error());
            }
            if (auto known = (*rules)->check_new_category(step, e.payload); !known) {
                return event_error(422, "invalid_step", index, e.id, known.error().message,
                                   known.error().field);
            }
        }
        core::Actor actor{e.actor, e.actor_role,
                          e.payload.is_object() ? e.payload.value("department", "") : ""};
        if (auto ok = core::check_step(t, step, actor, e.payload); !ok) {
            return event_error(422, "step_refused", index, e.id, ok.error().message, "kind");
        }
        core::apply_step(t, step, actor, e.payload, core::hlc_physical(e.hlc));
        if (auto r = update_ticket(t, e.hlc); !r) {
            return r;
        }
        step_payload = e.payload.dump();
        stored_payload = step_payload;
    }
    core::Event stored;
    stored.id = e.id;
    stored.ticket_id = e.ticket_id;
    stored.origin_device = e.origin_device;
    stored.device_seq = e.device_seq;
    stored.hlc = e.hlc;
    stored.actor = e.actor;
    stored.actor_role = e.actor_role;
    stored.kind = e.kind;
    return insert_event(stored, who.branch, stored_payload, now);
}

} // namespace cf::center
