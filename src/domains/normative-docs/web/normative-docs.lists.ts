/** Normative documents' case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const normativeDocList: CaseListDeclaration = {
  title: '行政规范性文件', path: '/api/normative-docs', columns: caseColumns({ refNo: '编号', title: '文件名称', applicant: '起草单位' }),
};
