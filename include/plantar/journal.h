// The journal: how each session went (ratings before and after, sore spots,
// notes) and the next morning's sleep and heel pain. The types and their
// checks are pure; storage sits behind the small `Journal` interface
// (SQLite by default, open_sqlite_journal) so another store can join later.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/planner.h"
#include "plantar/timestamp.h"
#include "plantar/vocabulary.h"

namespace plantar::journal {

/// Rated 0..10 before and after a session.
inline const std::vector<std::string> session_measures{"stress", "pain", "tension"};
/// Rated 0..10 the next morning.
inline const std::vector<std::string> morning_measures{"sleep", "heel_pain"};
inline constexpr int min_rating = 0;
inline constexpr int max_rating = 10;

/// Measure name → rating 0..10; a measure not rated is absent.
using Ratings = std::map<std::string, int>;

/// A sore place: foot, region, a point in the region's normalized box
/// (0,0 top-left .. 1,1 bottom-right of the region's outline, left-foot
/// drawing; the right foot mirrors it) and how sore, 0..10.
struct SoreSpot {
  Foot foot = Foot::left;
  Region region = Region::arch;
  double x = 0.5, y = 0.5;
  int intensity = 5;
  bool operator==(const SoreSpot&) const = default;
};

struct Session {
  std::int64_t id = 0;  // given by the store
  Timestamp start;
  std::optional<Timestamp> end;
  std::optional<int> minutes;
  std::vector<std::string> goals;
  std::vector<std::string> techniques;
  std::string routine_json;  // the routine as `plantar plan --json` prints it, or ""
  std::optional<int> steps_total, steps_done;
  bool finished = true;
  std::string stop_reason;  // why it stopped early, when it did
  Ratings before, after, morning;
  std::vector<SoreSpot> sore;
  std::string note;
  bool operator==(const Session&) const = default;
};

/// Checks ranges, measure names and consistency; throws BadInput naming
/// `where` + the field (e.g. "sessions[2].before.stress").
void validate(const Session& session, const std::string& where);

/// Checks that the session's goals and techniques are in the knowledge base;
/// throws BadInput naming `goals_field` or `techniques_field`, with a "did you mean".
void check_known_ids(const kb::KnowledgeBase& kb, const Session& session, const std::string& goals_field,
                     const std::string& techniques_field);

/// Parses "stress=7,pain=4" against `measures`; throws BadInput naming `flag`.
Ratings parse_ratings(std::string_view text, const std::vector<std::string>& measures,
                      const std::string& flag);
/// Parses "left:arch=6" or "left:arch@0.3,0.7=6"; throws BadInput naming `flag`.
SoreSpot parse_sore_spot(std::string_view text, const std::string& flag);
/// "left:arch@0.30,0.70=6", the inverse of parse_sore_spot.
std::string format_sore_spot(const SoreSpot& spot);

/// A session from a planned routine, for `plantar guide`: goals, techniques,
/// minutes and the routine's JSON filled in; ratings left for the caller.
Session session_from_routine(const planner::Routine& routine, const std::vector<std::string>& goals,
                             const std::string& routine_json, Timestamp start);

/// Where sessions are kept. Every write is one transaction: all or nothing.
class Journal {
 public:
  virtual ~Journal() = default;
  /// Stores a validated session and returns its id. Throws Failure if it cannot.
  virtual std::int64_t record_session(const Session& session) = 0;
  /// Replaces every field of the stored session `session.id` (a correction).
  /// Returns false, changing nothing, when there is no such session.
  virtual bool replace_session(const Session& session) = 0;
  /// Removes a session with its ratings and sore spots; false when there is
  /// no such session.
  virtual bool delete_session(std::int64_t session_id) = 0;
  /// Adds or replaces next-morning ratings of a stored session.
  virtual void record_morning(std::int64_t session_id, const Ratings& morning) = 0;
  /// Stores all sessions or none; sessions equal in start time and content
  /// to a stored one are skipped. Returns how many were added.
  virtual int import_sessions(const std::vector<Session>& sessions) = 0;
  /// Every session, oldest first.
  virtual std::vector<Session> sessions() const = 0;
  /// The schema version of the store.
  virtual int schema_version() const = 0;
};

/// The newest schema this program writes.
inline constexpr int schema_version = 1;

/// Opens (creating it with mode 0600 and migrating it when needed) the
/// SQLite journal at `path`. Throws Failure with a clear message when the
/// file cannot be used, or was written by a newer plantar.
std::unique_ptr<Journal> open_sqlite_journal(const std::string& path);

}  // namespace plantar::journal
