/**
 * Notifications go to an outbox in the business transaction and are delivered by a job with retries
 * (DESIGN §4.8), so a message is never sent for a rolled-back change nor lost on a crash. Channels are
 * adapters: by default SMS and email are written to DATA_DIR/outbox/<channel>.log (the operator can see
 * exactly what would have been sent) and in-app messages land in the user's inbox; a gateway URL in the
 * configuration switches a channel to HTTP delivery.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tx } from './db/db';
import type { Kernel } from './contract';
import { defineJob } from './jobs';
import * as repo from './jobs.repository';
import type { OutboxRow } from './jobs.repository';

export type Channel = 'sms' | 'email' | 'inapp' | 'webhook';
export type Message = {
  channel: Channel;
  recipientUserId?: string | null;
  address?: string | null;
  title: string;
  body: string;
  link?: string | null;
  caseId?: string | null;
  divisionCode: string;
};

export async function notify(tx: Tx, kernel: Kernel, msg: Message) {
  if (msg.channel === 'inapp' && !msg.recipientUserId) throw new Error('in-app message needs a recipient');
  if ((msg.channel === 'sms' || msg.channel === 'email' || msg.channel === 'webhook') && !msg.address && !msg.recipientUserId) {
    throw new Error(`${msg.channel} message needs an address or recipient`);
  }
  const at = kernel.now();
  await repo.insertOutbox(tx, {
    id: randomUUID(), channel: msg.channel, recipientUserId: msg.recipientUserId ?? null, address: msg.address ?? null,
    title: msg.title, body: msg.body, link: msg.link ?? null, caseId: msg.caseId ?? null, divisionCode: msg.divisionCode,
    state: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at,
  });
}

export type ChannelAdapter = (kernel: Kernel, msg: OutboxRow) => Promise<void>;

const localLog: ChannelAdapter = async (kernel, msg) => {
  const dir = join(kernel.config.dataDir, 'outbox');
  await mkdir(dir, { recursive: true });
  const line = JSON.stringify({ at: kernel.now().toISOString(), id: msg.id, channel: msg.channel, to: msg.address ?? msg.recipientUserId, title: msg.title, body: msg.body });
  await appendFile(join(dir, `${msg.channel}.log`), `${line}\n`, 'utf8');
};

const http = (url: string): ChannelAdapter => async (_kernel, msg) => {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: msg.id, to: msg.address, title: msg.title, body: msg.body }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`gateway answered ${res.status}`);
};

const inapp: ChannelAdapter = async (kernel, msg) => {
  await kernel.db.tx((tx) => repo.insertNotification(tx, {
    id: msg.id, userId: msg.recipientUserId!, title: msg.title, body: msg.body, link: msg.link, createdAt: msg.createdAt,
  }));
};

export function adapterFor(kernel: Kernel, channel: string): ChannelAdapter {
  if (channel === 'inapp') return inapp;
  if (channel === 'sms' && kernel.config.SMS_GATEWAY_URL) return http(kernel.config.SMS_GATEWAY_URL);
  if (channel === 'email' && kernel.config.EMAIL_GATEWAY_URL) return http(kernel.config.EMAIL_GATEWAY_URL);
  return localLog;
}

const MAX_ATTEMPTS = 8;

export async function deliverPending(kernel: Kernel, limit = 50): Promise<number> {
  const batch = await kernel.db.tx((tx) => repo.claimOutbox(tx, kernel.now(), 60_000, limit));
  for (const msg of batch) {
    try {
      await adapterFor(kernel, msg.channel)(kernel, msg);
      await kernel.db.tx((tx) => repo.markOutbox(tx, msg.id, { state: 'sent', sentAt: kernel.now(), lockedUntil: null, lastError: null }));
    } catch (e) {
      const err = e instanceof Error ? e.message : String(e);
      const failed = msg.attempts >= MAX_ATTEMPTS;
      await kernel.db.tx((tx) => repo.markOutbox(tx, msg.id, {
        state: failed ? 'failed' : 'pending', lastError: err.slice(0, 1000), lockedUntil: null,
        nextAttemptAt: new Date(kernel.now().getTime() + Math.min(3600_000, 2 ** msg.attempts * 5000)),
      }));
    }
  }
  return batch.length;
}

export const outboxJob = defineJob({
  name: 'outbox.deliver',
  everySeconds: 5,
  handler: async (kernel) => { while ((await deliverPending(kernel)) > 0) { /* drain */ } },
});
