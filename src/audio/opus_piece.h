// Encoding one sound into Opus packets. The encoder takes the voice's own
// 16 kHz samples (CELT upsamples them inside, cleanly band-limited: no
// resampler of ours, no second pass); the packets decode at 48 kHz. Private
// to the audio layer.
#pragma once

#include <string>
#include <vector>

#include "plantar/audio_cache.h"

namespace plantar::audio {

inline constexpr int opus_rate = 48000;
inline constexpr int frame_samples = 960;  // 20 ms at 48 kHz (granule positions)
inline constexpr int frame_input = 320;    // 20 ms of the 16 kHz input

/// What the encoder's settings are, for the cache's keys.
inline constexpr const char* encoder_settings = "celt 16 kHz in, 32 kbit/s vbr complexity 3";

/// The encoder's delay in samples at 48 kHz: the Ogg pre-skip.
int encoder_delay();

/// How many 20 ms frames the piece of a sound `samples` long (16 kHz) has:
/// the sound, the encoder's delay and at least one whole silent frame.
std::size_t frames_for(std::size_t samples);

/// `samples` (16 kHz, mono) as frames_for(size) Opus packets from a fresh
/// encoder, padded with silence so the whole sound comes out and the last
/// frame is silent (the decoder then holds the state a fresh encoder assumes
/// for the next piece).
Piece encode_piece(const std::vector<float>& samples);

/// Decodes a stream's `packets` and returns its sound after the pre-skip,
/// `samples` long (16 kHz). Throws Failure if a packet does not decode.
std::vector<float> decode_stream(const std::vector<const std::string*>& packets, std::size_t samples);

/// `samples` (16 kHz) encoded in one pass by one encoder: the packets of a
/// stream whose pre-skip is encoder_delay(), just enough of them.
Piece encode_stream(const std::vector<float>& samples);

/// A packet that decodes to 20 ms of silence, for the gaps between pieces.
const std::string& silent_packet();

}  // namespace plantar::audio
