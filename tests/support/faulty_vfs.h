#pragma once
// An SQLite VFS named "faulty" that passes everything to the default VFS until told to fail:
// writes then fail as on a full disk, or files open read-only as on a read-only mount. Tests
// open the store with OpenOptions::vfs = "faulty" to prove nothing is half written.

namespace cf::test {

enum class Fault {
    none,
    disk_full, // every write fails with SQLITE_FULL, as when the disk has no space left
    read_only, // files open read-only, as on a read-only file system
};

// Registers the VFS once (not as the default) and sets the fault for every file it opens.
void set_vfs_fault(Fault fault);

inline constexpr const char* k_faulty_vfs = "faulty";

} // namespace cf::test
