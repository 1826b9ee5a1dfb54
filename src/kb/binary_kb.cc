// Writes and reads the binary form field by field through fields.h: strings
// and containers as a 32-bit count and their items, numbers, booleans and
// enums as their bytes, structs as their fields in order.
#include "binary_kb.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "fields.h"
#include "plantar/errors.h"

namespace plantar::kb {
namespace {

// "plantar-kb" and a version: a form from another layout is refused.
constexpr std::string_view magic{"plantar-kb\x01", 11};

using fields::IsMap;
using fields::IsOptional;
using fields::IsPair;
using fields::IsVector;

template <typename T>
constexpr bool is_plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;

class Writer {
 public:
  std::string out;

  template <typename T>
  void value(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
      count(v.size());
      out.append(v);
    } else if constexpr (is_plain<T>) {
      out.append(reinterpret_cast<const char*>(&v), sizeof v);
    } else if constexpr (IsVector<T>::value || IsMap<T>::value) {
      count(v.size());
      for (const auto& item : v) value(item);
    } else if constexpr (IsOptional<T>::value) {
      value(v.has_value());
      if (v) value(*v);
    } else if constexpr (IsPair<T>::value) {
      value(v.first);
      value(v.second);
    } else {
      fields::apply(v, [this](const auto&... field) { (value(field), ...); });
    }
  }

 private:
  void count(std::size_t n) {
    if (n > UINT32_MAX) throw Failure("the knowledge base is too large to compile");
    value(static_cast<std::uint32_t>(n));
  }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  template <typename T>
  void value(T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
      v.assign(take(count()));
    } else if constexpr (std::is_same_v<T, bool>) {
      auto byte = static_cast<unsigned char>(take(1)[0]);
      if (byte > 1) damaged();
      v = byte == 1;
    } else if constexpr (is_plain<T>) {
      std::memcpy(&v, take(sizeof v).data(), sizeof v);
    } else if constexpr (IsVector<T>::value) {
      v.resize(count());
      for (auto& item : v) value(item);
    } else if constexpr (IsMap<T>::value) {
      for (std::uint32_t n = count(); n > 0; --n) {
        std::pair<typename T::key_type, typename T::mapped_type> item;
        value(item);
        v.insert(v.end(), std::move(item));
      }
    } else if constexpr (IsOptional<T>::value) {
      bool present = false;
      value(present);
      if (present) value(v.emplace());
    } else if constexpr (IsPair<T>::value) {
      value(v.first);
      value(v.second);
    } else {
      fields::apply(v, [this](auto&... field) { (value(field), ...); });
    }
  }

  std::string_view take(std::size_t n) {
    if (n > rest_.size()) damaged();
    auto piece = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return piece;
  }

  bool done() const { return rest_.empty(); }

 private:
  std::uint32_t count() {
    std::uint32_t n = 0;
    value(n);
    // Each item takes at least one byte: a larger count is damage, not a
    // reason to allocate.
    if (n > rest_.size()) damaged();
    return n;
  }

  [[noreturn]] static void damaged() {
    throw Failure("the compiled knowledge base is damaged; rebuild plantar");
  }

  std::string_view rest_;
};

}  // namespace

std::string to_binary(const KnowledgeBase& kb) {
  Writer writer;
  writer.out.append(magic);
  writer.value(kb);
  return std::move(writer.out);
}

KnowledgeBase from_binary(std::string_view bytes) {
  Reader reader(bytes);
  if (reader.take(std::min(bytes.size(), magic.size())) != magic)
    throw Failure("the compiled knowledge base is from another version; rebuild plantar");
  KnowledgeBase kb;
  reader.value(kb);
  if (!reader.done()) throw Failure("the compiled knowledge base is damaged; rebuild plantar");
  return kb;
}

}  // namespace plantar::kb
