#pragma once
// A regional center on loopback with sample data, for the console's screenshot tour and for
// trying the console without a real center: `counterfoil-center` (found next to this program,
// or $COUNTERFOIL_CENTER) is run to make a fresh data directory, fill it with sample tickets
// and the demo staff accounts (R01, D01, H01, H02, A01, M01) under a password made for this
// run, and serve it on a free port until the SampleCenter is destroyed.

#include "core/error.h"

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>

namespace cf::app {

struct SampleCenterOptions {
    std::filesystem::path dir; // made afresh (an existing one is removed)
    int tickets = 3000;
    int branches = 40;
    int seed = 7;
};

class SampleCenter {
public:
    // Fails with invalid_input when counterfoil-center cannot be found, storage when a step of
    // it fails (its stderr is in the message) or it does not start serving within 30 s.
    static core::Result<std::unique_ptr<SampleCenter>> start(const SampleCenterOptions& options);
    ~SampleCenter() { stop(); }
    // SIGTERM, and waits for the center to finish (the tour's "center unreachable" screens).
    void stop();
    SampleCenter(const SampleCenter&) = delete;
    SampleCenter& operator=(const SampleCenter&) = delete;

    const std::string& url() const { return m_url; }
    // The demo staff accounts' password, random for each run.
    const std::string& password() const { return m_password; }

private:
    SampleCenter() = default;

    pid_t m_pid = -1;
    std::string m_url;
    std::string m_password;
};

// counterfoil-center next to the running program (build tree or install), or $COUNTERFOIL_CENTER.
std::filesystem::path find_center_binary();

} // namespace cf::app
