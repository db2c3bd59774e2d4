#pragma once
// Small helpers shared by the benchmarks: timing, percentiles, a scratch directory, and what
// the machine was (CPU model, GL renderer) for the record.

#include <dlfcn.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cf::bench {

inline double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// The p-th percentile (0..100) of samples, nearest rank.
inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(rank, samples.size() - 1)];
}

// A fresh directory under `parent`, removed when the benchmark ends.
struct ScratchDir {
    std::filesystem::path path;
    explicit ScratchDir(const std::filesystem::path& parent) {
        std::string pattern = (parent / "counterfoil-bench-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::perror("mkdtemp");
            std::exit(1);
        }
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// "--name value" from argv, or the fallback.
inline std::string arg(int argc, char** argv, const std::string& name,
                       const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == name) {
            return argv[i + 1];
        }
    }
    return fallback;
}

// CPU time of `clock` (CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID) in milliseconds.
inline double cpu_ms(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// "AMD EPYC ..." from /proc/cpuinfo.
inline std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("model name")) {
            return line.substr(line.find(':') + 2);
        }
    }
    return "unknown CPU";
}

// GL_RENDERER of the current context, for the record. GL headers belong to platform/ alone;
// libGL is loaded by it anyway, so the one call goes through the dynamic linker.
inline std::string gl_renderer() {
    using GetString = const unsigned char* (*)(unsigned);
    auto get = reinterpret_cast<GetString>(dlsym(RTLD_DEFAULT, "glGetString"));
    const unsigned k_gl_renderer = 0x1F01;
    const unsigned char* name = get != nullptr ? get(k_gl_renderer) : nullptr;
    return name != nullptr ? reinterpret_cast<const char*>(name) : "unknown";
}

} // namespace cf::bench
