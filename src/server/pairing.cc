// Pairing codes, sessions and the terminal QR code (libqrencode).
#include "pairing.h"
#include "plantar/server.h"

#include <qrencode.h>

#include <random>

namespace plantar::server {

std::string random_hex(std::size_t bytes) {
  std::random_device device;
  std::string out;
  const char* digits = "0123456789abcdef";
  for (std::size_t i = 0; i < bytes; ++i) {
    unsigned value = device() & 0xffu;
    out += digits[value >> 4];
    out += digits[value & 0xfu];
  }
  return out;
}

Pairing::Pairing() : code_(random_hex(8)) {}

std::string Pairing::code() const {
  std::lock_guard lock(mutex_);
  return code_;
}

std::string Pairing::pair(const std::string& code) {
  std::lock_guard lock(mutex_);
  if (code.empty() || code != code_) return "";
  code_ = random_hex(8);
  std::string session = random_hex(24);
  sessions_.insert(session);
  return session;
}

std::string Pairing::open_session() {
  std::lock_guard lock(mutex_);
  if (sessions_.size() >= 10000) sessions_.clear();  // bounded: old browsers sign in again
  std::string session = random_hex(24);
  sessions_.insert(session);
  return session;
}

bool Pairing::paired(const std::string& session) const {
  std::lock_guard lock(mutex_);
  return !session.empty() && sessions_.count(session) > 0;
}

std::string qr_text(const std::string& text) {
  QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) return "";
  const int quiet = 2;
  const int size = code->width + 2 * quiet;
  auto dark = [&](int x, int y) {
    x -= quiet;
    y -= quiet;
    if (x < 0 || y < 0 || x >= code->width || y >= code->width) return false;
    return (code->data[y * code->width + x] & 1) != 0;
  };
  // Light cells are drawn as blocks so the code reads on dark terminals too.
  std::string out;
  for (int y = 0; y < size; y += 2) {
    for (int x = 0; x < size; ++x) {
      bool top = dark(x, y), bottom = y + 1 < size && dark(x, y + 1);
      if (!top && !bottom)
        out += "\u2588";
      else if (!top)
        out += "\u2580";
      else if (!bottom)
        out += "\u2584";
      else
        out += " ";
    }
    out += "\n";
  }
  QRcode_free(code);
  return out;
}

}  // namespace plantar::server
