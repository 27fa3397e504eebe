export interface Config {
  /** The knowledge base (kb plugin). */
  kb?: {
    runbooks?: {
      /**
       * The folder of runbook files (*.md with front matter). A relative
       * path is read from the backend's working directory, like the
       * catalog's file locations; default: docs/runbooks of the repository.
       */
      directory?: string;
      /**
       * Base URL of the folder in the court's source browser; a runbook's
       * page links to `<sourceUrl>/<file>`. Without it the page names the
       * file's path.
       */
      sourceUrl?: string;
      /** Owner of runbooks whose front matter names none. Default group:default/onsite-team. */
      owner?: string;
      /** How often files are checked for changes, in seconds. Default 30. */
      syncSeconds?: number;
    };
    /**
     * Save the example court's articles (how-tos, a known error, an FAQ)
     * once into an empty knowledge base. Default false.
     */
    seedExamples?: boolean;
    /** The court's IANA time zone, whose days report periods count. Default Asia/Shanghai. */
    zone?: string;
    /** Search analysis, for the knowledge base and Backstage search alike. */
    search?: {
      /**
       * Groups of words that mean the same (没/无/没有, 断网/网络中断); the
       * first of each is how the index spells the group. Replaces the
       * court's default table (docs/knowledge-base.md) when given; the
       * index is rebuilt at the next start.
       */
      synonyms?: string[][];
    };
  };
}
