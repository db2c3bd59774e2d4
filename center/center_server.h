#pragma once
// The center's HTTP API (docs/SYNC_PROTOCOL.md) over cpp-httplib, on loopback behind nginx
// (docs/SECURITY.md, "The network edge"): a thread pool, a limit on
// request bodies (also after gzip is undone), JSON errors for every bad request, structured
// logs without personal data, and a stop that lets requests in flight finish.

#include "center/center_storage.h"
#include "center/json_log.h"
#include "core/clock.h"
#include "core/error.h"

#include <cstddef>
#include <memory>
#include <string>

namespace cf::center {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080; // 0: any free port (bind() returns it)
    int threads = 8;
    std::size_t max_body_bytes = sync::k_default_max_body_bytes;
    core::Millis session_ttl = k_session_ttl; // a console session's lifetime
};

class CenterServer {
public:
    CenterServer(CenterStorage& storage, const core::Clock& clock, JsonLog& log,
                 ServeOptions options);
    ~CenterServer();
    CenterServer(const CenterServer&) = delete;
    CenterServer& operator=(const CenterServer&) = delete;

    // Binds the listening socket and returns its port. Fails with invalid_input when the host
    // is not a loopback address, storage when the address cannot be bound.
    core::Result<int> bind();
    // Serves until stop(); returns after the requests in flight have been answered.
    void run();
    // Thread-safe; may be called from a signal-watching thread.
    void stop();
    // Whether run() is accepting connections (thread-safe).
    bool running() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cf::center
