/* fuzz_import_anki — a libFuzzer target for the anki importer; see
 * fuzz_import.h.  Seeded with tests/data/import/anki/ by `make fuzz`. */
#define FUZZ_FORMAT "anki"
#include "fuzz_import.h"
