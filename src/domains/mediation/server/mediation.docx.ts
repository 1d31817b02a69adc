/**
 * 人民调解协议书 (人民调解法 第29条) as .docx on the kernel's 公文 page: the parties' basic facts; the main
 * facts of the dispute, the matters in dispute and each party's responsibility; the agreed terms, with the
 * manner and time of performance; signed by the parties and the mediators, sealed by the 调委会; effective
 * from signing (第29条¶2), one copy to each party and one kept by the 调委会. 第33条's 司法确认 note is added.
 */
import { blankPara, bodyPara, centredPara, chineseDate, FONTS, getCase, gongwenDocx, run, signaturePara, tenancy, titlePara, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import * as repo from './mediation.repository';
import type { Party } from './mediation.tables';

const P = (text: string) => bodyPara([run(text)]);
const H = (text: string) => bodyPara([run(text, FONTS.h1)]);
const who = (label: string, ps: Party[]) => ps.map((p) => bodyPara([run(`${label}：${p.name}${p.address ? `，住址：${p.address}` : ''}${p.phone ? `，联系电话：${p.phone}` : ''}`)], false));

export async function agreementDocx(tx: Tx, caseId: string): Promise<{ filename: string; buffer: Buffer }> {
  const row = await getCase(tx, caseId);
  const d = await repo.getDispute(tx, caseId);
  if (!row || !d) throw new AppError('NOT_FOUND');
  if (d.outcome !== 'agreed') throw new AppError('NOT_FOUND', '本纠纷尚未达成调解协议');
  const org = await tenancy.getOrg(tx, d.orgId);
  const village = await tenancy.getDivision(tx, d.divisionCode);
  const committee = org ? (org.kind === 'mediationCommittee' ? org.name : `${org.name}人民调解委员会`) : '人民调解委员会';
  const children = [
    titlePara('人民调解协议书'), centredPara(`编号：${row.refNo}`), blankPara(),
    ...who('当事人（申请人）', d.applicants), ...who('当事人（对方）', d.respondents),
    H('纠纷主要事实、争议事项及各方当事人的责任'),
    P(`纠纷发生地：${village?.name ?? ''}。纠纷类型：${d.type}。`), P(d.agreementFacts ?? d.summary),
    H('经调解，双方当事人自愿达成如下协议'), P(d.agreementTerms ?? ''),
    H('履行方式、期限'), P(d.agreementPerformance ?? ''),
    P('本协议自各方当事人签名（盖章或者按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式三份，双方当事人各执一份，人民调解委员会留存一份。'),
    P('经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第三十一条）。双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认；人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行（第三十三条）。'),
    blankPara(),
    bodyPara([run(`当事人（签名、按指印）：${[...d.applicants, ...d.respondents].map(() => '＿＿＿＿').join('　')}`)], false),
    bodyPara([run(`人民调解员（签名）：${d.mediators}`)], false),
    blankPara(), signaturePara(`${committee}（印章）`), signaturePara(chineseDate(d.endedOn ?? row.createdAt.toISOString().slice(0, 10))),
  ];
  return { filename: `人民调解协议书（${row.refNo}）.docx`, buffer: await gongwenDocx('人民调解协议书', children) };
}
