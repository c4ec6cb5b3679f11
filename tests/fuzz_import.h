/* fuzz_import.h — the body of the importers' libFuzzer targets
 * (fuzz_import_*.c, one per format, each defining FUZZ_FORMAT): any bytes
 * at all must give a deck or diagnostics, never a crash, a hang or a
 * sanitizer report; and a deck an import makes must pass the checker
 * (recall check) without an error, or the target aborts, which libFuzzer
 * reports as a finding.  Built and run by `make fuzz` (clang). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "deck_write.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct diags d = {0};
	(void)import_detect("fuzz", buf, size);
	struct import_ctx *c = import_new();
	if (!c)
		return 0;
	int rc = import_buffer(c, "fuzz", buf, size, import_format_find(FUZZ_FORMAT), &d);
	size_t imported = import_get_counts(c)->imported;
	struct deck *deck = import_finish(c, "fuzz", "Fuzz");
	char line[2048];
	for (size_t i = 0; i < d.n; i++)
		diag_format(&d.v[i], line, sizeof line);
	if (rc == 0 && deck && imported > 0) {
		char *text = deck_write_json(deck);
		struct diags again = {0};
		struct deck *check = text ? deck_load_buffer("fuzz.json", text, strlen(text), &again) : NULL;
		if (text && !check) {
			diag_print(&again, stderr);
			abort();  /* an import made a deck recall check refuses */
		}
		deck_free(check);
		diag_free(&again);
		free(text);
	}
	deck_free(deck);
	diag_free(&d);
	return 0;
}
