import { defineDomain } from '../../../core/server';
import { objectionMachine, policyMachine } from '../shared/benefits.machine';
import { benefitsSettings } from './benefits.config';
import { scanJob } from './benefits.jobs';
import { benefitsMetrics } from './benefits.metrics';
import { benefitsRoutes } from './benefits.routes';
import { seedBenefitsDemo } from './benefits.seed';
import { objectionChecks, objectionHandlers, policyChecks, policyHandlers, presentObjection, presentPolicy } from './benefits.service';
import { batches, facts, ledger, objections, payoutBatches, policyVersions, results, scans, subjects } from './benefits.tables';

const POLICY_READ = ['benefitPolicy.read', 'benefits.read'];
const VERIFY = ['benefitObjection.read', 'benefitObjection.verify'];

export default defineDomain({
  name: 'benefits',
  tables: [batches, subjects, facts, policyVersions, scans, results, payoutBatches, ledger, objections],
  config: benefitsSettings,
  permissions: {
    'benefitPolicy.read': '查看惠企政策兑现事项',
    'benefitPolicy.author': '起草和修订惠企政策兑现事项（政策主管部门）',
    'benefitPolicy.review': '惠企政策合法性审查（司法局）',
    'benefitPolicy.approve': '审定发布、废止惠企政策兑现事项',
    'benefitObjection.read': '查看兑现结果异议',
    'benefitObjection.verify': '核实异议、更正登记数据',
    'benefitObjection.withdraw': '撤回异议',
    'benefits.read': '查看比对结果、拨付台账和应享未享清单',
    'benefits.register': '导入登记库数据（交换文件、数据共享平台）',
    'benefits.scan': '发起全县数据比对',
    'benefits.pay': '生成拨付批次、对账',
  },
  roles: [
    { key: 'benefitsOfficer', name: '惠企政策兑现专员', scope: 'division', description: '营商环境或政数部门：归集登记数据、发起全县比对、公示、拨付和对账' },
  ],
  grants: {
    benefitsOfficer: [...POLICY_READ, ...VERIFY, 'benefits.register', 'benefits.scan', 'benefits.pay', 'metrics.read'],
    // The department that owns a policy drafts it, answers objections to it, and follows its payouts (org scope).
    reviewer: [...POLICY_READ, 'benefitPolicy.author', ...VERIFY],
    director: [...POLICY_READ, 'benefitPolicy.author', ...VERIFY],
    legalReviewer: ['benefitPolicy.read', 'benefitPolicy.review'],
    leader: [...POLICY_READ, 'benefitPolicy.approve', 'benefitObjection.read'],
    applicant: ['benefitObjection.read', 'benefitObjection.withdraw'],
  },
  caseTypes: [
    { machine: policyMachine, refPrefix: 'HQ', present: (tx, row) => presentPolicy(tx, row), link: (row) => `/benefits/policies/${row.id}`, on: policyHandlers, checks: policyChecks },
    { machine: objectionMachine, refPrefix: 'YY', present: (tx, row, _a, kernel) => presentObjection(tx, kernel, row), on: objectionHandlers, checks: objectionChecks },
  ],
  routes: benefitsRoutes,
  jobs: [scanJob],
  metrics: benefitsMetrics,
  seedDemo: seedBenefitsDemo,
  seedAfter: ['major-decisions', 'legal-affairs'],
});
