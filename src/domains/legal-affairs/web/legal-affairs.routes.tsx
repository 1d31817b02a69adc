import { AuditOutlined, SolutionOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { contractReviewList } from './legal-affairs.lists';
import { ContractReviewPage, SubmitContractPage } from './contract-reviews.page';
import { CounselPage } from './counsel.page';

export const routes: WebRoute[] = [
  { path: '/legal-affairs/contract-reviews', name: '合同审查', icon: <AuditOutlined />, element: <CaseListPage list={contractReviewList} />, permission: 'contractReview.read', group: '法治政府' },
  { path: '/legal-affairs/contract-reviews/new', name: '送审合同', element: <SubmitContractPage />, permission: 'contractReview.submit', group: '法治政府' },
  { path: '/legal-affairs/contract-reviews/:id', name: '合同审查详情', element: <ContractReviewPage />, permission: 'contractReview.read', hideInMenu: true },
  { path: '/legal-affairs/counsel', name: '法律顾问', icon: <SolutionOutlined />, element: <CounselPage />, permission: 'legalCounsel.read', group: '法治政府' },
];
