import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { checkInSchema } from '../../utils/checkin/record';
import { scoreView } from '../../utils/checkin/scoring';
import { allianceTrend, clientsByAliasPrefix, recentFlaggedCheckIns, searchVisits } from '../../utils/db/review';
import { clientOverview, visitDetail } from '../../utils/db/review-detail';
import { V5_RECORDS } from '../fixtures/db/attune-v5';
import { fillWithHistory } from './review-fixtures';

const DAY = 86_400_000;
const [FIXTURE_CLIENT] = V5_RECORDS.clients;
const [FIXTURE_VISIT] = V5_RECORDS.visits;

describe('finding past visits', () => {
  it('by the start of an alias (any case) and a date range, newest first, a page at a time', async () => {
    const history = await fillWithHistory(600);
    const client = history.clients.find((candidate) => history.visits.filter((visit) => visit.clientId === candidate.id).length > 12) ?? expect.fail('a regular client');
    const theirs = history.visits.filter((visit) => visit.clientId === client.id).sort((a, b) => b.startedAt - a.startedAt);
    const from = theirs.at(-3)?.startedAt ?? 0;
    const to = (theirs[2]?.startedAt ?? 0) + 1;
    // Other clients whose alias starts the same way are found too; filter to this client's visits to compare.
    const expected = theirs.filter((visit) => visit.startedAt >= from && visit.startedAt < to);
    const found = [];
    let offset = 0;
    for (;;) {
      const page = await searchVisits({ alias: client.alias.toLowerCase(), from, to }, offset, 4);
      expect(page.summaries.length).toBeLessThanOrEqual(4);
      found.push(...page.summaries);
      offset += page.summaries.length;
      if (!page.more) break;
    }
    expect(found.filter((summary) => summary.visit.clientId === client.id).map((summary) => summary.visit)).toEqual(expected);
    expect(found.every((summary) => summary.alias.toLowerCase().startsWith(client.alias.toLowerCase()))).toBe(true);
    expect(found.map((summary) => summary.visit.startedAt)).toEqual([...found.map((summary) => summary.visit.startedAt)].sort((a, b) => b - a));
  });

  it('by date range alone, through the start-time index, without repeating or skipping across pages', async () => {
    const history = await fillWithHistory(300);
    const newest = Math.max(...history.visits.map((visit) => visit.startedAt));
    const from = newest - 30 * DAY;
    const expected = history.visits.filter((visit) => visit.startedAt >= from).sort((a, b) => b.startedAt - a.startedAt);
    const first = await searchVisits({ alias: '', from, to: null }, 0, 10);
    const second = await searchVisits({ alias: '', from, to: null }, 10, 10);
    expect(first.more).toBe(true);
    expect([...first.summaries, ...second.summaries].map((summary) => summary.visit.id)).toEqual(expected.slice(0, 20).map((visit) => visit.id));
    expect(second.summaries[0]?.notePreview).toBeTypeOf('string');
  });

  it('finds nothing for an alias no client has, or an empty date range', async () => {
    await fillWithHistory(50);
    expect(await searchVisits({ alias: 'zzz', from: null, to: null }, 0, 10)).toEqual({ summaries: [], more: false });
    expect(await searchVisits({ alias: '', from: 5_000, to: 5_000 }, 0, 10)).toEqual({ summaries: [], more: false });
    expect((await clientsByAliasPrefix('m.')).map((client) => client.alias)).toContain(FIXTURE_CLIENT.alias);
  });
});

describe('a client\u2019s alliance trend', () => {
  it('has both views\u2019 totals for each completed check-in, oldest first, and the instrument\u2019s threshold', async () => {
    const history = await fillWithHistory(400);
    const client = history.clients.find((candidate) => history.checkIns.filter((checkIn) => checkIn.clientId === candidate.id).length > 8) ?? expect.fail('a regular client');
    const completed = history.checkIns
      .filter((checkIn) => checkIn.clientId === client.id && checkIn.completedAt !== null)
      .map((checkIn) => checkInSchema.parse(checkIn))
      .sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0));
    const trend = await allianceTrend(client.id);
    expect(trend).toMatchObject({ instrumentId: 'attune-brief-check-in', range: { min: 0, max: 40 }, threshold: 32, otherInstruments: 0 });
    expect(trend?.points).toEqual(
      completed.map((checkIn) => ({
        visitId: checkIn.visitId,
        at: checkIn.completedAt,
        client: scoreView(ATTUNE_CHECK_IN, checkIn.client)?.total ?? null,
        clinician: scoreView(ATTUNE_CHECK_IN, checkIn.clinician)?.total ?? null,
      })),
    );
    expect(trend?.points.some((point) => point.client !== null)).toBe(true);
  });

  it('is undefined for a client with no completed check-in', async () => {
    expect(await allianceTrend('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});

describe('review screens', () => {
  it('a visit\u2019s detail holds its agenda, note, check-in with scores, next-time notes and presence summary', async () => {
    await fillWithHistory(10);
    const detail = await visitDetail(FIXTURE_VISIT.id);
    expect(detail?.client?.alias).toBe('M.K.');
    expect(detail?.agenda.map((item) => item.text)).toEqual(['Review homework']);
    expect(detail?.note).toBe('Worked on the sleep plan.');
    expect(detail?.nextTime?.homework).toBe('Sleep diary');
    expect(detail?.checkIn?.client?.total).toBe(31);
    expect(detail?.checkIn?.flags.map((flag) => flag.kind)).toContain('total-low');
    expect(detail?.presence?.awayEpisodes).toBe(2);
    expect(await visitDetail('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('a client\u2019s overview has the trend, goals, latest visits and what was agreed for next time', async () => {
    await fillWithHistory(10);
    const overview = await clientOverview(FIXTURE_CLIENT.id);
    expect(overview?.visitCount).toBe(1);
    expect(overview?.goals.map((goal) => goal.title)).toEqual(['Sleep by 11 pm']);
    expect(overview?.recent.map((summary) => summary.notePreview)).toEqual(['Worked on the sleep plan.']);
    expect(overview?.lastNextTime?.note).toBe('Ask about work');
    expect(overview?.trend?.points).toEqual([{ visitId: FIXTURE_VISIT.id, at: V5_RECORDS.checkIns[0].completedAt, client: 31, clinician: 33 }]);
  });

  it('flagged check-ins come newest first from the completed-check-in index', async () => {
    const history = await fillWithHistory(300);
    const flagged = await recentFlaggedCheckIns(5);
    expect(flagged.length).toBe(5);
    const completedAt = flagged.map((entry) => entry.review.checkIn.completedAt ?? 0);
    expect(completedAt).toEqual([...completedAt].sort((a, b) => b - a));
    expect(flagged.every((entry) => entry.review.flags.length > 0)).toBe(true);
    const aliasOf = new Map(history.clients.map((client) => [client.id, client.alias]));
    expect(flagged.every((entry) => entry.alias === aliasOf.get(entry.visit.clientId))).toBe(true);
  });
});
