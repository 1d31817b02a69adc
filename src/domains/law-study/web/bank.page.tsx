/** 题库 for its keepers: the questions (with the key), xlsx import with row-by-row errors, and item statistics per exam. */
import { useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Select, Space, Table, Tag, Upload } from 'antd';
import { apiUrl } from '../../../core/web/api';
import { QUESTION_TYPES, type QuestionType } from '../shared/law-study.labels';
import { useBank, useExams, useImportBank, useItemStats } from './law-study.hooks';
import { ImportErrors } from '../../../core/web/import-errors';
import type { ImportRowError } from '../../../core/shared/import-errors';

export function BankPage() {
  const bank = useBank();
  const exams = useExams();
  const [examId, setExamId] = useState<string>();
  const stats = useItemStats(examId);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const imp = useImportBank({ done: (n) => { setRows([]); setDone(n); }, failed: (e) => { setDone(null); setRows(e.rows ?? []); } });
  return (
    <PageContainer title="题库和试题分析">
      <Card title="导入试题" size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { imp.mutate(f); return false; }}><Button loading={imp.isPending}>选择xlsx文件导入</Button></Upload>
            <a href={apiUrl('/api/law-exams/questions/template')}>下载导入模板</a>
            <span>列：所属法律、知识点、题型（单选题/多选题/判断题）、题干、选项A–F、答案（字母，判断题填对/错）、解析。任一行有错误时整体不导入。</span>
          </Space>
          {done !== null ? <Alert type="success" showIcon message={`已导入${done}道试题`} /> : null}
          {imp.error ? <ImportErrors message={imp.error.message} rows={rows} /> : null}
        </Space>
      </Card>
      <Card title="试题分析" size="small" style={{ marginBottom: 16 }} extra={<Select placeholder="选择考试" style={{ width: 320 }} value={examId} onChange={setExamId} options={(exams.data ?? []).map((e) => ({ value: e.id, label: e.title }))} />}>
        {stats.data ? <>
          <p>参考人数{stats.data.takers}人（取每人最高分答卷）。难度＝答对率；区分度＝{stats.data.method === 'groups27' ? '高分组与低分组（各27%）答对率之差' : '点二列相关系数'}；低于0.2的题目建议修订。</p>
          <Table rowKey="id" size="small" dataSource={stats.data.items} pagination={{ pageSize: 20 }} columns={[
            { title: '题干', dataIndex: 'stem', ellipsis: true },
            { title: '题型', dataIndex: 'typeName', width: 80 },
            { title: '法律', dataIndex: 'law', width: 200, ellipsis: true },
            { title: '作答人数', dataIndex: 'n', width: 90 },
            { title: '难度（答对率）', dataIndex: 'facility', width: 120 },
            { title: '区分度', dataIndex: 'discrimination', width: 90 },
            { title: '高低分组差', dataIndex: 'upperLower', width: 100 },
            { title: '点二列相关', dataIndex: 'pointBiserial', width: 100 },
            { title: '提示', dataIndex: 'flag', width: 100, render: (f: string | null) => (f ? <Tag color="orange">{f}</Tag> : null) },
          ]} />
        </> : <span>选择一场考试查看各题的难度和区分度。</span>}
      </Card>
      <Table rowKey="id" loading={bank.isLoading} dataSource={bank.data ?? []} pagination={{ pageSize: 20 }} columns={[
        { title: '所属法律', dataIndex: 'law', width: 220 },
        { title: '知识点', dataIndex: 'topic', width: 120 },
        { title: '题型', dataIndex: 'type', width: 80, render: (t: QuestionType) => QUESTION_TYPES[t] },
        { title: '题干', dataIndex: 'stem' },
        { title: '答案', dataIndex: 'answer', width: 70, render: (a: string) => ({ T: '对', F: '错' } as Record<string, string>)[a] ?? a },
      ]} />
    </PageContainer>
  );
}
