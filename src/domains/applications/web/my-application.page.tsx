/**
 * 我的办件 → one application, on the phone: its state and time limits, the 补正 notice line by line with
 * an upload against each line, the materials handed in, each extension and its reason.
 */
import { fmtTime } from '../../../core/web/time';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { StatusTag, DeadlineBadge } from '../../../core/web/status';
import { useCase } from '../../../core/web/case.hooks';
import { uploadMaterial, useApplicationMaterials, useSubmitCorrection } from './applications.hooks';

export function MyApplicationPage() {
  const { id = '' } = useParams();
  const { loading, me } = usePublicMe();
  if (loading) return null;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>
      <Space style={{ marginBottom: 8 }}><Link to="/public/my">← 我的办件</Link></Space>
      {me ? <Detail id={id} /> : <PublicLoginCard title="请先登录" testId="my-login" />}
    </div>
  );
}

function Detail({ id }: { id: string }) {
  const c = useCase(id);
  const m = useApplicationMaterials(id);
  if (c.isLoading || m.isLoading) return <Spin />;
  if (!c.data || !m.data) return <Result status="404" title="办件不存在或不属于您" />;
  const d = c.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={<Space wrap><span>{d.title}</span><StatusTag name={d.stateName} color={d.stateColor} /></Space>}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="办件编号">{d.refNo}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{d.orgName}</Descriptions.Item>
          {d.clocks.map((k) => (
            <Descriptions.Item key={k.name} label={k.label}>{k.state === 'paused' ? '暂停计时（补正期间不计算）' : k.dueDate ?? '—'} {k.state === 'running' ? <DeadlineBadge badge={k.badge} dueDate={k.dueDate} /> : null}</Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {m.data.correction?.open ? <CorrectionCard caseId={id} lines={m.data.correction.materials} note={m.data.correction.note} /> : null}
      {m.data.correction && !m.data.correction.open ? <Alert type="info" showIcon message={`曾要求补正：${m.data.correction.text}`} /> : null}
      <Card size="small" title="已提交的材料">
        <List size="small" dataSource={m.data.materials} locale={{ emptyText: '未提交材料' }} renderItem={(x) => (
          <List.Item><Space wrap><span>{x.name}</span>{x.fileName ? <Tag>{x.fileName}</Tag> : null}{x.deferred ? <Tag color="gold">容缺后补</Tag> : null}{x.paper ? <Tag>纸质</Tag> : null}{x.correctedAt ? <Tag color="blue">补正</Tag> : null}</Space></List.Item>
        )} />
      </Card>
      <Card size="small" title="办理过程">
        <List size="small" dataSource={d.events.filter((e) => !e.event.startsWith('clock.'))} renderItem={(e) => (
          <List.Item><Space direction="vertical" size={0}><Typography.Text strong>{e.eventName}</Typography.Text><Typography.Text type="secondary">{fmtTime(e.at)}</Typography.Text>{e.comment ? <span>{e.comment}</span> : null}</Space></List.Item>
        )} />
      </Card>
    </Space>
  );
}

/** One upload per line of the notice; sent when every line has its file. */
function CorrectionCard({ caseId, lines, note }: { caseId: string; lines: string[]; note: string | null }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<Record<string, { id: string; name: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmitCorrection(caseId, { done: () => message.success('补正材料已提交'), failed: (e) => setError(e.message) });
  const upload = async (line: string, f: File) => {
    setError(null);
    try { const r = await uploadMaterial(f, line); setFiles((x) => ({ ...x, [line]: { id: r.id, name: r.fileName } })); } catch (e) { setError((e as Error).message); }
    return false;
  };
  const open = lines.filter((l) => !files[l]);
  return (
    <Card size="small" title="需要补正的材料（一次性告知）" data-testid="correction">
      <Space direction="vertical" style={{ width: '100%' }}>
        {lines.map((l, i) => (
          <div key={l} data-testid="correction-line" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <div>{i + 1}. {l}</div>
            <Upload showUploadList={false} beforeUpload={(f) => upload(l, f)} accept=".pdf,.jpg,.jpeg,.png,.ofd">
              <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 4 }}>{files[l] ? `已附 ${files[l].name}` : '上传'}</Button>
            </Upload>
          </div>
        ))}
        {note ? <Alert type="warning" showIcon message={`其他要求：${note}`} /> : null}
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {open.length ? <Typography.Text type="secondary">还需上传：{open.join('、')}</Typography.Text> : null}
        <Button type="primary" block size="large" disabled={open.length > 0} loading={submit.isPending} data-testid="correction-submit"
          onClick={() => submit.mutate({ items: lines.map((l) => ({ name: l, fileId: files[l].id })) })}>提交补正材料</Button>
      </Space>
    </Card>
  );
}
