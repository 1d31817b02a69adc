import { defineDomain } from '../../../core/server';
import { hotlineSettings } from './hotline.config';
import { letterMachine, ticketMachine } from '../shared/hotline.machine';
import { hotlineRoutes } from './hotline.routes';
import { open311Routes } from './open311.routes';
import { hotlineMetrics } from './hotline.metrics';
import { letterHandlers, ticketChecks, ticketHandlers, presentLetter, presentTicket } from './hotline.service';
import { seedHotlineDemo } from './hotline.seed';
import { tickets, dispatchRules, letters, open311Clients } from './hotline.tables';

export default defineDomain({
  name: 'hotline',
  tables: [tickets, dispatchRules, letters, open311Clients],
  config: hotlineSettings,
  permissions: {
    'ticket.file': '登记12345工单', 'ticket.read': '查看12345工单', 'ticket.dispatch': '派单、并单、督办和回访', 'ticket.handle': '签收、退单和答复工单', 'ticket.extend': '批准工单延期', 'ticket.catalog': '维护派单目录',
    'letter.file': '给市长信箱写信', 'letter.read': '查看市长信箱来信', 'letter.assign': '转办来信', 'letter.reply': '答复来信',
  },
  roles: [{ key: 'hotlineOperator', name: '12345热线话务员', scope: 'division', description: '登记、派单、并单、督办、回访12345工单，转办市长信箱来信' }],
  grants: {
    hotlineOperator: ['ticket.file', 'ticket.read', 'ticket.dispatch', 'ticket.catalog', 'letter.read', 'letter.assign', 'letter.reply', 'metrics.read'],
    // 谁主管、谁负责: the department a ticket is dispatched to signs for it, returns it or answers it.
    clerk: ['ticket.read', 'ticket.handle', 'letter.read', 'letter.reply'],
    director: ['ticket.read', 'ticket.handle', 'ticket.extend', 'letter.read', 'letter.reply'],
    leader: ['ticket.read', 'letter.read'],
    applicant: ['ticket.file', 'ticket.read', 'letter.file', 'letter.read'],
  },
  caseTypes: [
    { machine: ticketMachine, refPrefix: 'RX', present: (tx, row, _actor, kernel) => presentTicket(tx, kernel, row), on: ticketHandlers, checks: ticketChecks },
    { machine: letterMachine, refPrefix: 'XX', present: (tx, row) => presentLetter(tx, row.id), on: letterHandlers },
  ],
  routes: async (app, kernel) => { await hotlineRoutes(app, kernel); await open311Routes(app, kernel); },
  metrics: hotlineMetrics,
  seedDemo: seedHotlineDemo,
  seedAfter: ['catalog', 'applications'],
});
