#pragma once
// The terminal's HTTP(S) connection to the center over libcurl: JSON bodies sent gzip'd and
// answers asked gzip'd, except to a loopback address (a center on the same machine), where
// compressing only costs CPU on both sides; certificates verified, and optionally the
// server's public key pinned. One HttpClient per thread; it keeps its connection open between
// requests.

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <expected>
#include <memory>
#include <string>

namespace cf::sync {

struct TlsOptions {
    std::string ca_file;           // PEM bundle to trust instead of the system's; empty: system
    std::string pinned_public_key; // "sha256//BASE64" (or several joined by ';'); empty: none
};

struct HttpOptions {
    std::string base_url; // "https://center.example:8443"
    TlsOptions tls;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds request_timeout{60000};
};

// A failure before any HTTP answer arrived.
struct TransportError {
    enum class Kind {
        unreachable, // no connection, name not resolved, timed out, connection cut
        tls,         // the certificate or pinned key did not verify
        cancelled,   // stop() was asked while the request ran
        other,       // anything else curl reports
    } kind = Kind::other;
    std::string message;
};

struct HttpReply {
    int status = 0;
    std::string body; // decoded
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // The request is aborted when *cancel becomes true (checked several times a second).
    void set_cancel_flag(const std::atomic<bool>* cancel) { m_cancel = cancel; }

    // POSTs body (gzip'd) to base_url + path with a bearer token when one is given. Fails with
    // TransportError; any HTTP status, 4xx and 5xx included, is a reply.
    std::expected<HttpReply, TransportError>
    post(const std::string& path, const nlohmann::json& body, const std::string& token);
    // The same with a body already serialised as JSON text.
    std::expected<HttpReply, TransportError>
    post_text(const std::string& path, const std::string& text, const std::string& token);
    std::expected<HttpReply, TransportError> get(const std::string& path, const std::string& token);

private:
    std::expected<HttpReply, TransportError>
    perform(const std::string& path, const std::string* body, const std::string& token);

    HttpOptions m_options;
    bool m_compress = true; // false for a center on a loopback address
    void* m_curl = nullptr; // CURL*, kept out of the header so only this file includes curl
    const std::atomic<bool>* m_cancel = nullptr;
};

// gzip (RFC 1952) of text, for request bodies.
std::string gzip_compress(std::string_view text);

// True when url ("http://127.0.0.1:8080") names this machine: 127.0.0.0/8, ::1 or localhost.
bool is_loopback_url(std::string_view url);

} // namespace cf::sync
