/** The hotline's case lists, as data: the kernel's CaseListPage renders them. */
import { caseColumns, type CaseListDeclaration } from '../../../core/web/case-list';

export const ticketList: CaseListDeclaration = {
  title: '12345工单', path: '/api/tickets', columns: caseColumns({ refNo: '工单编号', title: '标题', applicant: '诉求人' }),
};

export const letterList: CaseListDeclaration = {
  title: '市长信箱来信', path: '/api/letters', columns: caseColumns({ refNo: '信件编号', title: '标题', applicant: '来信人' }),
};
