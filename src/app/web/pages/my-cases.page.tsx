/**
 * 我的办件 on the public portal (phone-sized): the citizen's own cases of every kind, newest first. A
 * "one thing" opens its joint progress page; a completed application can be rated here (一事一评).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Input, List, Modal, Radio, Space, Typography, App } from 'antd';
import { PublicLoginCard, usePublicMe } from '../../../core/web/public-session';
import { DeadlineBadge, StatusTag } from '../../../core/web/status';
import type { CaseSummary } from '../../../core/shared/schemas';
import { useMyCases, useRateCase } from '../app.hooks';

const LEVELS = [{ value: 5, label: '非常满意' }, { value: 4, label: '满意' }, { value: 3, label: '基本满意' }, { value: 2, label: '不满意' }, { value: 1, label: '非常不满意' }];
const RATEABLE = new Set(['delivered', 'denied']);

export function MyCasesPage() {
  const { loading, me } = usePublicMe();
  const list = useMyCases(!!me);
  const [rating, setRating] = useState<CaseSummary | null>(null);
  if (loading) return null;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>我的办件</Typography.Title>
      {!me ? <PublicLoginCard title="请先登录" testId="my-login" /> : (
        <List loading={list.isLoading} dataSource={list.data?.items ?? []} locale={{ emptyText: '暂无办件' }} renderItem={(c) => (
          <List.Item data-testid="my-case">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                {c.caseType === 'bundle' ? <Link to={`/public/my/bundles/${c.id}`}>{c.title}</Link> : c.caseType === 'application' ? <Link to={`/public/my/applications/${c.id}`}>{c.title}</Link> : <Typography.Text strong>{c.title}</Typography.Text>}
                <StatusTag name={c.stateName} color={c.stateColor} />
                {c.badge && !c.closedAt ? <DeadlineBadge badge={c.badge} /> : null}
              </Space>
              <Typography.Text type="secondary">{c.caseTypeName}　{c.refNo}　{c.orgName}</Typography.Text>
              {c.caseType === 'application' && RATEABLE.has(c.state) ? <Button size="small" onClick={() => setRating(c)} data-testid="rate-case">评价</Button> : null}
            </Space>
          </List.Item>
        )} />
      )}
      <Space style={{ marginTop: 12 }}><Link to="/public/bundles">高效办成一件事</Link><Link to="/public/catalog">办事指南</Link></Space>
      {rating ? <RateModal c={rating} onClose={() => setRating(null)} /> : null}
    </div>
  );
}

function RateModal({ c, onClose }: { c: CaseSummary; onClose: () => void }) {
  const { message } = App.useApp();
  const [level, setLevel] = useState<number>();
  const [comment, setComment] = useState('');
  const rate = useRateCase(() => { message.success('感谢您的评价'); onClose(); });
  return (
    <Modal open title={`评价：${c.title}`} okText="提交评价" cancelText="取消" onCancel={onClose} onOk={() => level && rate.mutate({ caseId: c.id, level, comment: comment || undefined })} okButtonProps={{ disabled: !level, loading: rate.isPending }}>
      <Card size="small">
        <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} options={LEVELS} optionType="button" />
        {level && level <= 2 ? <Alert style={{ marginTop: 8 }} type="info" message="差评将由承办部门在规定时限内联系您并整改" /> : null}
        <Input.TextArea style={{ marginTop: 8 }} rows={3} maxLength={500} placeholder="评价内容（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
        {rate.error ? <Alert style={{ marginTop: 8 }} type="error" message={rate.error.message} /> : null}
      </Card>
    </Modal>
  );
}
