#pragma once
// The center listens on loopback only; nginx in front of it is the network-facing listener
// (docs/SECURITY.md, "The network edge"). These decide which addresses count as loopback and
// whose address a request comes from.

#include <string>
#include <string_view>

namespace cf::center {

// Whether host is a numeric loopback address: 127.0.0.0/8, ::1 (with or without brackets), or
// ::ffff:127.x.y.z. Names (localhost) are not taken: what they resolve to is not ours to check.
bool is_loopback(std::string_view host);

// The client's address for per-address limits: the X-Real-IP header's when the TCP peer is on
// loopback (the nginx front, which sets the header itself) and the header is one IP address;
// otherwise the peer's own.
std::string client_address(std::string_view peer, std::string_view real_ip);

} // namespace cf::center
