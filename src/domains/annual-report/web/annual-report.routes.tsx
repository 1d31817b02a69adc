import { FileTextOutlined, CheckSquareOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { AnnualReportListPage } from './annual-report-list.page';
import { AnnualReportEditorPage } from './annual-report-editor.page';
import { ReportCheckPage } from './report-check.page';
import { PublicReportPage, PublicReportsPage } from './public-reports.page';

export const routes: WebRoute[] = [
  { path: '/annual-reports', name: '年度报告', icon: <FileTextOutlined />, element: <AnnualReportListPage />, permission: 'annualReport.read', group: '法治政府' },
  { path: '/annual-reports/:id', name: '年度报告', element: <AnnualReportEditorPage />, permission: 'annualReport.read', hideInMenu: true },
  { path: '/report-check', name: '报告数字核对', icon: <CheckSquareOutlined />, element: <ReportCheckPage />, group: '法治政府' },
  { path: '/public/reports', name: '法治政府建设年度报告（公开）', element: <PublicReportsPage />, public: true },
  { path: '/public/reports/:id', name: '年度报告', element: <PublicReportPage />, public: true },
  { path: '/public/report-check', name: '报告数字核对', element: <ReportCheckPage />, public: true },
];
