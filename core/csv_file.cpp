#include "core/csv_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace cf::core {
namespace {

namespace fs = std::filesystem;

bool needs_quotes(std::string_view text) {
    return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::unexpected<Error> os_failure(std::string_view doing, const fs::path& path, int err) {
    ErrorCode code = ErrorCode::storage;
    if (err == ENOSPC || err == EDQUOT) {
        code = ErrorCode::disk_full;
    } else if (err == EACCES || err == EPERM || err == EROFS) {
        code = ErrorCode::read_only;
    }
    return fail(code,
                "cannot " + std::string(doing) + " " + path.string() + ": " + std::strerror(err));
}

// A name in the target's directory that no other writer uses: the target's name, the
// process id and a per-process counter. O_EXCL catches anything left from a crash.
fs::path temporary_name(const fs::path& path, unsigned attempt) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return path.parent_path() /
           ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter.fetch_add(1)) + "-" + std::to_string(stamp % 1'000'000) + "-" +
            std::to_string(attempt));
}

Result<void> write_all(int fd, std::string_view content, const fs::path& temp) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return os_failure("write", temp, errno);
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

} // namespace

std::string csv_text_field(std::string_view text) {
    std::string value;
    // A spreadsheet runs text starting with these as a formula (OWASP "CSV injection").
    if (!text.empty() &&
        std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        value += '\'';
    }
    value += text;
    if (!needs_quotes(value)) {
        return value;
    }
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

std::string csv_field(std::string_view text) {
    return csv_text_field(text);
}

std::string csv_number(std::int64_t value) {
    return std::to_string(value);
}

std::string csv_number(double value, int decimals) {
    if (!std::isfinite(value)) {
        return "";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals < 0 ? 0 : decimals, value);
    return buffer;
}

std::string csv_row(std::span<const std::string> fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += fields[i];
    }
    out += "\r\n";
    return out;
}

std::string csv_document(std::span<const std::vector<std::string>> rows) {
    std::string out(k_csv_bom);
    for (const auto& row : rows) {
        out += csv_row(row);
    }
    return out;
}

Result<void> write_file_atomically(const fs::path& path, std::string_view content) {
    if (path.filename().empty()) {
        return fail(ErrorCode::invalid_input, "'" + path.string() + "' is not a file name");
    }
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    fs::path temp;
    int fd = -1;
    for (unsigned attempt = 0; fd < 0; ++attempt) {
        temp = temporary_name(path, attempt);
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && (errno != EEXIST || attempt >= 100)) {
            // Name the file the person chose, not our temporary one.
            return os_failure("write", path, errno);
        }
    }
    auto abandon = [&](std::unexpected<Error> e) {
        if (fd >= 0) {
            ::close(fd);
        }
        ::unlink(temp.c_str());
        return e;
    };
    if (auto r = write_all(fd, content, path); !r) {
        return abandon(std::unexpected(r.error()));
    }
    if (::fsync(fd) != 0) {
        return abandon(os_failure("flush to disk", path, errno));
    }
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) {
        return abandon(os_failure("write", path, errno));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        return abandon(os_failure("replace", path, errno));
    }
    // The rename itself is durable only once the directory is flushed. Some file systems
    // (vfat on a USB stick) refuse fsync on a directory; the file is complete either way.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        const int synced = ::fsync(dfd);
        const int err = errno;
        ::close(dfd);
        if (synced != 0 && err != EINVAL && err != ENOTSUP) {
            return os_failure("flush the directory of", path, err);
        }
    }
    return {};
}

} // namespace cf::core
