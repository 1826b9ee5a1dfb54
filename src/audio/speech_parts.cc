// Sentences: cutting a cue's words, and joining the spoken sentences again.
#include "speech_parts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

#include "opus_piece.h"

namespace plantar::audio {

std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    auto first = current.find_first_not_of(" \t\n");
    if (first != std::string::npos)
      out.push_back(current.substr(first, current.find_last_not_of(" \t\n") + 1 - first));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    bool end = text[i] == '.' || text[i] == '!' || text[i] == '?';
    std::size_t next = i + 1;
    while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
    if (!end || next == i + 1 || next == text.size()) continue;
    auto c = static_cast<unsigned char>(text[next]);
    if (std::isupper(c) || std::isdigit(c)) flush();
  }
  flush();
  return out;
}

std::vector<float> join_sentences(const std::vector<const std::vector<float>*>& parts) {
  std::vector<float> out;
  std::size_t at = 0;
  for (const auto* part : parts) {
    out.resize(at + frames_for(part->size()) * frame_input, 0.0f);
    std::copy(part->begin(), part->end(), out.begin() + static_cast<long>(at));
    at = out.size();
  }
  // The last part's trailing frames are silence: keep the sound itself only.
  if (!parts.empty()) out.resize(at - frames_for(parts.back()->size()) * frame_input + parts.back()->size());
  return out;
}

void fade_edges(std::vector<float>& samples, std::size_t n) {
  n = std::min(n, samples.size() / 2);
  for (std::size_t i = 0; i < n; ++i) {
    auto gain = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(i) / n));
    samples[i] *= gain;
    samples[samples.size() - 1 - i] *= gain;
  }
}

}  // namespace plantar::audio
