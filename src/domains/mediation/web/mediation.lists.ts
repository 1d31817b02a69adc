/** The mediation domain's case list, as data: the kernel's CaseListPage renders it. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const disputeList: CaseListDeclaration = {
  title: '矛盾纠纷', path: '/api/mediations', columns: caseColumns({ refNo: '纠纷编号', title: '纠纷', applicant: '申请人' }),
};
