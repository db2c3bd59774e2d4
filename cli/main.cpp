#include "cli/cli.h"

int main(int argc, char** argv) {
    return cf::cli::run(argc, argv);
}
