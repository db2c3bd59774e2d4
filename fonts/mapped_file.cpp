#include "fonts/mapped_file.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cf::fonts {

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path,
                                                   std::error_code& error) {
    error.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::error_code(errno, std::generic_category());
        return nullptr;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        error = std::error_code(errno, std::generic_category());
        ::close(fd);
        return nullptr;
    }
    if (!S_ISREG(info.st_mode) || info.st_size == 0) {
        error = std::make_error_code(S_ISDIR(info.st_mode) ? std::errc::is_a_directory
                                                           : std::errc::invalid_argument);
        ::close(fd);
        return nullptr;
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int map_errno = errno;
    ::close(fd); // the mapping keeps the file open
    if (data == MAP_FAILED) {
        error = std::error_code(map_errno, std::generic_category());
        return nullptr;
    }
    return std::shared_ptr<const MappedFile>(
        new MappedFile(path, static_cast<const unsigned char*>(data), size));
}

MappedFile::~MappedFile() {
    ::munmap(const_cast<unsigned char*>(m_data), m_size);
}

} // namespace cf::fonts
