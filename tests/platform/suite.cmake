counterfoil_test_suite(platform_tests platform cf_platform PkgConfig::STB)
