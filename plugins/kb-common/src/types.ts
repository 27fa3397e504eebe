/**
 * The knowledge base (KB-1, KB-2): known errors for the desk's fast fixes
 * (DESK-6, PRB-1), runbooks for engineers, how-tos and FAQs for court staff.
 */
export type ArticleKind = 'known-error' | 'runbook' | 'how-to' | 'faq';

export const ARTICLE_KINDS: readonly ArticleKind[] = [
  'known-error',
  'runbook',
  'how-to',
  'faq',
];

/**
 * Who may read an article: `public` is for court staff as well, `internal`
 * only for the O&M team (and the court IT office, which reads everything).
 */
export type ArticleVisibility = 'public' | 'internal';

export const ARTICLE_VISIBILITIES: readonly ArticleVisibility[] = [
  'public',
  'internal',
];

export type ArticleLanguage = 'zh' | 'en';

export const ARTICLE_LANGUAGES: readonly ArticleLanguage[] = ['zh', 'en'];

/** The four parts of a known error (ITIL), each markdown. */
export interface KnownErrorSections {
  readonly symptom: string;
  readonly cause: string;
  readonly workaround: string;
  readonly fix: string;
}

export const KNOWN_ERROR_SECTIONS: readonly (keyof KnownErrorSections)[] = [
  'symptom',
  'cause',
  'workaround',
  'fix',
];

/** What an author writes. Every save keeps all of it as a new version. */
export interface ArticleContent {
  readonly kind: ArticleKind;
  readonly title: string;
  /** Markdown: a runbook's steps, a how-to's instructions, an FAQ's answer. */
  readonly body: string;
  /** Present exactly when `kind` is `known-error`. */
  readonly knownError?: KnownErrorSections;
  readonly tags: readonly string[];
  readonly language: ArticleLanguage;
  /** Catalog entities it applies to: systems, devices, applications. */
  readonly entityRefs: readonly string[];
  /** Ticket numbers it came from or solved (INC-2026-00042). */
  readonly ticketRefs: readonly string[];
  /** User or group entity ref that keeps it up to date. */
  readonly owner: string;
  readonly visibility: ArticleVisibility;
}

/** Where a file-kept article (a runbook in docs/runbooks) comes from. */
export interface ArticleSource {
  /** Path in the repository, e.g. docs/runbooks/ups-on-battery.md. */
  readonly path: string;
  /** The file in the court's source browser, when configured. */
  readonly url?: string;
}

export interface Article extends ArticleContent {
  /** KB-00042. */
  readonly id: string;
  /** Optimistic-concurrency version: send it back with every save. */
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Set for articles kept as files: they are read-only in the portal. */
  readonly source?: ArticleSource;
  /** The problem ticket it was made from, if any (PRB-1). */
  readonly originTicket?: string;
}

/** An article in a list or a search result. */
export interface ArticleSummary {
  readonly id: string;
  readonly kind: ArticleKind;
  readonly title: string;
  readonly tags: readonly string[];
  readonly language: ArticleLanguage;
  readonly visibility: ArticleVisibility;
  readonly entityRefs: readonly string[];
  readonly owner: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Plain text around the first match (search), or the opening (lists). */
  readonly snippet: string;
  /** Kept as a file (read-only). */
  readonly fromFile: boolean;
}

export interface ArticlePage {
  readonly items: readonly ArticleSummary[];
  /** How many match in all, for paging. */
  readonly total: number;
  /** How many of each kind match the same search and entity, whatever kind was asked. */
  readonly kinds: KindCounts;
}

export type KindCounts = Readonly<Record<ArticleKind, number>>;

/** One save of an article: who, when, and why when it was not an edit. */
export interface ArticleVersionInfo {
  readonly version: number;
  readonly author: string;
  readonly at: string;
  /** Set when this version brought back an earlier one. */
  readonly restoredFrom?: number;
  /** Set when the version came from the article's file. */
  readonly fromFile?: boolean;
}

export interface ArticleVersion extends ArticleVersionInfo {
  readonly content: ArticleContent;
}

export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** The fields of ArticleContent a diff names; known-error parts by their own name. */
export type DiffField =
  | Exclude<keyof ArticleContent, 'knownError'>
  | keyof KnownErrorSections;

/** A changed field: text by line, other fields as before and after. */
export type FieldChange =
  | {
      readonly field: DiffField;
      readonly type: 'text';
      readonly lines: readonly DiffLine[];
    }
  | {
      readonly field: DiffField;
      readonly type: 'value';
      readonly before: string;
      readonly after: string;
    };

export interface ArticleDiff {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** Only the fields that differ, in the order of the editor. */
  readonly changes: readonly FieldChange[];
}

/** The answer to "make a known error of this problem": new, or made before. */
export interface KnownErrorResult {
  readonly article: Article;
  readonly created: boolean;
}
