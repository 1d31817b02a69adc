/**
 * One "one thing", one view: the joint state and promised time, then each department's application
 * with its state, its clock and — when a department asks for 补正 — what to correct and the button to
 * do it. The citizen on a phone and the clerk at the window see the same thing (actions differ).
 */
import { Alert, Card, Descriptions, List, Result, Space, Tag, Typography } from 'antd';
import { ActionButtons } from '../../../core/web/case-parts';
import { fmtTime } from '../../../core/web/time';
import { DeadlineBadge, StatusTag } from '../../../core/web/status';
import type { BundleProgress } from '../shared/bundles.schema';


export function BundleProgressView({ p, staffLinks }: { p: BundleProgress; staffLinks?: boolean }) {
  const promised = p.clocks.find((c) => c.primary);
  const done = p.children.filter((c) => c.closedAt).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="bundle-progress">
      <Card size="small" title={<Space wrap>{p.definitionName}<StatusTag name={p.bundle.stateName} color={p.bundle.stateColor} /></Space>}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="编号">{p.bundle.refNo}</Descriptions.Item>
          <Descriptions.Item label="受理渠道">{p.channelName}{p.siteName ? `（${p.siteName}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{fmtTime(p.bundle.createdAt)}</Descriptions.Item>
          {promised ? <Descriptions.Item label="承诺办结">{promised.dueDate ?? '—'}　<DeadlineBadge badge={promised.badge} /></Descriptions.Item> : null}
          <Descriptions.Item label="进度"><span data-testid="bundle-done">{done}/{p.children.length}</span> 个部门已办结</Descriptions.Item>
        </Descriptions>
        {p.actions.length ? <ActionButtons caseId={p.bundle.id} actions={p.actions} /> : null}
      </Card>
      {p.results.length ? (
        <Card size="small" title="联办结果">
          {p.bundle.closedAt && p.bundle.state === 'completed' ? <Result status="success" title="已全部办结" style={{ padding: 8 }} /> : null}
          <List size="small" dataSource={p.results} renderItem={(r) => <List.Item>{r.resultName}<Typography.Text type="secondary">（{r.orgName}）</Typography.Text></List.Item>} />
        </Card>
      ) : null}
      <Card size="small" title="各部门办理情况">
        <List
          dataSource={p.children}
          renderItem={(c) => {
            const running = c.clocks.filter((k) => k.state !== 'stopped').sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'))[0];
            return (
              <List.Item data-testid="bundle-child">
                <Space direction="vertical" style={{ width: '100%' }} size={2}>
                  <Space wrap>
                    {staffLinks ? <a href={`/cases/${c.id}`}>{c.itemName}</a> : <Typography.Text strong>{c.itemName}</Typography.Text>}
                    <StatusTag name={c.stateName} color={c.stateColor} />
                  </Space>
                  <Typography.Text type="secondary">{c.orgName}　办件编号 {c.refNo}</Typography.Text>
                  {running ? <span>{running.label}：{running.dueDate ?? (running.state === 'paused' ? '暂停计时' : '—')}　<DeadlineBadge badge={running.badge} /></span> : null}
                  {c.state === 'delivered' && c.resultName ? <Tag color="green">{c.resultName}</Tag> : null}
                  {c.correction ? <Alert type="warning" showIcon message="需要补正" description={c.correction} /> : null}
                  {c.actions.length && !staffLinks ? <ActionButtons caseId={p.bundle.id} actions={c.actions} /> : null}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}
