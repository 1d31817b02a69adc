/**
 * The case's documents as .docx on the kernel's 公文 page (GB/T 9704): 受理通知书 (第30条), 补正通知书
 * (第31条), 提出答复通知书 (第48条) and 行政复议决定书 (第75条, with the article of its decision type and
 * the notice of the right to sue, 行政诉讼法 第45条), and the 意见书 / 建议书 of 第76条. Issued in the name of
 * the 复议机关 (第61条).
 */
import { blankPara, bodyPara, centredPara, chineseDate, gongwenDocx, run, signaturePara, titlePara, FONTS, type Kernel, siteDivisionCode, tenancy, getCase, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { DECISIONS, PROCEDURES, type DecisionType } from '../shared/reconsideration.labels';
import { DOCUMENT_TITLES, documentsFor, type DocumentKind } from './reconsideration.service';
import * as repo from './reconsideration.repository';

const P = (text: string) => bodyPara([run(text)]);
const H = (text: string) => bodyPara([run(text, FONTS.h1)]);
/** 第63条 … in Chinese numerals, as the documents cite articles. */
const ARTICLE_ZH: Record<string, string> = { 第30条: '第三十条', 第31条: '第三十一条', 第33条: '第三十三条', 第48条: '第四十八条', 第54条: '第五十四条', 第63条: '第六十三条', 第64条: '第六十四条', 第65条: '第六十五条', 第66条: '第六十六条', 第67条: '第六十七条', 第68条: '第六十八条', 第69条: '第六十九条' };

export async function documentDocx(tx: Tx, kernel: Kernel, caseId: string, kind: DocumentKind): Promise<{ filename: string; buffer: Buffer }> {
  const row = await getCase(tx, caseId);
  const r = await repo.get(tx, caseId);
  if (!row || !r) throw new AppError('NOT_FOUND');
  if (!documentsFor(r).includes(kind)) throw new AppError('NOT_FOUND', `本案尚无${DOCUMENT_TITLES[kind]}`);
  const orgs = (await tenancy.listOrgs(tx, siteDivisionCode(kernel))).map((o) => o.org);
  const body = orgs.find((o) => o.kind === 'government' && o.divisionCode === siteDivisionCode(kernel))?.name ?? '行政复议机关';
  const respondent = orgs.find((o) => o.id === r.orgId)?.name ?? (await tenancy.getOrg(tx, r.orgId))?.name ?? '';
  const applicant = row.applicantName ?? '申请人';
  const year = (r.closedOn ?? r.acceptedOn ?? r.receivedOn).slice(0, 4);
  const simple = r.procedure === 'simple';
  const act = `${r.actDescription}${r.actRefNo ? `（办件编号${r.actRefNo}）` : ''}`;
  const title = DOCUMENT_TITLES[kind];
  const children = [titlePara(title), centredPara(`（${year}）案号${row.refNo}`), blankPara()];
  let dated = r.receivedOn;
  if (kind === 'acceptance') {
    dated = r.acceptedOn!;
    children.push(bodyPara([run(`${applicant}：`)], false));
    children.push(P(`你（单位）不服${respondent}${act}，于${chineseDate(r.receivedOn)}提出的行政复议申请收悉。${r.deemedAccepted ? '本机关在法定审查期限内未作出不予受理决定，依照《中华人民共和国行政复议法》第三十条第二款的规定，视为受理' : '经审查，该申请符合《中华人民共和国行政复议法》第三十条规定的受理条件，本机关决定予以受理'}，受理日期为${chineseDate(r.acceptedOn!)}，适用${PROCEDURES[r.procedure as 'simple']}审理。`));
    children.push(P(`本机关将依照《中华人民共和国行政复议法》第六十二条的规定，自受理之日起${simple ? '三十' : '六十'}日内作出行政复议决定。行政复议期间，你（单位）可以依照第四十七条的规定查阅、复制被申请人提出的书面答复、作出行政行为的证据、依据和其他有关材料。`));
  } else if (kind === 'correction') {
    children.push(bodyPara([run(`${applicant}：`)], false));
    children.push(P(`你（单位）不服${respondent}${act}，于${chineseDate(r.receivedOn)}提出的行政复议申请收悉。经审查，申请材料不齐全或者表述不清楚，无法判断是否符合受理条件。依照《中华人民共和国行政复议法》第三十一条的规定，请你（单位）自收到本通知之日起十个工作日内补正以下事项：`));
    children.push(P(r.correctionAsked ?? ''));
    children.push(P('无正当理由逾期不补正的，视为放弃行政复议申请，并记录在案。补正后，本机关将依照第三十条的规定进行审查。'));
  } else if (kind === 'answerNotice') {
    dated = r.copySentOn!;
    children.push(bodyPara([run(`${respondent}：`)], false));
    children.push(P(`${applicant}不服你单位${act}，向本机关申请行政复议，本机关已于${chineseDate(r.acceptedOn!)}依法受理。依照《中华人民共和国行政复议法》${simple ? '第五十四条' : '第四十八条'}的规定，现将行政复议申请书副本发送你单位，请自收到之日起${simple ? '五' : '十'}个工作日内提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。`));
    children.push(P('被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据（第七十条）。'));
  } else {
    dated = r.closedOn!;
    const d = DECISIONS[r.outcome as DecisionType];
    children.push(bodyPara([run(`申请人：${applicant}`)], false));
    if (r.address) children.push(bodyPara([run(`送达地址：${r.address}`)], false));
    children.push(bodyPara([run(`被申请人：${respondent}`)], false));
    children.push(P(`申请人不服被申请人${act}，于${chineseDate(r.receivedOn)}向本机关申请行政复议，本机关依法${r.deemedAccepted ? '视为受理' : '已予受理'}，适用${PROCEDURES[r.procedure as 'simple']}审理。本案现已审理终结。`));
    children.push(P(`申请人请求：${r.request}`));
    children.push(P(`申请人称：${r.factsAndReasons}`));
    children.push(P(r.answer ? `被申请人称：${r.answer}` : '被申请人未在法定期限内提出书面答复（第七十条）。'));
    children.push(H('经审理查明'));
    children.push(P(r.decisionFacts ?? ''));
    children.push(H('本机关认为'));
    children.push(P(r.decisionReasoning ?? ''));
    children.push(P(`依照《中华人民共和国行政复议法》${ARTICLE_ZH[d.basis] ?? d.basis}的规定，本机关决定：${d.label}。${r.outcome === 'orderPerform' && r.performWithinDays ? `被申请人应当自收到本决定书之日起${r.performWithinDays}日内履行。` : ''}`));
    children.push(P('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'));
  }
  children.push(blankPara(), signaturePara(body), signaturePara(chineseDate(dated)));
  return { filename: `${title}（${row.refNo}）.docx`, buffer: await gongwenDocx(title, children) };
}

/**
 * 行政复议意见书 / 建议书 (第76条), to its addressee, in the 复议机关's name: what the case found, the
 * correction asked for, and the 60 days to report it.
 */
export async function opinionDocx(tx: Tx, kernel: Kernel, opinionCaseId: string): Promise<{ filename: string; buffer: Buffer }> {
  const row = await getCase(tx, opinionCaseId);
  const o = await repo.getOpinion(tx, opinionCaseId);
  const rc = o ? await getCase(tx, o.reconsiderationCaseId) : null;
  const r = o ? await repo.get(tx, o.reconsiderationCaseId) : null;
  if (!row || !o || !rc || !r) throw new AppError('NOT_FOUND');
  const orgs = (await tenancy.listOrgs(tx, siteDivisionCode(kernel))).map((x) => x.org);
  const body = orgs.find((x) => x.kind === 'government' && x.divisionCode === siteDivisionCode(kernel))?.name ?? '行政复议机关';
  const addressee = (await tenancy.getOrg(tx, o.orgId))?.name ?? '';
  const respondent = (await tenancy.getOrg(tx, r.orgId))?.name ?? '';
  const title = `行政复议${o.kind}`;
  const children = [titlePara(title), centredPara(`（${o.issuedOn.slice(0, 4)}）编号${row.refNo}`), blankPara()];
  children.push(bodyPara([run(`${addressee}：`)], false));
  children.push(P(`本机关在办理${rc.applicantName ?? '申请人'}不服${respondent}${r.actDescription}行政复议一案（案号${rc.refNo}）过程中，发现${o.orgId === r.orgId ? '你单位' : '有关'}行政行为存在以下违法或者不当的问题：`));
  children.push(P(o.problems));
  children.push(H('意见和建议'));
  children.push(P(o.suggestions));
  children.push(P('依照《中华人民共和国行政复议法》第七十六条的规定，请你单位自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关。'));
  children.push(blankPara(), signaturePara(body), signaturePara(chineseDate(o.issuedOn)));
  return { filename: `${title}（${row.refNo}）.docx`, buffer: await gongwenDocx(title, children) };
}
