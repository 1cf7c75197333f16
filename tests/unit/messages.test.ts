import { describe, expect, it } from 'vitest';
import { refusalFor, toBackgroundMessage, type MessageSender, type ToBackgroundMessage } from '../../utils/messages';

const OWN_ID = 'attune-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const VISIT_ID = '0f8c5b2e-4d0a-4c5e-9b7a-3f1e2d4c5b6a';

const senders = {
  'another extension': { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/panel.html', tab: { id: 7 } },
  'another extension posing with our page url': { id: 'some-other-extension', url: `${ORIGIN}panel.html`, tab: { id: 7 } },
  'our content script on a call page': { id: OWN_ID, url: 'https://meet.google.com/abc-defg-hij', tab: { id: 7 } },
  'our panel frame in a call tab': { id: OWN_ID, url: `${ORIGIN}panel.html?platform=meet&host=meet.google.com`, tab: { id: 7 } },
  'our popup (no tab)': { id: OWN_ID, url: `${ORIGIN}popup.html` },
  'a page of ours with no url reported': { id: OWN_ID, tab: { id: 7 } },
  'a page whose url only looks like ours': { id: OWN_ID, url: `https://evil.example/?${ORIGIN}panel.html`, tab: { id: 7 } },
} satisfies Record<string, MessageSender>;
type SenderName = keyof typeof senders;

const requests = {
  bind: { type: 'visit.bind', visitId: VISIT_ID },
  current: { type: 'visit.current' },
  release: { type: 'visit.release', visitId: VISIT_ID },
} satisfies Record<string, ToBackgroundMessage>;
type RequestName = keyof typeof requests;

// undefined = allowed; otherwise a fragment the refusal must contain.
const expectations: [SenderName, RequestName, string | undefined][] = [
  ['another extension', 'bind', 'another extension'],
  ['another extension', 'current', 'another extension'],
  ['another extension', 'release', 'another extension'],
  ['another extension posing with our page url', 'current', 'another extension'],
  ['our content script on a call page', 'current', '"visit.current" returns clinical data'],
  ['our content script on a call page', 'bind', 'only the Attune panel can bind'],
  ['our content script on a call page', 'release', undefined],
  ['our panel frame in a call tab', 'bind', undefined],
  ['our panel frame in a call tab', 'current', undefined],
  ['our panel frame in a call tab', 'release', undefined],
  ['our popup (no tab)', 'current', undefined],
  ['our popup (no tab)', 'bind', undefined],
  ['a page of ours with no url reported', 'current', 'clinical data'],
  ['a page of ours with no url reported', 'bind', 'only the Attune panel'],
  ['a page whose url only looks like ours', 'current', 'clinical data'],
];

describe('refusalFor', () => {
  it.each(expectations)('%s asking %s → %s', (senderName, requestName, refusal) => {
    const result = refusalFor(senders[senderName], OWN_ID, ORIGIN, requests[requestName]);
    if (refusal === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(refusal);
  });

  it('covers every sender and every request at least once', () => {
    expect(new Set(expectations.map(([sender]) => sender))).toEqual(new Set(Object.keys(senders)));
    expect(new Set(expectations.map(([, request]) => request))).toEqual(new Set(Object.keys(requests)));
  });

  it('refuses a clinical request from a content script with a sentence naming the request', () => {
    expect(refusalFor(senders['our content script on a call page'], OWN_ID, ORIGIN, requests.current)).toMatch(
      /^Refused: "visit\.current" returns clinical data and may only be asked by Attune.s own pages\.$/,
    );
  });

  it('checks only the sender when no request is given', () => {
    expect(refusalFor(senders['our content script on a call page'], OWN_ID, ORIGIN)).toBeUndefined();
    expect(refusalFor(senders['another extension'], OWN_ID, ORIGIN)).toMatch(/another extension/);
  });
});

describe('toBackgroundMessage', () => {
  it.each(Object.entries(requests))('accepts a well-formed %s request', (_name, request) => {
    expect(toBackgroundMessage.parse(request)).toEqual(request);
  });

  it('drops fields the protocol does not define', () => {
    expect(toBackgroundMessage.parse({ type: 'visit.current', alias: 'JD' })).toEqual({ type: 'visit.current' });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'visit.current'],
    ['null', null],
    ['an array', [{ type: 'visit.current' }]],
    ['no type', { visitId: VISIT_ID }],
    ['an unknown type', { type: 'visit.delete', visitId: VISIT_ID }],
    ['a type in the wrong case', { type: 'Visit.Current' }],
    ['bind without a visit id', { type: 'visit.bind' }],
    ['bind with a visit id that is not a uuid', { type: 'visit.bind', visitId: '42' }],
    ['bind with a numeric visit id', { type: 'visit.bind', visitId: 42 }],
    ['release without a visit id', { type: 'visit.release' }],
  ])('rejects %s', (_what, message) => {
    expect(toBackgroundMessage.safeParse(message).success).toBe(false);
  });
});
