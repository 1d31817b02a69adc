/**
 * Chinese search for the catalog. PostgreSQL cannot segment Chinese, so item text is cut with jieba
 * (search mode, which also emits the shorter words inside long ones: 餐饮店 → 餐饮, 餐饮店) into a
 * space-separated token string indexed with the 'simple' text-search configuration; a query is cut the
 * same way and every token must match. A small dictionary adds 政务 terms jieba does not know.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const GOV_TERMS = ['高效办成一件事', '一件事一次办', '一网通办', '不见面审批', '全程网办', '免申即享', '帮办代办', '容缺后补', '电子证照', '营业执照', '出生医学证明', '社会保障卡', '不动产登记', '食品经营许可'];

let jieba: Jieba | null = null;
function cutter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(GOV_TERMS.map((t) => `${t} 100000 n`).join('\n')));
  }
  return jieba;
}

// Tokens safe inside to_tsquery: CJK, letters and digits only.
const clean = (tokens: string[]) => [...new Set(tokens.map((t) => t.trim()).filter((t) => /^[\p{Script=Han}A-Za-z0-9]+$/u.test(t)))];

export const indexText = (text: string) => clean(cutter().cutForSearch(text, true)).join(' ');
export const queryTokens = (q: string) => clean(cutter().cut(q, true));
