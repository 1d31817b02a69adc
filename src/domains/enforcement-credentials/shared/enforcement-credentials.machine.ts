/**
 * 申领行政执法证件: the org applies for a card for one of its people, the justice bureau (司法局, the
 * government's enforcement-supervision body: 行政执法监督条例 国务院令第825号, read only in its opening
 * articles) reviews the holder's eligibility — 在编在职, passed exams — and issues a numbered card, sends
 * it back for correction, or refuses. Renewal on expiry is a new application marked `renews`.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';
import { CREDENTIAL_KINDS } from './enforcement-credentials.labels';

const reason = (title: string) => z.object({ reason: z.string().trim().min(2, `请填写${title}`).max(500, `${title}不能超过500个字`).meta({ title }) });

/** The facts an application keeps in `cases.data`. */
export const CredentialApplicationData = z.object({
  /** The holder (执法人员) the card is for. */
  holderId: z.uuid(),
  /** The holder's name when applied for. */
  holderName: z.string(),
  /** The kind of card (证件种类). */
  kind: z.enum(CREDENTIAL_KINDS),
  /** The enforcement scope (执法范围) printed on the card. */
  scope: z.string(),
  /** The card this application renews (换证); null for a first card. */
  renews: z.uuid().nullable(),
});

export const applicationMachine = defineMachine({
  type: 'credentialApplication',
  plural: 'credential-applications',
  label: '执法证件申领',
  data: CredentialApplicationData,
  initial: 'submitted',
  states: {
    submitted: { label: '待司法局审核', color: 'processing' },
    returned: { label: '退回补正', color: 'warning' },
    issued: { label: '已发证', color: 'success', terminal: true },
    refused: { label: '不予发证', color: 'error', terminal: true },
    withdrawn: { label: '已撤回', color: 'default', terminal: true },
  },
  clocks: {
    // No statute sets it: the justice bureau's own service promise (a setting would need a function limit).
    review: { label: '审核期限', unit: 'workday', limit: 20, legalBasis: '本地规定：司法局自收到申领之日起20个工作日内审核发证', primary: true, warnBefore: 3 },
  },
  initialClocks: ['review'],
  events: {
    issue: {
      label: '审核通过并发证', from: ['submitted'], to: 'issued', permission: 'credentialApplication.review',
      clocks: [{ op: 'stop', clock: 'review' }],
      confirm: '核发证件并生成证号；持证人须为在编在职人员且已通过法律知识考试',
    },
    return: {
      label: '退回补正', from: ['submitted'], to: 'returned', permission: 'credentialApplication.review', input: reason('退回理由'),
      clocks: [{ op: 'pause', clock: 'review', reason: '退回补正' }],
    },
    resubmit: { label: '补正后重新提交', from: ['returned'], to: 'submitted', permission: 'credentialApplication.submit', clocks: [{ op: 'resume', clock: 'review' }] },
    refuse: {
      label: '不予发证', from: ['submitted'], to: 'refused', permission: 'credentialApplication.review', input: reason('不予发证理由'),
      clocks: [{ op: 'stop', clock: 'review' }],
    },
    withdraw: { label: '撤回申领', from: ['submitted', 'returned'], to: 'withdrawn', permission: 'credentialApplication.submit', clocks: [{ op: 'stop', clock: 'review' }] },
  },
});
