import { CaseListPage } from '../../../core/web/case-list';

/** Every 办件 the user can see, newest first (the 工作台 shows only what awaits them). */
export function ApplicationsPage() {
  return <CaseListPage title="办件查询" endpoint="/api/applications" columns={{ refNo: '办件编号', title: '事项', applicant: '申请人' }} />;
}
