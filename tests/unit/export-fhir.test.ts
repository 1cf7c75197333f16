import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import type { FhirWords } from '../../utils/checkin/fhir';
import { ATTUNE_CHECK_IN, instrumentKey, type Instrument } from '../../utils/checkin/instrument';
import { checkInSchema, type CheckIn } from '../../utils/checkin/record';
import { exportFhirBundle } from '../../utils/export/files';
import { checkInBundle } from '../../utils/export/fhir-bundle';
import { generateVisitHistory } from '../support/seed.mjs';
import { CUSTOM } from './checkin-fixtures';
import { fillWithHistory, NOW } from './review-fixtures';

// HL7's FHIR R4 JSON schema, packaged with this validator (a devDependency).
const require = createRequire(import.meta.url);
const FhirValidator: new () => { validate: (resource: unknown, verbose: boolean) => unknown[] } = require('@asymmetrik/fhir-json-schema-validator');
const r4 = new FhirValidator();

const words: FhirWords = {
  wording: (wording) => ('text' in wording ? wording.text : (english as Record<string, { message: string }>)[wording.key]?.message ?? wording.key),
  t: (key) => english[key].message,
};

const history = generateVisitHistory({ visits: 120, now: NOW, seed: 9 });
const instruments = new Map<string, Instrument>([
  [instrumentKey(ATTUNE_CHECK_IN.id, ATTUNE_CHECK_IN.version), ATTUNE_CHECK_IN],
  [instrumentKey(CUSTOM.id, CUSTOM.version), CUSTOM],
]);
const checkIns: CheckIn[] = history.checkIns.map((seeded) => checkInSchema.parse(seeded)).map((checkIn, index) =>
  index === 0 ? { ...checkIn, instrumentId: CUSTOM.id, instrumentVersion: CUSTOM.version, client: { answers: { aims: 5, work: 6, trust: 7 }, skipped: false } } : checkIn,
);

describe('FHIR R4 Bundle export', () => {
  const bundle = checkInBundle(checkIns, instruments, words, NOW);

  it('is a valid R4 Bundle: the Bundle and every resource in it pass HL7\u2019s R4 schema', () => {
    expect(r4.validate(bundle, true)).toEqual([]);
    for (const entry of bundle.entry) expect(r4.validate(entry.resource, true), entry.fullUrl).toEqual([]);
  });

  it('holds each instrument used as a Questionnaire, then one QuestionnaireResponse per check-in pointing at it', () => {
    const questionnaires = bundle.entry.filter((entry) => entry.resource.resourceType === 'Questionnaire');
    const responses = bundle.entry.flatMap((entry) => (entry.resource.resourceType === 'QuestionnaireResponse' ? [entry.resource] : []));
    expect(questionnaires.map((entry) => entry.resource.id)).toEqual(['attune-brief-check-in-1', 'practice-measure-2']);
    expect(responses).toHaveLength(checkIns.length);
    const canonical = new Set(questionnaires.flatMap((entry) => (entry.resource.resourceType === 'Questionnaire' ? [`${entry.resource.url}|${entry.resource.version}`] : [])));
    expect(responses.every((response) => canonical.has(response.questionnaire))).toBe(true);
    expect(new Set(bundle.entry.map((entry) => entry.fullUrl)).size).toBe(bundle.entry.length);
    expect(responses.filter((response) => response.status === 'in-progress')).toHaveLength(checkIns.filter((checkIn) => checkIn.completedAt === null).length);
  });

  it('names clients only by Attune\u2019s opaque id, never by alias', () => {
    const text = JSON.stringify(bundle);
    for (const client of history.clients) expect(text).not.toContain(`"${client.alias}"`);
  });

  it('the validator rejects a broken Bundle, so the checks above can fail', () => {
    expect(r4.validate({ ...bundle, type: 'pile' }, true)).not.toEqual([]);
  });

  it('is read from the database', async () => {
    const seeded = await fillWithHistory(30);
    const fromDb = JSON.parse(await exportFhirBundle(words, NOW));
    expect(r4.validate(fromDb, true)).toEqual([]);
    expect(fromDb.entry).toHaveLength(1 + seeded.checkIns.length + 1);
  });
});
