/**
 * The pure parts of the knowledge base's search analysis, the same in the
 * browser and on the server: folding (full-width to half-width, lower case),
 * the synonym table and the filler words dropped from questions. Word
 * segmentation needs a dictionary (jieba) and lives in kb-node; it hands
 * its words to `canonicalWords` here.
 */

/** Full-width letters, digits and signs to half-width (ＵＰＳ → ups), lower case. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en-US');
}

/**
 * Words that carry no subject in a question: how people ask (怎么办, 请问,
 * 吗), pronouns and particles. Dropped from queries only, whole words as
 * the segmenter cuts them, so 了解 and 不了 keep their 了.
 */
export const QUERY_FILLERS: ReadonlySet<string> = new Set([
  '怎么办', '怎么', '怎样', '怎么样', '如何', '怎么回事', '咋办', '咋', '为什么', '为啥',
  '什么', '请问', '请', '麻烦', '帮忙', '帮我', '帮', '一下', '吗', '呢', '吧', '啊', '呀',
  '哦', '嘛', '了', '的', '地', '得', '着', '过', '是', '我', '我的', '我们', '你', '你们',
  '他', '她', '该', '应该', '需要', '能', '可以', '很', '太', '非常', '突然', '总是', '老是',
  '一直', '又', '还', '都', '就', '也', '在', '有点', '好像', '处理', '解决', '办', '时候',
  '这个', '那个', '一个', '现在', '今天', '刚才', '点', '中',
]);

/** One group of words that mean the same; the first is how the index spells them all. */
export type SynonymGroup = readonly string[];

/**
 * The court's everyday words for the same thing (kb.search.synonyms
 * replaces the whole table). Each group's first word is kept in the index
 * and the query; the others are read as it.
 */
export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  ['无', '没', '没有'],
  ['无法', '没法', '不能', '不可以'],
  ['无反应', '没反应', '没有反应', '没动静'],
  ['无声音', '没声音', '没有声音', '没声', '无声'],
  ['无法开机', '开不了机', '开不开机', '开不起来', '不能开机', '开机没反应'],
  ['无法登录', '登不上', '登不上去', '登录不了', '登不进去', '进不去'],
  ['网络中断', '断网', '网断了', '上不了网', '上不去网', '没网', '网络断了', '掉线'],
  ['无法连接', '连不上', '连接不上', '连不了'],
  ['无法识别', '识别不了', '认不出', '不识别'],
  ['无法拨通', '打不通', '拨不通', '打不出去'],
  ['会议', '开会'],
  ['投影仪', '投影机', '投影', 'projector'],
  ['话筒', '麦克风', '麦', 'microphone'],
  ['打印机', '打印设备', 'printer'],
  ['电脑', '计算机', '台式机', 'pc'],
  ['忘记', '忘了'],
  ['已满', '满了'],
  ['停电', '断电', '市电中断'],
  ['审判管理系统', '审判系统', '办案系统'],
  ['座机', '办公电话'],
];

/** Words and phrases mapped to their group's first word; at most `longest` words make a phrase. */
export class SynonymTable {
  private readonly canonical = new Map<string, string>();
  /** Most segmenter words a variant spans (打不通 → 打 不通: 2). */
  readonly longest: number;

  /**
   * @param groups synonym groups; a word in two groups keeps the first
   * @param span how many segmenter words a phrase covers (the segmenter's
   * own cut of each variant), so phrases match on word boundaries
   */
  constructor(
    groups: readonly SynonymGroup[],
    span: (phrase: string) => number = phrase => [...phrase].length,
  ) {
    let longest = 1;
    for (const group of groups) {
      const [first, ...rest] = group.map(fold);
      for (const word of [first, ...rest]) {
        if (!this.canonical.has(word)) this.canonical.set(word, first);
        longest = Math.max(longest, span(word));
      }
    }
    this.longest = longest;
  }

  /** The group's first word, or undefined for a word in no group. */
  of(word: string): string | undefined {
    return this.canonical.get(word);
  }

  /** The groups, canonical first, for a fingerprint of the analysis. */
  entries(): [string, string][] {
    // By code point, the same on every machine (no locale).
    return [...this.canonical].sort(([a], [b]) => Number(a > b) - Number(a < b));
  }
}

/**
 * A run of segmenter words with every synonym phrase replaced by its
 * group's first word: longest phrase first, on word boundaries only, so 开会
 * is read as 会议 while 召开会议 (召开 会议) is left alone.
 */
export function canonicalWords(
  words: readonly string[],
  table: SynonymTable,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let j = Math.min(words.length, i + table.longest); j > i; j--) {
      const canonical = table.of(words.slice(i, j).join(''));
      if (canonical !== undefined) {
        out.push(canonical);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(words[i++]);
  }
  return out;
}

/** Shortest Latin word corrected for a typo. */
export const TYPO_MIN_LENGTH = 4;

/**
 * Latin words one edit away (a letter deleted, inserted, replaced, or two
 * neighbours swapped), for a word no article contains. Only for words of 4
 * letters or more: 1–3 letter terms (UPS, PC, OA) one letter apart are
 * different things.
 */
export function oneEditAway(word: string): string[] {
  const chars = [...word];
  if (chars.length < TYPO_MIN_LENGTH) return [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const variants = new Set<string>();
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    for (const letter of alphabet) variants.add(head + letter + tail);
    if (i < chars.length) {
      const rest = chars.slice(i + 1).join('');
      variants.add(head + rest);
      for (const letter of alphabet) variants.add(head + letter + rest);
      if (i + 1 < chars.length) {
        variants.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
      }
    }
  }
  variants.delete(word);
  return [...variants];
}
