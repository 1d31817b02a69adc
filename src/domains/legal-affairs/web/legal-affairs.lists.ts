/** Legal affairs' case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const contractReviewList: CaseListDeclaration = {
  title: '合同合法性审查', path: '/api/contract-reviews', columns: caseColumns({ refNo: '编号', title: '文件名称', applicant: '送审单位' }),
};
