/**
 * 公众门户 home (phone first): search the 办事指南 as people say it (生孩子, 开饭店), the 一件事 a search
 * touches, and the ways in — 一件事, 预约, 办件进度, 12345 and 信箱, 信息公开, 我的办件, 我的证照. A staff
 * session goes to its 工作台; a visitor and a signed-in citizen stay here.
 */
import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Card, Col, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../core/web/api';
import { usePublicSite } from '../../../core/web/public-site';
import { usePublicMeQuery } from '../../../core/web/kernel.hooks';

const ENTRIES: { to: string; title: string; note: string }[] = [
  { to: '/public/bundles', title: '高效办成一件事', note: '一张表单，多个部门联办' },
  { to: '/public/catalog', title: '办事指南', note: '事项、材料、时限、在线申请' },
  { to: '/public/appointments', title: '预约办事', note: '窗口、延时和上门服务' },
  { to: '/public/services', title: '办件进度', note: '凭办件编号查询' },
  { to: '/public/12345', title: '12345热线', note: '咨询、求助、投诉、建议' },
  { to: '/public/mailbox', title: '区长信箱', note: '写信和查看回复' },
  { to: '/public/disclosure', title: '信息公开', note: '主动公开和依申请公开' },
  { to: '/public/my', title: '我的办件', note: '进度、补正、评价' },
  { to: '/public/licences', title: '我的证照', note: '电子证照和亮证核验' },
];

export function PortalPage() {
  const me = usePublicMeQuery();
  const site = usePublicSite();
  const [q, setQ] = useState('');
  const items = useQuery({ ...apiQuery('/api/public/catalog', { query: { q, pageSize: 20 } }), enabled: q.length > 0 });
  const bundles = useQuery(apiQuery('/api/public/bundle-definitions'));
  if (me.isLoading) return null;
  if (me.data && me.data.kind !== 'public') return <Navigate to="/workbench" replace />;
  const tags = new Set((items.data?.items ?? []).flatMap((i) => i.bundles));
  const touched = (bundles.data ?? []).filter((b) => [...tags].some((t) => b.name.startsWith(t)));
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }} data-testid="portal">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{site ? `${site.siteName}` : '政务服务网'}</Typography.Title>
        {me.data ? <Link to="/public/my">{me.data.displayName}</Link> : <Link to="/public/my" data-testid="portal-login">登录 / 注册</Link>}
      </Space>
      <Input.Search style={{ margin: '12px 0' }} size="large" allowClear placeholder="搜索办事指南，如：生孩子、开饭店、社保卡" enterButton="搜索" onSearch={(v) => setQ(v.trim())} data-testid="portal-search" />
      {q ? (
        <Card size="small" title={`“${q}”的搜索结果`} style={{ marginBottom: 12 }}>
          {touched.length ? (
            <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
              {touched.map((b) => <Link key={b.code} to={`/public/bundles/${b.code}`} data-testid="portal-bundle"><Tag color="blue">一件事</Tag>{b.name}（一次申请，多个部门联办）</Link>)}
            </Space>
          ) : null}
          <List size="small" loading={items.isLoading} dataSource={items.data?.items ?? []} locale={{ emptyText: <Empty description="没有找到相关事项，可换个说法或拨打12345咨询" /> }}
            renderItem={(i) => (
              <List.Item data-testid="portal-item"><Space direction="vertical" size={0}><Link to={`/public/catalog/${i.id}`}>{i.name}</Link><Typography.Text type="secondary">{i.orgName}{i.online ? '　可网上办理' : ''}</Typography.Text></Space></List.Item>
            )} />
        </Card>
      ) : null}
      <Row gutter={[8, 8]}>
        {ENTRIES.map((e) => (
          <Col key={e.to} xs={12} sm={8}>
            <Link to={e.to}><Card size="small" hoverable style={{ height: '100%' }}><Typography.Text strong>{e.title}</Typography.Text><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}</Typography.Text></div></Card></Link>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>工作人员请从 <Link to="/login">工作人员登录</Link> 进入。</Typography.Paragraph>
    </div>
  );
}
