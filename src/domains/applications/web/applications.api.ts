/** Calls of the applications pages that are not JSON: a material's file goes up as the raw body. */
import { ApiError } from '../../../core/web/api';

const csrf = () => decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice('zt_csrf='.length) ?? '');

/** One material's file goes up as the raw body; the server decides its type from the content. */
export async function uploadMaterial(file: File, materialName: string, idNumber?: string) {
  const params = new URLSearchParams({ materialName, fileName: file.name, ...(idNumber ? { idNumber } : {}) });
  const res = await fetch(`/api/materials?${params}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf() }, body: file });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'INTERNAL', body.message ?? `上传失败（${res.status}）`);
  return body as { id: string; materialName: string; fileName: string; kind: string; size: number };
}
