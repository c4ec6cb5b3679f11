/* import — question banks in other formats turned into decks.
 *
 * Each format is one row of a table (import.c): its name for --format, a
 * label for people, a function saying how likely a file is in the format
 * from its name and bytes, and its parser.  A parser lives in a file of its
 * own (import_opentdb.c, import_aiken.c, import_gift.c...) and knows only its
 * format: it reads the bytes, fills a struct question per question it finds
 * (strings from import_text, lists from import_list) and hands it to
 * import_add, which checks it against the deck format, gives it its id and
 * adds it to the deck being built.  Whatever a parser cannot carry over it
 * says with import_warn (file:line: warning: ...), and what it cannot read
 * at all with import_error_at (file:line:column: error: ...).
 *
 * Ids come from the content (import_add): a slug of the prompt's first
 * words and a hash of the prompt and the right answer, so that importing a
 * newer version of a bank gives the unchanged questions the ids they had,
 * and study progress with them.  A question with the same prompt and
 * answer as one before it is skipped; two different questions whose ids
 * would be the same get "-2", "-3"... in the order they are read.
 *
 * Adding a format: a file with its detect and parse functions, declared at
 * the end of this header, a row in the table, a fixture folder under
 * tests/data/import/ and a unit test, a fuzz target (tests/fuzz_import_*.c,
 * FUZZ_TARGETS), and its mapping in docs/import.md.
 */
#ifndef RECALL_IMPORT_H
#define RECALL_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "diag.h"

/* How likely a file is in a format. */
enum import_likely {
	IMPORT_NO,       /* it is not */
	IMPORT_BY_NAME,  /* only its name says so (a .csv file) */
	IMPORT_LOOKS,    /* its bytes look like it */
	IMPORT_SURE,     /* its bytes hold what only this format has */
};

struct import_ctx;  /* one import under way: the deck being built */
struct text_buf;    /* text.h */

struct import_format {
	const char *name;   /* for --format and messages: "opentdb" */
	const char *label;  /* for people: "Open Trivia Database JSON" */
	/* How likely the file named name, holding buf[0..len), is in this
	 * format.  Must be quick: every row is asked about every file. */
	enum import_likely (*detect)(const char *name, const char *buf, size_t len);
	/* Reads buf[0..len) (not empty, maybe starting with a UTF-8 byte
	 * order mark) into c.  Returns 0, or -1 when the file could not be
	 * read, having said why with import_error_at. */
	int (*parse)(struct import_ctx *c, const char *buf, size_t len);
};

/* ---- the table ------------------------------------------------------ */

/* Row i of the table, or NULL past its end. */
const struct import_format *import_format_get(size_t i);

/* The row named name, or NULL. */
const struct import_format *import_format_find(const char *name);

/* The names of every row, joined by ", " into buf of size bytes; returns buf. */
char *import_format_list(char *buf, size_t size);

/* The row most likely to read the file (the first of equals), or NULL
 * when none can. */
const struct import_format *import_detect(const char *name, const char *buf, size_t len);

/* ---- an import ------------------------------------------------------ */

struct import_counts {
	size_t imported;                /* questions in the deck */
	size_t skipped;                 /* questions found but left out */
	size_t by_type[Q_NTYPES];       /* the imported ones by type */
};

/* A new, empty import; NULL when memory runs out. */
struct import_ctx *import_new(void);

/* Reads one file, named name in messages, holding buf[0..len), in format f
 * (NULL: import_detect's choice; when it finds none, an error naming the
 * formats tried).  Warnings and errors go to d.  Returns 0, or -1 when the
 * file could not be read (errors in d): the import should then not be
 * written out. */
int import_buffer(struct import_ctx *c, const char *name, const char *buf, size_t len,
                  const struct import_format *f, struct diags *d);

/* What has been imported so far. */
const struct import_counts *import_get_counts(const struct import_ctx *c);

/* The deck built, with the id and title given (both required; id a slug),
 * handed over to the caller, who frees it with deck_free; NULL when memory
 * ran out at any point.  c is freed either way. */
struct deck *import_finish(struct import_ctx *c, const char *id, const char *title);

/* Frees an import that was not finished; NULL is fine. */
void import_free(struct import_ctx *c);

/* A deck id made from s (a file name: its folder and extension left
 * out): lower-case letters and digits, other runs of characters as '-',
 * at most 64; "imported" when nothing is left.  Into buf (at least 65
 * bytes); returns buf. */
char *import_slug_name(const char *s, char *buf, size_t size);

/* ---- for the parsers ----------------------------------------------- */

/* Sets where the question being read starts (an offset into the bytes
 * given to parse): import_warn and import_add speak of its line. */
void import_here(struct import_ctx *c, size_t off);

/* A warning about the question being read, at its line (no column). */
void import_warn(struct import_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A warning or error at offset off (line and column). */
void import_warn_at(struct import_ctx *c, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void import_error_at(struct import_ctx *c, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Says that the question at offset off (line and column) is skipped and
 * why ("question skipped: WHY"), and counts it. */
void import_skip(struct import_ctx *c, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Text made fit for a deck: CR LF and CR as LF, control characters other
 * than newline and tab left out, invalid UTF-8 as U+FFFD (each said with
 * import_warn), leading and trailing white space trimmed.  A copy owned by
 * the deck, or NULL when nothing is left (or memory ran out:
 * import_out_of_memory says which). */
const char *import_text(struct import_ctx *c, const char *s, size_t len);

/* Room for n string pointers, owned by the deck; NULL when memory runs out. */
const char **import_list(struct import_ctx *c, size_t n);

/* True once memory has run out: the parser should stop (and return -1).
 * Then the import fails as a whole, saying so: nothing is written. */
bool import_out_of_memory(const struct import_ctx *c);

/* Records that memory ran out in the parser's own work (a text_buf that
 * failed, a list that could not grow). */
void import_nomem(struct import_ctx *c);

/* import_text of what b holds (b stays the caller's); when b ran out of
 * memory, records it and gives NULL. */
const char *import_text_buf(struct import_ctx *c, const struct text_buf *b);

/* Starts q as a question of type t with the defaults of the format
 * (points 100, options shuffled). */
void import_question_init(struct question *q, enum qtype t);

/* Checks q against the deck format, gives it its id and adds it; its
 * strings and lists must come from import_text and import_list.  What is
 * wrong with it is said (at the line of import_here): a list entry that
 * is too long, a tag twice, too many tags are dropped; a question that
 * cannot be a valid one (no prompt, fewer than 2 options, an option twice,
 * no right answer, the same prompt and answer as an earlier question) is
 * skipped.  Returns true when it was added. */
bool import_add(struct import_ctx *c, struct question *q);

/* Where the right option of the next choice question with n options goes
 * (0-based), for formats that do not say: in turn 0, 1, 2... over the
 * import, so that no position holds most right answers. */
size_t import_right_place(struct import_ctx *c, size_t n);

/* ---- helpers for text formats -------------------------------------- */

/* The length of a UTF-8 byte order mark at buf (3), or 0. */
size_t import_bom(const char *buf, size_t len);

/* Checks that buf[0..len) is UTF-8 text: an error at the first invalid
 * byte or NUL (line and column).  Returns 0 or -1. */
int import_check_text(struct import_ctx *c, const char *buf, size_t len);

/* One line of a text file. */
struct import_line {
	size_t start;  /* offset of its first byte */
	size_t end;    /* offset just past its last byte (before CR, LF) */
};

/* The line at *pos in buf[0..len) into *l, and *pos moved past its end
 * (LF, CR LF or a lone CR).  False at the end of the bytes. */
bool import_next_line(const char *buf, size_t len, size_t *pos, struct import_line *l);

/* ---- helpers for JSON formats (import_json.c) ---------------------- */

struct cJSON;

/* A JSON file read for an importer: its tree, and where each node of the
 * tree stands in the file. */
struct import_json {
	struct cJSON *root;
	struct import_json_node *at;  /* sorted by node, for import_json_offset */
	size_t n;
};

/* Checks buf[0..len) strictly (json.h: every fault an error with its line
 * and column), then parses it.  Returns 0, or -1 having said why; free j
 * with import_json_free either way. */
int import_json_parse(struct import_ctx *c, const char *buf, size_t len, struct import_json *j);

/* The offset in the file of node (its value's first byte), or 0. */
size_t import_json_offset(const struct import_json *j, const struct cJSON *node);

void import_json_free(struct import_json *j);

/* ---- the formats (one file each) ----------------------------------- */

enum import_likely import_opentdb_detect(const char *name, const char *buf, size_t len);
int import_opentdb_parse(struct import_ctx *c, const char *buf, size_t len);
enum import_likely import_aiken_detect(const char *name, const char *buf, size_t len);
int import_aiken_parse(struct import_ctx *c, const char *buf, size_t len);
enum import_likely import_csv_detect(const char *name, const char *buf, size_t len);
int import_csv_parse(struct import_ctx *c, const char *buf, size_t len);
enum import_likely import_gift_detect(const char *name, const char *buf, size_t len);
int import_gift_parse(struct import_ctx *c, const char *buf, size_t len);
enum import_likely import_anki_detect(const char *name, const char *buf, size_t len);
int import_anki_parse(struct import_ctx *c, const char *buf, size_t len);
enum import_likely import_hascard_detect(const char *name, const char *buf, size_t len);
int import_hascard_parse(struct import_ctx *c, const char *buf, size_t len);

/* A file name's extension is ext (".csv"), ASCII case ignored. */
bool import_name_ends(const char *name, const char *ext);

#endif
