// What the build knew: the git commit it was made from.
#pragma once

namespace plantar::cli {

/// The short git commit of the sources ("6e1f155", "6e1f155-dirty" with
/// uncommitted changes), or "unknown" when built without git (a tarball).
const char* git_commit();

}  // namespace plantar::cli
