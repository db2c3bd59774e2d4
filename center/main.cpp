#include "center/center_cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return cf::center::run_center_cli(std::vector<std::string>(argv + 1, argv + argc), std::cin,
                                      std::cout, std::cerr);
}
