import { AccountBookOutlined, AuditOutlined, DatabaseOutlined, FileDoneOutlined, GiftOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { objectionList, policyList } from './benefits.lists';
import { NewPolicyPage, PayoutsPage, PolicyPage, RegisterPage, ScansPage, UnclaimedPage } from './benefits.pages';
import { MyBenefitsPage, PublicityPage } from './public-benefits.page';

const G = '惠企政策免申即享';

export const routes: WebRoute[] = [
  { path: '/benefits/policies', name: '兑现事项', icon: <GiftOutlined />, element: <><div style={{ padding: '12px 24px 0' }}><Link to="/benefits/policies/new"><Button type="primary">起草兑现事项</Button></Link></div><CaseListPage list={policyList} /></>, permission: 'benefitPolicy.read', group: G },
  { path: '/benefits/policies/new', name: '起草兑现事项', element: <NewPolicyPage />, permission: 'benefitPolicy.author', hideInMenu: true },
  { path: '/benefits/policies/:id', name: '兑现事项详情', element: <PolicyPage />, permission: 'benefitPolicy.read', hideInMenu: true },
  { path: '/benefits/scans', name: '全县比对', icon: <FileDoneOutlined />, element: <ScansPage />, permission: 'benefits.read', group: G },
  { path: '/benefits/objections', name: '兑现异议', icon: <AuditOutlined />, element: <CaseListPage list={objectionList} />, permission: 'benefitObjection.read', group: G },
  { path: '/benefits/payouts', name: '拨付和对账', icon: <AccountBookOutlined />, element: <PayoutsPage />, permission: 'benefits.read', group: G },
  { path: '/benefits/unclaimed', name: '应享未享', icon: <WarningOutlined />, element: <UnclaimedPage />, permission: 'benefits.read', group: G },
  { path: '/benefits/register', name: '登记库数据', icon: <DatabaseOutlined />, element: <RegisterPage />, permission: 'benefits.register', group: G },
  { path: '/public/benefits', name: '免申即享', element: <MyBenefitsPage />, public: true },
  { path: '/public/benefits/publicity', name: '惠企政策兑现公示', element: <PublicityPage />, public: true },
];
