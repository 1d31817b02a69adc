/**
 * The public side, built for a phone: search the catalog in plain Chinese (“新生儿”“开饭店”“营业执照”),
 * narrow to 不见面审批 or to a nearby 便民服务中心, and read an item's guide.
 */
import { fmtDate } from '../../../core/web/time';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Input, List, Result, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { limitText } from '../shared/catalog.labels';
import { usePublicGuide, usePublicSearch, usePublicSites } from './catalog.hooks';
import { GuideView, ZeroVisitTag } from './guide-view';
import { usePublicSite } from '../../../core/web/public-site';

const page = { maxWidth: 720, margin: '0 auto', padding: 12 } as const;
const HOT = ['新生儿', '营业执照', '餐饮', '社保卡', '退休', '不动产'];

export function PublicCatalogPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const zeroVisit = params.get('zeroVisit') === 'true';
  const siteOrgId = params.get('site') ?? undefined;
  const [pageNo, setPageNo] = useState(1);
  const sites = usePublicSites();
  const site = usePublicSite();
  const r = usePublicSearch({ q: q || undefined, zeroVisit: zeroVisit ? 'true' : undefined, siteOrgId, page: pageNo, pageSize: 20 });
  const set = (k: string, v: string | undefined) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); setPageNo(1); };
  return (
    <div style={page}>
      <Typography.Title level={4} style={{ marginTop: 8 }}>{site?.divisionName ?? ''}政务服务 · 办事指南</Typography.Title>
      <Input.Search placeholder="您要办什么事？如 新生儿、开饭店、营业执照" allowClear enterButton="搜索" size="large" defaultValue={q} onSearch={(v) => set('q', v.trim() || undefined)} data-testid="catalog-search" />
      <Space wrap style={{ margin: '8px 0' }}>
        {HOT.map((h) => <Tag key={h} style={{ cursor: 'pointer', padding: '2px 10px' }} onClick={() => set('q', h)}>{h}</Tag>)}
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        <span><Switch size="small" checked={zeroVisit} onChange={(c) => set('zeroVisit', c ? 'true' : undefined)} /> 只看不见面审批</span>
        {sites.data?.length ? (
          <Select style={{ minWidth: 200 }} allowClear placeholder="就近办理（便民服务中心）" value={siteOrgId} onChange={(v) => set('site', v)}
            options={sites.data.map((s) => ({ value: s.orgId, label: s.orgName }))} />
        ) : null}
      </Space>
      <List
        loading={r.isLoading}
        dataSource={r.data?.items ?? []}
        locale={{ emptyText: q ? `没有找到与“${q}”相关的事项，换个说法试试` : '暂无已发布的事项' }}
        pagination={(r.data?.total ?? 0) > 20 ? { current: pageNo, pageSize: 20, total: r.data?.total, onChange: setPageNo, simple: true } : false}
        renderItem={(i) => (
          <List.Item onClick={() => navigate(`/public/catalog/${i.id}`)} style={{ cursor: 'pointer', padding: '12px 4px' }} data-testid="catalog-result">
            <List.Item.Meta
              title={<span style={{ fontSize: 16 }}>{i.name}</span>}
              description={
                <Space wrap size={4}>
                  <span>{i.orgName}</span>
                  <ZeroVisitTag visits={i.visits} />
                  {i.handlingType === '即办件' ? <Tag color="cyan">即办</Tag> : i.promisedLimit !== null ? <Tag>承诺{limitText(i.promisedLimit, i.promisedLimitUnit)}</Tag> : null}
                  {i.bundles.map((b) => <Tag key={b} color="purple">{b}</Tag>)}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

/** `apply` is the 网上申请 form applications put under a guide that can be handled online (decision 005). */
export function PublicGuidePage({ apply }: { apply?: (itemId: string) => ReactNode }) {
  const { id } = useParams();
  const navigate = useNavigate();
  const g = usePublicGuide(id);
  if (g.isLoading) return <div style={page}><Spin /></div>;
  if (!g.data) return <div style={page}><Result status="404" title={g.error?.message ?? '该事项不存在或已停止办理'} extra={<Button onClick={() => navigate('/public/catalog')}>返回搜索</Button>} /></div>;
  const d = g.data;
  return (
    <div style={page}>
      <Button type="link" icon={<LeftOutlined />} onClick={() => navigate(-1)} style={{ paddingLeft: 0 }}>返回</Button>
      <Card bordered={false} styles={{ body: { padding: '8px 0' } }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{d.name}</Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag>{d.type}</Tag>
          <ZeroVisitTag visits={d.visits} />
          {d.online ? <Tag color="geekblue">可网上办理</Tag> : null}
          {d.sites.length ? <Tag color="gold">可在{d.sites.length}个便民服务中心办理</Tag> : null}
        </Space>
        {d.handlingType === '即办件' ? <Alert type="success" showIcon message="即办件：材料齐全的当场办结" style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" block size="large" style={{ marginBottom: 12 }} onClick={() => navigate(`/public/appointments?itemId=${d.id}`)} data-testid="book-appointment">预约到窗口办理</Button>
        <GuideView g={{ ...d, keywords: [], notes: null }} orgName={d.orgName} sites={d.sites} />
        {d.online && apply ? <div style={{ marginTop: 12 }}>{apply(d.id)}</div> : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>实施编码 {d.code}　第{d.versionNo}版　发布于 {fmtDate(d.publishedAt)}</Typography.Paragraph>
      </Card>
    </div>
  );
}
