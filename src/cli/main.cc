#include "app.h"

int main(int argc, char** argv) { return plantar::cli::run(argc, argv); }
