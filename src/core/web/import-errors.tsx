/** The refusal of an all-or-nothing import: the message, then each bad row with all its messages. */
import { Alert } from 'antd';
import type { ImportRowError } from '../shared/import-errors';

export function ImportErrors({ message, rows, testId = 'import-errors' }: { message: string; rows?: ImportRowError[]; testId?: string }) {
  return (
    <Alert type="error" showIcon style={{ marginTop: 12 }} message={message} data-testid={testId}
      description={rows?.length ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {rows.map((r) => <li key={`${r.sheet ?? ''}:${r.row}`}>{r.sheet ? `「${r.sheet}」` : ''}{r.row > 0 ? `第${r.row}行：` : ''}{r.messages.join('；')}</li>)}
        </ul>
      ) : undefined} />
  );
}
