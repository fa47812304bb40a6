/* A C module with no lock anywhere: single-threaded by design, nothing to report. */
// lockscope-test: no-run
static int depth;
int max_depth;

void enter(void) {
  depth++;
  if (depth > max_depth) max_depth = depth;
}

void leave(void) { depth--; }
