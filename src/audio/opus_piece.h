// Encoding one sound into Opus packets at 48 kHz. Private to the audio layer.
#pragma once

#include <string>
#include <vector>

#include "plantar/audio_cache.h"

namespace plantar::audio {

inline constexpr int opus_rate = 48000;
inline constexpr int frame_samples = 960;  // 20 ms at 48 kHz

/// What the encoder's settings are, for the cache's keys.
inline constexpr const char* encoder_settings = "celt 32 kbit/s vbr complexity 3";

/// The encoder's delay in samples at 48 kHz: the Ogg pre-skip.
int encoder_delay();

/// `samples` (48 kHz, mono) as Opus packets from a fresh encoder, padded with
/// silence so the whole sound comes out and the last frame is silent (the
/// decoder then holds the state a fresh encoder assumes for the next piece).
Piece encode_piece(const std::vector<float>& samples);

/// A packet that decodes to 20 ms of silence, for the gaps between pieces.
const std::string& silent_packet();

}  // namespace plantar::audio
