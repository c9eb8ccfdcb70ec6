"""`quire bench`'s harnesses, outside the apps they measure so that no app package
carries benchmark code. The analyzer's own benchmark stays in
quire/understanding/bench.py: that package is pure Python and is measured alone."""
