/** A Scheduled Flow's schedule: shown, edited, validated, saved and exported as Okta's cron. */
import { CRON_KEYS } from '../src/model/schedule.ts';
import { expect, test } from './fixtures.ts';
import { addEvent, card, newFlowInFolder, openInspector } from './studio.ts';
import { exportedText, saveFlow } from './flowFile.ts';

test('a Scheduled Flow is set to run weekly on Monday and Thursday at 07:30 in Berlin', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url, 'Nightly jobs');
  await addEvent(page, 'Scheduled Flow');
  const inspector = await openInspector(page);
  const words = inspector.getByRole('status', { name: 'Schedule in words' });
  await expect(words).toHaveText('Every day at 09:00, UTC');
  await expect(inspector).not.toContainText('on-demand');
  const event = card(page, /Scheduled Flow, card 1 of/);
  await expect(event).toContainText('Every day at 09:00, UTC');

  await inspector.getByLabel('Repeats').selectOption({ label: 'Every week' });
  await expect(inspector.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
  await inspector.getByRole('checkbox', { name: 'Thursday' }).check();
  await inspector.getByLabel('Time', { exact: true }).fill('07:30');
  const zone = inspector.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Europe/Berlin');
  await zone.press('Enter');
  const weekly = 'At 07:30 on Monday and Thursday, Europe/Berlin';
  await expect(words).toHaveText(weekly);
  await expect(event).toContainText(weekly);

  // An invalid value shows its error, tied to its field, and changes nothing.
  await zone.fill('Mars/Olympus');
  await zone.press('Enter');
  const error = inspector.getByRole('alert').filter({ hasText: 'Time zone "Mars/Olympus"' });
  await expect(error).toContainText('is not an IANA time zone');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  const errorId = await error.getAttribute('id');
  await expect(zone).toHaveAttribute('aria-describedby', errorId ?? 'missing');
  await expect(words).toHaveText(weekly);
  await expect(event).toContainText(weekly);
  await zone.fill('Europe/Berlin');
  await zone.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveCount(0);

  await saveFlow(page);
  const pack = JSON.parse(await exportedText(page)) as {
    data: { flos: Record<string, { data: { scheduled: boolean; cron: unknown } }> };
  };
  const flo = Object.values(pack.data.flos)[0];
  expect(flo?.data.scheduled).toBe(true);
  // Exactly Okta's 10 keys and values, in the order Okta's console writes them.
  // (CRON_KEYS is checked against Okta's real exports in src/model/schedule.test.ts.)
  expect(Object.keys(flo?.data.cron ?? {})).toEqual(CRON_KEYS);
  expect(flo?.data.cron).toStrictEqual({
    seconds: '00',
    minutes: '30',
    hours: '7',
    dayOfTheMonth: '*',
    month: '*',
    dayOfTheWeek: '1,4',
    startDate: '',
    endDate: '',
    recurrence: 0,
    timeZone: 'Europe/Berlin',
  });
});
