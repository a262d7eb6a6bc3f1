// cqc-archive and cqc-archive-full: every subcommand is in cli/app.cpp's table.
#include "cli/app.hpp"

int main(int argc, char** argv) { return cqc::cli::run(argc, argv); }
