#include <sys/stat.h>

#include <cstdlib>

#include "app.h"

int main(int argc, char** argv) {
  // Everything plantar writes (journal, places.db, exports, cards, caches and
  // their folders) is for this user alone: files 0600, folders 0700.
  umask(077);
  // Before any thread: opening hours evaluate 10x faster with TZ set
  // (places::settle_local_time_zone, written out here so that the light
  // program does not link the opening-hours library).
  if (std::getenv("TZ") == nullptr) setenv("TZ", ":/etc/localtime", 0);
  return plantar::cli::finish_output(plantar::cli::run(argc, argv));
}
