#include "center/cpu_slots.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

namespace cf::center {
namespace {

int cores_but_one() {
    return std::clamp(static_cast<int>(std::thread::hardware_concurrency()) - 1, 1, 256);
}

} // namespace

CpuSlots& CpuSlots::for_pushes() {
    static CpuSlots slots(cores_but_one());
    return slots;
}

CpuSlots& CpuSlots::for_passwords() {
    static CpuSlots slots([] {
        const long pages = ::sysconf(_SC_PHYS_PAGES);
        const long page = ::sysconf(_SC_PAGESIZE);
        constexpr long long k_per_check = 64LL * 1024 * 1024;
        const long long by_memory =
            pages > 0 && page > 0 ? static_cast<long long>(pages) * page / 4 / k_per_check : 1;
        return std::clamp(static_cast<int>(std::min<long long>(cores_but_one(), by_memory)), 1,
                          256);
    }());
    return slots;
}

} // namespace cf::center
