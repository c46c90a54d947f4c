"""Golden files: whole articles written for the test suite, with their expected claims."""
