// plantar account password: the operator of a hosted store sets a person's
// password, for "I forgot my password" or an account made by `plantar
// import --store`. Same rules and hashing as sign-up (accounts.h); every
// sign-in session of the account ends. Only plantar-full links this file
// (the light plantar forwards it, src/cli/forward.cc).
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "plantar/accounts.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/pg_store.h"
#include "prompt.h"

namespace plantar::cli {
namespace {

// Typing is not shown while it lives; the terminal is put back as it was.
class HiddenTyping {
 public:
  HiddenTyping() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios hidden = saved_;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    hidden.c_lflag |= ECHONL;  // the Enter key still ends the line on screen
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden) == 0;
  }
  ~HiddenTyping() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  HiddenTyping(const HiddenTyping&) = delete;
  HiddenTyping& operator=(const HiddenTyping&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

std::string typed_password(const Context& context, const char* question) {
  context.err << question << std::flush;
  HiddenTyping hidden;
  return read_answer(*context.in, context.err);
}

// Twice from a terminal, without echo; otherwise one line of standard input
// (a script: `printf '%s\n' "$pw" | plantar account password ...`).
std::string new_password(const Context& context) {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(*context.in, line))
      throw BadInput("password", "give the new password on standard input, on one line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  std::string first = typed_password(context, "New password (at least 10 characters): ");
  std::string again = typed_password(context, "The same again: ");
  if (first != again) throw BadInput("password", "the two passwords differ: nothing was changed");
  return first;
}

}  // namespace

int run_account_password(const Context& context, const AccountPasswordOptions& options) {
  if (!store_pg::is_postgres_uri(options.store))
    throw BadInput("--store", "expected a PostgreSQL URI (postgresql://...), got '" + options.store + "'");
  std::string email = store_pg::checked_email(options.account, "--account");
  store_pg::Database db(store_pg::Options{options.store});
  std::int64_t account = db.find_account(email);
  if (account == 0)
    throw BadInput("--account",
                   "there is no account " + email + " in the store: people sign up in the web app");
  std::string password = new_password(context);  // asked only once the account is known
  int ended = accounts::Accounts(db).set_password(account, password);
  if (ended < 0) throw BadInput("--account", "the account " + email + " was deleted meanwhile");
  if (context.json)
    context.out << json_io::Json{{"account", email}, {"password_set", true}, {"sessions_ended", ended}}.dump(
                       2)
                << "\n";
  else
    context.out << fmt::format(
        "Set a new password for {}. {} sign-in session{} ended: give the person the new password, and ask "
        "them to change it (Account, Change my password).\n",
        email, ended, ended == 1 ? "" : "s");
  return 0;
}

}  // namespace plantar::cli
