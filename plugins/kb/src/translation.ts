import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string of the knowledge base, in English; Chinese lives in translations/zh.ts. */
export const kbMessages = {
  page: {
    home: 'Knowledge base',
    article: 'Article',
    newArticle: 'New article',
    editArticle: 'Edit article',
    backToHome: 'Back to the knowledge base',
  },
  kind: {
    'known-error': 'Known error',
    runbook: 'Runbook',
    'how-to': 'How-to',
    faq: 'FAQ',
  },
  kindPlural: {
    'known-error': 'Known errors',
    runbook: 'Runbooks',
    'how-to': 'How-tos',
    faq: 'FAQs',
  },
  visibility: {
    public: 'Public',
    internal: 'O&M team only',
  },
  language: {
    zh: 'Chinese',
    en: 'English',
  },
  field: {
    title: 'Title',
    kind: 'Kind',
    body: 'Text',
    tags: 'Tags',
    language: 'Language',
    entityRefs: 'Applies to',
    ticketRefs: 'Tickets',
    owner: 'Owner',
    visibility: 'Who can read it',
    symptom: 'Symptom',
    cause: 'Cause',
    workaround: 'Workaround',
    fix: 'Fix',
  },
  home: {
    search: 'Search the knowledge base',
    searchHelp: 'Chinese or English, e.g. 打印机卡纸 or UPS battery',
    allKinds: 'All',
    entity: 'System or device',
    recent: 'Recently updated',
    results: '{{total}} found',
    noResults: 'Nothing found. Try other or fewer words.',
    empty: 'No articles yet.',
    more: 'Show more',
    newArticle: 'New article',
  },
  article: {
    owner: 'Owner',
    entities: 'Applies to',
    tickets: 'Tickets',
    tags: 'Tags',
    language: 'Language',
    updated: 'Updated',
    version: 'Version',
    source: 'Kept in',
    readOnly:
      'This runbook is kept as a file in the repository and is read-only here. To change it, change the file.',
    edit: 'Edit',
    notFound: 'There is no such article, or it is not for you to read.',
    steps: 'Steps',
  },
  actor: {
    portal: 'Knowledge base',
  },
  history: {
    title: 'History',
    version: 'Version {{version}}',
    current: 'current',
    restoredFrom: 'restores version {{version}}',
    fromFile: 'from the file',
    compare: 'Changes',
    restore: 'Restore',
    restoreConfirm:
      'Make version {{version}} the current text again? It is saved as a new version; nothing is lost.',
    diffTitle: 'Changes from version {{from}} to {{to}}',
    noChanges: 'Nothing changed.',
    close: 'Close',
    conflict:
      'Someone saved the article meanwhile. The page now shows their version; try again.',
    failed: 'Could not restore: {{message}}',
  },
  editor: {
    newHeading: 'New article',
    editHeading: 'Edit {{id}}',
    titleHelp: 'What a reader would search for, e.g. 打印机卡纸怎么办',
    bodyHelp:
      'Markdown. Steps as a numbered list (1. 2. 3.); links to http(s) and e-mail only.',
    runbookBodyHelp:
      'The steps, as a numbered list, in the order they are done.',
    tagsHelp: 'Separated by commas',
    ticketsHelp: 'Ticket numbers separated by commas, e.g. INC-2026-00042',
    entitiesHelp: 'The systems, devices or applications it is about',
    ownerHelp: 'Who keeps it up to date',
    visibilityHelp:
      'Public articles are read by court staff too; the others only by the O&M team.',
    preview: 'Preview',
    previewEmpty: 'The preview appears as you type.',
    save: 'Save',
    cancel: 'Cancel',
    invalid: 'Check the fields marked in red.',
    required: 'Required',
    failed: 'Could not save: {{message}}',
    conflict:
      'Someone else saved this article after you opened it. Reload to see their version, then make your change again.',
    reload: 'Reload their version',
  },
  entity: {
    tab: 'Knowledge',
    here: 'About this',
    system: 'About its system',
    empty: 'No articles about this yet.',
    newArticle: 'Write an article about it',
  },
  search: {
    updated: 'Updated {{at}}',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type KbMessageKey = MessageKey<typeof kbMessages>;

export const kbTranslationRef = createTranslationRef({
  id: 'kb',
  messages: kbMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
