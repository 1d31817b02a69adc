/**
 * 在线申请 on the public guide page (phone-sized): the citizen signs in with the id number, attaches
 * each material — a new scan or photo (the server checks its type by content and its size), or a file
 * uploaded for an earlier application — marks 容缺后补 where the guide allows it, and files. A retry
 * with the same key files once.
 */
import { fmtDate } from '../../../core/web/time';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Result, Select, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { type Material, uploadMaterial, useFileApplication, useReusableMaterials } from './applications.hooks';

type Choice = { fileId?: string; fileName?: string; later?: boolean };

export function OnlineApply({ itemId }: { itemId: string }) {
  const { loading, me } = usePublicMe();
  if (loading) return null;
  if (!me) return <PublicLoginCard title="在线申请：请先登录" />;
  return <ApplyForm itemId={itemId} name={me.displayName} />;
}

function ApplyForm({ itemId, name }: { itemId: string; name: string }) {
  const materials = useReusableMaterials(itemId);
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const set = (m: string, c: Choice) => setChoice((x) => ({ ...x, [m]: c }));
  const upload = async (m: string, f: File) => {
    setError(null);
    try { const r = await uploadMaterial(f, m); set(m, { fileId: r.id, fileName: r.fileName }); } catch (e) { setError((e as Error).message); }
    return false;
  };
  const file = useFileApplication();
  const { modal } = App.useApp();
  const send = () => file.mutate({
    itemId, idempotencyKey: key,
    materials: (materials.data ?? []).flatMap<Material>((m) => {
      const c = choice[m.name];
      if (c?.fileId) return [{ name: m.name, provided: true, fileId: c.fileId }];
      if (c?.later) return [{ name: m.name, provided: false }];
      return [];
    }),
  });
  // Nothing attached at all: ask before filing an empty application.
  const submit = () => (Object.values(choice).some((c) => c.fileId)
    ? send()
    : modal.confirm({ title: '尚未附任何材料', content: '确定不附材料直接提交申请吗？受理时部门将一次性告知需补正的材料。', okText: '仍要提交', cancelText: '返回上传', onOk: send }));
  if (file.data) return <Result status="success" title="申请已提交" subTitle={<span data-testid="apply-refno">办件编号 {file.data.refNo}</span>} extra={<Link to={`/public/my/applications/${file.data.id}`}>查看办理进度</Link>} />;
  const missing = (materials.data ?? []).filter((m) => m.necessity === 'required' && !choice[m.name]?.fileId).map((m) => m.name);
  return (
    <Card size="small" title={`在线申请（${name}）`} data-testid="apply-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        {(materials.data ?? []).map((m) => {
          const c = choice[m.name] ?? {};
          return (
            <div key={m.name} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }} data-testid="apply-material">
              <div>{m.name} {m.necessity === 'deferrable' ? <Tag color="gold">可容缺后补</Tag> : m.necessity === 'optional' ? <Tag>非必要</Tag> : <Tag color="red">必要</Tag>}</div>
              <Space wrap style={{ marginTop: 4 }}>
                <Upload showUploadList={false} beforeUpload={(f) => upload(m.name, f)} accept=".pdf,.jpg,.jpeg,.png,.ofd">
                  <Button size="small" icon={<UploadOutlined />}>{c.fileId ? `已附 ${c.fileName}` : '上传'}</Button>
                </Upload>
                {m.files.length ? (
                  <Select size="small" style={{ minWidth: 150 }} placeholder="使用已上传的材料" value={m.files.some((f) => f.id === c.fileId) ? c.fileId : undefined}
                    onChange={(id) => set(m.name, { fileId: id, fileName: m.files.find((f) => f.id === id)?.fileName })}
                    options={m.files.map((f) => ({ value: f.id, label: `${f.fileName}（${fmtDate(f.createdAt)}）` }))} />
                ) : null}
                {m.necessity === 'deferrable' && !c.fileId ? <Checkbox checked={!!c.later} onChange={(e) => set(m.name, { later: e.target.checked })}>容缺后补</Checkbox> : null}
              </Space>
            </div>
          );
        })}
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {file.error ? <Alert type="error" showIcon message={file.error.message} /> : null}
        {missing.length ? <Alert type="warning" showIcon message={`必要材料尚未上传：${missing.join('、')}`} /> : null}
        <Button type="primary" block size="large" loading={file.isPending} onClick={submit} data-testid="apply-submit">提交申请</Button>
      </Space>
    </Card>
  );
}
