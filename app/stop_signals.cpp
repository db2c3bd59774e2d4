#include "app/stop_signals.h"

#include <pthread.h>
#include <signal.h>

#include <ctime>

namespace cf::app {

namespace {

sigset_t stop_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

} // namespace

StopSignals::StopSignals(std::function<void()> on_stop) : m_on_stop(std::move(on_stop)) {
    const sigset_t set = stop_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_watcher = std::thread([this] {
        const sigset_t signals = stop_set();
        // sigtimedwait with a short timeout, so the destructor can end the watcher without
        // sending the process a signal.
        const timespec tick{0, 200'000'000};
        while (!m_done.load()) {
            if (sigtimedwait(&signals, nullptr, &tick) > 0) {
                m_stop.store(true);
                if (m_on_stop) {
                    m_on_stop();
                }
            }
        }
    });
}

StopSignals::~StopSignals() {
    m_done.store(true);
    m_watcher.join();
    const sigset_t set = stop_set();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace cf::app
