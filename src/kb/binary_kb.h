// The knowledge base in a compact binary form, made at build time by
// tools/compile_kb.cc from data/*.toml (loaded and cross-checked by the real
// loader) and read at start-up instead of parsing TOML (docs/benchmarks.md).
// Private to src/kb, the generator and the tests.
#pragma once

#include <string>
#include <string_view>

#include "plantar/kb.h"

namespace plantar::kb {

/// Every field of `kb` as bytes (the layout follows plantar/kb.h's structs).
std::string to_binary(const KnowledgeBase& kb);

/// Reads what to_binary wrote with the same structs. Throws Failure when the
/// bytes are not such a form (damaged or from another build).
KnowledgeBase from_binary(std::string_view bytes);

/// The form compiled into this program (generated kb_compiled.cc).
std::string_view compiled_form();

}  // namespace plantar::kb
