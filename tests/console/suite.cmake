# The center console (console/), driven through the headless UI harness (tests/support/ui)
# against a real counterfoil-center process on loopback, with tickets filed and synced by the
# real counterfoil-cli.
counterfoil_test_suite(console_tests console cf_ui_harness cf_console cf_sync_test_support)
add_dependencies(console_tests counterfoil-center counterfoil-cli)
