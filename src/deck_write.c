/* deck_write — a deck model written out as JSON; see deck_write.h.
 *
 * The layout is written here; strings and numbers are written by cJSON
 * (escapes, and numbers that read back as the same double), through one
 * cJSON value on the stack, so that no tree is built.
 */
#include "deck_write.h"

#include <cJSON.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct writer {
	struct text_buf out;
	char *scratch;   /* what cJSON prints one value into */
	size_t cap;
	bool failed;
};

/* Prints the value v (a string or a number, on the stack) with cJSON. */
static void put_value(struct writer *w, cJSON *v)
{
	/* At most 6 bytes per byte of a string (\u00XX), the quotes, and
	 * cJSON's own margin; 64 is room for any number. */
	size_t need = cJSON_IsString(v) ? strlen(v->valuestring) * 6 + 16 : 64;
	if (need > w->cap) {
		char *p = realloc(w->scratch, need);
		if (!p) {
			w->failed = true;
			return;
		}
		w->scratch = p;
		w->cap = need;
	}
	if (!cJSON_PrintPreallocated(v, w->scratch, (int)w->cap, false)) {
		w->failed = true;
		return;
	}
	text_buf_puts(&w->out, w->scratch);
}

static void put_string(struct writer *w, const char *s)
{
	cJSON v = { .type = cJSON_String, .valuestring = (char *)s };
	put_value(w, &v);
}

static void put_number(struct writer *w, double x)
{
	cJSON v = { .type = cJSON_Number, .valuedouble = x };
	v.valueint = x >= (double)INT_MAX ? INT_MAX : x <= (double)INT_MIN ? INT_MIN : (int)x;
	put_value(w, &v);
}

static void put(struct writer *w, const char *s)
{
	text_buf_puts(&w->out, s);
}

/* ",\n" and the indent before a field (none before the first). */
static void field(struct writer *w, bool *first, const char *indent, const char *name)
{
	put(w, *first ? "" : ",\n");
	*first = false;
	put(w, indent);
	put_string(w, name);
	put(w, ": ");
}

static void put_list(struct writer *w, const char *const *v, size_t n)
{
	put(w, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(w, ", ");
		put_string(w, v[i]);
	}
	put(w, "]");
}

#define IND "      "  /* a question's fields */

/* The fields of q's type, after its prompt. */
static void type_fields(struct writer *w, const struct question *q, bool *first)
{
	switch (q->type) {
	case Q_CHOICE:
		field(w, first, IND, "choices");
		put_list(w, q->choices, q->nchoices);
		field(w, first, IND, "answer");
		put_string(w, q->correct < q->nchoices ? q->choices[q->correct] : "");
		break;
	case Q_MULTI: {
		field(w, first, IND, "choices");
		put_list(w, q->choices, q->nchoices);
		field(w, first, IND, "answer");
		put(w, "[");
		bool any = false;
		for (size_t i = 0; i < q->nchoices && i < DECK_MAX_CHOICES; i++) {
			if (q->correct & (1ul << i)) {
				put(w, any ? ", " : "");
				put_string(w, q->choices[i]);
				any = true;
			}
		}
		put(w, "]");
		break;
	}
	case Q_TRUEFALSE:
		field(w, first, IND, "answer");
		put(w, q->truth ? "true" : "false");
		break;
	case Q_NUMBER: {
		field(w, first, IND, "answer");
		put_number(w, q->number);
		/* A tolerance when one gives the range exactly (the loader
		 * computes it as answer - t, answer + t), else min and max. */
		double t1 = q->number - q->min, t2 = q->max - q->number;
		double t = q->number - t1 == q->min && q->number + t1 == q->max ? t1 : t2;
		if (q->min == q->number && q->max == q->number) {
			/* no tolerance */
		} else if (t >= 0 && q->number - t == q->min && q->number + t == q->max) {
			/* the shortest tolerance that gives the same range: 0.005
			 * rather than 0.0049999999999998934 */
			for (int prec = 1; prec < 17; prec++) {
				char b[40];
				snprintf(b, sizeof b, "%.*g", prec, t);
				double s = strtod(b, NULL);
				if (q->number - s == q->min && q->number + s == q->max) {
					t = s;
					break;
				}
			}
			field(w, first, IND, "tolerance");
			put_number(w, t);
		} else {
			field(w, first, IND, "min");
			put_number(w, q->min);
			field(w, first, IND, "max");
			put_number(w, q->max);
		}
		if (q->unit) {
			field(w, first, IND, "unit");
			put_string(w, q->unit);
		}
		break;
	}
	case Q_TEXT:
		field(w, first, IND, "answer");
		if (q->naccept == 1)
			put_string(w, q->accept[0]);
		else
			put_list(w, q->accept, q->naccept);
		if (q->exact) {
			field(w, first, IND, "exact");
			put(w, "true");
		}
		break;
	case Q_ORDER:
		field(w, first, IND, "items");
		put_list(w, q->choices, q->nchoices);
		break;
	case Q_MATCH:
		field(w, first, IND, "pairs");
		put(w, "[");
		for (size_t i = 0; i < q->nchoices; i++) {
			put(w, i ? ", [" : "[");
			put_string(w, q->choices[i]);
			put(w, ", ");
			put_string(w, q->rights[i]);
			put(w, "]");
		}
		put(w, "]");
		break;
	case Q_CARD:
	case Q_NTYPES:
		break;
	}
	if ((q->type == Q_CHOICE || q->type == Q_MULTI) && !q->shuffle) {
		field(w, first, IND, "shuffle");
		put(w, "false");
	}
}

static void write_question(struct writer *w, const struct question *q)
{
	bool first = true;
	put(w, "    {\n");
	field(w, &first, IND, "id");
	put_string(w, q->id);
	field(w, &first, IND, "type");
	put_string(w, deck_type_name(q->type));
	if (q->type == Q_CARD) {
		field(w, &first, IND, "front");
		put_string(w, q->prompt);
		field(w, &first, IND, "back");
		put_string(w, q->back);
	} else {
		field(w, &first, IND, "prompt");
		put_string(w, q->prompt);
	}
	type_fields(w, q, &first);
	if (q->explanation) {
		field(w, &first, IND, "explanation");
		put_string(w, q->explanation);
	}
	if (q->hint) {
		field(w, &first, IND, "hint");
		put_string(w, q->hint);
	}
	if (q->ntags) {
		field(w, &first, IND, "tags");
		put_list(w, q->tags, q->ntags);
	}
	if (q->difficulty) {
		field(w, &first, IND, "difficulty");
		put_number(w, q->difficulty);
	}
	if (q->points != DECK_DEFAULT_POINTS) {
		field(w, &first, IND, "points");
		put_number(w, q->points);
	}
	if (q->source) {
		field(w, &first, IND, "source");
		put(w, "{\"ref\": ");
		put_string(w, q->source->id);
		if (q->paragraph) {
			put(w, ", \"paragraph\": ");
			put_number(w, q->paragraph);
		}
		put(w, "}");
	}
	put(w, "\n    }");
}

char *deck_write_json(const struct deck *d)
{
	struct writer w = {0};
	bool first = true;
	put(&w, "{\n");
	field(&w, &first, "  ", "format");
	put_string(&w, DECK_FORMAT);
	field(&w, &first, "  ", "id");
	put_string(&w, d->id);
	field(&w, &first, "  ", "title");
	put_string(&w, d->title);
	if (d->description) {
		field(&w, &first, "  ", "description");
		put_string(&w, d->description);
	}
	if (d->language) {
		field(&w, &first, "  ", "language");
		put_string(&w, d->language);
	}
	if (d->nsources) {
		field(&w, &first, "  ", "sources");
		put(&w, "[\n");
		for (size_t i = 0; i < d->nsources; i++) {
			const struct source *s = &d->sources[i];
			put(&w, i ? ",\n    {\"id\": " : "    {\"id\": ");
			put_string(&w, s->id);
			put(&w, ", \"title\": ");
			put_string(&w, s->title);
			if (s->date) {
				put(&w, ", \"date\": ");
				put_string(&w, s->date);
			}
			if (s->url) {
				put(&w, ", \"url\": ");
				put_string(&w, s->url);
			}
			put(&w, "}");
		}
		put(&w, "\n  ]");
	}
	field(&w, &first, "  ", "questions");
	put(&w, "[\n");
	for (size_t i = 0; i < d->nquestions && !w.failed; i++) {
		if (i)
			put(&w, ",\n");
		write_question(&w, &d->questions[i]);
	}
	put(&w, "\n  ]\n}\n");
	free(w.scratch);
	if (w.failed) {
		text_buf_free(&w.out);
		return NULL;
	}
	return text_buf_finish(&w.out);
}
