/**
 * Password complexity per GB/T 22239-2019 8.1.4.1 a (common 测评 practice): at least 8 characters with at
 * least three of upper case, lower case, digits and symbols. Shared so forms can say the rule up front.
 */
export const PASSWORD_RULE_TEXT = '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类';

export function passwordProblem(pw: string, minLength = 8, username?: string): string | null {
  if (pw.length < minLength) return `密码长度不能少于${minLength}位`;
  if (pw.length > 128) return '密码长度不能超过128位';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
