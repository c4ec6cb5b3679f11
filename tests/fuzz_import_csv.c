/* fuzz_import_csv — a libFuzzer target for the csv importer; see
 * fuzz_import.h.  Seeded with tests/data/import/csv/ by `make fuzz`. */
#define FUZZ_FORMAT "csv"
#include "fuzz_import.h"
