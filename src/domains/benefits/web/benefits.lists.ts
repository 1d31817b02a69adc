/** The benefits domain's case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const policyList: CaseListDeclaration = { title: '惠企政策兑现事项', path: '/api/benefit-policies', columns: caseColumns({ refNo: '编号', title: '政策', applicant: '发布机关' }) };
export const objectionList: CaseListDeclaration = { title: '兑现结果异议', path: '/api/benefit-objections', columns: caseColumns({ refNo: '编号', title: '异议', applicant: '提出人' }) };
