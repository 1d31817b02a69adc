/** The enforcement domain's case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const inspectionList: CaseListDeclaration = {
  title: '涉企行政检查', path: '/api/inspections', columns: caseColumns({ refNo: '检查编号', title: '企业和检查事项', applicant: '被检查企业' }),
};
export const penaltyList: CaseListDeclaration = {
  title: '行政处罚案件', path: '/api/penalties', columns: caseColumns({ refNo: '案件编号', title: '案件', applicant: '当事人' }),
};
