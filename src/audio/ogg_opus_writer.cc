// The Ogg Opus container: an OpusHead page, an OpusTags page, then the audio
// packets with their granule positions (48 kHz samples, pre-skip included).
#include "ogg_opus_writer.h"

#include <ogg/ogg.h>
#include <opus/opus.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "opus_piece.h"
#include "plantar/errors.h"
#include "plantar/version.h"

namespace plantar::audio {
namespace {

constexpr std::int64_t frames_per_page = 50;  // one second

void put_le(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::string opus_head(const OggOpusStream& s) {
  std::string out = "OpusHead";
  out += static_cast<char>(1);  // version
  out += static_cast<char>(1);  // channels
  put_le(out, static_cast<std::uint64_t>(s.pre_skip), 2);
  put_le(out, static_cast<std::uint64_t>(s.input_rate), 4);
  put_le(out, 0, 2);            // output gain
  out += static_cast<char>(0);  // channel mapping family: mono/stereo
  return out;
}

std::string opus_tags() {
  std::string vendor = std::string("plantar ") + version + ", " + opus_get_version_string();
  std::string out = "OpusTags";
  put_le(out, vendor.size(), 4);
  out += vendor;
  put_le(out, 0, 4);  // no user comments
  return out;
}

class Writer {
 public:
  explicit Writer(std::FILE* file) : file_(file) {
    std::random_device random;
    ogg_stream_init(&stream_, static_cast<int>(random()));
  }
  ~Writer() { ogg_stream_clear(&stream_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void packet(const std::string& bytes, std::int64_t granule, bool last) {
    ogg_packet p{};
    p.packet = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data()));
    p.bytes = static_cast<long>(bytes.size());
    p.b_o_s = number_ == 0;
    p.e_o_s = last;
    p.granulepos = granule;
    p.packetno = number_++;
    ogg_stream_packetin(&stream_, &p);
  }
  // Writes the pages that are full, or (flush) everything.
  void pages(bool flush) {
    ogg_page page;
    while (flush ? ogg_stream_flush(&stream_, &page) : ogg_stream_pageout(&stream_, &page)) {
      ok_ = ok_ && std::fwrite(page.header, 1, static_cast<std::size_t>(page.header_len), file_) ==
                       static_cast<std::size_t>(page.header_len);
      ok_ = ok_ && std::fwrite(page.body, 1, static_cast<std::size_t>(page.body_len), file_) ==
                       static_cast<std::size_t>(page.body_len);
    }
  }
  bool ok() const { return ok_; }

 private:
  std::FILE* file_;
  ogg_stream_state stream_{};
  std::int64_t number_ = 0;
  bool ok_ = true;
};

}  // namespace

std::uintmax_t write_ogg_opus(const std::string& path, const OggOpusStream& s) {
  const std::int64_t end = s.pre_skip + s.samples;
  const auto frames = static_cast<std::int64_t>(s.packets.size());
  if (frames * frame_samples < end || (frames - 1) * frame_samples >= end)
    throw Failure("the stitched stream has " + std::to_string(frames) + " frames for " + std::to_string(end) +
                  " samples");
  std::string temporary = path + ".partial";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) throw Failure("cannot write " + path + ": " + std::strerror(errno));
  bool ok = true;
  {
    Writer w(file);
    w.packet(opus_head(s), 0, false);
    w.pages(true);  // each header on its own page (RFC 7845 section 3)
    w.packet(opus_tags(), 0, false);
    w.pages(true);
    for (std::int64_t i = 0; i < frames; ++i) {
      bool last = i + 1 == frames;
      w.packet(*s.packets[static_cast<std::size_t>(i)], last ? end : (i + 1) * frame_samples, last);
      // At most a second a page (RFC 7845 advises it: seeking and muxing delay).
      w.pages(last || (i + 1) % frames_per_page == 0);
    }
    ok = w.ok();
  }
  ok = std::fclose(file) == 0 && ok;
  std::error_code error;
  if (ok) std::filesystem::rename(temporary, path, error);
  if (!ok || error) {
    std::filesystem::remove(temporary, error);
    throw Failure("cannot write " + path);
  }
  return std::filesystem::file_size(path);
}

double ogg_opus_length(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return -1;
  std::string bytes;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) bytes.append(buffer, n);
  std::fclose(file);
  auto le = [&](std::size_t at, int size) {
    std::uint64_t v = 0;
    for (int i = size - 1; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
  };
  std::int64_t pre_skip = -1, granule = -1;
  for (std::size_t at = 0; at + 27 <= bytes.size();) {
    if (bytes.compare(at, 4, "OggS") != 0) return -1;
    std::size_t segments = static_cast<unsigned char>(bytes[at + 26]), body = at + 27 + segments, size = 0;
    if (body > bytes.size()) return -1;
    for (std::size_t i = 0; i < segments; ++i) size += static_cast<unsigned char>(bytes[at + 27 + i]);
    if (body + size > bytes.size()) return -1;
    if (pre_skip < 0) {
      if (size < 19 || bytes.compare(body, 8, "OpusHead") != 0) return -1;
      pre_skip = static_cast<std::int64_t>(le(body + 10, 2));
    }
    granule = static_cast<std::int64_t>(le(at + 6, 8));
    at = body + size;
  }
  if (pre_skip < 0 || granule < pre_skip) return -1;
  return static_cast<double>(granule - pre_skip) / opus_rate;
}

}  // namespace plantar::audio
