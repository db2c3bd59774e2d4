#include "sync/wire_text_reader.h"

#include "core/json_scan.h"
#include "core/lifecycle.h"
#include "core/ticket_text.h"
#include "core/uuid.h"

namespace cf::sync {
namespace {

// Fewer levels than the SAX reader allows (k_max_payload_depth), so a payload this path
// takes is one the SAX reader takes too; deeper ones go the slow way, which decides.
constexpr int k_fast_payload_depth = 16;

constexpr std::size_t k_max_customer_bytes = 256;

using core::JsonScan;

// Reads an object whose keys are among `keys`, each at most once (keys must be plain
// strings): read(i, seen) takes the value of keys[i], seen being the mask of the keys read
// before it. True when the object was read whole and it held every key of `required`.
template <std::size_t N, class F>
bool fields(JsonScan& s, const std::string_view (&keys)[N], std::uint32_t required, F&& read) {
    static_assert(N <= 32, "the seen-keys mask has 32 bits");
    if (!s.take('{')) {
        return false;
    }
    std::uint32_t seen = 0;
    if (!s.take('}')) {
        do {
            std::string_view key;
            if (!s.plain_string(key) || !s.take(':')) {
                return false;
            }
            std::size_t i = 0;
            while (i < N && keys[i] != key) {
                ++i;
            }
            const std::uint32_t bit = std::uint32_t{1} << i;
            if (i == N || (seen & bit) != 0 || !read(i, seen)) {
                return false;
            }
            seen |= bit;
        } while (s.take(','));
        if (!s.take('}')) {
            return false;
        }
    }
    return (seen & required) == required;
}

// Every key of a list of n.
constexpr std::uint32_t all(std::size_t n) {
    return (std::uint32_t{1} << n) - 1;
}

// A list of at most `most` objects, each read by read().
template <class F> bool list_of(JsonScan& s, std::size_t most, F&& read) {
    if (!s.take('[')) {
        return false;
    }
    if (s.take(']')) {
        return true;
    }
    std::size_t n = 0;
    do {
        if (++n > most || !read()) {
            return false;
        }
    } while (s.take(','));
    return s.take(']');
}

// A text field of the message: not empty, at most max_bytes after unescaping.
bool text(JsonScan& s, std::string& out, std::size_t max_bytes) {
    return s.string(out) && !out.empty() && out.size() <= max_bytes;
}

bool integer(JsonScan& s, std::int64_t& out, std::int64_t min) {
    return s.integer(out) && out >= min;
}

constexpr std::string_view k_customer_keys[] = {"name", "phone", "email", "customer_no",
                                                "order_no"};
constexpr std::string core::Customer::*k_customer_members[] = {
    &core::Customer::name, &core::Customer::phone, &core::Customer::email,
    &core::Customer::customer_no, &core::Customer::order_no};

// {"customer_no": "...", ...}: optional texts of at most 256 bytes, as check_create_payload
// wants them.
bool read_customer(JsonScan& s, core::Customer& c) {
    return fields(s, k_customer_keys, 0, [&](std::size_t i, std::uint32_t) {
        std::string& value = c.*(k_customer_members[i]);
        return s.string(value) && value.size() <= k_max_customer_bytes;
    });
}

// {"ticket": {...}, "customer": {...}}, both there, nothing else.
bool read_create(JsonScan& s, ReadCreate& out) {
    static constexpr std::string_view keys[] = {"ticket", "customer"};
    core::Customer customer;
    const bool ok = fields(s, keys, all(2), [&](std::size_t i, std::uint32_t) {
        if (i == 1) {
            return read_customer(s, customer);
        }
        s.peek();
        const std::size_t start = s.offset();
        if (!core::read_ticket_text(s, out.ticket)) {
            return false;
        }
        out.ticket_text = s.text().substr(start, s.offset() - start);
        return true;
    });
    // The customer is kept apart until now: read_ticket_text starts from an empty ticket.
    out.ticket.customer = std::move(customer);
    return ok;
}

bool read_event(JsonScan& s, WireEvent& e) {
    static constexpr std::string_view keys[] = {"id",         "ticket_id", "origin_device",
                                                "device_seq", "hlc",       "actor",
                                                "actor_role", "kind",      "payload"};
    enum { id, ticket_id, origin, seq, hlc, actor, role, kind, payload };
    std::string role_text;
    const bool ok = fields(s, keys, all(9), [&](std::size_t i, std::uint32_t seen) {
        std::int64_t n = 0;
        switch (i) {
        case id:
            return text(s, e.id, 36);
        case ticket_id:
            return text(s, e.ticket_id, 36);
        case origin:
            return text(s, e.origin_device, 16);
        case seq:
            return integer(s, e.device_seq, 1);
        case hlc:
            if (!integer(s, n, 0)) {
                return false;
            }
            e.hlc = static_cast<core::Hlc>(n);
            return true;
        case actor:
            return text(s, e.actor, 100);
        case role:
            return text(s, role_text, 32);
        case kind:
            return text(s, e.kind, 32);
        default:
            break;
        }
        // The kind decides how the payload is read: this path wants it first (as every
        // writer of ours puts it).
        if ((seen & (1u << kind)) == 0) {
            return false;
        }
        if (e.kind == core::k_create_kind) {
            auto create = std::make_shared<ReadCreate>();
            if (!read_create(s, *create)) {
                return false;
            }
            e.create = std::move(create);
            return true;
        }
        return s.peek() == '{' && s.value(e.payload, k_fast_payload_depth);
    });
    if (!ok) {
        return false;
    }
    const auto parsed_role = core::parse_role(role_text);
    if (!core::valid_uuid(e.id) || !core::valid_uuid(e.ticket_id) ||
        !valid_device_id(e.origin_device) || !parsed_role) {
        return false;
    }
    e.actor_role = *parsed_role;
    return e.kind == core::k_create_kind || core::parse_step(e.kind).has_value();
}

bool read_skip(JsonScan& s, Skip& skip) {
    static constexpr std::string_view keys[] = {"device_seq", "event_id", "reason"};
    return fields(s, keys, all(3), [&](std::size_t i, std::uint32_t) {
        return i == 0   ? integer(s, skip.device_seq, 1)
               : i == 1 ? text(s, skip.event_id, 36)
                        : text(s, skip.reason, 1000);
    });
}

bool read_cursor(JsonScan& s, PullCursor& cursor) {
    static constexpr std::string_view keys[] = {"events", "assets"};
    return fields(s, keys, all(2), [&](std::size_t i, std::uint32_t) {
        return integer(s, i == 0 ? cursor.events : cursor.assets, 0);
    });
}

bool read_asset(JsonScan& s, AssetVersion& asset) {
    static constexpr std::string_view keys[] = {"name", "version", "content"};
    return fields(s, keys, all(3),
                  [&](std::size_t i, std::uint32_t) {
                      return i == 0   ? text(s, asset.name, 128)
                             : i == 1 ? integer(s, asset.version, 1)
                                      : text(s, asset.content, k_default_max_body_bytes);
                  }) &&
           valid_asset_name(asset.name);
}

bool protocol(JsonScan& s) {
    std::int64_t v = 0;
    return s.integer(v) && v == k_protocol_version;
}

} // namespace

std::optional<PullResponse> read_pull_text(std::string_view body) {
    static constexpr std::string_view keys[] = {"protocol", "epoch",  "reset", "cursor",
                                                "more",     "events", "assets"};
    JsonScan s(body);
    PullResponse m;
    const bool ok = fields(s, keys, all(7), [&](std::size_t i, std::uint32_t) {
        switch (i) {
        case 0:
            return protocol(s);
        case 1:
            return text(s, m.epoch, 64);
        case 2:
            return s.boolean(m.reset);
        case 3:
            return read_cursor(s, m.cursor);
        case 4:
            return s.boolean(m.more);
        case 5:
            return list_of(s, k_max_pull_limit,
                           [&] { return read_event(s, m.events.emplace_back()); });
        default:
            return list_of(s, 1000, [&] { return read_asset(s, m.assets.emplace_back()); });
        }
    });
    if (!ok || !s.at_end()) {
        return std::nullopt;
    }
    return m;
}

std::optional<PushRequest> read_push_text(std::string_view body) {
    static constexpr std::string_view keys[] = {"protocol", "device", "events", "skips"};
    JsonScan s(body);
    PushRequest m;
    // skips may be left out.
    const bool ok = fields(s, keys, all(3), [&](std::size_t i, std::uint32_t) {
        switch (i) {
        case 0:
            return protocol(s);
        case 1:
            return text(s, m.device, 16);
        case 2:
            return list_of(s, k_max_batch_events,
                           [&] { return read_event(s, m.events.emplace_back()); });
        default:
            return list_of(s, k_max_batch_events,
                           [&] { return read_skip(s, m.skips.emplace_back()); });
        }
    });
    if (!ok || !s.at_end() || !valid_device_id(m.device)) {
        return std::nullopt;
    }
    return m;
}

} // namespace cf::sync
