/* cmd_import — the `recall import` and `recall export` commands: question
 * banks in other formats turned into a deck, and decks written out in
 * them (import.h, export.h; docs/import.md). */
#ifndef RECALL_CMD_IMPORT_H
#define RECALL_CMD_IMPORT_H

/* Runs `recall import` with argv[0] "import"; returns the exit status: 0
 * when the deck was written (warnings allowed), 1 for a usage error, a
 * file that cannot be opened or an output refused, 2 when a file could
 * not be read in its format or held no question. */
int cmd_import(int argc, char **argv);

/* Runs `recall export` with argv[0] "export"; returns the exit status: 0
 * when the file was written, 1 for a usage error, a deck that cannot be
 * opened, an output refused or nothing to write, 2 for an invalid deck. */
int cmd_export(int argc, char **argv);

#endif
