// Cross-file checks of the knowledge base: every id referenced exists, ids
// are unique, and the rules of docs/data-format.md that span files hold.
#pragma once

#include "plantar/kb.h"

namespace plantar::kb {

/// Throws BadInput naming `file:line` of the first broken reference.
void check_references(const KnowledgeBase& kb);

}  // namespace plantar::kb
