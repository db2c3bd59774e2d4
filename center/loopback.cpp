#include "center/loopback.h"

#include <arpa/inet.h>
#include <netinet/in.h>

namespace cf::center {

namespace {

std::string_view without_brackets(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        return host.substr(1, host.size() - 2);
    }
    return host;
}

bool is_ip_address(const std::string& text) {
    in_addr v4{};
    in6_addr v6{};
    return inet_pton(AF_INET, text.c_str(), &v4) == 1 ||
           inet_pton(AF_INET6, text.c_str(), &v6) == 1;
}

} // namespace

bool is_loopback(std::string_view host) {
    const std::string text(without_brackets(host));
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        if (IN6_IS_ADDR_LOOPBACK(&v6)) {
            return true;
        }
        return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
    }
    return false;
}

std::string client_address(std::string_view peer, std::string_view real_ip) {
    const std::string claimed(real_ip);
    if (is_loopback(peer) && is_ip_address(claimed)) {
        return claimed;
    }
    return std::string(peer);
}

} // namespace cf::center
