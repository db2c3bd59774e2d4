// counterfoil: the terminal app: the customer kiosk (--mode kiosk), the front-desk counter
// (--mode counter) and the regional center's console (--mode console).

#include "app/app_options.h"
#include "app/console_app.h"
#include "app/kiosk_app.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = cf::app::parse_app_options(args, COUNTERFOIL_ASSETS_DIR);
    if (!options) {
        std::cerr << "counterfoil: " << options.error() << "\n" << cf::app::k_usage;
        return 2;
    }
    if (options->help) {
        std::cout << cf::app::k_usage;
        return 0;
    }
    if (options->mode == cf::app::Mode::console) {
        return cf::app::run_console(*options);
    }
    return cf::app::run_kiosk(*options);
}
