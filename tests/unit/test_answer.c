/* Unit tests of answer checking and writing (answer.c, answer_format.c),
 * numbers as learners type them (number.c), and folding and typo tolerance
 * (fold.c). */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "check.h"
#include "fold.h"

/* ------------------------------------------------------------- helpers */

/* Checks response r to question q into v, and expects the outcome and the
 * credit given (a macro, so that a failure names the line that called it). */
#define JUDGED(q, r, v, out, credit) do { \
	answer_check((q), (r), (v)); \
	CHECK((v)->outcome == (out)); \
	CHECK_NUM((v)->fraction, (credit)); \
} while (0)

static struct question make_question(enum qtype type)
{
	struct question q;
	memset(&q, 0, sizeof q);
	q.id = "q";
	q.type = type;
	q.prompt = "?";
	q.points = DECK_DEFAULT_POINTS;
	return q;
}

static struct response no_response(void)
{
	struct response r;
	memset(&r, 0, sizeof r);
	return r;
}

static struct verdict judge_text(const struct question *q, const char *typed)
{
	struct response r = no_response();
	struct verdict v;
	r.text = typed;
	answer_check(q, &r, &v);
	return v;
}

/* Parses s (unit as given) and reports whether it worked and the value. */
static int parses_to(const char *s, const char *unit, double want)
{
	double x = -12345.678;
	if (!answer_parse_number(s, unit, &x)) {
		printf("  \"%s\" did not parse\n", s);
		return 0;
	}
	if (!(fabs(x - want) <= 1e-9 * (1.0 + fabs(want)))) {
		printf("  \"%s\" parsed as %.17g, expected %.17g\n", s, x, want);
		return 0;
	}
	return 1;
}

static int refused(const char *s, const char *unit)
{
	double x = 0;
	if (answer_parse_number(s, unit, &x)) {
		printf("  \"%s\" parsed as %.17g, expected a refusal\n", s ? s : "(null)", x);
		return 0;
	}
	return 1;
}

/* fold(s) as a comparison with want; frees the result. */
static int folds_to(const char *s, const char *want)
{
	char *f = fold_text(s);
	int ok = f && strcmp(f, want) == 0;
	if (!ok)
		printf("  fold(\"%s\") is \"%s\", expected \"%s\"\n", s, f ? f : "(null)", want);
	free(f);
	return ok;
}

/* ---------------------------------------------------------- choice, tf */

static const char *const forums[] = {"BRICS", "G7", "SCO", "G20", "ASEAN"};

static void test_choice(void)
{
	struct question q = make_question(Q_CHOICE);
	struct response r = no_response();
	struct verdict v;
	q.choices = (const char **)forums;
	q.nchoices = 3;
	q.correct = 2;

	r.choice = 2;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);
	CHECK(v.note[0] == '\0');

	r.choice = 0;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);

	r.choice = 7; /* out of range: nonsense is wrong */
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	r.choice = (size_t)-1;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
}

static void test_truefalse(void)
{
	struct question q = make_question(Q_TRUEFALSE);
	struct response r = no_response();
	struct verdict v;
	q.truth = false;
	r.truth = false;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);
	r.truth = true;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);
	q.truth = true;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_CORRECT);
}

/* ---------------------------------------------------------------- multi */

static void test_multi_all_right(void)
{
	struct question q = make_question(Q_MULTI);
	struct response r = no_response();
	struct verdict v;
	q.choices = (const char **)forums;
	q.nchoices = 5;
	q.correct = (1UL << 0) | (1UL << 2) | (1UL << 4); /* BRICS, SCO, ASEAN */

	r.selected = q.correct;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);
	CHECK(v.note[0] == '\0');
}

static void test_multi_partial_credit(void)
{
	struct question q = make_question(Q_MULTI);
	struct response r = no_response();
	struct verdict v;
	q.choices = (const char **)forums;
	q.nchoices = 5;
	q.correct = (1UL << 0) | (1UL << 2) | (1UL << 4);

	/* 2 of 3 right, nothing wrong: 2/3 */
	r.selected = (1UL << 0) | (1UL << 2);
	JUDGED(&q, &r, &v, OUT_PARTIAL, 2.0 / 3.0);
	CHECK_STR(v.note, "2 of 3 right options");

	/* 2 right, 1 wrong: (2 - 1) / 3 */
	r.selected = (1UL << 0) | (1UL << 2) | (1UL << 1);
	JUDGED(&q, &r, &v, OUT_PARTIAL, 1.0 / 3.0);
	CHECK_STR(v.note, "2 of 3 right options, 1 wrong");

	/* everything: (3 - 2) / 3, little */
	r.selected = 0x1F;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 1.0 / 3.0);

	/* all right plus one wrong is not fully right */
	r.selected = q.correct | (1UL << 3);
	JUDGED(&q, &r, &v, OUT_PARTIAL, 2.0 / 3.0);
}

static void test_multi_wrong(void)
{
	struct question q = make_question(Q_MULTI);
	struct response r = no_response();
	struct verdict v;
	q.choices = (const char **)forums;
	q.nchoices = 5;
	q.correct = (1UL << 0) | (1UL << 2) | (1UL << 4);

	/* 1 right, 2 wrong: below zero, so zero */
	r.selected = (1UL << 0) | (1UL << 1) | (1UL << 3);
	JUDGED(&q, &r, &v, OUT_WRONG, 0);
	CHECK_STR(v.note, "1 of 3 right options, 2 wrong");

	/* 1 right, 1 wrong: zero too */
	r.selected = (1UL << 0) | (1UL << 1);
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);

	/* nothing picked */
	r.selected = 0;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);

	/* one right option of one */
	q.correct = 1UL << 3;
	r.selected = 1UL << 3;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_CORRECT);
	r.selected = 1UL << 2;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	CHECK_STR(v.note, "0 of 1 right option, 1 wrong");
}

/* --------------------------------------------------------------- number */

static void test_number_check(void)
{
	struct question q = make_question(Q_NUMBER);
	struct verdict v;
	q.number = 26;
	q.min = 26;
	q.max = 26;
	q.unit = "people";

	v = judge_text(&q, "26");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_NUM(v.fraction, 1);
	CHECK(!v.unparsed);
	v = judge_text(&q, " twenty-six people ");
	CHECK(v.outcome == OUT_CORRECT);
	v = judge_text(&q, "26.0");
	CHECK(v.outcome == OUT_CORRECT);
	v = judge_text(&q, "27");
	CHECK(v.outcome == OUT_WRONG);
	CHECK(!v.unparsed);
	CHECK_NUM(v.fraction, 0);

	v = judge_text(&q, "lots");
	CHECK(v.outcome == OUT_WRONG);
	CHECK(v.unparsed);
	CHECK_STR(v.note, "not a number");
	v = judge_text(&q, "");
	CHECK(v.outcome == OUT_WRONG);
	CHECK(v.unparsed);
	v = judge_text(&q, NULL);
	CHECK(v.outcome == OUT_WRONG);
	CHECK(v.unparsed);

	/* a range: both ends count */
	q.min = 25;
	q.max = 27;
	CHECK(judge_text(&q, "25").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "27 people").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "24.99").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "27.01").outcome == OUT_WRONG);

	/* tolerance as sums of fractions: 0.3 +- 0.1 */
	q.number = 0.3;
	q.min = 0.3 - 0.1;
	q.max = 0.3 + 0.1;
	q.unit = NULL;
	CHECK(judge_text(&q, "0.2").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "0.4").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "0.41").outcome == OUT_WRONG);
	CHECK(judge_text(&q, ".3").outcome == OUT_CORRECT);
}

static void test_parse_numerals(void)
{
	CHECK(parses_to("26", NULL, 26));
	CHECK(parses_to("-3", NULL, -3));
	CHECK(parses_to("+4", NULL, 4));
	CHECK(parses_to("26.0", NULL, 26));
	CHECK(parses_to("0.5", NULL, 0.5));
	CHECK(parses_to(".5", NULL, 0.5));
	CHECK(parses_to("-.25", NULL, -0.25));
	CHECK(parses_to("26.", NULL, 26));
	CHECK(parses_to("1,000", NULL, 1000));
	CHECK(parses_to("12,345", NULL, 12345));
	CHECK(parses_to("1,000,000.5", NULL, 1000000.5));
	CHECK(parses_to("1 000", NULL, 1000));
	CHECK(parses_to("1 000 000", NULL, 1000000));
	CHECK(parses_to("1\xC2\xA0" "000", NULL, 1000)); /* no-break space */
	CHECK(parses_to("2.5e3", NULL, 2500));
	CHECK(parses_to("2.5E+3", NULL, 2500));
	CHECK(parses_to("125e-3", NULL, 0.125));
	CHECK(parses_to("0.05", NULL, 0.05));
	CHECK(parses_to("007", NULL, 7));
	CHECK(parses_to("0", NULL, 0));
	CHECK(parses_to("-0", NULL, 0));
	CHECK(parses_to("  \t26\n ", NULL, 26));
	CHECK(parses_to("\xE2\x88\x92" "3", NULL, -3)); /* U+2212 minus sign */
	CHECK(parses_to("123456789012345678901234567890123456789012345", NULL,
	                1.23456789012345678901234567890123456789012345e44));
	CHECK(parses_to("0.1", NULL, 0.1));
	CHECK(parses_to("3.14159", NULL, 3.14159));
	{
		double x = 0;
		CHECK(answer_parse_number("0.1", NULL, &x) && x == 0.1);
		CHECK(answer_parse_number("1e-7", NULL, &x) && x == 1e-7);
	}
}

static void test_parse_number_words(void)
{
	CHECK(parses_to("zero", NULL, 0));
	CHECK(parses_to("one", NULL, 1));
	CHECK(parses_to("Seven", NULL, 7));
	CHECK(parses_to("eleven", NULL, 11));
	CHECK(parses_to("nineteen", NULL, 19));
	CHECK(parses_to("twenty", NULL, 20));
	CHECK(parses_to("ninety", NULL, 90));
	CHECK(parses_to("twenty-six", NULL, 26));
	CHECK(parses_to("twenty six", NULL, 26));
	CHECK(parses_to("TWENTY-SIX", NULL, 26));
	CHECK(parses_to("ninety-nine", NULL, 99));
	CHECK(parses_to("hundred", NULL, 100));
	CHECK(parses_to("a hundred", NULL, 100));
	CHECK(parses_to("one hundred", NULL, 100));
	CHECK(parses_to("one hundred and five", NULL, 105));
	CHECK(parses_to("one hundred five", NULL, 105));
	CHECK(parses_to("a hundred and one", NULL, 101));
	CHECK(parses_to("three hundred and forty-two", NULL, 342));
	CHECK(parses_to("twelve hundred", NULL, 1200));
	CHECK(parses_to("a thousand", NULL, 1000));
	CHECK(parses_to("thousand", NULL, 1000));
	CHECK(parses_to("one thousand and five", NULL, 1005));
	CHECK(parses_to("two thousand three hundred", NULL, 2300));
	CHECK(parses_to("five hundred thousand", NULL, 500000));
	CHECK(parses_to("a million", NULL, 1e6));
	CHECK(parses_to("one million two hundred thousand", NULL, 1200000));
	CHECK(parses_to("two billion", NULL, 2e9));
	CHECK(parses_to("minus three", NULL, -3));
	CHECK(parses_to("negative twenty", NULL, -20));
	CHECK(parses_to("3 million", NULL, 3e6));
	CHECK(parses_to("2.5 million", NULL, 2.5e6));
	CHECK(parses_to("1,500 thousand", NULL, 1.5e6));
	CHECK(parses_to("-3 million", NULL, -3e6));
	CHECK(parses_to("-3 million 500 thousand", NULL, -3.5e6));
	CHECK(parses_to("1 million 500 thousand", NULL, 1.5e6));
	CHECK(parses_to("one hundred and 5", NULL, 105));
	CHECK(parses_to("  Twenty   Six  ", NULL, 26));
}

static void test_parse_number_units(void)
{
	CHECK(parses_to("26 people", "people", 26));
	CHECK(parses_to("26 PEOPLE", "people", 26));
	CHECK(parses_to("26people", "people", 26));
	CHECK(parses_to("twenty-six people", "people", 26));
	CHECK(parses_to("26\xC2\xA0people", "people", 26));
	CHECK(parses_to("26", "people", 26));
	CHECK(parses_to("1 year", "years", 1));
	CHECK(parses_to("5 years", "years", 5));
	CHECK(parses_to("2 kgs", "kg", 2));
	CHECK(parses_to("40 km", " km ", 40));
	CHECK(parses_to("1,000 people", "people", 1000));
	CHECK(parses_to("3 million people", "people", 3e6));
	CHECK(parses_to("50%", "%", 50));
	/* a unit glued to a word is not a unit */
	CHECK(refused("26xpeople", "people"));
	CHECK(refused("people", "people"));
	/* words after a number that are not a unit are read past (see
	 * test_parse_number_trailing_words) */
	CHECK(parses_to("26 people", NULL, 26));
	CHECK(parses_to("26 persons", "people", 26));
	/* a unit must follow a space or the number: "ion" does not end "million" */
	CHECK(parses_to("3 million", "ion", 3e6));
	CHECK(parses_to("twenty-one", "one", 21));
}

static void test_parse_number_rejects(void)
{
	CHECK(refused("", NULL));
	CHECK(refused("   ", NULL));
	CHECK(refused(NULL, NULL));
	CHECK(refused("26abc", NULL));
	CHECK(refused("abc", NULL));
	CHECK(refused("1,00", NULL));
	CHECK(refused("1,0000", NULL));
	CHECK(refused("1234,567", NULL));
	CHECK(refused("1,000 000", NULL)); /* separators mixed */
	CHECK(refused("2,5", NULL));
	CHECK(refused("1 2", NULL));
	CHECK(refused(".", NULL));
	CHECK(refused("-", NULL));
	CHECK(refused("+", NULL));
	CHECK(refused("--3", NULL));
	CHECK(refused("1.2.3", NULL));
	CHECK(refused("1e", NULL));
	CHECK(refused("1e+", NULL));
	CHECK(refused("e5", NULL));
	CHECK(refused("NaN", NULL));
	CHECK(refused("nan", NULL));
	CHECK(refused("inf", NULL));
	CHECK(refused("-infinity", NULL));
	CHECK(refused("0x1A", NULL));
	CHECK(refused("1e400", NULL));
	CHECK(refused("1e99999999999", NULL));
	CHECK(refused("1e300 billion", NULL));
	CHECK(refused("twenty-", NULL));
	CHECK(refused("six twenty", NULL));
	CHECK(refused("twenty twenty", NULL));
	CHECK(refused("one two", NULL));
	CHECK(refused("eleven five", NULL));
	CHECK(refused("a", NULL));
	CHECK(refused("a five", NULL));
	CHECK(refused("and", NULL));
	CHECK(refused("one hundred and", NULL));
	CHECK(refused("minus", NULL));
	CHECK(refused("three minus", NULL));
	CHECK(refused("zero zero", NULL));
	CHECK(refused("one zero", NULL));
	CHECK(refused("thousand million", NULL));
	CHECK(refused("one thousand two thousand", NULL));
	CHECK(refused("one hundred two hundred", NULL));
	CHECK(refused("3 five", NULL));
	CHECK(refused("twenty-six-", NULL));
	CHECK(refused("two and three", NULL));
	CHECK(refused("fivety", NULL));
}

/* Reads s with number_read; 1 when it gives want, read as how. */
static int reads_as(const char *s, const char *unit, unsigned flags, double want,
                    enum number_how want_how)
{
	double x = -12345.678;
	enum number_how how = NUMBER_WHOLE;
	if (!number_read(s, unit, flags, &x, &how)) {
		printf("  \"%s\" did not parse\n", s);
		return 0;
	}
	if (x != want || how != want_how) {
		printf("  \"%s\" read as %.17g (how %d), expected %.17g (how %d)\n", s, x, (int)how,
		       want, (int)want_how);
		return 0;
	}
	return 1;
}

static void test_parse_number_ordinals(void)
{
	CHECK(reads_as("22nd", NULL, 0, 22, NUMBER_WHOLE));
	CHECK(reads_as("1st", NULL, 0, 1, NUMBER_WHOLE));
	CHECK(reads_as("3RD", NULL, 0, 3, NUMBER_WHOLE));
	CHECK(reads_as("11th", NULL, 0, 11, NUMBER_WHOLE));
	CHECK(reads_as("1,000th", NULL, 0, 1000, NUMBER_WHOLE));
	CHECK(reads_as("first", NULL, 0, 1, NUMBER_WHOLE));
	CHECK(reads_as("second", NULL, 0, 2, NUMBER_WHOLE));
	CHECK(reads_as("Third", NULL, 0, 3, NUMBER_WHOLE));
	CHECK(reads_as("fifth", NULL, 0, 5, NUMBER_WHOLE));
	CHECK(reads_as("eighth", NULL, 0, 8, NUMBER_WHOLE));
	CHECK(reads_as("ninth", NULL, 0, 9, NUMBER_WHOLE));
	CHECK(reads_as("twelfth", NULL, 0, 12, NUMBER_WHOLE));
	CHECK(reads_as("thirteenth", NULL, 0, 13, NUMBER_WHOLE));
	CHECK(reads_as("twentieth", NULL, 0, 20, NUMBER_WHOLE));
	CHECK(reads_as("twenty-second", NULL, 0, 22, NUMBER_WHOLE));
	CHECK(reads_as("twenty second", NULL, 0, 22, NUMBER_WHOLE));
	CHECK(reads_as("ninety-ninth", NULL, 0, 99, NUMBER_WHOLE));
	CHECK(reads_as("hundredth", NULL, 0, 100, NUMBER_WHOLE));
	CHECK(reads_as("one hundred and first", NULL, 0, 101, NUMBER_WHOLE));
	CHECK(reads_as("thousandth", NULL, 0, 1000, NUMBER_WHOLE));
	/* an ordinal ends a number; it does not start or continue one */
	CHECK(refused("second one", NULL));
	CHECK(refused("first-twenty", NULL));
	CHECK(refused("2.5th", NULL));
	CHECK(refused("-3rd", NULL));
	CHECK(refused("nd", NULL));
	CHECK(refused("andth", NULL));
}

static void test_parse_number_trailing_words(void)
{
	CHECK(reads_as("26 civilians", NULL, 0, 26, NUMBER_LEADING));
	CHECK(reads_as("26 civilians were killed", "people", 0, 26, NUMBER_LEADING));
	CHECK(reads_as("twenty-six tourists", "people", 0, 26, NUMBER_LEADING));
	CHECK(reads_as("one hundred and five people in all", NULL, 0, 105, NUMBER_LEADING));
	CHECK(reads_as("26, I think", NULL, 0, 26, NUMBER_LEADING));
	CHECK(reads_as("22nd April", NULL, 0, 22, NUMBER_LEADING));
	CHECK(reads_as("26 people", "people", 0, 26, NUMBER_WHOLE));
	CHECK(reads_as("26 a day", NULL, 0, 26, NUMBER_LEADING));
	/* two numbers are ambiguous; so are words that join numbers */
	CHECK(refused("26 27", NULL));
	CHECK(refused("26 or 27", NULL));
	CHECK(refused("26 civilians and 3 soldiers", NULL));
	CHECK(refused("26 people, not twenty", NULL));
	CHECK(refused("26 and a half", NULL));
	CHECK(refused("26 minus", NULL));
	CHECK(refused("about 26", NULL));
	CHECK(refused("abc def", NULL));
	CHECK(refused("26abc def", NULL));
	/* a date is a number only for a day of the month (NUMBER_DATES) */
	CHECK(refused("April 22", NULL));
}

static void test_parse_number_dates(void)
{
	CHECK(reads_as("April 22", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("22 April", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("22 April 2025", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("April 22nd", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("April 22, 2025", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("the 22nd of April", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("apr. 1st", NULL, NUMBER_DATES, 1, NUMBER_DAY));
	CHECK(reads_as("Sept 30", NULL, NUMBER_DATES, 30, NUMBER_DAY));
	CHECK(reads_as("twenty-second of April", NULL, NUMBER_DATES, 22, NUMBER_DAY));
	CHECK(reads_as("22", NULL, NUMBER_DATES, 22, NUMBER_WHOLE));
	CHECK(refused("April 32", NULL));
	double x;
	CHECK(!number_read("April 32", NULL, NUMBER_DATES, &x, NULL));
	CHECK(!number_read("April 0", NULL, NUMBER_DATES, &x, NULL));
	CHECK(!number_read("April", NULL, NUMBER_DATES, &x, NULL));
	CHECK(!number_read("April May 3", NULL, NUMBER_DATES, &x, NULL));
	CHECK(!number_read("April 22 twenty", NULL, NUMBER_DATES, &x, NULL));
	CHECK(!number_read("Aprl 22 2025", NULL, NUMBER_DATES, &x, NULL));
}

/* A number question says what it read when it read past words. */
static void test_number_check_reads_past_words(void)
{
	struct question q = make_question(Q_NUMBER);
	struct verdict v;
	q.number = q.min = q.max = 26;
	q.unit = "people";
	v = judge_text(&q, "26 civilians");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_STR(v.note, "read as 26");
	v = judge_text(&q, "26 people");
	CHECK_STR(v.note, "");
	v = judge_text(&q, "April 26");  /* not a day of the month: 26 people */
	CHECK(v.outcome == OUT_WRONG && v.unparsed);

	struct question d = make_question(Q_NUMBER);
	d.number = d.min = d.max = 22;
	v = judge_text(&d, "April 22");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_STR(v.note, "read as 22");
	v = judge_text(&d, "22 April 2025");
	CHECK(v.outcome == OUT_CORRECT);
	v = judge_text(&d, "22nd");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_STR(v.note, "");
	v = judge_text(&d, "twenty-second");
	CHECK(v.outcome == OUT_CORRECT);
	d.unit = "days";
	v = judge_text(&d, "April 22nd");
	CHECK(v.outcome == OUT_CORRECT);
	d.unit = "km";
	v = judge_text(&d, "April 22");
	CHECK(v.outcome == OUT_WRONG && v.unparsed);
	double x;
	CHECK(answer_read_number(&q, "26 dead", &x, NULL) && x == 26);
}

/* Whatever the locale says about the decimal point, '.' is the point. */
static void test_number_locale(void)
{
	static const char *const comma_locales[] = {
		"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8", NULL
	};
	struct question q = make_question(Q_NUMBER);
	q.number = 2.5;
	q.min = 2.5;
	q.max = 2.5;
	for (size_t i = 0; comma_locales[i]; i++) {
		if (setlocale(LC_ALL, comma_locales[i])) {
			char *f = answer_format(&q);
			CHECK(parses_to("2.5", NULL, 2.5));
			CHECK(refused("2,5", NULL));
			CHECK_STR(f, "2.5");
			free(f);
			break;
		}
	}
	setlocale(LC_ALL, "C");
	CHECK(parses_to("2.5", NULL, 2.5));
	char *f = answer_format(&q);
	CHECK_STR(f, "2.5");
	free(f);
}

/* -------------------------------------------------------------- folding */

static void test_fold_basic(void)
{
	CHECK(folds_to("Baisaran Meadow", "baisaran meadow"));
	CHECK(folds_to("  Baisaran   \t Meadow \n", "baisaran meadow"));
	CHECK(folds_to("Russia's", "russias"));
	CHECK(folds_to("Russia\xE2\x80\x99s", "russias"));          /* ’ */
	CHECK(folds_to("\xE2\x80\x9CQuoted\xE2\x80\x9D", "quoted")); /* “ ” */
	CHECK(folds_to("\xE2\x80\x98single\xE2\x80\x99", "single")); /* ‘ ’ */
	CHECK(folds_to("\"Quoted\"", "quoted"));
	CHECK(folds_to("S-400", "s 400"));
	CHECK(folds_to("Jammu/Kashmir", "jammu kashmir"));
	CHECK(folds_to("a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x80\x90" "d", "a b c d")); /* – — ‐ */
	CHECK(folds_to("x\xE2\x88\x92y\xE2\x88\x95z", "x y z")); /* minus sign, division slash */
	CHECK(folds_to("Hello, world!", "hello world"));
	CHECK(folds_to("U.S.A.", "usa"));
	CHECK(folds_to("(a) [b] {c}?", "a b c"));
	CHECK(folds_to("no\xC2\xA0" "break", "no break"));
	CHECK(folds_to("em\xE2\x80\x83space\xE3\x80\x80ideo", "em space ideo"));
	CHECK(folds_to("", ""));
	CHECK(folds_to("   ", ""));
	CHECK(folds_to("?!...", ""));
	CHECK(folds_to(" - a - ", "a"));
	CHECK(folds_to(NULL, ""));
}

static void test_fold_diacritics(void)
{
	CHECK(folds_to("Pahalg\xC3\xA1m", "pahalgam"));            /* á */
	CHECK(folds_to("PAHALG\xC3\x81M", "pahalgam"));            /* Á */
	CHECK(folds_to("caf\xC3\xA9", "cafe"));                    /* é */
	CHECK(folds_to("Espa\xC3\xB1" "a", "espana"));             /* ñ */
	CHECK(folds_to("M\xC3\xBCnchen", "munchen"));              /* ü */
	CHECK(folds_to("Fran\xC3\xA7" "ais", "francais"));         /* ç */
	CHECK(folds_to("K\xC3\xB8" "benhavn", "kobenhavn"));       /* ø */
	CHECK(folds_to("Stra\xC3\x9F" "e", "strasse"));            /* ß */
	CHECK(folds_to("\xC3\x86sir", "aesir"));                   /* Æ */
	CHECK(folds_to("c\xC5\x93ur", "coeur"));                   /* œ */
	CHECK(folds_to("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz"));  /* Łódź */
	CHECK(folds_to("\xC5\xA0koda", "skoda"));                  /* Š */
	CHECK(folds_to("\xC4\xB0stanbul", "istanbul"));            /* İ */
	CHECK(folds_to("\xC5\x90r\xC5\xB1s", "orus"));             /* Ő ű */
	CHECK(folds_to("Rom\xC3\xA2nia \xC8\x98i \xC8\x9B", "romania si t")); /* â Ș ț */
	CHECK(folds_to("\xC3\x9E" "ing", "thing"));                /* Þ */
	CHECK(folds_to("e\xCC\x81t\xC3\xA9", "ete"));              /* combining acute */
	CHECK(folds_to("2\xC3\x97" "3", "2\xC3\x97" "3"));         /* × stays */
	CHECK(folds_to("\xC2\xBF" "Qu\xC3\xA9?", "que"));          /* ¿ */
	/* non-Latin letters pass through unchanged */
	CHECK(folds_to("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));
	CHECK(folds_to("\xE5\x8C\x97\xE4\xBA\xAC", "\xE5\x8C\x97\xE4\xBA\xAC"));
	/* full-width letters are letters */
	CHECK(folds_to("\xEF\xBC\xA1\xEF\xBD\x82", "ab"));
}

/* ----------------------------------------------------------------- text */

static const char *const meadow[] = {"Baisaran Meadow", "Baisaran"};
static const char *const pahalgam[] = {"Pahalg\xC3\xA1m"};

static struct question text_question(const char *const *accept, size_t n)
{
	struct question q = make_question(Q_TEXT);
	q.accept = (const char **)accept;
	q.naccept = n;
	return q;
}

static void test_text_folded(void)
{
	struct question q = text_question(meadow, 2);
	struct verdict v;

	v = judge_text(&q, "Baisaran Meadow");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_NUM(v.fraction, 1);
	CHECK(!v.typo);
	CHECK(v.note[0] == '\0');
	CHECK(judge_text(&q, "baisaran meadow").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "  BAISARAN   meadow. ").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "\xE2\x80\x9C" "Baisaran\xE2\x80\x9D").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "baisaran").outcome == OUT_CORRECT); /* second answer */
	CHECK(!judge_text(&q, "baisaran").typo);
	CHECK(judge_text(&q, "BaisaranMeadow").outcome == OUT_CORRECT); /* spaces ignored */
	CHECK(!judge_text(&q, "BaisaranMeadow").typo);
	CHECK(judge_text(&q, "Srinagar").outcome == OUT_WRONG);
	CHECK_NUM(judge_text(&q, "Srinagar").fraction, 0);
	CHECK(judge_text(&q, "").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "   ").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "!!!").outcome == OUT_WRONG);
	CHECK(judge_text(&q, NULL).outcome == OUT_WRONG);

	q = text_question(pahalgam, 1);
	v = judge_text(&q, "pahalgam");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(!v.typo);

	static const char *const s400[] = {"S-400"};
	q = text_question(s400, 1);
	CHECK(judge_text(&q, "S400").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "s 400").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "S\xE2\x80\x93" "400").outcome == OUT_CORRECT); /* en dash */
	CHECK(judge_text(&q, "S-300").outcome == OUT_WRONG);
}

static void test_text_exact(void)
{
	static const char *const code[] = {"AbC-12"};
	struct question q = text_question(code, 1);
	q.exact = true;
	CHECK(judge_text(&q, "AbC-12").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "  AbC-12\t\n").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "abc-12").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "AbC 12").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "AbC12").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "AbC-1").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "Ab C-12").outcome == OUT_WRONG);

	/* no typos in exact mode, however long */
	static const char *const longer[] = {"Deputy Foreign Minister"};
	q = text_question(longer, 1);
	q.exact = true;
	CHECK(judge_text(&q, "Deputy Foreign Minister").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "Deputy Foriegn Minister").outcome == OUT_WRONG);
	q.exact = false;
	CHECK(judge_text(&q, "Deputy Foriegn Minister").outcome == OUT_CORRECT);
}

static void test_text_typos(void)
{
	static const char *const five[] = {"Delhi"};     /* 5 code points */
	static const char *const four[] = {"Agra"};      /* 4 */
	static const char *const nine[] = {"Islamabad"}; /* 9 */
	static const char *const ten[] = {"Kazakhstan"}; /* 10 */
	struct question q;
	struct verdict v;

	/* length 5: one edit */
	q = text_question(five, 1);
	v = judge_text(&q, "Delhu");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK_NUM(v.fraction, 1);
	CHECK(v.typo);
	CHECK_STR(v.note, "accepted with a typo: Delhu");
	CHECK(judge_text(&q, "Dehli").typo);             /* a swap is one edit */
	CHECK(judge_text(&q, "Dehli").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "Delh").outcome == OUT_CORRECT);   /* one removed */
	CHECK(judge_text(&q, "Delhii").outcome == OUT_CORRECT); /* one added */
	CHECK(judge_text(&q, "Dlehu").outcome == OUT_WRONG);    /* two */
	CHECK(judge_text(&q, "Dekhu").outcome == OUT_WRONG);

	/* length 4: none */
	q = text_question(four, 1);
	CHECK(judge_text(&q, "Agra").outcome == OUT_CORRECT);
	CHECK(judge_text(&q, "Agru").outcome == OUT_WRONG);
	CHECK(judge_text(&q, "Arga").outcome == OUT_WRONG);
	CHECK(!judge_text(&q, "Agru").typo);

	/* length 9: one edit, not two */
	q = text_question(nine, 1);
	CHECK(judge_text(&q, "Islamabat").outcome == OUT_CORRECT);
	v = judge_text(&q, "Islanabat");
	CHECK(v.outcome == OUT_WRONG);
	CHECK(!v.typo);
	CHECK(v.note[0] == '\0');

	/* length 10: two edits */
	q = text_question(ten, 1);
	v = judge_text(&q, "Kazakstan");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
	v = judge_text(&q, "Kazahkstam");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
	CHECK_STR(v.note, "accepted with a typo: Kazahkstam");
	CHECK(judge_text(&q, "Kasahkstam").outcome == OUT_WRONG); /* three */

	/* the typed text is reported trimmed, as typed (not folded) */
	q = text_question(pahalgam, 1);
	v = judge_text(&q, "  Pahalgan ");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
	CHECK_STR(v.note, "accepted with a typo: Pahalgan");
	/* a diacritic typed on the wrong letter is still only one edit */
	v = judge_text(&q, "P\xC3\xA1halgam");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(!v.typo); /* folding makes it exact */

	/* an exact match with the second answer wins over a typo on the first */
	q = text_question(meadow, 2);
	v = judge_text(&q, "Baisaran");
	CHECK(!v.typo);
	v = judge_text(&q, "Baisaran Meadw");
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
	v = judge_text(&q, "Baisaranmeadw"); /* a space left out and a typo */
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
}

static void test_text_digits(void)
{
	static const char *const s400[] = {"S-400 Triumf"};
	static const char *const year[] = {"Resolution 1267"};
	struct question q = text_question(s400, 1);
	struct verdict v;

	v = judge_text(&q, "S-500 Triumf");  /* one edit, but a digit */
	CHECK(v.outcome == OUT_WRONG);
	CHECK(!v.typo);
	CHECK(judge_text(&q, "S-40 Triumf").outcome == OUT_WRONG);   /* a digit lost */
	CHECK(judge_text(&q, "S-4000 Triumf").outcome == OUT_WRONG); /* a digit added */
	CHECK(judge_text(&q, "S-400 Triumph").outcome == OUT_CORRECT); /* letters are fine */
	CHECK(judge_text(&q, "S-400 Triumph").typo);

	q = text_question(year, 1);
	CHECK(judge_text(&q, "Resolution 1276").outcome == OUT_WRONG); /* swapped digits */
	CHECK(judge_text(&q, "Resolutoin 1267").outcome == OUT_CORRECT);
}

/* -------------------------------------------------------------- distance */

/* A plain full-table optimal string alignment over code points. */
static size_t naive_osa(const char *a, const char *b)
{
	uint32_t ua[64], ub[64];
	size_t m = 0, n = 0, d[65][65];
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if ((*p & 0xC0) != 0x80)
			ua[m++] = *p;
		else
			ua[m - 1] = ua[m - 1] * 64 + (*p & 0x3F);
	for (const unsigned char *p = (const unsigned char *)b; *p; p++)
		if ((*p & 0xC0) != 0x80)
			ub[n++] = *p;
		else
			ub[n - 1] = ub[n - 1] * 64 + (*p & 0x3F);
	for (size_t i = 0; i <= m; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= n; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= m; i++)
		for (size_t j = 1; j <= n; j++) {
			size_t best = d[i - 1][j - 1] + (ua[i - 1] != ub[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[m][n];
}

static void test_distance_basic(void)
{
	CHECK(fold_distance("", "", 3) == 0);
	CHECK(fold_distance("abc", "abc", 0) == 0);
	CHECK(fold_distance("abc", "", 5) == 3);
	CHECK(fold_distance("", "abcd", 5) == 4);
	CHECK(fold_distance("abc", "abd", 2) == 1);
	CHECK(fold_distance("abcd", "abdc", 2) == 1);  /* a swap is one */
	CHECK(fold_distance("ca", "ac", 5) == 1);
	CHECK(fold_distance("ca", "abc", 5) == 3);     /* OSA, not full Damerau */
	CHECK(fold_distance("kitten", "sitting", 5) == 3);
	CHECK(fold_distance("kitten", "sitting", 2) == 3); /* limit + 1 */
	CHECK(fold_distance("kitten", "sitting", 1) == 2);
	CHECK(fold_distance("abc", "abcdefgh", 2) == 3);
	CHECK(fold_distance("abcdefgh", "abc", 2) == 3);
	CHECK(fold_distance("abc", "xyz", 0) == 1);
	CHECK(fold_distance("abc", "xyz", (size_t)-1) == 3); /* no wrap-around */
	CHECK(fold_distance(NULL, "ab", 5) == 2);
	/* code points, not bytes */
	CHECK(fold_distance("caf\xC3\xA9", "cafe", 3) == 1);
	CHECK(fold_distance("\xE5\x8C\x97\xE4\xBA\xAC", "\xE4\xBA\xAC\xE5\x8C\x97", 3) == 1);
	CHECK(fold_distance("\xF0\x9F\x98\x80x", "x", 3) == 1);
	/* an invalid byte is one code point of its own */
	CHECK(fold_distance("a\xFF" "b", "ab", 3) == 1);
	CHECK(fold_distance("a\xFF" "b", "a\xFE" "b", 3) == 1);
}

static void test_distance_long(void)
{
	/* long strings: rows of the shorter length, the band, early exit */
	size_t n = 5000;
	char *a = malloc(n + 1), *b = malloc(n + 1);
	CHECK(a && b);
	if (!a || !b) {
		free(a);
		free(b);
		return;
	}
	for (size_t i = 0; i < n; i++)
		a[i] = (char)('a' + (i * 7 % 26));
	a[n] = '\0';
	memcpy(b, a, n + 1);
	CHECK(fold_distance(a, b, 2) == 0);
	b[10] = b[10] == 'z' ? 'y' : 'z';
	CHECK(fold_distance(a, b, 2) == 1);
	b[4000] = a[4001];
	b[4001] = a[4000];
	CHECK(fold_distance(a, b, 2) == 2);
	b[2000] = '#';
	CHECK(fold_distance(a, b, 2) == 3);
	CHECK(fold_distance(a, b, 10) == 3);
	b[0] = '\0';
	CHECK(fold_distance(a, b, 2) == 3);
	free(a);
	free(b);
}

static void test_distance_random(void)
{
	static const char *const alphabet[] = {"a", "b", "c", "\xC3\xA9", "\xE2\x80\x94"};
	unsigned long seed = 12345;
	int mismatches = 0;
	for (int round = 0; round < 3000; round++) {
		char a[64 * 3 + 1] = "", b[64 * 3 + 1] = "";
		char *bufs[2] = {a, b};
		for (int s = 0; s < 2; s++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			size_t len = (size_t)(seed >> 33) % 12;
			for (size_t i = 0; i < len; i++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				strcat(bufs[s], alphabet[(seed >> 33) % 5]);
			}
		}
		size_t want = naive_osa(a, b);
		for (size_t limit = 0; limit <= 12; limit++) {
			size_t got = fold_distance(a, b, limit);
			size_t expect = want > limit ? limit + 1 : want;
			if (got != expect && mismatches++ < 5)
				printf("  distance(\"%s\", \"%s\", %zu) is %zu, expected %zu\n",
				       a, b, limit, got, expect);
		}
	}
	CHECK(mismatches == 0);
}

/* ---------------------------------------------------------- order, match */

static const char *const events[] = {"The attack", "The meeting", "The report", "The vote"};

static void test_order(void)
{
	struct question q = make_question(Q_ORDER);
	struct response r = no_response();
	struct verdict v;
	q.choices = (const char **)events;
	q.nchoices = 3;

	static const size_t right[] = {0, 1, 2};
	r.order = right;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);

	static const size_t one_swap[] = {1, 0, 2};
	r.order = one_swap;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 2.0 / 3.0);
	CHECK_STR(v.note, "2 of 3 pairs of items in the right order");

	static const size_t reversed[] = {2, 1, 0};
	r.order = reversed;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);

	static const size_t rotated[] = {1, 2, 0};
	r.order = rotated;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 1.0 / 3.0);

	q.nchoices = 4;
	static const size_t four[] = {0, 1, 3, 2};
	r.order = four;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 5.0 / 6.0);

	/* not a permutation */
	static const size_t twice[] = {0, 1, 1, 2};
	r.order = twice;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	static const size_t beyond[] = {0, 1, 2, 4};
	r.order = beyond;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	r.order = NULL;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
}

static const char *const lefts[] = {"Rudenko", "Kumar", "Lavrov", "Jaishankar"};
static const char *const rights[] = {"Deputy Foreign Minister", "Ambassador",
                                     "Foreign Minister", "External Affairs Minister"};

static struct question match_question(void)
{
	struct question q = make_question(Q_MATCH);
	q.choices = (const char **)lefts;
	q.rights = (const char **)rights;
	q.nchoices = 4;
	return q;
}

static void test_match(void)
{
	struct question q = match_question();
	struct response r = no_response();
	struct verdict v;

	static const size_t all[] = {0, 1, 2, 3};
	r.match = all;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);

	static const size_t half[] = {0, 1, 3, 2};
	r.match = half;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 0.5);
	CHECK_STR(v.note, "2 of 4 pairs matched");

	static const size_t three[] = {0, 1, 2, (size_t)-1};
	r.match = three;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 0.75);
	CHECK_STR(v.note, "3 of 4 pairs matched");

	static const size_t none[] = {1, 0, 3, 2};
	r.match = none;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);

	static const size_t unpaired[] = {(size_t)-1, (size_t)-1, (size_t)-1, (size_t)-1};
	r.match = unpaired;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);

	r.match = NULL;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
}

/* ----------------------------------------------------------------- card */

static void test_card(void)
{
	struct question q = make_question(Q_CARD);
	struct response r = no_response();
	struct verdict v;
	q.prompt = "Andrey Rudenko";
	q.back = "Russia's Deputy Foreign Minister";

	r.rating = RATE_AGAIN;
	JUDGED(&q, &r, &v, OUT_WRONG, 0);
	r.rating = RATE_HARD;
	JUDGED(&q, &r, &v, OUT_PARTIAL, 0.5);
	r.rating = RATE_GOOD;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);
	r.rating = RATE_EASY;
	JUDGED(&q, &r, &v, OUT_CORRECT, 1);
	r.rating = RATE_NONE;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
}

static void test_check_resets_verdict(void)
{
	struct question q = make_question(Q_TRUEFALSE);
	struct response r = no_response();
	struct verdict v;
	memset(&v, 0x5A, sizeof v);
	q.truth = true;
	r.truth = true;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(!v.typo);
	CHECK(!v.unparsed);
	CHECK(v.note[0] == '\0');

	/* no question or no response: wrong */
	memset(&v, 0x5A, sizeof v);
	answer_check(NULL, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	CHECK_NUM(v.fraction, 0);
	answer_check(&q, NULL, &v);
	CHECK(v.outcome == OUT_WRONG);
	q.type = Q_NTYPES;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
}

static void test_note_cut_on_character(void)
{
	/* a long typo note is cut without splitting a character */
	static char longer[400];
	static const char *accept[1];
	size_t o = 0;
	while (o + 2 < 300) {
		longer[o++] = '\xC3';
		longer[o++] = '\xA9'; /* é */
	}
	longer[o] = '\0';
	accept[0] = longer;
	struct question q = text_question(accept, 1);
	char typed[400];
	memcpy(typed, longer, o + 1);
	typed[0] = 'x';
	typed[1] = 'x'; /* "é" became "xx": two edits on 150 code points */
	struct verdict v = judge_text(&q, typed);
	CHECK(v.outcome == OUT_CORRECT);
	CHECK(v.typo);
	size_t len = strlen(v.note);
	CHECK(len < sizeof v.note);
	CHECK(strncmp(v.note, "accepted with a typo: xx", 24) == 0);
	/* the note ends on a whole é */
	CHECK(len >= 2 && (unsigned char)v.note[len - 1] == 0xA9 &&
	      (unsigned char)v.note[len - 2] == 0xC3);
}

/* ------------------------------------------------------ format, describe */

static void check_format(const struct question *q, const char *want, int line)
{
	char *s = answer_format(q);
	if (!s || strcmp(s, want) != 0) {
		check_failed_now++;
		printf("  line %d: answer_format is \"%s\", expected \"%s\"\n", line,
		       s ? s : "(null)", want);
	}
	free(s);
}

static void check_describe(const struct question *q, const struct response *r,
                           const char *want, int line)
{
	char *s = answer_describe(q, r);
	if (!s || strcmp(s, want) != 0) {
		check_failed_now++;
		printf("  line %d: answer_describe is \"%s\", expected \"%s\"\n", line,
		       s ? s : "(null)", want);
	}
	free(s);
}

static void test_format(void)
{
	struct question q = make_question(Q_CHOICE);
	q.choices = (const char **)forums;
	q.nchoices = 3;
	q.correct = 1;
	check_format(&q, "G7", __LINE__);

	q.type = Q_MULTI;
	q.correct = (1UL << 0) | (1UL << 2);
	check_format(&q, "BRICS, SCO", __LINE__);

	q = make_question(Q_TRUEFALSE);
	q.truth = true;
	check_format(&q, "true", __LINE__);
	q.truth = false;
	check_format(&q, "false", __LINE__);

	q = make_question(Q_NUMBER);
	q.number = q.min = q.max = 26;
	check_format(&q, "26", __LINE__);
	q.unit = "people";
	check_format(&q, "26 people", __LINE__);
	q.min = 25;
	q.max = 27;
	check_format(&q, "26 people (between 25 and 27)", __LINE__);
	q.unit = NULL;
	check_format(&q, "26 (between 25 and 27)", __LINE__);
	q.number = q.min = q.max = 2.5;
	check_format(&q, "2.5", __LINE__);
	q.number = q.min = q.max = -0.125;
	check_format(&q, "-0.125", __LINE__);
	q.number = q.min = q.max = 1500000;
	check_format(&q, "1500000", __LINE__);
	q.number = 0.3;
	q.min = 0.2;
	q.max = 0.4;
	check_format(&q, "0.3 (between 0.2 and 0.4)", __LINE__);
	q.number = q.min = q.max = -0.0;
	check_format(&q, "0", __LINE__);

	q = text_question(meadow, 2);
	check_format(&q, "Baisaran Meadow", __LINE__);

	q = make_question(Q_ORDER);
	q.choices = (const char **)events;
	q.nchoices = 3;
	check_format(&q, "1. The attack; 2. The meeting; 3. The report", __LINE__);

	q = match_question();
	q.nchoices = 2;
	check_format(&q, "Rudenko \xE2\x86\x92 Deputy Foreign Minister; Kumar \xE2\x86\x92 Ambassador",
	             __LINE__);

	q = make_question(Q_CARD);
	q.back = "Russia's Deputy Foreign Minister";
	check_format(&q, "Russia's Deputy Foreign Minister", __LINE__);
}

static void test_describe(void)
{
	struct question q = make_question(Q_CHOICE);
	struct response r = no_response();
	q.choices = (const char **)forums;
	q.nchoices = 3;
	r.choice = 2;
	check_describe(&q, &r, "SCO", __LINE__);
	r.choice = 9;
	check_describe(&q, &r, "", __LINE__);

	q.type = Q_MULTI;
	r.selected = (1UL << 0) | (1UL << 2);
	check_describe(&q, &r, "BRICS, SCO", __LINE__);
	r.selected = 0;
	check_describe(&q, &r, "", __LINE__);

	q = make_question(Q_TRUEFALSE);
	r.truth = false;
	check_describe(&q, &r, "false", __LINE__);
	r.truth = true;
	check_describe(&q, &r, "true", __LINE__);

	q = make_question(Q_NUMBER);
	r.text = "  twenty-six people ";
	check_describe(&q, &r, "twenty-six people", __LINE__);

	q = text_question(meadow, 2);
	r.text = "Baisaran  meadw";
	check_describe(&q, &r, "Baisaran  meadw", __LINE__);
	r.text = NULL;
	check_describe(&q, &r, "", __LINE__);

	q = make_question(Q_ORDER);
	q.choices = (const char **)events;
	q.nchoices = 3;
	static const size_t order[] = {2, 0, 1};
	r.order = order;
	check_describe(&q, &r, "The report; The attack; The meeting", __LINE__);

	q = match_question();
	q.nchoices = 3;
	static const size_t match[] = {1, (size_t)-1, 2};
	r.match = match;
	check_describe(&q, &r,
	               "Rudenko \xE2\x86\x92 Ambassador; Kumar \xE2\x86\x92 (none); "
	               "Lavrov \xE2\x86\x92 Foreign Minister", __LINE__);

	q = make_question(Q_CARD);
	r.rating = RATE_HARD;
	check_describe(&q, &r, "hard", __LINE__);
	r.rating = RATE_EASY;
	check_describe(&q, &r, "easy", __LINE__);
}

int main(void)
{
	RUN(test_choice);
	RUN(test_truefalse);
	RUN(test_multi_all_right);
	RUN(test_multi_partial_credit);
	RUN(test_multi_wrong);
	RUN(test_number_check);
	RUN(test_parse_numerals);
	RUN(test_parse_number_words);
	RUN(test_parse_number_units);
	RUN(test_parse_number_rejects);
	RUN(test_parse_number_ordinals);
	RUN(test_parse_number_trailing_words);
	RUN(test_parse_number_dates);
	RUN(test_number_check_reads_past_words);
	RUN(test_number_locale);
	RUN(test_fold_basic);
	RUN(test_fold_diacritics);
	RUN(test_text_folded);
	RUN(test_text_exact);
	RUN(test_text_typos);
	RUN(test_text_digits);
	RUN(test_distance_basic);
	RUN(test_distance_long);
	RUN(test_distance_random);
	RUN(test_order);
	RUN(test_match);
	RUN(test_card);
	RUN(test_check_resets_verdict);
	RUN(test_note_cut_on_character);
	RUN(test_format);
	RUN(test_describe);
	return check_done();
}
