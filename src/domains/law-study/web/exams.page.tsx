/** 学法考试: the exams a reader may sit (start / continue, best score) and, for keepers, creating one. */
import { fmtTime } from '../../../core/web/time';
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../core/web/api';
import { hasPermission, useMe } from '../../../core/web/auth';
import { useCreateExam, useExams, useStartExam } from './law-study.hooks';


function ExamDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useCreateExam({ done: onClose, failed: (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); } });
  const line = (type: string, v: Record<string, number>) => (v[`${type}Count`] ? [{ type, topic: null, count: v[`${type}Count`], points: v[`${type}Points`] }] : []);
  return (
    <Modal open={open} title="新建学法考试" okText="保存" cancelText="取消" width={620} destroyOnHidden onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} afterOpenChange={() => save.reset()}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ minutes: 60, maxAttempts: 3, passMark: 60, singleCount: 20, singlePoints: 2, multipleCount: 10, multiplePoints: 3, judgeCount: 30, judgePoints: 1 }}
        onFinish={(v) => save.mutate({
          title: v.title, opensAt: (v.window[0] as Dayjs).format(), closesAt: (v.window[1] as Dayjs).format(), minutes: v.minutes, maxAttempts: v.maxAttempts, passMark: v.passMark,
          blueprint: [...line('single', v), ...line('multiple', v), ...line('judge', v)] as never,
        })}>
        <Form.Item name="title" label="考试名称" rules={[{ required: true, message: '请填写考试名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="window" label="考试时间窗口" rules={[{ required: true, message: '请选择开考和截止时间' }]}><DatePicker.RangePicker showTime /></Form.Item>
        <Space>
          <Form.Item name="minutes" label="答题时长（分钟）"><InputNumber min={1} max={600} /></Form.Item>
          <Form.Item name="maxAttempts" label="可考次数（取最高分）"><InputNumber min={1} max={10} /></Form.Item>
          <Form.Item name="passMark" label="合格分数线（百分制）"><InputNumber min={1} max={100} /></Form.Item>
        </Space>
        <div>组卷规则（每位考生随机抽题）：</div>
        {[['single', '单选题'], ['multiple', '多选题'], ['judge', '判断题']].map(([k, label]) => (
          <Space key={k}>
            <Form.Item name={`${k}Count`} label={`${label}题数`}><InputNumber min={0} max={200} /></Form.Item>
            <Form.Item name={`${k}Points`} label="每题分值"><InputNumber min={1} max={100} /></Form.Item>
          </Space>
        ))}
        {save.error ? <Alert type="error" showIcon message={save.error.message} /> : null}
      </Form>
    </Modal>
  );
}

export function ExamsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const exams = useExams();
  const [open, setOpen] = useState(false);
  const start = useStartExam({ done: (id) => navigate(`/law-exams/attempts/${id}`), failed: () => undefined });
  const now = Date.now();
  return (
    <PageContainer title="学法考试" extra={hasPermission(me, 'lawStudy.manage') ? <Space><Link to="/law-exams/bank">题库和试题分析</Link><Button type="primary" onClick={() => setOpen(true)}>新建考试</Button></Space> : null}>
      {start.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={start.error.message} /> : null}
      <Table rowKey="id" loading={exams.isLoading} dataSource={exams.data ?? []} pagination={false}
        columns={[
          { title: '考试', dataIndex: 'title' },
          { title: '考试时间', render: (_, e) => `${fmtTime(e.opensAt)} 至 ${fmtTime(e.closesAt)}` },
          { title: '题量/总分', render: (_, e) => `${e.questionCount}题 / ${e.totalPoints}分` },
          { title: '时长', render: (_, e) => `${e.minutes < 1 ? `${Math.round(e.minutes * 60)}秒` : `${e.minutes}分钟`}` },
          { title: '合格线', render: (_, e) => `${e.passMark}%` },
          { title: '我的成绩', render: (_, e) => (e.mine ? (e.mine.best === null ? '未考' : <Space>{e.mine.best}分<Tag color={e.mine.passed ? 'green' : 'red'}>{e.mine.passed ? '合格' : '不合格'}</Tag></Space>) : '—') },
          { title: '已考次数', render: (_, e) => (e.mine ? `${e.mine.attemptsUsed}/${e.maxAttempts}` : '—') },
          {
            title: '操作', render: (_, e) => {
              const openNow = now >= Date.parse(e.opensAt) && now < Date.parse(e.closesAt);
              return <Space>
                {e.mine && (e.mine.openAttemptId || (openNow && e.mine.attemptsUsed < e.maxAttempts))
                  ? <Button type="primary" size="small" loading={start.isPending} onClick={() => start.mutate(e.id)}>{e.mine.openAttemptId ? '继续答题' : '开始考试'}</Button> : null}
                {hasPermission(me, 'lawStudy.read') ? <Link to={`/law-exams/${e.id}/units`}>各单位合格率</Link> : null}
              </Space>;
            },
          },
        ]} />
      <ExamDialog open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}
