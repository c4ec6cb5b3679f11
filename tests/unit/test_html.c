/* Unit tests of html.c: character references (html_unescape) and HTML
 * reduced to the text it shows (html_to_text), as the GIFT and Anki
 * importers use it. */
#include <stdlib.h>

#include "check.h"
#include "html.h"

/* s reduced to text with flags; a string the caller frees. */
static char *reduce(const char *s, unsigned flags, struct html_dropped *d)
{
	struct text_buf b = {0};
	struct html_dropped none = {0};
	html_to_text(&b, s, strlen(s), flags, d ? d : &none);
	return text_buf_finish(&b);
}

#define REDUCED(s, want) do { \
	char *got_ = reduce((s), 0, NULL); \
	CHECK_STR(got_, (want)); \
	free(got_); \
} while (0)

static void test_unescape(void)
{
	struct text_buf b = {0};
	size_t at = 99;
	const char *s = "Schr&ouml;dinger&#039;s &#x1F408; &bogus; &amp;amp; AT&T &#0;";
	CHECK(html_unescape(&b, s, strlen(s), &at) == 1 && at == 34);
	char *t = text_buf_finish(&b);
	CHECK_STR(t, "Schr\xc3\xb6" "dinger's \xf0\x9f\x90\x88 &bogus; &amp; AT&T \xef\xbf\xbd");
	free(t);
}

static void test_tags(void)
{
	REDUCED("<b>bold</b> and <i class=\"x\">italic</i>", "bold and italic");
	REDUCED("<span title=\"a > b\">quoted &gt; in attributes</span>", "quoted > in attributes");
	REDUCED("<a href='x'>link</a>", "link");
	/* what is no tag stays text */
	REDUCED("3 < 5 and 5 > 3", "3 < 5 and 5 > 3");
	REDUCED("a <5 b", "a <5 b");
	REDUCED("never <closed", "never <closed");
	REDUCED("x</ y", "x</ y");
	REDUCED("", "");
	REDUCED("<br><p></p>", "");
}

static void test_breaks(void)
{
	REDUCED("one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour");
	REDUCED("one<br><br><br><br>two", "one\n\ntwo");
	REDUCED("<p>First paragraph.</p><p>Second.</p>", "First paragraph.\n\nSecond.");
	REDUCED("<div>line one</div><div>line two</div>", "line one\nline two");
	REDUCED("<h1>Title</h1>text", "Title\ntext");
	REDUCED("before<hr id=answer>after", "before\nafter");
	REDUCED("<br>leading and trailing breaks go<br><br>", "leading and trailing breaks go");
}

static void test_white_space(void)
{
	REDUCED("  many \t spaces\n\nand\r\nlines  ", "many spaces and lines");
	REDUCED("<div>  indented  </div>", "indented");
	REDUCED("a&nbsp;b&nbsp;&nbsp;c", "a b c");
	REDUCED("<pre>  kept\n    as is</pre>after", "  kept\n    as is\nafter");
	char *t = reduce("line one\nline  two\n\n\n\nthree <b>x</b>", HTML_KEEP_NEWLINES, NULL);
	CHECK_STR(t, "line one\nline two\n\nthree x");
	free(t);
}

static void test_lists_tables(void)
{
	REDUCED("Fruits:<ul><li>apple</li><li>pear</li></ul>done", "Fruits:\n- apple\n- pear\ndone");
	REDUCED("<ol><li>first<li>second</ol>", "1. first\n2. second");
	REDUCED("<ul><li>a<ol><li>a1</li><li>a2</li></ol></li><li>b</li></ul>", "- a\n  1. a1\n  2. a2\n- b");
	REDUCED("<li>a stray item</li>", "- a stray item");
	REDUCED("<table><tr><th>Land</th><th>Capital</th></tr><tr><td>France</td><td>Paris</td></tr></table>",
	        "Land | Capital\nFrance | Paris");
}

static void test_dropped(void)
{
	REDUCED("a<script>if (a < b) alert('x');</script>b", "ab");
	REDUCED("a<STYLE type=text/css>p { color: red }</STYLE >b", "ab");
	REDUCED("a<script>never closed", "a");
	REDUCED("a<!-- a comment <b>with tags</b> -->b", "ab");
	REDUCED("a<!-- never closed", "a");
	REDUCED("<!DOCTYPE html><?xml version=\"1.0\"?>text", "text");
	struct html_dropped d = {0};
	char *t = reduce("<img src=\"paris.jpg\">Paris &bogus; &alsobad; <IMG SRC=x>", 0, &d);
	CHECK_STR(t, "Paris &bogus; &alsobad;");
	CHECK(d.images == 2 && d.unknown == 2 && d.first_unknown == 27);
	free(t);
}

static void test_references(void)
{
	REDUCED("caf&eacute; &lt;b&gt; &#8212; &#x41;&amp;", "caf\xc3\xa9 <b> \xe2\x80\x94 A&");
	/* a decoded '<' is text, never a tag */
	REDUCED("&lt;script&gt;x&lt;/script&gt;", "<script>x</script>");
	REDUCED("AT&T &", "AT&T &");
}

int main(void)
{
	RUN(test_unescape);
	RUN(test_tags);
	RUN(test_breaks);
	RUN(test_white_space);
	RUN(test_lists_tables);
	RUN(test_dropped);
	RUN(test_references);
	return check_done();
}
