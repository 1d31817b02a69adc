/** The application cases' list, as data: the kernel's CaseListPage renders it. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const applicationList: CaseListDeclaration = {
  title: '执法证件申领', path: '/api/credential-applications', columns: caseColumns({ refNo: '申领编号', title: '申领事项', applicant: '执法人员' }),
};
