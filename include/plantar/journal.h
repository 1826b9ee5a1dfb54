// The journal: how each session went (ratings before and after, sore spots,
// notes) and the next morning's sleep and heel pain. The types and their
// checks are pure; storage sits behind the small `Journal` interface
// (SQLite by default, open_sqlite_journal) so another store can join later.
// The interface answers with queries (the last N sessions, one session, the
// sums behind `stats`), so that what a command costs grows with what it
// shows, not with the whole history.
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

/// Whole-number sums of values, which a store adds up exactly (in SQL):
/// how many, their sum and the sum of their squares. The values are whole
/// multiples of 1/scale; insights::summarize turns them into a mean and a
/// spread, the same whoever added them up.
struct Moments {
  std::int64_t count = 0, sum = 0, squares = 0;
  void add(std::int64_t value);
  void add(const Moments& other);
  bool operator==(const Moments&) const = default;
};

/// A session's change is the mean of up to 5 whole-number changes (one a
/// measure rated before and after), so 60 times it (60 = lcm of 1..5) is a
/// whole number: goal and technique changes are summed in 60ths.
inline constexpr std::int64_t change_scale = 60;

/// One measure's before/after pairs (sessions that rated it both times).
struct PairMoments {
  Moments before, after, change;
  void add(const PairMoments& other);
  bool operator==(const PairMoments&) const = default;
};

/// Everything `plantar stats` and the card need, summed by the store rather
/// than from every session. Weeks are iso_week(start); days are
/// days_since_epoch(start).
struct Totals {
  int sessions = 0, finished = 0;
  std::optional<Timestamp> first, last;  // the earliest and latest start
  /// session measure → ISO week → its before/after pairs.
  std::map<std::string, std::map<std::string, PairMoments>> measures;
  /// morning measure → ISO week → its ratings.
  std::map<std::string, std::map<std::string, Moments>> mornings;
  /// Days with a session, as runs of days in a row.
  int days = 0;         // distinct days with a session
  int longest_run = 0;  // the longest run of days in a row
  int last_run = 0;     // the length of the latest run, which ends on `last_day`
  std::optional<long> last_day;
  /// goal or technique id → the changes of the sessions that had it and a
  /// change (see insights::session_change), in 60ths (change_scale).
  std::map<std::string, Moments> goals, techniques;
  /// goal id → how many sessions had it (with a change or not).
  std::map<std::string, int> goal_sessions;
  bool operator==(const Totals&) const = default;
};

/// What turns the summed changes of a session that rated `measures`
/// measures both times into its change in 60ths: 60 / measures. Throws
/// Failure (an internal error) when `measures` does not divide 60.
std::int64_t change_factor(std::int64_t measures);

/// The totals of `sessions`, added up here: what a store's own queries
/// must equal (the store tests compare the two).
Totals totals_of(const std::vector<Session>& sessions);

/// One row of a store's sums by goal and technique.
struct ChangeRow {
  const char* kind;  // "goal" or "technique"
  std::string id;
  Moments change;
  std::int64_t sessions = 0;  // a goal's: the sessions that had it, with a change or not
};
/// The rows `totals` adds to those sums: each goal (also one that had no
/// change), then each technique.
std::vector<ChangeRow> change_rows(const Totals& totals);

/// Where sessions are kept. Every write is one transaction: all or nothing.
/// One Journal object serves one thread at a time (open one per thread).
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
  /// Every session, oldest first (for export: the other reads are bounded).
  virtual std::vector<Session> sessions() const = 0;
  /// The `count` latest sessions, newest first (through the index on start time).
  virtual std::vector<Session> last_sessions(int count) const = 0;
  /// The session `session_id`, or nothing when there is no such session.
  virtual std::optional<Session> session(std::int64_t session_id) const = 0;
  /// The sessions that started at or after `from`, oldest first.
  virtual std::vector<Session> sessions_since(const Timestamp& from) const = 0;
  /// How many sessions there are.
  virtual std::int64_t session_count() const = 0;
  /// The sums behind `stats`, aggregated by the store; equal to
  /// totals_of(sessions()).
  virtual Totals totals() const = 0;
  /// Every rating of `measure` in `phase` ("before", "after", "morning"),
  /// oldest session first: the values alone, for the sparklines of `stats`.
  virtual std::vector<int> rating_series(const std::string& phase, const std::string& measure) const = 0;
  /// The schema version of the store.
  virtual int schema_version() const = 0;
};

/// The newest schema this program writes (2: the day and ISO week of each
/// session, stored for the statistics; 3: the statistics' sums, kept by
/// every write, see plantar/journal_sums.h).
inline constexpr int schema_version = 3;
/// The version of the JSON export format ("version" in `plantar export`).
inline constexpr int export_version = 1;

/// Opens (creating it with mode 0600 and migrating it when needed) the
/// SQLite journal at `path`. Throws Failure with a clear message when the
/// file cannot be used, or was written by a newer plantar.
std::unique_ptr<Journal> open_sqlite_journal(const std::string& path);

}  // namespace plantar::journal
