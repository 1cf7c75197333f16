/**
 * What a practice's policy sets beyond the clinician's settings: its own video-visit hosts (`customHosts`) and its own
 * check-in definition (`checkIn.definition`). Each is validated like everything else from outside; an invalid value is
 * ignored as a whole and reported naming its key, never half-applied.
 */
import { InvalidInstrumentError, parseInstrumentDefinition, type Instrument } from './checkin/instrument';
import { customHostsSchema } from './custom-hosts';
import { describeIssues } from './models';
import { platformForHost } from './platforms';

export const PRACTICE_HOSTS_KEY = 'customHosts';
export const PRACTICE_DEFINITION_KEY = 'checkIn.definition';
/** Policy keys that are not settings of the clinician's. */
export const PRACTICE_POLICY_KEYS = [PRACTICE_HOSTS_KEY, PRACTICE_DEFINITION_KEY] as const;

export interface PracticeExtras {
  customHosts: string[];
  instrument?: Instrument;
}

const DEFINITION_PREFIX = 'The check-in definition was not loaded: ';

function hostsFrom(value: unknown): { hosts: string[]; problem?: string } {
  const parsed = customHostsSchema.safeParse(value);
  if (!parsed.success) return { hosts: [], problem: describeIssues(parsed.error) };
  const builtIn = parsed.data.filter((host) => platformForHost(host) !== undefined);
  if (builtIn.length > 0) return { hosts: [], problem: `${builtIn.join(', ')}: already a built-in platform; list only the practice's own hosts` };
  return { hosts: [...new Set(parsed.data)] };
}

/**
 * The definition as the policy gives it: Chrome's and Edge's schema carry it as a string holding its JSON (as the
 * Windows registry must), Firefox's policies.json may also give the object itself.
 */
function instrumentFrom(value: unknown): { instrument?: Instrument; problem?: string } {
  let definition = value;
  if (typeof value === 'string') {
    try {
      definition = JSON.parse(value);
    } catch {
      return { problem: 'is not valid JSON' };
    }
  }
  try {
    return { instrument: parseInstrumentDefinition(definition) };
  } catch (failure) {
    if (!(failure instanceof InvalidInstrumentError)) throw failure;
    const message = failure.message.startsWith(DEFINITION_PREFIX) ? failure.message.slice(DEFINITION_PREFIX.length) : failure.message;
    return { problem: message.replace(/\.$/, '') };
  }
}

/** The practice's hosts and definition from its policy, and the problems (`key: what is wrong`) with the ones ignored. */
export function practiceExtras(policy: Record<string, unknown>): PracticeExtras & { problems: string[] } {
  const problems: string[] = [];
  const extras: PracticeExtras = { customHosts: [] };
  if (policy[PRACTICE_HOSTS_KEY] !== undefined) {
    const { hosts, problem } = hostsFrom(policy[PRACTICE_HOSTS_KEY]);
    extras.customHosts = hosts;
    if (problem !== undefined) problems.push(`${PRACTICE_HOSTS_KEY}: ${problem}`);
  }
  if (policy[PRACTICE_DEFINITION_KEY] !== undefined) {
    const { instrument, problem } = instrumentFrom(policy[PRACTICE_DEFINITION_KEY]);
    if (instrument !== undefined) extras.instrument = instrument;
    if (problem !== undefined) problems.push(`${PRACTICE_DEFINITION_KEY}: ${problem}`);
  }
  return { ...extras, problems };
}
