/** The bundles' case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const bundleList: CaseListDeclaration = {
  title: '“一件事”办件', path: '/api/bundles', columns: caseColumns({ refNo: '编号', title: '“一件事”', applicant: '申请人' }),
};
