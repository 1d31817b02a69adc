/**
 * 行政复议意见书 / 建议书 (行政复议法 第76条) on its own page: the letter with its addressee, the 60-day
 * clock for the correction report, the 复议 case it came from, the .docx, and — for the addressee's
 * director while it is open — the form reporting the correction. Reached from the 复议 case page, the
 * addressee's 工作台 and the list of letters (the case type's `link`).
 */
import { Link, useParams } from 'react-router-dom';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App, Button, Descriptions, Form, Input, Result, Spin, Typography } from 'antd';
import { ApiError } from '../../../core/web/api';
import { useCase } from '../../../core/web/case.hooks';
import { StatusTag } from '../../../core/web/status';
import { CaseTimeline, ClockCards, LinkedCases } from '../../../core/web/case-parts';
import { useOpinionSubstance, useReplyOpinion } from './reconsideration.hooks';

type Reply = { rectification: string; measures: string };

/** The addressee's report: what it corrected and the measures taken; it closes the letter and its clock. */
function ReplyForm({ id }: { id: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const reply = useReplyOpinion(id, {
    done: () => message.success('已报送纠正情况'),
    failed: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
      message.error(e.message);
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v: Reply) => reply.mutate(v)} style={{ maxWidth: 760 }} data-testid="opinion-reply">
      <Form.Item name="rectification" label="纠正违法或者不当行政行为的情况" rules={[{ required: true, message: '请填写纠正情况' }]}>
        <Input.TextArea rows={4} maxLength={3000} showCount />
      </Form.Item>
      <Form.Item name="measures" label="采取的整改措施（制度、人员、程序）" rules={[{ required: true, message: '请填写整改措施' }]}>
        <Input.TextArea rows={3} maxLength={3000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={reply.isPending}>报送纠正情况</Button>
    </Form>
  );
}

export function ReconsiderationOpinionPage() {
  const { id = '' } = useParams();
  const c = useCase(id);
  const s = useOpinionSubstance(id);
  if (c.isLoading || s.isLoading) return <Spin />;
  if (c.error || !c.data || !s.data) return <Result status="404" title={c.error?.message ?? s.error?.message ?? '意见书不存在'} />;
  const d = c.data;
  const x = s.data;
  const canReply = d.actions.some((a) => a.event === 'reply');
  return (
    <PageContainer title={`${d.refNo}　行政复议${x.kind}`} tags={<StatusTag name={d.stateName} color={d.stateColor} />}>
      <ProCard direction="column" gutter={[0, 16]} ghost>
        <ProCard title={`行政复议${x.kind}（行政复议法 第76条）`} data-testid="opinion-letter"
          extra={<Button href={`/api/reconsideration-opinions/${d.id}/document`} data-testid="opinion-docx">下载{x.kind}（.docx）</Button>}>
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="主送机关">{x.addressee}</Descriptions.Item>
            <Descriptions.Item label="制发日期">{x.issuedOn}</Descriptions.Item>
            <Descriptions.Item label="所涉行政复议案件">
              {x.reconsideration.id ? <Link to={`/reconsideration/cases/${x.reconsideration.id}`} data-testid="opinion-case">{x.reconsideration.refNo}</Link> : x.reconsideration.refNo}
            </Descriptions.Item>
            <Descriptions.Item label="发现的违法或者不当行政行为" span={3}>{x.problems}</Descriptions.Item>
            <Descriptions.Item label="纠正意见和建议" span={3}>{x.suggestions}</Descriptions.Item>
          </Descriptions>
        </ProCard>
        <ProCard title="报送纠正情况（自收到之日起60日内）" data-testid="opinion-report">
          {d.clocks.length ? <ClockCards clocks={d.clocks} /> : null}
          {x.repliedOn ? (
            <Descriptions column={1} style={{ marginTop: 16 }}>
              <Descriptions.Item label="报送日期">{x.repliedOn}</Descriptions.Item>
              <Descriptions.Item label="纠正情况">{x.rectification}</Descriptions.Item>
              <Descriptions.Item label="整改措施">{x.measures}</Descriptions.Item>
            </Descriptions>
          ) : canReply ? <div style={{ marginTop: 16 }}><ReplyForm id={d.id} /></div>
            : <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{`等待${x.addressee}报送纠正情况`}</Typography.Paragraph>}
        </ProCard>
        <LinkedCases links={d.links} hidden={d.hiddenLinks} />
        <ProCard title="办理过程"><CaseTimeline events={d.events} /></ProCard>
      </ProCard>
    </PageContainer>
  );
}
