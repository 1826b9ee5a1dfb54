// A session's Ogg Opus file assembled from the sentence cache: every sound
// (a sentence, a chime) is encoded once into Opus packets and kept; a cue is
// its sentences' packets one after the other, and the session is the cues
// placed at their frames, with a silent packet in every frame between.
// Nothing is decoded or encoded again, except where sounds overlap: those
// are mixed into one piece (also kept).
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
#include "speech_parts.h"

namespace plantar::audio {
namespace {

constexpr int frame_ms = 20;
constexpr std::size_t edge_fade = sample_rate / 200;  // 5 ms

// One part of a sound: a sentence, or a chime.
struct Part {
  std::string text;  // empty for a chime
  bool rising = false;
};

// One part placed in the session, at a whole frame. A cue's sentences follow
// each other: each starts where the packets of the one before end.
struct Placed {
  std::int64_t frame = 0;
  int at_ms = 0;  // the cue's time
  std::string key;
};

// One cue's parts; their frames are known once their pieces are.
struct Sound {
  std::int64_t frame = 0;
  int at_ms = 0;
  std::vector<std::string> parts;  // their keys
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

struct Plan {
  std::vector<Sound> sounds;  // in time order
  std::map<std::string, Part> parts;
};

Plan plan_of(const session::Timeline& timeline, int chime_ms, const std::string& base) {
  Plan plan;
  for (const auto& cue : timeline.cues) {
    Sound s;
    s.frame = (cue.at_ms + frame_ms / 2) / frame_ms;  // within 10 ms of the cue
    s.at_ms = cue.at_ms;
    if (cue.chime()) {
      bool rising = cue.kind == session::CueKind::start_chime;
      std::string key = base + (rising ? "chime rising " : "chime falling ") + std::to_string(chime_ms);
      plan.parts[key] = {"", rising};
      s.parts.push_back(key);
    } else {
      for (const auto& sentence : sentences_of(cue.text)) {
        std::string key = base + "say " + sentence;
        plan.parts[key] = {sentence, false};
        s.parts.push_back(key);
      }
    }
    if (!s.parts.empty()) plan.sounds.push_back(std::move(s));
  }
  std::stable_sort(plan.sounds.begin(), plan.sounds.end(),
                   [](const Sound& a, const Sound& b) { return a.frame < b.frame; });
  return plan;
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

// Makes, encodes and stores every part: speech (in the worker processes) and chimes.
class Assembler {
 public:
  Assembler(const SentenceCache& cache, const Plan& plan, const VoiceSettings& settings, int chime_ms,
            int workers, const Progress& progress)
      : cache_(cache),
        plan_(plan),
        settings_(settings),
        chime_ms_(chime_ms),
        workers_(workers),
        progress_(progress) {}

  // The pieces of every part of `sounds`, from the cache or made now.
  void load(const std::vector<const Sound*>& sounds) {
    std::vector<std::string> texts, keys;
    for (const Sound* s : sounds)
      for (const auto& key : s->parts) {
        if (pieces_.count(key) != 0 || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        if (auto piece = cache_.get(key)) {
          pieces_[key] = std::move(*piece);
          ++cached;
        } else if (const Part& part = plan_.parts.at(key); part.text.empty()) {
          pcm_[key] = chime(sample_rate, chime_ms_, part.rising);
          store(key, encode_piece(pcm_[key]));
        } else {
          texts.push_back(part.text);
          keys.push_back(key);
        }
      }
    auto spoken = speak_parts(texts, settings_, workers_, progress_, true);
    synthesized += static_cast<int>(texts.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      pcm_[keys[i]] = std::move(spoken[i].samples);
      store(keys[i], std::move(spoken[i].piece));
    }
  }

  // The frames a part's packets take.
  std::int64_t frames(const std::string& key) const {
    return static_cast<std::int64_t>(pieces_.at(key).packets.size());
  }

  // Makes (in parallel) the mixed pieces of these runs of overlapping parts
  // that are not in the cache.
  void load_groups(const std::vector<std::vector<const Placed*>>& groups) {
    std::vector<const std::vector<const Placed*>*> missing;
    std::vector<std::string> keys;
    for (const auto& members : groups) {
      if (members.size() < 2) continue;
      std::string key = group_key(members);
      if (pieces_.count(key) != 0 || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      if (auto piece = cache_.get(key)) {
        ++cached;
        pieces_[key] = std::move(*piece);
      } else {
        missing.push_back(&members);
        keys.push_back(key);
      }
    }
    std::vector<std::string> parts;
    for (const auto* members : missing)
      for (const Placed* p : *members) parts.push_back(p->key);
    make_pcm(parts);
    std::vector<Piece> made(missing.size());
    in_parallel(missing.size(), workers_, [&](std::size_t i) { made[i] = encode_piece(mix(*missing[i])); });
    for (std::size_t i = 0; i < missing.size(); ++i) store(keys[i], std::move(made[i]));
  }

  // The packets of overlapping parts (or of one part), in order.
  const std::vector<std::string>& packets(const std::vector<const Placed*>& members) const {
    return pieces_.at(members.size() == 1 ? members[0]->key : group_key(members)).packets;
  }

  int synthesized = 0;
  int cached = 0;

 private:
  void store(const std::string& key, Piece piece) {
    cache_.put(key, piece);
    pieces_[key] = std::move(piece);
  }

  static std::string group_key(const std::vector<const Placed*>& members) {
    std::string key = "group";
    for (const Placed* p : members)
      key += "\n@" + std::to_string(p->frame - members[0]->frame) + " " + p->key;
    return key;
  }

  // Overlapping parts mixed into one sound, which must not clip.
  std::vector<float> mix(const std::vector<const Placed*>& members) const {
    std::vector<float> out;
    for (const Placed* p : members) {
      const auto& pcm = pcm_.at(p->key);
      auto offset = static_cast<std::size_t>(p->frame - members[0]->frame) * frame_input;
      out.resize(std::max(out.size(), offset + pcm.size()), 0.0f);
      for (std::size_t i = 0; i < pcm.size(); ++i) out[offset + i] += pcm[i];
    }
    float loudest = 0;
    for (float v : out) loudest = std::max(loudest, std::abs(v));
    if (loudest > 0.95f) normalize(out, 0.95f);
    return out;
  }

  // The samples of each of `parts` that has none yet (its piece came from the cache).
  void make_pcm(const std::vector<std::string>& parts) {
    std::vector<std::string> texts, keys;
    for (const auto& key : parts) {
      if (pcm_.count(key) != 0 || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const Part& part = plan_.parts.at(key);
      if (part.text.empty()) {
        pcm_[key] = chime(sample_rate, chime_ms_, part.rising);
      } else {
        texts.push_back(part.text);
        keys.push_back(key);
      }
    }
    auto spoken = speak_parts(texts, settings_, workers_, progress_, false);
    synthesized += static_cast<int>(texts.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      fade_edges(spoken[i].samples, edge_fade);  // as the workers do before encoding
      pcm_[keys[i]] = std::move(spoken[i].samples);
    }
  }

  const SentenceCache& cache_;
  const Plan& plan_;
  VoiceSettings settings_;
  int chime_ms_, workers_;
  Progress progress_;
  std::map<std::string, Piece> pieces_;
  std::map<std::string, std::vector<float>> pcm_;
};

// Every part at its frame, in time order.
std::vector<Placed> placed(const std::vector<const Sound*>& sounds, const Assembler& a) {
  std::vector<Placed> out;
  for (const Sound* s : sounds) {
    std::int64_t frame = s->frame;
    for (const auto& key : s->parts) {
      out.push_back({frame, s->at_ms, key});
      frame += a.frames(key);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Placed& x, const Placed& y) { return x.frame < y.frame; });
  return out;
}

// Parts whose packets would overlap, in runs.
std::vector<std::vector<const Placed*>> groups_of(const std::vector<Placed>& parts, const Assembler& a) {
  std::vector<std::vector<const Placed*>> out;
  std::int64_t end = 0;
  for (const Placed& p : parts) {
    if (out.empty() || p.frame >= end) out.emplace_back();
    out.back().push_back(&p);
    end = std::max(end, p.frame + a.frames(p.key));
  }
  return out;
}

// The stitched sound with the bed (its first samples) mixed in, encoded again in one pass.
Piece with_bed(const std::vector<const std::string*>& packets, std::size_t samples,
               const std::vector<float>& bed) {
  auto pcm = decode_stream(packets, samples);
  for (std::size_t i = 0; i < pcm.size() && i < bed.size(); ++i)
    pcm[i] = std::clamp(pcm[i] + bed[i], -1.0f, 1.0f);
  return encode_stream(pcm);
}

// Stitches `sounds` into a file `total_ms` long, with `bed` under it if it
// is not empty; returns its size.
std::uintmax_t stitch(const std::vector<const Sound*>& sounds, Assembler& assembler, int total_ms,
                      const std::string& path, const std::vector<float>& bed) {
  auto parts = placed(sounds, assembler);
  auto groups = groups_of(parts, assembler);
  assembler.load_groups(groups);
  OggOpusStream stream;
  stream.pre_skip = encoder_delay();
  stream.samples = static_cast<std::int64_t>(total_ms) * (opus_rate / 1000);
  stream.input_rate = sample_rate;
  auto frames =
      static_cast<std::size_t>((stream.pre_skip + stream.samples + frame_samples - 1) / frame_samples);
  stream.packets.assign(frames, &silent_packet());
  for (const auto& members : groups) {
    const auto& packets = assembler.packets(members);
    auto first = static_cast<std::size_t>(members[0]->frame);
    for (std::size_t k = 0; k < packets.size() && first + k < frames; ++k)
      stream.packets[first + k] = &packets[k];
  }
  if (bed.empty()) return write_ogg_opus(path, stream);
  Piece mixed = with_bed(stream.packets, static_cast<std::size_t>(total_ms) * (sample_rate / 1000), bed);
  stream.packets.clear();
  for (const auto& p : mixed.packets) stream.packets.push_back(&p);
  return write_ogg_opus(path, stream);
}

// Where the first part can end: the middle of the first quiet stretch of at
// least a second after the first few seconds, before any sound later than
// `loaded` (whose parts are not known yet). -1 if there is none.
constexpr std::int64_t quiet_frames = 1000 / frame_ms, earliest_frame = 5000 / frame_ms;

std::int64_t first_quiet(const std::vector<const Sound*>& loaded, const Sound* next, const Assembler& a) {
  auto parts = placed(loaded, a);
  std::int64_t end = 0;
  for (std::size_t i = 0; i <= parts.size(); ++i) {
    std::int64_t start = i < parts.size() ? parts[i].frame : next ? next->frame : -1;
    if (start < 0) return -1;
    if (end >= earliest_frame && start - end >= quiet_frames) return end + (start - end) / 2;
    if (i < parts.size()) end = std::max(end, parts[i].frame + a.frames(parts[i].key));
  }
  return -1;
}

// Writes the session's opening to `path`, speaking only the sounds it needs
// (more of them, a few at a time, until a quiet moment is found). Returns
// its length in seconds, or 0 if the session has no quiet moment for it.
double write_first_part(const std::vector<Sound>& sounds, Assembler& assembler, const std::string& path,
                        const std::vector<float>& bed) {
  std::vector<const Sound*> loaded;
  for (int horizon_ms = 15000; !sounds.empty(); horizon_ms *= 2) {
    std::vector<const Sound*> batch;
    for (std::size_t i = loaded.size(); i < sounds.size() && sounds[i].at_ms < horizon_ms; ++i)
      batch.push_back(&sounds[i]);
    assembler.load(batch);
    loaded.insert(loaded.end(), batch.begin(), batch.end());
    const Sound* next = loaded.size() < sounds.size() ? &sounds[loaded.size()] : nullptr;
    if (auto cut = first_quiet(loaded, next, assembler); cut > 0) {
      int ms = static_cast<int>(cut * frame_ms);
      stitch(loaded, assembler, ms, path, bed);
      return ms / 1000.0;
    }
    if (next == nullptr || horizon_ms > 120000) return 0;
  }
  return 0;
}

}  // namespace

double ogg_opus_seconds(const std::string& path) { return ogg_opus_length(path); }

RenderSummary render_opus(const session::Timeline& timeline, int chime_ms, const std::string& path,
                          const VoiceSettings& settings, int workers, const Progress& progress,
                          const CacheSettings& cache_settings, const RenderExtras& extras) {
  SentenceCache cache(cache_settings);
  auto plan = plan_of(timeline, chime_ms, key_base(settings));
  Assembler assembler(cache, plan, settings, chime_ms, workers, progress);
  RenderSummary summary;
  std::vector<float> bed;  // the whole session's, so the first part's is its start
  if (extras.background.bed != Bed::none)
    bed =
        background_bed(extras.background, static_cast<std::size_t>(timeline.total_ms) * (sample_rate / 1000));
  if (!extras.first_part.empty())
    summary.first_part_seconds = write_first_part(plan.sounds, assembler, extras.first_part, bed);
  std::vector<const Sound*> all;
  for (const auto& s : plan.sounds) all.push_back(&s);
  assembler.load(all);
  summary.format = Format::opus;
  summary.cues = static_cast<int>(timeline.cues.size());
  summary.seconds = timeline.total_ms / 1000.0;
  summary.bytes = stitch(all, assembler, timeline.total_ms, path, bed);
  summary.synthesized = assembler.synthesized;
  summary.cached = assembler.cached;
  cache.trim();
  return summary;
}

}  // namespace plantar::audio
