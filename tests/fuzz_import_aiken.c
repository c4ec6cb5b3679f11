/* fuzz_import_aiken — a libFuzzer target for the aiken importer; see
 * fuzz_import.h.  Seeded with tests/data/import/aiken/ by `make fuzz`. */
#define FUZZ_FORMAT "aiken"
#include "fuzz_import.h"
