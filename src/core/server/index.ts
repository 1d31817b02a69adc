/**
 * The kernel's face (DESIGN §4.9): the only module through which a domain (src/domains/*) imports the
 * kernel's server side. Domains may also import src/core/shared/* and src/core/web/* directly; anything
 * else under core/server is the kernel's own business and may change without a domain noticing.
 * tests/architecture.test.ts enforces it. When a domain needs something the face lacks, add it here
 * (by name, never `export *`, so two modules' names cannot silently collide).
 */

// ---- what a domain declares (types only) ----------------------------------------------------------
export type {
  Breakdown, CaseSubscription, CaseTypeRegistration, DomainModule, JobDefinition, Kernel, MetricDefinition,
  MetricDefinitionWithBreakdown, MetricScope, RecordSet, TransitionCheck, TransitionCheckContext, TransitionContext, TransitionHandler,
} from './contract';
export { defineDomain, domainConfig } from './kernel';
export type { KernelConfig } from './contract';
export { isoWithOffset, tzLiteral, tzSql, utcOffset } from './tz';
export { publicSite, siteDivisionCode } from './site';
export { defineJob, enqueue } from './jobs';
export { computeBreakdown, computeMetric, defineMetric, metricRecords, recordCountMetric } from './metrics';

// ---- database: the transaction type and the kernel's shared tables with their row types -----------
export type { Database, Tx } from './db/db';
export {
  caseClocks, caseEvents, cases, counters, divisions, orgs, sequences, userRoles, users,
} from './db/schema';
export type { CaseEventRow, CaseRow, ClockRow, OrgRow, UserRow } from './db/schema';
export { casesWith, dayEnd, dayStart, inDivision, inPeriod, labelled, orgNameOf } from './sql-scope';
export type { ConflictCode } from './db/unique';
export { isUniqueViolation, uniqueOr409 } from './db/unique';

// ---- actor, access, audit, validation, crypto ------------------------------------------------------
export type { Actor, ScopedRow } from './actor';
export { SYSTEM_ACTOR, can, requirePermission } from './actor';
export type { ScopeColumns, ScopePermission } from './access/scope';
export { CASE_VISIBLE, figureScope, grantReach, scopeWhere } from './access/scope';
export { actorOf } from './http/plugin';
export type { AuditEntry } from './audit';
export { appendAudit, auditPersonalDataRead, verifyAudit } from './audit';
export { issuesOf, parseInput } from './validation';
export { randomToken, sm3 } from './crypto';

// ---- case engine -----------------------------------------------------------------------------------
export type { CreateCaseInput } from './cases/case.service';
export {
  actionsFor, attachChildren, childCases, clockView, createCase, detail, linkCases, loadVisible, lockCase, mergeCaseData, reassignCase,
  rebuildCaseRollups, summaries, transition, visibleFilter,
} from './cases/case.service';

export { findCaseByRef, getCase, lastEventInput, listCases, listClocks, listEvents as listCaseEvents, nextSequence } from './cases/case.repository';
export { scanClocks } from './cases/clock.jobs';
export type { BulkActor, BulkCase, BulkOptions, BulkStep } from './cases/case.bulk';
export { BulkPathError, bulkLoadCases, pathTo } from './cases/case.bulk';

// ---- tenancy, staff, notifications ------------------------------------------------------------------
export * as tenancy from './tenancy.repository';
export { getOrgByName, listCounters, listOrgs } from './tenancy.repository';
// actorFor: a seed acting through a domain's own service as a demo user (e.g. a mediator registering from a ticket).
export { actorFor, createStaff } from './auth.service';
export type { Message } from './outbox';
export { deliverPending, notify } from './outbox';

// ---- documents: the 公文 page (GB/T 9704) ------------------------------------------------------------
export {
  blankPara, bodyPara, centredPara, chineseDate, FONTS, gongwenDocx, LINE, PT, run, signaturePara, SIZE_2, SIZE_3, SIZE_4, titlePara,
} from './documents/gongwen';

// ---- factories for domain tests: one org, one staff member, one case in any state, through the real paths
export { withCaseRow } from './cases/case.hooks';
export { buildCase, buildOrg, buildStaff, FACTORY_PASSWORD, type BuildCaseOptions, type BuiltStaff } from './testing';

// ---- uploaded files: the storage interface, recognition by content, and one upload taken in -----------
export { storageFor, storeUpload, type FileStorage } from './files/storage';
export { acceptRawBodies, sendFile } from './files/http';
export { DOCUMENT_KINDS, MEDIA_KINDS, sniff, zipEntryNames, type FileKind, type Sniffed } from './files/sniff';

// ---- xlsx exchange files: cells as text, columns by header, Chinese refusals, templates ----------------
export { XLSX_MIME, acceptXlsx, cellText, loadWorkbook, readFirstSheet, sendXlsx, sheetRows, sheetTemplate, xlsxBody, type SheetRow } from './sheets/sheets';
export type { ImportRowError } from '../shared/import-errors';
