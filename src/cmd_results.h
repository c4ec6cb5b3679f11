/* cmd_results — `recall results init`: makes a class's results database
 * ready (results_init: the schema, and on PostgreSQL the roles). */
#ifndef RECALL_CMD_RESULTS_H
#define RECALL_CMD_RESULTS_H

/* Runs `recall results` with argv[0] "results"; returns the exit status:
 * 0, or 1 for a usage error or a database that cannot be made ready. */
int cmd_results(int argc, char **argv);

#endif
