#pragma once
// Pinyin input through librime, for the kiosk's on-screen keyboard.
//
// librime is process-global, so there is at most one InputEngine per process: open() sets
// librime up, deploys its data into the app's data directory and checks that both schemas
// work; the destructor shuts librime down again (a later open() may start it anew).
//
// Deployment reuses Debian's prebuilt dictionaries (/usr/share/rime-data/build): only the two
// schemas we offer are compiled, with patches that switch off learning, so the first start
// takes a fraction of a second; later starts only compare file times. Customers' words never
// persist: no user dictionary, no usage-frequency learning, no sync directory, and librime
// logs nothing (it has no FATAL messages, and everything below FATAL is switched off).
//
// Threads: the UI thread alone creates the engine and uses it and its sessions. librime's
// maintenance thread runs only inside open(), which waits for it. Debug builds assert this.

#include "ime/error.h"
#include "ime/pinyin_session.h"
#include "ime/script.h"

#include <filesystem>
#include <memory>
#include <thread>

namespace cf::ime {

struct EngineOptions {
    // Where librime keeps its deployed data (e.g. DATA/rime); created when missing.
    std::filesystem::path data_dir = {};
    // Debian's rime data; tests point it elsewhere to see the errors.
    std::filesystem::path shared_data_dir = "/usr/share/rime-data";
    // Compiled dictionaries to reuse; empty means shared_data_dir/build.
    std::filesystem::path prebuilt_data_dir = {};
};

class InputEngine {
public:
    // Starts librime on options.data_dir and makes sure both schemas load with learning off.
    // Fails with data_missing (a schema or dictionary is not installed), not_writable
    // (data_dir cannot be written), deploy_failed (librime could not prepare the schemas) or
    // already_open (another engine is alive in this process).
    static Result<std::unique_ptr<InputEngine>> open(const EngineOptions& options);

    InputEngine(const InputEngine&) = delete;
    InputEngine& operator=(const InputEngine&) = delete;
    // Shuts librime down; every session must be gone by then.
    ~InputEngine();

    // A new composition producing script, showing page_size candidates per page (at least 1).
    // Fails with session_failed when librime cannot create a session or load the schema.
    Result<PinyinSession> start_session(Script script, int page_size = 8);

    // True when open() compiled the schemas (a first start, or the rime data changed); false
    // when the data directory was already up to date.
    bool deployed() const { return m_deployed; }
    const std::filesystem::path& data_dir() const { return m_data_dir; }

private:
    friend class PinyinSession;
    InputEngine(std::filesystem::path data_dir, bool deployed);
    // open() once it holds the process's one librime service.
    static Result<std::unique_ptr<InputEngine>> start(const EngineOptions& options);
    bool on_owner_thread() const { return std::this_thread::get_id() == m_thread; }

    std::filesystem::path m_data_dir;
    bool m_deployed;
    int m_live_sessions = 0;
    std::thread::id m_thread = std::this_thread::get_id();
};

} // namespace cf::ime
