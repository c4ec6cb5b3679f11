/* ui_plain_study — the plain front end of study mode; see ui_plain_study.h. */
#include "ui_plain_study.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "stop.h"
#include "text.h"
#include "ui_plain.h"
#include "verdict.h"

enum step {
	STEP_NEXT,   /* on to the next question */
	STEP_QUIT,   /* :quit */
	STEP_END,    /* end of input, or a signal */
	STEP_ERROR,  /* the database failed: said on stderr */
	STEP_STAY,   /* nothing to undo: the same prompt again */
};

/* A line and its buffer, read from in. */
struct reader {
	FILE *in, *out;
	char *line;
	size_t cap;
};

/* " · " in a UTF-8 locale, " - " otherwise. */
static const char *dot(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8")) ? " \xc2\xb7 " : " - ";
}

/* Prompts and reads a line, trimmed; NULL at end of input, a signal, or an
 * output nobody reads. */
static char *prompt(struct reader *r)
{
	fputs("> ", r->out);
	if (fflush(r->out) != 0 || ferror(r->out))
		return NULL;
	char *l = ui_plain_read_line(r->in, &r->line, &r->cap);
	if (l)
		text_trim(l);
	return l;
}

static enum step undo(struct study *s, FILE *out)
{
	struct study_undone u;
	int r = study_undo(s, &u);
	if (r < 0) {
		fflush(out);
		fprintf(stderr, "recall: undo failed: %s\n", study_error(s));
		return STEP_ERROR;
	}
	if (r == 0) {
		fputs("Nothing to undo in this session.\n", out);
		return STEP_STAY;
	}
	char id[160], deck[160];
	fprintf(out, "Undone: %s on question %s of deck %s; here it is again.\n",
	        verdict_grade_word(u.grade), text_escape_into(u.q->id, false, id, sizeof id),
	        text_escape_into(u.deck->id, false, deck, sizeof deck));
	return STEP_NEXT;
}

/* The grade a line names: "" keeps g; 1-4 or a name.  0 when none. */
static enum sched_grade grade_of(const char *l, enum sched_grade g)
{
	if (!*l)
		return g;
	if (strlen(l) == 1 && l[0] >= '1' && l[0] <= '4')
		return (enum sched_grade)(l[0] - '0');
	for (int i = 1; i <= 4; i++)
		if (!strcasecmp(l, verdict_grade_word((enum sched_grade)i)))
			return (enum sched_grade)i;
	return (enum sched_grade)0;
}

/* Records grade g and says so, only once it is recorded. */
static enum step commit(struct study *s, enum sched_grade g, FILE *out)
{
	struct study_graded gr;
	if (study_grade(s, g, &gr) != 0) {
		fflush(out);
		fprintf(stderr, "recall: the grade was not recorded: %s\n", study_error(s));
		return STEP_ERROR;
	}
	char b[160];
	fprintf(out, "%s\n", verdict_graded(g, gr.recorded, gr.interval, dot(), b, sizeof b));
	return STEP_NEXT;
}

/* The grades to pick from, "1 again, 2 hard, 3 good, 4 easy" (without
 * their keys: "again, hard, ..."), each with the interval it gives when
 * the session can say (study_preview): "1 again 1m, 2 hard 6m, 3 good
 * 10m, 4 easy 8d".  Returns buf. */
static char *grade_keys(const struct study *s, bool keys, char *buf, size_t size)
{
	int64_t sec[5];
	bool preview = study_preview(s, sec) == 1;
	size_t n = 0;
	buf[0] = '\0';
	for (int g = SCHED_AGAIN; g <= SCHED_EASY && n < size; g++) {
		char when[32];
		char key[4] = "";
		if (keys)
			snprintf(key, sizeof key, "%c ", '0' + g);
		int k = snprintf(buf + n, size - n, "%s%s%s%s%s", g > SCHED_AGAIN ? ", " : "", key,
		                 sched_grade_name((enum sched_grade)g), preview ? " " : "",
		                 preview ? sched_format_interval_short(sec[g], when, sizeof when) : "");
		n += k > 0 ? (size_t)k : 0;
	}
	return buf;
}

/* Shows the verdict and the proposed grade, lets the learner change it,
 * and commits it. */
static enum step settle(struct study *s, struct reader *r, const struct item *it,
                        enum sched_grade g, bool flipped)
{
	char b[256];
	if (it->q->type == Q_CARD && it->state == ITEM_ANSWERED)
		fprintf(r->out, "Rated %s.\n", verdict_grade_word(g));
	else
		ui_plain_put_line(r->out, "", verdict_headline(&it->verdict, b, sizeof b), false);
	ui_plain_show_details(r->out, it, flipped);
	if (it->q->type == Q_CARD && it->state == ITEM_ANSWERED)
		return commit(s, g, r->out);
	fprintf(r->out, "Grade: %s (Enter keeps it; %s)\n", verdict_grade_word(g),
	        grade_keys(s, true, b, sizeof b));
	for (;;) {
		char *l = prompt(r);
		if (!l)
			return STEP_END;
		if (!isatty(fileno(r->in)))
			fputc('\n', r->out);  /* no echo: the Graded line starts a line */
		if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
			return STEP_QUIT;
		if (!strcmp(l, ":undo") || !strcmp(l, ":u")) {
			enum step st = undo(s, r->out);
			if (st != STEP_STAY)
				return st;
			continue;
		}
		enum sched_grade pick = grade_of(l, g);
		if (pick)
			return commit(s, pick, r->out);
		fputs("Press Enter to keep the grade, or type 1 again, 2 hard, 3 good, 4 easy.\n",
		      r->out);
	}
}

static void show_header(struct study *s, FILE *out, const struct item *it)
{
	fprintf(out, "\nQuestion: %s, %s\n", ui_plain_type_label(it->q),
	        sched_state_name(study_current_state(s)));
	ui_plain_show_body(out, it);
}

/* Asks the current question until it is graded, undone or left. */
static enum step ask(struct study *s, struct reader *r, const struct item *it)
{
	size_t scratch[DECK_MAX_CHOICES];
	bool flipped = false;
	enum sched_grade g;
	show_header(s, r->out, it);
	for (;;) {
		char *l = prompt(r);
		if (!l)
			return STEP_END;
		if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
			return STEP_QUIT;
		if (!strcmp(l, ":undo") || !strcmp(l, ":u")) {
			enum step st = undo(s, r->out);
			if (st == STEP_STAY)
				continue;
			return st;
		}
		if (!strcmp(l, ":skip") || !strcmp(l, ":s")) {
			const struct item *done = study_skip(s, &g);
			return settle(s, r, done, g, flipped);
		}
		if (!strcmp(l, ":hint") || !strcmp(l, ":h")) {
			const char *h = study_hint(s);
			if (h)
				ui_plain_put_line(r->out, "Hint: ", h, true);
			else
				fputs("This question has no hint.\n", r->out);
			continue;
		}
		if (it->q->type == Q_CARD && !flipped) {
			char b[160];
			flipped = true;
			ui_plain_flip_card(r->out, it, l);
			if (study_preview(s, (int64_t[5]){0}) == 1)
				fprintf(r->out, "Next review: %s\n", grade_keys(s, false, b, sizeof b));
			continue;
		}
		struct response resp;
		const char *why = "";
		if (!ui_plain_parse_answer(it, l, &resp, scratch, &why)) {
			fprintf(r->out, "%s\n", why);
			continue;
		}
		const struct item *done = study_answer(s, &resp, &g);
		return settle(s, r, done, g, flipped);
	}
}

void ui_plain_study_summary(struct study *s, FILE *out)
{
	struct study_summary sum;
	study_summary(s, &sum);
	fputs("\n== Study summary ==\n", out);
	fprintf(out, "Grades given: Again %u, Hard %u, Good %u, Easy %u (%u in all)\n",
	        sum.grades[SCHED_AGAIN], sum.grades[SCHED_HARD], sum.grades[SCHED_GOOD],
	        sum.grades[SCHED_EASY], sum.graded);
	if (sum.due_now)
		fprintf(out, "Still due now: %zu\n", sum.due_now);
	char when[64];
	if (sum.next_due)
		fprintf(out, "Next review: %s\n",
		        sched_format_interval(sum.next_due - study_now(s), when, sizeof when));
	else if (!sum.due_now)
		fputs("Next review: none scheduled\n", out);
	fprintf(out, "New questions not yet studied: %zu\n", sum.new_left);
}

int ui_plain_study_run(struct study *s, FILE *in, FILE *out)
{
	struct reader r = { in, out, NULL, 0 };
	enum step step = STEP_NEXT;
	stop_catch();
	while (step == STEP_NEXT) {
		const struct item *it = study_current(s);
		if (!it) {
			if (study_error(s)[0]) {
				fflush(out);
				fprintf(stderr, "recall: %s\n", study_error(s));
				step = STEP_ERROR;
			}
			break;
		}
		step = ask(s, &r, it);
	}
	if (stop_signal())
		fputc('\n', out);  /* the prompt was left open */
	if (step != STEP_ERROR)
		ui_plain_study_summary(s, out);
	free(r.line);
	fflush(out);
	int sig = stop_signal();
	stop_release();
	return sig ? 128 + sig : step == STEP_ERROR;
}
