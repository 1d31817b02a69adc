import { defineDomain } from '../../../core/server';
import { disclosureSettings } from './disclosure.config';
import { disclosureRequestMachine } from '../shared/disclosure.machine';
import { disclosureRoutes } from './disclosure.routes';
import { disclosureMetrics } from './disclosure.metrics';
import { requestChecks, requestHandlers, presentRequest } from './disclosure.service';
import { seedDisclosureDemo } from './disclosure.seed';
import { disclosureItems, disclosureRequests } from './disclosure.tables';

export default defineDomain({
  name: 'disclosure',
  tables: [disclosureItems, disclosureRequests],
  config: disclosureSettings,
  permissions: {
    'disclosure.publish': '发布主动公开信息', 'disclosure.report': '查看和导出政府信息公开年度统计表',
    'disclosureRequest.read': '查看政府信息公开申请', 'disclosureRequest.handle': '办理政府信息公开申请（补正、征求意见、答复）',
    'disclosureRequest.extend': '批准延长答复期限（信息公开工作机构负责人）', 'disclosureRequest.correct': '提交补正',
  },
  grants: {
    // 谁制作、谁公开; the body that holds the information answers the request (第10条).
    clerk: ['disclosure.publish', 'disclosureRequest.read', 'disclosureRequest.handle', 'disclosureRequest.correct'],
    director: ['disclosure.publish', 'disclosure.report', 'disclosureRequest.read', 'disclosureRequest.handle', 'disclosureRequest.extend'],
    leader: ['disclosure.report', 'disclosureRequest.read'],
    applicant: ['disclosureRequest.read', 'disclosureRequest.correct'],
  },
  caseTypes: [{ machine: disclosureRequestMachine, refPrefix: 'GK', present: (tx, row) => presentRequest(tx, row.id), on: requestHandlers, checks: requestChecks }],
  routes: disclosureRoutes,
  metrics: disclosureMetrics,
  seedDemo: seedDisclosureDemo,
  seedAfter: ['catalog', 'applications'],
});
