/** Hours before a session until which a patient may move or cancel it online, unless the clinic sets another. */
export const defaultNoticeHours = 24;
/** The most a clinic may set: a month. */
export const maxNoticeHours = 720;

const hourMs = 3_600_000;

/** The last instant (epoch ms) at which a session starting at `scheduledAt` may still be changed online. */
export function changeableUntilMs(scheduledAt: string, noticeHours: number): number {
  return Date.parse(scheduledAt) - noticeHours * hourMs;
}

/** Whether, at `nowMs`, a session starting at `scheduledAt` is still far enough away to change online. */
export function isChangeableOnline(scheduledAt: string, noticeHours: number, nowMs: number): boolean {
  return nowMs <= changeableUntilMs(scheduledAt, noticeHours);
}

/** The earliest start (epoch ms) a patient may book or move a session to online: the notice period from now. */
export function earliestOnlineStartMs(nowMs: number, noticeHours: number): number {
  return nowMs + noticeHours * hourMs;
}
