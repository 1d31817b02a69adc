/** 扫码评价 (phone): the counter's QR code opens this page; five levels, optional comment and phone. */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Radio, Result, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { get, post } from '../../../core/web/api';
import { RATING_LEVELS } from '../shared/ratings.machine';

export function RatePage() {
  const { counterId = '' } = useParams();
  const counter = useQuery({ queryKey: ['counter', counterId], queryFn: () => get<{ name: string; orgName: string }>(`/api/public/counters/${counterId}`) });
  const [level, setLevel] = useState<number>();
  const [comment, setComment] = useState('');
  const [phone, setPhone] = useState('');
  const send = useMutation({ mutationFn: () => post<{ bad: boolean }>('/api/public/ratings', { counterId, level, comment: comment || undefined, phone: phone || undefined }) });
  if (counter.error) return <Result status="404" title={counter.error.message} />;
  if (send.data) {
    return <Result status="success" title="感谢您的评价" subTitle={send.data.bad ? '我们已登记您反映的问题，承办单位将在1个工作日内与您联系核实，整改结果会反馈给您。' : '您的评价已提交。'} />;
  }
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>政务服务“好差评”</Typography.Title>
      <Card title={counter.data ? `${counter.data.orgName} · ${counter.data.name}` : '加载中'}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} optionType="button" buttonStyle="solid" data-testid="rating-levels"
            options={[5, 4, 3, 2, 1].map((v) => ({ value: v, label: RATING_LEVELS[v as 5] }))} />
          <Input.TextArea rows={3} maxLength={500} placeholder="请说说您的办事体验（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
          <Input maxLength={11} placeholder="手机号码（选填，留下后便于回访整改）" value={phone} onChange={(e) => setPhone(e.target.value)} />
          {send.error ? <Alert type="error" message={send.error.message} /> : null}
          <Button type="primary" block disabled={!level} loading={send.isPending} onClick={() => send.mutate()}>提交评价</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>评价人信息严格保密，仅用于回访核实。</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
