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

// Reads an object's members: read(key) takes each value. Keys must be plain strings.
template <class F> bool members(JsonScan& s, F&& read) {
    if (!s.take('{')) {
        return false;
    }
    if (s.take('}')) {
        return true;
    }
    do {
        std::string_view key;
        if (!s.plain_string(key) || !s.take(':') || !read(key)) {
            return false;
        }
    } while (s.take(','));
    return s.take('}');
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

// Marks bit i of seen; false when it was marked already (a key twice).
bool first_time(std::uint32_t& seen, int i) {
    const std::uint32_t bit = std::uint32_t{1} << i;
    if ((seen & bit) != 0) {
        return false;
    }
    seen |= bit;
    return true;
}

// A text field of the message: not empty, at most max_bytes after unescaping.
bool text(JsonScan& s, std::string& out, std::size_t max_bytes) {
    return s.string(out) && !out.empty() && out.size() <= max_bytes;
}

bool integer(JsonScan& s, std::int64_t& out, std::int64_t min) {
    return s.integer(out) && out >= min;
}

struct CustomerField {
    std::string_view name;
    std::string core::Customer::*member;
};
constexpr CustomerField k_customer_fields[] = {
    {"name", &core::Customer::name},         {"phone", &core::Customer::phone},
    {"email", &core::Customer::email},       {"customer_no", &core::Customer::customer_no},
    {"order_no", &core::Customer::order_no},
};

// {"customer_no": "...", ...}: optional texts of at most 256 bytes, as check_create_payload
// wants them.
bool read_customer(JsonScan& s, core::Customer& c) {
    std::uint32_t seen = 0;
    return members(s, [&](std::string_view key) {
        for (std::size_t i = 0; i < std::size(k_customer_fields); ++i) {
            if (key == k_customer_fields[i].name) {
                std::string& value = c.*(k_customer_fields[i].member);
                return first_time(seen, static_cast<int>(i)) && s.string(value) &&
                       value.size() <= k_max_customer_bytes;
            }
        }
        return false;
    });
}

// {"ticket": {...}, "customer": {...}}, both there, nothing else.
bool read_create(JsonScan& s, ReadCreate& out) {
    std::uint32_t seen = 0;
    core::Customer customer;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "ticket" && first_time(seen, 0)) {
            s.peek();
            const std::size_t start = s.offset();
            if (!core::read_ticket_text(s, out.ticket)) {
                return false;
            }
            out.ticket_text = s.text().substr(start, s.offset() - start);
            return true;
        }
        return key == "customer" && first_time(seen, 1) && read_customer(s, customer);
    });
    if (!ok || seen != 0x3) {
        return false;
    }
    out.ticket.customer = std::move(customer);
    return true;
}

bool read_event(JsonScan& s, WireEvent& e) {
    std::uint32_t seen = 0;
    std::string role;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "id") {
            return first_time(seen, 0) && text(s, e.id, 36);
        }
        if (key == "ticket_id") {
            return first_time(seen, 1) && text(s, e.ticket_id, 36);
        }
        if (key == "origin_device") {
            return first_time(seen, 2) && text(s, e.origin_device, 16);
        }
        if (key == "device_seq") {
            return first_time(seen, 3) && integer(s, e.device_seq, 1);
        }
        if (key == "hlc") {
            std::int64_t hlc = 0;
            if (!first_time(seen, 4) || !integer(s, hlc, 0)) {
                return false;
            }
            e.hlc = static_cast<core::Hlc>(hlc);
            return true;
        }
        if (key == "actor") {
            return first_time(seen, 5) && text(s, e.actor, 100);
        }
        if (key == "actor_role") {
            return first_time(seen, 6) && text(s, role, 32);
        }
        if (key == "kind") {
            return first_time(seen, 7) && text(s, e.kind, 32);
        }
        if (key == "payload") {
            // The kind decides how the payload is read: this path wants it first (as every
            // writer of ours puts it).
            if (!first_time(seen, 8) || (seen & (1u << 7)) == 0) {
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
        }
        return false;
    });
    if (!ok || seen != 0x1FF) {
        return false;
    }
    const auto parsed_role = core::parse_role(role);
    if (!core::valid_uuid(e.id) || !core::valid_uuid(e.ticket_id) ||
        !valid_device_id(e.origin_device) || !parsed_role) {
        return false;
    }
    e.actor_role = *parsed_role;
    return e.kind == core::k_create_kind || core::parse_step(e.kind).has_value();
}

bool read_skip(JsonScan& s, Skip& skip) {
    std::uint32_t seen = 0;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "device_seq") {
            return first_time(seen, 0) && integer(s, skip.device_seq, 1);
        }
        if (key == "event_id") {
            return first_time(seen, 1) && text(s, skip.event_id, 36);
        }
        if (key == "reason") {
            return first_time(seen, 2) && text(s, skip.reason, 1000);
        }
        return false;
    });
    return ok && seen == 0x7;
}

bool read_cursor(JsonScan& s, PullCursor& cursor) {
    std::uint32_t seen = 0;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "events") {
            return first_time(seen, 0) && integer(s, cursor.events, 0);
        }
        if (key == "assets") {
            return first_time(seen, 1) && integer(s, cursor.assets, 0);
        }
        return false;
    });
    return ok && seen == 0x3;
}

bool read_asset(JsonScan& s, AssetVersion& asset) {
    std::uint32_t seen = 0;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "name") {
            return first_time(seen, 0) && text(s, asset.name, 128);
        }
        if (key == "version") {
            return first_time(seen, 1) && integer(s, asset.version, 1);
        }
        if (key == "content") {
            return first_time(seen, 2) && text(s, asset.content, k_default_max_body_bytes);
        }
        return false;
    });
    return ok && seen == 0x7 && valid_asset_name(asset.name);
}

} // namespace

std::optional<PullResponse> read_pull_text(std::string_view body) {
    JsonScan s(body);
    PullResponse m;
    std::uint32_t seen = 0;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "protocol") {
            std::int64_t v = 0;
            return first_time(seen, 0) && s.integer(v) && v == k_protocol_version;
        }
        if (key == "epoch") {
            return first_time(seen, 1) && text(s, m.epoch, 64);
        }
        if (key == "reset") {
            return first_time(seen, 2) && s.boolean(m.reset);
        }
        if (key == "cursor") {
            return first_time(seen, 3) && read_cursor(s, m.cursor);
        }
        if (key == "more") {
            return first_time(seen, 4) && s.boolean(m.more);
        }
        if (key == "events") {
            return first_time(seen, 5) && list_of(s, k_max_pull_limit, [&] {
                       return read_event(s, m.events.emplace_back());
                   });
        }
        if (key == "assets") {
            return first_time(seen, 6) &&
                   list_of(s, 1000, [&] { return read_asset(s, m.assets.emplace_back()); });
        }
        return false;
    });
    if (!ok || !s.at_end() || seen != 0x7F) {
        return std::nullopt;
    }
    return m;
}

std::optional<PushRequest> read_push_text(std::string_view body) {
    JsonScan s(body);
    PushRequest m;
    std::uint32_t seen = 0;
    const bool ok = members(s, [&](std::string_view key) {
        if (key == "protocol") {
            std::int64_t v = 0;
            return first_time(seen, 0) && s.integer(v) && v == k_protocol_version;
        }
        if (key == "device") {
            return first_time(seen, 1) && text(s, m.device, 16);
        }
        if (key == "events") {
            return first_time(seen, 2) && list_of(s, k_max_batch_events, [&] {
                       return read_event(s, m.events.emplace_back());
                   });
        }
        if (key == "skips") {
            return first_time(seen, 3) && list_of(s, k_max_batch_events, [&] {
                       return read_skip(s, m.skips.emplace_back());
                   });
        }
        return false;
    });
    if (!ok || !s.at_end() || (seen & 0x7) != 0x7 || !valid_device_id(m.device)) {
        return std::nullopt;
    }
    return m;
}

} // namespace cf::sync
