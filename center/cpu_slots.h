#pragma once
// How many of the center's request threads do CPU work on a push at once (reading its body,
// staging its tickets): one fewer than the machine's cores. The thread storing a group commit
// holds the storage lock that every push waits for; with 32 request threads all runnable it
// got a thirty-second of the CPU, and every push waited longer. Waiting for a slot costs a
// push nothing it would not wait anyway.
//
// Password checks (Argon2id, 64 MiB and a tenth of a second each) have slots of their own:
// 34 sign-ins at once once ran 32 checks together, took 2 GB and starved /healthz for 5 s.

#include <chrono>
#include <semaphore>

namespace cf::center {

class CpuSlots {
public:
    // The process's slots: max(1, cores - 1).
    static CpuSlots& for_pushes();
    // The process's slots for Argon2: max(1, cores - 1), and no more than a quarter of the
    // memory holds (64 MiB each).
    static CpuSlots& for_passwords();

    // The number of slots.
    int size() const { return m_size; }

    // Holds one slot for its lifetime.
    class Slot {
    public:
        explicit Slot(CpuSlots& slots) : m_slots(slots) { m_slots.m_free.acquire(); }
        ~Slot() { m_slots.m_free.release(); }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        CpuSlots& m_slots;
    };

    // Holds one slot for its lifetime if one came free within the wait; held() says.
    class TrySlot {
    public:
        TrySlot(CpuSlots& slots, std::chrono::milliseconds wait)
            : m_slots(slots), m_held(slots.m_free.try_acquire_for(wait)) {}
        ~TrySlot() {
            if (m_held) {
                m_slots.m_free.release();
            }
        }
        TrySlot(const TrySlot&) = delete;
        TrySlot& operator=(const TrySlot&) = delete;
        bool held() const { return m_held; }

    private:
        CpuSlots& m_slots;
        bool m_held;
    };

private:
    explicit CpuSlots(int slots) : m_free(slots), m_size(slots) {}

    std::counting_semaphore<256> m_free;
    int m_size;
};

} // namespace cf::center
