/* cmd_study — the commands of study mode: recall study and recall
 * export-progress.  Each takes the command's own argv (argv[0] is the
 * command's name) and returns the exit status. */
#ifndef RECALL_CMD_STUDY_H
#define RECALL_CMD_STUDY_H

int cmd_study(int argc, char **argv);
int cmd_export_progress(int argc, char **argv);

#endif
