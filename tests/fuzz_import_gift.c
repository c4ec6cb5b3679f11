/* fuzz_import_gift — a libFuzzer target for the gift importer; see
 * fuzz_import.h.  Seeded with tests/data/import/gift/ by `make fuzz`. */
#define FUZZ_FORMAT "gift"
#include "fuzz_import.h"
