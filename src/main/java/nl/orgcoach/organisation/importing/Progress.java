package nl.orgcoach.organisation.importing;

/** Where a running import is, for the progress bar of a background job. */
interface Progress {

  Progress NONE =
      new Progress() {
        @Override
        public void phase(Phase phase, int total) {}

        @Override
        public void rowsDone(int done) {}
      };

  enum Phase {
    QUEUED,
    READING,
    VALIDATING,
    WRITING,
    DONE
  }

  void phase(Phase phase, int total);

  /** Rows written so far; called often, so implementations throttle their own reporting. */
  void rowsDone(int done);
}
