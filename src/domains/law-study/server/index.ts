import { defineDomain } from '../../../core/server';
import { lawStudySettings } from './law-study.config';
import { lawStudyRoutes } from './law-study.routes';
import { lawStudyMetrics } from './law-study.metrics';
import { seedLawStudyDemo } from './law-study.seed';
import { attempts, attendance, exams, meetings, officials, questions, sessions, materials, shufa } from './law-study.tables';

export default defineDomain({
  name: 'law-study',
  tables: [officials, sessions, materials, attendance, questions, exams, attempts, shufa, meetings],
  config: lawStudySettings,
  permissions: {
    'lawStudy.read': '查看学法用法记录（学法、考试成绩、述法、法治建设会议）',
    'lawStudy.record': '登记本单位学法活动和旁听庭审',
    'lawStudy.manage': '管理题库和学法考试、登记述法和法治建设会议',
  },
  roles: [
    { key: 'lawStudyAdmin', name: '学法考试管理员', scope: 'division', description: '依法治区办（司法局）：维护题库、组织学法考试、登记述法和法治建设会议' },
  ],
  grants: {
    lawStudyAdmin: ['lawStudy.read', 'lawStudy.record', 'lawStudy.manage', 'metrics.read'],
    leader: ['lawStudy.read'],
    // A department records its own sessions; its head reads its own figures.
    director: ['lawStudy.read', 'lawStudy.record'],
  },
  routes: lawStudyRoutes,
  metrics: lawStudyMetrics,
  seedDemo: seedLawStudyDemo,
});
