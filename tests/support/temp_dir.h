#pragma once
// A fresh directory under $TMPDIR for one test case, removed with everything in it afterwards.

#include <filesystem>
#include <string>

namespace cf::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// Reads a whole file as bytes in a string; empty when it cannot be read.
std::string read_file_bytes(const std::filesystem::path& file);

// The assets/ folder of the source tree (or $COUNTERFOIL_ASSETS).
std::filesystem::path assets_dir();

} // namespace cf::test
