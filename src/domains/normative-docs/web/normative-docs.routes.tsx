import { FileProtectOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { normativeDocList } from './normative-docs.lists';
import { PublicNormativeDocsPage } from './public-normative-docs.page';
import { PublicConsultationPage } from './public-consultation.page';
import { NormativeDocPage } from './normative-doc.page';

export const routes: WebRoute[] = [
  { path: '/normative-docs', name: '规范性文件', icon: <FileProtectOutlined />, element: <CaseListPage list={normativeDocList} />, permission: 'normativeDoc.read', group: '法治政府' },
  { path: '/normative-docs/:id', name: '规范性文件详情', element: <NormativeDocPage />, permission: 'normativeDoc.read', hideInMenu: true },
  { path: '/public/normative-docs/drafts/:id', name: '规范性文件征求意见稿', element: <PublicConsultationPage />, public: true },
  { path: '/public/normative-docs', name: '规范性文件目录', element: <PublicNormativeDocsPage />, public: true },
];
