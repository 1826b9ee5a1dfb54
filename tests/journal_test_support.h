// Helpers for the journal's tests: a fresh temporary folder, running the
// real binary as a child process, and reading files and SQLite answers.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace plantar::test {

/// A fresh folder under the temporary directory, removed at destruction.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  std::string file(const std::string& name) const { return (path / name).string(); }
};

/// Starts the real `plantar` with `args`, its output thrown away.
pid_t spawn_plantar(const std::vector<std::string>& args);
/// Waits for a child: its exit status, or 128 + signal.
int wait_child(pid_t pid);

/// The bytes of a file ("" when it does not exist).
std::string file_bytes(const std::string& path);
/// What the sqlite3 shell prints for `sql` on `db`.
std::string sqlite(const std::string& db, const std::string& sql);

}  // namespace plantar::test
