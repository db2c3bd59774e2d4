# The branch statistics of the counter: the statistics model and its
# CSV export, and the screen drawn headless.
counterfoil_test_suite(counter_stats_tests counter_stats cf_counter cf_ui cf_forms cf_core)
