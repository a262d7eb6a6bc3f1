// cqc-archive: one executable; every subcommand lives in cli/commands.cpp's table.
#include "cli/app.hpp"

int main(int argc, char** argv) { return cqc::cli::run(argc, argv); }
