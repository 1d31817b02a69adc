/**
 * Files over HTTP: one file per request as the raw body (no multipart for one file), and a stored file
 * sent back under its own name. Each domain's routes run in their own Fastify context, so each takes
 * the raw bodies it accepts; the services check sizes, so a refusal is a Chinese 413, not the framework's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

export function acceptRawBodies(app: FastifyInstance, types: readonly string[], maxBytes: number) {
  for (const type of types) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  }
}

/** `inline` opens in the browser (PDF, images); `attachment` downloads. The name is sent per RFC 6266. */
export function sendFile(reply: FastifyReply, file: { mime: string; fileName: string }, body: Buffer, how: 'inline' | 'attachment' = 'attachment') {
  return reply.header('content-type', file.mime).header('content-disposition', `${how}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(body);
}
