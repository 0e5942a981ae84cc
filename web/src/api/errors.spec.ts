import { describe, expect, it } from 'vitest';
import { describeError, reasonInChinese } from './errors';

describe('describeError', () => {
  it.each([
    [
      'a field list names each field in Chinese',
      400,
      { code: 'VALIDATION_FAILED', details: [{ field: 'next', reason: 'must be at least 10 characters' }] },
      '新密码：至少 10 个字符',
      { next: '至少 10 个字符' },
    ],
    ['a Chinese server message is kept', 401, { code: 'UNAUTHORIZED', message: '用户名或密码错误' }, '用户名或密码错误', {}],
    ['a known code', 403, { code: 'CSRF_TOKEN_INVALID', message: 'csrf' }, '页面已过期，请刷新后重试', {}],
    [
      'a *_NOT_FOUND names the record (the catalogue)',
      404,
      { code: 'LAWYER_NOT_FOUND', message: 'Lawyer x not found' },
      '未找到该律师',
      {},
    ],
    ['an unknown *_NOT_FOUND', 404, { code: 'THING_NOT_FOUND', message: 'Thing x not found' }, '未找到该记录', {}],
    ['an unknown conflict by status', 409, { code: 'SOMETHING_NEW', message: 'x' }, '与当前状态冲突，请刷新后重试', {}],
    ['a 500 with its correlation id', 500, { message: 'internal error', correlationId: 'abc' }, '服务器出错，请联系管理员（编号 abc）', {}],
    ['no answer at all', 0, null, '无法连接服务器，请检查网络', {}],
    [
      'a hard roster rule in words (rule 10)',
      409,
      { code: 'OVERLAPPING_SHIFT', message: 'the lawyer holds an overlapping shift' },
      '该律师同一时段已有其他值班',
      {},
    ],
    ['a stale change', 409, { code: 'SHIFT_CHANGED', message: 'the shift changed meanwhile' }, '该班次刚被他人调整，请刷新后重试', {}],
    [
      'a duty-ledger refusal in the shared catalogue (Art 2)',
      409,
      { code: 'ALREADY_CHECKED_IN', message: 'this shift is already checked in' },
      '本班次已签到，无需重复签到',
      {},
    ],
    [
      'a help record on another day',
      400,
      { details: [{ field: 'startedAt', reason: "must be on the shift's day 2026-10-12" }] },
      '开始时间：应在值班当天（2026-10-12）',
      { startedAt: '应在值班当天（2026-10-12）' },
    ],
    [
      'the pick finds nobody (rule 5)',
      409,
      { code: 'NO_ELIGIBLE_LAWYER', message: 'no lawyer in the pool can be appointed to this case' },
      '律师库中没有可指派的律师',
      {},
    ],
  ])('%s', (_name, status, body, message, fields) => {
    expect(describeError(status, body)).toEqual({ message, fields });
  });
});

describe('reasonInChinese', () => {
  it.each([
    ['should not be empty', '不能为空'],
    ['must be shorter than or equal to 50 characters', '最多 50 个字符'],
    ['something the table does not know', 'something the table does not know'],
    ['the lawyer is on leave that day (rule 10: unavailability respected)', '该律师当天请假，不能值班'],
    ['overlaps template 上午', '与班次“上午”时间重叠'],
    ['overlaps 春节 (2027-02-05..2027-02-13)', '与春节（2027-02-05 至 2027-02-13）重叠'],
    ['2027-02-10 is inside 春节', '2027-02-10 在春节放假期间内'],
    ['2027-03-03 is a weekday, a working day already', '2027-03-03 是周一至周五，本来就是工作日'],
    ['must be inside 2027', '须在 2027 年内'],
    ['must not contain an ID number (身份证号)', '不能填写身份证号'],
    ['同日第二个班次', '同日第二个班次'],
    ['must be 17 digits (执业证号)', '应为 17 位数字'],
    ['duplicates row 3', '与第 3 行重复'],
    ['has 7 cells, the header has 8', '本行 7 列，表头 8 列'],
  ])('%s', (reason, zh) => expect(reasonInChinese(reason)).toBe(zh));
});
