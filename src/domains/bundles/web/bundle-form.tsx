/**
 * The merged form of a "one thing" and its materials, each listed once with the items that use it:
 * the same component for the citizen on a phone and the clerk at the 一件事 window.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Space, Tag, Typography, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { uploadMaterial } from '../../applications/public-web';
import type { BundleDefinitionView } from '../shared/bundles.schema';

export type MaterialChoice = { fileId?: string; fileName?: string; provided?: boolean; later?: boolean };

export function BundleFields({ def }: { def: BundleDefinitionView }) {
  return (
    <>
      {def.fields.map((f) => (
        <Form.Item key={f.key} name={['form', f.key]} label={f.label} tooltip={f.usedBy.length ? `用于：${f.usedBy.join('、')}` : undefined}
          rules={[{ required: f.required, message: `请填写${f.label}` }, ...(f.kind === 'phone' ? [{ pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }] : []), ...(f.kind === 'idNumber' ? [{ len: 18, message: '身份证号应为18位' }] : [])]}>
          {f.kind === 'select' ? <Select options={f.options!.map((o) => ({ value: o, label: o }))} placeholder="请选择" />
            : f.kind === 'date' ? <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
              : <Input maxLength={f.kind === 'idNumber' ? 18 : f.kind === 'phone' ? 11 : 100} />}
        </Form.Item>
      ))}
    </>
  );
}

/** Form values → the API's form record (dates as YYYY-MM-DD). */
export function formValues(def: BundleDefinitionView, raw: Record<string, unknown> | undefined) {
  const out: Record<string, string> = {};
  for (const f of def.fields) {
    const v = raw?.[f.key] as { format?: (s: string) => string } | string | undefined;
    if (v === undefined || v === null || v === '') continue;
    out[f.key] = typeof v === 'object' && v.format ? v.format('YYYY-MM-DD') : String(v);
  }
  return out;
}

export function BundleMaterials({ def, choice, onChange, idNumber, counter }: { def: BundleDefinitionView; choice: Record<string, MaterialChoice>; onChange: (name: string, c: MaterialChoice) => void; idNumber?: () => string | undefined; counter?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const upload = async (name: string, f: File) => {
    setError(null);
    try { const r = await uploadMaterial(f, name, idNumber?.()); onChange(name, { fileId: r.id, fileName: r.fileName }); } catch (e) { setError((e as Error).message); }
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">逐项办理需提交材料 {def.materialsSeparately} 份，合并后 {def.materials.length} 份（同一材料只交一次）</Typography.Text>
      {def.materials.map((m) => {
        const c = choice[m.name] ?? {};
        return (
          <div key={m.name} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }} data-testid="bundle-material">
            <div>
              {m.name}{' '}
              {m.shared ? <Tag color="green">部门共享，无需提交</Tag> : m.necessity === 'deferrable' ? <Tag color="gold">可容缺后补</Tag> : m.necessity === 'optional' ? <Tag>非必要</Tag> : <Tag color="red">必要</Tag>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>用于：{m.usedBy.join('、')}</Typography.Text>
            {m.shared ? null : (
              <Space wrap style={{ marginTop: 4 }}>
                <Upload showUploadList={false} beforeUpload={(f) => upload(m.name, f)} accept=".pdf,.jpg,.jpeg,.png,.ofd">
                  <Button size="small" icon={<UploadOutlined />}>{c.fileId ? `已附 ${c.fileName}` : counter ? '扫描上传' : '上传'}</Button>
                </Upload>
                {counter && !c.fileId ? <Checkbox checked={!!c.provided} onChange={(e) => onChange(m.name, { provided: e.target.checked })}>已收纸质件</Checkbox> : null}
                {m.necessity === 'deferrable' && !c.fileId ? <Checkbox checked={!!c.later} onChange={(e) => onChange(m.name, { later: e.target.checked })}>容缺后补</Checkbox> : null}
              </Space>
            )}
          </div>
        );
      })}
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Space>
  );
}

/** The checklist as the API takes it: each material once; unticked ones are left to the departments' 补正. */
export function materialsBody(def: BundleDefinitionView, choice: Record<string, MaterialChoice>) {
  return def.materials.flatMap((m) => {
    const c = choice[m.name];
    if (!c) return [];
    if (c.fileId) return [{ name: m.name, provided: true, fileId: c.fileId }];
    if (c.provided) return [{ name: m.name, provided: true }];
    if (c.later) return [{ name: m.name, provided: false }];
    return [];
  });
}

export const useMaterialChoice = () => {
  const [choice, setChoice] = useState<Record<string, MaterialChoice>>({});
  return { choice, set: (name: string, c: MaterialChoice) => setChoice((x) => ({ ...x, [name]: c })) };
};

