#pragma once
// A read-only memory mapping of a whole file. The CJK font collection is about 19 MB; mapping
// it once and pointing every font at the mapping costs only the pages FreeType actually reads,
// where a copy per font would cost the whole file each time.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

namespace cf::fonts {

class MappedFile {
public:
    // Maps path read-only. Fails with the errno of open/fstat/mmap (ENOENT for a missing file).
    static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path,
                                                  std::error_code& error);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

private:
    MappedFile(std::filesystem::path path, const unsigned char* data, std::size_t size)
        : m_path(std::move(path)), m_data(data), m_size(size) {}

    std::filesystem::path m_path;
    const unsigned char* m_data;
    std::size_t m_size;
};

} // namespace cf::fonts
