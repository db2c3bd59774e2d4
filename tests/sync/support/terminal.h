#pragma once
// A terminal's data directory for sync tests: initialised through the real CLI, tickets filed
// in-process (fast, for thousands), synced through the real CLI.

#include "core/ticket_store.h"
#include "tests/sync/support/center_process.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace cf::test {

class Terminal {
public:
    Terminal(std::filesystem::path dir, const std::string& branch, const std::string& terminal);

    const std::filesystem::path& dir() const { return m_dir; }
    // Files n sample complaints, in transactions of up to 1000; returns their numbers.
    std::vector<std::string> file(int n, core::Millis at = 0);
    // Runs counterfoil-cli --data DIR args...
    ProcessOutput cli(const std::vector<std::string>& args, const std::string& input = {}) const;
    void enroll(CenterProcess& center, const std::string& url = {});
    // `sync --once`; returns the exit code.
    int sync_once(const std::vector<std::string>& extra = {}) const;
    nlohmann::json status() const; // `sync status --json`
    nlohmann::json show(const std::string& number) const;
    // This device's own events, and the last device_seq written.
    std::int64_t last_seq() const;
    std::int64_t event_count() const;

private:
    std::filesystem::path m_dir;
};

// `counterfoil-center export --json`
nlohmann::json center_export(const std::filesystem::path& center_dir);

// Every event id at the center must be unique, and each device's events must be exactly
// 1..acked_seq (minus skips); checks with doctest and returns the number of events.
std::int64_t check_exactly_once(const nlohmann::json& exported);

} // namespace cf::test
