import { defineDomain } from '../../../core/server';
import { mediationMachine } from '../shared/mediation.machine';
import { mediationSettings } from './mediation.config';
import { mediationRoutes } from './mediation.routes';
import { mediationMetrics } from './mediation.metrics';
import { confirmClosingRemindJob } from './mediation.jobs';
import { mediationChecks, mediationHandlers, present } from './mediation.service';
import { seedMediationDemo } from './mediation.seed';
import { disputes, populations, screenings, sessions } from './mediation.tables';

const MEDIATE = ['mediation.read', 'mediation.register', 'mediation.handle'];

export default defineDomain({
  name: 'mediation',
  tables: [disputes, sessions, screenings, populations],
  config: mediationSettings,
  permissions: {
    'mediation.read': '查看矛盾纠纷调解', 'mediation.register': '登记矛盾纠纷', 'mediation.handle': '调解（记录调解、协议、司法确认、回访、排查）',
    'mediation.population': '登记各区划常住人口（万人调解率分母）',
  },
  roles: [
    // Granted at a village (社区) or township 调委会: the role's division scope covers the disputes there.
    { key: 'peopleMediator', name: '人民调解员', scope: 'division', description: '村（居）、乡镇（街道）人民调解委员会：登记和调解矛盾纠纷、排查、回访' },
    // 司法局 基层科: guides the 调委会, keeps the population register, reads the county's figures.
    { key: 'mediationAdmin', name: '人民调解管理员', scope: 'division', description: '司法局：指导人民调解工作，登记常住人口，查看全区调解统计' },
  ],
  grants: {
    peopleMediator: MEDIATE,
    mediationAdmin: [...MEDIATE, 'mediation.population', 'metrics.read'],
    leader: ['mediation.read'],
    // The 12345 centre follows what became of a ticket it passed to mediation (to answer the caller).
    hotlineOperator: ['mediation.read'],
  },
  caseTypes: [{ machine: mediationMachine, refPrefix: 'TJ', present: (tx, row) => present(tx, row), link: (row) => `/mediation/${row.id}`, on: mediationHandlers, checks: mediationChecks }],
  // A dispute that came in as a 12345 ticket; the ticket shows 转人民调解.
  caseLinks: [{ kind: 'mediatesTicket', label: '来源12345工单', inverseLabel: '转人民调解' }],
  jobs: [confirmClosingRemindJob()],
  routes: mediationRoutes,
  metrics: mediationMetrics,
  seedDemo: seedMediationDemo,
  seedAfter: ['hotline', 'litigation'],
  // hotlineOperator is declared by hotline; roles resolve before grants, whichever domain loads first.
});
