/**
 * One error type for the whole system. Every code has a fixed HTTP status and a Chinese message that a
 * counter clerk can act on; `details` carries field-level messages. Raw database errors never leave the
 * server: the error handler maps anything that is not an AppError to INTERNAL.
 */
export const ERROR_CATALOG = {
  VALIDATION: { status: 400, message: '提交的内容不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求无效' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  BAD_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '账号已锁定，请稍后再试或联系安全管理员' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  CSRF: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改密码，再办理业务（首次登录或密码已超过有效期）' },
  NOT_FOUND: { status: 404, message: '记录不存在或您无权查看' },
  CONFLICT: { status: 409, message: '记录已被他人修改，请刷新后重试' },
  STATE_CONFLICT: { status: 409, message: '办理状态已变化，该操作已不可执行，请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '当前状态下不能执行该操作' },
  GUARD_FAILED: { status: 422, message: '不满足办理条件' },
  WEAK_PASSWORD: { status: 422, message: '密码不符合复杂度要求' },
  CALENDAR_OUT_OF_RANGE: { status: 422, message: '日期超出已维护的节假日数据范围' },
  INVALID_ID_NUMBER: { status: 422, message: '证件号码校验不通过' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容过大' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  UNAVAILABLE: { status: 503, message: '该功能暂不可用' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type FieldIssue = { path: string; message: string };
export type ErrorDetails = { fields?: FieldIssue[]; [key: string]: unknown };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorDetails;

  /** `message` overrides the catalogue text when the situation needs a more precise sentence. */
  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? ERROR_CATALOG[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.details = details;
  }

  toJSON() {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
