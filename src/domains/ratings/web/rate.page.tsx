/**
 * 扫码评价 and 短信邀评 (phone-sized): a site's, counter's or staff member's QR code, or the link in an
 * invitation SMS, opens this page; five levels, the channel's sub-indicators, an optional comment and
 * (for QR codes) an optional phone for 实名评价.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Radio, Rate, Result, Space, Typography } from 'antd';
import { RATING_LEVELS } from '../shared/ratings.machine';
import { useRatingForm, useSendRating, type RatingTarget } from './ratings.hooks';

const LEVEL_TEXT = [1, 2, 3, 4, 5].map((v) => RATING_LEVELS[v as 5]);

/** Which thing the URL rates: an invitation's token, or a QR code's kind and id (a counter's by default). */
function useTarget(): RatingTarget {
  const { counterId, kind, id, token } = useParams();
  return token ? { token } : { kind: (kind ?? 'counter') as 'counter', id: id ?? counterId ?? '' };
}

export function RatePage() {
  const t = useTarget();
  const form = useRatingForm(t);
  const [level, setLevel] = useState<number>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [phone, setPhone] = useState('');
  const send = useSendRating(t);
  const body = () => ({ level: level as 5, scores: Object.keys(scores).length ? scores : undefined, comment: comment || undefined, phone: phone || undefined });
  if (form.error) return <Result status="404" title={form.error.message} />;
  if (send.data) {
    return <Result status="success" title="感谢您的评价" subTitle={send.data.bad ? '我们已登记您反映的问题，承办单位将在1个工作日内与您联系核实，整改结果会反馈给您。' : '您的评价已提交。'} />;
  }
  if (form.data?.rated) return <Result status="info" title="该办件已评价过" subTitle="每件办件只能评价一次，感谢您的参与。" />;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>政务服务“好差评”</Typography.Title>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          {/* The full name wraps: a counter's name is what tells the person they scanned the right code. */}
          <Typography.Title level={5} style={{ marginTop: 0 }}>{form.data ? form.data.heading : '加载中'}</Typography.Title>
          <Typography.Text strong>整体满意度</Typography.Text>
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} optionType="button" buttonStyle="solid" data-testid="rating-levels"
            options={[5, 4, 3, 2, 1].map((v) => ({ value: v, label: RATING_LEVELS[v as 5] }))} />
          {(form.data?.indicators ?? []).map((i) => (
            <div key={i.key} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }} data-testid={`score-${i.key}`}>
              <span>{i.label}</span>
              <Rate tooltips={LEVEL_TEXT} value={scores[i.key]} onChange={(v) => setScores((s) => { const n = { ...s }; if (v) n[i.key] = v; else delete n[i.key]; return n; })} />
            </div>
          ))}
          <Input.TextArea rows={3} maxLength={500} placeholder="请说说您的办事体验（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
          {form.data?.askPhone !== false ? <Input maxLength={11} inputMode="numeric" placeholder="手机号码（选填，留下后便于回访整改）" value={phone} onChange={(e) => setPhone(e.target.value)} /> : null}
          {send.error ? <Alert type="error" message={send.error.message} /> : null}
          <Button type="primary" block disabled={!level} loading={send.isPending} onClick={() => send.mutate(body())}>提交评价</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>评价人信息严格保密，仅用于回访核实。分项评价选填。</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
