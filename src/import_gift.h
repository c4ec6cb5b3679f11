/* import_gift — what the two halves of the GIFT importer share:
 * import_gift.c (blocks of lines, comments, categories, titles, the text
 * and its escapes) and import_gift_answers.c (the answer block of each
 * kind of question).  Nothing else includes this header.
 */
#ifndef RECALL_IMPORT_GIFT_H
#define RECALL_IMPORT_GIFT_H

#include <stdbool.h>
#include <stddef.h>

#include "html.h"
#include "import.h"
#include "text.h"

#define GIFT_MAX_TAGS 64

/* The text formats a GIFT text may name: "[html]..."; in the order of
 * their names in gift_read_format. */
enum gift_format { GIFT_MOODLE, GIFT_HTML, GIFT_PLAIN, GIFT_MARKDOWN };

/* One file being read. */
struct gift {
	struct import_ctx *c;
	const char *buf;         /* the file's bytes */
	const char *s;           /* the same with comment lines blanked */
	size_t len;
	size_t end;              /* the end of the block being read */
	const char *category;    /* the tag of the last $CATEGORY, or NULL */
	const char *tags[GIFT_MAX_TAGS];  /* [tag:...] of the block's comments */
	size_t ntags;
	size_t ntitles, first_title;  /* ::titles:: left out */
	size_t nids, first_id;        /* [id:...] left out */
	struct html_dropped dropped;  /* by the question being read */
};

/* Where a question's parts are in g->s. */
struct gift_question {
	size_t start;            /* the block's first byte */
	size_t text_from;        /* the text, after any title and format */
	size_t open, close;      /* the answer block's braces */
	size_t end;              /* the block's end */
	bool blank;              /* text follows the block: a missing word */
	enum gift_format format;  /* the text's, the default of its parts */
};

/* True for the characters a backslash escapes: ~ = # { } : n and itself. */
bool gift_escapable(char ch);

/* The first (last) place of what in s[from..to) outside escapes, or to. */
size_t gift_find(const char *s, size_t from, size_t to, const char *what);
size_t gift_find_last(const char *s, size_t from, size_t to, const char *what);

/* Narrows s[*from..*to) by the white space at both ends. */
void gift_trim(const char *s, size_t *from, size_t *to);

/* The format named at the start of s[*from..to) ("[html]"), moving *from
 * past it; dflt when none is named. */
enum gift_format gift_read_format(const char *s, size_t *from, size_t to, enum gift_format dflt);

/* The text s[from..to) of g->s, trimmed, its escapes undone, reduced to
 * text when its format is HTML (or Moodle's, keeping line breaks), made
 * fit for a deck (import_text); NULL when nothing is left.  What HTML
 * had that text cannot hold is counted in g->dropped. */
const char *gift_text(struct gift *g, size_t from, size_t to, enum gift_format f);

/* The same, added to out instead. */
void gift_text_buf(struct gift *g, struct text_buf *out, size_t from, size_t to, enum gift_format f);

/* The prompt of q (a blank ___ where a missing word's block stood). */
const char *gift_prompt(struct gift *g, const struct gift_question *q);

/* Reads q's answer block, and adds the question it makes or skips it
 * saying why (import_gift_answers.c). */
void gift_read_answers(struct gift *g, struct gift_question *q);

#endif
