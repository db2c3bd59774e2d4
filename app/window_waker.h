#pragma once
// Wakes the window's event loop from other threads (fonts built, an answer from the center,
// SIGTERM), while the window exists: threads start before the window opens and may outlive it.

#include "platform/platform.h"

#include <functional>
#include <mutex>

namespace cf::app {

class WindowWaker {
public:
    // Thread-safe; does nothing while no window is attached.
    void wake() const {
        const std::lock_guard lock(m_mutex);
        if (m_window != nullptr) {
            m_window->wake();
        }
    }
    std::function<void()> callback() const {
        return [this] {
            wake();
        };
    }

    // Wakes `window` until the guard goes, which must be before the window does.
    class Attached {
    public:
        Attached(WindowWaker& waker, platform::Platform& window) : m_waker(waker) {
            m_waker.set(&window);
        }
        ~Attached() { m_waker.set(nullptr); }
        Attached(const Attached&) = delete;
        Attached& operator=(const Attached&) = delete;

    private:
        WindowWaker& m_waker;
    };

private:
    void set(platform::Platform* window) {
        const std::lock_guard lock(m_mutex);
        m_window = window;
    }

    mutable std::mutex m_mutex;
    platform::Platform* m_window = nullptr;
};

} // namespace cf::app
