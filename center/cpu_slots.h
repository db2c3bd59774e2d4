#pragma once
// How many of the center's request threads do CPU work on a push at once (reading its body,
// staging its tickets): one fewer than the machine's cores. The thread storing a group commit
// holds the storage lock that every push waits for; with 32 request threads all runnable it
// got a thirty-second of the CPU, and every push waited longer. Waiting for a slot costs a
// push nothing it would not wait anyway.

#include <semaphore>

namespace cf::center {

class CpuSlots {
public:
    // The process's slots: max(1, cores - 1).
    static CpuSlots& for_pushes();

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

private:
    explicit CpuSlots(int slots) : m_free(slots) {}

    std::counting_semaphore<256> m_free;
};

} // namespace cf::center
