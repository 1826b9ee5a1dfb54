// A session's Ogg Opus file assembled from the sentence cache: every sound
// (a sentence, a chime) is encoded once into Opus packets and kept; the
// session is those packets placed at their cues' frames, with a silent packet
// in every frame between. Nothing is decoded or encoded again.
#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "levels.h"
#include "ogg_opus_writer.h"
#include "opus_piece.h"
#include "plantar/audio.h"
#include "plantar/errors.h"
#include "plantar/version.h"
#include "resample.h"

namespace plantar::audio {
namespace {

constexpr int frame_ms = 20;
constexpr std::size_t edge_fade = opus_rate / 200;  // 5 ms

// One sound of the session: a cue's words or a chime, at a whole frame.
struct Sound {
  std::int64_t frame = 0;
  std::string key;
  std::string text;  // empty for a chime
  bool rising = false;
};

// What an entry depends on besides its text: any change here is a new entry.
std::string key_base(const VoiceSettings& settings) {
  char buffer[300];
  std::snprintf(buffer, sizeof buffer,
                "plantar %s\nvoice flite cmu_us_slt %d Hz\nrate %.3f\nvolume %.3f\nopus %s %d Hz delay %d\n",
                version, sample_rate, settings.rate, settings.volume, encoder_settings, opus_rate,
                encoder_delay());
  return buffer;
}

std::vector<Sound> sounds_of(const session::Timeline& timeline, int chime_ms, const std::string& base) {
  std::vector<Sound> out;
  for (const auto& cue : timeline.cues) {
    Sound s;
    s.frame = (cue.at_ms + frame_ms / 2) / frame_ms;  // within 10 ms of the cue
    if (cue.chime()) {
      s.rising = cue.kind == session::CueKind::start_chime;
      s.key = base + (s.rising ? "chime rising " : "chime falling ") + std::to_string(chime_ms);
    } else if (!cue.text.empty()) {
      s.text = cue.text;
      s.key = base + "say " + cue.text;
    } else {
      continue;
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Sound& a, const Sound& b) { return a.frame < b.frame; });
  return out;
}

// Runs job(i) for i in [0, n) on up to `workers` threads.
template <typename Job>
void in_parallel(std::size_t n, int workers, const Job& job) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next++) < n;) job(i);
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::min<int>(workers, static_cast<int>(n)); ++t) threads.emplace_back(run);
  run();
  for (auto& t : threads) t.join();
}

// Makes, encodes and stores every sound: speech and chimes at 48 kHz.
class Assembler {
 public:
  Assembler(const SentenceCache& cache, const VoiceSettings& settings, int chime_ms, int workers,
            const Progress& progress)
      : cache_(cache), settings_(settings), chime_ms_(chime_ms), workers_(workers), progress_(progress) {}

  // The pieces for `keys` (key -> text or chime), from the cache or made now.
  void load(const std::vector<const Sound*>& sounds) {
    std::vector<const Sound*> missing;
    for (const Sound* s : sounds) {
      if (pieces_.count(s->key) != 0) continue;
      if (auto piece = cache_.get(s->key)) {
        pieces_[s->key] = std::move(*piece);
        ++cached;
      } else if (std::none_of(missing.begin(), missing.end(),
                              [&](const Sound* m) { return m->key == s->key; })) {
        missing.push_back(s);
      }
    }
    make_pcm(missing);
    std::vector<Piece> made(missing.size());
    in_parallel(missing.size(), workers_,
                [&](std::size_t i) { made[i] = encode_piece(pcm_.at(missing[i]->key)); });
    for (std::size_t i = 0; i < missing.size(); ++i) {
      cache_.put(missing[i]->key, made[i]);
      pieces_[missing[i]->key] = std::move(made[i]);
    }
  }

  // Overlapping sounds become one piece, mixed from their samples.
  const Piece& group(const std::vector<const Sound*>& members) {
    if (members.size() == 1) return pieces_.at(members[0]->key);
    std::string key = "group";
    for (const Sound* s : members) key += "\n@" + std::to_string(s->frame - members[0]->frame) + " " + s->key;
    if (auto it = pieces_.find(key); it != pieces_.end()) return it->second;
    if (auto piece = cache_.get(key)) {
      ++cached;
      return pieces_[key] = std::move(*piece);
    }
    make_pcm(members);
    std::vector<float> mix;
    for (const Sound* s : members) {
      const auto& pcm = pcm_.at(s->key);
      auto offset = static_cast<std::size_t>(s->frame - members[0]->frame) * frame_samples;
      mix.resize(std::max(mix.size(), offset + pcm.size()), 0.0f);
      for (std::size_t i = 0; i < pcm.size(); ++i) mix[offset + i] += pcm[i];
    }
    float loudest = 0;
    for (float v : mix) loudest = std::max(loudest, std::abs(v));
    if (loudest > 0.95f) normalize(mix, 0.95f);  // overlapping sounds must not clip
    Piece piece = encode_piece(mix);
    cache_.put(key, piece);
    return pieces_[key] = std::move(piece);
  }

  const Piece& piece(const std::string& key) const { return pieces_.at(key); }

  int synthesized = 0;
  int cached = 0;

 private:
  // The 48 kHz samples of every sound in `sounds` that has none yet.
  void make_pcm(const std::vector<const Sound*>& sounds) {
    std::vector<std::string> texts, keys;
    for (const Sound* s : sounds) {
      if (pcm_.count(s->key) != 0) continue;
      if (s->text.empty()) {
        pcm_[s->key] = upsample_3x(chime(sample_rate, chime_ms_, s->rising));
      } else if (std::find(keys.begin(), keys.end(), s->key) == keys.end()) {
        texts.push_back(s->text);
        keys.push_back(s->key);
      }
    }
    auto clips = speak_all(texts, settings_, workers_, progress_);
    synthesized += static_cast<int>(texts.size());
    std::vector<std::vector<float>> up(clips.size());
    in_parallel(clips.size(), workers_, [&](std::size_t i) {
      up[i] = upsample_3x(clips[i].samples);
      fade_edges(up[i], edge_fade);
    });
    for (std::size_t i = 0; i < keys.size(); ++i) pcm_[keys[i]] = std::move(up[i]);
  }

  const SentenceCache& cache_;
  VoiceSettings settings_;
  int chime_ms_, workers_;
  Progress progress_;
  std::map<std::string, Piece> pieces_;
  std::map<std::string, std::vector<float>> pcm_;
};

// Sounds whose pieces would overlap, in runs.
std::vector<std::vector<const Sound*>> groups_of(const std::vector<Sound>& sounds, const Assembler& a) {
  std::vector<std::vector<const Sound*>> out;
  std::int64_t end = 0;
  for (const Sound& s : sounds) {
    if (out.empty() || s.frame >= end) out.emplace_back();
    out.back().push_back(&s);
    end = std::max(end, s.frame + static_cast<std::int64_t>(a.piece(s.key).packets.size()));
  }
  return out;
}

}  // namespace

RenderSummary render_opus(const session::Timeline& timeline, int chime_ms, const std::string& path,
                          const VoiceSettings& settings, int workers, const Progress& progress,
                          const CacheSettings& cache_settings) {
  SentenceCache cache(cache_settings);
  auto sounds = sounds_of(timeline, chime_ms, key_base(settings));
  Assembler assembler(cache, settings, chime_ms, workers, progress);
  std::vector<const Sound*> all;
  for (const auto& s : sounds) all.push_back(&s);
  assembler.load(all);

  OggOpusStream stream;
  stream.pre_skip = encoder_delay();
  stream.samples = static_cast<std::int64_t>(timeline.total_ms) * (opus_rate / 1000);
  stream.input_rate = sample_rate;
  auto frames =
      static_cast<std::size_t>((stream.pre_skip + stream.samples + frame_samples - 1) / frame_samples);
  stream.packets.assign(frames, &silent_packet());
  for (const auto& members : groups_of(sounds, assembler)) {
    const Piece& piece = assembler.group(members);
    auto first = static_cast<std::size_t>(members[0]->frame);
    for (std::size_t k = 0; k < piece.packets.size() && first + k < frames; ++k)
      stream.packets[first + k] = &piece.packets[k];
  }
  RenderSummary summary;
  summary.format = Format::opus;
  summary.cues = static_cast<int>(timeline.cues.size());
  summary.seconds = timeline.total_ms / 1000.0;
  summary.bytes = write_ogg_opus(path, stream);
  summary.synthesized = assembler.synthesized;
  summary.cached = assembler.cached;
  cache.trim();
  return summary;
}

}  // namespace plantar::audio
