// Downloads with libcurl and the MD5 check with OpenSSL's EVP interface.
#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include "plantar/errors.h"
#include "plantar/osm_download.h"

namespace plantar::places {
namespace {

namespace fs = std::filesystem;

// curl_global_init is not thread-safe: once per process, before any handle.
void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Handle {
  CURL* curl;
  Handle() : curl((init_curl(), curl_easy_init())) {
    if (curl == nullptr) throw Failure("cannot start libcurl");
  }
  ~Handle() { curl_easy_cleanup(curl); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

// What every request shares: HTTP(S) only, certificates verified (libcurl's
// default, set here so no later edit loses it), redirects followed, and a
// stalled connection given up after a minute.
void common_options(CURL* curl, const std::string& url, char* error_text) {
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // safe on the server's threads
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "plantar (https://github.com/plantar; places get)");
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  error_text[0] = '\0';
}

std::string curl_problem(CURLcode code, const char* error_text) {
  return error_text[0] != '\0' ? std::string(error_text) : std::string(curl_easy_strerror(code));
}

long status_of(CURL* curl) {
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

std::string status_problem(long status, const std::string& url) {
  if (status == 404) return fmt::format("the server has no such file (HTTP 404 for {})", url);
  return fmt::format("the server answered HTTP {} for {}", status, url);
}

size_t append_text(char* data, size_t size, size_t count, void* target) {
  auto* text = static_cast<std::string*>(target);
  constexpr std::size_t most = 64u << 20;  // an index or checksum is far smaller
  if (text->size() + size * count > most) return 0;
  text->append(data, size * count);
  return size * count;
}

// The file being written: opened on the first bytes of a good answer, so an
// error page never lands in it.
struct FileTarget {
  CURL* curl;
  std::string path;
  std::uint64_t resumed;
  std::FILE* file = nullptr;
  bool bad_status = false;
  DownloadFn progress;
  std::exception_ptr stopped;  // what the progress function threw: it ends the transfer
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  ~FileTarget() {
    if (file != nullptr) std::fclose(file);
  }

  bool open() {
    long status = status_of(curl);
    if (status != 200 && status != 206) {
      bad_status = true;
      return false;
    }
    if (status == 200) resumed = 0;  // the server sent the whole file: start over
    file = std::fopen(path.c_str(), resumed > 0 ? "ab" : "wb");
    return file != nullptr;
  }
};

size_t write_file(char* data, size_t size, size_t count, void* target) {
  auto* out = static_cast<FileTarget*>(target);
  if (out->file == nullptr && !out->open()) return 0;
  return std::fwrite(data, size, count, out->file) * size;
}

int report(void* target, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* out = static_cast<FileTarget*>(target);
  if (!out->progress) return 0;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - out->start).count();
  DownloadProgress p{out->resumed + static_cast<std::uint64_t>(now),
                     total > 0 ? out->resumed + static_cast<std::uint64_t>(total) : 0, out->resumed, seconds};
  try {
    out->progress(p);
  } catch (...) {
    out->stopped = std::current_exception();  // never through libcurl's C frames
    return 1;
  }
  return 0;
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

std::string osm_source(const std::string& flag, const std::string& where) {
  std::string source = !flag.empty() ? flag : env("PLANTAR_OSM_SOURCE");
  std::string named = !flag.empty() ? where : "PLANTAR_OSM_SOURCE";
  if (source.empty()) return default_osm_source;
  while (!source.empty() && source.back() == '/') source.pop_back();
  if (source.rfind("http://", 0) != 0 && source.rfind("https://", 0) != 0)
    throw BadInput(named, "expected an address starting with https:// or http://, e.g. " +
                              std::string(default_osm_source));
  return source;
}

std::string cache_dir() {
  std::string xdg = env("XDG_CACHE_HOME");
  if (!xdg.empty()) return xdg + "/plantar";
  std::string home = env("HOME");
  if (home.empty()) throw Failure("cannot tell where to keep downloads: set XDG_CACHE_HOME or HOME");
  return home + "/.cache/plantar";
}

std::string source_key(const std::string& source) {
  std::string rest = source.substr(source.find("://") == std::string::npos ? 0 : source.find("://") + 3);
  std::string key;
  for (char c : rest) key += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  return key.empty() ? "source" : key;
}

void check_region_path(const std::string& region, const std::string& where) {
  bool ok = !region.empty() && region.front() != '/' && region.back() != '/' &&
            region.find("//") == std::string::npos;
  for (char c : region)
    ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                c == '-' || c == '/');
  if (!ok)
    throw BadInput(where,
                   "expected a region path such as europe/liechtenstein (see 'plantar places regions'), "
                   "got '" +
                       region + "'");
}

std::string http_text(const std::string& url, const std::string& where) {
  Handle handle;
  char error_text[CURL_ERROR_SIZE];
  common_options(handle.curl, url, error_text);
  std::string body;
  curl_easy_setopt(handle.curl, CURLOPT_WRITEFUNCTION, append_text);
  curl_easy_setopt(handle.curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(handle.curl, CURLOPT_TIMEOUT, 120L);
  CURLcode code = curl_easy_perform(handle.curl);
  if (code != CURLE_OK) throw BadInput(where, "cannot fetch " + url + ": " + curl_problem(code, error_text));
  long status = status_of(handle.curl);
  if (status != 200) throw BadInput(where, status_problem(status, url));
  return body;
}

std::uint64_t http_file(const std::string& url, const std::string& path, const std::string& where,
                        const DownloadFn& progress) {
  std::error_code ignored;
  std::uint64_t have = fs::exists(path) ? fs::file_size(path, ignored) : 0;
  Handle handle;
  char error_text[CURL_ERROR_SIZE];
  common_options(handle.curl, url, error_text);
  FileTarget target{handle.curl, path, have, nullptr, false, progress, nullptr};
  curl_easy_setopt(handle.curl, CURLOPT_WRITEFUNCTION, write_file);
  curl_easy_setopt(handle.curl, CURLOPT_WRITEDATA, &target);
  curl_easy_setopt(handle.curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle.curl, CURLOPT_XFERINFOFUNCTION, report);
  curl_easy_setopt(handle.curl, CURLOPT_XFERINFODATA, &target);
  if (have > 0) curl_easy_setopt(handle.curl, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(have));
  CURLcode code = curl_easy_perform(handle.curl);
  long status = status_of(handle.curl);
  if (target.file != nullptr && std::fclose(target.file) != 0) code = CURLE_WRITE_ERROR;
  target.file = nullptr;
  if (target.stopped) std::rethrow_exception(target.stopped);
  // 416: nothing left to send; the file was already whole.
  if (have > 0 && status == 416) return have;
  if (target.bad_status || (code == CURLE_OK && status != 200 && status != 206))
    throw BadInput(where, status_problem(status, url));
  if (code == CURLE_WRITE_ERROR) throw Failure("cannot write " + path);
  if (code != CURLE_OK) {
    std::uint64_t now = fs::exists(path) ? fs::file_size(path, ignored) : 0;
    throw BadInput(where, fmt::format("the download of {} stopped after {:.1f} MB: {}. Run the same command "
                                      "again to go on from there",
                                      url, static_cast<double>(now) / 1e6, curl_problem(code, error_text)));
  }
  return target.resumed;
}

std::string file_md5(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure("cannot read " + path);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1)
    throw Failure("cannot compute MD5 checksums (OpenSSL)");
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0)
      EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw Failure("cannot read " + path);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::string published_md5(const std::string& text, const std::string& where) {
  std::string hex;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) break;
    hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (hex.size() != 32) throw BadInput(where, "the published .md5 file holds no MD5 checksum");
  return hex;
}

}  // namespace plantar::places
