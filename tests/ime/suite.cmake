# Pinyin input (ime/): deploys librime data into temporary directories.
counterfoil_test_suite(ime_tests ime cf_ime)
