# Center tests: its storage in-process, and its HTTP API through a real counterfoil-center
# process on loopback (every bad input of issue 4, TLS, shutdown), and its network edge through
# the nginx front of packaging/nginx (raw TLS connections, hence OpenSSL).
find_package(OpenSSL REQUIRED)
counterfoil_test_suite(center_tests center cf_center cf_sync cf_sync_test_support PkgConfig::HTTPLIB
  OpenSSL::SSL)
add_dependencies(center_tests counterfoil-center counterfoil-cli)
