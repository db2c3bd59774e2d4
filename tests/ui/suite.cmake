# The shared screen toolkit (ui/): chart tick arithmetic and layout, without a window.
counterfoil_test_suite(ui_tests ui cf_ui)
