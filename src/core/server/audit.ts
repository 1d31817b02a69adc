/**
 * Audit trail (GB/T 22239-2019 8.1.4.3: every user, date and time, event type, success or failure;
 * records protected against modification and deletion). Records are hash-chained with SM3 per stream
 * (one case, one user's logins, one division's administration): a single global chain would serialise
 * every write in the system. The stream head (seq + hash) is kept separately, so deleting the newest
 * record is detected too. SQL for the trail lives in audit.repository.ts.
 */
import { randomUUID } from 'node:crypto';
import { sm3 } from './crypto';
import type { Actor } from './actor';
import type { Tx, Database } from './db/db';
import * as repo from './audit.repository';

export type AuditEntry = {
  stream: string;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  success?: boolean;
  detail?: Record<string, unknown>;
  /** The caller just created the entity this stream is named after, so there is no head to lock (if
   *  that were wrong, inserting the head would violate its key and roll the transaction back). */
  newStream?: boolean;
};

const GENESIS = '0'.repeat(64);

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

type Hashable = Omit<repo.AuditRow, 'id' | 'hash' | 'prevHash'>;
export const recordHash = (prevHash: string, r: Hashable) =>
  sm3(`${prevHash}|${canonical({ ...r, at: r.at.toISOString() })}`);

export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  const head = entry.newStream ? null : await repo.lockStreamHead(tx, entry.stream, GENESIS);
  const row: Hashable = {
    stream: entry.stream,
    seq: (head?.seq ?? 0) + 1,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    success: entry.success ?? true,
    ip: actor.ip ?? null,
    detail: entry.detail ?? {},
  };
  const prevHash = head?.headHash ?? GENESIS;
  const hash = recordHash(prevHash, row);
  await repo.appendRecord(tx, { ...row, id: randomUUID(), prevHash, hash }, head === null);
}

/**
 * New streams written whole (bulk-loaded cases): each stream's records chained from genesis in the
 * order given, exactly as appendAudit would have chained them one by one, then written set-based.
 */
export async function appendNewStreams(tx: Tx, streams: { stream: string; entries: { actor: Pick<Actor, 'id' | 'name' | 'ip'>; entry: Omit<AuditEntry, 'stream' | 'newStream'>; at: Date }[] }[]): Promise<void> {
  const records: Parameters<typeof repo.insertNewStreams>[1] = [];
  const heads: Parameters<typeof repo.insertNewStreams>[2] = [];
  for (const s of streams) {
    let prevHash = GENESIS;
    s.entries.forEach(({ actor, entry, at }, i) => {
      const row: Hashable = {
        stream: s.stream, seq: i + 1, at, actorId: actor.id, actorName: actor.name, action: entry.action,
        entityType: entry.entityType ?? null, entityId: entry.entityId ?? null, success: entry.success ?? true, ip: actor.ip ?? null, detail: entry.detail ?? {},
      };
      const hash = recordHash(prevHash, row);
      records.push({ ...row, id: randomUUID(), prevHash, hash });
      prevHash = hash;
    });
    if (s.entries.length) heads.push({ stream: s.stream, seq: s.entries.length, headHash: prevHash });
  }
  await repo.insertNewStreams(tx, records, heads);
}

/**
 * Reads of personal data are audited too (GB/T 22239-2019 8.1.4.3; 个人信息保护法 第51条): who looked at
 * whose data, which fields, and why (the route). One stream per reader keeps the chain contention-free.
 */
export async function auditPersonalDataRead(tx: Tx, actor: Actor, subject: { type: string; id: string; fields: string[]; purpose: string }, at: Date) {
  await appendAudit(tx, actor, {
    stream: `pi:${actor.id ?? 'system'}`, action: 'pi.read', entityType: subject.type, entityId: subject.id,
    detail: { fields: subject.fields, purpose: subject.purpose },
  }, at);
}

export type AuditVerifyResult = {
  ok: boolean;
  streams: number;
  records: number;
  firstBroken: null | { stream: string; seq: number; id: string | null; reason: string };
};

/** Walks every stream in order and reports the first record whose chain does not hold. */
export async function verifyAudit(db: Database): Promise<AuditVerifyResult> {
  return db.tx(async (tx) => {
    const heads = await repo.listStreamHeads(tx);
    let records = 0;
    for (const head of heads) {
      let prev = GENESIS;
      let expectedSeq = 1;
      for await (const batch of repo.streamRecords(tx, head.stream)) {
        for (const r of batch) {
          records++;
          const broken = (reason: string) => ({ ok: false, streams: heads.length, records, firstBroken: { stream: r.stream, seq: r.seq, id: r.id, reason } });
          if (r.seq !== expectedSeq) return broken(`第${expectedSeq}条记录缺失（可能被删除）`);
          if (r.prevHash !== prev) return broken('前序哈希不一致（记录被改动或删除）');
          const { id: _id, hash, prevHash: _p, ...rest } = r;
          if (recordHash(prev, rest) !== hash) return broken('记录内容与哈希不符（记录被改动）');
          prev = hash;
          expectedSeq++;
        }
      }
      if (expectedSeq - 1 !== head.seq || prev !== head.headHash) {
        return { ok: false, streams: heads.length, records, firstBroken: { stream: head.stream, seq: expectedSeq, id: null, reason: `链尾应为第${head.seq}条，实际只到第${expectedSeq - 1}条（末尾记录被删除或改动）` } };
      }
    }
    return { ok: true, streams: heads.length, records, firstBroken: null };
  });
}
