/* fuzz_import_hascard — a libFuzzer target for the hascard importer; see
 * fuzz_import.h.  Seeded with tests/data/import/hascard/ by `make fuzz`. */
#define FUZZ_FORMAT "hascard"
#include "fuzz_import.h"
