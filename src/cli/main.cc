#include <sys/stat.h>

#include "app.h"
#include "plantar/opening_hours.h"

int main(int argc, char** argv) {
  // Everything plantar writes (journal, places.db, exports, cards, caches and
  // their folders) is for this user alone: files 0600, folders 0700.
  umask(077);
  plantar::places::settle_local_time_zone();  // before any thread: opening hours evaluate 10x faster
  return plantar::cli::run(argc, argv);
}
