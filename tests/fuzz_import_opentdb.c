/* fuzz_import_opentdb — a libFuzzer target for the opentdb importer; see
 * fuzz_import.h.  Seeded with tests/data/import/opentdb/ by `make fuzz`. */
#define FUZZ_FORMAT "opentdb"
#include "fuzz_import.h"
