/**
 * 商用密码 primitives from Node's own OpenSSL: SM3 for hashing and the audit chain, HMAC-SM3 for
 * look-up indexes of personal data, SM4-CBC for personal data at rest (GB/T 39786-2021 数据保密性).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export const sm3 = (data: string | Buffer) => createHash('sm3').update(data).digest('hex');

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export class PersonalDataCipher {
  private readonly key: Buffer;
  private readonly macKey: Buffer;
  constructor(secret: string) {
    // Separate keys for encryption and look-up so one leaking does not expose the other.
    this.key = Buffer.from(sm3(`sm4:${secret}`), 'hex').subarray(0, 16);
    this.macKey = Buffer.from(sm3(`hmac:${secret}`), 'hex');
  }
  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', this.key, iv);
    return `${iv.toString('hex')}:${Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('hex')}`;
  }
  decrypt(stored: string): string {
    const [ivHex, dataHex] = stored.split(':');
    const d = createDecipheriv('sm4-cbc', this.key, Buffer.from(ivHex, 'hex'));
    return Buffer.concat([d.update(Buffer.from(dataHex, 'hex')), d.final()]).toString('utf8');
  }
  /** Deterministic index for equality look-ups (find an account by 身份证号) without storing it in clear. */
  index(plain: string): string {
    return createHmac('sm3', this.macKey).update(plain).digest('hex');
  }
}
