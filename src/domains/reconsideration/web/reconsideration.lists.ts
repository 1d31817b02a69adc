/** The reconsideration domain's case list, as data: the kernel's CaseListPage renders it. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const reconsiderationList: CaseListDeclaration = {
  title: '行政复议案件', path: '/api/reconsiderations', columns: caseColumns({ refNo: '案件编号', title: '案由', applicant: '申请人' }),
};
