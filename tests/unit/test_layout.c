/* Unit tests of layout: widths, wrapping, truncation, bars, packing and the
 * text field, as functions of the width — what the full-screen front end
 * draws, checked without a terminal. */
#include <locale.h>
#include <stdlib.h>

#include "check.h"
#include "layout.h"

/* The lines of s wrapped to width, joined with '|', into buf. */
static const char *wrapped(const char *s, size_t width, char *buf, size_t size)
{
	struct layout_lines l = {0};
	buf[0] = '\0';
	if (layout_wrap(s, width, &l) != 0)
		return "(out of memory)";
	size_t n = 0;
	for (size_t i = 0; i < l.n; i++) {
		int k = snprintf(buf + n, size - n, "%s%.*s", i ? "|" : "", (int)l.v[i].len, s + l.v[i].start);
		if (k < 0 || (size_t)k >= size - n)
			break;
		n += (size_t)k;
	}
	layout_lines_free(&l);
	return buf;
}

/* True when every line of s wrapped to width is at most width wide, and
 * the width recorded for each is its real width. */
static bool lines_fit(const char *s, size_t width)
{
	struct layout_lines l = {0};
	if (layout_wrap(s, width, &l) != 0)
		return false;
	bool ok = true;
	for (size_t i = 0; i < l.n; i++) {
		size_t w = layout_width(s + l.v[i].start, l.v[i].len);
		ok = ok && w <= width && w == l.v[i].width;
	}
	layout_lines_free(&l);
	return ok;
}

static void test_width(void)
{
	CHECK(layout_width("abc", 3) == 3);
	CHECK(layout_width("", 0) == 0);
	/* curly quotes and dashes take one column, as the decks need */
	CHECK(layout_width("India\u2019s \u2013 \u201cso\u201d", strlen("India\u2019s \u2013 \u201cso\u201d")) == 14);
	CHECK(layout_width("\u65e5\u672c", 6) == 4);     /* wide characters: two each */
	CHECK(layout_width("e\u0301", 3) == 1);           /* a combining accent: none */
	CHECK(layout_width("a\tb", 3) == 3);              /* a tab counts one */
	CHECK(layout_width("\xff" "a", 2) == 2);          /* an invalid byte counts one */
	CHECK(layout_cp_width(0x2588) == 1);
}

static void test_fit(void)
{
	const char *s = "na\u00efve";            /* n a ï v e: ï is two bytes */
	CHECK(layout_fit(s, strlen(s), 3) == 4);   /* "naï" */
	CHECK(layout_fit(s, strlen(s), 2) == 2);
	CHECK(layout_fit(s, strlen(s), 99) == strlen(s));
	CHECK(layout_fit("\u65e5\u672c", 6, 3) == 3);  /* half a wide character does not fit */
	CHECK(layout_fit("e\u0301x", 4, 1) == 3);       /* the accent stays with its e */
}

static void test_wrap_words(void)
{
	char b[512];
	CHECK_STR(wrapped("the quick brown fox", 10, b, sizeof b), "the quick|brown fox");
	CHECK_STR(wrapped("the quick brown fox", 9, b, sizeof b), "the quick|brown fox");
	CHECK_STR(wrapped("the quick brown fox", 8, b, sizeof b), "the|quick|brown|fox");
	CHECK_STR(wrapped("the quick brown fox", 80, b, sizeof b), "the quick brown fox");
	CHECK_STR(wrapped("a  b", 1, b, sizeof b), "a|b");               /* spaces vanish at breaks */
	CHECK_STR(wrapped("word   ", 4, b, sizeof b), "word");           /* and at the end */
	CHECK_STR(wrapped("", 10, b, sizeof b), "");
}

static void test_wrap_long_words(void)
{
	char b[512];
	CHECK_STR(wrapped("abcdefghij", 4, b, sizeof b), "abcd|efgh|ij");
	CHECK_STR(wrapped("ab abcdefgh", 4, b, sizeof b), "ab|abcd|efgh");
	CHECK_STR(wrapped("abc", 0, b, sizeof b), "a|b|c");              /* width 0 counts as 1 */
	/* a wide character never splits; alone it may overflow a line of 1 */
	CHECK_STR(wrapped("\u65e5\u672c\u8a9e", 3, b, sizeof b), "\u65e5|\u672c|\u8a9e");
	CHECK_STR(wrapped("\u65e5\u672c", 1, b, sizeof b), "\u65e5|\u672c");
}

static void test_wrap_newlines(void)
{
	char b[512];
	CHECK_STR(wrapped("one\ntwo", 10, b, sizeof b), "one|two");
	CHECK_STR(wrapped("one\n\ntwo", 10, b, sizeof b), "one||two");
	CHECK_STR(wrapped("one\n", 10, b, sizeof b), "one");
	CHECK_STR(wrapped("  indented text", 10, b, sizeof b), "  indented|text");
	CHECK_STR(wrapped("a\n  b", 10, b, sizeof b), "a|  b");
}

static void test_wrap_unicode(void)
{
	/* A deck sentence with curly quotes and dashes: lines break by columns,
	 * not bytes, so each line is as wide as a plain-ASCII one would be. */
	const char *s = "The report introduces Rudenko as Russia\u2019s Deputy Foreign Minister \u2013 "
	                "one of the deputies of the head of the foreign ministry.";
	char b[512];
	CHECK_STR(wrapped(s, 40, b, sizeof b),
	          "The report introduces Rudenko as|Russia\u2019s Deputy Foreign Minister \u2013 "
	          "one|of the deputies of the head of the|foreign ministry.");
	for (size_t w = 1; w <= 60; w++)
		CHECK(lines_fit(s, w));
	CHECK(lines_fit("\u65e5\u672c\u8a9e\u306e\u6587\u7ae0 mixed \u00e9\u0301 text", 7));
	CHECK(lines_fit("e\u0301e\u0301e\u0301e\u0301", 2));
}

static void test_wrap_widths_recorded(void)
{
	struct layout_lines l = {0};
	CHECK(layout_wrap("\u201cso\u201d \u2014 yes", 6, &l) == 0);
	CHECK(l.n == 2);
	if (l.n == 2) {
		CHECK(l.v[0].width == 6);   /* “so” — */
		CHECK(l.v[1].width == 3);
		CHECK(l.v[1].start == strlen("\u201cso\u201d \u2014 "));
	}
	layout_lines_free(&l);
	CHECK(l.v == NULL && l.n == 0);
}

static void test_truncate(void)
{
	char b[64];
	CHECK(layout_truncate("short", 10, "\u2026", b, sizeof b) == 5);
	CHECK_STR(b, "short");
	CHECK(layout_truncate("a longer title", 8, "\u2026", b, sizeof b) == 8);
	CHECK_STR(b, "a longe\u2026");
	CHECK(layout_truncate("a longer title", 3, "\u2026", b, sizeof b) == 2);
	CHECK_STR(b, "a\u2026");                         /* no space before the ellipsis */
	CHECK(layout_truncate("India\u2019s envoy", 8, "...", b, sizeof b) == 8);
	CHECK_STR(b, "India...");
	CHECK(layout_truncate("abcdef", 2, "...", b, sizeof b) == 2);
	CHECK_STR(b, "ab");                              /* no room for the ellipsis */
	CHECK(layout_truncate("\u65e5\u672c\u8a9e", 4, "\u2026", b, sizeof b) == 3);
	CHECK_STR(b, "\u65e5\u2026");
	char tiny[5];
	layout_truncate("\u00e9\u00e9\u00e9", 10, "", tiny, sizeof tiny);
	CHECK_STR(tiny, "\u00e9\u00e9");                 /* a small buffer cuts on a boundary */
}

static void test_bar(void)
{
	char b[128];
	size_t split;
	layout_bar(0.5, 10, false, b, sizeof b, &split);
	CHECK_STR(b, "#####-----");
	CHECK(split == 5);
	layout_bar(0.0, 4, false, b, sizeof b, &split);
	CHECK_STR(b, "----");
	CHECK(split == 0);
	layout_bar(1.0, 4, false, b, sizeof b, &split);
	CHECK_STR(b, "####");
	layout_bar(2.0, 3, true, b, sizeof b, &split);
	CHECK_STR(b, "\u2588\u2588\u2588");
	CHECK(split == strlen(b));
	layout_bar(0.25, 4, true, b, sizeof b, &split);
	CHECK_STR(b, "\u2588\u2591\u2591\u2591");
	CHECK(split == 3);
	CHECK(layout_width(b, strlen(b)) == 4);
	layout_bar(0.5, 0, true, b, sizeof b, &split);
	CHECK_STR(b, "");
	CHECK(layout_bar_cells(0.01, 20) == 1);     /* a sliver shows */
	CHECK(layout_bar_cells(0.99, 20) == 19);    /* a near miss is not full */
	CHECK(layout_bar_cells(-1.0, 20) == 0);
	CHECK(layout_bar_cells(7.0 / 20.0, 20) == 7);
	for (size_t w = 1; w <= 40; w++) {  /* 3 bytes a glyph: b holds 42 */
		layout_bar(0.37, w, true, b, sizeof b, &split);
		CHECK(layout_width(b, strlen(b)) == w);
	}
	char small[8];
	layout_bar(1.0, 10, true, small, sizeof small, &split);
	CHECK_STR(small, "\u2588\u2588");            /* whole glyphs only */
}

static void test_pack(void)
{
	size_t w[] = { 6, 6, 6, 10, 30 };
	size_t row[5];
	CHECK(layout_pack(w, 5, 80, 2, row) == 1);
	CHECK(layout_pack(w, 5, 20, 2, row) == 3);
	CHECK(row[0] == 0 && row[1] == 0 && row[2] == 1 && row[3] == 1 && row[4] == 2);
	CHECK(layout_pack(w, 3, 14, 2, row) == 2);      /* 6+2+6 = 14 fits */
	CHECK(row[1] == 0 && row[2] == 1);
	CHECK(layout_pack(w, 0, 20, 2, NULL) == 0);
	CHECK(layout_pack(w + 4, 1, 10, 2, row) == 1);  /* too wide: a row of its own */
}

static void test_field_edit(void)
{
	struct layout_field f = {0};
	CHECK_STR(layout_field_text(&f), "");
	const char *typed = "Baisaran";
	for (const char *p = typed; *p; p++)
		CHECK(layout_field_insert(&f, (uint32_t)*p) == 0);
	CHECK_STR(layout_field_text(&f), "Baisaran");
	layout_field_left(&f);
	layout_field_left(&f);
	CHECK(layout_field_insert(&f, 0x00E9) == 0);  /* é, two bytes, mid-word */
	CHECK_STR(layout_field_text(&f), "Baisar\u00e9an");
	layout_field_backspace(&f);
	CHECK_STR(layout_field_text(&f), "Baisaran");
	CHECK(f.cursor == 6);
	layout_field_delete(&f);
	CHECK_STR(layout_field_text(&f), "Baisarn");
	layout_field_kill(&f);
	CHECK_STR(layout_field_text(&f), "n");
	CHECK(f.cursor == 0);
	layout_field_end(&f);
	CHECK(f.cursor == 1);
	CHECK(layout_field_insert(&f, 0x1B) == -1);    /* ESC is refused */
	CHECK(layout_field_insert(&f, 0x9B) == -1);    /* so is CSI */
	CHECK(layout_field_insert(&f, 0x2019) == 0);   /* ’ */
	layout_field_left(&f);
	CHECK(f.cursor == 1);                          /* a whole character back */
	layout_field_right(&f);
	CHECK(f.cursor == 4);
	layout_field_right(&f);
	CHECK(f.cursor == 4);
	layout_field_home(&f);
	layout_field_left(&f);
	layout_field_backspace(&f);
	CHECK(f.cursor == 0);
	layout_field_clear(&f);
	CHECK_STR(layout_field_text(&f), "");
	layout_field_free(&f);
	CHECK(f.s == NULL);
}

/* Types s into f, which is emptied first; the cursor ends at the end. */
static void field_type(struct layout_field *f, const char *s)
{
	layout_field_clear(f);
	for (const char *p = s; *p; p++)
		layout_field_insert(f, (uint32_t)(unsigned char)*p);
}

/* The readline keys: ^U kills to the start, ^K to the end, ^W the word
 * before the cursor; Alt-B and Alt-F move by words. */
static void test_field_readline(void)
{
	struct layout_field f = {0};
	field_type(&f, "twenty six people");
	for (int i = 0; i < 6; i++)
		layout_field_left(&f);                 /* before "people" */
	layout_field_kill_end(&f);
	CHECK_STR(layout_field_text(&f), "twenty six ");
	CHECK(f.cursor == 11);
	layout_field_kill_end(&f);                 /* at the end: nothing */
	CHECK_STR(layout_field_text(&f), "twenty six ");
	layout_field_rubout_word(&f);              /* the spaces and "six" */
	CHECK_STR(layout_field_text(&f), "twenty ");
	CHECK(f.cursor == 7);
	field_type(&f, "one two  three");
	layout_field_word_left(&f);
	CHECK(f.cursor == 9);                      /* the start of "three" */
	layout_field_word_left(&f);
	CHECK(f.cursor == 4);                      /* of "two", over the spaces */
	layout_field_rubout_word(&f);              /* "one " goes */
	CHECK_STR(layout_field_text(&f), "two  three");
	CHECK(f.cursor == 0);
	layout_field_rubout_word(&f);              /* at the start: nothing */
	layout_field_word_left(&f);
	CHECK(f.cursor == 0);
	layout_field_word_right(&f);
	CHECK(f.cursor == 3);                      /* the end of "two" */
	layout_field_word_right(&f);
	CHECK(f.cursor == 10);                     /* of "three" */
	layout_field_word_right(&f);
	CHECK(f.cursor == 10);
	layout_field_word_left(&f);
	layout_field_kill(&f);                     /* ^U: from the start to the cursor */
	CHECK_STR(layout_field_text(&f), "three");
	CHECK(f.cursor == 0);
	field_type(&f, "caf");                     /* words of characters, not bytes */
	layout_field_insert(&f, 0xE9);
	layout_field_insert(&f, ' ');
	layout_field_insert(&f, 0xEF);
	layout_field_rubout_word(&f);
	CHECK_STR(layout_field_text(&f), "caf\xc3\xa9 ");
	layout_field_word_left(&f);
	CHECK(f.cursor == 0);
	layout_field_word_right(&f);
	CHECK(f.cursor == 5);                      /* after the two bytes of the e */
	layout_field_free(&f);
}

static void test_field_limit(void)
{
	struct layout_field f = {0};
	size_t n = 0;
	while (layout_field_insert(&f, 'x') == 0)
		n++;
	CHECK(n == LAYOUT_FIELD_MAX);
	CHECK(f.len == LAYOUT_FIELD_MAX);
	layout_field_free(&f);
}

static void test_field_view(void)
{
	struct layout_field f = {0};
	size_t first, col;
	layout_field_view(&f, 10, &first, &col);
	CHECK(first == 0 && col == 0);
	for (const char *p = "twenty-six people"; *p; p++)
		layout_field_insert(&f, (uint32_t)*p);
	layout_field_view(&f, 40, &first, &col);
	CHECK(first == 0 && col == 17);
	layout_field_view(&f, 10, &first, &col);     /* scrolled: cursor in the last column */
	CHECK(col == 9);
	CHECK(first == 8);
	layout_field_home(&f);
	layout_field_view(&f, 10, &first, &col);
	CHECK(first == 0 && col == 0);
	layout_field_clear(&f);
	layout_field_insert(&f, 0x65E5);
	layout_field_insert(&f, 0x672C);
	layout_field_view(&f, 3, &first, &col);      /* wide characters scroll whole */
	CHECK(first == 3 && col == 2);
	layout_field_free(&f);
}

int main(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
		puts("FAIL locale: no UTF-8 locale (C.UTF-8) to measure widths in");
		return 1;
	}
	RUN(test_width);
	RUN(test_fit);
	RUN(test_wrap_words);
	RUN(test_wrap_long_words);
	RUN(test_wrap_newlines);
	RUN(test_wrap_unicode);
	RUN(test_wrap_widths_recorded);
	RUN(test_truncate);
	RUN(test_bar);
	RUN(test_pack);
	RUN(test_field_edit);
	RUN(test_field_readline);
	RUN(test_field_limit);
	RUN(test_field_view);
	return check_done();
}
