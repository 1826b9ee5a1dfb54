// plantar edit and plantar delete: correcting the journal.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "journal_place.h"
#include "log_flags.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "prompt.h"
#include "text.h"

namespace plantar::cli {
namespace {

journal::Session find_session(const Context& context, long long id) {
  if (auto store = read_journal(context))
    if (auto session = store->session(id)) return *session;
  throw BadInput("ID", fmt::format("there is no session {} in the journal (see 'plantar history')", id));
}

bool nothing_to_change(const LogOptions& o) {
  return o.before.empty() && o.after.empty() && o.morning.empty() && o.sore.empty() && o.note.empty() &&
         o.goals.empty() && o.techniques.empty() && !o.minutes && o.at.empty() && o.routine.empty() &&
         o.stopped.empty();
}

std::string describe(const journal::Session& s) {
  std::string text =
      fmt::format("session {} of {} {:02}:{:02}", s.id, format_date(s.start), s.start.hour, s.start.minute);
  if (!s.note.empty()) text += " (note: " + printable(s.note, false) + ")";
  return text;
}

}  // namespace

int run_edit(const Context& context, const EditOptions& options) {
  if (nothing_to_change(options.log))
    throw BadInput("ID", "say what to change, with the flags of 'plantar log', e.g. plantar edit " +
                             std::to_string(options.id) + " --after stress=3");
  journal::Session session = find_session(context, options.id);
  apply_log_flags(context, options.log, session, true);
  if (!open_journal(context)->replace_session(session))
    throw BadInput("ID", fmt::format("there is no session {} in the journal", options.id));
  if (context.json)
    context.out << journal_io::to_json(session).dump(2) << "\n";
  else if (!context.quiet)
    context.err << "Changed " << describe(session) << ".\n";
  return 0;
}

int run_delete(const Context& context, const DeleteOptions& options) {
  auto session = find_session(context, options.id);
  if (!options.yes) {
    if (!context.interactive || context.in == nullptr)
      throw BadInput("--yes", "deleting needs a yes: run it in a terminal to be asked, or add --yes");
    context.out << "Delete " << describe(session) << "? This cannot be undone. [y/N] " << std::flush;
    std::string answer = read_answer(*context.in, context.out);
    if (answer.empty() || (answer[0] != 'y' && answer[0] != 'Y')) {
      context.err << "Nothing deleted.\n";
      return 1;
    }
  }
  if (!open_journal(context)->delete_session(options.id))
    throw BadInput("ID", fmt::format("there is no session {} in the journal", options.id));
  if (context.json)
    context.out << nlohmann::ordered_json{{"deleted", options.id}}.dump(2) << "\n";
  else if (!context.quiet)
    context.err << "Deleted " << describe(session) << ".\n";
  return 0;
}

}  // namespace plantar::cli
