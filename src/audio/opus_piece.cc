// Opus encoding with libopus. CELT only (the restricted low-delay mode): a
// 2.5 ms delay, and an all-zero frame is coded as a "silence" frame that
// resets the band energies the next frame is predicted from, so independently
// encoded pieces can be joined packet by packet without a click.
#include "opus_piece.h"

#include <opus/opus.h>

#include <memory>

#include "plantar/errors.h"
#include "plantar/voice.h"

namespace plantar::audio {
namespace {

constexpr int bitrate = 32000;  // speech up to 8 kHz: clear, about 4 kB/s while speaking
constexpr int complexity = 3;   // measured: flite, then libopus, took most of a cold render
constexpr int max_packet = 1500;

struct EncoderDeleter {
  void operator()(OpusEncoder* e) const { opus_encoder_destroy(e); }
};
using Encoder = std::unique_ptr<OpusEncoder, EncoderDeleter>;

Encoder make_encoder() {
  int error = 0;
  Encoder e(opus_encoder_create(sample_rate, 1, OPUS_APPLICATION_RESTRICTED_LOWDELAY, &error));
  if (error != OPUS_OK || !e)
    throw Failure(std::string("cannot start the Opus encoder: ") + opus_strerror(error));
  opus_encoder_ctl(e.get(), OPUS_SET_BITRATE(bitrate));
  opus_encoder_ctl(e.get(), OPUS_SET_COMPLEXITY(complexity));
  opus_encoder_ctl(e.get(), OPUS_SET_VBR(1));
  opus_encoder_ctl(e.get(), OPUS_SET_MAX_BANDWIDTH(OPUS_BANDWIDTH_WIDEBAND));
  return e;
}

std::string encode_frame(OpusEncoder* e, const float* frame) {
  unsigned char out[max_packet];
  int n = opus_encode_float(e, frame, frame_input, out, max_packet);
  if (n < 0) throw Failure(std::string("Opus encoding failed: ") + opus_strerror(n));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// The encoder's lookahead in input (16 kHz) samples.
int input_delay() {
  static const int delay = [] {
    auto e = make_encoder();
    opus_int32 lookahead = 0;
    opus_encoder_ctl(e.get(), OPUS_GET_LOOKAHEAD(&lookahead));
    return static_cast<int>(lookahead);
  }();
  return delay;
}

}  // namespace

int encoder_delay() { return input_delay() * (opus_rate / sample_rate); }

std::size_t frames_for(std::size_t samples) {
  // The delay's worth of samples plus one whole frame of silence after the sound.
  std::size_t needed = samples + static_cast<std::size_t>(input_delay() + frame_input);
  return (needed + frame_input - 1) / frame_input;
}

namespace {

// `samples` followed by silence up to `frames` whole frames, one packet each.
Piece encode_frames(const std::vector<float>& samples, std::size_t frames) {
  std::vector<float> padded(frames * frame_input, 0.0f);
  std::copy(samples.begin(), samples.end(), padded.begin());
  auto e = make_encoder();
  Piece piece;
  piece.packets.reserve(frames);
  for (std::size_t f = 0; f < frames; ++f)
    piece.packets.push_back(encode_frame(e.get(), &padded[f * frame_input]));
  return piece;
}

}  // namespace

Piece encode_piece(const std::vector<float>& samples) {
  return encode_frames(samples, frames_for(samples.size()));
}

std::vector<float> decode_stream(const std::vector<const std::string*>& packets, std::size_t samples) {
  int error = 0;
  std::unique_ptr<OpusDecoder, void (*)(OpusDecoder*)> d(opus_decoder_create(sample_rate, 1, &error),
                                                         opus_decoder_destroy);
  if (error != OPUS_OK || !d)
    throw Failure(std::string("cannot start the Opus decoder: ") + opus_strerror(error));
  std::vector<float> out(packets.size() * frame_input);
  std::size_t at = 0;
  for (const std::string* p : packets) {
    int n = opus_decode_float(d.get(), reinterpret_cast<const unsigned char*>(p->data()),
                              static_cast<opus_int32>(p->size()), out.data() + at, frame_input, 0);
    if (n != frame_input) throw Failure("a stitched Opus packet did not decode");
    at += frame_input;
  }
  auto skip = static_cast<std::size_t>(input_delay());
  if (out.size() < skip + samples) throw Failure("the stitched stream is shorter than its sound");
  return std::vector<float>(out.begin() + static_cast<long>(skip),
                            out.begin() + static_cast<long>(skip + samples));
}

Piece encode_stream(const std::vector<float>& samples) {
  std::size_t frames =
      (samples.size() + static_cast<std::size_t>(input_delay()) + frame_input - 1) / frame_input;
  return encode_frames(samples, frames);
}

const std::string& silent_packet() {
  static const std::string packet = [] {
    auto e = make_encoder();
    std::vector<float> zeros(frame_input, 0.0f);
    std::string p;
    for (int i = 0; i < 3; ++i) p = encode_frame(e.get(), zeros.data());  // past the start-up frames
    return p;
  }();
  return packet;
}

}  // namespace plantar::audio
