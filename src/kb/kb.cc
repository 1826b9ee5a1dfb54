// Look-ups on the knowledge base and reading knowledge files from a folder.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plantar/errors.h"
#include "plantar/kb.h"

namespace plantar::kb {
namespace {

template <typename Items>
const typename Items::value_type* find_id(const Items& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool Technique::works(Region region) const {
  return std::find(regions.begin(), regions.end(), region) != regions.end();
}

bool Technique::given_by(Giver giver) const {
  return std::find(givers.begin(), givers.end(), giver) != givers.end();
}

const Rule& Condition::rule_for(const std::string& severity) const {
  std::string level = severity;
  if (level.empty() && !severities.empty()) level = severities.back();
  auto it = by_severity.find(level);
  return it == by_severity.end() ? rule : it->second;
}

const Tool* KnowledgeBase::tool(const std::string& id) const { return find_id(tools, id); }
const Technique* KnowledgeBase::technique(const std::string& id) const { return find_id(techniques, id); }
const Goal* KnowledgeBase::goal(const std::string& id) const { return find_id(goals, id); }
const Claim* KnowledgeBase::claim(const std::string& id) const { return find_id(claims, id); }
const Source* KnowledgeBase::source(const std::string& id) const { return find_id(sources, id); }
const Condition* KnowledgeBase::condition(const std::string& id) const { return find_id(conditions, id); }
const PlaceKind* PlaceTagging::kind(const std::string& id) const { return find_id(kinds, id); }

const RegionInfo& KnowledgeBase::region(Region id) const {
  auto it = std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.id == id; });
  if (it == regions.end()) throw BadInput("regions.toml", "region " + std::string(name(id)) + " is missing");
  return *it;
}

std::vector<SourceFile> read_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) throw BadInput("--data", "'" + dir + "' is not a folder");
  std::vector<SourceFile> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) throw Failure("cannot read " + entry.path().string());
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({entry.path().filename().string(), text.str()});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return files;
}

}  // namespace plantar::kb
