import { AuditOutlined, FormOutlined, ReadOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { SessionsPage } from './sessions.page';
import { ExamsPage } from './exams.page';
import { AttemptPage } from './attempt.page';
import { BankPage } from './bank.page';
import { UnitRatesPage } from './units.page';
import { ShufaPage } from './shufa.page';

export const routes: WebRoute[] = [
  { path: '/law-study', name: '学法活动', icon: <ReadOutlined />, element: <SessionsPage />, permission: ['lawStudy.read', 'lawStudy.record'], group: '法治政府' },
  // Every member of staff may sit the exams of their division (the register is made on first visit).
  { path: '/law-exams', name: '学法考试', icon: <FormOutlined />, element: <ExamsPage />, group: '法治政府' },
  { path: '/law-exams/bank', name: '题库和试题分析', element: <BankPage />, permission: 'lawStudy.manage', hideInMenu: true },
  { path: '/law-exams/attempts/:id', name: '答题', element: <AttemptPage />, hideInMenu: true },
  { path: '/law-exams/:id/units', name: '各单位合格率', element: <UnitRatesPage />, permission: 'lawStudy.read', hideInMenu: true },
  { path: '/law-study/shufa', name: '述法和法治建设会议', icon: <AuditOutlined />, element: <ShufaPage />, permission: 'lawStudy.read', group: '法治政府' },
];
