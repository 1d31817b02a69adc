/** The litigation domain's case list, as data: the kernel's CaseListPage renders it. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const suitList: CaseListDeclaration = {
  title: '行政应诉案件', path: '/api/litigations', columns: caseColumns({ refNo: '编号', title: '案件', applicant: '原告' }),
};
