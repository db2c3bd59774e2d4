# Center tests: its storage in-process, and its HTTP API through a real counterfoil-center
# process on loopback (every bad input of issue 4, TLS, shutdown).
counterfoil_test_suite(center_tests center cf_center cf_sync cf_sync_test_support PkgConfig::HTTPLIB)
add_dependencies(center_tests counterfoil-center counterfoil-cli)
