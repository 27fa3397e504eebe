/**
 * The knowledge base for other backend plugins and policies: the article
 * permission resource (its rule and conditions), and the search analysis
 * the kb index and Backstage search share (word segmentation needs jieba,
 * a native module, so it lives here rather than in kb-common).
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './analysis';
