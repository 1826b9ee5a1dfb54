// The on-disk sentence cache. One file per entry:
//   "plantar-opus-1\n", the key's length (u32) and the key, the packet count
//   (u32), each packet's length (u16) and bytes, then an FNV-1a 64 checksum
//   of everything before it.
// The file's name is the key's hash; the stored key guards against a clash.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "plantar/audio_cache.h"
#include "plantar/errors.h"

namespace plantar::audio {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view magic = "plantar-opus-1\n";
constexpr const char* suffix = ".opc";

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

template <typename T>
void put_int(std::string& out, T value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof value);
}

// Reads a little integer at `at`, advancing it; false past the end.
template <typename T>
bool get_int(std::string_view in, std::size_t& at, T& value) {
  if (in.size() - at < sizeof value) return false;
  std::memcpy(&value, in.data() + at, sizeof value);
  at += sizeof value;
  return true;
}

std::string serialize(const std::string& key, const Piece& piece) {
  std::string out(magic);
  put_int(out, static_cast<std::uint32_t>(key.size()));
  out += key;
  put_int(out, static_cast<std::uint32_t>(piece.packets.size()));
  for (const auto& p : piece.packets) {
    put_int(out, static_cast<std::uint16_t>(p.size()));
    out += p;
  }
  put_int(out, fnv1a(out));
  return out;
}

std::optional<Piece> parse(std::string_view in, const std::string& key) {
  constexpr std::size_t sum_size = sizeof(std::uint64_t);
  if (in.size() < magic.size() + sum_size || in.substr(0, magic.size()) != magic) return std::nullopt;
  std::string_view body = in.substr(0, in.size() - sum_size);
  std::uint64_t sum = 0;
  std::memcpy(&sum, in.data() + body.size(), sum_size);
  if (sum != fnv1a(body)) return std::nullopt;
  std::size_t at = magic.size();
  std::uint32_t key_size = 0, count = 0;
  if (!get_int(body, at, key_size) || body.size() - at < key_size || body.substr(at, key_size) != key)
    return std::nullopt;
  at += key_size;
  if (!get_int(body, at, count)) return std::nullopt;
  Piece piece;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint16_t size = 0;
    if (!get_int(body, at, size) || body.size() - at < size || size == 0) return std::nullopt;
    piece.packets.emplace_back(body.substr(at, size));
    at += size;
  }
  if (at != body.size() || piece.packets.empty()) return std::nullopt;
  return piece;
}

std::uintmax_t size_limit() {
  const char* text = std::getenv("PLANTAR_AUDIO_CACHE_MB");
  if (text == nullptr || *text == '\0') return 64;
  std::uintmax_t mb = 0;
  auto end = text + std::strlen(text);
  auto [p, error] = std::from_chars(text, end, mb);
  if (error != std::errc() || p != end || mb < 1 || mb > 100000)
    throw BadInput("PLANTAR_AUDIO_CACHE_MB",
                   "expected a whole number of megabytes from 1 to 100000, got '" + std::string(text) + "'");
  return mb;
}

}  // namespace

CacheSettings default_cache() {
  CacheSettings out;
  out.max_bytes = size_limit() << 20;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (xdg != nullptr && *xdg == '/')  // the XDG spec: relative paths are ignored
    out.folder = fs::path(xdg) / "plantar" / "sentences";
  else if (home != nullptr && *home == '/')
    out.folder = fs::path(home) / ".cache" / "plantar" / "sentences";
  else
    out.folder = fs::temp_directory_path() / ("plantar-sentences-" + std::to_string(getuid()));
  return out;
}

SentenceCache::SentenceCache(CacheSettings settings) : settings_(std::move(settings)) {
  std::error_code error;
  fs::create_directories(settings_.folder, error);
  if (!fs::is_directory(settings_.folder))
    throw Failure("cannot use the audio cache folder " + settings_.folder.string() +
                  (error ? ": " + error.message() : std::string()));
}

fs::path SentenceCache::file_for(const std::string& key) const {
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(fnv1a(key)));
  return settings_.folder / (std::string(name) + suffix);
}

std::optional<Piece> SentenceCache::get(const std::string& key) const {
  auto file = file_for(key);
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto piece = parse(bytes.str(), key);
  std::error_code ignored;
  if (piece) fs::last_write_time(file, fs::file_time_type::clock::now(), ignored);  // recently used
  return piece;
}

bool SentenceCache::put(const std::string& key, const Piece& piece) const {
  static std::atomic<int> counter{0};
  auto file = file_for(key);
  fs::path temporary =
      file.string() + "." + std::to_string(getpid()) + "." + std::to_string(counter++) + ".tmp";
  std::string bytes = serialize(key, piece);
  bool ok = static_cast<bool>(
      std::ofstream(temporary, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size())));
  std::error_code error;
  if (ok) fs::rename(temporary, file, error);
  if (!ok || error) fs::remove(temporary, error);
  return ok && !error;
}

int SentenceCache::trim() const {
  std::vector<std::tuple<fs::file_time_type, fs::path, std::uintmax_t>> entries;
  std::uintmax_t total = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(settings_.folder, error)) {
    if (!entry.is_regular_file(error) || entry.path().extension() != suffix) continue;
    auto size = entry.file_size(error);
    if (error) continue;
    entries.emplace_back(entry.last_write_time(error), entry.path(), size);
    total += size;
  }
  std::sort(entries.begin(), entries.end());
  int removed = 0;
  for (const auto& [time, path, size] : entries) {
    if (total <= settings_.max_bytes) break;
    if (fs::remove(path, error)) ++removed;
    total -= size;
  }
  return removed;
}

}  // namespace plantar::audio
