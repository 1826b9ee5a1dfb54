// Email addresses as account names: one spelling per person.
#include <algorithm>

#include "plantar/errors.h"
#include "plantar/pg_store.h"

namespace plantar::store_pg {

std::string checked_email(const std::string& text, const std::string& field) {
  std::size_t first = text.find_first_not_of(" \t");
  std::size_t last = text.find_last_not_of(" \t");
  std::string email = first == std::string::npos ? "" : text.substr(first, last - first + 1);
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  std::size_t at = email.find('@');
  bool plain = std::none_of(email.begin(), email.end(),
                            [](unsigned char c) { return c <= ' ' || c == 0x7f || c == '<' || c == '>'; });
  bool ok = plain && email.size() <= 254 && at != std::string::npos && at > 0 &&
            email.find('@', at + 1) == std::string::npos && email.find('.', at + 2) != std::string::npos &&
            email.back() != '.';
  if (!ok) throw BadInput(field, "expected an email address like sam@example.org");
  return email;
}

}  // namespace plantar::store_pg
