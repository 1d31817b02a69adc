import { AuditOutlined, SafetyCertificateOutlined, ScanOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { inspectionList, penaltyList } from './enforcement.lists';
import { FilePenaltyPage, InspectionPage, PenaltyPage, RegisterInspectionPage } from './enforcement.page';
import { FirmVisitPage, PublicDecisionsPage } from './enforcement-public.page';

export const routes: WebRoute[] = [
  { path: '/enforcement/inspections', name: '涉企行政检查', icon: <ScanOutlined />, element: <CaseListPage list={inspectionList} />, permission: 'inspection.read', group: '法治政府' },
  { path: '/enforcement/inspections/new', name: '登记检查（扫码入企）', element: <RegisterInspectionPage />, permission: 'inspection.register', group: '法治政府' },
  { path: '/enforcement/inspections/:id', name: '检查详情', element: <InspectionPage />, permission: 'inspection.read', hideInMenu: true },
  { path: '/enforcement/penalties', name: '行政处罚', icon: <AuditOutlined />, element: <CaseListPage list={penaltyList} />, permission: 'penalty.read', group: '法治政府' },
  { path: '/enforcement/penalties/new', name: '行政处罚立案', icon: <SafetyCertificateOutlined />, element: <FilePenaltyPage />, permission: 'penalty.handle', group: '法治政府' },
  { path: '/enforcement/penalties/:id', name: '行政处罚案件', element: <PenaltyPage />, permission: 'penalty.read', hideInMenu: true },
  { path: '/public/inspection/:token', name: '行政检查核验', element: <FirmVisitPage />, public: true },
  { path: '/public/enforcement', name: '行政执法公示', element: <PublicDecisionsPage />, public: true },
];
