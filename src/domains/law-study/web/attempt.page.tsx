/**
 * Taking an exam: the paper (no key), a countdown from the server's deadline (corrected for this
 * browser's clock), every answer saved as it is chosen, and an automatic hand-in when time is up. The
 * server refuses answers after the deadline, so what counts never depends on this page.
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Checkbox, Radio, Result, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { QUESTION_TYPES, type QuestionType } from '../shared/law-study.labels';
import { usePaper, useSaveAnswers, useSubmitExam } from './law-study.hooks';

const LETTERS = 'ABCDEFGH';

export function AttemptPage() {
  const { id = '' } = useParams();
  const paper = usePaper(id);
  const save = useSaveAnswers(id);
  const submit = useSubmitExam(id);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [left, setLeft] = useState<number | null>(null);
  const handedIn = useRef(false);
  const latest = useRef(answers);
  latest.current = answers;

  useEffect(() => { if (paper.data) setAnswers(paper.data.answers); }, [paper.data?.attemptId]);
  useEffect(() => {
    const p = paper.data;
    if (!p || p.finished) return;
    const skew = Date.parse(p.serverNow) - Date.now();
    const deadline = Date.parse(p.deadline);
    const tick = () => {
      const ms = deadline - (Date.now() + skew);
      setLeft(Math.max(0, ms));
      // Hand in just before the server's deadline, with whatever is chosen.
      if (ms <= 800 && !handedIn.current) { handedIn.current = true; submit.mutate(latest.current); }
    };
    tick();
    const t = setInterval(tick, 250);
    return () => clearInterval(t);
  }, [paper.data?.attemptId, paper.data?.finished]);

  if (paper.isLoading) return <Spin />;
  if (paper.error || !paper.data) return <Alert type="error" showIcon message={paper.error?.message ?? '试卷不存在'} />;
  const p = paper.data;
  const result = submit.data;
  if (result || p.finished) {
    const score = result?.score ?? p.score ?? 0;
    const ok = result ? result.passed : score * 100 >= p.passMark * p.totalPoints;
    return (
      <PageContainer title={p.examTitle}>
        <Result status={ok ? 'success' : 'warning'} title={<span data-testid="exam-result">已交卷：得分{score}分（满分{p.totalPoints}分），{ok ? '合格' : '不合格'}</span>}
          subTitle={result?.late ? '考试时间已到，系统已自动交卷，时间截止后的作答未计入。' : handedIn.current ? '考试时间已到，系统已自动交卷。' : `第${p.attemptNo}次作答`} />
      </PageContainer>
    );
  }
  const choose = (qid: string, v: string) => {
    const next = { ...answers, [qid]: v };
    setAnswers(next);
    save.mutate({ [qid]: v });
  };
  const mm = left === null ? '' : `${String(Math.floor(left / 60000)).padStart(2, '0')}:${String(Math.floor((left % 60000) / 1000)).padStart(2, '0')}`;
  return (
    <PageContainer title={p.examTitle} extra={<Space>
      <Statistic title="剩余时间" value={mm} valueStyle={{ color: left !== null && left < 60_000 ? '#cf1322' : undefined }} data-testid="exam-timer" />
      <Button type="primary" loading={submit.isPending} onClick={() => { handedIn.current = true; submit.mutate(answers); }}>交卷</Button>
    </Space>}>
      <Typography.Paragraph type="secondary">共{p.questions.length}题，满分{p.totalPoints}分，第{p.attemptNo}次作答。作答自动保存，时间到系统自动交卷。已答{Object.keys(answers).length}题。</Typography.Paragraph>
      {save.error ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={save.error.message} /> : null}
      {submit.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={submit.error.message} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {p.questions.map((q) => (
          <Card key={q.id} size="small" title={<span>{q.no}. <Tag>{QUESTION_TYPES[q.type as QuestionType]}</Tag>{q.points}分</span>} data-testid={`question-${q.no}`}>
            <Typography.Paragraph>{q.stem}</Typography.Paragraph>
            {q.type === 'judge'
              ? <Radio.Group value={answers[q.id]} onChange={(e) => choose(q.id, e.target.value)} options={[{ value: 'T', label: '正确' }, { value: 'F', label: '错误' }]} />
              : q.type === 'single'
                ? <Radio.Group value={answers[q.id]} onChange={(e) => choose(q.id, e.target.value)}><Space direction="vertical">{q.options.map((o, i) => <Radio key={i} value={LETTERS[i]}>{LETTERS[i]}. {o}</Radio>)}</Space></Radio.Group>
                : <Checkbox.Group value={[...(answers[q.id] ?? '')]} onChange={(v) => choose(q.id, [...v].sort().join(''))}><Space direction="vertical">{q.options.map((o, i) => <Checkbox key={i} value={LETTERS[i]}>{LETTERS[i]}. {o}</Checkbox>)}</Space></Checkbox.Group>}
          </Card>
        ))}
      </Space>
    </PageContainer>
  );
}
