/**
 * What a file is, from its first bytes rather than its name: a renamed .exe must not pass as a .pdf.
 * Documents: PDF, JPEG, PNG, and OFD (GB/T 33190-2016, the national layout format, a zip package whose
 * root holds OFD.xml); other zips (docx, plain archives) are refused. Media, for records that keep them
 * (行政执法 全过程记录): MP4 video and MP3/WAV audio.
 */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'ofd' | 'mp4' | 'mp3' | 'wav';
export type Sniffed = { kind: FileKind; mime: string; label: string };

export const DOCUMENT_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png', 'ofd'];
export const MEDIA_KINDS: readonly FileKind[] = ['mp4', 'mp3', 'wav'];

const starts = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** File names in a zip's central directory (the end record points at it). */
export function zipEntryNames(b: Buffer): string[] | null {
  const min = Math.max(0, b.length - 65_557);
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) !== 0x06054b50) continue;
    const count = b.readUInt16LE(i + 10);
    let p = b.readUInt32LE(i + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLen = b.readUInt16LE(p + 28);
      const extra = b.readUInt16LE(p + 30);
      const comment = b.readUInt16LE(p + 32);
      names.push(b.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
      p += 46 + nameLen + extra + comment;
    }
    return names;
  }
  return null;
}

export function sniff(b: Buffer): Sniffed | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf', mime: 'application/pdf', label: 'PDF' }; // %PDF-
  if (starts(b, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', mime: 'image/jpeg', label: 'JPG图片' };
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', mime: 'image/png', label: 'PNG图片' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (names?.some((n) => n === 'OFD.xml' || n === 'ofd.xml')) return { kind: 'ofd', mime: 'application/ofd', label: 'OFD版式文件' };
  }
  if (b.length >= 8 && b.subarray(4, 8).toString('latin1') === 'ftyp') return { kind: 'mp4', mime: 'video/mp4', label: 'MP4视频' };
  if (starts(b, [0x49, 0x44, 0x33])) return { kind: 'mp3', mime: 'audio/mpeg', label: 'MP3录音' }; // ID3
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && b.length >= 12 && b.subarray(8, 12).toString('latin1') === 'WAVE') return { kind: 'wav', mime: 'audio/wav', label: 'WAV录音' };
  return null;
}

export const ACCEPTED_LABEL = 'PDF、JPG、PNG或OFD';
