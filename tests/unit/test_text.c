/* Unit tests of text.c: escaping deck text for the terminal. */
#include <stdlib.h>

#include "check.h"
#include "text.h"

/* Expects text_escape and text_escape_into to turn s into want. */
static void escapes_to(const char *s, bool keep_newlines, const char *want)
{
	char *got = text_escape(s, keep_newlines);
	CHECK_STR(got, want);
	free(got);
	char buf[256];
	CHECK_STR(text_escape_into(s, keep_newlines, buf, sizeof buf), want);
}

static void controls_are_escaped(void)
{
	escapes_to("a\x1b[31mb", false, "a\\e[31mb");
	escapes_to("l1\nl2\tx", true, "l1\nl2\tx");
	escapes_to("l1\nl2\tx", false, "l1\\nl2\\tx");
	escapes_to("c1 \xc2\x9b", false, "c1 \\u009b");
	escapes_to("bad \xc3", false, "bad \\xc3");
	escapes_to("caf\xc3\xa9 \xe2\x80\x99", false, "caf\xc3\xa9 \xe2\x80\x99");
}

/* The bidirectional controls reorder what a terminal shows: each shows as
 * its code point instead. */
static void bidi_controls_are_escaped(void)
{
	escapes_to("abc\xe2\x80\xae" "fed", false, "abc\\u202efed");           /* RLO */
	escapes_to("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", false,
	           "\\u202a\\u202b\\u202c\\u202d");
	escapes_to("\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9", true,
	           "\\u2066x\\u2067y\\u2068z\\u2069");                       /* isolates */
	escapes_to("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", false, "\\u200e\\u200f\\u061c");  /* marks */
	/* their neighbours pass through: the zero-width joiner of emoji,
	 * the narrow no-break space, Arabic letters */
	escapes_to("\xe2\x80\x8d\xe2\x80\xaf\xd8\xa8", false, "\xe2\x80\x8d\xe2\x80\xaf\xd8\xa8");
	CHECK(text_is_bidi_control(0x202E) && text_is_bidi_control(0x061C));
	CHECK(!text_is_bidi_control(0x202F) && !text_is_bidi_control(0x200D));
	CHECK(text_is_zero_width(0x200B) && text_is_zero_width(0xFEFF) && !text_is_zero_width(0x200D));
	/* cut on a whole escape, never inside one */
	char small[8];
	CHECK_STR(text_escape_into("ab\xe2\x80\xae", false, small, sizeof small), "ab");
}

struct row {
	const char *name;
	int value;
};

static void tables_by_name(void)
{
	static const struct row rows[] = { { "aiken", 1 }, { "csv", 2 }, { "gift", 3 } };
	const struct row *r = text_table_find(rows, 3, sizeof *rows, "gift");
	CHECK(r && r->value == 3);
	CHECK(text_table_find(rows, 3, sizeof *rows, "gif") == NULL);
	CHECK(text_table_find(rows, 0, sizeof *rows, "aiken") == NULL);
	char buf[32], small[8];
	CHECK_STR(text_table_names(rows, 3, sizeof *rows, buf, sizeof buf), "aiken, csv, gift");
	CHECK_STR(text_table_names(rows, 3, sizeof *rows, small, sizeof small), "aiken, ");
	CHECK_STR(text_table_names(rows, 0, sizeof *rows, buf, sizeof buf), "");
}

int main(void)
{
	RUN(controls_are_escaped);
	RUN(bidi_controls_are_escaped);
	RUN(tables_by_name);
	return check_done();
}
