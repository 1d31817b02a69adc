import { FileSearchOutlined, ToolOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { rectificationList } from './case-file-review.lists';
import { CampaignListPage, CampaignPage, NewCampaignPage, ScoreFilePage } from './case-file-review.page';

export const routes: WebRoute[] = [
  { path: '/case-file-review', name: '案卷评查', icon: <FileSearchOutlined />, element: <CampaignListPage />, permission: 'caseReview.manage', group: '法治政府' },
  { path: '/case-file-review/new', name: '新建评查活动', element: <NewCampaignPage />, permission: 'caseReview.manage', hideInMenu: true },
  { path: '/case-file-review/files/:id', name: '案卷评查表', element: <ScoreFilePage />, permission: 'caseReview.read', hideInMenu: true },
  { path: '/case-file-review/:id', name: '评查活动', element: <CampaignPage />, permission: 'caseReview.read', hideInMenu: true },
  { path: '/case-file-review/rectifications', name: '评查整改', icon: <ToolOutlined />, element: <CaseListPage list={rectificationList} />, permission: 'caseReview.read', group: '法治政府' },
];
