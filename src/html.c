/* html — HTML character references, and HTML reduced to text; see html.h. */
#include "html.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct entity {
	const char *name;
	uint32_t cp;
};

/* The named references of HTML 4.01 and &apos;, sorted by name (bytes). */
static const struct entity entities[] = {
	{ "AElig", 0x00C6 }, { "Aacute", 0x00C1 }, { "Acirc", 0x00C2 }, { "Agrave", 0x00C0 },
	{ "Alpha", 0x0391 }, { "Aring", 0x00C5 }, { "Atilde", 0x00C3 }, { "Auml", 0x00C4 },
	{ "Beta", 0x0392 }, { "Ccedil", 0x00C7 }, { "Chi", 0x03A7 }, { "Dagger", 0x2021 },
	{ "Delta", 0x0394 }, { "ETH", 0x00D0 }, { "Eacute", 0x00C9 }, { "Ecirc", 0x00CA },
	{ "Egrave", 0x00C8 }, { "Epsilon", 0x0395 }, { "Eta", 0x0397 }, { "Euml", 0x00CB },
	{ "Gamma", 0x0393 }, { "Iacute", 0x00CD }, { "Icirc", 0x00CE }, { "Igrave", 0x00CC },
	{ "Iota", 0x0399 }, { "Iuml", 0x00CF }, { "Kappa", 0x039A }, { "Lambda", 0x039B },
	{ "Mu", 0x039C }, { "Ntilde", 0x00D1 }, { "Nu", 0x039D }, { "OElig", 0x0152 },
	{ "Oacute", 0x00D3 }, { "Ocirc", 0x00D4 }, { "Ograve", 0x00D2 }, { "Omega", 0x03A9 },
	{ "Omicron", 0x039F }, { "Oslash", 0x00D8 }, { "Otilde", 0x00D5 }, { "Ouml", 0x00D6 },
	{ "Phi", 0x03A6 }, { "Pi", 0x03A0 }, { "Prime", 0x2033 }, { "Psi", 0x03A8 },
	{ "Rho", 0x03A1 }, { "Scaron", 0x0160 }, { "Sigma", 0x03A3 }, { "THORN", 0x00DE },
	{ "Tau", 0x03A4 }, { "Theta", 0x0398 }, { "Uacute", 0x00DA }, { "Ucirc", 0x00DB },
	{ "Ugrave", 0x00D9 }, { "Upsilon", 0x03A5 }, { "Uuml", 0x00DC }, { "Xi", 0x039E },
	{ "Yacute", 0x00DD }, { "Yuml", 0x0178 }, { "Zeta", 0x0396 }, { "aacute", 0x00E1 },
	{ "acirc", 0x00E2 }, { "acute", 0x00B4 }, { "aelig", 0x00E6 }, { "agrave", 0x00E0 },
	{ "alefsym", 0x2135 }, { "alpha", 0x03B1 }, { "amp", 0x0026 }, { "and", 0x2227 },
	{ "ang", 0x2220 }, { "apos", 0x0027 }, { "aring", 0x00E5 }, { "asymp", 0x2248 },
	{ "atilde", 0x00E3 }, { "auml", 0x00E4 }, { "bdquo", 0x201E }, { "beta", 0x03B2 },
	{ "brvbar", 0x00A6 }, { "bull", 0x2022 }, { "cap", 0x2229 }, { "ccedil", 0x00E7 },
	{ "cedil", 0x00B8 }, { "cent", 0x00A2 }, { "chi", 0x03C7 }, { "circ", 0x02C6 },
	{ "clubs", 0x2663 }, { "cong", 0x2245 }, { "copy", 0x00A9 }, { "crarr", 0x21B5 },
	{ "cup", 0x222A }, { "curren", 0x00A4 }, { "dArr", 0x21D3 }, { "dagger", 0x2020 },
	{ "darr", 0x2193 }, { "deg", 0x00B0 }, { "delta", 0x03B4 }, { "diams", 0x2666 },
	{ "divide", 0x00F7 }, { "eacute", 0x00E9 }, { "ecirc", 0x00EA }, { "egrave", 0x00E8 },
	{ "empty", 0x2205 }, { "emsp", 0x2003 }, { "ensp", 0x2002 }, { "epsilon", 0x03B5 },
	{ "equiv", 0x2261 }, { "eta", 0x03B7 }, { "eth", 0x00F0 }, { "euml", 0x00EB },
	{ "euro", 0x20AC }, { "exist", 0x2203 }, { "fnof", 0x0192 }, { "forall", 0x2200 },
	{ "frac12", 0x00BD }, { "frac14", 0x00BC }, { "frac34", 0x00BE }, { "frasl", 0x2044 },
	{ "gamma", 0x03B3 }, { "ge", 0x2265 }, { "gt", 0x003E }, { "hArr", 0x21D4 },
	{ "harr", 0x2194 }, { "hearts", 0x2665 }, { "hellip", 0x2026 }, { "iacute", 0x00ED },
	{ "icirc", 0x00EE }, { "iexcl", 0x00A1 }, { "igrave", 0x00EC }, { "image", 0x2111 },
	{ "infin", 0x221E }, { "int", 0x222B }, { "iota", 0x03B9 }, { "iquest", 0x00BF },
	{ "isin", 0x2208 }, { "iuml", 0x00EF }, { "kappa", 0x03BA }, { "lArr", 0x21D0 },
	{ "lambda", 0x03BB }, { "lang", 0x2329 }, { "laquo", 0x00AB }, { "larr", 0x2190 },
	{ "lceil", 0x2308 }, { "ldquo", 0x201C }, { "le", 0x2264 }, { "lfloor", 0x230A },
	{ "lowast", 0x2217 }, { "loz", 0x25CA }, { "lrm", 0x200E }, { "lsaquo", 0x2039 },
	{ "lsquo", 0x2018 }, { "lt", 0x003C }, { "macr", 0x00AF }, { "mdash", 0x2014 },
	{ "micro", 0x00B5 }, { "middot", 0x00B7 }, { "minus", 0x2212 }, { "mu", 0x03BC },
	{ "nabla", 0x2207 }, { "nbsp", 0x00A0 }, { "ndash", 0x2013 }, { "ne", 0x2260 },
	{ "ni", 0x220B }, { "not", 0x00AC }, { "notin", 0x2209 }, { "nsub", 0x2284 },
	{ "ntilde", 0x00F1 }, { "nu", 0x03BD }, { "oacute", 0x00F3 }, { "ocirc", 0x00F4 },
	{ "oelig", 0x0153 }, { "ograve", 0x00F2 }, { "oline", 0x203E }, { "omega", 0x03C9 },
	{ "omicron", 0x03BF }, { "oplus", 0x2295 }, { "or", 0x2228 }, { "ordf", 0x00AA },
	{ "ordm", 0x00BA }, { "oslash", 0x00F8 }, { "otilde", 0x00F5 }, { "otimes", 0x2297 },
	{ "ouml", 0x00F6 }, { "para", 0x00B6 }, { "part", 0x2202 }, { "permil", 0x2030 },
	{ "perp", 0x22A5 }, { "phi", 0x03C6 }, { "pi", 0x03C0 }, { "piv", 0x03D6 },
	{ "plusmn", 0x00B1 }, { "pound", 0x00A3 }, { "prime", 0x2032 }, { "prod", 0x220F },
	{ "prop", 0x221D }, { "psi", 0x03C8 }, { "quot", 0x0022 }, { "rArr", 0x21D2 },
	{ "radic", 0x221A }, { "rang", 0x232A }, { "raquo", 0x00BB }, { "rarr", 0x2192 },
	{ "rceil", 0x2309 }, { "rdquo", 0x201D }, { "real", 0x211C }, { "reg", 0x00AE },
	{ "rfloor", 0x230B }, { "rho", 0x03C1 }, { "rlm", 0x200F }, { "rsaquo", 0x203A },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "scaron", 0x0161 }, { "sdot", 0x22C5 },
	{ "sect", 0x00A7 }, { "shy", 0x00AD }, { "sigma", 0x03C3 }, { "sigmaf", 0x03C2 },
	{ "sim", 0x223C }, { "spades", 0x2660 }, { "sub", 0x2282 }, { "sube", 0x2286 },
	{ "sum", 0x2211 }, { "sup", 0x2283 }, { "sup1", 0x00B9 }, { "sup2", 0x00B2 },
	{ "sup3", 0x00B3 }, { "supe", 0x2287 }, { "szlig", 0x00DF }, { "tau", 0x03C4 },
	{ "there4", 0x2234 }, { "theta", 0x03B8 }, { "thetasym", 0x03D1 },
	{ "thinsp", 0x2009 }, { "thorn", 0x00FE }, { "tilde", 0x02DC }, { "times", 0x00D7 },
	{ "trade", 0x2122 }, { "uArr", 0x21D1 }, { "uacute", 0x00FA }, { "uarr", 0x2191 },
	{ "ucirc", 0x00FB }, { "ugrave", 0x00F9 }, { "uml", 0x00A8 }, { "upsih", 0x03D2 },
	{ "upsilon", 0x03C5 }, { "uuml", 0x00FC }, { "weierp", 0x2118 }, { "xi", 0x03BE },
	{ "yacute", 0x00FD }, { "yen", 0x00A5 }, { "yuml", 0x00FF }, { "zeta", 0x03B6 },
	{ "zwj", 0x200D }, { "zwnj", 0x200C },
};

static int by_name(const void *key, const void *elem)
{
	const struct entity *k = key, *e = elem;
	return strcmp(k->name, e->name);
}

uint32_t html_entity(const char *name, size_t len)
{
	char buf[16];
	if (len == 0 || len >= sizeof buf)
		return 0;
	memcpy(buf, name, len);
	buf[len] = '\0';
	struct entity key = { buf, 0 };
	const struct entity *e = bsearch(&key, entities, sizeof entities / sizeof entities[0],
	                                 sizeof entities[0], by_name);
	return e ? e->cp : 0;
}

/* What browsers make of &#128; to &#159;: the characters Windows-1252 has
 * there (0 where it has none, which stay as they are). */
static const uint16_t cp1252[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* The numeric reference at s[0..len) just after "&#": its length up to
 * and with the ';' (0 when there is none) and its character in *cp. */
static size_t numeric(const char *s, size_t len, uint32_t *cp)
{
	size_t i = 0;
	int base = 10;
	if (i < len && (s[i] == 'x' || s[i] == 'X')) {
		base = 16;
		i++;
	}
	size_t digits = i;
	uint32_t v = 0;
	bool big = false;
	for (; i < len; i++) {
		int dv = base == 16 ? text_hex_value(s[i]) : text_is_digit(s[i]) ? s[i] - '0' : -1;
		if (dv < 0)
			break;
		v = v * (uint32_t)base + (uint32_t)dv;
		if (v > 0x10FFFF) {
			big = true;
			v = 0x110000;
		}
	}
	if (i == digits || i >= len || s[i] != ';')
		return 0;
	if (big || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	else if (v >= 0x80 && v <= 0x9F)
		v = cp1252[v - 0x80];
	*cp = v;
	return i + 1;
}

/* The character reference at s[0..len) (s[0] is '&'): its length (0 when
 * there is none) and its character in *cp.  *unknown is set when it is
 * "&name;" with a name HTML 4 does not have (and 0 is returned). */
static size_t reference(const char *s, size_t len, uint32_t *cp, bool *unknown)
{
	*unknown = false;
	if (len > 1 && s[1] == '#') {
		size_t k = numeric(s + 2, len - 2, cp);
		return k ? k + 2 : 0;
	}
	size_t k = 1;
	while (k < len && k <= 12 && (text_is_alpha(s[k]) || text_is_digit(s[k])))
		k++;
	if (k == 1 || k >= len || s[k] != ';')
		return 0;
	*cp = html_entity(s + 1, k - 1);
	if (!*cp) {
		*unknown = true;
		return 0;
	}
	return k + 1;
}

size_t html_unescape(struct text_buf *out, const char *s, size_t len, size_t *unknown)
{
	size_t nunknown = 0, start = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '&')
			continue;
		uint32_t cp = 0;
		bool bad;
		size_t n = reference(s + i, len - i, &cp, &bad);
		if (bad && nunknown++ == 0 && unknown)
			*unknown = i;
		if (!n)
			continue;
		char u[4];
		text_buf_add(out, s + start, i - start);
		text_buf_add(out, u, text_utf8_encode(cp, u));
		i += n - 1;
		start = i + 1;
	}
	text_buf_add(out, s + start, len - start);
	return nunknown;
}

/* ---- HTML reduced to text ------------------------------------------- */

#define MAX_LISTS 16  /* nested lists numbered and indented */

/* The text being made, and what is owed to it before the next character. */
struct reducer {
	struct text_buf *out;
	size_t start;          /* out->len when the call began */
	unsigned flags;
	unsigned breaks;       /* line breaks owed: 0, 1, or 2 (a blank line) */
	const char *gap;       /* owed between words: NULL, " " or " | " */
	unsigned pre;          /* open <pre> elements: white space kept */
	unsigned cells;        /* cells of the table row so far */
	size_t nlists;         /* open lists (at most MAX_LISTS counted) */
	unsigned number[MAX_LISTS];  /* per list: 0 for <ul>, else the next number */
	struct html_dropped *dropped;
};

static bool at_line_start(const struct reducer *r)
{
	return r->out->len == r->start || r->out->s[r->out->len - 1] == '\n';
}

static void owe_breaks(struct reducer *r, unsigned n)
{
	if (r->breaks < n)
		r->breaks = n;
}

/* Pays what is owed, before text. */
static void pay(struct reducer *r)
{
	if (r->out->len == r->start) {
		r->breaks = 0;  /* nothing before the first text */
		r->gap = NULL;
		return;
	}
	if (r->breaks) {
		text_buf_add(r->out, "\n\n", r->breaks);
		r->breaks = 0;
		r->gap = NULL;
	} else if (r->gap && !at_line_start(r)) {
		text_buf_puts(r->out, r->gap);
	}
	r->gap = NULL;
}

static void put_text(struct reducer *r, const char *s, size_t n)
{
	pay(r);
	text_buf_add(r->out, s, n);
}

/* True when s[0..n) is, ASCII case ignored, the lower-case name. */
static bool named(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && text_same_ci(s, name, n);
}

static bool named_any(const char *s, size_t n, const char *const *names)
{
	for (; *names; names++)
		if (named(s, n, *names))
			return true;
	return false;
}

/* Elements that stand on lines of their own. */
static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "div",
	"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hr", "main", "nav", "section", "summary", "table", "tbody", "thead",
	"tfoot", "tr", NULL,
};

/* What the tag <name ...> (or </name>, end) does to the text. */
static void element(struct reducer *r, const char *name, size_t n, bool end)
{
	if (named(name, n, "br")) {
		if (r->out->len > r->start && r->breaks < 2)
			r->breaks++;
	} else if (named(name, n, "p")) {
		owe_breaks(r, 2);
	} else if (named(name, n, "ul") || named(name, n, "ol")) {
		owe_breaks(r, 1);
		if (!end) {
			if (r->nlists < MAX_LISTS)
				r->number[r->nlists] = named(name, n, "ol") ? 1 : 0;
			r->nlists++;
		} else if (r->nlists) {
			r->nlists--;
		}
	} else if (named(name, n, "li")) {
		owe_breaks(r, 1);
		if (!end) {
			pay(r);
			size_t depth = r->nlists ? r->nlists : 1;
			for (size_t k = 1; k < depth && k < MAX_LISTS; k++)
				text_buf_puts(r->out, "  ");
			size_t at = depth - 1;
			if (r->nlists && at < MAX_LISTS && r->number[at])
				text_buf_printf(r->out, "%u. ", r->number[at]++);
			else
				text_buf_puts(r->out, "- ");
		}
	} else if (named(name, n, "td") || named(name, n, "th")) {
		if (!end && r->cells++ > 0)
			r->gap = " | ";
	} else if (named(name, n, "pre")) {
		owe_breaks(r, 1);
		if (!end)
			r->pre++;
		else if (r->pre)
			r->pre--;
	} else if (named(name, n, "img")) {
		if (!end && r->dropped)
			r->dropped->images++;
	} else if (named_any(name, n, blocks)) {
		owe_breaks(r, 1);
		if (named(name, n, "tr"))
			r->cells = 0;
	}
	/* anything else (b, i, span, a, font, sub, sup...) only styles its text */
}

/* The offset just past the '>' that ends the tag whose name ends at s[i],
 * attribute values in quotes passed over; 0 when the tag never ends. */
static size_t tag_end(const char *s, size_t len, size_t i)
{
	char quote = 0;
	for (; i < len; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		}
	}
	return 0;
}

/* Where "</name" (ASCII case ignored) next starts in s[i..len), or len. */
static size_t find_end_tag(const char *s, size_t len, size_t i, const char *name)
{
	size_t n = strlen(name);
	for (; i + 2 + n <= len; i++)
		if (s[i] == '<' && s[i + 1] == '/' && text_same_ci(s + i + 2, name, n) &&
		    (i + 2 + n == len || !text_is_alpha(s[i + 2 + n])))
			return i;
	return len;
}

/* Reads the markup at s[i] (a '<'); returns where reading goes on, or i
 * when it is no markup (a '<' of the text). */
static size_t markup(struct reducer *r, const char *s, size_t len, size_t i)
{
	size_t k = i + 1;
	if (k + 2 < len && s[k] == '!' && s[k + 1] == '-' && s[k + 2] == '-') {
		const char *close = NULL;
		for (size_t j = k + 3; j + 3 <= len && !close; j++)
			if (memcmp(s + j, "-->", 3) == 0)
				close = s + j;
		return close ? (size_t)(close - s) + 3 : len;  /* a comment */
	}
	if (k < len && (s[k] == '!' || s[k] == '?')) {
		size_t e = tag_end(s, len, k);  /* <!DOCTYPE ...>, <?xml ...?> */
		return e ? e : i;
	}
	bool end = k < len && s[k] == '/';
	if (end)
		k++;
	if (k >= len || !text_is_alpha(s[k]))
		return i;
	size_t name = k;
	while (k < len && (text_is_alpha(s[k]) || text_is_digit(s[k])))
		k++;
	size_t n = k - name;
	size_t e = tag_end(s, len, k);
	if (!e)
		return i;
	if (!end && (named(s + name, n, "script") || named(s + name, n, "style"))) {
		/* their content is no text: left out up to their end tag */
		char lower[8];
		for (size_t j = 0; j < n; j++)
			lower[j] = text_lower(s[name + j]);
		lower[n] = '\0';
		size_t close = find_end_tag(s, len, e, lower);
		if (close == len)
			return len;
		size_t after = tag_end(s, len, close + 2 + n);
		return after ? after : len;
	}
	element(r, s + name, n, end);
	return e;
}

void html_to_text(struct text_buf *out, const char *s, size_t len, unsigned flags, struct html_dropped *dropped)
{
	struct reducer r = { .out = out, .start = out->len, .flags = flags, .dropped = dropped };
	size_t i = 0;
	while (i < len) {
		char ch = s[i];
		if (ch == '<') {
			size_t next = markup(&r, s, len, i);
			if (next != i) {
				i = next;
				continue;
			}
		} else if (ch == '&') {
			uint32_t cp;
			bool unknown;
			size_t n = reference(s + i, len - i, &cp, &unknown);
			if (unknown && dropped && dropped->unknown++ == 0)
				dropped->first_unknown = i;
			if (n && cp == 0xA0 && !r.pre) {
				r.gap = r.gap ? r.gap : " ";  /* a no-break space: a space */
				i += n;
				continue;
			}
			if (n) {
				char u[4];
				put_text(&r, u, text_utf8_encode(cp, u));
				i += n;
				continue;
			}
		} else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
			if (r.pre) {
				if (ch != '\r')
					put_text(&r, &ch, 1);
			} else if (ch == '\n' && (flags & HTML_KEEP_NEWLINES)) {
				if (r.out->len > r.start && r.breaks < 2)
					r.breaks++;
			} else if (ch != '\r' || !(flags & HTML_KEEP_NEWLINES)) {
				r.gap = r.gap ? r.gap : " ";
			}
			i++;
			continue;
		}
		put_text(&r, s + i, 1);
		i++;
	}
}
