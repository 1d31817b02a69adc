/**
 * Life of one version of an item's guide: draft → published → withdrawn. Not a kernel case (no
 * applicant, no clock), but declared as data in the same form so the rule, the editor's buttons and
 * the tests read one table. Versions are immutable once published, because every 办件 keeps the id of
 * the version it was filed under; a change is a new draft that supersedes the published version when
 * it is published (at most one published version per item, enforced by a partial unique index too).
 */
import { defineMachine } from '../../../core/shared/machine';
import { assessGuide, type GuideForCheck } from './catalog.completeness';

export const catalogVersionMachine = defineMachine({
  type: 'catalog',
  plural: 'catalog-versions',
  label: '事项版本',
  initial: 'draft',
  states: {
    draft: { label: '草稿', color: 'default' },
    published: { label: '已发布', color: 'success' },
    withdrawn: { label: '已撤销', color: 'error', terminal: true },
  },
  clocks: {},
  events: {
    edit: { label: '修改草稿', from: ['draft'], to: 'draft', permission: 'catalog.manage' },
    publish: {
      label: '发布', from: ['draft'], to: 'published', permission: 'catalog.publish',
      // An incomplete guide cannot go to the public (service-catalog.md §2.4: 100% per item).
      guard: ({ data }) => {
        const c = assessGuide(data as GuideForCheck);
        return c.complete ? null : `办事指南要素不完整（${c.filled}/${c.total}），不能发布：${c.missing.map((m) => m.label).join('、')}`;
      },
    },
    withdraw: { label: '撤销', from: ['published'], to: 'withdrawn', permission: 'catalog.publish', danger: true, confirm: '撤销后公众将看不到该事项，也不能再申请。确定撤销？' },
    /** A newer version was published: the old one leaves the public catalog but stays for its 办件. */
    supersede: { label: '被新版本替代', from: ['published'], to: 'withdrawn', permission: 'catalog.publish', system: true },
  },
});

export type VersionEvent = keyof typeof catalogVersionMachine.events;
