// The knowledge base compiled into the program at build time
// (tools/compile_kb.cc): read from its binary form, no TOML parsed.
#include "binary_kb.h"

namespace plantar::kb {

const KnowledgeBase& embedded() {
  // Never freed: the process's exit need not walk thousands of strings.
  static const KnowledgeBase* const kb = new KnowledgeBase(from_binary(compiled_form()));
  return *kb;
}

}  // namespace plantar::kb
