// The entries of the knowledge base as searchable documents: what the index
// holds for each (a title, the other ways people ask, a body) and what an
// answer shows (text, claims with their grades, sources). Pure.
#pragma once

#include <string>
#include <vector>

#include "plantar/ask.h"
#include "plantar/kb.h"

namespace plantar::ask {

struct Document {
  Answer answer;                      // what is shown; score and safety filled when ranked
  std::string title;                  // the question's own words, or the entry's name
  std::string phrasing;               // other ways to ask, the screening question, triggers
  std::string body;                   // the answer, steps, signs, description
  std::vector<std::string> asked_as;  // the title and the other ways to ask, one by one
};

/// Every entry worth answering with, in a stable order: questions first.
std::vector<Document> documents(const kb::KnowledgeBase& kb);

}  // namespace plantar::ask
