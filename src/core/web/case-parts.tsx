/**
 * The generic case page pieces every domain reuses: clocks with their derivation, the timeline, and the
 * action buttons the server says this user may take (nothing else is ever offered).
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, List, Modal, Popconfirm, Space, Tag, Timeline, Typography, Empty } from 'antd';
import { ProCard } from '@ant-design/pro-components';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseAction, CaseDetail, ClockView } from '../shared/schemas';
import { ApiError, post } from './api';
import { DeadlineBadge, StatusTag } from './status';
import { DynamicFields, formBody, type JsonSchema } from './dynamic-form';
import { caseKey } from './case.hooks';
import { fmtTime } from './time';


export function ClockCards({ clocks }: { clocks: ClockView[] }) {
  if (clocks.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {clocks.map((c) => (
        <Card key={c.name} size="small" title={<Space>{c.label}<DeadlineBadge badge={c.badge} dueDate={c.dueDate} /></Space>} data-testid={`clock-${c.name}`}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label="计时方式">{c.unit === 'workday' ? `${c.limit}个工作日` : c.unit === 'date' ? `${c.limit}日（日历日，不顺延）` : `${c.limit}日（自然日）`}</Descriptions.Item>
            <Descriptions.Item label="起算日">{c.startedOn}</Descriptions.Item>
            <Descriptions.Item label="到期日">{c.dueDate ? (c.provisional ? `${c.dueDate}（预计）` : c.dueDate) : (c.state === 'paused' ? '暂停中' : '待定')}</Descriptions.Item>
            <Descriptions.Item label="法律依据">{c.legalBasis}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{c.derivation}</Typography.Paragraph>
        </Card>
      ))}
    </Space>
  );
}

export function CaseTimeline({ events }: { events: CaseDetail['events'] }) {
  if (events.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => ({
        color: e.event.startsWith('clock.') ? (e.event === 'clock.overdue' ? 'red' : 'orange') : 'blue',
        children: (
          <div>
            <Typography.Text strong>{e.eventName}</Typography.Text>
            <Typography.Text type="secondary">{e.fromStateName && e.fromStateName !== e.toStateName ? `　${e.fromStateName} → ${e.toStateName}` : `　${e.toStateName}`}</Typography.Text>
            <div><Typography.Text type="secondary">{e.actorName}　{fmtTime(e.at)}</Typography.Text></div>
            {e.comment ? <div>{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

export function ActionButtons({ caseId, actions, onDone }: { caseId: string; actions: CaseAction[]; onDone?: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [form] = Form.useForm();
  const run = useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: unknown }) => post<CaseDetail>(action.path, body),
    onSuccess: (_d, v) => { message.success(`已${v.action.label}`); setOpen(null); form.resetFields(); },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
      message.error(e instanceof Error ? e.message : '操作失败');
    },
    onSettled: () => { void qc.invalidateQueries({ queryKey: caseKey(caseId) }); void qc.invalidateQueries({ queryKey: ['workbench'] }); onDone?.(); },
  });
  if (actions.length === 0) return <Typography.Text type="secondary">当前没有您可执行的操作</Typography.Text>;
  return (
    <Space wrap data-testid="case-actions">
      {actions.map((a) => a.form ? (
        <Button key={a.event} danger={a.danger} type={a.danger ? 'default' : 'primary'} onClick={() => setOpen(a)}>{a.label}</Button>
      ) : (
        <Popconfirm key={a.event} title={a.confirm ?? `确认${a.label}？`} okText="确认" cancelText="取消" onConfirm={() => run.mutate({ action: a, body: {} })}>
          <Button danger={a.danger} type={a.danger ? 'default' : 'primary'} loading={run.isPending && run.variables?.action.event === a.event}>{a.label}</Button>
        </Popconfirm>
      ))}
      <Modal open={!!open} title={open?.label} okText="确定" cancelText="取消" confirmLoading={run.isPending} destroyOnHidden
        onCancel={() => setOpen(null)}
        onOk={async () => { await form.validateFields(); if (open) run.mutate({ action: open, body: formBody(form) }); }}>
        <Form form={form} layout="vertical" preserve={false}>
          {open?.form ? <DynamicFields schema={open.form as JsonSchema} /> : null}
        </Form>
      </Modal>
    </Space>
  );
}

/**
 * 关联案件: the cases linked to this one, both ways (a reconsideration and the decision it challenges),
 * each opening its own page. Links the reader may not open are counted, never shown.
 */
export function LinkedCases({ links, hidden }: { links: CaseDetail['links']; hidden: number }) {
  const navigate = useNavigate();
  if (!links.length && !hidden) return null;
  return (
    <ProCard title="关联案件">
      <List size="small" dataSource={links} locale={{ emptyText: '无' }}
        renderItem={(l) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(l.case.link)}>
            <Space wrap><Tag>{l.label}</Tag><a>{l.case.refNo}</a><span>{l.case.title}</span><StatusTag name={l.case.stateName} color={l.case.stateColor} /><span>{l.case.orgName}</span></Space>
          </List.Item>
        )} />
      {hidden ? <Typography.Text type="secondary">另有{hidden}件关联案件不在您的查看范围内</Typography.Text> : null}
    </ProCard>
  );
}
