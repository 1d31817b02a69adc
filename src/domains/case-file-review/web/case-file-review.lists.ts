/** Case-file review's case list, as data: the kernel's CaseListPage renders it (a unit sees its own). */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const rectificationList: CaseListDeclaration = {
  title: '评查整改', path: '/api/rectifications', columns: caseColumns({ refNo: '整改编号', title: '评查活动和单位', applicant: '单位' }),
};
