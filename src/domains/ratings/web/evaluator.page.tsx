/**
 * 窗口评价器 (一次一评): the clerk's second screen, turned towards the person just served. The clerk picks
 * the counter once; each rating is of that counter and of the signed-in clerk, and the screen resets.
 */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Input, Rate, Result, Select, Space, Typography } from 'antd';
import { useCounters, useEvaluatorRating } from './ratings.hooks';
import { RATING_LEVELS } from '../shared/ratings.machine';
import { subIndicators } from '../shared/ratings.indicators';

export function EvaluatorPage() {
  const counters = useCounters();
  const [counterId, setCounterId] = useState<string>();
  const [level, setLevel] = useState<number>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const send = useEvaluatorRating();
  const reset = () => { setLevel(undefined); setScores({}); setComment(''); send.reset(); };
  return (
    <PageContainer title="窗口评价器" content="办理结束后请办事群众当场评价（一次一评），评价计入本窗口和当前登录的工作人员。">
      <Card style={{ maxWidth: 640 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Select placeholder="选择本窗口" value={counterId} onChange={setCounterId} virtual={false} data-testid="evaluator-counter"
            options={(counters.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          {send.data ? (
            <Result status="success" title="感谢您的评价" subTitle={send.data.bad ? '您反映的问题已登记，我们会在1个工作日内核实处理。' : undefined} extra={<Button type="primary" onClick={reset}>下一位</Button>} />
          ) : (
            <>
              <Typography.Title level={4} style={{ margin: 0 }}>请对本次服务进行评价</Typography.Title>
              <Space wrap>{[5, 4, 3, 2, 1].map((v) => <Button key={v} size="large" type={level === v ? 'primary' : 'default'} danger={v <= 2 && level === v} onClick={() => setLevel(v)}>{RATING_LEVELS[v as 5]}</Button>)}</Space>
              {subIndicators('counter').map((i) => (
                <div key={i.key} style={{ display: 'flex', justifyContent: 'space-between', maxWidth: 360 }}><span>{i.label}</span>
                  <Rate value={scores[i.key]} onChange={(v) => setScores((s) => ({ ...s, [i.key]: v }))} /></div>
              ))}
              <Input.TextArea rows={2} maxLength={500} placeholder="意见建议（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
              {send.error ? <Alert type="error" showIcon message={send.error.message} /> : null}
              <Button type="primary" size="large" disabled={!counterId || !level} loading={send.isPending} onClick={() => send.mutate({ counterId: counterId!, level: level as 5, scores, comment: comment || undefined })}>提交评价</Button>
            </>
          )}
        </Space>
      </Card>
    </PageContainer>
  );
}
