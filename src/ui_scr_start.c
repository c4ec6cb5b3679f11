/* ui_scr_start — the start screen: pick decks among those found, a tag and
 * a number of questions, and start a quiz over them.  It stays under the
 * quiz's screens, and comes back, picks kept, when the learner leaves a
 * summary for the decks. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "study.h"
#include "text.h"
#include "ui_progress.h"
#include "ui_screens.h"

/* Rows of the start screen after the decks. */
enum { PICK_TAG, PICK_LIMIT, PICK_GO, PICK_NROWS };

/* The numbers of questions the arrows step through (0: all); any other
 * can be typed. */
static const size_t limits[] = { 0, 5, 10, 20, 30, 50 };
#define NLIMITS (sizeof limits / sizeof limits[0])

/* The screen's state: decks, a tag, a number of questions. */
struct pick {
	const struct library *lib;  /* the decks found (borrowed) */
	bool *chosen;               /* chosen[i]: lib->v[i] is picked (owned) */
	size_t cur;                 /* the focused row: a deck, or one of the PICK_ rows after them */
	char **deck_tags;           /* deck_tags[i]: the tags of lib->v[i], "a, b, c" (owned); or NULL */
	const char **tags;          /* the tags of the decks in play (owned array, borrowed strings) */
	size_t ntags;               /* tags in tags */
	size_t tag;                 /* 0: every tag; k: tags[k - 1] */
	size_t limit;               /* at most this many questions; 0: all */
	bool typing;                /* digits typed on the Questions row go on the number */
	size_t scroll;              /* first body row shown */
	unsigned *due;              /* due[i]: questions of lib->v[i] due today (owned) */
	unsigned *fresh;            /* fresh[i]: its questions never studied (owned) */
	bool stale;                 /* a study ran: count due and new again before drawing */
};

static bool any_chosen(const struct pick *p)
{
	for (size_t i = 0; i < p->lib->n; i++)
		if (p->chosen[i])
			return true;
	return false;
}

/* A deck takes part: it is valid, and picked (or none is). */
static bool in_play(const struct pick *p, size_t i)
{
	return p->lib->v[i].deck && (p->chosen[i] || !any_chosen(p));
}

static const char *picked_tag(const struct pick *p)
{
	return p->tag ? p->tags[p->tag - 1] : NULL;
}

/* Questions of deck i that carry the tag picked; 0 when it is not in play. */
static size_t deck_count(const struct pick *p, size_t i)
{
	if (!in_play(p, i))
		return 0;
	const char *tag = picked_tag(p);
	const struct deck *d = p->lib->v[i].deck;
	size_t n = 0;
	for (size_t k = 0; k < d->nquestions; k++)
		if (!tag || deck_has_tag(&d->questions[k], tag))
			n++;
	return n;
}

/* Questions of the decks in play that carry the tag picked; *ndecks
 * receives how many decks have at least one. */
static size_t pick_count(const struct pick *p, size_t *ndecks)
{
	size_t n = 0;
	*ndecks = 0;
	for (size_t i = 0; i < p->lib->n; i++) {
		size_t k = deck_count(p, i);
		n += k;
		*ndecks += k > 0;
	}
	return n;
}

/* Gathers the tags of the decks in play again, keeping the one picked
 * when it is still among them. */
static void pick_tags(struct pick *p)
{
	const char *was = picked_tag(p);
	size_t n;
	const char **tags = library_tags(p->lib, any_chosen(p) ? p->chosen : NULL, &n);
	size_t tag = 0;
	for (size_t i = 0; was && i < n; i++)
		if (!strcmp(tags[i], was))
			tag = i + 1;
	free(p->tags);
	p->tags = tags;
	p->ntags = tags ? n : 0;
	p->tag = tag;
}

static void start_close(struct ui *ui, void *state)
{
	(void)ui;
	struct pick *p = state;
	if (p->deck_tags)
		for (size_t i = 0; i < p->lib->n; i++)
			free(p->deck_tags[i]);
	free(p->deck_tags);
	free(p->chosen);
	free(p->tags);
	free(p->due);
	free(p->fresh);
	memset(p, 0, sizeof *p);
}

/* Sets the screen up over the library arg.  Returns 0, or -1 when memory
 * runs out. */
static int start_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct pick *p = state;
	const struct library *lib = arg;
	size_t n = lib->n ? lib->n : 1;
	p->lib = lib;
	p->chosen = calloc(n, sizeof *p->chosen);
	p->deck_tags = calloc(n, sizeof *p->deck_tags);
	p->due = calloc(n, sizeof *p->due);
	p->fresh = calloc(n, sizeof *p->fresh);
	p->stale = true;
	bool *one = calloc(n, sizeof *one);
	if (!p->chosen || !p->deck_tags || !p->due || !p->fresh || !one) {
		free(one);
		return -1;
	}
	/* Each deck's own tags, once: the second line of its entry. */
	for (size_t i = 0; i < lib->n; i++) {
		if (!lib->v[i].deck)
			continue;
		size_t nt;
		one[i] = true;
		const char **tags = library_tags(lib, one, &nt);
		one[i] = false;
		struct text_buf tb = {0};
		for (size_t k = 0; tags && k < nt; k++)
			text_buf_printf(&tb, "%s%s", k ? ", " : "", tags[k]);
		free(tags);
		p->deck_tags[i] = tb.s;
	}
	free(one);
	for (size_t i = 0; i < lib->n; i++) {
		if (lib->v[i].deck) {
			p->cur = i;
			break;
		}
	}
	pick_tags(p);
	return 0;
}

/* The two rows of deck i: a box, its title and count; its file and tags. */
static void deck_rows(const struct pick *p, size_t i, struct ui_rows *r, size_t width)
{
	const struct library_entry *e = &p->lib->v[i];
	char b[1024], t[1024];
	bool focus = p->cur == i;
	const char *slash = strrchr(e->path, '/');
	const char *file = slash ? slash + 1 : e->path;
	const char *ptr = focus ? ui_draw_glyph(UI_GLYPH_POINTER) : " ";
	const char *ell = ui_draw_glyph(UI_GLYPH_ELLIPSIS);
	struct ui_row *row = ui_draw_row(r, 0, focus);
	ui_draw_span(r, row, 0, UI_LOOK_ACCENT, ptr, strlen(ptr));
	if (!e->deck) {
		/* An invalid deck: its name and first error, never its text raw. */
		snprintf(b, sizeof b, " %s  ", ui_draw_glyph(UI_GLYPH_WRONG));
		ui_draw_span(r, row, 1, UI_LOOK_WRONG, b, strlen(b));
		text_escape_into(file, false, t, sizeof t);
		snprintf(b, sizeof b, "%.900s: not a valid deck", t);
		layout_truncate(b, width > 6 ? width - 6 : 1, ell, t, sizeof t);
		ui_draw_span(r, row, 2, focus ? UI_LOOK_SELECT : UI_LOOK_PLAIN, t, strlen(t));
		ui_draw_wrap(r, width, 6, "", UI_LOOK_PLAIN, e->problem ? e->problem : "", UI_LOOK_DIM, focus);
		return;
	}
	snprintf(b, sizeof b, " [%s] ", p->chosen[i] ? "x" : " ");
	ui_draw_span(r, row, 1, UI_LOOK_BOLD, b, strlen(b));
	char count[96];
	const char *dot = ui_draw_glyph(UI_GLYPH_DOT);
	snprintf(count, sizeof count, "  %zu question%s %s %u due %s %u new", e->deck->nquestions,
	         e->deck->nquestions == 1 ? "" : "s", dot, p->due[i], dot, p->fresh[i]);
	if (width <= 6 + ui_draw_width(count) + 8)  /* short of room: what today holds */
		snprintf(count, sizeof count, "  %u due %s %u new", p->due[i], dot, p->fresh[i]);
	size_t cw = ui_draw_width(count);
	bool with_count = width > 6 + cw + 8;
	size_t room = width > 6 ? width - 6 - (with_count ? cw : 0) : 1;
	text_escape_into(e->deck->title, false, b, sizeof b);
	size_t tw = layout_truncate(b, room, ell, t, sizeof t);
	size_t tl = strlen(t);
	while (with_count && tw < room && tl + 1 < sizeof t) {
		t[tl++] = ' ';  /* pads the title so that the counts line up */
		tw++;
	}
	t[tl] = '\0';
	ui_draw_span(r, row, 2, focus ? UI_LOOK_SELECT : UI_LOOK_BOLD, t, strlen(t));
	if (with_count)
		ui_draw_span(r, row, 3, UI_LOOK_DIM, count, strlen(count));
	/* The second line: the file, then as many tags as fit. */
	text_escape_into(file, false, t, sizeof t);
	snprintf(b, sizeof b, "%.500s%s%.500s", t, p->deck_tags[i] ? "  " : "", p->deck_tags[i] ? p->deck_tags[i] : "");
	layout_truncate(b, width > 6 ? width - 6 : 1, ell, t, sizeof t);
	row = ui_draw_row(r, 6, focus);
	ui_draw_span(r, row, 0, UI_LOOK_DIM, t, strlen(t));
	/* Where the same deck was found again: listed once, with a note. */
	for (size_t k = 0; k < p->lib->ncopies; k++) {
		if (p->lib->copies[k].entry != i)
			continue;
		text_escape_into(p->lib->copies[k].path, false, t, sizeof t);
		snprintf(b, sizeof b, "also found as %.900s", t);
		ui_draw_wrap(r, width, 6, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, focus);
	}
}

/* The rows after the decks: the tag, the number of questions, and the
 * button, a blank line before it. */
static void choice_rows(const struct pick *p, struct ui_rows *r, size_t width)
{
	char b[1024], t[1024];
	size_t ndecks, nq = pick_count(p, &ndecks);
	size_t lim = p->limit;
	size_t take = lim && lim < nq ? lim : nq;
	const char *tag = picked_tag(p);
	for (size_t k = 0; k < PICK_NROWS; k++) {
		bool focus = p->cur == p->lib->n + k;
		const char *ptr = focus ? ui_draw_glyph(UI_GLYPH_POINTER) : " ";
		if (k == PICK_GO)
			ui_draw_blank(r);
		struct ui_row *row = ui_draw_row(r, 0, focus);
		ui_draw_span(r, row, 0, UI_LOOK_ACCENT, ptr, strlen(ptr));
		if (k == PICK_TAG) {
			ui_draw_span(r, row, 1, UI_LOOK_PLAIN, "  Tag        ", 13);
			text_escape_into(tag ? tag : "every tag", false, t, sizeof t);
			snprintf(b, sizeof b, "< %.1000s >", t);
		} else if (k == PICK_LIMIT) {
			ui_draw_span(r, row, 1, UI_LOOK_PLAIN, "  Questions  ", 13);
			if (p->typing)
				snprintf(b, sizeof b, "< %zu_ of %zu >", lim, nq);
			else if (lim && lim < nq)
				snprintf(b, sizeof b, "< %zu of %zu >", lim, nq);
			else
				snprintf(b, sizeof b, "< all %zu >", nq);
		} else {
			snprintf(b, sizeof b, "[ Start: %zu question%s from %zu deck%s ]", take, take == 1 ? "" : "s",
			         ndecks, ndecks == 1 ? "" : "s");
			ui_draw_span(r, row, 1, UI_LOOK_PLAIN, "  ", 2);
		}
		layout_truncate(b, width > 16 ? width - 16 : 1, ui_draw_glyph(UI_GLYPH_ELLIPSIS), t, sizeof t);
		ui_draw_span(r, row, 2, focus ? UI_LOOK_SELECT : UI_LOOK_BOLD, t, strlen(t));
	}
}

static void start_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct pick *p = state;
	if (p->stale) {
		char err[512];
		p->stale = false;
		if (ui_progress_counts(ui, p->lib, p->due, p->fresh, err, sizeof err) != 0)
			ui_screen_say(ui, "%s", err);
	}
	size_t valid = 0;
	for (size_t i = 0; i < p->lib->n; i++)
		valid += p->lib->v[i].deck != NULL;
	char right[64];
	snprintf(right, sizeof right, "%zu deck%s found", valid, valid == 1 ? "" : "s");
	ui_draw_header("recall", right, "pick decks, a tag, how many; then Enter", -1.0);
	if (p->lib->n == 0)
		ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, "No decks found.", UI_LOOK_BOLD, false);
	for (size_t i = 0; i < p->lib->n; i++)
		deck_rows(p, i, &ui->rows, area->width);
	ui_draw_blank(&ui->rows);
	choice_rows(p, &ui->rows, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &p->scroll);
}

/* Starts a quiz over the decks in play with the tag and number picked,
 * on top of this screen. */
static void start_quiz(struct ui *ui, struct pick *p)
{
	size_t ndecks, nq = pick_count(p, &ndecks);
	if (ndecks == 0 || nq == 0) {
		ui_screen_say(ui, "No valid deck to start with: recall check FILE shows what is wrong.");
		return;
	}
	struct deck **decks = calloc(ndecks, sizeof *decks);
	if (!decks) {
		ui_screen_fail(ui, "out of memory");
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < p->lib->n; i++)
		if (deck_count(p, i) > 0)
			decks[n++] = p->lib->v[i].deck;
	const char *tag = picked_tag(p);
	struct session_opts so = ui->so;
	so.tags = tag ? &tag : NULL;
	so.ntags = tag ? 1 : 0;
	so.limit = p->limit;
	struct session *s = session_new(decks, n, &so);
	free(decks);
	ui->so.seed = ui->so.seed * 6364136223846793005u + 1442695040888963407u;  /* the next quiz differs */
	if (!s) {
		ui_screen_fail(ui, "out of memory");
		return;
	}
	if (session_count(s) == 0) {
		session_free(s);
		ui_screen_say(ui, "No question matches.");
		return;
	}
	ui_progress_end(ui);  /* a study before it is over */
	session_free(ui->own);
	ui->own = s;
	ui->sp = &ui->own;
	ui_screen_push(ui, &ui_screen_question, NULL);
}

/* The valid decks in play, into a new array (free it) with *n; NULL when
 * memory runs out (the quiz then ends with that error). */
static struct deck **decks_in_play(struct ui *ui, const struct pick *p, size_t *n)
{
	struct deck **decks = calloc(p->lib->n ? p->lib->n : 1, sizeof *decks);
	*n = 0;
	if (!decks) {
		ui_screen_fail(ui, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < p->lib->n; i++)
		if (in_play(p, i))
			decks[(*n)++] = p->lib->v[i].deck;
	return decks;
}

/* Starts a study session over the decks in play (the tag and number are
 * the quiz's), on top of this screen. */
static void start_study(struct ui *ui, struct pick *p)
{
	char err[600];
	size_t n;
	struct deck **decks = decks_in_play(ui, p, &n);
	if (!decks)
		return;
	int rc = n ? ui_progress_study(ui, decks, n, err, sizeof err) : 0;
	free(decks);
	if (!n)
		ui_screen_say(ui, "No valid deck to study: recall check FILE shows what is wrong.");
	else if (rc != 0)
		ui_screen_say(ui, "%s", err);
	else if (!study_current(ui->study)) {
		ui_screen_say(ui, "%s", study_error(ui->study)[0] ? study_error(ui->study) :
		              "Nothing is due in these decks, and no new question is left for today.");
		ui_progress_end(ui);
	} else {
		p->stale = true;
		ui_screen_push(ui, &ui_screen_question, NULL);
	}
}

/* The statistics of the decks in play, over this screen. */
static void show_stats(struct ui *ui, struct pick *p)
{
	char err[600];
	size_t n;
	struct deck **decks = decks_in_play(ui, p, &n);
	if (!decks)
		return;
	int rc = ui_progress_stats(ui, decks, n, err, sizeof err);
	free(decks);
	if (rc != 0)
		ui_screen_say(ui, "%s", err);
	else
		ui_screen_push(ui, &ui_screen_stats, ui->stats);
}

static void change_tag(struct pick *p, bool back)
{
	size_t n = p->ntags + 1;
	p->tag = back ? (p->tag + n - 1) % n : (p->tag + 1) % n;
}

/* The next of limits[] after the number in force (back: before it), all
 * counting as the most; a number typed falls between them. */
static void change_limit(struct pick *p, bool back)
{
	size_t ndecks, nq = pick_count(p, &ndecks);
	size_t now = p->limit && p->limit < nq ? p->limit : 0;
	size_t k = 0;
	for (size_t i = 1; i < NLIMITS; i++) {
		if (back && (!now || limits[i] < now))
			k = i;   /* the last step under now */
		if (!back && (!now || limits[i] > now)) {
			k = i;   /* the first step over now */
			break;
		}
	}
	p->limit = limits[k];
	p->typing = false;
}

/* A digit typed: the focus goes to the Questions row and the digit onto
 * the number being typed there (a new one after the row was left). */
static void type_limit(struct ui *ui, struct pick *p, int digit)
{
	size_t ndecks, nq = pick_count(p, &ndecks);
	p->cur = p->lib->n + PICK_LIMIT;
	size_t was = p->typing ? p->limit : 0;
	if (was >= 100000)
		return;
	p->limit = was * 10 + (size_t)(digit - '0');
	p->typing = true;
	if (nq && p->limit > nq) {
		ui_screen_say(ui, "There are %zu questions.", nq);
		p->limit = nq;
	}
}

/* Backspace on the number being typed: its last digit goes (none left: all). */
static void untype_limit(struct pick *p)
{
	if (p->cur != p->lib->n + PICK_LIMIT)
		return;
	size_t ndecks, nq = pick_count(p, &ndecks);
	p->limit = p->limit < nq ? p->limit / 10 : 0;  /* all stays all */
	p->typing = p->limit != 0;
}

/* Space on a row: a deck in or out, the next tag or number, or start. */
static void press(struct ui *ui, struct pick *p)
{
	size_t n = p->lib->n, row = p->cur;
	if (row < n && !p->lib->v[row].deck) {
		char b[256];
		const char *slash = strrchr(p->lib->v[row].path, '/');
		text_escape_into(slash ? slash + 1 : p->lib->v[row].path, false, b, sizeof b);
		ui_screen_say(ui, "%s is not a valid deck (recall check shows every problem).", b);
	} else if (row < n) {
		p->chosen[row] = !p->chosen[row];
		pick_tags(p);
	} else if (row == n + PICK_TAG) {
		change_tag(p, false);
	} else if (row == n + PICK_LIMIT) {
		change_limit(p, false);
	} else {
		start_quiz(ui, p);
	}
}

static bool start_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct pick *p = state;
	size_t n = p->lib->n;
	if (act != UI_DO_NUMBER && act != UI_DO_BACKSPACE && p->typing) {
		p->typing = false;  /* a number typed is set by any other key */
		if (act == UI_DO_ENTER)
			return true;
	}
	if (ui_keys_move(&p->cur, n + PICK_NROWS, act, 5))
		return true;
	switch (act) {
	case UI_DO_NUMBER: type_limit(ui, p, key); return true;
	case UI_DO_BACKSPACE: untype_limit(p); return true;
	case UI_DO_SPACE: press(ui, p); return true;
	case UI_DO_LEFT: case UI_DO_RIGHT:
		if (p->cur == n + PICK_TAG)
			change_tag(p, act == UI_DO_LEFT);
		else if (p->cur == n + PICK_LIMIT)
			change_limit(p, act == UI_DO_LEFT);
		return true;
	case UI_DO_TAG: change_tag(p, false); return true;
	case UI_DO_LIMIT: change_limit(p, false); return true;
	case UI_DO_ENTER: start_quiz(ui, p); return true;
	case UI_DO_STUDY: start_study(ui, p); return true;
	case UI_DO_STATS: show_stats(ui, p); return true;
	default: return false;
	}
}

static const struct ui_key start_keys[] = {
	UI_KEYS_USE(ui_keys_list),
	UI_KEY('k', UI_DO_UP, NULL, NULL),
	UI_KEY('j', UI_DO_DOWN, NULL, NULL),
	UI_FKEY(KEY_LEFT, UI_DO_LEFT, "\u2190\u2192", "change"),
	UI_FKEY(KEY_RIGHT, UI_DO_RIGHT, NULL, NULL),
	UI_KEY('t', UI_DO_TAG, NULL, NULL),
	UI_KEY('n', UI_DO_LIMIT, NULL, NULL),
	UI_KEYS('0', '9', UI_DO_NUMBER, NULL, NULL),  /* the help's paragraph tells them */
	UI_KEY(127, UI_DO_BACKSPACE, NULL, NULL),
	UI_KEY(' ', UI_DO_SPACE, "Space", "select"),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "start"),
	UI_KEY('s', UI_DO_STUDY, "s", "study"),
	UI_KEY('p', UI_DO_STATS, NULL, NULL),  /* the help's paragraph tells it: the footer stays whole at 40x12 */
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_start = {
	.name = "start",
	.state_size = sizeof(struct pick),
	.open = start_open,
	.close = start_close,
	.draw = start_draw,
	.key = start_key,
	.keys = start_keys,
	.help = "Pick the decks with Space (none picked: every deck), then a tag and how many "
	        "questions with the arrows on their rows (or t and n), and press Enter. Digits "
	        "type how many questions (Backspace edits; Enter or moving away sets it). s "
	        "studies them instead: what is due, then new questions; p shows their progress. "
	        "A deck marked as not valid shows its first error; recall check FILE lists them all.",
};
