// libFuzzer target: the text of ONE knowledge file. The first byte picks the
// file (modulo the number of embedded files, in name order: 0 claims, 1 cues,
// 2 faq, 3 goals, 4 places, 5 regions, 6 safety, 7 sources, 8 synonyms,
// 9 techniques, 10 tips, 11 tools, 12 zones with today's data/); the rest of the input replaces that file's
// text and the whole set goes through plantar::kb::load. BadInput is the
// only exception a knowledge file may cause. toml++ is compiled header-only
// into this target (fuzz/CMakeLists.txt) so that its parser is covered too.
//
// A knowledge base that loads has passed every cross-check, so the planner
// must work with it: the default request is planned with it as well.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "plantar/errors.h"
#include "plantar/kb.h"
#include "plantar/planner.h"

namespace {

const std::vector<plantar::kb::SourceFile>& originals() {
  static const std::vector<plantar::kb::SourceFile> files = plantar::kb::embedded_files();
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::vector<plantar::kb::SourceFile> files = originals();
  if (files.empty()) __builtin_trap();
  auto& replaced = files[data[0] % files.size()];
  replaced.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  plantar::kb::KnowledgeBase kb;
  try {
    kb = plantar::kb::load(files);
  } catch (const plantar::BadInput&) {
    return 0;
  }
  plantar::planner::Request request;
  try {
    plantar::planner::validate(kb, request);
  } catch (const plantar::BadInput&) {
    return 0;
  }
  (void)plantar::planner::plan(kb, request);
  return 0;
}
