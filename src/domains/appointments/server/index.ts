import { defineDomain } from '../../../core/server';
import { appointmentRoutes } from './appointments.routes';
import { appointmentMetrics } from './appointments.metrics';
import { seedAppointmentsDemo } from './appointments.seed';
import { appointmentSlots, appointments } from './appointments.tables';

export default defineDomain({
  name: 'appointments',
  tables: [appointmentSlots, appointments],
  permissions: { 'appointment.manage': '管理预约时段、查看和登记预约到场' },
  grants: {
    clerk: ['appointment.manage'],
    director: ['appointment.manage'],
  },
  routes: appointmentRoutes,
  metrics: appointmentMetrics,
  seedDemo: seedAppointmentsDemo,
});
