/**
 * Plain text of a report file for the checker: .txt as UTF-8, .docx by reading word/document.xml
 * (paragraphs become lines; runs are concatenated).
 */
import JSZip from 'jszip';

export async function reportText(name: string, data: Buffer): Promise<string> {
  if (name.toLowerCase().endsWith('.docx') || (data[0] === 0x50 && data[1] === 0x4b)) {
    const zip = await JSZip.loadAsync(data);
    const doc = zip.file('word/document.xml');
    if (!doc) throw new Error('不是有效的 Word 文档（缺少 word/document.xml）');
    const xml = await doc.async('string');
    return xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('')).join('\n');
  }
  return data.toString('utf8');
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
