// The sentence cache: every spoken sentence (and each chime) kept on disk
// already encoded as Opus packets, so a session's Ogg Opus file is stitched
// from them instead of being synthesized and encoded again. Entries are keyed
// by voice, voice settings, text and program version, carry a checksum (a
// damaged entry is a miss, never played), and the folder is trimmed to a
// size limit, least recently used first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plantar::audio {

/// One sound encoded as Opus: one packet per 20 ms frame at 48 kHz. It
/// starts where the sound starts and ends in at least one silent frame, so
/// packets from different pieces can follow each other.
struct Piece {
  std::vector<std::string> packets;
};

struct CacheSettings {
  std::filesystem::path folder;
  std::uintmax_t max_bytes = 64ull << 20;
};

/// $XDG_CACHE_HOME/plantar/sentences (else ~/.cache/plantar/sentences, else
/// a private folder in /tmp), at most $PLANTAR_AUDIO_CACHE_MB megabytes
/// (default 64). Throws BadInput naming PLANTAR_AUDIO_CACHE_MB if it is not
/// a whole number from 1 to 100000.
CacheSettings default_cache();

class SentenceCache {
 public:
  /// Creates the folder if needed; throws Failure if it cannot be used.
  explicit SentenceCache(CacheSettings settings);

  /// The piece stored under `key`, or nothing if it is missing, damaged or
  /// made for another key. A hit counts as a use for trimming.
  std::optional<Piece> get(const std::string& key) const;
  /// Stores `piece` under `key` (a temporary file and a rename, so readers
  /// never see half an entry). Returns false if it could not be written.
  bool put(const std::string& key, const Piece& piece) const;
  /// Removes the least recently used entries until the folder's entries
  /// fit the size limit. Returns how many it removed.
  int trim() const;
  /// The file an entry is (or would be) stored in.
  std::filesystem::path file_for(const std::string& key) const;
  const CacheSettings& settings() const { return settings_; }

 private:
  CacheSettings settings_;
};

}  // namespace plantar::audio
