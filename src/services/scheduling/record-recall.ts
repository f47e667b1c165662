import { maintenanceRecall } from '../../core/scheduling/maintenance-recall.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { CourseRecord, MaintenanceRecallRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { loadWritableCourse } from '../access/course-access.js';
import { callCore } from './core-call.js';

/**
 * After a course: the maintenance recall at the protocol's spacing from the last session done
 * (its local date at the session's location), stored in place of any earlier one; an active course
 * is marked completed with it. In the caller's transaction.
 */
export async function recordMaintenanceRecall(
  tx: Repositories,
  input: { user: UserRecord; courseId: string },
): Promise<{ course: CourseRecord; recall: MaintenanceRecallRecord }> {
  let { record: course } = await loadWritableCourse(tx, input.user, input.courseId);
  const sessions = await tx.treatmentSessions.listByCourse(course.id);
  if (sessions.some((s) => s.status === 'planned'))
    throw conflict('course_not_finished', 'the course still has planned sessions');
  const last = sessions.filter((s) => s.status === 'done').at(-1);
  if (!last) throw conflict('no_session_done', 'no session of the course is done yet');
  const settings = await tx.courses.findSchedule(course.id);
  const locationId = last.locationId ?? settings?.locationId;
  const location = locationId ? await tx.clinics.findLocation(locationId) : undefined;
  const lastDate = callCore(
    () => new ZoneCalendar(location?.timeZone ?? 'UTC').local(Date.parse(last.scheduledAt)).date,
  );
  const window = callCore(() => maintenanceRecall(lastDate, course.plan.maintenance));
  if (!window) throw conflict('no_maintenance', `the plan schedules no maintenance: ${course.plan.maintenance.note}`);
  const recall = await tx.courses.setMaintenanceRecall({
    courseId: course.id,
    lastSessionDate: lastDate,
    dueFrom: window.from,
    dueTo: window.to,
    message: window.message,
    createdBy: input.user.id,
  });
  if (course.status === 'active') course = (await tx.courses.setStatus(course.id, 'completed')) ?? course;
  return { course, recall };
}
