/* cmd_report — the `recall report` command: the teacher's report of a
 * classroom drill from the results database (read-only), as text with
 * bars, CSV or JSON, and its watch; docs/report.md gives the figures and
 * the formats. */
#ifndef RECALL_CMD_REPORT_H
#define RECALL_CMD_REPORT_H

/* Runs `recall report` with argv[0] "report"; returns the exit status: 0,
 * 1 for a usage error or results that cannot be read, 128 + the signal's
 * number when a signal ended a watch. */
int cmd_report(int argc, char **argv);

#endif
