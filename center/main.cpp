#include "center/center_cli.h"

#include <malloc.h>

#include <iostream>

int main(int argc, char** argv) {
    // Each push holds a few megabytes of JSON for a moment. Keep freed memory instead of
    // returning it to the system after every request and faulting it in again for the next.
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    return cf::center::run_center_cli(std::vector<std::string>(argv + 1, argv + argc), std::cin,
                                      std::cout, std::cerr);
}
