# The counter (counter/), driven through the headless UI harness (tests/support/ui).
counterfoil_test_suite(counter_tests counter cf_ui_harness cf_counter)
