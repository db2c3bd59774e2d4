#include "center/cpu_slots.h"

#include <algorithm>
#include <thread>

namespace cf::center {

CpuSlots& CpuSlots::for_pushes() {
    static CpuSlots slots(
        std::clamp(static_cast<int>(std::thread::hardware_concurrency()) - 1, 1, 256));
    return slots;
}

} // namespace cf::center
