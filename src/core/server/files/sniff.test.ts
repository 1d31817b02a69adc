import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('recognising a file by its content', () => {
  it('knows documents and the media a 全过程记录 keeps, and nothing by its name', () => {
    expect(sniff(bytes('%PDF-1.7\n'))?.kind).toBe('pdf');
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]))?.kind).toBe('jpeg');
    expect(sniff(bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0]))).toMatchObject({ kind: 'mp4', mime: 'video/mp4' });
    expect(sniff(bytes('ID3', [4, 0, 0, 0, 0, 0])))?.toMatchObject({ kind: 'mp3', mime: 'audio/mpeg' });
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')))?.toMatchObject({ kind: 'wav', mime: 'audio/wav' });
    // A RIFF container that is not WAVE (an AVI) is not audio; an executable is nothing.
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBeNull();
    expect(sniff(bytes('MZ', [0x90, 0]))).toBeNull();
  });
});
