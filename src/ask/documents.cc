#include "documents.h"

#include <algorithm>

namespace plantar::ask {
namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator = " ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& items) {
  for (const auto& item : items)
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Fills the grade, the claim notes and the claims' sources of `answer`.
void add_claims(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids, Answer& answer) {
  for (const auto& id : ids) {
    const kb::Claim* claim = kb.claim(id);
    if (claim == nullptr) continue;
    if (!answer.grade) answer.grade = claim->grade;
    answer.claims.push_back({claim->id, claim->topic, claim->grade});
    add_unique(answer.sources, claim->sources);
  }
}

Document make(Kind kind, const std::string& id, const std::string& title, const std::string& text) {
  Document d;
  d.answer.kind = kind;
  d.answer.id = id;
  d.answer.title = title;
  d.answer.text = text;
  d.title = title;
  d.body = text;
  d.asked_as = {title};
  return d;
}

void add_questions(const kb::KnowledgeBase& kb, std::vector<Document>& out) {
  for (const auto& q : kb.questions) {
    Document d = make(Kind::question, q.id, q.question, q.answer);
    d.phrasing = joined(q.also, ". ");
    d.asked_as.insert(d.asked_as.end(), q.also.begin(), q.also.end());
    d.answer.sources = q.sources;
    add_claims(kb, q.claims, d.answer);
    out.push_back(std::move(d));
  }
}

void add_conditions(const kb::KnowledgeBase& kb, std::vector<Document>& out) {
  for (const auto& c : kb.conditions) {
    std::string text = c.rule.message + " Signs: " + joined(c.signs);
    Document d = make(Kind::condition, c.id, c.name, text);
    d.phrasing = c.question + ". " + joined(c.ask_triggers, ". ");
    d.answer.sources = c.rule.sources;
    d.answer.safety = true;
    out.push_back(std::move(d));
  }
}

void add_techniques_and_goals(const kb::KnowledgeBase& kb, std::vector<Document>& out) {
  for (const auto& t : kb.techniques) {
    std::string text = joined(t.steps);
    if (!t.cautions.empty()) text += " Take care: " + joined(t.cautions);
    Document d = make(Kind::technique, t.id, t.name, text);
    d.body += " " + t.cue;
    out.push_back(std::move(d));
  }
  for (const auto& g : kb.goals) {
    Document d = make(Kind::goal, g.id, g.name, g.description + " " + g.expect);
    add_claims(kb, g.claims, d.answer);
    out.push_back(std::move(d));
  }
}

void add_claims_tips_zones(const kb::KnowledgeBase& kb, std::vector<Document>& out) {
  for (const auto& c : kb.claims) {
    Document d = make(Kind::claim, c.id, c.topic, c.say);
    add_claims(kb, {c.id}, d.answer);
    out.push_back(std::move(d));
  }
  for (const auto& t : kb.tips) out.push_back(make(Kind::tip, t.id, t.title, t.text));
  for (const auto& z : kb.atlas.zones) {
    Document d = make(Kind::zone, z.id, z.name + " (reflexology map)", z.tradition + " " + kb.atlas.note);
    d.phrasing = "reflexology point zone " + z.name;
    add_claims(kb, {kb.atlas.claim}, d.answer);
    out.push_back(std::move(d));
  }
}

}  // namespace

std::vector<Document> documents(const kb::KnowledgeBase& kb) {
  std::vector<Document> out;
  add_questions(kb, out);
  add_conditions(kb, out);
  add_techniques_and_goals(kb, out);
  add_claims_tips_zones(kb, out);
  return out;
}

}  // namespace plantar::ask
