/* cmd_stats — the `recall stats` command: progress figures as text with
 * bar charts, or as JSON (--json); docs/progress.md gives the JSON shape. */
#ifndef RECALL_CMD_STATS_H
#define RECALL_CMD_STATS_H

/* Runs `recall stats` with argv[0] "stats"; returns the exit status: 0,
 * 1 for a usage error or a database that cannot be read, 2 for an invalid
 * deck. */
int cmd_stats(int argc, char **argv);

#endif
