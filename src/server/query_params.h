// Reading the query parameters of an API request into the options of the CLI
// command it mirrors, and naming the request's fields in the CLI's errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "api.h"
#include "plantar/errors.h"

namespace plantar::server {

/// The parameter's value, or `fallback` when it is not given.
std::string param(const Request& request, const std::string& name, const std::string& fallback = "");

/// A whole number from `low` to `high`; throws BadInput naming the parameter.
int int_param(const Request& request, const std::string& name, int fallback, int low, int high);

/// A number; throws BadInput naming the parameter.
double number_param(const Request& request, const std::string& name, double fallback);

/// "1", "true", "yes" or "0", "false", "no", "" (absent: false).
bool flag_param(const Request& request, const std::string& name);

/// The words of a parameter split at `separator`, without empty ones.
std::vector<std::string> list_param(const Request& request, const std::string& name, char separator = ',');

/// The CLI's error with its flag ("--kind", "WHERE") renamed to the request's
/// field ("kind", "at"), so a 400 names what the browser sent.
BadInput renamed(const BadInput& error, const std::map<std::string, std::string>& fields);

}  // namespace plantar::server
