/* export — the table of formats written out, and the run over decks; see
 * export.h. */
#include "export.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const struct export_format formats[] = {
	{ "aiken", "Aiken (Moodle's multiple-choice text)", NULL, export_aiken_question, 0, NULL },
	{ "csv", "CSV of a classroom quiz game spreadsheet", export_csv_begin, export_csv_question, 0, NULL },
	{ "gift", "GIFT (Moodle's question text)", NULL, export_gift_question,
	  EXPORT_EXPLANATION | EXPORT_TAGS, export_gift_drops },
	{ "anki", "Anki notes as plain text", export_anki_begin, export_anki_question,
	  EXPORT_EXPLANATION | EXPORT_TAGS, export_anki_drops },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const struct export_format *export_format_get(size_t i)
{
	return i < NFORMATS ? &formats[i] : NULL;
}

const struct export_format *export_format_find(const char *name)
{
	return text_table_find(formats, NFORMATS, sizeof *formats, name);
}

char *export_format_list(char *buf, size_t size)
{
	return text_table_names(formats, NFORMATS, sizeof *formats, buf, size);
}

/* The fields a question may have beside its answer, for the warnings. */
static const struct {
	unsigned bit;
	const char *what;   /* plural, for "explanations of 3 questions" */
	const char *why;    /* "the FORMAT format WHY"; NULL: "has no place for them" */
} fields[] = {
	{ EXPORT_EXPLANATION, "explanations", NULL },
	{ EXPORT_HINT, "hints", NULL },
	{ EXPORT_TAGS, "tags", NULL },
	{ EXPORT_DIFFICULTY, "difficulties", NULL },
	{ EXPORT_POINTS, "points", NULL },
	{ EXPORT_SOURCE, "sources", NULL },
	{ EXPORT_UNIT, "units", NULL },
	{ EXPORT_EXACT, "exact answer checks", "ignores case in typed answers" },
	{ EXPORT_MORE_ANSWERS, "accepted answers after the first", "takes one typed answer" },
	{ EXPORT_OFF_MIDDLE, "right answers off the middle of their range",
	  "gives the middle of a range as its answer" },
	{ EXPORT_TYPE, "question types", "has them as flashcards with the answer written out" },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static bool has(const struct question *q, unsigned bit)
{
	switch (bit) {
	case EXPORT_EXPLANATION: return q->explanation != NULL;
	case EXPORT_HINT: return q->hint != NULL;
	case EXPORT_TAGS: return q->ntags > 0;
	case EXPORT_DIFFICULTY: return q->difficulty > 0;
	case EXPORT_POINTS: return q->points != DECK_DEFAULT_POINTS;
	case EXPORT_SOURCE: return q->source != NULL;
	default: return false;
	}
}

char *export_decks(const struct export_format *f, struct deck *const *decks, size_t n,
                   struct diags *d, struct export_counts *counts)
{
	struct text_buf out = {0};
	memset(counts, 0, sizeof *counts);
	if (f->begin)
		f->begin(&out);
	for (size_t k = 0; k < n; k++) {
		const struct deck *dk = decks[k];
		size_t dropped[NFIELDS] = {0};
		for (size_t i = 0; i < dk->nquestions; i++) {
			const struct question *q = &dk->questions[i];
			char why[200];
			const char *no = f->question(&out, q, why, sizeof why);
			if (no) {
				/* ids are slugs: nothing to escape */
				diag_file(d, dk->path, DIAG_WARNING, "question %zu (id '%s', %s) left out: %s", i + 1,
				          q->id, deck_type_name(q->type), no);
				counts->left_out++;
				counts->left_by_type[q->type]++;
				continue;
			}
			counts->written++;
			unsigned lost = f->drops ? f->drops(q) : 0;
			for (size_t j = 0; j < NFIELDS; j++)
				if ((!(f->keeps & fields[j].bit) && has(q, fields[j].bit)) || (lost & fields[j].bit))
					dropped[j]++;
		}
		for (size_t j = 0; j < NFIELDS; j++) {
			if (!dropped[j])
				continue;
			diag_file(d, dk->path, DIAG_WARNING, "%s of %zu question%s left out: the %s format %s",
			          fields[j].what, dropped[j], dropped[j] == 1 ? "" : "s", f->name,
			          fields[j].why ? fields[j].why : "has no place for them");
		}
	}
	return text_buf_finish(&out);
}
