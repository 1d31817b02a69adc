import { FileProtectOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { PublicNormativeDocsPage } from './public-normative-docs.page';
import { PublicConsultationPage } from './public-consultation.page';
import { NormativeDocPage } from './normative-doc.page';

export const routes: WebRoute[] = [
  { path: '/normative-docs', name: '规范性文件', icon: <FileProtectOutlined />, element: <CaseListPage title="行政规范性文件" endpoint="/api/normative-docs" columns={{ refNo: '编号', title: '文件名称', applicant: '起草单位' }} />, permission: 'normativeDoc.read', group: '法治政府' },
  { path: '/normative-docs/:id', name: '规范性文件详情', element: <NormativeDocPage />, permission: 'normativeDoc.read', hideInMenu: true },
  { path: '/public/normative-docs/drafts/:id', name: '规范性文件征求意见稿', element: <PublicConsultationPage />, public: true },
  { path: '/public/normative-docs', name: '规范性文件目录', element: <PublicNormativeDocsPage />, public: true },
];
