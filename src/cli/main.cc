#include "app.h"
#include "plantar/opening_hours.h"

int main(int argc, char** argv) {
  plantar::places::settle_local_time_zone();  // before any thread: opening hours evaluate 10x faster
  return plantar::cli::finish_output(plantar::cli::run(argc, argv));
}
