#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace cf::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "counterfoil-test-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory");
    }
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string read_file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path assets_dir() {
    const char* env = std::getenv("COUNTERFOIL_ASSETS");
    return env != nullptr ? std::filesystem::path(env)
                          : std::filesystem::path(COUNTERFOIL_TEST_ASSETS);
}

} // namespace cf::test
