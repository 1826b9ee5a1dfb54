// The knowledge base: everything plantar knows (techniques, goals, regions,
// reflexology zones, claims with evidence grades, sources, safety conditions,
// tips, questions), typed and cross-checked. It is read from the TOML files
// in data/ (docs/data-format.md), embedded in the binary at build time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plantar/vocabulary.h"

namespace plantar::kb {

struct Point {
  double x = 0;
  double y = 0;
};
using Polygon = std::vector<Point>;

/// Where an entry was defined, for messages: "techniques.toml:12".
struct Origin {
  std::string file;
  int line = 0;
  std::string text() const { return file + ":" + std::to_string(line); }
};

struct Range {
  int min = 0;
  int preferred = 0;  // the default
  int max = 0;
};

struct Tool {
  std::string id, name, description;
  // Lotion or oil only: what to say when it goes on, how much, and how to
  // wipe it off before standing (empty for other tools).
  std::string apply, apply_partner, amount, wipe;
};

// The views the drawings use: the sole, the inner side, and the back of the
// leg (only in the technique pictures: a region's second outline, `back`).
enum class View { sole, side, back };

struct RegionInfo {
  Region id{};
  std::string name, plain, description;
  View view = View::sole;
  bool leg = false;
  Polygon outline;  // left foot; the right foot mirrors x
  Polygon back;     // the left leg seen from behind (calf, Achilles); empty if not seen there
};

enum class Phase { warmup, main, cooldown, finish };

struct Technique {
  std::string id, name;
  Phase phase = Phase::main;
  std::vector<Region> regions;
  Range pressure, seconds;
  std::vector<std::string> tools;
  std::vector<Giver> givers;
  std::vector<std::string> goals;
  std::string cue, cue_partner, halfway;
  std::vector<std::string> steps, cautions;
  std::string kind = "massage";                  // massage, stretch or movement
  int hold_seconds = 0;                          // a stretch: how long to hold it
  std::string stretch_to;                        // a stretch: how far, e.g. "a gentle pull in the calf"
  bool standing = false;                         // done standing when you massage yourself
  std::string why;                               // what it does, said after the goals it serves
  std::string with_lotion, with_lotion_partner;  // added once lotion or oil is on
  Origin origin;

  bool works(Region region) const;
  bool given_by(Giver giver) const;
};

struct Goal {
  std::string id, name, description, expect;
  std::string short_name;               // "heel pain": in a step's "why"
  std::string expect_partner;           // `expect` said to someone massaging another person
  std::vector<std::string> techniques;  // main-phase techniques, best first
  std::vector<std::string> claims;
  Origin origin;
};

struct Source {
  std::string id, citation, doi, pmid;
  bool verified = true;
};

struct Claim {
  std::string id, topic, say;
  Grade grade = Grade::insufficient;
  std::vector<std::string> sources;
  Origin origin;
};

/// The rule of a safety condition, for one severity. Optional fields are
/// unset when the condition does not limit that aspect.
struct Rule {
  Verdict verdict = Verdict::go;
  bool urgent = false;
  bool emergency = false;  // get help now, not just today (only with urgent)
  std::string message;
  std::optional<int> max_pressure;
  std::optional<int> leg_max_pressure;
  std::vector<std::string> avoid_techniques;
  std::vector<std::string> avoid_tools;
  std::vector<Place> avoid_default;
  std::optional<Verdict> without_at;
  std::vector<std::string> notes;
  std::vector<std::string> sources;
};

struct Condition {
  std::string id, name, question;
  std::string label;  // short words for the check's first screen
  std::vector<std::string> signs;
  bool local = false;
  std::vector<std::string> severities;  // mildest first
  Rule rule;                            // the rule without a severity override
  std::map<std::string, Rule> by_severity;
  std::map<std::string, std::string> severity_means;  // each level in plain words
  std::map<std::string, Rule> with;                   // the rule when another condition is reported too
  Origin origin;
  std::vector<std::string> ask_triggers;  // phrases that put it first in `plantar ask`

  /// The rule for `severity`; an empty severity means the most severe one.
  const Rule& rule_for(const std::string& severity) const;
};

/// One group of the check's first screen (skin, injury...), in order.
struct ConditionGroup {
  std::string id, title;
  std::vector<std::string> conditions;
  Origin origin;
};

struct Tip {
  std::string id, title, text, when;
  std::string title_partner, text_partner;  // for the giver in partner mode (empty: same)
  std::vector<std::string> goals, conditions;
  Origin origin;
};

struct Zone {
  std::string id, name, tradition;
  std::vector<Foot> feet;
  Region region{};
  Polygon outline;
  Origin origin;
};

struct Atlas {
  std::string claim, note;
  std::vector<Zone> zones;
  Origin origin;
};

struct Question {
  std::string id, question, answer;
  std::vector<std::string> also, claims, conditions, sources;
  Origin origin;
};

/// Phrases that mean the same to `plantar ask` (synonyms.toml).
struct Synonym {
  std::vector<std::string> phrases;
  Origin origin;
};

/// One test of an OSM tag: `key=value` (exact) or `key~word` (the
/// ";"-separated value holds `word`).
struct TagTest {
  std::string key, value;
  bool in_list = false;  // `~`
};

/// A kind of place to keep from OpenStreetMap (places.toml): its id, words
/// for people, and the tag tests; a match holds when all its tests hold.
struct PlaceKind {
  std::string id, name, plural;
  std::vector<std::vector<TagTest>> match;
  Origin origin;
};

/// What `plantar places import` keeps: kinds, most specific first, and the
/// `place=*` values of named places.
struct PlaceTagging {
  std::vector<PlaceKind> kinds;
  std::vector<std::string> named_places;
  Origin origin;

  const PlaceKind* kind(const std::string& id) const;
};

/// The spoken words and timing of a guided session (cues.toml). Texts may
/// hold {technique}, {area}, {pressure}, {cue}, {foot} and {whose}.
struct Cues {
  int intro_seconds = 12, countdown = 3, outro_seconds = 15, words_per_minute = 150;
  int chime_seconds = 2, warning_seconds = 10, gap_seconds = 1;
  std::string welcome, welcome_partner, announce, announce_partner, foot_change, foot_change_partner;
  std::string ten_seconds_left, closing, closing_partner, after_tips;
  std::string stand_up;                      // before the standing steps at the end
  std::string stretch, movement;             // said instead of the pressure for these kinds
  std::vector<std::string> countdown_words;  // "Three.", "Two.", "One."
  std::vector<std::string> pressure;         // one phrase per level, 1 first
  std::map<Region, std::string> areas;       // every region
  Origin origin;
};

// A technique's picture (pictures.toml): what it shows, in the regions' unit
// coordinates (the left foot; the right mirrors x). Drawn by render/technique_picture.
struct PictureHand {
  std::string pose;   // thumb, knuckles, palm or fingers
  Point at;           // where the working part touches
  double turn = 0;    // degrees clockwise; 0 = fingers up, wrist below
  bool flip = false;  // the other hand (mirrored)
};

struct PictureTool {
  std::string id;  // a tool of the technique: tennis_ball or towel
  Point at;
};

struct Picture {
  std::string technique;
  View view = View::sole;
  std::string frame = "foot";  // side view: foot (ankle down), leg (knee down) or lean (a stretch at a wall)
  std::string motion;          // press, circle, glide, walk, roll, stretch, pump or knead
  double seconds = 3;          // the loop's length in the web app, 2 to 4
  double radius = 0.05;        // circle: the loop's radius, as a share of the picture's width
  Polygon path;                // the way the working part moves (circle: its centre if no hand)
  std::vector<PictureHand> hands;
  std::vector<PictureTool> tools;
  Origin origin;
};

struct KnowledgeBase {
  std::vector<Tool> tools;
  std::vector<RegionInfo> regions;
  std::vector<Technique> techniques;
  std::vector<Goal> goals;
  std::vector<Claim> claims;
  std::vector<Source> sources;
  std::vector<Condition> conditions;
  std::vector<ConditionGroup> condition_groups;
  std::vector<std::string> pressure_scale;  // 5 phrases, "2 of 5: light, like spreading lotion"
  std::vector<Tip> tips;
  Atlas atlas;
  std::vector<Question> questions;
  std::vector<Synonym> synonyms;
  std::vector<std::string> stop_words;  // words `plantar ask` ignores
  PlaceTagging places;
  Cues cues;
  std::vector<Picture> pictures;  // one per technique

  const Tool* tool(const std::string& id) const;
  const RegionInfo& region(Region id) const;
  const Technique* technique(const std::string& id) const;
  const Goal* goal(const std::string& id) const;
  const Claim* claim(const std::string& id) const;
  const Source* source(const std::string& id) const;
  const Condition* condition(const std::string& id) const;
};

/// One knowledge file's name ("goals.toml") and text.
struct SourceFile {
  std::string name;
  std::string text;
};

/// The knowledge files compiled into the binary.
std::vector<SourceFile> embedded_files();
/// Reads every *.toml file of `dir`; throws Failure if it cannot.
std::vector<SourceFile> read_files(const std::string& dir);

/// Parses and cross-checks the knowledge files. Throws BadInput naming
/// `file:line` and what was expected on the first problem found.
KnowledgeBase load(const std::vector<SourceFile>& files);

/// The embedded knowledge base, parsed once.
const KnowledgeBase& embedded();

}  // namespace plantar::kb
