/* fuzz_deck — a libFuzzer target for the loader: any bytes at all must give
 * a deck or diagnostics, never a crash, a hang or a sanitizer report.
 * Built and run by `make fuzz` (clang). */
#include <stddef.h>
#include <stdint.h>

#include "deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("fuzz.json", (const char *)data, size, &d);
	char line[2048];
	for (size_t i = 0; i < d.n; i++)
		diag_format(&d.v[i], line, sizeof line);
	deck_free(deck);
	diag_free(&d);
	return 0;
}
