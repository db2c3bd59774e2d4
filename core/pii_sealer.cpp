#include "core/pii_sealer.h"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Index of this file:
// [SECTION] libsodium setup and helpers
// [SECTION] Key derivation and key file
// [SECTION] Sealing and blind index
// [SECTION] Base64

namespace cf::core {

// [SECTION] libsodium setup and helpers

namespace {

constexpr std::string_view k_key_header = "counterfoil-key v1";
constexpr char k_kdf_context[crypto_kdf_CONTEXTBYTES + 1] = "cfpii___";
constexpr std::uint64_t k_subkey_seal = 1;
constexpr std::uint64_t k_subkey_index = 2;
constexpr std::uint64_t k_subkey_pepper = 3;
constexpr std::string_view k_ad_prefix{"counterfoil/pii/v1\0", 19};
constexpr std::size_t k_nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t k_tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t k_index_bytes = 16;

static_assert(crypto_kdf_KEYBYTES == 32);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

// libsodium must be initialised once before use; a function-local static makes that
// thread-safe.
void ensure_sodium() {
    static const bool ready = [] {
        if (sodium_init() < 0) {
            std::fputs("counterfoil: libsodium could not be initialised\n", stderr);
            std::abort();
        }
        return true;
    }();
    (void)ready;
}

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

std::string errno_text(int err) {
    return std::strerror(err);
}

// Closes a file descriptor when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    // Closes now and reports whether the close succeeded (it can report delayed write errors).
    bool close() {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool fsync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    Fd guard(fd);
    return ::fsync(fd) == 0;
}

// Makes the missing directories leading to `dir`, each owner-only (0700).
Result<void> make_private_directories(const std::filesystem::path& dir) {
    if (dir.empty()) {
        return {};
    }
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) {
        return {};
    }
    if (auto parent = make_private_directories(dir.parent_path()); !parent) {
        return parent;
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        return fail(ErrorCode::key,
                    "cannot create key directory " + quoted(dir) + ": " + errno_text(errno));
    }
    return {};
}

} // namespace

// [SECTION] Key derivation and key file

// Derives the three subkeys from the master key; the master key itself is not kept.
PiiSealer PiiSealer::from_master_key(std::span<const std::uint8_t, 32> master) {
    ensure_sodium();
    PiiSealer sealer;
    crypto_kdf_derive_from_key(sealer.m_seal_key.data(), sealer.m_seal_key.size(), k_subkey_seal,
                               k_kdf_context, master.data());
    crypto_kdf_derive_from_key(sealer.m_index_key.data(), sealer.m_index_key.size(), k_subkey_index,
                               k_kdf_context, master.data());
    crypto_kdf_derive_from_key(sealer.m_pepper.data(), sealer.m_pepper.size(), k_subkey_pepper,
                               k_kdf_context, master.data());
    return sealer;
}

Result<PiiSealer> PiiSealer::create_key_file(const std::filesystem::path& key_file) {
    ensure_sodium();
    const std::filesystem::path parent =
        key_file.has_parent_path() ? key_file.parent_path() : std::filesystem::path(".");
    if (auto made = make_private_directories(key_file.parent_path()); !made) {
        return std::unexpected(made.error());
    }

    std::array<std::uint8_t, 32> master{};
    randombytes_buf(master.data(), master.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), master.data(), master.size());
    std::string contents = std::string(k_key_header) + "\n" + std::string(hex.data(), 64) + "\n";
    sodium_memzero(hex.data(), hex.size());

    const int fd = ::open(key_file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        sodium_memzero(master.data(), master.size());
        sodium_memzero(contents.data(), contents.size());
        if (err == EEXIST) {
            return fail(ErrorCode::key, "key file " + quoted(key_file) +
                                            " already exists; refusing to replace it (the data "
                                            "sealed with it would become unreadable)");
        }
        return fail(ErrorCode::key,
                    "cannot create key file " + quoted(key_file) + ": " + errno_text(err));
    }
    Fd file(fd);
    const bool written = write_all(fd, contents) && ::fsync(fd) == 0;
    const int write_err = errno;
    sodium_memzero(contents.data(), contents.size());
    if (!written || !file.close()) {
        sodium_memzero(master.data(), master.size());
        std::error_code ignored;
        std::filesystem::remove(key_file, ignored);
        return fail(ErrorCode::key, "cannot write key file " + quoted(key_file) + ": " +
                                        errno_text(written ? errno : write_err));
    }
    // Without the directory entry on disk the key could vanish in a power cut after data was
    // sealed with it, so this failure undoes the file too.
    if (!fsync_directory(parent)) {
        const int err = errno;
        sodium_memzero(master.data(), master.size());
        std::error_code ignored;
        std::filesystem::remove(key_file, ignored);
        return fail(ErrorCode::key, "cannot flush directory " + quoted(parent) +
                                        " after writing the key file: " + errno_text(err));
    }
    PiiSealer sealer = from_master_key(master);
    sodium_memzero(master.data(), master.size());
    return sealer;
}

Result<PiiSealer> PiiSealer::load_key_file(const std::filesystem::path& key_file) {
    ensure_sodium();
    const int fd = ::open(key_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) {
            return fail(ErrorCode::key, "key file " + quoted(key_file) +
                                            " is missing; without it customer data cannot be "
                                            "read (restore it from the key backup)");
        }
        return fail(ErrorCode::key,
                    "cannot open key file " + quoted(key_file) + ": " + errno_text(err));
    }
    Fd file(fd);

    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return fail(ErrorCode::key,
                    "cannot inspect key file " + quoted(key_file) + ": " + errno_text(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return fail(ErrorCode::key, "key file " + quoted(key_file) + " is not a regular file");
    }
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return fail(ErrorCode::key, "key file " + quoted(key_file) + " has permissions " + mode +
                                        " so other users may read it; run chmod 600 " +
                                        quoted(key_file));
    }

    // A key file is 84 bytes; anything much larger is something else.
    std::array<char, 256> buf{};
    std::size_t size = 0;
    while (size < buf.size()) {
        const ssize_t n = ::read(fd, buf.data() + size, buf.size() - size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(ErrorCode::key,
                        "cannot read key file " + quoted(key_file) + ": " + errno_text(errno));
        }
        if (n == 0) {
            break;
        }
        size += static_cast<std::size_t>(n);
    }

    const auto not_a_key = [&] {
        sodium_memzero(buf.data(), buf.size());
        return fail(ErrorCode::key, "key file " + quoted(key_file) +
                                        " is not a Counterfoil key (expected the line '" +
                                        std::string(k_key_header) + "' followed by 64 hex digits)");
    };
    std::string_view text(buf.data(), size);
    const std::string expected_start = std::string(k_key_header) + "\n";
    if (size == buf.size() || !text.starts_with(expected_start)) {
        return not_a_key();
    }
    text.remove_prefix(expected_start.size());
    if (text.ends_with("\n")) {
        text.remove_suffix(1);
    }
    std::array<std::uint8_t, 32> master{};
    std::size_t decoded = 0;
    const char* end = nullptr;
    const bool hex_ok = text.size() == 64 &&
                        sodium_hex2bin(master.data(), master.size(), text.data(), text.size(),
                                       nullptr, &decoded, &end) == 0 &&
                        decoded == master.size() && end == text.data() + text.size();
    if (!hex_ok) {
        sodium_memzero(master.data(), master.size());
        return not_a_key();
    }
    PiiSealer sealer = from_master_key(master);
    sodium_memzero(master.data(), master.size());
    sodium_memzero(buf.data(), buf.size());
    return sealer;
}

// [SECTION] Sealing and blind index

namespace {

// Returned as bytes in a string: GCC 12 warns falsely (-Wstringop-overflow) on inserting a
// char range into a std::vector<uint8_t> at -O2.
std::string associated_data(std::string_view ticket_id, std::string_view field) {
    std::string ad;
    ad.reserve(k_ad_prefix.size() + ticket_id.size() + 1 + field.size());
    ad.append(k_ad_prefix).append(ticket_id).append(1, '\0').append(field);
    return ad;
}

} // namespace

Bytes PiiSealer::seal(std::string_view plaintext, std::string_view ticket_id,
                      std::string_view field) const {
    if (plaintext.empty()) {
        return {};
    }
    const std::string ad = associated_data(ticket_id, field);
    Bytes out(k_nonce_bytes + plaintext.size() + k_tag_bytes);
    randombytes_buf(out.data(), k_nonce_bytes);
    unsigned long long cipher_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + k_nonce_bytes, &cipher_len,
        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, out.data(),
        m_seal_key.data());
    out.resize(k_nonce_bytes + static_cast<std::size_t>(cipher_len));
    return out;
}

Result<std::string> PiiSealer::open(std::span<const std::uint8_t> sealed,
                                    std::string_view ticket_id, std::string_view field) const {
    if (sealed.empty()) {
        return std::string();
    }
    // The message names the field and ticket, never any of the sealed content.
    const auto corrupt = [&] {
        return fail(ErrorCode::corrupt, "sealed field '" + std::string(field) + "' of ticket '" +
                                            std::string(ticket_id) +
                                            "' cannot be opened: it was altered, belongs to "
                                            "another ticket or field, or was sealed with "
                                            "another key");
    };
    if (sealed.size() < k_nonce_bytes + k_tag_bytes) {
        return corrupt();
    }
    const std::string ad = associated_data(ticket_id, field);
    std::string plain(sealed.size() - k_nonce_bytes - k_tag_bytes, '\0');
    unsigned long long plain_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plain_len, nullptr,
            sealed.data() + k_nonce_bytes, sealed.size() - k_nonce_bytes,
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), sealed.data(),
            m_seal_key.data()) != 0) {
        return corrupt();
    }
    plain.resize(static_cast<std::size_t>(plain_len));
    return plain;
}

Bytes PiiSealer::blind_index(std::string_view normalized) const {
    Bytes out(k_index_bytes);
    crypto_generichash(out.data(), out.size(),
                       reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(),
                       m_index_key.data(), m_index_key.size());
    return out;
}

// [SECTION] Base64

std::string to_base64(std::span<const std::uint8_t> bytes) {
    ensure_sodium();
    constexpr int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

Result<Bytes> from_base64(std::string_view text) {
    ensure_sodium();
    Bytes out(text.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size()) {
        // The text is not echoed: it may be a sealed blob, and it may be long.
        const std::size_t at = end == nullptr ? 0 : static_cast<std::size_t>(end - text.data());
        return fail(ErrorCode::invalid_input,
                    "text of " + std::to_string(text.size()) +
                        " characters is not valid base64 (standard alphabet with = padding); "
                        "it goes wrong at character " +
                        std::to_string(at + 1));
    }
    out.resize(len);
    return out;
}

} // namespace cf::core
