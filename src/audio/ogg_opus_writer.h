// Writing Opus packets into an Ogg Opus file (RFC 7845) with libogg, which
// computes the page CRCs. Private to the audio layer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plantar::audio {

struct OggOpusStream {
  std::vector<const std::string*> packets;  // one 20 ms frame each, in order
  int pre_skip = 0;                         // samples at 48 kHz to drop at the start
  std::int64_t samples = 0;                 // samples at 48 kHz to play after the pre-skip
  int input_rate = 16000;                   // the rate the sound was made at (informative)
};

/// Writes `stream` to `path` through a temporary file and a rename. The
/// last page's granule position ends the stream after exactly `samples`.
/// Returns the file's size. Throws Failure if it cannot write, or if the
/// packets are too few for `samples`.
std::uintmax_t write_ogg_opus(const std::string& path, const OggOpusStream& stream);

/// The length in seconds of an Ogg Opus file: its last page's granule
/// position less the pre-skip, at 48 kHz. -1 if it is not one.
double ogg_opus_length(const std::string& path);

}  // namespace plantar::audio
