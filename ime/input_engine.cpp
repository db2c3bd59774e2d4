#include "ime/input_engine.h"

#include "ime/rime_files.h"

#include <rime_api.h>

#include <atomic>
#include <cassert>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>

namespace cf::ime {

namespace fs = std::filesystem;

namespace {

// glog's name for the process, and librime's ("rime." lets it tidy its own old logs).
constexpr const char* k_app_name = "rime.counterfoil";
// glog's FATAL. librime 1.8 never logs at FATAL (the library references no fatal log
// message), so nothing it logs, typed text included, reaches a file or stderr.
constexpr int k_log_level_fatal = 3;

// Only librime's own modules: Debian also installs lua, octagram and charcode plugins, which
// our schemas do not use and which librime's default list ("default", "plugins") would load.
const char* k_modules[] = {"default", nullptr};

// librime allows one live service per process; open() claims it and ~InputEngine frees it.
std::atomic<bool> g_engine_open{false};
// RimeSetup initialises glog, which aborts when initialised twice.
std::once_flag g_setup_once;

RimeApi* api() {
    return rime_get_api();
}

// What librime's maintenance thread reported about the deployment.
struct DeployWatch {
    std::atomic<bool> started{false};
    std::atomic<bool> failed{false};
};

void on_notification(void* context, RimeSessionId, const char* type, const char* value) {
    auto* watch = static_cast<DeployWatch*>(context);
    if (watch == nullptr || type == nullptr || value == nullptr ||
        std::strcmp(type, "deploy") != 0) {
        return;
    }
    if (std::strcmp(value, "start") == 0) {
        watch->started = true;
    } else if (std::strcmp(value, "failure") == 0) {
        watch->failed = true;
    }
}

// Runs librime's maintenance and waits for it. A quick check only compares file times with
// the last build and does nothing when they are older; a full check rebuilds every listed
// schema (still reusing up-to-date dictionaries).
void run_maintenance(bool full_check, DeployWatch& watch) {
    api()->set_notification_handler(on_notification, &watch);
    api()->start_maintenance(full_check ? True : False);
    api()->join_maintenance_thread();
    api()->set_notification_handler(nullptr, nullptr);
}

// Checks that one schema loads, has learning off and finds candidates. The deployed schema
// must carry our patch: librime falls back to Debian's prebuilt copy, which learns, when its
// own deployment is missing. Returns what is wrong, or nothing.
std::optional<std::string> probe(const SchemaInfo& schema) {
    RimeConfig config{};
    if (!api()->schema_open(schema.schema_id, &config)) {
        return std::string("schema ") + schema.schema_id + " does not load";
    }
    Bool user_dict = True;
    bool known = api()->config_get_bool(&config, "translator/enable_user_dict", &user_dict);
    api()->config_close(&config);
    if (!known || user_dict) {
        return std::string("schema ") + schema.schema_id +
               " was deployed without the patch that switches learning off";
    }
    RimeSessionId id = api()->create_session();
    if (id == 0) {
        return std::string("librime cannot create a session");
    }
    std::optional<std::string> problem;
    char current[64] = {};
    if (!api()->select_schema(id, schema.schema_id) ||
        !api()->get_current_schema(id, current, sizeof current) ||
        std::strcmp(current, schema.schema_id) != 0) {
        problem = std::string("schema ") + schema.schema_id + " cannot be selected";
    } else {
        // One letter makes librime load the dictionary, so that a missing or broken one shows
        // here and not at a customer's first key.
        api()->process_key(id, 'a', 0);
        RimeCandidateListIterator it{};
        bool found = api()->candidate_list_begin(id, &it) && api()->candidate_list_next(&it);
        api()->candidate_list_end(&it);
        if (!found) {
            problem = std::string("dictionary ") + schema.dictionary + " gives no candidates";
        }
        api()->clear_composition(id);
    }
    api()->destroy_session(id);
    return problem;
}

std::optional<std::string> probe_all() {
    for (const auto& s : schemas()) {
        if (auto problem = probe(s)) {
            return problem;
        }
    }
    return std::nullopt;
}

} // namespace

Result<std::unique_ptr<InputEngine>> InputEngine::open(const EngineOptions& options) {
    if (g_engine_open.exchange(true)) {
        return fail(ErrorCode::already_open,
                    "Chinese input is already running in this process; close the other "
                    "InputEngine first.");
    }
    auto engine = start(options);
    if (!engine) {
        g_engine_open = false;
    }
    return engine;
}

Result<std::unique_ptr<InputEngine>> InputEngine::start(const EngineOptions& options) {
    if (options.data_dir.empty()) {
        return fail(ErrorCode::not_writable, "No data folder was given for Chinese input.");
    }
    std::error_code ec;
    // librime keeps the paths and the process may change directory later.
    fs::path data_dir = fs::absolute(options.data_dir, ec);
    fs::path shared_dir = fs::absolute(options.shared_data_dir, ec);
    fs::path prebuilt_dir = options.prebuilt_data_dir.empty()
                                ? shared_dir / "build"
                                : fs::absolute(options.prebuilt_data_dir, ec);
    if (auto r = check_shared_data(shared_dir, prebuilt_dir); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = write_patches(data_dir); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = remove_learned_data(data_dir); !r) {
        return std::unexpected(r.error());
    }

    std::string shared = shared_dir.string();
    std::string prebuilt = prebuilt_dir.string();
    std::string user = data_dir.string();
    std::string staging = (data_dir / "build").string();
    RIME_STRUCT(RimeTraits, traits);
    traits.shared_data_dir = shared.c_str();
    traits.prebuilt_data_dir = prebuilt.c_str();
    traits.user_data_dir = user.c_str();
    traits.staging_dir = staging.c_str();
    traits.distribution_name = "Counterfoil";
    traits.distribution_code_name = "counterfoil";
    traits.distribution_version = "1";
    traits.app_name = k_app_name;
    traits.min_log_level = k_log_level_fatal;
    traits.log_dir = "";
    traits.modules = k_modules;
    std::call_once(g_setup_once, [&] { api()->setup(&traits); });
    api()->initialize(&traits);

    DeployWatch quick;
    run_maintenance(false, quick);
    bool deployed = quick.started;
    auto problem = probe_all();
    if (problem) {
        // The quick check trusts file times; a deployment cut short, or a clock that went
        // backwards, can leave stale output behind. Rebuild once before giving up.
        DeployWatch full;
        run_maintenance(true, full);
        deployed = true;
        problem = probe_all();
        if (problem && full.failed) {
            *problem += " (librime reported a failed deployment)";
        }
    }
    if (problem) {
        api()->finalize();
        return fail(ErrorCode::deploy_failed, "Chinese input could not be prepared in " + user +
                                                  ": " + *problem +
                                                  ". Reinstall the rime-data packages or "
                                                  "delete that folder and restart.");
    }
    return std::unique_ptr<InputEngine>(new InputEngine(data_dir, deployed));
}

InputEngine::InputEngine(fs::path data_dir, bool deployed)
    : m_data_dir(std::move(data_dir)), m_deployed(deployed) {}

InputEngine::~InputEngine() {
    assert(on_owner_thread());
    // A session outliving its engine would later destroy a librime session id that a new
    // engine may have handed out again.
    assert(m_live_sessions == 0);
    api()->finalize();
    g_engine_open = false;
}

Result<PinyinSession> InputEngine::start_session(Script script, int page_size) {
    assert(on_owner_thread());
    assert(page_size >= 1);
    RimeSessionId id = api()->create_session();
    if (id == 0) {
        return fail(ErrorCode::session_failed, "librime could not create an input session.");
    }
    PinyinSession session(*this, id, script, page_size);
    if (auto r = session.set_script(script); !r) {
        return std::unexpected(r.error());
    }
    return session;
}

} // namespace cf::ime
