// PostgreSQL array literals ("{...}"), so that one statement can carry many
// rows (INSERT ... SELECT FROM unnest($2::text[], ...)): every text quoted,
// a missing value NULL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plantar::store_pg {

/// {"a","b \"c\""}: each text in double quotes, " and \ escaped; nullopt is NULL.
std::string text_array(const std::vector<std::optional<std::string>>& items);
std::string text_array(const std::vector<std::string>& items);
/// {1,NULL,3}
std::string number_array(const std::vector<std::optional<std::int64_t>>& items);
std::string number_array(const std::vector<std::int64_t>& items);

}  // namespace plantar::store_pg
