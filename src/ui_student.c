/* ui_student — what the screens of a live drill's student share; see
 * ui_student.h. */
#include "ui_student.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui_screens.h"

void ui_student_header(const struct ui *ui, const char *label, double fraction)
{
	const struct live_student_view *v = live_student_view(ui->live_student);
	char t[256], k[160], who[160];
	text_escape_into(v->klass, false, k, sizeof k);
	snprintf(t, sizeof t, "Live drill %s class %s", ui_draw_glyph(UI_GLYPH_DOT), k);
	ui_draw_header(t, text_escape_into(v->student, false, who, sizeof who), label, fraction);
}

char *ui_student_position(const struct ui *ui, int index, char *buf, size_t size)
{
	const struct live_student_view *v = live_student_view(ui->live_student);
	if (v->count)
		snprintf(buf, size, "question %d / %u", index + 1, v->count);
	else
		snprintf(buf, size, "question %d", index + 1);
	return buf;
}

double ui_student_progress(const struct ui *ui, int index, bool done)
{
	const struct live_student_view *v = live_student_view(ui->live_student);
	if (!v->count || index < 0)
		return 0;
	double d = (double)index + (done ? 1 : 0);
	return d < v->count ? d / v->count : 1.0;
}

const char *ui_student_dash(void)
{
	return ui_draw_unicode() ? " \u2014 " : " - ";
}

void ui_student_mark(int outcome, enum ui_glyph *g, enum ui_look *look)
{
	switch (outcome) {
	case OUT_CORRECT: *g = UI_GLYPH_RIGHT; *look = UI_LOOK_RIGHT; break;
	case OUT_PARTIAL: *g = UI_GLYPH_PARTIAL; *look = UI_LOOK_PARTIAL; break;
	case OUT_WRONG: *g = UI_GLYPH_WRONG; *look = UI_LOOK_WRONG; break;
	case OUT_SKIPPED: *g = UI_GLYPH_SKIP; *look = UI_LOOK_BOLD; break;
	default: *g = UI_GLYPH_CLOCK; *look = UI_LOOK_WRONG; break;
	}
}

/* The screen of where the student is, and the question it is about. */
static const struct ui_screen *screen_of(const struct live_student_view *v, int *index)
{
	*index = v->index;
	switch (v->phase) {
	case LIVE_FINDING:
	case LIVE_LOBBY: *index = -1; return &ui_screen_student_wait;
	case LIVE_OPEN: return &ui_screen_student_question;
	case LIVE_ANSWERED:
	case LIVE_MISSED:
	case LIVE_JUDGING: return &ui_screen_student_sent;
	case LIVE_CLOSED: *index = v->result_index; return &ui_screen_student_result;
	case LIVE_ENDED: *index = -1; return &ui_screen_student_end;
	}
	return &ui_screen_student_wait;
}

/* Closes what is over the student's screen (overlays, the too-small
 * screen: the dispatcher shows it again while needed). */
static void pop_over(struct ui *ui)
{
	while (ui->depth > 1)
		ui_screen_pop(ui);
}

static const char retrying[] = "The results database does not answer; trying again.";

/* What a change says on the message line; result: a question's verdicts
 * came, to be said here when their screen is not shown. */
static void say(struct ui *ui, enum live_change c)
{
	switch (c) {
	case LIVE_OPENED:
	case LIVE_ENDED_NOW:  /* the notes of the question before are done with */
		if (strcmp(ui->msg, retrying) != 0)
			ui->msg[0] = '\0';
		break;
	case LIVE_PAUSED: ui_screen_say(ui, "Paused by the teacher."); break;
	case LIVE_RESUMED: ui_screen_say(ui, "Going on."); break;
	case LIVE_TIME_UP: ui_screen_say(ui, "Time is up."); break;
	case LIVE_ALREADY: ui_screen_say(ui, "You answered this question already."); break;
	case LIVE_TOO_LATE: ui_screen_say(ui, "Too late: the question closed."); break;
	case LIVE_FAILED: ui_screen_fail(ui, live_student_error(ui->live_student)); break;
	case LIVE_RETRYING: ui_screen_say(ui, "%s", retrying); break;
	default: break;
	}
}

/* The verdicts of a question that came and went within one tick (the next
 * question opened at once): said on the message line of what follows. */
static void say_missed_result(struct ui *ui)
{
	const struct live_student_view *v = live_student_view(ui->live_student);
	char verdict[200], rank[120];
	if (!v->have_result || v->result_index < 0 || v->res.skipped)
		return;
	if (v->res.found)
		live_student_say_verdict(&v->res, verdict, sizeof verdict);
	else
		snprintf(verdict, sizeof verdict, "%s.", LIVE_STUDENT_NOT_ANSWERED);
	live_student_say_rank(&v->res, rank, sizeof rank);
	ui_screen_say(ui, "Question %d: %s%s%s", v->result_index + 1, verdict, rank[0] ? " " : "",
	              rank);
}

/* Puts the screen of the phase in place of shown (at index) when it is
 * another; true when it did. */
static bool follow(struct ui *ui, const struct ui_screen *shown, int index)
{
	int want_index;
	const struct ui_screen *want = screen_of(live_student_view(ui->live_student), &want_index);
	if (ui->done || (want == shown && want_index == index))
		return false;
	pop_over(ui);
	ui_screen_replace(ui, want, NULL);
	return true;
}

bool ui_student_tick(struct ui *ui, const struct ui_screen *shown, int index, bool *gone)
{
	bool dirty = false, result = false;
	*gone = false;
	for (int i = 0; i < 64 && !ui->done; i++) {
		enum live_change c = live_student_poll(ui->live_student);
		bool said = strcmp(ui->msg, retrying) == 0;
		if (c == LIVE_RETRYING && !said && !ui->msg[0]) {
			say(ui, c);
			return true;
		}
		if (c != LIVE_RETRYING && said) {  /* it answers again */
			ui->msg[0] = '\0';
			dirty = true;
		}
		if (c == LIVE_NOTHING || c == LIVE_RETRYING)
			break;
		dirty = true;
		result = result || c == LIVE_RESULT;
		say(ui, c);
		if (c == LIVE_FAILED)
			return true;
	}
	if (!dirty)
		return false;
	const struct live_student_view *v = live_student_view(ui->live_student);
	if (v->phase != LIVE_CLOSED && v->phase != LIVE_ENDED && result)
		say_missed_result(ui);  /* the end shows the last verdicts itself */
	*gone = follow(ui, shown, index);
	return true;
}

bool ui_student_answered(struct ui *ui, enum live_change c)
{
	say(ui, c);
	if (c == LIVE_FAILED)
		return true;
	return follow(ui, &ui_screen_student_question, live_student_view(ui->live_student)->index);
}

bool ui_student_key(struct ui *ui, size_t *scroll, enum ui_action act)
{
	if (scroll && ui_keys_scroll_by(scroll, act))
		return true;
	if (act == UI_DO_QUIT) {
		ui_student_ask_leave(ui);
		return true;
	}
	return act != UI_DO_HELP;
}

bool ui_student_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                         struct ui_foot *f)
{
	(void)ui, (void)state;
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "leave");
	return true;
}

/* The yes of the question whether to leave. */
static void leave_yes(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui->done = true;
}

void ui_student_ask_leave(struct ui *ui)
{
	struct ui_confirm_arg q = {
		"Leave the live drill? What you answered counts; join again with the same "
		"command to go on.", "Leave the drill?", leave_yes, NULL };
	ui_screen_push(ui, &ui_screen_confirm, &q);
}
