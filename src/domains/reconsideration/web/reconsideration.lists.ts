/** The reconsideration domain's case list, as data: the kernel's CaseListPage renders it. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const reconsiderationList: CaseListDeclaration = {
  title: '行政复议案件', path: '/api/reconsiderations', columns: caseColumns({ refNo: '案件编号', title: '案由', applicant: '申请人' }),
};

/** The 意见书 and 建议书 (第76条) the reader may see: all for the bureau, its own for an addressee. */
export const opinionList: CaseListDeclaration = {
  title: '行政复议意见书、建议书', path: '/api/reconsideration-opinions', columns: caseColumns({ refNo: '文书编号', title: '标题', applicant: '主送机关' }),
};
