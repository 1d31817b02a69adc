/**
 * A form generated from the JSON Schema the server derives from an event's zod input: the field titles,
 * enums, lengths and required list are the server's, so the UI never restates a rule.
 */
import { Checkbox, Form, Input, InputNumber, Select, DatePicker, Switch } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';

type Prop = { type?: string | string[]; title?: string; description?: string; enum?: string[]; items?: Prop; maxLength?: number; minimum?: number; maximum?: number; format?: string; pattern?: string; anyOf?: Prop[] };
export type JsonSchema = { properties?: Record<string, Prop>; required?: string[] };

const base = (p: Prop): Prop => (p.anyOf ? p.anyOf.find((x) => x.type !== 'null') ?? p : p);

export function DynamicFields({ schema }: { schema: JsonSchema }) {
  const props = schema.properties ?? {};
  return (
    <>
      {Object.entries(props).map(([name, raw]) => {
        const p = base(raw);
        const required = schema.required?.includes(name) ?? false;
        const label = p.title ?? name;
        const rules = [{ required, message: `请填写${label}` }];
        const type = Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
        let input;
        // A list of choices the server names for this case (e.g. the guide's materials): tick boxes.
        // Other lists (rows of objects) need a page of their own and are not rendered here.
        if (type === 'array') {
          if (!p.items?.enum?.length) return null;
          input = <Checkbox.Group style={{ display: 'grid', gap: 4 }} options={p.items.enum.map((v) => ({ value: v, label: v }))} />;
        } else if (p.enum) input = <Select options={p.enum.map((v) => ({ value: v, label: v }))} />;
        else if (type === 'integer' || type === 'number') input = <InputNumber style={{ width: '100%' }} min={p.minimum} max={p.maximum} precision={type === 'integer' ? 0 : undefined} />;
        else if (type === 'boolean') input = <Switch />;
        else if (p.format === 'date' || p.pattern === '^\\d{4}-\\d{2}-\\d{2}$') input = <DatePicker style={{ width: '100%' }} />;
        else if ((p.maxLength ?? 0) > 200) input = <Input.TextArea rows={3} maxLength={p.maxLength} showCount />;
        else input = <Input maxLength={p.maxLength} />;
        return <Form.Item key={name} name={name} label={label} extra={p.description} rules={rules} valuePropName={type === 'boolean' ? 'checked' : 'value'}>{input}</Form.Item>;
      })}
    </>
  );
}

/** Form values → request body: dates as YYYY-MM-DD, empty strings dropped. */
export function formBody(form: FormInstance): Record<string, unknown> {
  const v = form.getFieldsValue() as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === '') continue;
    out[k] = dayjs.isDayjs(val) ? val.format('YYYY-MM-DD') : val;
  }
  return out;
}
