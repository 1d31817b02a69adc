/** Normative-document settings (read with domainConfig(kernel, normativeDocsSettings)). */
import { z } from 'zod';

export const normativeDocsSettings = z.object({
  // 国办发〔2018〕115号 asks for legality review time "原则上不少于5个工作日"; some provinces ask more.
  NORMATIVE_LEGALITY_MIN_WORKDAYS: z.coerce.number().int().min(0).max(60).default(5).describe('规范性文件合法性审查最短时间（工作日）'),
  // 法规规章备案条例 / 地方备案规定: file with the next level within 30 days of publication.
  NORMATIVE_FILING_DAYS: z.coerce.number().int().min(0).max(365).default(30).describe('规范性文件公布后报备时限（自然日）'),
  NORMATIVE_DOC_PREFIX: z.string().min(1).max(10).default('湖政规').describe('规范性文件统一编号的字头（如“湖政规〔2026〕3号”）'),
});
