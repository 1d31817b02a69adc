/** The disclosure domain's case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const disclosureRequestList: CaseListDeclaration = {
  title: '政府信息公开申请', path: '/api/disclosure-requests', columns: caseColumns({ refNo: '申请编号', title: '申请内容', applicant: '申请人' }),
};
