/** What other modules may use from the annual-report domain. */
export { checkReport, type Claim, type ClaimStatus } from './shared/report-check';
export { reportText } from './server/report-text';
export { ensureReport, view as viewReport } from './server/annual-report.service';
export { renderReportFile } from './server/annual-report.export';
