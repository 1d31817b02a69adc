/**
 * The calendar's row shapes, on their own so the generated calendar-data.ts and calendar.ts both read
 * them without importing each other.
 */
export type CalendarOverride = { date: string; kind: 'holiday' | 'workday'; name: string };
export type DayInfo = { date: string; workday: boolean; name?: string; kind?: 'holiday' | 'workday' };
