import { defineDomain, defineJob } from '../../../core/server';
import { applicationMachine } from '../shared/enforcement-credentials.machine';
import { credentialSettings } from './enforcement-credentials.config';
import { credentialMetrics } from './enforcement-credentials.metrics';
import { seedCredentialsDemo } from './enforcement-credentials.seed';
import { credentialRoutes } from './enforcement-credentials.routes';
import { applicationChecks, applicationHandlers, presentApplication, runCredentialReminders } from './enforcement-credentials.service';
import { credentialReminders, credentials, exams, holders, reviews, suspensions, trainings } from './enforcement-credentials.tables';

const READ = ['credential.read', 'credentialApplication.read'];

export default defineDomain({
  name: 'enforcement-credentials',
  tables: [holders, exams, credentials, suspensions, reviews, trainings, credentialReminders],
  config: credentialSettings,
  permissions: {
    'credential.read': '查看执法人员和执法证件台账',
    'credential.register': '登记本单位执法人员、培训和考试记录',
    'credential.manage': '执法证件管理（年审、暂扣、注销、培训导入）',
    'credentialApplication.read': '查看执法证件申领',
    'credentialApplication.submit': '申领执法证件（单位）',
    'credentialApplication.review': '审核申领并核发执法证件（司法局）',
  },
  grants: {
    // The org keeps its own people and applies (org scope); the justice bureau's legality reviewer runs
    // the division's register (division scope).
    reviewer: [...READ, 'credential.register', 'credentialApplication.submit'],
    director: [...READ, 'credential.register', 'credentialApplication.submit'],
    legalReviewer: [...READ, 'credential.register', 'credential.manage', 'credentialApplication.review', 'metrics.read'],
    leader: READ,
  },
  caseTypes: [{ machine: applicationMachine, refPrefix: 'ZJ', present: (tx, row) => presentApplication(tx, row), on: applicationHandlers, checks: applicationChecks }],
  routes: credentialRoutes,
  // Hourly across all processes (the jobs table dedupes the slot); a run sends only what is not yet sent.
  jobs: [defineJob({ name: 'credentials.remind', everySeconds: 3600, maxAttempts: 3, handler: async (kernel) => { await runCredentialReminders(kernel); } })],
  metrics: credentialMetrics,
  seedDemo: seedCredentialsDemo,
  // legal_sfj (韩雪, the justice bureau's legalReviewer) is created by major-decisions' seed.
  seedAfter: ['major-decisions'],
});
