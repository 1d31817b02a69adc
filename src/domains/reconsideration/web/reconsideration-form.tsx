/** The 行政复议 application form (第22条 contents), for the citizen's phone and the bureau's counter alike. */
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { ApiError, type ApiBody } from '../../../core/web/api';
import { useFileReconsideration, useRespondents, type Filed } from './reconsideration.hooks';
import { ACT_KINDS, APPLICANT_KINDS, CHANNELS, suggestProcedure, type ActKind, PROCEDURES } from '../shared/reconsideration.labels';

const day = (v: unknown) => (v ? dayjs(v as dayjs.Dayjs).format('YYYY-MM-DD') : undefined);

export function ApplicationForm({ staff, name, onFiled }: { staff: boolean; name?: string; onFiled: (f: Filed) => void }) {
  const [form] = Form.useForm();
  const respondents = useRespondents();
  const file = useFileReconsideration(onFiled, (e) => { if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path, errors: [f.message] }))); });
  // The form's values are antd's (dayjs dates, blank strings): the server's schema judges the rest.
  const submit = (v: Record<string, unknown>) => file.mutate({
    ...v, knewOn: day(v.knewOn), receivedOn: staff ? day(v.receivedOn) : undefined, channel: staff ? v.channel : 'online',
    amountYuan: v.amountYuan ?? undefined, actRefNo: (v.actRefNo as string | undefined)?.trim() || undefined, address: v.address || undefined,
  } as ApiBody<'/api/reconsiderations'>);
  const actKind = Form.useWatch('actKind', form) as ActKind | undefined;
  const amount = Form.useWatch('amountYuan', form) as number | undefined;
  const agree = Form.useWatch('partiesAgreeSimple', form) as boolean | undefined;
  const hint = actKind ? suggestProcedure({ actKind, amountYuan: amount, partiesAgreeSimple: agree }) : null;
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ applicantKind: 'person', applicantName: name, channel: 'counter' }} data-testid="reconsideration-form">
      {staff ? <Form.Item name="channel" label="申请方式（第22条）"><Select options={Object.entries(CHANNELS).filter(([k]) => k !== 'online').map(([value, label]) => ({ value, label }))} /></Form.Item> : null}
      {staff ? <Form.Item name="receivedOn" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请的日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item> : null}
      <Form.Item name="applicantKind" label="申请人类型"><Select options={Object.entries(APPLICANT_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="applicantName" label="申请人姓名或名称" rules={[{ required: true, message: '请填写申请人' }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="phone" label="手机号码（查询进度用）" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} inputMode="numeric" /></Form.Item>
      <Form.Item name="address" label="送达地址"><Input maxLength={200} /></Form.Item>
      <Form.Item name="respondentOrgId" label="被申请人（作出行政行为的机关）" rules={[{ required: true, message: '请选择被申请人' }]}>
        <Select showSearch optionFilterProp="label" data-testid="respondent" options={(respondents.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="actKind" label="行政行为类别" rules={[{ required: true, message: '请选择行政行为类别' }]}><Select data-testid="act-kind" options={Object.entries(ACT_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="actDescription" label="被申请的行政行为（名称、文号或内容）" rules={[{ required: true, message: '请写明被申请的行政行为' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="actRefNo" label="该行为在本平台的办件编号（选填）"><Input maxLength={40} /></Form.Item>
      <Form.Item name="amountYuan" label="涉及金额（元，选填）"><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="knewOn" label="知道该行政行为的日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="rightNotStated" valuePropName="checked"><Checkbox>行政机关未告知我申请行政复议的权利、机关和期限</Checkbox></Form.Item>
      <Form.Item name="partiesAgreeSimple" valuePropName="checked"><Checkbox>同意适用简易程序</Checkbox></Form.Item>
      {hint ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`建议适用${PROCEDURES[hint.procedure]}：${hint.reason}`} /> : null}
      <Form.Item name="request" label="行政复议请求" rules={[{ required: true, message: '请写明行政复议请求' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="factsAndReasons" label="主要事实和理由" rules={[{ required: true, message: '请写明主要事实和理由' }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
      {file.error ? <Alert type="error" showIcon message={file.error.message} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" block loading={file.isPending}>{staff ? '登记申请' : '提交申请'}</Button>
    </Form>
  );
}
