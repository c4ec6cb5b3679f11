/* cmd_drill — recall drill: a classroom drill, for one learner, a few
 * players taking turns on one terminal, or a student of a class recording
 * into the class's results database.  Takes the command's own argv
 * (argv[0] is the command's name) and returns the exit status. */
#ifndef RECALL_CMD_DRILL_H
#define RECALL_CMD_DRILL_H

/* The number of questions, and the seconds for each, when not given. */
#define CMD_DRILL_DEFAULT_COUNT 10
#define CMD_DRILL_DEFAULT_TIME 20

/* The seed of a class drill when not given: every student of the class
 * must draw the same questions, so it cannot be random. */
#define CMD_DRILL_CLASS_SEED 1

int cmd_drill(int argc, char **argv);

#endif
