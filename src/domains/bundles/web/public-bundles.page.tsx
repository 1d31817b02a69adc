/**
 * 高效办成一件事 on the public portal (phone-sized): the list of bundles, one bundle's page with its
 * departments, the merged form and each material once; filing; and the citizen's view of one bundle.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, List, Result, Space, Tag, Typography } from 'antd';
import { useBundleDefinition, useBundleDefinitions, useBundleProgress, useFileBundle } from './bundles.hooks';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import type { BundleDefinitionView } from '../shared/bundles.schema';
import { BundleFields, BundleMaterials, formValues, materialsBody, useMaterialChoice } from './bundle-form';
import { BundleProgressView } from './bundle-progress';

const page = { maxWidth: 720, margin: '0 auto', padding: 12 };

export function PublicBundlesPage() {
  const defs = useBundleDefinitions();
  return (
    <div style={page}>
      <Typography.Title level={4}>高效办成一件事</Typography.Title>
      <Typography.Paragraph type="secondary">一张表单、一套材料，一次提交，多个部门同步办理。</Typography.Paragraph>
      <List loading={defs.isLoading} dataSource={defs.data ?? []} renderItem={(d) => (
        <List.Item data-testid="bundle-definition">
          <List.Item.Meta
            title={d.available ? <Link to={`/public/bundles/${d.code}`}>{d.name}</Link> : <span>{d.name}</span>}
            description={<Space direction="vertical" size={2}>
              <span>{d.description}</span>
              <Space wrap>
                <Tag>{d.items.length || d.missing.length}个事项</Tag><Tag color="blue">承诺{d.promisedDays}个工作日</Tag>
                {d.available ? <Tag color="green">可在线申请</Tag> : <Tag>暂未开通</Tag>}
                {d.atSites ? <Tag color="purple">乡镇（街道）可办</Tag> : null}
              </Space>
            </Space>} />
        </List.Item>
      )} />
      <Link to="/public/my">我的办件</Link>
    </div>
  );
}

export function PublicBundlePage() {
  const { code } = useParams();
  const def = useBundleDefinition(code ?? '');
  const { loading, me } = usePublicMe();
  if (!def.data) return <div style={page}>{def.error ? <Alert type="error" message={def.error.message} /> : null}</div>;
  const d = def.data;
  return (
    <div style={page}>
      <Typography.Title level={4}>{d.name}</Typography.Title>
      <Typography.Paragraph>{d.description}</Typography.Paragraph>
      <Card size="small" title={`一次提交，${d.items.length}个事项同步办理`}>
        <List size="small" dataSource={d.items} renderItem={(i) => (
          <List.Item><Space direction="vertical" size={0}><span>{i.name}</span><Typography.Text type="secondary">{i.orgName}　承诺{i.promised}</Typography.Text></Space></List.Item>
        )} />
      </Card>
      <div style={{ marginTop: 12 }}>
        {loading ? null : !me ? <PublicLoginCard title="在线申请：请先登录" /> : <BundleApplyForm def={d} name={me.displayName} />}
      </div>
    </div>
  );
}

function BundleApplyForm({ def, name }: { def: BundleDefinitionView; name: string }) {
  const [form] = Form.useForm();
  const { choice, set } = useMaterialChoice();
  const [key] = useState(() => crypto.randomUUID());
  const file = useFileBundle();
  if (file.data) {
    return (
      <Result status="success" title="已提交，各部门将同步办理" subTitle={<span data-testid="bundle-refno">编号 {file.data.refNo}</span>}
        extra={<Link to={`/public/my/bundles/${file.data.id}`}><Button type="primary">查看办理进度</Button></Link>} />
    );
  }
  return (
    <Card size="small" title={`在线申请（${name}）`} data-testid="bundle-form">
      <Form form={form} layout="vertical" onFinish={(v) => file.mutate({ definitionCode: def.code, form: formValues(def, v.form), materials: materialsBody(def, choice), idempotencyKey: key })}>
        <BundleFields def={def} />
        <BundleMaterials def={def} choice={choice} onChange={set} />
        {file.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={file.error.message} /> : null}
        <Button style={{ marginTop: 12 }} type="primary" block size="large" htmlType="submit" loading={file.isPending} data-testid="bundle-submit">一次提交</Button>
      </Form>
    </Card>
  );
}

export function PublicMyBundlePage() {
  const { id } = useParams();
  const { loading, me } = usePublicMe();
  const p = useBundleProgress(id!);
  if (loading) return null;
  if (!me) return <div style={page}><PublicLoginCard title="查看办理进度：请先登录" /></div>;
  return (
    <div style={page}>
      <Link to="/public/my">← 我的办件</Link>
      {p.error ? <Alert type="error" message={p.error.message} /> : p.data ? <BundleProgressView p={p.data} /> : null}
    </div>
  );
}
