/** Case-file review's case list, as data: the kernel's CaseListPage renders it (a unit sees its own). */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const rectificationList: CaseListDeclaration = {
  title: '评查整改', path: '/api/rectifications', columns: caseColumns({ refNo: '整改编号', title: '评查活动和单位', applicant: '单位' }),
};

/** 执法监督事项: the bureau sees its division's, a unit the matters on itself. */
export const supervisionList: CaseListDeclaration = {
  title: '行政执法监督', path: '/api/supervisions', columns: caseColumns({ refNo: '监督事项编号', title: '被监督单位和事项', applicant: '被监督单位' }),
};
