import { AuditOutlined, FileAddOutlined, FileSearchOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { rectificationList, supervisionList } from './case-file-review.lists';
import { JointMeetingsPage, NewSupervisionPage } from './supervision.page';
import { CampaignListPage, CampaignPage, NewCampaignPage, ScoreFilePage } from './case-file-review.page';

export const routes: WebRoute[] = [
  { path: '/case-file-review', name: '案卷评查', icon: <FileSearchOutlined />, element: <CampaignListPage />, permission: 'caseReview.manage', group: '法治政府' },
  { path: '/case-file-review/new', name: '新建评查活动', element: <NewCampaignPage />, permission: 'caseReview.manage', hideInMenu: true },
  { path: '/case-file-review/files/:id', name: '案卷评查表', element: <ScoreFilePage />, permission: 'caseReview.read', hideInMenu: true },
  { path: '/case-file-review/:id', name: '评查活动', element: <CampaignPage />, permission: 'caseReview.read', hideInMenu: true },
  { path: '/case-file-review/rectifications', name: '评查整改', icon: <ToolOutlined />, element: <CaseListPage list={rectificationList} />, permission: 'caseReview.read', group: '法治政府' },
  { path: '/supervision', name: '行政执法监督', icon: <AuditOutlined />, element: <CaseListPage list={supervisionList} />, permission: 'supervision.read', group: '法治政府' },
  { path: '/supervision/new', name: '受理监督事项', icon: <FileAddOutlined />, element: <NewSupervisionPage />, permission: 'supervision.manage', group: '法治政府' },
  { path: '/supervision/notices', name: '收到的监督意见书', icon: <AuditOutlined />, element: <CaseListPage list={supervisionList} />, permission: 'supervision.handle', group: '法治政府' },
  { path: '/supervision/joint-meetings', name: '行政执法联席会议', icon: <TeamOutlined />, element: <JointMeetingsPage />, permission: 'supervision.read', group: '法治政府' },
];
