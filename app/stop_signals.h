#pragma once
// SIGTERM and SIGINT end the app cleanly (a service manager stopping the kiosk, Ctrl-C in
// development): a watcher thread sleeps in sigwait and asks the loop to close, so the
// store is closed and librime shut down as on a normal exit. Window close requests are not
// signals: in kiosk mode they lead to the staff sign-in instead.

#include <atomic>
#include <functional>
#include <thread>

namespace cf::app {

class StopSignals {
public:
    // Blocks SIGTERM and SIGINT in this thread and every thread started after it (call before
    // starting any), and starts the watcher. on_stop runs on the watcher thread.
    explicit StopSignals(std::function<void()> on_stop);
    // Stops the watcher and unblocks the signals.
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    bool stop_requested() const { return m_stop.load(); }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_done{false};
    std::function<void()> m_on_stop;
    std::thread m_watcher;
};

} // namespace cf::app
