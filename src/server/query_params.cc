#include "query_params.h"

#include <charconv>
#include <cmath>

namespace plantar::server {

std::string param(const Request& request, const std::string& name, const std::string& fallback) {
  auto found = request.query.find(name);
  return found == request.query.end() ? fallback : found->second;
}

int int_param(const Request& request, const std::string& name, int fallback, int low, int high) {
  std::string text = param(request, name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    throw BadInput(name, "expected a whole number from " + std::to_string(low) + " to " +
                             std::to_string(high) + ", got '" + text + "'");
  return value;
}

double number_param(const Request& request, const std::string& name, double fallback) {
  std::string text = param(request, name);
  if (text.empty()) return fallback;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw BadInput(name, "expected a number, got '" + text + "'");
  return value;
}

bool flag_param(const Request& request, const std::string& name) {
  std::string text = param(request, name);
  if (text == "1" || text == "true" || text == "yes") return true;
  if (text.empty() || text == "0" || text == "false" || text == "no") return false;
  throw BadInput(name, "expected 1 or 0, got '" + text + "'");
}

std::vector<std::string> list_param(const Request& request, const std::string& name, char separator) {
  std::vector<std::string> out;
  std::string word;
  for (char c : param(request, name) + separator) {
    if (c != separator) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

BadInput renamed(const BadInput& error, const std::map<std::string, std::string>& fields) {
  auto found = fields.find(error.where());
  if (found == fields.end()) return error;
  std::string message = error.what();
  std::string prefix = error.where() + ": ";
  if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
  return BadInput(found->second, message);
}

}  // namespace plantar::server
