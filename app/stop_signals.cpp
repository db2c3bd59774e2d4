#include "app/stop_signals.h"

#include <pthread.h>
#include <signal.h>

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
        // Sleeps in sigwait: no wake-ups while the kiosk idles. The destructor ends it by
        // sending this thread a SIGTERM after setting m_done.
        int sig = 0;
        while (sigwait(&signals, &sig) == 0 && !m_done.load()) {
            m_stop.store(true);
            if (m_on_stop) {
                m_on_stop();
            }
        }
    });
}

StopSignals::~StopSignals() {
    m_done.store(true);
    pthread_kill(m_watcher.native_handle(), SIGTERM);
    m_watcher.join();
    const sigset_t set = stop_set();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace cf::app
