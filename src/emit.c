/* emit — JSON strings and numbers, CSV fields; see emit.h. */
#include "emit.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void emit_number(FILE *out, double d)
{
	if (!isfinite(d)) {
		fputs("null", out);
		return;
	}
	char buf[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	fputs(buf, out);
}

void emit_json_string(FILE *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	putc('"', out);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			fputs("\\ufffd", out);
			i++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (text_is_control(cp) || text_is_bidi_control(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, n, out);
		i += n;
	}
	putc('"', out);
}

void emit_csv_field_led(FILE *out, char lead, const char *s)
{
	s = s ? s : "";
	size_t len = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL ||
	             (len && (s[0] == ' ' || s[len - 1] == ' '));
	if (quote)
		putc('"', out);
	if (lead)
		putc(lead, out);
	if (!quote) {
		fputs(s, out);
		return;
	}
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

void emit_csv_field(FILE *out, const char *s)
{
	emit_csv_field_led(out, '\0', s);
}
