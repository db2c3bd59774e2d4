#include "sync/sync_config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace cf::sync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

} // namespace

core::Result<void> write_file_atomically(const fs::path& path, std::string_view content,
                                         unsigned mode) {
    const fs::path tmp = path.string() + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    auto failed = [&](const char* what) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0) {
            ::close(fd);
        }
        ::unlink(tmp.c_str());
        return core::fail(core::ErrorCode::storage,
                          std::string("cannot ") + what + " " + path.string() + ": " + reason);
    };
    if (fd < 0) {
        return failed("create");
    }
    ::fchmod(fd, mode); // the umask may have narrowed or the file existed with other bits
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return failed("write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        return failed("flush");
    }
    ::close(fd);
    fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        return failed("replace");
    }
    int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

core::Result<void> save_enrolment(const fs::path& dir, const SyncConfig& c,
                                  const std::string& token) {
    // The token first: a config without its token is "not enrolled", never a broken state.
    if (auto r = write_file_atomically(dir / k_token_file, token + "\n", 0600); !r) {
        return r;
    }
    const json j = {{"center", c.center_url},
                    {"device", c.device},
                    {"branch", c.branch},
                    {"ca_file", c.tls.ca_file},
                    {"pinned_public_key", c.tls.pinned_public_key}};
    return write_file_atomically(dir / k_config_file, j.dump(2) + "\n", 0600);
}

core::Result<SyncConfig> load_config(const fs::path& dir) {
    std::ifstream in(dir / k_config_file);
    if (!in) {
        return core::fail(core::ErrorCode::not_found,
                          "this terminal is not enrolled with a center: run 'counterfoil-cli "
                          "--data " +
                              dir.string() + " enroll --center URL --code CODE'");
    }
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.value("center", json()).is_string() ||
        !j.value("device", json()).is_string()) {
        return core::fail(core::ErrorCode::corrupt,
                          (dir / k_config_file).string() + " is damaged; enrol the terminal again");
    }
    SyncConfig c;
    c.center_url = j.value("center", "");
    c.device = j.value("device", "");
    c.branch = j.value("branch", "");
    c.tls.ca_file = j.value("ca_file", "");
    c.tls.pinned_public_key = j.value("pinned_public_key", "");
    return c;
}

core::Result<std::string> load_token(const fs::path& dir) {
    const fs::path file = dir / k_token_file;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        return core::fail(core::ErrorCode::not_found,
                          "no device token in " + dir.string() + ": enrol the terminal");
    }
    if ((st.st_mode & 077) != 0) {
        return core::fail(core::ErrorCode::key, file.string() +
                                                    " may be read by other users; run 'chmod "
                                                    "600 " +
                                                    file.string() + "' (or enrol again)");
    }
    std::ifstream in(file);
    std::string token;
    std::getline(in, token);
    if (token.empty()) {
        return core::fail(core::ErrorCode::corrupt, file.string() + " is empty; enrol again");
    }
    return token;
}

} // namespace cf::sync
